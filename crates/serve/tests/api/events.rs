//! `/api/events`, `/api/events/{id}`, the claims' corroboration badge, the
//! outlet profiles and the network's origin weights, over the sample corpus
//! (`samples/corpus`) ingested and corroborated as `claimtrace ingest` does:
//! load, extract, store in one batch, then `run_pending`.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use claimtrace_corroborate::{CorroboratorConfig, run_pending};
use claimtrace_extract::ExtractConfig;
use claimtrace_ingest::IngestConfig;

use super::*;

/// The wire story and the newspaper page that republishes it.
const WIRE: &str = "text/cpa-spiderweb-wire.txt";
const COPY: &str = "html/meridian-daily-spiderweb-syndicated.html";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/corpus")
}

/// The bytes of the corroborated sample database, built once per test run;
/// each test writes them into its own temporary directory.
fn corpus_db_bytes() -> &'static [u8] {
    static DB: OnceLock<Vec<u8>> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.db");
        let extractor = ExtractConfig::default().build().unwrap();
        let (inputs, errors) = claimtrace_ingest::discover(&[corpus_dir()]);
        assert!(errors.is_empty(), "{errors:?}");
        let mut docs = Vec::new();
        for input in &inputs {
            for doc in claimtrace_ingest::load(input, &IngestConfig::default()) {
                let doc = doc.unwrap();
                let ex = extractor.extract(&doc);
                docs.push((doc, ex));
            }
        }
        assert!(docs.len() >= 17, "{} sample documents", docs.len());
        {
            let mut store = SqliteStore::open(&path).unwrap();
            let batch: Vec<NewDocument<'_>> = docs
                .iter()
                .map(|(d, ex)| NewDocument::new(d, &ex.sentences, &ex.claims))
                .collect();
            for r in store.put_documents(&batch).unwrap() {
                r.unwrap();
            }
            let report = run_pending(&mut store, &CorroboratorConfig::default(), 256).unwrap();
            assert_eq!(report.documents, docs.len());
            assert!(store.pending_corroboration(0).unwrap().is_empty());
        }
        // Closing the last connection checkpoints the WAL into the file.
        std::fs::read(&path).unwrap()
    })
}

fn corpus_app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    std::fs::write(&db, corpus_db_bytes()).unwrap();
    let state = AppState::open(&db, Some(TOKEN.into())).unwrap();
    App {
        router: router(state, &ServeConfig::default()).unwrap(),
        samples: Vec::new(),
        _dir: dir,
    }
}

impl App {
    /// Every event, in the API's order, as `/api/events/{id}` gives it (the
    /// list cuts each event's lists; the sample events fit in the detail's).
    async fn all_events(&self) -> Vec<Value> {
        let (s, page) = self.get("/api/events?limit=5000").await;
        assert_eq!(s, StatusCode::OK, "{page}");
        let items = page["items"].as_array().unwrap().clone();
        assert_eq!(page["total"], items.len());
        let mut full = Vec::with_capacity(items.len());
        for e in items {
            let (s, d) = self
                .get(&format!("/api/events/{}", enc(e["id"].as_str().unwrap())))
                .await;
            assert_eq!(s, StatusCode::OK, "{d}");
            let mut d = d["event"].clone();
            assert_eq!(d["totals"], e["totals"]);

            for list in ["claims", "contradictions", "origins", "documents"] {
                let n = e[list].as_array().unwrap().len();
                assert_eq!(
                    e[list],
                    Value::Array(d[list].as_array().unwrap()[..n].to_vec())
                );
            }
            let id = enc(e["id"].as_str().unwrap());
            for list in ["claims", "contradictions", "origins", "documents"] {
                // A list longer than the detail's page is read in pages.
                let total = d["totals"][list].as_u64().unwrap_or(0) as usize;
                if d[list].as_array().unwrap().len() < total {
                    let mut items = self.paged(&format!("/api/events/{id}/{list}")).await;
                    if list == "claims" {
                        items = items.iter().map(member).collect();
                    }
                    assert_eq!(items.len(), total, "{list}");
                    d[list] = Value::Array(items);
                }
            }
            full.push(d);
        }
        full
    }

    /// Every item of a paged list route.
    async fn paged(&self, route: &str) -> Vec<Value> {
        let mut out = Vec::new();
        loop {
            let (s, page) = self
                .get(&format!("{route}?limit=500&offset={}", out.len()))
                .await;
            assert_eq!(s, StatusCode::OK, "{route}: {page}");
            let items = page["items"].as_array().unwrap();
            out.extend(items.iter().cloned());
            if items.is_empty() || out.len() >= page["total"].as_u64().unwrap() as usize {
                return out;
            }
        }
    }

    async fn event_ids(&self, query: &str) -> (usize, Vec<String>) {
        let (s, page) = self.get(&format!("/api/events?limit=5000&{query}")).await;
        assert_eq!(s, StatusCode::OK, "{query}: {page}");
        (page["total"].as_u64().unwrap() as usize, ids(&page))
    }
}

/// The event detail's member entry of a claim view from the claims page.
fn member(c: &Value) -> Value {
    let k = &c["corroboration"];
    serde_json::json!({
        "claim": c["id"],
        "contradicted": k["contradicted"],
        "corroborated": k["corroborated"],
        "doc": c["doc"],
        "epistemic": c["epistemic"],
        "origin": k["origin"],
    })
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~:".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The event with a 117 vs over 300 drones contradiction.
fn drones_event(all: &[Value]) -> &Value {
    all.iter()
        .find(|e| {
            e["contradictions"].as_array().unwrap().iter().any(|c| {
                let d = c["detail"].as_str().unwrap();
                c["kind"] == "quantity" && d.contains("117") && d.contains("300")
            })
        })
        .expect("a 117 vs over 300 drones contradiction")
}

#[tokio::test]
async fn events_list_filters_and_pages() {
    let app = corpus_app();
    let all = app.all_events().await;
    assert!(all.len() > 20, "{} events", all.len());
    check_listed_events(&all);
    let all_ids: Vec<String> = all
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    for (query, want) in filter_cases(&all) {
        let (total, got) = app.event_ids(query).await;
        assert!(!want.is_empty(), "{query}: the corpus has such events");
        assert!(
            want.len() < all.len() || query.starts_with("since"),
            "{query} filters"
        );
        assert_eq!(got, want, "{query}");
        assert_eq!(total, want.len(), "{query}");
    }
    // Pages tile the list.
    let (s, page) = app.get("/api/events?limit=4&offset=3").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page["total"], all.len());
    assert_eq!(
        (page["limit"].as_u64(), page["offset"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(ids(&page), all_ids[3..7]);
    let (_, page) = app.get("/api/events").await;
    assert_eq!(page["limit"], 50);
}

/// Every listed event is whole, and the list runs from the first day on,
/// undated last.
fn check_listed_events(all: &[Value]) {
    for e in all {
        assert!(e["id"].as_str().unwrap().starts_with("ev:"), "{e}");
        let members = e["claims"].as_array().unwrap();
        assert!(!members.is_empty(), "{}", e["id"]);
        let supporting = e["origins"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["denies"] != true)
            .count();
        assert_eq!(e["independent_origins"], supporting, "{}", e["id"]);
        for field in ["type", "label", "summary", "level", "documents"] {
            assert!(!e[field].is_null(), "{} lacks {field}", e["id"]);
        }
    }
    // First day first, undated last.
    let days: Vec<Option<&str>> = all.iter().map(|e| e["date_start"].as_str()).collect();
    let mut sorted = days.clone();
    sorted.sort_by_key(|d| (d.is_none(), *d));
    assert_eq!(days, sorted);
}

/// Lower-cased actor and target names of an event.
fn event_names(e: &Value) -> Vec<String> {
    strs(&e["actors"])
        .into_iter()
        .chain(strs(&e["targets"]))
        .map(str::to_lowercase)
        .collect()
}

/// The day an event reaches up to, as `since` reads it.
fn last_day(e: &Value) -> Option<String> {
    e["date_end"]
        .as_str()
        .or(e["date_start"].as_str())
        .map(String::from)
        .or_else(|| {
            e["earliest"]["published"]
                .as_str()
                .map(|p| p[..10].to_string())
        })
}

/// The day an event starts, as `until` reads it.
fn first_day(e: &Value) -> Option<String> {
    e["date_start"]
        .as_str()
        .or(e["date_end"].as_str())
        .map(String::from)
        .or_else(|| {
            e["earliest"]["published"]
                .as_str()
                .map(|p| p[..10].to_string())
        })
}

/// Filter queries and the ids of the events of `all` each must list.
fn filter_cases(all: &[Value]) -> Vec<(&'static str, Vec<String>)> {
    let expect = |f: &dyn Fn(&Value) -> bool| -> Vec<String> {
        all.iter()
            .filter(|e| f(e))
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    let names = event_names;
    vec![
        ("type=attack", expect(&|e| e["type"] == "attack")),
        ("level=contested", expect(&|e| e["level"] == "contested")),
        (
            "level=single_source",
            expect(&|e| e["level"] == "single_source"),
        ),
        (
            "min_origins=2",
            expect(&|e| e["independent_origins"].as_u64().unwrap() >= 2),
        ),
        (
            "actor=united%20arab",
            expect(&|e| names(e).iter().any(|n| n.contains("united arab"))),
        ),
        (
            "since=2025-05-01",
            expect(&|e| last_day(e).is_some_and(|d| d.as_str() >= "2025-05-01")),
        ),
        (
            "until=2024-12",
            expect(&|e| first_day(e).is_some_and(|d| d.as_str() <= "2024-12-31")),
        ),
        (
            "type=attack&min_origins=2&since=2025",
            expect(&|e| {
                e["type"] == "attack"
                    && e["independent_origins"].as_u64().unwrap() >= 2
                    && last_day(e).is_some_and(|d| d.as_str() >= "2025-01-01")
            }),
        ),
    ]
}

#[tokio::test]
async fn bad_event_filters_are_400s() {
    let app = corpus_app();
    for query in [
        "type=attak",
        "level=confirmed",
        "min_origins=two",
        "min_origins=-1",
        "since=2025-13",
        "until=yesterday",
        "limit=0",
        "limit=5001",
        "offset=x",
        "epistemic=denied",
        "colour=red",
    ] {
        let (s, e) = app.get(&format!("/api/events?{query}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{query}: {e}");
        assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    }
    let (_, e) = app.get("/api/events?level=confirmed").await;
    assert!(
        e["detail"].as_str().unwrap().contains("confirmed"),
        "the detail names the bad value: {e}"
    );
}

#[tokio::test]
async fn one_event_with_claims_copies_and_contradictions() {
    let app = corpus_app();
    let all = app.all_events().await;
    let drones = drones_event(&all);
    let id = drones["id"].as_str().unwrap();
    let (s, d) = app.get(&format!("/api/events/{}", enc(id))).await;
    assert_eq!(s, StatusCode::OK, "{d}");
    assert_eq!(&d["event"], drones, "the event as the list gives it");
    assert_eq!(d["event"]["level"], "contested");

    // Every member claim, in joining order, as a full claim view.
    let member_ids = drones["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["claim"].as_str().unwrap())
        .collect::<Vec<_>>();
    let claims = d["claims"].as_array().unwrap();
    assert_eq!(ids(&serde_json::json!({ "items": claims })), member_ids);
    for (c, m) in claims.iter().zip(drones["claims"].as_array().unwrap()) {
        assert_eq!(c["doc"], m["doc"]);
        assert!(c["sentence"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(c["span"].is_array() && c["source"]["kind"].is_string());
        assert!(c["doc_title"].is_string(), "{}", c["id"]);
        let corr = &c["corroboration"];
        assert_eq!(corr["event"], id);
        assert_eq!(corr["origin"], m["origin"]);
        assert_eq!(corr["contradicted"], m["contradicted"]);
        assert_eq!(corr["origins"], drones["independent_origins"]);
        assert_eq!(corr["level"], "contested");
    }
    // Both sides of each contradiction are there, on different origins.
    let by_id: HashMap<&str, &Value> = claims
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    let contra = drones["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["detail"].as_str().unwrap().contains("117"))
        .unwrap();
    assert_ne!(contra["a_origin"], contra["b_origin"]);
    let texts: Vec<&str> = [&contra["a"], &contra["b"]]
        .iter()
        .map(|side| {
            let c = by_id[side.as_str().unwrap()];
            assert_eq!(c["corroboration"]["contradicted"], true);
            c["sentence"].as_str().unwrap()
        })
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("117")) && texts.iter().any(|t| t.contains("300")),
        "{texts:?}"
    );
    // The documents, with metadata, once each.
    let docs = d["documents"].as_array().unwrap();
    assert_eq!(
        docs.iter()
            .map(|x| x["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        strs(&drones["documents"])
    );
    assert!(
        docs.iter()
            .all(|x| x["title"].is_string() && x["outlet"].is_string())
    );

    // The wire story and its copy: one origin, the copy marked as such.
    let shared = all
        .iter()
        .find(|e| {
            let docs = strs(&e["documents"]);
            docs.contains(&WIRE) && docs.contains(&COPY)
        })
        .expect("an event reported by the wire story and its copy");
    let (s, d) = app
        .get(&format!(
            "/api/events/{}",
            enc(shared["id"].as_str().unwrap())
        ))
        .await;
    assert_eq!(s, StatusCode::OK);
    let docs = d["documents"].as_array().unwrap();
    let doc = |id: &str| docs.iter().find(|x| x["id"] == id).unwrap();
    assert_eq!(doc(WIRE)["copy_group"], WIRE);
    assert!(doc(WIRE).get("copy_of").is_none(), "{}", doc(WIRE));
    assert_eq!(doc(COPY)["copy_group"], WIRE);
    assert_eq!(doc(COPY)["copy_of"], WIRE);
    assert!(
        all.iter()
            .any(|e| e["origins"].as_array().unwrap().iter().any(|o| {
                let docs = strs(&o["documents"]);
                docs.contains(&WIRE) && docs.contains(&COPY)
            })),
        "an origin counts the wire story and its copy once"
    );

    // A member claim's id finds its event too.
    let (s, again) = app
        .get(&format!("/api/events/{}", enc(member_ids[0])))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(again["event"]["id"], id);
}

#[tokio::test]
async fn unknown_event_is_a_json_404() {
    let app = corpus_app();
    for uri in ["/api/events/ev:nope", "/api/events/nope:0:0"] {
        let (s, e) = app.get(uri).await;
        assert_error(s, &e, StatusCode::NOT_FOUND, "not_found");
    }
    // The generated database has no events at all.
    let app = app_with(None, 1024);
    let (s, page) = app.get("/api/events").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page["total"], 0);
    let (s, e) = app.get("/api/events/ev:doc-000001.txt:0:0").await;
    assert_error(s, &e, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn claims_carry_their_corroboration_badge() {
    let app = corpus_app();
    let all = app.all_events().await;
    let mut membership: HashMap<String, (&Value, &Value)> = HashMap::new();
    for e in &all {
        for m in e["claims"].as_array().unwrap() {
            membership.insert(m["claim"].as_str().unwrap().to_string(), (e, m));
        }
    }
    let (s, page) = app.get("/api/claims?limit=5000").await;
    assert_eq!(s, StatusCode::OK);
    let claims = page["items"].as_array().unwrap();
    assert_eq!(page["total"], claims.len());
    let mut with = 0;
    for c in claims {
        let id = c["id"].as_str().unwrap();
        match membership.get(id) {
            Some((e, m)) => {
                with += 1;
                let corr = &c["corroboration"];
                assert_eq!(corr["event"], e["id"], "{id}");
                assert_eq!(corr["origins"], e["independent_origins"], "{id}");
                assert_eq!(corr["level"], e["level"], "{id}");
                assert_eq!(corr["contradicted"], m["contradicted"], "{id}");
                assert_eq!(corr["corroborated"], m["corroborated"], "{id}");
                assert_eq!(corr["origin"], m["origin"], "{id}");
            }
            None => assert!(c.get("corroboration").is_none(), "{id}: {c}"),
        }
    }
    assert_eq!(with, membership.len(), "every member claim is listed");
    // One claim on its own: a contradicted side of the drones event.
    let drones = drones_event(&all);
    let side = drones["contradictions"][0]["a"].as_str().unwrap();
    let (s, c) = app.get(&format!("/api/claims/{}", enc(side))).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(c["corroboration"]["event"], drones["id"]);
    assert_eq!(c["corroboration"]["contradicted"], true);
    assert_eq!(c["corroboration"]["level"], "contested");
    assert!(c["corroboration"]["origins"].as_u64().unwrap() >= 2);
}

#[tokio::test]
async fn outlets_carry_their_profiles() {
    let app = corpus_app();
    let (s, list) = app.get("/api/outlets").await;
    assert_eq!(s, StatusCode::OK);
    let items = list["items"].as_array().unwrap();
    assert!(items.len() >= 10, "{list}");
    let (_, claims) = app.get("/api/claims?limit=5000").await;
    for o in items {
        let p = &o["profile"];
        assert_eq!(p["outlet"], o["name"]);
        assert_eq!(p["documents"], o["documents"]);
        let (_, mine) = app
            .get(&format!(
                "/api/claims?limit=1&outlet={}",
                enc(o["name"].as_str().unwrap())
            ))
            .await;
        assert_eq!(p["claims"], mine["total"], "{}", o["name"]);
        let in_events = claims["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["outlet"] == o["name"] && c.get("corroboration").is_some())
            .count();
        assert_eq!(p["in_events"], in_events, "{}", o["name"]);
        assert!(p["corroborated"].as_u64() <= p["in_events"].as_u64());
        assert!(p["by_source_kind"].is_array() && p["by_epistemic"].is_array());
    }
    assert!(
        items
            .iter()
            .any(|o| o["profile"]["contradicted"].as_u64().unwrap() > 0),
        "some outlet's claims are contradicted"
    );
}

#[tokio::test]
async fn network_weighs_independent_origins() {
    let app = corpus_app();
    let all = app.all_events().await;
    let origin: HashMap<&str, &str> = all
        .iter()
        .flat_map(|e| e["claims"].as_array().unwrap())
        .map(|m| (m["claim"].as_str().unwrap(), m["origin"].as_str().unwrap()))
        .collect();
    let (_, claims) = app.get("/api/claims?limit=5000").await;
    let doc_of: HashMap<&str, &str> = claims["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["doc"].as_str().unwrap()))
        .collect();
    let (s, net) = app.get("/api/network?limit=5000").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(net["weight"], "independent_origins");
    let edges = net["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        let ids = strs(&e["claims"]);
        assert_eq!(ids.len(), e["claim_count"].as_u64().unwrap() as usize);
        let origins: HashSet<String> = ids
            .iter()
            .map(|c| match origin.get(c) {
                Some(o) => o.to_string(),
                None => format!("doc:{}", doc_of[c]),
            })
            .collect();
        let docs: HashSet<&str> = ids.iter().map(|c| doc_of[c]).collect();
        assert_eq!(e["weight"], origins.len(), "{}", e["id"]);
        assert_eq!(e["documents"], docs.len(), "{}", e["id"]);
    }
    // The corpus's one edge whose origins were not its documents was
    // "a spokesman" → Sudan, which is no actor: the export crate's
    // `origins_collapse_copies` covers copies collapsing to one origin.
    assert!(
        edges.iter().all(|e| e["source_label"] != "a spokesman"),
        "generic nouns are not actors"
    );
    // Before corroboration (the generated database), weight counts documents.
    let (_, net) = app_with(None, 1024).get("/api/network").await;
    assert_eq!(net["weight"], "documents");
}

#[tokio::test]
async fn openapi_schemas_match_the_event_json() {
    let app = corpus_app();
    let (_, doc) = app.get("/api/openapi.json").await;
    let schemas = &doc["components"]["schemas"];
    let props = |name: &str| keys(&schemas[name]["properties"]);
    let all = app.all_events().await;
    let drones = drones_event(&all);
    assert_eq!(keys(drones), props("Event"));
    assert_eq!(keys(&drones["claims"][0]), props("EventClaim"));
    assert_eq!(keys(&drones["contradictions"][0]), props("Contradiction"));
    for o in drones["origins"].as_array().unwrap() {
        assert!(keys(o).is_subset(&props("Origin")), "{o}");
    }
    let (_, d) = app
        .get(&format!(
            "/api/events/{}",
            enc(drones["id"].as_str().unwrap())
        ))
        .await;
    assert_eq!(keys(&d), props("EventDetail"));
    assert_eq!(
        keys(&d["claims"][0]["corroboration"]),
        props("Corroboration")
    );
    let (_, outlets) = app.get("/api/outlets").await;
    assert_eq!(
        keys(&outlets["items"][0]["profile"]),
        props("OutletProfile")
    );
    for path in ["/api/events", "/api/events/{id}"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path}");
    }
    let params: Vec<&str> = doc["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        params,
        [
            "type",
            "actor",
            "since",
            "until",
            "level",
            "min_origins",
            "limit",
            "offset"
        ]
    );
}

#[tokio::test]
async fn exported_claims_carry_their_event() {
    let app = corpus_app();
    let (_, claims) = app.get("/api/claims?limit=5000").await;
    let event_of: HashMap<&str, Option<&str>> = claims["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["corroboration"]["event"].as_str(),
            )
        })
        .collect();
    assert!(event_of.values().filter(|e| e.is_some()).count() > 10);
    let (s, _, body) = app
        .send(
            Request::get("/api/export?format=jsonl")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let text = String::from_utf8(body).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        assert_eq!(v["event"].as_str(), event_of[id], "{id}");
        n += 1;
    }
    assert_eq!(n, event_of.len());

    let (s, _, body) = app
        .send(
            Request::get("/api/export?format=csv&bom=true")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(body.starts_with(b"\xEF\xBB\xBFid,doc,"));
    let (s, e) = app.get("/api/export?format=geojson&bom=true").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
}

/// (source label, target label, relation) → weight of every GEXF edge.
fn gexf_edges(xml: &str) -> HashMap<(String, String, String), u64> {
    use quick_xml::events::Event as X;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut raw = Vec::new();
    loop {
        match r.read_event().unwrap() {
            X::Start(e) | X::Empty(e) => {
                let attr = |k: &str| {
                    e.try_get_attribute(k).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().as_ref() {
                    "node" => {
                        labels.insert(attr("id").unwrap(), attr("label").unwrap());
                    }
                    "edge" => raw.push((
                        attr("source").unwrap(),
                        attr("target").unwrap(),
                        attr("label").unwrap(),
                        attr("weight").unwrap().parse::<u64>().unwrap(),
                    )),
                    _ => {}
                }
            }
            X::Eof => break,
            _ => {}
        }
    }
    raw.into_iter()
        .map(|(s, t, rel, w)| ((labels[&s].clone(), labels[&t].clone(), rel), w))
        .collect()
}

#[tokio::test]
async fn gexf_edges_are_the_network_edges() {
    let app = corpus_app();
    let (s, net) = app.get("/api/network?limit=5000").await;
    assert_eq!(s, StatusCode::OK);
    let api: HashMap<(String, String, String), u64> = net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let k = |f: &str| e[f].as_str().unwrap().to_string();
            (
                (k("source_label"), k("target_label"), k("type")),
                e["weight"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(!api.is_empty());
    let (s, _, body) = app
        .send(
            Request::get("/api/export?format=gexf")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let gexf = gexf_edges(&String::from_utf8(body).unwrap());
    assert_eq!(
        gexf, api,
        "GEXF and /api/network weigh the same edges alike"
    );
    let (_, nodes_ok) = (
        (),
        net["nodes"].as_array().unwrap().iter().all(|n| {
            let kind = n["kind"].as_str().unwrap();
            let label = n["label"].as_str().unwrap();
            kind != "location" && kind != "group" && !label.starts_with(char::is_lowercase)
        }),
    );
    assert!(nodes_ok, "only actors are nodes: {}", net["nodes"]);
}
