//! Quotations whose speaker is named in another sentence of the paragraph,
//! as wire copy writes them:
//! - `Hagari said most were intercepted. "A few hit a base in the south."` —
//!   a whole quotation right after a sentence whose claims have a source is
//!   that source's;
//! - `"You ask me what happens next. The case will be dropped," he said.` —
//!   a quotation opened in one sentence and closed with its attribution in a
//!   later one is the closing sentence's speaker's throughout.
//!
//! Runs over a document's claims after the sentence pass: only claims the
//! sentence pass left with the article as their source change, and each
//! says so in `why`.

use claimtrace_model::{Claim, Epistemic, Sentence, SourceKind};

/// Where each sentence stands: its paragraph and whether it is inside, opens
/// or closes a quotation.
struct QuoteState {
    paragraph: usize,
    /// The whole sentence is one quotation.
    whole: bool,
    /// A quotation is open at its end (opened here or earlier, not closed).
    open_after: bool,
    /// A quotation is open at its start.
    open_before: bool,
}

const OPEN: [char; 2] = ['“', '"'];
const CLOSE: [char; 2] = ['”', '"'];

fn states(text: &str, sentences: &[Sentence]) -> Vec<QuoteState> {
    let mut out = Vec::with_capacity(sentences.len());
    let (mut paragraph, mut open, mut prev_end) = (0usize, false, 0usize);
    for s in sentences {
        let gap = text.get(prev_end..s.trimmed.start).unwrap_or("");
        if gap.contains('\n') {
            paragraph += 1;
            open = false;
        }
        prev_end = s.trimmed.end;
        let body = text.get(s.trimmed.start..s.trimmed.end).unwrap_or("");
        let open_before = open;
        // Straight quotes toggle; curly ones open and close.
        for c in body.chars() {
            if c == '"' {
                open = !open;
            } else if c == '“' {
                open = true;
            } else if c == '”' {
                open = false;
            }
        }
        let trimmed = body.trim_end_matches(['.', ' ']);
        let whole = body.starts_with(OPEN) && trimmed.ends_with(CLOSE) && quote_marks(body) == 2;
        out.push(QuoteState {
            paragraph,
            whole,
            open_after: open,
            open_before,
        });
    }
    out
}

fn quote_marks(s: &str) -> usize {
    s.chars()
        .filter(|c| OPEN.contains(c) || CLOSE.contains(c))
        .count()
}

/// The cited source of sentence `i`'s claims, if any has one.
fn cited(claims: &[Claim], i: usize) -> Option<&Claim> {
    claims
        .iter()
        .find(|c| c.sentence_index == i && c.source.kind != SourceKind::Author)
}

/// Gives unattributed claims inside quotations the speaker the paragraph
/// names for them.
pub(crate) fn carry(text: &str, sentences: &[Sentence], claims: &mut [Claim]) {
    let st = states(text, sentences);
    let mut speaker: Vec<Option<(Claim, &'static str)>> = vec![None; sentences.len()];
    for i in 0..sentences.len() {
        let same_par = |j: usize| st[j].paragraph == st[i].paragraph;
        // A whole quotation right after a sentence with a cited source.
        if st[i].whole
            && i > 0
            && same_par(i - 1)
            && let Some(c) = cited(claims, i - 1)
        {
            speaker[i] = Some((c.clone(), "a quotation right after their words"));
            continue;
        }
        // A quotation opened here (or continuing) and closed later in the
        // paragraph by a sentence that names its speaker.
        if st[i].open_after || st[i].open_before {
            let close = (i + 1..sentences.len())
                .take_while(|&j| same_par(j))
                .find(|&j| !st[j].open_after);
            if let Some(j) = close
                && let Some(c) = cited(claims, j)
            {
                speaker[i] = Some((c.clone(), "the quotation is closed by their attribution"));
            }
        }
    }
    for c in claims.iter_mut() {
        if c.source.kind != SourceKind::Author {
            continue;
        }
        let Some(Some((from, how))) = speaker.get(c.sentence_index) else {
            continue;
        };
        c.source = from.source.clone();
        c.why.retain(|w| {
            !w.starts_with("source: no attribution") && !w.starts_with("epistemic asserted")
        });
        c.why.push(format!(
            "source: {} — {how} in the same paragraph (sentence {})",
            from.source.name,
            from.sentence_index + 1
        ));
        if matches!(c.epistemic, Epistemic::Asserted | Epistemic::Opinion) {
            c.epistemic = Epistemic::Reported;
            c.why.push(format!(
                "epistemic reported: the words are {}'s, quoted",
                from.source.name
            ));
        }
    }
}
