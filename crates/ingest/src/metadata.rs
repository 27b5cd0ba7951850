use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// The descriptive fields an input may carry about a document, before the
/// document exists. Every value is trimmed and non-empty when `Some`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601, normalised by [`normalize_published`].
    pub published: Option<String>,
    /// ISO 639-1, normalised by [`normalize_lang`].
    pub lang: Option<String>,
    pub author: Option<String>,
}

impl Metadata {
    /// Sets a field by its front-matter / JSON key; unknown keys are ignored
    /// (returns false) so inputs may carry extra fields.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        let value = clean(value);
        match key.trim().to_ascii_lowercase().as_str() {
            "id" => self.id = value,
            "title" => self.title = value,
            "url" => self.url = value,
            "outlet" => self.outlet = value,
            "published" => self.published = value.as_deref().and_then(normalize_published),
            "lang" => self.lang = value.as_deref().and_then(normalize_lang),
            "author" => self.author = value,
            _ => return false,
        }
        true
    }

    /// Fills every empty field of `self` from `other`.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill(slot: &mut Option<String>, v: Option<String>) {
            if slot.is_none() {
                *slot = v;
            }
        }
        fill(&mut self.id, other.id);
        fill(&mut self.title, other.title);
        fill(&mut self.url, other.url);
        fill(&mut self.outlet, other.outlet);
        fill(&mut self.published, other.published);
        fill(&mut self.lang, other.lang);
        fill(&mut self.author, other.author);
    }
}

/// Trims and collapses inner whitespace; `None` when nothing is left.
pub fn clean(value: &str) -> Option<String> {
    let s = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Normalises a publication date to ISO 8601: a date-time with a zone
/// becomes UTC `YYYY-MM-DDTHH:MM:SSZ`, a bare date `YYYY-MM-DD`, a date-time
/// without zone `YYYY-MM-DDTHH:MM:SS`. Unrecognised values give `None`
/// rather than a string that only looks like a date.
pub fn normalize_published(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(v) {
        return Some(utc(dt.with_timezone(&Utc)));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Some(utc(dt.with_timezone(&Utc)));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(v, f) {
            return Some(utc(dt.with_timezone(&Utc)));
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(v, f) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    for f in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %b %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(v, f) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    // A date-time whose time or zone part is unusual still has a usable date.
    let head = v.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

fn utc(dt: DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reduces a language tag (`en-GB`, `en_US`, `EN`) to its ISO 639-1 code;
/// tags without a two-letter primary subtag give `None`.
pub fn normalize_lang(value: &str) -> Option<String> {
    let primary = value.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise() {
        assert_eq!(
            normalize_published("2024-05-14").as_deref(),
            Some("2024-05-14")
        );
        assert_eq!(
            normalize_published("2024-05-14T10:00:00+02:00").as_deref(),
            Some("2024-05-14T08:00:00Z")
        );
        assert_eq!(
            normalize_published("Tue, 14 May 2024 08:00:00 GMT").as_deref(),
            Some("2024-05-14T08:00:00Z")
        );
        assert_eq!(
            normalize_published("2024-05-14 08:00:00").as_deref(),
            Some("2024-05-14T08:00:00")
        );
        assert_eq!(
            normalize_published("14 May 2024").as_deref(),
            Some("2024-05-14")
        );
        assert_eq!(
            normalize_published("2024-05-14T08:00:00.000+0000").as_deref(),
            Some("2024-05-14T08:00:00Z")
        );
        assert_eq!(normalize_published("last week"), None);
        assert_eq!(normalize_published("2024-13-45"), None);
    }

    #[test]
    fn langs_normalise() {
        assert_eq!(normalize_lang("en-GB").as_deref(), Some("en"));
        assert_eq!(normalize_lang("UK_ua").as_deref(), Some("uk"));
        assert_eq!(normalize_lang("eng"), None);
        assert_eq!(normalize_lang(""), None);
    }

    #[test]
    fn set_ignores_unknown_keys() {
        let mut m = Metadata::default();
        assert!(m.set("Title", "  A  headline "));
        assert!(!m.set("tags", "x"));
        assert_eq!(m.title.as_deref(), Some("A headline"));
    }
}
