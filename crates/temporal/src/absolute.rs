//! Handlers for expressions that name a calendar position: "June 1, 2025",
//! "in July 2024", "late 2024", "Q3 2024", "the 1990s".

use chrono::{Datelike, NaiveDate};
use regex::Captures;

use crate::calendar::{self, Norm, Part};
use crate::lexicon;
use crate::rules::Ctx;

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

/// Words before a year or a lone month that make it a date ("in 2018", "since May").
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "of",
    "from",
    "through",
    "before",
    "after",
    "between",
    "and",
    "to",
    "fiscal",
    "year",
    "early",
    "late",
    "mid",
    "around",
    "circa",
    "last",
    "this",
    "next",
    "throughout",
    "within",
    "for",
    "as",
];

fn preceded_by_preposition(ctx: &Ctx) -> bool {
    ctx.previous_word()
        .map(|w| DATE_PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

/// Nouns a number after which names a thing, not a year: "Resolution 1701",
/// "report 1600", "Route 1907", "flight 1702".
const NUMBERED_NOUNS: &[&str] = &[
    "resolution",
    "resolutions",
    "report",
    "reports",
    "number",
    "flight",
    "route",
    "highway",
    "road",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "unit",
    "article",
    "paragraph",
    "section",
    "chapter",
    "page",
    "case",
    "item",
    "model",
    "code",
    "line",
    "bus",
    "room",
    "hill",
    "height",
    "checkpoint",
    "kilometre",
    "km",
    "decree",
    "order",
    "law",
    "bill",
    "vol",
    "volume",
    "issue",
];

/// The year-like number is the number of something ("Resolution 1701",
/// "No. 1600", "#1999").
fn numbers_something(ctx: &Ctx) -> bool {
    let before = ctx.text.get(..ctx.start).unwrap_or("").trim_end();
    if before.ends_with('#') || before.ends_with("No.") || before.ends_with("no.") {
        return true;
    }
    ctx.previous_word()
        .is_some_and(|w| NUMBERED_NOUNS.contains(&w.to_ascii_lowercase().as_str()))
}

/// A day and month, with the year given or inferred from the base date.
fn day_month(ctx: &Ctx, y: Option<i32>, m: u32, d: u32) -> Option<Norm> {
    match (y, ctx.base) {
        (Some(y), _) => calendar::ymd(y, m, d).map(calendar::day),
        (None, Some(base)) => {
            let y = calendar::year_for_month(base, m);
            calendar::ymd(y, m, d).map(calendar::day)
        }
        (None, None) => calendar::day_no_year(m, d),
    }
}

pub(crate) fn iso(c: &Captures, _: &Ctx) -> Option<Norm> {
    calendar::ymd(num(c, "y")?, num(c, "m")?, num(c, "d")?).map(calendar::day)
}

pub(crate) fn us_slash(c: &Captures, _: &Ctx) -> Option<Norm> {
    calendar::ymd(num(c, "y")?, num(c, "m")?, num(c, "d")?).map(calendar::day)
}

pub(crate) fn month_day(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let m = lexicon::month_number(c.name("mon")?.as_str())?;
    day_month(ctx, num(c, "y"), m, num(c, "d")?)
}

pub(crate) fn month_year(c: &Captures, _: &Ctx) -> Option<Norm> {
    let m = lexicon::month_number(c.name("mon")?.as_str())?;
    calendar::month(num(c, "y")?, m)
}

pub(crate) fn month_alone(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let word = c.name("mon")?.as_str();
    let m = lexicon::month_number(word)?;
    let modifier = c.name("rel").map(|r| r.as_str().to_ascii_lowercase());
    // Abbreviations and "May" need a cue that a month is meant.
    let is_full_name = word.len() > 4 || word == "June" || word == "July";
    let cued = modifier.is_some() || preceded_by_preposition(ctx);
    if (word == "May" || !is_full_name) && !cued {
        return None;
    }
    match ctx.base {
        Some(base) => {
            let y = match modifier.as_deref() {
                Some("last") if m >= base.month() => base.year() - 1,
                Some("last") => base.year(),
                Some("next") if m <= base.month() => base.year() + 1,
                Some("next") => base.year(),
                Some("this") => base.year(),
                _ => calendar::year_for_month(base, m),
            };
            calendar::month(y, m)
        }
        None => {
            let v = format!("XXXX-{m:02}");
            Some(Norm {
                value: v.clone(),
                precision: claimtrace_model::DatePrecision::Month,
                start: None,
                end: None,
                timex: v,
                vague: false,
            })
        }
    }
}

fn part_word(w: &str) -> Option<Part> {
    let w = w.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "early" | "beginning" | "start" | "the beginning" | "the start" => Part::Early,
        "mid" | "middle" | "the middle" => Part::Mid,
        "late" | "end" | "the end" => Part::Late,
        "first half" | "the first half" => Part::H1,
        "second half" | "the second half" => Part::H2,
        "spring" => Part::Spring,
        "summer" => Part::Summer,
        "autumn" | "fall" => Part::Autumn,
        "winter" => Part::Winter,
        _ => return None,
    })
}

/// A year, possibly with early/mid/late or "the end of"; bare years need context
/// so that "2000 soldiers" is not taken for a date.
pub(crate) fn year(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let y: i32 = num(c, "y")?;
    if let Some(p) = c.name("part") {
        return calendar::part_of_year(y, part_word(p.as_str())?);
    }
    if !preceded_by_preposition(ctx) && ctx.next_word_is_plural_noun() {
        return None;
    }
    if numbers_something(ctx) {
        return None;
    }
    calendar::year(y)
}

pub(crate) fn decade(c: &Captures, _: &Ctx) -> Option<Norm> {
    calendar::decade(num(c, "y")?)
}

pub(crate) fn year_range(c: &Captures, _: &Ctx) -> Option<Norm> {
    let y1: i32 = num(c, "y1")?;
    let raw = c.name("y2")?.as_str();
    let y2: i32 = if raw.len() == 2 {
        y1 / 100 * 100 + raw.parse::<i32>().ok()?
    } else {
        raw.parse().ok()?
    };
    if y2 <= y1 || y2 - y1 > 50 {
        return None;
    }
    Some(calendar::between(
        &calendar::year(y1)?,
        &calendar::year(y2)?,
    ))
}

pub(crate) fn quarter(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let q = match c.name("q") {
        Some(q) => q.as_str().parse().ok()?,
        None => lexicon::ordinal(c.name("ord")?.as_str())?,
    };
    let y = match num::<i32>(c, "y") {
        Some(y) => y,
        None => {
            let base = ctx.base?;
            // A quarter after the current one is last year's (results are reported afterwards).
            let current = (base.month() - 1) / 3 + 1;
            if q > current {
                base.year() - 1
            } else {
                base.year()
            }
        }
    };
    calendar::part_of_year(y, Part::Q(q))
}

pub(crate) fn season_year(c: &Captures, _: &Ctx) -> Option<Norm> {
    let p = part_word(c.name("s")?.as_str())?;
    calendar::part_of_year(num(c, "y")?, p)
}

/// The base date itself as written in a dateline: used by tests and callers.
pub(crate) fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    let head = s.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
