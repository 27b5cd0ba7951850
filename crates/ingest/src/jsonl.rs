use serde_json::{Map, Value};

use crate::error::{IngestError, one_line};
use crate::html_page::HtmlPage;
use crate::metadata::Metadata;
use crate::record::Record;

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
    if trimmed.starts_with('{')
        && trimmed.contains('\n')
        && let Ok(v @ Value::Object(_)) = serde_json::from_str::<Value>(trimmed)
    {
        return vec![record(input, 1, &v)];
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().trim_start_matches('\u{feff}').is_empty())
        .map(|(i, line)| {
            let label = format!("{input}:{}", i + 1);
            match serde_json::from_str::<Value>(line.trim().trim_start_matches('\u{feff}')) {
                Ok(v) => record(&label, i + 1, &v),
                Err(e) => Err(IngestError::Json {
                    input: label,
                    reason: one_line(e),
                }),
            }
        })
        .collect()
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
