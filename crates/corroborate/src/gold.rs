//! The labelled set for corroboration (`tests/gold/`) and its scoring.
//!
//! - `events.tsv`: `split  event  doc  type  sentence_snippet` — every claim
//!   of document `doc` whose sentence contains the snippet (and, when `type`
//!   is given, has that type) belongs to gold event `event`. Events are
//!   assigned whole to the `dev` or the `test` split: thresholds are tuned
//!   on dev pairs and reported on test pairs. Claims no row names are not
//!   scored.
//! - `copies.tsv`: `group  doc` — documents that are one story republished;
//!   every other pair of documents is "not a copy".
//!
//! Scores: pairwise precision/recall/F1 over the pairs of labelled claims of
//! one split (a pair is positive when both claims share an event), and B³
//! over the same claims; copy detection pairwise over all document pairs.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use claimtrace_model::Claim;

use crate::error::{CorroborateError, Result};
use crate::scores::{Prf, b_cubed, pairwise};

/// One labelled row of `events.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRow {
    pub split: String,
    pub event: String,
    pub doc: String,
    /// Claim type the row is limited to (`None`: any).
    pub claim_type: Option<String>,
    pub snippet: String,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| CorroborateError::EvalData {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

fn rows(path: &Path, columns: usize) -> Result<Vec<Vec<String>>> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<String> = line.split('\t').map(str::to_string).collect();
        if f.len() != columns {
            return Err(CorroborateError::EvalData {
                path: path.display().to_string(),
                reason: format!("line {}: {} columns, expected {columns}", i + 1, f.len()),
            });
        }
        out.push(f);
    }
    Ok(out)
}

/// The rows of `events.tsv`.
pub fn load_events(path: &Path) -> Result<Vec<GoldRow>> {
    rows(path, 5)?
        .into_iter()
        .map(|f| {
            if f[0] != "dev" && f[0] != "test" {
                return Err(CorroborateError::EvalData {
                    path: path.display().to_string(),
                    reason: format!("split '{}' is neither dev nor test", f[0]),
                });
            }
            Ok(GoldRow {
                split: f[0].clone(),
                event: f[1].clone(),
                doc: f[2].clone(),
                claim_type: Some(f[3].clone()).filter(|t| !t.is_empty()),
                snippet: f[4].clone(),
            })
        })
        .collect()
}

/// Copy groups of `copies.tsv`: document → group.
pub fn load_copies(path: &Path) -> Result<HashMap<String, String>> {
    Ok(rows(path, 2)?
        .into_iter()
        .map(|f| (f[1].clone(), f[0].clone()))
        .collect())
}

/// Gold labels of claims: claim id → (split, event).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub of_claim: BTreeMap<String, (String, String)>,
    /// Rows that named no claim (the extractor or the corpus changed).
    pub unmatched: Vec<GoldRow>,
}

/// Labels `claims` by `gold`.
pub fn label(gold: &[GoldRow], claims: &[Claim]) -> Labels {
    let mut by_doc: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for c in claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let mut out = Labels::default();
    for row in gold {
        let mut hit = false;
        for c in by_doc.get(row.doc.as_str()).into_iter().flatten() {
            if c.sentence.contains(&row.snippet)
                && row
                    .claim_type
                    .as_deref()
                    .is_none_or(|t| t == c.claim_type.as_str())
            {
                out.of_claim
                    .insert(c.id.clone(), (row.split.clone(), row.event.clone()));
                hit = true;
            }
        }
        if !hit {
            out.unmatched.push(row.clone());
        }
    }
    out
}

/// Scores of one split.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SplitScores {
    pub claims: usize,
    pub events: usize,
    pub pairs: usize,
    pub positive_pairs: usize,
    pub pairwise: Prf,
    pub b_cubed: Prf,
}

/// Scores of predicted events (`predicted`: claim id → event key) on the
/// labelled claims of `split`.
pub fn score_split(
    labels: &Labels,
    predicted: &HashMap<String, String>,
    split: &str,
) -> SplitScores {
    let items: Vec<(&String, &String)> = labels
        .of_claim
        .iter()
        .filter(|(_, (s, _))| s == split)
        .map(|(c, (_, e))| (c, e))
        .collect();
    let mut pairs = Vec::new();
    for (i, (a, ga)) in items.iter().enumerate() {
        for (b, gb) in &items[i + 1..] {
            let p = match (predicted.get(*a), predicted.get(*b)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            };
            pairs.push((ga == gb, p));
        }
    }
    let gold: HashMap<&str, &str> = items
        .iter()
        .map(|(c, e)| (c.as_str(), e.as_str()))
        .collect();
    let pred: HashMap<&str, &str> = items
        .iter()
        .filter_map(|(c, _)| predicted.get(*c).map(|p| (c.as_str(), p.as_str())))
        .collect();
    let mut events: Vec<&str> = gold.values().copied().collect();
    events.sort_unstable();
    events.dedup();
    SplitScores {
        claims: items.len(),
        events: events.len(),
        pairs: pairs.len(),
        positive_pairs: pairs.iter().filter(|(g, _)| *g).count(),
        pairwise: pairwise(&pairs),
        b_cubed: b_cubed(&gold, &pred),
    }
}

/// Copy detection scored over every pair of `docs`: gold from `gold`
/// (document → group), predicted from `groups` (lists of copies).
pub fn score_copies(
    docs: &[String],
    gold: &HashMap<String, String>,
    groups: &[Vec<String>],
) -> (usize, usize, Prf) {
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        for d in g {
            group_of.insert(d.as_str(), i);
        }
    }
    let mut pairs = Vec::new();
    for (i, a) in docs.iter().enumerate() {
        for b in &docs[i + 1..] {
            let g = matches!((gold.get(a), gold.get(b)), (Some(x), Some(y)) if x == y);
            let p = matches!(
                (group_of.get(a.as_str()), group_of.get(b.as_str())),
                (Some(x), Some(y)) if x == y
            );
            pairs.push((g, p));
        }
    }
    let positives = pairs.iter().filter(|(g, _)| *g).count();
    (pairs.len(), positives, pairwise(&pairs))
}
