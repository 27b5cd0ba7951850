//! API latency on a generated database: p50 / p95 / max of search and filter
//! requests, answered by the router in process (JSON encoding included, no
//! network), after a warm-up pass.
//!
//! ```text
//! cargo run --release -p claimtrace-serve --example api_latency -- --docs 100000
//! cargo run --release -p claimtrace-serve --example api_latency -- --db /tmp/big.db --requests 100
//! ```
//!
//! The database is made of `claimtrace_store::testing::sample` documents
//! (about 3 KB of text, 30 sentences and 10 claims each, spread over actors,
//! places, outlets, dates and every label). It is kept at `--db` (default
//! `bench-out/api-latency-<docs>.db`) and reused by the next run when it
//! already holds the documents.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use claimtrace_serve::{AppState, ServeConfig, router};
use claimtrace_store::testing::sample::sample;
use claimtrace_store::{NewDocument, SqliteStore, Store};
use http_body_util::BodyExt;
use tower::ServiceExt;

struct Args {
    docs: usize,
    db: Option<PathBuf>,
    requests: usize,
}

fn args() -> Args {
    let mut a = Args {
        docs: 100_000,
        db: None,
        requests: 200,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next().unwrap_or_else(|| {
                eprintln!("{flag} needs a value");
                std::process::exit(2)
            })
        };
        match flag.as_str() {
            "--docs" => a.docs = value().parse().expect("--docs N"),
            "--db" => a.db = Some(PathBuf::from(value())),
            "--requests" => a.requests = value().parse().expect("--requests N"),
            "-h" | "--help" => {
                println!("api_latency [--docs N] [--db PATH] [--requests N]");
                std::process::exit(0)
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2)
            }
        }
    }
    a
}

/// Fill `db` with documents `have..want`, in batches of one transaction each.
/// Generation runs on a second thread while the first writes.
fn generate(db: &std::path::Path, want: usize) {
    let mut store = SqliteStore::open(db).expect("open database");
    let have = store.stats().expect("stats").documents;
    if have >= want {
        eprintln!(
            "api_latency: {} already holds {have} documents",
            db.display()
        );
        return;
    }
    eprintln!(
        "api_latency: generating documents {have}..{want} into {}",
        db.display()
    );
    const BATCH: usize = 1000;
    let started = Instant::now();
    let (tx, rx) = std::sync::mpsc::sync_channel(2);
    let producer = std::thread::spawn(move || {
        let mut n = have;
        while n < want {
            let end = (n + BATCH).min(want);
            let batch: Vec<_> = (n..end).map(sample).collect();
            if tx.send(batch).is_err() {
                return;
            }
            n = end;
        }
    });
    let mut done = have;
    for batch in rx {
        let docs: Vec<NewDocument<'_>> = batch.iter().map(|s| s.as_new()).collect();
        for r in store.put_documents(&docs).expect("store batch") {
            r.expect("store document");
        }
        done += batch.len();
        if done % 10_000 < BATCH {
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "api_latency: {done} documents ({:.0} docs/s)",
                (done - have) as f64 / secs
            );
        }
    }
    producer.join().expect("generator thread");
    eprintln!(
        "api_latency: generated {} documents in {:.1}s",
        want - have,
        started.elapsed().as_secs_f64()
    );
}

async fn call(app: &Router, uri: &str) -> (Duration, usize) {
    let t = Instant::now();
    let res = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("router");
    let status = res.status();
    let body = res.into_body().collect().await.expect("body").to_bytes();
    let took = t.elapsed();
    assert_eq!(
        status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&body)
    );
    (took, body.len())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

struct Case {
    group: &'static str,
    name: &'static str,
    uri: Box<dyn Fn(usize) -> String>,
}

fn case(group: &'static str, name: &'static str, uri: impl Fn(usize) -> String + 'static) -> Case {
    Case {
        group,
        name,
        uri: Box::new(uri),
    }
}

fn cases(docs: usize) -> Vec<Case> {
    const TYPES: &[&str] = &[
        "attack",
        "arms_transfer",
        "military_cooperation",
        "diplomatic_rupture",
        "casualties",
    ];
    const KINDS: &[&str] = &["named_person", "media", "anonymous_officials", "author"];
    const EPIS: &[&str] = &["asserted", "reported", "hedged", "denied", "opinion"];
    const ACTORS: &[&str] = &["RSF", "Ukraine", "houthi", "SDN", "russia"];
    const OUTLETS: &[&str] = &["Reuters", "Al%20Jazeera", "Kyiv%20Independent"];
    const WORDS: &[&str] = &["Kharkiv", "Belgorod", "Hodeidah", "shelled", "expelled"];
    vec![
        case("search", "q=<one word>", |i| {
            format!("/api/claims?q={}", WORDS[i % WORDS.len()])
        }),
        case("search", "q=<two words>", |i| {
            format!(
                "/api/claims?q={}%20{}",
                WORDS[i % WORDS.len()],
                ["drones", "positions", "report"][i % 3]
            )
        }),
        case("search", "q=\"<rare phrase>\"", move |i| {
            format!(
                "/api/claims?q=%22report%20{}-{}%22",
                (i * 7919) % docs,
                (i % 10) * 3
            )
        }),
        case("search", "q=<prefix>*", |i| {
            format!(
                "/api/claims?q={}*",
                ["Khar", "Bel", "sup", "expel", "Hod"][i % 5]
            )
        }),
        case("search", "q=<word>&type=<type>", |i| {
            format!(
                "/api/claims?q={}&type={}",
                WORDS[i % WORDS.len()],
                TYPES[i % TYPES.len()]
            )
        }),
        case("filter", "(none: first page)", |_| {
            "/api/claims".to_string()
        }),
        case("filter", "type=<type>", |i| {
            format!("/api/claims?type={}", TYPES[i % TYPES.len()])
        }),
        case("filter", "epistemic=<label>", |i| {
            format!("/api/claims?epistemic={}", EPIS[i % EPIS.len()])
        }),
        case("filter", "source_kind=<kind>", |i| {
            format!("/api/claims?source_kind={}", KINDS[i % KINDS.len()])
        }),
        case("filter", "actor=<name or id>", |i| {
            format!("/api/claims?actor={}", ACTORS[i % ACTORS.len()])
        }),
        case("filter", "outlet=<outlet>", |i| {
            format!("/api/claims?outlet={}", OUTLETS[i % OUTLETS.len()])
        }),
        case("filter", "since&until (one month)", |i| {
            let m = i % 12 + 1;
            format!("/api/claims?since=2025-{m:02}&until=2025-{m:02}")
        }),
        case("filter", "doc=<id>", move |i| {
            format!("/api/claims?doc=doc-{:06}.txt", (i * 104_729) % docs)
        }),
        case("filter", "type&epistemic&since", |i| {
            format!(
                "/api/claims?type={}&epistemic={}&since=2025-{:02}",
                TYPES[i % TYPES.len()],
                EPIS[(i / 5) % EPIS.len()],
                i % 12 + 1
            )
        }),
        case("filter", "type=<type>&offset=<deep page>", move |i| {
            format!(
                "/api/claims?type={}&offset={}",
                TYPES[i % TYPES.len()],
                (i * 1009) % (docs.max(100) / 10)
            )
        }),
        case("other", "/api/docs/<id>", move |i| {
            format!("/api/docs/doc-{:06}.txt", (i * 7919) % docs)
        }),
        case("other", "/api/profile/<id>", move |i| {
            format!("/api/profile/doc-{:06}.txt", (i * 7919) % docs)
        }),
        case("other", "/api/docs (first page)", |_| {
            "/api/docs".to_string()
        }),
    ]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let a = args();
    let db =
        a.db.clone()
            .unwrap_or_else(|| PathBuf::from(format!("bench-out/api-latency-{}.db", a.docs)));
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).expect("database directory");
    }
    generate(&db, a.docs);
    let state = AppState::open(&db, None).expect("open state");
    let stats = SqliteStore::open(&db)
        .expect("open")
        .stats()
        .expect("stats");
    let app = router(state, &ServeConfig::default()).expect("router");
    println!(
        "database: {} documents, {} sentences, {} claims ({}, {:.0} MB)",
        stats.documents,
        stats.sentences,
        stats.claims,
        db.display(),
        std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    println!(
        "{} requests per case after a warm-up pass; limit 50 (the page's page size); times in ms\n",
        a.requests
    );
    println!(
        "{:<7} {:<34} {:>7} {:>7} {:>7} {:>9}",
        "group", "request", "p50", "p95", "max", "bytes/req"
    );
    let mut by_group: std::collections::BTreeMap<&str, Vec<Duration>> = Default::default();
    for c in cases(a.docs) {
        // Warm-up: the first call of a query shape prepares its statement and pages the index in.
        for i in 0..5.min(a.requests) {
            call(&app, &(c.uri)(i)).await;
        }
        let mut times = Vec::with_capacity(a.requests);
        let mut bytes = 0;
        for i in 0..a.requests {
            let (t, b) = call(&app, &(c.uri)(i)).await;
            times.push(t);
            bytes += b;
        }
        times.sort();
        println!(
            "{:<7} {:<34} {:>7} {:>7} {:>7} {:>9}",
            c.group,
            c.name,
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().expect("times")),
            bytes / a.requests.max(1)
        );
        by_group.entry(c.group).or_default().extend(times);
    }
    println!();
    for (group, mut times) in by_group {
        times.sort();
        println!(
            "all {group} requests: p50 {} ms, p95 {} ms, max {} ms ({} requests)",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().expect("times")),
            times.len()
        );
    }
}
