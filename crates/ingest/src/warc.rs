//! A streaming WARC reader (ISO 28500, WARC/1.0 and 1.1): one record at a
//! time from any `BufRead` (a `.warc.gz` arrives already decompressed,
//! member after member), each record's block bounded before it is read.
//!
//! Written for the project rather than taken from the `warc` crate: that
//! crate brings nom, libflate, url and an old uuid for what is a header
//! block and a length, and it reads headers and bodies without a bound.

use std::collections::HashMap;
use std::io::{self, BufRead, Read};

/// Longest header line accepted; longer means the input is not WARC.
const MAX_LINE: usize = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 1_000;

/// One WARC record: its headers (names lower-cased) and its block, or the
/// block's length when it was skipped unread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    pub headers: HashMap<String, String>,
    /// `None` when the block was longer than the limit and skipped.
    pub block: Option<Vec<u8>>,
    pub length: u64,
}

impl WarcRecord {
    /// A header's value, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}

/// Reads records from `r`. Blocks longer than `limit` bytes are skipped
/// without being held in memory.
pub struct WarcReader<R> {
    r: R,
    limit: u64,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(r: R, limit: u64) -> Self {
        WarcReader {
            r,
            limit,
            done: false,
        }
    }

    fn line(&mut self) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = (&mut self.r)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        if buf.len() > MAX_LINE {
            return Err(io::Error::other("header line too long"));
        }
        let s = String::from_utf8_lossy(&buf);
        Ok(Some(s.trim_end_matches(['\r', '\n']).to_string()))
    }

    fn record(&mut self) -> Result<Option<WarcRecord>, String> {
        let err = |e: io::Error| e.to_string();
        // Blank lines end the previous record (CRLF CRLF).
        let version = loop {
            match self.line().map_err(err)? {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        if !version.starts_with("WARC/") {
            return Err(format!(
                "expected a WARC/1.x version line, found {:?}",
                short(&version)
            ));
        }
        let mut headers = HashMap::new();
        loop {
            let line = self
                .line()
                .map_err(err)?
                .ok_or("end of input inside the headers")?;
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS {
                return Err("too many header lines".into());
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        let length: u64 = headers
            .get("content-length")
            .and_then(|v| v.parse().ok())
            .ok_or("no valid Content-Length header")?;
        let mut body = (&mut self.r).take(length);
        let block = if length > self.limit {
            io::copy(&mut body, &mut io::sink()).map_err(err)?;
            None
        } else {
            let mut buf = Vec::with_capacity(length as usize);
            body.read_to_end(&mut buf).map_err(err)?;
            Some(buf)
        };
        let got = block.as_ref().map_or(length, |b| b.len() as u64);
        if got < length && block.is_some() {
            return Err(format!("truncated record: {got} of {length} bytes"));
        }
        Ok(Some(WarcRecord {
            headers,
            block,
            length,
        }))
    }
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

impl<R: BufRead> Iterator for WarcReader<R> {
    /// A record, or why the archive cannot be read further (the reader then stops).
    type Item = Result<WarcRecord, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.record().transpose();
        if matches!(r, Some(Err(_)) | None) {
            self.done = true;
        }
        r
    }
}

/// True when `head` (the first bytes of an input) opens a WARC record.
pub fn is_warc(head: &[u8]) -> bool {
    let t = head.trim_ascii_start();
    t.starts_with(b"WARC/1.") || t.starts_with(b"WARC/0.")
}

/// Writes one record (for tests and the benchmark): a `response` record
/// when `http` is true (the block is then an HTTP message), else `resource`.
pub fn write_record(out: &mut Vec<u8>, kind: &str, uri: &str, date: &str, block: &[u8]) {
    out.extend(
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .bytes(),
    );
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_skips() {
        let mut w = Vec::new();
        write_record(
            &mut w,
            "warcinfo",
            "",
            "2025-01-01T00:00:00Z",
            b"software: x",
        );
        write_record(
            &mut w,
            "response",
            "https://a.test/1",
            "2025-01-02T00:00:00Z",
            b"HTTP/1.1 200 OK\r\n\r\nbody one",
        );
        write_record(
            &mut w,
            "response",
            "https://a.test/2",
            "2025-01-02T00:00:00Z",
            &[b'x'; 100],
        );
        let recs: Vec<_> = WarcReader::new(&w[..], 50)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].header("warc-target-uri"), Some("https://a.test/1"));
        assert!(recs[1].block.as_deref().unwrap().ends_with(b"body one"));
        assert_eq!((recs[2].block.as_ref(), recs[2].length), (None, 100));
        assert!(is_warc(&w));
    }

    #[test]
    fn broken_archives_stop_with_a_reason() {
        let r: Vec<_> = WarcReader::new(&b"not a warc"[..], 10).collect();
        assert!(r[0].as_ref().unwrap_err().contains("version line"));
        let r: Vec<_> =
            WarcReader::new(&b"WARC/1.0\r\nContent-Length: 99\r\n\r\nshort"[..], 1000).collect();
        assert!(r[0].as_ref().unwrap_err().contains("truncated"));
        let r: Vec<_> = WarcReader::new(&b"WARC/1.0\r\nWARC-Type: x\r\n\r\n"[..], 10).collect();
        assert!(r[0].as_ref().unwrap_err().contains("Content-Length"));
    }

    proptest::proptest! {
        /// Records written are read back as written; any bytes read or fail
        /// without panicking, and the reader always ends.
        #[test]
        fn round_trip(blocks in proptest::collection::vec(proptest::collection::vec(proptest::num::u8::ANY, 0..200), 0..6),
                      junk in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let mut w = Vec::new();
            for (i, b) in blocks.iter().enumerate() {
                write_record(&mut w, "response", &format!("https://x.test/{i}"), "2025-01-01T00:00:00Z", b);
            }
            let back: Vec<_> = WarcReader::new(&w[..], 1_000).collect::<Result<_, _>>().unwrap();
            proptest::prop_assert_eq!(back.len(), blocks.len());
            for (r, b) in back.iter().zip(&blocks) {
                proptest::prop_assert_eq!(r.block.as_ref(), Some(b));
            }
            let mut prefixed = b"WARC/1.0\r\n".to_vec();
            prefixed.extend(&junk);
            for bytes in [&junk, &prefixed] {
                let n = WarcReader::new(&bytes[..], 100).take(1_000).count();
                proptest::prop_assert!(n < 1_000);
            }
        }
    }
}
