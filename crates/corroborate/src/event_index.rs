//! Incremental event grouping: each claim joins the best-scoring compatible
//! event among a few candidates found by blocking, or opens a new event.
//!
//! Blocking keys are (type family, ISO-week-sized bucket of the claim's date
//! window); claims with no date and no publication date at all are blocked
//! by (family, actor). A statement or `other` claim looks in every family's
//! buckets, so a denial can meet the attack it denies. Each claim thus meets
//! only the events of a few weeks of its own kind, which keeps grouping
//! near-linear; lasting relationships (supply, cooperation) look months
//! around their date.
//!
//! An event's matching state ([`EventState`]) is derived only from its
//! members in joining order, and can be written out ([`StoredState`]) and
//! restored exactly, so a store-backed run that restores the candidate
//! events of each batch decides exactly as one run holding everything in
//! memory.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::config::CorroboratorConfig;
use crate::features::{ClaimFeatures, Family, PlaceFeature, Vocab};
use crate::sorted_ids::insert_sorted;
use crate::story::{
    KEY_TERMS, STORIES_PER_KEY, STORY_BUCKET_DAYS, StoredStory, Story, UNDATED_BUCKET,
};
use crate::tokens::fnv64;

mod score;

use score::score;

const BUCKET_DAYS: i32 = 7;

/// Where an event is listed for candidate lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKey {
    /// A family, a week-sized bucket of days and an anchor (interned: a
    /// shared actor, target, place or country).
    Bucket(Family, i32, u32),
    /// A family and an actor (interned key; `None` for no actor), for claims
    /// with no date at all.
    Undated(Family, Option<u32>),
    /// A story's heavy term (interned) and a month-sized bucket of its days.
    Story(u32, i32),
}

impl BlockKey {
    /// The 64-bit key the store indexes (stable across runs and builds).
    pub fn stored(&self, vocab: &Vocab) -> i64 {
        let s = match self {
            BlockKey::Bucket(f, b, a) => format!("b:{}:{b}:{}", f.as_str(), vocab.get(*a)),
            BlockKey::Undated(f, a) => {
                format!("u:{}:{}", f.as_str(), a.map_or("-", |a| vocab.get(a)))
            }
            BlockKey::Story(t, b) => format!("s:{}:{b}", vocab.get(*t)),
        };
        fnv64(s.as_bytes()) as i64
    }
}

/// What an event remembers of its members for matching.
#[derive(Debug, Clone)]
pub struct EventState {
    /// Indices (into the corroborator's claim table) of the members added in
    /// this process, in joining order. Restored events start empty.
    pub members: Vec<u32>,
    /// Members in all, restored ones included.
    pub size: usize,
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
    /// Counted units and weapons of the members.
    units: Vec<u32>,
    weapons: Vec<u32>,
    /// Content words of the first `lexical_members` members.
    lexical: Vec<Box<[u32]>>,
    /// Interned ids of the members' documents added in this process.
    docs: Vec<u32>,
    /// Anchors of the members (see [`ClaimFeatures::anchors`]).
    anchors: Vec<u32>,
    /// (family, bucket) pairs the event is listed under, with every anchor.
    buckets: Vec<(Family, i32)>,
    /// Keys for claims with no date at all.
    undated: Vec<BlockKey>,
    /// The story this event is the main event of.
    pub story: Option<Story>,
    /// (term, bucket) pairs the story is listed under.
    story_keys: Vec<(u32, i32)>,
}

impl EventState {
    pub fn window(&self) -> Option<(i32, i32)> {
        self.window
    }

    /// Every key the event is listed under.
    pub fn keys(&self) -> Vec<BlockKey> {
        let mut keys: Vec<BlockKey> = self
            .buckets
            .iter()
            .flat_map(|(f, b)| {
                self.anchors
                    .iter()
                    .map(move |a| BlockKey::Bucket(*f, *b, *a))
            })
            .collect();
        keys.extend(self.undated.iter().copied());
        keys.extend(self.story_keys.iter().map(|(t, b)| BlockKey::Story(*t, *b)));
        keys
    }

    /// Keys the story should be listed under that it is not yet.
    fn new_story_keys(&mut self, vocab: &Vocab) -> Vec<BlockKey> {
        let Some(story) = &self.story else {
            return Vec::new();
        };
        let buckets: Vec<i32> = match story.days {
            Some((a, b)) => (a.div_euclid(STORY_BUCKET_DAYS)..=b.div_euclid(STORY_BUCKET_DAYS))
                .chain(std::iter::once(UNDATED_BUCKET))
                .collect(),
            None => vec![UNDATED_BUCKET],
        };
        let mut out = Vec::new();
        for t in story.profile.top(KEY_TERMS, vocab) {
            for &bucket in &buckets {
                if !self.story_keys.contains(&(t, bucket)) {
                    self.story_keys.push((t, bucket));
                    out.push(BlockKey::Story(t, bucket));
                }
            }
        }
        out
    }

    fn new(family: Family) -> Self {
        EventState {
            members: Vec::new(),
            size: 0,
            family,
            actors: Vec::new(),
            targets: Vec::new(),
            date: None,
            window: None,
            place: None,
            countries: Vec::new(),
            place_names: Vec::new(),
            units: Vec::new(),
            weapons: Vec::new(),
            lexical: Vec::new(),
            docs: Vec::new(),
            anchors: Vec::new(),
            buckets: Vec::new(),
            undated: Vec::new(),
            story: None,
            story_keys: Vec::new(),
        }
    }

    /// The state with names in place of interned numbers.
    pub fn to_stored(&self, vocab: &Vocab) -> StoredState {
        let names = |v: &[u32]| v.iter().map(|i| vocab.get(*i).to_string()).collect();
        StoredState {
            family: self.family.as_str().to_string(),
            size: self.size,
            actors: names(&self.actors),
            targets: names(&self.targets),
            date: self.date,
            window: self.window,
            place: self.place.map(|p| StoredPlace {
                name: vocab.get(p.name).to_string(),
                label: vocab.get(p.label).to_string(),
                country: p.country.map(|c| vocab.get(c).to_string()),
                lat: p.lat,
                lon: p.lon,
                precise: p.precise,
                is_event: p.is_event,
            }),
            countries: names(&self.countries),
            place_names: names(&self.place_names),
            units: names(&self.units),
            weapons: names(&self.weapons),
            lexical: self.lexical.iter().map(|t| names(t)).collect(),
            anchors: names(&self.anchors),
            buckets: self
                .buckets
                .iter()
                .map(|(f, b)| (f.as_str().to_string(), *b))
                .collect(),
            undated: self
                .undated
                .iter()
                .filter_map(|k| match k {
                    BlockKey::Undated(f, a) => {
                        Some((f.as_str().to_string(), a.map(|a| vocab.get(a).to_string())))
                    }
                    BlockKey::Bucket(..) | BlockKey::Story(..) => None,
                })
                .collect(),
            story: self.story.as_ref().map(|st| st.to_stored(vocab)),
            story_keys: self
                .story_keys
                .iter()
                .map(|(t, b)| (vocab.get(*t).to_string(), *b))
                .collect(),
        }
    }

    /// The state written by [`EventState::to_stored`]; `None` when it names
    /// an unknown family.
    pub fn from_stored(s: &StoredState, vocab: &mut Vocab) -> Option<EventState> {
        // Ids differ from those of the process that wrote the state: the
        // sets are sorted again.
        let mut ids = |v: &[String]| -> Vec<u32> {
            let mut out: Vec<u32> = v.iter().map(|n| vocab.intern(n)).collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        let actors = ids(&s.actors);
        let targets = ids(&s.targets);
        let countries = ids(&s.countries);
        let place_names = ids(&s.place_names);
        let units = ids(&s.units);
        let weapons = ids(&s.weapons);
        // Documents are not kept: a stored event cannot hold a claim of a
        // document being corroborated now (its claims come in one step).
        let docs = Vec::new();
        let mut anchors = ids(&s.anchors);
        anchors.sort_unstable();
        // Token ids differ from those of the process that wrote the state:
        // re-sort them, as Jaccard needs.
        let lexical = s
            .lexical
            .iter()
            .map(|t| {
                let mut v = ids(t);
                v.sort_unstable();
                v.dedup();
                v.into_boxed_slice()
            })
            .collect();
        let place = s.place.as_ref().map(|p| PlaceFeature {
            name: vocab.intern(&p.name),
            label: vocab.intern(&p.label),
            country: p.country.as_deref().map(|c| vocab.intern(c)),
            lat: p.lat,
            lon: p.lon,
            precise: p.precise,
            is_event: p.is_event,
        });
        let mut buckets = Vec::with_capacity(s.buckets.len());
        for (f, b) in &s.buckets {
            buckets.push((Family::parse(f)?, *b));
        }
        let mut undated = Vec::with_capacity(s.undated.len());
        for (f, a) in &s.undated {
            undated.push(BlockKey::Undated(
                Family::parse(f)?,
                a.as_deref().map(|a| vocab.intern(a)),
            ));
        }
        let story = s.story.as_ref().map(|st| Story::from_stored(st, vocab));
        let story_keys = s
            .story_keys
            .iter()
            .map(|(t, b)| (vocab.intern(t), *b))
            .collect();
        Some(EventState {
            story,
            story_keys,
            members: Vec::new(),
            size: s.size,
            family: Family::parse(&s.family)?,
            actors,
            targets,
            date: s.date,
            window: s.window,
            place,
            countries,
            place_names,
            units,
            weapons,
            lexical,
            docs,
            anchors,
            buckets,
            undated,
        })
    }
}

/// [`EventState`] as names: what the store keeps in `events.state`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredState {
    pub family: String,
    pub size: usize,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub date: Option<(i32, i32)>,
    pub window: Option<(i32, i32)>,
    pub place: Option<StoredPlace>,
    pub countries: Vec<String>,
    pub place_names: Vec<String>,
    pub units: Vec<String>,
    pub weapons: Vec<String>,
    pub lexical: Vec<Vec<String>>,
    pub anchors: Vec<String>,
    /// (family, bucket) pairs listed with every anchor.
    pub buckets: Vec<(String, i32)>,
    /// (family, actor) keys for claims with no date at all.
    pub undated: Vec<(String, Option<String>)>,
    /// The story of which this is the main event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoredStory>,
    /// (term, bucket) pairs the story is listed under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story_keys: Vec<(String, i32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPlace {
    pub name: String,
    pub label: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precise: bool,
    pub is_event: bool,
}

/// All events and the blocking index over them.
#[derive(Debug, Default)]
pub struct EventIndex {
    pub events: Vec<EventState>,
    by_key: HashMap<BlockKey, Vec<u32>>,
    /// Per-event stamp of the last claim that looked at it (dedups candidates).
    seen: Vec<u32>,
    stamp: u32,
}

/// `current` (a day range) with `add` joined in, when the union spans at
/// most `max` days; else the more precise of the two when `current` is
/// already wider than `max`; else `current` unchanged.
fn widen(current: Option<(i32, i32)>, add: (i32, i32), max: i32) -> (i32, i32) {
    let Some((s, t)) = current else {
        return add;
    };
    let union = (s.min(add.0), t.max(add.1));
    if union.1 - union.0 <= max {
        union
    } else if t - s > max && add.1 - add.0 < t - s {
        add
    } else {
        (s, t)
    }
}

fn overlaps(a: (i32, i32), b: (i32, i32), slack: i32) -> bool {
    a.0 <= b.1 + slack && b.0 <= a.1 + slack
}

fn buckets(w: (i32, i32)) -> std::ops::RangeInclusive<i32> {
    w.0.div_euclid(BUCKET_DAYS)..=w.1.div_euclid(BUCKET_DAYS)
}

/// The families a claim's candidates may have.
fn families_of(f: Family) -> &'static [Family] {
    match f {
        Family::Open => &Family::ALL,
        Family::Violence => &[Family::Violence, Family::Open],
        Family::Materiel => &[Family::Materiel, Family::Open],
        Family::Diplomacy => &[Family::Diplomacy, Family::Open],
        Family::Sanction => &[Family::Sanction, Family::Open],
    }
}

/// The keys a claim looks its candidates up under.
pub fn query_keys(claim: &ClaimFeatures, cfg: &CorroboratorConfig) -> Vec<BlockKey> {
    let mut keys = Vec::new();
    for fam in families_of(claim.family) {
        match claim.window {
            Some(w) => {
                let slack = cfg.slack(claim.family, *fam);
                for b in buckets((w.0 - slack, w.1 + slack)) {
                    for a in &claim.anchors {
                        keys.push(BlockKey::Bucket(*fam, b, *a));
                    }
                }
            }
            None => keys.push(BlockKey::Undated(*fam, claim.actor)),
        }
    }
    keys
}

impl EventIndex {
    /// The event `claim` should join, with its score, or `None` for a new
    /// event. Candidates are the events listed under the claim's keys and
    /// `also` (the events of the claim's own document).
    pub fn best(
        &mut self,
        claim: &ClaimFeatures,
        cfg: &CorroboratorConfig,
        also: &[u32],
        story: Option<u32>,
    ) -> Option<(u32, f64)> {
        self.stamp = self.stamp.wrapping_add(1);
        let mut candidates: Vec<u32> = Vec::new();
        for e in also.iter().chain(story.as_ref()) {
            if let Some(seen) = self.seen.get_mut(*e as usize)
                && *seen != self.stamp
            {
                *seen = self.stamp;
                candidates.push(*e);
            }
        }
        for key in query_keys(claim, cfg) {
            if let Some(list) = self.by_key.get(&key) {
                for e in list {
                    if self.seen[*e as usize] != self.stamp {
                        self.seen[*e as usize] = self.stamp;
                        candidates.push(*e);
                    }
                }
            }
        }
        candidates.sort_unstable();
        let mut best: Option<(u32, f64)> = None;
        for e in candidates {
            let Some(ev) = self.events.get(e as usize) else {
                continue;
            };
            let floor = best.map_or(cfg.join_score, |(_, s)| s.max(cfg.join_score));
            if let Some(s) = score(claim, ev, cfg, floor, best.is_some(), story == Some(e))
                && s >= cfg.join_score
                && best.is_none_or(|(_, bs)| s > bs)
            {
                best = Some((e, s));
            }
        }
        best
    }

    /// Whether `claim` may be a member of event `e` on its report's word
    /// alone: its dates meet the event's within the story's slack and its
    /// precise place of the happening is near the event's.
    pub fn fits(&self, e: u32, claim: &ClaimFeatures, cfg: &CorroboratorConfig) -> bool {
        self.events
            .get(e as usize)
            .is_some_and(|ev| score::fits(claim, ev, cfg))
    }

    /// The stories listed under `keys`, in opening order.
    pub fn story_candidates(&self, keys: &[BlockKey]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for k in keys {
            if let Some(list) = self.by_key.get(k) {
                let latest = &list[list.len().saturating_sub(STORIES_PER_KEY)..];
                out.extend(latest.iter().filter(|e| {
                    self.events
                        .get(**e as usize)
                        .is_some_and(|ev| ev.story.is_some())
                }));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The story of event `e`, and whether the event is a lasting relationship.
    pub fn story_of(&self, e: u32) -> Option<(&Story, bool)> {
        let ev = self.events.get(e as usize)?;
        Some((ev.story.as_ref()?, ev.family.is_lasting()))
    }

    /// Takes the story out of event `e` (to grow it and put it back with
    /// [`EventIndex::set_story`]).
    pub fn take_story(&mut self, e: u32) -> Option<Story> {
        self.events.get_mut(e as usize)?.story.take()
    }

    /// Makes `story` (or grows) the story of event `e` and lists it under
    /// its new keys.
    pub fn set_story(&mut self, e: u32, story: Story, vocab: &Vocab) {
        let Some(ev) = self.events.get_mut(e as usize) else {
            return;
        };
        ev.story = Some(story);
        for k in ev.new_story_keys(vocab) {
            self.by_key.entry(k).or_default().push(e);
        }
    }

    /// Empties event `e` (its only member moved to another event): it is
    /// listed under no key any more and holds nothing; its index stays.
    pub fn dissolve(&mut self, e: u32) {
        let Some(ev) = self.events.get_mut(e as usize) else {
            return;
        };
        for k in ev.keys() {
            if let Some(list) = self.by_key.get_mut(&k) {
                list.retain(|x| *x != e);
            }
        }
        *ev = EventState::new(ev.family);
    }

    /// Opens a new event holding claim `idx`; returns its index.
    pub fn open(&mut self, idx: u32, claim: &ClaimFeatures, cfg: &CorroboratorConfig) -> u32 {
        let e = self.events.len() as u32;
        self.events.push(EventState::new(claim.family));
        self.seen.push(0);
        self.attach(e, idx, claim, cfg);
        e
    }

    /// Adds a restored event (see [`EventState::from_stored`]); returns its index.
    pub fn restore(&mut self, state: EventState) -> u32 {
        let e = self.events.len() as u32;
        for k in state.keys() {
            self.by_key.entry(k).or_default().push(e);
        }
        self.events.push(state);
        self.seen.push(0);
        e
    }

    /// Adds claim `idx` to event `e` and registers any new blocking keys.
    pub fn attach(&mut self, e: u32, idx: u32, claim: &ClaimFeatures, cfg: &CorroboratorConfig) {
        let Some(ev) = self.events.get_mut(e as usize) else {
            return;
        };
        ev.members.push(idx);
        ev.size += 1;
        let before = (ev.family, ev.window);
        if ev.family == Family::Open && claim.family != Family::Open {
            ev.family = claim.family;
        }
        if let Some(a) = claim.actor {
            insert_sorted(&mut ev.actors, a);
        }
        if let Some(t) = claim.target {
            insert_sorted(&mut ev.targets, t);
        }
        // Dates widen the event only up to its family's span, so that a chain
        // of reports a day apart (or of vague dates: "in 2023", "in 2024")
        // cannot stretch one event over months and draw in everything.
        let span = cfg.max_span(ev.family);
        if let Some(d) = claim.date {
            ev.date = Some(widen(ev.date, (d.start, d.end), span));
        }
        if let Some(w) = claim.window {
            ev.window = Some(widen(ev.window, w, span));
        }
        if let Some(p) = claim.place {
            insert_sorted(&mut ev.place_names, p.name);
            if p.is_event {
                if let Some(c) = p.country {
                    insert_sorted(&mut ev.countries, c);
                }
                if ev.place.is_none() && p.precise {
                    ev.place = Some(p);
                }
            }
        }
        for u in &claim.units {
            insert_sorted(&mut ev.units, *u);
        }
        for w in &claim.weapons {
            insert_sorted(&mut ev.weapons, *w);
        }
        insert_sorted(&mut ev.docs, claim.doc_key);
        if ev.lexical.len() < cfg.lexical_members {
            ev.lexical.push(claim.tokens.clone().into_boxed_slice());
        }
        // New keys: new buckets with every anchor, new anchors with every bucket.
        let family = ev.family;
        let mut keys: Vec<BlockKey> = Vec::new();
        let mut new_anchors: Vec<u32> = Vec::new();
        for a in &claim.anchors {
            if insert_sorted(&mut ev.anchors, *a) {
                new_anchors.push(*a);
            }
        }
        for (f, b) in &ev.buckets {
            for a in &new_anchors {
                keys.push(BlockKey::Bucket(*f, *b, *a));
            }
        }
        if let Some(w) = ev.window
            && (family, Some(w)) != before
        {
            for b in buckets(w) {
                if !ev.buckets.contains(&(family, b)) {
                    ev.buckets.push((family, b));
                    for a in &ev.anchors {
                        keys.push(BlockKey::Bucket(family, b, *a));
                    }
                }
            }
        }
        let undated = BlockKey::Undated(family, claim.actor);
        if claim.window.is_none() && !ev.undated.contains(&undated) {
            ev.undated.push(undated);
            keys.push(undated);
        }
        for k in keys {
            self.by_key.entry(k).or_default().push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_widen_only_up_to_the_span() {
        assert_eq!(widen(None, (10, 12), 14), (10, 12));
        assert_eq!(widen(Some((10, 12)), (13, 20), 14), (10, 20));
        // A chain of reports cannot stretch the event past the span.
        assert_eq!(widen(Some((10, 20)), (21, 30), 14), (10, 20));
        // A vague first date gives way to a precise one inside the span.
        assert_eq!(widen(Some((0, 364)), (100, 100), 14), (100, 100));
        assert_eq!(widen(Some((100, 100)), (0, 364), 14), (100, 100));
    }

    #[test]
    fn buckets_cover_negative_days() {
        assert_eq!(buckets((-1, 0)), -1..=0);
        assert_eq!(buckets((0, 13)), 0..=1);
    }

    #[test]
    fn stored_keys_are_stable() {
        let mut v = Vocab::default();
        let a = v.intern("id:rus");
        let d = v.intern("d:doc.txt");
        assert_eq!(
            BlockKey::Bucket(Family::Violence, 2891, d).stored(&v),
            fnv64(b"b:violence:2891:d:doc.txt") as i64
        );
        assert_eq!(
            BlockKey::Undated(Family::Open, Some(a)).stored(&v),
            fnv64(b"u:open:id:rus") as i64
        );
        assert_eq!(
            BlockKey::Undated(Family::Open, None).stored(&v),
            fnv64(b"u:open:-") as i64
        );
    }
}
