use thiserror::Error;

/// One input (or one item/line of it) that could not become a [`claimtrace_model::Document`].
///
/// `input` names the file as given (or `-`), followed by `:LINE` for a JSON
/// Lines line or `#N` for a feed item, so the Display is one line a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IngestError {
    /// The path does not exist or could not be opened or read.
    #[error("{input}: cannot read: {reason}")]
    Read { input: String, reason: String },
    /// The path is a FIFO, a socket or a device: never opened, since reading it could block forever.
    #[error("{input}: skipped: {kind}, not a regular file")]
    NotRegularFile { input: String, kind: String },
    /// A file found by walking a directory that is not an article (a script,
    /// a stylesheet, an image, an archive): skipped and counted, not a failure.
    #[error("{input}: not an article: {reason}")]
    NotAnArticle { input: String, reason: String },
    /// Text with a UTF-16 or UTF-32 byte-order mark that does not decode.
    #[error("{input}: invalid {encoding} at byte {offset}")]
    InvalidEncoding {
        input: String,
        encoding: String,
        offset: usize,
    },
    /// A WARC archive or CSV/TSV table whose structure is broken at a record.
    #[error("{input}: malformed {what}: {reason}")]
    Malformed {
        input: String,
        what: String,
        reason: String,
    },
    /// The input is larger than `IngestConfig::max_bytes`.
    #[error("{input}: too large: {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        input: String,
        size: u64,
        limit: u64,
    },
    /// The input has no bytes, or only whitespace.
    #[error("{input}: empty input")]
    Empty { input: String },
    /// The input holds NUL bytes or a known binary signature, so it is not text.
    #[error("{input}: binary content, not text ({reason})")]
    Binary { input: String, reason: String },
    /// The bytes are not valid UTF-8.
    #[error("{input}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { input: String, offset: usize },
    /// The content is none of text, HTML, RSS/Atom feed or JSON Lines.
    #[error("{input}: unsupported format: {reason}")]
    UnsupportedFormat { input: String, reason: String },
    /// Extraction ran but left no text (e.g. an HTML page with no body text).
    #[error("{input}: no readable text after extraction (empty, or markup only)")]
    NoText { input: String },
    /// The RSS/Atom document could not be parsed.
    #[error("{input}: malformed feed: {reason}")]
    Feed { input: String, reason: String },
    /// The XML declares entities, which could expand without bound; it is refused unparsed.
    #[error(
        "{input}: refused: XML document type declares entities (possible entity-expansion bomb)"
    )]
    XmlEntities { input: String },
    /// A JSON value or JSON Lines line could not be parsed.
    #[error("{input}: malformed JSON: {reason}")]
    Json { input: String, reason: String },
    /// A JSON record parsed but is not a usable document (not an object, no `text`/`html`, a field of the wrong type).
    #[error("{input}: bad record: {reason}")]
    Record { input: String, reason: String },
}

impl IngestError {
    /// The input label this error names (path, `path:LINE`, `path#N` or `-`).
    pub fn input(&self) -> &str {
        match self {
            IngestError::Read { input, .. }
            | IngestError::NotRegularFile { input, .. }
            | IngestError::NotAnArticle { input, .. }
            | IngestError::InvalidEncoding { input, .. }
            | IngestError::Malformed { input, .. }
            | IngestError::TooLarge { input, .. }
            | IngestError::Empty { input }
            | IngestError::Binary { input, .. }
            | IngestError::InvalidUtf8 { input, .. }
            | IngestError::UnsupportedFormat { input, .. }
            | IngestError::NoText { input }
            | IngestError::Feed { input, .. }
            | IngestError::XmlEntities { input }
            | IngestError::Json { input, .. }
            | IngestError::Record { input, .. } => input,
        }
    }
}

impl IngestError {
    /// True for a walked file that is not an article: counted as skipped, not
    /// as a failure.
    pub fn is_skip(&self) -> bool {
        matches!(self, IngestError::NotAnArticle { .. })
    }
}

/// Keeps an error reason on one line, whatever a parser put in its message.
pub(crate) fn one_line(reason: impl std::fmt::Display) -> String {
    reason
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, IngestError>;
