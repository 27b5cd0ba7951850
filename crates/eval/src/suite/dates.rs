//! Date normalisation on TempEval-3 TBAQ-cleaned and MEANTIME: claimtrace's
//! date finder (`claimtrace_temporal::find_date_atoms`, anchored on the
//! document creation time) against gold TIMEX3s of type DATE.

use super::{Ctx, folder};
use crate::data::{TimexDoc, meantime, timeml};
use crate::error::Result;
use crate::metrics::pair_overlapping;
use crate::report::{Headline, Section, Table, Target, f3, prf, target_cell};
use crate::score::dates::{PredictedDate, not_scored, same_value, score};

/// The target for date value accuracy.
const TARGET_VALUE_ACCURACY: f64 = 0.80;

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let tbaq = timeml::load_dir(&ctx.path(folder::TBAQ)?)?;
    let mt = meantime::load_dir(&ctx.path(folder::MEANTIME)?.join("intra-doc_annotation"))?;
    Ok(vec![
        section(
            ctx,
            folder::TBAQ,
            "TempEval-3 TBAQ-cleaned (TimeBank 1.2 + AQUAINT newswire)",
            "no explicit licence; LDC-origin texts",
            &tbaq,
        ),
        section(
            ctx,
            folder::MEANTIME,
            "MEANTIME English (Wikinews)",
            "CC BY 4.0",
            &mt,
        ),
    ])
}

/// claimtrace's dates of one document: one mention per expression, compared
/// by its TIMEX3 value.
fn claimtrace_dates(d: &TimexDoc) -> Vec<PredictedDate> {
    claimtrace_temporal::find_date_atoms(&d.text, d.dct)
        .into_iter()
        .map(|m| PredictedDate {
            span: m.span,
            value: if m.timex.is_empty() {
                m.date.value
            } else {
                m.timex
            },
        })
        .collect()
}

/// Dev-split error examples of one document: gold DATEs missed or given the
/// wrong value, and spurious predictions.
fn errors(d: &TimexDoc) -> Vec<String> {
    let t = d.text.as_str();
    let pred = claimtrace_dates(d);
    let gold: Vec<_> = d.timexes.iter().filter(|x| x.kind == "DATE").collect();
    let gs: Vec<_> = gold.iter().map(|x| x.span).collect();
    let ps: Vec<_> = pred.iter().map(|p| p.span).collect();
    let pairs = pair_overlapping(&gs, &ps);
    let sl = |s: &claimtrace_model::Span| s.slice(t).unwrap_or("?").replace('\n', " ");
    let dct = d.dct.map(|x| x.to_string()).unwrap_or_default();
    let mut out = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        match pairs.iter().find(|(a, _)| *a == gi) {
            None => out.push(format!(
                "MISSED\t'{}'\tgold {}\tDCT {dct}\t{}",
                sl(&g.span),
                g.value,
                d.id
            )),
            Some(&(_, pi)) if !same_value(&g.value, &pred[pi].value) => out.push(format!(
                "WRONG_VALUE\t'{}' (claimtrace '{}')\tgold {} claimtrace {}\tDCT {dct}\t{}",
                sl(&g.span),
                sl(&pred[pi].span),
                g.value,
                pred[pi].value,
                d.id
            )),
            Some(_) => {}
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        let used = pairs.iter().any(|(_, b)| *b == pi);
        if !used && !not_scored(d, &p.span) {
            out.push(format!(
                "SPURIOUS\t'{}'\tclaimtrace {}\tDCT {dct}\t{}",
                sl(&p.span),
                p.value,
                d.id
            ));
        }
    }
    out
}

fn section(ctx: &Ctx<'_>, dataset: &str, title: &str, licence: &str, all: &[TimexDoc]) -> Section {
    let docs: Vec<&TimexDoc> = all.iter().filter(|d| ctx.keep(dataset, &d.id)).collect();
    let t0 = std::time::Instant::now();
    let s = score(docs.iter().copied(), claimtrace_dates);
    let secs = t0.elapsed().as_secs_f64();
    if ctx.collect_errors() {
        let lines: Vec<String> = docs.iter().flat_map(|d| errors(d)).collect();
        ctx.write_errors(&format!("dates_{dataset}"), &lines);
    }
    let mut table = Table::new(&["metric", "claimtrace", "target"]);
    table.row(vec![
        "DATE detection, relaxed (overlap) P / R / F1".into(),
        prf(&s.detection),
        String::new(),
    ]);
    table.row(vec![
        "value accuracy over all gold DATEs".into(),
        f3(s.value_accuracy()),
        target_cell(s.value_accuracy(), TARGET_VALUE_ACCURACY),
    ]);
    table.row(vec![
        "value accuracy over found DATEs".into(),
        f3(s.value_accuracy_found()),
        String::new(),
    ]);
    let headlines = vec![
        Headline::new(
            "DATE value accuracy (all gold DATEs)",
            s.value_accuracy(),
            None,
            Target::AtLeast(TARGET_VALUE_ACCURACY),
        ),
        Headline::new(
            "DATE detection F1, relaxed",
            s.detection.f1(),
            None,
            Target::None,
        ),
    ];
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    Section {
        headlines,
        component: "Dates".into(),
        dataset: title.into(),
        source: format!(
            "`{dataset}` ({licence}): {}, {} gold DATE TIMEX3s (document creation time excluded).",
            ctx.count(docs.len(), all.len(), "documents"),
            s.detection.gold()
        ),
        table,
        notes: vec![
            "claimtrace: `claimtrace_temporal::find_date_atoms(text, DCT)`, one mention per expression (the unit TIMEX3 marks), compared by its TIMEX3 value. The target is on value accuracy over all gold DATEs (a missed date counts as wrong).".into(),
            "Relative expressions are resolved against the document creation time. A prediction over a gold TIME/DURATION/SET or over the dateline is not counted as a false positive. Values are compared as day ranges where both sides allow (TimeML `2009-Q3` = `2009-07-01/2009-09-30`), else as strings.".into(),
            "For context only (other documents): HeidelTime's published TempEval-3 platinum-test figures are relaxed span F1 0.903 and value F1 0.776.".into(),
            if dataset == folder::MEANTIME {
                "MEANTIME annotates only the title and first sentences of each article; predictions after the last annotated sentence are not scored.".into()
            } else {
                "TBAQ is annotated throughout; every prediction is scored.".into()
            },
            format!("claimtrace `find_date_atoms`: {:.2} MB/s ({bytes} bytes in {secs:.3} s).", bytes as f64 / 1e6 / secs.max(1e-9)),
        ],
    }
}
