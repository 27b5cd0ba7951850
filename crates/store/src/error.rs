use thiserror::Error;

/// Everything that can go wrong in the store.
#[derive(Debug, Error)]
pub enum Error {
    /// SQLite reported an error (I/O, constraint, busy, corrupt file).
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A schema migration failed, or the database is newer than this build.
    #[error("migration {version}: {reason}")]
    Migration { version: u32, reason: String },
    /// The document or claim named does not exist.
    #[error("no {kind} with id '{id}'")]
    NotFound { kind: &'static str, id: String },
    /// A query parameter is malformed (a date, an empty search).
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// A document or its claims break the record invariants.
    #[error("invalid input for document '{doc}': {reason}")]
    InvalidInput { doc: String, reason: String },
    /// The document id already names a stored document with different text.
    #[error("document id '{id}' already names a different text (stored hash {stored_hash})")]
    IdTaken { id: String, stored_hash: String },
    /// A review cannot apply to its claim (unknown field, value of the wrong kind).
    #[error("invalid review of claim '{claim}': {reason}")]
    InvalidReview { claim: String, reason: String },
    /// A stored JSON value does not decode (or a claim does not encode).
    #[error("claim JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
