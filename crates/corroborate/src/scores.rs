//! Clustering scores for the evaluation: pairwise precision/recall/F1 (copy
//! detection) and B³ precision/recall/F1 (event grouping).

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Pairwise scores of binary pair labels: `(gold, predicted)` per pair.
/// Precision is 1 when nothing is predicted, recall 1 when nothing is gold.
pub fn pairwise(labels: &[(bool, bool)]) -> Prf {
    let tp = labels.iter().filter(|(g, p)| *g && *p).count() as f64;
    let pred = labels.iter().filter(|(_, p)| *p).count() as f64;
    let gold = labels.iter().filter(|(g, _)| *g).count() as f64;
    Prf::new(
        if pred == 0.0 { 1.0 } else { tp / pred },
        if gold == 0.0 { 1.0 } else { tp / gold },
    )
}

/// B³ (Bagga & Baldwin 1998): per item, precision = share of its predicted
/// cluster that shares its gold cluster, recall = share of its gold cluster
/// that shares its predicted cluster; both averaged over items. Items are
/// those of `gold`; an item missing from `predicted` is its own cluster.
pub fn b_cubed<I: Eq + Hash + Clone, G: Eq + Hash + Clone, P: Eq + Hash + Clone>(
    gold: &HashMap<I, G>,
    predicted: &HashMap<I, P>,
) -> Prf {
    if gold.is_empty() {
        return Prf::new(1.0, 1.0);
    }
    #[derive(PartialEq, Eq, Hash, Clone)]
    enum Cluster<P, I> {
        Given(P),
        Alone(I),
    }
    let pred_of = |i: &I| match predicted.get(i) {
        Some(p) => Cluster::Given(p.clone()),
        None => Cluster::Alone(i.clone()),
    };
    let mut gold_members: HashMap<&G, HashSet<&I>> = HashMap::new();
    let mut pred_members: HashMap<Cluster<P, I>, HashSet<&I>> = HashMap::new();
    for (i, g) in gold {
        gold_members.entry(g).or_default().insert(i);
        pred_members.entry(pred_of(i)).or_default().insert(i);
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (i, g) in gold {
        let gm = &gold_members[g];
        let pm = &pred_members[&pred_of(i)];
        let both = gm.intersection(pm).count() as f64;
        p += both / pm.len() as f64;
        r += both / gm.len() as f64;
    }
    let n = gold.len() as f64;
    Prf::new(p / n, r / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pairwise_by_hand() {
        // tp=2, fp=1, fn=1
        let s = pairwise(&[
            (true, true),
            (true, true),
            (false, true),
            (true, false),
            (false, false),
        ]);
        assert!(
            close(s.precision, 2.0 / 3.0) && close(s.recall, 2.0 / 3.0) && close(s.f1, 2.0 / 3.0)
        );
    }

    #[test]
    fn b_cubed_by_hand() {
        // gold {a,b,c} {d}; predicted {a,b} {c,d}
        // precision: a 1, b 1, c 1/2, d 1/2 -> 3/4
        // recall:    a 2/3, b 2/3, c 1/3, d 1 -> 8/12 = 2/3
        let gold: HashMap<&str, u8> = [("a", 1), ("b", 1), ("c", 1), ("d", 2)].into();
        let pred: HashMap<&str, u8> = [("a", 7), ("b", 7), ("c", 9), ("d", 9)].into();
        let s = b_cubed(&gold, &pred);
        assert!(close(s.precision, 0.75), "{s:?}");
        assert!(close(s.recall, 2.0 / 3.0), "{s:?}");
        assert!(close(s.f1, 2.0 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0)));
    }

    #[test]
    fn b_cubed_missing_prediction_is_singleton() {
        let gold: HashMap<&str, u8> = [("a", 1), ("b", 1)].into();
        let pred: HashMap<&str, u8> = [("a", 1)].into();
        let s = b_cubed(&gold, &pred);
        assert!(close(s.precision, 1.0) && close(s.recall, 0.5));
    }
}
