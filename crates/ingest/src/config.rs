use serde::{Deserialize, Serialize};

/// Default for [`IngestConfig::max_bytes`]: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Settings of ingestion. Every field has a default, so `{}` deserialises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IngestConfig {
    /// Largest input accepted, in bytes: a whole file (its size checked
    /// before it is read, so an oversized file costs no memory; a gzip
    /// file's decompressed size), or one record of a record stream (a JSON
    /// Lines line, a table row, a WARC record). Default 20 MiB.
    pub max_bytes: u64,
    /// The column of a CSV/TSV table that holds the text (case-insensitive);
    /// `None`: the first of `text`, `body`, `content`.
    pub text_column: Option<String>,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_bytes: DEFAULT_MAX_BYTES,
            text_column: None,
        }
    }
}
