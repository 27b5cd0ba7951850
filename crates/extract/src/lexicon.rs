//! Phrase lexicons matched with one Aho-Corasick automaton each: ASCII
//! case-insensitive, leftmost-longest, checked for word boundaries.
//!
//! A pattern ending in `*` matches any word that starts with it
//! ("attack*" → attacks, attacked). One pattern may carry several entries
//! (the same word coded two ways, told apart later by context).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::{ExtractError, Result};

/// One match of a lexicon in a text: byte range and the entries of the
/// pattern that matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// A set of phrases with payloads of type `T`.
pub(crate) struct PhraseSet<T> {
    automaton: AhoCorasick,
    /// Per pattern: whether it extends to the end of the word (`*`).
    prefix: Vec<bool>,
    /// Per pattern: the entries it carries.
    entries: Vec<Vec<T>>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `start..end` of `text` begins and ends at word boundaries.
pub(crate) fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// End of the word that contains byte `pos` (or `pos` when it is at a boundary).
pub(crate) fn word_end(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
}

impl<T> PhraseSet<T> {
    /// Builds the automaton from `(phrase, entry)` pairs; phrases are
    /// trimmed, a trailing `*` marks a word prefix. Equal phrases share a
    /// pattern.
    pub fn build(name: &str, pairs: impl IntoIterator<Item = (String, T)>) -> Result<Self> {
        let mut patterns: Vec<String> = Vec::new();
        let mut prefix = Vec::new();
        let mut entries: Vec<Vec<T>> = Vec::new();
        let mut index: std::collections::HashMap<(String, bool), usize> = Default::default();
        for (phrase, entry) in pairs {
            let p = phrase.trim();
            let (p, is_prefix) = match p.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (p, false),
            };
            if p.is_empty() {
                continue;
            }
            let key = (p.to_ascii_lowercase(), is_prefix);
            match index.get(&key) {
                Some(&i) => entries[i].push(entry),
                None => {
                    index.insert(key, patterns.len());
                    patterns.push(p.to_string());
                    prefix.push(is_prefix);
                    entries.push(vec![entry]);
                }
            }
        }
        // The library's choice: a DFA for up to 100 phrases, else a
        // contiguous NFA. Forcing a DFA on the large lexicons (the actor
        // knowledge base, cues, triggers) cost ~20 ms of every start and made
        // extraction no faster (`claimtrace bench`).
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(None)
            .build(&patterns)
            .map_err(|e| ExtractError::Automaton {
                lexicon: name.to_string(),
                reason: e.to_string(),
            })?;
        Ok(PhraseSet {
            automaton,
            prefix,
            entries,
        })
    }

    /// Matches in `text[from..to]` (offsets relative to `text`), each at word
    /// boundaries, prefix patterns extended to the end of their word.
    pub fn find(&self, text: &str, from: usize, to: usize) -> Vec<Hit> {
        let mut out = Vec::new();
        let Some(hay) = text.get(from..to) else {
            return out;
        };
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = self
                .automaton
                .find(aho_corasick::Input::new(hay).span(pos..hay.len()))
            else {
                break;
            };
            let pattern = m.pattern().as_usize();
            let start = from + m.start();
            let mut end = from + m.end();
            if self.prefix[pattern] {
                end = word_end(text, end).min(to);
            }
            if at_word_boundaries(text, start, end) {
                out.push(Hit {
                    start,
                    end,
                    pattern,
                });
                pos = end - from;
            } else {
                // A match inside a word ("as confirmed by" in "was confirmed
                // by") must not hide one starting later in it: resume one
                // character on.
                pos = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    pub fn entries(&self, hit: &Hit) -> &[T] {
        &self.entries[hit.pattern]
    }
}

/// One line of a data file: its fields, and errors that name file and line.
pub(crate) struct DataLine<'t> {
    pub fields: Vec<&'t str>,
    file: &'t str,
    /// 1-based line number.
    pub line: usize,
}

impl DataLine<'_> {
    pub fn error(&self, reason: impl Into<String>) -> ExtractError {
        ExtractError::Data {
            file: self.file.to_string(),
            line: self.line,
            reason: reason.into(),
        }
    }

    /// Field `i` parsed as one of the model's label sets.
    pub fn label<T>(&self, i: usize) -> Result<T>
    where
        T: std::str::FromStr<Err = claimtrace_model::LabelError>,
    {
        self.fields[i]
            .parse()
            .map_err(|e: claimtrace_model::LabelError| self.error(e.to_string()))
    }
}

/// The data lines of a TSV file (blank and `#` lines skipped), each with at
/// least `min` fields.
pub(crate) fn data_lines<'t>(
    file: &'t str,
    text: &'t str,
    min: usize,
) -> Result<Vec<DataLine<'t>>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Some(fields) = tsv_fields(line) else {
            continue;
        };
        let l = DataLine {
            fields,
            file,
            line: n + 1,
        };
        if l.fields.len() < min {
            return Err(l.error(format!(
                "expected at least {min} tab-separated fields, got {}",
                l.fields.len()
            )));
        }
        out.push(l);
    }
    Ok(out)
}

/// Splits a TSV data line into fields; `None` for blank and `#` lines.
pub(crate) fn tsv_fields(line: &str) -> Option<Vec<&str>> {
    let t = line.trim_end_matches(['\r', '\n']);
    if t.trim().is_empty() || t.trim_start().starts_with('#') {
        return None;
    }
    Some(t.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_and_prefixes() {
        let set =
            PhraseSet::build("t", [("attack*".to_string(), 1), ("may".to_string(), 2)]).unwrap();
        let text = "Attackers attacked; mayhem may follow.";
        let hits = set.find(text, 0, text.len());
        let got: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(got, ["Attackers", "attacked", "may"]);
        assert_eq!(set.entries(&hits[2]), &[2]);
    }

    #[test]
    fn a_match_inside_a_word_does_not_hide_a_later_one() {
        let set = PhraseSet::build(
            "t",
            [
                ("as confirmed by".to_string(), 1),
                ("confirmed by".to_string(), 2),
            ],
        )
        .unwrap();
        let text = "It was confirmed by the army.";
        let hits = set.find(text, 0, text.len());
        let got: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(got, ["confirmed by"]);
    }
}
