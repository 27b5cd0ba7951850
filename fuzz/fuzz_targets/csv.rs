//! CSV and TSV tables: reading never panics, a row never exceeds the
//! limit, and every document keeps the ingestion invariants.
#![no_main]

use claimtrace_fuzz::check_ingest;
use claimtrace_ingest::{IngestConfig, parse_bytes, read_table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = IngestConfig {
        max_bytes: 1 << 12,
        ..IngestConfig::default()
    };
    check_ingest(&parse_bytes("table.csv", data, None, &cfg));
    check_ingest(&parse_bytes("table.tsv", data, None, &cfg));
    for r in read_table("t.csv", data, b',', Some("text"), 1 << 12)
        .into_iter()
        .flatten()
    {
        assert!(r.text.len() <= 1 << 12);
    }
});
