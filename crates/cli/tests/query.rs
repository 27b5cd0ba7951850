use crate::util::*;

fn ingested() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["ingest", "--db", "q.db", samples().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn claims_filters_narrow_the_results() {
    let dir = ingested();
    let all = jsonl(&run(
        dir.path(),
        &["claims", "--db", "q.db", "--json", "--limit", "100000"],
    ));
    let attacks = jsonl(&run(
        dir.path(),
        &[
            "claims", "--db", "q.db", "--json", "--type", "attack", "--limit", "100000",
        ],
    ));
    assert!(!attacks.is_empty() && attacks.len() < all.len());
    assert!(attacks.iter().all(|c| c["type"] == "attack"));
    let hedged = jsonl(&run(
        dir.path(),
        &[
            "claims",
            "--db",
            "q.db",
            "--json",
            "--epistemic",
            "hedged",
            "--limit",
            "1000",
        ],
    ));
    assert!(hedged.iter().all(|c| c["epistemic"] == "hedged"));
    let media = jsonl(&run(
        dir.path(),
        &[
            "claims",
            "--db",
            "q.db",
            "--json",
            "--source-kind",
            "media",
            "--limit",
            "1000",
        ],
    ));
    assert!(media.iter().all(|c| c["source"]["kind"] == "media"));
    let drones = jsonl(&run(
        dir.path(),
        &[
            "claims", "--db", "q.db", "--json", "--q", "drones", "--limit", "1000",
        ],
    ));
    assert!(!drones.is_empty());
    assert!(drones.iter().all(|c| {
        c["sentence"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("drone")
    }));
    let since = jsonl(&run(
        dir.path(),
        &[
            "claims",
            "--db",
            "q.db",
            "--json",
            "--since",
            "2025-01-01",
            "--limit",
            "1000",
        ],
    ));
    assert!(since.len() < all.len());
    let out = run(dir.path(), &["claims", "--db", "q.db", "--type", "bogus"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown label is a usage error"
    );
}

#[test]
fn docs_and_profile() {
    let dir = ingested();
    let docs = jsonl(&run(dir.path(), &["docs", "--db", "q.db", "--json"]));
    assert!(docs.len() >= 12);
    let id = docs[0]["id"].as_str().unwrap().to_string();
    let out = run(dir.path(), &["profile", &id, "--db", "q.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Who says so"));
    let out = run(dir.path(), &["profile", &id, "--db", "q.db", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = v["profile"]["claims"].as_u64().unwrap();
    let sum: u64 = v["profile"]["by_source_kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(n, sum, "source kinds add up to the claims");
    let out = run(dir.path(), &["profile", "no-such-doc", "--db", "q.db"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn profile_of_a_file_needs_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::read_dir(samples().join("text"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let out = run(dir.path(), &["profile", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("How firmly"));
    assert!(!dir.path().join("claimtrace.db").exists());
}
