//! The event table: one row per corroboration event, in the shape of an
//! ACLED event file (CSV) or of PLOVER event records (JSON Lines), built from
//! the event and its member claims.
//!
//! The ACLED-like type comes from the event's claim type and the PLOVER mode
//! its claims carry, through [`acled_type`] (documented in the README).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use claimtrace_model::{ActorKind, Claim, ClaimType, Epistemic, Event, Mention, Quantity};
use serde::Serialize;
use serde_json::json;

use crate::{DocMeta, ExportStats, Result};

/// An event with its member claims and their documents: what
/// [`gather_events`](crate::gather_events) reads from a store.
#[derive(Debug, Clone)]
pub struct EventRecord {
    pub event: Event,
    /// The member claims still stored, in joining order.
    pub claims: Vec<Claim>,
    /// The documents of those claims.
    pub documents: Vec<DocMeta>,
}

/// PLOVER modes of remote violence: an attack with one of these is an
/// "Explosions/Remote violence" event.
const AIR_MODES: &[&str] = &["aerial", "air", "drone", "uav", "airstrike"];
const SHELLING_MODES: &[&str] = &["artillery", "missile", "shelling", "rocket"];

/// The ACLED event type and sub-event type of a claim type and PLOVER mode.
/// Violence: attack (and casualties) with an aerial or drone mode → remote
/// violence by air; with artillery/missile → shelling; otherwise an armed
/// clash. Everything else is a strategic development.
pub fn acled_type(t: ClaimType, mode: Option<&str>) -> (&'static str, &'static str) {
    const REMOTE: &str = "Explosions/Remote violence";
    const STRATEGIC: &str = "Strategic developments";
    let mode = mode.map(str::to_ascii_lowercase);
    let is = |set: &[&str]| mode.as_deref().is_some_and(|m| set.contains(&m));
    match t {
        ClaimType::Attack | ClaimType::Casualties if is(AIR_MODES) => (REMOTE, "Air/drone strike"),
        ClaimType::Attack | ClaimType::Casualties if is(SHELLING_MODES) => {
            (REMOTE, "Shelling/artillery/missile attack")
        }
        ClaimType::Attack | ClaimType::Casualties => ("Battles", "Armed clash"),
        ClaimType::DiplomaticEngagement => (STRATEGIC, "Agreement"),
        ClaimType::MilitaryCooperation | ClaimType::Deployment => {
            (STRATEGIC, "Change to group/activity")
        }
        ClaimType::ArmsTransfer
        | ClaimType::DiplomaticRupture
        | ClaimType::DesignationOrSanction
        | ClaimType::StatementOrAcknowledgement
        | ClaimType::Other => (STRATEGIC, "Other"),
    }
}

/// Units that count people, for fatalities.
const HUMAN_UNITS: &[&str] = &[
    "person",
    "people",
    "civilian",
    "soldier",
    "fighter",
    "child",
    "children",
    "man",
    "men",
    "woman",
    "women",
    "troop",
    "serviceman",
    "servicemen",
    "militant",
    "member",
    "resident",
    "casualty",
    "victim",
    "body",
    "officer",
    "worker",
    "passenger",
];
/// Words of a sentence that make a counted group of people dead.
const DEATH_WORDS: &[&str] = &[
    "killed", "dead", "died", "death", "deaths", "killing", "lives",
];

fn is_fatality(c: &Claim, q: &Quantity) -> bool {
    let human = q.unit.as_deref().is_some_and(|u| {
        let u = u.to_ascii_lowercase();
        HUMAN_UNITS.contains(&u.as_str()) || DEATH_WORDS.contains(&u.as_str())
    });
    let lower = c.sentence.to_ascii_lowercase();
    let deadly = lower
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .any(|w| DEATH_WORDS.contains(&w));
    human && deadly && c.epistemic != Epistemic::Denied
}

/// Fatalities from the reports of people killed: `best` is the largest
/// count any report supports (its lower bound: "more than twenty" → 21),
/// `low` the smallest such count, `high` the largest upper bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Fatalities {
    pub best: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// The fatalities reported by `claims` (denials left out).
pub fn fatalities(claims: &[Claim]) -> Fatalities {
    let mut f = Fatalities::default();
    for c in claims {
        for q in c.quantities.iter().filter(|q| is_fatality(c, q)) {
            let Some(v) = q.value.or(q.min).or(q.max) else {
                continue;
            };
            let lo = q.min.map_or(v, |m| m.max(v));
            let hi = q.max.unwrap_or(lo).max(lo);
            f.best = Some(f.best.map_or(lo, |b| b.max(lo)));
            f.low = Some(f.low.map_or(lo, |b| b.min(lo)));
            f.high = Some(f.high.map_or(hi, |b| b.max(hi)));
        }
    }
    f
}

/// The most frequent mention (by canonical name) with its kind; ties go to
/// the first seen.
fn main_party<'a>(mentions: impl Iterator<Item = &'a Mention>) -> Option<(String, ActorKind)> {
    let mut counts: Vec<(String, ActorKind, usize)> = Vec::new();
    for m in mentions {
        match counts.iter_mut().find(|(n, _, _)| *n == m.name) {
            Some(e) => e.2 += 1,
            None => counts.push((m.name.clone(), m.kind, 1)),
        }
    }
    let best = counts.iter().map(|c| c.2).max()?;
    counts
        .into_iter()
        .find(|c| c.2 == best)
        .map(|(n, k, _)| (n, k))
}

/// The most frequent PLOVER mode among the claims of the event's type.
fn main_mode(r: &EventRecord) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &r.claims {
        if let Some(m) = c.plover.mode.as_deref() {
            *counts.entry(m).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(m, _)| m.to_string())
}

/// ACLED geo-precision: 1 a site or town, 2 a region, 3 a country.
fn geo_precision(r: &EventRecord) -> Option<u8> {
    let place = r.event.place.as_ref()?;
    let feature = r
        .claims
        .iter()
        .filter_map(|c| c.place.as_ref())
        .find(|p| p.name == place.name)
        .and_then(|p| p.feature.clone());
    Some(match feature.as_deref() {
        Some("country") => 3,
        Some("region") => 2,
        _ => 1,
    })
}

/// ACLED time precision: 1 one day, 2 within a week, 3 longer or unknown.
fn time_precision(start: Option<&str>, end: Option<&str>) -> u8 {
    match (start.and_then(day_number), end.and_then(day_number)) {
        (Some(a), Some(b)) if a == b => 1,
        (Some(a), Some(b)) if (b - a).abs() <= 6 => 2,
        (Some(_), None) => 1,
        _ => 3,
    }
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (proleptic Gregorian).
fn day_number(s: &str) -> Option<i64> {
    let mut it = s.get(..10)?.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// One row of the event table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub event_id: String,
    pub event_date: Option<String>,
    pub event_date_end: Option<String>,
    /// 1 one day, 2 within a week, 3 longer or unknown.
    pub time_precision: u8,
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
    pub claim_type: ClaimType,
    pub plover_event: String,
    pub plover_mode: Option<String>,
    pub actor1: Option<String>,
    pub actor1_kind: Option<ActorKind>,
    pub actor2: Option<String>,
    pub actor2_kind: Option<ActorKind>,
    pub country: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// 1 site or town, 2 region, 3 country.
    pub geo_precision: Option<u8>,
    /// The independent origins' labels.
    pub sources: Vec<String>,
    /// Distinct outlets whose documents report the event.
    pub source_outlets: usize,
    pub independent_origins: usize,
    pub level: String,
    pub notes: String,
    pub fatalities: Fatalities,
    pub claims: Vec<String>,
}

/// The table row of one event.
pub fn event_row(r: &EventRecord) -> EventRow {
    let e = &r.event;
    let mode = main_mode(r);
    let (event_type, sub_event_type) = acled_type(e.event_type, mode.as_deref());
    let actor1 = main_party(r.claims.iter().filter_map(|c| c.actor.as_ref()));
    let actor2 = main_party(r.claims.iter().filter_map(|c| c.target.as_ref()));
    let plover_event = r
        .claims
        .iter()
        .find(|c| c.claim_type == e.event_type)
        .map_or_else(
            || e.event_type.default_plover().as_str().to_string(),
            |c| c.plover.event.as_str().to_string(),
        );
    let outlets: BTreeSet<&str> = r
        .documents
        .iter()
        .map(|d| d.outlet.as_deref().unwrap_or(d.id.as_str()))
        .collect();
    let fatalities = fatalities(&r.claims);
    EventRow {
        event_id: e.id.clone(),
        event_date: e.date_start.clone(),
        event_date_end: e.date_end.clone(),
        time_precision: time_precision(e.date_start.as_deref(), e.date_end.as_deref()),
        event_type,
        sub_event_type,
        claim_type: e.event_type,
        plover_event,
        plover_mode: mode,
        actor1_kind: actor1.as_ref().map(|a| a.1),
        actor1: actor1.map(|a| a.0),
        actor2_kind: actor2.as_ref().map(|a| a.1),
        actor2: actor2.map(|a| a.0),
        country: e.place.as_ref().and_then(|p| p.country.clone()),
        location: e.place.as_ref().map(|p| p.name.clone()),
        latitude: e.place.as_ref().and_then(|p| p.lat),
        longitude: e.place.as_ref().and_then(|p| p.lon),
        geo_precision: geo_precision(r),
        sources: e
            .origins
            .iter()
            .filter(|o| !o.denies)
            .map(|o| o.label.clone())
            .collect(),
        source_outlets: outlets.len(),
        independent_origins: e.independent_origins,
        level: e.level.as_str().to_string(),
        notes: notes(r, outlets.len(), &fatalities),
        fatalities,
        claims: e.claims.iter().map(|m| m.claim.clone()).collect(),
    }
}

/// A generated one-line summary: what, where, when, with what, how many
/// killed, how many reports and origins, and whether contested.
fn notes(r: &EventRecord, outlets: usize, f: &Fatalities) -> String {
    let e = &r.event;
    let mut s = e.label.trim().to_string();
    let weapons: BTreeSet<&str> = r
        .claims
        .iter()
        .flat_map(|c| c.weapons.iter().map(String::as_str))
        .collect();
    if !weapons.is_empty() {
        let w: Vec<&str> = weapons.into_iter().take(3).collect();
        s.push_str(&format!("; weapons: {}", w.join(", ")));
    }
    if let Some(best) = f.best {
        s.push_str(&format!("; up to {} killed", fmt_num(best)));
    }
    s.push_str(&format!(
        "; {} claim(s) in {} outlet(s), {} independent origin(s)",
        e.claims.len(),
        outlets,
        e.independent_origins
    ));
    if !e.contradictions.is_empty() {
        s.push_str(&format!(
            "; contested ({} contradiction(s))",
            e.contradictions.len()
        ));
    }
    s.replace(['\n', '\r', '\t'], " ")
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

/// The CSV columns of the event table, in order.
pub const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "event_date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "claim_type",
    "plover_event",
    "plover_mode",
    "actor1",
    "actor1_kind",
    "actor2",
    "actor2_kind",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "sources",
    "source_outlets",
    "independent_origins",
    "level",
    "notes",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
];

fn csv_fields(row: &EventRow) -> Vec<String> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let f = |x: Option<f64>| x.filter(|x| x.is_finite()).map(fmt_num).unwrap_or_default();
    let kind = |k: Option<ActorKind>| k.map(|k| k.as_str().to_string()).unwrap_or_default();
    vec![
        row.event_id.clone(),
        o(&row.event_date),
        o(&row.event_date_end),
        row.time_precision.to_string(),
        row.event_type.to_string(),
        row.sub_event_type.to_string(),
        row.claim_type.as_str().to_string(),
        row.plover_event.clone(),
        o(&row.plover_mode),
        o(&row.actor1),
        kind(row.actor1_kind),
        o(&row.actor2),
        kind(row.actor2_kind),
        o(&row.country),
        o(&row.location),
        f(row.latitude),
        f(row.longitude),
        row.geo_precision.map(|g| g.to_string()).unwrap_or_default(),
        row.sources.join(crate::LIST_SEPARATOR),
        row.source_outlets.to_string(),
        row.independent_origins.to_string(),
        row.level.clone(),
        row.notes.clone(),
        f(row.fatalities.best),
        f(row.fatalities.low),
        f(row.fatalities.high),
    ]
}

/// Write the event table as CSV, [`EVENT_COLUMNS`] as header. Text cells that
/// a spreadsheet would read as a formula get a leading `'`, as in the claim CSV.
pub fn write_events_csv(events: &[EventRecord], out: &mut dyn Write) -> Result<ExportStats> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(EVENT_COLUMNS)?;
    for r in events {
        let row = event_row(r);
        // Numbers stay numbers (a negative longitude is no formula).
        w.write_record(csv_fields(&row).iter().map(|s| {
            if s.parse::<f64>().is_ok() {
                s.clone()
            } else {
                crate::csv_export::safe(s)
            }
        }))?;
    }
    w.flush()?;
    Ok(ExportStats {
        records: events.len(),
        ..ExportStats::default()
    })
}

/// The PLOVER-shaped JSON record of an event: PLOVER's `event_type`,
/// `mode`, `context`, `actor` and `recipient` with their kinds,
/// `event_date` with `date_resolution`, `location`, and the ACLED-like
/// type, fatalities, sources and claims beside them.
pub fn plover_record(r: &EventRecord) -> serde_json::Value {
    let row = event_row(r);
    let mut context: BTreeSet<&str> = BTreeSet::new();
    for c in r
        .claims
        .iter()
        .filter(|c| c.claim_type == r.event.event_type)
    {
        context.extend(c.plover.context.iter().map(String::as_str));
    }
    let resolution = match row.time_precision {
        1 => "day",
        2 => "week",
        _ => "month_or_longer",
    };
    json!({
        "event_id": row.event_id,
        "event_date": row.event_date,
        "event_date_end": row.event_date_end,
        "date_resolution": resolution,
        "event_type": row.plover_event,
        "mode": row.plover_mode,
        "context": context,
        "actor": row.actor1,
        "actor_kind": row.actor1_kind,
        "recipient": row.actor2,
        "recipient_kind": row.actor2_kind,
        "location": {
            "name": row.location,
            "country": row.country,
            "lat": row.latitude,
            "lon": row.longitude,
            "geo_precision": row.geo_precision,
        },
        "acled": {"event_type": row.event_type, "sub_event_type": row.sub_event_type},
        "claim_type": row.claim_type,
        "fatalities": row.fatalities,
        "sources": row.sources,
        "source_outlets": row.source_outlets,
        "independent_origins": row.independent_origins,
        "level": row.level,
        "event_text": row.notes,
        "claims": row.claims,
    })
}

/// Write one PLOVER-shaped JSON record per event and line.
pub fn write_events_jsonl(events: &[EventRecord], out: &mut dyn Write) -> Result<ExportStats> {
    for r in events {
        serde_json::to_writer(&mut *out, &plover_record(r))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExportStats {
        records: events.len(),
        ..ExportStats::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use claimtrace_model::EventClaim;

    fn qty(text: &str, value: f64, min: Option<f64>, max: Option<f64>, unit: &str) -> Quantity {
        Quantity {
            text: text.into(),
            value: Some(value),
            min,
            max,
            qualifier: None,
            unit: Some(unit.into()),
            span: None,
        }
    }

    #[test]
    fn acled_mapping() {
        let t = ClaimType::Attack;
        assert_eq!(
            acled_type(t, Some("drone")),
            ("Explosions/Remote violence", "Air/drone strike")
        );
        assert_eq!(
            acled_type(t, Some("aerial")),
            ("Explosions/Remote violence", "Air/drone strike")
        );
        assert_eq!(acled_type(t, None), ("Battles", "Armed clash"));
        assert_eq!(
            acled_type(ClaimType::DiplomaticEngagement, None),
            ("Strategic developments", "Agreement")
        );
        assert_eq!(
            acled_type(ClaimType::ArmsTransfer, Some("drone")).0,
            "Strategic developments"
        );
    }

    #[test]
    fn fatalities_take_people_killed_only() {
        let mut claims = fixture::claims();
        claims.truncate(2);
        claims[0].sentence = "More than twenty soldiers were killed and 40 drones downed.".into();
        claims[0].quantities = vec![
            qty("more than twenty", 20.0, Some(21.0), None, "soldier"),
            qty("40", 40.0, None, None, "drone"),
        ];
        claims[1].sentence = "Between 15 and 30 people died, medics said.".into();
        claims[1].quantities = vec![qty("15 and 30", 15.0, Some(15.0), Some(30.0), "people")];
        let f = fatalities(&claims);
        assert_eq!(f.best, Some(21.0), "more than twenty is at least 21");
        assert_eq!(f.low, Some(15.0));
        assert_eq!(f.high, Some(30.0));
        claims[0].sentence = "Twenty soldiers were wounded.".into();
        claims[1].epistemic = Epistemic::Denied;
        assert_eq!(
            fatalities(&claims),
            Fatalities::default(),
            "no deaths claimed"
        );
    }

    #[test]
    fn event_rows_as_csv_and_plover() {
        let mut claims = fixture::claims();
        claims.truncate(1);
        claims[0].plover.mode = Some("drone".into());
        let mk = |c: &Claim| EventClaim {
            claim: c.id.clone(),
            doc: c.doc.clone(),
            origin: "name:sbu".into(),
            epistemic: c.epistemic,
            corroborated: false,
            contradicted: false,
        };
        let mut event = fixture::event(claims.iter().map(mk).collect());
        event.event_type = ClaimType::Attack;
        event.date_start = Some("2025-06-01".into());
        event.date_end = Some("2025-06-01".into());
        event.label = "=attack".into();
        event.place = Some(claimtrace_model::EventPlace {
            name: "Belaya".into(),
            country: Some("RU".into()),
            lat: Some(52.9),
            lon: Some(-3.5),
        });
        let rec = EventRecord {
            event,
            claims,
            documents: fixture::documents(),
        };
        let mut buf = Vec::new();
        write_events_csv(std::slice::from_ref(&rec), &mut buf).unwrap();
        let mut r = csv::Reader::from_reader(buf.as_slice());
        assert_eq!(r.headers().unwrap().len(), EVENT_COLUMNS.len());
        let row = r.records().next().unwrap().unwrap();
        let col = |n: &str| &row[EVENT_COLUMNS.iter().position(|c| *c == n).unwrap()];
        assert_eq!(col("event_type"), "Explosions/Remote violence");
        assert_eq!(col("sub_event_type"), "Air/drone strike");
        assert_eq!(col("time_precision"), "1");
        assert_eq!(col("actor1"), "Ukraine");
        assert_eq!(col("actor1_kind"), "state_agency");
        assert!(col("notes").starts_with("'=attack"), "formula neutralised");
        assert_eq!(col("longitude"), "-3.5", "numbers stay numbers");
        let v = plover_record(&rec);
        assert_eq!(v["event_type"], "ASSAULT");
        assert_eq!(v["mode"], "drone");
        assert_eq!(v["acled"]["sub_event_type"], "Air/drone strike");
        assert_eq!(v["date_resolution"], "day");
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2025-03-01")
                .zip(day_number("2025-02-28"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(time_precision(Some("2025-06-01"), Some("2025-06-05")), 2);
        assert_eq!(time_precision(Some("2025-06-01"), Some("2025-07-05")), 3);
        assert_eq!(time_precision(None, None), 3);
    }
}
