//! Geoparsing on GeoWebNews and LGL: claimtrace's gazetteer
//! (`claimtrace_geo::Gazetteer`) finding place names in the text
//! (recognition) and resolving them to coordinates (accuracy within 161 km),
//! end to end and on the gold toponym spans.

use std::collections::BTreeMap;

use claimtrace_geo::{Gazetteer, PlaceMatch};
use claimtrace_model::Span;

use super::{Ctx, folder};
use crate::data::toponyms::{self, GeoDoc};
use crate::error::Result;
use crate::metrics::distance_km;
use crate::report::{Headline, Section, Table, Target, f3, prf, target_cell};
use crate::score::geo::{GeoScore, PredictedPlace, WITHIN_KM, score, score_lookup};

/// The target for accuracy within 161 km.
const TARGET_ACCURACY: f64 = 0.80;

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let gaz = ctx.gazetteer()?;
    let gwn = toponyms::load(&ctx.path(folder::GWN)?.join("GWN.xml"))?;
    let lgl = toponyms::load(&ctx.path(folder::LGL)?.join("lgl.xml"))?;
    Ok(vec![
        section(
            ctx,
            gaz,
            folder::GWN,
            "GeoWebNews (2018 web news)",
            "GPL-3.0 repo; texts third-party",
            &gwn,
        ),
        section(
            ctx,
            gaz,
            folder::LGL,
            "LGL (local US news)",
            "via GPL-3.0 repo; texts third-party",
            &lgl,
        ),
    ])
}

fn coords(p: &PlaceMatch) -> Option<(f64, f64)> {
    Some((p.place.lat?, p.place.lon?))
}

/// The country named most often among the places found in a document
/// (ISO2), used as the hint when a gold name is looked up alone.
pub(crate) fn dominant_country(places: &[PlaceMatch]) -> Option<String> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for p in places {
        if let Some(c) = p.place.country.as_deref() {
            *n.entry(c).or_default() += 1;
        }
    }
    n.into_iter()
        .max_by_key(|(c, k)| (*k, std::cmp::Reverse(*c)))
        .map(|(c, _)| c.to_string())
}

/// Resolution of a gold toponym: the gazetteer's own reading when it found
/// the same span in the text (it weighs the countries the article names),
/// else a lookup of the name with the article's dominant country as hint.
fn resolve(
    gaz: &Gazetteer,
    places: &[PlaceMatch],
    hint: Option<&str>,
    span: Span,
    name: &str,
) -> Option<(f64, f64)> {
    if let Some(p) = places.iter().find(|p| p.span == span) {
        return coords(p);
    }
    gaz.lookup(name, hint).map(|e| (e.lat, e.lon))
}

fn section(
    ctx: &Ctx<'_>,
    gaz: &Gazetteer,
    dataset: &str,
    title: &str,
    licence: &str,
    all: &[GeoDoc],
) -> Section {
    let docs: Vec<&GeoDoc> = all.iter().filter(|d| ctx.keep(dataset, &d.id)).collect();
    let t0 = std::time::Instant::now();
    let found: BTreeMap<&str, Vec<PlaceMatch>> = docs
        .iter()
        .map(|d| (d.id.as_str(), gaz.find_places(&d.text)))
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    let places_of = |d: &GeoDoc| {
        found
            .get(d.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    let e2e = score(docs.iter().copied(), |d| {
        places_of(d)
            .iter()
            .map(|p| PredictedPlace {
                span: p.span,
                coords: coords(p),
            })
            .collect()
    });
    let hints: BTreeMap<&str, Option<String>> = docs
        .iter()
        .map(|d| (d.id.as_str(), dominant_country(places_of(d))))
        .collect();
    let gold_spans = score_lookup(docs.iter().copied(), |d, span, name| {
        let hint = hints.get(d.id.as_str()).cloned().flatten();
        resolve(gaz, places_of(d), hint.as_deref(), span, name)
    });
    if ctx.collect_errors() {
        let mut lines = Vec::new();
        for d in &docs {
            let hint = hints.get(d.id.as_str()).cloned().flatten();
            lines.extend(errors(gaz, d, places_of(d), hint.as_deref()));
        }
        ctx.write_errors(&format!("geo_{dataset}"), &lines);
    }
    let table = table(&e2e, &gold_spans);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    Section {
        component: "Geocoding".into(),
        dataset: title.into(),
        source: format!(
            "`{dataset}` ({licence}): {}, {} gold toponyms with coordinates.",
            ctx.count(docs.len(), all.len(), "articles"),
            gold_spans.targets
        ),
        table,
        notes: vec![
            format!("Gazetteer: {}.", ctx.gazetteer_name()),
            format!(
                "*gold toponym spans*: each gold toponym with coordinates is resolved by claimtrace — the gazetteer's reading when `find_places` found that very span (it prefers places in the countries the article names), else `Gazetteer::lookup(name, the article's most-named country)`; a name the gazetteer does not know counts as wrong. *end to end*: `find_places` on the article; a gold toponym is right when a found place overlaps it and lies within {WITHIN_KM:.0} km (missed toponyms count as wrong)."
            ),
            if dataset == folder::GWN {
                "Recognition is scored against every GeoWebNews toponym: literal, metonymic, mixed, coercion, demonym, modifier and embedded types (as in the paper); `Non_Toponym`, `Homonym`, `Language` and the `*_Expression` head nouns (\"towns\", \"forces\") are not toponyms. A gazetteer matcher that skips demonyms (\"Syrian\") loses recall by design.".into()
            } else {
                "LGL annotates toponyms without types; recognition is scored against all of them.".into()
            },
            format!(
                "claimtrace `find_places`: {:.0} articles/s, {:.2} MB/s.",
                docs.len() as f64 / secs.max(1e-9),
                bytes as f64 / 1e6 / secs.max(1e-9)
            ),
            "No geoparser peer is run (Mordecai needs a TensorFlow model and an Elasticsearch GeoNames index).".into(),
        ],
        headlines: vec![
            Headline::new(
                "accuracy@161km, gold spans",
                gold_spans.accuracy(),
                None,
                Target::AtLeast(TARGET_ACCURACY),
            ),
            Headline::new(
                "accuracy@161km, end to end",
                e2e.accuracy(),
                None,
                Target::AtLeast(TARGET_ACCURACY),
            ),
            Headline::new(
                "toponym recognition F1, overlap",
                e2e.recognition.f1(),
                None,
                Target::None,
            ),
        ],
    }
}

/// Recognition P / R / F1, then accuracy and median error for gold spans
/// and end to end.
fn table(e2e: &GeoScore, gold_spans: &GeoScore) -> Table {
    let mut table = Table::new(&["metric", "claimtrace", "target"]);
    table.row(vec![
        "toponym recognition, overlap P / R / F1".into(),
        prf(&e2e.recognition),
        String::new(),
    ]);
    for (label, s) in [("gold toponym spans", gold_spans), ("end to end", e2e)] {
        table.row(vec![
            format!("{label}: accuracy within {WITHIN_KM:.0} km"),
            f3(s.accuracy()),
            target_cell(s.accuracy(), TARGET_ACCURACY),
        ]);
        table.row(vec![
            format!("{label}: resolved, median error km"),
            format!(
                "{} of {} resolved, median {}",
                s.errors_km.len(),
                s.targets,
                s.median_error_km()
                    .map(|m| format!("{m:.0}"))
                    .unwrap_or_else(|| "—".into())
            ),
            String::new(),
        ]);
    }
    table
}

/// Dev-split error examples of one article: gold toponyms resolved more
/// than 161 km off (or not at all), toponyms not recognised, spurious places.
fn errors(gaz: &Gazetteer, d: &GeoDoc, places: &[PlaceMatch], hint: Option<&str>) -> Vec<String> {
    let t = d.text.as_str();
    let sl = |s: &Span| s.slice(t).unwrap_or("?").replace('\n', " ");
    let mut out = Vec::new();
    for g in &d.toponyms {
        let Some(name) = g.span.slice(t) else {
            continue;
        };
        if let Some((la, lo)) = g.coords {
            let same = places.iter().find(|p| p.span == g.span);
            let (what, at) = match same {
                Some(p) => (
                    format!(
                        "{} ({}, {})",
                        p.place.name,
                        p.place.country.as_deref().unwrap_or("?"),
                        p.place.feature.as_deref().unwrap_or("?")
                    ),
                    coords(p),
                ),
                None => match gaz.lookup(name, hint) {
                    Some(e) => (
                        format!(
                            "{} ({}, {}) by lookup",
                            e.name,
                            e.country.as_deref().unwrap_or("?"),
                            e.feature.as_str()
                        ),
                        Some((e.lat, e.lon)),
                    ),
                    None => ("not in gazetteer".into(), None),
                },
            };
            match at {
                Some((pla, plo)) => {
                    let km = distance_km(la, lo, pla, plo);
                    if km > WITHIN_KM {
                        out.push(format!(
                            "WRONG_PLACE\t'{name}'\tgold ({la:.2}, {lo:.2})\tclaimtrace {what}\t{km:.0} km\t{}",
                            d.id
                        ));
                    }
                }
                None => out.push(format!(
                    "UNKNOWN_NAME\t'{name}'\tgold ({la:.2}, {lo:.2})\t\t\t{}",
                    d.id
                )),
            }
        }
        if g.is_toponym() && !places.iter().any(|p| p.span.overlaps(&g.span)) {
            out.push(format!(
                "NOT_RECOGNISED\t'{name}'\t{}\t\t\t{}",
                g.kind.as_deref().unwrap_or(""),
                d.id
            ));
        }
    }
    for p in places {
        if !d
            .toponyms
            .iter()
            .any(|g| g.is_toponym() && g.span.overlaps(&p.span))
        {
            let a = t.floor_char_boundary(p.span.start.saturating_sub(30));
            let b = t.ceil_char_boundary((p.span.end + 30).min(t.len()));
            out.push(format!(
                "SPURIOUS\t'{}'\t{} ({})\t\t… {} …\t{}",
                sl(&p.span),
                p.place.name,
                p.place.country.as_deref().unwrap_or("?"),
                t[a..b].replace('\n', " "),
                d.id
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dominant_country_counts_places() {
        let gaz = Gazetteer::builtin();
        let places = gaz.find_places("Shelling hit Kharkiv and Kyiv; Moscow denied it.");
        assert!(!places.is_empty());
        let c = dominant_country(&places);
        assert_eq!(c.as_deref(), Some("UA"), "{places:?}");
        assert_eq!(dominant_country(&[]), None);
    }
}
