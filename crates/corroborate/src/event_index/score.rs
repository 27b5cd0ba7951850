//! How well a claim fits an event: the hard rules that forbid a join and
//! the weighted score of the rest.

use super::{EventState, overlaps};
use crate::config::CorroboratorConfig;
use crate::features::{ClaimFeatures, Family, haversine_km};
use crate::sorted_ids::{has, jaccard};

/// How well `claim` fits `ev` in 0..=1, or `None` when a hard rule forbids
/// it (families apart, dates apart beyond the slack, places too far apart,
/// different countries) or when it cannot beat `floor` (`beat`: must exceed
/// it, else reach it). `in_story`: `ev` is the main event of the story the
/// claim's report joined, which is evidence of its own and lets claims of
/// another family join (an attack, its toll, the deployment behind it and
/// statements about it are one happening); dates and places still rule.
pub(super) fn score(
    claim: &ClaimFeatures,
    ev: &EventState,
    cfg: &CorroboratorConfig,
    floor: f64,
    beat: bool,
    in_story: bool,
) -> Option<f64> {
    if !in_story
        && claim.family != Family::Open
        && ev.family != Family::Open
        && claim.family != ev.family
    {
        return None;
    }
    let mut slack = cfg.slack(claim.family, ev.family);
    if in_story {
        slack = slack.max(cfg.story_slack_days);
    }
    let date_score = date_score(claim, ev, slack)?;
    let place_score = place_score(claim, ev, cfg, in_story)?;
    let actor = role(claim.actor, &ev.actors);
    let target = role(claim.target, &ev.targets);
    // A lasting relationship is who supplies (trains, deploys) whom: another
    // supplier or recipient is another relationship, not a disagreement.
    if !in_story
        && (claim.family.is_lasting() || ev.family.is_lasting())
        && (actor == 0.0 || target == 0.0)
    {
        return None;
    }
    let counts = counts_score(claim, ev);
    // A report goes on about the happening it opened with: a claim of a
    // document that already speaks of the event (with compatible dates and
    // places, checked above, and no conflicting actor or target) is more
    // likely about it.
    let document = if in_story || (has(&ev.docs, claim.doc_key) && actor > 0.0 && target > 0.0) {
        1.0
    } else {
        0.5
    };
    let weight_document = if in_story {
        cfg.weight_story
    } else {
        cfg.weight_document
    };
    let total = cfg.weight_lexical
        + cfg.weight_actor
        + cfg.weight_target
        + cfg.weight_place
        + cfg.weight_counts
        + cfg.weight_date
        + weight_document;
    let structure = cfg.weight_actor * actor
        + cfg.weight_target * target
        + cfg.weight_place * place_score
        + cfg.weight_counts * counts
        + cfg.weight_date * date_score
        + weight_document * document;
    // No join without positive evidence: a shared actor, target, place or
    // country, or the same document; unknowns alone never make an event.
    if actor < 1.0 && target < 1.0 && place_score < 0.6 && document < 1.0 {
        return None;
    }
    let mixes_open = (claim.family == Family::Open) != (ev.family == Family::Open);
    // The best a perfect wording match could give: skip the word comparison
    // when even that cannot make the claim join or beat the best so far.
    let ceiling = (structure + cfg.weight_lexical) / total;
    if ceiling < floor || (beat && ceiling <= floor) {
        return None;
    }
    let lexical = ev
        .lexical
        .iter()
        .map(|t| jaccard(&claim.tokens, t))
        .fold(0.0, f64::max);
    if mixes_open && !in_story && lexical < cfg.open_min_lexical {
        return None;
    }
    Some((structure + cfg.weight_lexical * lexical) / total)
}

/// Whether `claim` may join `ev` on its report's word alone: its dates
/// meet the event's within the story's slack, and its precise place of the
/// happening is not farther than `place_km` from the event's when the
/// event's members all name that one place (a happening tied to one spot;
/// the members of a march, a wave of blasts or a campaign name many, and
/// a report names the cities it passed through).
pub(super) fn fits(claim: &ClaimFeatures, ev: &EventState, cfg: &CorroboratorConfig) -> bool {
    let slack = cfg.slack(claim.family, ev.family).max(cfg.story_slack_days);
    let one_place = ev.place_names.len() <= 1;
    date_score(claim, ev, slack).is_some()
        && (!one_place || place_score(claim, ev, cfg, true).is_some())
}

/// 1 when both sides have own dates (which must then meet within `slack`
/// days), else 0.5 (a report's window must then meet the event's);
/// `None` when they are apart.
fn date_score(claim: &ClaimFeatures, ev: &EventState, slack: i32) -> Option<f64> {
    // Own dates are compared when both sides have them; a report's window
    // only when one side has no date of its own.
    match (claim.date, ev.date) {
        (Some(d), Some(e)) => overlaps((d.start, d.end), e, slack).then_some(1.0),
        _ => {
            if let (Some(w), Some(e)) = (claim.window, ev.window)
                && !overlaps(w, e, slack)
            {
                return None;
            }
            Some(0.5)
        }
    }
}

/// How well the claim's place fits the event's: 1 (same place, or a precise
/// place near the event's), 0.6 (same country), 0.4 (unknown); `None` when
/// a place of the happening is in another country or precisely too far.
fn place_score(
    claim: &ClaimFeatures,
    ev: &EventState,
    cfg: &CorroboratorConfig,
    in_story: bool,
) -> Option<f64> {
    let Some(p) = claim.place else {
        return Some(0.4);
    };
    // Within a story, a report names the countries around a happening
    // (where it came from, over which it passed): only a precise place
    // far away (below) or another date sets a claim apart.
    if p.is_event
        && !in_story
        && let Some(c) = p.country
        && !ev.countries.is_empty()
        && !has(&ev.countries, c)
    {
        return None;
    }
    if p.is_event
        && p.precise
        && let Some(q) = ev.place
        && let (Some(a), Some(b), Some(c), Some(d)) = (p.lat, p.lon, q.lat, q.lon)
    {
        if haversine_km(a, b, c, d) > cfg.place_km {
            return None;
        }
        return Some(1.0);
    }
    if has(&ev.place_names, p.name) {
        Some(1.0)
    } else if p.country.is_some_and(|c| has(&ev.countries, c)) {
        Some(0.6)
    } else {
        Some(0.4)
    }
}

/// An actor or target against the event's: 1 when it is one of them, 0
/// when the event has others, 0.5 when either side knows none.
fn role(x: Option<u32>, set: &[u32]) -> f64 {
    match x {
        None => 0.5,
        Some(_) if set.is_empty() => 0.5,
        Some(a) if has(set, a) => 1.0,
        Some(_) => 0.0,
    }
}

/// Counted units and weapons: 1 when one is shared, 0.5 when either side
/// has none, 0.25 when both have different ones.
fn counts_score(claim: &ClaimFeatures, ev: &EventState) -> f64 {
    let shared = claim.units.iter().any(|u| has(&ev.units, *u))
        || claim.weapons.iter().any(|w| has(&ev.weapons, *w));
    if shared {
        1.0
    } else if (claim.units.is_empty() && claim.weapons.is_empty())
        || (ev.units.is_empty() && ev.weapons.is_empty())
    {
        0.5
    } else {
        0.25
    }
}
