//! Property tests of quantity and weapon finding on untrusted text: never
//! panic, every span slices the text on char boundaries and is the match's
//! `text`, matches come in text order without overlapping, and intervals
//! are never reversed.

use claimtrace_measure::{Quantity, WeaponLexicon, find_quantities};
use proptest::prelude::*;
use std::sync::LazyLock;

static LEXICON: LazyLock<WeaponLexicon> = LazyLock::new(WeaponLexicon::builtin);

/// Number words, qualifiers, units, weapon names and the awkward corners of Unicode.
const PIECES: &[&str] = &[
    "over",
    "more than",
    "at least",
    "up to",
    "as many as",
    "fewer than",
    "less than",
    "under",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "an estimated",
    "nearly",
    "almost",
    "close to",
    "dozens",
    "hundreds",
    "thousands",
    "tens of",
    "of",
    "several",
    "a few",
    "multiple",
    "no",
    "nobody",
    "none",
    "zero",
    "one",
    "two",
    "twelve",
    "twenty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "a third",
    "half",
    "a",
    "and",
    "to",
    "-",
    "–",
    "12",
    "300",
    "1,200",
    "3.5",
    "0.5",
    "1.",
    ".5",
    "1,2,3",
    "2019",
    "2021",
    "14th",
    "50m",
    "2bn",
    "3km",
    "10000000000000000000000",
    "1e400",
    "F-16",
    "$",
    "€",
    "£",
    "%",
    "percent",
    "per cent",
    "drones",
    "drone",
    "UAVs",
    "soldiers",
    "people",
    "civilians",
    "missiles",
    "cruise missile",
    "Shahed-136",
    "Geran-2",
    "Bayraktar TB2",
    "HIMARS",
    "S-400",
    "Kalibr",
    "MANPADS",
    "FPV drone",
    "FPV",
    "think tank",
    "tank",
    "tanks",
    "artillery",
    "km",
    "kg",
    "tonnes",
    ":",
    "/",
    ",",
    ".",
    "(",
    ")",
    "“",
    "”",
    "’s",
    "'",
    " ",
    "  ",
    "\n",
    "\u{a0}",
    "\u{2009}",
    "\u{202f}",
    "\t",
    "İ",
    "Ⱥ",
    "ß",
    "é",
    "e\u{301}",
    "\u{301}",
    "١٢٣",
    "٣",
    "１２",
    "½",
    "²",
    "🚀",
    "🇺🇦",
    "Київ",
    "日本",
    "<b>",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{20,80}",
        1 => "[0-9][0-9,.]{0,30}",
    ]
}

fn measure_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(vec![" ", " ", " ", "", "\n"])),
        0..40,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

fn check_quantities(text: &str, qs: &[Quantity]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for q in qs {
        let span = q.span;
        prop_assert!(span.is_some(), "quantity without span: {:?}", q);
        let Some(span) = span else { continue };
        let slice = span.slice(text);
        prop_assert!(slice.is_some(), "span {:?} does not slice {:?}", span, text);
        prop_assert_eq!(slice, Some(q.text.as_str()));
        prop_assert!(!span.is_empty());
        prop_assert!(
            span.start >= prev_end,
            "quantities overlap or are out of order: {:?} in {:?}",
            qs.iter().map(|q| q.span).collect::<Vec<_>>(),
            text
        );
        prev_end = span.end;
        for v in [q.value, q.min, q.max].into_iter().flatten() {
            prop_assert!(!v.is_nan(), "NaN in {:?} of {:?}", q, text);
        }
        if let (Some(lo), Some(hi)) = (q.min, q.max) {
            prop_assert!(lo <= hi, "reversed interval {:?} in {:?}", q, text);
        }
        if let Some(u) = &q.unit {
            prop_assert!(!u.is_empty());
        }
    }
    Ok(())
}

fn check_weapons(text: &str) -> Result<(), TestCaseError> {
    let found = LEXICON.find(text);
    let mut prev_end = 0;
    for m in &found {
        let slice = m.span.slice(text);
        prop_assert!(
            slice.is_some(),
            "span {:?} does not slice {:?}",
            m.span,
            text
        );
        prop_assert_eq!(slice, Some(m.text.as_str()));
        prop_assert!(!m.span.is_empty());
        prop_assert!(
            m.span.start >= prev_end,
            "weapon matches overlap: {:?}",
            found
        );
        prev_end = m.span.end;
        prop_assert!(!m.canonical.is_empty() && m.canonical != "-");
        // Word-bounded: no letter or digit glued on either side.
        let before = text[..m.span.start].chars().next_back();
        let after = text[m.span.end..].chars().next();
        prop_assert!(
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric),
            "{:?} is not word-bounded in {:?}",
            m,
            text
        );
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
    #![proptest_config(config(1024))]

    #[test]
    fn quantity_like_text(text in measure_text()) {
        check_quantities(&text, &find_quantities(&text))?;
        check_weapons(&text)?;
    }

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check_quantities(&text, &find_quantities(&text))?;
        check_weapons(&text)?;
    }
}

/// Inputs the properties above found, kept as plain tests.
#[test]
fn found_by_the_properties() {
    let ok = |text: &str| {
        for q in find_quantities(text) {
            if let (Some(lo), Some(hi)) = (q.min, q.max) {
                assert!(lo <= hi, "reversed interval {q:?} in {text:?}");
            }
            assert!(
                q.unit.as_deref() != Some(""),
                "empty unit {q:?} in {text:?}"
            );
        }
    };
    // A falling pair is not a range.
    ok("300 to 0,, ");
    ok("The vote was 9-2.");
    // Rounding a fraction's bounds lifted the minimum above the maximum.
    ok("nearly 0.6, ");
    ok("about 0.7 percent");
    // The "S" of "S-400" singularised to an empty unit.
    ok("dozens S-400 ");
    let q = &find_quantities("nearly 0.6 percent")[0];
    assert_eq!((q.value, q.max), (Some(0.6), Some(0.6)));
    assert!(q.min.is_some_and(|m| m < 0.6 && m > 0.5), "{q:?}");
    let q = &find_quantities("about 300 drones")[0];
    assert_eq!((q.min, q.max), (Some(270.0), Some(330.0)));
}

/// A long text is read in pieces (so the token list never holds the whole
/// text); cut at paragraph breaks, the pieces find exactly what each
/// paragraph finds on its own, at the right offsets.
#[test]
fn a_long_text_finds_what_its_paragraphs_find() {
    let para = "Over 300 drones and about 40 missiles struck the depot; no casualties were reported, and 2,500 people fled.\n\n";
    let text = para.repeat(3_000);
    let one = claimtrace_measure::find_quantities(para);
    assert!(one.len() >= 3, "{one:?}");
    let all = claimtrace_measure::find_quantities(&text);
    assert_eq!(all.len(), one.len() * 3_000);
    for (k, q) in all.iter().enumerate() {
        let want = &one[k % one.len()];
        let offset = (k / one.len()) * para.len();
        assert_eq!(q.span, want.span.map(|s| s.shift(offset)));
        assert_eq!(q.text, want.text);
        assert_eq!(q.span.and_then(|s| s.slice(&text)), Some(q.text.as_str()));
    }
}
