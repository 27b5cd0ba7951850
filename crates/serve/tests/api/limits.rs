//! Every request has a budget and every answer a bounded size: search
//! limits (400 naming the limit), the time budget and the workers' queue
//! (503), Host checking (421), and events read a page at a time.

use std::time::{Duration, Instant};

use claimtrace_serve::Limits;
use claimtrace_store::testing::big_event;
use claimtrace_store::{CorroborationUpdate, EventRecord};

use super::events::enc;
use super::*;

fn limited_app(limits: Limits, cfg: ServeConfig) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let samples: Vec<Sample> = (0..DOCS).map(sample).collect();
    {
        let mut store = SqliteStore::open(&db).unwrap();
        let batch: Vec<NewDocument<'_>> = samples.iter().map(Sample::as_new).collect();
        for r in store.put_documents(&batch).unwrap() {
            r.unwrap();
        }
        let e = big_event(&samples);
        store
            .put_corroboration(&CorroborationUpdate {
                events: vec![EventRecord {
                    seq: None,
                    event: e,
                    state: "{}".into(),
                    keys: vec![1],
                }],
                ..Default::default()
            })
            .unwrap();
    }
    let state = AppState::open_limited(&db, None, Default::default(), limits).unwrap();
    App {
        router: router(state, &cfg).unwrap(),
        samples,
        _dir: dir,
    }
}

#[tokio::test]
async fn oversized_searches_are_400s_naming_the_limit() {
    let app = app();
    let huge = "drone+".repeat(10_000);
    let started = Instant::now();
    let (status, body) = app.get(&format!("/api/claims?q={huge}")).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "query_too_long");
    assert!(body["detail"].as_str().unwrap().contains("500"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(1));
    for (q, code) in [
        ("a+b+c+d+e+f+g+h+i+j+k+l+m", "too_many_terms"),
        ("dro*+kha*+sud*", "too_many_prefixes"),
        ("d*", "prefix_too_short"),
    ] {
        let (status, body) = app.get(&format!("/api/claims?q={q}")).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST, code);
        let (status, body) = app.get(&format!("/api/docs?q={q}")).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST, code);
    }
    let long = "x".repeat(300);
    let (status, body) = app.get(&format!("/api/claims?actor={long}")).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "param_too_long");
    let (status, _) = app.get("/api/claims?q=drone+strike*").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn work_past_its_budget_is_a_503() {
    let limits = Limits {
        budget: Duration::ZERO,
        ..Limits::default()
    };
    let app = limited_app(limits, ServeConfig::default());
    let (status, body) = app.get("/api/claims?q=drone").await;
    assert_error(status, &body, StatusCode::SERVICE_UNAVAILABLE, "timeout");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_is_a_503_not_more_threads() {
    let limits = Limits {
        readers: 1,
        queue: 1,
        ..Limits::default()
    };
    let app = limited_app(limits, ServeConfig::default());
    let requests = (0..64).map(|_| app.get("/api/claims?limit=500"));
    let answers = futures_join_all(requests).await;
    let overloaded = answers
        .iter()
        .filter(|(s, b)| *s == StatusCode::SERVICE_UNAVAILABLE && b["error"] == "overloaded")
        .count();
    let ok = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!(ok + overloaded, answers.len(), "only 200s and 503s");
    assert!(
        ok >= 1 && overloaded >= 1,
        "{ok} ok, {overloaded} overloaded"
    );
}

/// `join_all` without the futures crate: poll every request on its own task.
async fn futures_join_all<F>(futs: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future,
{
    let mut out = Vec::new();
    let futs: Vec<_> = futs.map(Box::pin).collect();
    // Start them all before awaiting any: each is polled once up to its queueing.
    let mut pending: Vec<_> = futs.into_iter().map(Some).collect();
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let mut done: Vec<Option<F::Output>> = pending.iter().map(|_| None).collect();
    for (i, f) in pending.iter_mut().enumerate() {
        if let Some(fut) = f
            && let std::task::Poll::Ready(v) = fut.as_mut().poll(&mut cx)
        {
            done[i] = Some(v);
            *f = None;
        }
    }
    for (i, f) in pending.into_iter().enumerate() {
        match f {
            Some(fut) => out.push(fut.await),
            None => out.push(done[i].take().unwrap()),
        }
    }
    out
}

#[tokio::test]
async fn only_the_hosts_it_serves_are_answered() {
    let cfg = ServeConfig {
        allowed_hosts: vec!["claims.example.org".into()],
        ..ServeConfig::default()
    };
    let app = limited_app(Limits::default(), cfg);
    let get = |host: &'static str| {
        Request::get("/api/docs")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap()
    };
    for host in [
        "127.0.0.1:8080",
        "localhost:8080",
        "[::1]:8080",
        "claims.example.org",
        "claims.example.org:443",
    ] {
        let (status, _, body) = app.send(get(host)).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "{host}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    for host in [
        "evil.example",
        "evil.example:8080",
        "localhost:9999",
        "127.0.0.1",
    ] {
        let (status, headers, body) = app.send(get(host)).await;
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert_error(
            status,
            &body,
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected",
        );
        assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }
    // The page too, not only the API.
    let page = Request::get("/")
        .header(header::HOST, "evil.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(page).await.0, StatusCode::MISDIRECTED_REQUEST);
}

#[tokio::test]
async fn a_big_event_is_answered_in_pages() {
    let app = limited_app(Limits::default(), ServeConfig::default());
    let claims_total = app.claims().count();
    assert!(claims_total > 100, "{claims_total}");
    let (status, list) = app.get("/api/events?limit=1").await;
    assert_eq!(status, StatusCode::OK);
    let e = &list["items"][0];
    assert_eq!(e["claims"].as_array().unwrap().len(), 5);
    assert_eq!(e["contradictions"].as_array().unwrap().len(), 5);
    assert_eq!(e["totals"]["claims"], claims_total);
    assert_eq!(e["totals"]["contradictions"], claims_total - 1);
    let id = enc(e["id"].as_str().unwrap());
    let (status, d) = app.get(&format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d["claims"].as_array().unwrap().len(), 50);
    assert_eq!(d["event"]["claims"].as_array().unwrap().len(), 50);
    assert_eq!(d["event"]["totals"]["documents"], DOCS);
    // Pages of claims, in joining order, add up to every member.
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let (status, page) = app
            .get(&format!("/api/events/{id}/claims?limit=40&offset={offset}"))
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["total"], claims_total);
        let items = page["items"].as_array().unwrap();
        if items.is_empty() {
            break;
        }
        seen.extend(items.iter().map(|c| c["id"].as_str().unwrap().to_string()));
        offset += items.len();
    }
    let want: Vec<String> = app.claims().map(|c| c.id.clone()).collect();
    assert_eq!(seen, want);
    let (_, page) = app
        .get(&format!(
            "/api/events/{id}/contradictions?limit=10&offset=5"
        ))
        .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 10);
    assert_eq!(page["items"][0]["a"], want[5].as_str());
    let (_, page) = app
        .get(&format!("/api/events/{id}/documents?limit=7"))
        .await;
    assert_eq!(
        (
            page["items"].as_array().unwrap().len(),
            page["total"].as_u64()
        ),
        (7, Some(DOCS as u64))
    );
    let (_, page) = app
        .get(&format!("/api/events/{id}/origins?offset=20"))
        .await;
    assert_eq!(page["items"].as_array().unwrap().len(), DOCS - 20);
    let (status, body) = app.get(&format!("/api/events/{id}/claims?limit=501")).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
    let (status, body) = app.get("/api/events/ev:none/claims").await;
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn openapi_documents_the_limits_and_error_answers() {
    let app = app();
    let (_, doc) = app.get("/api/openapi.json").await;
    let text = doc["info"]["description"].as_str().unwrap();
    for limit in [
        "500 bytes",
        "12 words",
        "2 prefix terms",
        "overloaded",
        "timeout",
        "421",
    ] {
        assert!(text.contains(limit), "{limit} not in the description");
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for status in ["421", "503"] {
                assert!(
                    op["responses"][status].is_object(),
                    "{method} {path}: no {status}"
                );
            }
        }
    }
    for path in [
        "/api/events/{id}/claims",
        "/api/events/{id}/contradictions",
        "/api/events/{id}/origins",
        "/api/events/{id}/documents",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path}");
    }
}
