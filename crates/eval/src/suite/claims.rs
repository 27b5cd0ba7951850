//! Whole claim records on real news reports (`claims_news_dev`): per-field
//! accuracy, the confusion of each label set and the overall figure, on the
//! tuning part (dev) and the reporting part (test), split by event.

use std::collections::BTreeMap;

use claimtrace_extract::learn::TrainParams;
use claimtrace_model::{Claim, Document};

use super::{Ctx, folder};
use crate::data::claims_news::{self, Article, ClaimsNews, GoldClaim};
use crate::error::Result;
use crate::metrics::Confusion;
use crate::report::{Headline, Section, Table, Target, f3};
use crate::score::claims::{ClaimsScore, Field, Outcome, score_document};
use crate::split::{Part, Split, part_of};

/// The targets on the reporting part.
const TARGET_OVERALL: f64 = 0.85;
const TARGET_LABEL: f64 = 0.88;
const TARGET_SOURCE_TEXT: f64 = 0.80;
const TARGET_DATE: f64 = 0.80;
const TARGET_ROLE: f64 = 0.75;
const TARGET_PLACE: f64 = 0.80;

fn target(f: Field) -> f64 {
    match f {
        Field::Type | Field::SourceKind | Field::Firmness => TARGET_LABEL,
        Field::SourceText => TARGET_SOURCE_TEXT,
        Field::Date => TARGET_DATE,
        Field::Actor | Field::Target => TARGET_ROLE,
        Field::Place => TARGET_PLACE,
    }
}

/// The extraction of one article and its scored gold claims.
pub(crate) struct Scored<'a> {
    pub article: &'a Article,
    pub gold: Vec<&'a GoldClaim>,
    pub claims: Vec<Claim>,
    pub outcomes: Vec<Outcome>,
}

/// The document claimtrace reads for a report: its text and metadata.
pub(crate) fn document(a: &Article) -> Document {
    let mut d = Document::from_text(&a.id, &a.text);
    d.title = a.title.clone();
    d.url = a.url.clone();
    d.outlet = a.outlet.clone();
    d.published = a.published.clone();
    d.lang = Some("en".into());
    d
}

/// The side of the split of a report: its event's.
pub(crate) fn part(a: &Article) -> Part {
    part_of(folder::CLAIMS_NEWS, &a.event)
}

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let dir = match &ctx.cfg.claims_dir {
        Some(d) => d.clone(),
        None => ctx.path(folder::CLAIMS_NEWS)?,
    };
    let data = claims_news::load(&dir)?;
    let ex = ctx.extractor()?;
    let scored: Vec<Scored<'_>> = labelled_articles(&data)
        .into_iter()
        .filter(|(a, _)| ctx.keep(folder::CLAIMS_NEWS, &a.event))
        .map(|(article, gold)| {
            let claims = ex.extract(&document(article)).claims;
            let outcomes = score_document(&article.text, &gold, &claims);
            Scored {
                article,
                gold,
                claims,
                outcomes,
            }
        })
        .collect();
    if ctx.collect_errors() {
        ctx.write_errors("claims_news", &errors(&scored));
    }
    let parts = parts_of(ctx.cfg.split);
    let scores: Vec<(Part, ClaimsScore)> = parts
        .iter()
        .map(|&p| (p, total(scored.iter().filter(|s| part(s.article) == p))))
        .collect();
    let mut out = vec![field_section(&data, &scores)];
    out.push(type_model_section(&dir, ctx.cfg.gazetteer_dir.as_deref())?);
    // Confusions of the reported part (the last one listed).
    if let Some((p, s)) = scores.last() {
        for (name, conf) in [
            ("claim type", &s.types),
            ("source kind", &s.source_kinds),
            ("firmness", &s.firmness),
        ] {
            out.push(confusion_section(name, *p, conf));
        }
    }
    Ok(out)
}

/// Articles with gold claims, each with its claims, in file order.
pub(crate) fn labelled_articles(data: &ClaimsNews) -> Vec<(&Article, Vec<&GoldClaim>)> {
    let mut by_article: BTreeMap<&str, Vec<&GoldClaim>> = BTreeMap::new();
    for g in &data.gold {
        by_article.entry(g.article_id.as_str()).or_default().push(g);
    }
    data.articles
        .iter()
        .filter_map(|a| by_article.remove(a.id.as_str()).map(|g| (a, g)))
        .collect()
}

/// The parts a run reports: the one asked for, or both.
pub(crate) fn parts_of(split: Split) -> Vec<Part> {
    match split {
        Split::Dev => vec![Part::Dev],
        Split::Test => vec![Part::Test],
        Split::All => vec![Part::Dev, Part::Test],
    }
}

fn total<'a>(scored: impl Iterator<Item = &'a Scored<'a>>) -> ClaimsScore {
    let mut s = ClaimsScore::default();
    for d in scored {
        s.add(&d.gold, &d.claims, &d.outcomes);
    }
    s
}

pub(crate) fn part_name(p: Part) -> &'static str {
    match p {
        Part::Dev => "tuning part (dev)",
        Part::Test => "reporting part (test)",
    }
}

/// Per-field accuracy on each part, with the targets.
fn field_section(data: &ClaimsNews, scores: &[(Part, ClaimsScore)]) -> Section {
    let mut header = vec!["field".to_string()];
    header.extend(scores.iter().map(|(p, _)| part_name(*p).to_string()));
    header.push("target".into());
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(&header_refs);
    let mut row = |name: &str, value: &dyn Fn(&ClaimsScore) -> f64, t: Option<f64>| {
        let mut cells = vec![name.to_string()];
        cells.extend(scores.iter().map(|(_, s)| f3(value(s))));
        cells.push(t.map_or(String::new(), |t| format!("≥ {t:.2}")));
        table.row(cells);
    };
    row(
        "**overall** (mean of type, source kind, firmness)",
        &|s| s.overall(),
        Some(TARGET_OVERALL),
    );
    for f in Field::ALL {
        row(f.as_str(), &|s| s.accuracy(f), Some(target(f)));
    }
    row(
        "gold claims whose sentence yields a claim",
        &|s| s.found_share(),
        None,
    );
    row("gold claims", &|s| s.gold as f64, None);
    let headlines = scores.last().map(|(_, s)| headlines(s)).unwrap_or_default();
    let events = |p: Part| {
        let mut e: Vec<&str> = data
            .articles
            .iter()
            .filter(|a| part_of(folder::CLAIMS_NEWS, &a.event) == p)
            .map(|a| a.event.as_str())
            .collect();
        e.sort();
        e.dedup();
        e.join(", ")
    };
    Section {
        component: "Claim records on real news".into(),
        dataset: "claims_news_dev (real wire and web reports, hand-labelled claims)".into(),
        source: format!(
            "`{}` (texts belong to their publishers; labels the project's): {} reports, {} gold claims. Split by **event**: tuning part {}; reporting part {}.",
            folder::CLAIMS_NEWS,
            data.articles.len(),
            data.gold.len(),
            events(Part::Dev),
            events(Part::Test),
        ),
        table,
        notes: vec![
            "A gold claim is found when a claim of the same report covers its sentence (overlap of at least half the shorter span); several gold claims of one sentence each take the claim agreeing with it most, unused ones first. Type, source kind and firmness count a second reading given in `alt` as right. Source text, actor, target and place are right when both are absent or one's content words are all in the other's (or they share half of them); the date when both are absent or in the same month (`crates/eval/src/score/claims.rs`). An unfound claim is wrong on every field.".into(),
        ],
        headlines,
    }
}

fn headlines(s: &ClaimsScore) -> Vec<Headline> {
    let mut h = vec![Headline::new(
        "overall (type, source kind, firmness)",
        s.overall(),
        None,
        Target::AtLeast(TARGET_OVERALL),
    )];
    for f in Field::ALL {
        h.push(Headline::new(
            f.as_str(),
            s.accuracy(f),
            None,
            Target::AtLeast(target(f)),
        ));
    }
    h
}

/// Rows: gold label; columns: predicted label.
fn confusion_section(name: &str, p: Part, conf: &Confusion) -> Section {
    let gold = conf.gold_labels();
    let mut pred: Vec<String> = conf.pairs().iter().map(|(_, p)| p.clone()).collect();
    pred.sort();
    pred.dedup();
    let mut header = vec!["gold \\ claimtrace".to_string()];
    header.extend(pred.iter().cloned());
    header.push("accuracy".into());
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(&header_refs);
    for g in &gold {
        let mut cells = vec![g.clone()];
        let row: Vec<&(String, String)> = conf.pairs().iter().filter(|(x, _)| x == g).collect();
        for p in &pred {
            let n = row.iter().filter(|(_, y)| y == p).count();
            cells.push(if n == 0 { String::new() } else { n.to_string() });
        }
        let right = row.iter().filter(|(_, y)| y == g).count();
        cells.push(f3(right as f64 / row.len().max(1) as f64));
        table.row(cells);
    }
    Section {
        component: format!("Claim records on real news: {name}"),
        dataset: format!("claims_news_dev, {}", part_name(p)),
        source: format!("Confusion of the {name} labels; `(none)`: the sentence yields no claim."),
        table,
        notes: Vec::new(),
        headlines: Vec::new(),
    }
}

/// The learned type model judged by leave-one-event-out cross-validation
/// on the tuning part (it never sees the reporting part).
fn type_model_section(
    dir: &std::path::Path,
    gazetteer: Option<&std::path::Path>,
) -> Result<Section> {
    let t = crate::train::train_type(dir, gazetteer, TrainParams::default())?;
    let cv = &t.cross_validation;
    let mut table = Table::new(&["held-out event", "claims", "rules", "model (p ≥ 0.5)"]);
    let share = |a: usize, b: usize| f3(a as f64 / b.max(1) as f64);
    for (ev, n, r, m) in &cv.folds {
        table.row(vec![
            ev.clone(),
            n.to_string(),
            share(*r, *n),
            share(*m, *n),
        ]);
    }
    let at_half = cv
        .model_right
        .iter()
        .find(|(t, _)| (*t - 0.5).abs() < 1e-9)
        .map_or(0, |x| x.1);
    table.row(vec![
        "all".into(),
        cv.claims.to_string(),
        share(cv.rules_right, cv.claims),
        share(at_half, cv.claims),
    ]);
    let thresholds = cv
        .model_right
        .iter()
        .map(|(t, r)| format!("p ≥ {t:.1}: {}", share(*r, cv.claims)))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Section {
        component: "Claim records on real news: learned type model".into(),
        dataset: "claims_news_dev, tuning part (dev), leave one event out".into(),
        source: format!(
            "Claim-type accuracy of the matched gold claims when each event is held out and the linear model (`claimtrace train type`, L2 {}, {} passes) is trained on the others.",
            TrainParams::default().l2,
            TrainParams::default().epochs
        ),
        table,
        notes: vec![
            format!("Model overriding the rules at other thresholds: {thresholds}."),
            if cv.model_right.iter().any(|(_, r)| *r > cv.rules_right) {
                "At some threshold the model beats the rules across events: train it with `claimtrace train type` and pass `--type-model FILE`.".into()
            } else {
                "At no threshold does the model beat the rules across events, so the extractor ships no weights and uses a model only with `--type-model FILE`.".into()
            },
        ],
        headlines: Vec::new(),
    })
}

/// Every miss on the tuning part, with the gold labels, claimtrace's, and
/// claimtrace's `why` (dev split only: see `EvalConfig::errors_dir`).
fn errors(scored: &[Scored<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for s in scored {
        for o in &s.outcomes {
            let wrong: Vec<&str> = Field::ALL
                .iter()
                .filter(|f| !o.is_right(**f))
                .map(|f| f.as_str())
                .collect();
            if wrong.is_empty() {
                continue;
            }
            out.push(miss(s, o, &wrong));
        }
    }
    out
}

fn miss(s: &Scored<'_>, o: &Outcome, wrong: &[&str]) -> String {
    let g = s.gold[o.gold];
    let mut lines = vec![
        format!(
            "== {} [{}] wrong: {}",
            s.article.id,
            s.article.event,
            wrong.join(", ")
        ),
        format!("sentence: {}", g.sentence),
        format!(
            "gold:       type={} source={}({}) firmness={} actor={:?} target={:?} date={:?} place={:?} cues={:?}",
            g.claim_type,
            g.source_kind,
            g.source,
            g.epistemic,
            g.actor,
            g.target_or_recipient,
            g.date,
            g.place,
            g.cue_words
        ),
    ];
    match o.predicted.map(|i| &s.claims[i]) {
        None => lines.push("claimtrace: no claim covers this sentence".into()),
        Some(c) => {
            lines.push(format!(
                "claimtrace: type={} source={}({}) firmness={} actor={:?} target={:?} date={:?} place={:?} cues={:?}",
                c.claim_type.as_str(),
                c.source.kind.as_str(),
                c.source.text,
                c.epistemic.as_str(),
                c.actor.as_ref().map(|m| &m.text),
                c.target.as_ref().map(|m| &m.text),
                c.date.as_ref().map(|d| &d.value),
                c.place.as_ref().map(|p| &p.text),
                c.cues
            ));
            lines.push(format!("claim sentence: {}", c.sentence));
            lines.extend(c.why.iter().map(|w| format!("  why: {w}")));
        }
    }
    lines.join("\n") + "\n"
}
