use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong while building an [`crate::Extractor`].
#[derive(Debug, Error)]
pub enum ExtractError {
    /// A user data file (actors, weapons) could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A line of a data file does not have the expected fields.
    #[error("{file}:{line}: {reason}")]
    Data {
        file: String,
        line: usize,
        reason: String,
    },
    /// A lexicon automaton could not be built.
    #[error("cannot build the {lexicon} lexicon: {reason}")]
    Automaton { lexicon: String, reason: String },
    /// A context component (gazetteer, weapon lexicon) failed to load.
    #[error("cannot load {component}: {reason}")]
    Component {
        component: &'static str,
        reason: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, ExtractError>;
