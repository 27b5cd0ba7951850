//! Handlers for expressions resolved against an anchor day: "yesterday",
//! "on Tuesday", "last week", "two days ago", "the following day",
//! "earlier this month", "in recent years".

use chrono::{Datelike, Duration, NaiveDate};
use regex::Captures;

use crate::calendar::{self, Norm, Part};
use crate::lexicon;
use crate::rules::Ctx;

fn lower(c: &Captures, name: &str) -> Option<String> {
    let s = c.name(name)?.as_str().to_ascii_lowercase();
    Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn shifted(base: NaiveDate, days: i64) -> Option<NaiveDate> {
    base.checked_add_signed(Duration::days(days))
}

pub(crate) fn deictic_day(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let base = ctx.base?;
    let w = lower(c, "w")?;
    let offset = match w.as_str() {
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => 0,
        "yesterday"
        | "last night"
        | "yesterday morning"
        | "yesterday afternoon"
        | "yesterday evening" => -1,
        "tomorrow" | "tomorrow morning" | "tomorrow night" => 1,
        "the day before yesterday" => -2,
        "the day after tomorrow" => 2,
        _ => return None,
    };
    Some(calendar::day(shifted(base, offset)?))
}

pub(crate) fn weekday(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let base = ctx.base?;
    let wd = lexicon::weekday(c.name("wd")?.as_str())?;
    let d = match lower(c, "rel").as_deref() {
        Some("next") => calendar::weekday_after(base, wd)?,
        Some("last") => calendar::weekday_on_or_before(shifted(base, -1)?, wd)?,
        _ => calendar::weekday_on_or_before(base, wd)?,
    };
    Some(calendar::day(d))
}

/// "the following day", "the day before", "that day": relative to the anchor,
/// which the extractor may set to the date of the event being narrated.
pub(crate) fn anaphoric_day(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let base = ctx.base?;
    let w = lower(c, "w")?;
    let offset = if w.contains("following") || w.contains("next") || w.ends_with("after") {
        1
    } else if w.contains("previous") || w.ends_with("before") {
        -1
    } else {
        0
    };
    Some(calendar::day(shifted(base, offset)?))
}

/// Which calendar unit "this/last/next" refers to.
fn unit_norm(base: NaiveDate, unit: &str, step: i32) -> Option<Norm> {
    match unit {
        "day" => Some(calendar::day(shifted(base, i64::from(step))?)),
        "week" | "weekend" => {
            let d = shifted(base, 7 * i64::from(step))?;
            let w = calendar::week_of(d)?;
            if unit == "weekend" {
                let sat = w.start? + Duration::days(5);
                let mut n =
                    calendar::range(sat, sat + Duration::days(1), format!("{}-WE", w.timex));
                n.vague = false;
                return Some(n);
            }
            Some(w)
        }
        "month" => {
            let (y, m) = calendar::add_months(base, step)?;
            calendar::month(y, m)
        }
        "quarter" => {
            let (y, m) = calendar::add_months(base, 3 * step)?;
            calendar::part_of_year(y, Part::Q((m - 1) / 3 + 1))
        }
        "year" => calendar::year(base.year() + step),
        "decade" => calendar::decade((base.year() / 10 + step) * 10),
        "spring" | "summer" | "autumn" | "fall" | "winter" => {
            let p = match unit {
                "spring" => Part::Spring,
                "summer" => Part::Summer,
                "winter" => Part::Winter,
                _ => Part::Autumn,
            };
            calendar::part_of_year(base.year() + step, p)
        }
        _ => None,
    }
}

/// Early/mid/late of a month or a year named relatively ("late last year").
fn with_modifier(n: Norm, modifier: &str) -> Option<Norm> {
    let part = match modifier {
        "early" | "the beginning of" | "the start of" => Part::Early,
        "mid" | "the middle of" => Part::Mid,
        "late" | "the end of" => Part::Late,
        "the first half of" => Part::H1,
        "the second half of" => Part::H2,
        // "earlier this month" keeps the unit: the annotation convention dates it to the month.
        _ => return Some(n),
    };
    if n.precision == claimtrace_model::DatePrecision::Year {
        let y = n.start?.year();
        return calendar::part_of_year(y, part);
    }
    Some(n)
}

pub(crate) fn relative_unit(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let base = ctx.base?;
    let rel = lower(c, "rel")?;
    let unit = lower(c, "u")?;
    let step = match rel.as_str() {
        "this" | "the current" | "the same" | "current" => 0,
        "last" | "the previous" | "previous" | "the last" => -1,
        "next" | "the coming" | "the following" | "coming" => 1,
        "the past" => {
            // "the past week": the stretch of time up to the base day.
            let days = match unit.as_str() {
                "day" => 1,
                "week" | "weekend" => 7,
                "month" => 30,
                "quarter" => 91,
                "year" => 365,
                "decade" => 3652,
                _ => return None,
            };
            let mut n = calendar::range(shifted(base, -days)?, base, "PAST_REF".into());
            n.vague = unit == "decade";
            return Some(n);
        }
        _ => return None,
    };
    let n = unit_norm(base, &unit, step)?;
    match lower(c, "mod") {
        Some(m) => with_modifier(n, &m),
        None => Some(n),
    }
}

/// "two days ago", "a year earlier", "three weeks later".
pub(crate) fn offset(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let base = ctx.base?;
    let unit = lower(c, "u")?;
    let unit = unit.trim_end_matches('s');
    let dir = lower(c, "dir")?;
    let sign = if dir == "later" || dir == "after" || dir == "from now" {
        1
    } else {
        -1
    };
    let n = match lexicon::small_number(&lower(c, "n")?) {
        Some(n) => n,
        // "a few years ago": vague, dated to before the base.
        None => {
            if sign > 0 {
                return None;
            }
            return Some(calendar::past_ref(base));
        }
    };
    if n > 10_000 {
        return None;
    }
    let n32 = i32::try_from(n).ok()?;
    match unit {
        "day" => Some(calendar::day(shifted(base, sign * n)?)),
        "week" => calendar::week_of(shifted(base, sign * 7 * n)?),
        "month" => {
            let (y, m) = calendar::add_months(base, sign as i32 * n32)?;
            calendar::month(y, m)
        }
        "year" => calendar::year(base.year() + sign as i32 * n32),
        "decade" => calendar::decade((base.year() / 10 + sign as i32 * n32) * 10),
        _ => None,
    }
}

pub(crate) fn vague(c: &Captures, ctx: &Ctx) -> Option<Norm> {
    let base = ctx.base?;
    let w = lower(c, "w")?;
    if matches!(
        w.as_str(),
        "now" | "currently" | "at present" | "these days" | "nowadays" | "right now"
    ) {
        return Some(calendar::present_ref(base));
    }
    Some(calendar::past_ref(base))
}
