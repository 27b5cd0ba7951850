//! `/api/outlets` and `/api/actors`: the values the page offers in its filters.
//!
//! The store has no listing for these, so they are read with two aggregate
//! queries over its documented tables (`crates/store/migrations`).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{Params, page_limit};
use crate::state::AppState;

/// An outlet and how many stored documents it has.
#[derive(Debug, Serialize, ToSchema)]
pub struct Outlet {
    pub name: String,
    pub documents: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutletList {
    pub items: Vec<Outlet>,
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

/// Outlets of the stored documents, most documents first.
#[utoipa::path(get, path = "/api/outlets", tag = "catalogue", responses((status = 200, body = OutletList)))]
pub async fn outlets(State(app): State<AppState>) -> ApiResult<Json<OutletList>> {
    app.read(|s| {
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
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(sql_err)?;
        Ok(Json(OutletList { items }))
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
