//! Scrapinghub article-extraction benchmark: `ground-truth.json`
//! (`{id: {"articleBody", "url"}}`), `html/<id>.html.gz`, and
//! `peer_outputs/<tool>.json` (`{"output": {id: {"articleBody"}}, "version"}`).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::read_text;
use crate::error::{EvalError, Result};

#[derive(Deserialize)]
struct Body {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// One page: raw HTML and the gold article body.
#[derive(Debug, Clone)]
pub struct Page {
    /// sha256 of the page (the split unit).
    pub id: String,
    pub url: String,
    pub html: Vec<u8>,
    pub gold: String,
}

/// The committed output of one peer extractor.
#[derive(Debug, Clone)]
pub struct PeerOutput {
    pub tool: String,
    pub version: String,
    pub bodies: BTreeMap<String, String>,
}

/// Loads the gold pages (ids sorted). Pages whose HTML file is missing are skipped.
pub fn load(dir: &Path) -> Result<Vec<Page>> {
    let gt = dir.join("ground-truth.json");
    let gold: BTreeMap<String, Body> =
        serde_json::from_str(&read_text(&gt)?).map_err(|source| EvalError::Json {
            path: gt.clone(),
            line: 0,
            source,
        })?;
    let mut out = Vec::new();
    for (id, body) in gold {
        let hp = dir.join("html").join(format!("{id}.html.gz"));
        if !hp.is_file() {
            continue;
        }
        let raw = std::fs::read(&hp).map_err(|e| EvalError::io(&hp, e))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut html)
            .map_err(|e| EvalError::io(&hp, e))?;
        out.push(Page {
            id,
            url: body.url,
            html,
            gold: body.article_body,
        });
    }
    Ok(out)
}

/// Loads every `peer_outputs/*.json` file (tools sorted by name).
pub fn load_peers(dir: &Path) -> Result<Vec<PeerOutput>> {
    /// Most peer files wrap the bodies (`{"output": {...}, "version"}`);
    /// newspaper's is the bare `{id: {"articleBody"}}` map.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum File {
        Wrapped {
            output: BTreeMap<String, Body>,
            #[serde(default)]
            version: serde_json::Value,
        },
        Bare(BTreeMap<String, Body>),
    }
    let pdir = dir.join("peer_outputs");
    if !pdir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for p in super::files_with_ext(&pdir, "json")? {
        let f: File = serde_json::from_str(&read_text(&p)?).map_err(|source| EvalError::Json {
            path: p.clone(),
            line: 0,
            source,
        })?;
        let (output, version) = match f {
            File::Wrapped { output, version } => (output, version),
            File::Bare(output) => (output, serde_json::Value::Null),
        };
        let version = match version {
            serde_json::Value::String(s) => s,
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        };
        out.push(PeerOutput {
            tool: p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string(),
            version,
            bodies: output
                .into_iter()
                .map(|(k, v)| (k, v.article_body))
                .collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_files_wrapped_and_bare() {
        let dir = std::env::temp_dir().join(format!("ct-eval-peers-{}", std::process::id()));
        let pdir = dir.join("peer_outputs");
        std::fs::create_dir_all(&pdir).unwrap();
        std::fs::write(
            pdir.join("a.json"),
            r#"{"output": {"p1": {"articleBody": "x"}}, "version": "1.0"}"#,
        )
        .unwrap();
        std::fs::write(pdir.join("b.json"), r#"{"p1": {"articleBody": "y"}}"#).unwrap();
        let peers = load_peers(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(peers.len(), 2);
        assert_eq!(
            (peers[0].tool.as_str(), peers[0].version.as_str()),
            ("a", "1.0")
        );
        assert_eq!(peers[0].bodies["p1"], "x");
        assert_eq!(
            (peers[1].tool.as_str(), peers[1].version.as_str()),
            ("b", "")
        );
        assert_eq!(peers[1].bodies["p1"], "y");
    }
}
