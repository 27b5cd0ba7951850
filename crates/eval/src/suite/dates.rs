//! Date normalisation on TempEval-3 TBAQ-cleaned and MEANTIME: claimtrace's
//! date finder (`claimtrace_temporal::find_date_atoms`, anchored on the
//! document creation time) against gold TIMEX3s of type DATE.

use super::{Ctx, folder};
use crate::data::{TimexDoc, meantime, timeml};
use crate::error::Result;
use crate::report::{Section, Table, f3, prf};
use crate::score::dates::{PredictedDate, score};

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

fn section(ctx: &Ctx<'_>, dataset: &str, title: &str, licence: &str, all: &[TimexDoc]) -> Section {
    let docs: Vec<&TimexDoc> = all.iter().filter(|d| ctx.keep(dataset, &d.id)).collect();
    let t0 = std::time::Instant::now();
    let s = score(docs.iter().copied(), claimtrace_dates);
    let secs = t0.elapsed().as_secs_f64();
    let mut table = Table::new(&["metric", "claimtrace"]);
    table.row(vec![
        "DATE detection, relaxed (overlap) P / R / F1".into(),
        prf(&s.detection),
    ]);
    table.row(vec![
        "value accuracy over all gold DATEs".into(),
        f3(s.value_accuracy()),
    ]);
    table.row(vec![
        "value accuracy over found DATEs".into(),
        f3(s.value_accuracy_found()),
    ]);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    Section {
        component: "Dates".into(),
        dataset: title.into(),
        source: format!(
            "`{dataset}` ({licence}): {}, {} gold DATE TIMEX3s (document creation time excluded).",
            ctx.count(docs.len(), all.len(), "documents"),
            s.detection.gold()
        ),
        table,
        notes: vec![
            "Relative expressions are resolved against the document creation time. A prediction over a gold TIME/DURATION/SET or over the dateline is not counted as a false positive. Values are compared as day ranges where both sides allow (TimeML `2009-Q3` = `2009-07-01/2009-09-30`), else as strings.".into(),
            "For context only (other documents): HeidelTime's published TempEval-3 platinum-test figures are relaxed span F1 0.903 and value F1 0.776.".into(),
            format!("Speed: {:.2} MB/s ({bytes} bytes in {secs:.2} s, debug-or-release as built).", bytes as f64 / 1e6 / secs.max(1e-9)),
        ],
    }
}
