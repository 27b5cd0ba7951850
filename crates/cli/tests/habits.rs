//! Command-line habits: usage errors exit 2, help tells the truth, tables
//! are tab-separated off a terminal, completions and a man page, --quiet/-v.

use std::path::Path;

use crate::util::*;

/// A database with one short article of our own.
fn small_db() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "On 2 May 2025, drones struck a fuel depot in Kherson, the regional governor said.\n",
    )
    .unwrap();
    let out = run(dir.path(), &["ingest", "--db", "c.db", "a.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn bad_argument_values_exit_2() {
    let dir = small_db();
    for args in [
        &["claims", "--db", "c.db", "--since", "2025-13"][..],
        &["claims", "--db", "c.db", "--until", "2025-02-30"],
        &["events", "--db", "c.db", "--since", "May"],
        &[
            "export", "--db", "c.db", "--format", "csv", "--since", "2025-13",
        ],
        &["export", "--db", "c.db", "--format", "xlsx"],
        &["completions", "tcsh"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let ok = run(
        dir.path(),
        &["claims", "--db", "c.db", "--since", "2024-02-29"],
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[test]
fn export_help_states_the_limit_it_applies() {
    let out = run(Path::new("."), &["export", "--help"]);
    let help = stdout(&out);
    let line = help
        .lines()
        .find(|l| l.trim_start().starts_with("--limit"))
        .expect("--limit in help");
    assert!(!line.contains("50"), "{line}");
    assert!(
        line.contains("[default: 0]") && line.contains("0: all"),
        "{line}"
    );
}

#[test]
fn tables_are_tab_separated_off_a_terminal() {
    let dir = small_db();
    for cmd in [
        &["claims", "--db", "c.db"][..],
        &["docs", "--db", "c.db"],
        &["events", "--db", "c.db"],
    ] {
        let out = run(dir.path(), cmd);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text.contains('│') && !text.contains('─'),
            "{cmd:?}: {text}"
        );
        let lines: Vec<&str> = text.lines().collect();
        let cols = lines[0].split('\t').count();
        assert!(cols > 3, "{cmd:?}: header {}", lines[0]);
        assert_eq!(lines[1].split('\t').count(), cols, "{cmd:?}: {}", lines[1]);
    }
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(Path::new("."), &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(
            script.contains("claimtrace") && script.contains("export"),
            "{shell}"
        );
    }
    let out = run(Path::new("."), &["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH claimtrace 1"), "{page}");
    assert!(page.contains("completions"));
}

#[test]
fn quiet_and_verbose() {
    let dir = small_db();
    let quiet = run(
        dir.path(),
        &["--quiet", "export", "--db", "c.db", "--format", "csv"],
    );
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "", "--quiet says nothing on success");
    let normal = run(dir.path(), &["export", "--db", "c.db", "--format", "csv"]);
    assert!(stderr(&normal).contains("exported"));
    let verbose = run(
        dir.path(),
        &["export", "-v", "--db", "c.db", "--format", "csv"],
    );
    assert!(
        stderr(&verbose).contains("read 1 claims"),
        "{}",
        stderr(&verbose)
    );
    let both = run(dir.path(), &["--quiet", "-v", "docs", "--db", "c.db"]);
    assert_eq!(both.status.code(), Some(2));
}
