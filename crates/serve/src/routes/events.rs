//! `/api/events` and `/api/events/{id}`: what corroboration made of the
//! claims — one event per happening, with its independent origins, the
//! copies collapsed into one origin, and the contradictions between origins.

use axum::Json;
use axum::extract::{Path, State};
use claimtrace_app::resolve_event;
use claimtrace_model::{Contradiction, Event, EventClaim, Origin};
use claimtrace_store::{EventHead, SqliteStore, Store};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{EventParams, Params};
use crate::state::AppState;
use crate::view::{ClaimView, claim_views};

/// How many member claims, contradictions, origins, documents, actors and
/// targets one event shows in `/api/events/{id}` (and documents per
/// origin); the rest are read from the event's own pages.
pub const EVENT_PART_CAP: usize = 50;
/// The same, for each event of a page of `/api/events`.
pub const EVENT_LIST_CAP: usize = 5;
/// Largest page of an event's claims, contradictions, origins or documents.
pub const EVENT_PAGE_MAX: usize = 500;

/// An event as the API shows it: its lists cut to a bounded length, with
/// `totals` saying how long each is in all.
#[derive(Debug, Serialize)]
pub struct EventView {
    #[serde(flatten)]
    pub event: Event,
    pub totals: EventTotals,
}

/// How many of each part an event has in all (its lists in an answer may
/// be shorter: page through `/api/events/{id}/claims`, `/contradictions`,
/// `/origins` and `/documents`).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct EventTotals {
    pub claims: usize,
    pub contradictions: usize,
    pub documents: usize,
    pub origins: usize,
    pub actors: usize,
    pub targets: usize,
}

fn event_view(head: EventHead, cap: usize) -> EventView {
    let mut e = head.event;
    let totals = EventTotals {
        claims: head.claims_total,
        contradictions: head.contradictions_total,
        documents: e.documents.len(),
        origins: e.origins.len(),
        actors: e.actors.len(),
        targets: e.targets.len(),
    };
    e.claims.truncate(cap);
    e.contradictions.truncate(cap);
    e.documents.truncate(cap);
    e.origins.truncate(cap);
    for o in &mut e.origins {
        o.documents.truncate(cap);
    }
    e.actors.truncate(cap);
    e.targets.truncate(cap);
    EventView { event: e, totals }
}

/// A page of events (first day first, undated last) and how many match in all.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    /// Each event with at most 5 of each list (`totals` has the full counts).
    #[schema(value_type = Vec<schema::Event>)]
    pub items: Vec<EventView>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

/// One event with the first page of everything behind it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDetail {
    /// The event with at most 50 of each list (`totals` has the full counts).
    #[schema(value_type = schema::Event)]
    pub event: EventView,
    /// The first 50 member claims in joining order, as `/api/claims/{id}`
    /// gives them (each with its `corroboration`: origin, corroborated,
    /// contradicted); the rest from `/api/events/{id}/claims`. A member
    /// whose document was deleted since is left out.
    pub claims: Vec<ClaimView>,
    /// The first 50 documents in joining order, with their copy groups; the
    /// rest from `/api/events/{id}/documents`.
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

/// Paging of an event's parts.
#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PartParams {
    /// Page size (default 50, at most 500).
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

impl PartParams {
    fn bounds(&self) -> ApiResult<(usize, usize)> {
        let limit = match self.limit {
            None => EVENT_PART_CAP,
            Some(0) => return Err(ApiError::bad_request("limit must be at least 1")),
            Some(n) if n > EVENT_PAGE_MAX => {
                return Err(ApiError::bad_request(format!(
                    "limit must be at most {EVENT_PAGE_MAX}"
                )));
            }
            Some(n) => n,
        };
        Ok((limit, self.offset.unwrap_or(0)))
    }
}

/// A page of one event's member claims.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventClaimPage {
    pub items: Vec<ClaimView>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

/// A page of one event's contradictions.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContradictionPage {
    #[schema(value_type = Vec<schema::Contradiction>)]
    pub items: Vec<Contradiction>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

/// A page of one event's independent origins (each listing at most 50 documents).
#[derive(Debug, Serialize, ToSchema)]
pub struct OriginPage {
    #[schema(value_type = Vec<schema::Origin>)]
    pub items: Vec<Origin>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

/// A page of one event's documents.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDocumentPage {
    pub items: Vec<EventDocument>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

/// Events, filtered like `claimtrace events`.
#[utoipa::path(get, path = "/api/events", tag = "events", params(EventParams),
    responses((status = 200, body = EventPage), (status = 400, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "`overloaded` or `timeout` (see the API description)")))]
pub async fn list(
    State(app): State<AppState>,
    Params(p): Params<EventParams>,
) -> ApiResult<Json<EventPage>> {
    let q = p.to_query()?;
    app.read(move |s| {
        let page = s.event_heads(&q, EVENT_LIST_CAP)?;
        Ok(Json(EventPage {
            items: page
                .items
                .into_iter()
                .map(|h| event_view(h, EVENT_LIST_CAP))
                .collect(),
            total: page.total,
            limit: q.limit,
            offset: q.offset,
        }))
    })
    .await
}

/// The id of the event `id` names, by the rule of `claimtrace event`
/// ([`claimtrace_app::resolve_event`]): an event id, the id of one of its
/// claims, or an event id without its `ev:` prefix.
fn resolve(s: &SqliteStore, id: &str) -> ApiResult<String> {
    resolve_event(s, id)?.ok_or_else(|| ApiError::not_found(format!("no event with id '{id}'")))
}

fn head(s: &SqliteStore, id: &str, cap: usize) -> ApiResult<EventHead> {
    s.event_head(id, cap)?
        .ok_or_else(|| ApiError::not_found(format!("no event with id '{id}'")))
}

/// Stored claims of these members (reviews applied), as claim views.
fn member_views(s: &SqliteStore, members: &[EventClaim]) -> ApiResult<Vec<ClaimView>> {
    let mut claims = Vec::with_capacity(members.len());
    for m in members {
        if let Some(c) = s.claim(&m.claim)? {
            claims.push(c);
        }
    }
    claim_views(s, claims)
}

/// One event by id (`ev:…`), or the event of the claim with this id: the
/// first 50 of its claims, documents, origins and contradictions, and their totals.
#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "event id (`ev:…`) or the id of one of its claims")),
    responses((status = 200, body = EventDetail), (status = 404, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "`overloaded` or `timeout`")))]
pub async fn one(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EventDetail>> {
    app.read(move |s| {
        let id = resolve(s, &id)?;
        let view = event_view(head(s, &id, EVENT_PART_CAP)?, EVENT_PART_CAP);
        let claims = member_views(s, &view.event.claims)?;
        let documents = documents(s, &view.event.documents)?;
        Ok(Json(EventDetail {
            event: view,
            claims,
            documents,
        }))
    })
    .await
}

/// One page of an event's member claims, in joining order, as claim views.
#[utoipa::path(get, path = "/api/events/{id}/claims", tag = "events",
    params(("id" = String, Path, description = "event id or the id of one of its claims"), PartParams),
    responses((status = 200, body = EventClaimPage), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn claims(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Params(p): Params<PartParams>,
) -> ApiResult<Json<EventClaimPage>> {
    let (limit, offset) = p.bounds()?;
    app.read(move |s| {
        let id = resolve(s, &id)?;
        let page = s
            .event_members(&id, limit, offset)?
            .ok_or_else(|| ApiError::not_found(format!("no event with id '{id}'")))?;
        Ok(Json(EventClaimPage {
            items: member_views(s, &page.items)?,
            total: page.total,
            limit,
            offset,
        }))
    })
    .await
}

/// One page of an event's contradictions, both sides named.
#[utoipa::path(get, path = "/api/events/{id}/contradictions", tag = "events",
    params(("id" = String, Path, description = "event id or the id of one of its claims"), PartParams),
    responses((status = 200, body = ContradictionPage), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn contradictions(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Params(p): Params<PartParams>,
) -> ApiResult<Json<ContradictionPage>> {
    let (limit, offset) = p.bounds()?;
    app.read(move |s| {
        let id = resolve(s, &id)?;
        let page = s
            .event_contradictions(&id, limit, offset)?
            .ok_or_else(|| ApiError::not_found(format!("no event with id '{id}'")))?;
        Ok(Json(ContradictionPage {
            items: page.items,
            total: page.total,
            limit,
            offset,
        }))
    })
    .await
}

/// One page of an event's independent origins, most claims first.
#[utoipa::path(get, path = "/api/events/{id}/origins", tag = "events",
    params(("id" = String, Path, description = "event id or the id of one of its claims"), PartParams),
    responses((status = 200, body = OriginPage), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn origins(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Params(p): Params<PartParams>,
) -> ApiResult<Json<OriginPage>> {
    let (limit, offset) = p.bounds()?;
    app.read(move |s| {
        let id = resolve(s, &id)?;
        let all = head(s, &id, 1)?.event.origins;
        let total = all.len();
        let items = all
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|mut o| {
                o.documents.truncate(EVENT_PART_CAP);
                o
            })
            .collect();
        Ok(Json(OriginPage {
            items,
            total,
            limit,
            offset,
        }))
    })
    .await
}

/// One page of an event's documents in joining order, with their copy groups.
#[utoipa::path(get, path = "/api/events/{id}/documents", tag = "events",
    params(("id" = String, Path, description = "event id or the id of one of its claims"), PartParams),
    responses((status = 200, body = EventDocumentPage), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn event_documents(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Params(p): Params<PartParams>,
) -> ApiResult<Json<EventDocumentPage>> {
    let (limit, offset) = p.bounds()?;
    app.read(move |s| {
        let id = resolve(s, &id)?;
        let all = head(s, &id, 1)?.event.documents;
        let total = all.len();
        let ids: Vec<String> = all.into_iter().skip(offset).take(limit).collect();
        Ok(Json(EventDocumentPage {
            items: documents(s, &ids)?,
            total,
            limit,
            offset,
        }))
    })
    .await
}

/// The documents of `ids` with their copy groups ([`claimtrace_app::event_documents`]).
fn documents(s: &SqliteStore, ids: &[String]) -> Result<Vec<EventDocument>, ApiError> {
    Ok(claimtrace_app::event_documents(s, ids)?
        .into_iter()
        .map(|d| EventDocument {
            id: d.id,
            title: d.title,
            outlet: d.outlet,
            published: d.published,
            url: d.url,
            copy_group: d.copy_group,
            copy_of: d.copy_of,
        })
        .collect())
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
        /// How long each list is in all; the lists above may be cut (5 per
        /// event in `/api/events`, 50 in `/api/events/{id}`).
        pub totals: super::EventTotals,
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
        /// Documents carrying the origin's claims (every copy listed; at
        /// most 50, the event's documents page lists all).
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
