//! The storage contract: what every [`Store`] must do, written once and run
//! on each implementation (`tests/contract.rs` runs it on SQLite in memory
//! and on a file), the way tantivy tests its directories.
//!
//! Each check gets a fresh, empty store from `make`. Expected results come
//! from plain Rust filters over the generated samples, not from the store.

use claimtrace_model::{Claim, ClaimType, Epistemic, Profile};

use super::sample::{Sample, sample};
use crate::{ClaimQuery, DocQuery, Error, PutOutcome, Review, ReviewAction, Store};

/// One named contract check.
type Check = (&'static str, fn(&mut dyn Store));

/// Run every contract check, each on a new store from `make`.
pub fn contract_suite<S: Store>(make: impl Fn() -> S) {
    let checks: &[Check] = &[
        ("round_trip", round_trip),
        ("idempotent_put", idempotent_put),
        ("id_taken", id_taken),
        ("invalid_input_rejected", invalid_input_rejected),
        (
            "failed_document_leaves_nothing",
            failed_document_leaves_nothing,
        ),
        ("batch_isolates_bad_documents", batch_isolates_bad_documents),
        ("profile", profile),
        ("reviews_apply_on_read", reviews_apply_on_read),
        (
            "reviews_survive_replace_and_reingest",
            reviews_survive_replace_and_reingest,
        ),
        ("invalid_reviews_rejected", invalid_reviews_rejected),
        ("replace_extraction", replace_extraction),
        ("delete_document", delete_document),
    ];
    for (name, check) in checks
        .iter()
        .chain(super::contract_queries::CHECKS)
        .chain(super::contract_corroboration::CHECKS)
    {
        let mut store = make();
        eprintln!("contract: {name}");
        check(&mut store);
    }
}

pub(super) fn put_all(store: &mut dyn Store, samples: &[Sample]) {
    let batch: Vec<_> = samples.iter().map(Sample::as_new).collect();
    for r in store.put_documents(&batch).expect("batch commits") {
        assert!(matches!(r, Ok(PutOutcome::New { .. })), "{r:?}");
    }
}

pub(super) fn all(q: ClaimQuery) -> ClaimQuery {
    ClaimQuery { limit: 0, ..q }
}

pub(super) fn ids(claims: &[Claim]) -> Vec<String> {
    let mut v: Vec<String> = claims.iter().map(|c| c.id.clone()).collect();
    v.sort();
    v
}

pub(super) fn query_ids(store: &dyn Store, q: ClaimQuery) -> Vec<String> {
    let page = store.claims(&all(q)).expect("query runs");
    assert_eq!(page.total, page.items.len());
    ids(&page.items)
}

pub(super) fn expect_ids(
    samples: &[Sample],
    keep: impl Fn(&Sample, &Claim) -> bool,
) -> Vec<String> {
    let chosen: Vec<Claim> = samples
        .iter()
        .flat_map(|s| {
            s.claims
                .iter()
                .filter(|c| keep(s, c))
                .cloned()
                .collect::<Vec<_>>()
        })
        .collect();
    ids(&chosen)
}

pub(super) fn samples(n: usize) -> Vec<Sample> {
    (0..n).map(sample).collect()
}

fn round_trip(store: &mut dyn Store) {
    let s = sample(1);
    let out = store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    assert_eq!(
        out,
        PutOutcome::New {
            doc_id: s.doc.id.clone(),
            claims: s.claims.len()
        }
    );
    let stored = store.document(&s.doc.id).expect("read").expect("stored");
    assert_eq!(stored.document, s.doc);
    assert_eq!(stored.sentences, s.sentences);
    for c in &s.claims {
        let back = store.claim(&c.id).expect("read").expect("claim stored");
        assert_eq!(&back, c);
        assert_eq!(
            serde_json::to_value(&back).ok(),
            serde_json::to_value(c).ok(),
            "claim JSON differs"
        );
    }
    let page = store
        .claims(&all(ClaimQuery {
            doc: Some(s.doc.id.clone()),
            ..Default::default()
        }))
        .expect("query");
    assert_eq!(
        page.items, s.claims,
        "a document's claims come back in span order"
    );
    assert_eq!(
        store.find_hash(&s.doc.hash).expect("read"),
        Some(s.doc.id.clone())
    );
    assert_eq!(
        store.document_hashes().expect("read"),
        vec![s.doc.hash.clone()]
    );
    assert!(store.document("nope").expect("read").is_none());
    assert!(store.claim("nope").expect("read").is_none());
    let stats = store.stats().expect("stats");
    assert_eq!(
        (stats.documents, stats.sentences, stats.claims),
        (1, s.sentences.len(), s.claims.len())
    );
    assert_eq!(store.document_count().expect("count"), 1);
}

fn idempotent_put(store: &mut dyn Store) {
    let s = sample(2);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    let again = store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put again");
    assert_eq!(
        again,
        PutOutcome::AlreadyStored {
            doc_id: s.doc.id.clone()
        }
    );
    // The same text under another name is the same document.
    let mut renamed = s.doc.clone();
    renamed.id = "copy.txt".into();
    let claims: Vec<Claim> = s
        .claims
        .iter()
        .map(|c| Claim {
            doc: "copy.txt".into(),
            ..c.clone()
        })
        .collect();
    let out = store
        .put_documents(&[crate::NewDocument::new(&renamed, &s.sentences, &claims)])
        .expect("batch");
    assert!(
        matches!(&out[..], [Ok(PutOutcome::AlreadyStored { doc_id })] if *doc_id == s.doc.id),
        "{out:?}"
    );
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.claims), (1, s.claims.len()));
}

fn id_taken(store: &mut dyn Store) {
    let s = sample(3);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    let mut other = sample(4);
    other.doc.id = s.doc.id.clone();
    other
        .claims
        .iter_mut()
        .for_each(|c| c.doc = s.doc.id.clone());
    let err = store
        .put_document(&other.doc, &other.sentences, &other.claims)
        .expect_err("id is taken");
    assert!(matches!(err, Error::IdTaken { .. }), "{err}");
    assert_eq!(store.find_hash(&other.doc.hash).expect("read"), None);
}

fn invalid_input_rejected(store: &mut dyn Store) {
    let s = sample(5);
    let mut wrong_doc = s.claims.clone();
    wrong_doc[1].doc = "elsewhere".into();
    let mut wrong_span = s.claims.clone();
    wrong_span[2].span.end = s.doc.text.len() + 5;
    let mut wrong_sentence = s.claims.clone();
    wrong_sentence[0].sentence.push_str(" (edited)");
    for claims in [wrong_doc, wrong_span, wrong_sentence] {
        let err = store
            .put_document(&s.doc, &s.sentences, &claims)
            .expect_err("invalid");
        assert!(matches!(err, Error::InvalidInput { .. }), "{err}");
    }
    assert_eq!(store.stats().expect("stats").documents, 0);
}

/// A claim that violates a constraint half-way through a document (a
/// duplicate claim id): nothing of that document may remain.
fn failed_document_leaves_nothing(store: &mut dyn Store) {
    let s = sample(6);
    let mut claims = s.claims.clone();
    let dup = claims[0].id.clone();
    claims[5].id = dup;
    assert!(
        store.put_document(&s.doc, &s.sentences, &claims).is_err(),
        "duplicate claim id must fail"
    );
    assert!(store.document(&s.doc.id).expect("read").is_none());
    assert_eq!(store.find_hash(&s.doc.hash).expect("read"), None);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.sentences, stats.claims), (0, 0, 0));
    assert_eq!(
        store
            .claims(&ClaimQuery {
                q: Some("report".into()),
                ..Default::default()
            })
            .expect("q")
            .total,
        0
    );
    // And the store still works: the corrected document goes in.
    assert!(matches!(
        store.put_document(&s.doc, &s.sentences, &s.claims),
        Ok(PutOutcome::New { .. })
    ));
}

fn batch_isolates_bad_documents(store: &mut dyn Store) {
    let (a, b, c) = (sample(7), sample(8), sample(9));
    let mut bad_claims = b.claims.clone();
    bad_claims[3].id = bad_claims[2].id.clone();
    let batch = [
        a.as_new(),
        crate::NewDocument::new(&b.doc, &b.sentences, &bad_claims),
        c.as_new(),
    ];
    let out = store.put_documents(&batch).expect("batch commits");
    assert!(matches!(out[0], Ok(PutOutcome::New { .. })));
    assert!(out[1].is_err());
    assert!(matches!(out[2], Ok(PutOutcome::New { .. })));
    assert!(store.document(&b.doc.id).expect("read").is_none());
    let stats = store.stats().expect("stats");
    assert_eq!(
        (stats.documents, stats.claims),
        (2, a.claims.len() + c.claims.len())
    );
    assert_eq!(stats.sentences, a.sentences.len() + c.sentences.len());
}

/// `v`, checked not to be empty (a filter test over nothing proves nothing).
fn profile(store: &mut dyn Store) {
    let ss = samples(3);
    put_all(store, &ss);
    let s = &ss[1];
    let p = store
        .profile(&s.doc.id)
        .expect("profile")
        .expect("doc exists");
    assert_eq!(
        p,
        Profile::from_claims(
            &s.doc.id,
            s.doc.title.clone(),
            s.doc.outlet.clone(),
            &s.claims
        )
    );
    assert_eq!(p.claims, s.claims.len());
    assert!(store.profile("missing").expect("profile").is_none());
}

fn reviews_apply_on_read(store: &mut dyn Store) {
    let s = sample(10);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    let c = &s.claims[2];
    let new_type = if c.claim_type == ClaimType::Casualties {
        ClaimType::Attack
    } else {
        ClaimType::Casualties
    };
    store
        .review(&Review::verdict(
            &c.id,
            "ana",
            ReviewAction::Confirm,
            Some("checked"),
        ))
        .expect("confirm");
    store
        .review(&Review::correct(&c.id, "ana", "type", new_type.as_str()))
        .expect("correct type");
    store
        .review(&Review::correct(&c.id, "ben", "place.lat", "48.25"))
        .expect("correct lat");
    store
        .review(&Review::correct(&c.id, "ben", "actor", "null"))
        .expect("clear actor");
    let got = store.claim(&c.id).expect("read").expect("claim");
    assert_eq!(got.claim_type, new_type);
    assert_eq!(got.place.as_ref().and_then(|p| p.lat), Some(48.25));
    assert_eq!(got.actor, None);
    assert!(
        got.why
            .iter()
            .any(|w| w.starts_with("corrected by ana") && w.contains(new_type.as_str())),
        "{:?}",
        got.why
    );
    assert!(
        got.why.iter().any(|w| w.starts_with("confirmed by ana")),
        "{:?}",
        got.why
    );
    assert_eq!(
        &got.why[..c.why.len()],
        &c.why[..],
        "extraction reasons kept"
    );
    // Filters see the corrected values.
    let q = ClaimQuery {
        claim_type: Some(new_type),
        doc: Some(s.doc.id.clone()),
        ..Default::default()
    };
    assert!(query_ids(store, q).contains(&c.id));
    let q = ClaimQuery {
        claim_type: Some(c.claim_type),
        doc: Some(s.doc.id.clone()),
        ..Default::default()
    };
    assert!(!query_ids(store, q).contains(&c.id));
    let trail = store.reviews(&c.id).expect("reviews");
    assert_eq!(trail.len(), 4);
    assert_eq!(trail[0].action, ReviewAction::Confirm);
    assert_eq!(trail[1].old_value.as_deref(), Some(c.claim_type.as_str()));
    assert_eq!(trail[1].new_value.as_deref(), Some(new_type.as_str()));
    assert!(trail.iter().all(|r| {
        r.at.as_deref()
            .is_some_and(|a| a.len() == 20 && a.ends_with('Z'))
    }));
    // Other claims untouched; the profile uses corrected values.
    assert_eq!(
        store.claim(&s.claims[0].id).expect("read").as_ref(),
        Some(&s.claims[0])
    );
    let p = store.profile(&s.doc.id).expect("profile").expect("doc");
    let reviewed: Vec<Claim> = s
        .claims
        .iter()
        .map(|x| if x.id == c.id { got.clone() } else { x.clone() })
        .collect();
    assert_eq!(
        p,
        Profile::from_claims(
            &s.doc.id,
            s.doc.title.clone(),
            s.doc.outlet.clone(),
            &reviewed
        )
    );
    assert_eq!(store.stats().expect("stats").reviewed_claims, 1);
}

fn reviews_survive_replace_and_reingest(store: &mut dyn Store) {
    let s = sample(11);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    let c = &s.claims[1];
    store
        .review(&Review::correct(&c.id, "ana", "epistemic", "denied"))
        .expect("correct");
    // Re-extraction: same claim ids, one claim fewer, a changed coding.
    let mut again: Vec<Claim> = s
        .claims
        .iter()
        .filter(|x| x.id != s.claims[0].id)
        .cloned()
        .collect();
    for x in &mut again {
        x.why = vec!["extractor v2".into()];
    }
    assert_eq!(
        store
            .replace_extraction(&s.doc.id, &s.sentences, &again)
            .expect("replace"),
        again.len()
    );
    let got = store.claim(&c.id).expect("read").expect("claim");
    assert_eq!(got.epistemic, Epistemic::Denied);
    assert_eq!(got.why[0], "extractor v2");
    assert!(store.claim(&s.claims[0].id).expect("read").is_none());
    let q = ClaimQuery {
        epistemic: Some(Epistemic::Denied),
        doc: Some(s.doc.id.clone()),
        ..Default::default()
    };
    assert!(
        query_ids(store, q).contains(&c.id),
        "filter columns rebuilt with the correction"
    );
    // Delete and store again: the review comes back into force.
    assert!(store.delete_document(&s.doc.id).expect("delete"));
    assert_eq!(store.reviews(&c.id).expect("trail").len(), 1);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put again");
    assert_eq!(
        store.claim(&c.id).expect("read").expect("claim").epistemic,
        Epistemic::Denied
    );
}

fn invalid_reviews_rejected(store: &mut dyn Store) {
    let s = sample(12);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    let id = &s.claims[0].id;
    for (field, value) in [
        ("type", "bombing"),
        ("no_such_field", "x"),
        ("source.no_such", "x"),
        ("span", "[0,1]"),
        ("sentence", "rewritten"),
        ("place.lat", "north"),
    ] {
        let err = store
            .review(&Review::correct(id, "ana", field, value))
            .expect_err("invalid correction");
        assert!(matches!(err, Error::InvalidReview { .. }), "{field}: {err}");
    }
    let err = store
        .review(&Review::correct("nope:0:0", "ana", "type", "attack"))
        .expect_err("no claim");
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
    let err = store
        .review(&Review::verdict(id, " ", ReviewAction::Reject, None))
        .expect_err("no reviewer");
    assert!(matches!(err, Error::InvalidReview { .. }), "{err}");
    let mut no_value = Review::correct(id, "ana", "type", "attack");
    no_value.new_value = None;
    assert!(store.review(&no_value).is_err());
    assert!(store.reviews(id).expect("trail").is_empty());
    assert_eq!(store.claim(id).expect("read").as_ref(), Some(&s.claims[0]));
}

fn replace_extraction(store: &mut dyn Store) {
    let s = sample(13);
    store
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    let kept = vec![s.claims[3].clone()];
    store
        .replace_extraction(&s.doc.id, &s.sentences[..5], &kept)
        .expect("replace");
    let stored = store.document(&s.doc.id).expect("read").expect("doc");
    assert_eq!(stored.sentences, s.sentences[..5].to_vec());
    let page = store
        .claims(&ClaimQuery {
            doc: Some(s.doc.id.clone()),
            ..Default::default()
        })
        .expect("q");
    assert_eq!(page.items, kept);
    // The full-text indexes follow.
    let gone = &s.claims[0].sentence;
    let word = gone
        .split(' ')
        .find(|w| w.starts_with("13-"))
        .unwrap_or("13-0")
        .to_string();
    assert_eq!(
        query_ids(
            store,
            ClaimQuery {
                q: Some(format!("report {word}")),
                ..Default::default()
            }
        ),
        Vec::<String>::new()
    );
    let docs = store
        .documents(&DocQuery {
            q: Some("report 13-29".into()),
            ..Default::default()
        })
        .expect("q");
    assert!(docs.is_empty(), "sentence 29 was dropped from the index");
    let err = store
        .replace_extraction("missing", &[], &[])
        .expect_err("no such document");
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
}

fn delete_document(store: &mut dyn Store) {
    let ss = samples(3);
    put_all(store, &ss);
    assert!(store.delete_document(&ss[1].doc.id).expect("delete"));
    assert!(!store.delete_document(&ss[1].doc.id).expect("delete twice"));
    assert!(store.document(&ss[1].doc.id).expect("read").is_none());
    let stats = store.stats().expect("stats");
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.claims, ss[0].claims.len() + ss[2].claims.len());
    assert_eq!(
        stats.sentences,
        ss[0].sentences.len() + ss[2].sentences.len()
    );
    let q = ClaimQuery {
        q: Some("report 1-0".into()),
        ..Default::default()
    };
    assert_eq!(query_ids(store, q), Vec::<String>::new());
    let docs = store
        .documents(&DocQuery {
            q: Some("report 1-29".into()),
            ..Default::default()
        })
        .expect("q");
    assert!(docs.is_empty());
    assert!(
        query_ids(
            store,
            ClaimQuery {
                actor: Some(ss[1].claims[0].source.name.clone()),
                doc: Some(ss[1].doc.id.clone()),
                ..Default::default()
            }
        )
        .is_empty()
    );
}
