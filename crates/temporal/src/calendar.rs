//! Normalised values and calendar arithmetic shared by the rules.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use claimtrace_model::DatePrecision;

/// A normalised date before it is tied to a span: the model value, its
/// covered days, and the TIMEX3 value the same expression would get.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Norm {
    pub value: String,
    pub precision: DatePrecision,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub timex: String,
    pub vague: bool,
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).map(|d| d - Duration::days(1))
}

pub(crate) fn day(d: NaiveDate) -> Norm {
    let v = d.format("%Y-%m-%d").to_string();
    Norm {
        value: v.clone(),
        precision: DatePrecision::Day,
        start: Some(d),
        end: Some(d),
        timex: v,
        vague: false,
    }
}

/// A day whose year is unknown (no base date to infer it from).
pub(crate) fn day_no_year(m: u32, d: u32) -> Option<Norm> {
    // Validate against a leap year so 29 February passes.
    ymd(2000, m, d)?;
    let v = format!("XXXX-{m:02}-{d:02}");
    Some(Norm {
        value: v.clone(),
        precision: DatePrecision::Day,
        start: None,
        end: None,
        timex: v,
        vague: false,
    })
}

pub(crate) fn month(y: i32, m: u32) -> Option<Norm> {
    let start = ymd(y, m, 1)?;
    let end = last_day_of_month(y, m)?;
    let v = format!("{y:04}-{m:02}");
    Some(Norm {
        value: v.clone(),
        precision: DatePrecision::Month,
        start: Some(start),
        end: Some(end),
        timex: v,
        vague: false,
    })
}

pub(crate) fn year(y: i32) -> Option<Norm> {
    let v = format!("{y:04}");
    Some(Norm {
        value: v.clone(),
        precision: DatePrecision::Year,
        start: Some(ymd(y, 1, 1)?),
        end: Some(ymd(y, 12, 31)?),
        timex: v,
        vague: false,
    })
}

/// Parts of a year: the tag used in the model value and its month range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
    H1,
    H2,
    Q(u32),
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Part {
    fn tag(self) -> String {
        match self {
            Part::Early => "early".into(),
            Part::Mid => "mid".into(),
            Part::Late => "late".into(),
            Part::H1 => "H1".into(),
            Part::H2 => "H2".into(),
            Part::Q(q) => format!("Q{q}"),
            Part::Spring => "SP".into(),
            Part::Summer => "SU".into(),
            Part::Autumn => "FA".into(),
            Part::Winter => "WI".into(),
        }
    }

    /// First and last month covered (winter runs December to February of the next year).
    fn months(self) -> (u32, u32) {
        match self {
            Part::Early => (1, 4),
            Part::Mid => (5, 8),
            Part::Late => (9, 12),
            Part::H1 => (1, 6),
            Part::H2 => (7, 12),
            Part::Q(q) => (3 * q - 2, 3 * q),
            Part::Spring => (3, 5),
            Part::Summer => (6, 8),
            Part::Autumn => (9, 11),
            Part::Winter => (12, 2),
        }
    }

    /// Early/mid/late are modifiers in TIMEX3 (value = the year); the others have codes.
    fn timex(self, y: i32) -> String {
        match self {
            Part::Early | Part::Mid | Part::Late => format!("{y:04}"),
            other => format!("{y:04}-{}", other.tag()),
        }
    }
}

pub(crate) fn part_of_year(y: i32, p: Part) -> Option<Norm> {
    let (m1, m2) = p.months();
    let start = ymd(y, m1, 1)?;
    let end = if m2 < m1 {
        last_day_of_month(y + 1, m2)?
    } else {
        last_day_of_month(y, m2)?
    };
    Some(Norm {
        value: format!("{y:04}-{}", p.tag()),
        precision: DatePrecision::PartOfYear,
        start: Some(start),
        end: Some(end),
        timex: p.timex(y),
        vague: false,
    })
}

/// A closed range of days, written `start/end` in the model value.
pub(crate) fn range(start: NaiveDate, end: NaiveDate, timex: String) -> Norm {
    Norm {
        value: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
        precision: DatePrecision::Interval,
        start: Some(start),
        end: Some(end),
        timex,
        vague: false,
    }
}

/// The ISO week (Monday to Sunday) containing `d`; `None` when the week
/// runs past either end of the calendar.
pub(crate) fn week_of(d: NaiveDate) -> Option<Norm> {
    let monday = d.checked_sub_signed(Duration::days(i64::from(
        d.weekday().num_days_from_monday(),
    )))?;
    let sunday = monday.checked_add_signed(Duration::days(6))?;
    let iso = d.iso_week();
    Some(range(
        monday,
        sunday,
        format!("{:04}-W{:02}", iso.year(), iso.week()),
    ))
}

pub(crate) fn decade(first_year: i32) -> Option<Norm> {
    let mut n = range(
        ymd(first_year, 1, 1)?,
        ymd(first_year + 9, 12, 31)?,
        format!("{:03}", first_year / 10),
    );
    n.value = format!("{:04}/{:04}", first_year, first_year + 9);
    Some(n)
}

/// `from` to `to`, as one interval whose value joins the two values.
pub(crate) fn between(from: &Norm, to: &Norm) -> Norm {
    Norm {
        value: format!("{}/{}", from.value, to.value),
        precision: DatePrecision::Interval,
        start: from.start,
        end: to.end,
        timex: from.timex.clone(),
        vague: false,
    }
}

/// From `from` on, open-ended (`2022/..`).
pub(crate) fn since(from: &Norm) -> Norm {
    Norm {
        value: format!("{}/..", from.value),
        precision: DatePrecision::Interval,
        start: from.start,
        end: None,
        timex: from.timex.clone(),
        vague: false,
    }
}

/// A vague reference to the recent past ("in recent years"): up to `base`.
pub(crate) fn past_ref(base: NaiveDate) -> Norm {
    Norm {
        value: format!("../{}", base.format("%Y-%m-%d")),
        precision: DatePrecision::Interval,
        start: None,
        end: Some(base),
        timex: "PAST_REF".into(),
        vague: true,
    }
}

/// "now", "currently": the base day, flagged vague.
pub(crate) fn present_ref(base: NaiveDate) -> Norm {
    let mut n = day(base);
    n.timex = "PRESENT_REF".into();
    n.vague = true;
    n
}

/// The most recent `wd` on or before `base` (news reports the past);
/// `None` before the start of the calendar.
pub(crate) fn weekday_on_or_before(base: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let back = (7 + base.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    base.checked_sub_signed(Duration::days(i64::from(back)))
}

/// The first `wd` strictly after `base`; `None` past the end of the calendar.
pub(crate) fn weekday_after(base: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let fwd = (7 + wd.num_days_from_monday() - base.weekday().num_days_from_monday()) % 7;
    base.checked_add_signed(Duration::days(i64::from(if fwd == 0 { 7 } else { fwd })))
}

/// `base` moved by `n` months (day clamped to the month's length).
pub(crate) fn add_months(base: NaiveDate, n: i32) -> Option<(i32, u32)> {
    let total = base.year() * 12 + base.month0() as i32 + n;
    Some((total.div_euclid(12), total.rem_euclid(12) as u32 + 1))
}

/// The year in which a month named without a year most plausibly falls.
/// News reports the past: the occurrence within the ten months before the
/// base month or the two after it ("Oct. 7" in an April report is last
/// October; "in June" in an April report is this June).
pub(crate) fn year_for_month(base: NaiveDate, m: u32) -> i32 {
    let diff = m as i32 - base.month() as i32;
    if diff > 2 {
        base.year() - 1
    } else if diff < -9 {
        base.year() + 1
    } else {
        base.year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_resolution_is_backwards_inclusive() {
        let sun = ymd(2025, 6, 1).unwrap();
        assert_eq!(weekday_on_or_before(sun, Weekday::Sun), Some(sun));
        assert_eq!(weekday_on_or_before(sun, Weekday::Tue), ymd(2025, 5, 27));
        assert_eq!(weekday_after(sun, Weekday::Sun), ymd(2025, 6, 8));
        assert_eq!(weekday_on_or_before(NaiveDate::MIN, Weekday::Sun), None);
        assert_eq!(weekday_after(NaiveDate::MAX, Weekday::Sun), None);
    }

    #[test]
    fn winter_crosses_the_year() {
        let w = part_of_year(2023, Part::Winter).unwrap();
        assert_eq!(w.start, ymd(2023, 12, 1));
        assert_eq!(w.end, ymd(2024, 2, 29));
        assert_eq!(w.value, "2023-WI");
    }

    #[test]
    fn months_wrap() {
        let b = ymd(2025, 1, 15).unwrap();
        assert_eq!(add_months(b, -1), Some((2024, 12)));
        assert_eq!(year_for_month(b, 12), 2024);
        assert_eq!(year_for_month(ymd(2025, 6, 1).unwrap(), 3), 2025);
        // Past-biased: October named in an April report is last October.
        assert_eq!(year_for_month(ymd(2024, 4, 1).unwrap(), 10), 2023);
        assert_eq!(year_for_month(ymd(2024, 4, 1).unwrap(), 6), 2024);
        assert_eq!(year_for_month(ymd(2024, 11, 20).unwrap(), 1), 2025);
    }
}
