use thiserror::Error;

/// Errors of the temporal crate.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TemporalError {
    /// A base date string that is neither `YYYY-MM-DD` nor starts with one.
    #[error("not a date: {0:?} (expected YYYY-MM-DD, optionally followed by a time)")]
    BadBase(String),
}

/// Result alias of the temporal crate.
pub type Result<T> = std::result::Result<T, TemporalError>;
