//! TimeML 1.2.1 inline XML (`.tml`, TempEval-3 TBAQ-cleaned): `<DCT>` holds
//! the creation time; `<TEXT>` holds the text with inline `<TIMEX3>`s.

use std::path::Path;

use claimtrace_model::Span;

use super::{Timex, TimexDoc, files_with_ext, parse_xml, read_text, value_date};
use crate::error::{EvalError, Result};

/// Loads every `.tml` file under `dir` and its sub-folders (TimeBank,
/// AQUAINT), sorted by path. Ids are file stems.
pub fn load_dir(dir: &Path) -> Result<Vec<TimexDoc>> {
    let mut paths = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut subdirs: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    paths.extend(files_with_ext(dir, "tml")?);
    for d in subdirs {
        paths.extend(files_with_ext(&d, "tml")?);
    }
    paths.iter().map(|p| load(p)).collect()
}

/// Loads one `.tml` file.
pub fn load(path: &Path) -> Result<TimexDoc> {
    let xml = read_text(path)?;
    let doc = parse_xml(path, &xml)?;
    let root = doc.root_element();
    let dct = root
        .descendants()
        .find(|n| n.has_tag_name("DCT"))
        .and_then(|d| d.children().find(|c| c.has_tag_name("TIMEX3")))
        .and_then(|t| t.attribute("value"))
        .and_then(value_date);
    let body = root
        .descendants()
        .find(|n| n.has_tag_name("TEXT"))
        .ok_or_else(|| EvalError::format(path, "no <TEXT> element"))?;
    let mut text = String::new();
    let mut timexes = Vec::new();
    collect(body, &mut text, &mut timexes);
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    Ok(TimexDoc {
        id,
        text,
        dct,
        dct_span: None,
        annotated_end: None,
        timexes,
    })
}

fn collect(node: roxmltree::Node<'_, '_>, text: &mut String, out: &mut Vec<Timex>) {
    for c in node.children() {
        if c.is_text() {
            text.push_str(c.text().unwrap_or_default());
        } else if c.is_element() {
            let start = text.len();
            collect(c, text, out);
            if c.has_tag_name("TIMEX3") {
                out.push(Timex {
                    span: Span::new(start, text.len()),
                    kind: c.attribute("type").unwrap_or_default().to_string(),
                    value: c.attribute("value").unwrap_or_default().to_string(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_timexes_and_dct() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire19980108.tml");
        let d = load(&p).unwrap();
        assert_eq!(d.id, "wire19980108");
        assert_eq!(d.dct, chrono::NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.timexes.len(), 2);
        assert_eq!(d.timexes[0].span.slice(&d.text), Some("Tuesday"));
        assert_eq!(d.timexes[0].value, "1998-01-06");
        assert_eq!(d.timexes[1].kind, "DURATION");
        assert!(d.text.contains("shelled the port"));
    }
}
