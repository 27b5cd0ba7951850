//! The gazetteer: entries, a name index for lookup and a multi-pattern
//! matcher for finding names in text.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::entry::{self, Feature, GeoEntry};
use crate::error::{GeoError, Result};
use crate::table;

const BUILTIN: &str = include_str!("../data/builtin.tsv");

/// Capitalised English words that are also names of some populated place in
/// GeoNames; never matched in running text unless the project lists them itself.
const STOP: &str = include_str!("../data/stopnames.txt");

/// Countries, regions, conflict towns and facilities, plus (after [`Gazetteer::load`])
/// GeoNames populated places. Immutable once built; share it with an `Arc`.
pub struct Gazetteer {
    pub(crate) entries: Vec<GeoEntry>,
    /// Folded name -> entry ids, for [`Gazetteer::lookup`].
    by_name: HashMap<String, Vec<u32>>,
    /// Pattern id of `matcher` -> entry ids carrying that exact surface.
    pub(crate) surfaces: Vec<Vec<u32>>,
    pub(crate) matcher: AhoCorasick,
}

/// Lower-case with the Latin diacritics news writers drop ("Ménaka" = "Menaka").
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' | 'İ' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                'o'
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'ş' | 'Ş' | 'š' | 'Š' => 's',
            'ğ' | 'Ğ' => 'g',
            'ž' | 'Ž' => 'z',
            'č' | 'Č' => 'c',
            '’' | '`' => '\'',
            other => other,
        };
        out.extend(base.to_lowercase());
    }
    out
}

/// Whether `s` may be matched in running text: capitalised, not an airport
/// code, not too short.
fn matchable(s: &str, builtin: bool, stop: &HashSet<&str>) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if builtin {
        return true;
    }
    let n = s.chars().count();
    if n < 3 || stop.contains(s) {
        return false;
    }
    let all_caps = s.chars().all(|c| !c.is_lowercase());
    if all_caps && n <= 4 {
        return false;
    }
    // Other scripts and transliterations with digits are not English-news surfaces.
    s.chars().all(|c| {
        c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
            || matches!(c, ' ' | '-' | '\'' | '.' | '’')
    })
}

impl Gazetteer {
    /// The project-written entries only (always available, no I/O).
    pub fn builtin() -> Gazetteer {
        let entries = builtin_entries();
        // The builtin table is validated by the crate's tests, so it always indexes.
        Self::from_entries(entries).unwrap_or_else(|e| panic!("builtin gazetteer: {e}"))
    }

    /// Builtin entries plus the GeoNames table under `dir` (see `scripts/setup-data.sh`).
    pub fn load(dir: &Path) -> Result<Gazetteer> {
        let path = dir.join(table::TABLE_FILE);
        if !path.exists() {
            return Err(GeoError::MissingTable(dir.to_path_buf()));
        }
        let src = std::fs::read_to_string(&path).map_err(|source| GeoError::Io {
            path: path.clone(),
            source,
        })?;
        let geonames = entry::parse_table(&src, &path, false)?;
        Self::from_entries(merge(builtin_entries(), geonames))
    }

    /// Builtin entries plus `extra` (already parsed), e.g. a test fixture.
    pub fn with_entries(extra: Vec<GeoEntry>) -> Result<Gazetteer> {
        Self::from_entries(merge(builtin_entries(), extra))
    }

    fn from_entries(entries: Vec<GeoEntry>) -> Result<Gazetteer> {
        let stop: HashSet<&str> = STOP
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        let mut surface_ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut surfaces: Vec<Vec<u32>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let id = i as u32;
            let names = std::iter::once(&e.name).chain(e.aliases.iter());
            for n in names {
                let ids = by_name.entry(fold(n)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
                if !matchable(n, e.builtin, &stop) {
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
            .map_err(|e| GeoError::Index(e.to_string()))?;
        Ok(Gazetteer {
            entries,
            by_name,
            surfaces,
            matcher,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries, builtin first.
    pub fn entries(&self) -> &[GeoEntry] {
        &self.entries
    }

    /// The best entry called `name` (case and common diacritics ignored),
    /// preferring places in `country_hint` (ISO2) when given.
    pub fn lookup(&self, name: &str, country_hint: Option<&str>) -> Option<GeoEntry> {
        let ids = self.by_name.get(&fold(name.trim()))?;
        let hints: Vec<&str> = country_hint.into_iter().collect();
        self.best(ids, name, &hints)
            .map(|i| self.entries[i as usize].clone())
    }

    /// Every entry called `name`, best first.
    pub fn candidates(&self, name: &str) -> Vec<&GeoEntry> {
        let Some(ids) = self.by_name.get(&fold(name.trim())) else {
            return Vec::new();
        };
        let mut v: Vec<u32> = ids.clone();
        v.sort_by(|a, b| {
            self.score(*b, name, &[])
                .total_cmp(&self.score(*a, name, &[]))
        });
        v.into_iter().map(|i| &self.entries[i as usize]).collect()
    }

    /// Preference for entry `id` when `surface` was written: feature, size,
    /// project data, exact spelling, and agreement with the document's countries.
    pub(crate) fn score(&self, id: u32, surface: &str, hints: &[&str]) -> f64 {
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

    pub(crate) fn best(&self, ids: &[u32], surface: &str, hints: &[&str]) -> Option<u32> {
        ids.iter().copied().max_by(|a, b| {
            self.score(*a, surface, hints)
                .total_cmp(&self.score(*b, surface, hints))
                .then(b.cmp(a))
        })
    }
}

fn builtin_entries() -> Vec<GeoEntry> {
    // Validated by tests; a parse error here is a bug in the shipped data file.
    entry::parse_table(BUILTIN, Path::new("data/builtin.tsv"), true)
        .unwrap_or_else(|e| panic!("builtin gazetteer data: {e}"))
}

/// Builtin first; a GeoNames entry describing a place the project already
/// lists (same country, same name, within 30 km) only lends it its
/// geonameid, population and aliases.
fn merge(mut builtin: Vec<GeoEntry>, extra: Vec<GeoEntry>) -> Vec<GeoEntry> {
    let mut index: HashMap<(String, Option<String>), Vec<usize>> = HashMap::new();
    for (i, e) in builtin.iter().enumerate() {
        index
            .entry((fold(&e.name), e.country.clone()))
            .or_default()
            .push(i);
    }
    let mut rest = Vec::new();
    for g in extra {
        let key = (fold(&g.name), g.country.clone());
        let country_twin = (g.feature == Feature::Country)
            .then(|| {
                builtin
                    .iter()
                    .position(|b| b.feature == Feature::Country && b.country == g.country)
            })
            .flatten();
        let twin = country_twin.or_else(|| {
            index.get(&key).and_then(|ids| {
                ids.iter().copied().find(|&i| {
                    let b = &builtin[i];
                    b.feature == Feature::Country
                        || entry::distance_km(b.lat, b.lon, g.lat, g.lon) < 30.0
                })
            })
        });
        // A GeoNames country the builtin table lacks is still a country.
        if g.feature == Feature::Country && twin.is_none() && g.lat == 0.0 && g.lon == 0.0 {
            continue;
        }
        match twin {
            Some(i) => {
                let b = &mut builtin[i];
                if b.geonameid.is_none() {
                    b.geonameid = g.geonameid;
                }
                b.population = b.population.max(g.population);
                let no_stop = HashSet::new();
                for a in g.aliases {
                    // Builtin surfaces skip the text filter, so filter borrowed ones here.
                    if matchable(&a, false, &no_stop) && !b.aliases.contains(&a) && a != b.name {
                        b.aliases.push(a);
                    }
                }
            }
            None => rest.push(g),
        }
    }
    builtin.extend(rest);
    builtin
}
