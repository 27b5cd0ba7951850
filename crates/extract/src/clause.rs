//! Clauses of a sentence: the units a hedge, a denial or an event trigger
//! governs ("The strike allegedly hit the depot, though the ministry said it
//! intercepted the drone" is two).

/// Markers that open a new clause. The marker belongs to the new clause.
const MARKERS: &[&str] = &[
    "; ",
    ", though ",
    ", although ",
    ", but ",
    ", while ",
    ", whereas ",
    ", which ",
    " but ",
    " whereas ",
    ", yet ",
    " — ",
    "—",
    " – ",
];

/// Byte ranges of the clauses of `text[from..to]`; they tile the range.
/// `extra` are further split points (absolute offsets) decided by the caller.
pub(crate) fn clauses(text: &str, from: usize, to: usize, extra: &[usize]) -> Vec<(usize, usize)> {
    let Some(hay) = text.get(from..to) else {
        return vec![(from, to)];
    };
    let mut cuts: Vec<usize> = Vec::new();
    for m in MARKERS {
        let mut at = 0;
        while let Some(p) = hay.get(at..).and_then(|h| h.find(m)) {
            let cut = from + at + p;
            // A cut too near either end leaves no clause of its own.
            if cut > from + 12 && cut + 12 < to {
                cuts.push(cut);
            }
            at += p + m.len();
        }
    }
    cuts.extend(
        extra
            .iter()
            .copied()
            .filter(|&c| c > from && c < to && text.is_char_boundary(c)),
    );
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = from;
    for c in cuts {
        if c > start {
            out.push((start, c));
            start = c;
        }
    }
    out.push((start, to));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_contrast() {
        let t = "The strike allegedly hit the depot, though the ministry said it intercepted the drone.";
        let c = clauses(t, 0, t.len(), &[]);
        assert_eq!(c.len(), 2);
        assert_eq!(
            &t[c[1].0..c[1].1],
            ", though the ministry said it intercepted the drone."
        );
        let t = "Drones hit the depot.";
        assert_eq!(clauses(t, 0, t.len(), &[]), vec![(0, t.len())]);
    }
}
