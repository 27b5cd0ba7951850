//! The storage contract for corroboration: signatures and copy groups,
//! events with their members, blocking keys and states, filters, outlet
//! profiles, and what deleting or re-extracting a document does to events.
//! Part of [`super::contract_suite`].

use claimtrace_model::{
    Claim, ContradictionKind, CorroborationLevel, Epistemic, Event, EventClaim, Origin,
    OutletProfile,
};

use super::sample::{Sample, sample};
use crate::{
    CorroborationUpdate, DocSignature, EventQuery, EventRecord, PutOutcome, Store, UNKNOWN_OUTLET,
};

pub(super) type Check = (&'static str, fn(&mut dyn Store));

pub(super) const CHECKS: &[Check] = &[
    ("corroboration_pending_and_copies", pending_and_copies),
    ("corroboration_events_round_trip", events_round_trip),
    ("corroboration_event_update", event_update),
    ("corroboration_event_filters", event_filters),
    ("corroboration_outlet_profiles", outlet_profiles),
    ("corroboration_delete_detaches", delete_detaches),
    ("corroboration_event_pages", event_pages),
];

fn put(store: &mut dyn Store, samples: &[Sample]) {
    let batch: Vec<_> = samples.iter().map(Sample::as_new).collect();
    for r in store.put_documents(&batch).expect("batch commits") {
        assert!(matches!(r, Ok(PutOutcome::New { .. })), "{r:?}");
    }
}

fn signature(doc: &str, bands: &[i64], group: &str) -> DocSignature {
    DocSignature {
        doc: doc.to_string(),
        shingles: 40,
        signature: doc.bytes().chain(0..8u8).collect(),
        bands: bands.to_vec(),
        copy_group: group.to_string(),
    }
}

/// An event over `members` (claim, origin, firmness as extracted).
pub fn event(members: &[(&Claim, &str)], level: CorroborationLevel) -> Event {
    let first = members[0].0;
    let claims: Vec<EventClaim> = members
        .iter()
        .map(|(c, origin)| EventClaim {
            claim: c.id.clone(),
            doc: c.doc.clone(),
            origin: origin.to_string(),
            epistemic: c.epistemic,
            corroborated: members.iter().any(|(_, o)| o != origin),
            contradicted: false,
        })
        .collect();
    let mut origins: Vec<Origin> = Vec::new();
    for (c, o) in members {
        match origins.iter_mut().find(|x| x.key == *o) {
            Some(x) => x.claims += 1,
            None => origins.push(Origin {
                key: o.to_string(),
                label: o.to_string(),
                claims: 1,
                documents: vec![c.doc.clone()],
                source_kinds: vec![c.source.kind],
                denies: false,
            }),
        }
    }
    let mut documents: Vec<String> = Vec::new();
    for (c, _) in members {
        if !documents.contains(&c.doc) {
            documents.push(c.doc.clone());
        }
    }
    let day = first
        .date
        .as_ref()
        .map(|d| d.start.clone().unwrap_or_else(|| d.value.clone()));
    Event {
        id: format!("ev:{}", first.id),
        event_type: first.claim_type,
        label: format!("{} · test", first.claim_type),
        summary: first.sentence.clone(),
        independent_origins: origins.len(),
        origins,
        claims,
        documents,
        source_kinds: Vec::new(),
        firmness: Vec::new(),
        earliest: None,
        date_start: day.clone(),
        date_end: day,
        place: None,
        actors: first.actor.iter().map(|m| m.name.clone()).collect(),
        targets: first.target.iter().map(|m| m.name.clone()).collect(),
        level,
        contradictions: Vec::new(),
    }
}

fn record(seq: Option<i64>, event: Event, keys: &[i64]) -> EventRecord {
    EventRecord {
        seq,
        state: format!("state of {}", event.id),
        event,
        keys: keys.to_vec(),
    }
}

fn pending_and_copies(store: &mut dyn Store) {
    let ss: Vec<Sample> = (0..4).map(sample).collect();
    put(store, &ss);
    let ids: Vec<String> = ss.iter().map(|s| s.doc.id.clone()).collect();
    assert_eq!(store.pending_corroboration(0).expect("pending"), ids);
    assert_eq!(store.pending_corroboration(2).expect("pending"), ids[..2]);
    assert!(
        store
            .copy_candidates(&[1, 2, 3])
            .expect("none yet")
            .is_empty()
    );

    // Documents 0 and 1 are copies (group 0); document 2 stands alone.
    store
        .put_corroboration(&CorroborationUpdate {
            signatures: vec![
                signature(&ids[0], &[10, 11], &ids[0]),
                signature(&ids[1], &[11, 12], &ids[0]),
                signature(&ids[2], &[13], &ids[2]),
            ],
            ..Default::default()
        })
        .expect("write");
    assert_eq!(store.pending_corroboration(0).expect("pending"), ids[3..]);
    let found = store.copy_candidates(&[11, 99]).expect("candidates");
    let docs: Vec<&str> = found.iter().map(|c| c.doc.as_str()).collect();
    assert_eq!(docs, [ids[0].as_str(), ids[1].as_str()]);
    assert_eq!(found[1].copy_group, ids[0]);
    assert_eq!(found[1].signature, signature(&ids[1], &[], "").signature);
    assert_eq!(found[1].shingles, 40);
    assert_eq!(found[1].group_outlet, ss[0].doc.outlet);
    assert_eq!(found[1].group_published, ss[0].doc.published);
    assert_eq!(store.copy_candidates(&[10, 12]).expect("c").len(), 2);

    let meta = store
        .corroborated_docs(&[ids[3].clone(), ids[1].clone(), "nope".into()])
        .expect("meta");
    assert_eq!(meta.len(), 2);
    assert_eq!(
        (meta[0].doc.as_str(), meta[0].copy_group.as_deref()),
        (ids[3].as_str(), None)
    );
    assert_eq!(meta[1].copy_group.as_deref(), Some(ids[0].as_str()));
    assert_eq!(meta[1].group_outlet, ss[0].doc.outlet);
    assert_eq!(meta[1].outlet, ss[1].doc.outlet);
    assert_eq!(meta[1].published, ss[1].doc.published);
    assert_eq!(
        store.copy_groups().expect("groups"),
        vec![vec![ids[0].clone(), ids[1].clone()]]
    );

    // Document 3 joins both groups as their new root.
    store
        .put_corroboration(&CorroborationUpdate {
            regroup: vec![
                (ids[0].clone(), ids[3].clone()),
                (ids[2].clone(), ids[3].clone()),
            ],
            signatures: vec![signature(&ids[3], &[11, 13], &ids[3])],
            ..Default::default()
        })
        .expect("regroup");
    let mut all = ids.clone();
    all.sort();
    assert_eq!(store.copy_groups().expect("groups"), vec![all]);
    assert!(store.pending_corroboration(0).expect("pending").is_empty());
}

fn events_round_trip(store: &mut dyn Store) {
    let ss: Vec<Sample> = (0..3).map(sample).collect();
    put(store, &ss);
    let (a, b, c) = (&ss[0].claims[0], &ss[1].claims[0], &ss[2].claims[0]);
    let mut e1 = event(
        &[(a, "name:x"), (b, "name:y")],
        CorroborationLevel::Corroborated,
    );
    e1.contradictions.push(claimtrace_model::Contradiction {
        kind: ContradictionKind::Quantity,
        a: a.id.clone(),
        b: b.id.clone(),
        detail: "117 drones vs over 300 UAV".into(),
        a_origin: "name:x".into(),
        b_origin: "name:y".into(),
    });
    let e2 = event(&[(c, "doc:z")], CorroborationLevel::SingleSource);
    store
        .put_corroboration(&CorroborationUpdate {
            events: vec![
                record(None, e1.clone(), &[1, 2]),
                record(None, e2.clone(), &[2, 3]),
            ],
            ..Default::default()
        })
        .expect("write events");
    assert_eq!(store.event(&e1.id).expect("read"), Some(e1.clone()));
    assert_eq!(store.event(&e2.id).expect("read"), Some(e2.clone()));
    assert_eq!(store.event("ev:nope").expect("read"), None);
    assert_eq!(
        store.event_of_claim(&b.id).expect("read"),
        Some(e1.id.clone())
    );
    assert_eq!(store.event_of_claim("nope").expect("read"), None);
    assert_eq!(
        store.claim_corroboration(&b.id).expect("read"),
        Some(crate::ClaimCorroboration {
            event: e1.id.clone(),
            origins: 2,
            contradicted: false,
            corroborated: true,
            level: CorroborationLevel::Corroborated,
            origin: "name:y".into(),
        })
    );
    assert_eq!(
        store
            .claim_corroboration(&c.id)
            .expect("read")
            .map(|s| (s.origins, s.level)),
        Some((1, CorroborationLevel::SingleSource))
    );
    assert_eq!(store.claim_corroboration("nope").expect("read"), None);

    let states = store.event_states(&[2], &[]).expect("states");
    assert_eq!(
        states.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        [e1.id.as_str(), e2.id.as_str()],
        "in opening order"
    );
    assert!(states[0].seq < states[1].seq);
    assert_eq!(states[0].state, format!("state of {}", e1.id));
    assert!(!states[0].stale);
    let only = store.event_states(&[3, 99], &[]).expect("states");
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].id, e2.id);
    assert!(store.event_states(&[99], &[]).expect("states").is_empty());

    // By copy group: the group of a member's document.
    store
        .put_corroboration(&CorroborationUpdate {
            signatures: vec![
                signature(&ss[0].doc.id, &[], "g1"),
                signature(&ss[2].doc.id, &[], "g2"),
            ],
            ..Default::default()
        })
        .expect("signatures");
    let by_group = store.event_states(&[], &["g2".into()]).expect("states");
    assert_eq!(by_group.len(), 1);
    assert_eq!(by_group[0].id, e2.id);

    let page = store.events(&EventQuery::default()).expect("list");
    assert_eq!(page.total, 2);
    assert!(page.items.contains(&e1) && page.items.contains(&e2));
}

fn event_update(store: &mut dyn Store) {
    let ss: Vec<Sample> = (0..3).map(sample).collect();
    put(store, &ss);
    let (a, b, c) = (&ss[0].claims[0], &ss[1].claims[1], &ss[2].claims[2]);
    let e = event(&[(a, "name:x")], CorroborationLevel::SingleSource);
    store
        .put_corroboration(&CorroborationUpdate {
            events: vec![record(None, e.clone(), &[5, 6])],
            ..Default::default()
        })
        .expect("write");
    let seq = store.event_states(&[5], &[]).expect("states")[0].seq;
    let grown = event(
        &[(a, "name:x"), (b, "name:y"), (c, "name:y")],
        CorroborationLevel::Corroborated,
    );
    let mut rec = record(Some(seq), grown.clone(), &[6, 7]);
    rec.state = "grown".into();
    store
        .put_corroboration(&CorroborationUpdate {
            events: vec![rec],
            ..Default::default()
        })
        .expect("update");
    assert_eq!(store.event(&e.id).expect("read"), Some(grown.clone()));
    assert!(
        store
            .event_states(&[5], &[])
            .expect("keys replaced")
            .is_empty()
    );
    let st = store.event_states(&[7], &[]).expect("states");
    assert_eq!((st[0].seq, st[0].state.as_str()), (seq, "grown"));
    assert_eq!(store.events(&EventQuery::default()).expect("list").total, 1);
    assert_eq!(
        store.event_of_claim(&c.id).expect("read"),
        Some(e.id.clone())
    );

    let bad = record(Some(seq + 100), grown.clone(), &[]);
    assert!(
        store
            .put_corroboration(&CorroborationUpdate {
                events: vec![bad],
                ..Default::default()
            })
            .is_err(),
        "updating an unknown event fails"
    );
    let mut empty = grown;
    empty.claims.clear();
    assert!(
        store
            .put_corroboration(&CorroborationUpdate {
                events: vec![record(None, empty, &[])],
                ..Default::default()
            })
            .is_err(),
        "an event needs a claim"
    );
    assert_eq!(
        store.event(&e.id).expect("read").map(|e| e.claims.len()),
        Some(3)
    );
}

fn event_filters(store: &mut dyn Store) {
    let events = put_filter_events(store);
    event_label_filters(store, &events);
    event_date_filters(store, &events);
    event_order_and_pages(store);
}

/// Twelve one-claim events of the samples, with every level and several
/// origin counts, stored.
fn put_filter_events(store: &mut dyn Store) -> Vec<Event> {
    let ss: Vec<Sample> = (0..12).map(sample).collect();
    put(store, &ss);
    let mut events: Vec<Event> = Vec::new();
    for (i, s) in ss.iter().enumerate() {
        let level = CorroborationLevel::ALL[i % 3];
        let mut e = event(&[(&s.claims[i % s.claims.len()], "name:o")], level);
        e.independent_origins = i % 4;
        events.push(e);
    }
    store
        .put_corroboration(&CorroborationUpdate {
            events: events
                .iter()
                .map(|e| record(None, e.clone(), &[]))
                .collect(),
            ..Default::default()
        })
        .expect("write");
    events
}

/// The ids of the events `q` finds, sorted.
fn event_ids(store: &dyn Store, q: EventQuery) -> Vec<String> {
    let page = store.events(&q).expect("query");
    let mut v: Vec<String> = page.items.iter().map(|e| e.id.clone()).collect();
    assert!(page.items.len() <= page.total);
    v.sort();
    v
}

/// The ids of the `events` that `keep` keeps, sorted.
fn expect_events(events: &[Event], keep: &dyn Fn(&Event) -> bool) -> Vec<String> {
    let mut v: Vec<String> = events
        .iter()
        .filter(|e| keep(e))
        .map(|e| e.id.clone())
        .collect();
    v.sort();
    v
}

/// Type, level, origin count and actor filters.
fn event_label_filters(store: &dyn Store, events: &[Event]) {
    let ids = |q: EventQuery| event_ids(store, q);
    let expect = |keep: &dyn Fn(&Event) -> bool| expect_events(events, keep);
    let t = events[0].event_type;
    assert_eq!(
        ids(EventQuery {
            event_type: Some(t),
            ..Default::default()
        }),
        expect(&|e| e.event_type == t)
    );
    assert_eq!(
        ids(EventQuery {
            level: Some(CorroborationLevel::Contested),
            ..Default::default()
        }),
        expect(&|e| e.level == CorroborationLevel::Contested)
    );
    assert_eq!(
        ids(EventQuery {
            min_origins: 2,
            ..Default::default()
        }),
        expect(&|e| e.independent_origins >= 2)
    );
    let actor = events
        .iter()
        .find_map(|e| e.actors.first().cloned())
        .expect("a sample event with an actor");
    let needle: String = actor.to_uppercase().chars().skip(1).collect();
    let lc = needle.to_lowercase();
    assert_eq!(
        ids(EventQuery {
            actor: Some(needle),
            ..Default::default()
        }),
        expect(&|e| e
            .actors
            .iter()
            .chain(&e.targets)
            .any(|n| n.to_lowercase().contains(&lc)))
    );
}

/// `since` and `until` on the events' first day; a malformed date is refused.
fn event_date_filters(store: &dyn Store, events: &[Event]) {
    let ids = |q: EventQuery| event_ids(store, q);
    let expect = |keep: &dyn Fn(&Event) -> bool| expect_events(events, keep);
    let days: Vec<String> = events.iter().filter_map(|e| e.date_start.clone()).collect();
    let mid = {
        let mut d = days.clone();
        d.sort();
        d[d.len() / 2].clone()
    };
    let since = ids(EventQuery {
        since: Some(mid.clone()),
        ..Default::default()
    });
    let until = ids(EventQuery {
        until: Some(mid.clone()),
        ..Default::default()
    });
    assert_eq!(
        since,
        expect(&|e| e.date_start.as_ref().is_some_and(|d| *d >= mid))
    );
    assert_eq!(
        until,
        expect(&|e| e.date_start.as_ref().is_some_and(|d| *d <= mid))
    );
    assert!(
        store
            .events(&EventQuery {
                since: Some("June".into()),
                ..Default::default()
            })
            .is_err(),
        "a malformed date is refused"
    );
}

/// Chronological, undated last; limit and offset page through.
fn event_order_and_pages(store: &dyn Store) {
    let all = store.events(&EventQuery::default()).expect("all").items;
    let starts: Vec<Option<String>> = all.iter().map(|e| e.date_start.clone()).collect();
    let mut sorted = starts.clone();
    sorted.sort_by_key(|d| (d.is_none(), d.clone()));
    assert_eq!(starts, sorted);
    let page = store
        .events(&EventQuery {
            limit: 5,
            offset: 5,
            ..Default::default()
        })
        .expect("page");
    assert_eq!((page.total, page.items.len()), (12, 5));
    assert_eq!(page.items, all[5..10]);
}

fn outlet_profiles(store: &mut dyn Store) {
    let mut ss: Vec<Sample> = (0..4).map(sample).collect();
    ss[3].doc.outlet = None;
    put(store, &ss);
    let (a, b) = (&ss[0].claims[0], &ss[1].claims[0]);
    let mut e = event(
        &[(a, "name:x"), (b, "name:y")],
        CorroborationLevel::Contested,
    );
    e.claims[1].contradicted = true;
    store
        .put_corroboration(&CorroborationUpdate {
            events: vec![record(None, e, &[])],
            ..Default::default()
        })
        .expect("write");
    let profiles: Vec<OutletProfile> = store.outlet_profiles().expect("profiles");
    let mut outlets: Vec<String> = ss
        .iter()
        .map(|s| {
            s.doc
                .outlet
                .clone()
                .unwrap_or_else(|| UNKNOWN_OUTLET.into())
        })
        .collect();
    outlets.sort();
    outlets.dedup();
    assert_eq!(
        profiles
            .iter()
            .map(|p| p.outlet.clone())
            .collect::<Vec<_>>(),
        outlets
    );
    for p in &profiles {
        let mine: Vec<&Sample> = ss
            .iter()
            .filter(|s| s.doc.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET) == p.outlet)
            .collect();
        let claims: Vec<&Claim> = mine.iter().flat_map(|s| &s.claims).collect();
        assert_eq!(p.documents, mine.len(), "{}", p.outlet);
        assert_eq!(p.claims, claims.len(), "{}", p.outlet);
        for row in &p.by_epistemic {
            let n = claims
                .iter()
                .filter(|c| c.epistemic.as_str() == row.label)
                .count();
            assert_eq!(row.count, n, "{} {}", p.outlet, row.label);
        }
        for row in &p.by_source_kind {
            let n = claims
                .iter()
                .filter(|c| c.source.kind.as_str() == row.label)
                .count();
            assert_eq!(row.count, n, "{} {}", p.outlet, row.label);
        }
        let in_events = [a, b]
            .iter()
            .filter(|c| mine.iter().any(|s| s.doc.id == c.doc))
            .count();
        assert_eq!(p.in_events, in_events, "{}", p.outlet);
        assert_eq!(p.corroborated, in_events, "{}", p.outlet);
        let contradicted = usize::from(mine.iter().any(|s| s.doc.id == b.doc));
        assert_eq!(p.contradicted, contradicted, "{}", p.outlet);
        if in_events > 0 {
            assert_eq!(p.corroboration_rate, 1.0);
        }
    }
    let _ = Epistemic::ALL;
}

fn delete_detaches(store: &mut dyn Store) {
    let ss: Vec<Sample> = (0..3).map(sample).collect();
    put(store, &ss);
    let (a, b, c) = (&ss[0].claims[0], &ss[1].claims[0], &ss[2].claims[0]);
    let shared = event(
        &[(a, "name:x"), (b, "name:y")],
        CorroborationLevel::Corroborated,
    );
    let alone = event(&[(c, "name:z")], CorroborationLevel::SingleSource);
    store
        .put_corroboration(&CorroborationUpdate {
            signatures: ss
                .iter()
                .map(|s| signature(&s.doc.id, &[1], &s.doc.id))
                .collect(),
            events: vec![
                record(None, shared.clone(), &[1]),
                record(None, alone.clone(), &[1]),
            ],
            ..Default::default()
        })
        .expect("write");
    assert!(store.pending_corroboration(0).expect("pending").is_empty());

    // Deleting b's document: b leaves the shared event, which turns stale.
    assert!(store.delete_document(&ss[1].doc.id).expect("delete"));
    let left = store.event(&shared.id).expect("read").expect("still there");
    assert_eq!(
        left.claims
            .iter()
            .map(|m| m.claim.as_str())
            .collect::<Vec<_>>(),
        [a.id.as_str()]
    );
    assert_eq!(store.event_of_claim(&b.id).expect("read"), None);
    let stale: Vec<(String, bool)> = store
        .event_states(&[], &[])
        .expect("stale ones")
        .into_iter()
        .map(|s| (s.id, s.stale))
        .collect();
    assert_eq!(stale, vec![(shared.id.clone(), true)]);
    assert_eq!(store.copy_candidates(&[1]).expect("c").len(), 2);

    // Re-extracting c's document: its only claim leaves, the event goes,
    // and the document waits for corroboration again.
    store
        .replace_extraction(&ss[2].doc.id, &ss[2].sentences, &ss[2].claims)
        .expect("replace");
    assert_eq!(store.event(&alone.id).expect("read"), None);
    assert_eq!(
        store.pending_corroboration(0).expect("pending"),
        vec![ss[2].doc.id.clone()]
    );

    // Rewriting the stale event clears the mark.
    let seq = store.event_states(&[], &[]).expect("s")[0].seq;
    let rebuilt = event(&[(a, "name:x")], CorroborationLevel::SingleSource);
    store
        .put_corroboration(&CorroborationUpdate {
            events: vec![record(Some(seq), rebuilt.clone(), &[1])],
            ..Default::default()
        })
        .expect("rebuild");
    assert!(store.event_states(&[], &[]).expect("s").is_empty());
    assert_eq!(store.event(&rebuilt.id).expect("read"), Some(rebuilt));
}

/// One event over every claim of `samples` (one origin per document) with
/// a contradiction between each pair of neighbouring claims.
pub fn big_event(samples: &[Sample]) -> Event {
    let members: Vec<(&Claim, String)> = samples
        .iter()
        .flat_map(|s| s.claims.iter().map(|c| (c, format!("doc:{}", c.doc))))
        .collect();
    let refs: Vec<(&Claim, &str)> = members.iter().map(|(c, o)| (*c, o.as_str())).collect();
    let mut e = event(&refs, CorroborationLevel::Contested);
    e.contradictions = refs
        .windows(2)
        .map(|w| claimtrace_model::Contradiction {
            kind: ContradictionKind::Quantity,
            a: w[0].0.id.clone(),
            b: w[1].0.id.clone(),
            detail: format!("{} vs {}", w[0].0.id, w[1].0.id),
            a_origin: w[0].1.to_string(),
            b_origin: w[1].1.to_string(),
        })
        .collect();
    e
}

/// An event of any size is read a page at a time: its head with the first
/// members and contradictions and their totals, then further pages that
/// together give exactly what the whole event holds.
fn event_pages(store: &mut dyn Store) {
    let ss: Vec<Sample> = (0..6).map(sample).collect();
    put(store, &ss);
    let e = big_event(&ss);
    assert!(e.claims.len() > 20, "{}", e.claims.len());
    store
        .put_corroboration(&CorroborationUpdate {
            events: vec![record(None, e.clone(), &[1])],
            ..Default::default()
        })
        .expect("event stored");
    let head = store.event_head(&e.id, 3).expect("head").expect("found");
    assert_eq!(head.event.claims, e.claims[..3]);
    assert_eq!(head.event.contradictions, e.contradictions[..3]);
    assert_eq!(head.claims_total, e.claims.len());
    assert_eq!(head.contradictions_total, e.contradictions.len());
    assert_eq!(head.event.origins, e.origins);
    let heads = store.event_heads(&EventQuery::default(), 2).expect("heads");
    assert_eq!(heads.items.len(), 1);
    assert_eq!(heads.items[0].event.claims.len(), 2);
    assert_eq!(heads.items[0].claims_total, e.claims.len());
    let mut members = Vec::new();
    let mut contradictions = Vec::new();
    for offset in (0..e.claims.len()).step_by(7) {
        let page = store
            .event_members(&e.id, 7, offset)
            .expect("members")
            .expect("found");
        assert_eq!(page.total, e.claims.len());
        members.extend(page.items);
        let page = store
            .event_contradictions(&e.id, 7, offset)
            .expect("contradictions")
            .expect("found");
        assert_eq!(page.total, e.contradictions.len());
        contradictions.extend(page.items);
    }
    assert_eq!(members, e.claims);
    assert_eq!(contradictions, e.contradictions);
    assert!(
        store
            .event_members("ev:none", 1, 0)
            .expect("read")
            .is_none()
    );
    assert!(store.event_head("ev:none", 1).expect("read").is_none());
    // The whole event still reads back whole.
    assert_eq!(store.event(&e.id).expect("read"), Some(e));
}
