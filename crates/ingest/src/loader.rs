use std::io::BufRead;
use std::path::Path;

use claimtrace_model::{Document, InputFormat, content_hash};

use crate::config::IngestConfig;
use crate::decode::decode_bom;
use crate::detect::{binary_reason, detect};
use crate::error::{IngestError, one_line};
use crate::feed::parse_feed;
use crate::front_matter::FrontMatter;
use crate::html_page::HtmlPage;
use crate::input::Input;
use crate::jsonl::{parse_jsonl, read_jsonl};
use crate::record::Record;
use crate::source::Source;
use crate::table::read_table;

/// Length of the content-hash prefix used as id for stdin/API inputs without one.
const SHORT_HASH: usize = 12;

/// Reads one input and parses every document in it (a feed, JSON Lines,
/// table or WARC file gives many). A gzip-compressed input (by its magic
/// bytes) is decompressed first. Record streams (JSON Lines, CSV/TSV, WARC)
/// are read record by record, each record bounded by `cfg.max_bytes`; any
/// other input is bounded as a whole, a file's size checked before it is read.
/// A walked file that is not an article (see [`Input::walked`]) gives
/// [`IngestError::NotAnArticle`].
pub fn load(input: &Input, cfg: &IngestConfig) -> Vec<Result<Document, IngestError>> {
    if input.walked
        && let Some(reason) = not_an_article_by_name(&input.name)
    {
        return vec![Err(IngestError::NotAnArticle {
            input: input.name.clone(),
            reason,
        })];
    }
    match Source::open(input) {
        Ok(source) => from_source(input, source, None, cfg),
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
        Input::file(Path::new(name))
    };
    let input = Input {
        name: if name.is_empty() {
            "-".into()
        } else {
            name.to_string()
        },
        ..input
    };
    if bytes.len() as u64 > cfg.max_bytes {
        return vec![Err(IngestError::TooLarge {
            input: input.name.clone(),
            size: bytes.len() as u64,
            limit: cfg.max_bytes,
        })];
    }
    match Source::from_reader(&input.name, Box::new(bytes), None) {
        Ok(source) => from_source(&input, source, hint, cfg),
        Err(e) => vec![Err(e)],
    }
}

/// Extensions of files that are never articles. Found by walking a
/// directory (a saved page's scripts, styles, images and fonts), they are
/// skipped without being read.
const NOT_ARTICLE_EXT: &[&str] = &[
    "js", "mjs", "cjs", "css", "scss", "less", "map", "wasm", "png", "jpg", "jpeg", "gif", "webp",
    "avif", "svg", "ico", "bmp", "tif", "tiff", "heic", "woff", "woff2", "ttf", "otf", "eot",
    "zip", "tar", "tgz", "bz2", "xz", "zst", "7z", "rar", "pdf", "doc", "docx", "odt", "rtf",
    "xls", "xlsx", "ppt", "pptx", "epub", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mkv", "avi",
    "mov", "exe", "so", "dll", "bin", "class", "jar", "pyc", "o", "a", "swf", "parquet",
];

fn not_an_article_by_name(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let inner = lower.strip_suffix(".gz").unwrap_or(&lower);
    let file = inner.rsplit(['/', '\\']).next().unwrap_or(inner);
    let (stem, ext) = file.rsplit_once('.')?;
    (!stem.is_empty() && NOT_ARTICLE_EXT.contains(&ext)).then(|| format!("a `.{ext}` file"))
}

/// What an input's bytes are read as.
enum Kind {
    Warc,
    Jsonl,
    Table(u8),
    Whole,
}

fn kind(name: &str, head: &[u8]) -> Kind {
    let lower = name.to_ascii_lowercase();
    if crate::warc::is_warc(head) {
        Kind::Warc
    } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        Kind::Jsonl
    } else if lower.ends_with(".csv") {
        Kind::Table(b',')
    } else if lower.ends_with(".tsv") || lower.ends_with(".tab") {
        Kind::Table(b'\t')
    } else {
        Kind::Whole
    }
}

fn from_source(
    input: &Input,
    mut source: Source,
    hint: Option<InputFormat>,
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    let head = match source.reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            return vec![Err(IngestError::Read {
                input: input.name.clone(),
                reason: one_line(e),
            })];
        }
    };
    let kind = if hint.is_some() {
        Kind::Whole
    } else {
        kind(&source.name, &head)
    };
    let (records, format) = match kind {
        Kind::Warc => (
            crate::warc_input::read_warc(&input.name, &mut source.reader, cfg),
            InputFormat::Html,
        ),
        Kind::Jsonl => (
            read_jsonl(&input.name, &mut source.reader, cfg.max_bytes),
            InputFormat::Jsonl,
        ),
        Kind::Table(delimiter) => (
            read_table(
                &input.name,
                &mut source.reader,
                delimiter,
                cfg.text_column.as_deref(),
                cfg.max_bytes,
            ),
            InputFormat::Text,
        ),
        Kind::Whole => {
            let bytes = match source.read_bounded(&input.name, cfg.max_bytes) {
                Ok(b) => b,
                Err(e) => return vec![Err(e)],
            };
            match parse_text(input, &source.name, &bytes, hint) {
                Ok(x) => x,
                Err(e) => return vec![Err(e)],
            }
        }
    };
    if records.is_empty() {
        return vec![Err(IngestError::Empty {
            input: input.name.clone(),
        })];
    }
    records
        .into_iter()
        .map(|r| r.map(|rec| document(input, format, rec)))
        .collect()
}

/// The records of a whole input in memory, and its format. `detect_name`
/// is the name formats are detected from (without a `.gz`).
pub(crate) fn parse_text(
    input: &Input,
    detect_name: &str,
    bytes: &[u8],
    hint: Option<InputFormat>,
) -> Result<(Vec<Result<Record, IngestError>>, InputFormat), IngestError> {
    let name = input.name.as_str();
    let skip_or = |e: IngestError, reason: String| {
        if input.walked {
            IngestError::NotAnArticle {
                input: name.into(),
                reason,
            }
        } else {
            e
        }
    };
    let bytes = decode_bom(bytes).map_err(|e| IngestError::InvalidEncoding {
        input: name.into(),
        encoding: e.encoding.into(),
        offset: e.offset,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { input: name.into() });
    }
    if let Some(reason) = binary_reason(&bytes) {
        let e = IngestError::Binary {
            input: name.into(),
            reason: reason.clone(),
        };
        return Err(skip_or(e, format!("binary content ({reason})")));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            return Err(IngestError::InvalidUtf8 {
                input: name.into(),
                offset: e.valid_up_to(),
            });
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { input: name.into() });
    }
    let format = detect(detect_name, text, hint).map_err(|reason| {
        let e = IngestError::UnsupportedFormat {
            input: name.into(),
            reason: reason.clone(),
        };
        skip_or(e, reason)
    })?;
    Ok((records_of(name, text, format), format))
}

/// The records of a text in a known format.
pub(crate) fn records_of(
    name: &str,
    text: &str,
    format: InputFormat,
) -> Vec<Result<Record, IngestError>> {
    match format {
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
    }
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
        format: None,
    })
}

/// Assigns id, origin and hash. Ids: the record's own id; else for a file
/// its [`Input::id_base`] (its path under the walked directory, or its file
/// name; `base#N` inside a multi-document file); else (stdin/API) the short
/// content hash.
fn document(input: &Input, format: InputFormat, rec: Record) -> Document {
    let format = rec.format.unwrap_or(format);
    let hash = content_hash(&rec.text);
    let m = rec.metadata;
    let id =
        m.id.clone()
            .unwrap_or_else(|| match (&input.id_base, rec.position) {
                (Some(f), Some(n)) => format!("{f}#{n}"),
                (Some(f), None) => f.clone(),
                (None, _) => hash.get(..SHORT_HASH).unwrap_or(&hash).to_string(),
            });
    let origin = rec.origin.unwrap_or_else(|| match (format, rec.position) {
        (InputFormat::Jsonl, Some(n)) => format!("{}:{n}", input.name),
        (_, Some(n)) => format!("{}#{n}", input.name),
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
