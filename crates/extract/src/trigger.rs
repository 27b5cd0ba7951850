//! Event triggers (`data/triggers.tsv`): the words that say what a claim is
//! about, with its type, PLOVER event, mode and contexts.

use claimtrace_model::{ClaimType, PloverEvent};

use crate::error::Result;
use crate::lexicon::{PhraseSet, at_word_boundaries, data_lines};

/// One trigger entry.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub claim_type: ClaimType,
    pub plover: PloverEvent,
    pub strong: bool,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
    /// One of these words (a trailing `*` is a prefix) must follow in the
    /// same clause; empty = no condition.
    pub needs: Vec<String>,
    /// The phrase as written in the data file (for `why`).
    pub phrase: String,
    /// Line in `triggers.tsv` (for `why`).
    pub line: usize,
}

/// A trigger found in a clause.
#[derive(Debug, Clone)]
pub(crate) struct TriggerHit {
    pub start: usize,
    pub end: usize,
    pub trigger: Trigger,
    /// The word of `needs` that licensed it, if any.
    pub licensed_by: Option<String>,
}

pub(crate) struct TriggerLexicon {
    set: PhraseSet<Trigger>,
}

const BUILTIN: &str = include_str!("../data/triggers.tsv");

impl TriggerLexicon {
    pub fn builtin() -> Result<Self> {
        let mut pairs = Vec::new();
        for l in data_lines("triggers.tsv", BUILTIN, 7)? {
            let f = &l.fields;
            let claim_type: ClaimType = l.label(1)?;
            let plover: PloverEvent = l.label(2)?;
            let strong = match f[3] {
                "strong" => true,
                "weak" => false,
                other => {
                    return Err(l.error(format!("strength must be strong or weak, not '{other}'")));
                }
            };
            let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
            let list = |s: &str, sep: char| -> Vec<String> {
                if s == "-" {
                    Vec::new()
                } else {
                    s.split(sep)
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect()
                }
            };
            pairs.push((
                f[0].to_string(),
                Trigger {
                    claim_type,
                    plover,
                    strong,
                    mode: opt(f[4]),
                    contexts: list(f[5], ','),
                    needs: list(f[6], '|'),
                    phrase: f[0].to_string(),
                    line: l.line,
                },
            ));
        }
        Ok(TriggerLexicon {
            set: PhraseSet::build("trigger", pairs)?,
        })
    }

    /// Triggers in the clause `text[from..to]`, each with the first of its
    /// pattern's entries whose `needs` condition holds in the rest of the
    /// clause.
    pub fn find(&self, text: &str, from: usize, to: usize) -> Vec<TriggerHit> {
        let mut out = Vec::new();
        for hit in self.set.find(text, from, to) {
            let rest = text.get(hit.end..to).unwrap_or("");
            for t in self.set.entries(&hit) {
                if t.needs.is_empty() {
                    out.push(TriggerHit {
                        start: hit.start,
                        end: hit.end,
                        trigger: t.clone(),
                        licensed_by: None,
                    });
                    break;
                }
                if let Some(word) = first_needed(rest, &t.needs) {
                    out.push(TriggerHit {
                        start: hit.start,
                        end: hit.end,
                        trigger: t.clone(),
                        licensed_by: Some(word),
                    });
                    break;
                }
            }
        }
        out
    }
}

/// The first word of `rest` that one of `needs` matches.
fn first_needed(rest: &str, needs: &[String]) -> Option<String> {
    let lower = rest.to_lowercase();
    if lower.len() != rest.len() {
        // Lower-casing changed byte lengths (rare scripts): fall back to a
        // word-by-word comparison.
        return rest
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| needs.iter().any(|n| need_fits(n, &w.to_lowercase())))
            .map(str::to_string);
    }
    for (i, _) in lower.char_indices() {
        if i > 0
            && lower[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let word_end = lower[i..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(lower.len(), |e| i + e);
        if word_end == i {
            continue;
        }
        let word = &lower[i..word_end];
        if needs.iter().any(|n| need_fits(n, word)) && at_word_boundaries(&lower, i, word_end) {
            return Some(rest[i..word_end].to_string());
        }
    }
    None
}

fn need_fits(need: &str, word: &str) -> bool {
    let need = need.to_lowercase();
    match need.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == need,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_select_the_entry() {
        let lex = TriggerLexicon::builtin().unwrap();
        let t = "Ankara provided drones to the army.";
        let hits = lex.find(t, 0, t.len());
        assert_eq!(hits[0].trigger.claim_type, ClaimType::ArmsTransfer);
        assert_eq!(hits[0].licensed_by.as_deref(), Some("drones"));
        let t = "Ankara provided training to the army.";
        let hits = lex.find(t, 0, t.len());
        assert!(
            hits.iter()
                .all(|h| h.trigger.claim_type != ClaimType::ArmsTransfer)
        );
    }
}
