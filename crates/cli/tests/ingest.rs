use std::time::Duration;

use crate::util::*;

fn count_claims(dir: &std::path::Path, db: &str) -> usize {
    jsonl(&run(
        dir,
        &["claims", "--db", db, "--json", "--limit", "1000000"],
    ))
    .len()
}

#[test]
fn same_documents_ingested_twice_are_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = samples();
    let out = run(dir.path(), &["ingest", "--db", "t.db", s.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = stderr(&out);
    assert!(first.contains("already stored"), "summary missing: {first}");
    let claims = count_claims(dir.path(), "t.db");
    assert!(claims > 50, "{claims}");
    let out = run(dir.path(), &["ingest", "--db", "t.db", s.to_str().unwrap()]);
    assert!(out.status.success());
    let second = stderr(&out);
    assert!(
        second.contains(" 0 new"),
        "second run stored something again: {second}"
    );
    assert_eq!(count_claims(dir.path(), "t.db"), claims);
}

#[test]
fn database_from_env_var() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(dir.path())
        .env("CLAIMTRACE_DB", dir.path().join("env.db"))
        .args(["ingest", samples().join("jsonl").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("env.db").exists());
    assert!(!dir.path().join("claimtrace.db").exists());
}

/// A run killed part-way leaves a consistent database, and running it again
/// completes the job with the same result as an uninterrupted run.
#[test]
fn interrupted_ingest_completes_on_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // Enough small articles that the run is still going when it is killed;
    // each body differs (the store keeps one copy of identical texts).
    for i in 0..3000 {
        std::fs::write(
            corpus.join(format!("a{i:04}.txt")),
            format!(
                "---\ntitle: Report {i}\npublished: 2025-05-{:02}\n---\nIn report {i}, armed men attacked a checkpoint near Gao on Friday, killing {} soldiers, the army said. \
                 The group reportedly used {} drones in the assault, according to local officials. \
                 Officials denied that foreign advisers were present.\n",
                1 + i % 28,
                3 + i % 40,
                2 + i % 9
            ),
        )
        .unwrap();
    }
    let mut child = bin()
        .current_dir(dir.path())
        .args([
            "ingest",
            "--db",
            "k.db",
            "--no-corroborate",
            "--threads",
            "1",
            "corpus",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let _ = child.kill();
    let _ = child.wait();
    // Whatever was stored is whole: every stored document has its claims.
    let docs = jsonl(&run(
        dir.path(),
        &["docs", "--db", "k.db", "--json", "--limit", "100000"],
    ));
    for d in &docs {
        assert!(
            d["claims"].as_u64().unwrap() >= 2,
            "a half-written document: {d}"
        );
    }
    let out = run(
        dir.path(),
        &["ingest", "--db", "k.db", "--no-corroborate", "corpus"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&run(
        dir.path(),
        &["docs", "--db", "k.db", "--json", "--limit", "100000"],
    ));
    assert_eq!(docs.len(), 3000);
    let out = run(
        dir.path(),
        &["ingest", "--db", "clean.db", "--no-corroborate", "corpus"],
    );
    assert!(out.status.success());
    assert_eq!(
        count_claims(dir.path(), "k.db"),
        count_claims(dir.path(), "clean.db")
    );
}
