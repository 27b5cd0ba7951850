//! Attribution on PolNeAR (US political news, brat standoff): claimtrace's
//! attributions (`Extractor::attributions`: source, cue, content spans)
//! paired with the gold ones by overlapping cue, then source and content
//! compared exactly, by overlap and softly (characters in common).

use claimtrace_model::{Document, Span};

use super::{Ctx, folder};
use crate::data::polnear::{self, AttributionDoc, hull};
use crate::error::Result;
use crate::metrics::pair_overlapping;
use crate::report::{Headline, Section, Table, Target, f3, target_cell};
use crate::score::attribution::{AttributionScore, PredictedAttribution, RoleScore, score};
use crate::score::trim_span;

/// The target for source span F1.
const TARGET_SOURCE_F1: f64 = 0.70;

fn claimtrace_attributions(
    ex: &claimtrace_extract::Extractor,
    id: &str,
    text: &str,
) -> Vec<PredictedAttribution> {
    ex.attributions(&Document::from_text(id, text))
        .into_iter()
        .map(|a| PredictedAttribution {
            source: Some(a.source),
            cue: a.cue,
            content: (!a.content.is_empty()).then_some(a.content),
        })
        .collect()
}

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let dir = ctx.path(folder::POLNEAR)?;
    let all = polnear::load(&dir)?;
    let docs: Vec<&AttributionDoc> = all
        .iter()
        .filter(|d| ctx.keep(folder::POLNEAR, &d.id))
        .collect();
    let ex = ctx.extractor()?;
    let t0 = std::time::Instant::now();
    // The scorer passes the text only; the id is not used by the extractor's
    // attribution rules.
    let s = score(docs.iter().copied(), |t| {
        claimtrace_attributions(ex, "doc", t)
    });
    let secs = t0.elapsed().as_secs_f64();
    if ctx.collect_errors() {
        let mut lines = Vec::new();
        for d in &docs {
            lines.extend(errors(d, &claimtrace_attributions(ex, &d.id, &d.text)));
        }
        ctx.write_errors("attribution_polnear", &lines);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    Ok(vec![Section {
        component: "Attribution".into(),
        dataset: "PolNeAR (political news attribution relations)".into(),
        source: format!(
            "`{}` (no licence stated; research release): {}, {} gold attributions (first annotator of each article), {} found by claimtrace.",
            folder::POLNEAR,
            ctx.count(docs.len(), all.len(), "articles"),
            s.gold,
            s.predicted
        ),
        table: table(&s),
        notes: vec![
            "Gold and predicted attributions are paired one-to-one by overlapping cue spans; source and content are then compared over those pairs. Precision counts against every predicted attribution with the role, recall against every gold one (so a missed cue costs source and content recall too). *exact*: same span after trimming whitespace; *overlap*: at least one character in common; *soft*: characters in common over characters predicted / gold (PARC-style partial credit). Discontinuous gold spans are taken as their hull.".into(),
            "claimtrace reports only attributions with a source it can name or describe (`Extractor::attributions`); PolNeAR's source-less attributions (\"it was reported\") are in the gold, so they count as missed cues.".into(),
            format!(
                "claimtrace: {:.1} articles/s, {:.0} words/s, {:.2} MB/s ({bytes} bytes in {secs:.2} s, document context included).",
                docs.len() as f64 / secs.max(1e-9),
                words as f64 / secs.max(1e-9),
                bytes as f64 / 1e6 / secs.max(1e-9)
            ),
        ],
        headlines: vec![
            Headline::new(
                "source span F1, exact",
                s.source.exact.f1(),
                None,
                Target::AtLeast(TARGET_SOURCE_F1),
            ),
            Headline::new(
                "source span F1, overlap",
                s.source.overlap.f1(),
                None,
                Target::AtLeast(TARGET_SOURCE_F1),
            ),
            Headline::new("cue span F1, overlap", s.cue.overlap.f1(), None, Target::None),
            Headline::new("content F1, soft", s.content.soft.f1(), None, Target::None),
        ],
    }])
}

fn table(s: &AttributionScore) -> Table {
    let mut t = Table::new(&["role", "match", "P", "R", "F1", "target"]);
    let mut role = |name: &str, r: &RoleScore, target: bool| {
        for (how, p, rc, f) in [
            ("exact", r.exact.precision(), r.exact.recall(), r.exact.f1()),
            (
                "overlap",
                r.overlap.precision(),
                r.overlap.recall(),
                r.overlap.f1(),
            ),
            ("soft", r.soft.precision(), r.soft.recall(), r.soft.f1()),
        ] {
            t.row(vec![
                name.to_string(),
                how.to_string(),
                f3(p),
                f3(rc),
                f3(f),
                if target && how != "soft" {
                    target_cell(f, TARGET_SOURCE_F1)
                } else {
                    String::new()
                },
            ]);
        }
    };
    role("cue", &s.cue, false);
    role("source", &s.source, true);
    role("content", &s.content, false);
    t
}

/// Dev-split error examples of one article: gold attributions whose cue was
/// not found, spurious ones, and pairs whose source differs.
fn errors(d: &AttributionDoc, pred: &[PredictedAttribution]) -> Vec<String> {
    let t = d.text.as_str();
    let sl = |s: Option<Span>| {
        s.map(|s| trim_span(t, s))
            .and_then(|s| s.slice(t))
            .unwrap_or("—")
            .replace('\n', " ")
    };
    let gc: Vec<Span> = d
        .attributions
        .iter()
        .filter_map(|a| hull(&a.cue).map(|c| trim_span(t, c)))
        .collect();
    let gold: Vec<_> = d
        .attributions
        .iter()
        .filter(|a| !a.cue.is_empty())
        .collect();
    let pc: Vec<Span> = pred.iter().map(|p| trim_span(t, p.cue)).collect();
    let pairs = pair_overlapping(&gc, &pc);
    let mut out = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        match pairs.iter().find(|(a, _)| *a == gi) {
            None => out.push(format!(
                "MISSED\tcue '{}'\tsource '{}'\t{}\tcontent '{}'",
                sl(hull(&g.cue)),
                sl(hull(&g.source)),
                d.id,
                truncate(&sl(hull(&g.content)), 100)
            )),
            Some(&(_, pi)) => {
                let gs = hull(&g.source).map(|s| trim_span(t, s));
                let ps = pred[pi].source.map(|s| trim_span(t, s));
                if gs != ps {
                    out.push(format!(
                        "SOURCE\tcue '{}'\tgold '{}' claimtrace '{}'\t{}",
                        sl(hull(&g.cue)),
                        sl(gs),
                        sl(ps),
                        d.id
                    ));
                }
            }
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !pairs.iter().any(|(_, b)| *b == pi) {
            out.push(format!(
                "SPURIOUS\tcue '{}'\tsource '{}'\t{}\tcontent '{}'",
                sl(Some(p.cue)),
                sl(p.source),
                d.id,
                truncate(&sl(p.content), 100)
            ));
        }
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
