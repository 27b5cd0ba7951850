//! Property tests of the extractor on untrusted text: it never panics, its
//! sentences tile the text, and every span it returns (claims, cues,
//! weapons, actors, targets, sources, dates, places, quantities, entity,
//! cue and attribution spans) slices the document text on char
//! boundaries and is the text it claims to be.

use std::sync::LazyLock;

use claimtrace_extract::{Claim, Document, ExtractConfig, Extractor};
use claimtrace_model::Span;
use claimtrace_segment::check_tiling;
use proptest::prelude::*;

static EX: LazyLock<Extractor> = LazyLock::new(|| {
    ExtractConfig::default()
        .build()
        .expect("the built-in extractor data loads")
});

/// News words (actors, sources, cues, triggers, dates, places, numbers,
/// weapons) and the awkward corners of Unicode.
const PIECES: &[&str] = &[
    "Russia",
    "Russian",
    "Ukraine",
    "Ukrainian",
    "Kyiv",
    "Moscow",
    "Kharkiv",
    "Kursk",
    "Engels",
    "air base",
    "Israel",
    "Hamas",
    "Gaza",
    "the Pentagon",
    "NATO",
    "Reuters",
    "AP",
    "the army",
    "the ministry",
    "Zelensky",
    "Putin",
    "President",
    "Gen.",
    "Mr.",
    "Ms.",
    "Dr.",
    "U.S.",
    "U.N.",
    "officials",
    "a local official",
    "a source",
    "sources",
    "witnesses",
    "residents",
    "he",
    "she",
    "they",
    "it",
    "He",
    "She",
    "They",
    "his",
    "who",
    "said",
    "says",
    "told",
    "added",
    "claimed",
    "denied",
    "confirmed",
    "according to",
    "reportedly",
    "allegedly",
    "may",
    "might",
    "could",
    "would",
    "will",
    "not",
    "no",
    "never",
    "did not say",
    "declined to comment",
    "if",
    "If",
    "believe",
    "should",
    "attacked",
    "struck",
    "hit",
    "killed",
    "shot down",
    "launched",
    "intercepted",
    "destroyed",
    "captured",
    "shelled",
    "bombed",
    "television",
    "agency",
    "minister",
    "believes",
    "as confirmed by",
    "report",
    "met",
    "signed",
    "and",
    "or",
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "near",
    "by",
    "was",
    "were",
    "is",
    "that",
    "which",
    "over",
    "at least",
    "about",
    "dozens",
    "300",
    "1,200",
    "3.5",
    "12",
    "two",
    "drones",
    "missiles",
    "Shahed-136",
    "HIMARS",
    "S-400",
    "FPV drone",
    "tanks",
    "soldiers",
    "civilians",
    "yesterday",
    "on Monday",
    "last week",
    "since 2022",
    "between 2019 and 2021",
    "June 1, 2025",
    "May",
    "2024-05-14",
    "late 2024",
    "the following day",
    ".",
    ".",
    ",",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "—",
    "-",
    "(",
    ")",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{200b}",
    "\u{feff}",
    "İ",
    "Ⱥ",
    "ß",
    "é",
    "Türkiye",
    "Erdoğan",
    "Київ",
    "القدس",
    "日本",
    "🚀",
    "👍🏽",
    "🇺🇦",
    "👨‍👩‍👧",
    "e\u{301}",
    "\u{301}",
    "\u{308}\u{308}",
    "<p>",
    "&amp;",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{10,60}",
        1 => "[0-9]{1,12}",
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(vec![" ", " ", " ", "", ""])),
        0..50,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

/// Parts of news sentences, so that claims (with sources, actors,
/// targets, dates, places, quantities and weapons) actually form.
const LEADS: &[&str] = &[
    "",
    "",
    "According to Reuters, ",
    "Officials said ",
    "The ministry claimed that ",
    "Witnesses told AP that ",
    "Putin said ",
    "If ",
    "“",
    "Allegedly, ",
    "It is unclear whether ",
    "Mr. Smith, a spokesman for the army, said ",
    "Gen. J. R. Petrov denied that ",
];
const SUBJECTS: &[&str] = &[
    "Russia",
    "Russian forces",
    "Ukraine",
    "The army",
    "Hamas",
    "Israeli jets",
    "Drones",
    "He",
    "They",
    "She",
    "It",
    "Gen. Ivan Petrov",
    "A local official",
    "Unknown gunmen",
    "Kyiv",
    "Türkiye",
    "The İstanbul office",
    "Ⱥrmed men",
    "Erdoğan",
    "The U.S.",
];
const VERBS: &[&str] = &[
    "attacked",
    "struck",
    "shelled",
    "killed",
    "shot down",
    "launched",
    "intercepted",
    "destroyed",
    "captured",
    "hit",
    "bombed",
    "met",
    "signed",
    "denied attacking",
    "said it had struck",
    "may have hit",
    "reportedly struck",
    "did not attack",
    "will attack",
    "was attacked by",
    "were killed in",
    "claimed responsibility for",
    "condemned",
];
const OBJECTS: &[&str] = &[
    "the base",
    "Kharkiv",
    "the Engels air base",
    "a depot",
    "civilians",
    "12 soldiers",
    "over 300 drones",
    "dozens of Shahed-136 drones",
    "4 Kalibr missiles",
    "a HIMARS launcher",
    "the bridge",
    "Kyiv",
    "Gaza City",
    "about 1.5 million people",
    "nearly 0.6 percent",
    "300 to 0 tanks",
    "them",
    "him",
    "Київ",
    "日本の基地",
    "the 🚀 site",
];
const TAILS: &[&str] = &[
    "",
    "",
    " in Kursk",
    " near Kharkiv",
    " on Monday",
    " yesterday",
    " last week",
    " since 2022",
    " on June 1, 2025",
    " in late 2024",
    " with FPV drones",
    " according to Reuters",
    ", officials said",
    ", the ministry said",
    ", according to a source",
    " between 2019 and 2021",
    " the following day",
    ", he said",
    " (AP)",
    " — reportedly",
    " e\u{301}",
    " \u{200b}",
];
const ENDS: &[&str] = &[
    ".",
    ".",
    ".",
    "!",
    "?",
    ",” he said.",
    "…",
    "",
    ".”",
    "...",
    ";",
];
const SEPARATORS: &[&str] = &[" ", " ", "  ", "\n", "\n\n", "\r\n", " \u{a0}", "\u{2028}"];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(LEADS),
        prop::sample::select(SUBJECTS),
        prop::sample::select(VERBS),
        prop::sample::select(OBJECTS),
        prop::sample::select(TAILS),
        prop::sample::select(TAILS),
        prop::sample::select(ENDS),
        prop::option::weighted(0.2, piece()),
    )
        .prop_map(|(lead, subj, verb, obj, t1, t2, end, noise)| {
            let noise = noise.unwrap_or_default();
            format!("{lead}{subj} {verb} {noise}{obj}{t1}{t2}{end}")
        })
}

fn structured_text() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), prop::sample::select(SEPARATORS)), 1..8)
        .prop_map(|v| v.into_iter().map(|(s, sep)| s + sep).collect())
}

fn document(text: &str, published: Option<String>, outlet: bool, author: bool) -> Document {
    let mut doc = Document::from_text("prop.txt", text);
    doc.published = published;
    doc.outlet = outlet.then(|| "The Outlet".to_string());
    doc.author = author.then(|| "A. Writer".to_string());
    doc
}

fn published() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just("2025-06-04".to_string()),
        Just("2024-02-29T08:00:00Z".to_string()),
        Just("0001-01-01".to_string()),
        Just("9999-12-31".to_string()),
        Just("2024-13-45".to_string()),
        ".{0,12}",
    ])
}

/// `span` slices `text`, and to `expected` when one is given.
fn slices(
    text: &str,
    what: &str,
    span: Span,
    expected: Option<&str>,
    claim: &Claim,
) -> Result<(), TestCaseError> {
    let got = span.slice(text);
    prop_assert!(
        got.is_some(),
        "{what} span {:?} does not slice the text {:?} (claim {:?})",
        span,
        text,
        claim.id
    );
    if let Some(e) = expected {
        prop_assert_eq!(
            got,
            Some(e),
            "{} text differs from its span in {:?} (claim {:?})",
            what,
            text,
            claim.id
        );
    }
    Ok(())
}

fn check_extraction(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    let out = EX.extract(doc);
    if let Err(e) = check_tiling(text, &out.sentences) {
        return Err(TestCaseError::fail(format!("{e}: {text:?}")));
    }
    let mut per_sentence = std::collections::HashMap::<usize, usize>::new();
    let mut prev = (0, 0);
    for c in &out.claims {
        slices(text, "claim", c.span, Some(&c.sentence), c)?;
        prop_assert!(c.sentence_index < out.sentences.len());
        prop_assert!(
            out.sentences[c.sentence_index].span.contains(&c.span),
            "claim {:?} outside its sentence {:?} in {:?}",
            c.span,
            out.sentences[c.sentence_index].span,
            text
        );
        prop_assert!(
            (c.sentence_index, c.span.start) >= prev,
            "claims out of text order"
        );
        prev = (c.sentence_index, c.span.start);
        let k = per_sentence.entry(c.sentence_index).or_default();
        prop_assert_eq!(&c.id, &Claim::make_id(&doc.hash, c.sentence_index, *k));
        *k += 1;
        prop_assert!(!c.why.is_empty());
        prop_assert_eq!(c.cues.len(), c.cue_spans.len());
        for (cue, span) in c.cues.iter().zip(&c.cue_spans) {
            slices(text, "cue", *span, Some(cue), c)?;
        }
        prop_assert_eq!(c.weapons.len(), c.weapon_spans.len());
        for span in &c.weapon_spans {
            slices(text, "weapon", *span, None, c)?;
        }
        for (what, m) in [("actor", &c.actor), ("target", &c.target)] {
            if let Some(m) = m
                && let Some(span) = m.span
            {
                slices(text, what, span, Some(&m.text), c)?;
            }
        }
        if let Some(span) = c.source.span {
            slices(text, "source", span, Some(&c.source.text), c)?;
        }
        if let Some(d) = &c.date
            && let Some(span) = d.span
        {
            slices(text, "date", span, Some(&d.text), c)?;
        }
        if let Some(p) = &c.place
            && let Some(span) = p.span
        {
            slices(text, "place", span, Some(&p.text), c)?;
        }
        for q in &c.quantities {
            if let Some(span) = q.span {
                slices(text, "quantity", span, Some(&q.text), c)?;
            }
        }
    }
    Ok(())
}

fn check_analysis(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    let entities = EX.entities(text);
    let mut prev = 0;
    for m in &entities {
        let got = m.span.slice(text);
        prop_assert!(
            got.is_some(),
            "entity span {:?} does not slice {:?}",
            m.span,
            text
        );
        prop_assert_eq!(
            got,
            Some(m.text.as_str()),
            "entity text differs from its span in {:?}",
            text
        );
        prop_assert!(m.span.start >= prev, "entities not sorted");
        prev = m.span.start;
    }
    for c in EX.cues(text) {
        prop_assert!(
            c.span.slice(text).is_some(),
            "cue span {:?} does not slice {:?}",
            c.span,
            text
        );
    }
    for a in EX.attributions(doc) {
        for (what, span) in [("source", a.source), ("cue", a.cue), ("content", a.content)] {
            prop_assert!(
                span.slice(text).is_some(),
                "attribution {what} span {:?} does not slice {:?}",
                span,
                text
            );
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
    #![proptest_config(config(256))]

    #[test]
    fn news_like_documents(
        text in news_text(),
        published in published(),
        outlet in any::<bool>(),
        author in any::<bool>(),
    ) {
        let doc = document(&text, published, outlet, author);
        check_extraction(&doc)?;
        check_analysis(&doc)?;
    }

    #[test]
    fn structured_documents(
        text in structured_text(),
        published in published(),
        outlet in any::<bool>(),
        author in any::<bool>(),
    ) {
        let doc = document(&text, published, outlet, author);
        check_extraction(&doc)?;
        check_analysis(&doc)?;
    }

    #[test]
    fn arbitrary_documents(text in "(?s).{0,200}") {
        let doc = Document::from_text("prop.txt", &text);
        check_extraction(&doc)?;
        check_analysis(&doc)?;
    }
}
