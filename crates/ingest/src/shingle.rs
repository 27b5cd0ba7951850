//! The article-body metric of the Scrapinghub/Zyte article-extraction
//! benchmark (its `evaluate.py`), so our figures compare with published ones.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Python's `\w` on `str`: letters, numbers and underscore. (Rust's `\w`
/// also admits combining marks, which would split words differently.)
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern; covered by tests
    Regex::new(r"[\p{L}\p{N}_]+").unwrap()
});

/// True positives, false positives, false negatives of one page, normalised
/// to sum to 1 (or all 0 when both texts have no shingles).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ShingleMatch {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl ShingleMatch {
    /// Compares the 4-token shingle multisets of `gold` and `predicted`.
    pub fn compare(gold: &str, predicted: &str) -> ShingleMatch {
        let g = shingles(gold);
        let p = shingles(predicted);
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for (k, &gc) in &g {
            let pc = p.get(k).copied().unwrap_or(0);
            tp += gc.min(pc) as f64;
            fn_ += gc.saturating_sub(pc) as f64;
        }
        for (k, &pc) in &p {
            let gc = g.get(k).copied().unwrap_or(0);
            fp += pc.saturating_sub(gc) as f64;
        }
        let s = tp + fp + fn_;
        if s > 0.0 {
            ShingleMatch {
                tp: tp / s,
                fp: fp / s,
                fn_: fn_ / s,
            }
        } else {
            ShingleMatch { tp, fp, fn_ }
        }
    }

    fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Corpus scores as `evaluate.py` defines them: precision and recall are
/// means over pages (pages with tp+fp = 0, resp. tp+fn = 0, left out), F1
/// their harmonic mean, accuracy the share of pages whose token sequence
/// equals the gold one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ShingleScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
    pub pages: usize,
}

impl ShingleScore {
    /// Scores `(gold, predicted)` pairs.
    pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ShingleScore {
        let mut matches = Vec::new();
        let mut exact = 0usize;
        for (g, p) in pairs {
            matches.push(ShingleMatch::compare(g, p));
            if tokens(g).eq(tokens(p)) {
                exact += 1;
            }
        }
        let mean = |v: Vec<f64>| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        let precision = mean(
            matches
                .iter()
                .filter(|m| m.tp + m.fp > 0.0)
                .map(ShingleMatch::precision)
                .collect(),
        );
        let recall = mean(
            matches
                .iter()
                .filter(|m| m.tp + m.fn_ > 0.0)
                .map(ShingleMatch::recall)
                .collect(),
        );
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let pages = matches.len();
        ShingleScore {
            precision,
            recall,
            f1,
            accuracy: if pages == 0 {
                0.0
            } else {
                exact as f64 / pages as f64
            },
            pages,
        }
    }
}

fn tokens(text: &str) -> impl Iterator<Item = &str> {
    TOKEN.find_iter(text).map(|m| m.as_str())
}

/// Shingle counts, `evaluate.py` style: a text of fewer than 4 tokens gives
/// one shorter shingle (none when it has no token).
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks: Vec<&str> = tokens(text).collect();
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let n = toks.len().saturating_sub(3).max(1);
    for i in 0..n {
        let end = (i + 4).min(toks.len());
        *out.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_and_disjoint() {
        let m = ShingleMatch::compare("a b c d e", "a b c d e");
        assert_eq!((m.tp, m.fp, m.fn_), (1.0, 0.0, 0.0));
        let m = ShingleMatch::compare("a b c d", "w x y z");
        assert_eq!((m.tp, m.fp, m.fn_), (0.0, 0.5, 0.5));
    }

    #[test]
    fn partial_overlap() {
        // gold shingles: abcd bcde; predicted: abcd bcdx -> tp 1, fp 1, fn 1.
        let m = ShingleMatch::compare("a b c d e", "a b c d x");
        assert!((m.tp - 1.0 / 3.0).abs() < 1e-12);
        let s = ShingleScore::score([("a b c d e", "a b c d x"), ("p q r s", "p q r s")]);
        assert!((s.precision - 0.75).abs() < 1e-12);
        assert!((s.recall - 0.75).abs() < 1e-12);
        assert!((s.accuracy - 0.5).abs() < 1e-12);
    }

    #[test]
    fn short_texts_and_unicode_tokens() {
        assert_eq!(shingles("one two").len(), 1);
        assert!(shingles(" ,. ").is_empty());
        // A combining mark is not a word character in Python: it splits the token.
        assert_eq!(
            tokens("cafe\u{301} x_y 42").collect::<Vec<_>>(),
            vec!["cafe", "x_y", "42"]
        );
    }
}
