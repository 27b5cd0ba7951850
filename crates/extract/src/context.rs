//! What a reader carries from one sentence to the next: the persons named so
//! far (so "he" and a bare surname resolve), the last group (for "the
//! group", "it"), the last event date and place of the paragraph, and an
//! open quotation whose speaker is known.

use claimtrace_model::{ActorKind, DateRef, Place, Source};

use crate::mention::Cand;

/// A person named in the document.
#[derive(Debug, Clone)]
pub(crate) struct KnownPerson {
    pub name: String,
    pub role: Option<String>,
}

/// A date or place carried to later sentences, with where it was found.
#[derive(Debug, Clone)]
pub(crate) struct Carried<T> {
    pub value: T,
    pub paragraph: usize,
    pub sentence: usize,
}

#[derive(Debug, Default)]
pub(crate) struct DocContext {
    pub persons: Vec<KnownPerson>,
    pub last_person: Option<Cand>,
    pub last_group: Option<Cand>,
    /// The first body (group, organisation, outlet) of the last sentence
    /// naming one: what "it" stands for.
    pub last_body: Option<Cand>,
    pub date: Option<Carried<DateRef>>,
    pub place: Option<Carried<Place>>,
    /// The source of a quotation opened in an earlier sentence and not yet closed.
    pub open_quote: Option<Source>,
    /// The speaker of a quotation closed in the previous sentence: a new
    /// quotation right after it is the same speaker's.
    pub last_quote_source: Option<Source>,
    pub paragraph: usize,
    /// The type (and PLOVER event) of the last claim with an event
    /// trigger, for clauses that refer back to it ("Hezbollah blamed Israel").
    pub last_event: Option<(claimtrace_model::ClaimType, claimtrace_model::PloverEvent)>,
    /// The document's outlet, so its name in the text reads as media.
    pub outlet: Option<String>,
    /// Compute the type model's features of each claim.
    pub want_features: bool,
}

impl DocContext {
    /// A known person whose full name contains `part` as whole words
    /// ("Yusov" → "Andriy Yusov").
    pub fn person_by_part(&self, part: &str) -> Option<&KnownPerson> {
        if part.split_whitespace().count() > 2 {
            return None;
        }
        self.persons.iter().rev().find(|p| {
            p.name != part
                && p.name
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .windows(part.split_whitespace().count())
                    .any(|w| w.join(" ") == part)
        })
    }

    /// Remember the mentions of a sentence for the ones that follow.
    pub fn note_mentions(&mut self, mentions: &[Cand]) {
        // The first group of a sentence is usually its subject, the
        // antecedent a reader picks for "it" or "the group" next.
        if let Some(g) = mentions.iter().find(|m| {
            matches!(
                m.kind,
                ActorKind::ArmedGroup | ActorKind::Organisation | ActorKind::Igo
            )
        }) {
            self.last_group = Some(g.clone());
        }
        if let Some(b) = mentions.iter().find(|m| {
            m.found != crate::mention::Found::Pronoun
                && matches!(
                    m.kind,
                    ActorKind::ArmedGroup
                        | ActorKind::Organisation
                        | ActorKind::Igo
                        | ActorKind::Media
                )
        }) {
            self.last_body = Some(b.clone());
        }
        for m in mentions {
            if m.kind == ActorKind::Person && m.found != crate::mention::Found::Pronoun {
                if !self.persons.iter().any(|p| p.name == m.name) {
                    self.persons.push(KnownPerson {
                        name: m.name.clone(),
                        role: m.role.clone(),
                    });
                }
                self.last_person = Some(m.clone());
            }
        }
    }
}
