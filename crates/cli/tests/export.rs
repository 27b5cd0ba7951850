//! `claimtrace export` on the ingested sample corpus: claim exports carry
//! the event each claim is in.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::util::*;

fn sample_db() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = samples().display().to_string();
    let out = run(dir.path(), &["ingest", "--db", "c.db", &corpus]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn export(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut argv = vec!["export", "--db", "c.db"];
    argv.extend_from_slice(args);
    let out = run(dir, &argv);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

/// Claim id → event id, from `claimtrace events --json`.
fn membership(dir: &Path) -> HashMap<String, String> {
    let out = run(dir, &["events", "--db", "c.db", "--json", "--limit", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut m = HashMap::new();
    for e in jsonl(&out) {
        for c in e["claims"].as_array().unwrap() {
            m.insert(
                c["claim"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
            );
        }
    }
    m
}

#[test]
fn claim_exports_carry_their_event() {
    let dir = sample_db();
    let members = membership(dir.path());
    assert!(members.len() > 10, "the corpus has events");

    let csv_out = export(dir.path(), &["--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let (id, event) = (col("id"), col("event"));
    let mut with_event = 0;
    for row in r.records() {
        let row = row.unwrap();
        let want = members.get(&row[id]).map(String::as_str).unwrap_or("");
        assert_eq!(&row[event], want, "claim {}", &row[id]);
        with_event += usize::from(!want.is_empty());
    }
    assert_eq!(with_event, members.len(), "every member claim exported");

    let lines = jsonl(&export(dir.path(), &["--format", "jsonl"]));
    for l in &lines {
        let want = members.get(l["id"].as_str().unwrap());
        assert_eq!(l["event"].as_str(), want.map(String::as_str), "{}", l["id"]);
    }

    let geo: Value =
        serde_json::from_slice(&export(dir.path(), &["--format", "geojson"]).stdout).unwrap();
    let features = geo["features"].as_array().unwrap();
    let mut placed = 0;
    for f in features {
        let p = &f["properties"];
        let want = members.get(p["id"].as_str().unwrap());
        assert_eq!(p["event"].as_str(), want.map(String::as_str));
        placed += usize::from(want.is_some());
    }
    assert!(placed > 0, "some mapped claims are in events");
}
