//! Word-level views of a text: word spans, capitalisation and the small
//! closed word classes (titles, pronouns, auxiliaries) the rules use.

/// A word: a maximal run of alphanumeric characters, as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn is_capitalised(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// The words of `text[from..to]`.
pub(crate) fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let Some(hay) = text.get(from..to) else {
        return out;
    };
    let mut start: Option<usize> = None;
    for (i, c) in hay.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: from + s,
                end: from + i,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: from + s,
            end: to,
        });
    }
    out
}

/// The word ending just before byte `pos`, skipping spaces only.
pub(crate) fn word_before(text: &str, pos: usize) -> Option<Word> {
    let head = text.get(..pos)?.trim_end();
    let end = head.len();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    Some(Word { start, end })
}

/// `TITLES` as a set, and the set of their first words (a quick test run at
/// every word).
pub(crate) static TITLE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| TITLES.iter().copied().collect());
pub(crate) static TITLE_FIRST_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        TITLES
            .iter()
            .filter_map(|t| t.split([' ', '.']).next())
            .collect()
    });
/// `NOT_NAMES` as a set.
pub(crate) static NOT_NAME_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| NOT_NAMES.iter().copied().collect());

/// Words that introduce a person's name ("President X", "spokesman X").
pub(crate) const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Interior Minister",
    "Minister",
    "General",
    "Gen.",
    "Lt.",
    "Col.",
    "Colonel",
    "Major",
    "Captain",
    "Commander",
    "Ambassador",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "Spokesman",
    "Sheikh",
    "Chief",
    "Secretary-General",
    "Secretary",
    "Senator",
    "King",
    "Queen",
    "Prince",
    "Emir",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "Field Marshal",
    "Admiral",
    "Marshal",
    "Deputy",
    "Governor",
    "Mayor",
    "envoy",
    "Envoy",
    "commander",
    "leader",
    "Leader",
    "Pope",
    "Chancellor",
    "Vice President",
    "Speaker",
    "Rep.",
    "Sen.",
    "Gov.",
    "Rev.",
    "Sgt.",
    "Prof.",
    "Maj.",
    "Capt.",
    "Cpl.",
    "Adm.",
    "Justice",
    "Judge",
    "Chairman",
    "Chairwoman",
    "Attorney General",
    "Sheriff",
    "Detective",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Imam",
    "Rabbi",
    "Ayatollah",
];

/// Nouns that make an apposition a role ("X, the press representative of Y,").
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "representative",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "minister",
    "commander",
    "head",
    "chief",
    "director",
    "official",
    "president",
    "adviser",
    "advisor",
    "envoy",
    "leader",
    "secretary",
    "general",
    "officer",
    "analyst",
    "expert",
    "researcher",
    "founder",
    "member",
    "deputy",
    "governor",
    "mayor",
    "correspondent",
    "editor",
    "journalist",
    "professor",
    "fellow",
    "chairman",
    "chair",
    "colonel",
    "captain",
    "prosecutor",
    "lawmaker",
    "senator",
    "diplomat",
    "negotiator",
    "coordinator",
    "emir",
    "king",
    "premier",
    "mediator",
    "doctor",
    "nurse",
    "medic",
    "paramedic",
    "surgeon",
    "physician",
    "soldier",
    "fighter",
    "worker",
    "aide",
    "lawyer",
    "pilot",
    "witness",
    "resident",
    "activist",
    "monitor",
    "observer",
    "inspector",
    "investigator",
];

/// Whether `head` (lower case, singular or plural) is a [`ROLE_NOUNS`]
/// word: "officials", "witnesses", "doctor".
pub(crate) fn is_role_noun(head: &str) -> bool {
    let singular = head
        .strip_suffix("sses")
        .map(|s| format!("{s}ss"))
        .or_else(|| head.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| head.to_string());
    ROLE_NOUNS.contains(&head) || ROLE_NOUNS.contains(&singular.as_str())
}

/// Capitalised words that open sentences or phrases without naming anything.
pub(crate) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "Of",
    "To",
    "And",
    "But",
    "Or",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "While",
    "When",
    "Where",
    "Which",
    "Who",
    "What",
    "Why",
    "How",
    "However",
    "Meanwhile",
    "Moreover",
    "Notably",
    "Following",
    "According",
    "Another",
    "Unlike",
    "Given",
    "Over",
    "Under",
    "Simultaneously",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "There",
    "Here",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Such",
    "Also",
    "Yet",
    "Still",
    "Then",
    "Thus",
    "Despite",
    "Although",
    "Though",
    "If",
    "Once",
    "Now",
    "Later",
    "Earlier",
    "Last",
    "Next",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Experts",
    "Observers",
    "Officials",
    "Analysts",
    "Sources",
    "Witnesses",
    "Residents",
    "Several",
    "Two",
    "Three",
    "One",
    "No",
    "Not",
    "Every",
    "Any",
    "Other",
    "Others",
    "Only",
    "Neither",
    "Nor",
    "Either",
    "Instead",
    "Separately",
    "Indeed",
    "In summary",
    "Imagine",
    "Because",
    "Due",
    "Among",
    "Against",
    "Between",
    "Within",
    "Across",
    "Along",
    "Amid",
    "Amidst",
    "Through",
    "Throughout",
    "Toward",
    "Towards",
    "Upon",
    "Via",
    "Per",
    "Regarding",
];

/// Words linking the parts of a capitalised name ("Ministry of Defense",
/// "Abdel Fattah al-Burhan").
pub(crate) const NAME_LINKS: &[&str] = &[
    "of", "the", "al", "el", "bin", "ibn", "de", "du", "wa", "ul", "von", "van", "der", "la", "le",
    "for", "and",
];

pub(crate) const PRONOUNS_PERSON: &[&str] = &["he", "she", "He", "She", "him", "her"];
pub(crate) const PRONOUNS_GROUP: &[&str] = &["it", "they", "It", "They"];

/// Auxiliaries and adverbs that may sit between a subject and its verb.
pub(crate) const AUX_ADVERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "also",
    "officially",
    "publicly",
    "later",
    "earlier",
    "previously",
    "repeatedly",
    "reportedly",
    "allegedly",
    "then",
    "again",
    "already",
    "recently",
    "quickly",
    "swiftly",
    "once",
    "never",
    "not",
    "formally",
    "openly",
    "first",
    "subsequently",
    "finally",
    "had",
    "would",
    "will",
    "may",
    "might",
    "could",
    "did",
    "does",
    "do",
];

/// Forms of "be" that mark a passive before a participle.
pub(crate) const BE_FORMS: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_neighbours() {
        let t = "Kyiv’s drones, he said.";
        let w: Vec<&str> = words(t, 0, t.len()).iter().map(|w| w.text(t)).collect();
        assert_eq!(w, ["Kyiv", "s", "drones", "he", "said"]);
        let said = t.find("said").unwrap();
        assert_eq!(word_before(t, said).map(|w| w.text(t)), Some("he"));
    }
}
