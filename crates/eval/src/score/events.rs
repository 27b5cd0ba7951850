//! Event typing: one gold class per text, the system's class (or none);
//! accuracy and macro-F1 over gold classes.

use crate::data::LabelledText;
use crate::metrics::Confusion;

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

#[cfg(test)]
mod tests {
    use super::*;

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
