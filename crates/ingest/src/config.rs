use serde::{Deserialize, Serialize};

/// Default for [`IngestConfig::max_bytes`]: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Settings of ingestion. Every field has a default, so `{}` deserialises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IngestConfig {
    /// Largest input accepted, in bytes. A file's size is checked before it
    /// is read, so an oversized file costs no memory. Default 20 MiB.
    pub max_bytes: u64,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}
