use crate::util::*;

const CONTRACT_FIELDS: &[&str] = &[
    "doc",
    "sentence",
    "span",
    "type",
    "plover",
    "actor",
    "target",
    "source",
    "epistemic",
    "cues",
    "date",
    "place",
    "quantities",
    "weapons",
    "why",
];

#[test]
fn seed_article_gives_every_contract_field_with_exact_spans() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed/exporting-war.txt is not beside the repository");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = jsonl(&out);
    assert!(recs.len() >= 15, "only {} claims from the seed", recs.len());
    let text = std::fs::read_to_string(&seed).unwrap();
    for r in &recs {
        for f in CONTRACT_FIELDS {
            assert!(r.get(*f).is_some(), "field {f} missing in {r}");
        }
        assert_eq!(r["doc"], "exporting-war.txt");
        let span = r["span"].as_array().unwrap();
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            r["sentence"].as_str().unwrap(),
            "span does not slice the document"
        );
        assert!(!r["why"].as_array().unwrap().is_empty());
    }
    // The claim the contract uses as its example.
    let media = recs
        .iter()
        .find(|r| {
            r["sentence"]
                .as_str()
                .unwrap()
                .starts_with("According to Russian media outlets")
        })
        .expect("the Russian media claim");
    assert_eq!(media["source"]["kind"], "media");
    assert_eq!(media["epistemic"], "reported");
    assert_eq!(media["quantities"][0]["value"], 300);
}

#[test]
fn every_sample_format_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", samples().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = jsonl(&out);
    for r in &recs {
        assert_span_matches_sentence(r);
    }
    let docs: std::collections::BTreeSet<&str> =
        recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert!(
        docs.len() >= 12,
        "claims from only {} documents: {docs:?}",
        docs.len()
    );
    for sub in ["text", "html", "feeds", "jsonl"] {
        let out = run(
            dir.path(),
            &["extract", samples().join(sub).to_str().unwrap()],
        );
        assert!(out.status.success(), "{sub}: {}", stderr(&out));
        assert!(!jsonl(&out).is_empty(), "no claims from samples/{sub}");
    }
}

#[test]
fn stdin_and_table_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .current_dir(dir.path())
        .args(["extract", "-", "--format", "table"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"Rebels shot down two army drones near Kidal on Monday, a military spokesman said.\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let s = stdout(&out);
    assert!(s.contains("attack"), "{s}");
    assert!(s.contains("reported"), "{s}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(dir.path(), &["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["extract", "ingest", "claims", "docs", "profile", "bench"] {
        let out = run(dir.path(), &[cmd, "--help"]);
        assert!(out.status.success(), "{cmd} --help");
        assert!(stdout(&out).contains("Usage"), "{cmd}");
    }
}
