//! Sentence splitting: never panics and the sentences tile the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let s = claimtrace_segment::sentences(&text);
    if let Err(e) = claimtrace_segment::check_tiling(&text, &s) {
        panic!("{e}: {text:?}");
    }
    assert_eq!(s.is_empty(), text.is_empty());
});
