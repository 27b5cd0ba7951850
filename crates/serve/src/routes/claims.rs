//! `/api/claims` and `/api/claims/{id}`.

use axum::Json;
use axum::extract::{Path, State};
use claimtrace_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{ClaimParams, Params};
use crate::state::AppState;
use crate::view::{ClaimView, claim_views};

/// A page of claims and how many match in all.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimPage {
    pub items: Vec<ClaimView>,
    /// Matches in all; a lower bound when `total_exact` is false (counting
    /// stops at 10,000 or just past the page, whichever is more).
    pub total: usize,
    pub total_exact: bool,
    pub limit: usize,
    pub offset: usize,
}

/// Search and filter claims (the filters of `claimtrace claims`).
#[utoipa::path(get, path = "/api/claims", tag = "claims", params(ClaimParams),
    responses((status = 200, body = ClaimPage), (status = 400, body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    Params(p): Params<ClaimParams>,
) -> ApiResult<Json<ClaimPage>> {
    let q = p.to_query()?;
    app.read(move |s| {
        let page = s.claims(&q)?;
        Ok(Json(ClaimPage {
            total: page.total,
            total_exact: page.total_exact,
            limit: q.limit,
            offset: q.offset,
            items: claim_views(s, page.items)?,
        }))
    })
    .await
}

/// One claim by its stable id, reviews applied.
#[utoipa::path(get, path = "/api/claims/{id}", tag = "claims", params(("id" = String, Path, description = "claim id")),
    responses((status = 200, body = ClaimView), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<ClaimView>> {
    app.read(move |s| {
        let claim = s
            .claim(&id)?
            .ok_or_else(|| ApiError::not_found(format!("no claim with id '{id}'")))?;
        claim_views(s, vec![claim])?
            .pop()
            .map(Json)
            .ok_or_else(|| ApiError::internal("claim view lost"))
    })
    .await
}
