//! `POST /api/claims/{id}/review` and the audit trail `/api/claims/{id}/reviews`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use claimtrace_store::{Review, ReviewAction, Store};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::security::authorize;
use crate::state::AppState;

/// A review as posted: who, what, and for a correction the field and its new value.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    /// The reviewer's name, kept in the audit trail.
    pub who: String,
    /// `confirm`, `reject` or `correct`.
    pub action: String,
    /// For `correct`: the JSON path of the field (`type`, `source.kind`, `actor.name`, `date.value`, ...).
    pub field: Option<String>,
    /// For `correct`: the new value as text.
    pub new_value: Option<String>,
    pub note: Option<String>,
}

/// The audit trail of a claim, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewList {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Review>,
}

/// Confirm, reject or correct a claim (needs the server token). The store records who and when.
#[utoipa::path(post, path = "/api/claims/{id}/review", tag = "review",
    params(("id" = String, Path, description = "claim id")), request_body = ReviewRequest,
    security(("token" = [])),
    responses((status = 201, body = Object, description = "the stored review"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 413, body = ErrorBody, description = "body larger than the server's limit")))]
pub async fn post(
    State(app): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<ReviewRequest>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<Review>)> {
    authorize(app.token(), &headers)?;
    let Json(req) = body.map_err(|e| ApiError::rejected(e.status(), e.body_text()))?;
    let who = req.who.trim().to_string();
    if who.is_empty() || who.len() > 200 {
        return Err(ApiError::bad_request(
            "who: give the reviewer's name (1-200 bytes)",
        ));
    }
    let action: ReviewAction = req.action.parse()?;
    if action == ReviewAction::Correct && (req.field.is_none() || req.new_value.is_none()) {
        return Err(ApiError::bad_request(
            "a correction needs field and new_value",
        ));
    }
    let review = Review {
        claim_id: id.clone(),
        who,
        at: None,
        action,
        field: req.field.filter(|_| action == ReviewAction::Correct),
        old_value: None,
        new_value: req.new_value.filter(|_| action == ReviewAction::Correct),
        note: req.note.filter(|n| !n.trim().is_empty()),
    };
    app.write(move |s, _| {
        if s.claim(&id)?.is_none() {
            return Err(ApiError::not_found(format!("no claim with id '{id}'")));
        }
        s.review(&review)?;
        // The store fills `at` and `old_value`; answer with the stored entry.
        let stored = s
            .reviews(&id)?
            .pop()
            .ok_or_else(|| ApiError::internal("review not stored"))?;
        Ok((StatusCode::CREATED, Json(stored)))
    })
    .await
}

/// Who reviewed a claim, when, and what they did.
#[utoipa::path(get, path = "/api/claims/{id}/reviews", tag = "review",
    params(("id" = String, Path, description = "claim id")),
    responses((status = 200, body = ReviewList), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<ReviewList>> {
    app.read(move |s| {
        let items = s.reviews(&id)?;
        if items.is_empty() && s.claim(&id)?.is_none() {
            return Err(ApiError::not_found(format!("no claim with id '{id}'")));
        }
        Ok(Json(ReviewList { items }))
    })
    .await
}
