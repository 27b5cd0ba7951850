//! Response hardening, Host checking and the write token.
//!
//! DNS rebinding: a page on another site can make a browser resolve its own
//! name to 127.0.0.1 and then read this server's answers as same-origin.
//! The browser still sends that site's name as `Host`, so only the Host
//! names the server was told to serve are answered; others get 421.
//!
//! Every response carries a Content-Security-Policy that allows only this
//! origin (plus `data:` images, which Leaflet uses), so even if some article
//! text were ever put into the page as markup, no inline or foreign script
//! could run. Writes (ingest, review) need the token the server was started
//! with; without one they are switched off.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::{ApiError, Error};

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

/// The Host names (with ports) the server answers.
#[derive(Debug, Clone)]
pub struct HostCheck {
    /// `(lowercase host, port)`; `None`: any port.
    allowed: Vec<(String, Option<u16>)>,
}

impl HostCheck {
    /// The bound address, `localhost`, `127.0.0.1` and `[::1]` on its port,
    /// and `extra` names (`example.org`: any port; `example.org:8443`: that port).
    pub fn new(addr: SocketAddr, extra: &[String]) -> crate::Result<Self> {
        let port = Some(addr.port());
        let mut allowed = vec![
            (host_of_ip(addr.ip()), port),
            ("localhost".to_string(), port),
            ("127.0.0.1".to_string(), port),
            ("[::1]".to_string(), port),
        ];
        for name in extra {
            let parsed = split_host(name.trim())
                .filter(|(h, _)| !h.is_empty() && h.chars().all(host_char))
                .ok_or_else(|| {
                    Error::Config(format!(
                        "--allow-host '{name}': not a host name (NAME or NAME:PORT)"
                    ))
                })?;
            allowed.push(parsed);
        }
        Ok(HostCheck { allowed })
    }

    /// Whether a `Host` value names this server. The port of a Host without
    /// one is 80 (plain HTTP).
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host.trim()) else {
            return false;
        };
        let port = port.unwrap_or(80);
        self.allowed
            .iter()
            .any(|(h, p)| *h == name && p.is_none_or(|p| p == port))
    }
}

fn host_of_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

fn host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']' | ':')
}

/// `name[:port]` (`[v6]:port` for IPv6) as lowercase name and port.
fn split_host(h: &str) -> Option<(String, Option<u16>)> {
    let (name, port) = if h.starts_with('[') {
        let end = h.find(']')?;
        let rest = &h[end + 1..];
        let port = match rest.strip_prefix(':') {
            Some(p) => Some(p),
            None if rest.is_empty() => None,
            None => return None,
        };
        (&h[..=end], port)
    } else {
        match h.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (h, None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok()?),
        None => None,
    };
    Some((name.to_ascii_lowercase(), port))
}

/// Refuses requests whose Host (or HTTP/2 authority) this server does not
/// serve with 421 Misdirected Request. A request naming no host at all
/// (HTTP/1.0, in-process calls) is not a browser's, so it passes.
pub async fn check_host(State(check): State<Arc<HostCheck>>, req: Request, next: Next) -> Response {
    let host = req
        .uri()
        .authority()
        .map(|a| a.as_str().to_string())
        .or_else(|| {
            req.headers()
                .get(header::HOST)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        });
    match host {
        Some(h) if !check.allows(&h) => axum::response::IntoResponse::into_response(ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected",
            format!(
                "this server does not answer for host '{}'; start it with --allow-host NAME to serve that name",
                h.chars().take(100).collect::<String>()
            ),
        )),
        _ => next.run(req).await,
    }
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

    #[test]
    fn host_names() {
        let addr: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let c = HostCheck::new(addr, &["Example.org".into(), "proxy.lan:9000".into()]).unwrap();
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
            "example.org",
            "example.org:443",
            "proxy.lan:9000",
        ] {
            assert!(c.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "localhost",
            "localhost:8081",
            "127.0.0.1",
            "proxy.lan:9001",
            "proxy.lan",
            "[::1]x:8080",
            "",
            "localhost:notaport",
        ] {
            assert!(!c.allows(bad), "{bad}");
        }
        let v6 = HostCheck::new("[::1]:3000".parse().unwrap(), &[]).unwrap();
        assert!(v6.allows("[::1]:3000"));
        assert!(v6.allows("localhost:3000"));
        assert!(HostCheck::new(addr, &["a b".into()]).is_err());
        assert!(HostCheck::new(addr, &["".into()]).is_err());
    }
}
