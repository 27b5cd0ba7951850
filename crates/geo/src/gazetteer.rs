//! The gazetteer: entries behind a compiled name index (`index.rs`), read
//! from `geonames.idx` when the GeoNames table has one and built otherwise.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::entry::{self, Feature, GeoEntry};
use crate::error::{GeoError, Result};
use crate::index::{IdList, Index};
use crate::index_file::{self, INDEX_FILE, IndexKey};
use crate::record::EntryView;
use crate::table;

const BUILTIN: &str = include_str!("../data/builtin.tsv");

/// Capitalised English words that are also names of some populated place in
/// GeoNames; never matched in running text unless the project lists them itself.
const STOP: &str = include_str!("../data/stopnames.txt");

/// Countries, regions, conflict towns and facilities, plus (after [`Gazetteer::load`])
/// GeoNames populated places. Immutable once built; share it with an `Arc`.
/// Entries are decoded when a lookup reaches them, so a loaded gazetteer
/// costs the size of its index file in memory and no work per entry.
pub struct Gazetteer {
    pub(crate) index: Index,
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
pub(crate) fn matchable(s: &str, builtin: bool, stop: &HashSet<&str>) -> bool {
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

pub(crate) fn stop_names() -> HashSet<&'static str> {
    STOP.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// FNV-1a over the data compiled into the binary that an index depends on,
/// so a binary with other builtin entries or stop names rebuilds the index.
pub(crate) fn data_hash() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in BUILTIN.bytes().chain([0]).chain(STOP.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Preference for entry `e` when `surface` was written: feature, size,
/// project data, exact spelling, and agreement with the document's countries.
fn score(e: &EntryView<'_>, surface: &str, hints: &[&str]) -> f64 {
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
    if let Some(c) = e.country
        && hints.contains(&c)
    {
        s += 4.0;
    }
    s
}

impl Gazetteer {
    /// The project-written entries only (always available, no I/O).
    pub fn builtin() -> Gazetteer {
        let entries = builtin_entries();
        // The builtin table is validated by the crate's tests, so it always indexes.
        Self::from_entries(&entries).unwrap_or_else(|e| panic!("builtin gazetteer: {e}"))
    }

    /// Builtin entries plus the GeoNames table under `dir` (see
    /// `scripts/setup-data.sh`), through the index beside it (`geonames.idx`).
    /// A missing, stale or damaged index is rebuilt from the table and
    /// written for the next start; when it cannot be written (a read-only
    /// directory) the gazetteer still works, built in memory.
    pub fn load(dir: &Path) -> Result<Gazetteer> {
        let path = dir.join(table::TABLE_FILE);
        let Ok(meta) = std::fs::metadata(&path) else {
            return Err(GeoError::MissingTable(dir.to_path_buf()));
        };
        let key = IndexKey::new(&meta, data_hash());
        let index_path = dir.join(INDEX_FILE);
        if let Ok(Some(index)) = index_file::read(&index_path, &key) {
            return Ok(Gazetteer { index });
        }
        let gaz = Self::from_table(&path)?;
        // Best effort: a failed write only costs the next start a rebuild.
        let _ = index_file::write(&index_path, &key, &gaz.index);
        Ok(gaz)
    }

    /// Build the index of the GeoNames table under `dir` and write it
    /// beside the table ([`INDEX_FILE`]), whether or not one is there.
    /// Returns the number of entries.
    pub fn build_index(dir: &Path) -> Result<usize> {
        let path = dir.join(table::TABLE_FILE);
        let meta =
            std::fs::metadata(&path).map_err(|_| GeoError::MissingTable(dir.to_path_buf()))?;
        let key = IndexKey::new(&meta, data_hash());
        let gaz = Self::from_table(&path)?;
        index_file::write(&dir.join(INDEX_FILE), &key, &gaz.index)?;
        Ok(gaz.len())
    }

    fn from_table(path: &Path) -> Result<Gazetteer> {
        let src = std::fs::read_to_string(path).map_err(|source| GeoError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let geonames = entry::parse_table(&src, path, false)?;
        Self::from_entries(&merge(builtin_entries(), geonames))
    }

    /// Builtin entries plus `extra` (already parsed), e.g. a test fixture.
    pub fn with_entries(extra: Vec<GeoEntry>) -> Result<Gazetteer> {
        Self::from_entries(&merge(builtin_entries(), extra))
    }

    fn from_entries(entries: &[GeoEntry]) -> Result<Gazetteer> {
        Ok(Gazetteer {
            index: Index::build(entries, &stop_names())?,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All entries, builtin first. Decodes every entry: for tests and tools,
    /// not for per-document work.
    pub fn entries(&self) -> impl Iterator<Item = GeoEntry> + '_ {
        (0..self.len()).filter_map(|i| {
            let id = u32::try_from(i).ok()?;
            self.index.view(id).map(EntryView::to_entry)
        })
    }

    /// The best entry called `name` (case and common diacritics ignored),
    /// preferring places in `country_hint` (ISO2) when given.
    pub fn lookup(&self, name: &str, country_hint: Option<&str>) -> Option<GeoEntry> {
        let ids = self.index.named(&fold(name.trim()));
        let hints: Vec<&str> = country_hint.into_iter().collect();
        self.best(ids, name, &hints).map(EntryView::to_entry)
    }

    /// Every entry called `name`, best first.
    pub fn candidates(&self, name: &str) -> Vec<GeoEntry> {
        let ids = self.index.named(&fold(name.trim()));
        let mut scored: Vec<(f64, EntryView<'_>)> = ids
            .iter()
            .filter_map(|id| self.index.view(id))
            .map(|e| (score(&e, name, &[]), e))
            .collect();
        // Stable: equal scores keep id order.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().map(|(_, e)| e.to_entry()).collect()
    }

    /// The entry of `ids` scoring highest for `surface` (the first of equals).
    pub(crate) fn best(
        &self,
        ids: IdList<'_>,
        surface: &str,
        hints: &[&str],
    ) -> Option<EntryView<'_>> {
        let mut best: Option<(f64, EntryView<'_>)> = None;
        for e in ids.iter().filter_map(|id| self.index.view(id)) {
            let s = score(&e, surface, hints);
            if best.as_ref().is_none_or(|(b, _)| s.total_cmp(b).is_gt()) {
                best = Some((s, e));
            }
        }
        best.map(|(_, e)| e)
    }
}

pub(crate) fn builtin_entries() -> Vec<GeoEntry> {
    // Validated by tests; a parse error here is a bug in the shipped data file.
    entry::parse_table(BUILTIN, Path::new("data/builtin.tsv"), true)
        .unwrap_or_else(|e| panic!("builtin gazetteer data: {e}"))
}

/// Builtin first; a GeoNames entry describing a place the project already
/// lists (same country, same name, within 30 km) only lends it its
/// geonameid, population and aliases.
pub(crate) fn merge(mut builtin: Vec<GeoEntry>, extra: Vec<GeoEntry>) -> Vec<GeoEntry> {
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
