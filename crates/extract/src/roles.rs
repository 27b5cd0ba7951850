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
    let cands = in_clause(mentions, from, to, trig, exclude);
    let clause = Clause {
        text,
        to,
        trig,
        strong: parties(&cands, trig, source, source_may_act),
    };
    let mut why = Vec::new();
    let picked = if is_passive(text, from, trig) {
        clause.passive(&mut why)
    } else {
        clause.active(&mut why)
    };
    settle(picked, source, mentions, why)
}

/// Which mentions may fill a role: those inside the clause, outside the
/// `exclude` spans, and not overlapping the trigger.
fn in_clause<'a>(
    mentions: &'a [Cand],
    from: usize,
    to: usize,
    trig: &TriggerHit,
    exclude: &[(usize, usize)],
) -> Vec<&'a Cand> {
    mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .filter(|m| !exclude.iter().any(|&(s, e)| m.start >= s && m.end <= e))
        .filter(|m| !(m.start < trig.end && trig.start < m.end))
        .collect()
}

/// Which candidates are parties to the event: no bare demonyms, no unnamed
/// human sources or documents, and the claim's source only when it may act
/// and no other party stands before the trigger.
fn parties<'a>(
    cands: &[&'a Cand],
    trig: &TriggerHit,
    source: Option<(usize, usize)>,
    source_may_act: bool,
) -> Vec<&'a Cand> {
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
    let others: Vec<&Cand> = strong
        .iter()
        .copied()
        .filter(|m| !is_at(source, m))
        .collect();
    if !source_may_act || others.iter().any(|m| m.end <= trig.start) {
        others
    } else {
        strong
    }
}

/// Whether `m` stands exactly at `span` (the claim's source).
fn is_at(span: Option<(usize, usize)>, m: &Cand) -> bool {
    span.is_some_and(|(s, e)| m.start == s && m.end == e)
}

/// Whether `m` is not right after a locative preposition ("in Kyiv"), which
/// makes it a place rather than a party.
fn not_locative(text: &str, m: &Cand) -> bool {
    prev_word(text, m.start).is_none_or(|w| !LOCATIVE.contains(&w.as_str()))
}

/// The prepositions that introduce the target after a trigger of `kind`.
fn target_preps(kind: ClaimType) -> &'static [&'static str] {
    match kind {
        ClaimType::Attack | ClaimType::Casualties => {
            &["against", "on", "at", "targeting", "among", "of"]
        }
        ClaimType::ArmsTransfer | ClaimType::MilitaryCooperation => &["to", "with", "for", "of"],
        ClaimType::DiplomaticRupture | ClaimType::DiplomaticEngagement => {
            &["with", "to", "between", "of"]
        }
        _ => &["against", "on", "to", "with", "of", "for"],
    }
}

/// The clause a trigger stands in, with the parties that may fill its roles.
struct Clause<'a> {
    text: &'a str,
    to: usize,
    trig: &'a TriggerHit,
    strong: Vec<&'a Cand>,
}

/// The roles picked in a clause, before they are checked against each other
/// and the source.
#[derive(Default)]
struct Picked {
    actor: Option<Cand>,
    target: Option<Cand>,
    /// The target's text widened back to its preposition's phrase
    /// ("targets in Russia").
    target_text: Option<String>,
}

/// The grammatical subject of an active trigger.
#[derive(Clone, Copy)]
struct Subject<'a> {
    cand: &'a Cand,
    /// It is a possessive right before the trigger ("Ukraine’s attack").
    possessor: bool,
}

impl<'a> Clause<'a> {
    /// The trigger as written.
    fn trigger(&self) -> &'a str {
        &self.text[self.trig.start..self.trig.end]
    }

    /// Passive voice: the agent after "by" is the actor, the subject before
    /// the trigger the target.
    fn passive(&self, why: &mut Vec<String>) -> Picked {
        let (text, trig) = (self.text, self.trig);
        let mut picked = Picked::default();
        if let Some(a) = agent_after(text, trig, self.to, &self.strong) {
            why.push(format!(
                "actor: '{}' is the agent after 'by' (passive '{}')",
                a.text,
                &text[trig.start..trig.end]
            ));
            picked.actor = Some(a);
        }
        if let Some(t) = self
            .strong
            .iter()
            .filter(|m| m.end <= trig.start)
            .filter(|m| not_locative(text, m))
            .max_by_key(|m| m.end)
        {
            why.push(format!(
                "target: '{}' is the subject of the passive '{}'",
                t.text,
                &text[trig.start..trig.end]
            ));
            picked.target = Some((*t).clone());
        }
        picked
    }

    /// Active voice: an agent after "by", else the subject, acts; a recipient
    /// subject, a "between" pair or a name after the trigger gives the target.
    fn active(&self, why: &mut Vec<String>) -> Picked {
        let mut picked = Picked::default();
        if let Some(a) = agent_after(self.text, self.trig, self.to, &self.strong) {
            why.push(format!(
                "actor: '{}' follows '{} … by'",
                a.text,
                self.trigger()
            ));
            picked.actor = Some(a);
        }
        let subject = self.subject();
        if let Some(tword) = self.recipient_trigger() {
            self.recipient_roles(&tword, subject, &mut picked, why);
            return picked;
        }
        if picked.actor.is_none()
            && let Some(s) = subject
        {
            let how = if s.possessor {
                "possessor of"
            } else {
                "subject before"
            };
            why.push(format!(
                "actor: '{}' is the {how} the trigger '{}'",
                s.cand.text,
                self.trigger()
            ));
            picked.actor = Some(s.cand.clone());
        }
        if picked.actor.is_none() {
            self.between(&mut picked, why);
        }
        if picked.target.is_none() {
            self.target_after(&mut picked, why);
        }
        picked
    }

    /// The subject of an active trigger: a possessive right before it
    /// ("Ukraine’s June 1st attack"), else the last party before it.
    fn subject(&self) -> Option<Subject<'a>> {
        let text = self.text;
        let before: Vec<&Cand> = self
            .strong
            .iter()
            .copied()
            .filter(|m| m.end <= self.trig.start)
            .filter(|m| not_locative(text, m))
            .collect();
        let possessor = before.iter().rev().find(|m| {
            text.get(m.end..)
                .is_some_and(|r| r.starts_with("’s") || r.starts_with("'s"))
                && text
                    .get(m.end..self.trig.start)
                    .is_some_and(|g| g.split_whitespace().count() <= 4)
        });
        match possessor {
            Some(p) => Some(Subject {
                cand: p,
                possessor: true,
            }),
            None => before.last().map(|&cand| Subject {
                cand,
                possessor: false,
            }),
        }
    }

    /// The lower-case trigger when its subject is the recipient of an arms
    /// transfer ("RSF received drones"), else `None`.
    fn recipient_trigger(&self) -> Option<String> {
        let tword = self.trigger().to_lowercase();
        (self.trig.trigger.claim_type == ClaimType::ArmsTransfer
            && RECIPIENT_SUBJECT.contains(&tword.as_str()))
        .then_some(tword)
    }

    /// A recipient subject is the target; the supplier after "from" is the
    /// actor unless an agent was already found.
    fn recipient_roles(
        &self,
        tword: &str,
        subject: Option<Subject<'_>>,
        picked: &mut Picked,
        why: &mut Vec<String>,
    ) {
        if let Some(s) = subject {
            why.push(format!(
                "target: '{}' is the recipient, subject of '{tword}'",
                s.cand.text
            ));
            picked.target = Some(s.cand.clone());
        }
        if picked.actor.is_none()
            && let Some((m, p)) =
                after_prep(self.text, &["from"], self.trig.end, self.to, &self.strong)
        {
            why.push(format!("actor: '{}' is the supplier after '{p}'", m.text));
            picked.actor = Some(m.clone());
        }
    }

    /// "cooperation between A and B": A is the actor, B the target.
    fn between(&self, picked: &mut Picked, why: &mut Vec<String>) {
        let text = self.text;
        let Some((a, _)) = after_prep(text, &["between"], self.trig.start, self.to, &self.strong)
        else {
            return;
        };
        let b = self.strong.iter().find(|m| {
            m.start > a.end && text.get(a.end..m.start).is_some_and(|g| g.trim() == "and")
        });
        why.push(format!(
            "actor: '{}' is the first party after 'between'",
            a.text
        ));
        picked.actor = Some(a.clone());
        if let Some(b) = b {
            why.push(format!(
                "target: '{}' is the second party after 'between … and'",
                b.text
            ));
            picked.target = Some((*b).clone());
        }
    }

    /// The target after the trigger: the party after a preposition of the
    /// claim type ("attack on X"), else the first name after it that is not
    /// the actor.
    fn target_after(&self, picked: &mut Picked, why: &mut Vec<String>) {
        let (text, trig, to) = (self.text, self.trig, self.to);
        let preps = target_preps(trig.trigger.claim_type);
        if let Some((m, p)) = after_prep(text, preps, trig.end, to, &self.strong) {
            let at = text[trig.end..to]
                .to_lowercase()
                .find(&format!(" {p} "))
                .map(|i| trig.end + i + p.len() + 2);
            if let Some(at) = at.filter(|&a| a < m.start) {
                picked.target_text = text.get(at..m.end).map(str::to_string);
            }
            why.push(format!(
                "target: '{}' follows '{p}' after the trigger",
                m.text
            ));
            picked.target = Some(m.clone());
        } else if let Some(m) = self.strong.iter().find(|m| {
            m.start >= trig.end
                && not_locative(text, m)
                && picked.actor.as_ref().is_none_or(|a| a.start != m.start)
        }) {
            why.push(format!(
                "target: '{}' is the first name after the trigger",
                m.text
            ));
            picked.target = Some((*m).clone());
        }
    }
}

/// The final roles: a target that is also the actor or the claim's source
/// is dropped, the target takes its widened text, and each role's own
/// recognition reason is added to `why`.
fn settle(
    picked: Picked,
    source: Option<(usize, usize)>,
    mentions: &[Cand],
    mut why: Vec<String>,
) -> Roles {
    let Picked {
        actor,
        mut target,
        target_text,
    } = picked;
    if let (Some(a), Some(t)) = (&actor, &target)
        && a.start == t.start
    {
        target = None;
    }
    if target.as_ref().is_some_and(|t| is_at(source, t)) {
        target = None;
    }
    let target_mention = target.map(|t| widened(t.to_mention(), target_text));
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

/// The target mention with its text (and span start) widened to `text`
/// when a preposition's phrase was kept.
fn widened(mut tm: Mention, text: Option<String>) -> Mention {
    if let Some(tt) = text {
        if let Some(span) = tm.span {
            let start = span.end - tt.len();
            tm.span = Some(claimtrace_model::Span::new(start, span.end));
        }
        tm.text = tt;
    }
    tm
}
