//! The subject of a reporting verb when it is not a known name: the noun
//! phrase that opens the clause right before the verb ("Chad's state-run
//! Tele Tchad television reported that…", "Sudan's health minister
//! says."), classified by its head noun.

use claimtrace_model::{SourceKind, Span};

use crate::mention::{Cand, Found};
use crate::words::{self, AUX_ADVERBS, BE_FORMS};

/// Heads that make a phrase an outlet.
const MEDIA_HEADS: &[&str] = &[
    "television",
    "tv",
    "radio",
    "newspaper",
    "daily",
    "outlet",
    "outlets",
    "broadcaster",
    "channel",
    "media",
    "website",
    "magazine",
    "wire",
    "network",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "correspondent",
    "correspondents",
    "portal",
    "blog",
];

/// Heads that make a phrase an organisation.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "office",
    "service",
    "agency",
    "army",
    "government",
    "council",
    "committee",
    "command",
    "forces",
    "force",
    "police",
    "court",
    "authority",
    "mission",
    "embassy",
    "union",
    "organisation",
    "organization",
    "group",
    "department",
    "corps",
    "brigades",
    "commission",
    "parliament",
    "presidency",
    "institute",
    "observatory",
    "coalition",
    "movement",
    "front",
    "party",
    "guards",
    "military",
    "administration",
    "junta",
    "cabinet",
    "secretariat",
];

/// Heads that make a phrase a document cited as evidence.
const DOCUMENT_HEADS: &[&str] = &[
    "report",
    "reports",
    "poll",
    "survey",
    "statement",
    "study",
    "data",
    "figures",
    "document",
    "documents",
    "footage",
    "video",
    "videos",
    "images",
    "analysis",
    "estimate",
    "estimates",
    "census",
    "records",
    "tally",
    "count",
    "assessment",
    "filing",
    "letter",
    "memo",
];

/// Words that open an indefinite phrase: its people are not named.
const INDEFINITE: &[&str] = &["a", "an", "one", "two", "three", "some", "several", "many"];

/// A subject phrase found before a reporting verb.
#[derive(Debug, Clone)]
pub(crate) struct SubjectPhrase {
    pub span: Span,
    pub text: String,
    pub kind: SourceKind,
    /// A known mention inside the phrase that names the source.
    pub mention: Option<Cand>,
    pub why: String,
}

/// The noun phrase from the clause start (the sentence start or the last
/// comma) to the verb at `verb`, when it reads as a subject.
pub(crate) fn before_verb(
    text: &str,
    from: usize,
    verb: usize,
    mentions: &[Cand],
) -> Option<SubjectPhrase> {
    let head = text.get(from..verb)?;
    let mut start = from + clause_start(head);
    let mut ws = words::words(text, start, verb);
    let mut n = trailing_aux(text, &ws);
    // "Al-Mayadeen, a pro-Iran Lebanese media outlet, reported": the name
    // before an apposition; the apposition's head tells its kind.
    let mut apposition = None;
    if n == 0 && text[from..start].ends_with(',') {
        let inner = text[from..start - 1].rfind(',').map(|i| from + i);
        if let Some(i) = inner
            && let Some(ap) = before_verb(text, i + 1, start - 1, mentions)
        {
            apposition = Some(ap);
            start = from + clause_start(&text[from..i]);
            ws = words::words(text, start, i);
            n = ws.len();
        }
    }
    let ws = &ws[..n];
    // "Ben Carson, who said": the relative pronoun stands for the phrase
    // before the comma.
    if ws.len() == 1 && ws[0].text(text) == "who" && text[from..start].ends_with(',') {
        return before_verb(text, from, start - 1, mentions);
    }
    let (first, last) = (ws.first()?, ws.last()?);
    let lower: Vec<String> = ws.iter().map(|w| w.text(text).to_lowercase()).collect();
    // A long phrase is a subject only when its head comes early and the
    // rest hangs off it ("Reuters reporters at the scene in the … district").
    let too_long = ws.len() > 16 || ws.len() > 10 && core_len(&lower) > 5;
    if too_long || !text[start..first.start].trim().is_empty() {
        return None;
    }
    if lower.iter().any(|w| verbish(w)) || !opens_phrase(first.text(text)) {
        return None;
    }
    let span = Span::new(first.start, last.end);
    let phrase = text[span.start..span.end].to_string();
    let core = core_len(&lower);
    let named = inner_mention(mentions, span, &lower[..core], ws);
    let (kind, why) = match apposition {
        Some(ap) if named.is_none() => (
            ap.kind,
            format!(
                "source: '{phrase}' is the subject of the verb; the apposition '{}' makes it {}",
                ap.text, ap.kind
            ),
        ),
        _ => classify(
            &lower[..core],
            named.as_ref(),
            &phrase,
            "is the subject of the verb",
        )?,
    };
    Some(SubjectPhrase {
        span,
        text: phrase,
        kind,
        mention: named,
        why,
    })
}

/// Where the last clause of `head` starts: after its last comma,
/// semicolon, colon or quotation mark.
fn clause_start(head: &str) -> usize {
    head.char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '“' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Words at the end that belong to the verb group ("has", "also", "on
/// Friday"): the phrase stops before them.
fn trailing_aux(text: &str, ws: &[words::Word]) -> usize {
    let mut n = ws.len();
    while n > 0 {
        let w = ws[n - 1].text(text);
        let weekday = w.ends_with("day") && w.chars().next().is_some_and(char::is_uppercase);
        if AUX_ADVERBS.contains(&w) || weekday || w == "on" && n < ws.len() {
            n -= 1;
        } else {
            break;
        }
    }
    n
}

fn verbish(w: &str) -> bool {
    BE_FORMS.contains(&w)
        || matches!(
            w,
            "that"
                | "which"
                | "who"
                | "whom"
                | "when"
                | "after"
                | "before"
                | "while"
                | "if"
                | "because"
                | "and"
                | "but"
                | "said"
                | "says"
                | "had"
                | "would"
                | "could"
        )
        || (w.ends_with("ing") && !w.contains('-'))
}

/// A subject opens with a capital (a name, "The") or a determiner.
fn opens_phrase(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        || matches!(w, "the" | "a" | "an" | "its" | "their")
}

/// Words up to a prepositional phrase ("… of South Korea", "… to Cairo"):
/// the head is the last of them.
fn core_len(lower: &[String]) -> usize {
    lower
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| matches!(w.as_str(), "of" | "to" | "from" | "in" | "at" | "for"))
        .map_or(lower.len(), |(i, _)| i)
}

/// "IDF spokesperson Daniel Hagari": a role word followed, to the end of
/// the core, by capitalised words only; those words (the person's name).
fn name_after_role<'p>(core: &[String], phrase: &'p str) -> Option<&'p str> {
    let role = core[..core.len().saturating_sub(1)]
        .iter()
        .rposition(|w| words::is_role_noun(w))?;
    let written: Vec<&str> = phrase.split_whitespace().take(core.len()).collect();
    let name = written.get(role + 1..)?;
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if name.is_empty() || !name.iter().all(capitalised) {
        return None;
    }
    let start = phrase.find(name[0])?;
    let last = name[name.len() - 1];
    let end = phrase[start..].find(last)? + start + last.len();
    phrase.get(start..end)
}

/// A known, usable name inside the phrase: a person anywhere in it (the
/// name after a role: "Ambassador to Cairo Imad Adawi"), else an outlet or
/// organisation in its core.
fn inner_mention(
    mentions: &[Cand],
    span: Span,
    core: &[String],
    ws: &[words::Word],
) -> Option<Cand> {
    let core_end = ws
        .get(core.len().saturating_sub(1))
        .map_or(span.end, |w| w.end);
    let inside = |m: &&Cand| {
        m.start >= span.start && m.end <= span.end && !m.adjective && m.found != Found::Pronoun
    };
    mentions
        .iter()
        .filter(inside)
        .find(|m| m.is_person())
        .or_else(|| {
            mentions
                .iter()
                .filter(inside)
                .filter(|m| m.end <= core_end)
                .filter(|m| m.source_kind != SourceKind::Author)
                .max_by_key(|m| m.end)
        })
        .cloned()
}

/// The kind of source the phrase names, with the reason.
fn classify(
    core: &[String],
    named: Option<&Cand>,
    phrase: &str,
    place: &str,
) -> Option<(SourceKind, String)> {
    let head = core.last()?.trim_end_matches("'s").to_string();
    let prev = core.len().checked_sub(2).map(|i| core[i].as_str());
    let kind = if DOCUMENT_HEADS.contains(&head.as_str()) {
        SourceKind::Document
    } else if MEDIA_HEADS.contains(&head.as_str())
        || head == "agency" && matches!(prev, Some("news" | "press"))
    {
        SourceKind::Media
    } else if ORG_HEADS.contains(&head.as_str()) {
        SourceKind::NamedOrganisation
    } else if let Some(m) = named.filter(|m| m.is_person()) {
        return Some((
            SourceKind::NamedPerson,
            format!("source: '{phrase}' {place}; it names {}", m.name),
        ));
    } else if words::is_role_noun(&head) {
        let indefinite = INDEFINITE.contains(&core[0].as_str()) || head.ends_with('s');
        if indefinite {
            SourceKind::AnonymousOfficials
        } else {
            SourceKind::NamedPerson
        }
    } else if let Some(name) = name_after_role(core, phrase) {
        return Some((
            SourceKind::NamedPerson,
            format!("source: '{phrase}' {place}; the role word before '{name}' makes it a person"),
        ));
    } else if let Some(m) = named {
        m.source_kind
    } else if proper_name(phrase) {
        return Some((
            SourceKind::NamedPerson,
            format!(
                "source: '{phrase}' {place}; a capitalised name not in the knowledge base, taken as a person"
            ),
        ));
    } else {
        return None;
    };
    Some((
        kind,
        format!("source: the phrase '{phrase}' {place}; its head '{head}' makes it {kind}"),
    ))
}

/// One to four capitalised words ("Reynolds", "Ben Carson"), not a
/// sentence-opening common word ("The", "This").
fn proper_name(phrase: &str) -> bool {
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    (1..=4).contains(&ws.len())
        && ws.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
        })
        && !matches!(
            ws[0],
            "The"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "It"
                | "He"
                | "She"
                | "They"
                | "We"
                | "I"
                | "A"
                | "An"
                | "Some"
                | "Many"
                | "Officials"
                | "Police"
        )
}

/// The noun phrase after "according to" when it is no known name ("a new
/// poll", "the ministry's latest tally"), classified by its head.
pub(crate) fn after_preposition(text: &str, from: usize, to: usize) -> Option<SubjectPhrase> {
    let ws = words::words(text, from, to);
    let ws = &ws[..ws.len().min(8)];
    let (first, last) = (ws.first()?, ws.last()?);
    if !text[from..first.start].trim().is_empty() {
        return None;
    }
    let lower: Vec<String> = ws.iter().map(|w| w.text(text).to_lowercase()).collect();
    if lower.iter().any(|w| verbish(w)) {
        return None;
    }
    let span = Span::new(first.start, last.end);
    let phrase = text[span.start..span.end].to_string();
    let core = core_len(&lower);
    let (kind, why) = classify(&lower[..core], None, &phrase, "follows the preposition")?;
    Some(SubjectPhrase {
        span,
        text: phrase,
        kind,
        mention: None,
        why,
    })
}
