//! `GET /api/export`: the claims matching the `/api/claims` filters as CSV,
//! JSON Lines, GeoJSON, GEXF or schema.org ClaimReview, the way
//! `claimtrace export` writes them.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use claimtrace_export::{ExportError, ExportFormat, ExportOptions};
use claimtrace_store::Store;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::{ClaimParams, Params};
use crate::state::AppState;

/// The most claims one export request returns.
pub const MAX_EXPORT: usize = 100_000;

/// The export format and the claim filters of `/api/claims`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv`, `jsonl`, `geojson` (QGIS), `gexf` (Gephi), `claimreview`
    /// (schema.org JSON-LD); `parquet` only when built with that feature.
    pub format: String,
    /// Words that must all occur in the sentence.
    pub q: Option<String>,
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub claim_type: Option<String>,
    pub source_kind: Option<String>,
    pub epistemic: Option<String>,
    pub actor: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub doc: Option<String>,
    pub outlet: Option<String>,
    /// At most this many claims (default: every matching claim; at most 100,000 per request).
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    /// `true`: start the CSV with a UTF-8 byte-order mark, so Excel reads
    /// accented names right (CSV only; 400 for other formats).
    pub bom: Option<bool>,
}

/// The matching claims in an export format, as a download.
#[utoipa::path(get, path = "/api/export", tag = "export", params(ExportParams),
    responses(
        (status = 200, description = "the export file", content(
            ("text/csv"), ("application/x-ndjson"), ("application/geo+json"), ("application/gexf+xml"), ("application/ld+json"))),
        (status = 400, body = ErrorBody, description = "a bad filter or format, or more than 100,000 claims match and no limit was given (`too_many`)"),
        (status = 501, body = ErrorBody, description = "the format needs a cargo feature this build lacks")))]
pub async fn export(
    State(app): State<AppState>,
    Params(p): Params<ExportParams>,
) -> ApiResult<Response> {
    let format: ExportFormat = p
        .format
        .parse()
        .map_err(|e: ExportError| ApiError::bad_request(format!("format: {e}")))?;
    if !format.is_available() {
        return Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "format_unavailable",
            format!(
                "export format '{format}' needs claimtrace built with the cargo feature 'parquet'"
            ),
        ));
    }
    let opts = ExportOptions {
        bom: p.bom.unwrap_or(false),
    };
    if opts.bom && format != ExportFormat::Csv {
        return Err(ApiError::bad_request(format!(
            "bom: a byte-order mark is for format=csv only, not {format}"
        )));
    }
    let filters = ClaimParams {
        q: p.q,
        claim_type: p.claim_type,
        source_kind: p.source_kind,
        epistemic: p.epistemic,
        actor: p.actor,
        since: p.since,
        until: p.until,
        doc: p.doc,
        outlet: p.outlet,
        limit: Some(1),
        offset: p.offset,
    };
    let mut q = filters.to_query()?;
    // An export takes everything unless told otherwise, up to MAX_EXPORT:
    // the whole export is built in memory, so a click on "export" over a
    // million claims must not take the server's memory with it.
    q.limit = match p.limit {
        Some(0) => return Err(ApiError::bad_request("limit must be at least 1")),
        Some(n) if n > MAX_EXPORT => {
            return Err(ApiError::bad_request(format!(
                "limit must be at most {MAX_EXPORT}"
            )));
        }
        Some(n) => n,
        None => MAX_EXPORT + 1,
    };
    let asked = p.limit.is_some();
    let data = app
        .read(move |s| {
            let claims = s.claims(&q)?.items;
            if !asked && claims.len() > MAX_EXPORT {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "too_many",
                    format!(
                        "more than {MAX_EXPORT} claims match: narrow the filters, export in \
                         pages with limit and offset, or use `claimtrace export`"
                    ),
                ));
            }
            Ok(claimtrace_app::claims_export(s, claims, format)?)
        })
        .await?;
    let (bytes, stats) = app
        .blocking(move || {
            let mut out = Vec::new();
            let stats = claimtrace_export::export_with(format, &data, &mut out, opts)
                .map_err(|e| ApiError::internal(e.to_string()))?;
            Ok((out, stats))
        })
        .await?;
    let mut res = Response::new(Body::from(bytes));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.media_type()),
    );
    let disposition = format!(
        "attachment; filename=\"claimtrace-claims.{}\"",
        format.extension()
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert("x-claimtrace-records", HeaderValue::from(stats.records));
    h.insert("x-claimtrace-skipped", HeaderValue::from(stats.skipped));
    Ok(res)
}
