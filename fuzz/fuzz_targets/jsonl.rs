//! JSON Lines (and JSON arrays / a single object): parsing never panics and
//! keeps the document invariants.
#![no_main]

use claimtrace_fuzz::check_ingest;
use claimtrace_ingest::{IngestConfig, InputFormat, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = IngestConfig::default();
    check_ingest(&parse_bytes(
        "items.jsonl",
        data,
        Some(InputFormat::Jsonl),
        &cfg,
    ));
    check_ingest(&parse_bytes("-", data, None, &cfg));
});
