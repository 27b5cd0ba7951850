//! A writer process killed (SIGKILL) in the middle of an ingest leaves a
//! sound database in which every stored document is complete, and running
//! the same job again stores exactly the rest.
//!
//! The writer is this test binary itself, started with `CHILD_DB` set and
//! running only the ignored `child_writer` test.

// The store's own tests read and write its SQLite file directly.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimtrace_store::testing::sample::{Sample, sample};
use claimtrace_store::{ClaimQuery, PutOutcome, SqliteStore, Store};
use rusqlite::Connection;

const CHILD_DB: &str = "CLAIMTRACE_STORE_CHILD_DB";
/// The whole job; the child is killed long before it ends.
const JOB: usize = 4000;

/// The job: every sample, alternating batches and single documents so the
/// kill can land inside either kind of transaction.
fn run_job(store: &mut SqliteStore) -> (usize, usize) {
    let (mut new, mut old) = (0, 0);
    let mut count = |o: &PutOutcome| match o {
        PutOutcome::New { .. } => new += 1,
        PutOutcome::AlreadyStored { .. } => old += 1,
    };
    let mut i = 0;
    while i < JOB {
        if i % 50 < 40 {
            let batch: Vec<Sample> = (i..(i + 8).min(JOB)).map(sample).collect();
            let news: Vec<_> = batch.iter().map(Sample::as_new).collect();
            for r in store.put_documents(&news).expect("batch") {
                count(&r.expect("document stored"));
            }
            i += batch.len();
        } else {
            let s = sample(i);
            count(
                &store
                    .put_document(&s.doc, &s.sentences, &s.claims)
                    .expect("put"),
            );
            i += 1;
        }
    }
    (new, old)
}

#[test]
#[ignore = "the writer half of killed_writer_leaves_consistent_db; run by it"]
fn child_writer() {
    let path = std::env::var(CHILD_DB).expect("run by killed_writer_leaves_consistent_db");
    let mut store = SqliteStore::open(path).expect("open");
    run_job(&mut store);
}

fn stored_documents(path: &std::path::Path) -> usize {
    let Ok(conn) = Connection::open(path) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as usize)
}

#[test]
fn killed_writer_leaves_consistent_db() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("killed.db");
    drop(SqliteStore::open(&path).expect("create schema"));
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args(["child_writer", "--exact", "--ignored", "--test-threads=1"])
        .env(CHILD_DB, &path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer");
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(3));
        if stored_documents(&path) >= 300 {
            break;
        }
        if let Some(status) = child.try_wait().expect("poll child") {
            panic!("writer ended ({status}) before it could be killed");
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "writer too slow"
        );
    }
    eprintln!("kill after {:?}", started.elapsed());
    child.kill().expect("kill writer");
    child.wait().expect("reap writer");

    let mut store = SqliteStore::open(&path).expect("reopen after kill");
    assert_eq!(
        store.integrity_check().expect("check"),
        Vec::<String>::new()
    );
    let docs = store.documents(&Default::default()).expect("list");
    let n = docs.len();
    assert!(
        (300..JOB).contains(&n),
        "killed mid-way: {n} of {JOB} stored"
    );
    let (mut sentences, mut claims) = (0, 0);
    for d in &docs {
        let k: usize =
            d.id.trim_start_matches("doc-")
                .trim_end_matches(".txt")
                .parse()
                .expect("sample id");
        let s = sample(k);
        let stored = store.document(&d.id).expect("read").expect("listed");
        assert_eq!(
            stored.sentences, s.sentences,
            "{} has all its sentences",
            d.id
        );
        let page = store
            .claims(&ClaimQuery {
                doc: Some(d.id.clone()),
                ..Default::default()
            })
            .expect("claims");
        assert_eq!(page.items, s.claims, "{} has all its claims", d.id);
        sentences += s.sentences.len();
        claims += s.claims.len();
    }
    let stats = store.stats().expect("stats");
    assert_eq!(
        (stats.sentences, stats.claims),
        (sentences, claims),
        "no rows of unstored documents"
    );

    eprintln!("checked after {:?}", started.elapsed());
    let (new, old) = run_job(&mut store);
    eprintln!("rerun after {:?}", started.elapsed());
    assert_eq!(
        (new, old),
        (JOB - n, n),
        "the re-run stores exactly the rest"
    );
    assert_eq!(store.stats().expect("stats").documents, JOB);
    assert_eq!(
        store.integrity_check().expect("check"),
        Vec::<String>::new()
    );
}
