//! Document-wide findings (dates, places, quantities, weapons), computed
//! once per document in text order and sliced per sentence, so the work per
//! sentence stays proportional to the sentence.

use chrono::NaiveDate;
use claimtrace_geo::PlaceMatch;
use claimtrace_measure::{WeaponMatch, find_quantities};
use claimtrace_model::{DatePrecision, Document, Quantity};
use claimtrace_temporal::{DateMention, find_dates};

use crate::extractor::Extractor;

/// Document-wide findings, computed once, each list in text order.
pub(crate) struct Facts {
    dates: Vec<DateMention>,
    anchor_why: Option<String>,
    anchor: Option<NaiveDate>,
    /// Index in `dates` of the day of the happening (see [`DocFacts::event_day`]).
    event_day: Option<usize>,
    /// Index in `places` of the place of the happening (see [`DocFacts::event_place`]).
    event_place: Option<usize>,
    places: Vec<PlaceMatch>,
    quantities: Vec<Quantity>,
    weapons: Vec<WeaponMatch>,
}

/// The findings one sentence may use: those starting inside it, or at most
/// two bytes past its end (where a quantity's unit is looked for). Slicing
/// keeps the work per sentence proportional to the sentence, not to the
/// document, so a long document costs linear time.
pub(crate) struct DocFacts<'a> {
    pub dates: &'a [DateMention],
    /// How relative dates were anchored (for `why`).
    pub anchor_why: &'a Option<String>,
    /// The day of the happening the report tells: the first day it names
    /// within two weeks up to its anchor (publication date, else the first
    /// full date of the text), for claims whose paragraph names no date.
    pub event_day: Option<&'a DateMention>,
    /// The place of the happening the report tells: the first place it
    /// names as where something happened ("in Damascus"), for event claims
    /// whose sentence and paragraph name none.
    pub event_place: Option<&'a PlaceMatch>,
    pub places: &'a [PlaceMatch],
    pub quantities: &'a [Quantity],
    pub weapons: &'a [WeaponMatch],
}

impl Facts {
    pub(crate) fn for_sentence(&self, from: usize, to: usize) -> DocFacts<'_> {
        fn starting_in<T>(v: &[T], from: usize, to: usize, start: impl Fn(&T) -> usize) -> &[T] {
            let a = v.partition_point(|x| start(x) < from);
            let b = v.partition_point(|x| start(x) <= to + 2);
            v.get(a..b.max(a)).unwrap_or(&[])
        }
        DocFacts {
            dates: starting_in(&self.dates, from, to, |d| d.span.start),
            anchor_why: &self.anchor_why,
            event_day: self.event_day.and_then(|i| self.dates.get(i)),
            event_place: self.event_place.and_then(|i| self.places.get(i)),
            places: starting_in(&self.places, from, to, |p| p.span.start),
            quantities: starting_in(&self.quantities, from, to, |q| {
                q.span.map_or(0, |s| s.start)
            }),
            weapons: starting_in(&self.weapons, from, to, |w| w.span.start),
        }
    }
}

impl Extractor {
    pub(crate) fn doc_facts(&self, doc: &Document) -> Facts {
        let text = doc.text.as_str();
        let base = doc
            .published_date()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let (dates, anchor_why, anchor) = match base {
            Some(b) => (
                find_dates(text, Some(b)),
                Some(format!(
                    "relative dates resolved against the publication date {b}"
                )),
                Some(b),
            ),
            None => {
                // No publication date: anchor on the first full date the text gives.
                let first = find_dates(text, None)
                    .into_iter()
                    .find(|m| {
                        m.date.precision == DatePrecision::Day
                            && !m.date.value.starts_with('X')
                            && !m.vague
                    })
                    .and_then(|m| NaiveDate::parse_from_str(&m.date.value, "%Y-%m-%d").ok());
                match first {
                    Some(a) => (
                        find_dates(text, Some(a)),
                        Some(format!(
                            "no publication date: relative dates resolved against the first full date in the text, {a}"
                        )),
                        Some(a),
                    ),
                    None => (find_dates(text, None), None, None),
                }
            }
        };
        let mut facts = Facts {
            dates,
            anchor_why,
            anchor,
            event_day: None,
            event_place: None,
            places: self.gazetteer.find_places(text),
            quantities: find_quantities(text),
            weapons: self.weapons.find(text),
        };
        // The finders report in text order; a stable sort keeps it so (and
        // keeps their order among equal starts) should one ever not.
        facts.dates.sort_by_key(|d| d.span.start);
        facts.places.sort_by_key(|p| p.span.start);
        facts
            .quantities
            .sort_by_key(|q| q.span.map_or(0, |s| s.start));
        facts.weapons.sort_by_key(|w| w.span.start);
        facts.event_place = facts
            .places
            .iter()
            .position(|p| happened_in(text, p.span.start));
        facts.event_day = facts
            .dates
            .iter()
            .position(|d| !d.vague && crate::setting::recent_day(&d.date, facts.anchor));
        facts
    }
}

/// "in Damascus", "near Kharkiv", "at the port of Hodeidah": the place a
/// report names as where something happened (stricter than a locative
/// word: "of", "from" and "towards" name origins and owners).
fn happened_in(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let before = before.strip_suffix("the").map_or(before, str::trim_end);
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        word.as_str(),
        "in" | "at" | "near" | "outside" | "inside" | "around"
    )
}
