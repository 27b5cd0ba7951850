//! Whole claim records against hand-labelled gold claims (`claims_news_dev`).
//!
//! A gold claim is **found** when a predicted claim of the same document
//! covers its sentence (the gold sentence's byte range and the claim's span
//! overlap by at least half of the shorter). When a sentence holds several
//! gold claims (an accusation and its denial), each takes the predicted claim
//! of that sentence that agrees with it on most of type, source kind and
//! firmness, unused ones first. Then each field is compared:
//!
//! - type, source kind, firmness: the label, or a second reading in `alt`;
//! - source text: `author` against an unattributed claim, otherwise the
//!   gold's words against the predicted source's words or name
//!   ([`same_words`]);
//! - actor, target, place: both absent, or [`same_words`];
//! - date: both absent, or the same month (`YYYY` gold: the same year; an
//!   interval: the predicted day range overlaps it).
//!
//! The **overall** figure is the mean of the type, source-kind and firmness
//! accuracies over all gold claims; an unfound claim is wrong on every field.

use claimtrace_model::{Claim, SourceKind, Span};

use crate::data::claims_news::GoldClaim;
use crate::metrics::Confusion;

/// The fields compared, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Type,
    SourceKind,
    SourceText,
    Firmness,
    Actor,
    Target,
    Date,
    Place,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Type,
        Field::SourceKind,
        Field::SourceText,
        Field::Firmness,
        Field::Actor,
        Field::Target,
        Field::Date,
        Field::Place,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Field::Type => "type",
            Field::SourceKind => "source kind",
            Field::SourceText => "source text",
            Field::Firmness => "firmness",
            Field::Actor => "actor",
            Field::Target => "target",
            Field::Date => "date",
            Field::Place => "place",
        }
    }
}

/// What happened to one gold claim.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Index into the gold list given to [`score_document`].
    pub gold: usize,
    /// Index of the predicted claim it was matched to.
    pub predicted: Option<usize>,
    /// Right or wrong, per [`Field::ALL`] (all wrong when not found).
    pub right: [bool; 8],
}

impl Outcome {
    pub fn is_right(&self, f: Field) -> bool {
        self.right[f as usize]
    }
}

/// Totals over many documents.
#[derive(Debug, Clone, Default)]
pub struct ClaimsScore {
    pub gold: usize,
    pub found: usize,
    pub right: [usize; 8],
    /// Gold label versus predicted label (`(none)` when not found).
    pub types: Confusion,
    pub source_kinds: Confusion,
    pub firmness: Confusion,
}

impl ClaimsScore {
    /// Adds one document's outcomes.
    pub fn add(&mut self, gold: &[&GoldClaim], claims: &[Claim], outcomes: &[Outcome]) {
        for o in outcomes {
            let g = gold[o.gold];
            self.gold += 1;
            let pred = o.predicted.map(|i| &claims[i]);
            self.found += usize::from(pred.is_some());
            for f in Field::ALL {
                self.right[f as usize] += usize::from(o.is_right(f));
            }
            let label = |right: bool, gold: &str, p: Option<&str>| -> String {
                // A second reading counted as right shows as the gold label.
                if right {
                    gold.to_string()
                } else {
                    p.unwrap_or("(none)").to_string()
                }
            };
            let (t, k, e) = (
                o.is_right(Field::Type),
                o.is_right(Field::SourceKind),
                o.is_right(Field::Firmness),
            );
            self.types.add(
                &g.claim_type,
                &label(t, &g.claim_type, pred.map(|c| c.claim_type.as_str())),
            );
            self.source_kinds.add(
                &g.source_kind,
                &label(k, &g.source_kind, pred.map(|c| c.source.kind.as_str())),
            );
            self.firmness.add(
                &g.epistemic,
                &label(e, &g.epistemic, pred.map(|c| c.epistemic.as_str())),
            );
        }
    }

    pub fn accuracy(&self, f: Field) -> f64 {
        ratio(self.right[f as usize], self.gold)
    }

    /// Mean of the type, source-kind and firmness accuracies.
    pub fn overall(&self) -> f64 {
        (self.accuracy(Field::Type)
            + self.accuracy(Field::SourceKind)
            + self.accuracy(Field::Firmness))
            / 3.0
    }

    pub fn found_share(&self) -> f64 {
        ratio(self.found, self.gold)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores the gold claims of one document against its predicted claims.
pub fn score_document(text: &str, gold: &[&GoldClaim], claims: &[Claim]) -> Vec<Outcome> {
    let mut used = vec![false; claims.len()];
    gold.iter()
        .enumerate()
        .map(|(gi, g)| {
            let covering: Vec<usize> = match sentence_span(text, &g.sentence) {
                Some(s) => (0..claims.len())
                    .filter(|&i| covers(&s, &claims[i].span))
                    .collect(),
                None => Vec::new(),
            };
            let pick = best_match(g, claims, &covering, &used);
            if let Some(i) = pick {
                used[i] = true;
            }
            Outcome {
                gold: gi,
                predicted: pick,
                right: pick.map_or([false; 8], |i| compare(g, &claims[i])),
            }
        })
        .collect()
}

/// The candidate agreeing with `g` on most of type, source kind and
/// firmness (then actor), unused candidates first.
fn best_match(g: &GoldClaim, claims: &[Claim], cands: &[usize], used: &[bool]) -> Option<usize> {
    let key = |&i: &usize| {
        let r = compare(g, &claims[i]);
        let core = usize::from(r[Field::Type as usize])
            + usize::from(r[Field::SourceKind as usize])
            + usize::from(r[Field::Firmness as usize]);
        (!used[i], core, r[Field::Actor as usize], usize::MAX - i)
    };
    cands.iter().copied().max_by_key(key)
}

/// Where the gold sentence stands in the text (verbatim, else with runs of
/// white space read as one).
pub fn sentence_span(text: &str, sentence: &str) -> Option<Span> {
    if let Some(start) = text.find(sentence) {
        return Some(Span::new(start, start + sentence.len()));
    }
    let want: Vec<&str> = sentence.split_whitespace().collect();
    let first = *want.first()?;
    text.match_indices(first).find_map(|(start, _)| {
        // Each following word must come next, after white space only.
        let mut pos = start + first.len();
        for w in &want[1..] {
            let rest = &text[pos..];
            let skipped = rest.len() - rest.trim_start().len();
            if skipped == 0 || !rest[skipped..].starts_with(w) {
                return None;
            }
            pos += skipped + w.len();
        }
        Some(Span::new(start, pos))
    })
}

/// Whether a claim's span covers the gold sentence: overlap of at least half
/// of the shorter of the two.
fn covers(gold: &Span, claim: &Span) -> bool {
    let lo = gold.start.max(claim.start);
    let hi = gold.end.min(claim.end);
    let shorter = gold.len().min(claim.len()).max(1);
    hi > lo && (hi - lo) * 2 >= shorter
}

/// Right or wrong per field for one pair.
pub fn compare(g: &GoldClaim, c: &Claim) -> [bool; 8] {
    let label_ok =
        |gold: &str, alt: &[String], pred: &str| gold == pred || alt.iter().any(|a| a == pred);
    let mut r = [false; 8];
    r[Field::Type as usize] = label_ok(&g.claim_type, &g.alt.claim_type, c.claim_type.as_str());
    r[Field::SourceKind as usize] =
        label_ok(&g.source_kind, &g.alt.source_kind, c.source.kind.as_str());
    r[Field::Firmness as usize] = label_ok(&g.epistemic, &g.alt.epistemic, c.epistemic.as_str());
    r[Field::SourceText as usize] = source_text_ok(g, c);
    r[Field::Actor as usize] = optional_words_ok(
        g.actor.as_deref(),
        c.actor.as_ref().map(|m| [m.text.as_str(), m.name.as_str()]),
    );
    r[Field::Target as usize] = optional_words_ok(
        g.target_or_recipient.as_deref(),
        c.target
            .as_ref()
            .map(|m| [m.text.as_str(), m.name.as_str()]),
    );
    r[Field::Place as usize] = optional_words_ok(
        g.place.as_deref(),
        c.place.as_ref().map(|p| [p.text.as_str(), p.name.as_str()]),
    );
    r[Field::Date as usize] = date_ok(g.date.as_deref(), c);
    r
}

fn source_text_ok(g: &GoldClaim, c: &Claim) -> bool {
    let gold_author = g.source.eq_ignore_ascii_case("author") || g.source_kind == "author";
    let pred_author = c.source.kind == SourceKind::Author;
    match (gold_author, pred_author) {
        (true, true) => true,
        (false, false) => {
            same_words(&g.source, &c.source.text) || same_words(&g.source, &c.source.name)
        }
        _ => false,
    }
}

fn optional_words_ok(gold: Option<&str>, pred: Option<[&str; 2]>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some([text, name])) => same_words(g, text) || same_words(g, name),
        _ => false,
    }
}

/// Words that carry no identity.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "s", "and", "in", "on", "at", "to", "its", "his", "her", "their",
];

/// Content words, lower-cased, apostrophes and punctuation dropped.
fn content_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two mentions name the same thing as the gold writes it: one's
/// content words are all in the other, or they share at least half of the
/// union (Jaccard ≥ 0.5).
pub fn same_words(gold: &str, pred: &str) -> bool {
    let (g, p) = (content_words(gold), content_words(pred));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let g_in_p = g.iter().all(|w| p.contains(w));
    let p_in_g = p.iter().all(|w| g.contains(w));
    if g_in_p || p_in_g {
        return true;
    }
    let shared = g.iter().filter(|w| p.contains(w)).count();
    let union = g.len() + p.len() - shared;
    shared * 2 >= union
}

/// The gold date against the claim's: same month (same year for a year).
fn date_ok(gold: Option<&str>, c: &Claim) -> bool {
    let Some(g) = gold else {
        return c.date.is_none();
    };
    let Some(d) = &c.date else {
        return false;
    };
    if let Some((a, b)) = g.split_once('/') {
        let (start, end) = (
            d.start.as_deref().unwrap_or(&d.value),
            d.end.as_deref().unwrap_or(&d.value),
        );
        return start
            .get(..a.len().min(7))
            .is_some_and(|s| s <= &b[..b.len().min(7)])
            && end
                .get(..b.len().min(7))
                .is_some_and(|e| e >= &a[..a.len().min(7)]);
    }
    let month = |s: &str| s.get(..g.len().min(7)).map(str::to_string);
    let pred = d.start.as_deref().unwrap_or(&d.value);
    month(pred).is_some_and(|p| p == g[..g.len().min(7)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_as_the_gold_writes_them() {
        assert!(same_words(
            "Russia’s Investigative Committee",
            "Investigative Committee"
        ));
        assert!(same_words("the Kremlin", "Kremlin"));
        assert!(!same_words("Ukraine", "Russia"));
        assert!(!same_words("", "Russia"));
        assert!(same_words("Ukrainian air force", "Ukraine's air force"));
    }

    #[test]
    fn sentence_found_with_other_white_space() {
        let text = "First one.\nThe army  said\nit moved. Last.";
        let s = sentence_span(text, "The army said it moved.").unwrap();
        assert_eq!(&text[s.start..s.end], "The army  said\nit moved.");
        assert!(sentence_span(text, "Not here.").is_none());
    }

    #[test]
    fn covering_needs_half_of_the_shorter() {
        let gold = Span::new(10, 30);
        assert!(covers(&gold, &Span::new(0, 40)));
        assert!(covers(&gold, &Span::new(12, 28)));
        assert!(!covers(&gold, &Span::new(0, 12)));
        assert!(!covers(&gold, &Span::new(30, 60)));
    }
}
