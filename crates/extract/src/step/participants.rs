//! Step 6: actor and target: the roles around the trigger, then the
//! antecedent of a relative clause, a place struck, roles carried from an
//! earlier claim about the same event, and a statement's speaker.

use claimtrace_model::{ActorKind, Claim, ClaimType, Mention, Source, SourceKind};

use crate::attribution::Attribution;
use crate::cue::{CueKind, CueRole};
use crate::mention::{Cand, Found};
use crate::roles;
use crate::trigger::TriggerHit;
use crate::type_rules::anaphoric;

use super::{Scope, Unit};

/// The actor and target of a claim.
#[derive(Debug, Default)]
pub(crate) struct Participants {
    pub actor: Option<Mention>,
    pub target: Option<Mention>,
}

/// Decide actor and target of `unit`, a claim of `claim_type` told by
/// `source`; `earlier` are the document's claims so far.
pub(crate) fn decide(
    sc: &Scope,
    unit: &Unit,
    attr: Option<&Attribution>,
    (claim_type, source): (ClaimType, &Source),
    earlier: &[Claim],
    why: &mut Vec<String>,
) -> Participants {
    let mut p = around_trigger(sc, unit, attr, why);
    if let Some(t) = &unit.trigger {
        relative_antecedent(sc, unit, t, &mut p, why);
        if claim_type == ClaimType::Attack {
            place_struck(sc, unit, t, &mut p, why);
        }
        carried_from_earlier(sc, unit, t, claim_type, earlier, &mut p, why);
    }
    if p.actor.is_none()
        && claim_type == ClaimType::StatementOrAcknowledgement
        && source.kind != SourceKind::Author
    {
        p.actor = attr.and_then(|a| a.mention.as_ref()).map(Cand::to_mention);
        if p.actor.is_some() {
            why.push(format!(
                "actor: the speaker {} (a statement's actor is its speaker)",
                source.name
            ));
        }
    }
    keep_parties(sc, &mut p, why);
    if p.target.is_none()
        && let Some(t) = &unit.trigger
        && matches!(claim_type, ClaimType::Attack | ClaimType::Casualties)
    {
        p.target = phrase_target(sc, unit, t, why);
    }
    p
}

/// Words that end a noun phrase taken as a target.
const PHRASE_STOPS: &[&str] = &[
    "on",
    "with",
    "after",
    "before",
    "during",
    "as",
    "and",
    "when",
    "while",
    "in",
    "at",
    "near",
    "from",
    "by",
    "into",
    "across",
    "since",
    "until",
    "killing",
    "wounding",
    "injuring",
    "leaving",
    "that",
    "which",
    "who",
    "overnight",
    "yesterday",
    "today",
    "early",
    "late",
];

/// No named target: the phrase the trigger acts on ("struck the consulate
/// annex", "a seven-year-old girl was wounded"), kept as written and
/// marked guessed.
fn phrase_target(
    sc: &Scope,
    unit: &Unit,
    t: &TriggerHit,
    why: &mut Vec<String>,
) -> Option<Mention> {
    let text = sc.text;
    let before = text.get(unit.start..t.start).unwrap_or("");
    let be_at = before
        .split_whitespace()
        .rev()
        .take(3)
        .position(|w| matches!(w, "was" | "were" | "been" | "is" | "are"));
    let (start, end) = if let Some(back) = be_at {
        let cut = before
            .split_whitespace()
            .rev()
            .nth(back)
            .and_then(|w| before.rfind(w))
            .map_or(t.start, |i| unit.start + i);
        subject_before(text, unit.start, cut)?
    } else {
        object_after(text, t.end, unit.end)?
    };
    let phrase = text.get(start..end)?.trim();
    if phrase.is_empty() || phrase.split_whitespace().count() > 8 {
        return None;
    }
    why.push(format!(
        "target: '{phrase}', the phrase '{}' acts on (no named target; guessed)",
        &text[t.start..t.end]
    ));
    Some(Mention {
        text: phrase.to_string(),
        name: phrase.to_string(),
        id: None,
        kind: ActorKind::Unknown,
        span: Some(claimtrace_model::Span::new(start, start + phrase.len())),
        guessed: true,
        role: None,
    })
}

/// The noun phrase right after an active verb, up to a preposition,
/// conjunction or punctuation.
fn object_after(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..to)?;
    let (mut start, mut end, mut pos) = (None, 0, 0);
    for w in rest.split_inclusive(char::is_whitespace) {
        let at = pos;
        pos += w.len();
        let word = w.trim_end();
        if word.is_empty() {
            continue;
        }
        let bare = word.trim_end_matches([',', ';', '.', ':', '—', '"', '”', ')']);
        if bare.is_empty() || PHRASE_STOPS.contains(&bare.to_lowercase().as_str()) {
            break;
        }
        start.get_or_insert(at);
        end = at + bare.len();
        if bare.len() != word.len() {
            break;
        }
    }
    start.map(|s| (from + s, from + end))
}

/// The subject phrase before a passive "was/were …": from the clause
/// start or the last comma.
fn subject_before(text: &str, from: usize, verb: usize) -> Option<(usize, usize)> {
    let head = text.get(from..verb)?;
    let head = head.trim_end();
    let head = head
        .strip_suffix("have")
        .or_else(|| head.strip_suffix("has"))
        .or_else(|| head.strip_suffix("had"))
        .unwrap_or(head)
        .trim_end();
    let start = head.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let phrase = &head[start..];
    let lead = phrase.len() - phrase.trim_start().len();
    let s = from + start + lead;
    let e = from + head.len();
    (e > s).then_some((s, e))
}

/// What cannot be a party to an event: a weapon ("Bayraktar TB2"), a war
/// ("the Second Karabakh War"), a day or month, a generic noun ("a
/// spokesman"), or the actor again as its own target.
fn keep_parties(sc: &Scope, p: &mut Participants, why: &mut Vec<String>) {
    for (role, slot) in [("actor", &mut p.actor), ("target", &mut p.target)] {
        if let Some(m) = slot.as_ref()
            && let Some(reason) = not_a_party(sc, m)
        {
            why.push(format!("{role}: '{}' dropped: {reason}", m.text));
            *slot = None;
        }
    }
    if let (Some(a), Some(t)) = (&p.actor, &p.target)
        && a.name == t.name
    {
        why.push(format!(
            "target: '{}' dropped: it is the actor itself",
            t.text
        ));
        p.target = None;
    }
}

/// Why a mention is no party to an event, if it is none.
fn not_a_party(sc: &Scope, m: &Mention) -> Option<&'static str> {
    let span = m.span?;
    let overlaps = |s: usize, e: usize| s < span.end && span.start < e;
    if sc
        .facts
        .weapons
        .iter()
        .any(|w| overlaps(w.span.start, w.span.end))
        && m.kind != ActorKind::Location
    {
        return Some("a weapon, not a party");
    }
    let last = m.name.rsplit(' ').next().unwrap_or("").to_lowercase();
    if matches!(
        last.as_str(),
        "war" | "wars" | "conflict" | "crisis" | "offensive"
    ) {
        return Some("a war or crisis, not a party");
    }
    if is_calendar_word(&m.text) {
        return Some("a date, not a party");
    }
    let generic = sc
        .mentions
        .iter()
        .any(|c| c.start == span.start && c.end == span.end && c.found == Found::SourceNoun)
        && starts_indefinite(&m.text);
    generic.then_some("a generic noun, not a named party")
}

/// A day, a month or a date written in words and digits ("June 24").
fn is_calendar_word(text: &str) -> bool {
    text.split_whitespace()
        .all(|w| claimtrace_temporal::is_calendar_word(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// "a spokesman", "one official", "sources": a noun that names nobody.
fn starts_indefinite(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "a" | "an"
            | "one"
            | "some"
            | "several"
            | "sources"
            | "officials"
            | "residents"
            | "witnesses"
    )
}

/// The roles the trigger's grammar gives, never the source's own mention
/// unless the cue speaks of the source's own act.
fn around_trigger(
    sc: &Scope,
    unit: &Unit,
    attr: Option<&Attribution>,
    why: &mut Vec<String>,
) -> Participants {
    let Some(t) = &unit.trigger else {
        return Participants::default();
    };
    let mut exclude: Vec<(usize, usize)> = sc.mentions.iter().filter_map(|m| m.role_span).collect();
    if let Some(a) = attr
        && let Some(m) = &a.mention
        && (a.cue.cue.role == CueRole::Prep || a.trailing)
    {
        exclude.push((m.start, m.end));
    }
    let src = attr
        .and_then(|a| a.mention.as_ref())
        .map(|m| (m.start, m.end));
    let own_act = attr.is_some_and(|a| own_act(sc.text, a));
    let r = roles::find(
        sc.text,
        unit.start,
        unit.end,
        t,
        sc.mentions,
        &exclude,
        src,
        own_act,
    );
    why.extend(r.why);
    Participants {
        actor: r.actor,
        target: r.target,
    }
}

/// "Kyiv denied supplying", "X admitted", "claimed responsibility": the
/// cue speaks of the source's own act.
fn own_act(text: &str, a: &Attribution) -> bool {
    let cue = text[a.cue.start..a.cue.end].to_lowercase();
    a.cue.cue.kind == CueKind::Denial
        || [
            "acknowledg",
            "admit",
            "claimed responsibility",
            "confirm",
            "announc",
        ]
        .iter()
        .any(|p| cue.starts_with(p))
}

/// A relative clause or apposition (", which has…", "—a group affiliated
/// with…") is about the name right before it.
fn relative_antecedent(
    sc: &Scope,
    unit: &Unit,
    t: &TriggerHit,
    p: &mut Participants,
    why: &mut Vec<String>,
) {
    let head = sc.text.get(unit.start..unit.end).unwrap_or("");
    let relative = [", which ", ", who ", "—", " — ", " – "]
        .iter()
        .any(|m| head.starts_with(m));
    let passive = sc
        .text
        .get(unit.start..t.start)
        .unwrap_or("")
        .split_whitespace()
        .any(|w| matches!(w, "was" | "were" | "been" | "being"));
    if !relative || passive {
        return;
    }
    let Some(a) = sc
        .mentions
        .iter()
        .filter(|m| !m.adjective && m.end <= unit.start && m.found != Found::SourceNoun)
        .max_by_key(|m| m.end)
    else {
        return;
    };
    why.push(format!(
        "actor: '{}' is the antecedent of the relative clause or apposition",
        a.text
    ));
    if p.target.as_ref().is_some_and(|t| t.span == Some(a.span())) {
        p.target = None;
    }
    p.actor = Some(a.to_mention());
}

/// "struck Kharkiv": a place right after an attack word is its target.
fn place_struck(
    sc: &Scope,
    unit: &Unit,
    t: &TriggerHit,
    p: &mut Participants,
    why: &mut Vec<String>,
) {
    if p.target.is_some() {
        return;
    }
    let Some(pl) = sc.facts.places.iter().find(|pl| {
        pl.span.start >= t.end
            && pl.span.end <= unit.end
            && sc
                .text
                .get(t.end..pl.span.start)
                .is_some_and(|g| g.trim().is_empty() || g.trim() == "the")
    }) else {
        return;
    };
    why.push(format!(
        "target: the place '{}' is the object of '{}'",
        pl.place.text,
        &sc.text[t.start..t.end]
    ));
    p.target = Some(Mention {
        text: pl.place.text.clone(),
        name: pl.place.name.clone(),
        id: pl.place.geonameid.map(|g| format!("geonames:{g}")),
        kind: ActorKind::Location,
        span: Some(pl.span),
        guessed: false,
        role: None,
    });
}

/// "the strike", "the same attack": with no roles of its own, a claim
/// referring back takes those of a recent claim of its type.
fn carried_from_earlier(
    sc: &Scope,
    unit: &Unit,
    t: &TriggerHit,
    claim_type: ClaimType,
    earlier: &[Claim],
    p: &mut Participants,
    why: &mut Vec<String>,
) {
    if p.actor.is_some() || p.target.is_some() {
        return;
    }
    let index = sc.sentence.index;
    let Some(prev) = earlier.iter().rev().take(4).find(|c| {
        c.claim_type == claim_type && c.doc == sc.doc.id && c.sentence_index + 3 >= index
    }) else {
        return;
    };
    if !anaphoric(sc.text, unit.start, t.start, t.end) {
        return;
    }
    let unplaced = |m: &Option<Mention>| {
        m.clone().map(|mut m| {
            m.span = None;
            m
        })
    };
    p.actor = unplaced(&prev.actor);
    p.target = unplaced(&prev.target);
    why.push(format!(
        "actor and target carried from claim {} ('{}' refers back to the same {})",
        prev.id,
        &sc.text[t.start..t.end],
        claim_type
    ));
}
