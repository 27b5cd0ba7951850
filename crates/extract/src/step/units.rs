//! Step 1: the sentence's clause units, one per clause with an event
//! trigger; clauses without one join a neighbour.

use crate::clause;
use crate::trigger::TriggerHit;
use claimtrace_model::ClaimType;

use crate::type_rules::{best_trigger, passive_toll};

use super::Unit;

/// The clause units of `from..to` given the sentence's triggers.
pub(crate) fn units(text: &str, from: usize, to: usize, triggers: &[TriggerHit]) -> Vec<Unit> {
    let mut cuts = second_verbs(text, triggers);
    cuts.extend(toll_clauses(text, from, triggers));
    let clauses = clause::clauses(text, from, to, &cuts);
    let mut units: Vec<Unit> = Vec::new();
    for &(start, end) in &clauses {
        let best = best_trigger(
            text,
            triggers.iter().filter(|t| t.start >= start && t.end <= end),
        );
        match (best, units.last_mut()) {
            // A trigger-less clause joins the clause before it.
            (None, Some(last)) => last.end = end,
            (b, _) => units.push(Unit {
                start,
                end,
                trigger: b.cloned(),
            }),
        }
    }
    join_leading(units)
}

/// " and killed 12": a second event verb in the past opens a clause of its
/// own; the offsets where such clauses start.
fn second_verbs(text: &str, triggers: &[TriggerHit]) -> Vec<usize> {
    triggers
        .iter()
        .filter(|t| t.trigger.strong && text[t.start..t.end].ends_with("ed"))
        .filter_map(|t| {
            text.get(..t.start)
                .filter(|h| h.ends_with(" and "))
                .map(|_| t.start - 4)
        })
        .collect()
}

/// Links that open a second statement of the same sentence.
const TOLL_LINKS: &[&str] = &[
    ", adding that ",
    ", adding ",
    " and that ",
    ", with ",
    ", and ",
];

/// "…struck the consulate, and a source said a commander had been killed":
/// a passive toll after a strong attack word, past a link that opens a
/// clause of its own, is a casualties claim of its own; the offsets of
/// those links.
fn toll_clauses(text: &str, from: usize, triggers: &[TriggerHit]) -> Vec<usize> {
    let attacks: Vec<usize> = triggers
        .iter()
        .filter(|t| t.trigger.claim_type == ClaimType::Attack && t.trigger.strong)
        .map(|t| t.end)
        .collect();
    triggers
        .iter()
        .filter(|t| passive_toll(text, t))
        .filter_map(|t| {
            let head = text.get(from..t.start)?;
            let (at, _) = TOLL_LINKS
                .iter()
                .filter_map(|l| head.rfind(l).map(|i| (from + i, l)))
                .max_by_key(|(i, _)| *i)?;
            attacks.iter().any(|&a| a <= at).then_some(at)
        })
        .collect()
}

/// A leading unit with no trigger joins the next one.
fn join_leading(units: Vec<Unit>) -> Vec<Unit> {
    let mut merged: Vec<Unit> = Vec::new();
    for u in units {
        if let Some(last) = merged.last_mut()
            && last.trigger.is_none()
        {
            last.end = u.end;
            last.trigger = u.trigger;
            continue;
        }
        merged.push(u);
    }
    merged
}
