//! `/api/events` and `/api/events/{id}`: what corroboration made of the
//! claims — one event per happening, with its independent origins, the
//! copies collapsed into one origin, and the contradictions between origins.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use claimtrace_model::Event;
use claimtrace_store::{SqliteStore, Store};
use rusqlite::OptionalExtension;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{EventParams, Params};
use crate::state::AppState;
use crate::view::{ClaimView, claim_views};

/// A page of events (first day first, undated last) and how many match in all.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    #[schema(value_type = Vec<schema::Event>)]
    pub items: Vec<Event>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

/// One event with everything behind it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDetail {
    #[schema(value_type = schema::Event)]
    pub event: Event,
    /// The member claims in joining order, as `/api/claims/{id}` gives them
    /// (each with its `corroboration`: origin, corroborated, contradicted).
    /// A member whose document was deleted since is left out.
    pub claims: Vec<ClaimView>,
    /// The event's documents in joining order, with their copy groups.
    pub documents: Vec<EventDocument>,
}

/// A document of an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDocument {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Root document of the document's copy group (its own id when it is the original).
    pub copy_group: Option<String>,
    /// The original this document copies (syndicated or near-duplicate text);
    /// absent for an original.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// Events, filtered like `claimtrace events`.
#[utoipa::path(get, path = "/api/events", tag = "events", params(EventParams),
    responses((status = 200, body = EventPage), (status = 400, body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    Params(p): Params<EventParams>,
) -> ApiResult<Json<EventPage>> {
    let q = p.to_query()?;
    app.read(move |s| {
        let page = s.events(&q)?;
        Ok(Json(EventPage {
            items: page.items,
            total: page.total,
            limit: q.limit,
            offset: q.offset,
        }))
    })
    .await
}

/// One event by id (`ev:…`), or the event of the claim with this id: every
/// claim, document, origin and contradiction.
#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "event id (`ev:…`) or the id of one of its claims")),
    responses((status = 200, body = EventDetail), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EventDetail>> {
    app.read(move |s| {
        let event = match s.event(&id)? {
            Some(e) => Some(e),
            None => match s.event_of_claim(&id)? {
                Some(eid) => s.event(&eid)?,
                None => None,
            },
        };
        let event = event.ok_or_else(|| ApiError::not_found(format!("no event with id '{id}'")))?;
        let mut claims = Vec::with_capacity(event.claims.len());
        for m in &event.claims {
            if let Some(c) = s.claim(&m.claim)? {
                claims.push(c);
            }
        }
        let claims = claim_views(s, claims)?;
        let documents = documents(s, &event.documents)?;
        Ok(Json(EventDetail {
            event,
            claims,
            documents,
        }))
    })
    .await
}

type DocRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn documents(s: &SqliteStore, ids: &[String]) -> Result<Vec<EventDocument>, ApiError> {
    let groups: HashMap<String, Option<String>> = s
        .corroborated_docs(ids)?
        .into_iter()
        .map(|d| (d.doc, d.copy_group))
        .collect();
    let mut stmt = s
        .connection()
        .prepare_cached("SELECT title, outlet, published, url FROM documents WHERE id = ?1")
        .map_err(|e| ApiError::internal(format!("document metadata: {e}")))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<DocRow> = stmt
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()
            .map_err(|e| ApiError::internal(format!("document metadata: {e}")))?;
        let Some((title, outlet, published, url)) = row else {
            continue;
        };
        let copy_group = groups.get(id).cloned().flatten();
        out.push(EventDocument {
            id: id.clone(),
            title,
            outlet,
            published,
            url,
            copy_of: copy_group.clone().filter(|g| g != id),
            copy_group,
        });
    }
    Ok(out)
}

/// The shapes of [`claimtrace_model::Event`] and its parts, for the OpenAPI
/// document only (the model crate knows nothing of OpenAPI). A test checks
/// that their fields are those the API serialises.
pub mod schema {
    use utoipa::ToSchema;

    /// One happening reported by many claims.
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct Event {
        /// `ev:` + the first claim's id.
        pub id: String,
        /// The claim type of the event.
        #[schema(rename = "type")]
        pub event_type: String,
        /// Short line: type, actor → target, place, date.
        pub label: String,
        /// The sentence of the most firmly stated earliest claim.
        pub summary: String,
        /// Member claims in joining order.
        pub claims: Vec<EventClaim>,
        /// Distinct documents, in the order they joined.
        pub documents: Vec<String>,
        /// Independent origins, most claims first.
        pub origins: Vec<Origin>,
        /// Origins supporting (not only denying) the event.
        pub independent_origins: usize,
        pub source_kinds: Vec<ProfileCount>,
        /// Firmness spread.
        pub firmness: Vec<ProfileCount>,
        pub earliest: Option<EarliestReport>,
        /// First day the claims' dates cover (`YYYY-MM-DD`).
        pub date_start: Option<String>,
        pub date_end: Option<String>,
        pub place: Option<EventPlace>,
        pub actors: Vec<String>,
        pub targets: Vec<String>,
        /// `single_source`, `corroborated` or `contested`.
        pub level: String,
        pub contradictions: Vec<Contradiction>,
    }

    /// One claim's membership in an event.
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct EventClaim {
        pub claim: String,
        pub doc: String,
        /// Origin key of the claim.
        pub origin: String,
        pub epistemic: String,
        /// Another origin in the event says the same.
        pub corroborated: bool,
        /// The claim is on one side of a contradiction with another origin.
        pub contradicted: bool,
    }

    /// One independent origin: a named source, an outlet's own reporting,
    /// or one group of copied documents (counted once).
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct Origin {
        /// `name:<normalised name>` or `doc:<copy group id>`.
        pub key: String,
        pub label: String,
        pub claims: usize,
        /// Documents carrying the origin's claims (every copy listed).
        pub documents: Vec<String>,
        pub source_kinds: Vec<String>,
        /// Present (true) when the origin only denies the event.
        pub denies: Option<bool>,
    }

    /// Two claims of one event that cannot both be right.
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct Contradiction {
        /// `quantity`, `actor`, `target`, `date` or `denial`.
        pub kind: String,
        /// Claim id of one side.
        pub a: String,
        /// Claim id of the other side.
        pub b: String,
        /// What each side says.
        pub detail: String,
        pub a_origin: String,
        pub b_origin: String,
    }

    /// The first report of an event.
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct EarliestReport {
        pub doc: String,
        pub claim: String,
        pub published: Option<String>,
    }

    /// Where an event happened.
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct EventPlace {
        pub name: String,
        pub country: Option<String>,
        pub lat: Option<f64>,
        pub lon: Option<f64>,
    }

    /// A label with its count and share.
    #[allow(dead_code)]
    #[derive(ToSchema)]
    pub struct ProfileCount {
        pub label: String,
        pub count: usize,
        pub share: f64,
    }
}
