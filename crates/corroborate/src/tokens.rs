//! Word tokens of news text: the raw stream for shingling (copy detection)
//! and the stemmed content words for claim similarity.

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

/// Function words and reporting verbs that say nothing about which happening
/// a sentence describes ("said", "according" appear in every report).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "claim",
    "claimed",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "last",
    "late",
    "later",
    "may",
    "might",
    "more",
    "most",
    "no",
    "not",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "reported",
    "reportedly",
    "reports",
    "said",
    "says",
    "she",
    "should",
    "so",
    "some",
    "stated",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "under",
    "until",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "according",
    "allegedly",
    "statement",
    "week",
    "day",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Lower-cased alphanumeric runs of `text` (apostrophes dropped), in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

/// Stems content words for similarity: stopwords and one-letter words go,
/// numbers stay (they identify a report: "117 drones").
pub struct ContentWords {
    stemmer: Stemmer,
    stop: HashSet<&'static str>,
}

impl Default for ContentWords {
    fn default() -> Self {
        ContentWords {
            stemmer: Stemmer::create(Algorithm::English),
            stop: STOPWORDS.iter().copied().collect(),
        }
    }
}

impl ContentWords {
    /// The stemmed content words of `text`, each once, in first-seen order.
    pub fn of(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in words(text) {
            if w.chars().count() < 2 && !w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if self.stop.contains(w.as_str()) {
                continue;
            }
            let s = self.stemmer.stem(&w).into_owned();
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

/// FNV-1a 64: a hash that never changes between builds or Rust releases,
/// which persisted MinHash signatures and LSH keys require.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_lowercase_and_split() {
        let w: Vec<String> = words("Russia's MoD: 117 UAVs, shot-down.").collect();
        assert_eq!(w, ["russias", "mod", "117", "uavs", "shot", "down"]);
    }

    #[test]
    fn content_words_drop_stopwords_and_stem() {
        let c = ContentWords::default().of("The drones struck the depot, officials said on Sunday");
        assert_eq!(c, ["drone", "struck", "depot", "offici"]);
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
