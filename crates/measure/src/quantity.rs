//! Quantity phrases: qualifier + amount (+ currency or percent) + counted noun.

use claimtrace_model::{Quantity, Span};

use crate::number::{self, Amount};
use crate::token::{Kind, Token, tokenize};
use crate::unit;

/// How a qualifier turns the number said into bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    /// over, more than: the number is excluded (`over 300` → min 301).
    Above,
    /// at least: `min = n`.
    AtLeast,
    /// up to, as many as: `max = n`.
    AtMost,
    /// fewer than, under: `max = n - 1`.
    Below,
    /// about, around, some: ±10 %.
    Approx,
    /// nearly, almost: 90 % to 100 %.
    Nearly,
    Exact,
}

const QUALIFIERS: &[(&str, Bound)] = &[
    ("more than", Bound::Above),
    ("over", Bound::Above),
    ("above", Bound::Above),
    ("in excess of", Bound::Above),
    ("upwards of", Bound::Above),
    ("exceeding", Bound::Above),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    ("fewer than", Bound::Below),
    ("less than", Bound::Below),
    ("under", Bound::Below),
    ("below", Bound::Below),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("approximately", Bound::Approx),
    ("roughly", Bound::Approx),
    ("some", Bound::Approx),
    ("an estimated", Bound::Approx),
    ("estimated", Bound::Approx),
    ("circa", Bound::Approx),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("exactly", Bound::Exact),
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Nouns "no" turns into a zero count ("no casualties").
const ZERO_NOUNS: &[&str] = &[
    "casualties",
    "deaths",
    "injuries",
    "fatalities",
    "victims",
    "civilians",
    "soldiers",
    "people",
    "one",
    "damage",
    "losses",
    "survivors",
    "dead",
];

const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "during", "of", "between", "and", "to", "before",
    "after", "early", "late", "mid", "year", "fiscal", "through",
];

/// `QUALIFIERS` split into words once.
static QUALIFIER_WORDS: std::sync::LazyLock<Vec<(Vec<&'static str>, &'static str, Bound)>> =
    std::sync::LazyLock::new(|| {
        QUALIFIERS
            .iter()
            .map(|(q, b)| (q.split(' ').collect(), *q, *b))
            .collect()
    });

fn qualifier_at(toks: &[Token], i: usize) -> Option<(&'static str, Bound, usize)> {
    // Called at every token: no allocation, and only words can start one.
    let first = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    QUALIFIER_WORDS.iter().find_map(|(words, q, b)| {
        if !first.text.eq_ignore_ascii_case(words[0]) {
            return None;
        }
        for (k, w) in words.iter().enumerate().skip(1) {
            let t = toks.get(i + k)?;
            if !(t.is_word(w) && t.spaced) {
                return None;
            }
        }
        Some((*q, *b, i + words.len()))
    })
}

fn currency_at(toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    let glued_next = toks
        .get(i + 1)
        .is_some_and(|n| n.glued && n.kind == Kind::Number);
    match t.text {
        "$" if glued_next => Some(("USD", i + 1)),
        "€" if glued_next => Some(("EUR", i + 1)),
        "£" if glued_next => Some(("GBP", i + 1)),
        "US" if toks.get(i + 1).is_some_and(|n| n.text == "$" && n.glued) => {
            currency_at(toks, i + 1).map(|(c, _)| (c, i + 2))
        }
        _ => None,
    }
}

fn is_month(t: Option<&Token>) -> bool {
    t.is_some_and(|t| {
        t.kind == Kind::Word
            && t.text.chars().next().is_some_and(char::is_uppercase)
            && MONTHS.contains(&t.lower().trim_end_matches('.'))
    })
}

/// Dates, times, years, model designations and phone-like digit groups.
fn is_not_a_count(toks: &[Token], start: usize, end: usize, v: f64) -> bool {
    let t = &toks[start];
    if t.kind != Kind::Number {
        return false;
    }
    let prev = start.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(end);
    // "June 1", "1 June", "June 1, 2025"
    if is_month(prev) || is_month(next) {
        return true;
    }
    if prev.is_some_and(|p| p.text == ",")
        && is_month(start.checked_sub(3).and_then(|k| toks.get(k)))
    {
        return true;
    }
    // "10:30", "2019-2021", "555-1234", "F-16", "Su-25"
    if next.is_some_and(|n| n.glued && matches!(n.text, ":" | "/" | "-"))
        || prev.is_some_and(|p| t.glued && matches!(p.text, ":" | "/" | "-" | "#"))
    {
        return true;
    }
    if next.is_some_and(|n| {
        matches!(
            n.lower().as_str(),
            "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "hrs" | "bst"
        )
    }) {
        return true;
    }
    // Years: four digits, no separator, after a date preposition or with no noun after.
    let plain = t.text.chars().all(|c| c.is_ascii_digit());
    if plain && t.text.len() == 4 && (1800.0..=2100.0).contains(&v) {
        let after_prep = prev.is_some_and(|p| YEAR_PREPOSITIONS.contains(&p.lower().as_str()));
        let noun_after =
            next.is_some_and(|n| n.kind == Kind::Word && !unit::is_function_word(n.text));
        return after_prep || !noun_after;
    }
    false
}

/// The counted noun after position `k`: skips "of (the)" and describing words.
fn unit_after(toks: &[Token], mut k: usize) -> Option<(String, usize)> {
    if toks.get(k).is_some_and(|t| t.is_word("of") && t.spaced) {
        k += 1;
        if toks
            .get(k)
            .is_some_and(|t| t.is_word("the") || t.is_word("them"))
        {
            k += 1;
        }
    }
    for skip in 0..3 {
        let t = toks
            .get(k + skip)
            .filter(|t| t.spaced && t.kind == Kind::Word)?;
        if unit::is_function_word(t.text) {
            return None;
        }
        let next_is_word = toks
            .get(k + skip + 1)
            .is_some_and(|n| n.spaced && n.kind == Kind::Word && !unit::is_function_word(n.text));
        if unit::is_modifier(t.text) && next_is_word {
            continue;
        }
        // Two-word units
        if t.is_word("square")
            && let Some(n) = toks.get(k + skip + 1)
        {
            return Some((format!("square {}", unit::singular(n.text)), k + skip + 2));
        }
        return Some((unit::singular(t.text), k + skip + 1));
    }
    None
}

fn bounds(v: f64, b: Bound) -> (Option<f64>, Option<f64>) {
    let whole = v.fract() == 0.0;
    match b {
        Bound::Exact => (Some(v), Some(v)),
        Bound::Above => (Some(if whole { v + 1.0 } else { v }), None),
        Bound::AtLeast => (Some(v), None),
        Bound::AtMost => (None, Some(v)),
        Bound::Below => (None, Some(if whole && v >= 1.0 { v - 1.0 } else { v })),
        // Counts round to whole numbers; a fraction ("nearly 0.6 percent")
        // keeps its own, or rounding could lift the minimum above the maximum.
        Bound::Approx if whole => (Some((v * 0.9).round()), Some((v * 1.1).round())),
        Bound::Approx => (Some(v * 0.9), Some(v * 1.1)),
        Bound::Nearly if whole => (Some((v * 0.9).round()), Some(v)),
        Bound::Nearly => (Some(v * 0.9), Some(v)),
    }
}

/// Longest piece of text tokenized at once. A token takes some ten times
/// the bytes of the text it covers, so a long text is read in pieces cut at
/// paragraph breaks (else sentence ends, else whitespace); no article
/// paragraph comes near this size.
const PIECE_BYTES: usize = 64 * 1024;

/// Every quantity phrase in `text`, in order, with byte spans relative to
/// `text`. See the crate docs for the interval conventions.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut begin = 0;
    while begin < text.len() {
        let end = piece_end(text, begin);
        let piece = text.get(begin..end).unwrap_or("");
        out.extend(find_in(piece).into_iter().map(|mut q| {
            q.span = q.span.map(|s| s.shift(begin));
            q
        }));
        begin = end;
    }
    out
}

/// The end of the piece of `text` starting at `begin`: the text's end when
/// it is near, else just after the last blank line, sentence end or
/// whitespace in the second half of the next [`PIECE_BYTES`].
fn piece_end(text: &str, begin: usize) -> usize {
    if text.len() - begin <= PIECE_BYTES {
        return text.len();
    }
    let mut limit = begin + PIECE_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut lo = begin + PIECE_BYTES / 2;
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let window = text.get(lo..limit).unwrap_or("");
    let after = |pat: &str| window.rfind(pat).map(|i| lo + i + pat.len());
    after("\n\n")
        .or_else(|| after(". "))
        .or_else(|| {
            window
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, c)| lo + i + c.len_utf8())
        })
        .unwrap_or(limit)
}

fn find_in(text: &str) -> Vec<Quantity> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let start_tok = i;
        let (qualifier, bound, mut j) = match qualifier_at(&toks, i) {
            Some((q, b, j)) => (Some(q), b, j),
            None => (None, Bound::Exact, i),
        };
        let mut currency = None;
        if let Some((c, k)) = currency_at(&toks, j) {
            currency = Some(c);
            j = k;
        }
        // "no casualties", "nobody"
        if qualifier.is_none()
            && let Some(z) = zero_at(text, &toks, j)
        {
            out.push(z.0);
            i = z.1;
            continue;
        }
        let Some((amount, mut k)) = number::read(&toks, j).filter(|(_, k)| *k > j) else {
            i += 1;
            continue;
        };
        if let Amount::Exact(v) = amount
            && currency.is_none()
            && is_not_a_count(&toks, j, k, v)
        {
            i = after_digit_group(&toks, k.max(i + 1));
            continue;
        }
        let range_max = match range_end(&toks, j, k, &amount) {
            Some((hi, k2)) => {
                k = k2;
                Some(hi)
            }
            None => None,
        };
        let mut unit_name = currency.map(String::from);
        if let Some(after) = percent_end(&toks, k) {
            unit_name = Some("percent".into());
            k = after;
        }
        let span_end_tok = k;
        if unit_name.is_none() {
            unit_name = unit_after(&toks, k).map(|(u, _)| u);
        }
        let first_word = toks[j].lower();
        // A bare "one" is a pronoun far more often than a count.
        if first_word == "one" && unit_name.is_none() && qualifier.is_none() {
            i = k.max(i + 1);
            continue;
        }
        let start = toks[start_tok].start;
        let end = toks[span_end_tok - 1].end;
        let (value, min, max, qual) = values(&amount, range_max, qualifier, bound);
        if let Some(slice) = text.get(start..end) {
            out.push(Quantity {
                text: slice.to_string(),
                value,
                min,
                max,
                qualifier: qual,
                unit: unit_name,
                span: Some(Span::new(start, end)),
            });
        }
        i = span_end_tok.max(i + 1);
    }
    out
}

/// The token after the digit group continuing at `i`, so "2019-2021" is
/// not read again from "2021".
fn after_digit_group(toks: &[Token], mut i: usize) -> usize {
    while toks
        .get(i)
        .is_some_and(|t| t.glued && (t.kind == Kind::Number || matches!(t.text, "-" | ":" | "/")))
    {
        i += 1;
    }
    i
}

/// The upper end of a range ("15 to 20", "15-20") after the amount read
/// from tokens `j..k`, and the token after it. A falling pair ("300 to 0",
/// a "9-2" vote) is no interval: min would exceed max.
fn range_end(toks: &[Token], j: usize, k: usize, amount: &Amount) -> Option<(f64, usize)> {
    if let Amount::Exact(lo) = *amount
        && let Some(sep) = toks.get(k)
        && (sep.is_word("to") || (sep.text == "-" && sep.glued))
        && let Some((Amount::Exact(hi), k2)) = number::read(toks, k + 1)
        && hi >= lo
        && toks.get(k + 1).is_some_and(|t| t.kind == toks[j].kind)
        && toks.get(k2).is_none_or(|t| !(t.glued && t.text == "-"))
    {
        return Some((hi, k2));
    }
    None
}

/// The token after "%", "percent" or "per cent" at `k`.
fn percent_end(toks: &[Token], k: usize) -> Option<usize> {
    if toks
        .get(k)
        .is_some_and(|t| (t.text == "%" && t.glued) || t.is_word("percent"))
    {
        Some(k + 1)
    } else if toks.get(k).is_some_and(|t| t.is_word("per"))
        && toks.get(k + 1).is_some_and(|t| t.is_word("cent"))
    {
        Some(k + 2)
    } else {
        None
    }
}

/// (value, min, max, qualifier) of a quantity.
type Values = (Option<f64>, Option<f64>, Option<f64>, Option<String>);

/// The values of a quantity: a range gives its ends, an exact amount its
/// value bounded by the qualifier, a vague count its interval with its
/// words as the qualifier.
fn values(
    amount: &Amount,
    range_max: Option<f64>,
    qualifier: Option<&str>,
    bound: Bound,
) -> Values {
    match (amount, range_max) {
        (Amount::Exact(lo), Some(hi)) => (None, Some(*lo), Some(hi), qualifier.map(String::from)),
        (Amount::Exact(v), None) => {
            let (mn, mx) = bounds(*v, bound);
            (Some(*v), mn, mx, qualifier.map(String::from))
        }
        (Amount::Vague { min, max, word }, _) => (
            None,
            Some(*min),
            *max,
            Some(qualifier.map(String::from).unwrap_or_else(|| word.clone())),
        ),
    }
}

fn zero_at(text: &str, toks: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let t = toks.get(i)?;
    let (unit_word, end) = if t.is_word("nobody") || t.is_word("no-one") {
        // "Nobody was hurt" is a toll of zero; "nobody plans an operation" is not.
        let toll = toks[i + 1..].iter().take(4).any(|n| {
            [
                "killed",
                "hurt",
                "injured",
                "wounded",
                "died",
                "harmed",
                "dead",
                "injuries",
                "casualties",
            ]
            .iter()
            .any(|w| n.is_word(w))
        });
        if !toll {
            return None;
        }
        ("people".to_string(), i + 1)
    } else if t.is_word("no") {
        let n = toks.get(i + 1).filter(|n| n.spaced)?;
        if !ZERO_NOUNS.contains(&n.lower().as_str()) {
            return None;
        }
        let u = if n.is_word("one") {
            "people".into()
        } else {
            unit::singular(n.text)
        };
        (u, i + 2)
    } else {
        return None;
    };
    let (s, e) = (t.start, toks[end - 1].end);
    Some((
        Quantity {
            text: text.get(s..e)?.to_string(),
            value: Some(0.0),
            min: Some(0.0),
            max: Some(0.0),
            qualifier: Some("no".into()),
            unit: Some(unit_word),
            span: Some(Span::new(s, e)),
        },
        end,
    ))
}
