//! What callers ask the store for: [`ClaimQuery`], [`DocQuery`], and the
//! [`Page`] a claim search returns; plus the escaping that turns user text
//! into a safe FTS5 query and user dates into comparable bounds.

use claimtrace_model::{ClaimType, Epistemic, SourceKind};
use serde::{Deserialize, Serialize};

use crate::schema::{day_ceil, day_floor};
use crate::{Error, Result};

/// The filters of `claimtrace claims` (and `/api/claims`). Every set filter
/// must hold; unset ones are ignored. Results are ordered by the document's
/// publication date (undated documents last), then document id, then span.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimQuery {
    /// Words that must all occur in the claim's sentence (FTS5; `word*` for a
    /// prefix, `"two words"` for a phrase). Any other punctuation is ignored.
    pub q: Option<String>,
    #[serde(rename = "type")]
    pub claim_type: Option<ClaimType>,
    pub source_kind: Option<SourceKind>,
    pub epistemic: Option<Epistemic>,
    /// Case-insensitive substring of the actor's, target's or source's name or
    /// words in the text, or an exact actor/target id (`UKR`).
    pub actor: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: claims whose date range (or, when the
    /// claim has no date, the document's publication day) reaches this day or later.
    pub since: Option<String>,
    /// Same forms: claims whose date range starts on or before this day.
    pub until: Option<String>,
    /// Only claims of this document id.
    pub doc: Option<String>,
    /// Only claims of documents from this outlet (exact, case-insensitive).
    pub outlet: Option<String>,
    /// At most this many claims; 0 means no limit.
    pub limit: usize,
    pub offset: usize,
    /// Count matches only up to this many (`Page::total_exact` is false when
    /// the cap was reached): a page's total then costs at most the cap, not
    /// the whole database. `None` counts them all.
    pub count_cap: Option<usize>,
}

/// Which documents `documents()` lists, ordered like claims.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocQuery {
    /// Words that must all occur in one sentence of the document (FTS5).
    pub q: Option<String>,
    /// Exact outlet, case-insensitive.
    pub outlet: Option<String>,
    /// Published on or after this day (`YYYY[-MM[-DD]]`).
    pub since: Option<String>,
    /// Published on or before this day.
    pub until: Option<String>,
    /// At most this many documents; 0 means no limit.
    pub limit: usize,
    pub offset: usize,
}

/// One page of results and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Results matching the filters, ignoring limit and offset; a lower
    /// bound when `total_exact` is false (the query capped the count).
    pub total: usize,
    /// `total` is the exact count.
    #[serde(default = "exact")]
    pub total_exact: bool,
    pub offset: usize,
    /// The limit asked for (0 = none).
    pub limit: usize,
}

fn exact() -> bool {
    true
}

/// SQLite LIMIT/OFFSET values for a 0-means-all limit.
pub(crate) fn limit_offset(limit: usize, offset: usize) -> (i64, i64) {
    let lim = if limit == 0 {
        -1
    } else {
        i64::try_from(limit).unwrap_or(i64::MAX)
    };
    (lim, i64::try_from(offset).unwrap_or(i64::MAX))
}

/// User text as an FTS5 query of quoted terms (implicitly AND-ed), so no
/// user character is ever read as FTS syntax. A `"phrase"` stays a phrase, a
/// trailing `*` stays a prefix search. `None` when nothing searchable is left.
pub fn fts_query(user: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut rest = user;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (raw, prefix, after) = if let Some(stripped) = rest.strip_prefix('"') {
            match stripped.find('"') {
                Some(end) => (&stripped[..end], false, &stripped[end + 1..]),
                None => (stripped, false, ""),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            match word.strip_suffix('*') {
                Some(w) => (w, true, &rest[end..]),
                None => (word, false, &rest[end..]),
            }
        };
        rest = after;
        // Keep only what the unicode61 tokenizer indexes: letters and digits.
        let words: Vec<&str> = raw
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        let mut term = format!("\"{}\"", words.join(" "));
        if prefix {
            term.push('*');
        }
        terms.push(term);
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The checked FTS query for an optional user string: `Ok(None)` when not
/// asked, an error when asked but nothing searchable is in it.
pub(crate) fn fts_filter(q: Option<&str>) -> Result<Option<String>> {
    match q {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => fts_query(s)
            .map(Some)
            .ok_or_else(|| Error::InvalidQuery(format!("nothing to search for in '{s}'"))),
    }
}

/// A `since` bound as the first day it names.
pub(crate) fn since_day(s: &str) -> Result<String> {
    checked_date(s)?;
    day_floor(s).ok_or_else(|| bad_date(s))
}

/// An `until` bound as the last day it names.
pub(crate) fn until_day(s: &str) -> Result<String> {
    checked_date(s)?;
    day_ceil(s).ok_or_else(|| bad_date(s))
}

fn bad_date(s: &str) -> Error {
    Error::InvalidQuery(format!(
        "'{s}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
    ))
}

fn checked_date(s: &str) -> Result<()> {
    let b = s.as_bytes();
    let ok = match b.len() {
        4 => b.iter().all(u8::is_ascii_digit),
        7 => b[4] == b'-' && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit),
        10 => {
            b[4] == b'-'
                && b[7] == b'-'
                && b[..4]
                    .iter()
                    .chain(&b[5..7])
                    .chain(&b[8..])
                    .all(u8::is_ascii_digit)
        }
        _ => false,
    };
    // Months 01-12 and days 01-31; bounds compare as text, so the shape and
    // these ranges are all a bound needs.
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u8>().ok());
    let ok = ok
        && (b.len() < 7 || num(5..7).is_some_and(|m| (1..=12).contains(&m)))
        && (b.len() < 10 || num(8..10).is_some_and(|d| (1..=31).contains(&d)));
    if ok { Ok(()) } else { Err(bad_date(s)) }
}

/// `s` as a LIKE pattern matching any text containing it (`\` escapes).
pub(crate) fn like_contains(s: &str) -> String {
    let mut p = String::with_capacity(s.len() + 2);
    p.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_escapes_user_text() {
        assert_eq!(
            fts_query("drone strike").as_deref(),
            Some("\"drone\" \"strike\"")
        );
        assert_eq!(
            fts_query("\"air defence\" shell*").as_deref(),
            Some("\"air defence\" \"shell\"*")
        );
        assert_eq!(
            fts_query("NOT OR AND ( ) : ^").as_deref(),
            Some("\"NOT\" \"OR\" \"AND\"")
        );
        assert_eq!(fts_query("col:val\"").as_deref(), Some("\"col val\""));
        assert_eq!(fts_query("  ** \"\" "), None);
        assert_eq!(fts_query("Київ").as_deref(), Some("\"Київ\""));
    }

    #[test]
    fn dates_checked() {
        assert_eq!(since_day("2025").unwrap(), "2025-01-01");
        assert_eq!(until_day("2025-06").unwrap(), "2025-06-31");
        assert_eq!(until_day("2025-06-02").unwrap(), "2025-06-02");
        assert!(since_day("June").is_err());
        assert!(since_day("2025-6").is_err());
        assert!(until_day("2025-06-02T00").is_err());
        assert!(since_day("2025-13").is_err());
        assert!(since_day("2025-00").is_err());
        assert!(until_day("2025-06-32").is_err());
        assert!(until_day("2025-06-00").is_err());
        assert_eq!(since_day("2025-12-31").unwrap(), "2025-12-31");
    }

    #[test]
    fn like_escapes() {
        assert_eq!(like_contains("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
