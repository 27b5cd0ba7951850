//! Output into a pipe that closes early (`claimtrace claims | head -c 10`):
//! the program ends quietly with status 0, as ripgrep does.

use std::io::Read;
use std::process::Stdio;

use crate::concurrent::write_jsonl;
use crate::util::*;

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_jsonl(&d.join("in.jsonl"), 0..600);
    let out = run(d, &["ingest", "--db", "t.db", "in.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Each listing is far larger than a pipe's buffer (64 KiB), so the
    // program is still writing when the reader goes away.
    for args in [
        &["claims", "--db", "t.db", "--limit", "100000"][..],
        &["claims", "--db", "t.db", "--json", "--limit", "100000"],
        &["events", "--db", "t.db", "--limit", "0"],
        &["docs", "--db", "t.db"],
    ] {
        let mut child = bin()
            .current_dir(d)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut head = [0u8; 10];
        stdout.read_exact(&mut head).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}
