//! Numbers written in digits or words, and vague counts ("dozens").

use crate::token::{Kind, Token};

/// What a run of tokens says about a count.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Amount {
    Exact(f64),
    /// A vague count with its conventional bounds ("dozens" 24..=99).
    Vague {
        min: f64,
        max: Option<f64>,
        word: String,
    },
}

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// "twenty-five", "seventy": a value below one hundred.
fn compound(w: &str) -> Option<f64> {
    if let Some(v) = unit_word(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let tens = unit_word(a)?;
    let ones = unit_word(b)?;
    (tens >= 20.0 && tens % 10.0 == 0.0 && ones < 10.0).then_some(tens + ones)
}

fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "half" => 0.5,
        "third" => 1.0 / 3.0,
        "quarter" => 0.25,
        "two-thirds" => 2.0 / 3.0,
        "three-quarters" => 0.75,
        _ => return None,
    })
}

/// Digits as written: `1,200` → 1200, `3.5` → 3.5; a glued suffix is returned
/// separately (`50m` → (50, "m")). `None` for `1,20` style oddities.
pub(crate) fn digits(text: &str) -> Option<(f64, &str)> {
    let cut = text
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let (num, suffix) = text.split_at(cut);
    if num.contains(',') {
        // Thousands separators must group by three.
        let mut parts = num.split('.').next().unwrap_or("").split(',');
        let first = parts.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || parts.any(|p| p.len() != 3) {
            return None;
        }
    }
    let v: f64 = num.replace(',', "").parse().ok()?;
    Some((v, suffix))
}

/// Read an amount starting at `toks[i]`; returns it and the index after it.
pub(crate) fn read(toks: &[Token], i: usize) -> Option<(Amount, usize)> {
    let t = toks.get(i)?;
    if t.kind == Kind::Number {
        return read_digits(toks, i);
    }
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.lower();
    if let Some(decided) = read_vague(toks, i, &w) {
        return decided;
    }
    match lead(toks, i, &w) {
        Lead::Done(found) => found,
        Lead::Words { next, value } => read_words(toks, i, next, value),
    }
}

/// The lower-cased token `k` when it follows a space (the next word of
/// the same number).
fn spaced_lower(toks: &[Token], k: usize) -> Option<String> {
    toks.get(k).filter(|t| t.spaced).map(|t| t.lower())
}

/// "300", "1,200", "1.5 million", "2bn".
fn read_digits(toks: &[Token], i: usize) -> Option<(Amount, usize)> {
    let (mut v, suffix) = digits(toks.get(i)?.text)?;
    if !suffix.is_empty() {
        let s = suffix.to_ascii_lowercase();
        return match s.as_str() {
            "bn" => Some((Amount::Exact(v * 1e9), i + 1)),
            _ => None,
        };
    }
    let mut j = i + 1;
    if let Some(s) = spaced_lower(toks, j).as_deref().and_then(scale_word) {
        v *= s;
        j += 1;
    }
    Some((Amount::Exact(v), j))
}

/// Vague counts: "dozens", "hundreds of thousands", "several hundred", "a
/// few". `None` when `w` starts no vague count; `Some(None)` when it
/// starts one that is not a count here ("tens" alone, "few" without "a").
fn read_vague(toks: &[Token], i: usize, w: &str) -> Option<Option<(Amount, usize)>> {
    let lower = |k: usize| spaced_lower(toks, k);
    let vague = |min: f64, max: Option<f64>, end: usize| {
        let word = toks[i..end]
            .iter()
            .map(|t| t.lower())
            .collect::<Vec<_>>()
            .join(" ");
        Some((Amount::Vague { min, max, word }, end))
    };
    Some(match w {
        "dozens" => vague(24.0, Some(99.0), i + 1),
        "scores" if lower(i + 1).as_deref() == Some("of") => vague(40.0, Some(99.0), i + 1),
        "hundreds" | "thousands" | "millions" | "tens" => {
            let base = match w {
                "hundreds" => 100.0,
                "thousands" => 1000.0,
                "millions" => 1e6,
                _ => 10.0,
            };
            // "tens of thousands", "hundreds of thousands".
            if lower(i + 1).as_deref() == Some("of")
                && let Some(s) = lower(i + 2)
                    .as_deref()
                    .and_then(|x| x.strip_suffix('s').and_then(scale_word))
            {
                let b = base * s;
                return Some(vague(2.0 * b, Some(10.0 * b - 1.0), i + 3));
            }
            if w == "tens" {
                return Some(None);
            }
            vague(2.0 * base, Some(10.0 * base - 1.0), i + 1)
        }
        "several" | "multiple" | "numerous" => {
            if let Some(s) = lower(i + 1).as_deref().and_then(scale_word) {
                return Some(vague(3.0 * s, Some(9.0 * s), i + 2));
            }
            match w {
                "several" => vague(3.0, Some(9.0), i + 1),
                _ => vague(2.0, None, i + 1),
            }
        }
        "few" => {
            let after_a = i > 0 && toks[i - 1].is_word("a");
            if !after_a {
                return Some(None);
            }
            if let Some(s) = lower(i + 1).as_deref().and_then(scale_word) {
                return Some(vague(2.0 * s, Some(5.0 * s), i + 2));
            }
            vague(2.0, Some(5.0), i + 1)
        }
        _ => return None,
    })
}

/// How a word amount begins.
enum Lead {
    /// Read whole ("a dozen", "a third", "half a million") or refused.
    Done(Option<(Amount, usize)>),
    /// Word numbers follow from token `next`, starting at `value` ("a
    /// hundred and five": 100 from the token after "hundred").
    Words { next: usize, value: Option<f64> },
}

/// "a dozen", "two dozen", "a hundred", "a third", "half a million".
fn lead(toks: &[Token], i: usize, w: &str) -> Lead {
    let lower = |k: usize| spaced_lower(toks, k);
    if w == "a" || w == "an" {
        let Some(n) = lower(i + 1) else {
            return Lead::Done(None);
        };
        if n == "dozen" {
            return Lead::Done(Some((Amount::Exact(12.0), i + 2)));
        }
        if let Some(s) = scale_word(&n) {
            return Lead::Words {
                next: i + 2,
                value: Some(s),
            };
        }
        return Lead::Done(fraction(&n).map(|f| (Amount::Exact(f), i + 2)));
    }
    if w == "half" && lower(i + 1).as_deref() == Some("a") {
        let s = lower(i + 2).as_deref().and_then(scale_word);
        return Lead::Done(s.map(|s| (Amount::Exact(s / 2.0), i + 3)));
    }
    if let Some(f) = fraction(w).filter(|_| w.contains('-')) {
        return Lead::Done(Some((Amount::Exact(f), i + 1)));
    }
    Lead::Words {
        next: i,
        value: None,
    }
}

/// Word numbers from token `j` on: "two hundred and fifty thousand",
/// "twenty-five"; `value` is what a lead ("a hundred") already gave.
fn read_words(
    toks: &[Token],
    i: usize,
    mut j: usize,
    value: Option<f64>,
) -> Option<(Amount, usize)> {
    let mut total = 0.0;
    let mut current = value.unwrap_or(0.0);
    let mut any = value.is_some();
    while let Some(tok) = toks.get(j).filter(|t| j == i || t.spaced) {
        let lw = tok.lower();
        if let Some(v) = compound(&lw) {
            if any && current % 100.0 != 0.0 {
                break;
            }
            current += v;
            any = true;
        } else if lw == "dozen" && any {
            current *= 12.0;
        } else if let Some(s) = scale_word(&lw).filter(|_| any) {
            if s == 100.0 {
                current *= s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
        } else if lw == "and" && any && toks.get(j + 1).and_then(|t| compound(&t.lower())).is_some()
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        j += 1;
    }
    if !any {
        return None;
    }
    Some((Amount::Exact(total + current), j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn amount(s: &str) -> Option<Amount> {
        let t = tokenize(s);
        read(&t, 0).map(|a| a.0)
    }

    #[test]
    fn words_and_digits() {
        assert_eq!(amount("1,200"), Some(Amount::Exact(1200.0)));
        assert_eq!(amount("1,20"), None);
        assert_eq!(amount("twenty-five"), Some(Amount::Exact(25.0)));
        assert_eq!(
            amount("two hundred and fifty thousand"),
            Some(Amount::Exact(250_000.0))
        );
        assert_eq!(amount("two dozen"), Some(Amount::Exact(24.0)));
        assert_eq!(amount("3.5 million"), Some(Amount::Exact(3_500_000.0)));
        assert_eq!(amount("half a million"), Some(Amount::Exact(500_000.0)));
        assert!(
            matches!(amount("hundreds of thousands"), Some(Amount::Vague { min, .. }) if min == 200_000.0)
        );
    }
}
