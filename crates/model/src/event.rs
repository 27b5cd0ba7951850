use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{ClaimType, Epistemic, ProfileCount, SourceKind};

/// How well an event is backed (`level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorroborationLevel {
    /// Every claim rests on one origin (however many copies repeat it).
    SingleSource,
    /// At least two independent origins support it and nothing contradicts it.
    Corroborated,
    /// Claims resting on different origins contradict each other.
    Contested,
}

impl CorroborationLevel {
    pub const ALL: &'static [CorroborationLevel] = &[
        CorroborationLevel::SingleSource,
        CorroborationLevel::Corroborated,
        CorroborationLevel::Contested,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            CorroborationLevel::SingleSource => "single_source",
            CorroborationLevel::Corroborated => "corroborated",
            CorroborationLevel::Contested => "contested",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        CorroborationLevel::ALL
            .iter()
            .copied()
            .find(|l| l.as_str() == s)
    }
}

/// What two claims of one event disagree on (`contradiction.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContradictionKind {
    /// Quantities of the same unit family whose intervals do not overlap.
    Quantity,
    /// Different perpetrators (who did it).
    Actor,
    /// Different targets (to whom).
    Target,
    /// Dates of the same precision whose ranges do not overlap.
    Date,
    /// One claim asserts or reports what another denies.
    Denial,
}

impl ContradictionKind {
    pub const ALL: &'static [ContradictionKind] = &[
        ContradictionKind::Quantity,
        ContradictionKind::Actor,
        ContradictionKind::Target,
        ContradictionKind::Date,
        ContradictionKind::Denial,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ContradictionKind::Quantity => "quantity",
            ContradictionKind::Actor => "actor",
            ContradictionKind::Target => "target",
            ContradictionKind::Date => "date",
            ContradictionKind::Denial => "denial",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ContradictionKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
    }
}

/// Two claims of one event that cannot both be right, with the origin each rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub kind: ContradictionKind,
    /// Claim id of one side.
    pub a: String,
    /// Claim id of the other side.
    pub b: String,
    /// Human-readable: what each side says ("117 drone vs over 300 drone").
    pub detail: String,
    /// Origin keys of the two sides (see `claimtrace_corroborate::origin_key`).
    pub a_origin: String,
    pub b_origin: String,
}

/// One independent origin behind an event: a named source, an outlet's own
/// reporting, or one group of copied documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// `name:<normalised name>` or `doc:<copy group id>`.
    pub key: String,
    /// The name as first written ("TASS", "Reuters", or a document id).
    pub label: String,
    /// Claims of the event resting on this origin.
    pub claims: usize,
    /// Documents (after copy collapsing, every copy listed) carrying those claims.
    pub documents: Vec<String>,
    /// Source kinds under which the origin was cited.
    pub source_kinds: Vec<SourceKind>,
    /// The origin only denies the event.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub denies: bool,
}

/// One claim's membership in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventClaim {
    pub claim: String,
    pub doc: String,
    /// Origin key of the claim.
    pub origin: String,
    pub epistemic: Epistemic,
    /// Another origin in the event says the same (asserts, or denies, too).
    pub corroborated: bool,
    /// The claim is on one side of a contradiction with another origin.
    pub contradicted: bool,
}

/// The first report of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarliestReport {
    pub doc: String,
    pub claim: String,
    /// Publication date-time of `doc` as stored (ISO 8601), when known.
    pub published: Option<String>,
}

/// Where an event happened, as most of its claims place it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One happening reported by many claims (`claimtrace events`, `/api/events`).
///
/// Invariants: `claims` is non-empty, in the order the claims joined; `id` is
/// `ev:` + the first claim's id, so it is stable while that claim stays;
/// every origin key in `claims` appears once in `origins`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: ClaimType,
    /// Short line: type, actor → target, place, date.
    pub label: String,
    /// The sentence of the most firmly stated earliest claim.
    pub summary: String,
    pub claims: Vec<EventClaim>,
    /// Distinct documents, in the order they joined.
    pub documents: Vec<String>,
    /// Independent origins, most claims first.
    pub origins: Vec<Origin>,
    /// Origins supporting (not only denying) the event.
    pub independent_origins: usize,
    /// One row per source kind that occurs.
    pub source_kinds: Vec<ProfileCount>,
    /// One row per epistemic label that occurs (firmness spread).
    pub firmness: Vec<ProfileCount>,
    pub earliest: Option<EarliestReport>,
    /// First and last day the claims' own dates cover (`YYYY-MM-DD`).
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub place: Option<EventPlace>,
    /// Actor and target names named by the claims.
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub level: CorroborationLevel,
    pub contradictions: Vec<Contradiction>,
}

/// An outlet's sourcing and track record (`claimtrace outlets`, `/api/outlets`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletProfile {
    /// The documents' `outlet`, or `(unknown)`.
    pub outlet: String,
    pub documents: usize,
    pub claims: usize,
    /// One row per `source.kind` label, in contract order.
    pub by_source_kind: Vec<ProfileCount>,
    /// One row per `epistemic` label, in contract order.
    pub by_epistemic: Vec<ProfileCount>,
    /// Claims placed in an event.
    pub in_events: usize,
    /// Claims whose event has an independent origin other than the claim's own.
    pub corroborated: usize,
    /// Claims on one side of a contradiction whose other side has another origin.
    pub contradicted: usize,
    /// corroborated / in_events (0 when none).
    pub corroboration_rate: f64,
    /// contradicted / in_events (0 when none).
    pub contradiction_rate: f64,
}

/// The counts an [`OutletProfile`] is made from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutletCounts {
    pub documents: usize,
    pub claims: usize,
    pub by_source_kind: BTreeMap<SourceKind, usize>,
    pub by_epistemic: BTreeMap<Epistemic, usize>,
    pub in_events: usize,
    pub corroborated: usize,
    pub contradicted: usize,
}

impl OutletProfile {
    pub fn from_counts(outlet: &str, c: &OutletCounts) -> Self {
        let share = |n: usize| {
            if c.claims == 0 {
                0.0
            } else {
                n as f64 / c.claims as f64
            }
        };
        let rate = |n: usize| {
            if c.in_events == 0 {
                0.0
            } else {
                n as f64 / c.in_events as f64
            }
        };
        OutletProfile {
            outlet: outlet.to_string(),
            documents: c.documents,
            claims: c.claims,
            by_source_kind: SourceKind::ALL
                .iter()
                .map(|k| {
                    let n = c.by_source_kind.get(k).copied().unwrap_or(0);
                    ProfileCount {
                        label: k.as_str().into(),
                        count: n,
                        share: share(n),
                    }
                })
                .collect(),
            by_epistemic: Epistemic::ALL
                .iter()
                .map(|e| {
                    let n = c.by_epistemic.get(e).copied().unwrap_or(0);
                    ProfileCount {
                        label: e.as_str().into(),
                        count: n,
                        share: share(n),
                    }
                })
                .collect(),
            in_events: c.in_events,
            corroborated: c.corroborated,
            contradicted: c.contradicted,
            corroboration_rate: rate(c.corroborated),
            contradiction_rate: rate(c.contradicted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for l in CorroborationLevel::ALL {
            assert_eq!(CorroborationLevel::parse(l.as_str()), Some(*l));
            assert_eq!(
                serde_json::to_string(l).unwrap(),
                format!("\"{}\"", l.as_str())
            );
        }
        for k in ContradictionKind::ALL {
            assert_eq!(ContradictionKind::parse(k.as_str()), Some(*k));
            assert_eq!(
                serde_json::to_string(k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!(CorroborationLevel::parse("confirmed"), None);
    }
}
