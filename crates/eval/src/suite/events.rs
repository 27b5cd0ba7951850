//! Event grouping on real news reports (`claims_news_dev`): the reports of
//! one part run through extraction and the real corroboration, then scored
//! against the happening each gold claim and each report is about, at claim
//! level and at document level, beside each claim (report) alone.

use std::collections::{BTreeMap, HashMap};

use claimtrace_corroborate::{Corroborator, CorroboratorConfig};
use claimtrace_model::Claim;

use super::claims::{document, part, part_name, parts_of};
use super::{Ctx, folder};
use crate::data::claims_news::{self, Article, ClaimsNews, GoldClaim};
use crate::error::{EvalError, Result};
use crate::report::{Headline, Section, Table, Target, f3};
use crate::score::claims::score_document;
use crate::score::grouping::{GroupingScore, largest_share, score, singletons};
use crate::split::Part;

/// The targets on the reporting part.
const TARGET_CLAIM_B3: f64 = 0.80;
const TARGET_DOC_B3: f64 = 0.90;
const TARGET_PAIR_PRECISION: f64 = 0.90;

/// One report of a part with its extracted claims.
pub(crate) struct Report<'a> {
    pub article: &'a Article,
    pub claims: Vec<Claim>,
}

/// A gold claim (with an event) and the predicted claim covering it.
pub(crate) struct Mapped<'a> {
    pub key: String,
    pub gold: &'a GoldClaim,
    pub doc: usize,
    pub claim: Option<usize>,
}

/// Everything one part's run produced and scored.
pub(crate) struct PartRun<'a> {
    pub part: Part,
    pub reports: Vec<Report<'a>>,
    pub corr: Corroborator,
    pub mapped: Vec<Mapped<'a>>,
    pub claim_gold: BTreeMap<String, String>,
    pub claim_pred: HashMap<String, String>,
    pub doc_gold: BTreeMap<String, String>,
    pub doc_pred: HashMap<String, String>,
    pub claims: GroupingScore,
    pub documents: GroupingScore,
    pub share: f64,
}

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let dir = match &ctx.cfg.claims_dir {
        Some(d) => d.clone(),
        None => ctx.path(folder::CLAIMS_NEWS)?,
    };
    let data = claims_news::load(&dir)?;
    let mut runs = Vec::new();
    for p in parts_of(ctx.cfg.split) {
        runs.push(run_part(ctx, &data, p)?);
    }
    if ctx.collect_errors() {
        let lines: Vec<String> = runs.iter().flat_map(errors).collect();
        ctx.write_errors("claims_news_events", &lines);
    }
    Ok(vec![section(&data, &runs)])
}

/// The reports of part `p` in publication order (undated last, then file
/// order), as a news stream arrives.
fn stream(data: &ClaimsNews, p: Part) -> Vec<&Article> {
    let mut v: Vec<(usize, &Article)> = data
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| part(a) == p)
        .collect();
    v.sort_by(|(i, a), (j, b)| {
        let key = |x: &Article| x.published.clone().unwrap_or_else(|| "9999".into());
        key(a).cmp(&key(b)).then(i.cmp(j))
    });
    v.into_iter().map(|(_, a)| a).collect()
}

/// Extraction and corroboration of one part, then its scores.
fn run_part<'a>(ctx: &Ctx<'_>, data: &'a ClaimsNews, p: Part) -> Result<PartRun<'a>> {
    let ex = ctx.extractor()?;
    let mut corr = CorroboratorConfig::default()
        .build()
        .map_err(|e| EvalError::Component {
            component: "events".into(),
            reason: e.to_string(),
        })?;
    let mut reports = Vec::new();
    for article in stream(data, p) {
        let doc = document(article);
        let claims = ex.extract(&doc).claims;
        corr.add_document(&doc, &claims);
        reports.push(Report { article, claims });
    }
    let mapped = map_gold(data, &reports);
    let (claim_gold, claim_pred) = claim_level(&corr, &reports, &mapped);
    let (doc_gold, doc_pred, held) = document_level(&corr, &reports);
    Ok(PartRun {
        part: p,
        claims: score(&claim_gold, &claim_pred),
        documents: score(&doc_gold, &doc_pred),
        share: largest_share(&doc_gold, &held),
        reports,
        corr,
        mapped,
        claim_gold,
        claim_pred,
        doc_gold,
        doc_pred,
    })
}

/// Each gold claim with an event, and the predicted claim covering its
/// sentence (the matching rule of `eval claims`).
fn map_gold<'a>(data: &'a ClaimsNews, reports: &[Report<'a>]) -> Vec<Mapped<'a>> {
    let mut by_article: HashMap<&str, Vec<&GoldClaim>> = HashMap::new();
    for g in &data.gold {
        by_article.entry(g.article_id.as_str()).or_default().push(g);
    }
    let mut out = Vec::new();
    for (d, r) in reports.iter().enumerate() {
        let Some(gold) = by_article.get(r.article.id.as_str()) else {
            continue;
        };
        for o in score_document(&r.article.text, gold, &r.claims) {
            let g = gold[o.gold];
            if g.event.is_none() {
                continue;
            }
            out.push(Mapped {
                key: format!("{}#{}", r.article.id, o.gold),
                gold: g,
                doc: d,
                claim: o.predicted,
            });
        }
    }
    out
}

fn event_key(e: u32) -> String {
    format!("e{e}")
}

/// Gold and predicted clusters of the mapped gold claims.
fn claim_level(
    corr: &Corroborator,
    reports: &[Report<'_>],
    mapped: &[Mapped<'_>],
) -> (BTreeMap<String, String>, HashMap<String, String>) {
    let mut gold = BTreeMap::new();
    let mut pred = HashMap::new();
    for m in mapped {
        let Some(event) = &m.gold.event else {
            continue;
        };
        gold.insert(m.key.clone(), event.clone());
        if let Some(e) = m
            .claim
            .and_then(|i| corr.event_of(&reports[m.doc].claims[i].id))
        {
            pred.insert(m.key.clone(), event_key(e));
        }
    }
    (gold, pred)
}

/// Document level: a report's predicted event is the event holding most of
/// its claims (ties: the one opened first); `held` lists every event
/// holding one of its claims.
#[allow(clippy::type_complexity)]
fn document_level(
    corr: &Corroborator,
    reports: &[Report<'_>],
) -> (
    BTreeMap<String, String>,
    HashMap<String, String>,
    HashMap<String, Vec<String>>,
) {
    let mut gold = BTreeMap::new();
    let mut pred = HashMap::new();
    let mut held = HashMap::new();
    for r in reports {
        let id = r.article.id.clone();
        gold.insert(id.clone(), r.article.event.clone());
        let mut count: BTreeMap<u32, usize> = BTreeMap::new();
        for c in &r.claims {
            if let Some(e) = corr.event_of(&c.id) {
                *count.entry(e).or_default() += 1;
            }
        }
        let best = count
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(e, _)| *e);
        if let Some(e) = best {
            pred.insert(id.clone(), event_key(e));
        }
        held.insert(id, count.keys().map(|e| event_key(*e)).collect());
    }
    (gold, pred, held)
}

/// One level of the table: its name, its scores in a run, its baseline.
type Level = (
    &'static str,
    fn(&PartRun<'_>) -> GroupingScore,
    Option<GroupingScore>,
);
/// A count row: its name and the count.
type CountRow = (&'static str, fn(&GroupingScore) -> usize);

fn prf_cells(s: &GroupingScore) -> [(&'static str, f64); 6] {
    [
        ("B³ precision", s.b_cubed.precision),
        ("B³ recall", s.b_cubed.recall),
        ("**B³ F1**", s.b_cubed.f1),
        ("pairwise precision", s.pairwise.precision),
        ("pairwise recall", s.pairwise.recall),
        ("pairwise F1", s.pairwise.f1),
    ]
}

/// One table: claim level and document level on each part, with the
/// baseline (each claim or report alone) of the last part.
fn section(data: &ClaimsNews, runs: &[PartRun<'_>]) -> Section {
    let mut header = vec!["level".to_string(), "measure".to_string()];
    header.extend(runs.iter().map(|r| part_name(r.part).to_string()));
    header.push("each alone (last part)".into());
    header.push("target".into());
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(&refs);
    let last = runs.last();
    let claim_base = last.map(|r| singletons(&r.claim_gold));
    let doc_base = last.map(|r| singletons(&r.doc_gold));
    let levels: [Level; 2] = [
        ("claims", |r| r.claims, claim_base),
        ("documents", |r| r.documents, doc_base),
    ];
    for (level, get, base) in levels {
        for (i, (name, _)) in prf_cells(&get(&runs[0])).iter().enumerate() {
            let mut cells = vec![level.to_string(), name.to_string()];
            cells.extend(runs.iter().map(|r| f3(prf_cells(&get(r))[i].1)));
            cells.push(base.map_or(String::new(), |b| f3(prf_cells(&b)[i].1)));
            cells.push(target_of(level, i).map_or(String::new(), |t| format!("≥ {t:.2}")));
            table.row(cells);
        }
        count_rows(&mut table, level, runs, get);
    }
    let mut cells = vec![
        "documents".into(),
        "largest share of a happening's reports in one event".into(),
    ];
    cells.extend(runs.iter().map(|r| f3(r.share)));
    cells.extend([String::new(), String::new()]);
    table.row(cells);
    Section {
        component: "Event grouping on real news".into(),
        dataset: "claims_news_dev (real reports of 17 happenings, hand-labelled events)".into(),
        source: format!(
            "`{}` (texts belong to their publishers; labels the project's): {} reports, {} gold claims with an event. Split by **event** as for claim records; each part is corroborated on its own, reports in publication order (undated last).",
            folder::CLAIMS_NEWS,
            data.articles.len(),
            data.gold.iter().filter(|g| g.event.is_some()).count(),
        ),
        table,
        notes: notes(),
        headlines: last.map(headlines).unwrap_or_default(),
    }
}

fn target_of(level: &str, row: usize) -> Option<f64> {
    match (level, row) {
        ("claims", 2) => Some(TARGET_CLAIM_B3),
        ("claims", 3) => Some(TARGET_PAIR_PRECISION),
        ("documents", 2) => Some(TARGET_DOC_B3),
        _ => None,
    }
}

fn count_rows(
    table: &mut Table,
    level: &str,
    runs: &[PartRun<'_>],
    get: fn(&PartRun<'_>) -> GroupingScore,
) {
    let rows: [CountRow; 3] = [
        ("items scored", |s| s.items),
        ("gold happenings", |s| s.gold_clusters),
        ("predicted groups", |s| s.predicted_clusters),
    ];
    for (name, f) in rows {
        let mut cells = vec![level.to_string(), name.to_string()];
        cells.extend(runs.iter().map(|r| f(&get(r)).to_string()));
        cells.extend([String::new(), String::new()]);
        table.row(cells);
    }
}

fn notes() -> Vec<String> {
    vec![
        "Claim level: the gold claims with a non-null `event`; each is mapped to the predicted claim covering its sentence (the rule of the claim-record section) and takes that claim's event. A gold claim no claim covers, or whose claim joined no event (an opinion), is a group of its own.".into(),
        "Document level: every report of the part (labelled or not); a report's predicted event is the event holding most of its claims (ties: the one opened first), a report with no claim in any event is alone. Largest share: for each happening, the most of its reports one event holds a claim of, over its reports; averaged over happenings.".into(),
        "Corroboration is the code `claimtrace ingest` runs (`claimtrace_corroborate::Corroborator`, default settings, in memory; the store-backed run gives the same events). Baseline: each claim (report) alone.".into(),
    ]
}

fn headlines(r: &PartRun<'_>) -> Vec<Headline> {
    vec![
        Headline::new(
            "claim-level B³ F1",
            r.claims.b_cubed.f1,
            Some((
                "each claim alone".into(),
                singletons(&r.claim_gold).b_cubed.f1,
            )),
            Target::AtLeast(TARGET_CLAIM_B3),
        ),
        Headline::new(
            "claim-level pairwise precision",
            r.claims.pairwise.precision,
            None,
            Target::AtLeast(TARGET_PAIR_PRECISION),
        ),
        Headline::new(
            "document-level B³ F1",
            r.documents.b_cubed.f1,
            Some((
                "each report alone".into(),
                singletons(&r.doc_gold).b_cubed.f1,
            )),
            Target::AtLeast(TARGET_DOC_B3),
        ),
        Headline::new(
            "largest share of a happening's reports in one event",
            r.share,
            None,
            Target::None,
        ),
    ]
}

/// The wrongly split and wrongly merged claims of a (dev) part, grouped:
/// per gold happening, the predicted groups its claims fell into; per
/// predicted event holding several happenings, its claims by happening.
/// Each claim with its fields and how it joined its event.
fn errors(run: &PartRun<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let line = |m: &Mapped<'_>| claim_line(run, m);
    let mut by_gold: BTreeMap<&str, BTreeMap<String, Vec<&Mapped<'_>>>> = BTreeMap::new();
    let mut by_pred: BTreeMap<String, BTreeMap<&str, Vec<&Mapped<'_>>>> = BTreeMap::new();
    for m in &run.mapped {
        let g = run.claim_gold.get(&m.key).map_or("", String::as_str);
        let p = run
            .claim_pred
            .get(&m.key)
            .cloned()
            .unwrap_or_else(|| format!("alone:{}", m.key));
        by_gold
            .entry(g)
            .or_default()
            .entry(p.clone())
            .or_default()
            .push(m);
        by_pred.entry(p).or_default().entry(g).or_default().push(m);
    }
    for (g, groups) in &by_gold {
        if groups.len() < 2 {
            continue;
        }
        out.push(format!(
            "== split: happening {g} is in {} groups",
            groups.len()
        ));
        for (p, ms) in groups {
            out.push(format!("  -- {p} ({} claims)", ms.len()));
            out.extend(ms.iter().map(|m| line(m)));
        }
        out.push(String::new());
    }
    for (p, groups) in &by_pred {
        if groups.len() < 2 {
            continue;
        }
        out.push(format!("== merged: {p} holds {} happenings", groups.len()));
        for (g, ms) in groups {
            out.push(format!("  -- {g} ({} claims)", ms.len()));
            out.extend(ms.iter().map(|m| line(m)));
        }
        out.push(String::new());
    }
    out.push("== documents: gold happening → predicted event".into());
    for (d, g) in &run.doc_gold {
        let p = run.doc_pred.get(d).map_or("(none)", String::as_str);
        out.push(format!("  {g} {p} {d}"));
    }
    out
}

fn claim_line(run: &PartRun<'_>, m: &Mapped<'_>) -> String {
    let r = &run.reports[m.doc];
    match m.claim.map(|i| &r.claims[i]) {
        None => format!("     {} no claim covers: {}", r.article.id, m.gold.sentence),
        Some(c) => {
            let why = run.corr.join_reason(&c.id).unwrap_or_default();
            format!(
                "     {} [{} {}] actor={:?} target={:?} date={:?} place={:?}: {}\n        why: {}",
                r.article.id,
                c.claim_type.as_str(),
                c.epistemic.as_str(),
                c.actor.as_ref().map(|a| &a.name),
                c.target.as_ref().map(|a| &a.name),
                c.date.as_ref().map(|d| &d.value),
                c.place.as_ref().map(|p| &p.name),
                c.sentence.trim(),
                why
            )
        }
    }
}
