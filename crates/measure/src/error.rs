use std::path::PathBuf;

use thiserror::Error;

/// Errors of the measure crate.
#[derive(Debug, Error)]
pub enum MeasureError {
    /// A lexicon file could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A lexicon line is malformed.
    #[error("{path}:{line}: {reason}")]
    Lexicon {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    /// The lexicon matcher could not be built.
    #[error("building the weapon matcher: {0}")]
    Index(String),
}

/// Result alias of the measure crate.
pub type Result<T> = std::result::Result<T, MeasureError>;
