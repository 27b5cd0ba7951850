//! The HTTP response inside a WARC `response` record: status, headers,
//! chunked transfer-encoding and gzip/deflate content-encoding.

use std::io::Read;

/// A parsed HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// The media type, lower-cased, without parameters (`text/html`).
    pub media_type: Option<String>,
    /// The body with transfer- and content-encodings removed.
    pub body: Vec<u8>,
}

/// Parses `raw` (status line, headers, blank line, body). The decoded body
/// may not exceed `limit` bytes (a gzip bomb stops there).
pub fn parse_response(raw: &[u8], limit: u64) -> Result<HttpResponse, String> {
    let (head, body) = split_head(raw).ok_or("no end of the HTTP headers")?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split('\n').map(|l| l.trim_end_matches('\r'));
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|_| status_line.starts_with("HTTP/"))
        .ok_or_else(|| format!("bad HTTP status line {:?}", truncate(status_line)))?;
    let mut media_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                media_type = v.split(';').next().map(|t| t.trim().to_string());
            }
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" => encoding = Some(v),
            _ => {}
        }
    }
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    let body = match encoding.as_deref() {
        None | Some("" | "identity") => body,
        Some("gzip" | "x-gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit)?,
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)?,
        Some(other) => return Err(format!("unsupported content-encoding {other:?}")),
    };
    Ok(HttpResponse {
        status,
        media_type,
        body,
    })
}

fn truncate(s: &str) -> &str {
    let mut end = s.len().min(60);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Head and body of a message, split at the first blank line (CRLF or LF).
fn split_head(raw: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = raw.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = raw.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((&raw[..l], &raw[l + 2..])),
        (Some(c), _) => Some((&raw[..c], &raw[c + 4..])),
        (None, Some(l)) => Some((&raw[..l], &raw[l + 2..])),
        (None, None) => None,
    }
}

fn inflate(r: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("content-encoding: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!("decoded body exceeds {limit} bytes"));
    }
    Ok(out)
}

/// Removes chunked transfer-encoding: `SIZE[;ext]CRLF DATA CRLF` … `0 CRLF`.
pub fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let eol = raw
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("chunked body: no chunk size line")?;
        let line = String::from_utf8_lossy(&raw[..eol]);
        let size_hex = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| format!("chunked body: bad chunk size {:?}", truncate(size_hex)))?;
        raw = &raw[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        let data = raw
            .get(..size)
            .ok_or("chunked body: chunk longer than the record")?;
        out.extend_from_slice(data);
        raw = &raw[size..];
        raw = raw
            .strip_prefix(b"\r\n")
            .or_else(|| raw.strip_prefix(b"\n"))
            .unwrap_or(raw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn plain_chunked_and_gzip_bodies() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>",
            100,
        )
        .unwrap();
        assert_eq!(
            (r.status, r.media_type.as_deref()),
            (200, Some("text/html"))
        );
        assert_eq!(r.body, b"<p>hi</p>");

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>Drones struck.</p>").unwrap();
        let gz = gz.finish().unwrap();
        let mut chunked = Vec::new();
        for part in gz.chunks(7) {
            chunked.extend(format!("{:x};ext=1\r\n", part.len()).bytes());
            chunked.extend(part);
            chunked.extend(b"\r\n");
        }
        chunked.extend(b"0\r\n\r\n");
        let mut raw =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        raw.extend(chunked);
        let r = parse_response(&raw, 1000).unwrap();
        assert_eq!(r.body, b"<p>Drones struck.</p>");
        // The decoded size is bounded.
        assert!(parse_response(&raw, 5).unwrap_err().contains("exceeds"));
    }

    #[test]
    fn broken_messages_are_errors() {
        assert!(parse_response(b"no headers", 10).is_err());
        assert!(parse_response(b"FTP 200\r\n\r\n", 10).is_err());
        assert!(dechunk(b"zz\r\nabc").is_err());
        assert!(dechunk(b"10\r\nabc").is_err());
    }

    proptest::proptest! {
        /// Chunking then dechunking gives the data back; any bytes parse or
        /// fail without panicking.
        #[test]
        fn dechunk_inverts_chunking(data in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
                                    size in 1usize..50,
                                    junk in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let mut chunked = Vec::new();
            for part in data.chunks(size) {
                chunked.extend(format!("{:X}\r\n", part.len()).bytes());
                chunked.extend(part);
                chunked.extend(b"\r\n");
            }
            chunked.extend(b"0\r\n\r\n");
            proptest::prop_assert_eq!(dechunk(&chunked).unwrap(), data);
            let _ = dechunk(&junk);
            let _ = parse_response(&junk, 1000);
        }
    }
}
