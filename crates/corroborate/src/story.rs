//! Stories: the reports of one happening, found at document level before
//! their claims are grouped.
//!
//! A document's profile is a weighted bag of what its claims speak of:
//! names written with a capital inside a sentence (`n:`), the resolved
//! actors, targets, places and countries of its claims (`a:`, `t:`, `p:`,
//! `c:`), and the stemmed content words of its claim sentences. Names and
//! resolved entities weigh most; words that every war report uses
//! ([`GENERIC`]) weigh little. No corpus-wide document frequencies are used,
//! so a profile depends on its document alone and stepwise runs decide as
//! one run does.
//!
//! A story lives on its main event (the event most of its first report's
//! claims went to) as a centroid of its reports' profiles (the heaviest
//! [`MAX_TERMS`] terms) and the days its reports speak of. A new report is
//! compared (cosine) with the stories listed under its heaviest terms in
//! month buckets around its day; the best one at or above `story_join`
//! within `story_days` (lasting relationships: `story_lasting_days`) is its
//! story, whose event then competes for each of its claims with the story's
//! evidence (see `event_index::score`).

use serde::{Deserialize, Serialize};

use crate::features::{ClaimFeatures, Vocab};

/// Terms a story's centroid keeps.
pub const MAX_TERMS: usize = 160;
/// Heaviest terms a story is listed under, and a report looks up.
pub const KEY_TERMS: usize = 12;
/// Days per blocking bucket of stories.
pub const STORY_BUCKET_DAYS: i32 = 30;

/// The bucket of stories' keys that undated reports look up (every story
/// is listed there under its heaviest terms too).
pub const UNDATED_BUCKET: i32 = i32::MIN;
/// Stories looked at per key (the latest ones): bounds the work per report
/// under a term that many stories share.
pub const STORIES_PER_KEY: usize = 64;

/// Weight of a name or resolved entity relative to a content word.
const NAME_WEIGHT: f32 = 2.0;
/// Weight of a content word every war report uses.
const GENERIC_WEIGHT: f32 = 0.25;

/// Stems of words (and names) that occur in reports of any war, so say
/// little about which happening a report is about.
pub const GENERIC: &[&str] = &[
    "attack",
    "kill",
    "militari",
    "forc",
    "offici",
    "govern",
    "countri",
    "peopl",
    "year",
    "week",
    "day",
    "month",
    "time",
    "state",
    "news",
    "statement",
    "includ",
    "also",
    "new",
    "could",
    "would",
    "minist",
    "ministri",
    "presid",
    "secur",
    "war",
    "strike",
    "civilian",
    "troop",
    "soldier",
    "armi",
    "area",
    "region",
    "citi",
    "capit",
    "local",
    "intern",
    "nation",
    "support",
    "group",
    "leader",
    "world",
    "first",
    "two",
    "three",
    "last",
    "wound",
    "injur",
    "death",
    "dead",
    "report",
    "claim",
    "respons",
    "defenc",
    "defens",
    "oper",
    "continu",
    "accord",
    "us",
    "unit",
    "one",
    "mani",
    "least",
    "sinc",
    "earli",
    "late",
    "ago",
    "number",
    "hit",
    "launch",
    "held",
    "call",
    "part",
    "use",
    "made",
    "take",
    "took",
    "told",
    "spokesman",
    "spokesperson",
    "agenc",
    "media",
    "press",
    "sourc",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "night",
    "morn",
    "even",
    "after",
    "befor",
    "dure",
    "against",
    "across",
    "near",
    "north",
    "south",
    "east",
    "west",
    "border",
    "n:the",
    "n:but",
    "n:it",
    "n:in",
    "n:on",
    "n:he",
    "n:she",
    "n:they",
    "n:we",
    "n:this",
    "n:a",
    "n:an",
    "n:and",
    "n:as",
    "n:at",
    "n:for",
    "n:if",
    "n:of",
    "n:to",
];

/// A weighted bag of terms: (interned term, weight), sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub terms: Vec<(u32, f32)>,
    /// Euclidean norm of the weights.
    pub norm: f32,
}

impl Profile {
    fn from_map(mut terms: Vec<(u32, f32)>) -> Profile {
        terms.sort_unstable_by_key(|t| t.0);
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        Profile { terms, norm }
    }

    /// Cosine similarity in 0..=1.
    pub fn cosine(&self, other: &Profile) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (a, b) = (&self.terms, &other.terms);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (dot / (self.norm * other.norm)).clamp(0.0, 1.0)
    }

    /// The terms both share, heaviest (in the product) first, at most `n`.
    pub fn shared(&self, other: &Profile, n: usize) -> Vec<u32> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        let (a, b) = (&self.terms, &other.terms);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.push((a[i].0, a[i].1 * b[j].1));
                    i += 1;
                    j += 1;
                }
            }
        }
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out.into_iter().take(n).map(|(t, _)| t).collect()
    }

    /// The `n` heaviest terms (ties by term name, so the choice is stable
    /// across processes whose interned ids differ).
    pub fn top(&self, n: usize, vocab: &Vocab) -> Vec<u32> {
        let mut v: Vec<(u32, f32)> = self.terms.clone();
        v.sort_by(|x, y| {
            y.1.total_cmp(&x.1)
                .then_with(|| vocab.get(x.0).cmp(vocab.get(y.0)))
        });
        v.into_iter().take(n).map(|(t, _)| t).collect()
    }

    /// `self` plus `other`, keeping the `MAX_TERMS` heaviest terms.
    pub fn add(&mut self, other: &Profile, vocab: &Vocab) {
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(self.terms.len() + other.terms.len());
        let (a, b) = (&self.terms, &other.terms);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    i += 1;
                    j += 1;
                    (x.0, x.1 + y.1)
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    i += 1;
                    *x
                }
                (Some(x), None) => {
                    i += 1;
                    *x
                }
                (_, Some(y)) => {
                    j += 1;
                    *y
                }
                (None, None) => break,
            };
            merged.push(next);
        }
        if merged.len() > MAX_TERMS {
            merged.sort_by(|x, y| {
                y.1.total_cmp(&x.1)
                    .then_with(|| vocab.get(x.0).cmp(vocab.get(y.0)))
            });
            merged.truncate(MAX_TERMS);
        }
        *self = Profile::from_map(merged);
    }
}

/// The profile of a document from its claims' features: names, resolved
/// entities and content words, each weighed once per claim that has it
/// (dampened: 1 + ln of the count).
pub fn document_profile(claims: &[&ClaimFeatures], vocab: &mut Vocab) -> Profile {
    let mut counts: std::collections::HashMap<u32, (u32, f32)> = Default::default();
    let generic: Vec<u32> = GENERIC.iter().map(|g| vocab.intern(g)).collect();
    for c in claims {
        let mut seen: Vec<(u32, f32)> = Vec::new();
        for t in &c.tokens {
            let w = if generic.contains(t) {
                GENERIC_WEIGHT
            } else {
                1.0
            };
            seen.push((*t, w));
        }
        for t in c.names.iter().chain(&c.anchors) {
            let w = if generic.contains(t) {
                GENERIC_WEIGHT
            } else {
                NAME_WEIGHT
            };
            seen.push((*t, w));
        }
        seen.sort_unstable_by_key(|t| t.0);
        seen.dedup_by_key(|t| t.0);
        for (t, w) in seen {
            let e = counts.entry(t).or_insert((0, w));
            e.0 += 1;
        }
    }
    Profile::from_map(
        counts
            .into_iter()
            .map(|(t, (n, w))| (t, w * (1.0 + (n as f32).ln())))
            .collect(),
    )
}

/// A story: the centroid of its reports and the days they speak of.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub reports: usize,
    pub profile: Profile,
    /// Reference days of its reports (publication, else the frame).
    pub days: Option<(i32, i32)>,
    /// Why each report after the first joined (document id, reason), the
    /// first [`MAX_JOINS`].
    pub joins: Vec<(String, String)>,
}

/// Join reasons a story keeps.
pub const MAX_JOINS: usize = 200;

/// [`Story`] with names in place of interned ids (in the event's stored state).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredStory {
    pub reports: usize,
    pub terms: Vec<(String, f32)>,
    pub days: Option<(i32, i32)>,
    #[serde(default)]
    pub joins: Vec<(String, String)>,
}

impl Story {
    pub fn new(profile: Profile, day: Option<i32>) -> Story {
        Story {
            reports: 1,
            profile,
            days: day.map(|d| (d, d)),
            joins: Vec::new(),
        }
    }

    /// Adds a report's profile and day.
    pub fn absorb(&mut self, profile: &Profile, day: Option<i32>, vocab: &Vocab) {
        self.reports += 1;
        self.profile.add(profile, vocab);
        if let Some(d) = day {
            self.days = Some(match self.days {
                Some((a, b)) => (a.min(d), b.max(d)),
                None => (d, d),
            });
        }
    }

    /// Days between `day` and the story's days (0 inside them).
    pub fn gap(&self, day: Option<i32>) -> Option<i32> {
        let (d, (a, b)) = (day?, self.days?);
        Some(if d < a {
            a - d
        } else if d > b {
            d - b
        } else {
            0
        })
    }

    pub fn to_stored(&self, vocab: &Vocab) -> StoredStory {
        StoredStory {
            reports: self.reports,
            terms: self
                .profile
                .terms
                .iter()
                .map(|(t, w)| (vocab.get(*t).to_string(), *w))
                .collect(),
            days: self.days,
            joins: self.joins.clone(),
        }
    }

    pub fn from_stored(s: &StoredStory, vocab: &mut Vocab) -> Story {
        let mut terms: Vec<(u32, f32)> =
            s.terms.iter().map(|(t, w)| (vocab.intern(t), *w)).collect();
        terms.sort_unstable_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0);
        Story {
            reports: s.reports,
            profile: Profile::from_map(terms),
            days: s.days,
            joins: s.joins.clone(),
        }
    }
}

/// The month buckets within `days` of `day`.
pub fn story_buckets(day: i32, days: i32) -> std::ops::RangeInclusive<i32> {
    (day - days).div_euclid(STORY_BUCKET_DAYS)..=(day + days).div_euclid(STORY_BUCKET_DAYS)
}

/// The words a reason names: the shared terms without their prefixes.
pub fn term_names(terms: &[u32], vocab: &Vocab) -> String {
    terms
        .iter()
        .map(|t| {
            let s = vocab.get(*t);
            s.split_once(':').map_or(s, |(_, n)| n).to_string()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[(u32, f32)]) -> Profile {
        Profile::from_map(v.to_vec())
    }

    #[test]
    fn cosine_of_profiles() {
        let a = p(&[(1, 1.0), (2, 1.0)]);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-6);
        assert_eq!(a.cosine(&p(&[(3, 1.0)])), 0.0);
        assert!((a.cosine(&p(&[(2, 1.0)])) - 0.70710677).abs() < 1e-6);
        assert_eq!(a.cosine(&Profile::default()), 0.0);
    }

    #[test]
    fn adding_sums_weights_and_keeps_the_heaviest() {
        let mut v = Vocab::default();
        for i in 0..400 {
            v.intern(&format!("w{i}"));
        }
        let mut a = p(&[(1, 1.0), (2, 1.0)]);
        a.add(&p(&[(2, 2.0), (3, 0.5)]), &v);
        assert_eq!(a.terms, vec![(1, 1.0), (2, 3.0), (3, 0.5)]);
        let big = p(&(0..300).map(|i| (i, i as f32)).collect::<Vec<_>>());
        let mut b = Profile::default();
        b.add(&big, &v);
        assert_eq!(b.terms.len(), MAX_TERMS);
        assert!(b.terms.iter().all(|(t, _)| *t >= 300 - MAX_TERMS as u32));
    }

    #[test]
    fn a_story_spans_its_reports_days() {
        let v = Vocab::default();
        let mut s = Story::new(p(&[(1, 1.0)]), Some(100));
        s.absorb(&p(&[(1, 1.0)]), Some(104), &v);
        assert_eq!(s.days, Some((100, 104)));
        assert_eq!(s.gap(Some(102)), Some(0));
        assert_eq!(s.gap(Some(110)), Some(6));
        assert_eq!(s.gap(None), None);
        assert_eq!(s.reports, 2);
    }
}
