//! The actor knowledge base: states (with demonyms and seats of
//! government), militaries, state agencies, armed groups, intergovernmental
//! bodies, media and other organisations, read from `data/actors.tsv` and
//! user files in the same format, matched leftmost-longest.

use std::path::Path;

use claimtrace_model::ActorKind;

use crate::error::{ExtractError, Result};
use crate::lexicon::{PhraseSet, data_lines};

/// One known actor.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// ISO 3166-1 alpha-3 for states, a project slug otherwise.
    pub key: String,
    pub kind: ActorKind,
    pub name: String,
    /// ISO 3166-1 alpha-2 of the state the actor belongs to.
    pub country: Option<String>,
    pub wikidata: Option<String>,
}

impl ActorEntry {
    /// The id a mention carries: the ISO code for states, else the Wikidata
    /// id when known, else the project key.
    pub fn mention_id(&self) -> String {
        if self.kind == ActorKind::State {
            return self.key.clone();
        }
        self.wikidata.clone().unwrap_or_else(|| self.key.clone())
    }
}

/// How an alias names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasForm {
    /// The actor's own name or a variant.
    Name,
    /// A demonym or adjective ("Malian").
    Demonym,
    /// A seat of government standing for the state ("Kyiv").
    Seat,
}

#[derive(Debug, Clone)]
struct Alias {
    entry: usize,
    form: AliasForm,
    exact: bool,
    text: String,
}

/// One match of the knowledge base in a text.
#[derive(Debug, Clone, Copy)]
pub struct ActorHit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    pub form: AliasForm,
}

/// The loaded knowledge base and its automaton.
pub struct ActorKb {
    entries: Vec<ActorEntry>,
    aliases: Vec<Alias>,
    set: PhraseSet<usize>,
}

const BUILTIN: &str = include_str!("../data/actors.tsv");

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0 && letters <= 6 && s.chars().all(|c| !c.is_lowercase())
}

impl ActorKb {
    /// The built-in knowledge base plus the user files, in order.
    pub fn load(extra: &[impl AsRef<Path>]) -> Result<Self> {
        let mut entries = Vec::new();
        let mut aliases = Vec::new();
        parse_into("actors.tsv", BUILTIN, &mut entries, &mut aliases)?;
        for path in extra {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path).map_err(|source| ExtractError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            parse_into(
                &path.display().to_string(),
                &text,
                &mut entries,
                &mut aliases,
            )?;
        }
        let set = PhraseSet::build(
            "actor",
            aliases.iter().enumerate().map(|(i, a)| (a.text.clone(), i)),
        )?;
        Ok(ActorKb {
            entries,
            aliases,
            set,
        })
    }

    pub fn entry(&self, i: usize) -> &ActorEntry {
        &self.entries[i]
    }

    /// Knowledge-base matches in `text[from..to]`, checked for case: an
    /// alias's capitals must be capitals in the text, and exact aliases
    /// must match byte for byte.
    pub fn find(&self, text: &str, from: usize, to: usize) -> Vec<ActorHit> {
        let mut out = Vec::new();
        for hit in self.set.find(text, from, to) {
            let Some(found) = text.get(hit.start..hit.end) else {
                continue;
            };
            // Several aliases may share a pattern (two actors, one spelling):
            // the first whose case fits wins.
            // An all-capitals word ("PORT SUDAN —" in a dateline) is shouting,
            // not the name as written, unless the alias itself is capitals.
            let shouted = found.chars().filter(|c| c.is_alphabetic()).count() > 3
                && !found.chars().any(char::is_lowercase);
            let alias = self
                .set
                .entries(&hit)
                .iter()
                .map(|&i| &self.aliases[i])
                .find(|a| {
                    case_fits(a, found) && (!shouted || !a.text.chars().any(char::is_lowercase))
                });
            if let Some(a) = alias {
                out.push(ActorHit {
                    start: hit.start,
                    end: hit.end,
                    entry: a.entry,
                    form: a.form,
                });
            }
        }
        out
    }

    /// The state whose ISO 3166-1 alpha-2 code is `country`.
    pub fn state_of(&self, country: &str) -> Option<&ActorEntry> {
        self.entries
            .iter()
            .find(|e| e.kind == ActorKind::State && e.country.as_deref() == Some(country))
    }

    /// The entry whose canonical name or alias equals `name` (ASCII case-insensitive).
    pub fn lookup(&self, name: &str) -> Option<&ActorEntry> {
        self.aliases
            .iter()
            .find(|a| a.text.eq_ignore_ascii_case(name))
            .map(|a| &self.entries[a.entry])
    }
}

fn case_fits(alias: &Alias, found: &str) -> bool {
    if alias.exact {
        return alias.text == found;
    }
    let (a, f) = (alias.text.as_bytes(), found.as_bytes());
    a.len() == f.len()
        && a.iter()
            .zip(f)
            .all(|(x, y)| !x.is_ascii_uppercase() || y.is_ascii_uppercase())
}

fn parse_into(
    file: &str,
    text: &str,
    entries: &mut Vec<ActorEntry>,
    aliases: &mut Vec<Alias>,
) -> Result<()> {
    for l in data_lines(file, text, 3)? {
        let f = &l.fields;
        let kind: ActorKind = l.label(1)?;
        let opt = |i: usize| f.get(i).filter(|s| !s.is_empty()).map(|s| s.to_string());
        let entry = entries.len();
        entries.push(ActorEntry {
            key: f[0].to_string(),
            kind,
            name: f[2].to_string(),
            country: opt(3),
            wikidata: opt(4),
        });
        let mut push = |raw: &str| {
            let (form, rest) = match raw.chars().next() {
                Some('~') => (AliasForm::Demonym, &raw[1..]),
                Some('@') => (AliasForm::Seat, &raw[1..]),
                _ => (AliasForm::Name, raw),
            };
            let (exact, rest) = match rest.strip_prefix('=') {
                Some(r) => (true, r),
                None => (is_acronym(rest), rest),
            };
            if !rest.is_empty() {
                aliases.push(Alias {
                    entry,
                    form,
                    exact,
                    text: rest.to_string(),
                });
            }
        };
        push(f[2]);
        if let Some(list) = f.get(5) {
            for a in list.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                push(a);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_matches_names_demonyms_and_case() {
        let kb = ActorKb::load(&[] as &[&str]).unwrap();
        let text = "Malian troops and the US met the AU; us and au are words. Kyiv denied it, said the Houthis.";
        let got: Vec<(&str, &str, AliasForm)> = kb
            .find(text, 0, text.len())
            .iter()
            .map(|h| {
                (
                    &text[h.start..h.end],
                    kb.entry(h.entry).name.as_str(),
                    h.form,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Malian", "Mali", AliasForm::Demonym),
                ("US", "United States", AliasForm::Name),
                ("AU", "African Union", AliasForm::Name),
                ("Kyiv", "Ukraine", AliasForm::Seat),
                ("Houthis", "Houthis", AliasForm::Name),
            ]
        );
    }

    #[test]
    fn country_list_is_complete_enough() {
        let kb = ActorKb::load(&[] as &[&str]).unwrap();
        let states = kb
            .entries
            .iter()
            .filter(|e| e.kind == ActorKind::State)
            .count();
        assert!(states >= 190, "{states} states");
    }
}
