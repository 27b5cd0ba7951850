//! The storage contract for claim queries: filters, dates, full text,
//! order and pages, capped counts, and document listings. Part of
//! [`super::contract_suite`].

use std::collections::BTreeMap;

use claimtrace_model::{Claim, ClaimType, Epistemic, SourceKind};

use super::contract::{all, expect_ids, put_all, query_ids, samples};
use super::sample::Sample;
use crate::{ActorCount, ClaimQuery, DocQuery, DocumentMeta, Error, OutletCount, Store};

pub(super) type Check = (&'static str, fn(&mut dyn Store));

pub(super) const CHECKS: &[Check] = &[
    ("filters", filters),
    ("date_filters", date_filters),
    ("full_text", full_text),
    ("pagination_and_order", pagination_and_order),
    ("capped_count", capped_count),
    ("documents_listing", documents_listing),
    ("catalogue", catalogue),
];

pub(super) fn some(v: Vec<String>) -> Vec<String> {
    assert!(!v.is_empty(), "expected some claims");
    v
}

fn filters(store: &mut dyn Store) {
    let ss = samples(15);
    put_all(store, &ss);
    label_filters(store, &ss);
    name_filters(store, &ss);
}

/// Every claim type, source kind and firmness label alone.
fn label_filters(store: &dyn Store, ss: &[Sample]) {
    for t in ClaimType::ALL {
        let q = ClaimQuery {
            claim_type: Some(*t),
            ..Default::default()
        };
        assert_eq!(
            query_ids(store, q),
            some(expect_ids(ss, |_, c| c.claim_type == *t)),
            "type {t}"
        );
    }
    for k in SourceKind::ALL {
        let q = ClaimQuery {
            source_kind: Some(*k),
            ..Default::default()
        };
        assert_eq!(
            query_ids(store, q),
            some(expect_ids(ss, |_, c| c.source.kind == *k)),
            "source kind {k}"
        );
    }
    for e in Epistemic::ALL {
        let q = ClaimQuery {
            epistemic: Some(*e),
            ..Default::default()
        };
        assert_eq!(
            query_ids(store, q),
            some(expect_ids(ss, |_, c| c.epistemic == *e)),
            "epistemic {e}"
        );
    }
}

/// Every lower-cased name a claim can be found by with `actor`: its
/// source's name and words, its actor's and target's names, words and ids.
fn searchable_names(c: &Claim) -> Vec<String> {
    let mut v = vec![c.source.name.to_lowercase(), c.source.text.to_lowercase()];
    for m in [&c.actor, &c.target].into_iter().flatten() {
        v.extend([
            m.name.to_lowercase(),
            m.text.to_lowercase(),
            m.id.clone().unwrap_or_default().to_lowercase(),
        ]);
    }
    v
}

/// Actor (any name, case-insensitive, wildcards literal), document and
/// outlet filters, alone and combined.
fn name_filters(store: &dyn Store, ss: &[Sample]) {
    let names = searchable_names;
    for actor in [
        "ukrain",
        "HOUTHI",
        "rsf",
        "Syrskyi",
        "ministry of defence",
        "nobody",
    ] {
        let lc = actor.to_lowercase();
        let q = ClaimQuery {
            actor: Some(actor.into()),
            ..Default::default()
        };
        let want = expect_ids(ss, |_, c| names(c).iter().any(|n| n.contains(&lc)));
        assert_eq!(want.is_empty(), actor == "nobody", "samples cover {actor}");
        assert_eq!(query_ids(store, q), want, "actor {actor}");
    }
    // LIKE wildcards in user text are literal.
    assert_eq!(
        query_ids(
            store,
            ClaimQuery {
                actor: Some("%".into()),
                ..Default::default()
            }
        ),
        Vec::<String>::new()
    );
    let doc = ss[4].doc.id.clone();
    let q = ClaimQuery {
        doc: Some(doc.clone()),
        ..Default::default()
    };
    assert_eq!(query_ids(store, q), expect_ids(ss, |s, _| s.doc.id == doc));
    let q = ClaimQuery {
        outlet: Some("reuters".into()),
        ..Default::default()
    };
    assert_eq!(
        query_ids(store, q),
        expect_ids(ss, |s, _| s.doc.outlet.as_deref() == Some("Reuters"))
    );
    let q = ClaimQuery {
        claim_type: Some(ClaimType::Attack),
        actor: Some("russia".into()),
        outlet: Some("Al Jazeera".into()),
        ..Default::default()
    };
    let want = expect_ids(ss, |s, c| {
        c.claim_type == ClaimType::Attack
            && names(c).iter().any(|n| n.contains("russia"))
            && s.doc.outlet.as_deref() == Some("Al Jazeera")
    });
    assert_eq!(query_ids(store, q), some(want), "combined filters");
}

/// The day a claim speaks of: its date, else its document's publication day.
fn claim_day(s: &Sample, c: &Claim) -> Option<String> {
    c.date
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| s.doc.published_date().map(str::to_string))
}

fn date_filters(store: &mut dyn Store) {
    let mut ss = samples(30);
    // A claim speaking of a day long after its document was published
    // ("talks are set for November"): `since` must still find it.
    ss[0].doc.published = Some("2025-01-05".into());
    let future = ss[0]
        .claims
        .iter_mut()
        .find(|c| c.date.is_some())
        .and_then(|c| c.date.as_mut())
        .expect("a dated claim");
    future.value = "2025-11-20".into();
    future.start = Some("2025-11-20".into());
    future.end = Some("2025-11-20".into());
    put_all(store, &ss);
    let day = |s: &Sample, c: &Claim| claim_day(s, c);
    for (since, until) in [
        (Some("2025-03-10"), None),
        (None, Some("2025-02")),
        (Some("2025-04"), Some("2025-06-15")),
        (Some("2025"), Some("2025")),
        (Some("2026"), None),
        (Some("2025-11-15"), Some("2025-11-25")),
    ] {
        let q = ClaimQuery {
            since: since.map(Into::into),
            until: until.map(Into::into),
            ..Default::default()
        };
        let lo = since.map(|s| match s.len() {
            4 => format!("{s}-01-01"),
            7 => format!("{s}-01"),
            _ => s.to_string(),
        });
        let hi = until.map(|u| match u.len() {
            4 => format!("{u}-12-31"),
            7 => format!("{u}-31"),
            _ => u.to_string(),
        });
        let want = expect_ids(&ss, |s, c| {
            let Some(d) = day(s, c) else {
                return since.is_none() && until.is_none();
            };
            lo.as_ref().is_none_or(|l| d >= *l) && hi.as_ref().is_none_or(|h| d <= *h)
        });
        assert_eq!(
            want.is_empty(),
            since == Some("2026"),
            "samples cover {since:?}..{until:?}"
        );
        assert_eq!(query_ids(store, q), want, "since {since:?} until {until:?}");
    }
    for bad in ["June 2025", "2025-6", "yesterday"] {
        let err = store
            .claims(&ClaimQuery {
                since: Some(bad.into()),
                ..Default::default()
            })
            .expect_err("bad date");
        assert!(matches!(err, Error::InvalidQuery(_)), "{err}");
    }
}

fn full_text(store: &mut dyn Store) {
    let ss = samples(10);
    put_all(store, &ss);
    let has = |c: &Claim, w: &str| c.sentence.to_lowercase().contains(&w.to_lowercase());
    for (q, want) in [
        ("Belgorod", expect_ids(&ss, |_, c| has(c, "Belgorod"))),
        (
            "belgorod SHELLED",
            expect_ids(&ss, |_, c| has(c, "belgorod") && has(c, "shelled")),
        ),
        ("Київ", expect_ids(&ss, |_, c| has(c, "Київ"))),
        ("shell*", expect_ids(&ss, |_, c| has(c, " shell"))),
        (
            "\"supplied drones\"",
            expect_ids(&ss, |_, c| has(c, "supplied drones")),
        ),
        ("report 3-9", expect_ids(&ss, |_, c| has(c, "report 3-9 "))),
        // FTS syntax in user text is just words.
        ("Belgorod\" OR (NEAR", Vec::new()),
        ("Belgorod AND", Vec::new()),
    ] {
        assert_eq!(
            want.is_empty(),
            q.contains("OR") || q.ends_with("AND"),
            "samples cover {q}"
        );
        let got = query_ids(
            store,
            ClaimQuery {
                q: Some(q.into()),
                ..Default::default()
            },
        );
        assert_eq!(got, want, "q={q}");
    }
    assert!(
        !query_ids(
            store,
            ClaimQuery {
                q: Some("Belgorod".into()),
                ..Default::default()
            }
        )
        .is_empty()
    );
    let err = store
        .claims(&ClaimQuery {
            q: Some("*** \"\"".into()),
            ..Default::default()
        })
        .expect_err("empty search");
    assert!(matches!(err, Error::InvalidQuery(_)), "{err}");
    // Sentences without claims are searchable through documents().
    let docs = store
        .documents(&DocQuery {
            q: Some("report 7-29".into()),
            ..Default::default()
        })
        .expect("docs");
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        vec![ss[7].doc.id.as_str()]
    );
}

fn pagination_and_order(store: &mut dyn Store) {
    let ss = samples(14);
    put_all(store, &ss);
    let full = store.claims(&ClaimQuery::default()).expect("all");
    let n: usize = ss.iter().map(|s| s.claims.len()).sum();
    assert_eq!((full.total, full.items.len()), (n, n));
    let published = |c: &Claim| {
        ss.iter()
            .find(|s| s.doc.id == c.doc)
            .and_then(|s| s.doc.published.clone())
    };
    let key = |c: &Claim| {
        (
            published(c).is_none(),
            published(c),
            c.doc.clone(),
            c.span.start,
        )
    };
    assert!(
        full.items.windows(2).all(|w| key(&w[0]) <= key(&w[1])),
        "ordered by published, doc, span"
    );
    let mut walked = Vec::new();
    for offset in (0..n + 7).step_by(7) {
        let page = store
            .claims(&ClaimQuery {
                limit: 7,
                offset,
                ..Default::default()
            })
            .expect("page");
        assert_eq!(page.total, n);
        assert_eq!((page.limit, page.offset), (7, offset));
        assert!(page.items.len() <= 7);
        walked.extend(page.items);
    }
    assert_eq!(walked, full.items);
}

/// A capped count stops at the cap and says so; the page it comes with is
/// the same page an exact count gives (the capped query reads it in index
/// order, the exact one sorts the matches), for every filter.
fn capped_count(store: &mut dyn Store) {
    let ss = samples(14);
    put_all(store, &ss);
    let queries = [
        ClaimQuery::default(),
        ClaimQuery {
            q: Some("the".into()),
            ..Default::default()
        },
        ClaimQuery {
            epistemic: Some(ss[0].claims[0].epistemic),
            ..Default::default()
        },
        ClaimQuery {
            claim_type: Some(ss[1].claims[0].claim_type),
            ..Default::default()
        },
        ClaimQuery {
            outlet: ss[2].doc.outlet.as_ref().map(|o| o.to_uppercase()),
            ..Default::default()
        },
        ClaimQuery {
            since: Some("2020".into()),
            ..Default::default()
        },
    ];
    for base in queries {
        let exact = store.claims(&all(base.clone())).expect("exact");
        assert!(exact.total_exact);
        assert_eq!(exact.total, exact.items.len());
        for cap in [1, 3, exact.total, exact.total + 1] {
            for (offset, limit) in [(0, 2), (1, 3), (0, 0)] {
                let page = store
                    .claims(&ClaimQuery {
                        count_cap: Some(cap),
                        offset,
                        limit,
                        ..base.clone()
                    })
                    .expect("capped");
                assert_eq!(page.total, exact.total.min(cap), "{base:?} cap {cap}");
                assert_eq!(page.total_exact, exact.total < cap, "{base:?} cap {cap}");
                let want: Vec<_> = exact
                    .items
                    .iter()
                    .skip(offset)
                    .take(if limit == 0 { usize::MAX } else { limit })
                    .collect();
                assert_eq!(
                    page.items.iter().collect::<Vec<_>>(),
                    want,
                    "{base:?} cap {cap}"
                );
            }
        }
    }
}

fn documents_listing(store: &mut dyn Store) {
    let ss = samples(9);
    put_all(store, &ss);
    let docs = store.documents(&DocQuery::default()).expect("docs");
    assert_eq!(docs.len(), ss.len());
    for d in &docs {
        let s = ss
            .iter()
            .find(|s| s.doc.id == d.id)
            .expect("listed doc exists");
        assert_eq!((d.claims, d.sentences), (s.claims.len(), s.sentences.len()));
        assert_eq!(
            (&d.title, &d.outlet, &d.published),
            (&s.doc.title, &s.doc.outlet, &s.doc.published)
        );
        assert_eq!(d.format, "text");
    }
    let key = |p: &Option<String>, id: &str| (p.is_none(), p.clone(), id.to_string());
    assert!(
        docs.windows(2)
            .all(|w| key(&w[0].published, &w[0].id) <= key(&w[1].published, &w[1].id))
    );
    let kyiv = store
        .documents(&DocQuery {
            outlet: Some("KYIV independent".into()),
            ..Default::default()
        })
        .expect("q");
    assert_eq!(
        kyiv.len(),
        ss.iter()
            .filter(|s| s.doc.outlet.as_deref() == Some("Kyiv Independent"))
            .count()
    );
    let spring = store
        .documents(&DocQuery {
            since: Some("2025-03".into()),
            until: Some("2025-05".into()),
            ..Default::default()
        })
        .expect("q");
    let want = ss
        .iter()
        .filter(|s| {
            s.doc
                .published_date()
                .is_some_and(|p| ("2025-03-01".."2025-05-32").contains(&p))
        })
        .count();
    assert_eq!(spring.len(), want);
    let two = store
        .documents(&DocQuery {
            limit: 2,
            offset: 1,
            ..Default::default()
        })
        .expect("q");
    assert_eq!(two, docs[1..3].to_vec());
}

/// Document metadata, outlet counts and actor counts (the catalogue of the
/// API), against counts made here from the samples.
fn catalogue(store: &mut dyn Store) {
    let ss = samples(9);
    put_all(store, &ss);
    for s in &ss {
        let meta = store.document_meta(&s.doc.id).expect("meta");
        let d = &s.doc;
        let want = DocumentMeta {
            title: d.title.clone(),
            outlet: d.outlet.clone(),
            published: d.published.clone(),
            url: d.url.clone(),
        };
        assert_eq!(meta, Some(want), "{}", d.id);
    }
    assert_eq!(store.document_meta("no such doc").expect("meta"), None);

    let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
    for o in ss.iter().filter_map(|s| s.doc.outlet.clone()) {
        *outlets.entry(o).or_default() += 1;
    }
    let mut want: Vec<OutletCount> = outlets
        .into_iter()
        .map(|(outlet, documents)| OutletCount { outlet, documents })
        .collect();
    want.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.outlet.cmp(&b.outlet)));
    assert!(want.len() > 1, "samples name several outlets");
    assert_eq!(store.outlet_counts(1000).expect("outlets"), want);
    assert_eq!(store.outlet_counts(1).expect("outlets"), want[..1]);

    let want = actor_counts(&ss, "");
    assert!(want.len() > 1, "samples name several actors");
    assert_eq!(store.actor_counts("", 1000).expect("actors"), want);
    assert_eq!(store.actor_counts("", 2).expect("actors"), want[..2]);
    let name = &want[0].name;
    let part: String = name
        .chars()
        .skip(1)
        .take(3)
        .collect::<String>()
        .to_uppercase();
    // `%` and `_` are no wildcards: "K_RA%" asks for names containing "kra".
    let (head, tail) = part.split_at(1);
    let found = store
        .actor_counts(&format!("{head}_{tail}%"), 1000)
        .expect("actors");
    assert_eq!(found, actor_counts(&ss, &part.to_lowercase()));
    assert!(found.iter().any(|a| &a.name == name));
    assert!(
        store
            .actor_counts("no such actor", 10)
            .expect("actors")
            .is_empty()
    );
}

/// What [`Store::actor_counts`] must answer, counted from the samples.
fn actor_counts(ss: &[Sample], contains: &str) -> Vec<ActorCount> {
    let mut counts: BTreeMap<(String, Option<String>), usize> = BTreeMap::new();
    let mentions = ss
        .iter()
        .flat_map(|s| &s.claims)
        .flat_map(|c| [&c.actor, &c.target])
        .flatten();
    for m in mentions.filter(|m| m.name.to_lowercase().contains(contains)) {
        *counts.entry((m.name.clone(), m.id.clone())).or_default() += 1;
    }
    let mut out: Vec<ActorCount> = counts
        .into_iter()
        .map(|((name, id), claims)| ActorCount { name, id, claims })
        .collect();
    out.sort_by(|a, b| b.claims.cmp(&a.claims).then(a.name.cmp(&b.name)));
    out
}
