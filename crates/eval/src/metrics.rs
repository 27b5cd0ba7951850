//! Metrics: precision / recall / F1 counts, span matching (exact and
//! overlap), per-label tallies, classification accuracy and macro-F1, and
//! great-circle distance for geocoding.

use std::collections::BTreeMap;

use claimtrace_model::Span;

/// True positives, false positives and false negatives of one comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Self {
        Counts { tp, fp, fn_ }
    }

    /// Precision; 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

impl std::iter::Sum for Counts {
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        let mut c = Counts::default();
        for x in iter {
            c += x;
        }
        c
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// How two spans must relate to count as the same item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Same start and end.
    Exact,
    /// At least one byte in common (each gold item matched at most once).
    Overlap,
}

/// Compares predicted with gold spans of one document (one label).
///
/// Exact: duplicate spans count once on each side. Overlap: a one-to-one
/// greedy pairing in text order, so one long prediction covering two gold
/// spans earns one true positive, not two.
pub fn match_spans(gold: &[Span], pred: &[Span], how: Match) -> Counts {
    let mut g: Vec<Span> = gold.to_vec();
    let mut p: Vec<Span> = pred.to_vec();
    g.sort();
    g.dedup();
    p.sort();
    p.dedup();
    let tp = match how {
        Match::Exact => g.iter().filter(|s| p.binary_search(s).is_ok()).count(),
        Match::Overlap => pair_overlapping(&g, &p).len(),
    };
    Counts::new(tp, p.len() - tp, g.len() - tp)
}

/// One-to-one pairs `(gold index, predicted index)` of overlapping spans:
/// each gold span takes the unused prediction that overlaps it most.
pub fn pair_overlapping(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let best = pred
            .iter()
            .enumerate()
            .filter(|(pi, p)| !used[*pi] && p.overlaps(g))
            .max_by_key(|(pi, p)| (overlap_len(g, p), std::cmp::Reverse(*pi)));
        if let Some((pi, _)) = best {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// Bytes two spans share.
pub fn overlap_len(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Counts per label, for labelled span sets of many documents.
#[derive(Debug, Clone, Default)]
pub struct LabelCounts {
    pub by_label: BTreeMap<String, Counts>,
}

impl LabelCounts {
    /// Adds one document: `gold` and `pred` are `(span, label)` lists; only
    /// labels in `labels` are scored (others are not this data set's business).
    pub fn add_document(
        &mut self,
        gold: &[(Span, String)],
        pred: &[(Span, String)],
        labels: &[&str],
        how: Match,
    ) {
        for label in labels {
            let g: Vec<Span> = gold
                .iter()
                .filter(|(_, l)| l == label)
                .map(|(s, _)| *s)
                .collect();
            let p: Vec<Span> = pred
                .iter()
                .filter(|(_, l)| l == label)
                .map(|(s, _)| *s)
                .collect();
            *self.by_label.entry((*label).to_string()).or_default() += match_spans(&g, &p, how);
        }
    }

    pub fn get(&self, label: &str) -> Counts {
        self.by_label.get(label).copied().unwrap_or_default()
    }

    /// Micro-average over `labels`.
    pub fn micro(&self, labels: &[&str]) -> Counts {
        labels.iter().map(|l| self.get(l)).sum()
    }
}

/// Gold versus predicted class of each item.
#[derive(Debug, Clone, Default)]
pub struct Confusion {
    pairs: Vec<(String, String)>,
}

impl Confusion {
    pub fn add(&mut self, gold: &str, pred: &str) {
        self.pairs.push((gold.to_string(), pred.to_string()));
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Every `(gold, predicted)` pair, in the order added.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    pub fn accuracy(&self) -> f64 {
        ratio(
            self.pairs.iter().filter(|(g, p)| g == p).count(),
            self.pairs.len(),
        )
    }

    /// One-vs-rest counts of `label`.
    pub fn counts(&self, label: &str) -> Counts {
        let mut c = Counts::default();
        for (g, p) in &self.pairs {
            match (g == label, p == label) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => {}
            }
        }
        c
    }

    /// Gold labels, sorted.
    pub fn gold_labels(&self) -> Vec<String> {
        let mut v: Vec<String> = self.pairs.iter().map(|(g, _)| g.clone()).collect();
        v.sort();
        v.dedup();
        v
    }

    /// Unweighted mean of per-class F1 over the gold classes.
    pub fn macro_f1(&self) -> f64 {
        let labels = self.gold_labels();
        if labels.is_empty() {
            return 0.0;
        }
        labels.iter().map(|l| self.counts(l).f1()).sum::<f64>() / labels.len() as f64
    }
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// Median of a list (mean of the two middle values for even length).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize) -> Span {
        Span::new(a, b)
    }

    #[test]
    fn prf_by_hand() {
        let c = Counts::new(3, 1, 2);
        assert!((c.precision() - 0.75).abs() < 1e-12);
        assert!((c.recall() - 0.6).abs() < 1e-12);
        // 2 * .75 * .6 / 1.35 = 0.6667
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn exact_and_overlap_matching() {
        let gold = [s(0, 5), s(10, 20), s(30, 35)];
        let pred = [s(0, 5), s(12, 18), s(40, 45), s(0, 5)];
        assert_eq!(
            match_spans(&gold, &pred, Match::Exact),
            Counts::new(1, 2, 2)
        );
        assert_eq!(
            match_spans(&gold, &pred, Match::Overlap),
            Counts::new(2, 1, 1)
        );
        // One long prediction over two gold spans: one hit only.
        let c = match_spans(&[s(0, 3), s(4, 8)], &[s(0, 8)], Match::Overlap);
        assert_eq!(c, Counts::new(1, 0, 1));
    }

    #[test]
    fn labelled_counts_keep_labels_apart() {
        let gold = vec![(s(0, 4), "PER".to_string()), (s(5, 9), "LOC".to_string())];
        let pred = vec![
            (s(0, 4), "ORG".to_string()),
            (s(5, 9), "LOC".to_string()),
            (s(20, 25), "DATE".to_string()),
        ];
        let mut lc = LabelCounts::default();
        lc.add_document(&gold, &pred, &["PER", "LOC", "ORG"], Match::Exact);
        assert_eq!(lc.get("PER"), Counts::new(0, 0, 1));
        assert_eq!(lc.get("LOC"), Counts::new(1, 0, 0));
        assert_eq!(lc.get("ORG"), Counts::new(0, 1, 0));
        assert_eq!(lc.micro(&["PER", "LOC", "ORG"]), Counts::new(1, 1, 1));
    }

    #[test]
    fn confusion_accuracy_and_macro_f1() {
        let mut c = Confusion::default();
        for (g, p) in [("A", "A"), ("A", "B"), ("B", "B"), ("C", "B")] {
            c.add(g, p);
        }
        assert!((c.accuracy() - 0.5).abs() < 1e-12);
        // A: p 1/1 r 1/2 f .6667; B: p 1/3 r 1 f .5; C: 0 -> macro .3889
        assert!((c.macro_f1() - (2.0 / 3.0 + 0.5) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn distance_kyiv_kharkiv() {
        // Kyiv (50.45, 30.52) to Kharkiv (49.99, 36.23): about 410 km.
        let d = distance_km(50.45, 30.52, 49.99, 36.23);
        assert!((400.0..420.0).contains(&d), "{d}");
        assert!(distance_km(10.0, 10.0, 10.0, 10.0) < 1e-9);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
