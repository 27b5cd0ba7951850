//! Attribution (PolNeAR): gold and predicted attributions are paired by
//! overlapping cues (one-to-one); then, over the pairs, source and content
//! spans are compared exactly, by overlap, and softly (share of characters in
//! common, PARC-style partial credit). Precision counts against every
//! predicted attribution that has the role, recall against every gold one.

use claimtrace_model::Span;

use super::trim_span;
use crate::data::polnear::{AttributionDoc, hull};
use crate::metrics::{Counts, Match, match_spans, overlap_len, pair_overlapping};

/// One attribution found by a system (byte spans into the document text).
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedAttribution {
    pub source: Option<Span>,
    pub cue: Span,
    pub content: Option<Span>,
}

/// Soft (partial) precision / recall: characters in common over characters
/// predicted resp. gold.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Soft {
    pub common: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Soft {
    pub fn precision(&self) -> f64 {
        crate::metrics::ratio(self.common, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        crate::metrics::ratio(self.common, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Span scores of one role.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoleScore {
    pub exact: Counts,
    pub overlap: Counts,
    pub soft: Soft,
}

#[derive(Debug, Clone, Default)]
pub struct AttributionScore {
    pub docs: usize,
    pub gold: usize,
    pub predicted: usize,
    pub cue: RoleScore,
    pub source: RoleScore,
    pub content: RoleScore,
}

/// Runs `system` (document text → attributions) over `docs`.
pub fn score<'a>(
    docs: impl IntoIterator<Item = &'a AttributionDoc>,
    system: impl Fn(&str) -> Vec<PredictedAttribution>,
) -> AttributionScore {
    let mut s = AttributionScore::default();
    for d in docs {
        s.docs += 1;
        let t = d.text.as_str();
        let tr = |sp: Span| trim_span(t, sp);
        let gold: Vec<(Option<Span>, Span, Option<Span>)> = d
            .attributions
            .iter()
            .filter_map(|a| {
                Some((
                    hull(&a.source).map(tr),
                    tr(hull(&a.cue)?),
                    hull(&a.content).map(tr),
                ))
            })
            .collect();
        let pred: Vec<(Option<Span>, Span, Option<Span>)> = system(t)
            .into_iter()
            .map(|p| (p.source.map(tr), tr(p.cue), p.content.map(tr)))
            .collect();
        s.gold += gold.len();
        s.predicted += pred.len();
        let gc: Vec<Span> = gold.iter().map(|g| g.1).collect();
        let pc: Vec<Span> = pred.iter().map(|p| p.1).collect();
        let pairs = pair_overlapping(&gc, &pc);
        s.cue.exact += match_spans(&gc, &pc, Match::Exact);
        s.cue.overlap += Counts::new(pairs.len(), pc.len() - pairs.len(), gc.len() - pairs.len());
        add_soft(
            &mut s.cue.soft,
            &pairs,
            &gc.iter().map(|c| Some(*c)).collect::<Vec<_>>(),
            &pc.iter().map(|c| Some(*c)).collect::<Vec<_>>(),
        );
        let gs: Vec<Option<Span>> = gold.iter().map(|g| g.0).collect();
        let ps: Vec<Option<Span>> = pred.iter().map(|p| p.0).collect();
        add_role(&mut s.source, &pairs, &gs, &ps);
        let gt: Vec<Option<Span>> = gold.iter().map(|g| g.2).collect();
        let pt: Vec<Option<Span>> = pred.iter().map(|p| p.2).collect();
        add_role(&mut s.content, &pairs, &gt, &pt);
    }
    s
}

fn add_role(
    r: &mut RoleScore,
    pairs: &[(usize, usize)],
    gold: &[Option<Span>],
    pred: &[Option<Span>],
) {
    let ng = gold.iter().flatten().count();
    let np = pred.iter().flatten().count();
    let (mut exact, mut overlap) = (0, 0);
    for &(gi, pi) in pairs {
        if let (Some(g), Some(p)) = (gold[gi], pred[pi]) {
            exact += usize::from(g == p);
            overlap += usize::from(g.overlaps(&p));
        }
    }
    r.exact += Counts::new(exact, np - exact, ng - exact);
    r.overlap += Counts::new(overlap, np - overlap, ng - overlap);
    add_soft(&mut r.soft, pairs, gold, pred);
}

fn add_soft(
    soft: &mut Soft,
    pairs: &[(usize, usize)],
    gold: &[Option<Span>],
    pred: &[Option<Span>],
) {
    soft.gold += gold.iter().flatten().map(Span::len).sum::<usize>();
    soft.predicted += pred.iter().flatten().map(Span::len).sum::<usize>();
    for &(gi, pi) in pairs {
        if let (Some(g), Some(p)) = (gold[gi], pred[pi]) {
            soft.common += overlap_len(&g, &p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::polnear::Attribution;

    fn at(text: &str, needle: &str) -> Span {
        let i = text.find(needle).unwrap();
        Span::new(i, i + needle.len())
    }

    #[test]
    fn pairs_by_cue_then_compares_roles() {
        let text = "The army said the bridge fell. Witnesses reported shelling overnight.";
        let doc = AttributionDoc {
            id: "d".into(),
            text: text.into(),
            annotator: "a".into(),
            attributions: vec![
                Attribution {
                    source: vec![at(text, "The army")],
                    cue: vec![at(text, "said")],
                    content: vec![at(text, "the bridge fell")],
                },
                Attribution {
                    source: vec![at(text, "Witnesses")],
                    cue: vec![at(text, "reported")],
                    content: vec![at(text, "shelling overnight")],
                },
            ],
        };
        let s = score([&doc], |t| {
            vec![
                // Source too short, content exact, cue exact.
                PredictedAttribution {
                    source: Some(at(t, "army")),
                    cue: at(t, "said"),
                    content: Some(at(t, "the bridge fell")),
                },
                // Cue wider than gold; no source; content exact.
                PredictedAttribution {
                    source: None,
                    cue: at(t, "Witnesses reported"),
                    content: Some(at(t, "shelling overnight")),
                },
                // Spurious.
                PredictedAttribution {
                    source: None,
                    cue: at(t, "fell"),
                    content: None,
                },
            ]
        });
        assert_eq!((s.gold, s.predicted), (2, 3));
        assert_eq!(s.cue.exact, Counts::new(1, 2, 1));
        assert_eq!(s.cue.overlap, Counts::new(2, 1, 0));
        // Source: 1 predicted ("army"), 2 gold; overlaps the first, not exact.
        assert_eq!(s.source.exact, Counts::new(0, 1, 2));
        assert_eq!(s.source.overlap, Counts::new(1, 0, 1));
        // Soft: 4 chars in common of 4 predicted, 8 + 9 gold.
        assert_eq!(
            s.source.soft,
            Soft {
                common: 4,
                predicted: 4,
                gold: 17
            }
        );
        assert_eq!(s.content.exact, Counts::new(2, 0, 0));
    }
}
