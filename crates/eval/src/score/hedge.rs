//! Hedge cues (Szeged Uncertainty Corpus): sentence level (is the sentence
//! uncertain — P/R/F1 of the uncertain class, the CoNLL-2010 task 1 metric)
//! and cue level (cue spans, exact and overlap).

use claimtrace_model::Span;

use super::trim_span;
use crate::data::szeged::HedgeSentence;
use crate::metrics::{Counts, Match, match_spans};

/// Scores of one system on one set of sentences.
#[derive(Debug, Clone, Default)]
pub struct HedgeScore {
    pub sentences: usize,
    /// Uncertain class: tp = uncertain sentences the system flagged.
    pub sentence: Counts,
    pub cue_exact: Counts,
    pub cue_overlap: Counts,
}

/// Runs `cues` (sentence text → cue spans in it) over `sentences`.
pub fn score<'a>(
    sentences: impl IntoIterator<Item = &'a HedgeSentence>,
    cues: impl Fn(&str) -> Vec<Span>,
) -> HedgeScore {
    let mut s = HedgeScore::default();
    for sent in sentences {
        s.sentences += 1;
        let pred: Vec<Span> = cues(&sent.text)
            .into_iter()
            .map(|sp| trim_span(&sent.text, sp))
            .filter(|sp| !sp.is_empty())
            .collect();
        let gold: Vec<Span> = sent
            .cues
            .iter()
            .map(|(sp, _)| trim_span(&sent.text, *sp))
            .collect();
        match (sent.uncertain(), !pred.is_empty()) {
            (true, true) => s.sentence.tp += 1,
            (false, true) => s.sentence.fp += 1,
            (true, false) => s.sentence.fn_ += 1,
            (false, false) => {}
        }
        s.cue_exact += match_spans(&gold, &pred, Match::Exact);
        s.cue_overlap += match_spans(&gold, &pred, Match::Overlap);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(text: &str, cues: &[&str]) -> HedgeSentence {
        HedgeSentence {
            doc: "d".into(),
            id: "s".into(),
            text: text.into(),
            cues: cues
                .iter()
                .map(|c| {
                    let i = text.find(c).unwrap();
                    (
                        Span::new(i, i + c.len()),
                        "speculation_modal_probable_".into(),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn sentence_and_cue_levels() {
        let gold = [
            sent("Troops may have crossed.", &["may"]),
            sent("It is unclear whether they left.", &["unclear", "whether"]),
            sent("The bridge was destroyed.", &[]),
            sent("Shelling could resume.", &["could"]),
        ];
        // A system that knows "may" (with a trailing space), "whether" and "was".
        let sys = |t: &str| {
            let mut v = Vec::new();
            for w in ["may ", "whether", "was"] {
                if let Some(i) = t.find(w) {
                    v.push(Span::new(i, i + w.len()));
                }
            }
            v
        };
        let s = score(&gold, sys);
        assert_eq!(s.sentences, 4);
        // flagged: 1 (tp), 2 (tp), 3 (fp, "was"); missed 4.
        assert_eq!(s.sentence, Counts::new(2, 1, 1));
        // cues: may (tp after trimming), whether (tp), was (fp); unclear, could missed.
        assert_eq!(s.cue_exact, Counts::new(2, 1, 2));
        assert_eq!(s.cue_overlap, Counts::new(2, 1, 2));
    }
}
