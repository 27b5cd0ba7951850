//! HTML pages: `HtmlPage::extract`, `fragment_text` and `parse_bytes` of an
//! HTML input never panic; the text is trimmed and ingestion output keeps
//! the document invariants.
#![no_main]

use claimtrace_fuzz::check_ingest;
use claimtrace_ingest::{HtmlPage, IngestConfig, InputFormat, fragment_text, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(html) = std::str::from_utf8(data) {
        let page = HtmlPage::extract(html);
        assert_eq!(page.text.trim(), page.text);
        let frag = fragment_text(html);
        assert_eq!(frag.trim(), frag);
    }
    let cfg = IngestConfig::default();
    check_ingest(&parse_bytes(
        "page.html",
        data,
        Some(InputFormat::Html),
        &cfg,
    ));
    check_ingest(&parse_bytes("page.html", data, None, &cfg));
});
