//! `/api/outlets` and `/api/actors`: the values the page offers in its
//! filters; each outlet with its sourcing and corroboration profile.
//!
//! Both are the store's aggregates (`Store::outlet_counts`,
//! `Store::actor_counts`); the outlet profiles are the store's too
//! (`claimtrace outlets`).

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use claimtrace_store::{Store, UNKNOWN_OUTLET};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::routes::events::schema::ProfileCount;

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{Params, page_limit};
use crate::state::AppState;

/// How many outlets `/api/outlets` lists at most.
const MAX_OUTLETS: usize = 1000;

/// An outlet, how many stored documents it has, and its profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct Outlet {
    pub name: String,
    pub documents: usize,
    /// The outlet's claims by source kind and firmness, and how often its
    /// claims in events are corroborated by another origin or contradicted
    /// (as `claimtrace outlets`).
    #[schema(value_type = Option<OutletProfile>)]
    pub profile: Option<claimtrace_model::OutletProfile>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutletList {
    pub items: Vec<Outlet>,
    /// The profile of the documents with no outlet, when there are any.
    #[schema(value_type = Option<OutletProfile>)]
    pub unknown: Option<claimtrace_model::OutletProfile>,
}

/// An outlet's sourcing and track record ([`claimtrace_model::OutletProfile`]).
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct OutletProfile {
    /// The documents' outlet, or `(unknown)`.
    pub outlet: String,
    pub documents: usize,
    pub claims: usize,
    /// One row per source kind, in contract order.
    pub by_source_kind: Vec<ProfileCount>,
    /// One row per firmness label, in contract order.
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

/// An actor or target name (with its id when known) and how many claims name it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Actor {
    pub name: String,
    pub id: Option<String>,
    pub claims: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActorList {
    pub items: Vec<Actor>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActorParams {
    /// Only names containing this (case-insensitive).
    pub q: Option<String>,
    /// At most this many, most frequent first (default 50).
    pub limit: Option<usize>,
}

/// A failed catalogue read: a 500 whose detail is the store's message
/// (these reads have always answered so, even past the request deadline).
fn store_err(e: claimtrace_store::Error) -> ApiError {
    ApiError::internal(e.to_string())
}

/// Outlets of the stored documents, most documents first, each with its
/// sourcing and corroboration profile.
#[utoipa::path(get, path = "/api/outlets", tag = "catalogue", responses((status = 200, body = OutletList)))]
pub async fn outlets(State(app): State<AppState>) -> ApiResult<Json<OutletList>> {
    app.read(|s| {
        let mut profiles: HashMap<String, claimtrace_model::OutletProfile> = s
            .outlet_profiles()?
            .into_iter()
            .map(|p| (p.outlet.clone(), p))
            .collect();
        let items = s
            .outlet_counts(MAX_OUTLETS)
            .map_err(store_err)?
            .into_iter()
            .map(|c| Outlet {
                profile: profiles.remove(&c.outlet),
                name: c.outlet,
                documents: c.documents,
            })
            .collect();
        let unknown = profiles.remove(UNKNOWN_OUTLET);
        Ok(Json(OutletList { items, unknown }))
    })
    .await
}

/// Actors and targets named in claims, most claims first.
#[utoipa::path(get, path = "/api/actors", tag = "catalogue", params(ActorParams),
    responses((status = 200, body = ActorList), (status = 400, body = ErrorBody)))]
pub async fn actors(
    State(app): State<AppState>,
    Params(p): Params<ActorParams>,
) -> ApiResult<Json<ActorList>> {
    let limit = page_limit(p.limit)?;
    let contains = p.q.unwrap_or_default();
    app.read(move |s| {
        let items = s
            .actor_counts(&contains, limit)
            .map_err(store_err)?
            .into_iter()
            .map(|a| Actor {
                name: a.name,
                id: a.id,
                claims: a.claims,
            })
            .collect();
        Ok(Json(ActorList { items }))
    })
    .await
}
