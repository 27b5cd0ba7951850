//! PLOVER gold-standard records: JSON Lines with `id`, `event`, `text`,
//! `source` and `target` (lists of `{actorText, code, sector}`, or an empty
//! string / a word when there is none), ...

use std::path::Path;

use serde::Deserialize;

use super::LabelledText;
use super::re3d::jsonl;
use crate::error::Result;

#[derive(Deserialize)]
struct Record {
    id: String,
    event: String,
    text: String,
    #[serde(default)]
    source: serde_json::Value,
    #[serde(default)]
    target: serde_json::Value,
}

/// One gold record with its actors.
#[derive(Debug, Clone)]
pub struct PloverRecord {
    /// The split unit id.
    pub id: String,
    /// The PLOVER 0.5b1 event (`AGREE`, `DEMAND`, ...).
    pub event: String,
    pub text: String,
    /// `actorText` of each source actor.
    pub sources: Vec<String>,
    /// `actorText` of each target actor.
    pub targets: Vec<String>,
    /// `code` of each source actor (ISO-3 for states, CAMEO codes otherwise).
    pub source_codes: Vec<String>,
    /// `code` of each target actor.
    pub target_codes: Vec<String>,
}

/// The `actorText`s of a `source` / `target` field; anything but a list of
/// objects (`""`, `"diplomatic"`, null) means no actor.
fn actor_texts(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("actorText")?.as_str())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The `code`s of a `source` / `target` field.
fn actor_codes(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("code")?.as_str())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Loads every record with its actors.
pub fn load_records(path: &Path) -> Result<Vec<PloverRecord>> {
    Ok(jsonl::<Record>(path)?
        .into_iter()
        .map(|r| PloverRecord {
            sources: actor_texts(&r.source),
            targets: actor_texts(&r.target),
            source_codes: actor_codes(&r.source),
            target_codes: actor_codes(&r.target),
            id: r.id,
            event: r.event,
            text: r.text,
        })
        .collect())
}

/// Loads every record as (id, sentence, PLOVER event).
pub fn load(path: &Path) -> Result<Vec<LabelledText>> {
    Ok(load_records(path)?
        .into_iter()
        .map(|r| LabelledText {
            id: r.id,
            text: r.text,
            label: r.event,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plover.jsonl");
        let v = load(&p).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].label, "DEMAND");
        assert!(v[1].text.starts_with("The opposition demanded"));
        let r = load_records(&p).unwrap();
        assert_eq!(r[0].sources, vec!["Chadian"]);
        assert!(r[0].targets.is_empty());
        assert_eq!(r[1].sources, vec!["opposition"]);
        assert_eq!(r[0].source_codes, vec!["TCD"]);
        assert!(r[0].target_codes.is_empty());
    }

    #[test]
    fn actor_fields_of_any_shape() {
        let v: serde_json::Value =
            serde_json::from_str(r#"[{"actorText": "Israel", "code": "ISR"}, {"code": "X"}]"#)
                .unwrap();
        assert_eq!(actor_texts(&v), vec!["Israel"]);
        assert!(actor_texts(&serde_json::json!("")).is_empty());
        assert!(actor_texts(&serde_json::json!("diplomatic")).is_empty());
        assert!(actor_texts(&serde_json::Value::Null).is_empty());
        assert_eq!(actor_codes(&v), vec!["ISR", "X"]);
    }
}
