use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root (two levels above this crate).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// The bundled sample corpus.
pub fn samples() -> PathBuf {
    repo().join("samples/corpus")
}

/// The seed article, when `../shared` is beside the repository.
pub fn seed() -> Option<PathBuf> {
    let p = repo().join("../shared/seed/exporting-war.txt");
    p.is_file().then_some(p)
}

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimtrace"));
    c.env_remove("CLAIMTRACE_DB")
        .env_remove("CLAIMTRACE_GAZETTEER")
        .stdin(Stdio::null());
    c
}

/// Run the binary in `dir` with `args`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimtrace")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parse JSON Lines output.
pub fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

/// The extracted text a span points into is not printed, so check spans by
/// re-reading the sentence: the sentence must be exactly the span's length in bytes.
pub fn assert_span_matches_sentence(rec: &serde_json::Value) {
    let span = rec["span"].as_array().expect("span array");
    let (s, e) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
    let sentence = rec["sentence"].as_str().expect("sentence");
    assert_eq!(
        (e - s) as usize,
        sentence.len(),
        "span {s}..{e} vs sentence {sentence:?}"
    );
}
