//! The counted noun after a number: singularised and canonicalised.

/// Words that end a quantity phrase rather than name what is counted.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "that",
    "which",
    "who",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "their",
    "them",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "as",
    "than",
    "into",
    "per",
    "since",
    "after",
    "before",
    "during",
    "while",
    "when",
    "where",
    "if",
    "not",
    "no",
    "so",
    "said",
    "says",
    "say",
    "more",
    "less",
    "times",
    "out",
    "up",
    "over",
    "about",
    "across",
    "near",
    "between",
    "among",
    "each",
    "other",
    "others",
    "such",
    "also",
    "all",
    "both",
    "only",
    "there",
    "here",
    "then",
    "year",
    "years",
    "days",
    "day",
    "am",
    "pm",
    "killed",
    "wounded",
    "injured",
    "died",
    "including",
];

/// Words that describe the counted noun and may stand between the number and
/// it ("300 Ukrainian-manufactured drones", "five unmanned aerial vehicles").
const MODIFIERS: &[&str] = &[
    "additional",
    "new",
    "more",
    "other",
    "armed",
    "unmanned",
    "aerial",
    "combat",
    "enemy",
    "foreign",
    "civilian",
    "military",
    "heavy",
    "light",
    "ballistic",
    "cruise",
    "guided",
    "small",
    "large",
    "suicide",
    "kamikaze",
    "attack",
    "air",
    "ground",
    "naval",
    "ukrainian",
    "russian",
    "iranian",
    "israeli",
    "american",
    "turkish",
    "chinese",
    "western",
    "local",
    "innocent",
    "young",
    "elderly",
    "unarmed",
    "displaced",
    "former",
    "active",
    "wounded",
    "injured",
    "dead",
    "missing",
    "square",
    "long-range",
    "short-range",
    "medium-range",
];

fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "people" | "persons" | "person" => "people",
        "men" | "man" => "man",
        "women" | "woman" => "woman",
        "children" | "child" => "child",
        "police" | "policemen" => "police officer",
        "personnel" => "personnel",
        "casualties" | "casualty" => "casualty",
        "fatalities" => "fatality",
        "militia" | "militias" => "militia",
        "aircraft" => "aircraft",
        "artillery" => "artillery",
        "ammunition" => "ammunition",
        "feet" | "foot" | "ft" => "foot",
        "dollars" | "dollar" | "usd" => "USD",
        "euros" | "euro" | "eur" => "EUR",
        "percent" | "per cent" | "%" => "percent",
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "miles" | "mile" | "mi" => "mile",
        "metres" | "meters" | "metre" | "meter" | "m" => "m",
        "tonnes" | "tons" | "tonne" | "ton" => "tonne",
        "manpads" => "MANPADS",
        "himars" => "HIMARS",
        "atacms" => "ATACMS",
        "mlrs" => "MLRS",
        "series" | "species" | "news" | "arms" | "analysis" | "crisis" | "gas" | "bus" => {
            return None;
        }
        _ => return None,
    })
}

/// The singular of an English plural noun; acronyms keep their case ("UAVs" → "UAV").
pub(crate) fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(s) = irregular(&lower) {
        return s.to_string();
    }
    let is_acronym = word.chars().filter(|c| c.is_uppercase()).count() >= 2;
    if is_acronym {
        return word
            .strip_suffix('s')
            .filter(|s| s.chars().last().is_some_and(|c| c.is_uppercase()))
            .unwrap_or(word)
            .to_string();
    }
    let w = lower.as_str();
    let keep = ["ss", "us", "is", "news", "series", "arms"];
    if keep.iter().any(|k| w.ends_with(k)) {
        return lower;
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "xes", "sses", "zes"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return format!("{stem}{}", &suffix[..suffix.len() - 2]);
        }
    }
    // A bare "s" (the "S" of "S-400") is no plural of anything.
    w.strip_suffix('s')
        .filter(|stem| !stem.is_empty())
        .unwrap_or(w)
        .to_string()
}

pub(crate) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
}

/// Whether `w` may describe a following noun rather than be the noun.
pub(crate) fn is_modifier(w: &str) -> bool {
    let l = w.to_lowercase();
    MODIFIERS.contains(&l.as_str())
        || l.contains('-')
        || (w.chars().next().is_some_and(char::is_uppercase)
            && (l.ends_with("ian") || l.ends_with("ese") || l.ends_with("ish")))
        || l.ends_with("ed") && l.len() > 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        assert_eq!(singular("UAVs"), "UAV");
        assert_eq!(singular("drones"), "drone");
        assert_eq!(singular("soldiers"), "soldier");
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("people"), "people");
        assert_eq!(singular("MANPADS"), "MANPADS");
        assert_eq!(singular("dollars"), "USD");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("bus"), "bus");
    }
}
