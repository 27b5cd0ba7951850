//! Property tests of the sentence splitter beyond `sentences.rs`: inputs
//! biased to the corners of Unicode and markup (combining marks, joiners,
//! line separators, lone carriage returns, non-breaking spaces before
//! abbreviations, very long words, HTML), and `check_tiling` itself
//! rejecting broken tilings.

use claimtrace_segment::{Sentence, check_tiling, sentences};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Gen.",
    "Lt.",
    "Col.",
    "U.S.",
    "U.K.",
    "Mr.",
    "No.",
    "Jan.",
    "Sept.",
    "e.g.",
    "i.e.",
    "etc.",
    "J.",
    "R.",
    "St.",
    "vs.",
    "said",
    "the",
    "The",
    "drones",
    "Kyiv",
    "it",
    "He",
    "3.5",
    "1,200",
    "12",
    ".",
    "!",
    "?",
    "?!",
    "…",
    "...",
    ". . .",
    ",",
    ";",
    ":",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{3000}",
    "é",
    "e\u{301}",
    "\u{301}",
    "\u{308}\u{308}",
    ".\u{301}",
    "?\u{20dd}",
    "İ",
    "Ⱥ",
    "ß",
    "Türkiye",
    "Київ",
    "Ülkü",
    "日本。",
    "。",
    "！",
    "🚀",
    "👍🏽",
    "🇺🇦",
    "👨‍👩‍👧",
    "<p>",
    "</p>",
    "<br>",
    "&amp;",
    "\u{0}",
    "\u{7f}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zéб]{20,200}",
        1 => "[0-9.,]{1,12}",
    ]
}

fn mix(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|v| v.concat())
}

fn check(text: &str, s: &[Sentence]) -> Result<(), TestCaseError> {
    if let Err(e) = check_tiling(text, s) {
        return Err(TestCaseError::fail(format!("{e}: {text:?}")));
    }
    prop_assert_eq!(s.is_empty(), text.is_empty());
    for x in s {
        prop_assert!(!x.span.is_empty(), "empty tile {:?} in {:?}", x, text);
        prop_assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
        prop_assert!(
            text.is_char_boundary(x.trimmed.start) && text.is_char_boundary(x.trimmed.end)
        );
        // Whitespace after a sentence belongs to its tile, so every tile
        // but the first starts with its first non-space character...
        if x.index > 0 {
            prop_assert_eq!(x.span.start, x.trimmed.start, "{:?} in {:?}", x, text);
        }
        // ... and no tile is blank unless the whole text is.
        if !text.trim().is_empty() {
            prop_assert!(!x.trimmed.is_empty(), "blank tile {:?} in {:?}", x, text);
        }
    }
    Ok(())
}

/// `cases` per property, unless `PROPTEST_CASES` asks for a deeper run.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        default
    } else {
        ProptestConfig { cases, ..default }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn tiles_unicode_and_markup(text in mix(80)) {
        check(&text, &sentences(&text))?;
    }

    #[test]
    fn tiles_arbitrary_strings(text in any::<String>()) {
        check(&text, &sentences(&text))?;
    }

    #[test]
    fn deterministic(text in mix(40)) {
        prop_assert_eq!(sentences(&text), sentences(&text));
    }

    #[test]
    fn check_tiling_rejects_broken_tilings(text in mix(40), pick in any::<prop::sample::Index>(), how in 0u8..4) {
        let good = sentences(&text);
        prop_assume!(!good.is_empty());
        let mut bad = good.clone();
        let i = pick.index(bad.len());
        match how {
            // Drop a sentence: a gap, or a short cover when it was the last.
            0 => { bad.remove(i); for (k, s) in bad.iter_mut().enumerate() { s.index = k; } }
            // Renumber.
            1 => bad[i].index += 1,
            // Move an end past the text.
            2 => bad[i].span.end = text.len() + 1,
            // Trimmed span outside its tile.
            _ => bad[i].trimmed.end = bad[i].span.end + 1,
        }
        prop_assert!(check_tiling(&text, &bad).is_err(), "accepted {:?} for {:?}", bad, text);
    }
}

/// Text without any sentence break is cut into tiles of at most
/// `MAX_SENTENCE_BYTES`, at whitespace, so a transcript with no full stop
/// does not become one sentence the extractor works on as a whole.
#[test]
fn a_text_without_breaks_is_cut_at_whitespace_within_the_limit() {
    use claimtrace_segment::MAX_SENTENCE_BYTES;
    let text = "the convoy moved slowly past the checkpoint and ".repeat(2_000);
    let s = sentences(&text);
    check_tiling(&text, &s).unwrap();
    assert!(s.len() >= text.len() / MAX_SENTENCE_BYTES);
    for x in &s {
        assert!(x.span.len() <= MAX_SENTENCE_BYTES, "{:?}", x.span);
        // Cut after whitespace: no word is split.
        if x.span.end < text.len() {
            assert!(text[..x.span.end].ends_with(' '), "{:?}", x.span);
        }
    }
    // One word longer than the limit is cut at a char boundary.
    let word = "ü".repeat(3 * MAX_SENTENCE_BYTES);
    let s = sentences(&word);
    check_tiling(&word, &s).unwrap();
    assert!(s.iter().all(|x| x.span.len() <= MAX_SENTENCE_BYTES));
}

proptest! {
    /// Every tile respects the cap, whatever the text.
    #[test]
    fn no_tile_exceeds_the_cap(words in proptest::collection::vec("[a-zü ]{0,40}|\\.|\\n", 0..400)) {
        let text = words.concat();
        let s = sentences(&text);
        prop_assert!(check_tiling(&text, &s).is_ok());
        prop_assert!(s.iter().all(|x| x.span.len() <= claimtrace_segment::MAX_SENTENCE_BYTES));
    }
}

/// Whitespace straddling the length cap (found by the property test): the
/// cut moves before it, so no tile starts blank.
#[test]
fn whitespace_at_the_cap_stays_off_the_next_tile_start() {
    let text = format!("{}\u{85}\u{a0}", "a".repeat(1023));
    let s = sentences(&text);
    check(&text, &s).unwrap();
    assert!(
        s.iter()
            .all(|x| x.span.len() <= claimtrace_segment::MAX_SENTENCE_BYTES)
    );
}
