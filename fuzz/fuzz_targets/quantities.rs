//! Quantities and weapons: never panic; spans slice the text and are the
//! matches' text; intervals are never reversed.
#![no_main]

use std::sync::LazyLock;

use claimtrace_fuzz::assert_slices;
use claimtrace_measure::{WeaponLexicon, find_quantities};
use libfuzzer_sys::fuzz_target;

static LEXICON: LazyLock<WeaponLexicon> = LazyLock::new(WeaponLexicon::builtin);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for q in find_quantities(&text) {
        let span = q.span.expect("every quantity has a span");
        assert_slices(&text, "quantity", span, Some(&q.text));
        if let (Some(lo), Some(hi)) = (q.min, q.max) {
            assert!(lo <= hi, "reversed interval {q:?}");
        }
    }
    for m in LEXICON.find(&text) {
        assert_slices(&text, "weapon", m.span, Some(&m.text));
    }
});
