//! A small tokenizer: words, numbers and symbols with byte offsets.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner hyphens and apostrophes ("Ukrainian-manufactured").
    Word,
    /// Digits with inner `,` `.` (`1,200`, `3.5`), possibly glued to letters (`14th`, `50m`).
    Number,
    /// Any other single non-space character (`$`, `%`, `-`, `:`).
    Symbol,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'t> {
    pub kind: Kind,
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
    /// Only spaces (no newline) separate it from the previous token.
    pub spaced: bool,
    /// Nothing separates it from the previous token.
    pub glued: bool,
}

impl Token<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(w)
    }
}

pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut prev_end = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let gap = text.get(prev_end..start).unwrap_or("");
        let glued = gap.is_empty() && !out.is_empty();
        let spaced = !gap.contains('\n') && !out.is_empty();
        let mut j = i + 1;
        let kind = if c.is_ascii_digit() {
            while j < chars.len() {
                let d = chars[j].1;
                let next_digit = chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_ascii_digit() || ((d == ',' || d == '.') && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            // Suffixes glued to a number: 14th, 50m, 2bn, 3km.
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            Kind::Number
        } else if c.is_alphabetic() {
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, '-' | '\'' | '’')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
                if d.is_alphabetic() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            Kind::Symbol
        };
        let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
        out.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
            spaced,
            glued,
        });
        prev_end = end;
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = tokenize("over 1,200 Ukrainian-manufactured drones, $2.5bn.");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "over",
                "1,200",
                "Ukrainian-manufactured",
                "drones",
                ",",
                "$",
                "2.5bn",
                "."
            ]
        );
        assert_eq!(t[1].kind, Kind::Number);
        assert!(t[6].glued);
    }
}
