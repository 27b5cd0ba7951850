//! Human review of claims: the audit-trail record ([`Review`]) and how
//! corrections are laid over an extracted claim when it is read.
//!
//! A correction names a field of the claim record by its JSON path
//! (`type`, `epistemic`, `source.kind`, `actor.name`, `date.value`,
//! `place.country`, ...). The claim as extracted is kept untouched; every read
//! applies the corrections in the order they were made, and says so in the
//! claim's `why` (`corrected by ana at ...: type = casualties (was attack)`),
//! so a corrected value is always shown as a correction.

use std::fmt;
use std::str::FromStr;

use claimtrace_model::Claim;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Error, Result};

/// What a reviewer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewAction {
    /// The claim is right as extracted.
    Confirm,
    /// The claim is wrong or not a claim.
    Reject,
    /// One field has a new value.
    Correct,
}

impl ReviewAction {
    pub const ALL: &'static [ReviewAction] = &[
        ReviewAction::Confirm,
        ReviewAction::Reject,
        ReviewAction::Correct,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ReviewAction::Confirm => "confirm",
            ReviewAction::Reject => "reject",
            ReviewAction::Correct => "correct",
        }
    }
}

impl fmt::Display for ReviewAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReviewAction {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        ReviewAction::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| {
                Error::InvalidQuery(format!(
                    "'{s}' is not a review action (confirm, reject, correct)"
                ))
            })
    }
}

/// One entry of the review audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The stable claim id (`model::Claim::make_id`), not a row.
    pub claim_id: String,
    pub who: String,
    /// UTC time `YYYY-MM-DDTHH:MM:SSZ`; the store fills it when `None`.
    #[serde(default)]
    pub at: Option<String>,
    pub action: ReviewAction,
    /// For `correct`: the JSON path of the corrected field (`source.kind`).
    #[serde(default)]
    pub field: Option<String>,
    /// The value before the correction; the store fills it when `None`.
    #[serde(default)]
    pub old_value: Option<String>,
    /// For `correct`: the new value, as text (`casualties`, `UKR`, `48.5`, `null`).
    #[serde(default)]
    pub new_value: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Review {
    /// A correction of `field` to `value` by `who`.
    pub fn correct(claim_id: &str, who: &str, field: &str, value: &str) -> Self {
        Review {
            claim_id: claim_id.into(),
            who: who.into(),
            at: None,
            action: ReviewAction::Correct,
            field: Some(field.into()),
            old_value: None,
            new_value: Some(value.into()),
            note: None,
        }
    }

    /// A confirmation or rejection by `who`.
    pub fn verdict(claim_id: &str, who: &str, action: ReviewAction, note: Option<&str>) -> Self {
        Review {
            claim_id: claim_id.into(),
            who: who.into(),
            at: None,
            action,
            field: None,
            old_value: None,
            new_value: None,
            note: note.map(Into::into),
        }
    }
}

/// Provenance fields: what the text says where. A reviewer corrects the
/// coding, never the evidence.
const FIXED_FIELDS: &[&str] = &["id", "doc", "sentence", "span", "sentence_index"];

/// The current value at `field` of `claim` as text (JSON for non-strings).
pub(crate) fn field_value(claim: &Claim, field: &str) -> Result<Option<String>> {
    let v = serde_json::to_value(claim)?;
    Ok(lookup(&v, field).map(value_text))
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn lookup<'v>(v: &'v Value, field: &str) -> Option<&'v Value> {
    field.split('.').try_fold(v, |v, key| v.get(key))
}

/// `claim` with one correction applied, checked: the path must lead into the
/// record, and the result must still be a valid claim carrying the new value.
pub(crate) fn corrected(claim: &Claim, field: &str, new_value: &str) -> Result<Claim> {
    let bad = |reason: String| Error::InvalidReview {
        claim: claim.id.clone(),
        reason,
    };
    let top = field.split('.').next().unwrap_or_default();
    if field.is_empty() || FIXED_FIELDS.contains(&top) {
        return Err(bad(format!("field '{field}' cannot be corrected")));
    }
    let mut json = serde_json::to_value(claim)?;
    let (parent_path, key) = match field.rsplit_once('.') {
        Some((p, k)) => (Some(p), k),
        None => (None, field),
    };
    let current_is_string = lookup(&json, field).is_some_and(Value::is_string);
    // A string field takes the text as is; any other takes it as JSON when it
    // parses ("48.5", "null", "[\"military\"]"), else as a string.
    let mut candidates = Vec::with_capacity(2);
    if !current_is_string && let Ok(parsed) = serde_json::from_str::<Value>(new_value) {
        candidates.push(parsed);
    }
    candidates.push(Value::String(new_value.to_string()));
    let mut last_err = String::new();
    for candidate in candidates {
        let parent = match parent_path {
            Some(p) => p.split('.').try_fold(&mut json, |v, k| v.get_mut(k)),
            None => Some(&mut json),
        };
        let Some(Value::Object(obj)) = parent else {
            return Err(bad(format!(
                "the claim has no '{}' to correct",
                parent_path.unwrap_or(field)
            )));
        };
        obj.insert(key.to_string(), candidate.clone());
        match serde_json::from_value::<Claim>(json.clone()) {
            Ok(c) => {
                // Unknown keys are dropped silently by serde: check the value stuck.
                let back = serde_json::to_value(&c)?;
                if lookup(&back, field) == Some(&candidate)
                    || (candidate.is_null() && lookup(&back, field).is_none())
                {
                    return Ok(c);
                }
                last_err = format!("'{field}' is not a field of the claim record");
            }
            Err(e) => last_err = format!("'{new_value}' does not fit '{field}': {e}"),
        }
    }
    Err(bad(last_err))
}

/// `claim` as reviewers left it: corrections applied in order, and one `why`
/// line per review so every corrected value is marked as a correction.
pub(crate) fn apply_reviews(mut claim: Claim, reviews: &[Review]) -> Result<Claim> {
    for r in reviews {
        let at = r.at.as_deref().unwrap_or("?");
        let note = r
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        match (r.action, r.field.as_deref(), r.new_value.as_deref()) {
            (ReviewAction::Correct, Some(field), Some(value)) => {
                // A correction that no longer fits (the claim was re-extracted
                // with a different shape) is shown, not silently dropped.
                let line = match corrected(&claim, field, value) {
                    Ok(c) => {
                        claim = c;
                        let was = r.old_value.as_deref().unwrap_or("?");
                        format!(
                            "corrected by {} at {at}: {field} = {value} (was {was}){note}",
                            r.who
                        )
                    }
                    Err(e) => format!("correction by {} at {at} not applied: {e}", r.who),
                };
                claim.why.push(line);
            }
            (action, _, _) => {
                let done = match action {
                    ReviewAction::Confirm => "confirmed",
                    ReviewAction::Reject => "rejected",
                    ReviewAction::Correct => "marked for correction",
                };
                claim.why.push(format!("{done} by {} at {at}{note}", r.who));
            }
        }
    }
    Ok(claim)
}
