//! Hedge cues on the Szeged Uncertainty Corpus, FactBank (news) and
//! WikiWeasel parts: claimtrace's hedge detector beside a plain word list.

use super::{Ctx, folder};
use crate::baseline::HedgeWordList;
use crate::data::szeged::{self, HedgeSentence};
use crate::error::Result;
use crate::mapping::is_uncertainty_cue;
use crate::report::{Headline, Section, Table, Target, f3, target_cell};
use crate::score::hedge::{HedgeScore, score};

/// Part files: (file, short name used in split ids, description).
pub(crate) const PARTS: &[(&str, &str, &str)] = &[
    (
        "factbank.xml",
        "factbank",
        "FactBank part (news, 1989-1998)",
    ),
    (
        "wikiweasel.xml",
        "wikiweasel",
        "WikiWeasel part (Wikipedia)",
    ),
];

/// Sentence-level target of the issue (F1 of the uncertain class).
const TARGET_SENTENCE_F1: f64 = 0.85;

/// The split unit id of a Szeged document: `<part>/<DocID>`.
pub(crate) fn unit_id(part: &str, doc: &str) -> String {
    format!("{part}/{doc}")
}

pub(crate) fn sections(ctx: &Ctx<'_>) -> Result<Vec<Section>> {
    let dir = ctx.path(folder::HEDGE)?;
    let baseline = HedgeWordList::new();
    let ex = ctx.extractor()?;
    let claimtrace = |t: &str| -> Vec<claimtrace_model::Span> {
        ex.cues(t)
            .into_iter()
            .filter(|c| {
                c.span
                    .slice(t)
                    .is_some_and(|w| is_uncertainty_cue(c.kind, w))
            })
            .map(|c| c.span)
            .collect()
    };
    // The claim-level reading: the sentence is uncertain when the extractor
    // makes a claim of it whose firmness is `hedged` (cue scope applied).
    let claims_hedged = |t: &str| -> Vec<claimtrace_model::Span> {
        ex.extract(&claimtrace_model::Document::from_text("s", t))
            .claims
            .iter()
            .filter(|c| c.epistemic == claimtrace_model::Epistemic::Hedged)
            .map(|c| c.cue_spans.first().copied().unwrap_or(c.span))
            .collect()
    };
    let mut out = Vec::new();
    for (file, part, desc) in PARTS {
        let all = szeged::load(&dir.join(file))?;
        let docs_total = count_docs(all.iter());
        let kept: Vec<&HedgeSentence> = all
            .iter()
            .filter(|s| ctx.keep(folder::HEDGE, &unit_id(part, &s.doc)))
            .collect();
        let docs_kept = count_docs(kept.iter().copied());
        let base = score(kept.iter().copied(), |t| baseline.find(t));
        let ours = score(kept.iter().copied(), claimtrace);
        let by_claims = score(kept.iter().copied(), claims_hedged);
        if ctx.collect_errors() {
            ctx.write_errors(&format!("hedge_{part}"), &errors(&kept, &claimtrace));
        }
        let headlines = headlines(&ours, &base);
        let table = table(ours, base, &by_claims);
        let gold_unc = kept.iter().filter(|s| s.uncertain()).count();
        let gold_cues: usize = kept.iter().map(|s| s.cues.len()).sum();
        out.push(Section {
            component: "Hedge cues".into(),
            dataset: format!("Szeged Uncertainty Corpus, {desc}"),
            source: format!(
                "`{}/{file}` (CC BY-SA): {}, {} sentences ({gold_unc} uncertain, {gold_cues} cues).",
                folder::HEDGE,
                ctx.count(docs_kept, docs_total, "documents"),
                kept.len()
            ),
            table,
            notes: vec![
                format!(
                    "Sentence level is the CoNLL-2010 task 1 metric (P/R/F1 of the uncertain class); cue spans are compared after trimming whitespace. Baseline: any of {} common hedge words, matched whole (`crates/eval/src/baseline.rs`).",
                    crate::baseline::HEDGE_WORDS.len(),
                ),
                "*claimtrace claims*: the same sentence extracted as a one-sentence document; uncertain when one of its claims has `epistemic: hedged` (cue scope applied, but no claim is made of sentences without an event or attribution, and agentless reporting counts as hedged).".into(),
                "claimtrace: `Extractor::cues` on each sentence; a sentence is uncertain when it holds a cue of kind hedge or hypothetical, an opinion/future cue built on an epistemic word (seem, may, might, could, expect, believe, be seen as) or a doxastic evaluation cue (considered, regarded) — `crates/eval/src/mapping.rs::is_uncertainty_cue` (chosen on the dev split; agentless reporting such as \"is said to\" is left out: Szeged does not mark it). Szeged marks cues without scope, so cue scope is not scored.".into(),
            ],
            headlines,
        });
    }
    Ok(out)
}

/// Sentence F1 (against the target) and exact cue F1, beside the
/// word list.
fn headlines(ours: &HedgeScore, base: &HedgeScore) -> Vec<Headline> {
    vec![
        Headline::new(
            "uncertain-sentence F1",
            ours.sentence.f1(),
            Some(("word list".into(), base.sentence.f1())),
            Target::AtLeast(TARGET_SENTENCE_F1),
        ),
        Headline::new(
            "cue span F1, exact",
            ours.cue_exact.f1(),
            Some(("word list".into(), base.cue_exact.f1())),
            Target::None,
        ),
    ]
}

/// Sentence and cue P / R / F1 of claimtrace, the word list and the
/// claim-level reading.
fn table(ours: HedgeScore, base: HedgeScore, by_claims: &HedgeScore) -> Table {
    let systems: Vec<(String, HedgeScore)> = vec![
        ("claimtrace".to_string(), ours),
        ("word list (baseline)".to_string(), base),
    ];
    let mut table = Table::new(&["metric", "system", "P", "R", "F1", "target"]);
    for (name, s) in &systems {
        table.row(vec![
            "sentence uncertain".into(),
            name.clone(),
            f3(s.sentence.precision()),
            f3(s.sentence.recall()),
            f3(s.sentence.f1()),
            if name == "claimtrace" {
                target_cell(s.sentence.f1(), TARGET_SENTENCE_F1)
            } else {
                String::new()
            },
        ]);
    }
    table.row(vec![
        "sentence uncertain".into(),
        "claimtrace claims (any `hedged`)".into(),
        f3(by_claims.sentence.precision()),
        f3(by_claims.sentence.recall()),
        f3(by_claims.sentence.f1()),
        String::new(),
    ]);
    for (name, s) in &systems {
        table.row(vec![
            "cue span, exact".into(),
            name.clone(),
            f3(s.cue_exact.precision()),
            f3(s.cue_exact.recall()),
            f3(s.cue_exact.f1()),
            String::new(),
        ]);
        table.row(vec![
            "cue span, overlap".into(),
            name.clone(),
            f3(s.cue_overlap.precision()),
            f3(s.cue_overlap.recall()),
            f3(s.cue_overlap.f1()),
            String::new(),
        ]);
    }
    table
}

/// Dev-split error examples: missed and spurious uncertain sentences with
/// the cues on each side.
fn errors(
    sents: &[&HedgeSentence],
    sys: &dyn Fn(&str) -> Vec<claimtrace_model::Span>,
) -> Vec<String> {
    let mut out = Vec::new();
    for s in sents {
        let pred = sys(&s.text);
        if pred.is_empty() == s.cues.is_empty() {
            continue;
        }
        let words = |v: Vec<&str>| v.join(" | ");
        let gold: Vec<&str> = s
            .cues
            .iter()
            .filter_map(|(sp, _)| sp.slice(&s.text))
            .collect();
        let got: Vec<&str> = pred.iter().filter_map(|sp| sp.slice(&s.text)).collect();
        let kind = if pred.is_empty() {
            "MISSED"
        } else {
            "SPURIOUS"
        };
        out.push(format!(
            "{kind}\tgold [{}]\tclaimtrace [{}]\t{}/{}\t{}",
            words(gold),
            words(got),
            s.doc,
            s.id,
            s.text.replace('\n', " ")
        ));
    }
    out.sort();
    out
}

fn count_docs<'a>(sents: impl Iterator<Item = &'a HedgeSentence>) -> usize {
    let mut ids: Vec<&str> = sents.map(|s| s.doc.as_str()).collect();
    ids.dedup();
    ids.len()
}
