//! Finding place names in running text and choosing which place each means.

use claimtrace_model::{Place, PlaceRole, Span};

use crate::entry::Feature;
use crate::gazetteer::Gazetteer;
use crate::index::IdList;
use crate::record::EntryView;

/// A place name found in text, geocoded.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMatch {
    /// Byte range in the text passed to [`Gazetteer::find_places`].
    pub span: Span,
    /// Role is [`PlaceRole::Mentioned`]; the extractor decides which is the event place.
    pub place: Place,
    /// How many gazetteer entries carry this name (1 = unambiguous).
    pub ambiguity: usize,
}

/// Words that, following a place name, make the whole phrase something else
/// ("New York Times", "Kyiv Independent", "Gaza Strip" is kept: it is listed).
const NOT_A_PLACE_AFTER: &[&str] = &[
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Independent",
    "Gazette",
    "University",
    "College",
    "Street",
    "Avenue",
    "Road",
    "Airlines",
    "Airways",
    "Club",
    "Institute",
    "Company",
    "Corporation",
    "Group",
    "Bank",
    "Party",
    "Council",
    "Police",
    "Daily",
    "News",
    "Sun",
    "Star",
    "Echo",
    "Ledger",
    "Courier",
    "Wire",
    "Review",
    "Monitor",
    "Observer",
    "Chronicle",
    "Signal",
    "Broadcaster",
    "Press",
    "Agency",
    "Television",
    "Radio",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether a name starting at `start` does not continue a word (a hyphen
/// before it is fine: "pro-Kremlin", "Kharkiv-Kupiansk").
fn starts_word(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|s| s.chars().next_back())
        .is_none_or(|c| !is_word_char(c) && c != '-' || c == '-' && start >= 2)
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let after_ok = text
        .get(end..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !is_word_char(c));
    starts_word(text, start) && after_ok
}

pub(crate) fn followed_by_org_word(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    NOT_A_PLACE_AFTER.contains(&word.as_str())
}

/// Prepositions that put an event at a place ("in Kharkiv", "near Gao").
const EVENT_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "on", "outside", "around", "inside", "into", "across", "over", "towards",
    "toward", "from", "of", "off", "within",
];

/// Whether the word before `span` is a locative preposition, the usual sign
/// that the place is where something happened rather than who acted.
pub fn is_event_place_context(text: &str, span: Span) -> bool {
    let Some(before) = text.get(..span.start) else {
        return false;
    };
    let trimmed = before.trim_end();
    let trimmed = trimmed
        .strip_suffix("the")
        .map(str::trim_end)
        .unwrap_or(trimmed);
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    EVENT_PREPOSITIONS.contains(&word.to_lowercase().as_str())
}

fn to_place(e: &EntryView<'_>, text: &str, span: Span) -> Place {
    Place {
        text: text.to_string(),
        name: e.name.to_string(),
        country: e.country.map(String::from),
        lat: Some(e.lat),
        lon: Some(e.lon),
        feature: Some(e.feature.as_str().to_string()),
        geonameid: e.geonameid,
        role: PlaceRole::Mentioned,
        span: Some(span),
    }
}

impl Gazetteer {
    /// Place names in `text`, leftmost-longest and word-bounded, each
    /// resolved to one entry. Countries named anywhere in the text (and
    /// unambiguous names) make places in those countries preferred.
    pub fn find_places(&self, text: &str) -> Vec<PlaceMatch> {
        let mut hits: Vec<(usize, usize, IdList<'_>)> = Vec::new();
        for (start, &b) in text.as_bytes().iter().enumerate() {
            // Most bytes start no surface: one table lookup rules them out.
            if !self.index.may_start(b) || !starts_word(text, start) {
                continue;
            }
            self.index.surfaces_at(text, start, |end, ids| {
                if bounded(text, start, end) {
                    hits.push((start, end, ids));
                }
            });
        }
        hits.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(usize, usize, IdList<'_>)> = Vec::new();
        let mut taken = claimtrace_model::DisjointRanges::default();
        for h in hits {
            if taken.is_free(h.0, h.1) && !followed_by_org_word(text, h.1) {
                taken.insert_if_free(h.0, h.1);
                kept.push(h);
            }
        }
        kept.sort_by_key(|h| h.0);

        let mut hints: Vec<&str> = Vec::new();
        for &(_, _, ids) in &kept {
            let only = (ids.len() == 1)
                .then(|| ids.iter().next().and_then(|i| self.index.view(i)))
                .flatten();
            let country = ids
                .iter()
                .filter_map(|i| self.index.view(i))
                .find(|e| e.feature == Feature::Country)
                .or(only)
                .and_then(|e| e.country);
            if let Some(c) = country
                && !hints.contains(&c)
            {
                hints.push(c);
            }
        }

        kept.into_iter()
            .filter_map(|(s, e, ids)| {
                let surface = text.get(s..e)?;
                let best = self.best(ids, surface, &hints)?;
                let span = Span::new(s, e);
                Some(PlaceMatch {
                    span,
                    place: to_place(&best, surface, span),
                    ambiguity: ids.len(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preposition_context() {
        let t = "Drones struck in the Kursk region; Russia said.";
        assert!(is_event_place_context(t, Span::new(21, 26)));
        assert!(!is_event_place_context(t, Span::new(35, 41)));
    }

    #[test]
    fn word_boundaries() {
        assert!(bounded("in Gao.", 3, 6));
        assert!(!bounded("Gaomi", 0, 3));
    }
}
