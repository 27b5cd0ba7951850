use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's extracted UTF-8 text.
///
/// Invariant (checked by [`Span::slice`]): `start <= end`, both on char boundaries
/// of the text the span was made for. Serialised as a two-element array
/// `[start, end]`, as the claim record requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers, or `None` when it does not fit `text`
    /// (out of bounds, reversed, or not on char boundaries).
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        if self.start > self.end {
            return None;
        }
        text.get(self.start..self.end)
    }

    /// This span moved right by `offset` bytes (a sentence-relative span made
    /// document-relative).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom("span start after end"));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let t = "Türkiye";
        assert_eq!(Span::new(0, 2).slice(t), None); // inside 'ü'
        assert_eq!(Span::new(0, 3).slice(t), Some("Tü"));
        assert_eq!(Span::new(3, 2).slice(t), None);
    }

    #[test]
    fn serialises_as_pair() {
        let s = serde_json::to_string(&Span::new(4, 9)).unwrap();
        assert_eq!(s, "[4,9]");
        let back: Span = serde_json::from_str(&s).unwrap();
        assert_eq!(back, Span::new(4, 9));
        assert!(serde_json::from_str::<Span>("[9,4]").is_err());
    }
}
