//! The features the type model reads for one clause unit: what the rules
//! decided and why, the triggers and cues around, and the unit's words.
//! Each is a readable string, so a weight names what it weighs.

use crate::attribution::Attribution;
use crate::step::{Scope, Unit, kind::Kind};

/// Words too common to say anything about a claim's type.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "at", "by", "from", "as",
    "that", "this", "it", "its", "is", "was", "were", "be", "been", "are", "has", "have", "had",
    "he", "she", "they", "their", "his", "her",
];

/// The features of `unit`, whose rule-decided kind is `rule`.
pub(crate) fn type_features(
    sc: &Scope,
    unit: &Unit,
    attr: Option<&Attribution>,
    rule: &Kind,
) -> Vec<String> {
    let mut f = vec!["bias".to_string(), format!("rule:{}", rule.claim_type)];
    if let Some(t) = &unit.trigger {
        let word = sc.text[t.start..t.end].to_lowercase();
        f.push(format!("trigger:{word}"));
        f.push(format!(
            "trigger-strength:{}",
            if t.trigger.strong { "strong" } else { "weak" }
        ));
    } else {
        f.push("trigger:none".to_string());
    }
    for t in sc.triggers {
        let inside = t.start >= unit.start && t.end <= unit.end;
        let place = if inside { "unit" } else { "sentence" };
        f.push(format!("{place}-has:{}", t.trigger.claim_type));
    }
    if let Some(a) = attr {
        f.push(format!("attribution:{:?}", a.cue.cue.kind).to_lowercase());
        f.push(format!("source-kind:{}", a.source.kind));
    }
    for c in unit.cues(sc.cues) {
        f.push(format!("cue:{:?}", c.cue.kind).to_lowercase());
    }
    if sc
        .facts
        .quantities
        .iter()
        .any(|q| crate::extractor::within(q.span, unit.start, unit.end))
    {
        f.push("has-number".to_string());
    }
    for w in sc
        .facts
        .weapons
        .iter()
        .filter(|w| crate::extractor::within(Some(w.span), unit.start, unit.end))
    {
        f.push(format!("weapon:{}", w.category));
    }
    words(&sc.text[unit.start..unit.end], &mut f);
    f
}

fn words(text: &str, f: &mut Vec<String>) {
    for w in text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 1 && w.chars().all(char::is_alphabetic))
    {
        let w = w.to_lowercase();
        if !STOP.contains(&w.as_str()) {
            f.push(format!("w:{w}"));
        }
    }
}
