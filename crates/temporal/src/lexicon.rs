//! Words the rules recognise: month and weekday names, small number words.

use chrono::Weekday;
use claimtrace_model::MONTH_NAMES;

/// Capitalised month names and abbreviations. Case-sensitive on purpose: a
/// lower-case "may" or "march" is a verb far more often than a month.
pub(crate) const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)\.?";

pub(crate) const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let key = w.get(..3)?;
    // "Sept." and "Sep" alike: the first three letters name the month.
    let i = MONTH_NAMES.iter().position(|m| m.get(..3) == Some(key))?;
    u32::try_from(i + 1).ok()
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let key = word.get(..3)?.to_ascii_lowercase();
    Some(match key.as_str() {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Counts written as words in "two days ago"; `None` for vague ones ("a few").
pub(crate) fn small_number(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    Some(match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

pub(crate) fn ordinal(word: &str) -> Option<u32> {
    Some(match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(weekday("Tuesday"), Some(Weekday::Tue));
        assert_eq!(small_number("Two"), Some(2));
        assert_eq!(small_number("few"), None);
        assert_eq!(ordinal("third"), Some(3));
    }
}
