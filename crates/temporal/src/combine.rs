//! Joining atomic mentions into intervals: "since 2022", "between 2019 and
//! 2021", "from March to May 2024".

use crate::calendar;
use crate::rules::Candidate;

fn ends_with_word(before: &str, words: &[&str]) -> Option<usize> {
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    for w in words {
        let Some(cut) = trimmed.len().checked_sub(w.len()) else {
            continue;
        };
        let Some(tail) = trimmed.get(cut..) else {
            continue;
        };
        let word_start = trimmed[..cut]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if tail.eq_ignore_ascii_case(w) && word_start {
            return Some(cut);
        }
    }
    None
}

fn is_joiner(between: &str) -> bool {
    let t = between.trim();
    (between.len() > t.len() || t == "-" || t == "–")
        && matches!(
            t.to_ascii_lowercase().as_str(),
            "and" | "to" | "until" | "till" | "through" | "-" | "–"
        )
}

pub(crate) fn intervals(text: &str, atoms: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(atoms.len());
    let mut iter = atoms.into_iter().peekable();
    while let Some(a) = iter.next() {
        let before = text.get(..a.start).unwrap_or("");
        if let Some(intro) = ends_with_word(before, &["between", "from"]) {
            let joined = iter.peek().and_then(|b| {
                let mid = text.get(a.end..b.start)?;
                (is_joiner(mid) && a.norm.start.is_some() && b.norm.end.is_some())
                    .then(|| calendar::between(&a.norm, &b.norm))
            });
            if let Some(norm) = joined
                && let Some(b) = iter.next()
            {
                out.push(Candidate {
                    start: intro,
                    end: b.end,
                    norm,
                });
                continue;
            }
        }
        if let Some(intro) = ends_with_word(before, &["since"])
            && a.norm.start.is_some()
            && !a.norm.vague
        {
            out.push(Candidate {
                start: intro,
                end: a.end,
                norm: calendar::since(&a.norm),
            });
            continue;
        }
        out.push(a);
    }
    out
}
