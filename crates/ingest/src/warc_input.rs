//! WARC archives as documents: each `response` record with an HTML or text
//! body (and each such `resource` record) is one document whose url is the
//! record's `WARC-Target-URI`; request, metadata, warcinfo and other
//! records, and responses that are not pages, are passed over.

use std::io::BufRead;

use claimtrace_model::InputFormat;

use crate::config::IngestConfig;
use crate::error::IngestError;
use crate::http::parse_response;
use crate::metadata::normalize_published;
use crate::record::Record;
use crate::warc::{WarcReader, WarcRecord};

/// The documents of a WARC archive read from `r`, one record at a time.
/// Record `N` (counting every record from 1) is labelled `input#N`. A
/// record larger than `cfg.max_bytes` is an error and is skipped unread; a
/// broken archive ends with one error naming the record where it broke,
/// after every record before it.
pub fn read_warc(
    input: &str,
    r: &mut dyn BufRead,
    cfg: &IngestConfig,
) -> Vec<Result<Record, IngestError>> {
    let mut out = Vec::new();
    for (i, rec) in WarcReader::new(r, cfg.max_bytes).enumerate() {
        let n = i + 1;
        let label = format!("{input}#{n}");
        match rec {
            Ok(rec) => out.extend(document(&label, n, &rec, cfg)),
            Err(reason) => out.push(Err(IngestError::Malformed {
                input: label,
                what: "WARC".into(),
                reason,
            })),
        }
    }
    if out.is_empty() {
        out.push(Err(IngestError::NoText {
            input: input.to_string(),
        }));
    }
    out
}

/// The record's document; `None` for records that hold no page.
fn document(
    label: &str,
    n: usize,
    rec: &WarcRecord,
    cfg: &IngestConfig,
) -> Option<Result<Record, IngestError>> {
    let kind = rec.header("warc-type").unwrap_or("").to_ascii_lowercase();
    if kind != "response" && kind != "resource" {
        return None;
    }
    let Some(block) = rec.block.as_deref() else {
        return Some(Err(IngestError::TooLarge {
            input: label.to_string(),
            size: rec.length,
            limit: cfg.max_bytes,
        }));
    };
    let (media, body) = if kind == "response" {
        match parse_response(block, cfg.max_bytes) {
            Ok(h) if (200..300).contains(&h.status) => (h.media_type, h.body),
            Ok(_) => return None,
            Err(reason) => {
                return Some(Err(IngestError::Malformed {
                    input: label.to_string(),
                    what: "HTTP response".into(),
                    reason,
                }));
            }
        }
    } else {
        let media = rec.header("content-type").map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        (media, block.to_vec())
    };
    let format = match media.as_deref() {
        Some("text/html" | "application/xhtml+xml") => InputFormat::Html,
        Some("text/plain" | "text/markdown") => InputFormat::Text,
        _ => return None,
    };
    let text = match String::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            return Some(Err(IngestError::InvalidUtf8 {
                input: label.to_string(),
                offset: e.utf8_error().valid_up_to(),
            }));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut found = crate::loader::records_of(label, text, format);
    let rec_out = found.pop()?;
    Some(rec_out.map(|mut r| {
        let uri = rec
            .header("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        r.metadata.url = uri.clone().or(r.metadata.url);
        if r.metadata.id.is_none() {
            r.metadata.id = uri.clone();
        }
        // The page's own date is its publication; the crawl date stands in
        // only when the page gives none.
        if r.metadata.published.is_none() {
            r.metadata.published = rec.header("warc-date").and_then(normalize_published);
        }
        r.position = Some(n);
        r.origin = uri;
        r.format = Some(format);
        r
    }))
}
