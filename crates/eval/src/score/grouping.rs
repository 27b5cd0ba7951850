//! Event grouping against gold happenings: B³ and pairwise P/R/F1 of a
//! clustering of items (claims, or documents) against their gold clusters,
//! and the "largest share" of each happening's reports one event gathers.
//!
//! An item without a predicted cluster is a cluster of its own (it was not
//! found, or it joined no event), so it costs recall, never precision.

use std::collections::{BTreeMap, HashMap};

use claimtrace_corroborate::scores::{Prf, b_cubed, pairwise};

/// Scores of one clustering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupingScore {
    pub items: usize,
    pub gold_clusters: usize,
    /// Distinct predicted clusters among the items (each unassigned item counts one).
    pub predicted_clusters: usize,
    pub pairs: usize,
    pub positive_pairs: usize,
    pub b_cubed: Prf,
    pub pairwise: Prf,
}

/// Scores `predicted` (item → cluster key) on the items of `gold` (item →
/// gold cluster). Items are compared by key; both maps use the same keys.
pub fn score(
    gold: &BTreeMap<String, String>,
    predicted: &HashMap<String, String>,
) -> GroupingScore {
    let items: Vec<(&String, &String)> = gold.iter().collect();
    let pred_of = |i: &String| {
        predicted
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("alone:{i}"))
    };
    let preds: Vec<String> = items.iter().map(|(i, _)| pred_of(i)).collect();
    let mut pairs = Vec::with_capacity(items.len() * items.len().saturating_sub(1) / 2);
    for a in 0..items.len() {
        for b in a + 1..items.len() {
            pairs.push((items[a].1 == items[b].1, preds[a] == preds[b]));
        }
    }
    let g: HashMap<&str, &str> = items
        .iter()
        .map(|(i, c)| (i.as_str(), c.as_str()))
        .collect();
    let p: HashMap<&str, &str> = items
        .iter()
        .zip(&preds)
        .map(|((i, _), c)| (i.as_str(), c.as_str()))
        .collect();
    let distinct = |v: Vec<&str>| {
        let mut v = v;
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    GroupingScore {
        items: items.len(),
        gold_clusters: distinct(g.values().copied().collect()),
        predicted_clusters: distinct(p.values().copied().collect()),
        pairs: pairs.len(),
        positive_pairs: pairs.iter().filter(|(g, _)| *g).count(),
        b_cubed: b_cubed(&g, &p),
        pairwise: pairwise(&pairs),
    }
}

/// Each item its own cluster: the baseline grouping must beat.
pub fn singletons(gold: &BTreeMap<String, String>) -> GroupingScore {
    score(gold, &HashMap::new())
}

/// For each gold cluster (a happening), the largest share of its items
/// (reports) that one predicted cluster holds, averaged over the gold
/// clusters. `held` lists, per item, every predicted cluster holding it (a
/// report is held by each event one of its claims is in).
pub fn largest_share(gold: &BTreeMap<String, String>, held: &HashMap<String, Vec<String>>) -> f64 {
    let mut by_gold: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (item, g) in gold {
        by_gold.entry(g.as_str()).or_default().push(item.as_str());
    }
    if by_gold.is_empty() {
        return 0.0;
    }
    let mut total = 0.0;
    for items in by_gold.values() {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for i in items {
            for c in held.get(*i).into_iter().flatten() {
                *count.entry(c.as_str()).or_default() += 1;
            }
        }
        // An item held by no cluster is alone: it gathers 1 of them.
        let best = count.values().copied().max().unwrap_or(0).max(1);
        total += best as f64 / items.len() as f64;
    }
    total / by_gold.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(v: &[(&str, &str)]) -> BTreeMap<String, String> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn perfect_and_singleton_groupings() {
        let gold = map(&[("a", "X"), ("b", "X"), ("c", "Y")]);
        let pred: HashMap<String, String> = map(&[("a", "1"), ("b", "1"), ("c", "2")])
            .into_iter()
            .collect();
        let s = score(&gold, &pred);
        assert_eq!((s.b_cubed.f1, s.pairwise.f1), (1.0, 1.0));
        assert_eq!((s.pairs, s.positive_pairs, s.predicted_clusters), (3, 1, 2));
        let base = singletons(&gold);
        assert_eq!(base.b_cubed.precision, 1.0);
        assert!((base.b_cubed.recall - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-9);
        assert_eq!(base.pairwise.recall, 0.0);
    }

    #[test]
    fn unassigned_items_are_alone_not_merged() {
        // Two unassigned items of different gold clusters are not a merge.
        let gold = map(&[("a", "X"), ("b", "Y")]);
        let s = score(&gold, &HashMap::new());
        assert_eq!(s.pairwise.precision, 1.0);
        assert_eq!(s.predicted_clusters, 2);
    }

    #[test]
    fn largest_share_averages_over_happenings() {
        let gold = map(&[("d1", "X"), ("d2", "X"), ("d3", "X"), ("d4", "Y")]);
        let held: HashMap<String, Vec<String>> = [
            ("d1", vec!["e1"]),
            ("d2", vec!["e1", "e2"]),
            ("d3", vec!["e2"]),
        ]
        .iter()
        .map(|(d, e)| (d.to_string(), e.iter().map(|x| x.to_string()).collect()))
        .collect();
        // X: e1 holds 2 of 3; Y: d4 alone holds 1 of 1.
        let s = largest_share(&gold, &held);
        assert!((s - (2.0 / 3.0 + 1.0) / 2.0).abs() < 1e-9, "{s}");
    }
}
