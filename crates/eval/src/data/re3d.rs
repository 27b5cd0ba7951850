//! Dstl re3d: per source folder `documents.jsonl` and `entities.jsonl`
//! (MongoDB exports; `begin`/`end` are code-point offsets). Entities with
//! confidence below 0.5 are dropped, as in the usual conversion.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::{NerDoc, read_text};
use crate::error::{EvalError, Result};
use crate::offsets::CharIndex;

#[derive(Deserialize)]
struct RawDoc {
    #[serde(rename = "_id")]
    id: String,
    text: String,
}

#[derive(Deserialize)]
struct RawEntity {
    #[serde(rename = "documentId")]
    document_id: String,
    begin: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default = "one")]
    confidence: f64,
}

fn one() -> f64 {
    1.0
}

/// The harness tag of a re3d entity type, or `None` for types not scored
/// (Quantity, Temporal, Money, Vehicle, ...). Nationality is scored as MISC,
/// the CoNLL class of demonyms.
pub fn tag_of(re3d_type: &str) -> Option<&'static str> {
    Some(match re3d_type {
        "Person" => "PER",
        "Organisation" => "ORG",
        "Location" => "LOC",
        "Nationality" => "MISC",
        "Weapon" => "WEAPON",
        "MilitaryPlatform" => "PLATFORM",
        _ => return None,
    })
}

/// Loads every document of every source folder under `dir`, sorted by id.
pub fn load(dir: &Path) -> Result<Vec<NerDoc>> {
    let mut docs: BTreeMap<String, NerDoc> = BTreeMap::new();
    let rd = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut folders: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let dpath = folder.join("documents.jsonl");
        let epath = folder.join("entities.jsonl");
        if !dpath.is_file() || !epath.is_file() {
            continue;
        }
        let mut index = BTreeMap::new();
        for raw in jsonl::<RawDoc>(&dpath)? {
            index.insert(raw.id.clone(), CharIndex::new(&raw.text));
            docs.insert(
                raw.id.clone(),
                NerDoc {
                    id: raw.id,
                    text: raw.text,
                    entities: Vec::new(),
                },
            );
        }
        for e in jsonl::<RawEntity>(&epath)? {
            let Some(tag) = tag_of(&e.kind) else { continue };
            if e.confidence < 0.5 {
                continue;
            }
            let (Some(doc), Some(ix)) = (docs.get_mut(&e.document_id), index.get(&e.document_id))
            else {
                continue;
            };
            let span = ix.span(e.begin, e.end).ok_or_else(|| {
                EvalError::format(
                    &epath,
                    format!(
                        "entity {}-{} outside document {}",
                        e.begin, e.end, e.document_id
                    ),
                )
            })?;
            doc.entities.push((span, tag.to_string()));
        }
    }
    Ok(docs.into_values().collect())
}

/// Parses a JSON Lines file into records of type `T`.
pub(crate) fn jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(line).map_err(|source| EvalError::Json {
                path: path.to_path_buf(),
                line: n + 1,
                source,
            })?,
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_maps_types() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/re3d");
        let docs = load(&dir).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        let got: Vec<(&str, &str)> = d
            .entities
            .iter()
            .map(|(s, l)| (s.slice(&d.text).unwrap(), l.as_str()))
            .collect();
        // The low-confidence Person and the Temporal entity are dropped.
        assert_eq!(
            got,
            vec![
                ("Kurdish", "MISC"),
                ("Raqqa", "LOC"),
                ("T-72", "PLATFORM"),
                ("Coalition", "ORG")
            ]
        );
    }
}
