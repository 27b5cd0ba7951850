//! The binary form of one entry in the index's entry table. A lookup decodes
//! only the records its names point at, and reads them in place
//! ([`EntryView`]) until it returns an owned [`GeoEntry`].
//!
//! Layout (little-endian): feature `u8`, flags `u8` (1 = builtin,
//! 2 = has geonameid, 4 = has country), latitude and longitude `f64`,
//! population `u64`, geonameid `u64`, then country, name and each alias as
//! `u16` length + UTF-8 bytes, the aliases preceded by their `u16` count.

use crate::entry::{Feature, GeoEntry};
use crate::error::{GeoError, Result};

const BUILTIN: u8 = 1;
const HAS_GEONAMEID: u8 = 2;
const HAS_COUNTRY: u8 = 4;

fn feature_code(f: Feature) -> u8 {
    match f {
        Feature::Facility => 0,
        Feature::City => 1,
        Feature::Capital => 2,
        Feature::Region => 3,
        Feature::Country => 4,
    }
}

fn feature_of(code: u8) -> Option<Feature> {
    Some(match code {
        0 => Feature::Facility,
        1 => Feature::City,
        2 => Feature::Capital,
        3 => Feature::Region,
        4 => Feature::Country,
        _ => return None,
    })
}

fn put_str(out: &mut Vec<u8>, s: &str) -> Result<()> {
    let n = u16::try_from(s.len())
        .map_err(|_| GeoError::Index(format!("name longer than 65,535 bytes: {s:.40}…")))?;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

/// Append the record of `e` to `out`.
pub(crate) fn encode(e: &GeoEntry, out: &mut Vec<u8>) -> Result<()> {
    let mut flags = 0;
    if e.builtin {
        flags |= BUILTIN;
    }
    if e.geonameid.is_some() {
        flags |= HAS_GEONAMEID;
    }
    if e.country.is_some() {
        flags |= HAS_COUNTRY;
    }
    out.push(feature_code(e.feature));
    out.push(flags);
    out.extend_from_slice(&e.lat.to_le_bytes());
    out.extend_from_slice(&e.lon.to_le_bytes());
    out.extend_from_slice(&e.population.to_le_bytes());
    out.extend_from_slice(&e.geonameid.unwrap_or(0).to_le_bytes());
    put_str(out, e.country.as_deref().unwrap_or(""))?;
    put_str(out, &e.name)?;
    let count = u16::try_from(e.aliases.len())
        .map_err(|_| GeoError::Index(format!("{}: more than 65,535 aliases", e.name)))?;
    out.extend_from_slice(&count.to_le_bytes());
    for a in &e.aliases {
        put_str(out, a)?;
    }
    Ok(())
}

/// A cursor over record bytes; every read is bounds-checked.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = usize::from(self.u16()?);
        std::str::from_utf8(self.take(n)?).ok()
    }
}

/// One record read in place: what scoring needs, without allocating.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EntryView<'a> {
    pub name: &'a str,
    pub feature: Feature,
    pub country: Option<&'a str>,
    pub population: u64,
    pub builtin: bool,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u64>,
    /// The alias count and aliases, still encoded.
    aliases: &'a [u8],
}

impl<'a> EntryView<'a> {
    /// Read a record; `None` when the bytes are not one.
    pub(crate) fn decode(bytes: &'a [u8]) -> Option<EntryView<'a>> {
        let mut r = Reader(bytes);
        let feature = feature_of(r.u8()?)?;
        let flags = r.u8()?;
        let lat = r.f64()?;
        let lon = r.f64()?;
        let population = r.u64()?;
        let geonameid = r.u64()?;
        let country = r.str()?;
        let name = r.str()?;
        Some(EntryView {
            name,
            feature,
            country: (flags & HAS_COUNTRY != 0).then_some(country),
            population,
            builtin: flags & BUILTIN != 0,
            lat,
            lon,
            geonameid: (flags & HAS_GEONAMEID != 0).then_some(geonameid),
            aliases: r.0,
        })
    }

    /// The owned entry, aliases decoded.
    pub(crate) fn to_entry(self) -> GeoEntry {
        let mut r = Reader(self.aliases);
        let count = r.u16().unwrap_or(0);
        let aliases = (0..count)
            .map_while(|_| r.str().map(String::from))
            .collect();
        GeoEntry {
            name: self.name.to_string(),
            feature: self.feature,
            country: self.country.map(String::from),
            lat: self.lat,
            lon: self.lon,
            population: self.population,
            geonameid: self.geonameid,
            aliases,
            builtin: self.builtin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(builtin: bool, country: Option<&str>, geonameid: Option<u64>) -> GeoEntry {
        GeoEntry {
            name: "Ménaka".into(),
            feature: Feature::Region,
            country: country.map(String::from),
            lat: 15.918_333_3,
            lon: -0.000_1,
            population: u64::MAX,
            geonameid,
            aliases: vec!["Menaka".into(), String::new(), "Ménaka region".into()],
            builtin,
        }
    }

    #[test]
    fn round_trip() {
        for e in [
            entry(true, Some("ML"), Some(0)),
            entry(false, None, None),
            entry(false, Some(""), Some(u64::MAX)),
        ] {
            let mut buf = Vec::new();
            encode(&e, &mut buf).unwrap();
            let back = EntryView::decode(&buf).unwrap().to_entry();
            assert_eq!(back, e);
        }
    }

    #[test]
    fn truncated_records_are_not_decoded() {
        let mut buf = Vec::new();
        encode(&entry(true, Some("ML"), None), &mut buf).unwrap();
        // Fixed fields, the country "ML", then the name.
        let name_end = 34 + (2 + 2) + (2 + "Ménaka".len());
        for cut in 0..name_end {
            assert!(EntryView::decode(&buf[..cut]).is_none(), "cut at {cut}");
        }
    }
}
