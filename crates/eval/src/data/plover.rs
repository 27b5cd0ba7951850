//! PLOVER gold-standard records: JSON Lines with `id`, `event`, `text`, ...

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
}

/// Loads every record as (id, sentence, PLOVER event).
pub fn load(path: &Path) -> Result<Vec<LabelledText>> {
    Ok(jsonl::<Record>(path)?
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
    }
}
