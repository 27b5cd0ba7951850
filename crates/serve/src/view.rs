//! What the API answers for a claim: the claim record (reviews applied, as
//! the store gives it) plus what a reader of a claim card needs beside it —
//! the article's title, outlet and date, the review status and the
//! corroboration of the claim's event.

use claimtrace_model::Claim;
use claimtrace_store::{
    ClaimCorroboration, DocumentMeta, Review, ReviewAction, SqliteStore, Store,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;

/// A claim record with its article's metadata and its review status. The
/// claim's own fields are flattened in, so every field of the claim record
/// (`claim-record.md`) is at the top level.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub claim: Claim,
    pub doc_title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Present when someone reviewed the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewStatus>,
    /// Present when corroboration placed the claim in an event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corroboration: Option<Corroboration>,
}

/// The claim's event in brief: the claim card's corroboration badge.
#[derive(Debug, Serialize, ToSchema)]
pub struct Corroboration {
    /// Id of the event (`/api/events/{id}`).
    pub event: String,
    /// Independent origins supporting the event.
    pub origins: usize,
    /// The claim is on one side of a contradiction with another origin.
    pub contradicted: bool,
    /// Another origin in the event says the same.
    pub corroborated: bool,
    /// The event's level: `single_source`, `corroborated` or `contested`.
    pub level: &'static str,
    /// The origin the claim rests on (`name:tass`, `doc:<copy group>`).
    pub origin: String,
}

impl From<ClaimCorroboration> for Corroboration {
    fn from(c: ClaimCorroboration) -> Self {
        Corroboration {
            event: c.event,
            origins: c.origins,
            contradicted: c.contradicted,
            corroborated: c.corroborated,
            level: c.level.as_str(),
            origin: c.origin,
        }
    }
}

/// The latest verdict on a claim and every correction made to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewStatus {
    /// `confirmed`, `rejected` or `corrected`: the latest review's action.
    pub status: &'static str,
    pub reviewer: String,
    pub at: Option<String>,
    pub note: Option<String>,
    pub reviews: usize,
    pub corrections: Vec<Correction>,
}

/// One corrected field.
#[derive(Debug, Serialize, ToSchema)]
pub struct Correction {
    pub field: String,
    pub from: Option<String>,
    pub to: String,
    pub by: String,
    pub at: Option<String>,
}

impl ReviewStatus {
    pub fn from_reviews(reviews: &[Review]) -> Option<Self> {
        let last = reviews.last()?;
        let status = match last.action {
            ReviewAction::Confirm => "confirmed",
            ReviewAction::Reject => "rejected",
            ReviewAction::Correct => "corrected",
        };
        let corrections = reviews
            .iter()
            .filter(|r| r.action == ReviewAction::Correct)
            .filter_map(|r| {
                Some(Correction {
                    field: r.field.clone()?,
                    from: r.old_value.clone(),
                    to: r.new_value.clone()?,
                    by: r.who.clone(),
                    at: r.at.clone(),
                })
            })
            .collect();
        Some(ReviewStatus {
            status,
            reviewer: last.who.clone(),
            at: last.at.clone(),
            note: last.note.clone(),
            reviews: reviews.len(),
            corrections,
        })
    }
}

/// Title, outlet and publication date of a stored document (all `None`
/// when there is no such document).
fn doc_meta(store: &SqliteStore, doc: &str) -> Result<DocumentMeta, ApiError> {
    store
        .document_meta(doc)
        .map(Option::unwrap_or_default)
        .map_err(|e| ApiError::internal(format!("document metadata: {e}")))
}

/// Claim views for claims read from `store`.
pub fn claim_views(store: &SqliteStore, claims: Vec<Claim>) -> Result<Vec<ClaimView>, ApiError> {
    let mut last: Option<(String, DocumentMeta)> = None;
    claims
        .into_iter()
        .map(|claim| {
            // Pages come ordered by document, so one lookup serves a run of claims.
            let meta = match &last {
                Some((d, m)) if *d == claim.doc => m.clone(),
                _ => {
                    let m = doc_meta(store, &claim.doc)?;
                    last = Some((claim.doc.clone(), m.clone()));
                    m
                }
            };
            let review = ReviewStatus::from_reviews(&store.reviews(&claim.id)?);
            // One indexed row per claim (the membership's unique claim id).
            let corroboration = store
                .claim_corroboration(&claim.id)?
                .map(Corroboration::from);
            Ok(ClaimView {
                claim,
                doc_title: meta.title,
                outlet: meta.outlet,
                published: meta.published,
                review,
                corroboration,
            })
        })
        .collect()
}
