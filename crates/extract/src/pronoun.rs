//! Pronouns and "the group": resolved to the person or body named before,
//! in the same sentence first, else in the sentences before.

use claimtrace_model::ActorKind;

use crate::context::DocContext;
use crate::mention::{Cand, Found, overlaps, source_kind_of};
use crate::words::{PRONOUNS_GROUP, PRONOUNS_PERSON, Word};

/// Pronouns and back-referring phrases ("the group") in the sentence
/// `text[from..to]`, each resolved to the person or group named before.
pub(crate) fn pronouns(
    text: &str,
    ws: &[Word],
    from: usize,
    to: usize,
    ctx: &DocContext,
    out: &mut Vec<Cand>,
) {
    for w in ws {
        let Some(a) = antecedent(text, w, ctx, out) else {
            continue;
        };
        if overlaps(out, w.start, w.end) {
            continue;
        }
        out.push(resolved(text, w, &a));
    }
    group_phrases(text, ws, from, to, ctx, out);
}

/// What the word `w` refers back to: for a personal pronoun the nearest
/// person-like mention earlier in the sentence, else the last person of the
/// sentences before; for a group pronoun the last group; else nothing.
fn antecedent(text: &str, w: &Word, ctx: &DocContext, out: &[Cand]) -> Option<Cand> {
    let t = w.text(text);
    let person = PRONOUNS_PERSON.contains(&t);
    let group = PRONOUNS_GROUP.contains(&t) || t.eq_ignore_ascii_case("the group");
    // The nearest person-like mention earlier in the same sentence ("Guterres
    // said through his spokesman", "a resident said she"), else the last one
    // of the sentences before.
    let here = if person { nearest_person(w, out) } else { None };
    let antecedent = if person {
        here.as_ref().or(ctx.last_person.as_ref())
    } else if t.eq_ignore_ascii_case("the group") {
        ctx.last_group.as_ref()
    } else if group {
        ctx.last_body.as_ref()
    } else {
        None
    };
    antecedent.cloned()
}

/// The nearest mention before `w` in this sentence that a personal pronoun
/// may stand for: a person, or an unnamed source in the singular ("a
/// resident"); pronouns already resolved do not count.
fn nearest_person(w: &Word, out: &[Cand]) -> Option<Cand> {
    out.iter()
        .filter(|m| m.end <= w.start && m.found != Found::Pronoun)
        .filter(|m| {
            m.kind == ActorKind::Person
                || m.found == Found::SourceNoun
                    && (m.name.starts_with("a ") || m.name.starts_with("an "))
        })
        .max_by_key(|m| m.end)
        .cloned()
}

/// The pronoun `w` as a mention of its antecedent `a`.
fn resolved(text: &str, w: &Word, a: &Cand) -> Cand {
    let t = w.text(text);
    Cand {
        start: w.start,
        end: w.end,
        text: t.to_string(),
        name: a.name.clone(),
        id: a.id.clone(),
        kind: a.kind,
        guessed: a.guessed,
        role: a.role.clone(),
        role_span: None,
        found: Found::Pronoun,
        adjective: false,
        country: a.country.clone(),
        source_kind: a.source_kind,
        why: format!(
            "pronoun '{t}' resolved to {} (named earlier, at bytes {}..{})",
            a.name, a.start, a.end
        ),
    }
}

/// "the group", "the militants" and the like in the sentence refer back to
/// the last armed group of the document.
fn group_phrases(
    text: &str,
    ws: &[Word],
    from: usize,
    to: usize,
    ctx: &DocContext,
    out: &mut Vec<Cand>,
) {
    let sentence = text.get(from..to).unwrap_or("");
    let lower = sentence.to_lowercase();
    let Some(a) = ctx
        .last_group
        .as_ref()
        .filter(|_| lower.len() == sentence.len())
    else {
        return;
    };
    for pat in [
        "the group",
        "the militants",
        "the insurgents",
        "the movement",
    ] {
        let mut at = 0;
        while let Some(p) = lower.get(at..).and_then(|r| r.find(pat)) {
            let s = from + at + p;
            let e = s + pat.len();
            at += p + pat.len();
            if free_phrase(text, ws, s, e, out) {
                out.push(refers_back(text, s, e, a));
            }
        }
    }
}

/// Whether the phrase at `s..e` lies within the sentence's words, overlaps
/// no mention found so far and ends at a word boundary ("the groups" does
/// not count as "the group").
fn free_phrase(text: &str, ws: &[Word], s: usize, e: usize, out: &[Cand]) -> bool {
    if ws.first().is_none_or(|f| s < f.start)
        || ws.last().is_none_or(|l| e > l.end)
        || overlaps(out, s, e)
    {
        return false;
    }
    !text
        .get(e..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// The phrase at `s..e` as a mention of the group `a`.
fn refers_back(text: &str, s: usize, e: usize, a: &Cand) -> Cand {
    Cand {
        start: s,
        end: e,
        text: text[s..e].to_string(),
        name: a.name.clone(),
        id: a.id.clone(),
        kind: a.kind,
        guessed: a.guessed,
        role: None,
        role_span: None,
        source_kind: source_kind_of(a.kind),
        found: Found::Pronoun,
        adjective: false,
        country: a.country.clone(),
        why: format!("'{}' refers back to {}", &text[s..e], a.name),
    }
}
