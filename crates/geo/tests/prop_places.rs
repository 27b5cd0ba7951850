//! Property tests of place finding on untrusted text: never panic, every
//! span slices the text on char boundaries and is the place's `text`,
//! places come in text order without overlapping and word-bounded, and
//! coordinates are on the globe.

use claimtrace_geo::{Gazetteer, PlaceMatch, Span, is_event_place_context};
use proptest::prelude::*;
use std::sync::LazyLock;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// Every name and alias of the built-in gazetteer.
static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = GAZ
        .entries()
        .flat_map(|e| std::iter::once(e.name).chain(e.aliases))
        .collect();
    v.sort();
    v.dedup();
    v
});

const PIECES: &[&str] = &[
    "in",
    "near",
    "the",
    "of",
    "at",
    "outside",
    "from",
    "said",
    "struck",
    "Times",
    "Post",
    "Independent",
    "Street",
    "University",
    "air base",
    "region",
    "Oblast",
    "-",
    "–",
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
    "\t",
    "_",
    "İ",
    "Ⱥ",
    "ß",
    "é",
    "e\u{301}",
    "\u{301}",
    "\u{308}",
    "🚀",
    "🇺🇦",
    "日本",
    "<p>",
    "&amp;",
    "12",
    "x",
];

fn piece() -> impl Strategy<Value = String> {
    let names = NAMES.clone();
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        4 => prop::sample::select(names.clone()),
        1 => prop::sample::select(names.clone()).prop_map(|n| n.to_uppercase()),
        1 => prop::sample::select(names).prop_map(|n| n.to_lowercase()),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{15,60}",
    ]
}

fn place_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(vec![" ", " ", "", ", "])),
        0..30,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

fn check(text: &str, found: &[PlaceMatch]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for m in found {
        let slice = m.span.slice(text);
        prop_assert!(
            slice.is_some(),
            "span {:?} does not slice {:?}",
            m.span,
            text
        );
        prop_assert_eq!(slice, Some(m.place.text.as_str()));
        prop_assert!(!m.span.is_empty());
        prop_assert_eq!(m.place.span, Some(m.span));
        prop_assert!(m.ambiguity >= 1);
        prop_assert!(
            m.span.start >= prev_end,
            "places overlap or are out of order: {:?} in {:?}",
            found.iter().map(|m| m.span).collect::<Vec<_>>(),
            text
        );
        prev_end = m.span.end;
        let after = text[m.span.end..].chars().next();
        prop_assert!(
            !after.is_some_and(|c| c.is_alphanumeric() || c == '_'),
            "{:?} runs into the next word in {:?}",
            m.place.text,
            text
        );
        prop_assert!(
            m.place.lat.is_some_and(|l| (-90.0..=90.0).contains(&l)),
            "{:?}",
            m.place
        );
        prop_assert!(
            m.place.lon.is_some_and(|l| (-180.0..=180.0).contains(&l)),
            "{:?}",
            m.place
        );
        prop_assert!(!m.place.name.is_empty());
        // The context test must accept any span the finder produced.
        let _ = is_event_place_context(text, m.span);
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
    fn place_like_text(text in place_text()) {
        check(&text, &GAZ.find_places(&text))?;
    }

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text, &GAZ.find_places(&text))?;
    }

    #[test]
    fn names_are_found_in_context(name in prop::sample::select(NAMES.clone())) {
        // A listed name standing alone is found as one place covering it
        // (or a longer listed name inside it, never a span crossing its edge).
        let text = format!("Drones struck {name} on Monday.");
        let found = GAZ.find_places(&text);
        check(&text, &found)?;
        let (s, e) = (14, 14 + name.len());
        for m in &found {
            prop_assert!(m.span.end <= s || m.span.start >= e || (m.span.start >= s && m.span.end <= e),
                "{:?} crosses the edge of {:?}", m.span, name);
        }
    }

    #[test]
    fn lookup_never_panics(name in place_text(), hint in prop::option::of("[A-Z]{2}|.{0,3}")) {
        if let Some(e) = GAZ.lookup(&name, hint.as_deref()) {
            prop_assert!(!e.name.is_empty());
        }
        let _ = GAZ.candidates(&name);
    }

    #[test]
    fn context_accepts_any_span(text in place_text(), a in 0usize..400, b in 0usize..400) {
        let _ = is_event_place_context(&text, Span::new(a, b));
    }
}
