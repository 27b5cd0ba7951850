use std::path::PathBuf;

/// Everything that can go wrong while loading gold data or running a peer.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A data file could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A data file is not well-formed XML.
    #[error("{path}: XML: {source}")]
    Xml {
        path: PathBuf,
        source: roxmltree::Error,
    },
    /// A JSON or JSON Lines record could not be parsed.
    #[error("{path}: line {line}: JSON: {source}")]
    Json {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    /// A data file parsed but does not have the documented shape.
    #[error("{path}: {reason}")]
    Format { path: PathBuf, reason: String },
    /// The data directory (or one data set in it) is missing.
    #[error("evaluation data not found at {0} (pass --data or set CLAIMTRACE_EVAL_DATA)")]
    NoData(PathBuf),
    /// A peer tool (Python subprocess) failed or printed something unexpected.
    #[error("peer {tool}: {reason}")]
    Peer { tool: String, reason: String },
    /// A component failed to build (gazetteer, lexicon, extractor).
    #[error("component {component}: {reason}")]
    Component { component: String, reason: String },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, EvalError>;

impl EvalError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn format(path: &std::path::Path, reason: impl Into<String>) -> Self {
        EvalError::Format {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}
