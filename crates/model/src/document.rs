use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Span;

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    Text,
    Html,
    Feed,
    Jsonl,
}

impl InputFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::Jsonl => "jsonl",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => InputFormat::Text,
            "html" => InputFormat::Html,
            "feed" => InputFormat::Feed,
            "jsonl" => InputFormat::Jsonl,
            _ => return None,
        })
    }
}

/// One article after ingestion.
///
/// Invariants: `text` is the extracted UTF-8 text every [`Span`] of this
/// document points into; `hash` is [`content_hash`] of `text` (so the same
/// article ingested twice is recognised); `id` is the document's own id when
/// the input gave one, else the file name, else `hash` shortened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Publication date or date-time as ISO 8601 (`2025-06-02` or
    /// `2025-06-02T08:00:00Z`).
    pub published: Option<String>,
    /// ISO 639-1 language code, when known.
    pub lang: Option<String>,
    pub author: Option<String>,
    pub format: InputFormat,
    /// Where the document came from: a path, `-` for stdin, a feed item link.
    pub origin: String,
    pub hash: String,
    pub text: String,
}

impl Document {
    /// A plain-text document with no metadata; `id` is given.
    pub fn from_text(id: &str, text: &str) -> Self {
        Document {
            id: id.to_string(),
            title: None,
            url: None,
            outlet: None,
            published: None,
            lang: None,
            author: None,
            format: InputFormat::Text,
            origin: id.to_string(),
            hash: content_hash(text),
            text: text.to_string(),
        }
    }

    /// The publication date's `YYYY-MM-DD` part, when it has one.
    pub fn published_date(&self) -> Option<&str> {
        let p = self.published.as_deref()?;
        let d = p.get(..10)?;
        let b = d.as_bytes();
        (b.len() == 10 && b[4] == b'-' && b[7] == b'-').then_some(d)
    }
}

/// The stable content hash of a text: hex SHA-256 of its UTF-8 bytes.
pub fn content_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A sentence of a document. Invariant: the sentences of a document tile its
/// text (each starts where the previous ended, the first at 0, the last ends
/// at `text.len()`); `span` may include trailing whitespace, `trimmed` never
/// does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: usize,
    /// The whole tile, trailing whitespace included.
    pub span: Span,
    /// The sentence without surrounding whitespace (what users see).
    pub trimmed: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_date_prefix() {
        let mut d = Document::from_text("x", "t");
        assert_eq!(d.published_date(), None);
        d.published = Some("2025-06-02T08:00:00Z".into());
        assert_eq!(d.published_date(), Some("2025-06-02"));
        d.published = Some("June 2".into());
        assert_eq!(d.published_date(), None);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
