//! Date normalisation (TempEval-3 TBAQ, MEANTIME): gold TIMEX3s of type DATE
//! are the targets. A prediction matches a gold DATE when the spans overlap
//! (TempEval "relaxed"); its value is correct when it names the same thing.
//! Predictions over gold TIMEX3s of other types (TIME, DURATION, SET) or over
//! the dateline are neither rewarded nor punished.
//!
//! Values are compared as day ranges where both sides allow it, so TimeML's
//! `2009-Q3` equals our `2009-07-01/2009-09-30` and `1998-W02` equals the
//! range of that ISO week; otherwise as strings (`PRESENT_REF`, seasons).

use chrono::{Datelike, NaiveDate};
use claimtrace_model::Span;

use crate::data::TimexDoc;
use crate::metrics::{Counts, pair_overlapping};

/// One date found by a system.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedDate {
    pub span: Span,
    pub value: String,
}

#[derive(Debug, Clone, Default)]
pub struct DateScore {
    pub docs: usize,
    /// Detection of DATE timexes (relaxed: overlap).
    pub detection: Counts,
    /// Matched pairs whose value is right.
    pub value_correct: usize,
}

impl DateScore {
    /// Right values over all gold DATEs (the end-to-end figure).
    pub fn value_accuracy(&self) -> f64 {
        crate::metrics::ratio(self.value_correct, self.detection.gold())
    }

    /// Right values over the gold DATEs that were found.
    pub fn value_accuracy_found(&self) -> f64 {
        crate::metrics::ratio(self.value_correct, self.detection.tp)
    }
}

/// Runs `system` (document → dates) over `docs`.
pub fn score<'a>(
    docs: impl IntoIterator<Item = &'a TimexDoc>,
    system: impl Fn(&TimexDoc) -> Vec<PredictedDate>,
) -> DateScore {
    let mut s = DateScore::default();
    for d in docs {
        s.docs += 1;
        let gold: Vec<_> = d.timexes.iter().filter(|t| t.kind == "DATE").collect();
        let gspans: Vec<Span> = gold.iter().map(|t| t.span).collect();
        let pred = system(d);
        let pspans: Vec<Span> = pred.iter().map(|p| p.span).collect();
        let pairs = pair_overlapping(&gspans, &pspans);
        let mut used = vec![false; pred.len()];
        for &(gi, pi) in &pairs {
            used[pi] = true;
            if same_value(&gold[gi].value, &pred[pi].value) {
                s.value_correct += 1;
            }
        }
        let fp = pred
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && !not_scored(d, &p.span))
            .count();
        s.detection += Counts::new(pairs.len(), fp, gold.len() - pairs.len());
    }
    s
}

/// Whether an unmatched prediction at `span` is left out of the count: over
/// the dateline, over a gold TIMEX3 of another type, or past the annotated
/// part of the text.
pub fn not_scored(d: &TimexDoc, span: &Span) -> bool {
    d.annotated_end.is_some_and(|end| span.start >= end)
        || d.dct_span.is_some_and(|x| x.overlaps(span))
        || d.timexes
            .iter()
            .any(|t| t.kind != "DATE" && t.span.overlaps(span))
}

/// Whether a gold TimeML value and a predicted value name the same date.
pub fn same_value(gold: &str, pred: &str) -> bool {
    let (g, p) = (gold.trim(), pred.trim());
    if g == p {
        return true;
    }
    match (day_range(g), day_range(p)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// First and last day covered by a value: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`
/// (a time part is ignored), `YYYY-Qn`, `YYYY-Wnn`, or `A/B` of two of those.
fn day_range(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = v.split_once('/') {
        let (a0, _) = day_range(a)?;
        let (_, b1) = day_range(b)?;
        return Some((a0, b1));
    }
    let v = v.split('T').next()?;
    let parts: Vec<&str> = v.split('-').collect();
    let year: i32 = parts.first().filter(|y| y.len() == 4)?.parse().ok()?;
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let month_end = |y: i32, m: u32| {
        let next = if m == 12 {
            ymd(y + 1, 1, 1)
        } else {
            ymd(y, m + 1, 1)
        };
        next.and_then(|n| n.pred_opt())
    };
    match parts.as_slice() {
        [_] => Some((ymd(year, 1, 1)?, ymd(year, 12, 31)?)),
        [_, q] if q.starts_with('Q') => {
            let n: u32 = q[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
            Some((ymd(year, 3 * n - 2, 1)?, month_end(year, 3 * n)?))
        }
        [_, w] if w.starts_with('W') => {
            let n: u32 = w[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year, n, chrono::Weekday::Mon)?;
            Some((monday, monday + chrono::Duration::days(6)))
        }
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            Some((ymd(year, m, 1)?, month_end(year, m)?))
        }
        [_, m, d] => {
            let day = ymd(year, m.parse().ok()?, d.parse().ok()?)?;
            debug_assert_eq!(day.year(), year);
            Some((day, day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Timex;

    #[test]
    fn values_compare_as_ranges() {
        assert!(same_value("2009-Q3", "2009-07-01/2009-09-30"));
        assert!(same_value("1998-01-06", "1998-01-06"));
        assert!(same_value("1998-01-06T10:00", "1998-01-06"));
        assert!(same_value("2008-W08", "2008-02-18/2008-02-24"));
        assert!(same_value("2008-02", "2008-02-01/2008-02-29"));
        assert!(!same_value("2008-02", "2008-03"));
        assert!(!same_value("PRESENT_REF", "2008-03-01"));
        assert!(same_value("PRESENT_REF", "PRESENT_REF"));
        assert!(!same_value("2009", "2009-Q1"));
    }

    #[test]
    fn detection_and_values() {
        let text = "On Tuesday, for two weeks, in March, dated 1998-01-08.";
        let at = |n: &str| {
            let i = text.find(n).unwrap();
            Span::new(i, i + n.len())
        };
        let doc = TimexDoc {
            id: "d".into(),
            text: text.into(),
            dct: NaiveDate::from_ymd_opt(1998, 1, 8),
            dct_span: Some(at("1998-01-08")),
            annotated_end: None,
            timexes: vec![
                Timex {
                    span: at("Tuesday"),
                    kind: "DATE".into(),
                    value: "1998-01-06".into(),
                },
                Timex {
                    span: at("two weeks"),
                    kind: "DURATION".into(),
                    value: "P2W".into(),
                },
                Timex {
                    span: at("March"),
                    kind: "DATE".into(),
                    value: "1998-03".into(),
                },
            ],
        };
        let s = score([&doc], |_| {
            vec![
                PredictedDate {
                    span: at("On Tuesday"),
                    value: "1998-01-06".into(),
                },
                PredictedDate {
                    span: at("two weeks"),
                    value: "1998-01-08".into(),
                },
                PredictedDate {
                    span: at("March"),
                    value: "1997-03".into(),
                },
                PredictedDate {
                    span: at("1998-01-08"),
                    value: "1998-01-08".into(),
                },
                PredictedDate {
                    span: at("dated"),
                    value: "X".into(),
                },
            ]
        });
        // Tuesday and March found; "dated" a false positive; DURATION and DCT ignored.
        assert_eq!(s.detection, Counts::new(2, 1, 0));
        assert_eq!(s.value_correct, 1);
        assert!((s.value_accuracy() - 0.5).abs() < 1e-12);

        // Annotation stopping before "dated": that prediction is not scored.
        let mut short = doc.clone();
        short.annotated_end = Some(at("dated").start);
        let s = score([&short], |_| {
            vec![PredictedDate {
                span: at("dated"),
                value: "X".into(),
            }]
        });
        assert_eq!(s.detection, Counts::new(0, 0, 2));
    }
}
