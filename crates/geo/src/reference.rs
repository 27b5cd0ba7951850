//! Test oracle: the gazetteer as it was before the compiled index (every
//! entry in memory, a hash map of folded names, one Aho-Corasick automaton
//! over every surface), and property tests that the indexed gazetteer —
//! built, written to `geonames.idx` and read back — answers `find_places`,
//! `lookup`, `candidates` and `entries` exactly as it did.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use claimtrace_model::{Place, PlaceRole, Span};

use crate::entry::{self, Feature, GeoEntry};
use crate::gazetteer::{Gazetteer, fold, matchable};
use crate::places::{PlaceMatch, followed_by_org_word};

pub(crate) struct Reference {
    entries: Vec<GeoEntry>,
    by_name: HashMap<String, Vec<u32>>,
    surfaces: Vec<Vec<u32>>,
    matcher: AhoCorasick,
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    let before_ok = text
        .get(..start)
        .and_then(|s| s.chars().next_back())
        .is_none_or(|c| !is_word_char(c) && c != '-' || c == '-' && start >= 2);
    let after_ok = text
        .get(end..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

impl Reference {
    pub(crate) fn new(entries: Vec<GeoEntry>, stop: &HashSet<&str>) -> Reference {
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        let mut surface_ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut surfaces: Vec<Vec<u32>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let id = i as u32;
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let ids = by_name.entry(fold(n)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
                if !matchable(n, e.builtin, stop) {
                    continue;
                }
                let k = *surface_ids.entry(n.clone()).or_insert_with(|| {
                    patterns.push(n.clone());
                    surfaces.push(Vec::new());
                    patterns.len() - 1
                });
                if !surfaces[k].contains(&id) {
                    surfaces[k].push(id);
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .unwrap();
        Reference {
            entries,
            by_name,
            surfaces,
            matcher,
        }
    }

    fn score(&self, id: u32, surface: &str, hints: &[&str]) -> f64 {
        let e = &self.entries[id as usize];
        let mut s = ((e.population as f64) + 10.0).log10();
        s += match e.feature {
            Feature::Country => 10.0,
            Feature::Region => 5.0,
            Feature::Capital => 3.0,
            Feature::Facility => 4.0,
            Feature::City => 0.0,
        };
        if e.builtin {
            s += 2.0;
        }
        if e.name == surface {
            s += 0.5;
        }
        if let Some(c) = &e.country
            && hints.contains(&c.as_str())
        {
            s += 4.0;
        }
        s
    }

    fn best(&self, ids: &[u32], surface: &str, hints: &[&str]) -> Option<u32> {
        ids.iter().copied().max_by(|a, b| {
            self.score(*a, surface, hints)
                .total_cmp(&self.score(*b, surface, hints))
                .then(b.cmp(a))
        })
    }

    pub(crate) fn lookup(&self, name: &str, hint: Option<&str>) -> Option<GeoEntry> {
        let ids = self.by_name.get(&fold(name.trim()))?;
        let hints: Vec<&str> = hint.into_iter().collect();
        self.best(ids, name, &hints)
            .map(|i| self.entries[i as usize].clone())
    }

    pub(crate) fn candidates(&self, name: &str) -> Vec<GeoEntry> {
        let Some(ids) = self.by_name.get(&fold(name.trim())) else {
            return Vec::new();
        };
        let mut v = ids.clone();
        v.sort_by(|a, b| {
            self.score(*b, name, &[])
                .total_cmp(&self.score(*a, name, &[]))
        });
        v.into_iter()
            .map(|i| self.entries[i as usize].clone())
            .collect()
    }

    pub(crate) fn find_places(&self, text: &str) -> Vec<PlaceMatch> {
        let mut hits: Vec<(usize, usize, usize)> = self
            .matcher
            .find_overlapping_iter(text)
            .filter(|m| bounded(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        hits.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        let mut taken = claimtrace_model::DisjointRanges::default();
        for h in hits {
            if taken.is_free(h.0, h.1) && !followed_by_org_word(text, h.1) {
                taken.insert_if_free(h.0, h.1);
                kept.push(h);
            }
        }
        kept.sort_by_key(|h| h.0);
        let mut hints: Vec<&str> = Vec::new();
        for &(_, _, p) in &kept {
            let ids = &self.surfaces[p];
            let country = ids
                .iter()
                .map(|&i| &self.entries[i as usize])
                .find(|e| e.feature == Feature::Country)
                .or_else(|| (ids.len() == 1).then(|| &self.entries[ids[0] as usize]))
                .and_then(|e| e.country.as_deref());
            if let Some(c) = country
                && !hints.contains(&c)
            {
                hints.push(c);
            }
        }
        kept.into_iter()
            .filter_map(|(s, e, p)| {
                let surface = text.get(s..e)?;
                let ids = &self.surfaces[p];
                let best = &self.entries[self.best(ids, surface, &hints)? as usize];
                let span = Span::new(s, e);
                let place = Place {
                    text: surface.to_string(),
                    name: best.name.clone(),
                    country: best.country.clone(),
                    lat: Some(best.lat),
                    lon: Some(best.lon),
                    feature: Some(best.feature.as_str().to_string()),
                    geonameid: best.geonameid,
                    role: PlaceRole::Mentioned,
                    span: Some(span),
                };
                Some(PlaceMatch {
                    span,
                    place,
                    ambiguity: ids.len(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{builtin_entries, merge, stop_names};
    use crate::index_file::INDEX_FILE;
    use crate::table::TABLE_FILE;
    use proptest::prelude::*;

    /// Words that overlap, nest, share prefixes, differ in case or
    /// diacritics, or are stop names or too short to match.
    const POOL: &[&str] = &[
        "New",
        "New York",
        "York",
        "San",
        "San José",
        "San Jose",
        "SAN JOSE",
        "José",
        "Kharkiv",
        "Kharkov",
        "Kharkiv Oblast",
        "Gao",
        "Gaomi",
        "Ménaka",
        "Menaka",
        "İzmir",
        "Izmir",
        "The Hague",
        "Hague",
        "St. Louis",
        "O'Neill",
        "Al Ain",
        "Ain",
        "Port Sudan",
        "Sudan",
        "Kyiv",
        "Bakhmut",
        "Artemivsk",
        "Engels",
        "Paris",
        "Georgia",
        "Amber",
        "Angers",
        "Alpha",
        "Ab",
        "ABCD",
        "kyiv",
        "Lviv-Volyn",
        "Saint-Denis",
        "Times",
    ];

    const GLUE: &[&str] = &[
        " ", ", ", ". ", " in ", " near ", "-", " the ", "’s ", " Times ", " Street", "\n", " x",
        "(", ") ", "é",
    ];

    const FEATURES: &[&str] = &["country", "region", "capital", "city", "facility"];
    const COUNTRIES: &[&str] = &["UA", "US", "ML", "SD", "FR", "TR", "AE", ""];

    fn row() -> impl Strategy<Value = String> {
        (
            prop::sample::select(POOL),
            prop::sample::select(FEATURES),
            prop::sample::select(COUNTRIES),
            (-1i32..=1, -1i32..=1),
            prop::option::of(0u64..2_000_000),
            prop::option::of(1u64..100),
            prop::collection::vec(prop::sample::select(POOL), 0..4),
        )
            .prop_map(|(name, feature, country, (dlat, dlon), pop, id, aliases)| {
                // Near Kharkiv, Kyiv or off the map, so some rows merge with builtin ones.
                let (lat, lon) = match dlat {
                    -1 => (49.99, 36.23),
                    0 => (50.45 + f64::from(dlon) * 0.01, 30.52),
                    _ => (0.0, 0.0),
                };
                format!(
                    "{name}\t{feature}\t{country}\t{lat}\t{lon}\t{}\t{}\t{}",
                    pop.map(|p| p.to_string()).unwrap_or_default(),
                    id.map(|g| g.to_string()).unwrap_or_default(),
                    aliases.join("|")
                )
            })
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(POOL).prop_map(str::to_string),
                2 => prop::sample::select(GLUE).prop_map(str::to_string),
                1 => prop::sample::select(vec!["Ukraine", "Russia", "Mali", "Kharkiv region", "Türkiye", "Turkey"]).prop_map(str::to_string),
            ],
            0..25,
        )
        .prop_map(|v| v.concat())
    }

    fn check(dir: &Path, rows: &[String], texts: &[String]) -> Result<(), TestCaseError> {
        let tsv = rows.join("\n") + "\n";
        std::fs::write(dir.join(TABLE_FILE), &tsv).unwrap();
        let path = dir.join(TABLE_FILE);
        let extra = entry::parse_table(&tsv, &path, false).unwrap();
        let merged = merge(builtin_entries(), extra);
        let oracle = Reference::new(merged.clone(), &stop_names());
        // First load builds and writes the index, the second reads it.
        let built = Gazetteer::load(dir).unwrap();
        prop_assert!(dir.join(INDEX_FILE).exists());
        let read = Gazetteer::load(dir).unwrap();
        for gaz in [&built, &read] {
            prop_assert_eq!(gaz.entries().collect::<Vec<_>>(), merged.clone());
            for t in texts {
                prop_assert_eq!(gaz.find_places(t), oracle.find_places(t), "text {:?}", t);
            }
            for n in POOL
                .iter()
                .chain(&[" Kharkiv ", "KHARKIV", "kharkiv", "", "Nowhere"])
            {
                for hint in [None, Some("UA"), Some("US"), Some("")] {
                    prop_assert_eq!(gaz.lookup(n, hint), oracle.lookup(n, hint), "{:?}", n);
                }
                prop_assert_eq!(gaz.candidates(n), oracle.candidates(n), "{:?}", n);
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn indexed_gazetteer_answers_as_the_in_memory_one(
            rows in prop::collection::vec(row(), 1..30),
            texts in prop::collection::vec(text(), 1..12),
        ) {
            let dir = tempfile::tempdir().unwrap();
            check(dir.path(), &rows, &texts)?;
        }
    }

    #[test]
    fn builtin_answers_as_the_in_memory_one() {
        let gaz = Gazetteer::builtin();
        let oracle = Reference::new(builtin_entries(), &stop_names());
        let names: Vec<String> = builtin_entries()
            .into_iter()
            .flat_map(|e| std::iter::once(e.name).chain(e.aliases))
            .collect();
        for n in &names {
            let t = format!("Strikes on {n}, {n}'s port and near {n}-{n} (Kyiv Independent).");
            assert_eq!(gaz.find_places(&t), oracle.find_places(&t), "{t}");
            assert_eq!(gaz.lookup(n, Some("UA")), oracle.lookup(n, Some("UA")));
            assert_eq!(gaz.candidates(n), oracle.candidates(n));
        }
    }
}
