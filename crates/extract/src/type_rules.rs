//! Which event a clause is about: the trigger that wins among several
//! (event types before statement verbs, a toll in the passive before the
//! attack around it, strong before weak, then the first), and what a clause
//! with no trigger refers back to.

use claimtrace_model::ClaimType;

use crate::trigger::TriggerHit;

/// Types of happenings a later sentence can refer back to.
pub(crate) fn is_event_type(t: ClaimType) -> bool {
    matches!(
        t,
        ClaimType::Attack
            | ClaimType::Casualties
            | ClaimType::Deployment
            | ClaimType::ArmsTransfer
            | ClaimType::MilitaryCooperation
    )
}

/// Words of a clause with no trigger that point back to the happening
/// already told: blame for it ("Hezbollah blamed Israel"), a confirmation of
/// "the incident", "responsible".
pub(crate) fn back_reference(clause: &str) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "blamed",
        "blames",
        "blaming",
        "responsible",
        "responsibility",
        "the incident",
        "the explosions",
        "the blasts",
        "the operation",
    ];
    let lower = clause.to_lowercase();
    WORDS.iter().copied().find(|w| {
        lower
            .match_indices(w)
            .any(|(i, _)| word_bounded(&lower, i, i + w.len()))
    })
}

/// Whether `s[a..b]` has no letter right before or after it.
fn word_bounded(s: &str, a: usize, b: usize) -> bool {
    let before = s.get(..a).and_then(|h| h.chars().next_back());
    let after = s.get(b..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A definite reference back to an event already told ("the operation",
/// "the attack", "this escalation").
pub(crate) fn anaphoric(text: &str, from: usize, start: usize, _end: usize) -> bool {
    let head = text
        .get(from..start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    let words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    words
        .iter()
        .any(|w| matches!(*w, "the" | "this" | "that" | "these" | "same"))
}

/// The trigger a clause is about: event types before statement verbs (a
/// statement that reports an event takes the event's type), strong before
/// weak, then the first.
/// A toll in the passive as the main predicate ("were killed in the
/// strike", "was martyred") beats an attack word around it: the claim is
/// the toll (guidelines: casualties when the main predicate is a toll).
pub(crate) fn best_trigger<'a>(
    text: &str,
    hits: impl Iterator<Item = &'a TriggerHit>,
) -> Option<&'a TriggerHit> {
    let hits: Vec<&TriggerHit> = hits.collect();
    // The first attack word of the clause: a toll after it is its outcome
    // ("the strike on the embassy, where 12 people were killed").
    let first_attack = hits
        .iter()
        .filter(|t| t.trigger.claim_type == ClaimType::Attack && t.trigger.strong)
        .map(|t| t.start)
        .min()
        .unwrap_or(usize::MAX);
    let noun_tolls: Vec<usize> = hits
        .iter()
        .filter(|t| toll_of_event_noun(text, t, &hits))
        .map(|t| t.start)
        .collect();
    let any_attack = hits
        .iter()
        .filter(|t| t.trigger.claim_type == ClaimType::Attack)
        .map(|t| t.start)
        .min()
        .unwrap_or(usize::MAX);
    // An attack word inside a phrase that sets the scene ("As a result of
    // the explosions, 2,750 people were injured") leaves the toll the
    // main predicate.
    let first_free_attack = hits
        .iter()
        .filter(|t| t.trigger.claim_type == ClaimType::Attack && t.trigger.strong)
        .filter(|t| !scene_setting(text, t))
        .map(|t| t.start)
        .min()
        .unwrap_or(usize::MAX);
    hits.into_iter().min_by_key(|t| {
        (
            background(text, t),
            t.trigger.claim_type == ClaimType::StatementOrAcknowledgement,
            !(passive_toll(text, t) && t.start < first_attack.max(first_free_attack)
                || noun_tolls.contains(&t.start)),
            participial_toll(text, t) && any_attack < t.start,
            relative(text, t),
            !t.trigger.strong,
            t.start,
        )
    })
}

/// An event noun in a fronted phrase: "As a result of the explosions",
/// "In the strike on Monday", "During the raid", "Following the attack".
fn scene_setting(text: &str, t: &TriggerHit) -> bool {
    const OPENERS: &[&str] = &[
        "as a result of",
        "in",
        "during",
        "following",
        "after",
        "in the wake of",
    ];
    let head = lower_tail(text, t.start, 120);
    let whole = head.len() >= t.start;
    let clause = match head.rfind(['.', ';', '\n']) {
        Some(i) => Some(&head[i + 1..]),
        None => whole.then_some(&head[..]),
    };
    // The phrase opens the clause, or the reported clause after "that":
    // "The ministry reported that as a result of the explosions, …".
    let Some(clause) = head
        .rfind(" that ")
        .map(|i| &head[i + 6..])
        .filter(|c| clause.is_none_or(|k| c.len() <= k.len()))
        .or(clause)
        .map(str::trim_start)
    else {
        return false;
    };
    OPENERS.iter().any(|o| {
        clause.strip_prefix(o).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with("the ") && rest.split_whitespace().count() <= 4
        })
    }) && text.get(t.end..).is_some_and(|after| {
        after
            .split(',')
            .next()
            .is_some_and(|phrase| phrase.split_whitespace().count() <= 5)
    })
}

/// Phrases after which an event word is only what the clause is set
/// against: "ahead of the assault", "in response to the Iranian attack".
const BACKGROUND: &[&str] = &[
    "ahead of",
    "in anticipation of",
    "in expectation of",
    "response to",
    "responses to",
    "retaliation for",
    "retaliation to",
    "reprisal for",
    "since the start of",
    "since the beginning of",
    "prior to",
    "in the run-up to",
    "in the run up to",
    "in the lead-up to",
    "the aftermath of",
    "anniversary of",
];

/// "closed its airspace ahead of the assault", "patrolling the skies in
/// anticipation of another attack": an event word after a phrase that only
/// sets the clause against it, with at most three words between (its
/// determiner and adjectives). Such a clause tells something else about the
/// event, not the event.
pub(crate) fn background(text: &str, t: &TriggerHit) -> bool {
    background_phrase(text, t).is_some()
}

/// The phrase that makes `t` the background ("ahead of"), if one does.
pub(crate) fn background_phrase(text: &str, t: &TriggerHit) -> Option<&'static str> {
    if t.trigger.claim_type == ClaimType::StatementOrAcknowledgement {
        return None;
    }
    let head = lower_tail(text, t.start, 60);
    let words: Vec<&str> = head.split_whitespace().collect();
    (0..=3.min(words.len())).find_map(|skip| {
        let (upto, between) = words.split_at(words.len() - skip);
        if between.iter().any(|w| w.ends_with([',', ';', ':'])) {
            return None;
        }
        BACKGROUND.iter().copied().find(|b| {
            let n = b.split_whitespace().count();
            upto.len() >= n && upto[upto.len() - n..].join(" ") == *b
        })
    })
}

/// The last `chars` characters of `text` before `at`, lower-cased: the words
/// right before a trigger, read without touching the rest of the document.
pub(crate) fn lower_tail(text: &str, at: usize, chars: usize) -> String {
    let head = text.get(..at).unwrap_or("");
    head.char_indices()
        .rev()
        .nth(chars)
        .map_or(head, |(i, _)| &head[i..])
        .to_lowercase()
}

/// "the pagers that exploded", "the strike which killed": an event word
/// describing a noun in a relative clause; the clause's own predicate, when
/// it has an event word, is what the claim is about.
fn relative(text: &str, t: &TriggerHit) -> bool {
    let head = text.get(..t.start).unwrap_or("").trim_end();
    let last = head.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(last.to_lowercase().as_str(), "that" | "which")
}

/// ", killing two guards": a toll told as the outcome of what comes before
/// it (guidelines: an attack with a participial toll stays an attack).
fn participial_toll(text: &str, t: &TriggerHit) -> bool {
    t.trigger.claim_type == ClaimType::Casualties
        && text[t.start..t.end].ends_with("ing")
        && text
            .get(..t.start)
            .is_some_and(|h| h.trim_end().ends_with(','))
}

/// "were killed", "have been injured", "was reportedly wounded".
pub(crate) fn passive_toll(text: &str, t: &TriggerHit) -> bool {
    if t.trigger.claim_type != ClaimType::Casualties || !text[t.start..t.end].ends_with("ed") {
        return false;
    }
    let head = text.get(..t.start).unwrap_or("");
    head.split_whitespace().rev().take(3).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "was" | "were" | "been" | "is" | "are" | "being"
        )
    })
}

/// Event nouns that can be the subject of a toll verb.
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "air strike",
    "air strikes",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "bombing",
    "bombings",
    "shelling",
    "raid",
    "raids",
    "explosives",
];

/// "waves of airstrikes killed 558 people", "an attack on the camp killed
/// 56": an event noun as the subject of an active toll verb makes the toll
/// the main predicate (guidelines: casualties).
fn toll_of_event_noun(text: &str, t: &TriggerHit, hits: &[&TriggerHit]) -> bool {
    let word = text[t.start..t.end].to_lowercase();
    if t.trigger.claim_type != ClaimType::Casualties
        || !matches!(
            word.as_str(),
            "killed" | "injured" | "wounded" | "left" | "claimed the lives"
        )
        || passive_toll(text, t)
    {
        return false;
    }
    hits.iter().any(|a| {
        a.trigger.claim_type == ClaimType::Attack
            && a.end <= t.start
            && EVENT_NOUNS.contains(&text[a.start..a.end].to_lowercase().as_str())
            && text.get(a.end..t.start).is_some_and(|gap| {
                // A quotation may open right before the toll: `an attack
                // on the camp "has claimed the lives of 56"`.
                let gap = gap.replace(" \"", " ").replace(" “", " ");
                !gap.contains([',', ';', '(', '“', '"'])
                    && gap.split_whitespace().count() <= 16
                    && !gap
                        .split_whitespace()
                        .any(|w| matches!(w, "that" | "which" | "who" | "and"))
            })
    })
}
