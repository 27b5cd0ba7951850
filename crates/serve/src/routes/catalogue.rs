//! `/api/outlets` and `/api/actors`: the values the page offers in its
//! filters; each outlet with its sourcing and corroboration profile.
//!
//! The store has no listing for these, so they are read with two aggregate
//! queries over its documented tables (`crates/store/migrations`); the
//! outlet profiles are the store's (`claimtrace outlets`).

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

fn sql_err(e: rusqlite::Error) -> ApiError {
    ApiError::internal(format!("sqlite: {e}"))
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
        let mut st = s
            .connection()
            .prepare_cached(
                "SELECT outlet, COUNT(*) FROM documents WHERE outlet IS NOT NULL AND outlet <> '' \
                 GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT 1000",
            )
            .map_err(sql_err)?;
        let items = st
            .query_map([], |r| {
                Ok(Outlet {
                    name: r.get(0)?,
                    documents: r.get::<_, i64>(1)?.try_into().unwrap_or(0),
                    profile: None,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<Outlet>, _>>())
            .map_err(sql_err)?
            .into_iter()
            .map(|mut o| {
                o.profile = profiles.remove(&o.name);
                o
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
    let limit = i64::try_from(page_limit(p.limit)?).unwrap_or(i64::MAX);
    let pattern = format!(
        "%{}%",
        p.q.unwrap_or_default()
            .to_lowercase()
            .replace(['%', '_'], "")
    );
    app.read(move |s| {
        let mut st = s
            .connection()
            .prepare_cached(
                "SELECT name, id, SUM(n) FROM ( \
                   SELECT actor_name AS name, actor_id AS id, COUNT(*) AS n FROM claims \
                     WHERE actor_name IS NOT NULL GROUP BY actor_name, actor_id \
                   UNION ALL \
                   SELECT target_name, target_id, COUNT(*) FROM claims \
                     WHERE target_name IS NOT NULL GROUP BY target_name, target_id) \
                 WHERE lower(name) LIKE ?1 GROUP BY name, id ORDER BY SUM(n) DESC, name LIMIT ?2",
            )
            .map_err(sql_err)?;
        let items = st
            .query_map(rusqlite::params![pattern, limit], |r| {
                Ok(Actor {
                    name: r.get(0)?,
                    id: r.get(1)?,
                    claims: r.get::<_, i64>(2)?.try_into().unwrap_or(0),
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(sql_err)?;
        Ok(Json(ActorList { items }))
    })
    .await
}
