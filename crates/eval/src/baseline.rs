//! A plain hedge-cue word list: the baseline printed beside claimtrace's
//! hedge detector, so its figures have context. Any listed word, matched
//! whole and case-insensitively, is a cue; nothing else is considered.

use claimtrace_model::Span;
use regex::Regex;

/// Common English uncertainty cues (epistemic modals, doxastic verbs,
/// conditionals, investigation words), in their frequent inflections.
pub const HEDGE_WORDS: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "probably",
    "probable",
    "likely",
    "unlikely",
    "perhaps",
    "maybe",
    "believe",
    "believed",
    "believes",
    "suggest",
    "suggests",
    "suggested",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "whether",
    "if",
    "alleged",
    "allegedly",
    "reportedly",
    "expect",
    "expects",
    "expected",
    "consider",
    "considered",
    "think",
    "thought",
    "suspect",
    "suspected",
    "indicate",
    "indicates",
    "indicated",
    "estimate",
    "estimated",
    "unclear",
    "presumably",
    "apparently",
    "potential",
    "potentially",
    "assume",
    "assumed",
];

/// The word-list baseline.
pub struct HedgeWordList {
    re: Regex,
}

impl HedgeWordList {
    pub fn new() -> Self {
        let alt = HEDGE_WORDS.join("|");
        // The pattern is built from the constant list above; it is valid.
        #[allow(clippy::expect_used)]
        let re = Regex::new(&format!(r"(?i)\b(?:{alt})\b")).expect("word-list pattern");
        HedgeWordList { re }
    }

    /// Cue spans in `sentence`.
    pub fn find(&self, sentence: &str) -> Vec<Span> {
        self.re
            .find_iter(sentence)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }
}

impl Default for HedgeWordList {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let b = HedgeWordList::new();
        let s = "Officials MAY know whether the mayor's claim is likely.";
        let got: Vec<&str> = b.find(s).iter().map(|sp| sp.slice(s).unwrap()).collect();
        assert_eq!(got, vec!["MAY", "whether", "likely"]);
    }
}
