//! `claims_news_dev`: real news reports with hand-labelled claims and the
//! happening (event) each report and claim is about.
//!
//! `articles.jsonl` holds the reports (`id`, `event`, `url`, `outlet`,
//! `title`, `published`, `text`, `syndicated_from`, `labelled`);
//! `gold.jsonl` the claims (`article_id`, `sentence` verbatim, the contract's
//! labels, `event`, and `alt` with a second defensible reading of a label).
//! The split unit is the **event**: every report and claim of one happening
//! is on the same side (`split::part_of("claims_news_dev", event)`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::read_text;
use crate::error::{EvalError, Result};

/// One news report.
#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    pub id: String,
    /// The happening the report is about (the split unit).
    pub event: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// `YYYY-MM-DD`, when known.
    #[serde(default)]
    pub published: Option<String>,
    pub text: String,
    /// The wire service or outlet it reprints, where the text shows it.
    #[serde(default)]
    pub syndicated_from: Option<String>,
    /// Whether its claims are in `gold.jsonl`.
    #[serde(default)]
    pub labelled: bool,
}

/// Second readings of labels that count as right too.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Alternatives {
    #[serde(default)]
    pub claim_type: Vec<String>,
    #[serde(default)]
    pub source_kind: Vec<String>,
    #[serde(default)]
    pub epistemic: Vec<String>,
}

/// One hand-labelled claim.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub article_id: String,
    /// A whole sentence of the article's text, verbatim.
    pub sentence: String,
    pub claim_type: String,
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub target_or_recipient: Option<String>,
    /// As written; `author` when the article itself asserts it.
    pub source: String,
    pub source_kind: String,
    pub epistemic: String,
    #[serde(default)]
    pub cue_words: Vec<String>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, an interval `A/B`, or none.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub quantities: Vec<String>,
    #[serde(default)]
    pub weapons: Vec<String>,
    /// The happening the claim is about; none for one outside the table.
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub alt: Alternatives,
}

/// The whole data set.
#[derive(Debug, Clone, Default)]
pub struct ClaimsNews {
    pub articles: Vec<Article>,
    pub gold: Vec<GoldClaim>,
}

impl ClaimsNews {
    /// The articles by id.
    pub fn by_id(&self) -> BTreeMap<&str, &Article> {
        self.articles.iter().map(|a| (a.id.as_str(), a)).collect()
    }
}

/// Loads `articles.jsonl` and `gold.jsonl` from the data set folder. A gold
/// claim naming an unknown article is a format error.
pub fn load(dir: &Path) -> Result<ClaimsNews> {
    let articles: Vec<Article> = read_jsonl(&dir.join("articles.jsonl"))?;
    let gold_path = dir.join("gold.jsonl");
    let gold: Vec<GoldClaim> = read_jsonl(&gold_path)?;
    let data = ClaimsNews { articles, gold };
    let ids = data.by_id();
    if let Some(g) = data
        .gold
        .iter()
        .find(|g| !ids.contains_key(g.article_id.as_str()))
    {
        return Err(EvalError::format(
            &gold_path,
            format!("claim of unknown article '{}'", g.article_id),
        ));
    }
    Ok(data)
}

/// Parses one JSON object per non-empty line.
fn read_jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        out.push(rec);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_articles_and_claims_and_checks_links() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("articles.jsonl"),
            r#"{"id":"d1","event":"E1","published":"2024-01-02","text":"Troops crossed the river. Officials said so.","labelled":true}
"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("gold.jsonl"),
            r#"{"article_id":"d1","sentence":"Troops crossed the river.","claim_type":"deployment","source":"author","source_kind":"author","epistemic":"asserted","event":"E1","alt":{"epistemic":["reported"]}}
"#,
        )
        .unwrap();
        let d = load(dir.path()).unwrap();
        assert_eq!(d.articles.len(), 1);
        assert_eq!(d.gold[0].alt.epistemic, vec!["reported".to_string()]);
        assert_eq!(d.gold[0].date, None);

        std::fs::write(
            dir.path().join("gold.jsonl"),
            r#"{"article_id":"zz","sentence":"x","claim_type":"other","source":"author","source_kind":"author","epistemic":"asserted"}"#,
        )
        .unwrap();
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("unknown article 'zz'"), "{err}");
    }
}
