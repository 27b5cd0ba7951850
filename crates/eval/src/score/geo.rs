//! Geoparsing (GeoWebNews, LGL): toponym recognition (overlap P/R/F1 against
//! every annotation that is a place name) and geocoding accuracy within
//! 161 km (100 miles, the customary threshold) over gold toponyms with
//! coordinates — end to end (a missed toponym counts as wrong) and on gold
//! spans (the gazetteer alone: each gold name looked up).

use claimtrace_model::Span;

use crate::data::toponyms::GeoDoc;
use crate::metrics::{Counts, Match, distance_km, match_spans, median, pair_overlapping};

/// Kilometres within which a resolution counts as correct.
pub const WITHIN_KM: f64 = 161.0;

/// One place found by a system.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedPlace {
    pub span: Span,
    /// `(lat, lon)` when geocoded.
    pub coords: Option<(f64, f64)>,
}

#[derive(Debug, Clone, Default)]
pub struct GeoScore {
    pub docs: usize,
    pub recognition: Counts,
    /// Gold toponyms with coordinates.
    pub targets: usize,
    /// Of those, found (overlapping prediction with coordinates) and within 161 km.
    pub within: usize,
    /// Errors (km) of every target that was found and geocoded.
    pub errors_km: Vec<f64>,
}

impl GeoScore {
    pub fn accuracy(&self) -> f64 {
        crate::metrics::ratio(self.within, self.targets)
    }
    pub fn median_error_km(&self) -> Option<f64> {
        median(&self.errors_km)
    }
}

/// Runs `system` (document → places in its text) over `docs`.
pub fn score<'a>(
    docs: impl IntoIterator<Item = &'a GeoDoc>,
    system: impl Fn(&GeoDoc) -> Vec<PredictedPlace>,
) -> GeoScore {
    let mut s = GeoScore::default();
    for d in docs {
        s.docs += 1;
        let pred = system(d);
        let pspans: Vec<Span> = pred.iter().map(|p| p.span).collect();
        let gold: Vec<Span> = d
            .toponyms
            .iter()
            .filter(|t| t.is_toponym())
            .map(|t| t.span)
            .collect();
        s.recognition += match_spans(&gold, &pspans, Match::Overlap);
        let targets: Vec<_> = d
            .toponyms
            .iter()
            .filter_map(|t| Some((t.span, t.coords?)))
            .collect();
        s.targets += targets.len();
        let geocoded: Vec<&PredictedPlace> = pred.iter().filter(|p| p.coords.is_some()).collect();
        let gspans: Vec<Span> = targets.iter().map(|t| t.0).collect();
        let cspans: Vec<Span> = geocoded.iter().map(|p| p.span).collect();
        for (gi, pi) in pair_overlapping(&gspans, &cspans) {
            let (la, lo) = targets[gi].1;
            let Some((pla, plo)) = geocoded[pi].coords else {
                continue;
            };
            let km = distance_km(la, lo, pla, plo);
            s.errors_km.push(km);
            if km <= WITHIN_KM {
                s.within += 1;
            }
        }
    }
    s
}

/// Resolution only: each gold toponym with coordinates is looked up by its
/// surface text; `lookup` (the document, the gold span and its text)
/// returns coordinates or `None`.
pub fn score_lookup<'a>(
    docs: impl IntoIterator<Item = &'a GeoDoc>,
    lookup: impl Fn(&GeoDoc, Span, &str) -> Option<(f64, f64)>,
) -> GeoScore {
    let mut s = GeoScore::default();
    for d in docs {
        s.docs += 1;
        for t in &d.toponyms {
            let (Some((la, lo)), Some(name)) = (t.coords, t.span.slice(&d.text)) else {
                continue;
            };
            s.targets += 1;
            if let Some((pla, plo)) = lookup(d, t.span, name) {
                let km = distance_km(la, lo, pla, plo);
                s.errors_km.push(km);
                if km <= WITHIN_KM {
                    s.within += 1;
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::toponyms::Toponym;

    #[test]
    fn end_to_end_and_lookup() {
        let text = "Shelling hit Kharkiv and Paris, Texas; Jordan Smith said.";
        let at = |n: &str| {
            let i = text.find(n).unwrap();
            Span::new(i, i + n.len())
        };
        let doc = GeoDoc {
            id: "d".into(),
            text: text.into(),
            toponyms: vec![
                Toponym {
                    span: at("Kharkiv"),
                    kind: Some("Literal".into()),
                    coords: Some((49.99, 36.23)),
                },
                Toponym {
                    span: at("Paris"),
                    kind: Some("Literal".into()),
                    coords: Some((33.66, -95.56)),
                },
                Toponym {
                    span: at("Jordan"),
                    kind: Some("Non_Toponym".into()),
                    coords: None,
                },
            ],
        };
        let s = score([&doc], |_| {
            vec![
                PredictedPlace {
                    span: at("Kharkiv"),
                    coords: Some((50.0, 36.25)),
                },
                // Paris, France: about 7,900 km off.
                PredictedPlace {
                    span: at("Paris"),
                    coords: Some((48.85, 2.35)),
                },
                PredictedPlace {
                    span: at("Jordan"),
                    coords: Some((31.0, 36.0)),
                },
            ]
        });
        assert_eq!(s.recognition, Counts::new(2, 1, 0));
        assert_eq!((s.targets, s.within), (2, 1));
        assert_eq!(s.errors_km.len(), 2);
        assert!((s.accuracy() - 0.5).abs() < 1e-12);

        let l = score_lookup([&doc], |_, _, n| (n == "Kharkiv").then_some((49.99, 36.23)));
        assert_eq!((l.targets, l.within), (2, 1));
    }
}
