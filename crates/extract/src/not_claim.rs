//! What is not a claim: headlines, bylines, questions, hypotheticals and
//! remarks about what was not said (labelling guidelines).

/// A line with no closing punctuation: a headline, dateline or byline.
pub(crate) fn is_headline(s: &str) -> bool {
    let last = s.trim_end().chars().next_back();
    !matches!(
        last,
        Some('.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | '…' | ':' | ';')
    ) && s.split_whitespace().count() <= 25
        && !s.contains('\n')
}

/// "Drones for Sale: What the Fighting Tells Us": most longer words
/// capitalised, as titles are written.
pub(crate) fn is_title_case(s: &str) -> bool {
    let long: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 2 && capitalised * 10 >= long.len() * 7
}

pub(crate) fn is_question(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['”', '"', '’', '\'', ')']);
    t.ends_with('?')
}

/// "He did not say", "declined to comment": a remark about what was not
/// said is not a claim (guidelines: "could not verify" remarks).
pub(crate) fn is_non_statement(s: &str) -> bool {
    const PHRASES: &[&str] = &[
        "did not say",
        "didn't say",
        "did not specify",
        "did not elaborate",
        "did not comment",
        "would not say",
        "would not comment",
        "declined to comment",
        "declined to say",
        "declined to elaborate",
        "did not respond",
        "did not reply",
        "could not be reached",
        "did not name",
        "would not name",
        "did not give details",
        "did not provide details",
        "gave no details",
        "offered no details",
        "has not commented",
        "have not commented",
        "had not commented",
        "has not responded",
        "have not responded",
        "did not immediately respond",
    ];
    let lower = s.to_lowercase();
    PHRASES.iter().any(|p| lower.contains(p))
}

/// A sentence opening on a condition or supposition. A quoted one (“If
/// they cross the border, they will be targets,” he said) is a source's
/// warning, which is a claim.
pub(crate) fn is_hypothetical(s: &str) -> bool {
    if s.trim_start().starts_with(['"', '“', '‘']) {
        return false;
    }
    let first: String = s
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    matches!(
        first.as_str(),
        "Imagine" | "If" | "Suppose" | "Should" | "Were" | "Unless" | "Hypothetically"
    )
}
