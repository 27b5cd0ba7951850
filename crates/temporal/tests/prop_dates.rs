//! Property tests of date finding on untrusted text: never panic, every
//! mention's span slices the text on char boundaries and is its `text`,
//! mentions come in text order without overlapping, and covered days run
//! forwards.

use chrono::{Datelike, NaiveDate};
use claimtrace_temporal::{DateMention, find_date_atoms, find_dates, parse_base, resolve_relative};
use proptest::prelude::*;

/// Date words and their neighbours, plus the awkward corners of Unicode.
const PIECES: &[&str] = &[
    "January",
    "Jan.",
    "February",
    "March",
    "march",
    "May",
    "may",
    "June",
    "Sept.",
    "Sep",
    "December",
    "Dec",
    "Monday",
    "Tuesday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "this",
    "the",
    "past",
    "week",
    "weekend",
    "month",
    "quarter",
    "year",
    "years",
    "decade",
    "days",
    "ago",
    "later",
    "earlier",
    "after",
    "before",
    "following",
    "previous",
    "day",
    "since",
    "between",
    "and",
    "from",
    "to",
    "until",
    "in",
    "on",
    "of",
    "early",
    "mid",
    "mid-",
    "late",
    "the end of",
    "the first half of",
    "Q1",
    "Q3",
    "H2",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "1990s",
    "the 1990s",
    "'90s",
    "recent",
    "recently",
    "now",
    "currently",
    "a few",
    "two",
    "three",
    "dozen",
    "2024",
    "2025",
    "1999",
    "0000",
    "9999",
    "99999",
    "12",
    "31",
    "29",
    "30",
    "00",
    "1st",
    "2nd",
    "23rd",
    "2025-06-01",
    "2024-02-30",
    "2024-13-01",
    "9999-12-31",
    "0001-01-01",
    "10000",
    "99999999999999999999",
    "/",
    "-",
    "–",
    "—",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "“",
    "”",
    "’",
    "'",
    " ",
    "  ",
    "\n",
    "\u{a0}",
    "\u{2028}",
    "\t",
    "İ",
    "Ⱥ",
    "ß",
    "é",
    "e\u{301}",
    "\u{301}",
    "🚀",
    "🇺🇦",
    "Київ",
    "日本",
    "<p>",
    "&amp;",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{20,80}",
        1 => "[0-9]{1,20}",
    ]
}

/// Pieces joined mostly by spaces, so the rules' multi-word shapes form.
fn date_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(vec![" ", " ", " ", "", ", "])),
        0..40,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

/// A base day anywhere in the years a publication date can name, or none.
fn base() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::weighted(
        0.8,
        prop_oneof![
            (1i32..=9999, 1u32..=366)
                .prop_filter_map("day of year", |(y, d)| { NaiveDate::from_yo_opt(y, d) }),
            (2020i32..=2026, 1u32..=366)
                .prop_filter_map("day of year", |(y, d)| { NaiveDate::from_yo_opt(y, d) }),
        ],
    )
}

fn check(text: &str, found: &[DateMention]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for m in found {
        let slice = m.span.slice(text);
        prop_assert!(
            slice.is_some(),
            "span {:?} does not slice {:?}",
            m.span,
            text
        );
        prop_assert_eq!(slice, Some(m.date.text.as_str()));
        prop_assert!(!m.span.is_empty());
        prop_assert_eq!(m.date.span, Some(m.span));
        prop_assert!(!m.date.value.is_empty());
        prop_assert!(!m.timex.is_empty());
        prop_assert!(
            m.span.start >= prev_end,
            "mentions overlap or are out of order: {:?} in {:?}",
            found.iter().map(|m| m.span).collect::<Vec<_>>(),
            text
        );
        prev_end = m.span.end;
        for d in [&m.date.start, &m.date.end].into_iter().flatten() {
            prop_assert!(
                NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                "bad day {:?} in {:?}",
                d,
                m
            );
        }
        if let (Some(s), Some(e)) = (&m.date.start, &m.date.end) {
            let s = NaiveDate::parse_from_str(s, "%Y-%m-%d");
            let e = NaiveDate::parse_from_str(e, "%Y-%m-%d");
            if let (Ok(s), Ok(e)) = (s, e) {
                prop_assert!(s <= e, "start after end in {:?} of {:?}", m, text);
            }
        }
    }
    Ok(())
}

/// `cases` per property, unless `PROPTEST_CASES` asks for a deeper run.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        default
    } else {
        ProptestConfig { cases, ..default }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn date_like_text(text in date_text(), base in base()) {
        check(&text, &find_dates(&text, base))?;
        check(&text, &find_date_atoms(&text, base))?;
    }

    #[test]
    fn arbitrary_text(text in any::<String>(), base in base()) {
        check(&text, &find_dates(&text, base))?;
        check(&text, &find_date_atoms(&text, base))?;
    }

    #[test]
    fn relative_expressions_resolve(expr in date_text(), y in 1i32..=9999, ord in 1u32..=365) {
        let anchor = NaiveDate::from_yo_opt(y, ord).unwrap_or_default();
        if let Some(d) = resolve_relative(&expr, anchor) {
            prop_assert!(!d.value.is_empty());
        }
    }

    #[test]
    fn parse_base_never_panics(s in any::<String>()) {
        let _ = parse_base(&s);
    }

    #[test]
    fn parse_base_round_trips(y in 1000i32..=9999, ord in 1u32..=366, time in any::<bool>()) {
        let Some(d) = NaiveDate::from_yo_opt(y, ord) else { return Ok(()) };
        let s = if time { format!("{}T08:00:00Z", d.format("%Y-%m-%d")) } else { d.format("%Y-%m-%d").to_string() };
        prop_assert_eq!(parse_base(&s).ok(), Some(d));
    }

    /// The base may be any day chrono can represent (a caller's own date,
    /// not only a publication date): relative arithmetic near the ends of
    /// the calendar must give up, not overflow.
    #[test]
    fn extreme_bases(text in date_text(), at_max in any::<bool>(), back in 0i64..40) {
        let edge = if at_max { NaiveDate::MAX } else { NaiveDate::MIN };
        let base = edge.checked_add_signed(chrono::Duration::days(if at_max { -back } else { back }));
        prop_assert!(base.is_some_and(|b| b.year() != 0));
        check(&text, &find_dates(&text, base))?;
    }
}

/// Found by `extreme_bases`: a weekday resolved against the first day of
/// the calendar overflowed chrono's date arithmetic and panicked.
#[test]
fn weekday_at_the_start_of_the_calendar() {
    assert!(find_dates("Monday ", Some(NaiveDate::MIN)).is_empty());
    assert!(find_dates("next Monday, next week", Some(NaiveDate::MAX)).is_empty());
}
