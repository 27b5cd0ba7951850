use thiserror::Error;

/// Everything that can go wrong while corroborating.
#[derive(Debug, Error)]
pub enum CorroborateError {
    /// A configuration value is out of its allowed range.
    #[error("invalid corroboration config: {0}")]
    Config(String),
    /// Reading or writing the store failed.
    #[error("store: {0}")]
    Store(String),
    /// A labelled evaluation file could not be read or parsed.
    #[error("evaluation data {path}: {reason}")]
    EvalData { path: String, reason: String },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, CorroborateError>;
