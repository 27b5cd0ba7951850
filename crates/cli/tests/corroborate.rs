//! Corroboration through the binary on the sample corpus: `events`, `event`
//! and `outlets` show independent origins, the syndicated copy counted
//! once, contradictions with both sides; ingesting in halves gives the same
//! events as ingesting at once.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::*;

const WIRE: &str = "text/cpa-spiderweb-wire.txt";
const COPY: &str = "html/meridian-daily-spiderweb-syndicated.html";

/// Every input file of the sample corpus, in name order.
fn corpus_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![samples()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn ingest(dir: &Path, db: &str, inputs: &[PathBuf], extra: &[&str]) {
    let mut args: Vec<String> = vec!["ingest".into(), "--db".into(), db.into()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(dir, &argv);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn events(dir: &Path, db: &str, filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["events", "--db", db, "--json", "--limit", "0"];
    args.extend_from_slice(filters);
    let out = run(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    jsonl(&out)
}

fn sample_db() -> (tempfile::TempDir, &'static str) {
    let dir = tempfile::tempdir().unwrap();
    ingest(dir.path(), "c.db", &[samples()], &[]);
    (dir, "c.db")
}

fn claim_docs(e: &Value) -> Vec<&str> {
    e["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["doc"].as_str().unwrap())
        .collect()
}

/// The text of a contradiction's side as `claimtrace event` reports it.
fn side<'a>(e: &'a Value, claim: &str) -> &'a Value {
    e["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"] == claim)
        .unwrap_or_else(|| panic!("side {claim} is a member of {}", e["id"]))
}

#[test]
fn events_table_shows_independent_origins() {
    let (dir, db) = sample_db();
    let out = run(dir.path(), &["events", "--db", db, "--min-origins", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    for header in [
        "event",
        "type",
        "date",
        "place",
        "actors → targets",
        "independent origins",
        "reports",
        "level",
        "contradictions",
    ] {
        assert!(table.contains(header), "header {header} missing:\n{table}");
    }
    assert!(table.contains("ev:"), "{table}");
    let all = events(dir.path(), db, &[]);
    assert!(all.len() > 20, "{}", all.len());
    assert!(
        all.iter()
            .any(|e| e["independent_origins"].as_u64().unwrap() >= 3),
        "some event rests on three or more independent origins"
    );
    for e in &all {
        let origins = e["origins"].as_array().unwrap();
        let supporting = origins.iter().filter(|o| o["denies"] != true).count();
        assert_eq!(
            e["independent_origins"].as_u64().unwrap() as usize,
            supporting
        );
        let level = e["level"].as_str().unwrap();
        if level == "corroborated" {
            assert!(supporting >= 2, "{}", e["id"]);
        }
    }
    let filtered = events(dir.path(), db, &["--min-origins", "2"]);
    assert!(
        filtered
            .iter()
            .all(|e| e["independent_origins"].as_u64().unwrap() >= 2)
    );
}

#[test]
fn syndicated_copy_is_counted_once() {
    let (dir, db) = sample_db();
    let all = events(dir.path(), db, &[]);
    let shared: Vec<&Value> = all
        .iter()
        .filter(|e| {
            let docs = claim_docs(e);
            docs.contains(&WIRE) && docs.contains(&COPY)
        })
        .collect();
    // The copy's claims always sit with the wire's: a story and its copy
    // are one report of the same happenings.
    assert!(
        !shared.is_empty(),
        "the wire story and its copy share events"
    );
    for e in &all {
        let docs = claim_docs(e);
        assert!(
            !docs.contains(&COPY) || docs.contains(&WIRE),
            "the copy stands apart from the wire in {}",
            e["id"]
        );
    }
    for e in &all {
        for o in e["origins"].as_array().unwrap() {
            assert_ne!(
                o["key"], "name:meridian daily",
                "the copy's own reporting is the wire's: {}",
                e["id"]
            );
        }
        // The copy brings no origin of its own: its claims rest on the
        // wire's sources or on the wire agency's reporting.
        let docs = claim_docs(e);
        if docs.contains(&COPY) && docs.contains(&WIRE) {
            let origins_of = |doc: &str| -> Vec<&str> {
                e["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|c| c["doc"] == doc)
                    .map(|c| c["origin"].as_str().unwrap())
                    .collect()
            };
            let wire = origins_of(WIRE);
            for o in origins_of(COPY) {
                assert!(
                    wire.contains(&o) || o == "name:continental press agency",
                    "the copy adds origin {o} to {}",
                    e["id"]
                );
            }
        }
    }
    // One origin holds the wire's claim and its copy's: counted once.
    let (only_pair, origin) = shared
        .iter()
        .find_map(|e| {
            let o = e["origins"].as_array().unwrap().iter().find(|o| {
                let docs = o["documents"].as_array().unwrap();
                docs.iter().any(|d| d == WIRE) && docs.iter().any(|d| d == COPY)
            })?;
            Some((*e, o))
        })
        .expect("an origin counting the wire story and its copy once");
    let keys: Vec<&str> = only_pair["origins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key"].as_str().unwrap())
        .collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "each origin listed once");
    assert!(origin["claims"].as_u64().unwrap() >= 2);
    // The report lists the copy under the wire's origin.
    let id = only_pair["id"].as_str().unwrap();
    let out = run(dir.path(), &["event", "--db", db, id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("independent origin"), "{report}");
    assert!(
        report.contains(&format!("documents: {COPY}, {WIRE}"))
            || report.contains(&format!("documents: {WIRE}, {COPY}")),
        "{report}"
    );
}

#[test]
fn contradictions_show_both_sides() {
    let (dir, db) = sample_db();
    let all = events(dir.path(), db, &[]);
    // 117 drones (SBU) vs over 300 (Russian media), in one event.
    let (drones, contra) = all
        .iter()
        .find_map(|e| {
            e["contradictions"]
                .as_array()
                .unwrap()
                .iter()
                .find_map(|c| {
                    let d = c["detail"].as_str().unwrap();
                    (c["kind"] == "quantity" && d.contains("117") && d.contains("300"))
                        .then_some((e, c))
                })
        })
        .expect("a 117 vs over 300 drones contradiction");
    assert_eq!(drones["level"], "contested");
    assert_ne!(contra["a_origin"], contra["b_origin"]);
    for s in [&contra["a"], &contra["b"]] {
        assert_eq!(side(drones, s.as_str().unwrap())["contradicted"], true);
    }
    // The UAE's denial against Sudan's accusation.
    let uae = all
        .iter()
        .find(|e| {
            e["actors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "United Arab Emirates")
                && e["contradictions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["kind"] == "denial")
        })
        .expect("the UAE supply accusation and its denial in one event");
    assert_eq!(uae["level"], "contested");
    assert!(
        uae["origins"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["denies"] == true && o["key"] == "name:united arab emirates"),
        "{}",
        uae["origins"]
    );

    // `claimtrace event` shows both sides with their sources and sentences.
    let id = drones["id"].as_str().unwrap();
    let out = run(dir.path(), &["event", "--db", db, id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("Contradictions ("), "{report}");
    assert!(
        report.contains("    A: ") && report.contains("    B: "),
        "{report}"
    );
    assert!(report.contains("117 drones"), "{report}");
    assert!(report.contains("300 drones"), "{report}");
    assert!(report.contains("source "), "{report}");
    let out = run(dir.path(), &["event", "--db", db, id, "--json"]);
    assert!(out.status.success());
    let detail: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(detail["event"]["id"], id);
    let reports = detail["reports"].as_array().unwrap();
    assert_eq!(reports.len(), drones["claims"].as_array().unwrap().len());
    for r in reports {
        assert!(r["claim"]["sentence"].is_string());
        assert!(r["claim"]["source"]["kind"].is_string());
        assert!(r["document"]["id"].is_string());
        assert!(r["origin"].as_str().unwrap().contains(':'));
    }
    // A member claim's id finds its event too.
    let member = reports[0]["claim"]["id"].as_str().unwrap();
    let out = run(dir.path(), &["event", "--db", db, member, "--json"]);
    assert!(out.status.success());
    let again: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(again["event"]["id"], id);
}

#[test]
fn halves_give_the_same_events_as_once() {
    let files = corpus_files();
    assert!(files.len() >= 12, "{files:?}");
    let dir = tempfile::tempdir().unwrap();
    ingest(dir.path(), "once.db", &files, &[]);
    let mid = files.len() / 2;
    ingest(dir.path(), "halves.db", &files[..mid], &[]);
    let first = events(dir.path(), "halves.db", &[]);
    ingest(dir.path(), "halves.db", &files[mid..], &[]);
    let sorted = |mut v: Vec<Value>| {
        v.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        v
    };
    let once = sorted(events(dir.path(), "once.db", &[]));
    let halves = sorted(events(dir.path(), "halves.db", &[]));
    assert!(!first.is_empty() && first.len() < once.len());
    assert_eq!(
        halves.len(),
        once.len(),
        "same number of events in halves and at once"
    );
    for (h, o) in halves.iter().zip(&once) {
        assert_eq!(h, o, "event {} differs", o["id"]);
    }
}

#[test]
fn filters_and_exit_codes() {
    let (dir, db) = sample_db();
    let all = events(dir.path(), db, &[]);
    let attacks = events(dir.path(), db, &["--type", "attack"]);
    assert!(!attacks.is_empty() && attacks.len() < all.len());
    assert!(attacks.iter().all(|e| e["type"] == "attack"));
    let contested = events(dir.path(), db, &["--level", "contested"]);
    assert!(!contested.is_empty());
    assert!(contested.iter().all(|e| e["level"] == "contested"));
    let single = events(dir.path(), db, &["--level", "single"]);
    assert!(single.iter().all(|e| e["level"] == "single_source"));
    let uae = events(dir.path(), db, &["--actor", "united arab"]);
    assert!(!uae.is_empty());
    assert!(uae.iter().all(|e| {
        e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(e["targets"].as_array().unwrap())
            .any(|n| n.as_str().unwrap().to_lowercase().contains("united arab"))
    }));
    let june = events(
        dir.path(),
        db,
        &["--since", "2025-06-01", "--until", "2025-06-30"],
    );
    assert!(!june.is_empty());
    for e in &june {
        if let Some(start) = e["date_start"].as_str() {
            assert!(start <= "2025-06-30", "{start}");
        }
        if let Some(end) = e["date_end"].as_str() {
            assert!(end >= "2025-06-01", "{end}");
        }
    }
    let out = run(
        dir.path(),
        &["events", "--db", db, "--json", "--limit", "2"],
    );
    assert_eq!(jsonl(&out).len(), 2);

    assert_eq!(
        run(dir.path(), &["events", "--db", db, "--level", "sure"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(dir.path(), &["event", "--db", db]).status.code(),
        Some(2)
    );
    let out = run(dir.path(), &["event", "--db", db, "ev:nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no event"), "{}", stderr(&out));
    // A bad argument value is a usage error like any other: 2.
    assert_eq!(
        run(dir.path(), &["events", "--db", db, "--since", "June"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(dir.path(), &["events", "--db", "missing.db"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(dir.path(), &["outlets", "--db", "missing.db"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn outlets_profile_sourcing_and_track_record() {
    let (dir, db) = sample_db();
    let out = run(dir.path(), &["outlets", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let profiles = jsonl(&out);
    assert!(profiles.len() >= 14, "{}", profiles.len());
    let wire = profiles
        .iter()
        .find(|p| p["outlet"] == "Continental Press Agency")
        .expect("the wire agency");
    assert_eq!(wire["documents"], 1);
    assert!(wire["claims"].as_u64().unwrap() > 10);
    let by_kind: u64 = wire["by_source_kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_kind, wire["claims"].as_u64().unwrap());
    let by_firmness: u64 = wire["by_epistemic"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_firmness, wire["claims"].as_u64().unwrap());
    for p in &profiles {
        let rate = p["corroboration_rate"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&rate));
        assert!(p["corroborated"].as_u64() <= p["in_events"].as_u64());
        assert!(p["contradicted"].as_u64() <= p["in_events"].as_u64());
    }
    assert!(
        profiles
            .iter()
            .any(|p| p["contradicted"].as_u64().unwrap() > 0),
        "some outlet's claims are contradicted"
    );
    let out = run(dir.path(), &["outlets", "--db", db]);
    assert!(out.status.success());
    let table = stdout(&out);
    for h in [
        "outlet",
        "by source kind",
        "by firmness",
        "corroborated",
        "contradicted",
    ] {
        assert!(table.contains(h), "{h} missing:\n{table}");
    }
    assert!(table.contains("Continental Press Agency"));
}

#[test]
fn corroboration_catches_up_on_a_later_ingest() {
    let dir = tempfile::tempdir().unwrap();
    ingest(dir.path(), "late.db", &[samples()], &["--no-corroborate"]);
    let out = run(dir.path(), &["events", "--db", "late.db", "--json"]);
    assert!(out.status.success());
    assert!(jsonl(&out).is_empty());
    assert!(
        stderr(&out).contains("not corroborated yet"),
        "{}",
        stderr(&out)
    );
    let out = run(
        dir.path(),
        &["ingest", "--db", "late.db", samples().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(" 0 new"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claimtrace: corroborated"),
        "{}",
        stderr(&out)
    );
    let sorted = |mut v: Vec<Value>| {
        v.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        v
    };
    let caught_up = sorted(events(dir.path(), "late.db", &[]));
    let (fresh_dir, fresh_db) = sample_db();
    let fresh = sorted(events(fresh_dir.path(), fresh_db, &[]));
    assert_eq!(
        caught_up, fresh,
        "a later ingest corroborates what an earlier one stored"
    );
}
