//! Who the article cites for a claim: the subject of a reporting verb ("X
//! said"), the speaker of an inverted quote ("…,” said X), the object of
//! "according to X", with pronouns resolved and nested attribution kept as
//! a chain.

use claimtrace_model::{Source, SourceKind, Span};

use crate::cue::{CueHit, CueKind, CueRole};
use crate::mention::Cand;
use crate::words::AUX_ADVERBS;

/// One attribution found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub cue: CueHit,
    pub source: Source,
    /// The mention that is the source (for excluding it from actors).
    pub mention: Option<Cand>,
    /// The source stands after its content ("…, officials said.").
    pub trailing: bool,
    pub why: String,
}

/// Time words that may stand between a speaker and the verb ("Prigozhin
/// on Friday accused", "Akbari further stated", "said early Saturday").
const TIME_GAP: &[&str] = &[
    "on",
    "early",
    "late",
    "further",
    "last",
    "night",
    "week",
    "today",
    "yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "morning",
    "evening",
    "afternoon",
    "himself",
    "herself",
    "itself",
    "too",
    "separately",
];

/// Whether only auxiliaries, adverbs, spaces and closing punctuation stand
/// in `text[a..b]` (between a subject and its verb).
fn only_aux_between(text: &str, a: usize, b: usize) -> bool {
    let Some(gap) = text.get(a..b) else {
        return false;
    };
    let gap = without_acronym(gap);
    gap.split(|c: char| c.is_whitespace() || ",”\"’'".contains(c))
        .filter(|w| !w.is_empty())
        .all(|w| AUX_ADVERBS.contains(&w) || w == "that" || TIME_GAP.contains(&w))
        && gap.split_whitespace().count() <= 5
}

/// Where the noun phrase starting at `start` ends: at the first comma,
/// semicolon, dash or full stop, or after ten words.
fn phrase_end(text: &str, start: usize, to: usize) -> usize {
    let rest = text.get(start..to).unwrap_or("");
    let mut end = rest
        .find([',', ';', '.', '\u{2013}', '\u{2014}', '“', '"'])
        .unwrap_or(rest.len());
    if let Some((i, _)) = rest[..end].match_indices(' ').nth(10) {
        end = i;
    }
    start + end
}

/// Whether only closing punctuation (and the rest of a name: "Radio |
/// Sahel") stands between `end` and `to`.
fn ends_sentence(text: &str, end: usize, to: usize) -> bool {
    text.get(end..to).is_some_and(|rest| {
        let rest = rest
            .trim()
            .trim_end_matches(|c: char| ".!?”\"’)".contains(c));
        rest.split_whitespace().count() <= 3
            && rest
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

/// The gap with a leading parenthesised acronym or short aside removed
/// ("Observatory | (SOHR) | reported").
fn without_acronym(gap: &str) -> std::borrow::Cow<'_, str> {
    let t = gap.trim_start();
    if let Some(rest) = t.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && rest[..close].split_whitespace().count() <= 3
    {
        return std::borrow::Cow::Owned(format!(" {}", &rest[close + 1..]));
    }
    std::borrow::Cow::Borrowed(gap)
}

fn closing_quote_before(text: &str, from: usize, pos: usize) -> bool {
    text.get(from..pos).is_some_and(|h| {
        let h = h.trim_end();
        h.ends_with(",”")
            || h.ends_with(",\"")
            || h.ends_with('”')
            || h.ends_with("!”")
            || h.ends_with("?”")
            || h.ends_with(",’")
    })
}

const PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "near", "of", "across", "inside", "outside", "within", "by", "with", "for",
    "to",
];

/// Whether mention `m` stands in a prepositional phrase ("in both Moscow
/// and Ankara").
fn in_pp(text: &str, from: usize, m: &Cand, mentions: &[Cand]) -> bool {
    let mut pos = m.start;
    for _ in 0..6 {
        let Some(w) = crate::words::word_before(text, pos).filter(|w| w.start >= from) else {
            return false;
        };
        let t = w.text(text).to_lowercase();
        if PREPOSITIONS.contains(&t.as_str()) {
            return true;
        }
        let in_other = mentions
            .iter()
            .any(|o| o.start <= w.start && w.end <= o.end && o.start != m.start);
        if t == "and" || t == "both" || t == "the" || t == "a" || t == "an" || in_other {
            pos = mentions
                .iter()
                .find(|o| o.start <= w.start && w.end <= o.end)
                .map_or(w.start, |o| o.start);
            continue;
        }
        return false;
    }
    false
}

/// Whether `text[a..b]` is a prepositional phrase of places and names only
/// ("Observers | in both Moscow and Ankara | perceived").
fn pp_between(text: &str, from: usize, a: usize, b: usize, mentions: &[Cand]) -> bool {
    let gap = text.get(a..b).unwrap_or("");
    let mut ws = gap.split_whitespace();
    let mut first = ws.next().unwrap_or("");
    // A participle may open the phrase: "residents reached by X", "officials based in Y".
    let participle = first.ends_with("ed") || first == "close";
    if participle {
        first = ws.next().unwrap_or("");
    }
    if !PREPOSITIONS.contains(&first) {
        return false;
    }
    let opener = if participle {
        gap.split_whitespace().next().unwrap_or("")
    } else {
        ""
    };
    let _ = from;
    // A few common nouns may stand in it too: "a resident of the Deim
    // al-Arab neighbourhood said".
    if gap.contains([',', '“', '"', ';']) || gap.split_whitespace().count() > 8 {
        return false;
    }
    let mut common = 0;
    crate::words::words(text, a, b).iter().all(|w| {
        let t = w.text(text);
        let common_noun =
            t.chars().next().is_some_and(char::is_lowercase) && t.len() > 3 && !t.ends_with("ed");
        if common_noun {
            common += 1;
        }
        common <= 2 && common_noun || {
            let t = w.text(text);
            t == opener
                || PREPOSITIONS.contains(&t)
                || t == "and"
                || t == "both"
                || t == "the"
                || crate::words::AUX_ADVERBS.contains(&t)
                || mentions
                    .iter()
                    .any(|o| o.start <= w.start && w.end <= o.end)
                || t.chars().next().is_some_and(char::is_uppercase)
        }
    })
}

/// "A Malian official, speaking on condition of anonymity, said": a
/// comma-delimited aside of a few words between the subject and its verb.
fn parenthetical_between(text: &str, a: usize, b: usize) -> bool {
    let Some(gap) = text.get(a..b) else {
        return false;
    };
    let Some(inner) = gap.strip_prefix(", ") else {
        return false;
    };
    let Some(close) = inner.rfind(',') else {
        return false;
    };
    let (aside, after) = inner.split_at(close);
    let after = &after[1..];
    let words = aside.split_whitespace().count();
    (1..=14).contains(&words)
        && !aside.contains(['“', '"', ';'])
        && after.split_whitespace().all(|w| AUX_ADVERBS.contains(&w))
}

/// A source of a mention candidate.
pub(crate) fn source_of(m: &Cand) -> Source {
    Source {
        text: m.text.clone(),
        name: m.name.clone(),
        kind: m.source_kind,
        span: Some(Span::new(m.start, m.end)),
        chain: Vec::new(),
        role: m.role.clone(),
    }
}

/// A source named by a phrase that is no known mention.
fn unnamed_source(text: &str, kind: SourceKind, span: Span) -> Source {
    Source {
        text: text.to_string(),
        name: text.to_string(),
        kind,
        span: Some(span),
        chain: Vec::new(),
        role: None,
    }
}

/// The attributions of the sentence `text[from..to]`, in text order.
pub(crate) fn find(
    text: &str,
    from: usize,
    to: usize,
    cues: &[CueHit],
    mentions: &[Cand],
) -> Vec<Attribution> {
    let f = Finder {
        text,
        from,
        to,
        mentions,
        // Names inside a person's role ("the representative of X's
        // Ministry of Defense") are not the speaker.
        roles: mentions.iter().filter_map(|m| m.role_span).collect(),
    };
    let mut out: Vec<Attribution> = cues
        .iter()
        .filter(|c| {
            matches!(
                c.cue.kind,
                CueKind::Report | CueKind::Hedge | CueKind::Denial | CueKind::Evaluation
            )
        })
        .filter_map(|c| match c.cue.role {
            CueRole::Prep => f.after_preposition(c),
            CueRole::Verb => f
                .named_subject(c)
                .or_else(|| f.inverted(c))
                .or_else(|| f.participle_subject(c))
                .or_else(|| f.subject_phrase(c))
                .or_else(|| f.plain_noun_phrase(c)),
            CueRole::None => None,
        })
        .filter(|a| !perceived_by_a_body(text, a))
        .collect();
    // Nested attribution: the outer (first) source is the one the article
    // cites; inner ones are kept as its chain.
    if out.len() > 1 {
        let names: Vec<String> = out.iter().map(|a| a.source.name.clone()).collect();
        for a in out.iter_mut() {
            a.source.chain = names.clone();
        }
    }
    out
}

/// "The city saw heavy fighting": a verb of seeing attributes only when a
/// person, reporter or witness sees; a place or a body "sees" events.
fn perceived_by_a_body(text: &str, a: &Attribution) -> bool {
    let verb = text[a.cue.start..a.cue.end].to_lowercase();
    verb == "saw"
        && !matches!(
            a.source.kind,
            SourceKind::Media | SourceKind::AnonymousOfficials | SourceKind::NamedPerson
        )
}

/// One sentence's mentions, read for the source of each cue.
struct Finder<'a> {
    text: &'a str,
    from: usize,
    to: usize,
    mentions: &'a [Cand],
    roles: Vec<(usize, usize)>,
}

impl Finder<'_> {
    fn usable(&self, m: &Cand) -> bool {
        !m.adjective && !self.roles.iter().any(|&(s, e)| m.start >= s && m.end <= e)
    }

    /// Not in a prepositional phrase ("observers in Moscow"), not an
    /// object pronoun.
    fn subject(&self, m: &Cand) -> bool {
        self.usable(m)
            && !in_pp(self.text, self.from, m, self.mentions)
            && !matches!(m.text.as_str(), "him" | "her" | "them")
    }

    fn cue_text(&self, c: &CueHit) -> &str {
        &self.text[c.start..c.end]
    }

    /// "according to X": the first mention right after the cue, else the
    /// head of the noun phrase after it ("according to Israel Defense
    /// Forces spokesperson Daniel Hagari").
    fn after_preposition(&self, c: &CueHit) -> Option<Attribution> {
        let text = self.text;
        let np_end = phrase_end(text, c.end, self.to);
        let Some(m) = self
            .mentions
            .iter()
            .filter(|m| self.usable(m))
            .find(|m| {
                m.start >= c.end
                    && (only_aux_between(text, c.end, m.start.min(self.to)) || m.start <= c.end + 5)
            })
            .or_else(|| {
                self.mentions
                    .iter()
                    .filter(|m| self.usable(m))
                    .filter(|m| m.start >= c.end && m.end <= np_end)
                    .filter(|m| !in_pp(text, c.end, m, self.mentions))
                    .max_by_key(|m| m.end)
            })
        else {
            return self.phrase_after(c, np_end);
        };
        let m = self.outlet_behind(m, np_end);
        Some(Attribution {
            cue: *c,
            source: source_of(m),
            mention: Some(m.clone()),
            trailing: false,
            why: format!(
                "source: '{}' follows '{}'; {}",
                m.text,
                self.cue_text(c),
                m.why
            ),
        })
    }

    /// "according to a new poll": no known name after the preposition; the
    /// phrase itself, classified by its head.
    fn phrase_after(&self, c: &CueHit, np_end: usize) -> Option<Attribution> {
        let p = crate::subject_np::after_preposition(self.text, c.end, np_end)?;
        Some(self.unnamed(c, &p, false, "after"))
    }

    /// The attribution of cue `c` to the phrase `p` that names no known
    /// source; `place` says where the phrase stands relative to the cue.
    fn unnamed(
        &self,
        c: &CueHit,
        p: &crate::subject_np::SubjectPhrase,
        trailing: bool,
        place: &str,
    ) -> Attribution {
        Attribution {
            cue: *c,
            source: unnamed_source(&p.text, p.kind, p.span),
            mention: None,
            trailing,
            why: format!("{} ({place} '{}')", p.why, self.cue_text(c)),
        }
    }

    /// "Prigozhin issued a message on Saturday saying…": a reporting
    /// participle speaks for the name that opens the sentence.
    fn participle_subject(&self, c: &CueHit) -> Option<Attribution> {
        let cue = self.cue_text(c);
        if !cue.ends_with("ing") || c.start == self.from {
            return None;
        }
        let m = self
            .mentions
            .iter()
            .filter(|m| self.subject(m) && m.end <= c.start)
            .min_by_key(|m| m.start)
            .filter(|m| {
                self.text
                    .get(self.from..m.start)
                    .is_some_and(|h| h.split_whitespace().count() <= 1)
                    && (m.is_person() || m.source_kind == SourceKind::NamedOrganisation)
            })?;
        Some(Attribution {
            cue: *c,
            source: source_of(m),
            mention: Some(m.clone()),
            trailing: false,
            why: format!(
                "source: '{}' opens the sentence and '{cue}' reports what it said; {}",
                m.text, m.why
            ),
        })
    }

    /// "a report from The New York Times", "A Reuters report": a report
    /// noun whose outlet is named beside it stands for the outlet.
    fn outlet_behind<'m>(&'m self, m: &'m Cand, np_end: usize) -> &'m Cand {
        if m.source_kind != SourceKind::Document {
            return m;
        }
        let beside = |o: &&Cand| {
            let gap_after = o.start >= m.end
                && o.end <= np_end
                && self
                    .text
                    .get(m.end..o.start)
                    .is_some_and(|g| matches!(g.trim(), "from" | "by" | "of" | "in"));
            let before = o.end <= m.start
                && self
                    .text
                    .get(o.end..m.start)
                    .is_some_and(|g| g.trim().is_empty());
            (gap_after || before) && o.source_kind == SourceKind::Media
        };
        self.mentions.iter().find(beside).unwrap_or(m)
    }

    /// The subject: the nearest mention ending before the verb with only
    /// auxiliaries between ("officials have said"), or across an
    /// apposition ("Yusov, the representative of X, said").
    fn named_subject(&self, c: &CueHit) -> Option<Attribution> {
        let text = self.text;
        let m = self
            .mentions
            .iter()
            .filter(|m| self.subject(m))
            .filter(|m| m.end <= c.start)
            .filter(|m| {
                only_aux_between(text, m.end, c.start)
                    || m.role_span
                        .is_some_and(|(_, re)| only_aux_between(text, re, c.start))
                    || pp_between(text, self.from, m.end, c.start, self.mentions)
                    || parenthetical_between(text, m.end, c.start)
            })
            .max_by_key(|m| m.end)?;
        let m = self.outlet_behind(m, c.start);
        Some(Attribution {
            cue: *c,
            source: source_of(m),
            mention: Some(m.clone()),
            trailing: self.trails(m.start),
            why: format!(
                "source: '{}' is the subject of '{}'; {}",
                m.text,
                self.cue_text(c),
                m.why
            ),
        })
    }

    /// Whether a source starting at `start` follows its content: a closing
    /// quotation or a comma before it.
    fn trails(&self, start: usize) -> bool {
        closing_quote_before(self.text, self.from, start)
            || self
                .text
                .get(self.from..start)
                .is_some_and(|h| h.trim_end().ends_with(','))
    }

    /// Inverted quote: "…,” said Colonel X; or an inverted report closing
    /// the sentence: "…, reported CBS News."
    fn inverted(&self, c: &CueHit) -> Option<Attribution> {
        let text = self.text;
        let quote = closing_quote_before(text, self.from, c.start);
        let comma = text
            .get(self.from..c.start)
            .is_some_and(|h| h.trim_end().ends_with(','));
        if !(quote || comma) {
            return None;
        }
        let m = self
            .mentions
            .iter()
            .filter(|m| self.usable(m))
            .find(|m| {
                m.start >= c.end
                    && (m.start <= c.end + 2
                        || !quote && only_aux_between(text, c.end, m.start)
                        || !quote && text[c.end..m.start].trim() == "the")
            })
            .filter(|m| quote || ends_sentence(text, m.end, self.to));
        let Some(m) = m else {
            return self.inverted_phrase(c, quote);
        };
        Some(Attribution {
            cue: *c,
            source: source_of(m),
            mention: Some(m.clone()),
            trailing: true,
            why: format!(
                "source: '{}' speaks the quotation ('{}' after it); {}",
                m.text,
                self.cue_text(c),
                m.why
            ),
        })
    }

    /// "…, shared two US officials.": an inverted report closing the
    /// sentence with a phrase that is not a known name, classified by its
    /// head.
    fn inverted_phrase(&self, c: &CueHit, quote: bool) -> Option<Attribution> {
        let end = self.text.get(c.end..self.to)?.trim_end();
        let end = c.end + end.trim_end_matches(['.', '!', '"', '”']).len();
        if quote || end <= c.end || self.text[c.end..end].contains([',', ';', ':']) {
            return None;
        }
        let p = crate::subject_np::after_preposition(self.text, c.end, end)?;
        Some(self.unnamed(c, &p, true, "closing the sentence after"))
    }

    /// A subject phrase that is not a known name ("Chad's state-run Tele
    /// Tchad television reported", "Sudan's health minister says"),
    /// classified by its head.
    fn subject_phrase(&self, c: &CueHit) -> Option<Attribution> {
        let p = crate::subject_np::before_verb(self.text, self.from, c.start, self.mentions)?;
        let source = match &p.mention {
            Some(m) if p.kind == m.source_kind => source_of(m),
            _ => unnamed_source(&p.text, p.kind, p.span),
        };
        Some(Attribution {
            cue: *c,
            source,
            mention: p.mention.clone(),
            trailing: self.trails(p.span.start),
            why: format!("{} ('{}')", p.why, self.cue_text(c)),
        })
    }

    /// A plain noun phrase as subject: "the company said", "one of the
    /// organisers said". Only for reporting verbs, whose subject is a
    /// speaker.
    fn plain_noun_phrase(&self, c: &CueHit) -> Option<Attribution> {
        if !matches!(c.cue.kind, CueKind::Report | CueKind::Evaluation) {
            return None;
        }
        let (s0, np) = subject_before_pps(self.text, self.from, c.start)?;
        let head = np.rsplit(' ').next().unwrap_or(np).to_lowercase();
        let person = crate::words::is_role_noun(&head);
        let kind = if person {
            SourceKind::AnonymousOfficials
        } else {
            SourceKind::NamedOrganisation
        };
        Some(Attribution {
            cue: *c,
            source: unnamed_source(np, kind, Span::new(s0, s0 + np.len())),
            mention: None,
            trailing: self.trails(s0),
            why: format!(
                "source: the noun phrase '{np}' is the subject of '{}' ({kind}; not a known name)",
                self.cue_text(c)
            ),
        })
    }
}

/// Prepositions that open a phrase hanging off a subject ("a senior
/// official at the main hospital in the capital").
const SUBJECT_PPS: &[&str] = &[
    "at", "in", "of", "from", "near", "with", "for", "on", "inside", "outside",
];

/// The noun phrase before `pos`, walking left over the prepositional
/// phrases that hang off it ("a senior official | at the main hospital |
/// in the regional capital told"): the leftmost phrase is the subject.
/// None when the phrase before the verb is a preposition's object with no
/// subject before it.
fn subject_before_pps(text: &str, from: usize, pos: usize) -> Option<(usize, &str)> {
    let (mut s0, mut np) = noun_phrase_before(text, from, pos)?;
    for _ in 0..4 {
        let head = text.get(from..s0)?.trim_end();
        let Some(prep) = head.rsplit(|c: char| !c.is_alphanumeric()).next() else {
            break;
        };
        if !SUBJECT_PPS.contains(&prep) {
            break;
        }
        let prep_at = from + head.len() - prep.len();
        (s0, np) = noun_phrase_before(text, from, prep_at)?;
    }
    Some((s0, np))
}

/// A determiner-led noun phrase of two to five words ending right before
/// `pos` ("the company", "the state's top election official"), with its
/// start; none when a verb or punctuation breaks it.
fn noun_phrase_before(text: &str, from: usize, pos: usize) -> Option<(usize, &str)> {
    const DETERMINERS: &[&str] = &[
        "the", "The", "a", "A", "an", "An", "one", "One", "another", "Another",
    ];
    let head = text.get(from..pos)?;
    let trimmed = head.trim_end();
    let ws = crate::words::words(text, from, from + trimmed.len());
    for n in 2..=5usize {
        let Some(first) = ws.len().checked_sub(n).and_then(|i| ws.get(i)) else {
            break;
        };
        let phrase = text.get(first.start..from + trimmed.len())?;
        if phrase.contains([',', ';', ':', '“', '”', '"', '(', ')']) {
            break;
        }
        let w = first.text(text);
        if DETERMINERS.contains(&w) {
            let inner = &ws[ws.len() - n + 1..];
            let verbish = inner.iter().any(|x| {
                let t = x.text(text);
                crate::words::AUX_ADVERBS.contains(&t)
                    || crate::words::BE_FORMS.contains(&t)
                    || t == "that"
            });
            return (!verbish).then_some((first.start, phrase));
        }
    }
    None
}

/// Sentence opens or continues a quotation: returns (opens, closes).
pub(crate) fn quote_balance(s: &str) -> (bool, bool) {
    let opens = s.matches('“').count();
    let closes = s.matches('”').count();
    let starts = s.trim_start().starts_with('“');
    (
        starts || opens > 0,
        closes > 0 && (closes >= opens || opens == 0),
    )
}
