//! Building the [`Event`] view of a group of member claims: origins,
//! firmness spread, earliest report, place, level and contradictions.

use std::collections::BTreeMap;

use claimtrace_model::{
    ClaimType, CorroborationLevel, EarliestReport, Epistemic, Event, EventClaim, EventPlace,
    Origin, ProfileCount, SourceKind,
};

use crate::contradiction::{Side, contradictions};
use crate::features::{ClaimFeatures, Family, Vocab, day_string};
use crate::origin::normalise_name;
use crate::sorted_ids::jaccard;

/// What event building needs to know of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMeta {
    pub id: String,
    pub outlet: Option<String>,
    /// Publication date or date-time, ISO 8601.
    pub published: Option<String>,
    /// Id of the document's copy group (its root document's id).
    pub copy_group: String,
    /// Outlet of the copy group's root.
    pub group_outlet: Option<String>,
}

/// The origin key and label of a member (step 3 of `origin_key` when the
/// attribution names nobody).
pub fn resolve_origin(c: &ClaimFeatures, doc: &DocMeta, vocab: &Vocab) -> (String, String) {
    if let Some(k) = c.named_origin {
        let label = c
            .named_origin_label
            .map(|l| vocab.get(l))
            .unwrap_or_else(|| vocab.get(k));
        return (vocab.get(k).to_string(), label.to_string());
    }
    match doc
        .group_outlet
        .as_deref()
        .filter(|o| !normalise_name(o).is_empty())
    {
        Some(o) => (format!("name:{}", normalise_name(o)), o.to_string()),
        None => (format!("doc:{}", doc.copy_group), doc.copy_group.clone()),
    }
}

/// Content-word Jaccard at or above which a claim of a copied document is
/// the copy of a claim of another document of its group (light edits).
const COPIED_CLAIM_JACCARD: f64 = 0.5;

/// The origins of an event's members: [`resolve_origin`] per member, then
///
/// 1. a claim of a copy (a document of a copy group that is not the one
///    the claim came from first) rests on the origin of the claim it copies
///    — the same sentence, lightly edited, in another document of its group,
///    the group's root document first — so a copy that respells a name
///    ("Zelenskiy" → "Zelensky") adds no origin;
/// 2. a person named in two spellings ("Tayyip Erdogan", "Recep Tayyip
///    Erdoğan") is one origin, keyed as first seen.
pub fn resolve_origins(
    members: &[(&ClaimFeatures, &DocMeta)],
    vocab: &Vocab,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = members
        .iter()
        .map(|(c, d)| resolve_origin(c, d, vocab))
        .collect();
    // 1. copies: root documents' claims first, then the rest in order.
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|i| (members[*i].1.id != members[*i].1.copy_group, *i));
    let mut originals: Vec<usize> = Vec::new();
    for i in order {
        let (c, d) = members[i];
        let copied = originals.iter().copied().find(|j| {
            let (o, od) = members[*j];
            od.copy_group == d.copy_group
                && od.id != d.id
                && jaccard(&c.tokens, &o.tokens) >= COPIED_CLAIM_JACCARD
        });
        match copied {
            Some(j) => out[i] = out[j].clone(),
            None => originals.push(i),
        }
    }
    // 2. spellings of one person.
    let mut persons: Vec<(String, String)> = Vec::new();
    for (i, (c, _)) in members.iter().enumerate() {
        if c.source_kind != SourceKind::NamedPerson || c.named_origin.is_none() {
            continue;
        }
        let Some(name) = out[i].0.strip_prefix("name:") else {
            continue;
        };
        match persons.iter().find(|(k, _)| {
            k.strip_prefix("name:")
                .is_some_and(|n| same_person(n, name))
        }) {
            Some(first) => out[i] = first.clone(),
            None => persons.push(out[i].clone()),
        }
    }
    out
}

/// Latin letters without their diacritics, for comparing spellings.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c => c,
        })
        .collect()
}

/// One word spelt two ways: equal, or (both of 5 letters or more) one
/// letter added, dropped or changed ("zelenskiy", "zelensky", "zelenskyy").
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Two normalised person names for one person: the shorter name's words end
/// the longer one's, word by word spelt alike ("tayyip erdogan" within
/// "recep tayyip erdoğan"; "volodymyr zelensky" and "volodymyr zelenskiy").
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() || short.iter().all(|w| w.is_empty()) {
        return false;
    }
    let offset = long.len() - short.len();
    short
        .iter()
        .zip(&long[offset..])
        .all(|(x, y)| same_word(x, y))
}

fn firmness_rank(e: Epistemic) -> u8 {
    match e {
        Epistemic::Asserted => 0,
        Epistemic::Reported => 1,
        Epistemic::Hedged => 2,
        Epistemic::Denied => 3,
        Epistemic::Opinion => 4,
    }
}

fn counts<T: Ord + Copy>(
    items: impl Iterator<Item = T>,
    label: impl Fn(T) -> &'static str,
) -> Vec<ProfileCount> {
    let mut m: BTreeMap<T, usize> = BTreeMap::new();
    let mut n = 0;
    for i in items {
        *m.entry(i).or_default() += 1;
        n += 1;
    }
    m.into_iter()
        .map(|(k, c)| ProfileCount {
            label: label(k).to_string(),
            count: c,
            share: c as f64 / n.max(1) as f64,
        })
        .collect()
}

fn most_common<T: Ord + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut m: BTreeMap<T, (usize, usize)> = BTreeMap::new();
    for (i, x) in items.enumerate() {
        let e = m.entry(x).or_insert((0, i));
        e.0 += 1;
    }
    // most frequent; among equals the first seen
    m.into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(k, _)| k)
}

/// A member claim with its document.
type Member<'a> = (&'a ClaimFeatures, &'a DocMeta);

/// The event of `members` (claims in joining order with their documents).
pub fn build_event(members: &[Member<'_>], vocab: &Vocab) -> Option<Event> {
    let (first, _) = members.first()?;
    let origins_of = resolve_origins(members, vocab);
    let sides: Vec<Side<'_>> = members
        .iter()
        .zip(&origins_of)
        .map(|((c, _), (o, _))| Side {
            claim: c,
            origin: o.as_str(),
        })
        .collect();
    let (contradictions, contradicted) = contradictions(&sides, vocab);
    let origins = event_origins(members, &origins_of);
    let independent_origins = origins.iter().filter(|o| !o.denies).count();
    let claims = event_claims(members, &origins_of, &contradicted);
    let event_type = event_type(members);
    let (date_start, date_end) = happening_days(members);
    let place = event_place(members, vocab);
    let actors = names(members, vocab, |c| c.actor_label);
    let targets = names(members, vocab, |c| c.target_label);
    let level = if contradictions.iter().any(|c| c.a_origin != c.b_origin) {
        CorroborationLevel::Contested
    } else if independent_origins >= 2 {
        CorroborationLevel::Corroborated
    } else {
        CorroborationLevel::SingleSource
    };
    let label = event_label(event_type, &actors, &targets, place.as_ref(), date_start);
    Some(Event {
        id: format!("ev:{}", first.claim),
        event_type,
        label,
        summary: summary(members),
        source_kinds: counts(
            members.iter().map(|(c, _)| c.source_kind),
            |k: SourceKind| k.as_str(),
        ),
        firmness: counts(members.iter().map(|(c, _)| c.epistemic), |e: Epistemic| {
            e.as_str()
        }),
        claims,
        documents: documents(members),
        origins,
        independent_origins,
        earliest: earliest_report(members),
        date_start: date_start.map(day_string),
        date_end: date_end.map(day_string),
        place,
        actors,
        targets,
        level,
        contradictions,
    })
}

/// The event's origins (`origins_of` gives each member's key and label),
/// most claims first, then by key. An origin `denies` when all its claims
/// are denials.
fn event_origins(members: &[Member<'_>], origins_of: &[(String, String)]) -> Vec<Origin> {
    let mut origins: Vec<Origin> = Vec::new();
    for ((c, d), (key, label)) in members.iter().zip(origins_of) {
        let i = match origins.iter().position(|o| &o.key == key) {
            Some(i) => i,
            None => {
                origins.push(Origin {
                    key: key.clone(),
                    label: label.clone(),
                    claims: 0,
                    documents: Vec::new(),
                    source_kinds: Vec::new(),
                    denies: true,
                });
                origins.len() - 1
            }
        };
        let o = &mut origins[i];
        o.claims += 1;
        if !o.documents.contains(&d.id) {
            o.documents.push(d.id.clone());
        }
        if !o.source_kinds.contains(&c.source_kind) {
            o.source_kinds.push(c.source_kind);
        }
        o.denies &= c.epistemic == Epistemic::Denied;
    }
    origins.sort_by(|a, b| b.claims.cmp(&a.claims).then(a.key.cmp(&b.key)));
    origins
}

/// The member claims as the event lists them, in joining order.
fn event_claims(
    members: &[Member<'_>],
    origins_of: &[(String, String)],
    contradicted: &[bool],
) -> Vec<EventClaim> {
    // Origins per stance (asserting vs denying): a claim is corroborated when
    // its stance has another origin besides its own.
    let mut stance_origins: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
    for ((c, _), (key, _)) in members.iter().zip(origins_of) {
        let s = &mut stance_origins[usize::from(c.epistemic == Epistemic::Denied)];
        if !s.contains(&key.as_str()) {
            s.push(key);
        }
    }
    members
        .iter()
        .zip(origins_of)
        .zip(contradicted)
        .map(|(((c, d), (key, _)), contra)| {
            let corroborated =
                stance_origins[usize::from(c.epistemic == Epistemic::Denied)].len() >= 2;
            EventClaim {
                claim: c.claim.to_string(),
                doc: d.id.clone(),
                origin: key.clone(),
                epistemic: c.epistemic,
                corroborated,
                contradicted: *contra,
            }
        })
        .collect()
}

/// The members' documents, each once, in joining order.
fn documents(members: &[Member<'_>]) -> Vec<String> {
    let mut documents: Vec<String> = Vec::new();
    for (_, d) in members {
        if !documents.contains(&d.id) {
            documents.push(d.id.clone());
        }
    }
    documents
}

/// The most common claim type among members of a closed family (else among
/// all members).
fn event_type(members: &[Member<'_>]) -> ClaimType {
    most_common(
        members
            .iter()
            .filter(|(c, _)| c.family != Family::Open)
            .map(|(c, _)| c.claim_type),
    )
    .or_else(|| most_common(members.iter().map(|(c, _)| c.claim_type)))
    .unwrap_or(ClaimType::Other)
}

/// The member of the earliest published document (undated ones last).
fn earliest_report(members: &[Member<'_>]) -> Option<EarliestReport> {
    members
        .iter()
        .enumerate()
        .min_by_key(|(i, (_, d))| {
            (
                crate::copy_groups::root_order(d.published.as_deref(), &d.id).0,
                d.published.clone().is_none(),
                *i,
            )
        })
        .map(|(_, (c, d))| EarliestReport {
            doc: d.id.clone(),
            claim: c.claim.to_string(),
            published: d.published.clone(),
        })
}

/// The sentence of the firmest member, the earliest reported among equals.
fn summary(members: &[Member<'_>]) -> String {
    members
        .iter()
        .enumerate()
        .min_by_key(|(i, (c, d))| {
            (
                firmness_rank(c.epistemic),
                crate::copy_groups::root_order(d.published.as_deref(), &d.id).0,
                *i,
            )
        })
        .map(|(_, (c, _))| c.sentence.trim().to_string())
        .unwrap_or_default()
}

/// The happening's first and last day: statements about it (a condemnation
/// the next day) do not widen them, unless the event holds nothing else
/// dated.
fn happening_days(members: &[Member<'_>]) -> (Option<i32>, Option<i32>) {
    let happening = members
        .iter()
        .any(|(c, _)| c.family != Family::Open && c.date.is_some());
    let dated = || {
        members
            .iter()
            .filter(move |(c, _)| !happening || c.family != Family::Open)
            .filter_map(|(c, _)| c.date)
    };
    (dated().map(|d| d.start).min(), dated().map(|d| d.end).max())
}

/// The place most members name.
fn event_place(members: &[Member<'_>], vocab: &Vocab) -> Option<EventPlace> {
    most_common(members.iter().filter_map(|(c, _)| c.place.map(|p| p.name))).and_then(|name| {
        let p = members
            .iter()
            .filter_map(|(c, _)| c.place)
            .find(|p| p.name == name)?;
        Some(EventPlace {
            name: vocab.get(p.label).to_string(),
            country: p.country.map(|c| vocab.get(c).to_string()),
            lat: p.lat,
            lon: p.lon,
        })
    })
}

/// The names `f` picks from the members that do not deny, each once, in
/// joining order.
fn names(
    members: &[Member<'_>],
    vocab: &Vocab,
    f: impl Fn(&ClaimFeatures) -> Option<u32>,
) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for (c, _) in members {
        if c.epistemic == Epistemic::Denied {
            continue;
        }
        if let Some(l) = f(c) {
            let s = vocab.get(l).to_string();
            if !v.contains(&s) {
                v.push(s);
            }
        }
    }
    v
}

/// "type · actor → target · place · day", the parts that are known.
fn event_label(
    event_type: ClaimType,
    actors: &[String],
    targets: &[String],
    place: Option<&EventPlace>,
    date_start: Option<i32>,
) -> String {
    let mut label = event_type.as_str().to_string();
    if !actors.is_empty() || !targets.is_empty() {
        let a = actors.first().map(String::as_str).unwrap_or("?");
        let t = targets.first().map(String::as_str).unwrap_or("?");
        label.push_str(&format!(" · {a} → {t}"));
    }
    if let Some(p) = place {
        label.push_str(&format!(" · {}", p.name));
    }
    if let Some(s) = date_start {
        label.push_str(&format!(" · {}", day_string(s)));
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_person() {
        assert!(same_person("volodymyr zelenskiy", "volodymyr zelensky"));
        assert!(same_person("volodymyr zelenskyy", "volodymyr zelensky"));
        assert!(same_person("tayyip erdogan", "recep tayyip erdoğan"));
        assert!(same_person("erdogan", "recep tayyip erdogan"));
        assert!(!same_person("dmitry peskov", "dmitry medvedev"));
        assert!(!same_person("andrei chibis", "igor kobzev"));
        assert!(
            !same_person("anna li", "anna lu"),
            "short words must match exactly"
        );
    }
}
