//! `/api/docs`, `/api/docs/{id}`, `/api/profile/{doc}`.

use axum::Json;
use axum::extract::{Path, State};
use claimtrace_model::Profile;
use claimtrace_store::{DocSummary, Store, StoredDocument};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{DocParams, Params};
use crate::state::AppState;

/// A page of documents. The store lists documents without counting them, so
/// `total` is exact only when no filter is set; `more` always says whether a
/// next page exists.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocPage {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<DocSummary>,
    pub total: Option<usize>,
    pub more: bool,
    pub limit: usize,
    pub offset: usize,
}

/// Stored documents, newest first.
#[utoipa::path(get, path = "/api/docs", tag = "docs", params(DocParams),
    responses((status = 200, body = DocPage), (status = 400, body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    Params(p): Params<DocParams>,
) -> ApiResult<Json<DocPage>> {
    let mut q = p.to_query()?;
    let unfiltered = q.q.is_none() && q.outlet.is_none() && q.since.is_none() && q.until.is_none();
    let (limit, offset) = (q.limit, q.offset);
    q.limit = limit + 1;
    app.read(move |s| {
        let mut items = s.documents(&q)?;
        let more = items.len() > limit;
        items.truncate(limit);
        let total = if unfiltered {
            Some(s.document_count()?)
        } else {
            None
        };
        Ok(Json(DocPage {
            items,
            total,
            more,
            limit,
            offset,
        }))
    })
    .await
}

/// One document: metadata, text and sentences (spans are UTF-8 byte offsets into `document.text`).
#[utoipa::path(get, path = "/api/docs/{id}", tag = "docs", params(("id" = String, Path, description = "document id")),
    responses((status = 200, body = Object), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<StoredDocument>> {
    app.read(move |s| {
        s.document(&id)?
            .map(Json)
            .ok_or_else(|| ApiError::not_found(format!("no document with id '{id}'")))
    })
    .await
}

/// The article sourcing profile: claims by source kind, by firmness, by type; unsourced claims; named sources.
#[utoipa::path(get, path = "/api/profile/{doc}", tag = "docs", params(("doc" = String, Path, description = "document id")),
    responses((status = 200, body = Object), (status = 404, body = ErrorBody)))]
pub async fn profile(
    State(app): State<AppState>,
    Path(doc): Path<String>,
) -> ApiResult<Json<Profile>> {
    app.read(move |s| {
        s.profile(&doc)?
            .map(Json)
            .ok_or_else(|| ApiError::not_found(format!("no document with id '{doc}'")))
    })
    .await
}
