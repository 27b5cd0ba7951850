//! Response hardening and the write token.
//!
//! Every response carries a Content-Security-Policy that allows only this
//! origin (plus `data:` images, which Leaflet uses), so even if some article
//! text were ever put into the page as markup, no inline or foreign script
//! could run. Writes (ingest, review) need the token the server was started
//! with; without one they are switched off.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::ApiError;

/// `style-src` also admits, by hash, the one rule Cytoscape injects into the page
/// (`.__________cytoscape_container { position: relative; }`), nothing else.
const CSP: &str = "default-src 'self'; img-src 'self' data:; \
style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='; script-src 'self'; \
object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Adds the security headers to every response.
pub async fn headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// Checks the request's token (`Authorization: Bearer T` or `X-Claimtrace-Token: T`)
/// against the server's. No server token: writes are disabled (403).
pub fn authorize(expected: Option<&str>, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = expected else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes_disabled",
            "this server was started without a token, so ingest and review are disabled; \
             restart it with --token or CLAIMTRACE_TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| {
            headers
                .get("x-claimtrace-token")
                .and_then(|v| v.to_str().ok())
        });
    match given {
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this endpoint needs the server token",
        )),
        Some(t) if constant_time_eq(t.trim().as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "wrong token",
        )),
    }
}

/// Compares without an early exit, so response time does not reveal how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_checks() {
        let mut h = HeaderMap::new();
        assert_eq!(
            authorize(None, &h).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            authorize(Some("s3cret"), &h).unwrap_err().status,
            StatusCode::UNAUTHORIZED
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert_eq!(
            authorize(Some("s3cret"), &h).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        assert!(authorize(Some("s3cret"), &h).is_ok());
        let mut h2 = HeaderMap::new();
        h2.insert("x-claimtrace-token", HeaderValue::from_static("s3cret"));
        assert!(authorize(Some("s3cret"), &h2).is_ok());
        assert!(!constant_time_eq(b"ab", b"abc"));
    }
}
