//! Query-string parameters of the API, parsed strictly: an unknown parameter
//! or a malformed value is a 400 with a JSON error naming it, never ignored.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use claimtrace_model::{ClaimType, CorroborationLevel, Epistemic, SourceKind};
use claimtrace_store::{ClaimQuery, DocQuery, EventQuery};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use crate::error::ApiError;

/// Page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 50;
/// The largest page the API serves; the page views ask for at most this.
pub const MAX_LIMIT: usize = 5000;

/// A query string deserialised into `T`, with failures answered as JSON 400s.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(v)| Params(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// The claim filters of `claimtrace claims`, by the same names.
#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClaimParams {
    /// Words that must all occur in the sentence (`word*` prefix, `"a phrase"`).
    pub q: Option<String>,
    /// Claim type (`attack`, `arms_transfer`, ...).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub claim_type: Option<String>,
    /// Source kind (`named_person`, `media`, `author`, ...).
    pub source_kind: Option<String>,
    /// Firmness (`asserted`, `reported`, `hedged`, `denied`, `opinion`).
    pub epistemic: Option<String>,
    /// Actor, target or source name (substring, case-insensitive) or id (`UKR`).
    pub actor: Option<String>,
    /// `YYYY[-MM[-DD]]`: claims dated on or after.
    pub since: Option<String>,
    /// `YYYY[-MM[-DD]]`: claims dated on or before.
    pub until: Option<String>,
    /// Only claims of this document id.
    pub doc: Option<String>,
    /// Only claims of documents from this outlet.
    pub outlet: Option<String>,
    /// Page size (default 50, at most 5000).
    pub limit: Option<usize>,
    /// Claims to skip.
    pub offset: Option<usize>,
}

fn label<T: std::str::FromStr>(name: &str, v: &Option<String>) -> Result<Option<T>, ApiError>
where
    T::Err: std::fmt::Display,
{
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|e| ApiError::bad_request(format!("{name}: {e}"))),
    }
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// A page size within bounds; `limit=0` is refused rather than meaning "everything".
pub fn page_limit(limit: Option<usize>) -> Result<usize, ApiError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(0) => Err(ApiError::bad_request("limit must be at least 1")),
        Some(n) if n > MAX_LIMIT => Err(ApiError::bad_request(format!(
            "limit must be at most {MAX_LIMIT}"
        ))),
        Some(n) => Ok(n),
    }
}

impl ClaimParams {
    /// The store query, with labels checked (unknown labels are a 400).
    pub fn to_query(&self) -> Result<ClaimQuery, ApiError> {
        let limit = page_limit(self.limit)?;
        let offset = self.offset.unwrap_or(0);
        Ok(ClaimQuery {
            q: text(&self.q),
            claim_type: label::<ClaimType>("type", &self.claim_type)?,
            source_kind: label::<SourceKind>("source_kind", &self.source_kind)?,
            epistemic: label::<Epistemic>("epistemic", &self.epistemic)?,
            actor: text(&self.actor),
            since: text(&self.since),
            until: text(&self.until),
            doc: text(&self.doc),
            outlet: text(&self.outlet),
            limit,
            offset,
            // A page's "of N" costs at most this many matches counted; the
            // page says `total_exact: false` past it.
            count_cap: Some(COUNT_CAP.max(offset.saturating_add(limit).saturating_add(1))),
        })
    }
}

/// How many matching claims `/api/claims` counts before it reports its
/// total as a lower bound.
pub const COUNT_CAP: usize = 10_000;

/// Filters of `/api/docs` (those of `claimtrace docs`).
#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DocParams {
    /// Words that must all occur in one sentence of the document.
    pub q: Option<String>,
    /// Exact outlet, case-insensitive.
    pub outlet: Option<String>,
    /// Published on or after (`YYYY[-MM[-DD]]`).
    pub since: Option<String>,
    /// Published on or before.
    pub until: Option<String>,
    /// Page size (default 50, at most 5000).
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

impl DocParams {
    pub fn to_query(&self) -> Result<DocQuery, ApiError> {
        Ok(DocQuery {
            q: text(&self.q),
            outlet: text(&self.outlet),
            since: text(&self.since),
            until: text(&self.until),
            limit: page_limit(self.limit)?,
            offset: self.offset.unwrap_or(0),
        })
    }
}

/// Filters of `/api/events` (those of `claimtrace events`, the names of
/// [`EventQuery`]).
#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// Event type (a claim type: `attack`, `arms_transfer`, ...).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub event_type: Option<String>,
    /// Actor or target name (substring, case-insensitive).
    pub actor: Option<String>,
    /// `YYYY[-MM[-DD]]`: events whose days reach this day or later.
    pub since: Option<String>,
    /// `YYYY[-MM[-DD]]`: events whose days start on or before this day.
    pub until: Option<String>,
    /// Corroboration level (`single_source`, `corroborated`, `contested`).
    pub level: Option<String>,
    /// At least this many independent origins.
    pub min_origins: Option<usize>,
    /// Page size (default 50, at most 5000).
    pub limit: Option<usize>,
    /// Events to skip.
    pub offset: Option<usize>,
}

impl EventParams {
    /// The store query, with labels checked (unknown labels are a 400; the
    /// store refuses malformed dates, also a 400).
    pub fn to_query(&self) -> Result<EventQuery, ApiError> {
        let level = match text(&self.level) {
            None => None,
            Some(l) => Some(CorroborationLevel::parse(&l).ok_or_else(|| {
                let known: Vec<&str> = CorroborationLevel::ALL.iter().map(|l| l.as_str()).collect();
                ApiError::bad_request(format!("level: '{l}' is not one of {}", known.join(", ")))
            })?),
        };
        Ok(EventQuery {
            event_type: label::<ClaimType>("type", &self.event_type)?,
            actor: text(&self.actor),
            since: text(&self.since),
            until: text(&self.until),
            level,
            min_origins: self.min_origins.unwrap_or(0),
            limit: page_limit(self.limit)?,
            offset: self.offset.unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_checked() {
        let p = ClaimParams {
            claim_type: Some("attack".into()),
            ..Default::default()
        };
        assert_eq!(p.to_query().unwrap().claim_type, Some(ClaimType::Attack));
        let p = ClaimParams {
            claim_type: Some("attak".into()),
            ..Default::default()
        };
        let e = p.to_query().unwrap_err();
        assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
        assert!(e.detail.contains("attak"), "{}", e.detail);
        assert!(page_limit(Some(0)).is_err());
        assert!(page_limit(Some(MAX_LIMIT + 1)).is_err());
        assert_eq!(page_limit(None).unwrap(), DEFAULT_LIMIT);
    }

    #[test]
    fn event_labels_are_checked() {
        let p = EventParams {
            event_type: Some("attack".into()),
            level: Some("contested".into()),
            min_origins: Some(2),
            ..Default::default()
        };
        let q = p.to_query().unwrap();
        assert_eq!(q.event_type, Some(ClaimType::Attack));
        assert_eq!(q.level, Some(CorroborationLevel::Contested));
        assert_eq!((q.min_origins, q.limit), (2, DEFAULT_LIMIT));
        let p = EventParams {
            level: Some("confirmed".into()),
            ..Default::default()
        };
        let e = p.to_query().unwrap_err();
        assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
        assert!(e.detail.contains("confirmed"), "{}", e.detail);
    }
}
