//! Inputs analysts have: WARC archives (plain and gzip) built here from the
//! sample corpus, folders of saved pages with their assets, FIFOs that must
//! not block, tables.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::*;

/// The corpus's pages and texts (feeds and JSON Lines are not crawled pages).
fn pages() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in ["html", "text"] {
        for e in std::fs::read_dir(samples().join(sub)).unwrap() {
            out.push(e.unwrap().path());
        }
    }
    out.sort();
    out
}

/// A WARC with a warcinfo record, then per page a request, a response (the
/// HTML chunked and gzip-encoded, texts plain) and a metadata record.
fn warc_of(files: &[PathBuf]) -> Vec<u8> {
    let mut w = Vec::new();
    claimtrace_ingest::write_warc_record(
        &mut w,
        "warcinfo",
        "",
        "2025-07-01T00:00:00Z",
        b"software: test",
    );
    for (i, f) in files.iter().enumerate() {
        let uri = format!("https://archive.test/page/{i}");
        let body = std::fs::read(f).unwrap();
        let html = f.extension().is_some_and(|e| e == "html");
        claimtrace_ingest::write_warc_record(
            &mut w,
            "request",
            &uri,
            "2025-07-01T00:00:00Z",
            b"GET / HTTP/1.1\r\n\r\n",
        );
        let mut http = Vec::new();
        if html {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&body).unwrap();
            let gz = gz.finish().unwrap();
            http.extend(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
            for part in gz.chunks(500) {
                http.extend(format!("{:x}\r\n", part.len()).bytes());
                http.extend(part);
                http.extend(b"\r\n");
            }
            http.extend(b"0\r\n\r\n");
        } else {
            http.extend(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
            http.extend(&body);
        }
        claimtrace_ingest::write_warc_record(
            &mut w,
            "response",
            &uri,
            "2025-07-01T00:00:00Z",
            &http,
        );
        claimtrace_ingest::write_warc_record(
            &mut w,
            "metadata",
            &uri,
            "2025-07-01T00:00:00Z",
            b"via: test",
        );
    }
    w
}

/// Claims without the document id (a WARC record is named by its URL).
fn claims(dir: &Path, inputs: &[&str]) -> Vec<Value> {
    let mut args = vec!["extract"];
    args.extend_from_slice(inputs);
    let out = run(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut recs = jsonl(&out);
    for r in &mut recs {
        r.as_object_mut().unwrap().remove("doc");
    }
    recs.sort_by_key(|r| r["id"].as_str().unwrap().to_string());
    recs
}

#[test]
fn a_warc_gives_the_claims_of_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let files = pages();
    let w = warc_of(&files);
    std::fs::write(dir.path().join("crawl.warc"), &w).unwrap();
    // One gzip member per record, as crawlers write them.
    let mut members = Vec::new();
    let text = w.clone();
    let mut start = 0;
    for (i, win) in text.windows(9).enumerate() {
        if win == b"\r\nWARC/1." && i > start {
            members.push(&text[start..i + 2]);
            start = i + 2;
        }
    }
    members.push(&text[start..]);
    let mut multi = Vec::new();
    for m in &members {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(m).unwrap();
        multi.extend(e.finish().unwrap());
    }
    assert!(members.len() > files.len() * 3);
    std::fs::write(dir.path().join("crawl.warc.gz"), &multi).unwrap();

    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let plain: Vec<&str> = paths.iter().map(String::as_str).collect();
    let want = claims(dir.path(), &plain);
    assert!(want.len() > 50, "{}", want.len());
    assert_eq!(claims(dir.path(), &["crawl.warc"]), want);
    assert_eq!(claims(dir.path(), &["crawl.warc.gz"]), want);

    // Stored, each page is named by its URL and dated.
    let out = run(dir.path(), &["ingest", "--db", "w.db", "crawl.warc.gz"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{} new", files.len())),
        "{}",
        stderr(&out)
    );
    let docs = stdout(&run(dir.path(), &["docs", "--db", "w.db"]));
    assert!(docs.contains("https://archive.test/page/0"), "{docs}");
}

#[test]
fn saved_pages_with_their_assets() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("saved");
    for (sub, words) in [
        (
            "a",
            "Drones struck a fuel depot near Gao on Monday, the army said.",
        ),
        (
            "b",
            "Rebels shelled the airport in Kidal on Tuesday, officials said.",
        ),
    ] {
        let d = site.join(sub);
        std::fs::create_dir_all(d.join("index_files")).unwrap();
        std::fs::write(
            d.join("index.html"),
            format!("<html><body><article><p>{words}</p></article></body></html>"),
        )
        .unwrap();
        std::fs::write(
            d.join("index_files/app.js"),
            "// Drones struck the depot, the army said.\nvar x = 1;",
        )
        .unwrap();
        std::fs::write(d.join("index_files/style.css"), "body { margin: 0 }").unwrap();
        std::fs::write(d.join("index_files/app.js.map"), "{\"version\":3}").unwrap();
        std::fs::write(
            d.join("index_files/photo.jpg"),
            b"\xff\xd8\xff\xe0\0\x10JFIF",
        )
        .unwrap();
        std::fs::write(d.join("index_files/font.woff2"), b"wOF2\0\x01").unwrap();
    }
    let out = run(dir.path(), &["ingest", "--db", "s.db", "saved"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("2 new"), "{err}");
    assert!(
        err.contains("skipped 10 files that are not articles"),
        "{err}"
    );
    let docs = stdout(&run(dir.path(), &["docs", "--db", "s.db"]));
    assert!(
        docs.contains("a/index.html") && docs.contains("b/index.html"),
        "{docs}"
    );
    // Named on the command line, a script is an error.
    let out = run(dir.path(), &["extract", "saved/a/index_files/app.js"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_fifo_never_blocks_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("a.txt"),
        "Drones struck a fuel depot near Gao on Monday, the army said.\n",
    )
    .unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(inbox.join("feed.txt"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let started = Instant::now();
    let mut child = bin()
        .current_dir(dir.path())
        .args(["ingest", "--db", "f.db", "inbox", "inbox/feed.txt"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("ingest blocked on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("feed.txt: skipped: a FIFO").count(), 2, "{err}");
    assert!(err.contains("1 new"), "{err}");
}

#[test]
fn a_table_with_a_named_text_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.csv"),
        "id,headline,story\nr1,Depot,\"Drones struck a fuel depot near Gao on Monday, the army said.\"\nr2,Bad,\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["extract", "--text-column", "story", "export.csv"],
    );
    assert_eq!(out.status.code(), Some(1), "row 2 has no text");
    assert!(stderr(&out).contains("export.csv#2"), "{}", stderr(&out));
    let recs = jsonl(&out);
    assert!(recs.iter().all(|r| r["doc"] == "r1") && !recs.is_empty());
    // Without the column named, the header says what is there.
    let out = run(dir.path(), &["extract", "export.csv"]);
    assert!(stderr(&out).contains("--text-column"), "{}", stderr(&out));
}
