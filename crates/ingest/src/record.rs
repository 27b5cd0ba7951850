use claimtrace_model::InputFormat;

use crate::metadata::Metadata;

/// One document's worth of content found inside an input, before ids and
/// hashes are assigned. Multi-document inputs (feeds, JSON Lines) give many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Position inside a multi-document input: 1-based feed item index or
    /// JSON Lines line number; `None` for single-document inputs.
    pub position: Option<usize>,
    pub metadata: Metadata,
    /// Extracted text; never empty or whitespace-only.
    pub text: String,
    /// Where the record came from when it is more precise than the input
    /// name (a feed item's link).
    pub origin: Option<String>,
    /// The record's own format when it differs from its input's (a WARC
    /// record holds HTML or text).
    pub format: Option<InputFormat>,
}
