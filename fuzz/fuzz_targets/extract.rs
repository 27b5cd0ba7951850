//! The full extractor on arbitrary UTF-8: never panics; sentences tile the
//! text; every claim, cue, weapon, mention, date, place and quantity span,
//! and every entity, cue and attribution span, slices the text on char
//! boundaries and is the text it names.
#![no_main]

use std::sync::LazyLock;

use claimtrace_extract::{Document, ExtractConfig, Extractor};
use claimtrace_fuzz::assert_slices;
use libfuzzer_sys::fuzz_target;

static EX: LazyLock<Extractor> = LazyLock::new(|| {
    ExtractConfig::default()
        .build()
        .expect("built-in extractor data loads")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut doc = Document::from_text("fuzz.txt", text);
    // A publication date exercises the relative-date path too.
    if text.len() % 2 == 1 {
        doc.published = Some("2025-06-04".into());
    }
    let out = EX.extract(&doc);
    if let Err(e) = claimtrace_segment::check_tiling(text, &out.sentences) {
        panic!("{e}: {text:?}");
    }
    for c in &out.claims {
        assert_slices(text, "claim", c.span, Some(&c.sentence));
        assert_eq!(c.cues.len(), c.cue_spans.len());
        for (cue, span) in c.cues.iter().zip(&c.cue_spans) {
            assert_slices(text, "cue", *span, Some(cue));
        }
        assert_eq!(c.weapons.len(), c.weapon_spans.len());
        for span in &c.weapon_spans {
            assert_slices(text, "weapon", *span, None);
        }
        for (what, m) in [("actor", &c.actor), ("target", &c.target)] {
            if let Some(m) = m
                && let Some(span) = m.span
            {
                assert_slices(text, what, span, Some(&m.text));
            }
        }
        if let Some(span) = c.source.span {
            assert_slices(text, "source", span, Some(&c.source.text));
        }
        if let Some(d) = &c.date
            && let Some(span) = d.span
        {
            assert_slices(text, "date", span, Some(&d.text));
        }
        if let Some(p) = &c.place
            && let Some(span) = p.span
        {
            assert_slices(text, "place", span, Some(&p.text));
        }
        for q in &c.quantities {
            if let Some(span) = q.span {
                assert_slices(text, "quantity", span, Some(&q.text));
            }
        }
    }
    for m in EX.entities(text) {
        assert_slices(text, "entity", m.span, Some(&m.text));
    }
    for c in EX.cues(text) {
        assert_slices(text, "cue mention", c.span, None);
    }
    for a in EX.attributions(&doc) {
        assert_slices(text, "attribution source", a.source, None);
        assert_slices(text, "attribution cue", a.cue, None);
        assert_slices(text, "attribution content", a.content, None);
    }
});
