//! One gazetteer entry and the table format entries are read from.

use std::path::Path;

use crate::error::{GeoError, Result};

/// What kind of place an entry is; the order is the tie-break preference
/// when one name fits several places (a country beats a city of that name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    Facility,
    City,
    Capital,
    Region,
    Country,
}

impl Feature {
    /// The model's `Place::feature` word (a capital is a `city`).
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Region => "region",
            Feature::Capital | Feature::City => "city",
            Feature::Facility => "facility",
        }
    }

    pub fn parse(s: &str) -> Option<Feature> {
        Some(match s {
            "country" => Feature::Country,
            "region" => Feature::Region,
            "capital" => Feature::Capital,
            "city" => Feature::City,
            "facility" => Feature::Facility,
            _ => return None,
        })
    }
}

/// A named place with coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoEntry {
    /// Preferred English name.
    pub name: String,
    pub feature: Feature,
    /// ISO 3166-1 alpha-2 (`None` for areas spanning countries, e.g. the Sahel).
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub geonameid: Option<u64>,
    /// Other names it goes by (spellings, transliterations, former names).
    pub aliases: Vec<String>,
    /// Written by the project (facilities, regions, conflict towns) rather than
    /// taken from GeoNames; preferred when both know a name.
    pub builtin: bool,
}

/// Columns of a table line: `name feature country lat lon population geonameid aliases`,
/// tab-separated, aliases joined by `|`, empty cells allowed for country,
/// population, geonameid and aliases. Lines starting with `#` are comments.
pub(crate) fn parse_table(src: &str, path: &Path, builtin: bool) -> Result<Vec<GeoEntry>> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: &str| GeoError::Table {
            path: path.to_path_buf(),
            line: i + 1,
            reason: reason.to_string(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            return Err(bad("fewer than 5 tab-separated columns"));
        }
        let feature = Feature::parse(cols[1]).ok_or_else(|| bad("unknown feature"))?;
        let lat: f64 = cols[3].trim().parse().map_err(|_| bad("bad latitude"))?;
        let lon: f64 = cols[4].trim().parse().map_err(|_| bad("bad longitude"))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(bad("coordinates out of range"));
        }
        let cell = |k: usize| cols.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
        let population = match cell(5) {
            Some(p) => p.parse().map_err(|_| bad("bad population"))?,
            None => 0,
        };
        let geonameid = match cell(6) {
            Some(g) => Some(g.parse().map_err(|_| bad("bad geonameid"))?),
            None => None,
        };
        let aliases = cell(7)
            .map(|a| {
                a.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        out.push(GeoEntry {
            name: cols[0].trim().to_string(),
            feature,
            country: cell(2).map(String::from),
            lat,
            lon,
            population,
            geonameid,
            aliases,
            builtin,
        });
    }
    Ok(out)
}

/// One table line for `e` (the inverse of [`parse_table`]).
pub(crate) fn table_line(e: &GeoEntry, feature: &str) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
    format!(
        "{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}\t{}",
        clean(&e.name),
        feature,
        e.country.as_deref().unwrap_or(""),
        e.lat,
        e.lon,
        e.population,
        e.geonameid.map(|g| g.to_string()).unwrap_or_default(),
        e.aliases
            .iter()
            .map(|a| clean(a))
            .collect::<Vec<_>>()
            .join("|"),
    )
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_line() {
        let src = "Kidal\tcity\tML\t18.44\t1.41\t25617\t2455290\tKidal|Kidali\n";
        let e = parse_table(src, Path::new("t"), false).unwrap();
        assert_eq!(e[0].name, "Kidal");
        assert_eq!(e[0].population, 25617);
        let back = parse_table(&table_line(&e[0], "city"), Path::new("t"), false).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn bad_lines_are_reported_with_line_number() {
        let err = parse_table("# c\nX\tcity\tML\t200\t0\n", Path::new("t"), true).unwrap_err();
        assert!(err.to_string().contains("t:2"));
    }

    #[test]
    fn distance() {
        // Kyiv to Kharkiv is about 410 km.
        let d = distance_km(50.45, 30.52, 49.99, 36.23);
        assert!((400.0..420.0).contains(&d), "{d}");
    }
}
