//! When and where: the date and place of a claim, from its clause, else
//! its sentence, else carried from earlier in the paragraph.

use claimtrace_geo::PlaceMatch;
use claimtrace_model::{DateRef, PlaceRole};

use crate::context::{Carried, DocContext};
use crate::extractor::Extractor;
use crate::facts::DocFacts;
use crate::firmness::PrecisionStr;
use crate::mention::Cand;

impl Extractor {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn date_for(
        &self,
        text: &str,
        facts: &DocFacts,
        ctx: &mut DocContext,
        (cs, ce): (usize, usize),
        (from, to): (usize, usize),
        index: usize,
        why: &mut Vec<String>,
    ) -> Option<DateRef> {
        let pick = |a: usize, b: usize| {
            facts
                .dates
                .iter()
                .find(|d| !d.vague && d.span.start >= a && d.span.end <= b)
        };
        let found = pick(cs, ce).or_else(|| pick(from, to));
        let anchor = facts
            .anchor_why
            .as_deref()
            .map(|a| format!("; {a}"))
            .unwrap_or_default();
        if let Some(d) = found {
            let mut date = d.date.clone();
            if date.value.starts_with('X') {
                why.push(format!(
                    "date '{}': day or month without a year and nothing to anchor it",
                    date.text
                ));
            } else {
                why.push(format!(
                    "date '{}' → {} ({}){anchor}",
                    date.text,
                    date.value,
                    date.precision_str()
                ));
            }
            date.span = Some(d.span);
            let carried = Carried {
                value: date.clone(),
                paragraph: ctx.paragraph,
                sentence: index,
            };
            ctx.date = Some(carried);
            return Some(date);
        }
        let Some(carried) = ctx.date.as_ref().filter(|c| c.paragraph == ctx.paragraph) else {
            if other_happening(text.get(from..to).unwrap_or("")) {
                return None;
            }
            let event = facts.event_day?;
            let mut date = event.date.clone();
            why.push(format!(
                "date {}: the day of the happening the report tells ('{}', the first day it names within two weeks of its date); this paragraph names no date",
                date.value, date.text
            ));
            date.span = Some(event.span);
            date.inherited = true;
            return Some(date);
        };
        let mut date = carried.value.clone();
        why.push(format!(
            "date {}: carried from sentence {} ('{}'), the same paragraph names no other date",
            date.value, carried.sentence, date.text
        ));
        date.inherited = true;
        Some(date)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn place_for(
        &self,
        text: &str,
        facts: &DocFacts,
        ctx: &mut DocContext,
        cs: usize,
        ce: usize,
        from: usize,
        to: usize,
        mentions: &[Cand],
        index: usize,
        why: &mut Vec<String>,
    ) -> Option<claimtrace_model::Place> {
        // A place inside a role ("ambassador in Dakar") or inside a longer
        // name ("Armed Forces of Ukraine") is not where the event happened.
        let in_role = |p: &PlaceMatch| {
            mentions.iter().any(|m| {
                m.role_span
                    .is_some_and(|(s, e)| p.span.start >= s && p.span.end <= e)
                    || (!m.adjective
                        && m.start <= p.span.start
                        && p.span.end <= m.end
                        && m.end - m.start > p.span.end - p.span.start)
            })
        };
        let is_actor = |p: &PlaceMatch| {
            mentions
                .iter()
                .any(|m| !m.adjective && m.start < p.span.end && p.span.start < m.end)
        };
        let text_has_event_prep =
            |p: &&PlaceMatch| claimtrace_geo::is_event_place_context(text, p.span);
        let event = facts
            .places
            .iter()
            .filter(|p| p.span.start >= cs && p.span.end <= ce && !in_role(p))
            .find(text_has_event_prep)
            .or_else(|| {
                facts
                    .places
                    .iter()
                    .filter(|p| p.span.start >= from && p.span.end <= to && !in_role(p))
                    .find(text_has_event_prep)
            });
        if let Some(p) = event {
            let mut place = p.place.clone();
            place.role = PlaceRole::Event;
            why.push(format!(
                "place '{}' → {} ({}): after a locative preposition, so where the event happened; gazetteer{}",
                place.text,
                place.name,
                place.country.as_deref().unwrap_or("no country"),
                place.geonameid.map(|g| format!(" (GeoNames {g})")).unwrap_or_else(|| " (project table)".into())
            ));
            ctx.place = Some(Carried {
                value: place.clone(),
                paragraph: ctx.paragraph,
                sentence: index,
            });
            return Some(place);
        }
        if let Some(c) = ctx.place.as_ref().filter(|c| c.paragraph == ctx.paragraph) {
            let mut place = c.value.clone();
            why.push(format!("place {}: carried from sentence {}, the nearest context naming where events happen", place.name, c.sentence));
            place.role = PlaceRole::Event;
            return Some(place);
        }
        let mentioned = facts
            .places
            .iter()
            .find(|p| p.span.start >= cs && p.span.end <= ce && !in_role(p) && !is_actor(p))?;
        let place = mentioned.place.clone();
        why.push(format!("place '{}' → {}: named in the clause, not marked as where the event happened (role mentioned)", place.text, place.name));
        Some(place)
    }
}

/// When the setting names no place of the event: the place the target
/// stands for ("struck Kharkiv", "an attack on Israel"), else, for an event
/// claim, the place of the happening the report tells.
pub(crate) fn place_fallback(
    sc: &crate::step::Scope,
    claim_type: claimtrace_model::ClaimType,
    target: Option<&claimtrace_model::Mention>,
    why: &mut Vec<String>,
) -> Option<claimtrace_model::Place> {
    use claimtrace_model::ClaimType;
    let struck = matches!(claim_type, ClaimType::Attack | ClaimType::Casualties);
    if struck
        && let Some(span) = target.and_then(|t| t.span)
        && let Some(p) = sc
            .facts
            .places
            .iter()
            .find(|p| p.span.start < span.end && span.start < p.span.end)
    {
        let mut place = p.place.clone();
        place.role = PlaceRole::Event;
        why.push(format!(
            "place {}: the target '{}' is where the attack fell",
            place.name, p.place.text
        ));
        return Some(place);
    }
    let sentence = sc.text.get(sc.from..sc.to).unwrap_or("");
    if !crate::type_rules::is_event_type(claim_type) || other_happening(sentence) {
        return None;
    }
    let p = sc.facts.event_place?;
    let mut place = p.place.clone();
    place.role = PlaceRole::Event;
    why.push(format!(
        "place {}: the place of the happening the report tells (the first place it names as where something happened, '{}')",
        place.name, p.place.text
    ));
    Some(place)
}

/// A day within the two weeks up to the report's anchor day (or any day when
/// there is no anchor): the happening a report tells.
pub(crate) fn recent_day(date: &DateRef, anchor: Option<chrono::NaiveDate>) -> bool {
    if date.precision != claimtrace_model::DatePrecision::Day {
        return false;
    }
    let Ok(day) = chrono::NaiveDate::parse_from_str(&date.value, "%Y-%m-%d") else {
        return false;
    };
    anchor.is_none_or(|a| day <= a && (a - day).num_days() <= 14)
}

/// A sentence that opens on another happening than the one reported
/// ("Separately, …", "Elsewhere, …", "Last year, …").
fn other_happening(sentence: &str) -> bool {
    const OPENERS: &[&str] = &[
        "separately",
        "in a separate",
        "elsewhere",
        "meanwhile",
        "earlier",
        "last year",
        "last month",
        "in other",
        "previously",
        "in the past",
    ];
    let lower = sentence.trim_start().to_lowercase();
    OPENERS.iter().any(|o| lower.starts_with(o))
}
