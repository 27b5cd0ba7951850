use serde::{Deserialize, Serialize};

use crate::{ActorKind, ClaimType, Epistemic, PloverEvent, SourceKind, Span};

/// One claim: one statement made in one document (the JSON Lines record of
/// `claimtrace extract`; contract in `claim-record.md`).
///
/// Invariants: `span` slices the document text to exactly `sentence`; every
/// `span` inside the nested values points into the same document text; `why`
/// has at least one reason for each coded field (`type`, `source`,
/// `epistemic`, and each of `actor`, `target`, `date`, `place` that is set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: the first 12 hex digits of the document hash, the sentence
    /// index and the claim's index in the sentence (`3fa2c1d09b7e:4:0`). The
    /// same text re-extracted gives the same ids, so reviews survive.
    pub id: String,
    pub doc: String,
    pub sentence: String,
    pub span: Span,
    pub sentence_index: usize,
    #[serde(rename = "type")]
    pub claim_type: ClaimType,
    pub plover: Plover,
    pub actor: Option<Mention>,
    pub target: Option<Mention>,
    pub source: Source,
    pub epistemic: Epistemic,
    pub cues: Vec<String>,
    /// Document spans of `cues`, in the same order.
    #[serde(default)]
    pub cue_spans: Vec<Span>,
    pub date: Option<DateRef>,
    pub place: Option<Place>,
    pub quantities: Vec<Quantity>,
    pub weapons: Vec<String>,
    /// Document spans of `weapons`, in the same order.
    #[serde(default)]
    pub weapon_spans: Vec<Span>,
    pub why: Vec<String>,
}

impl Claim {
    /// The stable id of the `k`-th claim of sentence `sentence_index` in a
    /// document with content hash `doc_hash`.
    pub fn make_id(doc_hash: &str, sentence_index: usize, k: usize) -> String {
        let h = doc_hash.get(..12).unwrap_or(doc_hash);
        format!("{h}:{sentence_index}:{k}")
    }
}

/// PLOVER coding of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: PloverEvent,
    /// PLOVER mode where one is defined (`aerial`, `drone`, ...).
    pub mode: Option<String>,
    /// PLOVER contexts (`military`, `diplomatic`, `trafficking`, ...).
    pub context: Vec<String>,
    /// Auxiliary mode: `historical`, `future`, `hypothetical` or `negated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aux: Option<String>,
}

/// An actor or target: a mention of a state, group, body or person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The words in the text.
    pub text: String,
    /// The canonical name ("Ukraine" for "Kyiv" used for its government).
    pub name: String,
    /// A knowledge-base id (ISO 3166 alpha-3 for states, a project id or a
    /// Wikidata id otherwise), when the name is known.
    pub id: Option<String>,
    pub kind: ActorKind,
    /// Where `text` stands in the document; `None` only for a value inherited
    /// from an earlier sentence whose span is then given in `why`.
    pub span: Option<Span>,
    /// The kind is a guess (the name was not in the knowledge base).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guessed: bool,
    /// For persons: the role given in apposition ("the press representative of ...").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Who asserts a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub text: String,
    pub name: String,
    pub kind: SourceKind,
    pub span: Option<Span>,
    /// Outer-to-inner chain of nested attribution, when there is one
    /// ("Reuters" → "a local official").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chain: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Source {
    /// The article itself as the source (no attribution found).
    pub fn author(name: Option<&str>) -> Self {
        Source {
            text: String::new(),
            name: name.unwrap_or("the article").to_string(),
            kind: SourceKind::Author,
            span: None,
            chain: Vec::new(),
            role: None,
        }
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    /// Early, mid or late part of a year, a season or a quarter.
    PartOfYear,
    Year,
    /// A range with a start and maybe no end ("since 2022").
    Interval,
}

/// A date mentioned for a claim, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateRef {
    pub text: String,
    /// ISO-style value: `2025-06-01`, `2025-05`, `2024`, `2024-late`,
    /// `2022/..` (open interval) or `2024-05-01/2024-05-31`.
    pub value: String,
    pub precision: DatePrecision,
    /// First and last day covered (`YYYY-MM-DD`), for filtering and matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub span: Option<Span>,
    /// Carried from an earlier sentence about the same event.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inherited: bool,
}

/// Whether a place is where the claimed event happened or is merely named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRole {
    Event,
    Mentioned,
}

/// A place, geocoded when the gazetteer knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub text: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// `country`, `region`, `city` or `facility`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    pub role: PlaceRole,
    pub span: Option<Span>,
}

/// A number or quantity phrase, as an interval with its unit noun.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub text: String,
    /// The number said (300 for "over 300").
    #[serde(with = "crate::claim::num")]
    pub value: Option<f64>,
    #[serde(with = "crate::claim::num", default)]
    pub min: Option<f64>,
    #[serde(with = "crate::claim::num", default)]
    pub max: Option<f64>,
    /// over, more than, at least, about, nearly, up to, dozens, ...
    pub qualifier: Option<String>,
    /// The counted noun, singular ("UAV", "soldier", "USD").
    pub unit: Option<String>,
    pub span: Option<Span>,
}

/// Numbers written as JSON integers when they are whole ("300", not "300.0").
pub(crate) mod num {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
            Some(x) => s.serialize_f64(*x),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_whole_numbers_are_integers() {
        let q = Quantity {
            text: "over 300".into(),
            value: Some(300.0),
            min: Some(301.0),
            max: None,
            qualifier: Some("over".into()),
            unit: Some("UAV".into()),
            span: Some(Span::new(0, 8)),
        };
        let j = serde_json::to_value(&q).unwrap();
        assert_eq!(j["value"], serde_json::json!(300));
        assert_eq!(j["max"], serde_json::Value::Null);
        let back: Quantity = serde_json::from_value(j).unwrap();
        assert_eq!(back, q);
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(Claim::make_id("0123456789abcdef", 4, 1), "0123456789ab:4:1");
        assert_eq!(Claim::make_id("ab", 0, 0), "ab:0:0");
    }
}
