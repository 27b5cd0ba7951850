//! Date finding: never panics; every mention's span slices the text and is
//! its text. The first three bytes choose the base day (or none).
#![no_main]

use chrono::NaiveDate;
use claimtrace_fuzz::assert_slices;
use claimtrace_temporal::{find_date_atoms, find_dates, parse_base};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (base, rest) = match data {
        [a, b, c, rest @ ..] => {
            let year = 1 + i32::from(u16::from_le_bytes([*a, *b])) % 9999;
            (NaiveDate::from_yo_opt(year, 1 + u32::from(*c) % 366), rest)
        }
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(rest);
    for found in [find_dates(&text, base), find_date_atoms(&text, base)] {
        let mut prev_end = 0;
        for m in &found {
            assert_slices(&text, "date", m.span, Some(&m.date.text));
            assert!(m.span.start >= prev_end, "date mentions overlap");
            prev_end = m.span.end;
        }
    }
    let _ = parse_base(&text);
});
