//! Unnamed sources and generic bodies ("officials", "Russian media
//! outlets", "the ministry") from `data/sources.tsv`, with the adjectives,
//! demonyms and possessors that qualify them.

use claimtrace_model::{ActorKind, SourceKind};

use crate::error::Result;
use crate::lexicon::{Hit, PhraseSet, data_lines};
use crate::mention::{Cand, Found};
use crate::words;

/// Nouns naming unnamed sources (`data/sources.tsv`).
pub(crate) struct SourceNouns {
    set: PhraseSet<(SourceKind, String)>,
}

const SOURCES: &str = include_str!("../data/sources.tsv");

impl SourceNouns {
    pub fn builtin() -> Result<Self> {
        let mut pairs = Vec::new();
        for l in data_lines("sources.tsv", SOURCES, 3)? {
            let f = &l.fields;
            let kind: SourceKind = l.label(1)?;
            pairs.push((f[0].to_string(), (kind, f[2].to_string())));
        }
        Ok(SourceNouns {
            set: PhraseSet::build("source", pairs)?,
        })
    }
}

/// Lower-case words that may qualify a source noun ("military analysts").
const SOURCE_ADJECTIVES: &[&str] = &[
    "military",
    "security",
    "senior",
    "local",
    "western",
    "independent",
    "regional",
    "government",
    "intelligence",
    "defence",
    "defense",
    "foreign",
    "unnamed",
    "anonymous",
    "several",
    "two",
    "three",
    "some",
    "many",
    "other",
    "humanitarian",
    "medical",
    "hospital",
    "health",
    "police",
    "rebel",
    "army",
    "state",
    "european",
    "political",
    "aviation",
    "arms",
    "conflict",
    "un",
    "independent",
];

/// Unnamed sources and generic bodies in the sentence `text[from..to]`,
/// each widened over the adjectives, demonym or possessor before it.
pub(crate) fn source_nouns(
    nouns: &SourceNouns,
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Cand>,
) {
    for h in nouns.set.find(text, from, to) {
        // Inside a name ("Defence Intelligence Service"): not an unnamed
        // source. A guessed capitalised run ("Pro-government Telegram") gives
        // way to the noun phrase it cuts.
        if out.iter().any(|m| {
            h.start < m.end && m.start < h.end && !m.adjective && m.found != Found::CapitalisedName
        }) {
            continue;
        }
        out.retain(|m| !(h.start < m.end && m.start < h.end && m.found == Found::CapitalisedName));
        let found = &text[h.start..h.end];
        // A capitalised noun inside the sentence is part of a name ("Sources" at the start is fine).
        let Some(&(kind, ref canonical)) = nouns.set.entries(&h).first() else {
            continue;
        };
        if !names_body(text, from, to, &h, canonical) {
            continue;
        }
        let q = qualifiers(text, from, h.start, out);
        let name = q.name(text, canonical, kind, found, out);
        out.retain(|m| {
            !(m.start >= q.start && m.end <= h.start && (m.adjective || q.possessor.is_some()))
        });
        out.push(unnamed_source(text, q.start, h.end, name, kind));
    }
}

/// Whether the noun at `h` names a source or body here rather than
/// modifying the noun after it: a singular with a determiner before it
/// ("a senior official", not "official defense markets"), and a body not
/// followed by its own noun ("the army", not "the army chief").
fn names_body(text: &str, from: usize, to: usize, h: &Hit, canonical: &str) -> bool {
    let found = &text[h.start..h.end];
    if (canonical.starts_with("a ")
        || canonical.starts_with("an ")
        || canonical.starts_with("the "))
        && !plural(found)
        && !determined(text, from, h.start)
    {
        // "official defense markets": an adjective, not a source.
        return false;
    }
    if canonical.starts_with("the ") && noun_follows(text, h.end, to) {
        // "a military operation", "the army chief": a modifier, not the body.
        return false;
    }
    true
}

/// What qualifies a source noun from the left.
struct Qualifiers {
    /// Where the widened noun phrase starts.
    start: usize,
    /// The state named by a demonym or possessor ("Russian", "Ukraine's").
    demonym: Option<String>,
    /// The possessor as written ("Ukraine's").
    possessor: Option<String>,
}

/// The qualifiers before the noun starting at `start`: up to three words
/// back over adjectives ("military analysts") and a demonym, or to a
/// state's possessive ("Ukraine's foreign ministry").
fn qualifiers(text: &str, from: usize, start: usize, out: &[Cand]) -> Qualifiers {
    let mut q = Qualifiers {
        start,
        demonym: None,
        possessor: None,
    };
    // Extend left over qualifying adjectives and a demonym.
    for _ in 0..3 {
        let Some(prev) = words::word_before(text, q.start).filter(|p| p.start >= from) else {
            break;
        };
        let p = prev.text(text);
        let gap_ok = text
            .get(prev.end..q.start)
            .is_some_and(|g| g == " " || g == "-");
        if !gap_ok {
            break;
        }
        if let Some(d) = out.iter().find(|m| m.adjective && m.start == prev.start) {
            q.demonym = Some(d.name.clone());
            q.start = prev.start;
            continue;
        }
        // "Ukraine's foreign ministry": the state's body.
        if (p == "s" || p == "S")
            && let Some(owner) = out.iter().find(|m| {
                !m.adjective
                    && m.kind == ActorKind::State
                    && m.end + 2 >= prev.start
                    && m.end < prev.start
            })
        {
            q.demonym = Some(owner.name.clone());
            q.possessor = Some(text[owner.start..prev.end].to_string());
            q.start = owner.start;
            break;
        }
        if SOURCE_ADJECTIVES.contains(&p.to_lowercase().as_str()) {
            q.start = prev.start;
            continue;
        }
        break;
    }
    q
}

impl Qualifiers {
    /// The source's name: the owner's body ("Ukraine's foreign ministry"),
    /// the state's people or media ("Russian media"), else the canonical noun.
    fn name(
        &self,
        text: &str,
        canonical: &str,
        kind: SourceKind,
        found: &str,
        out: &[Cand],
    ) -> String {
        // "Russian media outlets": the state's media.
        match (&self.demonym, &self.possessor) {
            (Some(_), Some(owner)) => format!("{owner} {}", canonical.trim_start_matches("the ")),
            (Some(state), None) => {
                let adj = kb_demonym_text(text, self.start, out).unwrap_or_else(|| state.clone());
                let base = if kind == SourceKind::Media {
                    "media".to_string()
                } else {
                    found.to_lowercase()
                };
                format!("{adj} {base}")
            }
            _ => canonical.to_string(),
        }
    }
}

/// The unnamed source at `start..end`: media or a group of people.
fn unnamed_source(text: &str, start: usize, end: usize, name: String, kind: SourceKind) -> Cand {
    Cand {
        start,
        end,
        text: text[start..end].to_string(),
        name,
        id: None,
        kind: if kind == SourceKind::Media {
            ActorKind::Media
        } else {
            ActorKind::Group
        },
        guessed: false,
        role: None,
        role_span: None,
        source_kind: kind,
        found: Found::SourceNoun,
        adjective: false,
        country: None,
        why: format!(
            "unnamed source: '{}' is {} ({})",
            &text[start..end],
            kind,
            "sources.tsv"
        ),
    }
}

/// Whether a lower-case word that is not a verb, auxiliary or function word
/// follows `end` ("military | operation").
fn noun_follows(text: &str, end: usize, to: usize) -> bool {
    const NOT_NOUNS: &[&str] = &[
        "said",
        "says",
        "say",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "will",
        "would",
        "could",
        "may",
        "might",
        "also",
        "added",
        "claimed",
        "reported",
        "denied",
        "announced",
        "stated",
        "told",
        "confirmed",
        "insisted",
        "accused",
        "blamed",
        "rejected",
        "dismissed",
        "warned",
        "urged",
        "called",
        "wrote",
        "posted",
        "in",
        "on",
        "of",
        "and",
        "or",
        "to",
        "for",
        "with",
        "at",
        "that",
        "which",
        "who",
        "from",
        "by",
        "did",
        "does",
        "not",
        "later",
        "then",
        "still",
        "itself",
        "alone",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ];
    let Some(rest) = text.get(end..to).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    !word.is_empty()
        && word.chars().next().is_some_and(char::is_lowercase)
        && !word.ends_with("ed")
        && !NOT_NOUNS.contains(&word)
}

/// A plural noun ("rebels", "workers") names a source without a determiner.
fn plural(found: &str) -> bool {
    let last = found.rsplit(' ').next().unwrap_or(found);
    last.ends_with('s') && !last.ends_with("ss") && last.len() > 3
}

/// A singular noun counts as a source only after a determiner, possibly
/// with adjectives between ("a senior Malian official").
fn determined(text: &str, from: usize, start: usize) -> bool {
    let head = text.get(from..start).unwrap_or("");
    head.split_whitespace().rev().take(4).any(|w| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "a" | "an"
                | "the"
                | "one"
                | "another"
                | "this"
                | "that"
                | "its"
                | "his"
                | "her"
                | "their"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
    })
}

fn kb_demonym_text(text: &str, start: usize, out: &[Cand]) -> Option<String> {
    out.iter()
        .find(|m| m.adjective && m.start == start)
        .map(|m| text[m.start..m.end].to_string())
}
