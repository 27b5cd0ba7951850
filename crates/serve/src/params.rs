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
    /// At most 500 bytes, 12 words and 2 prefix terms of 3 or more letters
    /// (else 400 `query_too_long`, `too_many_terms`, `too_many_prefixes`,
    /// `prefix_too_short`). Every other text parameter: at most 200 bytes
    /// (400 `param_too_long`).
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

/// Longest search text (`q`) accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 500;
/// Most words a search may have (each word is one full-text lookup).
pub const MAX_TERMS: usize = 12;
/// Most prefix terms (`word*`) a search may have: each one reads every
/// indexed word it begins.
pub const MAX_PREFIX_TERMS: usize = 2;
/// Fewest letters or digits before a `*`.
pub const MIN_PREFIX_CHARS: usize = 3;
/// Longest value of any other text parameter (names, outlets, ids, dates), in bytes.
pub const MAX_PARAM_BYTES: usize = 200;

fn limit_error(code: &'static str, detail: String) -> ApiError {
    ApiError::new(axum::http::StatusCode::BAD_REQUEST, code, detail)
}

/// A text parameter, trimmed, `None` when empty, refused past [`MAX_PARAM_BYTES`].
fn text_param(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    let Some(t) = v.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    if t.len() > MAX_PARAM_BYTES {
        return Err(limit_error(
            "param_too_long",
            format!(
                "{name} is {} bytes long; at most {MAX_PARAM_BYTES} are accepted",
                t.len()
            ),
        ));
    }
    Ok(Some(t.to_string()))
}

/// The search text, checked against the search limits: [`MAX_QUERY_BYTES`],
/// [`MAX_TERMS`] words, [`MAX_PREFIX_TERMS`] prefix terms of at least
/// [`MIN_PREFIX_CHARS`] characters. Words are counted the way the full-text
/// index splits them (letters and digits).
pub fn search_text(v: &Option<String>) -> Result<Option<String>, ApiError> {
    let Some(q) = v.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    if q.len() > MAX_QUERY_BYTES {
        return Err(limit_error(
            "query_too_long",
            format!(
                "q is {} bytes long; a search takes at most {MAX_QUERY_BYTES}",
                q.len()
            ),
        ));
    }
    let words = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    if words > MAX_TERMS {
        return Err(limit_error(
            "too_many_terms",
            format!("q has {words} words; a search takes at most {MAX_TERMS}"),
        ));
    }
    let prefixes: Vec<&str> = q
        .split_whitespace()
        .filter_map(|t| t.strip_suffix('*'))
        // A `*` after no letters searches nothing (the query drops it).
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .collect();
    if prefixes.len() > MAX_PREFIX_TERMS {
        return Err(limit_error(
            "too_many_prefixes",
            format!(
                "q has {} prefix terms (word*); a search takes at most {MAX_PREFIX_TERMS}",
                prefixes.len()
            ),
        ));
    }
    if let Some(short) = prefixes.iter().find(|p| {
        let last = p
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        last.chars().count() < MIN_PREFIX_CHARS
    }) {
        return Err(limit_error(
            "prefix_too_short",
            format!(
                "'{short}*' is too short a prefix: at least {MIN_PREFIX_CHARS} letters before the *"
            ),
        ));
    }
    Ok(Some(q.to_string()))
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
            q: search_text(&self.q)?,
            claim_type: label::<ClaimType>("type", &self.claim_type)?,
            source_kind: label::<SourceKind>("source_kind", &self.source_kind)?,
            epistemic: label::<Epistemic>("epistemic", &self.epistemic)?,
            actor: text_param("actor", &self.actor)?,
            since: text_param("since", &self.since)?,
            until: text_param("until", &self.until)?,
            doc: text_param("doc", &self.doc)?,
            outlet: text_param("outlet", &self.outlet)?,
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
    /// Words that must all occur in one sentence of the document (the
    /// search limits of `/api/claims`).
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
            q: search_text(&self.q)?,
            outlet: text_param("outlet", &self.outlet)?,
            since: text_param("since", &self.since)?,
            until: text_param("until", &self.until)?,
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
        let level = match text_param("level", &self.level)? {
            None => None,
            Some(l) => Some(CorroborationLevel::parse(&l).ok_or_else(|| {
                let known: Vec<&str> = CorroborationLevel::ALL.iter().map(|l| l.as_str()).collect();
                ApiError::bad_request(format!("level: '{l}' is not one of {}", known.join(", ")))
            })?),
        };
        Ok(EventQuery {
            event_type: label::<ClaimType>("type", &self.event_type)?,
            actor: text_param("actor", &self.actor)?,
            since: text_param("since", &self.since)?,
            until: text_param("until", &self.until)?,
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
    fn search_limits_name_the_limit() {
        let q = |s: &str| search_text(&Some(s.to_string()));
        assert_eq!(
            q("drones Port Sudan").unwrap().as_deref(),
            Some("drones Port Sudan")
        );
        assert_eq!(q("  ").unwrap(), None);
        assert!(q("\"drone strike\" kharkiv dron*").is_ok());
        let code = |s: &str| q(s).unwrap_err().code;
        assert_eq!(code(&"drone ".repeat(10_000)), "query_too_long");
        assert_eq!(code(&"w ".repeat(13)), "too_many_terms");
        assert_eq!(code("dro* kha* sud*"), "too_many_prefixes");
        assert_eq!(code("d*"), "prefix_too_short");
        assert!(q("NEAR(\"a\" OR *").is_ok());
        let e = q(&"x".repeat(501)).unwrap_err();
        assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
        assert!(e.detail.contains("500"), "{}", e.detail);
        let p = ClaimParams {
            actor: Some("a".repeat(201)),
            ..Default::default()
        };
        assert_eq!(p.to_query().unwrap_err().code, "param_too_long");
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
