//! Hedge cues on the Szeged Uncertainty Corpus, FactBank (news) and
//! WikiWeasel parts: claimtrace's hedge detector beside a plain word list.

use super::{Ctx, folder};
use crate::baseline::HedgeWordList;
use crate::data::szeged::{self, HedgeSentence};
use crate::error::Result;
use crate::report::{Section, Table, f3, target_cell};
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
        let systems: Vec<(String, HedgeScore)> = vec![("word list (baseline)".to_string(), base)];
        let mut table = Table::new(&["metric", "system", "P", "R", "F1", "target"]);
        for (name, s) in &systems {
            table.row(vec![
                "sentence uncertain".into(),
                name.clone(),
                f3(s.sentence.precision()),
                f3(s.sentence.recall()),
                f3(s.sentence.f1()),
                target_cell(s.sentence.f1(), TARGET_SENTENCE_F1),
            ]);
        }
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
            notes: vec![format!(
                "Sentence level is the CoNLL-2010 task 1 metric (P/R/F1 of the uncertain class); cue spans are compared after trimming whitespace. Baseline: any of {} common hedge words, matched whole (`crates/eval/src/baseline.rs`).",
                crate::baseline::HEDGE_WORDS.len(),
            )],
        });
    }
    Ok(out)
}

fn count_docs<'a>(sents: impl Iterator<Item = &'a HedgeSentence>) -> usize {
    let mut ids: Vec<&str> = sents.map(|s| s.doc.as_str()).collect();
    ids.dedup();
    ids.len()
}
