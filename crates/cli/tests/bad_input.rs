//! Bad input: each bad file gets one clear line naming it, the batch goes on,
//! the exit code tells, and nothing already stored is lost.

use std::fs;
use std::path::Path;

use crate::util::*;

fn write_bad_inputs(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let bad = dir.join("in");
    fs::create_dir_all(&bad).unwrap();
    let mut binary = vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0];
    binary.extend(std::iter::repeat_n(0u8, 64));
    fs::write(bad.join("program.bin"), binary).unwrap();
    fs::write(
        bad.join("latin1.txt"),
        b"Caf\xe9 attack in Gao \xff\xfe killed three.",
    )
    .unwrap();
    fs::write(bad.join("empty.txt"), b"").unwrap();
    fs::write(
        bad.join("huge.txt"),
        "Drones struck the depot. ".repeat(4000),
    )
    .unwrap();
    fs::write(
        bad.join("broken.html"),
        b"<html><body><div><p></div></span><<<>>></html",
    )
    .unwrap();
    fs::write(
        bad.join("broken.xml"),
        b"<?xml version=\"1.0\"?><rss><channel><item><title>x</titl",
    )
    .unwrap();
    fs::write(bad.join("broken.json"), b"{\"text\": \"unterminated").unwrap();
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>"#;
    fs::write(bad.join("bomb.xml"), bomb).unwrap();
    fs::write(
        bad.join("mixed.jsonl"),
        "{\"id\":\"ok-1\",\"text\":\"Militants attacked an army post near Djibo on Friday, the army said.\"}\n[1,2,3]\n",
    )
    .unwrap();
    fs::write(
        bad.join("good.txt"),
        "Government forces shelled rebel positions near Kidal on Monday, officials said.\n",
    )
    .unwrap();
    vec![
        ("latin1.txt", "UTF-8"),
        ("empty.txt", "empty"),
        ("huge.txt", "limit"),
        ("broken.html", ""),
        ("broken.xml", ""),
        ("broken.json", ""),
        ("bomb.xml", "entit"),
        ("mixed.jsonl:2", "object"),
    ]
}

#[test]
fn each_bad_input_is_named_on_one_line_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let expected = write_bad_inputs(dir.path());
    let out = run(dir.path(), &["extract", "--max-bytes", "50000", "in"]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed, so exit 1");
    let err = stderr(&out);
    for (name, reason) in expected {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no error line names {name}:\n{err}"));
        assert!(
            line.to_lowercase().contains(&reason.to_lowercase()),
            "the line for {name} does not say why ({reason}): {line}"
        );
    }
    // Found in a directory, a program is not an article: counted, not a failure.
    assert!(!err.contains("program.bin"), "{err}");
    assert!(
        err.contains("skipped 1 files that are not articles"),
        "{err}"
    );
    let recs = jsonl(&out);
    let docs: Vec<&str> = recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert!(
        docs.contains(&"good.txt"),
        "the good file was not processed: {docs:?}"
    );
    assert!(
        docs.contains(&"ok-1"),
        "the good JSONL line was not processed: {docs:?}"
    );
}

#[test]
fn bad_inputs_never_lose_what_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "ingest",
            "--db",
            "t.db",
            samples().join("text").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let before = jsonl(&run(
        dir.path(),
        &["claims", "--db", "t.db", "--json", "--limit", "100000"],
    ))
    .len();
    assert!(before > 0);
    write_bad_inputs(dir.path());
    let out = run(
        dir.path(),
        &["ingest", "--db", "t.db", "--max-bytes", "50000", "in"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("failed"), "{}", stderr(&out));
    let after = jsonl(&run(
        dir.path(),
        &["claims", "--db", "t.db", "--json", "--limit", "100000"],
    ))
    .len();
    assert!(
        after > before,
        "good inputs of the bad batch are stored too ({before} → {after})"
    );
}

/// Named on the command line, a file that is not an article is an error.
#[test]
fn a_named_binary_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write_bad_inputs(dir.path());
    let out = run(dir.path(), &["extract", "in/program.bin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("program.bin: binary"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_input_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no/such/file.txt"),
        "{}",
        stderr(&out)
    );
}
