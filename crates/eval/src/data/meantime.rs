//! NewsReader MEANTIME CAT XML: `<token t_id sentence>` list, then
//! `<Markables>` with `TIMEX3` (type, value, functionInDocument) anchored to
//! tokens. The text is rebuilt from the tokens (one space between tokens,
//! none before closing punctuation, a newline between sentences).

use std::collections::HashMap;
use std::path::Path;

use claimtrace_model::Span;

use super::conll::attaches_left;
use super::{Timex, TimexDoc, files_with_ext, parse_xml, read_text, value_date};
use crate::error::{EvalError, Result};

/// Loads every `.xml` file in the topic folders under `dir`, sorted by path.
pub fn load_dir(dir: &Path) -> Result<Vec<TimexDoc>> {
    let rd = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut subdirs: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    let mut out = Vec::new();
    for p in files_with_ext(dir, "xml")? {
        out.push(load(&p)?);
    }
    for d in subdirs {
        for p in files_with_ext(&d, "xml")? {
            out.push(load(&p)?);
        }
    }
    Ok(out)
}

/// Loads one CAT XML file; the id is the `doc_id` attribute.
pub fn load(path: &Path) -> Result<TimexDoc> {
    let xml = read_text(path)?;
    let doc = parse_xml(path, &xml)?;
    let root = doc.root_element();
    let mut text = String::new();
    let mut token_span: HashMap<&str, Span> = HashMap::new();
    // Sentence number of each token, and the end byte of each sentence.
    let mut token_sentence: HashMap<&str, u32> = HashMap::new();
    let mut sentence_end: HashMap<u32, usize> = HashMap::new();
    let mut sentence: Option<&str> = None;
    for t in root.children().filter(|n| n.has_tag_name("token")) {
        let tok = t.text().unwrap_or_default();
        let s = t.attribute("sentence");
        if sentence.is_some() && s != sentence {
            text.push('\n');
        } else if sentence.is_some() && !attaches_left(tok) && !text.ends_with(['(', '[', '$']) {
            text.push(' ');
        }
        sentence = s;
        let start = text.len();
        text.push_str(tok);
        if let Some(id) = t.attribute("t_id") {
            token_span.insert(id, Span::new(start, text.len()));
            if let Some(n) = s.and_then(|n| n.parse::<u32>().ok()) {
                token_sentence.insert(id, n);
                sentence_end.insert(n, text.len());
            }
        }
    }
    // Only the first sentences of each article were annotated: the
    // annotation ends with the last sentence that holds any markable.
    let last_annotated = root
        .descendants()
        .filter(|n| n.has_tag_name("token_anchor"))
        .filter_map(|n| n.attribute("t_id").and_then(|id| token_sentence.get(id)))
        .max()
        .copied();
    let annotated_end = last_annotated.and_then(|n| sentence_end.get(&n).copied());
    let mut timexes = Vec::new();
    let mut dct = None;
    let mut dct_span = None;
    for m in root.descendants().filter(|n| n.has_tag_name("TIMEX3")) {
        let spans: Vec<Span> = m
            .children()
            .filter(|c| c.has_tag_name("token_anchor"))
            .filter_map(|c| {
                c.attribute("t_id")
                    .and_then(|id| token_span.get(id))
                    .copied()
            })
            .collect();
        let value = m.attribute("value").unwrap_or_default().to_string();
        let span = match (
            spans.iter().map(|s| s.start).min(),
            spans.iter().map(|s| s.end).max(),
        ) {
            (Some(a), Some(b)) => Some(Span::new(a, b)),
            _ => None,
        };
        if m.attribute("functionInDocument") == Some("CREATION_TIME") {
            dct = value_date(&value);
            dct_span = span;
            continue;
        }
        // Empty TIMEX3s (no tokens) are implicit times: nothing to find in the text.
        let Some(span) = span else { continue };
        timexes.push(Timex {
            span,
            kind: m.attribute("type").unwrap_or_default().to_string(),
            value,
        });
    }
    timexes.sort_by_key(|t| t.span);
    let id = root
        .attribute("doc_id")
        .map(str::to_string)
        .or_else(|| {
            path.file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
        })
        .unwrap_or_default();
    Ok(TimexDoc {
        id,
        text,
        dct,
        dct_span,
        annotated_end,
        timexes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_anchors() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meantime.xml");
        let d = load(&p).unwrap();
        assert_eq!(d.id, "900001");
        assert_eq!(
            d.text,
            "Tanker deal signed\nMarch 01, 2008\nThe air force signed the deal last week, officials said.\nNext year."
        );
        assert_eq!(d.dct, chrono::NaiveDate::from_ymd_opt(2008, 3, 1));
        assert_eq!(d.dct_span.unwrap().slice(&d.text), Some("March 01, 2008"));
        assert_eq!(d.timexes.len(), 1);
        assert_eq!(d.timexes[0].span.slice(&d.text), Some("last week"));
        assert_eq!(d.timexes[0].value, "2008-W08");
        // The last markable is in sentence 2: "Next year." was not annotated.
        let end = d.annotated_end.unwrap();
        assert_eq!(&d.text[end..], "\nNext year.");
    }
}
