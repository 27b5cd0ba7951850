//! schema.org `ClaimReview` JSON-LD for fact-checkers: one object per claim,
//! in a JSON array. Only claims with a [`Verdict`] carry the review's own
//! fields (`reviewRating`, `author`, `datePublished`, `url`); the others are
//! skeletons ready for a fact-checker to complete.
//!
//! Field meanings follow <https://schema.org/ClaimReview>: `author` and
//! `datePublished` at the top level describe the *review*; the claim's
//! speaker and date sit under `itemReviewed` (a `Claim`), with the article
//! it appeared in as `itemReviewed.appearance` (a `CreativeWork`).

use std::io::Write;

use claimtrace_model::{Claim, SourceKind};
use serde_json::{Map, Value, json};

use crate::export_data::Lookup;
use crate::{DocMeta, ExportData, ExportStats, Result, Verdict};

const CONTEXT: &str = "https://schema.org";

/// The claim's speaker as a schema.org Person or Organization.
fn claim_author(claim: &Claim, doc: Option<&DocMeta>) -> Value {
    let s = &claim.source;
    match s.kind {
        SourceKind::NamedPerson | SourceKind::AnonymousOfficials | SourceKind::UnnamedExperts => {
            let name = if s.name.is_empty() { &s.text } else { &s.name };
            json!({"@type": "Person", "name": name})
        }
        SourceKind::NamedOrganisation | SourceKind::Media | SourceKind::Document => {
            json!({"@type": "Organization", "name": s.name})
        }
        // The article speaks for itself: the outlet that published it is
        // the claim's author, when known.
        SourceKind::Author => {
            let name = doc
                .and_then(|d| d.outlet.as_deref())
                .unwrap_or(s.name.as_str());
            json!({"@type": "Organization", "name": name})
        }
    }
}

fn appearance(doc: &DocMeta) -> Option<Value> {
    if doc.url.is_none() && doc.title.is_none() {
        return None;
    }
    let mut m = Map::new();
    m.insert("@type".into(), json!("CreativeWork"));
    if let Some(u) = &doc.url {
        m.insert("url".into(), json!(u));
    }
    if let Some(t) = &doc.title {
        m.insert("headline".into(), json!(t));
    }
    if let Some(p) = &doc.published {
        m.insert("datePublished".into(), json!(p));
    }
    if let Some(o) = &doc.outlet {
        m.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": o}),
        );
    }
    Some(Value::Object(m))
}

fn rating(v: &Verdict) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("Rating"));
    m.insert("alternateName".into(), json!(v.rating));
    if let Some(x) = v.value {
        m.insert("ratingValue".into(), json!(x));
    }
    if let Some(x) = v.best {
        m.insert("bestRating".into(), json!(x));
    }
    if let Some(x) = v.worst {
        m.insert("worstRating".into(), json!(x));
    }
    Value::Object(m)
}

/// The ClaimReview object for one claim.
pub fn claim_review(claim: &Claim, doc: Option<&DocMeta>, verdict: Option<&Verdict>) -> Value {
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("author".into(), claim_author(claim, doc));
    if let Some(p) = doc.and_then(|d| d.published.as_deref()) {
        item.insert("datePublished".into(), json!(p));
    }
    if let Some(a) = doc.and_then(appearance) {
        item.insert("appearance".into(), a);
    }
    let mut m = Map::new();
    m.insert("@context".into(), json!(CONTEXT));
    m.insert("@type".into(), json!("ClaimReview"));
    m.insert("identifier".into(), json!(claim.id));
    m.insert("claimReviewed".into(), json!(claim.sentence));
    m.insert("itemReviewed".into(), Value::Object(item));
    if let Some(v) = verdict {
        if let Some(u) = &v.url {
            m.insert("url".into(), json!(u));
        }
        m.insert(
            "author".into(),
            json!({"@type": "Organization", "name": v.who}),
        );
        m.insert("datePublished".into(), json!(v.at));
        m.insert("reviewRating".into(), rating(v));
    }
    Value::Object(m)
}

/// Write every claim of `data` as a JSON array of ClaimReview objects.
pub fn write_claimreview(data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    let lookup = Lookup::new(data);
    let reviews: Vec<Value> = data
        .claims
        .iter()
        .map(|c| claim_review(c, lookup.doc(c), data.reviews.get(&c.id)))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &reviews)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(ExportStats {
        records: reviews.len(),
        ..ExportStats::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn export() -> Vec<Value> {
        let mut buf = Vec::new();
        let stats = write_claimreview(&fixture::data(), &mut buf).unwrap();
        let v: Vec<Value> = serde_json::from_slice(&buf).unwrap();
        assert_eq!(stats.records, v.len());
        v
    }

    #[test]
    fn every_claim_is_a_claim_review() {
        let all = export();
        let claims = fixture::claims();
        assert_eq!(all.len(), claims.len());
        for (r, c) in all.iter().zip(&claims) {
            assert_eq!(r["@context"], CONTEXT);
            assert_eq!(r["@type"], "ClaimReview");
            assert_eq!(r["claimReviewed"], c.sentence.as_str());
            assert_eq!(r["itemReviewed"]["@type"], "Claim");
            let author_type = r["itemReviewed"]["author"]["@type"].as_str().unwrap();
            assert!(author_type == "Person" || author_type == "Organization");
        }
    }

    #[test]
    fn only_reviewed_claims_carry_a_rating() {
        let all = export();
        let rated: Vec<&Value> = all
            .iter()
            .filter(|r| r.get("reviewRating").is_some())
            .collect();
        assert_eq!(rated.len(), 1);
        let r = rated[0];
        assert_eq!(r["identifier"], "c-hedged-1");
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        assert_eq!(r["reviewRating"]["alternateName"], "Unproven");
        assert_eq!(r["reviewRating"]["ratingValue"], 2);
        assert_eq!(r["reviewRating"]["bestRating"], 5);
        assert_eq!(r["author"]["name"], "VeriFlow fact-check desk");
        assert_eq!(r["datePublished"], "2025-06-10");
        assert_eq!(
            r["url"],
            "https://veriflow.example/checks/2025/06/ukraine-drones-africa"
        );
        for other in all.iter().filter(|x| x.get("reviewRating").is_none()) {
            assert!(other.get("author").is_none() && other.get("datePublished").is_none());
        }
    }

    #[test]
    fn appearance_and_speaker() {
        let all = export();
        let attack = &all[0];
        let item = &attack["itemReviewed"];
        assert_eq!(
            item["author"],
            json!({"@type": "Organization", "name": "SBU"})
        );
        assert_eq!(item["datePublished"], "2025-06-02T09:40:00Z");
        assert_eq!(item["appearance"]["@type"], "CreativeWork");
        assert_eq!(item["appearance"]["url"], "https://cpa-wire.example/a");
        assert_eq!(
            item["appearance"]["publisher"]["name"],
            "Continental Press Agency"
        );
        // The article as source: its outlet speaks.
        let talks = all
            .iter()
            .find(|r| r["identifier"] == "c-notarget")
            .unwrap();
        assert_eq!(
            talks["itemReviewed"]["author"]["name"],
            "Continental Press Agency"
        );
        // No document metadata: no appearance, no date.
        let copy = all
            .iter()
            .find(|r| r["identifier"] == "c-hedged-2")
            .unwrap();
        assert!(copy["itemReviewed"].get("appearance").is_none());
        assert!(copy["itemReviewed"].get("datePublished").is_none());
    }
}
