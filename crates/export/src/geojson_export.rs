//! GeoJSON (RFC 7946) for QGIS: one Point feature per claim whose place has
//! coordinates. Properties are flat strings and numbers only, because QGIS
//! turns nested objects into unusable text columns.

use std::io::Write;

use claimtrace_model::Claim;
use serde_json::{Map, Value, json};

use crate::export_data::Lookup;
use crate::{DocMeta, ExportData, ExportStats, LIST_SEPARATOR, Result};

/// The feature properties, in the order written.
pub const PROPERTIES: &[&str] = &[
    "id",
    "type",
    "epistemic",
    "source",
    "source_kind",
    "actor",
    "target",
    "date",
    "place",
    "country",
    "place_role",
    "weapons",
    "quantities",
    "doc",
    "outlet",
    "published",
    "url",
    "event",
    "sentence",
];

/// Longitude and latitude when both are finite and inside WGS 84 bounds.
fn position(claim: &Claim) -> Option<(f64, f64)> {
    let p = claim.place.as_ref()?;
    let (lat, lon) = (p.lat?, p.lon?);
    let ok = lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon);
    ok.then_some((lon, lat))
}

fn properties(claim: &Claim, doc: Option<&DocMeta>, event: Option<&str>) -> Map<String, Value> {
    let s = |v: Option<&str>| v.map_or(Value::Null, |s| Value::String(s.to_string()));
    let joined = |items: Vec<&str>| {
        if items.is_empty() {
            Value::Null
        } else {
            Value::String(items.join(LIST_SEPARATOR))
        }
    };
    let place = claim.place.as_ref();
    let values: [Value; 19] = [
        s(Some(&claim.id)),
        s(Some(claim.claim_type.as_str())),
        s(Some(claim.epistemic.as_str())),
        s(Some(&claim.source.name)),
        s(Some(claim.source.kind.as_str())),
        s(claim.actor.as_ref().map(|m| m.name.as_str())),
        s(claim.target.as_ref().map(|m| m.name.as_str())),
        s(claim.date.as_ref().map(|d| d.value.as_str())),
        s(place.map(|p| p.name.as_str())),
        s(place.and_then(|p| p.country.as_deref())),
        s(place.map(|p| match p.role {
            claimtrace_model::PlaceRole::Event => "event",
            claimtrace_model::PlaceRole::Mentioned => "mentioned",
        })),
        joined(claim.weapons.iter().map(String::as_str).collect()),
        joined(claim.quantities.iter().map(|q| q.text.as_str()).collect()),
        s(Some(&claim.doc)),
        s(doc.and_then(|d| d.outlet.as_deref())),
        s(doc.and_then(|d| d.published.as_deref())),
        s(doc.and_then(|d| d.url.as_deref())),
        s(event),
        s(Some(&claim.sentence)),
    ];
    PROPERTIES
        .iter()
        .map(|k| k.to_string())
        .zip(values)
        .collect()
}

/// Write the geocoded claims of `data` as a FeatureCollection; claims
/// without usable coordinates are counted in `skipped`.
pub fn write_geojson(data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    let lookup = Lookup::new(data);
    let mut features = Vec::new();
    for claim in &data.claims {
        let Some((lon, lat)) = position(claim) else {
            continue;
        };
        features.push(json!({
            "type": "Feature",
            "id": claim.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties(claim, lookup.doc(claim), lookup.event(claim)),
        }));
    }
    let stats = ExportStats {
        records: features.len(),
        skipped: data.claims.len() - features.len(),
        nodes: 0,
    };
    let fc = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_writer(&mut *out, &fc)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn feature_collection_structure() {
        let mut data = fixture::data();
        // Out-of-range and NaN coordinates must not reach QGIS.
        let mut bad = data.claims[0].clone();
        bad.id = "c-bad".into();
        bad.place.as_mut().unwrap().lat = Some(f64::NAN);
        data.claims.push(bad);
        let mut buf = Vec::new();
        let stats = write_geojson(&data, &mut buf).unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 2, "attack at Belaya and talks in Istanbul");
        assert_eq!(stats.records, 2);
        assert_eq!(stats.skipped, data.claims.len() - 2);
        for f in features {
            assert_eq!(f["type"], "Feature");
            assert_eq!(f["geometry"]["type"], "Point");
            let c = f["geometry"]["coordinates"].as_array().unwrap();
            assert_eq!(c.len(), 2);
            assert!(c.iter().all(Value::is_number));
            let props = f["properties"].as_object().unwrap();
            assert_eq!(props.keys().count(), PROPERTIES.len());
            assert!(
                props
                    .values()
                    .all(|p| p.is_string() || p.is_null() || p.is_number()),
                "flat properties only"
            );
        }
        let belaya = &features[0];
        assert_eq!(
            belaya["geometry"]["coordinates"],
            json!([103.575, 52.915]),
            "[lon, lat] order"
        );
        assert_eq!(belaya["properties"]["place"], "Belaya");
        assert_eq!(belaya["properties"]["source"], "SBU");
        assert_eq!(belaya["properties"]["date"], "2025-06-01");
        assert_eq!(belaya["properties"]["outlet"], "Continental Press Agency");
        assert_eq!(belaya["properties"]["weapons"], "drone; FPV drone");
        assert_eq!(belaya["properties"]["event"], "ev:c-attack");
        assert_eq!(features[1]["properties"]["target"], Value::Null);
    }

    #[test]
    fn empty_input_is_a_valid_collection() {
        let mut buf = Vec::new();
        write_geojson(&ExportData::default(), &mut buf).unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v, json!({"type": "FeatureCollection", "features": []}));
    }
}
