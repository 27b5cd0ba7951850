use thiserror::Error;

/// Why a list of sentences does not tile its text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// A sentence does not start where the previous one ended.
    #[error("sentence {index} starts at {start}, expected {expected}")]
    Gap {
        index: usize,
        start: usize,
        expected: usize,
    },
    /// The sentences stop before the end of the text.
    #[error("sentences end at {end}, text is {len} bytes")]
    ShortCover { end: usize, len: usize },
    /// A span is reversed, out of bounds or not on a char boundary.
    #[error("sentence {index} has a span that does not slice the text")]
    BadSpan { index: usize },
    /// `trimmed` is not inside `span` or keeps surrounding whitespace.
    #[error("sentence {index} has a trimmed span that is not its span without whitespace")]
    BadTrim { index: usize },
    /// Sentence indexes are not 0, 1, 2, ...
    #[error("sentence at position {position} has index {index}")]
    BadIndex { position: usize, index: usize },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, Error>;
