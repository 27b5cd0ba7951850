//! Python peer tools (spaCy NER, trafilatura), run as subprocesses from the
//! venv that `bench/peers/setup.sh` creates. The scripts are compiled into
//! the binary and passed to Python with `-c`; documents go in on stdin as
//! JSON Lines and results come back on stdout, so nothing is written to disk.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

use crate::error::{EvalError, Result};

const SPACY_SCRIPT: &str = include_str!("../../../bench/peers/spacy_ner.py");
const TRAFILATURA_SCRIPT: &str = include_str!("../../../bench/peers/trafilatura_extract.py");

/// What to print when the peers are missing.
pub const NOT_INSTALLED: &str = "not installed: run bench/peers/setup.sh";

/// Timing a peer reports about itself.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeerStats {
    #[serde(default)]
    pub tool: String,
    #[serde(default)]
    pub docs: usize,
    #[serde(default)]
    pub bytes: usize,
    #[serde(default)]
    pub words: usize,
    #[serde(default)]
    pub seconds: f64,
}

/// spaCy entities per document id: `(start, end, label)` in code points.
#[derive(Debug, Clone, Default)]
pub struct SpacyRun {
    pub ents: HashMap<String, Vec<(usize, usize, String)>>,
    pub stats: PeerStats,
}

/// A Python interpreter with the peer packages.
#[derive(Debug, Clone)]
pub struct PythonPeers {
    python: PathBuf,
}

impl PythonPeers {
    /// Finds the peers' Python: `$CLAIMTRACE_PEERS_PYTHON`, else
    /// `$CLAIMTRACE_PEERS/bin/python`, else `~/.cache/claimtrace-peers/bin/python`.
    /// `Err` carries the reason to print when none works.
    pub fn find() -> std::result::Result<PythonPeers, String> {
        let candidates: Vec<PathBuf> = if let Some(p) = std::env::var_os("CLAIMTRACE_PEERS_PYTHON")
        {
            vec![PathBuf::from(p)]
        } else {
            let venv = std::env::var_os("CLAIMTRACE_PEERS")
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("XDG_CACHE_HOME")
                        .map(PathBuf::from)
                        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
                        .map(|c| c.join("claimtrace-peers"))
                });
            venv.map(|v| vec![v.join("bin/python")]).unwrap_or_default()
        };
        candidates
            .into_iter()
            .find(|p| p.is_file())
            .map(|python| PythonPeers { python })
            .ok_or_else(|| NOT_INSTALLED.to_string())
    }

    /// Whether `module` imports in this interpreter.
    pub fn has(&self, module: &str) -> bool {
        Command::new(&self.python)
            .args(["-I", "-c", &format!("import {module}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Runs spaCy NER over `docs` (`(id, text)`).
    pub fn spacy_ner(&self, docs: &[(&str, &str)]) -> Result<SpacyRun> {
        let input: Vec<serde_json::Value> = docs
            .iter()
            .map(|(id, text)| serde_json::json!({"id": id, "text": text}))
            .collect();
        let mut run = SpacyRun::default();
        #[derive(Deserialize)]
        struct Line {
            id: Option<String>,
            #[serde(default)]
            ents: Vec<(usize, usize, String)>,
            stats: Option<PeerStats>,
        }
        for line in self.run("spaCy", SPACY_SCRIPT, &input)? {
            let l: Line = serde_json::from_str(&line)
                .map_err(|e| peer_err("spaCy", format!("bad output line: {e}")))?;
            if let Some(s) = l.stats {
                run.stats = s;
            } else if let Some(id) = l.id {
                run.ents.insert(id, l.ents);
            }
        }
        Ok(run)
    }

    /// Runs trafilatura over `pages` (`(id, html)`); returns text per id.
    pub fn trafilatura(
        &self,
        pages: &[(&str, &str)],
    ) -> Result<(HashMap<String, String>, PeerStats)> {
        let input: Vec<serde_json::Value> = pages
            .iter()
            .map(|(id, html)| serde_json::json!({"id": id, "html": html}))
            .collect();
        #[derive(Deserialize)]
        struct Line {
            id: Option<String>,
            #[serde(default)]
            text: String,
            stats: Option<PeerStats>,
        }
        let mut out = HashMap::new();
        let mut stats = PeerStats::default();
        for line in self.run("trafilatura", TRAFILATURA_SCRIPT, &input)? {
            let l: Line = serde_json::from_str(&line)
                .map_err(|e| peer_err("trafilatura", format!("bad output line: {e}")))?;
            if let Some(s) = l.stats {
                stats = s;
            } else if let Some(id) = l.id {
                out.insert(id, l.text);
            }
        }
        Ok((out, stats))
    }

    /// Runs `script` with `input` as JSON Lines on stdin; returns stdout lines.
    fn run(&self, tool: &str, script: &str, input: &[serde_json::Value]) -> Result<Vec<String>> {
        // Isolated mode: a `types.py` or `re.py` in the working directory
        // must not shadow the standard library.
        let mut child = Command::new(&self.python)
            .args(["-I", "-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| peer_err(tool, format!("cannot start {}: {e}", self.python.display())))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| peer_err(tool, "no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| peer_err(tool, "no stdout"))?;
        // Feed stdin from a thread: the peer may fill its stdout pipe before
        // it has read all its input.
        let lines = std::thread::scope(|scope| {
            let writer = scope.spawn(move || -> std::io::Result<()> {
                for v in input {
                    writeln!(stdin, "{v}")?;
                }
                Ok(())
            });
            let lines: std::io::Result<Vec<String>> = BufReader::new(stdout).lines().collect();
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
            (lines, written)
        });
        let out = child
            .wait_with_output()
            .map_err(|e| peer_err(tool, e.to_string()))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err.lines().last().unwrap_or("").to_string();
            return Err(peer_err(
                tool,
                format!("exited with {}: {last}", out.status),
            ));
        }
        let (lines, written) = lines;
        written.map_err(|e| peer_err(tool, format!("writing input: {e}")))?;
        lines.map_err(|e| peer_err(tool, format!("reading output: {e}")))
    }
}

fn peer_err(tool: &str, reason: impl Into<String>) -> EvalError {
    EvalError::Peer {
        tool: tool.to_string(),
        reason: reason.into(),
    }
}

/// spaCy's label → the harness tag (CoNLL classes): PERSON → PER, ORG → ORG,
/// GPE / LOC / FAC → LOC, NORP / EVENT / WORK_OF_ART / LAW / LANGUAGE /
/// PRODUCT → MISC; numeric and temporal labels are not entities here.
pub fn spacy_tag(label: &str) -> Option<&'static str> {
    Some(match label {
        "PERSON" => "PER",
        "ORG" => "ORG",
        "GPE" | "LOC" | "FAC" => "LOC",
        "NORP" | "EVENT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" | "PRODUCT" => "MISC",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacy_labels_map_to_conll() {
        assert_eq!(spacy_tag("GPE"), Some("LOC"));
        assert_eq!(spacy_tag("NORP"), Some("MISC"));
        assert_eq!(spacy_tag("DATE"), None);
    }

    #[test]
    fn runs_spacy_when_installed() {
        let Ok(p) = PythonPeers::find() else {
            eprintln!("spaCy {NOT_INSTALLED}; skipping");
            return;
        };
        if !p.has("spacy") {
            eprintln!("spaCy {NOT_INSTALLED}; skipping");
            return;
        }
        let run = p
            .spacy_ner(&[("a", "Vladimir Putin spoke in Moscow on Friday.")])
            .unwrap();
        let ents = &run.ents["a"];
        assert!(
            ents.iter()
                .any(|(s, e, l)| (*s, *e, l.as_str()) == (0, 14, "PERSON")),
            "{ents:?}"
        );
        assert_eq!(run.stats.docs, 1);
    }
}
