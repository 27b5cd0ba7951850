//! Step 3: the claim's type and PLOVER event, from the unit's trigger, the
//! governing attribution, or a word that refers back to an earlier event.

use claimtrace_model::{ClaimType, PloverEvent};

use crate::attribution::Attribution;
use crate::context::DocContext;
use crate::cue::CueKind;
use crate::trigger::TriggerHit;
use crate::type_rules::{back_reference, is_event_type};

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
            Kind::statement()
        }
        Some(t) => {
            why.push(trigger_why(sc.text, t));
            Kind::of_trigger(t)
        }
        None if evaluation => {
            why.push(
                "type statement_or_acknowledgement: a source's evaluation with no event trigger"
                    .to_string(),
            );
            Kind::statement()
        }
        None => without_trigger(sc, unit, ctx, why),
    };
    if unit.trigger.is_some() && is_event_type(kind.claim_type) {
        ctx.last_event = Some((kind.claim_type, kind.plover));
    }
    kind
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
fn without_trigger(sc: &Scope, unit: &Unit, ctx: &DocContext, why: &mut Vec<String>) -> Kind {
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
        None => {
            why.push("type other: no event trigger; kept as a claim because it carries an attribution, hedge or opinion cue".to_string());
            Kind {
                claim_type: ClaimType::Other,
                plover: ClaimType::Other.default_plover(),
                mode: None,
                contexts: Vec::new(),
            }
        }
    }
}
