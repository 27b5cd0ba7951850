//! Who did it and to whom: `actor` and `target` of a claim from the
//! mentions around its trigger, in active and passive voice.

use claimtrace_model::{ClaimType, Mention};

use claimtrace_model::SourceKind;

use crate::mention::{Cand, Found};
use crate::trigger::TriggerHit;
use crate::words::{self, BE_FORMS};

/// Locative prepositions: a name after them is a place, not an actor.
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "outside", "inside", "across", "around", "over", "from", "into", "of",
    "among",
];

/// Triggers whose grammatical subject is the recipient ("RSF received drones").
const RECIPIENT_SUBJECT: &[&str] = &[
    "received",
    "obtained",
    "acquired",
    "bought",
    "purchased",
    "purchase",
    "purchases",
    "imported",
];

pub(crate) struct Roles {
    pub actor: Option<Mention>,
    pub target: Option<Mention>,
    pub why: Vec<String>,
}

fn prev_word(text: &str, pos: usize) -> Option<String> {
    words::word_before(text, pos).map(|w| w.text(text).to_lowercase())
}

fn is_passive(text: &str, from: usize, trig: &TriggerHit) -> bool {
    let t = &text[trig.start..trig.end];
    let participle = t.ends_with("ed")
        || [
            "shot down",
            "struck",
            "hit",
            "shot",
            "sent",
            "sold",
            "fought",
            "overrun",
        ]
        .contains(&t);
    if !participle {
        return false;
    }
    let ws = words::words(text, from, trig.start);
    ws.iter()
        .rev()
        .take(3)
        .any(|w| BE_FORMS.contains(&w.text(text)))
}

/// The mention after "by" following the trigger, if within a few words.
fn agent_after(text: &str, trig: &TriggerHit, to: usize, cands: &[&Cand]) -> Option<Cand> {
    let rest = text.get(trig.end..to)?;
    let by = rest.find(" by ")?;
    if rest[..by].split_whitespace().count() > 4 {
        return None;
    }
    let at = trig.end + by + 4;
    cands
        .iter()
        .find(|m| m.start >= at && m.start <= at + 12)
        .map(|m| (*m).clone())
}

fn after_prep<'a>(
    text: &str,
    preps: &[&str],
    start: usize,
    to: usize,
    cands: &[&'a Cand],
) -> Option<(&'a Cand, String)> {
    let rest = text.get(start..to)?;
    let lower = rest.to_lowercase();
    for p in preps {
        let pat = format!(" {p} ");
        if let Some(i) = lower.find(&pat).filter(|_| lower.len() == rest.len()) {
            let at = start + i + pat.len();
            if let Some(m) = cands.iter().find(|m| m.start >= at && m.start <= at + 40) {
                // Only a short noun phrase may stand between ("targets in Russia").
                if text
                    .get(at..m.start)
                    .is_some_and(|g| g.split_whitespace().count() <= 3)
                {
                    return Some((m, p.to_string()));
                }
            }
        }
    }
    None
}

/// Actor and target of the claim triggered by `trig` in clause `from..to`.
/// `source` is the span of the claim's source: it is never the target, and
/// the actor only when `source_may_act` (the cue speaks of the source's own
/// act: "Kyiv denied supplying", "X admitted") and no other party is named.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find(
    text: &str,
    from: usize,
    to: usize,
    trig: &TriggerHit,
    mentions: &[Cand],
    exclude: &[(usize, usize)],
    source: Option<(usize, usize)>,
    source_may_act: bool,
) -> Roles {
    let mut why = Vec::new();
    let cands: Vec<&Cand> = mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .filter(|m| !exclude.iter().any(|&(s, e)| m.start >= s && m.end <= e))
        .filter(|m| !(m.start < trig.end && trig.start < m.end))
        .collect();
    // Unnamed human sources ("officials", "witnesses") and documents say
    // things; they are not parties to the event.
    let strong: Vec<&Cand> = cands
        .iter()
        .copied()
        .filter(|m| !m.adjective)
        .filter(|m| {
            m.found != Found::SourceNoun
                || matches!(
                    m.source_kind,
                    SourceKind::NamedOrganisation | SourceKind::Media
                )
        })
        .collect();
    let is_source = |m: &Cand| source.is_some_and(|(s, e)| m.start == s && m.end == e);
    let others: Vec<&Cand> = strong.iter().copied().filter(|m| !is_source(m)).collect();
    let strong: Vec<&Cand> = if !source_may_act || others.iter().any(|m| m.end <= trig.start) {
        others
    } else {
        strong
    };
    let kind = trig.trigger.claim_type;
    let tword = text[trig.start..trig.end].to_lowercase();
    let not_locative =
        |m: &&Cand| prev_word(text, m.start).is_none_or(|w| !LOCATIVE.contains(&w.as_str()));

    let mut actor: Option<Cand> = None;
    let mut target: Option<Cand> = None;
    let mut target_text: Option<String> = None;

    if is_passive(text, from, trig) {
        if let Some(a) = agent_after(text, trig, to, &strong) {
            why.push(format!(
                "actor: '{}' is the agent after 'by' (passive '{}')",
                a.text,
                &text[trig.start..trig.end]
            ));
            actor = Some(a);
        }
        if let Some(t) = strong
            .iter()
            .filter(|m| m.end <= trig.start)
            .filter(|m| not_locative(m))
            .max_by_key(|m| m.end)
        {
            why.push(format!(
                "target: '{}' is the subject of the passive '{}'",
                t.text,
                &text[trig.start..trig.end]
            ));
            target = Some((*t).clone());
        }
    } else {
        if let Some(a) = agent_after(text, trig, to, &strong) {
            why.push(format!(
                "actor: '{}' follows '{} … by'",
                a.text,
                &text[trig.start..trig.end]
            ));
            actor = Some(a);
        }
        let before: Vec<&Cand> = strong
            .iter()
            .copied()
            .filter(|m| m.end <= trig.start)
            .filter(not_locative)
            .collect();
        // A possessive right before the trigger phrase: "Ukraine’s June 1st attack".
        let possessor = before.iter().rev().find(|m| {
            text.get(m.end..)
                .is_some_and(|r| r.starts_with("’s") || r.starts_with("'s"))
                && text
                    .get(m.end..trig.start)
                    .is_some_and(|g| g.split_whitespace().count() <= 4)
        });
        let subject = possessor.copied().or_else(|| before.last().copied());
        let recipient_subject =
            kind == ClaimType::ArmsTransfer && RECIPIENT_SUBJECT.contains(&tword.as_str());
        if recipient_subject {
            if let Some(s) = subject {
                why.push(format!(
                    "target: '{}' is the recipient, subject of '{tword}'",
                    s.text
                ));
                target = Some(s.clone());
            }
            if actor.is_none()
                && let Some((m, p)) = after_prep(text, &["from"], trig.end, to, &strong)
            {
                why.push(format!("actor: '{}' is the supplier after '{p}'", m.text));
                actor = Some(m.clone());
            }
        } else if actor.is_none()
            && let Some(s) = subject
        {
            let how = if possessor.is_some() {
                "possessor of"
            } else {
                "subject before"
            };
            why.push(format!(
                "actor: '{}' is the {how} the trigger '{}'",
                s.text,
                &text[trig.start..trig.end]
            ));
            actor = Some(s.clone());
        }
        if !recipient_subject {
            // "cooperation between A and B"
            if actor.is_none()
                && let Some((a, _)) = after_prep(text, &["between"], trig.start, to, &strong)
            {
                let b = strong.iter().find(|m| {
                    m.start > a.end && text.get(a.end..m.start).is_some_and(|g| g.trim() == "and")
                });
                why.push(format!(
                    "actor: '{}' is the first party after 'between'",
                    a.text
                ));
                actor = Some(a.clone());
                if let Some(b) = b {
                    why.push(format!(
                        "target: '{}' is the second party after 'between … and'",
                        b.text
                    ));
                    target = Some((*b).clone());
                }
            }
            if target.is_none() {
                let preps: &[&str] = match kind {
                    ClaimType::Attack | ClaimType::Casualties => {
                        &["against", "on", "at", "targeting", "among", "of"]
                    }
                    ClaimType::ArmsTransfer | ClaimType::MilitaryCooperation => {
                        &["to", "with", "for", "of"]
                    }
                    ClaimType::DiplomaticRupture | ClaimType::DiplomaticEngagement => {
                        &["with", "to", "between", "of"]
                    }
                    _ => &["against", "on", "to", "with", "of", "for"],
                };
                if let Some((m, p)) = after_prep(text, preps, trig.end, to, &strong) {
                    let at = text[trig.end..to]
                        .to_lowercase()
                        .find(&format!(" {p} "))
                        .map(|i| trig.end + i + p.len() + 2);
                    if let Some(at) = at.filter(|&a| a < m.start) {
                        target_text = text.get(at..m.end).map(str::to_string);
                    }
                    why.push(format!(
                        "target: '{}' follows '{p}' after the trigger",
                        m.text
                    ));
                    target = Some(m.clone());
                } else if let Some(m) = strong.iter().find(|m| {
                    m.start >= trig.end
                        && not_locative(m)
                        && actor.as_ref().is_none_or(|a| a.start != m.start)
                }) {
                    why.push(format!(
                        "target: '{}' is the first name after the trigger",
                        m.text
                    ));
                    target = Some((*m).clone());
                }
            }
        }
    }
    if let (Some(a), Some(t)) = (&actor, &target)
        && a.start == t.start
    {
        target = None;
    }
    if target.as_ref().is_some_and(is_source) {
        target = None;
    }
    let mut target_mention = target.map(|t| t.to_mention());
    if let (Some(tm), Some(tt)) = (target_mention.as_mut(), target_text) {
        if let Some(span) = tm.span {
            let start = span.end - tt.len();
            tm.span = Some(claimtrace_model::Span::new(start, span.end));
        }
        tm.text = tt;
    }
    if let Some(a) = &actor {
        why.push(format!("actor {}: {}", a.name, a.why));
    }
    if let Some(t) = &target_mention {
        why.push(format!(
            "target {}: {}",
            t.name,
            mentions
                .iter()
                .find(|m| m.span() == t.span.unwrap_or_default()
                    || Some(m.end) == t.span.map(|s| s.end))
                .map_or("", |m| m.why.as_str())
        ));
    }
    Roles {
        actor: actor.map(|a| a.to_mention()),
        target: target_mention,
        why,
    }
}
