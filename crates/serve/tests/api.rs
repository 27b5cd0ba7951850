//! The HTTP API through the router, in process (tower `oneshot`), over a
//! temporary database of generated documents (`claimtrace_store::testing`),
//! and, for events, over the sample corpus ingested and corroborated the way
//! `claimtrace ingest` does it (`events` module). Writes (token, review,
//! ingest, body limit, hostile markup) are in the `writes` module.

#[path = "api/events.rs"]
mod events;
#[path = "api/limits.rs"]
mod limits;
#[path = "api/writes.rs"]
mod writes;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use claimtrace_model::Claim;
use claimtrace_serve::{AppState, ServeConfig, router};
use claimtrace_store::testing::sample::{Sample, sample};
use claimtrace_store::{NewDocument, SqliteStore, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const DOCS: usize = 24;
const TOKEN: &str = "s3cret-token";

struct App {
    router: Router,
    samples: Vec<Sample>,
    _dir: tempfile::TempDir,
}

fn app_with(token: Option<&str>, max_body: usize) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let samples: Vec<Sample> = (0..DOCS).map(sample).collect();
    {
        let mut store = SqliteStore::open(&db).unwrap();
        let batch: Vec<NewDocument<'_>> = samples.iter().map(Sample::as_new).collect();
        for r in store.put_documents(&batch).unwrap() {
            r.unwrap();
        }
    }
    let state = AppState::open(&db, token.map(String::from)).unwrap();
    let cfg = ServeConfig {
        max_body,
        ..Default::default()
    };
    App {
        router: router(state, &cfg).unwrap(),
        samples,
        _dir: dir,
    }
}

fn app() -> App {
    app_with(Some(TOKEN), 1024 * 1024)
}

impl App {
    fn claims(&self) -> impl Iterator<Item = &Claim> {
        self.samples.iter().flat_map(|s| &s.claims)
    }

    async fn send(&self, req: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, headers, body)
    }

    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let (status, headers, body) = self
            .send(Request::get(uri).body(Body::empty()).unwrap())
            .await;
        assert_json(&headers, &body, uri);
        (status, serde_json::from_slice(&body).unwrap())
    }

    async fn post(
        &self,
        uri: &str,
        content_type: &str,
        token: Option<&str>,
        body: impl Into<Body>,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::CONTENT_TYPE, content_type);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let (status, headers, body) = self.send(req.body(body.into()).unwrap()).await;
        assert_json(&headers, &body, uri);
        (status, serde_json::from_slice(&body).unwrap())
    }
}

fn assert_json(headers: &HeaderMap, body: &[u8], uri: &str) {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        ct.starts_with("application/json"),
        "{uri}: content-type {ct:?}, body {}",
        String::from_utf8_lossy(body)
    );
}

/// An error answer: the status and the JSON `{error, detail}` body.
fn assert_error(status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["error"], code, "{body}");
    assert!(
        body["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{body}"
    );
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn claims_list_counts_and_pages() {
    let app = app();
    let all = app.claims().count();
    let (s, first) = app.get("/api/claims?limit=7").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(first["total"], all);
    assert_eq!(first["limit"], 7);
    assert_eq!(first["items"].as_array().unwrap().len(), 7);
    // Pages tile the result: no claim twice, none missing.
    let mut seen = Vec::new();
    let mut offset = 0;
    while offset < all {
        let (_, page) = app
            .get(&format!("/api/claims?limit=50&offset={offset}"))
            .await;
        seen.extend(ids(&page));
        offset += 50;
    }
    assert_eq!(seen.len(), all);
    let mut dedup = seen.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), all);
    // Each item is the claim record plus its article's metadata.
    let c = &first["items"][0];
    for key in [
        "id",
        "doc",
        "sentence",
        "span",
        "type",
        "plover",
        "actor",
        "source",
        "epistemic",
        "cues",
        "cue_spans",
        "date",
        "place",
        "quantities",
        "weapons",
        "why",
        "doc_title",
        "outlet",
    ] {
        assert!(c.get(key).is_some(), "claim view lacks {key}: {c}");
    }
    // Bounds of the page size.
    let (s, e) = app.get("/api/claims?limit=0").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    let (s, e) = app.get("/api/claims?limit=5001").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
}

#[tokio::test]
async fn claims_filters_match_the_data() {
    let app = app();
    let expect = |f: &dyn Fn(&Claim) -> bool| app.claims().filter(|c| f(c)).count();
    let cases: Vec<(&str, usize)> = vec![
        (
            "type=attack",
            expect(&|c| c.claim_type.as_str() == "attack"),
        ),
        (
            "epistemic=hedged",
            expect(&|c| c.epistemic.as_str() == "hedged"),
        ),
        (
            "source_kind=named_person",
            expect(&|c| c.source.kind.as_str() == "named_person"),
        ),
        (
            "type=arms_transfer&epistemic=reported",
            expect(&|c| {
                c.claim_type.as_str() == "arms_transfer" && c.epistemic.as_str() == "reported"
            }),
        ),
        ("doc=doc-000003.txt", expect(&|c| c.doc == "doc-000003.txt")),
    ];
    for (query, want) in cases {
        let (s, page) = app.get(&format!("/api/claims?limit=5000&{query}")).await;
        assert_eq!(s, StatusCode::OK, "{query}: {page}");
        assert_eq!(page["total"], want, "{query}");
        assert!(want > 0, "{query}: the fixture should have some");
    }
    // Actor: by name or by id, in actor, target or source.
    let (_, by_name) = app
        .get("/api/claims?actor=rapid%20support&limit=5000")
        .await;
    let (_, by_id) = app.get("/api/claims?actor=RSF&limit=5000").await;
    assert!(by_name["total"].as_u64().unwrap() > 0);
    assert_eq!(by_name["total"], by_id["total"]);
    for c in by_id["items"].as_array().unwrap() {
        let has = |role: &str| c[role]["id"] == "RSF";
        assert!(has("actor") || has("target"), "{c}");
    }
    // Outlet: every claim is from a document of that outlet.
    let (_, page) = app.get("/api/claims?outlet=Reuters&limit=5000").await;
    let want = app
        .samples
        .iter()
        .filter(|s| s.doc.outlet.as_deref() == Some("Reuters"))
        .map(|s| s.claims.len())
        .sum::<usize>();
    assert_eq!(page["total"], want);
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["outlet"] == "Reuters")
    );
    // Dates: every claim dated (or, undated, published) within the bounds.
    let (_, page) = app
        .get("/api/claims?since=2025-03&until=2025-04-30&limit=5000")
        .await;
    assert!(page["total"].as_u64().unwrap() > 0);
    for c in page["items"].as_array().unwrap() {
        let day = c["date"]["value"]
            .as_str()
            .or_else(|| c["published"].as_str())
            .unwrap()
            .get(..10)
            .unwrap()
            .to_string();
        assert!(
            ("2025-03-01".."2025-05-01").contains(&day.as_str()),
            "{day}: {c}"
        );
    }
    // Unknown labels and parameters are refused, never ignored.
    let (s, e) = app.get("/api/claims?type=attak").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    assert!(e["detail"].as_str().unwrap().contains("attak"));
    let (s, e) = app.get("/api/claims?colour=red").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    let (s, e) = app.get("/api/claims?since=June").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
}

#[tokio::test]
async fn full_text_search() {
    let app = app();
    // Sentences carry "report N-I": one sentence, one claim.
    let (s, page) = app.get("/api/claims?q=%22report%205-9%22").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page["total"], 1, "{page}");
    assert!(
        page["items"][0]["sentence"]
            .as_str()
            .unwrap()
            .contains("report 5-9")
    );
    // Words combine with AND and with filters.
    let (_, page) = app.get("/api/claims?q=Kharkiv%20drones&limit=5000").await;
    let want = app
        .claims()
        .filter(|c| c.sentence.contains("Kharkiv"))
        .count();
    assert_eq!(page["total"], want);
    let (_, page) = app
        .get("/api/claims?q=Kharkiv&type=attack&limit=5000")
        .await;
    for c in page["items"].as_array().unwrap() {
        assert_eq!(c["type"], "attack");
        assert!(c["sentence"].as_str().unwrap().contains("Kharkiv"));
    }
    // FTS syntax in user text is taken as words, not as a query language.
    let (s, _) = app.get("/api/claims?q=NEAR(%22a%22%20OR%20*").await;
    assert_eq!(s, StatusCode::OK);
    let (s, e) = app.get("/api/claims?q=%22%22%20**").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
}

#[tokio::test]
async fn documents_profile_and_catalogue() {
    let app = app();
    let (s, page) = app.get("/api/docs?limit=10").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page["items"].as_array().unwrap().len(), 10);
    assert_eq!(page["total"], DOCS);
    assert_eq!(page["more"], true);
    let (_, last) = app.get("/api/docs?limit=10&offset=20").await;
    assert_eq!(last["items"].as_array().unwrap().len(), DOCS - 20);
    assert_eq!(last["more"], false);

    let s3 = &app.samples[3];
    let (s, doc) = app.get("/api/docs/doc-000003.txt").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["document"]["text"], s3.doc.text);
    assert_eq!(
        doc["sentences"].as_array().unwrap().len(),
        s3.sentences.len()
    );

    let (s, p) = app.get("/api/profile/doc-000003.txt").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p["claims"], s3.claims.len());
    let by_kind: u64 = p["by_source_kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_kind as usize, s3.claims.len());
    let authored = s3
        .claims
        .iter()
        .filter(|c| c.source.kind.as_str() == "author")
        .count();
    let row = p["by_source_kind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "author")
        .unwrap();
    assert_eq!(row["count"], authored);

    let (s, outlets) = app.get("/api/outlets").await;
    assert_eq!(s, StatusCode::OK);
    let n: u64 = outlets["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["documents"].as_u64().unwrap())
        .sum();
    assert_eq!(n as usize, DOCS);
    let (_, actors) = app.get("/api/actors?q=ukr").await;
    assert_eq!(actors["items"][0]["name"], "Ukraine");
    let (s, net) = app.get("/api/network").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!net["edges"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn unknown_things_are_json_404s() {
    let app = app();
    for (uri, code) in [
        ("/api/claims/nope:0:0", "not_found"),
        ("/api/docs/missing.txt", "not_found"),
        ("/api/profile/missing.txt", "not_found"),
        ("/api/claims/nope:0:0/reviews", "not_found"),
        ("/api/no-such-route", "not_found"),
    ] {
        let (s, e) = app.get(uri).await;
        assert_error(s, &e, StatusCode::NOT_FOUND, code);
    }
    let (s, e) = app
        .post("/api/claims", "application/json", None, "{}")
        .await;
    assert_error(s, &e, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert!(e["detail"].as_str().unwrap().contains("/api/claims"), "{e}");
}

#[tokio::test]
async fn export_formats_follow_the_filters() {
    let app = app();
    let attacks = app
        .claims()
        .filter(|c| c.claim_type.as_str() == "attack")
        .count();
    let (s, h, body) = app
        .send(
            Request::get("/api/export?format=csv&type=attack")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        h[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        h[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("claimtrace-claims.csv")
    );
    let csv = String::from_utf8(body).unwrap();
    assert!(csv.starts_with("id,doc,"));
    let mut rdr = csv_rows(&csv);
    assert_eq!(rdr.len(), attacks);
    assert!(rdr.iter_mut().all(|r| r.contains(",attack,")));

    let (s, _, body) = app
        .send(
            Request::get("/api/export?format=jsonl&doc=doc-000002.txt")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let lines: Vec<Value> = String::from_utf8(body)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), app.samples[2].claims.len());
    assert!(lines.iter().all(|l| l["doc"] == "doc-000002.txt"));

    let (s, h, body) = app
        .send(
            Request::get("/api/export?format=geojson&limit=5")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[header::CONTENT_TYPE], "application/geo+json");
    let gj: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    assert_eq!(gj["features"].as_array().unwrap().len(), 5);

    for format in ["gexf", "claimreview"] {
        let (s, _, body) = app
            .send(
                Request::get(format!("/api/export?format={format}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{format}");
        assert!(!body.is_empty(), "{format}");
    }
    let (s, e) = app.get("/api/export?format=xlsx").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    let (s, e) = app.get("/api/export").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    let (s, e) = app.get("/api/export?format=csv&type=attak").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
}

/// CSV records after the header (quoted fields may hold newlines).
fn csv_rows(csv: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in csv.chars() {
        if ch == '"' {
            quoted = !quoted;
        }
        if ch == '\n' && !quoted {
            rows.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    rows.remove(0);
    rows
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let app = app();
    let (s, doc) = app.get("/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/docs", "get"),
        ("/api/docs/{id}", "get"),
        ("/api/profile/{doc}", "get"),
        ("/api/claims", "get"),
        ("/api/claims/{id}", "get"),
        ("/api/claims/{id}/review", "post"),
        ("/api/claims/{id}/reviews", "get"),
        ("/api/events", "get"),
        ("/api/events/{id}", "get"),
        ("/api/outlets", "get"),
        ("/api/actors", "get"),
        ("/api/network", "get"),
        ("/api/ingest", "post"),
        ("/api/export", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["securitySchemes"]["token"].is_object());
    // Every documented route is routed (no stale entries): whatever it answers,
    // it is not the fallback's "no API route" nor a 405.
    for (path, item) in paths {
        let uri = path
            .replace("{id}", "doc-000001.txt")
            .replace("{doc}", "doc-000001.txt");
        for method in item.as_object().unwrap().keys() {
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let (s, _, body) = app.send(req).await;
            let text = String::from_utf8_lossy(&body);
            assert_ne!(s, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}: {text}");
            assert!(!text.contains("no API route"), "{method} {path}: {text}");
        }
    }
}

#[tokio::test]
async fn page_and_security_headers() {
    let app = app();
    let (s, h, body) = app
        .send(Request::get("/").body(Body::empty()).unwrap())
        .await;
    // The page when it was built before compiling, else a notice saying how to build it.
    assert!(
        s == StatusCode::OK || s == StatusCode::SERVICE_UNAVAILABLE,
        "{s}"
    );
    assert!(
        h[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(String::from_utf8_lossy(&body).contains("<"));
    for name in [
        header::CONTENT_SECURITY_POLICY,
        header::X_CONTENT_TYPE_OPTIONS,
        header::X_FRAME_OPTIONS,
        header::REFERRER_POLICY,
    ] {
        assert!(h.contains_key(&name), "{name} missing");
    }
    // CORS is closed unless an origin is configured.
    let (_, h, _) = app
        .send(
            Request::get("/api/claims")
                .header(header::ORIGIN, "https://evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(!h.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
}
