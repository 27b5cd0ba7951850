//! CoNLL-2003-style NER files (WikiGold): `token TAG` lines, blank lines
//! between sentences, `-DOCSTART-` between documents, IOB1 tags.
//!
//! The text is rebuilt from the tokens: one space between tokens, none
//! before closing punctuation or after opening brackets, one newline between
//! sentences, so rule-based extractors see ordinary prose.

use std::path::Path;

use claimtrace_model::Span;

use super::{NerDoc, read_text};
use crate::error::Result;

/// Loads every document; ids are `doc000`, `doc001`, ... in file order.
pub fn load(path: &Path) -> Result<Vec<NerDoc>> {
    Ok(parse(&read_text(path)?))
}

/// Parses CoNLL text (see the module docs).
pub fn parse(conll: &str) -> Vec<NerDoc> {
    let mut docs = Vec::new();
    let mut b = Builder::default();
    for line in conll.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            b.finish_doc(&mut docs);
            continue;
        }
        if line.trim().is_empty() {
            b.end_sentence();
            continue;
        }
        let mut it = line.split_whitespace();
        let (Some(tok), tag) = (it.next(), it.next_back().unwrap_or("O")) else {
            continue;
        };
        b.token(tok, tag);
    }
    b.finish_doc(&mut docs);
    docs
}

#[derive(Default)]
struct Builder {
    text: String,
    entities: Vec<(Span, String)>,
    /// Open entity: start byte, label, end byte.
    open: Option<(usize, String, usize)>,
    /// Whether the current sentence has tokens.
    in_sentence: bool,
    /// Whether the previous token was an opening bracket or quote.
    glue_next: bool,
}

impl Builder {
    fn close(&mut self) {
        if let Some((s, l, e)) = self.open.take() {
            self.entities.push((Span::new(s, e), l));
        }
    }

    fn token(&mut self, tok: &str, tag: &str) {
        if self.in_sentence && !self.glue_next && !attaches_left(tok) {
            self.text.push(' ');
        } else if !self.in_sentence && !self.text.is_empty() {
            self.text.push('\n');
        }
        self.in_sentence = true;
        self.glue_next = matches!(tok, "(" | "[" | "$");
        let start = self.text.len();
        self.text.push_str(tok);
        let end = self.text.len();
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) => (p, l),
            None => ("O", ""),
        };
        match (prefix, &mut self.open) {
            ("I", Some((_, l, e))) if l == label => *e = end,
            ("I", _) | ("B", _) => {
                self.close();
                self.open = Some((start, label.to_string(), end));
            }
            _ => self.close(),
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        self.in_sentence = false;
        self.glue_next = false;
    }

    fn finish_doc(&mut self, docs: &mut Vec<NerDoc>) {
        self.end_sentence();
        if !self.text.is_empty() {
            docs.push(NerDoc {
                id: format!("doc{:03}", docs.len()),
                text: std::mem::take(&mut self.text),
                entities: std::mem::take(&mut self.entities),
            });
        }
    }
}

pub(crate) fn attaches_left(tok: &str) -> bool {
    matches!(
        tok,
        "," | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "]"
            | "%"
            | "'s"
            | "n't"
            | "'"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_entities_and_text() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikigold.conll");
        let docs = load(&p).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(
            d.text,
            "The 4th Brigade was moved to Camp Lejeune, near Jacksonville.\nIt fought at Hue (Vietnam)."
        );
        let got: Vec<(&str, &str)> = d
            .entities
            .iter()
            .map(|(s, l)| (s.slice(&d.text).unwrap(), l.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("4th Brigade", "ORG"),
                ("Camp Lejeune", "LOC"),
                ("Jacksonville", "LOC"),
                ("Hue", "LOC"),
                ("Vietnam", "LOC")
            ]
        );
        // B- splits two touching entities of the same type.
        let e: Vec<&str> = docs[1]
            .entities
            .iter()
            .map(|(s, _)| s.slice(&docs[1].text).unwrap())
            .collect();
        assert_eq!(e, vec!["Paris", "Berlin", "Smith"]);
        assert_eq!(docs[1].id, "doc001");
    }
}
