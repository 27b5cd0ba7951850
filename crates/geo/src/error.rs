use std::path::PathBuf;

use thiserror::Error;

/// Errors of the geo crate.
#[derive(Debug, Error)]
pub enum GeoError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A GeoNames JSON file did not have the expected shape.
    #[error("{path}: bad GeoNames JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// A gazetteer table line could not be parsed.
    #[error("{path}:{line}: {reason}")]
    Table {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    /// The directory given to `Gazetteer::load` has no GeoNames table.
    #[error("{0}: no GeoNames table (run scripts/setup-data.sh)")]
    MissingTable(PathBuf),
    /// The name index could not be built.
    #[error("building the name index: {0}")]
    Index(String),
    /// An index file (`geonames.idx`) is damaged or not an index.
    #[error("{path}: bad gazetteer index: {reason}")]
    BadIndex { path: PathBuf, reason: String },
}

/// Result alias of the geo crate.
pub type Result<T> = std::result::Result<T, GeoError>;
