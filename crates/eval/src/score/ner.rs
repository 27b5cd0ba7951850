//! Named entities: exact-span P/R/F1 per tag (conlleval semantics) plus an
//! overlap variant, and the time the system took.

use std::time::Instant;

use claimtrace_model::Span;

use crate::data::NerDoc;
use crate::metrics::{LabelCounts, Match};

#[derive(Debug, Clone, Default)]
pub struct NerScore {
    pub docs: usize,
    /// UTF-8 bytes of text the system read.
    pub bytes: usize,
    /// Wall-clock seconds spent inside the system.
    pub seconds: f64,
    pub exact: LabelCounts,
    pub overlap: LabelCounts,
}

impl NerScore {
    /// Throughput in MB/s (10^6 bytes), when timed.
    pub fn mb_per_s(&self) -> Option<f64> {
        (self.seconds > 0.0).then(|| self.bytes as f64 / 1e6 / self.seconds)
    }
}

/// Runs `system` (document → `(span, tag)` list) over `docs`, scoring `tags`.
pub fn score<'a>(
    docs: impl IntoIterator<Item = &'a NerDoc>,
    tags: &[&str],
    system: impl Fn(&NerDoc) -> Vec<(Span, String)>,
) -> NerScore {
    let mut s = NerScore::default();
    for d in docs {
        s.docs += 1;
        s.bytes += d.text.len();
        let t0 = Instant::now();
        let pred = system(d);
        s.seconds += t0.elapsed().as_secs_f64();
        s.exact.add_document(&d.entities, &pred, tags, Match::Exact);
        s.overlap
            .add_document(&d.entities, &pred, tags, Match::Overlap);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Counts;

    #[test]
    fn per_tag_exact_and_overlap() {
        let text = "General Ivanov visited Donetsk People's Republic forces.";
        let span = |n: &str| {
            let i = text.find(n).unwrap();
            Span::new(i, i + n.len())
        };
        let doc = NerDoc {
            id: "d".into(),
            text: text.into(),
            entities: vec![
                (span("Ivanov"), "PER".into()),
                (span("Donetsk People's Republic"), "ORG".into()),
            ],
        };
        let s = score([&doc], &["PER", "ORG", "LOC"], |_| {
            vec![
                (span("General Ivanov"), "PER".into()),
                (span("Donetsk"), "LOC".into()),
            ]
        });
        assert_eq!(s.exact.get("PER"), Counts::new(0, 1, 1));
        assert_eq!(s.overlap.get("PER"), Counts::new(1, 0, 0));
        assert_eq!(s.exact.get("ORG"), Counts::new(0, 0, 1));
        assert_eq!(s.exact.get("LOC"), Counts::new(0, 1, 0));
        assert_eq!(s.bytes, text.len());
    }
}
