use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's extracted UTF-8 text.
///
/// Invariant (checked by [`Span::slice`]): `start <= end`, both on char boundaries
/// of the text the span was made for. Serialised as a two-element array
/// `[start, end]`, as the claim record requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers, or `None` when it does not fit `text`
    /// (out of bounds, reversed, or not on char boundaries).
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        if self.start > self.end {
            return None;
        }
        text.get(self.start..self.end)
    }

    /// This span moved right by `offset` bytes (a sentence-relative span made
    /// document-relative).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A set of pairwise non-overlapping half-open ranges `[start, end)`, for
/// "longest match first, keep what does not overlap a kept one" selection.
///
/// [`DisjointRanges::insert_if_free`] costs `O(log n)`, where checking every
/// kept range costs `O(n)` per candidate and makes the selection quadratic in
/// the number of matches of a long text.
///
/// ```
/// use claimtrace_model::DisjointRanges;
/// let mut kept = DisjointRanges::default();
/// assert!(kept.insert_if_free(10, 20));
/// assert!(!kept.insert_if_free(15, 25)); // overlaps [10, 20)
/// assert!(kept.insert_if_free(20, 25)); // touches, does not overlap
/// ```
#[derive(Debug, Clone, Default)]
pub struct DisjointRanges {
    /// start → end of every kept non-empty range (disjoint, so starts are unique).
    by_start: BTreeMap<usize, usize>,
    /// Kept empty ranges, by position.
    points: BTreeSet<usize>,
}

impl DisjointRanges {
    /// True when `[start, end)` overlaps no kept range, by the test
    /// `end <= k.start || k.end <= start` for every kept `k`.
    pub fn is_free(&self, start: usize, end: usize) -> bool {
        // Kept ranges are disjoint, so the one starting last before `end` is
        // the only non-empty one that can reach past `start`.
        let hits_range = self
            .by_start
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        let hits_point = start < end
            && self
                .points
                .range(start.saturating_add(1)..end)
                .next()
                .is_some();
        !hits_range && !hits_point
    }

    /// Keeps `[start, end)` when it is free; returns whether it was kept.
    pub fn insert_if_free(&mut self, start: usize, end: usize) -> bool {
        let free = self.is_free(start, end);
        if free {
            if start < end {
                self.by_start.insert(start, end);
            } else {
                self.points.insert(start);
            }
        }
        free
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom("span start after end"));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ordered set gives the same answers as checking every kept range.
    #[test]
    fn disjoint_ranges_agree_with_the_linear_check() {
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % m) as usize
        };
        for _ in 0..200 {
            let mut fast = DisjointRanges::default();
            let mut slow: Vec<(usize, usize)> = Vec::new();
            for _ in 0..40 {
                let s = next(60);
                let e = s + next(8);
                let free = slow.iter().all(|k| e <= k.0 || k.1 <= s);
                if free {
                    slow.push((s, e));
                }
                assert_eq!(
                    fast.insert_if_free(s, e),
                    free,
                    "[{s}, {e}) against {slow:?}"
                );
            }
        }
    }

    #[test]
    fn slice_respects_char_boundaries() {
        let t = "Türkiye";
        assert_eq!(Span::new(0, 2).slice(t), None); // inside 'ü'
        assert_eq!(Span::new(0, 3).slice(t), Some("Tü"));
        assert_eq!(Span::new(3, 2).slice(t), None);
    }

    #[test]
    fn serialises_as_pair() {
        let s = serde_json::to_string(&Span::new(4, 9)).unwrap();
        assert_eq!(s, "[4,9]");
        let back: Span = serde_json::from_str(&s).unwrap();
        assert_eq!(back, Span::new(4, 9));
        assert!(serde_json::from_str::<Span>("[9,4]").is_err());
    }
}
