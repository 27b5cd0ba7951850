//! Checks shared by the fuzz targets: the invariants every parser of
//! untrusted input promises. A broken invariant panics, which libFuzzer
//! records as a crash with the input that caused it.

use claimtrace_ingest::{Document, IngestError};
use claimtrace_model::{Span, content_hash};

/// `span` slices `text` on char boundaries (and to `expected` when given).
pub fn assert_slices(text: &str, what: &str, span: Span, expected: Option<&str>) {
    let got = span.slice(text);
    assert!(
        got.is_some(),
        "{what} span {span:?} does not slice the {}-byte text {text:?}",
        text.len()
    );
    if let Some(e) = expected {
        assert_eq!(got, Some(e), "{what} text differs from its span {span:?}");
    }
}

/// The invariants of ingestion output: one-line errors naming their input,
/// documents with text and the hash of that text.
pub fn check_ingest(results: &[Result<Document, IngestError>]) {
    assert!(!results.is_empty(), "no result at all");
    for r in results {
        match r {
            Ok(doc) => {
                assert_eq!(doc.hash, content_hash(&doc.text));
                assert!(!doc.text.trim().is_empty(), "document without text");
                assert!(!doc.id.is_empty(), "document without id");
                for v in [
                    &doc.title,
                    &doc.url,
                    &doc.outlet,
                    &doc.published,
                    &doc.author,
                    &doc.lang,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(!v.is_empty() && v.trim() == v, "untrimmed metadata {v:?}");
                }
            }
            Err(e) => {
                let line = e.to_string();
                assert!(!line.contains(['\n', '\r']), "multi-line error {line:?}");
                assert!(
                    line.starts_with(e.input()),
                    "{line:?} does not name {:?}",
                    e.input()
                );
            }
        }
    }
}
