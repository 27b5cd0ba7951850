//! PolNeAR attribution relations: `<compartment>/text/<article>.txt` plus brat
//! standoff `<compartment>/attributions/<article>_<annotator>.ann` with
//! `Source` / `Cue` / `Content` text-bound annotations (code-point offsets,
//! discontinuous parts joined by `;`) tied by `E` lines.

use std::collections::BTreeMap;
use std::path::Path;

use claimtrace_model::Span;

use super::{files_with_ext, read_text};
use crate::error::{EvalError, Result};
use crate::offsets::CharIndex;

/// One attribution: who (optional), the cue, what is attributed. Each role
/// is a list of byte spans (discontinuous annotations have several parts).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// The smallest span covering all parts, or `None` for an empty role.
pub fn hull(parts: &[Span]) -> Option<Span> {
    let start = parts.iter().map(|s| s.start).min()?;
    let end = parts.iter().map(|s| s.end).max()?;
    Some(Span::new(start, end))
}

/// One article with the attributions of one annotator.
#[derive(Debug, Clone)]
pub struct AttributionDoc {
    /// Article file stem (the split unit).
    pub id: String,
    pub text: String,
    /// The `.ann` file scored (the first annotator in name order).
    pub annotator: String,
    pub attributions: Vec<Attribution>,
}

/// Loads every article of every compartment present under `dir` (`train`,
/// `dev`). Articles annotated by several annotators are scored against the
/// first `.ann` file in name order, consistently.
pub fn load(dir: &Path) -> Result<Vec<AttributionDoc>> {
    let mut out = Vec::new();
    for compartment in ["train", "dev", "test"] {
        let cdir = dir.join(compartment);
        if !cdir.is_dir() {
            continue;
        }
        let mut anns: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
        for ann in files_with_ext(&cdir.join("attributions"), "ann")? {
            let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            // `<article>_<annotator>`: the annotator is the part after the last '_'.
            let Some((article, _)) = stem.rsplit_once('_') else {
                continue;
            };
            anns.entry(article.to_string()).or_insert(ann);
        }
        for (article, ann) in anns {
            let tpath = cdir.join("text").join(format!("{article}.txt"));
            if !tpath.is_file() {
                continue;
            }
            let text = read_text(&tpath)?;
            let attributions = parse_ann(&ann, &read_text(&ann)?, &text)?;
            out.push(AttributionDoc {
                id: article,
                text,
                annotator: ann
                    .file_name()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_string(),
                attributions,
            });
        }
    }
    Ok(out)
}

/// Parses one brat standoff file against its article text.
pub fn parse_ann(path: &Path, ann: &str, text: &str) -> Result<Vec<Attribution>> {
    let ix = CharIndex::new(text);
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut events = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let mut parts = Vec::new();
            for r in ranges.split(';') {
                let mut it = r.split_whitespace().map(str::parse::<usize>);
                let (Some(Ok(a)), Some(Ok(b))) = (it.next(), it.next()) else {
                    return Err(EvalError::format(
                        path,
                        format!("line {}: bad range '{r}'", n + 1),
                    ));
                };
                let span = ix.span(a, b).ok_or_else(|| {
                    EvalError::format(
                        path,
                        format!("line {}: range {a}-{b} outside the text", n + 1),
                    )
                })?;
                parts.push(span);
            }
            spans.insert(id, parts);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut a = Attribution::default();
        let mut is_attribution = false;
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let parts = spans.get(tid).cloned().unwrap_or_default();
            // Roles may be numbered when repeated (Source2): strip digits.
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Attribution" | "Attribution-no-source" => is_attribution = true,
                "Source" => a.source.extend(parts),
                "Cue" => a.cue.extend(parts),
                "Content" => a.content.extend(parts),
                _ => {}
            }
        }
        if is_attribution && !a.cue.is_empty() {
            out.push(a);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_standoff_with_code_points() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polnear");
        let docs = load(&dir).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id, "wire_2016-01-01_depot");
        assert_eq!(d.annotator, "wire_2016-01-01_depot_aa01.ann");
        assert_eq!(d.attributions.len(), 2);
        let a = &d.attributions[0];
        assert_eq!(a.source[0].slice(&d.text), Some("The ministry’s spokesman"));
        assert_eq!(a.cue[0].slice(&d.text), Some("said"));
        assert_eq!(
            a.content[0].slice(&d.text),
            Some("the depot “was destroyed”")
        );
        let b = &d.attributions[1];
        assert!(b.source.is_empty());
        assert_eq!(b.content.len(), 2);
        let h = hull(&b.content).unwrap();
        assert_eq!(
            h.slice(&d.text),
            Some("Reinforcements, it was reported, arrived")
        );
    }
}
