//! Date expressions in English news prose, found and normalised.
//!
//! [`find_dates`] returns every date expression in a text as a [`DateMention`]:
//! its byte [`Span`] and a model [`DateRef`] with a value, a
//! [`DatePrecision`] and the first/last day it covers. Absolute expressions
//! ("Sunday, June 1, 2025", "1 June 2025", "2025-06-01", "in July 2024",
//! "late 2024", "Q3 2024", "summer 2023", "the 1990s") need no base date;
//! relative ones ("yesterday", "on Tuesday", "last week", "two days ago",
//! "earlier this month", "the following day") are resolved against `base`
//! (the publication date or a dateline) and skipped without one.
//!
//! Values:
//! - day `2025-06-01`, month `2025-05`, year `2024`;
//! - part of a year `2024-early|mid|late` (January-April, May-August,
//!   September-December), `2024-H1|H2`, `2024-Q3`, seasons `2023-SP|SU|FA|WI`
//!   (TIMEX3 codes; winter runs December to February);
//! - intervals: `2022/..` ("since 2022"), `2019/2021` ("between 2019 and 2021"),
//!   `1990/1999` ("the 1990s"), `2025-05-19/2025-05-25` ("last week"), and for
//!   vague references to the past ("in recent years", "over the past few
//!   years", "a few years ago") `../2025-06-01` with no start, flagged
//!   [`DateMention::vague`] so callers can ignore them. "now"/"currently" give
//!   the base day, also flagged vague.
//! - without a base, a day or month named without a year gets `XXXX-06-01` /
//!   `XXXX-06` and no start/end.
//!
//! "On Tuesday" means the most recent Tuesday on or before the base day (news
//! reports the past); "last Tuesday" the one before the base day; "next
//! Tuesday" the one after. A month without a year falls within the ten months
//! before the base month or the two after it (news reports the past). Lower-case "may"/"march" are
//! never months, and a capitalised "May" needs a cue ("in May", "May 1",
//! "May 2025"). Times of day are ignored ("Monday night" is Monday).
//!
//! Each mention also carries the TIMEX3 value the expression would get
//! ([`DateMention::timex`]), which the evaluation example compares with
//! annotated corpora.
//!
//! ```
//! use chrono::NaiveDate;
//! use claimtrace_model::DatePrecision;
//! use claimtrace_temporal::find_dates;
//!
//! let base = NaiveDate::from_ymd_opt(2025, 6, 4);
//! let text = "On Sunday, June 1, 2025, drones hit Kursk; more came on Tuesday and in late 2024.";
//! let found = find_dates(text, base);
//! let values: Vec<&str> = found.iter().map(|m| m.date.value.as_str()).collect();
//! assert_eq!(values, ["2025-06-01", "2025-06-03", "2024-late"]);
//! assert_eq!(found[2].date.precision, DatePrecision::PartOfYear);
//! assert_eq!(found[2].date.start.as_deref(), Some("2024-09-01"));
//! assert_eq!(found[0].span.slice(text), Some("Sunday, June 1, 2025"));
//! ```

mod absolute;
mod calendar;
mod combine;
mod error;
mod lexicon;
mod relative;
mod rules;

use chrono::NaiveDate;
pub use claimtrace_model::{DatePrecision, DateRef, Span};
use claimtrace_model::{MONTH_NAMES, WEEKDAY_NAMES};

pub use error::{Result, TemporalError};

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in the text passed to [`find_dates`].
    pub span: Span,
    /// The normalised date; its `span` is `Some(self.span)`.
    pub date: DateRef,
    /// The TIMEX3 value of the same expression (`2024` for "late 2024",
    /// `2025-W22` for "last week", `PAST_REF` for "recently").
    pub timex: String,
    /// A vague reference ("recently", "now", "in recent years").
    pub vague: bool,
}

fn mention(text: &str, start: usize, end: usize, norm: calendar::Norm) -> Option<DateMention> {
    let span = Span::new(start, end);
    let slice = span.slice(text)?;
    let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    Some(DateMention {
        span,
        date: DateRef {
            text: slice.to_string(),
            value: norm.value,
            precision: norm.precision,
            start: norm.start.map(fmt),
            end: norm.end.map(fmt),
            span: Some(span),
            inherited: false,
        },
        timex: norm.timex,
        vague: norm.vague,
    })
}

/// Every date expression in `text`, in text order, normalised; relative ones
/// resolved against `base`. "since X" and "between X and Y" / "from X to Y"
/// become one interval mention.
pub fn find_dates(text: &str, base: Option<NaiveDate>) -> Vec<DateMention> {
    let atoms = rules::candidates(text, base);
    combine::intervals(text, atoms)
        .into_iter()
        .filter_map(|c| mention(text, c.start, c.end, c.norm))
        .collect()
}

/// Like [`find_dates`] but without joining "since"/"between" intervals: one
/// mention per expression, the unit TIMEX3 annotation marks.
pub fn find_date_atoms(text: &str, base: Option<NaiveDate>) -> Vec<DateMention> {
    rules::candidates(text, base)
        .into_iter()
        .filter_map(|c| mention(text, c.start, c.end, c.norm))
        .collect()
}

/// Resolve one expression ("the following day", "two days later", "Tuesday")
/// against `anchor`, e.g. the date of the event the sentence continues.
/// `None` when `expr` holds no date expression.
pub fn resolve_relative(expr: &str, anchor: NaiveDate) -> Option<DateRef> {
    find_dates(expr, Some(anchor))
        .into_iter()
        .next()
        .map(|m| m.date)
}

/// Whether `word` names a day or month by itself ("June", "Tuesday",
/// "yesterday"), so that it is read as a date, not as a name.
pub fn is_calendar_word(word: &str) -> bool {
    let w = word.trim();
    MONTH_NAMES
        .iter()
        .chain(&WEEKDAY_NAMES)
        .chain(&["today", "yesterday", "tomorrow"])
        .any(|c| c.eq_ignore_ascii_case(w))
}

/// A base date from a publication timestamp (`2025-06-02` or `2025-06-02T08:00:00Z`).
pub fn parse_base(s: &str) -> Result<NaiveDate> {
    absolute::parse_iso_prefix(s).ok_or_else(|| TemporalError::BadBase(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 6, 4)
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert!(find_dates("Officials may resign. May said no.", base()).is_empty());
        let f = find_dates("It happened in May.", base());
        assert_eq!(f[0].date.value, "2025-05");
    }

    #[test]
    fn numbered_things_are_not_years() {
        for t in [
            "under Security Council Resolution 1701 the force stays",
            "In report 1600, armed men attacked",
            "a convoy on Route 1907 was hit",
            "the strike hit building No. 1999",
            "Brigade 1802 moved north",
        ] {
            let f = find_dates(t, base());
            assert!(
                f.iter()
                    .all(|d| d.date.precision != claimtrace_model::DatePrecision::Year),
                "{t}: {f:?}"
            );
        }
        let f = find_dates("the report of 1999 said so", base());
        assert_eq!(f[0].date.value, "1999");
    }

    #[test]
    fn since_becomes_open_interval() {
        let t = "fighting since 2022 has killed thousands";
        let f = find_dates(t, base());
        assert_eq!(f[0].date.value, "2022/..");
        assert_eq!(f[0].span.slice(t), Some("since 2022"));
        assert_eq!(f[0].date.end, None);
    }

    #[test]
    fn parse_base_accepts_timestamps() {
        assert_eq!(
            parse_base("2025-06-02T08:00:00Z").ok(),
            NaiveDate::from_ymd_opt(2025, 6, 2)
        );
        assert!(parse_base("June 2").is_err());
    }

    #[test]
    fn relative_needs_base() {
        assert!(find_dates("yesterday", None).is_empty());
        assert_eq!(
            resolve_relative(
                "the following day",
                NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
            )
            .map(|d| d.value),
            Some("2025-06-02".to_string())
        );
    }
}
