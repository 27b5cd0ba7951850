//! The claimtrace HTTP server: a JSON API over the claim store, described by
//! an OpenAPI 3 document, and the analyst web page, from one binary.
//!
//! - [`ServeConfig`]: address, token, CORS, body limit;
//! - [`AppState`]: the database connections (SQLite, used from tokio's
//!   blocking pool), the write token and the extractor for posted documents;
//! - [`router`]: every route with its security layers; [`serve`] runs it.
//!
//! Routes (all described in `/api/openapi.json`): `/api/docs`,
//! `/api/docs/{id}`, `/api/profile/{doc}`, `/api/claims` (the filters of
//! `claimtrace claims`, full-text search, pages), `/api/claims/{id}`, its
//! `review` (POST) and `reviews`, `/api/events` (the filters of
//! `claimtrace events`), `/api/events/{id}` (one event with the first page
//! of its claims, documents, origins and contradictions; each a page of its
//! own under `/api/events/{id}/claims|documents|origins|contradictions`), `/api/outlets` (with each
//! outlet's sourcing and corroboration profile), `/api/actors`,
//! `/api/network`, `POST /api/ingest` (text, HTML, a feed or JSON Lines:
//! ingested, extracted and stored like `claimtrace ingest`) and
//! `/api/export?format=csv|jsonl|geojson|gexf|claimreview` (the claim
//! filters again). Errors are JSON `{error, detail}` with a fitting status.
//! Anything outside `/api` is the page.
//!
//! Security defaults: bind 127.0.0.1; only the Host names it serves are
//! answered (DNS rebinding: others get 421); writes need the start-up token
//! (none → writes answer 403); request bodies capped; no CORS headers unless
//! an origin is given; a strict Content-Security-Policy on every response.
//!
//! Every request has a budget ([`Limits`]): search text, term and prefix
//! counts are capped (400 naming the limit); store work runs on a fixed
//! pool of workers behind a bounded queue (full: 503 `overloaded`) and is
//! interrupted past its time budget (503 `timeout`); every answer is a
//! bounded page (an event's claims, documents, origins and contradictions
//! are pages of their own).
//!
//! ```no_run
//! # async fn run() -> claimtrace_serve::Result<()> {
//! use claimtrace_serve::{AppState, ServeConfig, router};
//! let state = AppState::open(std::path::Path::new("claimtrace.db"), None)?;
//! let app = router(state, &ServeConfig::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```

mod assets;
mod error;
mod openapi;
mod params;
mod pool;
mod routes;
mod security;
mod state;
mod view;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::http::{HeaderValue, Method, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tower_http::cors::CorsLayer;
use utoipa::OpenApi;

pub use crate::assets::page_built;
pub use crate::error::{ApiError, Error, ErrorBody, Result};
pub use crate::openapi::ApiDoc;
pub use crate::security::HostCheck;
pub use crate::state::{AppState, Limits};
pub use crate::view::{ClaimView, Corroboration, ReviewStatus};

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Where to listen; loopback by default.
    pub addr: SocketAddr,
    /// Origin allowed to call the API from another site (`https://example.org`);
    /// `None`: no CORS headers at all.
    pub cors_origin: Option<String>,
    /// Largest request body accepted, in bytes (ingest uploads).
    pub max_body: usize,
    /// Host names answered besides the bound address and loopback names
    /// (`localhost`, `127.0.0.1`, `[::1]` with the port): `example.org`
    /// (any port) or `example.org:8443`. Any other `Host` gets 421.
    pub allowed_hosts: Vec<String>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            cors_origin: None,
            max_body: 20 * 1024 * 1024,
            allowed_hosts: Vec::new(),
        }
    }
}

/// Every route, with the body limit, security headers and (opt-in) CORS.
pub fn router(state: AppState, cfg: &ServeConfig) -> Result<Router> {
    let api = Router::new()
        .route("/openapi.json", get(openapi_json))
        .route("/docs", get(routes::docs::list))
        .route("/docs/{*id}", get(routes::docs::one))
        .route("/profile/{*doc}", get(routes::docs::profile))
        .route("/claims", get(routes::claims::list))
        .route("/claims/{id}", get(routes::claims::one))
        .route("/claims/{id}/review", post(routes::reviews::post))
        .route("/claims/{id}/reviews", get(routes::reviews::list))
        .route("/events", get(routes::events::list))
        .route("/events/{id}", get(routes::events::one))
        .route("/events/{id}/claims", get(routes::events::claims))
        .route(
            "/events/{id}/contradictions",
            get(routes::events::contradictions),
        )
        .route("/events/{id}/origins", get(routes::events::origins))
        .route(
            "/events/{id}/documents",
            get(routes::events::event_documents),
        )
        .route("/outlets", get(routes::catalogue::outlets))
        .route("/actors", get(routes::catalogue::actors))
        .route("/network", get(routes::network::network))
        .route("/ingest", post(routes::ingest::ingest))
        .route("/export", get(routes::export::export))
        .fallback(api_not_found)
        .method_not_allowed_fallback(api_method_not_allowed);
    let mut app = Router::new()
        .nest("/api", api)
        .fallback(assets::asset)
        .with_state(state)
        .layer(DefaultBodyLimit::max(cfg.max_body));
    if let Some(origin) = &cfg.cors_origin {
        let origin = HeaderValue::from_str(origin)
            .map_err(|e| Error::Config(format!("--cors-origin '{origin}': {e}")))?;
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION]),
        );
    }
    // Outermost: a foreign Host is refused before anything else runs, and
    // every answer, refusals too, carries the security headers.
    let hosts = std::sync::Arc::new(HostCheck::new(cfg.addr, &cfg.allowed_hosts)?);
    Ok(app
        .layer(axum::middleware::from_fn_with_state(
            hosts,
            security::check_host,
        ))
        .layer(axum::middleware::from_fn(security::headers)))
}

async fn openapi_json() -> impl IntoResponse {
    axum::Json(ApiDoc::openapi())
}

// `OriginalUri`: inside the nested router the plain URI has lost its `/api` prefix.
async fn api_not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::not_found(format!("no API route {}", uri.path()))
}

async fn api_method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on {}", uri.path()),
    )
}

/// Listen on `cfg.addr` and serve until Ctrl-C or SIGTERM.
pub async fn serve(state: AppState, cfg: &ServeConfig) -> Result<()> {
    let app = router(state, cfg)?;
    let listener = tokio::net::TcpListener::bind(cfg.addr).await?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// Ctrl-C, or SIGTERM on Unix (what service managers and scripts send). If a
/// handler cannot be installed, that signal just kills the process as usual.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
