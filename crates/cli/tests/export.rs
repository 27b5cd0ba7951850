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

/// A short article of our own with an accented name and a qualified count.
const ARTICLE: &str = "---\ntitle: Clashes near Idlib\noutlet: Test Wire\npublished: 2025-03-04\n---\n\
On 3 March 2025, more than twenty soldiers were killed in a drone strike near Idlib, \
the Syrian army said. President Recep Tayyip Erdoğan condemned the strike on Tuesday.\n";

#[test]
fn csv_for_spreadsheets_has_a_bom_and_keeps_qualifiers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("idlib.md"), ARTICLE).unwrap();
    let out = run(dir.path(), &["ingest", "--db", "c.db", "idlib.md"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let plain = export(dir.path(), &["--format", "csv"]).stdout;
    assert!(plain.starts_with(b"id,"), "no mark unless asked");
    let bom = export(dir.path(), &["--format", "csv", "--bom"]).stdout;
    assert!(bom.starts_with(b"\xEF\xBB\xBFid,"));
    assert!(String::from_utf8(bom).unwrap().contains("Erdoğan"));

    let mut r = csv::Reader::from_reader(plain.as_slice());
    let header = r.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let killed = rows
        .iter()
        .find(|r| r[col("quantities")].contains("more than twenty"))
        .expect("the qualified count is exported");
    assert_eq!(&killed[col("quantity_qualifiers")], "more than");
    assert_eq!(&killed[col("quantity_min")], "21");
    assert!(
        killed[col("quantity_values")].starts_with("more than 20"),
        "{}",
        &killed[col("quantity_values")]
    );

    let bad = run(
        dir.path(),
        &["export", "--db", "c.db", "--format", "jsonl", "--bom"],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(bad.stdout.is_empty());
}

#[test]
fn event_table_as_csv_and_plover_jsonl() {
    let dir = sample_db();
    std::fs::write(dir.path().join("idlib.md"), ARTICLE).unwrap();
    let out = run(dir.path(), &["ingest", "--db", "c.db", "idlib.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = {
        let out = run(
            dir.path(),
            &["events", "--db", "c.db", "--json", "--limit", "0"],
        );
        jsonl(&out)
    };
    let csv_out = export(dir.path(), &["--events", "--format", "csv", "--bom"]);
    assert!(
        csv_out
            .stdout
            .starts_with(b"\xEF\xBB\xBFevent_id,event_date,")
    );
    let mut r = csv::Reader::from_reader(&csv_out.stdout[3..]);
    let header = r.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), events.len(), "one row per event");
    for row in &rows {
        assert!(row[col("event_id")].starts_with("ev:"));
        assert!(!row[col("event_type")].is_empty());
        assert!(!row[col("notes")].is_empty());
        assert!(["", "1", "2", "3"].contains(&&row[col("geo_precision")]));
    }
    let idlib = rows
        .iter()
        .find(|r| r[col("location")].contains("Idlib") && !r[col("fatalities")].is_empty())
        .expect("the Idlib strike is an event");
    assert_eq!(&idlib[col("event_type")], "Explosions/Remote violence");
    assert_eq!(&idlib[col("sub_event_type")], "Air/drone strike");
    assert_eq!(&idlib[col("country")], "SY");
    assert_eq!(&idlib[col("fatalities")], "21");
    assert_eq!(&idlib[col("event_date")], "2025-03-03");
    assert_eq!(&idlib[col("time_precision")], "1");

    let recs = jsonl(&export(dir.path(), &["--events", "--format", "jsonl"]));
    assert_eq!(recs.len(), events.len());
    for v in &recs {
        assert!(
            v["event_type"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase())
        );
        assert!(v["acled"]["event_type"].is_string());
        assert!(v["claims"].as_array().is_some_and(|c| !c.is_empty()));
    }
    let bad = run(
        dir.path(),
        &["export", "--db", "c.db", "--events", "--format", "gexf"],
    );
    assert_eq!(bad.status.code(), Some(2));
}
