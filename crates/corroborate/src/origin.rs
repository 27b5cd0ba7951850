//! Origins: what a claim ultimately rests on, so that copies and repeated
//! attributions are counted once.
//!
//! # `origin_key(claim, doc, copy_group)`
//!
//! 1. The attribution path is `source.chain` (outer to inner) followed by
//!    `source.name` when the chain does not already end with it.
//! 2. Walking from the innermost element outwards, the first element that
//!    *names* someone is the origin, keyed `name:<normalised name>`. The
//!    innermost element (`source.name`) names someone when `source.kind` is
//!    `named_person`, `named_organisation`, `media` or `document` and the
//!    name is not an unnamed reference ("officials", "a local source"); outer
//!    chain elements name someone when they are not unnamed references.
//!    So ten outlets writing "according to TASS" all get `name:tass`, two
//!    outlets quoting the same official share that official's key, and
//!    "Reuters, citing a local official" rests on `name:reuters`.
//! 3. Otherwise (the article itself, anonymous officials, unnamed experts)
//!    the claim rests on the reporting of its copy group: `name:<outlet of
//!    the group's root document>` when that outlet is known, else
//!    `doc:<copy group id>`. Wire copies therefore share their root's
//!    origin, and TASS's own unsourced reporting shares `name:tass` with
//!    everyone citing TASS.
//!
//! Names are normalised by lower-casing, dropping punctuation and a leading
//! "the", and collapsing spaces; no alias table is applied ("TASS" and
//! "TASS news agency" differ — a known weakness).

use claimtrace_model::{Claim, SourceKind};

/// The document facts `origin_key` needs.
#[derive(Debug, Clone, Copy)]
pub struct DocOrigin<'a> {
    /// Id of the document's copy group (its root document's id; the
    /// document's own id when it has no copies).
    pub copy_group: &'a str,
    /// Outlet of the copy group's root document.
    pub group_outlet: Option<&'a str>,
}

/// An origin key with the name as written, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginKey {
    pub key: String,
    pub label: String,
}

/// Lower-cased, punctuation-free, leading "the" dropped, spaces collapsed.
pub fn normalise_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let mut parts: Vec<&str> = cleaned.split_whitespace().collect();
    if parts.len() > 1 && parts[0] == "the" {
        parts.remove(0);
    }
    parts.join(" ")
}

const UNNAMED_LEAD: &[&str] = &[
    "a",
    "an",
    "some",
    "several",
    "two",
    "three",
    "many",
    "unnamed",
    "anonymous",
    "local",
    "senior",
    "western",
    "officials",
    "sources",
    "experts",
    "analysts",
    "witnesses",
    "residents",
    "people",
    "one",
    "other",
    "military",
    "security",
    "diplomatic",
    "intelligence",
];
const UNNAMED_HEAD: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "diplomat",
    "diplomats",
    "observers",
    "media",
    "outlets",
    "reports",
    "people",
    "person",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// True for references that name nobody: "officials", "a local source",
/// "Western diplomats", "Russian media", "senior military" — a reference
/// whose head noun is an unnamed one, or made of such words only. "Security
/// Service of Ukraine" names a body although it starts like "security
/// sources".
pub fn is_unnamed(name: &str) -> bool {
    let n = normalise_name(name);
    let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    match words.last() {
        None => true,
        Some(last) => {
            UNNAMED_HEAD.contains(last)
                || words
                    .iter()
                    .all(|w| UNNAMED_LEAD.contains(w) || UNNAMED_HEAD.contains(w))
        }
    }
}

fn names_someone(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::NamedPerson
            | SourceKind::NamedOrganisation
            | SourceKind::Media
            | SourceKind::Document
    )
}

/// The origin a claim rests on (rules in the module documentation).
pub fn origin_key(claim: &Claim, doc: DocOrigin<'_>) -> OriginKey {
    let src = &claim.source;
    let inner_named = names_someone(src.kind) && !is_unnamed(&src.name);
    let last_is_name = src
        .chain
        .last()
        .is_some_and(|c| normalise_name(c) == normalise_name(&src.name));
    let mut path: Vec<(&str, bool)> = src
        .chain
        .iter()
        .map(|c| (c.as_str(), !is_unnamed(c)))
        .collect();
    if last_is_name {
        if let Some(last) = path.last_mut() {
            last.1 = inner_named;
        }
    } else if !src.name.is_empty() {
        path.push((src.name.as_str(), inner_named));
    }
    if let Some((name, _)) = path
        .iter()
        .rev()
        .find(|(n, named)| *named && !normalise_name(n).is_empty())
    {
        return OriginKey {
            key: format!("name:{}", normalise_name(name)),
            label: (*name).to_string(),
        };
    }
    match doc.group_outlet.filter(|o| !normalise_name(o).is_empty()) {
        Some(outlet) => OriginKey {
            key: format!("name:{}", normalise_name(outlet)),
            label: outlet.to_string(),
        },
        None => OriginKey {
            key: format!("doc:{}", doc.copy_group),
            label: doc.copy_group.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnamed_references() {
        for n in [
            "officials",
            "a local source",
            "Western diplomats",
            "Russian media",
            "two security sources",
            "senior military",
        ] {
            assert!(is_unnamed(n), "{n}");
        }
        for n in [
            "Security Service of Ukraine",
            "TASS",
            "Military Intelligence Directorate",
            "Reuters",
        ] {
            assert!(!is_unnamed(n), "{n}");
        }
    }
}
