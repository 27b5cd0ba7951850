//! Store-backed corroboration on the sample corpus: incremental runs (in
//! halves, one document per step) give the same events and copy groups as
//! one run over everything, and as the in-memory corroborator.

use std::path::Path;

use claimtrace_corroborate::{CorroboratorConfig, run_pending};
use claimtrace_extract::{ExtractConfig, Extraction};
use claimtrace_ingest::IngestConfig;
use claimtrace_model::{Document, Event};
use claimtrace_store::{EventQuery, SqliteStore, Store};

fn corpus() -> Vec<(Document, Extraction)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/corpus");
    let (inputs, errors) = claimtrace_ingest::discover(&[root]);
    assert!(errors.is_empty(), "{errors:?}");
    let ex = ExtractConfig::default().build().expect("extractor");
    let mut out = Vec::new();
    for i in &inputs {
        for d in claimtrace_ingest::load(i, &IngestConfig::default()) {
            let d = d.expect("sample loads");
            let e = ex.extract(&d);
            out.push((d, e));
        }
    }
    assert!(out.len() >= 17);
    out
}

fn put(store: &mut SqliteStore, docs: &[(Document, Extraction)]) {
    for (d, e) in docs {
        store
            .put_document(d, &e.sentences, &e.claims)
            .expect("stored");
    }
}

fn events(store: &SqliteStore) -> Vec<Event> {
    store.events(&EventQuery::default()).expect("events").items
}

fn by_id(mut v: Vec<Event>) -> Vec<Event> {
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

/// Equal event lists, or a readable account of the first difference.
#[track_caller]
fn assert_same(got: Vec<Event>, want: Vec<Event>) {
    let (got, want) = (by_id(got), by_id(want));
    let ids = |v: &[Event]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    if ids(&got) != ids(&want) {
        let only_got: Vec<String> = ids(&got)
            .into_iter()
            .filter(|i| !ids(&want).contains(i))
            .collect();
        let only_want: Vec<String> = ids(&want)
            .into_iter()
            .filter(|i| !ids(&got).contains(i))
            .collect();
        panic!("event ids differ: only in got {only_got:?}, only in want {only_want:?}");
    }
    for (g, w) in got.iter().zip(&want) {
        if g != w {
            let (gj, wj) = (
                serde_json::to_value(g).unwrap(),
                serde_json::to_value(w).unwrap(),
            );
            let fields: Vec<String> = gj
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, v)| wj.get(k.as_str()) != Some(v))
                .map(|(k, v)| format!("{k}:\n  got  {v}\n  want {}", wj[k.as_str()]))
                .collect();
            panic!("event {} differs in\n{}", g.id, fields.join("\n"));
        }
    }
}

#[test]
fn halves_and_single_steps_equal_one_run() {
    let cfg = CorroboratorConfig::default();
    let docs = corpus();

    let mut once = SqliteStore::open_in_memory().expect("open");
    put(&mut once, &docs);
    let r = run_pending(&mut once, &cfg, 1000).expect("run");
    assert_eq!(r.documents, docs.len());
    assert!(r.copies >= 1, "{r:?}");
    let all = events(&once);
    assert!(all.len() > 20);

    let mut halves = SqliteStore::open_in_memory().expect("open");
    let mid = docs.len() / 2;
    put(&mut halves, &docs[..mid]);
    run_pending(&mut halves, &cfg, 1000).expect("first half");
    put(&mut halves, &docs[mid..]);
    let second = run_pending(&mut halves, &cfg, 1000).expect("second half");
    assert_eq!(second.documents, docs.len() - mid);
    assert!(
        second.candidates_restored < all.len(),
        "the second half restores only candidate events ({} of {})",
        second.candidates_restored,
        all.len()
    );
    assert_same(events(&halves), all.clone());
    assert_eq!(halves.copy_groups().unwrap(), once.copy_groups().unwrap());

    let mut steps = SqliteStore::open_in_memory().expect("open");
    put(&mut steps, &docs);
    run_pending(&mut steps, &cfg, 1).expect("one per step");
    assert_same(events(&steps), all.clone());
    assert_eq!(steps.copy_groups().unwrap(), once.copy_groups().unwrap());
    assert!(steps.pending_corroboration(0).unwrap().is_empty());

    // A second run finds nothing to do.
    assert_eq!(run_pending(&mut steps, &cfg, 10).unwrap().documents, 0);
}

#[test]
fn store_run_equals_in_memory() {
    let cfg = CorroboratorConfig::default();
    let docs = corpus();
    let mut store = SqliteStore::open_in_memory().expect("open");
    put(&mut store, &docs);
    run_pending(&mut store, &cfg, 5).expect("run");
    let mut mem = cfg.build().expect("config");
    for (d, e) in &docs {
        mem.add_document(d, &e.claims);
    }
    assert_same(events(&store), mem.events());
    assert_eq!(store.copy_groups().unwrap(), mem.copy_groups());
    // Outlet profiles from the store agree with the in-memory ones.
    let a = store.outlet_profiles().unwrap();
    let b = mem.outlet_profiles();
    assert_eq!(a, b);
}

#[test]
fn copy_arriving_before_its_original_is_regrouped() {
    let cfg = CorroboratorConfig::default();
    let docs = corpus();
    let pick = |id: &str| {
        docs.iter()
            .find(|(d, _)| d.id == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} in the corpus"))
    };
    let copy = pick("html/meridian-daily-spiderweb-syndicated.html");
    let wire = pick("text/cpa-spiderweb-wire.txt");
    let mut store = SqliteStore::open_in_memory().expect("open");
    put(&mut store, std::slice::from_ref(&copy));
    run_pending(&mut store, &cfg, 10).unwrap();
    let before: Vec<String> = events(&store)
        .iter()
        .flat_map(|e| e.origins.iter().map(|o| o.key.clone()))
        .collect();
    assert!(
        before.iter().any(|k| k == "name:meridian daily"),
        "{before:?}"
    );
    put(&mut store, std::slice::from_ref(&wire));
    let r = run_pending(&mut store, &cfg, 10).unwrap();
    assert_eq!(r.copies, 1);
    // A group lists its documents in id order.
    let mut group = vec![wire.0.id.clone(), copy.0.id.clone()];
    group.sort();
    assert_eq!(store.copy_groups().unwrap(), vec![group]);
    // The copy's unsourced claims now rest on the wire, the earlier original.
    for e in events(&store) {
        for o in &e.origins {
            assert_ne!(o.key, "name:meridian daily", "{}", e.id);
        }
    }
    let mut mem = cfg.build().unwrap();
    mem.add_document(&copy.0, &copy.1.claims);
    mem.add_document(&wire.0, &wire.1.claims);
    assert_same(events(&store), mem.events());
}

#[test]
fn deleted_document_leaves_its_events_rebuilt() {
    let cfg = CorroboratorConfig::default();
    let docs = corpus();
    let mut store = SqliteStore::open_in_memory().expect("open");
    put(&mut store, &docs);
    run_pending(&mut store, &cfg, 1000).unwrap();
    let victim = "html/meridian-daily-spiderweb-syndicated.html";
    assert!(store.delete_document(victim).unwrap());
    run_pending(&mut store, &cfg, 1000).unwrap();
    for e in events(&store) {
        assert!(!e.documents.iter().any(|d| d == victim), "{}", e.id);
        assert!(e.claims.iter().all(|c| c.doc != victim));
        assert!(!e.claims.is_empty());
    }
    assert!(
        store.event_states(&[], &[]).unwrap().is_empty(),
        "no stale event left"
    );
}
