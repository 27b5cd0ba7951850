//! WARC archives (plain and gzip): the record reader and the HTTP parser
//! never panic, the reader always ends, and every document keeps the
//! ingestion invariants.
#![no_main]

use claimtrace_fuzz::check_ingest;
use claimtrace_ingest::{IngestConfig, WarcReader, parse_bytes, parse_response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = IngestConfig {
        max_bytes: 1 << 16,
        ..IngestConfig::default()
    };
    // Prefixed so most inputs reach the header and body parsing.
    let mut warc = b"WARC/1.1\r\nWARC-Type: response\r\n".to_vec();
    warc.extend_from_slice(data);
    check_ingest(&parse_bytes("crawl.warc", &warc, None, &cfg));
    check_ingest(&parse_bytes("crawl.warc", data, None, &cfg));
    assert!(WarcReader::new(data, 1 << 16).take(100_000).count() < 100_000);
    let _ = parse_response(data, 1 << 16);
});
