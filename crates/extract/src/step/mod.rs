//! The steps that turn one sentence into claim records, each in its own
//! room and each adding its reasons to `why`:
//!
//! 1. [`units`]: clause units, one per event trigger;
//! 2. [`Unit::governing`]: the attribution that governs a unit;
//! 3. [`kind`]: claim type and PLOVER event;
//! 4. [`source`]: who says so;
//! 5. firmness (`crate::firmness`): how firmly;
//! 6. [`participants`]: actor and target;
//! 7. date and place (`crate::setting`);
//! 8. [`measures`]: quantities, weapons, the PLOVER mode and contexts.

pub(crate) mod kind;
pub(crate) mod measures;
pub(crate) mod participants;
pub(crate) mod source;
mod units;

use claimtrace_model::{Document, Sentence, Source};

use crate::attribution::{Attribution, quote_balance};
use crate::context::DocContext;
use crate::cue::{CueHit, CueKind};
use crate::facts::DocFacts;
use crate::mention::Cand;
use crate::trigger::TriggerHit;

pub(crate) use units::units;

/// Everything found in one sentence that its claims' steps read.
pub(crate) struct Scope<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub sentence: &'a Sentence,
    /// The sentence's trimmed byte range.
    pub from: usize,
    pub to: usize,
    pub facts: &'a DocFacts<'a>,
    pub mentions: &'a [Cand],
    pub cues: &'a [CueHit],
    pub attributions: &'a [Attribution],
    /// The sentence's event triggers.
    pub triggers: &'a [TriggerHit],
    pub quote: &'a QuoteCarry,
    /// How many clause units the sentence has.
    pub units: usize,
}

/// A clause unit: the part of a sentence one claim is about, with the
/// event trigger it is about (none for a clause kept for its cues).
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    pub trigger: Option<TriggerHit>,
}

impl Unit {
    /// The attribution that governs this unit: one in it, else one before
    /// it in the sentence, else a trailing one after it.
    pub(crate) fn governing<'a>(&self, attributions: &'a [Attribution]) -> Option<&'a Attribution> {
        let first = |keep: &dyn Fn(&Attribution) -> bool| {
            attributions
                .iter()
                .filter(|a| keep(a))
                .min_by_key(|a| a.cue.start)
        };
        first(&|a| a.cue.start >= self.start && a.cue.end <= self.end)
            .or_else(|| first(&|a| a.cue.end <= self.start))
            .or_else(|| first(&|a| a.cue.start >= self.end && a.trailing))
    }

    /// The cues inside the unit.
    pub(crate) fn cues<'a>(&self, cues: &'a [CueHit]) -> Vec<&'a CueHit> {
        cues.iter()
            .filter(|c| c.start >= self.start && c.end <= self.end)
            .collect()
    }

    /// Whether the unit makes a claim: it has a trigger, or it carries an
    /// opinion or hedge cue, or a known source says something in it.
    pub(crate) fn is_claim(
        &self,
        sc: &Scope,
        attr: Option<&Attribution>,
        scope_cues: &[&CueHit],
    ) -> bool {
        if self.trigger.is_some() {
            return true;
        }
        let opinion = scope_cues.iter().any(|c| c.cue.kind == CueKind::Opinion);
        let hedge = scope_cues
            .iter()
            .any(|c| c.cue.kind == CueKind::Hedge && !sc.text[c.start..c.end].contains("verif"));
        let evaluation = attr.is_some_and(|a| a.cue.cue.kind == CueKind::Evaluation);
        let source_known = attr.is_some() || sc.quote.source().is_some();
        opinion || hedge || source_known && (evaluation || !scope_cues.is_empty())
    }
}

/// A quotation's speaker carried into a sentence that names none.
#[derive(Debug, Default)]
pub(crate) struct QuoteCarry {
    /// The sentence opens with a quotation mark inside a quotation opened
    /// earlier.
    pub carried: Option<Source>,
    /// The sentence continues an open quotation, or opens a new one right
    /// after a closed one (the same speaker's).
    pub continuing: Option<Source>,
    /// The sentence opens a quotation mark / closes one.
    pub opens: bool,
    pub closes: bool,
}

impl QuoteCarry {
    /// What the sentence `sent` takes from the quotations before it.
    pub(crate) fn before(ctx: &DocContext, sent: &str, attributions: &[Attribution]) -> Self {
        let (opens, closes) = quote_balance(sent);
        let unattributed = attributions.is_empty();
        let starts_quoted = sent.trim_start().starts_with('“');
        let carried = if unattributed && starts_quoted {
            ctx.open_quote.clone()
        } else {
            None
        };
        let continuing = if unattributed && !opens {
            ctx.open_quote.clone()
        } else if unattributed && starts_quoted {
            ctx.last_quote_source.clone()
        } else {
            None
        };
        QuoteCarry {
            carried,
            continuing,
            opens,
            closes,
        }
    }

    /// The carried speaker, if any.
    pub(crate) fn source(&self) -> Option<&Source> {
        self.carried.as_ref().or(self.continuing.as_ref())
    }

    /// Leave the quotation state for the next sentence.
    pub(crate) fn after(
        &self,
        ctx: &mut DocContext,
        attributions: &[Attribution],
        last_source: Option<Source>,
    ) {
        let first = || attributions.first().map(|a| a.source.clone());
        ctx.last_quote_source = if self.opens && self.closes {
            first()
        } else {
            None
        };
        if self.opens && !self.closes {
            ctx.open_quote = last_source.or_else(first);
        } else if self.closes {
            ctx.open_quote = None;
        }
    }
}
