//! Table and column names that other code (exports, corroboration, ad-hoc
//! SQL) may rely on, and the query columns derived from a claim.
//!
//! The full schema with its meaning is in `SCHEMA.md`; a test checks that
//! every name here exists in the migrated database.

use claimtrace_model::{Claim, DateRef};

/// `documents`: one row per stored document (unique `id`, unique `hash`).
pub mod documents {
    pub const TABLE: &str = "documents";
    pub const ID: &str = "id";
    pub const HASH: &str = "hash";
    pub const TITLE: &str = "title";
    pub const URL: &str = "url";
    pub const OUTLET: &str = "outlet";
    pub const PUBLISHED: &str = "published";
    pub const LANG: &str = "lang";
    pub const AUTHOR: &str = "author";
    pub const FORMAT: &str = "format";
    pub const ORIGIN: &str = "origin";
    pub const TEXT: &str = "text";
    pub const INGESTED_AT: &str = "ingested_at";
}

/// `sentences`: the tiles of each document's text (byte offsets).
pub mod sentences {
    pub const TABLE: &str = "sentences";
    pub const DOC: &str = "doc";
    pub const IDX: &str = "idx";
    pub const SPAN_START: &str = "span_start";
    pub const SPAN_END: &str = "span_end";
    pub const TRIM_START: &str = "trim_start";
    pub const TRIM_END: &str = "trim_end";
}

/// `claims`: one row per claim; `json` is the claim as extracted.
pub mod claims {
    pub const TABLE: &str = "claims";
    pub const ID: &str = "id";
    pub const DOC: &str = "doc";
    pub const SENTENCE_INDEX: &str = "sentence_index";
    pub const SPAN_START: &str = "span_start";
    pub const SPAN_END: &str = "span_end";
    pub const TYPE: &str = "type";
    pub const PLOVER_EVENT: &str = "plover_event";
    pub const EPISTEMIC: &str = "epistemic";
    pub const SOURCE_KIND: &str = "source_kind";
    pub const SOURCE_NAME: &str = "source_name";
    pub const ACTOR_NAME: &str = "actor_name";
    pub const ACTOR_ID: &str = "actor_id";
    pub const TARGET_NAME: &str = "target_name";
    pub const TARGET_ID: &str = "target_id";
    pub const DATE_VALUE: &str = "date_value";
    pub const DATE_START: &str = "date_start";
    pub const DATE_END: &str = "date_end";
    pub const PLACE_NAME: &str = "place_name";
    pub const COUNTRY: &str = "country";
    pub const LAT: &str = "lat";
    pub const LON: &str = "lon";
    pub const SENTENCE: &str = "sentence";
    pub const JSON: &str = "json";
}

/// `reviews`: the audit trail, keyed on the stable claim id.
pub mod reviews {
    pub const TABLE: &str = "reviews";
    pub const CLAIM_ID: &str = "claim_id";
    pub const WHO: &str = "who";
    pub const AT: &str = "at";
    pub const ACTION: &str = "action";
    pub const FIELD: &str = "field";
    pub const OLD_VALUE: &str = "old_value";
    pub const NEW_VALUE: &str = "new_value";
    pub const NOTE: &str = "note";
}

/// `doc_signatures`: one row per corroborated document (MinHash and copy group).
pub mod doc_signatures {
    pub const TABLE: &str = "doc_signatures";
    pub const DOC: &str = "doc";
    pub const SHINGLES: &str = "shingles";
    pub const SIGNATURE: &str = "signature";
    pub const COPY_GROUP: &str = "copy_group";
}

/// `events`: one row per event; `json` is the event without its claims.
pub mod events {
    pub const TABLE: &str = "events";
    pub const SEQ: &str = "seq";
    pub const ID: &str = "id";
    pub const TYPE: &str = "type";
    pub const LABEL: &str = "label";
    pub const DATE_START: &str = "date_start";
    pub const DATE_END: &str = "date_end";
    pub const PLACE_NAME: &str = "place_name";
    pub const COUNTRY: &str = "country";
    pub const INDEPENDENT_ORIGINS: &str = "independent_origins";
    pub const REPORTS: &str = "reports";
    pub const DOCUMENTS: &str = "documents";
    pub const CONTRADICTIONS: &str = "contradictions";
    pub const LEVEL: &str = "level";
    pub const JSON: &str = "json";
}

/// `event_claims`: the members of each event in joining order.
pub mod event_claims {
    pub const TABLE: &str = "event_claims";
    pub const EVENT_SEQ: &str = "event_seq";
    pub const POSITION: &str = "position";
    pub const CLAIM_ID: &str = "claim_id";
    pub const DOC: &str = "doc";
    pub const ORIGIN: &str = "origin";
    pub const EPISTEMIC: &str = "epistemic";
    pub const CORROBORATED: &str = "corroborated";
    pub const CONTRADICTED: &str = "contradicted";
}

/// `contradictions`: both sides of each contradiction with their origins.
pub mod contradictions {
    pub const TABLE: &str = "contradictions";
    pub const EVENT_SEQ: &str = "event_seq";
    pub const KIND: &str = "kind";
    pub const CLAIM_A: &str = "claim_a";
    pub const CLAIM_B: &str = "claim_b";
    pub const DETAIL: &str = "detail";
    pub const ORIGIN_A: &str = "origin_a";
    pub const ORIGIN_B: &str = "origin_b";
}

/// The last day a date filter can reach; stands for an open interval's end.
pub(crate) const OPEN_END: &str = "9999-12-31";

/// The filter columns of one claim (after corrections).
pub(crate) struct ClaimColumns {
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    /// (role, lower-cased name, lower-cased text, lower-cased id)
    pub names: Vec<(&'static str, String, String, Option<String>)>,
}

impl ClaimColumns {
    pub fn of(claim: &Claim) -> Self {
        let (date_start, date_end) = claim.date.as_ref().map(date_bounds).unwrap_or((None, None));
        let mut names = Vec::with_capacity(3);
        for (role, m) in [("actor", &claim.actor), ("target", &claim.target)] {
            if let Some(m) = m {
                names.push((
                    role,
                    m.name.to_lowercase(),
                    m.text.to_lowercase(),
                    m.id.as_ref().map(|s| s.to_lowercase()),
                ));
            }
        }
        names.push((
            "source",
            claim.source.name.to_lowercase(),
            claim.source.text.to_lowercase(),
            None,
        ));
        ClaimColumns {
            date_start,
            date_end,
            names,
        }
    }
}

/// First and last day (`YYYY-MM-DD`) a date covers: its own `start`/`end`
/// when given, else derived from `value` (`2025-06-01`, `2025-06`, `2024`,
/// `2024-late`, `2022/..`, `2024-05-01/2024-05-31`). An open interval ends on
/// [`OPEN_END`]. Lexicographic order of these strings is date order; a month's
/// last day is written `-31` because only order matters.
pub(crate) fn date_bounds(d: &DateRef) -> (Option<String>, Option<String>) {
    let (left, right) = match d.value.split_once('/') {
        Some((l, r)) => (l, Some(r)),
        None => (d.value.as_str(), None),
    };
    let start = d.start.clone().or_else(|| day_floor(left));
    let end = d.end.clone().or_else(|| match right {
        None => day_ceil(left),
        Some("..") | Some("") => Some(OPEN_END.to_string()),
        Some(r) => day_ceil(r),
    });
    (start, end)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The ISO day / month / year prefix of `s`: ("2025", Some("06"), Some("01")).
fn date_parts(s: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
    let y = s.get(..4).filter(|y| digits(y))?;
    let m = s
        .get(5..7)
        .filter(|m| digits(m) && s.as_bytes().get(4) == Some(&b'-'));
    let d = m
        .and(s.get(8..10))
        .filter(|d| digits(d) && s.as_bytes().get(7) == Some(&b'-'));
    Some((y, m, d))
}

pub(crate) fn day_floor(s: &str) -> Option<String> {
    let (y, m, d) = date_parts(s)?;
    Some(format!("{y}-{}-{}", m.unwrap_or("01"), d.unwrap_or("01")))
}

pub(crate) fn day_ceil(s: &str) -> Option<String> {
    let (y, m, d) = date_parts(s)?;
    Some(match (m, d) {
        (Some(m), Some(d)) => format!("{y}-{m}-{d}"),
        (Some(m), None) => format!("{y}-{m}-31"),
        _ => format!("{y}-12-31"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrace_model::DatePrecision;

    fn d(value: &str) -> DateRef {
        DateRef {
            text: value.into(),
            value: value.into(),
            precision: DatePrecision::Day,
            start: None,
            end: None,
            span: None,
            inherited: false,
        }
    }

    #[test]
    fn bounds_from_values() {
        let b = |v: &str| date_bounds(&d(v));
        assert_eq!(
            b("2025-06-01"),
            (Some("2025-06-01".into()), Some("2025-06-01".into()))
        );
        assert_eq!(
            b("2025-06"),
            (Some("2025-06-01".into()), Some("2025-06-31".into()))
        );
        assert_eq!(
            b("2024-late"),
            (Some("2024-01-01".into()), Some("2024-12-31".into()))
        );
        assert_eq!(
            b("2022/.."),
            (Some("2022-01-01".into()), Some(OPEN_END.into()))
        );
        assert_eq!(
            b("2024-05-01/2024-05-31"),
            (Some("2024-05-01".into()), Some("2024-05-31".into()))
        );
        assert_eq!(b("last week"), (None, None));
        let mut given = d("2024");
        given.start = Some("2024-03-01".into());
        assert_eq!(
            date_bounds(&given),
            (Some("2024-03-01".into()), Some("2024-12-31".into()))
        );
    }
}
