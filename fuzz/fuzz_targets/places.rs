//! Place names: never panic; spans slice the text and are the places' text.
#![no_main]

use std::sync::LazyLock;

use claimtrace_fuzz::assert_slices;
use claimtrace_geo::{Gazetteer, is_event_place_context};
use libfuzzer_sys::fuzz_target;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for m in GAZ.find_places(&text) {
        assert_slices(&text, "place", m.span, Some(&m.place.text));
        let _ = is_event_place_context(&text, m.span);
    }
    let _ = GAZ.lookup(&text, None);
});
