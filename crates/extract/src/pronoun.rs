//! Pronouns and "the group": resolved to the person or body named before,
//! in the same sentence first, else in the sentences before.

use claimtrace_model::ActorKind;

use crate::context::DocContext;
use crate::mention::{Cand, Found, overlaps, source_kind_of};
use crate::words::{PRONOUNS_GROUP, PRONOUNS_PERSON, Word};

pub(crate) fn pronouns(
    text: &str,
    ws: &[Word],
    from: usize,
    to: usize,
    ctx: &DocContext,
    out: &mut Vec<Cand>,
) {
    for w in ws {
        let t = w.text(text);
        let person = PRONOUNS_PERSON.contains(&t);
        let group = PRONOUNS_GROUP.contains(&t) || t.eq_ignore_ascii_case("the group");
        // The nearest person-like mention earlier in the same sentence ("Guterres
        // said through his spokesman", "a resident said she"), else the last one
        // of the sentences before.
        let here = if person {
            out.iter()
                .filter(|m| m.end <= w.start && m.found != Found::Pronoun)
                .filter(|m| {
                    m.kind == ActorKind::Person
                        || m.found == Found::SourceNoun
                            && (m.name.starts_with("a ") || m.name.starts_with("an "))
                })
                .max_by_key(|m| m.end)
                .cloned()
        } else {
            None
        };
        let antecedent = if person {
            here.as_ref().or(ctx.last_person.as_ref())
        } else if group {
            ctx.last_group.as_ref()
        } else {
            None
        };
        let Some(a) = antecedent.cloned() else {
            continue;
        };
        let a = &a;
        if overlaps(out, w.start, w.end) {
            continue;
        }
        out.push(Cand {
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
        });
    }
    // "the group" refers back to the last armed group.
    let sentence = text.get(from..to).unwrap_or("");
    let lower = sentence.to_lowercase();
    if let Some(a) = ctx
        .last_group
        .as_ref()
        .filter(|_| lower.len() == sentence.len())
    {
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
                if ws.first().is_none_or(|f| s < f.start)
                    || ws.last().is_none_or(|l| e > l.end)
                    || overlaps(out, s, e)
                {
                    continue;
                }
                if text
                    .get(e..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                out.push(Cand {
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
                });
            }
        }
    }
}
