//! A multinomial logistic regression over named binary features: trained
//! by deterministic full-batch gradient descent with L2, stored as a TSV of
//! `feature <TAB> class <TAB> weight` lines.

use std::collections::BTreeMap;
use std::fmt::Write;

/// One training example: its features and the index of its class.
#[derive(Debug, Clone)]
pub struct Example {
    /// The example's features (duplicates count once).
    pub features: Vec<String>,
    /// Index into the model's classes.
    pub class: usize,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainParams {
    /// L2 penalty per weight.
    pub l2: f64,
    /// Gradient-descent passes over the data.
    pub epochs: usize,
    /// Step size.
    pub rate: f64,
    /// Features seen in fewer examples are dropped.
    pub min_count: usize,
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            l2: 0.01,
            epochs: 300,
            rate: 0.5,
            min_count: 2,
        }
    }
}

/// Weights per feature and class.
#[derive(Debug, Clone, Default)]
pub struct LinearModel {
    classes: Vec<String>,
    weights: BTreeMap<String, Vec<f64>>,
}

/// A prediction: the class, its probability, and the features that pushed
/// it most (feature, weight), strongest first.
#[derive(Debug, Clone)]
pub struct Prediction {
    /// Index of the predicted class.
    pub class: usize,
    /// Its probability under the model.
    pub probability: f64,
    /// The largest contributions to it.
    pub reasons: Vec<(String, f64)>,
}

impl LinearModel {
    /// The class names, in index order.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Read a model from its TSV form; `None` on a malformed line.
    pub fn from_tsv(tsv: &str) -> Option<Self> {
        let mut m = LinearModel::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let mut f = line.split('\t');
            let (feat, class, w) = (f.next()?, f.next()?, f.next()?.parse::<f64>().ok()?);
            let ci = match m.classes.iter().position(|c| c == class) {
                Some(i) => i,
                None => {
                    m.classes.push(class.to_string());
                    for ws in m.weights.values_mut() {
                        ws.push(0.0);
                    }
                    m.classes.len() - 1
                }
            };
            let n = m.classes.len();
            let ws = m.weights.entry(feat.to_string()).or_insert(vec![0.0; n]);
            ws.resize(n, 0.0);
            ws[ci] = w;
        }
        let n = m.classes.len();
        for ws in m.weights.values_mut() {
            ws.resize(n, 0.0);
        }
        Some(m)
    }

    /// The TSV form: every class named by a `bias` line, then the weights
    /// above `keep` in absolute value, sorted by feature.
    pub fn to_tsv(&self, header: &str, keep: f64) -> String {
        let mut out = String::new();
        for l in header.lines() {
            let _ = writeln!(out, "# {l}");
        }
        for (feat, ws) in &self.weights {
            for (ci, w) in ws.iter().enumerate() {
                if w.abs() >= keep || feat == "bias" {
                    let _ = writeln!(out, "{feat}\t{}\t{w:.4}", self.classes[ci]);
                }
            }
        }
        out
    }

    /// Scores (log-odds) per class.
    fn scores<S: AsRef<str>>(&self, features: &[S]) -> Vec<f64> {
        let mut s = vec![0.0; self.classes.len()];
        for f in dedup(features) {
            if let Some(ws) = self.weights.get(f) {
                for (a, w) in s.iter_mut().zip(ws) {
                    *a += w;
                }
            }
        }
        s
    }

    /// Class probabilities.
    pub fn probabilities<S: AsRef<str>>(&self, features: &[S]) -> Vec<f64> {
        softmax(&self.scores(features))
    }

    /// The most probable class with its reasons (`top` of them).
    pub fn predict<S: AsRef<str>>(&self, features: &[S], top: usize) -> Option<Prediction> {
        let p = self.probabilities(features);
        let (class, &probability) = p
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
        let mut reasons: Vec<(String, f64)> = dedup(features)
            .into_iter()
            .filter_map(|f| self.weights.get(f).map(|w| (f.to_string(), w[class])))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        reasons.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        reasons.truncate(top);
        Some(Prediction {
            class,
            probability,
            reasons,
        })
    }

    /// Train on `examples` over `classes`. Deterministic: the same examples
    /// in the same order give the same weights.
    pub fn train(classes: &[String], examples: &[Example], p: TrainParams) -> Self {
        let vocab = vocabulary(examples, p.min_count);
        let rows: Vec<(Vec<usize>, usize)> = examples
            .iter()
            .map(|e| {
                let mut idx: Vec<usize> = dedup(&e.features)
                    .into_iter()
                    .filter_map(|f| vocab.get(f).copied())
                    .collect();
                idx.sort_unstable();
                (idx, e.class)
            })
            .collect();
        let k = classes.len();
        let mut w = vec![vec![0.0; k]; vocab.len()];
        let n = rows.len().max(1) as f64;
        for _ in 0..p.epochs {
            let mut grad = vec![vec![0.0; k]; vocab.len()];
            for (idx, y) in &rows {
                let mut s = vec![0.0; k];
                for &i in idx {
                    for (a, b) in s.iter_mut().zip(&w[i]) {
                        *a += b;
                    }
                }
                let prob = softmax(&s);
                for &i in idx {
                    for c in 0..k {
                        grad[i][c] += prob[c] - f64::from(u8::from(c == *y));
                    }
                }
            }
            for (wi, gi) in w.iter_mut().zip(&grad) {
                for c in 0..k {
                    wi[c] -= p.rate * (gi[c] / n + p.l2 * wi[c]);
                }
            }
        }
        let weights = vocab.into_iter().map(|(f, i)| (f, w[i].clone())).collect();
        LinearModel {
            classes: classes.to_vec(),
            weights,
        }
    }
}

/// Features kept for training (seen in at least `min_count` examples),
/// each with its row index; `bias` is always kept.
fn vocabulary(examples: &[Example], min_count: usize) -> BTreeMap<String, usize> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in examples {
        for f in dedup(&e.features) {
            *counts.entry(f).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(f, c)| *c >= min_count || *f == "bias")
        .enumerate()
        .map(|(i, (f, _))| (f.to_string(), i))
        .collect()
}

fn dedup<S: AsRef<str>>(features: &[S]) -> Vec<&str> {
    let mut v: Vec<&str> = features.iter().map(AsRef::as_ref).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn softmax(s: &[f64]) -> Vec<f64> {
    let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = s.iter().map(|x| (x - m).exp()).collect();
    let z: f64 = e.iter().sum();
    e.into_iter().map(|x| x / z).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(f: &[&str], class: usize) -> Example {
        Example {
            features: f.iter().map(|s| s.to_string()).collect(),
            class,
        }
    }

    #[test]
    fn learns_a_separable_rule_and_round_trips() {
        let classes = vec!["attack".to_string(), "casualties".to_string()];
        let data = vec![
            ex(&["bias", "w:struck"], 0),
            ex(&["bias", "w:struck", "w:city"], 0),
            ex(&["bias", "w:killed"], 1),
            ex(&["bias", "w:killed", "w:city"], 1),
        ];
        let m = LinearModel::train(&classes, &data, TrainParams::default());
        let p = m.predict(&["bias", "w:killed"], 2).unwrap();
        assert_eq!(p.class, 1);
        assert!(p.probability > 0.7);
        assert_eq!(p.reasons[0].0, "w:killed");
        let back = LinearModel::from_tsv(&m.to_tsv("test", 0.0)).unwrap();
        assert_eq!(back.classes(), m.classes());
        let a = back.probabilities(&["bias", "w:struck"]);
        let b = m.probabilities(&["bias", "w:struck"]);
        assert!((a[0] - b[0]).abs() < 1e-3);
    }

    #[test]
    fn malformed_weight_is_rejected() {
        assert!(LinearModel::from_tsv("bias\tattack\tnot-a-number\n").is_none());
    }
}
