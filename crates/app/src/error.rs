//! What can go wrong in a use case.

use thiserror::Error;

/// Everything a use case of this crate can fail with. One bad document of a
/// batch is not an error here: it is reported in the batch's outcome.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum AppError {
    /// Reading or writing the store failed.
    #[error("store: {0}")]
    Store(#[from] claimtrace_store::Error),
    /// Corroborating stored documents failed.
    #[error("corroboration: {0}")]
    Corroborate(#[from] claimtrace_corroborate::CorroborateError),
    /// Gathering or writing an export failed.
    #[error("export: {0}")]
    Export(#[from] claimtrace_export::ExportError),
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, AppError>;
