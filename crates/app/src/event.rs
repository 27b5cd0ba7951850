//! One event and what stands behind it: `claimtrace event ID` and
//! `/api/events/{id}` (with its pages) find the event by the same rule
//! ([`resolve_event`]) and list its documents the same way
//! ([`event_documents`]).

use std::collections::HashMap;

use claimtrace_model::{Claim, Event};
use claimtrace_store::Store;
use serde::Serialize;

use crate::Result;

/// The id of the event `id` names, by one rule: an event id (`ev:…`); else
/// the id of one of its member claims; else an event id given without its
/// `ev:` prefix. `None` when it names none.
pub fn resolve_event(store: &dyn Store, id: &str) -> Result<Option<String>> {
    if store.event_members(id, 1, 0)?.is_some() {
        return Ok(Some(id.to_string()));
    }
    if let Some(event) = store.event_of_claim(id)? {
        return Ok(Some(event));
    }
    let prefixed = format!("ev:{id}");
    Ok(store
        .event_members(&prefixed, 1, 0)?
        .is_some()
        .then_some(prefixed))
}

/// A document of an event, with its copy group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDocument {
    /// The document id.
    pub id: String,
    /// The headline, when the input gave one.
    pub title: Option<String>,
    /// The publishing outlet, when known.
    pub outlet: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// Where the article was published, when known.
    pub url: Option<String>,
    /// Root document of its copy group (its own id when it is the
    /// original); absent before corroboration has looked at it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_group: Option<String>,
    /// The original this document copies; absent for an original.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// The stored documents of `ids`, in that order, with their copy groups; a
/// document deleted since is left out.
pub fn event_documents(store: &dyn Store, ids: &[String]) -> Result<Vec<EventDocument>> {
    let groups: HashMap<String, Option<String>> = store
        .corroborated_docs(ids)?
        .into_iter()
        .map(|d| (d.doc, d.copy_group))
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(meta) = store.document_meta(id)? else {
            continue;
        };
        let copy_group = groups.get(id).cloned().flatten();
        out.push(EventDocument {
            id: id.clone(),
            title: meta.title,
            outlet: meta.outlet,
            published: meta.published,
            url: meta.url,
            copy_of: copy_group.clone().filter(|g| g != id),
            copy_group,
        });
    }
    Ok(out)
}

/// One member claim of an event with where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The claim as stored, reviews applied.
    pub claim: Claim,
    /// The document it comes from.
    pub document: EventDocument,
    /// Its origin key (`name:tass`, `doc:<copy group>`).
    pub origin: String,
    /// Another origin in the event says the same.
    pub corroborated: bool,
    /// It is on one side of a contradiction with another origin.
    pub contradicted: bool,
}

/// An event with every member claim (`claimtrace event ID --json`).
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    /// The event, every list whole.
    pub event: Event,
    /// One report per member claim still stored, in joining order.
    pub reports: Vec<Report>,
}

/// The event `id` names ([`resolve_event`]) with all its reports.
pub fn event_detail(store: &dyn Store, id: &str) -> Result<Option<EventDetail>> {
    let Some(event_id) = resolve_event(store, id)? else {
        return Ok(None);
    };
    let Some(event) = store.event(&event_id)? else {
        return Ok(None);
    };
    let docs: HashMap<String, EventDocument> = event_documents(store, &event.documents)?
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect();
    let mut reports = Vec::with_capacity(event.claims.len());
    for m in &event.claims {
        let Some(claim) = store.claim(&m.claim)? else {
            continue;
        };
        let document = docs.get(&m.doc).cloned().unwrap_or_else(|| EventDocument {
            id: m.doc.clone(),
            title: None,
            outlet: None,
            published: None,
            url: None,
            copy_group: None,
            copy_of: None,
        });
        reports.push(Report {
            claim,
            document,
            origin: m.origin.clone(),
            corroborated: m.corroborated,
            contradicted: m.contradicted,
        });
    }
    Ok(Some(EventDetail { event, reports }))
}
