//! Errors of the server, and how each becomes an HTTP response: always a JSON
//! body `{"error": code, "detail": text}` with a fitting status.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// Everything that can go wrong while starting or serving.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The listening socket could not be bound or served.
    #[error("server I/O: {0}")]
    Io(#[from] std::io::Error),
    /// The configuration is unusable (bad CORS origin, address).
    #[error("configuration: {0}")]
    Config(String),
    /// The database could not be opened.
    #[error("database: {0}")]
    Database(String),
}

/// The server's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The JSON body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable, machine-readable code (`bad_request`, `not_found`, `unauthorized`, ...).
    pub error: &'static str,
    /// What went wrong, for people.
    pub detail: String,
}

/// An error answered to an API client.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            detail: detail.into(),
        }
    }
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", detail)
    }
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", detail)
    }
    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", detail)
    }
    /// A request body axum refused (too large, not JSON, wrong shape), keeping its status.
    pub fn rejected(status: StatusCode, detail: impl Into<String>) -> Self {
        let code = match status {
            StatusCode::PAYLOAD_TOO_LARGE => "too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            StatusCode::UNPROCESSABLE_ENTITY => "invalid_body",
            _ => "bad_request",
        };
        Self::new(status, code, detail)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (
            self.status,
            Json(ErrorBody {
                error: self.code,
                detail: self.detail,
            }),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

/// The API's handler result type.
pub type ApiResult<T> = std::result::Result<T, ApiError>;

impl From<claimtrace_store::Error> for ApiError {
    fn from(e: claimtrace_store::Error) -> Self {
        use claimtrace_store::Error as S;
        if e.is_interrupted() {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                "the request did not finish within its time budget; narrow it \
                 (filters, fewer search words, a smaller page)",
            );
        }
        if e.is_busy() {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                format!("the database is locked by another writer; retry shortly ({e})"),
            );
        }
        match &e {
            S::NotFound { .. } => ApiError::not_found(e.to_string()),
            S::InvalidQuery(_) | S::InvalidReview { .. } => ApiError::bad_request(e.to_string()),
            S::InvalidInput { .. } => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_document",
                e.to_string(),
            ),
            S::IdTaken { .. } => ApiError::new(StatusCode::CONFLICT, "id_taken", e.to_string()),
            _ => ApiError::internal(e.to_string()),
        }
    }
}

impl From<claimtrace_export::ExportError> for ApiError {
    fn from(e: claimtrace_export::ExportError) -> Self {
        match e {
            // A store error keeps its own answer (timeout, busy, ...).
            claimtrace_export::ExportError::Store(s) => ApiError::from(s),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<claimtrace_app::AppError> for ApiError {
    fn from(e: claimtrace_app::AppError) -> Self {
        use claimtrace_app::AppError as A;
        match e {
            // Store and export errors keep their own answers (timeout, busy, ...).
            A::Store(s) => ApiError::from(s),
            A::Export(x) => ApiError::from(x),
            other => ApiError::internal(other.to_string()),
        }
    }
}
