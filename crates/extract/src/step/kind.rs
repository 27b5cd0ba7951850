//! Step 3: the claim's type and PLOVER event, from the unit's trigger, the
//! governing attribution, or a word that refers back to an earlier event.

use claimtrace_model::{ClaimType, PloverEvent, SourceKind};

use crate::attribution::Attribution;
use crate::context::DocContext;
use crate::cue::CueKind;
use crate::learn::LinearModel;
use crate::trigger::TriggerHit;
use crate::type_rules::{back_reference, background_phrase, is_event_type};

use super::{Scope, Unit};

/// What the type step decided.
#[derive(Debug, Clone)]
pub(crate) struct Kind {
    pub claim_type: ClaimType,
    pub plover: PloverEvent,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
}

impl Kind {
    fn statement() -> Self {
        Kind {
            claim_type: ClaimType::StatementOrAcknowledgement,
            plover: PloverEvent::Accuse,
            mode: None,
            contexts: vec!["diplomatic".to_string()],
        }
    }

    fn other() -> Self {
        Kind {
            claim_type: ClaimType::Other,
            plover: ClaimType::Other.default_plover(),
            mode: None,
            contexts: Vec::new(),
        }
    }

    fn of_trigger(t: &TriggerHit) -> Self {
        Kind {
            claim_type: t.trigger.claim_type,
            plover: t.trigger.plover,
            mode: t.trigger.mode.clone(),
            contexts: t.trigger.contexts.clone(),
        }
    }
}

/// Decide the unit's type; remembers an event type in `ctx` for later
/// back-references.
pub(crate) fn decide(
    sc: &Scope,
    unit: &Unit,
    attr: Option<&Attribution>,
    ctx: &mut DocContext,
    why: &mut Vec<String>,
) -> Kind {
    let evaluation = attr.is_some_and(|a| a.cue.cue.kind == CueKind::Evaluation);
    let kind = match &unit.trigger {
        Some(t) if evaluation && reports_evaluation(t, attr) => {
            let a = attr.map_or(0..0, |a| a.cue.start..a.cue.end);
            why.push(format!(
                "type statement_or_acknowledgement: '{}' reports the source's evaluation (guidelines: a source's evaluation is a statement); the event word '{}' is its content",
                &sc.text[a],
                &sc.text[t.start..t.end]
            ));
            statement_of(sc, attr)
        }
        Some(t) if let Some((word, (ty, plover))) = denied_earlier(sc, t).zip(ctx.last_event) => {
            why.push(format!(
                "type {ty}: '{}' rejects '{word}', which refers back to the {ty} told earlier in the document (guidelines: a denial's claim is the rejected proposition)",
                &sc.text[t.start..t.end]
            ));
            Kind {
                claim_type: ty,
                plover,
                mode: None,
                contexts: vec!["military".to_string()],
            }
        }
        Some(t) if let Some(phrase) = background_phrase(sc.text, t) => {
            why.push(format!(
                "type other: the event word '{}' comes after '{phrase}': the clause is set against the event and tells something else about it",
                &sc.text[t.start..t.end],
            ));
            Kind::other()
        }
        Some(t) => match speech_over_event(sc, unit, t, attr) {
            Some(reason) => {
                why.push(format!(
                    "type statement_or_acknowledgement: {reason}; the event word '{}' is its content (guidelines: the speech act itself is the news)",
                    &sc.text[t.start..t.end]
                ));
                statement_of(sc, attr)
            }
            None => {
                why.push(trigger_why(sc.text, t));
                Kind::of_trigger(t)
            }
        },
        None if evaluation => {
            why.push(
                "type statement_or_acknowledgement: a source's evaluation with no event trigger"
                    .to_string(),
            );
            statement_of(sc, attr)
        }
        None => without_trigger(sc, unit, attr, ctx, why),
    };
    if unit.trigger.is_some() && is_event_type(kind.claim_type) {
        ctx.last_event = Some((kind.claim_type, kind.plover));
    }
    kind
}

/// Verbs of denial whose object may be an earlier report.
const DENIALS: &[&str] = &["deni", "deny", "reject", "dismiss", "refut", "rebuff"];

/// Nouns that name an earlier report as a whole.
const REPORT_NOUNS: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "report",
    "reports",
    "charge",
    "charges",
    "assertion",
    "assertions",
];

/// "denied the allegations", "rejected Prigozhin's claims": a denial
/// verb whose object, within its first four words, is a report noun with
/// nothing after it that names the event anew; the noun.
fn denied_earlier<'a>(sc: &Scope<'a>, t: &TriggerHit) -> Option<&'a str> {
    let verb = sc.text[t.start..t.end].to_lowercase();
    if t.trigger.claim_type != ClaimType::StatementOrAcknowledgement
        || !DENIALS.iter().any(|d| verb.starts_with(d))
    {
        return None;
    }
    let after = sc.text.get(t.end..sc.to)?;
    let has_event_after = sc
        .triggers
        .iter()
        .any(|o| o.start >= t.end && o.trigger.claim_type != ClaimType::StatementOrAcknowledgement);
    if has_event_after {
        return None;
    }
    let mut at = t.end;
    for w in after
        .split_inclusive(|c: char| !c.is_alphanumeric() && c != '\'')
        .take(8)
    {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let (s, e) = (at, at + word.len());
        at += w.len();
        if REPORT_NOUNS.contains(&word.to_lowercase().as_str()) {
            return sc.text.get(s..e);
        }
    }
    None
}

/// A statement's coding: the PLOVER event of its speech verb ("rejected"
/// REJECT, "welcomed" SUPPORT, "threatened" THREATEN) when the lexicon has
/// one at the attribution's verb, else ACCUSE.
fn statement_of(sc: &Scope, attr: Option<&Attribution>) -> Kind {
    let at_verb = attr.and_then(|a| {
        sc.triggers.iter().find(|t| {
            t.trigger.claim_type == ClaimType::StatementOrAcknowledgement
                && t.start < a.cue.end
                && a.cue.start < t.end
        })
    });
    match at_verb {
        Some(t) => Kind {
            claim_type: ClaimType::StatementOrAcknowledgement,
            ..Kind::of_trigger(t)
        },
        None => Kind::statement(),
    }
}

/// An evaluation cue before an event trigger makes the claim the source's
/// statement ("X condemned the strike").
fn reports_evaluation(t: &TriggerHit, attr: Option<&Attribution>) -> bool {
    t.trigger.claim_type != ClaimType::StatementOrAcknowledgement
        && attr.is_some_and(|a| a.cue.start < t.start)
}

fn trigger_why(text: &str, t: &TriggerHit) -> String {
    let strength = if t.trigger.strong { "strong" } else { "weak" };
    let lic = t
        .licensed_by
        .as_ref()
        .map(|w| format!(", licensed by '{w}' later in the clause"))
        .unwrap_or_default();
    format!(
        "type {}: trigger '{}' (triggers.tsv line {}, pattern '{}', {strength}{lic})",
        t.trigger.claim_type,
        &text[t.start..t.end],
        t.trigger.line,
        t.trigger.phrase
    )
}

/// No trigger: a word referring back to the last event told takes its
/// type; otherwise `other`.
fn without_trigger(
    sc: &Scope,
    unit: &Unit,
    attr: Option<&Attribution>,
    ctx: &DocContext,
    why: &mut Vec<String>,
) -> Kind {
    match back_reference(&sc.text[unit.start..unit.end]).zip(ctx.last_event) {
        Some((word, (t, plover))) => {
            why.push(format!(
                "type {t}: no event trigger; '{word}' refers back to the {t} told earlier in the document"
            ));
            Kind {
                claim_type: t,
                plover,
                mode: None,
                contexts: vec!["military".to_string()],
            }
        }
        None if attr.is_some_and(|a| named(a.source.kind) || quotes_speech(sc, a)) => {
            let name = attr.map_or("", |a| a.source.name.as_str());
            why.push(format!(
                "type statement_or_acknowledgement: no event trigger; what the named source {name} says is the news (guidelines: a source's evaluation is a statement)"
            ));
            statement_of(sc, attr)
        }
        None => {
            why.push("type other: no event trigger; kept as a claim because it carries an attribution, hedge or opinion cue".to_string());
            Kind::other()
        }
    }
}

/// The probability above which the type model's class replaces the rules'.
/// Chosen by leave-one-event-out cross-validation on the tuning part
/// (`claimtrace train type` prints the table).
pub const OVERRIDE_AT: f64 = 0.5;

/// Let the learned model re-judge the rules' type: its class wins when it
/// differs and its probability reaches [`OVERRIDE_AT`]; `why` names the
/// features that weighed most either way.
pub(crate) fn rejudge(
    model: Option<&LinearModel>,
    rule: Kind,
    features: &[String],
    sc: &Scope,
    why: &mut Vec<String>,
) -> Kind {
    let Some(model) = model else {
        return rule;
    };
    let Some(p) = model.predict(features, 4) else {
        return rule;
    };
    let Some(class) = model.classes()[p.class].parse::<ClaimType>().ok() else {
        return rule;
    };
    let reasons = p
        .reasons
        .iter()
        .map(|(f, w)| format!("{f} {w:+.2}"))
        .collect::<Vec<_>>()
        .join(", ");
    if class == rule.claim_type {
        why.push(format!(
            "type model agrees: {class} (p={:.2}; {reasons})",
            p.probability
        ));
        return rule;
    }
    if p.probability < OVERRIDE_AT {
        why.push(format!(
            "type model leans to {class} (p={:.2}, below {OVERRIDE_AT}); the rules' {} stands",
            p.probability, rule.claim_type
        ));
        return rule;
    }
    why.push(format!(
        "type {class}: the type model overrides the rules' {} (p={:.2}; weighed most: {reasons})",
        rule.claim_type, p.probability
    ));
    // The unit's own trigger of that type gives the PLOVER coding.
    match sc.triggers.iter().find(|t| t.trigger.claim_type == class) {
        Some(t) => Kind::of_trigger(t),
        None => Kind {
            claim_type: class,
            plover: class.default_plover(),
            mode: None,
            contexts: Vec::new(),
        },
    }
}

/// Speech-act verbs whose object is an event told as their content
/// ("condemned the attack", "warned it will retaliate for the strike").
const SPEECH_ACTS: &[&str] = &[
    "condemn", "warn", "vow", "denounc", "urg", "prais", "welcom", "label", "threaten", "deplor",
    "decr",
];

/// Words that make an event word a noun phrase rather than a verb.
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "an", "a", "its", "their", "his", "her", "such",
];

/// A quotation relayed by an outlet or unnamed source ("'…,' he was cited
/// by state media as saying"): someone's words are the news.
fn quotes_speech(sc: &Scope, a: &Attribution) -> bool {
    a.source.kind != SourceKind::Author
        && sc
            .text
            .get(sc.from..sc.to)
            .is_some_and(|s| s.contains(['“', '"']))
}

fn named(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::NamedPerson | SourceKind::NamedOrganisation
    )
}

/// Why a clause whose trigger is an event is the source's statement about
/// it, if it is one: a speech-act verb before an event noun ("condemned
/// this heinous attack"), or a named source's warning about what would
/// happen if ("troops would become targets if they fight").
fn speech_over_event(
    sc: &Scope,
    unit: &Unit,
    t: &TriggerHit,
    attr: Option<&Attribution>,
) -> Option<String> {
    if t.trigger.claim_type == ClaimType::StatementOrAcknowledgement {
        return None;
    }
    let before = sc.text.get(sc.from..t.start).unwrap_or("").to_lowercase();
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let nominal = words.iter().rev().take(4).any(|w| DETERMINERS.contains(w));
    if nominal
        && let Some(verb) = words
            .iter()
            .find(|w| SPEECH_ACTS.iter().any(|p| w.starts_with(p)))
    {
        return Some(format!("'{verb}' is the act told, before the event noun"));
    }
    let clause = sc
        .text
        .get(unit.start..unit.end)
        .unwrap_or("")
        .to_lowercase();
    // The event only inside the "if" clause, or a weak event word, under a
    // modal: the source warns of what would happen.
    // "if they fight" or the inverted "should these troops fight".
    let if_at = [" if ", "\"if ", "“if ", " should ", "\"should ", "“should "]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .map(|i| unit.start + i);
    let conditional = if_at.is_some_and(|i| !t.trigger.strong || t.start > i)
        && [" would ", " could "].iter().any(|m| clause.contains(m));
    let concern = clause.contains("concerned that") && !t.trigger.strong;
    if (conditional || concern) && attr.is_some_and(|a| a.source.kind != SourceKind::Author) {
        let what = if concern {
            "a concern"
        } else {
            "a conditional warning"
        };
        return Some(format!("the source's {what}"));
    }
    None
}
