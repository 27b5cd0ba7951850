//! Code-point offsets (what Python and the gold files count) to byte offsets
//! (what Rust `&str` and our [`Span`]s use).

use claimtrace_model::Span;

/// Byte offset of every code-point index of one text, plus one past the end.
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// The byte offset of code point `i`, or `None` past the end.
    pub fn byte(&self, i: usize) -> Option<usize> {
        self.bytes.get(i).copied()
    }

    /// The byte span of the code-point range `[start, end)`, or `None` when it
    /// does not fit the text or is reversed.
    pub fn span(&self, start: usize, end: usize) -> Option<Span> {
        if start > end {
            return None;
        }
        Some(Span::new(self.byte(start)?, self.byte(end)?))
    }

    /// Number of code points in the text.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_code_points_to_bytes() {
        let t = "Hillary Clinton’s team — Kyiv";
        let ix = CharIndex::new(t);
        // "team" starts at code point 18 but byte 20 ('’' is 3 bytes).
        let s = ix.span(18, 22).unwrap();
        assert_eq!(s.slice(t), Some("team"));
        let k = ix.span(25, 29).unwrap();
        assert_eq!(k.slice(t), Some("Kyiv"));
        assert_eq!(ix.chars(), 29);
        assert!(ix.span(25, 30).is_none());
        assert!(ix.span(5, 4).is_none());
    }
}
