//! Sentence splitting for news prose.
//!
//! [`sentences`] cuts a text into [`Sentence`]s that tile it exactly (no gap,
//! no overlap, trailing whitespace kept in the tile, `trimmed` without it).
//! It is hand-written for news English: abbreviations and titles ("U.S.",
//! "Gen.", "No. 5"), initials, decimals and thousands, quotes that close a
//! sentence or continue it (`“…,” he said.`, `“…!” she asked.`), ellipses,
//! and headlines, datelines and bylines that end at a line break without a
//! full stop. [`check_tiling`] verifies the tiling invariant of any list of
//! sentences (for stored data and tests).
//!
//! ```
//! let text = "Gen. J. R. Smith said 3.5 tonnes arrived.\nNext headline\n\n“We won,” he said. It was over.";
//! let s = claimtrace_segment::sentences(text);
//! let got: Vec<&str> = s.iter().map(|x| &text[x.trimmed.start..x.trimmed.end]).collect();
//! assert_eq!(got, ["Gen. J. R. Smith said 3.5 tonnes arrived.", "Next headline", "“We won,” he said.", "It was over."]);
//! claimtrace_segment::check_tiling(text, &s).unwrap();
//! ```

mod abbreviation;
mod error;
mod splitter;

pub use claimtrace_model::Sentence;
pub use error::{Error, Result};
pub use splitter::{MAX_SENTENCE_BYTES, sentences};

/// Checks that `sentences` tile `text`: indexes 0, 1, 2, ...; each span
/// starts where the previous ended; the last ends at `text.len()`; every
/// span slices the text on char boundaries; `trimmed` is the span without
/// its surrounding whitespace.
pub fn check_tiling(text: &str, sentences: &[Sentence]) -> Result<()> {
    let mut expected = 0;
    for (position, s) in sentences.iter().enumerate() {
        if s.index != position {
            return Err(Error::BadIndex {
                position,
                index: s.index,
            });
        }
        if s.span.start != expected {
            return Err(Error::Gap {
                index: s.index,
                start: s.span.start,
                expected,
            });
        }
        let tile = s
            .span
            .slice(text)
            .ok_or(Error::BadSpan { index: s.index })?;
        let body = s
            .trimmed
            .slice(text)
            .ok_or(Error::BadTrim { index: s.index })?;
        if !s.span.contains(&s.trimmed) || body != tile.trim() {
            return Err(Error::BadTrim { index: s.index });
        }
        expected = s.span.end;
    }
    if expected != text.len() {
        return Err(Error::ShortCover {
            end: expected,
            len: text.len(),
        });
    }
    Ok(())
}
