//! Firmness and attribution cues (`data/cues.tsv`): the words that say who
//! asserts a claim and how firmly.

use crate::error::Result;
use crate::lexicon::{Hit, PhraseSet, data_lines};

/// What a cue does to the claim it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// Neutral reporting ("said", "according to"): `reported`.
    Report,
    /// Uncertainty or distance ("reportedly", "may"): `hedged`.
    Hedge,
    /// Rejection of the proposition ("denied", "no evidence"): `denied`.
    Denial,
    /// Evaluation, motive or prediction in the author's voice: `opinion`.
    Opinion,
    /// Reporting with no agent ("it was reported"): `hedged`, source stays the author.
    Passive,
    /// Plain negation ("did not"): a denial.
    Negation,
    /// A source's evaluation ("condemned", "perceived"): `reported`, a statement.
    Evaluation,
    /// A prediction ("will", "plans to"): PLOVER auxiliary mode `future`.
    Future,
    /// A hypothetical ("if", "imagine"): PLOVER auxiliary mode `hypothetical`.
    Hypothetical,
}

impl CueKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "report" => CueKind::Report,
            "hedge" => CueKind::Hedge,
            "denial" => CueKind::Denial,
            "opinion" => CueKind::Opinion,
            "passive" => CueKind::Passive,
            "negation" => CueKind::Negation,
            "evaluation" => CueKind::Evaluation,
            "future" => CueKind::Future,
            "hypothetical" => CueKind::Hypothetical,
            _ => return None,
        })
    }
}

/// Where a cue's source stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueRole {
    /// The source is the subject of the verb ("X said"), or follows it in an
    /// inverted quote ("…,” said X).
    Verb,
    /// The source follows ("according to X").
    Prep,
    /// Not an attribution cue.
    None,
}

/// One cue entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub kind: CueKind,
    pub role: CueRole,
}

/// A cue found in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueHit {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

pub(crate) struct CueLexicon {
    set: PhraseSet<Cue>,
}

const BUILTIN: &str = include_str!("../data/cues.tsv");

impl CueLexicon {
    pub fn builtin() -> Result<Self> {
        let mut pairs = Vec::new();
        for l in data_lines("cues.tsv", BUILTIN, 3)? {
            let f = &l.fields;
            let kind = CueKind::parse(f[1])
                .ok_or_else(|| l.error(format!("unknown cue kind '{}'", f[1])))?;
            let role = match f[2] {
                "verb" => CueRole::Verb,
                "prep" => CueRole::Prep,
                "-" => CueRole::None,
                other => return Err(l.error(format!("unknown attribution role '{other}'"))),
            };
            pairs.push((f[0].to_string(), Cue { kind, role }));
        }
        Ok(CueLexicon {
            set: PhraseSet::build("cue", pairs)?,
        })
    }

    /// Cues in `text[from..to]`. Lower-case cues must be lower case in the
    /// text, except at the start of a sentence, so that "May" the month or
    /// "Will" the name are not read as modals.
    pub fn find(&self, text: &str, from: usize, to: usize) -> Vec<CueHit> {
        self.set
            .find(text, from, to)
            .into_iter()
            .filter(|h| case_ok(text, from, h))
            // "the so-called operation": a distancing word, not a speaker's act.
            .filter(|h| {
                let before = text.as_bytes().get(h.start.saturating_sub(3)..h.start);
                !before.is_some_and(|b| b.eq_ignore_ascii_case(b"so-"))
            })
            .filter_map(|h| {
                self.set.entries(&h).first().map(|&cue| CueHit {
                    start: h.start,
                    end: h.end,
                    cue,
                })
            })
            .collect()
    }
}

fn case_ok(text: &str, sentence_start: usize, h: &Hit) -> bool {
    let Some(found) = text.get(h.start..h.end) else {
        return false;
    };
    let first_upper = found.chars().next().is_some_and(char::is_uppercase);
    if !first_upper {
        return true;
    }
    // A capitalised cue counts at the start of the sentence or after an
    // opening quote; elsewhere it is a name ("May", "Will Smith").
    let before = text.get(sentence_start..h.start).unwrap_or("");
    before
        .trim_start_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c))
        .is_empty()
        || found.chars().skip(1).all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_cues_parse_and_match() {
        let lex = CueLexicon::builtin().unwrap();
        let t = "According to officials, the depot may have been hit, it was reported, in May.";
        let got: Vec<(&str, CueKind)> = lex
            .find(t, 0, t.len())
            .iter()
            .map(|h| (&t[h.start..h.end], h.cue.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("According to", CueKind::Report),
                ("may", CueKind::Hedge),
                ("it was reported", CueKind::Passive)
            ]
        );
    }
}
