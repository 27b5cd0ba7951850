use std::io::BufRead;

use serde_json::{Map, Value};

use crate::error::{IngestError, one_line};
use crate::html_page::HtmlPage;
use crate::metadata::Metadata;
use crate::record::Record;

/// The first byte of a JSON object.
const OPEN_BRACE: char = '\u{7b}';

/// Fields a record may carry besides `text` / `html`.
const FIELDS: &[&str] = &[
    "id",
    "url",
    "title",
    "outlet",
    "published",
    "lang",
    "author",
];

/// Records of a JSON Lines input: one object per non-blank line, each with
/// `text` or `html` (HTML goes through main-text extraction) and optional
/// metadata fields. A bad line is one error naming `input:LINE`; the other
/// lines still load. A whole-file JSON array of such objects, or a single
/// pretty-printed object, is accepted too.
pub fn parse_jsonl(input: &str, text: &str) -> Vec<Result<Record, IngestError>> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('[') {
        return match serde_json::from_str::<Value>(trimmed) {
            Ok(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| record(&format!("{input}#{}", i + 1), i + 1, v))
                .collect(),
            Ok(_) => vec![Err(IngestError::Record {
                input: input.to_string(),
                reason: "not an array of objects".into(),
            })],
            Err(e) => vec![Err(IngestError::Json {
                input: input.to_string(),
                reason: one_line(e),
            })],
        };
    }
    if trimmed.starts_with(OPEN_BRACE)
        && trimmed.contains('\n')
        && let Ok(v @ Value::Object(_)) = serde_json::from_str::<Value>(trimmed)
    {
        return vec![record(input, 1, &v)];
    }
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| parse_line(input, i + 1, line))
        .collect()
}

/// The record of JSON Lines line number `n`; `None` for a blank line.
pub fn parse_line(input: &str, n: usize, line: &str) -> Option<Result<Record, IngestError>> {
    let line = line.trim().trim_start_matches('\u{feff}');
    if line.is_empty() {
        return None;
    }
    let label = format!("{input}:{n}");
    Some(match serde_json::from_str::<Value>(line) {
        Ok(v) => record(&label, n, &v),
        Err(e) => Err(IngestError::Json {
            input: label,
            reason: one_line(e),
        }),
    })
}

/// Records of JSON Lines read line by line from `r`: a line longer than
/// `max_line` bytes, or not UTF-8, is one error naming `input:LINE`, and
/// costs no more memory than the limit; the other lines still load.
pub fn read_jsonl(
    input: &str,
    r: &mut dyn BufRead,
    max_line: u64,
) -> Vec<Result<Record, IngestError>> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for n in 1.. {
        buf.clear();
        let (read, whole) = match read_line_bounded(r, &mut buf, max_line) {
            Ok(x) => x,
            Err(e) => {
                out.push(Err(IngestError::Read {
                    input: format!("{input}:{n}"),
                    reason: one_line(e),
                }));
                break;
            }
        };
        if read == 0 {
            break;
        }
        if !whole {
            out.push(Err(IngestError::TooLarge {
                input: format!("{input}:{n}"),
                size: read,
                limit: max_line,
            }));
            continue;
        }
        match std::str::from_utf8(&buf) {
            Ok(line) => out.extend(parse_line(input, n, line)),
            Err(e) => out.push(Err(IngestError::InvalidUtf8 {
                input: format!("{input}:{n}"),
                offset: e.valid_up_to(),
            })),
        }
    }
    out
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `limit`
/// bytes; the rest of a longer line is read and dropped. Returns the bytes
/// the line had (0 at the end of input) and whether it fit.
pub(crate) fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<(u64, bool)> {
    let mut total = 0u64;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok((total, total <= limit));
        }
        let (take, end) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = limit.saturating_sub(buf.len() as u64) as usize;
        buf.extend_from_slice(&chunk[..take.min(room)]);
        total += take as u64;
        r.consume(take + usize::from(end));
        if end {
            // Counting the newline keeps an empty line apart from the end of input.
            return Ok((total.max(1), total <= limit));
        }
    }
}

fn record(label: &str, position: usize, v: &Value) -> Result<Record, IngestError> {
    let bad = |reason: String| IngestError::Record {
        input: label.to_string(),
        reason,
    };
    let Value::Object(obj) = v else {
        return Err(bad(format!(
            "a JSON {} where an object was expected",
            kind(v)
        )));
    };
    let mut metadata = Metadata::default();
    for key in FIELDS {
        match obj.get(*key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                metadata.set(key, s);
            }
            Some(Value::Number(n)) if *key == "id" => {
                metadata.set(key, &n.to_string());
            }
            Some(other) => {
                return Err(bad(format!(
                    "field `{key}` is a {}, not a string",
                    kind(other)
                )));
            }
        }
    }
    let text = match (string_field(obj, "text"), string_field(obj, "html")) {
        (Err(k), _) => return Err(bad(format!("field `text` is a {k}, not a string"))),
        (_, Err(k)) => return Err(bad(format!("field `html` is a {k}, not a string"))),
        (Ok(Some(t)), _) if !t.trim().is_empty() => t.to_string(),
        (_, Ok(Some(h))) => {
            let page = HtmlPage::extract(h);
            metadata.fill_from(page.metadata);
            page.text
        }
        (Ok(Some(_)), Ok(None)) => String::new(),
        (Ok(None), Ok(None)) => return Err(bad("no `text` or `html` field".into())),
    };
    if text.trim().is_empty() {
        return Err(IngestError::NoText {
            input: label.to_string(),
        });
    }
    Ok(Record {
        position: Some(position),
        metadata,
        text,
        origin: None,
        format: None,
    })
}

fn string_field<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
) -> Result<Option<&'v str>, &'static str> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(kind(other)),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An oversized or broken line is one error; the lines around it load.
    #[test]
    fn streamed_lines_skip_what_is_bad() {
        let long = format!("{{\"text\":\"{}\"}}", "a".repeat(500));
        let data =
            format!("{{\"text\":\"Line one.\"}}\n{long}\n\n{{broken\n{{\"text\":\"Line five.\"}}");
        let rs = read_jsonl("f.jsonl", &mut data.as_bytes(), 100);
        let got: Vec<String> = rs
            .iter()
            .map(|r| match r {
                Ok(r) => r.text.clone(),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(got[0], "Line one.");
        assert!(got[1].starts_with("f.jsonl:2: too large"), "{got:?}");
        assert!(got[2].starts_with("f.jsonl:4: malformed JSON"), "{got:?}");
        assert_eq!(got[3], "Line five.");
        assert_eq!(got.len(), 4);
    }
}
