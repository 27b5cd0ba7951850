//! `POST /api/ingest`: a posted article (plain text, HTML, a feed or JSON
//! Lines) is read, extracted, stored and corroborated by the jobs
//! `claimtrace ingest` runs ([`claimtrace_app::read_upload`],
//! [`claimtrace_app::ingest_batch`]), so its claims join events as the
//! command line's do.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{StatusCode, header};
use claimtrace_app::{CorroboratorConfig, DocumentOutcome, Extracted, ingest_batch, read_upload};
use claimtrace_ingest::InputFormat;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::params::Params;
use crate::security::authorize;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IngestParams {
    /// A file name for the upload (`article.html`): it becomes the document id
    /// when the content gives none, and its extension helps detect the format.
    /// Without it, such documents are named by their content hash.
    pub name: Option<String>,
    /// `text`, `html`, `feed` or `jsonl`; overrides the Content-Type. Without
    /// either, the format is detected from the content.
    pub format: Option<String>,
}

/// One document of an upload and what became of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestedDocument {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// `new` (stored now) or `already_stored` (the same text was stored before, under `id`).
    pub status: &'static str,
    /// Claims stored for the document.
    pub claims: usize,
}

/// What an upload did. Inputs that could not be read are listed in `errors`,
/// one line each; the others are stored regardless.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestResult {
    pub documents: Vec<IngestedDocument>,
    pub errors: Vec<String>,
    pub new: usize,
    pub already_stored: usize,
    pub failed: usize,
    /// Claims stored by this upload.
    pub claims: usize,
}

/// The format a request names, by `?format=` or else by Content-Type.
fn format_hint(p: &IngestParams, content_type: Option<&str>) -> ApiResult<Option<InputFormat>> {
    if let Some(f) = p.format.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        return InputFormat::parse(&f.to_ascii_lowercase())
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "format: '{f}' is not one of text, html, feed, jsonl"
                ))
            });
    }
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    Ok(match mime.as_str() {
        "text/plain" | "text/markdown" => Some(InputFormat::Text),
        "text/html" | "application/xhtml+xml" => Some(InputFormat::Html),
        "application/x-ndjson"
        | "application/jsonl"
        | "application/json-lines"
        | "application/x-jsonlines" => Some(InputFormat::Jsonl),
        "application/rss+xml" | "application/atom+xml" | "application/feed+json" => {
            Some(InputFormat::Feed)
        }
        // Anything else (application/octet-stream, a form post, none): detect.
        _ => None,
    })
}

/// A file name safe to use as a document id: its last path component, printable, at most 200 bytes.
fn upload_name(name: Option<&str>) -> ApiResult<String> {
    let Some(raw) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(String::new());
    };
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw).trim();
    if base.is_empty()
        || base == "."
        || base == ".."
        || base.len() > 200
        || base.chars().any(char::is_control)
    {
        return Err(ApiError::bad_request(format!(
            "name: '{raw}' is not a usable file name (1-200 printable bytes)"
        )));
    }
    Ok(base.to_string())
}

/// Ingest a posted document (needs the server token). The body is the
/// document itself: plain text (optionally with a `---` front-matter block),
/// an HTML page, an RSS/Atom feed or JSON Lines (one document per line).
#[utoipa::path(post, path = "/api/ingest", tag = "ingest", params(IngestParams),
    request_body(description = "The document: text, HTML, a feed or JSON Lines", content(
        ("text/plain"), ("text/html"), ("application/x-ndjson"), ("application/rss+xml"), ("application/atom+xml")
    )),
    security(("token" = [])),
    responses(
        (status = 201, body = IngestResult, description = "at least one document was stored"),
        (status = 200, body = IngestResult, description = "every document was stored before"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody, description = "body larger than the server's limit"),
        (status = 422, body = ErrorBody, description = "no document could be read from the body")))]
pub async fn ingest(
    State(app): State<AppState>,
    Params(p): Params<IngestParams>,
    req: Request,
) -> ApiResult<(StatusCode, Json<IngestResult>)> {
    // The token is checked before the body is read: an unauthorised client
    // cannot make the server buffer an upload.
    authorize(app.token(), req.headers())?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let hint = format_hint(&p, content_type.as_deref())?;
    let name = upload_name(p.name.as_deref())?;
    let body = Bytes::from_request(req, &())
        .await
        .map_err(|e| ApiError::rejected(e.status(), e.body_text()))?;
    if body.is_empty() {
        return Err(ApiError::bad_request(
            "empty body: post the document's text, HTML or JSON Lines",
        ));
    }
    // Parse and extract outside the writer lock: only storing needs it. The
    // extractor is built on the first upload (it loads the lexicons), also
    // off the async threads.
    let state = app.clone();
    let upload = app
        .blocking(move || Ok(read_upload(&*state.extractor()?, &name, &body, hint)))
        .await?;
    if upload.documents.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_document",
            if upload.errors.is_empty() {
                "no document in the body".to_string()
            } else {
                upload.errors.join("; ")
            },
        ));
    }
    app.write(move |s, _| store_all(s, &upload.documents, upload.errors))
        .await
}

/// Store and corroborate the documents of an upload, and say what became of each.
fn store_all(
    s: &mut dyn claimtrace_store::Store,
    extracted: &[Extracted],
    mut errors: Vec<String>,
) -> ApiResult<(StatusCode, Json<IngestResult>)> {
    let report = ingest_batch(s, extracted, Some(&CorroboratorConfig::default()))?;
    let mut documents = Vec::new();
    for (outcome, e) in report.outcomes.into_iter().zip(extracted) {
        let (id, status, claims) = match outcome {
            DocumentOutcome::New { doc_id, claims } => (doc_id, "new", claims),
            DocumentOutcome::AlreadyStored { doc_id, claims } => (doc_id, "already_stored", claims),
            DocumentOutcome::Failed(msg) => {
                errors.push(msg);
                continue;
            }
        };
        let doc = &e.document;
        documents.push(IngestedDocument {
            id,
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            published: doc.published.clone(),
            status,
            claims,
        });
    }
    if documents.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_document",
            errors.join("; "),
        ));
    }
    let status = if report.new > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(IngestResult {
            failed: errors.len(),
            documents,
            errors,
            new: report.new,
            already_stored: report.already_stored,
            claims: report.claims,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_and_names() {
        let p = IngestParams::default();
        assert_eq!(
            format_hint(&p, Some("text/html; charset=utf-8")).unwrap(),
            Some(InputFormat::Html)
        );
        assert_eq!(
            format_hint(&p, Some("application/x-ndjson")).unwrap(),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(format_hint(&p, None).unwrap(), None);
        let p = IngestParams {
            format: Some("JSONL".into()),
            ..Default::default()
        };
        assert_eq!(
            format_hint(&p, Some("text/plain")).unwrap(),
            Some(InputFormat::Jsonl)
        );
        let p = IngestParams {
            format: Some("pdf".into()),
            ..Default::default()
        };
        assert!(format_hint(&p, None).is_err());
        assert_eq!(upload_name(Some("../../etc/a.txt")).unwrap(), "a.txt");
        assert_eq!(upload_name(None).unwrap(), "");
        assert!(upload_name(Some("..")).is_err());
        assert!(upload_name(Some("a\nb")).is_err());
    }
}
