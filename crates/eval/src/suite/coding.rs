//! Event coding: PLOVER gold-standard sentences (PLOVER event and actors)
//! and CASE 2021 task 2 snippets (ACLED sub-event types, mapped to
//! claimtrace claim types and PLOVER events by `crate::mapping`). claimtrace
//! is run on each text as a whole document; its first claim is its answer.

use std::collections::BTreeMap;

use claimtrace_extract::{Extraction, Extractor};
use claimtrace_model::Document;

use super::{Ctx, folder};
use crate::data::{LabelledText, case2021, plover};
use crate::error::Result;
use crate::mapping::{
    ACLED_TO_CLAIM, ACLED_TO_PLOVER, acled_claim_type, acled_plover, plover_gold,
};
use crate::metrics::{Confusion, Counts};
use crate::report::{Headline, Section, Table, Target, f3, prf};
use crate::score::events::{NONE, add_actor, add_codes};
use crate::split::{Part, part_of};

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let ex = ctx.extractor()?;
    Ok(vec![plover_section(ctx, ex)?, case_section(ctx, ex)?])
}

fn extract(ex: &Extractor, id: &str, text: &str) -> Extraction {
    ex.extract(&Document::from_text(id, text))
}

/// The most frequent class among dev items (the majority-class baseline is
/// fitted on dev, like everything else).
fn majority<'a>(classes: impl Iterator<Item = &'a str>) -> String {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for c in classes {
        *n.entry(c).or_default() += 1;
    }
    n.into_iter()
        .max_by_key(|(c, k)| (*k, std::cmp::Reverse(*c)))
        .map(|(c, _)| c.to_string())
        .unwrap_or_else(|| NONE.to_string())
}

/// One line of a claim for the error files: type, PLOVER, actor, reasons.
fn claim_line(x: &Extraction) -> String {
    match x.claims.first() {
        None => "no claim".into(),
        Some(c) => format!(
            "{} / {} actor '{}' target '{}' — {}",
            c.claim_type,
            c.plover.event,
            c.actor.as_ref().map(|m| m.text.as_str()).unwrap_or("—"),
            c.target.as_ref().map(|m| m.text.as_str()).unwrap_or("—"),
            c.why.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        ),
    }
}

fn plover_section(ctx: &Ctx<'_>, ex: &Extractor) -> Result<Section> {
    let all = plover::load_records(&ctx.path(folder::PLOVER)?.join("plover_gsr.jsonl"))?;
    let items: Vec<&plover::PloverRecord> = all
        .iter()
        .filter(|r| ctx.keep(folder::PLOVER, &r.id))
        .collect();
    let base = majority(
        all.iter()
            .filter(|r| part_of(folder::PLOVER, &r.id) == Part::Dev)
            .map(|r| r.event.as_str()),
    );
    let base = plover_gold(&base);
    let t0 = std::time::Instant::now();
    let out: Vec<Extraction> = items.iter().map(|r| extract(ex, &r.id, &r.text)).collect();
    let secs = t0.elapsed().as_secs_f64();

    let mut t = tally_plover(&items, &out, &base);
    if ctx.collect_errors() {
        t.errors.sort();
        ctx.write_errors("events_plover", &t.errors);
    }
    let table = plover_table(&t, &base, items.len());
    Ok(Section {
        component: "Event coding".into(),
        dataset: "PLOVER gold-standard records (OEDA)".into(),
        source: format!(
            "`{}` (CC BY-SA 4.0): {}.",
            folder::PLOVER,
            ctx.count(items.len(), all.len(), "sentences")
        ),
        table,
        notes: vec![
            "Each sentence is extracted as a one-sentence document; the `plover.event` of its first claim is compared with the gold event (no claim = wrong). Gold PLOVER 0.5b1 names are followed to claimtrace's set (`mapping::plover_gold`: DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT); INVESTIGATE has no counterpart and can only be missed.".into(),
            "Actors: the first claim's `actor` / `target` text against the gold `actorText`s; a match when one contains the other as whole words (case and \"the\" ignored). Country codes: the actor's knowledge-base id (ISO-3 for states) against the gold `code`s as sets of ISO-3 codes (CAMEO non-state codes such as IGO, REB left out on both sides); a claim has one actor, so a compound gold source (\"Hungarian and Romanian officials\") can at best be half recalled.".into(),
            "Baseline: always the most frequent gold event of the dev split. PETRARCH2 (the suggested peer) is not run: it needs a CoreNLP parse and Python 2; these sentences come from the CAMEO manual its dictionaries were built from.".into(),
            format!("claimtrace: {:.0} sentences/s (full extraction).", items.len() as f64 / secs.max(1e-9)),
        ],
        headlines: vec![
            Headline::new(
                "PLOVER event accuracy",
                t.first.accuracy(),
                Some(("majority class".into(), t.baseline.accuracy())),
                Target::None,
            ),
            Headline::new("source actor F1", t.src.f1(), None, Target::None),
            Headline::new("source country code F1", t.src_code.f1(), None, Target::None),
        ],
    })
}

/// What the PLOVER records' first claims got right.
#[derive(Default)]
struct PloverTally {
    /// Gold event against the first claim's event.
    first: Confusion,
    /// Gold event against the majority class.
    baseline: Confusion,
    /// Sentences whose gold event is among any of their claims' events.
    any: usize,
    /// Sentences with no claim.
    no_claim: usize,
    src: Counts,
    tgt: Counts,
    src_code: Counts,
    tgt_code: Counts,
    /// One line per wrong event.
    errors: Vec<String>,
}

/// Score the first claim of each record's extraction `out` (the majority
/// class `base` as the baseline).
fn tally_plover(items: &[&plover::PloverRecord], out: &[Extraction], base: &str) -> PloverTally {
    let mut t = PloverTally::default();
    for (r, x) in items.iter().zip(out) {
        let gold = plover_gold(&r.event);
        let c = x.claims.first();
        let pred = c
            .map(|c| c.plover.event.as_str().to_string())
            .unwrap_or_else(|| NONE.into());
        t.first.add(&gold, &pred);
        t.baseline.add(&gold, base);
        t.any += usize::from(x.claims.iter().any(|c| c.plover.event.as_str() == gold));
        t.no_claim += usize::from(x.claims.is_empty());
        add_actor(
            &mut t.src,
            c.and_then(|c| c.actor.as_ref()).map(|m| m.text.as_str()),
            &r.sources,
        );
        add_actor(
            &mut t.tgt,
            c.and_then(|c| c.target.as_ref()).map(|m| m.text.as_str()),
            &r.targets,
        );
        let ids = |m: Option<&claimtrace_model::Mention>| -> Vec<String> {
            m.and_then(|m| m.id.clone()).into_iter().collect()
        };
        add_codes(
            &mut t.src_code,
            &ids(c.and_then(|c| c.actor.as_ref())),
            &r.source_codes,
        );
        add_codes(
            &mut t.tgt_code,
            &ids(c.and_then(|c| c.target.as_ref())),
            &r.target_codes,
        );
        if gold != pred {
            t.errors.push(format!(
                "{gold} → {pred}\t{}\t{}\tclaimtrace: {}",
                r.id,
                r.text,
                claim_line(x)
            ));
        }
    }
    t
}

/// The PLOVER table: event accuracy and F1, actors, country codes, and
/// per gold event.
fn plover_table(t: &PloverTally, base: &str, n: usize) -> Table {
    let mut table = Table::new(&["metric", "claimtrace", "majority class (baseline)"]);
    table.row(vec![
        "PLOVER event accuracy (first claim)".into(),
        f3(t.first.accuracy()),
        format!("{} ({base})", f3(t.baseline.accuracy())),
    ]);
    table.row(vec![
        "PLOVER event macro-F1".into(),
        f3(t.first.macro_f1()),
        f3(t.baseline.macro_f1()),
    ]);
    table.row(vec![
        "gold event among any of the sentence's claims".into(),
        f3(crate::metrics::ratio(t.any, n)),
        String::new(),
    ]);
    table.row(vec![
        "sentences with no claim".into(),
        format!("{} of {n}", t.no_claim),
        String::new(),
    ]);
    table.row(vec![
        "source actor (first claim's actor) P / R / F1".into(),
        prf(&t.src),
        String::new(),
    ]);
    table.row(vec![
        "target actor P / R / F1".into(),
        prf(&t.tgt),
        String::new(),
    ]);
    table.row(vec![
        "source country code (ISO-3) P / R / F1".into(),
        prf(&t.src_code),
        String::new(),
    ]);
    table.row(vec![
        "target country code (ISO-3) P / R / F1".into(),
        prf(&t.tgt_code),
        String::new(),
    ]);
    for label in t.first.gold_labels() {
        let c = t.first.counts(&label);
        table.row(vec![
            format!("  {label} ({} gold)", c.gold()),
            prf(&c),
            String::new(),
        ]);
    }
    table
}

fn case_section(ctx: &Ctx<'_>, ex: &Extractor) -> Result<Section> {
    let all = case2021::load(
        &ctx.path(folder::CASE2021)?
            .join("task2_test_with_labels.tsv"),
    )?;
    let items: Vec<&LabelledText> = all
        .iter()
        .filter(|r| ctx.keep(folder::CASE2021, &r.id))
        .collect();
    let dev = || {
        all.iter()
            .filter(|r| part_of(folder::CASE2021, &r.id) == Part::Dev)
    };
    let base_type = majority(
        dev()
            .filter_map(|r| acled_claim_type(&r.label))
            .map(|t| t.as_str()),
    );
    let base_plover = majority(
        dev()
            .filter_map(|r| acled_plover(&r.label))
            .map(|p| p.as_str()),
    );
    let t0 = std::time::Instant::now();
    let out: Vec<Extraction> = items.iter().map(|r| extract(ex, &r.id, &r.text)).collect();
    let secs = t0.elapsed().as_secs_f64();

    let mut t = tally_case(&items, &out, &base_type, &base_plover);
    if ctx.collect_errors() {
        t.errors.sort();
        ctx.write_errors("events_case2021", &t.errors);
    }
    let table = case_table(&t, &base_type, &base_plover, items.len());
    Ok(Section {
        component: "Event coding".into(),
        dataset: "CASE 2021 task 2 (ACLED sub-event types)".into(),
        source: format!(
            "`{}` (no licence stated; public release): {}{}.",
            folder::CASE2021,
            ctx.count(items.len(), all.len(), "snippets"),
            if t.unmapped > 0 { format!(", {} with an unmapped label", t.unmapped) } else { String::new() }
        ),
        table,
        notes: vec![
            "Each snippet is extracted as one document; its first claim's `type` (and `plover.event`) is compared with the gold sub-event type mapped into claimtrace's label sets (no claim = wrong, also for gold types that map to `other`).".into(),
            format!(
                "Mapping to claim types (`crates/eval/src/mapping.rs::ACLED_TO_CLAIM`): {}.",
                acled_mapping(ACLED_TO_CLAIM.iter().map(|(a, t)| (*a, t.as_str().to_string())).collect())
            ),
            format!(
                "Mapping to PLOVER (`ACLED_TO_PLOVER`; other types not scored): {}.",
                acled_mapping(ACLED_TO_PLOVER.iter().map(|(a, p)| (*a, p.as_str().to_string())).collect())
            ),
            "Baseline: always the most frequent mapped class of the dev split.".into(),
            format!("claimtrace: {:.0} snippets/s (full extraction).", items.len() as f64 / secs.max(1e-9)),
        ],
        headlines: vec![
            Headline::new(
                "claim type accuracy",
                t.ty.accuracy(),
                Some(("majority class".into(), t.ty_base.accuracy())),
                Target::None,
            ),
            Headline::new(
                "PLOVER event accuracy",
                t.pl.accuracy(),
                Some(("majority class".into(), t.pl_base.accuracy())),
                Target::None,
            ),
        ],
    })
}

/// What the CASE 2021 snippets' first claims got right.
#[derive(Default)]
struct CaseTally {
    /// Gold claim type against the first claim's type, and against the majority class.
    ty: Confusion,
    ty_base: Confusion,
    /// The same for PLOVER events (snippets whose label maps to one).
    pl: Confusion,
    pl_base: Confusion,
    /// Snippets whose label maps to no claim type (not scored).
    unmapped: usize,
    /// Snippets with no claim.
    no_claim: usize,
    /// Snippets whose gold type is among any of their claims' types.
    any: usize,
    /// One line per wrong claim type.
    errors: Vec<String>,
}

/// Score the first claim of each snippet's extraction `out` (the majority
/// classes as the baselines).
fn tally_case(
    items: &[&LabelledText],
    out: &[Extraction],
    base_type: &str,
    base_plover: &str,
) -> CaseTally {
    let mut t = CaseTally::default();
    for (r, x) in items.iter().zip(out) {
        let c = x.claims.first();
        t.no_claim += usize::from(c.is_none());
        let Some(gold_t) = acled_claim_type(&r.label) else {
            t.unmapped += 1;
            continue;
        };
        let pred_t = c.map(|c| c.claim_type.as_str()).unwrap_or(NONE);
        t.ty.add(gold_t.as_str(), pred_t);
        t.any += usize::from(x.claims.iter().any(|c| c.claim_type == gold_t));
        t.ty_base.add(gold_t.as_str(), base_type);
        if let Some(gold_p) = acled_plover(&r.label) {
            let pred_p = c.map(|c| c.plover.event.as_str()).unwrap_or(NONE);
            t.pl.add(gold_p.as_str(), pred_p);
            t.pl_base.add(gold_p.as_str(), base_plover);
        }
        if gold_t.as_str() != pred_t {
            t.errors.push(format!(
                "{} ({}) → {pred_t}\t{}\t{}\tclaimtrace: {}",
                gold_t,
                r.label,
                r.id,
                r.text,
                claim_line(x)
            ));
        }
    }
    t
}

/// The CASE 2021 table: claim type and PLOVER accuracy and F1, and per
/// gold type.
fn case_table(t: &CaseTally, base_type: &str, base_plover: &str, n: usize) -> Table {
    let mut table = Table::new(&["metric", "claimtrace", "majority class (baseline)"]);
    table.row(vec![
        "claim type accuracy (first claim)".into(),
        f3(t.ty.accuracy()),
        format!("{} ({base_type})", f3(t.ty_base.accuracy())),
    ]);
    table.row(vec![
        "claim type macro-F1".into(),
        f3(t.ty.macro_f1()),
        f3(t.ty_base.macro_f1()),
    ]);
    table.row(vec![
        "gold claim type among any of the snippet's claims".into(),
        f3(crate::metrics::ratio(t.any, t.ty.len())),
        String::new(),
    ]);
    table.row(vec![
        format!(
            "PLOVER event accuracy ({} snippets with a PLOVER mapping)",
            t.pl.len()
        ),
        f3(t.pl.accuracy()),
        format!("{} ({base_plover})", f3(t.pl_base.accuracy())),
    ]);
    table.row(vec![
        "PLOVER event macro-F1".into(),
        f3(t.pl.macro_f1()),
        f3(t.pl_base.macro_f1()),
    ]);
    table.row(vec![
        "snippets with no claim".into(),
        format!("{} of {n}", t.no_claim),
        String::new(),
    ]);
    for label in t.ty.gold_labels() {
        let c = t.ty.counts(&label);
        table.row(vec![
            format!("  {label} ({} gold)", c.gold()),
            prf(&c),
            String::new(),
        ]);
    }
    table
}

/// An ACLED mapping as "target ← ACLED types; ...".
fn acled_mapping(pairs: Vec<(&str, String)>) -> String {
    let mut by: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (a, t) in pairs {
        by.entry(t).or_default().push(a);
    }
    by.into_iter()
        .map(|(t, a)| format!("{t} ← {}", a.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_breaks_ties_by_name() {
        assert_eq!(majority(["b", "a", "b", "a", "c"].into_iter()), "a");
        assert_eq!(majority(["x", "y", "y"].into_iter()), "y");
        assert_eq!(majority(std::iter::empty()), NONE);
    }
}
