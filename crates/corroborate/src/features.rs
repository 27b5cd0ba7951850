//! What event grouping compares: a compact, owned summary of one claim.

use std::collections::HashMap;

use chrono::NaiveDate;
use claimtrace_model::{
    Claim, ClaimType, DatePrecision, Epistemic, PlaceRole, Quantity, SourceKind,
};

use crate::origin::{is_unnamed, normalise_name};
use crate::tokens::ContentWords;

/// Claim types that describe the same kind of happening. Casualty counts
/// belong to the attack that caused them; a transfer, cooperation and a
/// deployment of the same materiel are one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Violence,
    Materiel,
    Diplomacy,
    Sanction,
    /// Statements (denials, acknowledgements) and `other`: may join an event
    /// of any family when their wording fits.
    Open,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Violence,
        Family::Materiel,
        Family::Diplomacy,
        Family::Sanction,
        Family::Open,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Family::Violence => "violence",
            Family::Materiel => "materiel",
            Family::Diplomacy => "diplomacy",
            Family::Sanction => "sanction",
            Family::Open => "open",
        }
    }

    pub fn parse(s: &str) -> Option<Family> {
        Family::ALL.iter().copied().find(|f| f.as_str() == s)
    }

    /// Whether claims of this family describe a relationship that lasts
    /// (supply, cooperation, presence) rather than a dated happening: their
    /// dates are those of the reports, so they match over months.
    pub fn is_lasting(&self) -> bool {
        matches!(self, Family::Materiel)
    }

    pub fn of(t: ClaimType) -> Family {
        match t {
            ClaimType::Attack | ClaimType::Casualties => Family::Violence,
            ClaimType::ArmsTransfer | ClaimType::MilitaryCooperation | ClaimType::Deployment => {
                Family::Materiel
            }
            ClaimType::DiplomaticRupture | ClaimType::DiplomaticEngagement => Family::Diplomacy,
            ClaimType::DesignationOrSanction => Family::Sanction,
            ClaimType::StatementOrAcknowledgement | ClaimType::Other => Family::Open,
        }
    }
}

/// Interned strings: names, ids and words are held once and compared as u32.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Vocab {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(i) = self.ids.get(s) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }

    pub fn get(&self, i: u32) -> &str {
        self.names.get(i as usize).map(String::as_str).unwrap_or("")
    }
}

/// A claim's own date as days since 1970-01-01, inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateFeature {
    pub start: i32,
    pub end: i32,
    pub precision: DatePrecision,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceFeature {
    /// Interned normalised name.
    pub name: u32,
    /// Interned display name.
    pub label: u32,
    pub country: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Finer than a country or region (a city or facility), with coordinates.
    pub precise: bool,
    /// The text gives it as where the event happened.
    pub is_event: bool,
}

/// A quantity as an interval in one unit family.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityFeature {
    /// Interned unit family ("drone" for UAV, drone, unmanned aerial vehicle).
    pub unit: u32,
    pub lo: f64,
    pub hi: f64,
    pub text: Box<str>,
}

/// Everything corroboration keeps of one claim.
#[derive(Debug, Clone)]
pub struct ClaimFeatures {
    pub claim: Box<str>,
    /// Index of the document in the corroborator (not stable across runs).
    pub doc: u32,
    /// The document id, interned (stable through stored states).
    pub doc_key: u32,
    pub claim_type: ClaimType,
    pub family: Family,
    /// Interned normalised actor/target keys (knowledge-base id, else name).
    pub actor: Option<u32>,
    pub target: Option<u32>,
    /// Interned display names.
    pub actor_label: Option<u32>,
    pub target_label: Option<u32>,
    pub date: Option<DateFeature>,
    /// Days the claim may refer to: its own date, else the days before
    /// publication; `None` when neither is known.
    pub window: Option<(i32, i32)>,
    pub place: Option<PlaceFeature>,
    /// Interned stemmed content words, sorted.
    pub tokens: Vec<u32>,
    /// Interned names written with a capital inside the sentence (`n:` +
    /// the lower-cased word), sorted: what a report's story is told by.
    pub names: Vec<u32>,
    pub quantities: Vec<QuantityFeature>,
    /// Interned weapon names, sorted.
    pub weapons: Vec<u32>,
    /// Interned unit families of the quantities, sorted ("drone", "soldier").
    pub units: Vec<u32>,
    /// Index of the claim's sentence in its document.
    pub sentence_index: usize,
    /// A denial whose object is an earlier sentence ("The UAE rejected the
    /// accusation."): it belongs to the event of the claim it answers.
    pub refers_back: bool,
    /// Interned anchors: what an event must share with the claim to be a
    /// candidate through the blocking index (`a:` actor, `t:` target, `p:`
    /// place, `c:` country), sorted. Events of the claim's own document are
    /// candidates too (the corroborator passes them).
    pub anchors: Vec<u32>,
    pub epistemic: Epistemic,
    pub source_kind: SourceKind,
    /// Interned `name:` origin when the attribution names someone; `None`
    /// when the claim rests on its document's reporting (resolved through
    /// the copy group when events are built).
    pub named_origin: Option<u32>,
    pub named_origin_label: Option<u32>,
    pub sentence: Box<str>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` (or longer ISO) string.
pub fn day_number(s: &str) -> Option<i32> {
    let d = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((d - epoch).num_days()).ok()
}

/// `YYYY-MM-DD` of a day number.
pub fn day_string(day: i32) -> String {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_signed(chrono::Duration::days(i64::from(day))))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

const UNIT_FAMILIES: &[(&str, &[&str])] = &[
    (
        "drone",
        &[
            "uav",
            "uavs",
            "drone",
            "drones",
            "unmanned aerial vehicle",
            "unmanned aerial vehicles",
            "shahed",
            "shaheds",
            "shahed 136",
        ],
    ),
    ("missile", &["missile", "missiles", "rocket", "rockets"]),
    (
        "person",
        &[
            "person",
            "people",
            "civilian",
            "civilians",
            "resident",
            "residents",
            "child",
            "children",
            "patient",
            "patients",
            "dead",
            "casualty",
            "casualties",
            "victim",
            "victims",
        ],
    ),
    (
        "soldier",
        &[
            "soldier",
            "soldiers",
            "troop",
            "troops",
            "serviceman",
            "servicemen",
            "fighter",
            "fighters",
        ],
    ),
    (
        "aircraft",
        &[
            "aircraft", "plane", "planes", "jet", "jets", "bomber", "bombers",
        ],
    ),
    (
        "usd",
        &["usd", "dollar", "dollars", "$", "us dollar", "us dollars"],
    ),
    ("tank", &["tank", "tanks"]),
    ("vehicle", &["vehicle", "vehicles"]),
];

/// Whether a unit family is one of the counted things reports of one
/// happening share (drones, missiles, people, soldiers, aircraft, money,
/// tanks, vehicles) rather than a stray noun after a number.
pub fn is_counted_unit(family: &str) -> bool {
    UNIT_FAMILIES.iter().any(|(f, _)| *f == family)
}

/// The unit family a quantity's unit belongs to (its normalised singular otherwise).
pub fn unit_family(unit: &str) -> String {
    let n = normalise_name(unit);
    for (fam, members) in UNIT_FAMILIES {
        if members.contains(&n.as_str()) {
            return (*fam).to_string();
        }
    }
    n.strip_suffix('s')
        .filter(|s| s.len() > 2)
        .map(str::to_string)
        .unwrap_or(n)
}

/// The interval a quantity stands for: `min`/`max` when given, widened by
/// the qualifier otherwise ("about 300" covers 270..=330).
pub fn quantity_interval(q: &Quantity) -> Option<(f64, f64)> {
    let v = q.value;
    let qual = q.qualifier.as_deref().map(str::to_lowercase);
    let (lo, hi) = match (q.min, q.max, v) {
        (Some(lo), Some(hi), _) => (lo, hi),
        (Some(lo), None, _) => (lo, f64::INFINITY),
        (None, Some(hi), _) => (0.0, hi),
        (None, None, Some(v)) => match qual.as_deref() {
            Some(
                "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost",
            ) => (v * 0.9, v * 1.1),
            Some("over" | "more than" | "at least" | "above") => (v, f64::INFINITY),
            Some("up to" | "fewer than" | "less than" | "under" | "at most") => (0.0, v),
            Some("dozens") => (24.0, 99.0),
            Some("hundreds") => (200.0, 999.0),
            _ => (v, v),
        },
        (None, None, None) => return None,
    };
    (lo.is_finite() || hi.is_finite()).then_some((lo, hi))
}

fn precise_feature(feature: Option<&str>) -> bool {
    matches!(feature, Some("city" | "facility" | "town" | "village"))
}

/// Turns claims into features, interning through a shared [`Vocab`].
#[derive(Default)]
pub struct FeatureBuilder {
    words: ContentWords,
}

impl FeatureBuilder {
    /// `doc` is the interned document id; `published_day` its publication
    /// day; `lookback(family)` how many days before publication an undated
    /// claim of that family may refer to; `frame` the first day the
    /// document's own dated claims speak of (see [`document_frame`]).
    pub fn build(
        &self,
        vocab: &mut Vocab,
        claim: &Claim,
        doc: u32,
        published_day: Option<i32>,
        lookback: &dyn Fn(Family) -> i32,
        frame: Option<i32>,
    ) -> ClaimFeatures {
        let family = Family::of(claim.claim_type);
        // Interning order decides the ids, so the steps below keep it.
        let actor = mention_feature(vocab, claim.actor.as_ref());
        let target = mention_feature(vocab, claim.target.as_ref());
        let date = date_feature(claim);
        let window = match (date, published_day) {
            (Some(d), _) => Some((d.start, d.end)),
            (None, Some(p)) => Some((undated_start(p, family, lookback, frame), p)),
            (None, None) => None,
        };
        let place = place_feature(vocab, claim);
        let tokens = interned_set(vocab, self.words.of(&claim.sentence));
        let names = interned_set(
            vocab,
            sentence_names(&claim.sentence)
                .iter()
                .map(|n| format!("n:{n}")),
        );
        let quantities = quantity_features(vocab, claim);
        let weapons = interned_set(vocab, claim.weapons.iter().map(|w| normalise_name(w)));
        let mut units: Vec<u32> = quantities
            .iter()
            .filter(|q| is_counted_unit(vocab.get(q.unit)))
            .map(|q| q.unit)
            .collect();
        units.sort_unstable();
        units.dedup();
        let refers_back = claim.epistemic == Epistemic::Denied && refers_back(&claim.sentence);
        let anchors = anchors(vocab, actor, target, place.as_ref());
        let (named_origin, named_origin_label) = match named_origin(claim) {
            Some((key, label)) => (Some(vocab.intern(&key)), Some(vocab.intern(label))),
            None => (None, None),
        };
        ClaimFeatures {
            claim: claim.id.as_str().into(),
            doc,
            doc_key: vocab.intern(&claim.doc),
            claim_type: claim.claim_type,
            family,
            actor: actor.map(|a| a.0),
            target: target.map(|t| t.0),
            actor_label: actor.map(|a| a.1),
            target_label: target.map(|t| t.1),
            date,
            window,
            place,
            tokens,
            names,
            quantities,
            weapons,
            units,
            sentence_index: claim.sentence_index,
            refers_back,
            anchors,
            epistemic: claim.epistemic,
            source_kind: claim.source.kind,
            named_origin,
            named_origin_label,
            sentence: claim.sentence.as_str().into(),
        }
    }
}

/// An actor or target as (matching key, label): the key is its id when it
/// has one, else its normalised name. `None` for a name that normalises to
/// nothing.
fn mention_feature(vocab: &mut Vocab, m: Option<&claimtrace_model::Mention>) -> Option<(u32, u32)> {
    let m = m.filter(|m| !normalise_name(&m.name).is_empty())?;
    let key = match m.id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => format!("id:{}", id.to_lowercase()),
        None => normalise_name(&m.name),
    };
    Some((vocab.intern(&key), vocab.intern(&m.name)))
}

/// The claim's own days (an interval date is no day range).
fn date_feature(claim: &Claim) -> Option<DateFeature> {
    let d = claim.date.as_ref()?;
    if d.precision == DatePrecision::Interval {
        return None;
    }
    let start = day_number(d.start.as_deref().unwrap_or(&d.value))?;
    let end = d.end.as_deref().and_then(day_number).unwrap_or(start);
    Some(DateFeature {
        start: start.min(end),
        end: start.max(end),
        precision: d.precision,
    })
}

/// The first day an undated claim published on day `published` may refer
/// to: its family's look-back, or further back to the document's `frame`
/// when that is recent enough (not for lasting relationships).
fn undated_start(
    published: i32,
    family: Family,
    lookback: &dyn Fn(Family) -> i32,
    frame: Option<i32>,
) -> i32 {
    let back = published - lookback(family);
    match frame {
        Some(f) if !family.is_lasting() && f < back && f >= published - FRAME_DAYS => f,
        _ => back,
    }
}

/// The claim's place (a name that normalises to nothing is none).
fn place_feature(vocab: &mut Vocab, claim: &Claim) -> Option<PlaceFeature> {
    let p = claim
        .place
        .as_ref()
        .filter(|p| !normalise_name(&p.name).is_empty())?;
    Some(PlaceFeature {
        name: vocab.intern(&normalise_name(&p.name)),
        label: vocab.intern(&p.name),
        country: p
            .country
            .as_deref()
            .map(|c| vocab.intern(&c.to_uppercase())),
        lat: p.lat,
        lon: p.lon,
        precise: precise_feature(p.feature.as_deref()) && p.lat.is_some() && p.lon.is_some(),
        is_event: p.role == PlaceRole::Event,
    })
}

/// `words` interned, sorted and each once.
fn interned_set<S: AsRef<str>>(vocab: &mut Vocab, words: impl IntoIterator<Item = S>) -> Vec<u32> {
    let mut ids: Vec<u32> = words
        .into_iter()
        .map(|w| vocab.intern(w.as_ref()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The claim's quantities that have a unit and a numeric interval.
fn quantity_features(vocab: &mut Vocab, claim: &Claim) -> Vec<QuantityFeature> {
    claim
        .quantities
        .iter()
        .filter_map(|q| {
            let unit = q.unit.as_deref().filter(|u| !u.trim().is_empty())?;
            let (lo, hi) = quantity_interval(q)?;
            Some(QuantityFeature {
                unit: vocab.intern(&unit_family(unit)),
                lo,
                hi,
                text: format!("{} {unit}", q.text).into(),
            })
        })
        .collect()
}

/// The blocking anchors of a claim: its actor, target, place and country,
/// each with its kind (`a:`, `t:`, `p:`, `c:`), sorted.
fn anchors(
    vocab: &mut Vocab,
    actor: Option<(u32, u32)>,
    target: Option<(u32, u32)>,
    place: Option<&PlaceFeature>,
) -> Vec<u32> {
    let mut anchors: Vec<u32> = Vec::with_capacity(5);
    if let Some((a, _)) = actor {
        anchors.push(vocab.intern(&format!("a:{}", vocab.get(a))));
    }
    if let Some((t, _)) = target {
        anchors.push(vocab.intern(&format!("t:{}", vocab.get(t))));
    }
    if let Some(p) = place {
        anchors.push(vocab.intern(&format!("p:{}", vocab.get(p.name))));
        if let Some(c) = p.country {
            anchors.push(vocab.intern(&format!("c:{}", vocab.get(c))));
        }
    }
    anchors.sort_unstable();
    anchors.dedup();
    anchors
}

/// Lower-cased words written with a capital letter after the first word of
/// a sentence (names of people, places, groups, ships, operations), of at
/// least three letters.
pub fn sentence_names(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut first = true;
    for w in sentence.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        if w.is_empty() {
            continue;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !first && capital && w.chars().count() >= 3 {
            out.push(w.to_lowercase());
        }
        first = false;
    }
    out
}

/// How far before publication a document's time frame may reach.
pub const FRAME_DAYS: i32 = 31;

/// The first day a document's own dated claims (of happenings, not lasting
/// relationships; within [`FRAME_DAYS`] before publication) speak of: an
/// undated claim of a report nine days after "the June 1 strikes" may be
/// about June 1, as a reader takes it.
pub fn document_frame(claims: &[&Claim], published_day: Option<i32>) -> Option<i32> {
    let p = published_day?;
    claims
        .iter()
        .filter(|c| !Family::of(c.claim_type).is_lasting())
        .filter_map(|c| {
            let d = c.date.as_ref()?;
            if d.precision != DatePrecision::Day {
                return None;
            }
            day_number(d.start.as_deref().unwrap_or(&d.value))
        })
        .filter(|d| *d <= p && *d >= p - FRAME_DAYS)
        .min()
}

/// Objects that point back at what an earlier sentence said: a denial of
/// "the accusation" answers the claim before it, not a new happening.
const BACK_REFERENCES: &[&str] = &[
    "the accusation",
    "the accusations",
    "the allegation",
    "the allegations",
    "the claim",
    "the claims",
    "these claims",
    "such claims",
    "the report",
    "the reports",
    "these reports",
    "such reports",
    "the charge",
    "the charges",
    "the assertion",
    "the determination",
    "the account",
    "this account",
];

/// Whether a sentence answers an earlier one through a back-reference.
pub fn refers_back(sentence: &str) -> bool {
    let lc = sentence.to_lowercase();
    BACK_REFERENCES.iter().any(|r| {
        lc.match_indices(r).any(|(i, m)| {
            let after = lc[i + m.len()..].chars().next();
            !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The `name:` origin of a claim whose attribution names someone (steps 1-2
/// of `origin_key`), with the name as written.
pub fn named_origin(claim: &Claim) -> Option<(String, &str)> {
    use crate::origin::{DocOrigin, origin_key};
    let k = origin_key(
        claim,
        DocOrigin {
            copy_group: "",
            group_outlet: None,
        },
    );
    if k.key == "doc:" {
        return None;
    }
    let src = &claim.source;
    let label = std::iter::once(src.name.as_str())
        .chain(src.chain.iter().map(String::as_str))
        .find(|n| normalise_name(n) == k.key["name:".len()..] && !is_unnamed(n))?;
    Some((k.key, label))
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}
