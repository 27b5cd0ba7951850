//! The rule table: one regular expression per expression shape, each with a
//! handler that normalises a match (or rejects it on context).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use crate::calendar::Norm;
use crate::lexicon::{MONTH, WEEKDAY};
use crate::{absolute, relative};

/// What a handler may look at besides its captures.
pub(crate) struct Ctx<'t> {
    pub text: &'t str,
    pub base: Option<NaiveDate>,
    pub start: usize,
    pub end: usize,
}

impl Ctx<'_> {
    /// The word right before the match, if only spaces separate them.
    pub fn previous_word(&self) -> Option<&str> {
        let before = self.text.get(..self.start)?;
        let trimmed = before.trim_end_matches([' ', '\t', '-']);
        if trimmed.len() == before.len() && !before.is_empty() && !before.ends_with('-') {
            return None;
        }
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        trimmed.get(word_start..).filter(|w| !w.is_empty())
    }

    /// Whether a lower-case plural-looking word follows ("2000 soldiers").
    pub fn next_word_is_plural_noun(&self) -> bool {
        let Some(after) = self.text.get(self.end..) else {
            return false;
        };
        let Some(rest) = after.strip_prefix(' ') else {
            return false;
        };
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        word.len() > 2
            && word.chars().next().is_some_and(|c| c.is_lowercase())
            && word.ends_with('s')
            && !word.ends_with("ss")
    }
}

type Handler = fn(&Captures, &Ctx) -> Option<Norm>;

pub(crate) struct Rule {
    pub re: Regex,
    pub handler: Handler,
}

fn rule(pattern: &str, handler: Handler) -> Rule {
    let p = pattern.replace("MONTH", MONTH).replace("WEEKDAY", WEEKDAY);
    // The patterns are constants of this crate: a failure is a bug caught by every test.
    let re = Regex::new(&p).unwrap_or_else(|e| panic!("bad date rule {pattern}: {e}"));
    Rule { re, handler }
}

const REL_MOD: &str = r"(?:(?P<mod>(?i:earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of))[-\s]+)?";

pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        rule(
            r"(?-u:\b)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?-u:\b)",
            absolute::iso,
        ),
        rule(
            r"(?-u:\b)(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?-u:\b)",
            absolute::us_slash,
        ),
        rule(
            r"(?:(?-u:\b)(?P<wd>WEEKDAY),?\s+)?(?-u:\b)(?P<mon>MONTH)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y>\d{4})(?-u:\b))?",
            absolute::month_day,
        ),
        rule(
            r"(?:(?-u:\b)(?P<wd>WEEKDAY),?\s+)?(?-u:\b)(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>MONTH)(?:,?\s+(?P<y>\d{4})(?-u:\b))?",
            absolute::month_day,
        ),
        rule(
            r"(?-u:\b)(?:(?i:early|mid|late)[-\s]+)?(?P<mon>MONTH),?\s+(?:of\s+)?(?P<y>\d{4})(?-u:\b)",
            absolute::month_year,
        ),
        rule(
            r"(?-u:\b)(?:(?P<rel>(?i:last|this|next|early|late|mid))[-\s]+)?(?P<mon>MONTH)",
            absolute::month_alone,
        ),
        rule(
            r"(?-u:\b)(?:(?P<part>(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half))(?:\s+of)?)[-\s]+)?(?P<y>1[6-9]\d\d|20\d\d)(?-u:\b)",
            absolute::year,
        ),
        rule(
            r"(?-u:\b)(?:the\s+)?(?:(?i:early|mid|late)[-\s]+)?(?P<y>1[6-9]\d0|20\d0)'?s(?-u:\b)",
            absolute::decade,
        ),
        rule(
            r"(?-u:\b)(?P<y1>1[6-9]\d\d|20\d\d)\s*[-–]\s*(?P<y2>\d{4}|\d{2})(?-u:\b)",
            absolute::year_range,
        ),
        rule(
            r"(?-u:\b)Q(?P<q>[1-4])\s+(?P<y>\d{4})(?-u:\b)",
            absolute::quarter,
        ),
        rule(
            r"(?-u:\b)(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s](?i:quarter)(?-u:\b)(?:\s+(?:of\s+)?(?P<y>\d{4})(?-u:\b))?",
            absolute::quarter,
        ),
        rule(
            r"(?-u:\b)(?P<s>(?i:spring|summer|autumn|fall|winter))(?:\s+of)?\s+(?P<y>\d{4})(?-u:\b)",
            absolute::season_year,
        ),
        rule(
            r"(?-u:\b)(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday(?:\s+(?:morning|afternoon|evening))?|today|tonight|tomorrow(?:\s+(?:morning|night))?|this\s+(?:morning|afternoon|evening)|last\s+night))(?-u:\b)",
            relative::deictic_day,
        ),
        rule(
            r"(?-u:\b)(?:(?P<rel>(?i:last|this|next|early|late))\s+)?(?P<wd>WEEKDAY)(?:\s+(?i:morning|afternoon|evening|night))?(?-u:\b)",
            relative::weekday,
        ),
        rule(
            &format!(
                r"(?-u:\b){REL_MOD}(?P<rel>(?i:this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+same|the\s+following))\s+(?P<u>(?i:week|weekend|month|year|quarter|decade|spring|summer|autumn|fall|winter))(?-u:\b)"
            ),
            relative::relative_unit,
        ),
        rule(
            r"(?-u:\b)(?P<n>\d{1,4}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several|some|a\s+couple\s+of))\s+(?P<u>(?i:days?|weeks?|months?|years?|decades?))\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now))(?-u:\b)",
            relative::offset,
        ),
        rule(
            r"(?-u:\b)(?P<w>(?i:the\s+(?:following|next|previous|same)\s+(?:day|morning|evening|night)|the\s+day\s+(?:before|after)|that\s+day))(?-u:\b)",
            relative::anaphoric_day,
        ),
        rule(
            r"(?-u:\b)(?P<w>(?i:recently|recent\s+(?:years|months|weeks|days|decades)|(?:the\s+)?(?:past|last)\s+(?:few|several|couple\s+of)\s+(?:years|months|weeks|days|decades)|these\s+days|nowadays|currently|at\s+present|right\s+now|now))(?-u:\b)",
            relative::vague,
        ),
    ]
});

/// One normalised match before overlap resolution.
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub norm: Norm,
}

/// Every rule's accepted matches, overlapping ones resolved longest-first.
pub(crate) fn candidates(text: &str, base: Option<NaiveDate>) -> Vec<Candidate> {
    let mut all = Vec::new();
    for rule in RULES.iter() {
        for caps in rule.re.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let ctx = Ctx {
                text,
                base,
                start: m.start(),
                end: m.end(),
            };
            if let Some(norm) = (rule.handler)(&caps, &ctx) {
                all.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    norm,
                });
            }
        }
    }
    // Longest first, then leftmost; earlier rules win ties (stable sort).
    all.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    let mut taken = claimtrace_model::DisjointRanges::default();
    for c in all {
        if taken.insert_if_free(c.start, c.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}
