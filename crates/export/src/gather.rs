//! What an export needs beside the claims, read from a [`Store`] the same
//! way for `claimtrace export` and `GET /api/export`: the claims' documents,
//! each claim's event and origin, and fact-check verdicts.
//!
//! Only the [`Store`] trait is used here; the SQL stays in `claimtrace-store`.

use std::collections::HashMap;

use claimtrace_model::Claim;
use claimtrace_store::{EventQuery, Review, ReviewAction, Store};

use crate::{ClaimLink, DocMeta, EventRecord, ExportData, Result, Verdict};

/// What [`gather`] reads besides documents and events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GatherOptions {
    /// Read each claim's reviews to derive a [`Verdict`] (ClaimReview only).
    pub verdicts: bool,
}

/// The export data of `claims`: their documents, each claim's event and
/// origin ([`ExportData::links`]), whether corroboration has run, and the
/// verdicts when asked for.
pub fn gather<S: Store + ?Sized>(
    store: &S,
    claims: Vec<Claim>,
    opts: GatherOptions,
) -> Result<ExportData> {
    let mut ids: Vec<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut documents = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(d) = store.document(id)? {
            documents.push(DocMeta::from(&d.document));
        }
    }
    let corroborated = has_events(store)?;
    let links = if corroborated {
        claim_links(store, &claims)?
    } else {
        HashMap::new()
    };
    let mut reviews = HashMap::new();
    if opts.verdicts {
        for c in &claims {
            if let Some(v) = verdict(&store.reviews(&c.id)?) {
                reviews.insert(c.id.clone(), v);
            }
        }
    }
    Ok(ExportData {
        claims,
        documents,
        links,
        corroborated,
        reviews,
        ..Default::default()
    })
}

/// Whether the store holds any event (corroboration has run).
pub fn has_events<S: Store + ?Sized>(store: &S) -> Result<bool> {
    let page = store.events(&EventQuery {
        limit: 1,
        ..Default::default()
    })?;
    Ok(page.total > 0)
}

/// The event and origin of every claim of `claims` that is in an event: one
/// indexed lookup per claim.
pub fn claim_links<'a, S: Store + ?Sized>(
    store: &S,
    claims: impl IntoIterator<Item = &'a Claim>,
) -> Result<HashMap<String, ClaimLink>> {
    let mut links = HashMap::new();
    for c in claims {
        if let Some(m) = store.claim_corroboration(&c.id)? {
            links.insert(
                c.id.clone(),
                ClaimLink {
                    event: m.event,
                    origin: m.origin,
                },
            );
        }
    }
    Ok(links)
}

/// A fact-checker's verdict from the latest confirmation or rejection: the
/// review's note is the rating when given, else "Confirmed" / "Not supported".
pub fn verdict(reviews: &[Review]) -> Option<Verdict> {
    let r = reviews
        .iter()
        .rfind(|r| r.action != ReviewAction::Correct)?;
    let rating = r
        .note
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| match r.action {
            ReviewAction::Confirm => "Confirmed".to_string(),
            _ => "Not supported".to_string(),
        });
    Some(Verdict {
        rating,
        who: r.who.clone(),
        at: r.at.clone().unwrap_or_default(),
        url: None,
        value: None,
        best: None,
        worst: None,
    })
}

/// The events matching `q`, each with its member claims (one lookup per
/// member) and their documents: the input of the event table.
pub fn gather_events<S: Store + ?Sized>(store: &S, q: &EventQuery) -> Result<Vec<EventRecord>> {
    let events = store.events(q)?.items;
    let mut docs: HashMap<String, Option<DocMeta>> = HashMap::new();
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        let mut claims = Vec::with_capacity(event.claims.len());
        for m in &event.claims {
            if let Some(c) = store.claim(&m.claim)? {
                claims.push(c);
            }
        }
        let mut documents = Vec::with_capacity(event.documents.len());
        for id in &event.documents {
            if !docs.contains_key(id) {
                let meta = store.document(id)?.map(|d| DocMeta::from(&d.document));
                docs.insert(id.clone(), meta);
            }
            if let Some(Some(d)) = docs.get(id) {
                documents.push(d.clone());
            }
        }
        out.push(EventRecord {
            event,
            claims,
            documents,
        });
    }
    Ok(out)
}
