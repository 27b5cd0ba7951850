//! Inputs analysts have: compressed files, UTF-16/32 text, tables, WARC
//! archives, folders of saved pages with their scripts and images.

use std::io::Write;

use claimtrace_ingest::{IngestConfig, Input, discover, load, parse_bytes, write_warc_record};

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn texts(
    docs: &[Result<claimtrace_ingest::Document, claimtrace_ingest::IngestError>],
) -> Vec<String> {
    docs.iter()
        .map(|d| match d {
            Ok(d) => d.text.clone(),
            Err(e) => format!("ERR {e}"),
        })
        .collect()
}

const ARTICLE: &str = "---\ntitle: Bridge\npublished: 2025-04-02\n---\nArmed men attacked a bridge near Gao on Friday, the army said.\n";

#[test]
fn gzip_of_any_format_is_read() {
    let cfg = IngestConfig::default();
    let plain = parse_bytes("a.txt", ARTICLE.as_bytes(), None, &cfg);
    let zipped = parse_bytes("a.txt.gz", &gz(ARTICLE.as_bytes()), None, &cfg);
    assert_eq!(texts(&plain), texts(&zipped));
    let lines = "{\"id\":\"j1\",\"text\":\"Shelling hit Kidal.\"}\n{\"id\":\"j2\",\"text\":\"Drones struck Gao.\"}\n";
    let docs = parse_bytes("x.jsonl.gz", &gz(lines.as_bytes()), None, &cfg);
    assert_eq!(texts(&docs), ["Shelling hit Kidal.", "Drones struck Gao."]);
    // The decompressed size is bounded too.
    let small = IngestConfig {
        max_bytes: 20,
        ..IngestConfig::default()
    };
    let big = gz(&vec![b'a'; 10_000]);
    assert!(texts(&parse_bytes("b.txt.gz", &big, None, &small))[0].contains("too large"));
}

#[test]
fn utf16_and_utf32_with_a_mark_are_decoded() {
    let cfg = IngestConfig::default();
    let mut le = vec![0xff, 0xfe];
    ARTICLE
        .encode_utf16()
        .for_each(|u| le.extend(u.to_le_bytes()));
    let mut be32 = vec![0, 0, 0xfe, 0xff];
    ARTICLE
        .chars()
        .for_each(|c| be32.extend((c as u32).to_be_bytes()));
    let want = texts(&parse_bytes("a.txt", ARTICLE.as_bytes(), None, &cfg));
    assert_eq!(texts(&parse_bytes("a.txt", &le, None, &cfg)), want);
    assert_eq!(texts(&parse_bytes("a.txt", &be32, None, &cfg)), want);
}

#[test]
fn warc_responses_become_documents() {
    let mut w = Vec::new();
    write_warc_record(
        &mut w,
        "warcinfo",
        "",
        "2025-01-01T00:00:00Z",
        b"software: test",
    );
    write_warc_record(
        &mut w,
        "request",
        "https://n.test/a",
        "2025-01-01T00:00:00Z",
        b"GET /a HTTP/1.1\r\n\r\n",
    );
    let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Militants attacked a convoy near Menaka on Tuesday, officials said.</p></body></html>";
    write_warc_record(
        &mut w,
        "response",
        "https://n.test/a",
        "2025-03-05T10:00:00Z",
        page,
    );
    write_warc_record(
        &mut w,
        "response",
        "https://n.test/logo.png",
        "2025-03-05T10:00:00Z",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    );
    write_warc_record(
        &mut w,
        "metadata",
        "https://n.test/a",
        "2025-03-05T10:00:00Z",
        b"outlinks: x",
    );
    let cfg = IngestConfig::default();
    for (name, bytes) in [("crawl.warc", w.clone()), ("crawl.warc.gz", gz(&w))] {
        let docs = parse_bytes(name, &bytes, None, &cfg);
        assert_eq!(docs.len(), 1, "{name}: {:?}", texts(&docs));
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.url.as_deref(), Some("https://n.test/a"));
        assert_eq!(d.id, "https://n.test/a");
        assert_eq!(d.published.as_deref(), Some("2025-03-05T10:00:00Z"));
        assert!(d.text.starts_with("Militants attacked"), "{}", d.text);
    }
    // A broken record ends the archive with one error; what came before stays.
    let mut broken = w.clone();
    broken.extend(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n");
    let docs = parse_bytes("b.warc", &broken, None, &cfg);
    assert_eq!(docs.len(), 2);
    assert!(
        texts(&docs)[1].contains("b.warc#6: malformed WARC"),
        "{:?}",
        texts(&docs)
    );
}

#[test]
fn a_folder_of_saved_pages() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (sub, words) in [
        ("a", "Drones struck a depot near Gao."),
        ("b", "Rebels shelled Kidal at dawn."),
    ] {
        std::fs::create_dir_all(root.join(sub).join("assets")).unwrap();
        std::fs::write(
            root.join(sub).join("index.html"),
            format!("<html><body><p>{words}</p></body></html>"),
        )
        .unwrap();
        std::fs::write(
            root.join(sub).join("assets/app.js"),
            "window.attack = 'Drones struck';",
        )
        .unwrap();
        std::fs::write(root.join(sub).join("assets/site.css"), "p { color: red }").unwrap();
        std::fs::write(
            root.join(sub).join("assets/logo.dat"),
            b"\x89PNG\r\n\x1a\n\0\0",
        )
        .unwrap();
    }
    let (inputs, errors) = discover(&[root.to_path_buf()]);
    assert!(errors.is_empty());
    let cfg = IngestConfig::default();
    let mut ids = Vec::new();
    let mut skipped = 0;
    for input in &inputs {
        for d in load(input, &cfg) {
            match d {
                Ok(d) => ids.push(d.id),
                Err(e) if e.is_skip() => skipped += 1,
                Err(e) => panic!("{e}"),
            }
        }
    }
    assert_eq!(ids, ["a/index.html", "b/index.html"]);
    assert_eq!(skipped, 6);
    // Named on the command line, a script is still an error, not a skip.
    let named = load(&Input::file(&root.join("a/assets/app.js")), &cfg);
    assert!(matches!(&named[0], Err(e) if !e.is_skip()), "{named:?}");
}

#[test]
fn a_table_with_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(
        &path,
        "id,title,body,url\nr1,Depot,\"Drones struck the depot near Gao, the army said.\",https://t.test/1\nr2,Empty,,\nr3,Kidal,Rebels shelled Kidal.,\n",
    )
    .unwrap();
    let docs = load(&Input::file(&path), &IngestConfig::default());
    let t = texts(&docs);
    assert_eq!(t[0], "Drones struck the depot near Gao, the army said.");
    assert!(
        t[1].starts_with("ERR ") && t[1].contains("export.csv#2"),
        "{t:?}"
    );
    assert_eq!(t[2], "Rebels shelled Kidal.");
    let first = docs[0].as_ref().unwrap();
    assert_eq!(
        (first.id.as_str(), first.url.as_deref()),
        ("r1", Some("https://t.test/1"))
    );
}
