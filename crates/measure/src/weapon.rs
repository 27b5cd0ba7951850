//! The weapon lexicon: surface forms of weapon systems and platforms mapped
//! to a canonical name and a category.

use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};
use claimtrace_model::Span;

use crate::error::{MeasureError, Result};

const BUILTIN: &str = include_str!("../data/weapons.tsv");

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeaponEntry {
    pub surface: String,
    pub canonical: String,
    pub category: String,
    /// Matched only as written (named systems, acronyms) rather than in any case.
    pub case_sensitive: bool,
}

/// A weapon or platform named in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeaponMatch {
    /// Byte range in the text passed to [`WeaponLexicon::find`].
    pub span: Span,
    pub text: String,
    pub canonical: String,
    pub category: String,
}

/// Surface forms → canonical weapon names. Built once; [`WeaponLexicon::find`]
/// does no I/O.
pub struct WeaponLexicon {
    entries: Vec<WeaponEntry>,
    /// Pattern id -> entry index, for each automaton.
    sensitive_ids: Vec<usize>,
    insensitive_ids: Vec<usize>,
    sensitive: AhoCorasick,
    insensitive: AhoCorasick,
}

/// Lines `surface<TAB>canonical<TAB>category[<TAB>case]`, `case` = `s`
/// (as written) or `i` (any case); without it, surfaces containing a capital
/// letter are case-sensitive. `#` starts a comment line. A canonical name
/// `-` declares a non-weapon phrase ("think tank") that hides the weapon
/// surfaces inside it.
pub fn parse_lexicon(src: &str, path: &Path) -> Result<Vec<WeaponEntry>> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: &str| MeasureError::Lexicon {
            path: path.to_path_buf(),
            line: n + 1,
            reason: reason.into(),
        };
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 3 || cols[..3].iter().any(|c| c.is_empty()) {
            return Err(bad(
                "expected surface, canonical and category separated by tabs",
            ));
        }
        let case_sensitive = match cols.get(3).copied() {
            Some("s") => true,
            Some("i") => false,
            Some("") | None => cols[0].chars().any(char::is_uppercase),
            Some(_) => return Err(bad("case column must be `s` or `i`")),
        };
        out.push(WeaponEntry {
            surface: cols[0].to_string(),
            canonical: cols[1].to_string(),
            category: cols[2].to_string(),
            case_sensitive,
        });
    }
    Ok(out)
}

/// Plural spellings a surface may take in running text.
fn forms(surface: &str) -> Vec<String> {
    let mut v = vec![surface.to_string()];
    let last = surface.chars().last().unwrap_or(' ');
    if last.is_alphanumeric() && !surface.ends_with("s") && !surface.ends_with("S") {
        if let Some(stem) = surface
            .strip_suffix('y')
            .filter(|_| !surface.ends_with("ey"))
        {
            v.push(format!("{stem}ies"));
        } else {
            v.push(format!("{surface}s"));
        }
    }
    if surface.ends_with("ss") || surface.ends_with("sh") || surface.ends_with("ch") {
        v.push(format!("{surface}es"));
    }
    v
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl WeaponLexicon {
    /// The project's lexicon (`data/weapons.tsv`).
    pub fn builtin() -> Self {
        // The shipped file is checked by the tests; failing here is a packaging bug.
        let entries = parse_lexicon(BUILTIN, Path::new("data/weapons.tsv"))
            .unwrap_or_else(|e| panic!("builtin weapon lexicon: {e}"));
        Self::from_entries(entries).unwrap_or_else(|e| panic!("builtin weapon lexicon: {e}"))
    }

    /// Add the entries of a user file in the same format; on a surface both
    /// know, the user's entry wins.
    pub fn load_extra(&mut self, path: &Path) -> Result<()> {
        let src = std::fs::read_to_string(path).map_err(|source| MeasureError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let extra = parse_lexicon(&src, path)?;
        let mut entries: Vec<WeaponEntry> = extra.clone();
        entries.extend(self.entries.drain(..).filter(|e| {
            !extra
                .iter()
                .any(|x| x.surface.eq_ignore_ascii_case(&e.surface))
        }));
        *self = Self::from_entries(entries)?;
        Ok(())
    }

    /// Builtin lexicon plus the given files (the extractor's `weapons_files`).
    pub fn with_files(paths: &[impl AsRef<Path>]) -> Result<Self> {
        let mut lex = Self::builtin();
        for p in paths {
            lex.load_extra(p.as_ref())?;
        }
        Ok(lex)
    }

    fn from_entries(entries: Vec<WeaponEntry>) -> Result<Self> {
        let mut sens = (Vec::new(), Vec::new());
        let mut insens = (Vec::new(), Vec::new());
        for (i, e) in entries.iter().enumerate() {
            let target = if e.case_sensitive {
                &mut sens
            } else {
                &mut insens
            };
            for f in forms(&e.surface) {
                target.0.push(f);
                target.1.push(i);
            }
        }
        let build = |pats: &[String], ci: bool| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                // DFA up to 100 forms, else a contiguous NFA: cheap to build at start.
                .kind(None)
                .ascii_case_insensitive(ci)
                .build(pats)
                .map_err(|e| MeasureError::Index(e.to_string()))
        };
        Ok(WeaponLexicon {
            sensitive: build(&sens.0, false)?,
            insensitive: build(&insens.0, true)?,
            sensitive_ids: sens.1,
            insensitive_ids: insens.1,
            entries,
        })
    }

    pub fn entries(&self) -> &[WeaponEntry] {
        &self.entries
    }

    /// Weapon mentions in `text`: word-bounded, leftmost-longest across both
    /// case-sensitive and case-insensitive surfaces.
    pub fn find(&self, text: &str) -> Vec<WeaponMatch> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for (ac, ids) in [
            (&self.sensitive, &self.sensitive_ids),
            (&self.insensitive, &self.insensitive_ids),
        ] {
            for m in ac.find_iter(text) {
                let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
                let after = text.get(m.end()..).and_then(|s| s.chars().next());
                if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                    continue;
                }
                hits.push((m.start(), m.end(), ids[m.pattern().as_usize()]));
            }
        }
        hits.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        let mut taken = claimtrace_model::DisjointRanges::default();
        for h in hits {
            if taken.is_free(h.0, h.1) {
                taken.insert_if_free(h.0, h.1);
                kept.push(h);
            }
        }
        kept.sort_by_key(|h| h.0);
        kept.into_iter()
            .filter_map(|(s, e, id)| {
                let entry = &self.entries[id];
                // A canonical `-` marks a phrase that only looks like a weapon ("think tank").
                if entry.canonical == "-" {
                    return None;
                }
                Some(WeaponMatch {
                    span: Span::new(s, e),
                    text: text.get(s..e)?.to_string(),
                    canonical: entry.canonical.clone(),
                    category: entry.category.clone(),
                })
            })
            .collect()
    }
}
