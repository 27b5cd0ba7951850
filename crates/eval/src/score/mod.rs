//! Task scorers, generic over the system under test: each takes gold
//! documents and a closure that returns the system's answer for one input,
//! so claimtrace, baselines and peer tools are all measured by the same code.

pub mod attribution;
pub mod claims;
pub mod dates;
pub mod events;
pub mod geo;
pub mod grouping;
pub mod hedge;
pub mod ner;

use claimtrace_model::Span;

/// `span` without leading and trailing whitespace (gold and predicted cue
/// spans differ in whether they include it; that is not an error).
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(s) = span.slice(text) else {
        return span;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_whitespace() {
        let t = "a  may  b";
        assert_eq!(trim_span(t, Span::new(1, 8)), Span::new(3, 6));
        assert_eq!(trim_span(t, Span::new(1, 3)), Span::new(1, 1));
    }
}
