use serde::{Deserialize, Serialize};

use crate::corroborator::Corroborator;
use crate::error::{CorroborateError, Result};

/// Settings of corroboration. The event-grouping defaults were chosen on the
/// dev half of the labelled set under `tests/gold/` and are reported on its
/// test half (`cargo run --release -p claimtrace-corroborate --example score`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorroboratorConfig {
    /// MinHash functions per document signature.
    pub num_hashes: usize,
    /// Rows per LSH band; must divide `num_hashes`. Fewer rows find more
    /// candidate pairs (each is then checked on the signature).
    pub band_rows: usize,
    /// Words per shingle.
    pub shingle_words: usize,
    /// Estimated shingle Jaccard at or above which two documents are copies.
    pub copy_jaccard: f64,
    /// Estimated containment of the smaller document in the larger at or
    /// above which they are copies (a wire story cut short or padded).
    pub copy_containment: f64,
    /// Containment only counts when the smaller document has this many shingles.
    pub copy_min_shingles: usize,
    /// Days two claims' dates may miss each other by and still be one event
    /// (time zones, overnight attacks reported for the next day).
    pub date_slack_days: i32,
    /// The same for lasting relationships (supply, cooperation, presence:
    /// the `materiel` family), whose dates are those of the reports.
    pub lasting_slack_days: i32,
    /// Days before publication a claim without its own date may refer to.
    pub undated_lookback_days: i32,
    /// The same for lasting relationships.
    pub lasting_lookback_days: i32,
    /// The most days a happening's dates (and its reports' windows) may
    /// span: a chain of reports a day apart cannot stretch one event over
    /// months. Lasting relationships may span twice their lookback.
    pub event_span_days: i32,
    /// Kilometres beyond which two precisely placed claims are different events.
    pub place_km: f64,
    /// Score at or above which a claim joins an event.
    pub join_score: f64,
    /// Weights of the score: content-word Jaccard, actor, target, place,
    /// counted things (a shared quantity unit or weapon), own dates agreeing.
    pub weight_lexical: f64,
    pub weight_actor: f64,
    pub weight_target: f64,
    pub weight_place: f64,
    pub weight_counts: f64,
    pub weight_date: f64,
    /// Weight of "the claim's document already speaks of the event".
    pub weight_document: f64,
    /// Least content-word Jaccard for a statement or `other` claim to join an
    /// event of another kind (a denial joining the attack it denies).
    pub open_min_lexical: f64,
    /// Members of an event compared word-by-word with a new claim (the first ones).
    pub lexical_members: usize,
    /// A denial of "the accusation" joins the event of its document's claim
    /// at most this many sentences before it.
    pub back_reference_sentences: usize,
    /// Cosine of a report's profile with a story's at or above which the
    /// report joins the story (see `story`).
    pub story_join: f64,
    /// Days a report's day may lie outside a story's days and still join it.
    pub story_days: i32,
    /// The same for stories of lasting relationships (supply, cooperation).
    pub story_lasting_days: i32,
    /// Weight of "the claim's report belongs to the event's story" (in place
    /// of `weight_document` for the story's event).
    pub weight_story: f64,
    /// Days a claim's own date may miss its story event's dates by.
    pub story_slack_days: i32,
}

impl Default for CorroboratorConfig {
    fn default() -> Self {
        CorroboratorConfig {
            num_hashes: 96,
            band_rows: 3,
            shingle_words: 4,
            copy_jaccard: 0.5,
            copy_containment: 0.8,
            copy_min_shingles: 15,
            date_slack_days: 1,
            lasting_slack_days: 180,
            undated_lookback_days: 7,
            lasting_lookback_days: 365,
            event_span_days: 14,
            place_km: 60.0,
            join_score: 0.45,
            weight_lexical: 0.6,
            weight_actor: 0.2,
            weight_target: 0.2,
            weight_place: 0.3,
            weight_counts: 0.0,
            weight_date: 0.0,
            weight_document: 0.6,
            open_min_lexical: 0.15,
            lexical_members: 12,
            back_reference_sentences: 2,
            story_join: 0.3,
            story_days: 30,
            story_lasting_days: 240,
            weight_story: 0.9,
            story_slack_days: 3,
        }
    }
}

impl CorroboratorConfig {
    /// Days an undated claim of `family` may refer to before publication.
    pub fn lookback(&self, family: crate::features::Family) -> i32 {
        if family.is_lasting() {
            self.lasting_lookback_days
        } else {
            self.undated_lookback_days
        }
    }

    /// Days by which dates of claims of these families may miss each other.
    /// How many days an event of `family` may span (see `event_span_days`).
    pub fn max_span(&self, family: crate::features::Family) -> i32 {
        if family.is_lasting() {
            self.lasting_lookback_days.saturating_mul(2)
        } else {
            self.event_span_days
        }
    }

    pub fn slack(&self, a: crate::features::Family, b: crate::features::Family) -> i32 {
        if a.is_lasting() || b.is_lasting() {
            self.lasting_slack_days
        } else {
            self.date_slack_days
        }
    }

    /// Checks the settings and returns an empty corroborator.
    pub fn build(&self) -> Result<Corroborator> {
        let bad = |m: &str| Err(CorroborateError::Config(m.to_string()));
        if self.num_hashes == 0
            || self.band_rows == 0
            || !self.num_hashes.is_multiple_of(self.band_rows)
        {
            return bad("band_rows must be at least 1 and divide num_hashes");
        }
        if self.shingle_words == 0 || self.lexical_members == 0 {
            return bad("shingle_words and lexical_members must be at least 1");
        }
        for (name, v) in [
            ("copy_jaccard", self.copy_jaccard),
            ("copy_containment", self.copy_containment),
            ("join_score", self.join_score),
            ("open_min_lexical", self.open_min_lexical),
            ("story_join", self.story_join),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(CorroborateError::Config(format!(
                    "{name} must be within 0..=1"
                )));
            }
        }
        let weights = [
            self.weight_lexical,
            self.weight_actor,
            self.weight_target,
            self.weight_place,
            self.weight_counts,
            self.weight_date,
            self.weight_document,
            self.weight_story,
        ];
        if weights.iter().any(|w| *w < 0.0 || !w.is_finite()) || weights.iter().sum::<f64>() <= 0.0
        {
            return bad("weights must be non-negative with a positive sum");
        }
        if [
            self.date_slack_days,
            self.lasting_slack_days,
            self.undated_lookback_days,
            self.lasting_lookback_days,
            self.event_span_days,
            self.story_days,
            self.story_lasting_days,
            self.story_slack_days,
        ]
        .iter()
        .any(|d| !(0..=3660).contains(d))
            || !(0.0..=20_000.0).contains(&self.place_km)
        {
            return bad("day counts must be within 0..=3660 and place_km within 0..=20000");
        }
        Ok(Corroborator::new(self.clone()))
    }
}
