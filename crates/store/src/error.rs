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

impl Error {
    /// SQLite gave up waiting for another connection's lock (SQLITE_BUSY or
    /// SQLITE_LOCKED): trying the whole operation again later can succeed.
    pub fn is_busy(&self) -> bool {
        matches!(
            self.sqlite_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// The statement was interrupted at its deadline
    /// ([`crate::SqliteStore::set_deadline`]).
    pub fn is_interrupted(&self) -> bool {
        self.sqlite_code() == Some(rusqlite::ErrorCode::OperationInterrupted)
    }

    fn sqlite_code(&self) -> Option<rusqlite::ErrorCode> {
        match self {
            Error::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => Some(e.code),
            _ => None,
        }
    }
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
