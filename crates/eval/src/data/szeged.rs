//! Szeged Uncertainty Corpus (WikiWeasel and FactBank parts), BioScope-style
//! XML: `<Document><DocID/>…<Sentence id>text <ccue type>cue</ccue>…`.

use std::path::Path;

use claimtrace_model::Span;

use super::{child_text, parse_xml, read_text};
use crate::error::Result;

/// One sentence with its uncertainty cues (byte spans into `text`).
#[derive(Debug, Clone)]
pub struct HedgeSentence {
    /// `DocID` of the enclosing document (the split unit).
    pub doc: String,
    /// The sentence id (`S1.3`).
    pub id: String,
    pub text: String,
    /// Cue spans with their Szeged cue type.
    pub cues: Vec<(Span, String)>,
}

impl HedgeSentence {
    /// A sentence is uncertain when it holds at least one cue.
    pub fn uncertain(&self) -> bool {
        !self.cues.is_empty()
    }
}

/// Loads every sentence of one part file (`factbank.xml`, `wikiweasel.xml`).
pub fn load(path: &Path) -> Result<Vec<HedgeSentence>> {
    let xml = read_text(path)?;
    let doc = parse_xml(path, &xml)?;
    let mut out = Vec::new();
    for (n, d) in doc
        .descendants()
        .filter(|n| n.has_tag_name("Document"))
        .enumerate()
    {
        let doc_id = child_text(d, "DocID")
            .map(str::to_string)
            .unwrap_or_else(|| format!("doc{n}"));
        for s in d.descendants().filter(|n| n.has_tag_name("Sentence")) {
            let mut text = String::new();
            let mut cues = Vec::new();
            collect(s, &mut text, &mut cues);
            out.push(HedgeSentence {
                doc: doc_id.clone(),
                id: s.attribute("id").unwrap_or_default().to_string(),
                text,
                cues,
            });
        }
    }
    Ok(out)
}

/// Appends the text under `node` to `text`, recording `ccue` spans (nested
/// cues are kept as separate spans).
fn collect(node: roxmltree::Node<'_, '_>, text: &mut String, cues: &mut Vec<(Span, String)>) {
    for c in node.children() {
        if c.is_text() {
            text.push_str(c.text().unwrap_or_default());
        } else if c.is_element() {
            let start = text.len();
            collect(c, text, cues);
            if c.has_tag_name("ccue") {
                let kind = c.attribute("type").unwrap_or_default().trim().to_string();
                cues.push((Span::new(start, text.len()), kind));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fixture() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/szeged.xml");
        let s = load(&p).unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].doc, "wire_001.txt");
        assert!(!s[0].uncertain());
        assert!(s[1].uncertain());
        let (span, kind) = &s[1].cues[0];
        assert_eq!(span.slice(&s[1].text), Some("believed"));
        assert_eq!(kind, "speculation_hypo_doxastic _");
        assert_eq!(s[2].cues.len(), 2);
        assert_eq!(s[2].cues[1].0.slice(&s[2].text), Some("whether"));
    }
}
