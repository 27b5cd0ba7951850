use claimtrace_model::InputFormat;

/// Extensions of formats we do not read; refusing them by name gives a
/// clearer error than a parser failing on their bytes.
const UNSUPPORTED_EXT: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ppt", "pptx", "epub", "zip", "tgz", "bz2",
    "xz", "zst", "7z", "rar", "tar", "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff",
    "svg", "ico", "avif", "mp3", "mp4", "wav", "ogg", "webm", "mkv", "avi", "exe", "so", "dll",
    "bin", "sqlite", "db", "parquet", "js", "mjs", "cjs", "css", "scss", "less", "map", "wasm",
    "woff", "woff2", "ttf", "otf", "eot",
];

/// Magic numbers of binary formats that may not contain a NUL early on.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"{\\rtf", "RTF document"),
];

/// Why a byte string is not text, when it is not.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(format!("{what} signature"));
        }
    }
    bytes
        .iter()
        .position(|&b| b == 0)
        .map(|i| format!("NUL byte at offset {i}"))
}

/// The format of a text input: `hint` when given; else a strong content
/// signal (a feed root, an HTML doctype or root, a JSON object); else the
/// name's extension; else plain text. `Err` carries the reason the input is
/// none of the four formats.
pub fn detect(name: &str, text: &str, hint: Option<InputFormat>) -> Result<InputFormat, String> {
    if let Some(h) = hint {
        return Ok(h);
    }
    let ext = extension(name);
    if let Some(e) = ext.as_deref().filter(|e| UNSUPPORTED_EXT.contains(e)) {
        return Err(format!(
            "`.{e}` files are not text, HTML, feeds, JSON Lines, tables or WARC"
        ));
    }
    let head = head_lower(text);
    let start = head.trim_start();
    if start.starts_with('<') {
        // XML that declares entities goes to the feed reader, which refuses
        // it by name (entity-expansion bombs) whatever its root is.
        if is_feed(&head)
            || (start.starts_with("<?xml") || start.starts_with("<!doctype"))
                && crate::feed::declares_entities(&head)
        {
            return Ok(InputFormat::Feed);
        }
        if start.starts_with("<!doctype html")
            || start.starts_with("<html")
            || looks_like_html(&head)
        {
            return Ok(InputFormat::Html);
        }
        if start.starts_with("<?xml") {
            return Err("XML, but not an RSS or Atom feed".into());
        }
    }
    let by_ext = match ext.as_deref() {
        Some("txt" | "text" | "md" | "markdown") => Some(InputFormat::Text),
        Some("html" | "htm" | "xhtml" | "shtml") => Some(InputFormat::Html),
        Some("xml" | "rss" | "atom" | "feed") => Some(InputFormat::Feed),
        Some("jsonl" | "ndjson" | "json") => Some(InputFormat::Jsonl),
        _ => None,
    };
    if let Some(f) = by_ext {
        return Ok(f);
    }
    if start.starts_with('{') || start.starts_with('[') {
        return Ok(InputFormat::Jsonl);
    }
    Ok(InputFormat::Text)
}

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, ext) = file.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// The first 4 KiB (on a char boundary), lower-cased, BOM removed.
fn head_lower(text: &str) -> String {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].trim_start_matches('\u{feff}').to_lowercase()
}

fn is_feed(head: &str) -> bool {
    let head = strip_prolog(head);
    head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf:rdf")
}

/// Skips the XML declaration, comments, processing instructions and the
/// doctype, to reach the root element.
fn strip_prolog(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        let end = if s.starts_with("<?") {
            s.find("?>").map(|i| i + 2)
        } else if s.starts_with("<!--") {
            s.find("-->").map(|i| i + 3)
        } else if s.starts_with("<!doctype") {
            s.find('>').map(|i| i + 1)
        } else {
            return s;
        };
        match end {
            Some(e) => s = &s[e..],
            None => return "",
        }
    }
}

fn looks_like_html(head: &str) -> bool {
    [
        "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta ", "<title",
    ]
    .iter()
    .any(|t| head.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(
            detect("a.txt", "<!DOCTYPE html><html></html>", None),
            Ok(InputFormat::Html)
        );
        assert_eq!(
            detect("x", "<?xml version='1.0'?>\n<rss version='2.0'>", None),
            Ok(InputFormat::Feed)
        );
        assert_eq!(
            detect(
                "x.html",
                "<?xml version='1.0'?><!-- c --><feed xmlns='x'>",
                None
            ),
            Ok(InputFormat::Feed)
        );
        assert_eq!(
            detect("-", "{\"text\":\"a\"}", None),
            Ok(InputFormat::Jsonl)
        );
        assert_eq!(
            detect("notes.md", "# Title\n\nBody", None),
            Ok(InputFormat::Text)
        );
        assert_eq!(detect("-", "Plain words.", None), Ok(InputFormat::Text));
        assert_eq!(
            detect("page", "<div><p>x</p></div>", None),
            Ok(InputFormat::Html)
        );
    }

    #[test]
    fn refusals() {
        assert!(detect("a.pdf", "whatever", None).is_err());
        assert!(detect("x", "<?xml version='1.0'?><svg></svg>", None).is_err());
        assert!(binary_reason(b"%PDF-1.7").is_some());
        assert!(binary_reason(b"ab\0cd").is_some());
        assert!(binary_reason("plain ü".as_bytes()).is_none());
    }

    #[test]
    fn hint_wins() {
        assert_eq!(
            detect("a.html", "<html>", Some(InputFormat::Text)),
            Ok(InputFormat::Text)
        );
    }
}
