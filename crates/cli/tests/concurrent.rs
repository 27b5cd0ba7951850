//! Several `claimtrace ingest` processes writing one database at once, with
//! overlapping inputs: each waits its turn, nothing fails, every document
//! is stored once and corroborated once, and the database holds what one
//! run over all the inputs stores.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::util::*;

const PLACES: &[&str] = &[
    "Gao",
    "Kharkiv",
    "El Fasher",
    "Goma",
    "Hodeidah",
    "Kidal",
    "Omdurman",
];
const ACTORS: &[&str] = &[
    "the Rapid Support Forces",
    "JNIM fighters",
    "M23 rebels",
    "the Russian army",
    "Houthi forces",
];
const OUTLETS: &[&str] = &["Sahel Wire", "Frontline Bulletin", "Coastal Monitor"];

/// One JSON Lines record: a short article, distinct for every `i`, sharing
/// actors, places and days with others so that corroboration joins them.
pub fn article(i: usize) -> String {
    let place = PLACES[i % PLACES.len()];
    let actor = ACTORS[(i / 3) % ACTORS.len()];
    let day = 1 + (i / 7) % 20;
    let text = format!(
        "{actor} attacked an army checkpoint near {place} on June {day}, 2025, killing {} soldiers, \
         the army said in a statement. Witnesses said the attackers used {} drones, according to \
         local officials. A spokesman for {actor} denied that the group had attacked civilians. \
         Dispatch number {i} was filed from the region.",
        3 + i % 11,
        2 + i % 5,
    );
    serde_json::json!({
        "id": format!("a{i:04}"),
        "title": format!("Checkpoint attack near {place} ({i})"),
        "outlet": OUTLETS[i % OUTLETS.len()],
        "published": format!("2025-06-{:02}", (day + 1).min(28)),
        "text": text,
    })
    .to_string()
}

pub fn write_jsonl(path: &Path, ids: impl Iterator<Item = usize>) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in ids {
        writeln!(f, "{}", article(i)).unwrap();
    }
}

/// Every stored document and claim, by id.
fn contents(dir: &Path, db: &str) -> (BTreeMap<String, Value>, BTreeMap<String, Value>) {
    let by_id = |rows: Vec<Value>| -> BTreeMap<String, Value> {
        rows.into_iter()
            .map(|v| (v["id"].as_str().unwrap().to_string(), v))
            .collect()
    };
    let docs = run(dir, &["docs", "--db", db, "--json", "--limit", "1000000"]);
    assert!(docs.status.success(), "{}", stderr(&docs));
    let claims = run(dir, &["claims", "--db", db, "--json", "--limit", "1000000"]);
    assert!(claims.status.success(), "{}", stderr(&claims));
    (by_id(jsonl(&docs)), by_id(jsonl(&claims)))
}

/// Claim ids placed in events, and how often each was placed.
fn claims_in_events(dir: &Path, db: &str) -> BTreeMap<String, usize> {
    let out = run(dir, &["events", "--db", db, "--json", "--limit", "1000000"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut seen = BTreeMap::new();
    for e in jsonl(&out) {
        for m in e["claims"].as_array().unwrap() {
            *seen
                .entry(m["claim"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    seen
}

#[test]
fn overlapping_ingests_at_once_store_what_one_run_stores() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Three inputs of 600 articles each, overlapping pairwise and all three
    // on 0..100; 900 distinct articles in all.
    write_jsonl(&d.join("a.jsonl"), 0..600);
    write_jsonl(&d.join("b.jsonl"), (300..900).chain(0..100));
    write_jsonl(&d.join("c.jsonl"), (0..300).chain(600..900).rev());
    write_jsonl(&d.join("all.jsonl"), 0..900);

    let children: Vec<_> = ["a.jsonl", "b.jsonl", "c.jsonl"]
        .iter()
        .map(|f| {
            bin()
                .current_dir(d)
                .args(["ingest", "--db", "shared.db", "--threads", "1", f])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (child, f) in children.into_iter().zip(["a", "b", "c"]) {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "ingest of {f}.jsonl failed ({}): {}",
            out.status,
            stderr(&out)
        );
    }
    let out = run(d, &["ingest", "--db", "single.db", "all.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let (docs, claims) = contents(d, "shared.db");
    let (want_docs, want_claims) = contents(d, "single.db");
    assert_eq!(docs.len(), 900);
    assert!(want_claims.len() > 1800, "{}", want_claims.len());
    assert_eq!(
        docs.keys().collect::<Vec<_>>(),
        want_docs.keys().collect::<Vec<_>>()
    );
    for (id, want) in &want_docs {
        assert_eq!(&docs[id], want, "document {id} differs");
    }
    assert_eq!(
        claims.keys().collect::<Vec<_>>(),
        want_claims.keys().collect::<Vec<_>>()
    );
    for (id, want) in &want_claims {
        assert_eq!(&claims[id], want, "claim {id} differs");
    }
    // Corroborated once: every claim the single run put in an event is in
    // exactly one event here too.
    let placed = claims_in_events(d, "shared.db");
    let want_placed = claims_in_events(d, "single.db");
    assert!(placed.values().all(|n| *n == 1), "a claim in two events");
    assert_eq!(
        placed.keys().collect::<BTreeSet<_>>(),
        want_placed.keys().collect::<BTreeSet<_>>()
    );
}
