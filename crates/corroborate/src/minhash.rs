//! MinHash signatures of word shingles and their LSH band keys: the
//! near-duplicate detector behind copy groups.
//!
//! Own implementation rather than gaoya: signatures and band keys are stored
//! in SQLite and compared against documents ingested months later, so the
//! hash functions must be fixed forever (FNV-1a + splitmix64 here), and the
//! index must live in the database, not in an in-memory LSH structure.

use serde::{Deserialize, Serialize};

use crate::tokens::{fnv64, words};

/// The MinHash of one document: `values[i]` is the least of hash function
/// `i` over the document's shingles; `shingles` is how many distinct shingles
/// there were (needed to turn a Jaccard estimate into a containment one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub values: Vec<u64>,
    pub shingles: usize,
}

/// Computes signatures with `num_hashes` functions over `shingle_words`-word
/// shingles, banded `band_rows` rows per LSH band.
#[derive(Debug, Clone)]
pub struct MinHasher {
    seeds: Vec<u64>,
    shingle_words: usize,
    band_rows: usize,
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl MinHasher {
    /// `band_rows` must divide `num_hashes`; both and `shingle_words` at least 1
    /// (checked by `CorroboratorConfig::build`).
    pub fn new(num_hashes: usize, shingle_words: usize, band_rows: usize) -> Self {
        let seeds = (0..num_hashes as u64)
            .map(|i| splitmix64(i.wrapping_mul(0x1234_5678_9abc_def1)))
            .collect();
        MinHasher {
            seeds,
            shingle_words: shingle_words.max(1),
            band_rows: band_rows.max(1),
        }
    }

    /// Hashes of the distinct word shingles of `text` (all words as one
    /// shingle when the text is shorter than a shingle).
    pub fn shingles(&self, text: &str) -> Vec<u64> {
        let w: Vec<String> = words(text).collect();
        let k = self.shingle_words;
        let mut out: Vec<u64> = if w.len() < k {
            if w.is_empty() {
                Vec::new()
            } else {
                vec![fnv64(w.join(" ").as_bytes())]
            }
        } else {
            w.windows(k)
                .map(|win| fnv64(win.join(" ").as_bytes()))
                .collect()
        };
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn signature(&self, text: &str) -> Signature {
        let sh = self.shingles(text);
        let values = self
            .seeds
            .iter()
            .map(|seed| {
                sh.iter()
                    .map(|s| splitmix64(s ^ seed))
                    .min()
                    .unwrap_or(u64::MAX)
            })
            .collect();
        Signature {
            values,
            shingles: sh.len(),
        }
    }

    /// One key per band: documents sharing any key are copy candidates. The
    /// band index is mixed in so equal rows in different bands do not collide.
    pub fn band_keys(&self, sig: &Signature) -> Vec<i64> {
        if sig.shingles == 0 {
            return Vec::new();
        }
        sig.values
            .chunks(self.band_rows)
            .enumerate()
            .map(|(band, rows)| {
                let mut h = splitmix64(band as u64);
                for r in rows {
                    h = splitmix64(h ^ r);
                }
                h as i64
            })
            .collect()
    }
}

/// How alike two signed documents are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resemblance {
    /// Estimated Jaccard similarity of the shingle sets.
    pub jaccard: f64,
    /// Estimated share of the smaller document's shingles found in the larger.
    pub containment: f64,
}

impl Signature {
    pub fn resemblance(&self, other: &Signature) -> Resemblance {
        let n = self.values.len().min(other.values.len());
        if n == 0 || self.shingles == 0 || other.shingles == 0 {
            return Resemblance {
                jaccard: 0.0,
                containment: 0.0,
            };
        }
        let same = self
            .values
            .iter()
            .zip(&other.values)
            .filter(|(a, b)| a == b)
            .count();
        let j = same as f64 / n as f64;
        // |A∩B| = J·(|A|+|B|)/(1+J)
        let inter = j * (self.shingles + other.shingles) as f64 / (1.0 + j);
        let small = self.shingles.min(other.shingles) as f64;
        Resemblance {
            jaccard: j,
            containment: (inter / small).min(1.0),
        }
    }

    /// The signature as little-endian bytes (the store's BLOB).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.values.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// The inverse of [`Signature::to_bytes`]; `None` when the length is not a multiple of 8.
    pub fn from_bytes(bytes: &[u8], shingles: usize) -> Option<Signature> {
        if !bytes.len().is_multiple_of(8) {
            return None;
        }
        let values = bytes
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        Some(Signature { values, shingles })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Ukrainian drones struck an oil depot in the Bryansk region overnight, \
        the regional governor said, adding that a fire broke out but nobody was hurt. \
        Air defences shot down a further twelve drones over neighbouring regions, \
        the defence ministry in Moscow said in a morning statement.";

    #[test]
    fn copies_resemble_and_share_a_band() {
        let m = MinHasher::new(120, 4, 3);
        let a = m.signature(STORY);
        let b = m.signature(&format!(
            "KYIV (Wire) - {STORY} Reporting by staff; editing by desk."
        ));
        let r = a.resemblance(&b);
        assert!(r.jaccard > 0.6, "{r:?}");
        assert!(r.containment > 0.9, "{r:?}");
        let ka = m.band_keys(&a);
        assert!(m.band_keys(&b).iter().any(|k| ka.contains(k)));
    }

    #[test]
    fn different_texts_do_not_resemble() {
        let m = MinHasher::new(120, 4, 3);
        let a = m.signature(STORY);
        let b = m.signature("Talks between the two delegations resumed in Doha on Tuesday after a pause of three weeks.");
        assert!(a.resemblance(&b).jaccard < 0.1);
    }

    #[test]
    fn bytes_round_trip() {
        let m = MinHasher::new(8, 4, 2);
        let s = m.signature(STORY);
        assert_eq!(Signature::from_bytes(&s.to_bytes(), s.shingles), Some(s));
        assert_eq!(Signature::from_bytes(&[1, 2, 3], 1), None);
    }
}
