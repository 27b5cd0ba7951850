//! The analyst page, built by `npm run build` in `web/` and embedded in the
//! binary. When the page was not built before compiling, every page request
//! gets a short HTML notice saying how to build it (the API still works).

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "../../web/dist"]
#[allow_missing = true]
struct Dist;

const NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimtrace: page not built</title></head>\
<body><h1>The web page was not built into this binary</h1>\
<p>The HTTP API works (see <a href=\"/api/openapi.json\">/api/openapi.json</a>). To get the page, run \
<code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code> and rebuild claimtrace.</p></body></html>";

/// Whether the page was embedded at build time.
pub fn page_built() -> bool {
    Dist::get("index.html").is_some()
}

/// A file of the page, or `index.html` for any other path (the page routes by URL hash).
pub async fn asset(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let (file, name) = match Dist::get(path) {
        Some(f) if !path.is_empty() => (f, path),
        _ => match Dist::get("index.html") {
            Some(f) => (f, "index.html"),
            None => {
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    NOT_BUILT,
                )
                    .into_response();
            }
        },
    };
    let mime = file.metadata.mimetype().to_string();
    let mut res = Response::new(Body::from(file.data.into_owned()));
    if let Ok(v) = HeaderValue::from_str(&mime) {
        res.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    // Vite names built assets by content hash, so they can be cached for good;
    // index.html must be re-read to pick up a new build.
    let cache = if name.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}
