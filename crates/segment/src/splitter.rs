//! The sentence splitter: one pass over the text finding where sentences
//! start, then tiles built from those cuts.

use claimtrace_model::{Sentence, Span};

use crate::abbreviation::{self, Abbreviation};

/// Characters that may follow a terminal mark and still belong to the
/// sentence it ends (closing quotes and brackets).
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

/// Characters that may open a sentence before its first word.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '‹' | '—' | '-'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Byte offset of the first non-whitespace char at or after `i`, and how
/// many line breaks were skipped on the way.
fn skip_space(text: &str, i: usize) -> (usize, usize) {
    let mut breaks = 0;
    let rest = match text.get(i..) {
        Some(r) => r,
        None => return (text.len(), 0),
    };
    for (k, c) in rest.char_indices() {
        if !c.is_whitespace() {
            return (i + k, breaks);
        }
        if c == '\n' {
            breaks += 1;
        }
    }
    (text.len(), breaks)
}

/// The word that follows position `k` after any opening punctuation.
fn word_at(text: &str, k: usize) -> &str {
    let rest = text.get(k..).unwrap_or("");
    let rest = rest.trim_start_matches(is_opening);
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The word written just before byte `i` (a full stop), without opening
/// punctuation.
fn word_before(text: &str, i: usize) -> &str {
    let head = text.get(..i).unwrap_or("");
    // Past the whitespace character, whatever its width (a no-break space is two bytes).
    let start = head
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let w = head.get(start..).unwrap_or("");
    w.trim_start_matches(is_opening)
}

/// Decides whether the run of terminal marks at `i` ends a sentence.
/// Returns the end of the run and, when it ends one, the start of the next
/// sentence.
fn after_terminal(text: &str, i: usize) -> (usize, Option<usize>) {
    let mut j = i;
    let mut marks = 0;
    let mut only_stop = true;
    while let Some(c) = char_at(text, j) {
        if !is_terminal(c) {
            break;
        }
        marks += 1;
        only_stop &= c == '.';
        j += c.len_utf8();
    }
    let run_end = j;
    (run_end, judge_run(text, i, j, marks, only_stop))
}

/// A sentence glued to the next with no space, as scraped pages give them
/// ("…starting Oct. 8.In a statement…"): a lower-case letter, digit or
/// closing mark before the stop, a capitalised word after it, and no
/// abbreviation before.
fn glued_sentence(text: &str, i: usize, j: usize) -> bool {
    let before = text.get(..i).and_then(|h| h.chars().next_back());
    let fits_before =
        before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || is_closing(c));
    let mut after = text.get(j..).unwrap_or("").chars();
    let word = after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    fits_before
        && word
        && abbreviation::classify(word_before(text, i)).is_none()
        && !word_before(text, i).contains('.')
}

fn judge_run(text: &str, i: usize, mut j: usize, marks: usize, only_stop: bool) -> Option<usize> {
    let ellipsis = marks >= 3 && only_stop || text.get(i..j).is_some_and(|s| s.contains('…'));
    while let Some(c) = char_at(text, j) {
        if !is_closing(c) {
            break;
        }
        j += c.len_utf8();
    }
    match char_at(text, j) {
        Some(c) if c.is_whitespace() => {}
        Some(_) if glued_sentence(text, i, j) => return Some(j),
        _ => return None,
    }
    let (k, breaks) = skip_space(text, j);
    let next = char_at(text, k)?;
    if next.is_lowercase() {
        return None;
    }
    if ellipsis {
        return Some(k);
    }
    if marks == 1 && only_stop {
        let prev = word_before(text, i);
        match abbreviation::classify(prev) {
            Some(Abbreviation::Title) => return None,
            Some(Abbreviation::BeforeNumber) if next.is_ascii_digit() => return None,
            Some(Abbreviation::Ambiguous)
                if breaks == 0 && !abbreviation::is_opener(word_at(text, k)) =>
            {
                return None;
            }
            _ => {}
        }
    }
    Some(k)
}

/// Decides whether the line break at `i` ends the sentence that started at
/// `start`; returns the start of the next sentence when it does.
fn after_break(text: &str, i: usize, start: usize) -> Option<usize> {
    let line = text.get(start..i)?;
    let last = line.trim_end().chars().next_back()?;
    let (k, breaks) = skip_space(text, i);
    if k >= text.len() {
        return None;
    }
    if breaks >= 2 {
        return Some(k);
    }
    // A line that ended in punctuation was already judged by the terminal
    // rule; a line broken after a comma or a lowercase continuation is
    // hard-wrapped prose, not a headline.
    if is_terminal(last) || is_closing(last) && ends_in_terminal(line) {
        return None;
    }
    if matches!(last, ',' | ';' | '(' | '-' | '–' | '/' | '&') {
        return None;
    }
    if char_at(text, k).is_some_and(char::is_lowercase) {
        return None;
    }
    Some(k)
}

fn ends_in_terminal(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(is_closing)
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// The longest sentence tile, in bytes. Prose without sentence breaks (a
/// table dumped as text, a transcript with no punctuation) is cut into
/// pieces of at most this size, so per-sentence work, which may grow with
/// the square of a sentence's length, stays linear in the text. News
/// sentences are shorter: 1,024 bytes is some 170 words, and the longest
/// sentence in the evaluation texts has 983 bytes.
pub const MAX_SENTENCE_BYTES: usize = 1024;

/// Sentences that tile `text` exactly: the first starts at 0, each starts
/// where the previous ended, the last ends at `text.len()`. Whitespace after
/// a sentence belongs to its tile; `trimmed` excludes surrounding whitespace.
/// No tile is longer than [`MAX_SENTENCE_BYTES`]: a longer run is cut after
/// its last whitespace within the limit (at a char boundary when it has
/// none). An empty text has no sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut cuts: Vec<usize> = Vec::with_capacity(text.len() / 80 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // '…' is E2 80 A6; other E2 sequences fail the check.
        let terminal = matches!(b, b'.' | b'!' | b'?')
            || b == 0xE2 && text.get(i..).is_some_and(|s| s.starts_with('…'));
        let (next_i, cut) = if terminal {
            after_terminal(text, i)
        } else if b == b'\n' {
            (i + 1, after_break(text, i, start))
        } else {
            (i + 1, None)
        };
        match cut {
            Some(k) if k > start && k < bytes.len() => {
                cuts.push(k);
                start = k;
                i = k;
            }
            _ => i = next_i.max(i + 1),
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    if text.is_empty() {
        return out;
    }
    let mut begin = 0;
    let ends = cuts.into_iter().chain(std::iter::once(text.len()));
    for end in capped(text, ends) {
        let tile = &text[begin..end];
        let lead = tile.len() - tile.trim_start().len();
        let body = tile.trim();
        let t0 = begin + lead;
        out.push(Sentence {
            index: out.len(),
            span: Span::new(begin, end),
            trimmed: Span::new(t0, t0 + body.len()),
        });
        begin = end;
    }
    out
}

/// The tile ends `ends` (increasing, the last `text.len()`), with extra
/// ends inserted so that no tile exceeds [`MAX_SENTENCE_BYTES`].
fn capped(text: &str, ends: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut begin = 0;
    for end in ends {
        while end - begin > MAX_SENTENCE_BYTES {
            let cut = long_cut(text, begin);
            out.push(cut);
            begin = cut;
        }
        out.push(end);
        begin = end;
    }
    out
}

/// Where to cut a run starting at `begin` that is longer than the limit:
/// just after the last whitespace in its second half, so the words stay
/// whole and the whitespace stays in the first tile; else at the last char
/// boundary within the limit.
fn long_cut(text: &str, begin: usize) -> usize {
    let mut limit = begin + MAX_SENTENCE_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut lo = begin + MAX_SENTENCE_BYTES / 2;
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let cut = text
        .get(lo..limit)
        .and_then(|window| window.char_indices().rev().find(|(_, c)| c.is_whitespace()))
        .map(|(i, c)| lo + i + c.len_utf8())
        .unwrap_or(limit);
    starting_on_a_word(text, lo, cut)
}

/// A tile must start on a non-space character: when whitespace follows
/// `cut` (a run straddling the limit), cut earlier, before the last
/// non-space character ahead of the run.
fn starting_on_a_word(text: &str, lo: usize, cut: usize) -> usize {
    let mut p = cut;
    while p > lo && text[p..].starts_with(char::is_whitespace) {
        p = text[..p].char_indices().next_back().map_or(lo, |(i, _)| i);
    }
    if p > lo { p } else { cut }
}
