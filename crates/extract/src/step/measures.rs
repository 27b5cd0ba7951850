//! Step 8: the quantities and weapons of a claim, and the PLOVER event's
//! mode and contexts they imply.

use claimtrace_measure::WeaponMatch;
use claimtrace_model::{ActorKind, ClaimType, Plover, PloverEvent, Quantity, Span};

use crate::extractor::within;

use super::{Scope, Unit, kind::Kind};

/// The quantities and weapons of one claim.
#[derive(Debug, Default)]
pub(crate) struct Measures {
    pub quantities: Vec<Quantity>,
    pub weapons: Vec<String>,
    pub weapon_spans: Vec<Span>,
}

/// Quantities inside the unit (a number right before a weapon counts
/// that weapon) and the weapons it names.
pub(crate) fn find(sc: &Scope, unit: &Unit, why: &mut Vec<String>) -> Measures {
    let quantities = quantities(sc, unit, why);
    let mut m = Measures {
        quantities,
        ..Default::default()
    };
    for w in weapons_in_scope(sc, unit) {
        if !m.weapons.contains(&w.canonical) {
            m.weapons.push(w.canonical.clone());
            m.weapon_spans.push(w.span);
            why.push(format!(
                "weapon '{}' → {} ({}, weapons lexicon)",
                w.text, w.canonical, w.category
            ));
        }
    }
    m
}

fn quantities(sc: &Scope, unit: &Unit, why: &mut Vec<String>) -> Vec<Quantity> {
    let mut quantities: Vec<Quantity> = sc
        .facts
        .quantities
        .iter()
        .filter(|q| within(q.span, unit.start, unit.end))
        .cloned()
        .collect();
    for q in quantities.iter_mut() {
        // "over 300 unmanned aerial vehicles": the counted thing is the weapon.
        if let Some(qs) = q.span
            && let Some(w) = sc
                .facts
                .weapons
                .iter()
                .find(|w| w.span.start >= qs.end && w.span.start <= qs.end + 2)
        {
            q.unit = Some(w.canonical.clone());
        }
    }
    for q in &quantities {
        why.push(format!(
            "quantity '{}': value {}, qualifier {}, unit {}",
            q.text,
            q.value.map_or("none".to_string(), |v| v.to_string()),
            q.qualifier.as_deref().unwrap_or("none"),
            q.unit.as_deref().unwrap_or("none")
        ));
    }
    quantities
}

/// The weapons inside the unit; when a one-unit sentence names weapons
/// outside its clause, those.
fn weapons_in_scope<'a>(sc: &Scope<'a>, unit: &Unit) -> Vec<&'a WeaponMatch> {
    let inside: Vec<&WeaponMatch> = sc
        .facts
        .weapons
        .iter()
        .filter(|w| within(Some(w.span), unit.start, unit.end))
        .collect();
    if inside.is_empty() && sc.units == 1 {
        sc.facts
            .weapons
            .iter()
            .filter(|w| within(Some(w.span), sc.from, sc.to))
            .collect()
    } else {
        inside
    }
}

/// The claim's PLOVER coding: the event and mode of its type, a drone
/// mode when a drone is named, and contexts the sentence implies.
pub(crate) fn plover(
    sc: &Scope,
    kind: Kind,
    aux: Option<&'static str>,
    why: &mut Vec<String>,
) -> Plover {
    let Kind {
        claim_type,
        plover: event,
        mut mode,
        contexts: mut context,
    } = kind;
    let drone_named = sc.facts.weapons.iter().any(|w| {
        within(Some(w.span), sc.from, sc.to)
            && matches!(w.category.as_str(), "uav" | "loitering_munition")
    });
    if event == PloverEvent::Assault && mode.is_none() && drone_named {
        mode = Some("drone".to_string());
        why.push("plover mode drone: a drone is named in the sentence".to_string());
    }
    if claim_type == ClaimType::ArmsTransfer && !context.iter().any(|c| c == "trafficking") {
        context.push("trafficking".into());
    }
    if sc.mentions.iter().any(|m| m.kind == ActorKind::ArmedGroup)
        && sc.text[sc.from..sc.to].to_lowercase().contains("terror")
    {
        context.push("terrorism".into());
    }
    why.push(format!(
        "plover {}{}: from the claim type and trigger{}",
        event,
        mode.as_ref()
            .map(|m| format!(" mode {m}"))
            .unwrap_or_default(),
        aux.map(|a| format!("; auxiliary mode {a}"))
            .unwrap_or_default()
    ));
    Plover {
        event,
        mode,
        context,
        aux: aux.map(str::to_string),
    }
}
