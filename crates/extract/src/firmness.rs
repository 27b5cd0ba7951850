//! Firmness (`epistemic`) of a clause from its cues and attribution.

use claimtrace_model::{DatePrecision, DateRef, Epistemic, SourceKind};

use crate::attribution::Attribution;
use crate::cue::{CueHit, CueKind};

/// Firmness of a clause from its cues and attribution, with the guidelines'
/// precedence denied > hedged > reported > asserted, opinion apart.
pub(crate) fn firmness<'c>(
    text: &str,
    scope: &[&'c CueHit],
    attr: Option<&'c Attribution>,
    source: SourceKind,
    why: &mut Vec<String>,
) -> (Epistemic, Vec<&'c CueHit>, Option<&'static str>) {
    let of = |kinds: &[CueKind]| -> Vec<&'c CueHit> {
        scope
            .iter()
            .copied()
            .filter(|c| kinds.contains(&c.cue.kind))
            .collect()
    };
    let words = |hits: &[&CueHit]| {
        hits.iter()
            .map(|c| format!("'{}'", &text[c.start..c.end]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let denial = of(&[CueKind::Denial, CueKind::Negation]);
    let attributed_denial = attr.is_some_and(|a| a.cue.cue.kind == CueKind::Denial);
    let hedges = of(&[CueKind::Hedge, CueKind::Passive]);
    let opinion = of(&[CueKind::Opinion]);
    let future = of(&[CueKind::Future]);
    let hypo = of(&[CueKind::Hypothetical]);
    let author = source == SourceKind::Author;
    let aux = if !hypo.is_empty() {
        Some("hypothetical")
    } else if !future.is_empty() {
        Some("future")
    } else if !denial.is_empty() && !attributed_denial && author {
        Some("negated")
    } else {
        None
    };
    if attributed_denial || !denial.is_empty() {
        let mut cues = denial.clone();
        if let Some(a) = attr.filter(|a| a.cue.cue.kind == CueKind::Denial) {
            why.push(format!(
                "epistemic denied: '{}' — the source rejects the proposition",
                &text[a.cue.start..a.cue.end]
            ));
        } else {
            why.push(format!(
                "epistemic denied: denial or negation cue {} governs the clause",
                words(&denial)
            ));
        }
        cues.extend(hedges.iter().copied());
        return (Epistemic::Denied, cues, aux);
    }
    if author && (!opinion.is_empty() || !future.is_empty()) {
        let mut cues = opinion.clone();
        cues.extend(future.iter().copied());
        cues.extend(hedges.iter().copied());
        why.push(format!(
            "epistemic opinion: {} in the author's own voice (evaluation, motive or prediction, not a checkable fact)",
            words(&cues)
        ));
        return (Epistemic::Opinion, cues, aux);
    }
    let hedge_verb = attr.filter(|a| a.cue.cue.kind == CueKind::Hedge);
    if !hedges.is_empty() || hedge_verb.is_some() {
        let mut cues = hedges.clone();
        if let Some(a) = hedge_verb {
            cues.push(&a.cue);
        }
        let who = if author {
            ""
        } else {
            "; the named source is kept"
        };
        why.push(format!(
            "epistemic hedged: uncertainty or distancing cue {}{who}",
            words(&cues)
        ));
        return (Epistemic::Hedged, cues, aux);
    }
    if let Some(a) = attr {
        why.push(format!(
            "epistemic reported: attributed with '{}', no hedge or denial in the clause",
            &text[a.cue.start..a.cue.end]
        ));
        return (Epistemic::Reported, Vec::new(), aux);
    }
    if !author {
        why.push("epistemic reported: part of a quotation attributed earlier".to_string());
        return (Epistemic::Reported, Vec::new(), aux);
    }
    why.push("epistemic asserted: the author's voice, no attribution, hedge or denial".to_string());
    (Epistemic::Asserted, Vec::new(), aux)
}

pub(crate) trait PrecisionStr {
    fn precision_str(&self) -> &'static str;
}

impl PrecisionStr for DateRef {
    fn precision_str(&self) -> &'static str {
        match self.precision {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::PartOfYear => "part of year",
            DatePrecision::Year => "year",
            DatePrecision::Interval => "interval",
        }
    }
}
