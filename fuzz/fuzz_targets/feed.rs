//! RSS/Atom feeds: parsing never panics, and a document type that declares
//! entities is refused before any XML parser sees it.
#![no_main]

use claimtrace_fuzz::check_ingest;
use claimtrace_ingest::{IngestConfig, IngestError, InputFormat, declares_entities, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = IngestConfig::default();
    let hinted = parse_bytes("feed.xml", data, Some(InputFormat::Feed), &cfg);
    check_ingest(&hinted);
    check_ingest(&parse_bytes("feed", data, None, &cfg));
    if let Ok(text) = std::str::from_utf8(data)
        && declares_entities(text)
        && !text.contains('\0')
        && !text.trim().is_empty()
        && hinted.len() == 1
        && !matches!(hinted[0], Err(IngestError::Binary { .. }))
    {
        assert!(
            matches!(hinted[0], Err(IngestError::XmlEntities { .. })),
            "entity declarations were not refused: {:?}",
            hinted[0]
        );
    }
});
