//! claimtrace ingestion: bytes in, [`Document`]s out.
//!
//! An input is plain text (optionally opened by a `---` front-matter
//! block), an HTML page (main text extracted, boilerplate scored away,
//! metadata read from JSON-LD / meta tags), an RSS or Atom feed (one
//! document per item), JSON Lines (one document per line), a CSV/TSV table
//! (one document per row, [`read_table`]) or a WARC archive (one document
//! per HTML or text response, [`WarcReader`], [`parse_response`]); any of
//! them may be gzip-compressed, and text may be UTF-16/UTF-32 with a BOM
//! ([`decode_bom`]). The format is detected from the content and the file
//! extension. Bad input never stops a batch: each failure is one
//! [`IngestError`] whose Display is one line naming the input (and its line,
//! row, item or record) and the reason. Nothing blocks (FIFOs and devices
//! are refused unopened) and nothing costs more than linear time or more
//! memory than `max_bytes` per record.
//!
//! Main entry points: [`discover`] (arguments → [`Input`]s), [`load`]
//! (an input → documents), [`parse_bytes`] (bytes in memory → documents),
//! configured by [`IngestConfig`]. [`ShingleScore`] is the article-extraction
//! benchmark metric used to measure the HTML extractor.
//!
//! ```
//! use claimtrace_ingest::{IngestConfig, parse_bytes};
//! let text = b"---\ntitle: Depot hit\npublished: 2024-05-14\n---\nDrones struck the depot.";
//! let docs = parse_bytes("report.txt", text, None, &IngestConfig::default());
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.id, "report.txt");
//! assert_eq!(doc.title.as_deref(), Some("Depot hit"));
//! assert_eq!(doc.text, "Drones struck the depot.");
//!
//! let err = parse_bytes("blob.bin", b"\0\0\0", None, &IngestConfig::default());
//! assert!(err[0].as_ref().unwrap_err().to_string().starts_with("blob.bin: binary content"));
//! ```

mod config;
mod decode;
mod detect;
mod error;
mod feed;
mod front_matter;
mod html_meta;
mod html_page;
mod html_scan;
mod http;
mod input;
mod jsonl;
mod loader;
mod metadata;
mod record;
mod shingle;
mod source;
mod table;
mod text_writer;
mod warc;
mod warc_input;

pub use claimtrace_model::{Document, InputFormat};
pub use config::{DEFAULT_MAX_BYTES, IngestConfig};
pub use decode::{DecodeError, decode_bom};
pub use error::{IngestError, Result};
pub use feed::declares_entities;
pub use front_matter::FrontMatter;
pub use html_page::HtmlPage;
pub use http::{HttpResponse, dechunk, parse_response};
pub use input::{Input, discover};
pub use loader::{load, parse_bytes};
pub use metadata::{Metadata, normalize_lang, normalize_published};
pub use shingle::{ShingleMatch, ShingleScore};
pub use table::read_table;
pub use text_writer::{TextWriter, fragment_text};
pub use warc::{WarcReader, WarcRecord, is_warc, write_record as write_warc_record};
