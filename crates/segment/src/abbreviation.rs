//! What a word ending in a full stop is, for the purpose of ending sentences.

/// How a word followed by a full stop behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// A title before a name ("Gen.", "Mr."): never ends a sentence.
    Title,
    /// A word that prefixes a number ("No. 5", "Jan. 12"): does not end a
    /// sentence before a digit, behaves like a plain word otherwise.
    BeforeNumber,
    /// An abbreviation that may also close a sentence ("U.S.", "Inc.",
    /// initials): ends one only before a typical sentence opener.
    Ambiguous,
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt",
    "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Cmdr", "Cdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres",
    "Amb", "Supt", "Insp", "St", "Mt", "Ft", "Lieut", "Comdr", "Fr", "Sheikh",
];

const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "nos", "Art", "art", "Vol", "vol", "p", "pp", "Fig", "fig", "Sec", "sec",
    "Ch", "ch", "para", "Para", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Res", "res", "Doc",
];

const AMBIGUOUS: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr", "vs", "etc", "approx", "est", "Dept", "Univ",
    "Assn", "Ave", "Blvd", "Govt", "Intl", "min", "max", "cf", "al",
];

/// Words that typically open a sentence; after an ambiguous abbreviation
/// they signal that the abbreviation closed the previous sentence.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Most",
    "According",
    "Officials",
    "Last",
    "Earlier",
    "Later",
    "Also",
    "Yet",
    "Still",
    "Since",
    "Despite",
    "Although",
    "If",
    "So",
    "Then",
    "Both",
    "Each",
    "Neither",
    "Nor",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Such",
    "No",
    "Not",
    "Several",
    "During",
    "Under",
    "Over",
    "From",
    "For",
    "With",
    "By",
    "Following",
    "Separately",
    "Moreover",
    "Nevertheless",
    "Instead",
];

/// Classifies the word written just before a full stop (opening punctuation
/// already stripped). `None`: a plain word, the stop may end the sentence.
pub(crate) fn classify(word: &str) -> Option<Abbreviation> {
    if word.is_empty() {
        return None;
    }
    if TITLES.contains(&word) {
        return Some(Abbreviation::Title);
    }
    if BEFORE_NUMBER.contains(&word) {
        return Some(Abbreviation::BeforeNumber);
    }
    if AMBIGUOUS.contains(&word) {
        return Some(Abbreviation::Ambiguous);
    }
    // Dotted forms ("U.S", "e.g", "a.m") and single capital initials ("J").
    if word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic()) {
        return Some(Abbreviation::Ambiguous);
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_uppercase()
    {
        return Some(Abbreviation::Ambiguous);
    }
    None
}

/// Whether `word` typically opens a sentence.
pub(crate) fn is_opener(word: &str) -> bool {
    OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("Gen"), Some(Abbreviation::Title));
        assert_eq!(classify("No"), Some(Abbreviation::BeforeNumber));
        assert_eq!(classify("U.S"), Some(Abbreviation::Ambiguous));
        assert_eq!(classify("J"), Some(Abbreviation::Ambiguous));
        assert_eq!(classify("drones"), None);
        assert_eq!(classify("2025"), None);
        assert!(is_opener("The"));
        assert!(!is_opener("Smith"));
    }
}
