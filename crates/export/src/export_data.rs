use std::collections::HashMap;

use claimtrace_model::{Claim, Document, Event};
use serde::{Deserialize, Serialize};

use crate::NetworkEdge;

/// The document facts an export repeats beside each claim (a
/// [`Document`] without its text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time, as stored on the document.
    pub published: Option<String>,
}

impl From<&Document> for DocMeta {
    fn from(d: &Document) -> Self {
        DocMeta {
            id: d.id.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
            outlet: d.outlet.clone(),
            published: d.published.clone(),
        }
    }
}

/// An analyst's verdict on whether a claim is true, for ClaimReview output.
///
/// This is a fact-checking rating ("False", "Unproven", "Partly true"), not
/// the extraction review of the store (which says whether the claim was
/// extracted correctly).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The rating as text; becomes `reviewRating.alternateName`.
    pub rating: String,
    /// Who reviewed: becomes the ClaimReview's `author`.
    pub who: String,
    /// When (ISO 8601 date or date-time): the ClaimReview's `datePublished`.
    pub at: String,
    /// Where the review is published; the ClaimReview's `url`.
    #[serde(default)]
    pub url: Option<String>,
    /// A numeric rating on the scale `worst..=best`, when the reviewer uses one.
    #[serde(default)]
    pub value: Option<i64>,
    #[serde(default)]
    pub best: Option<i64>,
    #[serde(default)]
    pub worst: Option<i64>,
}

/// A claim's place in a corroboration event, as
/// [`gather`](crate::gather) reads it from the store (one indexed lookup per
/// claim, no event loaded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLink {
    /// The event's id (`ev:...`).
    pub event: String,
    /// The origin key the claim rests on (`name:tass`, `doc:<copy group>`).
    pub origin: String,
}

/// Everything an export may draw on; callers fill what they have.
#[derive(Debug, Clone, Default)]
pub struct ExportData {
    pub claims: Vec<Claim>,
    /// Metadata of the claims' documents (matched on `Claim::doc`); claims
    /// whose document is missing are exported with empty document fields.
    pub documents: Vec<DocMeta>,
    /// Event groups from corroboration: they add an `event` column and let
    /// network edges be weighted by independent origins instead of claims.
    pub events: Vec<Event>,
    /// Each claim's event and origin by claim id: what the store knows
    /// without loading whole events. Consulted before `events`.
    pub links: HashMap<String, ClaimLink>,
    /// Whether corroboration has run (the store holds events): network
    /// edges are then weighted by independent origins, else by documents.
    pub corroborated: bool,
    /// Network edges to write as GEXF; computed with
    /// [`network_edges`](crate::network_edges) from `claims` and
    /// [`ExportData::origins`] when `None`.
    pub edges: Option<Vec<NetworkEdge>>,
    /// Fact-check verdicts by claim id (ClaimReview `reviewRating`).
    pub reviews: HashMap<String, Verdict>,
}

impl ExportData {
    /// The origin of each claim in an event (from `links`, then `events`),
    /// or `None` when corroboration has not run: the network's weights.
    pub fn origins(&self) -> Option<HashMap<String, String>> {
        if !self.corroborated && self.events.is_empty() && self.links.is_empty() {
            return None;
        }
        let mut m: HashMap<String, String> = self
            .links
            .iter()
            .map(|(c, l)| (c.clone(), l.origin.clone()))
            .collect();
        for ev in &self.events {
            for c in &ev.claims {
                m.entry(c.claim.clone()).or_insert_with(|| c.origin.clone());
            }
        }
        Some(m)
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ExportStats {
    /// Records written: rows (CSV, Parquet), lines (JSONL), features
    /// (GeoJSON), edges (GEXF), ClaimReview objects.
    pub records: usize,
    /// Claims left out because the format cannot carry them (GeoJSON: no
    /// coordinates; GEXF: no actor or no target).
    pub skipped: usize,
    /// Nodes written (GEXF only).
    pub nodes: usize,
}

/// Claim id → document metadata and event id, built once per export.
pub(crate) struct Lookup<'a> {
    docs: HashMap<&'a str, &'a DocMeta>,
    events: HashMap<&'a str, &'a str>,
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(data: &'a ExportData) -> Self {
        let docs = data.documents.iter().map(|d| (d.id.as_str(), d)).collect();
        let mut events: HashMap<&'a str, &'a str> = data
            .links
            .iter()
            .map(|(claim, l)| (claim.as_str(), l.event.as_str()))
            .collect();
        for ev in &data.events {
            for m in &ev.claims {
                // A claim belongs to one event; if a caller passes overlapping
                // groups, the first one wins so the output stays deterministic.
                events.entry(m.claim.as_str()).or_insert(ev.id.as_str());
            }
        }
        Lookup { docs, events }
    }

    pub(crate) fn doc(&self, claim: &Claim) -> Option<&'a DocMeta> {
        self.docs.get(claim.doc.as_str()).copied()
    }

    pub(crate) fn event(&self, claim: &Claim) -> Option<&'a str> {
        self.events.get(claim.id.as_str()).copied()
    }
}
