//! JSON Lines: the claim record of `claimtrace extract`, one per line, with
//! the document's `outlet`, `url` and `published` added.

use std::io::Write;

use serde_json::Value;

use crate::export_data::Lookup;
use crate::{ExportData, ExportStats, Result};

/// Keys added to each claim object: the document's `outlet`, `url`,
/// `published`, and the claim's corroboration `event` id (null when in no
/// event). They do not collide with claim fields, so a line still
/// deserialises as a `model::Claim`.
pub const DOC_KEYS: [&str; 4] = ["outlet", "url", "published", "event"];

/// Write every claim of `data` as one JSON object per line.
pub fn write_jsonl(data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    let lookup = Lookup::new(data);
    for claim in &data.claims {
        let mut v = serde_json::to_value(claim)?;
        let doc = lookup.doc(claim);
        if let Value::Object(map) = &mut v {
            let field = |s: Option<&String>| s.map_or(Value::Null, |s| Value::String(s.clone()));
            map.insert(
                DOC_KEYS[0].into(),
                field(doc.and_then(|d| d.outlet.as_ref())),
            );
            map.insert(DOC_KEYS[1].into(), field(doc.and_then(|d| d.url.as_ref())));
            map.insert(
                DOC_KEYS[2].into(),
                field(doc.and_then(|d| d.published.as_ref())),
            );
            map.insert(
                DOC_KEYS[3].into(),
                lookup.event(claim).map_or(Value::Null, Value::from),
            );
        }
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExportStats {
        records: data.claims.len(),
        ..ExportStats::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use claimtrace_model::Claim;

    #[test]
    fn lines_re_parse_to_the_same_claims() {
        let data = fixture::data();
        let mut buf = Vec::new();
        let stats = write_jsonl(&data, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), data.claims.len());
        assert_eq!(stats.records, lines.len());
        for (line, claim) in lines.iter().zip(&data.claims) {
            let back: Claim = serde_json::from_str(line).unwrap();
            assert_eq!(&back, claim);
            let v: Value = serde_json::from_str(line).unwrap();
            assert!(
                DOC_KEYS.iter().all(|k| v.get(k).is_some()),
                "doc keys always present"
            );
        }
        let first: Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(first["outlet"], "Continental Press Agency");
        assert_eq!(first["type"], "attack");
        assert_eq!(
            first["span"],
            serde_json::json!([10, 10 + data.claims[0].sentence.len()])
        );
        let second: Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(second["published"], Value::Null);
        assert_eq!(
            first["event"], "ev:c-attack",
            "event from the store's links"
        );
        assert_eq!(second["event"], "ev:c-hedged-1", "event from events");
        let third: Value = serde_json::from_str(lines[2]).unwrap();
        assert_eq!(third["event"], Value::Null, "in no event");
    }
}
