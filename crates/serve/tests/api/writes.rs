//! Writes through the API: the token, reviews and their audit trail,
//! ingest of posted documents, the body limit, and hostile markup kept as
//! inert data.

use super::*;

#[tokio::test]
async fn writes_need_the_token() {
    let app = app();
    let claim = app.samples[0].claims[0].id.clone();
    let review = format!("/api/claims/{claim}/review");
    let body = r#"{"who":"ana","action":"confirm"}"#;
    let text = "Drones struck a fuel depot near Belgorod on Monday, officials said.";
    // No token given: 401; a wrong one: 403.
    let (s, e) = app.post(&review, "application/json", None, body).await;
    assert_error(s, &e, StatusCode::UNAUTHORIZED, "unauthorized");
    let (s, e) = app
        .post(&review, "application/json", Some("guess"), body)
        .await;
    assert_error(s, &e, StatusCode::FORBIDDEN, "forbidden");
    let (s, e) = app.post("/api/ingest", "text/plain", None, text).await;
    assert_error(s, &e, StatusCode::UNAUTHORIZED, "unauthorized");
    let (s, e) = app
        .post("/api/ingest", "text/plain", Some("guess"), text)
        .await;
    assert_error(s, &e, StatusCode::FORBIDDEN, "forbidden");
    // Nothing was written.
    let (_, r) = app.get(&format!("/api/claims/{claim}/reviews")).await;
    assert_eq!(r["items"].as_array().unwrap().len(), 0);
    let (_, docs) = app.get("/api/docs").await;
    assert_eq!(docs["total"], DOCS);

    // A server started without a token refuses every write, token or not.
    let closed = app_with(None, 1024 * 1024);
    let (s, e) = closed
        .post(&review, "application/json", Some(TOKEN), body)
        .await;
    assert_error(s, &e, StatusCode::FORBIDDEN, "writes_disabled");
    let (s, e) = closed
        .post("/api/ingest", "text/plain", Some(TOKEN), text)
        .await;
    assert_error(s, &e, StatusCode::FORBIDDEN, "writes_disabled");
}

#[tokio::test]
async fn review_confirm_correct_and_audit_trail() {
    let app = app();
    let claim = &app.samples[1].claims[0];
    let uri = format!("/api/claims/{}/review", claim.id);
    let (s, r) = app
        .post(
            &uri,
            "application/json",
            Some(TOKEN),
            r#"{"who":"ana","action":"confirm","note":"matches the wire copy"}"#,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert_eq!(r["who"], "ana");
    assert!(r["at"].as_str().is_some_and(|a| a.ends_with('Z')), "{r}");
    let (_, c) = app.get(&format!("/api/claims/{}", claim.id)).await;
    assert_eq!(c["review"]["status"], "confirmed");
    assert_eq!(c["review"]["reviewer"], "ana");

    let new_type = if claim.claim_type.as_str() == "casualties" {
        "attack"
    } else {
        "casualties"
    };
    let (s, r) = app
        .post(
            &uri,
            "application/json",
            Some(TOKEN),
            format!(
                r#"{{"who":"ben","action":"correct","field":"type","new_value":"{new_type}"}}"#
            ),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert_eq!(r["old_value"], claim.claim_type.as_str());
    let (_, c) = app.get(&format!("/api/claims/{}", claim.id)).await;
    assert_eq!(c["type"], new_type, "the correction is applied on read");
    assert_eq!(c["review"]["status"], "corrected");
    assert_eq!(c["review"]["corrections"][0]["field"], "type");
    assert_eq!(c["review"]["corrections"][0]["by"], "ben");
    assert!(
        c["why"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().starts_with("corrected by ben")),
        "a corrected value is shown as a correction: {c}"
    );
    // The filters see the corrected value.
    let (_, page) = app
        .get(&format!("/api/claims?type={new_type}&doc={}", claim.doc))
        .await;
    assert!(ids(&page).contains(&claim.id));
    let (_, trail) = app.get(&format!("/api/claims/{}/reviews", claim.id)).await;
    let trail = trail["items"].as_array().unwrap();
    assert_eq!(trail.len(), 2);
    assert_eq!(trail[0]["action"], "confirm");
    assert_eq!(trail[1]["action"], "correct");

    // Bad reviews are 400s (or 404 for a missing claim), and leave no trace.
    for bad in [
        r#"{"who":"","action":"confirm"}"#,
        r#"{"who":"ana","action":"approve"}"#,
        r#"{"who":"ana","action":"correct","field":"type"}"#,
        r#"{"who":"ana","action":"correct","field":"type","new_value":"bombing"}"#,
        r#"{"who":"ana","action":"correct","field":"sentence","new_value":"x"}"#,
        r#"{"who":"ana","action":"confirm","extra":1}"#,
        "not json",
    ] {
        let (s, e) = app.post(&uri, "application/json", Some(TOKEN), bad).await;
        assert!(s.is_client_error(), "{bad}: {s} {e}");
        assert!(e["error"].is_string(), "{bad}: {e}");
    }
    let (s, e) = app
        .post(
            "/api/claims/nope:1:0/review",
            "application/json",
            Some(TOKEN),
            r#"{"who":"ana","action":"confirm"}"#,
        )
        .await;
    assert_error(s, &e, StatusCode::NOT_FOUND, "not_found");
    let (_, trail) = app.get(&format!("/api/claims/{}/reviews", claim.id)).await;
    assert_eq!(trail["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn ingest_text_html_and_jsonl() {
    let app = app();
    let text = "Drones struck a fuel depot near Belgorod on Monday, officials said.";
    let (s, r) = app
        .post(
            "/api/ingest?name=depot.txt",
            "text/plain",
            Some(TOKEN),
            text,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert_eq!(r["new"], 1);
    assert_eq!(r["documents"][0]["id"], "depot.txt");
    assert_eq!(r["documents"][0]["status"], "new");
    let claims = r["documents"][0]["claims"].as_u64().unwrap();
    assert!(claims >= 1, "{r}");
    let (_, page) = app.get("/api/claims?doc=depot.txt").await;
    assert_eq!(page["total"].as_u64().unwrap(), claims);
    // The same text again: recognised, not stored twice.
    let (s, r) = app
        .post(
            "/api/ingest?name=again.txt",
            "text/plain",
            Some(TOKEN),
            text,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["documents"][0]["status"], "already_stored");
    assert_eq!(r["documents"][0]["id"], "depot.txt");

    let html = "<html><head><title>Hospital hit</title></head><body><nav>Home | World</nav>\
        <article><h1>Hospital hit</h1><p>A drone strike hit the Saudi hospital in El Fasher on Friday, \
        according to local medics.</p><p>The Rapid Support Forces denied any involvement in the attack.</p></article></body></html>";
    let (s, r) = app
        .post(
            "/api/ingest?name=hospital.html",
            "text/html",
            Some(TOKEN),
            html,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    let id = r["documents"][0]["id"].as_str().unwrap().to_string();
    let (_, doc) = app.get(&format!("/api/docs/{id}")).await;
    let body = doc["document"]["text"].as_str().unwrap();
    assert!(body.contains("Saudi hospital"), "{body}");
    assert!(!body.contains("<p>"), "HTML is reduced to text: {body}");

    let jsonl = concat!(
        r#"{"id":"wire-1","title":"Talks","text":"Turkey offered to mediate between Sudan and the UAE, its foreign ministry said."}"#,
        "\n",
        "not json at all\n",
        r#"{"id":"wire-2","text":"Mali severed diplomatic ties with Ukraine on Sunday."}"#,
        "\n"
    );
    let (s, r) = app
        .post("/api/ingest", "application/x-ndjson", Some(TOKEN), jsonl)
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert_eq!(r["new"], 2, "{r}");
    assert_eq!(r["failed"], 1, "{r}");
    assert!(
        r["errors"][0].as_str().unwrap().contains('2'),
        "names the line: {r}"
    );

    // Nothing readable: 422; empty: 400; a bad format name: 400.
    let (s, e) = app
        .post("/api/ingest", "application/x-ndjson", Some(TOKEN), "nope\n")
        .await;
    assert_error(s, &e, StatusCode::UNPROCESSABLE_ENTITY, "no_document");
    let (s, e) = app.post("/api/ingest", "text/plain", Some(TOKEN), "").await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
    let (s, e) = app
        .post("/api/ingest?format=pdf", "text/plain", Some(TOKEN), text)
        .await;
    assert_error(s, &e, StatusCode::BAD_REQUEST, "bad_request");
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let app = app_with(Some(TOKEN), 4096);
    let big = "Drones struck the depot. ".repeat(400); // 10 KB
    let (s, e) = app
        .post("/api/ingest", "text/plain", Some(TOKEN), big.clone())
        .await;
    assert_error(s, &e, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
    let claim = app.samples[0].claims[0].id.clone();
    let review = format!(
        r#"{{"who":"ana","action":"confirm","note":"{}"}}"#,
        "x".repeat(8000)
    );
    let (s, e) = app
        .post(
            &format!("/api/claims/{claim}/review"),
            "application/json",
            Some(TOKEN),
            review,
        )
        .await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{e}");
    // Under the limit is fine.
    let (s, _) = app
        .post(
            "/api/ingest",
            "text/plain",
            Some(TOKEN),
            "Drones struck the depot near Kharkiv, officials said.",
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
}

#[tokio::test]
async fn hostile_markup_is_returned_as_data() {
    let app = app();
    let hostile = "Officials said <script>window.__pwned=1</script> drones struck \
        <img src=x onerror=\"window.__pwned=2\"> the depot in Kharkiv. \
        Click <a href=\"javascript:window.__pwned=3\">here</a> for \"quotes\" & more.";
    let (s, r) = app
        .post(
            "/api/ingest?name=hostile.txt",
            "text/plain",
            Some(TOKEN),
            hostile,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    let (status, headers, body) = app
        .send(
            Request::get("/api/docs/hostile.txt")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // JSON, never sniffed as HTML, under a CSP that allows no inline script.
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let doc: Value = serde_json::from_slice(&body).unwrap();
    // The markup is kept verbatim as text: what the page shows is what was posted.
    assert_eq!(doc["document"]["text"], hostile);
    let (_, page) = app.get("/api/claims?doc=hostile.txt").await;
    assert!(page["total"].as_u64().unwrap() >= 1, "{page}");
    for c in page["items"].as_array().unwrap() {
        let sentence = c["sentence"].as_str().unwrap();
        let [a, b] = [
            c["span"][0].as_u64().unwrap(),
            c["span"][1].as_u64().unwrap(),
        ];
        assert_eq!(&hostile[a as usize..b as usize], sentence);
    }
}

/// Documents posted to `/api/ingest` are corroborated as `claimtrace ingest`
/// corroborates: their claims are placed in events at once, and two outlets'
/// reports of one happening join one event.
#[tokio::test]
async fn ingested_documents_are_corroborated() {
    let app = app();
    let first = "---\noutlet: Sahel Wire Service\npublished: 2025-06-02\n---\n\
        Drones struck a fuel depot near Belgorod on Monday, the regional governor said.";
    let second = "---\noutlet: Meridian Daily\npublished: 2025-06-02\n---\n\
        A fuel depot near Belgorod was struck by drones on Monday, according to the governor.";
    let mut events = Vec::new();
    for (name, text) in [("wire.txt", first), ("daily.txt", second)] {
        let (s, r) = app
            .post(
                &format!("/api/ingest?name={name}"),
                "text/plain",
                Some(TOKEN),
                text,
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{r}");
        let (_, page) = app.get(&format!("/api/claims?doc={name}")).await;
        let items = page["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{page}");
        let attack = items
            .iter()
            .find(|c| c["type"] == "attack")
            .unwrap_or_else(|| panic!("an attack claim in {name}: {page}"));
        let event = attack["corroboration"]["event"]
            .as_str()
            .unwrap_or_else(|| panic!("the posted claim is in an event: {attack}"));
        events.push(event.to_string());
    }
    assert_eq!(events[0], events[1], "both reports join one event");
    let (s, e) = app
        .get(&format!("/api/events/{}", crate::events::enc(&events[0])))
        .await;
    assert_eq!(s, StatusCode::OK, "{e}");
    assert_eq!(e["event"]["totals"]["documents"], 2, "{e}");
}
