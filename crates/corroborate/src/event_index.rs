//! Incremental event grouping: each claim joins the best-scoring compatible
//! event among a few candidates found by blocking, or opens a new event.
//!
//! Blocking keys are (type family, ISO-week-sized bucket of the claim's date
//! window); claims with no date at all are blocked by (family, actor). A
//! statement or `other` claim looks in every family's buckets, so a denial
//! can meet the attack it denies. Each claim thus meets only the events of a
//! few weeks of its own kind, which keeps grouping near-linear.

use std::collections::HashMap;

use crate::config::CorroboratorConfig;
use crate::features::{ClaimFeatures, Family, PlaceFeature, haversine_km};

const BUCKET_DAYS: i32 = 7;

/// What an event remembers of its members for matching. Derived only from
/// the members in joining order, so rebuilding it from stored members gives
/// the same state (incremental = batch).
#[derive(Debug, Clone)]
pub struct EventState {
    /// Claim indices (into the corroborator's claim table) in joining order.
    pub members: Vec<u32>,
    pub family: Family,
    actors: Vec<u32>,
    targets: Vec<u32>,
    /// Union of the members' own dates.
    date: Option<(i32, i32)>,
    /// Union of the members' windows; what the event is registered under.
    window: Option<(i32, i32)>,
    /// First precisely placed event-role place.
    place: Option<PlaceFeature>,
    /// Countries of event-role places.
    countries: Vec<u32>,
    /// Names of all places.
    place_names: Vec<u32>,
    /// Blocking keys the event is listed under.
    registered: Vec<(Family, i32)>,
    undated_keys: Vec<(Family, u32)>,
}

impl EventState {
    pub fn window(&self) -> Option<(i32, i32)> {
        self.window
    }
}

/// All events and the blocking index over them.
#[derive(Debug, Default)]
pub struct EventIndex {
    pub events: Vec<EventState>,
    by_bucket: HashMap<(Family, i32), Vec<u32>>,
    undated: HashMap<(Family, u32), Vec<u32>>,
    /// Per-event stamp of the last claim that looked at it (dedups candidates).
    seen: Vec<u32>,
    stamp: u32,
}

fn push_unique(v: &mut Vec<u32>, x: u32) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

fn overlaps(a: (i32, i32), b: (i32, i32), slack: i32) -> bool {
    a.0 <= b.1 + slack && b.0 <= a.1 + slack
}

fn buckets(w: (i32, i32)) -> std::ops::RangeInclusive<i32> {
    w.0.div_euclid(BUCKET_DAYS)..=w.1.div_euclid(BUCKET_DAYS)
}

impl EventIndex {
    /// The event `claim` should join, with its score, or `None` for a new event.
    pub fn best(
        &mut self,
        claim: &ClaimFeatures,
        claims: &[ClaimFeatures],
        cfg: &CorroboratorConfig,
    ) -> Option<(u32, f64)> {
        self.stamp = self.stamp.wrapping_add(1);
        let families: &[Family] = if claim.family == Family::Open {
            &Family::ALL
        } else {
            &[claim.family, Family::Open]
        };
        let mut candidates: Vec<u32> = Vec::new();
        match claim.window {
            Some(w) => {
                let wide = (w.0 - cfg.date_slack_days, w.1 + cfg.date_slack_days);
                for fam in families {
                    for b in buckets(wide) {
                        if let Some(list) = self.by_bucket.get(&(*fam, b)) {
                            for e in list {
                                if self.seen[*e as usize] != self.stamp {
                                    self.seen[*e as usize] = self.stamp;
                                    candidates.push(*e);
                                }
                            }
                        }
                    }
                }
            }
            None => {
                for fam in families {
                    if let Some(list) = self.undated.get(&(*fam, claim.actor.unwrap_or(u32::MAX))) {
                        candidates.extend(list.iter().copied());
                    }
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u32, f64)> = None;
        for e in candidates {
            let Some(ev) = self.events.get(e as usize) else {
                continue;
            };
            if let Some(s) = score(claim, ev, claims, cfg)
                && s >= cfg.join_score
                && best.is_none_or(|(_, bs)| s > bs)
            {
                best = Some((e, s));
            }
        }
        best
    }

    /// Opens a new event holding claim `idx`; returns its index.
    pub fn open(&mut self, idx: u32, claim: &ClaimFeatures) -> u32 {
        let e = self.events.len() as u32;
        self.events.push(EventState {
            members: Vec::new(),
            family: claim.family,
            actors: Vec::new(),
            targets: Vec::new(),
            date: None,
            window: None,
            place: None,
            countries: Vec::new(),
            place_names: Vec::new(),
            registered: Vec::new(),
            undated_keys: Vec::new(),
        });
        self.seen.push(0);
        self.attach(e, idx, claim);
        e
    }

    /// Adds claim `idx` to event `e` and registers any new blocking keys.
    pub fn attach(&mut self, e: u32, idx: u32, claim: &ClaimFeatures) {
        let Some(ev) = self.events.get_mut(e as usize) else {
            return;
        };
        ev.members.push(idx);
        if ev.family == Family::Open && claim.family != Family::Open {
            ev.family = claim.family;
        }
        if let Some(a) = claim.actor {
            push_unique(&mut ev.actors, a);
        }
        if let Some(t) = claim.target {
            push_unique(&mut ev.targets, t);
        }
        if let Some(d) = claim.date {
            ev.date = Some(
                ev.date
                    .map_or((d.start, d.end), |(s, t)| (s.min(d.start), t.max(d.end))),
            );
        }
        if let Some(w) = claim.window {
            ev.window = Some(ev.window.map_or(w, |(s, t)| (s.min(w.0), t.max(w.1))));
        }
        if let Some(p) = claim.place {
            push_unique(&mut ev.place_names, p.name);
            if p.is_event {
                if let Some(c) = p.country {
                    push_unique(&mut ev.countries, c);
                }
                if ev.place.is_none() && p.precise {
                    ev.place = Some(p);
                }
            }
        }
        let family = ev.family;
        let mut keys: Vec<(Family, i32)> = Vec::new();
        if let Some(w) = ev.window {
            for b in buckets(w) {
                if !ev.registered.contains(&(family, b)) {
                    keys.push((family, b));
                }
            }
            ev.registered.extend(keys.iter().copied());
        }
        let undated_key = (family, claim.actor.unwrap_or(u32::MAX));
        let undated = claim.window.is_none() && !ev.undated_keys.contains(&undated_key);
        if undated {
            ev.undated_keys.push(undated_key);
        }
        for k in keys {
            self.by_bucket.entry(k).or_default().push(e);
        }
        if undated {
            self.undated.entry(undated_key).or_default().push(e);
        }
    }
}

/// How well `claim` fits `ev` in 0..=1, or `None` when a hard rule forbids it
/// (dates apart beyond the slack, places too far apart, different countries).
fn score(
    claim: &ClaimFeatures,
    ev: &EventState,
    claims: &[ClaimFeatures],
    cfg: &CorroboratorConfig,
) -> Option<f64> {
    if claim.family != Family::Open && ev.family != Family::Open && claim.family != ev.family {
        return None;
    }
    // Own dates are compared when both sides have them; a report's window
    // only when one side has no date of its own.
    match (claim.date, ev.date) {
        (Some(d), Some(e)) => {
            if !overlaps((d.start, d.end), e, cfg.date_slack_days) {
                return None;
            }
        }
        _ => {
            if let (Some(w), Some(e)) = (claim.window, ev.window)
                && !overlaps(w, e, cfg.date_slack_days)
            {
                return None;
            }
        }
    }
    let mut place_score = 0.4;
    if let Some(p) = claim.place {
        if p.is_event
            && let Some(c) = p.country
            && !ev.countries.is_empty()
            && !ev.countries.contains(&c)
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
            place_score = 1.0;
        } else if ev.place_names.contains(&p.name) {
            place_score = 1.0;
        } else if p.country.is_some_and(|c| ev.countries.contains(&c)) {
            place_score = 0.6;
        }
    }
    let role = |x: Option<u32>, set: &[u32]| match x {
        None => 0.5,
        Some(_) if set.is_empty() => 0.5,
        Some(a) if set.contains(&a) => 1.0,
        Some(_) => 0.0,
    };
    let actor = role(claim.actor, &ev.actors);
    let target = role(claim.target, &ev.targets);
    let mut lexical: f64 = 0.0;
    for m in ev.members.iter().take(cfg.lexical_members) {
        if let Some(other) = claims.get(*m as usize) {
            lexical = lexical.max(jaccard(&claim.tokens, &other.tokens));
        }
    }
    if (claim.family == Family::Open) != (ev.family == Family::Open)
        && lexical < cfg.open_min_lexical
    {
        return None;
    }
    let total = cfg.weight_lexical + cfg.weight_actor + cfg.weight_target + cfg.weight_place;
    Some(
        (cfg.weight_lexical * lexical
            + cfg.weight_actor * actor
            + cfg.weight_target * target
            + cfg.weight_place * place_score)
            / total,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[1]), 0.0);
        assert_eq!(jaccard(&[7], &[7]), 1.0);
    }

    #[test]
    fn buckets_cover_negative_days() {
        assert_eq!(buckets((-1, 0)), -1..=0);
        assert_eq!(buckets((0, 13)), 0..=1);
    }
}
