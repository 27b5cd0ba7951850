//! The extractor's intermediate findings, exposed for evaluation against
//! gold data and for tools that want more than claims: entity mentions,
//! cue words and attributions of a text, each with its byte span.

use claimtrace_model::{ActorKind, Document, SourceKind, Span};

use crate::attribution;
use crate::context::DocContext;
use crate::cue::CueKind;
use crate::extractor::Extractor;
use crate::mention::{self, Found};

/// A named thing in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    pub span: Span,
    pub text: String,
    /// Canonical name (the knowledge-base name, or the text for guesses).
    pub name: String,
    pub kind: ActorKind,
    /// Not in the knowledge base: the kind is a guess.
    pub guessed: bool,
    /// A bare demonym or adjective ("Malian").
    pub adjective: bool,
    /// How it was recognised: `knowledge_base`, `title`, `capitalised_name`,
    /// `known_person`, `source_noun`, `pronoun`, `gazetteer`.
    pub found: &'static str,
}

/// A cue word or phrase in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct CueMention {
    pub span: Span,
    /// `report`, `hedge`, `denial`, `opinion`, `passive`, `negation`,
    /// `evaluation`, `future` or `hypothetical`.
    pub kind: &'static str,
}

/// An attribution: who (source), through which words (cue), of what (content).
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionSpan {
    pub source: Span,
    pub source_kind: SourceKind,
    pub cue: Span,
    /// The attributed content: the rest of the sentence on the content side
    /// of the cue, without the source.
    pub content: Span,
}

fn found_str(f: Found) -> &'static str {
    match f {
        Found::KnowledgeBase => "knowledge_base",
        Found::Title => "title",
        Found::CapitalisedName => "capitalised_name",
        Found::KnownPerson => "known_person",
        Found::SourceNoun => "source_noun",
        Found::Pronoun => "pronoun",
    }
}

pub(crate) fn cue_kind_str(k: CueKind) -> &'static str {
    match k {
        CueKind::Report => "report",
        CueKind::Hedge => "hedge",
        CueKind::Denial => "denial",
        CueKind::Opinion => "opinion",
        CueKind::Passive => "passive",
        CueKind::Negation => "negation",
        CueKind::Evaluation => "evaluation",
        CueKind::Future => "future",
        CueKind::Hypothetical => "hypothetical",
    }
}

/// Where the noun phrase ending in a name starts: back over premodifying
/// words ("Retired neurosurgeon", "ABC moderator", "the state's top") to a
/// determiner, stopping at punctuation, verbs and function words.
fn np_start(text: &str, from: usize, start: usize) -> usize {
    const STOP: &[&str] = &[
        "and", "or", "but", "that", "which", "who", "when", "while", "as", "in", "on", "at", "to",
        "for", "from", "with", "by", "said", "says", "told", "after", "before", "if", "because",
        "than", "since",
    ];
    const DET: &[&str] = &["the", "The", "a", "A", "an", "An"];
    let mut pos = start;
    for _ in 0..6 {
        let Some(w) = crate::words::word_before(text, pos).filter(|w| w.start >= from) else {
            break;
        };
        let gap = text.get(w.end..pos).unwrap_or("");
        if !(gap == " " || gap == "’s " || gap == "'s ") {
            break;
        }
        let t = w.text(text);
        if STOP.contains(&t.to_lowercase().as_str())
            || crate::words::AUX_ADVERBS.contains(&t)
            || crate::words::BE_FORMS.contains(&t)
            || t.chars().all(|c| c.is_ascii_digit())
        {
            break;
        }
        pos = w.start;
        if DET.contains(&t) {
            break;
        }
    }
    pos
}

fn trim_span(text: &str, start: usize, end: usize) -> Span {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || ",;:“”\"".contains(c))
            .len();
    let body = &s[lead..];
    let tail = body.len()
        - body
            .trim_end_matches(|c: char| c.is_whitespace() || ",;:.“”\"".contains(c))
            .len();
    Span::new(start + lead, end - tail)
}

impl Extractor {
    /// Actors, persons, organisations, unnamed sources and pronouns of
    /// `text`, sentence by sentence with the document context a reader
    /// carries (a surname after the full name, "he" after a person), plus
    /// places from the gazetteer (`kind` location). Sorted by position.
    pub fn entities(&self, text: &str) -> Vec<EntityMention> {
        let mut out = Vec::new();
        let mut ctx = DocContext::default();
        let places = self.gazetteer.find_places(text);
        let spans: Vec<Span> = places.iter().map(|p| p.span).collect();
        for s in claimtrace_segment::sentences(text) {
            let ms = mention::find(
                &self.kb,
                &self.nouns,
                text,
                s.trimmed.start,
                s.trimmed.end,
                &ctx,
                &spans,
            );
            for m in &ms {
                out.push(EntityMention {
                    span: m.span(),
                    text: m.text.clone(),
                    name: m.name.clone(),
                    kind: m.kind,
                    guessed: m.guessed,
                    adjective: m.adjective,
                    found: found_str(m.found),
                });
            }
            ctx.note_mentions(&ms);
        }
        for p in places {
            if out.iter().any(|m: &EntityMention| m.span.overlaps(&p.span)) {
                continue;
            }
            out.push(EntityMention {
                span: p.span,
                text: p.place.text.clone(),
                name: p.place.name.clone(),
                kind: ActorKind::Location,
                guessed: false,
                adjective: false,
                found: "gazetteer",
            });
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }

    /// Cue words (reporting, hedge, denial, opinion, ...) in `text`.
    pub fn cues(&self, text: &str) -> Vec<CueMention> {
        let mut out = Vec::new();
        for s in claimtrace_segment::sentences(text) {
            for c in self.cues.find(text, s.trimmed.start, s.trimmed.end) {
                out.push(CueMention {
                    span: Span::new(c.start, c.end),
                    kind: cue_kind_str(c.cue.kind),
                });
            }
        }
        out
    }

    /// Attributions of a document: source, cue and content spans.
    pub fn attributions(&self, doc: &Document) -> Vec<AttributionSpan> {
        let text = doc.text.as_str();
        let mut out = Vec::new();
        let mut ctx = DocContext {
            outlet: doc.outlet.clone(),
            ..Default::default()
        };
        let spans: Vec<Span> = self
            .gazetteer
            .find_places(text)
            .iter()
            .map(|p| p.span)
            .collect();
        for s in claimtrace_segment::sentences(text) {
            let (from, to) = (s.trimmed.start, s.trimmed.end);
            let ms = mention::find(&self.kb, &self.nouns, text, from, to, &ctx, &spans);
            let cues = self.cues.find(text, from, to);
            for a in attribution::find(text, from, to, &cues, &ms) {
                let Some(mut src) = a.source.span else {
                    continue;
                };
                // The source as a reader delimits it: the whole noun phrase,
                // with its premodifiers ("GOP frontrunner Donald Trump") and
                // the role in apposition after it ("X, the spokesman of Y").
                src = Span::new(np_start(text, from, src.start), src.end);
                if let Some((_, re)) = a
                    .mention
                    .as_ref()
                    .and_then(|m| m.role_span)
                    .filter(|&(rs, re)| rs >= src.end && rs <= src.end + 2 && re < a.cue.start)
                {
                    src = Span::new(src.start, re);
                }
                // Content: after the cue for "X said (that) …" and "according
                // to X, …"; before the source for trailing "…, X said".
                let content = if a.trailing {
                    trim_span(text, from, src.start.min(a.cue.start))
                } else if a.cue.cue.role == crate::cue::CueRole::Prep {
                    let after = src.end.max(a.cue.end);
                    if after + 2 < to {
                        trim_span(text, after, to)
                    } else {
                        trim_span(text, from, a.cue.start)
                    }
                } else {
                    let body = text.get(a.cue.end..to).unwrap_or("");
                    let skip = body.len() - body.trim_start().trim_start_matches("that ").len();
                    trim_span(text, a.cue.end + skip, to)
                };
                out.push(AttributionSpan {
                    source: src,
                    source_kind: a.source.kind,
                    cue: Span::new(a.cue.start, a.cue.end),
                    content,
                });
            }
            ctx.note_mentions(&ms);
        }
        out
    }
}
