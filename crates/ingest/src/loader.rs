use std::fs::File;
use std::io::Read;
use std::path::Path;

use claimtrace_model::{Document, InputFormat, content_hash};

use crate::config::IngestConfig;
use crate::detect::{binary_reason, detect};
use crate::error::{IngestError, one_line};
use crate::feed::parse_feed;
use crate::front_matter::FrontMatter;
use crate::html_page::HtmlPage;
use crate::input::Input;
use crate::jsonl::parse_jsonl;
use crate::record::Record;

/// Length of the content-hash prefix used as id for stdin/API inputs without one.
const SHORT_HASH: usize = 12;

/// Reads one input and parses every document in it (a feed or JSON Lines
/// file gives many). A file's size is checked against `cfg.max_bytes`
/// before it is read.
pub fn load(input: &Input, cfg: &IngestConfig) -> Vec<Result<Document, IngestError>> {
    match read(input, cfg) {
        Ok(bytes) => parse_named(input, &bytes, None, cfg),
        Err(e) => vec![Err(e)],
    }
}

/// Parses bytes already in memory (an HTTP upload, stdin). `name` labels
/// the input in errors and origins; `-` or an empty name means "no file", so
/// documents without their own id get the short content hash as id. Any
/// other name is treated like a file name. `hint` forces a format.
pub fn parse_bytes(
    name: &str,
    bytes: &[u8],
    hint: Option<InputFormat>,
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    let input = if name.is_empty() || name == "-" {
        Input::stdin()
    } else {
        Input {
            name: name.to_string(),
            path: Some(name.into()),
        }
    };
    parse_named(&input, bytes, hint, cfg)
}

fn read(input: &Input, cfg: &IngestConfig) -> Result<Vec<u8>, IngestError> {
    let err = |e: std::io::Error| IngestError::Read {
        input: input.name.clone(),
        reason: one_line(e),
    };
    let too_large = |size| IngestError::TooLarge {
        input: input.name.clone(),
        size,
        limit: cfg.max_bytes,
    };
    let mut buf = Vec::new();
    match &input.path {
        Some(path) => {
            let file = File::open(path).map_err(err)?;
            let size = file.metadata().map_err(err)?.len();
            if size > cfg.max_bytes {
                return Err(too_large(size));
            }
            // The size may change while we read: never take more than the limit + 1.
            file.take(cfg.max_bytes.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(err)?;
        }
        None => {
            std::io::stdin()
                .lock()
                .take(cfg.max_bytes.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(err)?;
        }
    }
    if buf.len() as u64 > cfg.max_bytes {
        return Err(too_large(buf.len() as u64));
    }
    Ok(buf)
}

fn parse_named(
    input: &Input,
    bytes: &[u8],
    hint: Option<InputFormat>,
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    let name = input.name.as_str();
    let fail = |e| vec![Err(e)];
    if bytes.len() as u64 > cfg.max_bytes {
        return fail(IngestError::TooLarge {
            input: name.into(),
            size: bytes.len() as u64,
            limit: cfg.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail(IngestError::Empty { input: name.into() });
    }
    if let Some(reason) = binary_reason(bytes) {
        return fail(IngestError::Binary {
            input: name.into(),
            reason,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            return fail(IngestError::InvalidUtf8 {
                input: name.into(),
                offset: e.valid_up_to(),
            });
        }
    };
    if text.trim().is_empty() {
        return fail(IngestError::Empty { input: name.into() });
    }
    let format = match detect(name, text, hint) {
        Ok(f) => f,
        Err(reason) => {
            return fail(IngestError::UnsupportedFormat {
                input: name.into(),
                reason,
            });
        }
    };
    let records: Vec<Result<Record, IngestError>> = match format {
        InputFormat::Text => {
            let fm = FrontMatter::split(text);
            let mut metadata = fm.metadata;
            if metadata.title.is_none() {
                metadata.title = headline(fm.body);
            }
            vec![single(name, metadata, fm.body.to_string())]
        }
        InputFormat::Html => {
            let page = HtmlPage::extract(text);
            vec![single(name, page.metadata, page.text)]
        }
        InputFormat::Feed => parse_feed(name, text),
        InputFormat::Jsonl => parse_jsonl(name, text),
    };
    records
        .into_iter()
        .map(|r| r.map(|rec| document(input, format, rec)))
        .collect()
}

/// A plain text's first line as its title when it reads as a headline: no
/// closing full stop, at most 25 words, a blank line after it. The line
/// stays in the text (spans are offsets into it).
fn headline(body: &str) -> Option<String> {
    let body = body.trim_start();
    let (first, rest) = body.split_once('\n')?;
    let first = first.trim();
    let words = first.split_whitespace().count();
    let closed = first.ends_with(['.', '!', '?', ';', ',']);
    (!closed && (2..=25).contains(&words) && rest.starts_with(['\n', '\r']))
        .then(|| first.to_string())
}

fn single(
    name: &str,
    metadata: crate::metadata::Metadata,
    text: String,
) -> Result<Record, IngestError> {
    // Markup debris with no word in it ("<<<>>>") is no text either.
    if !text.chars().any(char::is_alphabetic) {
        return Err(IngestError::NoText { input: name.into() });
    }
    Ok(Record {
        position: None,
        metadata,
        text,
        origin: None,
    })
}

/// Assigns id, origin and hash. Ids: the record's own id; else for a file
/// its file name (`name#N` inside a multi-document file); else (stdin/API)
/// the short content hash.
fn document(input: &Input, format: InputFormat, rec: Record) -> Document {
    let hash = content_hash(&rec.text);
    let file_name = input.path.as_deref().map(|p| {
        Path::new(p)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| input.name.clone())
    });
    let m = rec.metadata;
    let id =
        m.id.clone()
            .unwrap_or_else(|| match (&file_name, rec.position) {
                (Some(f), Some(n)) => format!("{f}#{n}"),
                (Some(f), None) => f.clone(),
                (None, _) => hash.get(..SHORT_HASH).unwrap_or(&hash).to_string(),
            });
    let origin = rec.origin.unwrap_or_else(|| match (format, rec.position) {
        (InputFormat::Jsonl, Some(n)) => format!("{}:{n}", input.name),
        (InputFormat::Feed, Some(n)) => format!("{}#{n}", input.name),
        _ => input.name.clone(),
    });
    Document {
        id,
        title: m.title,
        url: m.url,
        outlet: m.outlet,
        published: m.published,
        lang: m.lang,
        author: m.author,
        format,
        origin,
        hash,
        text: rec.text,
    }
}
