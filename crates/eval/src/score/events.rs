//! Event typing: one gold class per text, the system's class (or none);
//! accuracy and macro-F1 over gold classes.

use crate::data::LabelledText;
use crate::metrics::{Confusion, Counts};

/// The class written when the system declines to classify.
pub const NONE: &str = "(none)";

/// Runs `system` over `items`. `gold_class` maps a gold label to the class
/// compared (identity, or a mapping table into our label set); items whose
/// gold label maps to `None` are counted in `.1` and not scored.
pub fn score<'a>(
    items: impl IntoIterator<Item = &'a LabelledText>,
    gold_class: impl Fn(&str) -> Option<String>,
    system: impl Fn(&str) -> Option<String>,
) -> (Confusion, usize) {
    let mut c = Confusion::default();
    let mut skipped = 0;
    for it in items {
        let Some(g) = gold_class(&it.label) else {
            skipped += 1;
            continue;
        };
        let p = system(&it.text).unwrap_or_else(|| NONE.to_string());
        c.add(&g, &p);
    }
    (c, skipped)
}

/// Whether a predicted actor text names one of the gold actors: one text
/// contains the other as whole words, case ignored ("Senior Hungarian
/// officials" names "Hungarian"; "the U.S." names "U.S.").
pub fn actor_matches(pred: &str, gold: &[String]) -> bool {
    let norm = |s: &str| {
        let words: Vec<String> = s
            .split(|c: char| c.is_whitespace() || ",;:()\"“”'’".contains(c))
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .filter(|w| w != "the")
            .collect();
        format!(" {} ", words.join(" "))
    };
    let p = norm(pred);
    if p.trim().is_empty() {
        return false;
    }
    gold.iter()
        .map(|g| norm(g))
        .any(|g| !g.trim().is_empty() && (p.contains(&g) || g.contains(&p)))
}

/// Adds one item's actor role: `pred` is the system's actor text (if any),
/// `gold` the gold actor texts. Counted per item: a prediction is a true
/// positive when it names a gold actor, else a false positive; an item with
/// gold actors and no matching prediction is a false negative.
pub fn add_actor(c: &mut Counts, pred: Option<&str>, gold: &[String]) {
    let hit = pred.is_some_and(|p| actor_matches(p, gold));
    match (pred.is_some(), hit, gold.is_empty()) {
        (_, true, _) => c.tp += 1,
        (true, false, g_empty) => {
            c.fp += 1;
            if !g_empty {
                c.fn_ += 1;
            }
        }
        (false, _, false) => c.fn_ += 1,
        (false, _, true) => {}
    }
}

/// CAMEO actor codes of three letters that are not countries.
const NON_STATE_CODES: &[&str] = &[
    "IGO", "NGO", "MNC", "REB", "OPP", "INS", "UAF", "SPY", "GOV", "MIL", "CVL", "BUS", "JUD",
    "LEG", "MED", "COP", "EDU", "ELI", "HLH", "LAB", "REF", "CRM", "AGR", "ENV", "UIS", "IMG",
    "PTY", "SEP", "RAD", "MOD", "HRI", "IRC", "XXX",
];

/// Whether `code` is an ISO 3166-1 alpha-3 country code (three capital
/// letters, not one of CAMEO's non-state codes).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !NON_STATE_CODES.contains(&code)
}

/// The distinct ISO-3 country codes of a list, sorted.
fn country_set(v: &[String]) -> Vec<&str> {
    let mut s: Vec<&str> = v
        .iter()
        .map(String::as_str)
        .filter(|x| is_country_code(x))
        .collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// Adds one item's actor codes as sets of ISO-3 country codes: predicted
/// codes found among the gold ones are true positives, the others false
/// positives, gold codes not predicted false negatives. Non-country codes
/// on either side are left out.
pub fn add_codes(c: &mut Counts, pred: &[String], gold: &[String]) {
    let (p, g) = (country_set(pred), country_set(gold));
    let tp = p.iter().filter(|x| g.contains(x)).count();
    *c += Counts::new(tp, p.len() - tp, g.len() - tp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_code_sets() {
        assert!(is_country_code("HUN"));
        assert!(!is_country_code("IGO"));
        assert!(!is_country_code("hun"));
        assert!(!is_country_code("wagner"));
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let mut c = Counts::default();
        add_codes(&mut c, &s(&["HUN"]), &s(&["HUN", "ROU"])); // tp 1, fn 1
        add_codes(&mut c, &s(&["RUS", "wagner"]), &s(&["UKR", "IGO"])); // fp 1, fn 1
        add_codes(&mut c, &[], &s(&["IGO"])); // nothing
        assert_eq!(c, Counts::new(1, 1, 2));
    }

    #[test]
    fn actor_matching() {
        let g = vec!["Hungarian".to_string(), "Romanian".to_string()];
        assert!(actor_matches("Senior Hungarian and Romanian officials", &g));
        assert!(actor_matches("hungarian", &g));
        assert!(!actor_matches("Hungary", &g));
        assert!(!actor_matches("Hungarians", &g));
        assert!(actor_matches("the U.S.", &["U.S.".to_string()]));
        assert!(!actor_matches("", &g));
        let mut c = Counts::default();
        add_actor(&mut c, Some("Romanian officials"), &g); // tp
        add_actor(&mut c, Some("Moscow"), &g); // fp + fn
        add_actor(&mut c, None, &g); // fn
        add_actor(&mut c, Some("Kyiv"), &[]); // fp
        add_actor(&mut c, None, &[]); // nothing
        assert_eq!(c, Counts::new(1, 2, 2));
    }

    #[test]
    fn maps_gold_and_counts_declines_as_wrong() {
        let items: Vec<LabelledText> = [
            ("1", "Jets bombed the depot.", "AIR_STRIKE"),
            ("2", "They met.", "AGREEMENT"),
            ("3", "?", "ORG_CRIME"),
        ]
        .iter()
        .map(|(i, t, l)| LabelledText {
            id: i.to_string(),
            text: t.to_string(),
            label: l.to_string(),
        })
        .collect();
        let map = |l: &str| match l {
            "AIR_STRIKE" => Some("attack".to_string()),
            "AGREEMENT" => Some("diplomatic_engagement".to_string()),
            _ => None,
        };
        let (c, skipped) = score(&items, map, |t| {
            t.contains("bombed").then(|| "attack".to_string())
        });
        assert_eq!(skipped, 1);
        assert_eq!(c.len(), 2);
        assert!((c.accuracy() - 0.5).abs() < 1e-12);
        assert_eq!(c.counts("diplomatic_engagement").fn_, 1);
    }
}
