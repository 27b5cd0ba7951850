//! The extractor: one document in, its sentences and claim records out.

use claimtrace_geo::Gazetteer;
use claimtrace_measure::WeaponLexicon;
use claimtrace_model::{Claim, ClaimType, Document, Sentence, Span};

use crate::actor_kb::ActorKb;
use crate::attribution::{self, Attribution};
use crate::context::DocContext;
use crate::cue::{CueHit, CueKind, CueLexicon};
use crate::facts::DocFacts;
use crate::firmness::firmness;
use crate::learn::{LinearModel, features::type_features};
use crate::mention::{self, Cand};
use crate::not_claim::{is_headline, is_hypothetical, is_non_statement, is_question};
use crate::source_noun::SourceNouns;
use crate::step::{self, QuoteCarry, Scope, Unit};
use crate::trigger::{TriggerHit, TriggerLexicon};

/// The claims and sentences of one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The document's sentences; they tile its text.
    pub sentences: Vec<Sentence>,
    /// Claim records in text order.
    pub claims: Vec<Claim>,
    /// Per claim (same order), the features the type model reads: what
    /// `claimtrace train type` learns from. Empty lists unless a type
    /// model is loaded or [`Extractor::extract_for_training`] was called.
    pub type_features: Vec<Vec<String>>,
}

/// A built extractor (see [`crate::ExtractConfig::build`]). Immutable and
/// `Sync`: share one across threads.
pub struct Extractor {
    pub(crate) kb: ActorKb,
    pub(crate) cues: CueLexicon,
    pub(crate) triggers: TriggerLexicon,
    pub(crate) nouns: SourceNouns,
    pub(crate) weapons: WeaponLexicon,
    pub(crate) gazetteer: Gazetteer,
    /// The learned type model; `None` keeps the rules' types.
    pub(crate) type_model: Option<LinearModel>,
}

pub(crate) fn within(span: Option<Span>, from: usize, to: usize) -> bool {
    span.is_some_and(|s| s.start >= from && s.end <= to)
}

impl Extractor {
    /// Extract the sentences and claims of `doc`. Never fails: a document
    /// with no claims gives an empty list.
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.run(doc, self.type_model.is_some())
    }

    /// [`Extractor::extract`], also keeping each claim's type-model
    /// features in [`Extraction::type_features`].
    pub fn extract_for_training(&self, doc: &Document) -> Extraction {
        self.run(doc, true)
    }

    fn run(&self, doc: &Document, want_features: bool) -> Extraction {
        let text = doc.text.as_str();
        let sentences = claimtrace_segment::sentences(text);
        let facts = self.doc_facts(doc);
        let mut ctx = DocContext {
            outlet: doc.outlet.clone(),
            want_features,
            ..Default::default()
        };
        let mut claims = Vec::new();
        let mut features = Vec::new();
        let mut prev_end = 0;
        for s in &sentences {
            let gap = text.get(prev_end..s.trimmed.start).unwrap_or("");
            if gap.matches('\n').count() >= 2
                || (prev_end > 0 && gap.contains('\n') && ctx.paragraph == 0)
            {
                ctx.paragraph += 1;
            }
            prev_end = s.trimmed.end;
            let here = facts.for_sentence(s.trimmed.start, s.trimmed.end);
            self.sentence(doc, s, &here, &mut ctx, (&mut claims, &mut features));
        }
        crate::quote_carry::carry(text, &sentences, &mut claims);
        Extraction {
            sentences,
            claims,
            type_features: features,
        }
    }

    /// One sentence: skip what makes no claim, find its mentions, cues,
    /// attributions and triggers, cut it into clause units and make one
    /// claim per unit.
    fn sentence(
        &self,
        doc: &Document,
        s: &Sentence,
        facts: &DocFacts,
        ctx: &mut DocContext,
        (claims, features): (&mut Vec<Claim>, &mut Vec<Vec<String>>),
    ) {
        let text = doc.text.as_str();
        let (from, to) = (s.trimmed.start, s.trimmed.end);
        let Some(sent) = text.get(from..to).filter(|t| !t.trim().is_empty()) else {
            return;
        };
        let places_here: Vec<Span> = facts
            .places
            .iter()
            .map(|p| p.span)
            .filter(|p| p.start >= from && p.end <= to)
            .collect();
        let mentions = mention::find(&self.kb, &self.nouns, text, from, to, ctx, &places_here);
        let last = text[to..].trim().is_empty();
        if skip_reason(sent, last).is_some() {
            ctx.note_mentions(&mentions);
            return;
        }
        let cues = self.cues.find(text, from, to);
        let attributions = attribution::find(text, from, to, &cues, &mentions);
        let mut triggers = self.sentence_triggers(text, from, to, &mentions, &cues);
        triggers.retain(|t| !names_the_source(text, t, &attributions));
        let units = step::units(text, from, to, &triggers);
        let quote = QuoteCarry::before(ctx, sent, &attributions);
        let sc = Scope {
            doc,
            text,
            sentence: s,
            from,
            to,
            facts,
            mentions: &mentions,
            cues: &cues,
            attributions: &attributions,
            triggers: &triggers,
            quote: &quote,
            units: units.len(),
        };
        let (mut last_source, mut k) = (None, 0);
        for unit in &units {
            if let Some((claim, f)) = self.unit_claim(&sc, unit, k, ctx, claims) {
                last_source = Some(claim.source.clone());
                claims.push(claim);
                features.push(f);
                k += 1;
            }
        }
        quote.after(ctx, &attributions, last_source);
        ctx.note_mentions(&mentions);
    }

    /// The claim of one clause unit, step by step, or none when the unit
    /// makes no claim.
    fn unit_claim(
        &self,
        sc: &Scope,
        unit: &Unit,
        k: usize,
        ctx: &mut DocContext,
        earlier: &[Claim],
    ) -> Option<(Claim, Vec<String>)> {
        let attr = unit.governing(sc.attributions);
        let scope_cues = unit.cues(sc.cues);
        if !unit.is_claim(sc, attr, &scope_cues) {
            return None;
        }
        let mut why = Vec::new();
        let rule = step::kind::decide(sc, unit, attr, ctx, &mut why);
        let features = if ctx.want_features {
            type_features(sc, unit, attr, &rule)
        } else {
            Vec::new()
        };
        let kind = step::kind::rejudge(self.type_model.as_ref(), rule, &features, sc, &mut why);
        let source = step::source::decide(sc, attr, &mut why);
        let governed = governed_cues(sc, unit, attr, &scope_cues);
        let (epistemic, cue_hits, aux) = firmness(
            sc.text,
            &statement_scope(&governed, attr, &kind, source.kind),
            attr,
            source.kind,
            &mut why,
        );
        let cues = cue_list(cue_hits, attr);
        let roles = step::participants::decide(
            sc,
            unit,
            attr,
            (kind.claim_type, &source),
            earlier,
            &mut why,
        );
        let (text, s) = (sc.text, sc.sentence);
        let span = (unit.start, unit.end);
        let date = self.date_for(
            text,
            sc.facts,
            ctx,
            span,
            (sc.from, sc.to),
            s.index,
            &mut why,
        );
        let place = self.place_for(
            text,
            sc.facts,
            ctx,
            unit.start,
            unit.end,
            sc.from,
            sc.to,
            sc.mentions,
            s.index,
            &mut why,
        );
        let place = match place {
            Some(p) if p.role == claimtrace_model::PlaceRole::Event => Some(p),
            other => {
                crate::setting::place_fallback(sc, kind.claim_type, roles.target.as_ref(), &mut why)
                    .or(other)
            }
        };
        let measures = step::measures::find(sc, unit, &mut why);
        let claim_type = kind.claim_type;
        let plover = step::measures::plover(sc, kind, aux, &mut why);
        let claim = Claim {
            id: Claim::make_id(&sc.doc.hash, s.index, k),
            doc: sc.doc.id.clone(),
            sentence: text[sc.from..sc.to].to_string(),
            span: s.trimmed,
            sentence_index: s.index,
            claim_type,
            plover,
            actor: roles.actor,
            target: roles.target,
            source,
            epistemic,
            cues: cues
                .iter()
                .map(|c| text[c.start..c.end].to_string())
                .collect(),
            cue_spans: cues.iter().map(|c| Span::new(c.start, c.end)).collect(),
            date,
            place,
            quantities: measures.quantities,
            weapons: measures.weapons,
            weapon_spans: measures.weapon_spans,
            why,
        };
        Some((claim, features))
    }

    /// Triggers of the sentence, without those inside names, roles or cues.
    fn sentence_triggers(
        &self,
        text: &str,
        from: usize,
        to: usize,
        mentions: &[Cand],
        cues: &[CueHit],
    ) -> Vec<TriggerHit> {
        self.triggers
            .find(text, from, to)
            .into_iter()
            .filter(|t| {
                !mentions.iter().any(|m| {
                    !m.adjective
                        && t.start >= m.start
                        && t.end <= m.end
                        && m.found != mention::Found::SourceNoun
                        && !troops_head(t, m)
                })
            })
            .filter(|t| {
                !mentions
                    .iter()
                    .any(|m| m.role_span.is_some_and(|(s, e)| t.start >= s && t.end <= e))
            })
            .filter(|t| {
                // A reporting cue is not also the event, unless it is all there is.
                t.trigger.claim_type == ClaimType::StatementOrAcknowledgement
                    || !cues.iter().any(|c| {
                        c.start <= t.start
                            && c.end >= t.end
                            && matches!(c.cue.kind, CueKind::Report | CueKind::Passive)
                    })
            })
            .collect()
    }
}

/// A weak event word that is part of who speaks ("intelligence officials
/// said", "the head of the mercenary group says", "according to
/// intelligence") names the source, not what happened.
fn names_the_source(text: &str, t: &TriggerHit, attributions: &[Attribution]) -> bool {
    const SPEAKERS: &[&str] = &[
        "officials",
        "official",
        "sources",
        "source",
        "agency",
        "agencies",
        "service",
        "services",
        "chief",
        "chiefs",
        "community",
        "assessment",
        "assessments",
        "estimates",
        "report",
        "reports",
        "indicated",
        "indicates",
        "suggests",
        "suggested",
        "shows",
        "showed",
    ];
    if t.trigger.strong || t.trigger.claim_type == ClaimType::StatementOrAcknowledgement {
        return false;
    }
    // Only the words right before the trigger matter: never lower-case the
    // whole text before it (that would be quadratic in the document).
    let head = text.get(..t.start).unwrap_or("").trim_end();
    let head = head
        .char_indices()
        .rev()
        .nth(15)
        .map_or(head, |(i, _)| &head[i..])
        .to_lowercase();
    let next = text
        .get(t.end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    head.ends_with("according to")
        || next.is_some_and(|w| SPEAKERS.contains(&w.as_str()))
        || attributions.iter().any(|a| {
            let span = a.source.span.map(|s| (s.start, s.end));
            let cue = (a.cue.start, a.cue.end);
            [span, Some(cue)]
                .into_iter()
                .flatten()
                .any(|(s, e)| t.start >= s && t.end <= e)
        })
}

/// Why a sentence makes no claim, if it makes none: a headline, a
/// question, a hypothetical, a remark about what was not said. The `last`
/// sentence of a text is never a headline: a snippet or a cut copy may end
/// without its full stop.
fn skip_reason(sent: &str, last: bool) -> Option<&'static str> {
    if is_headline(sent) && (!last || crate::not_claim::is_title_case(sent)) {
        Some("headline")
    } else if is_question(sent) {
        Some("question")
    } else if is_hypothetical(sent) {
        Some("hypothetical")
    } else if is_non_statement(sent) {
        Some("remark about what was not said")
    } else {
        None
    }
}

/// The cues a claim lists: those firmness used and the governing
/// attribution's, in text order.
fn cue_list<'a>(mut hits: Vec<&'a CueHit>, attr: Option<&'a Attribution>) -> Vec<&'a CueHit> {
    if let Some(a) = attr
        && !hits.iter().any(|c| c.start == a.cue.start)
    {
        hits.push(&a.cue);
    }
    hits.sort_by_key(|c| c.start);
    hits.dedup_by_key(|c| c.start);
    hits
}

/// "North Korean troops are in Kursk": the personnel noun that heads a
/// name still tells of a deployment (a weak trigger, beaten by any verb).
fn troops_head(t: &TriggerHit, m: &Cand) -> bool {
    t.trigger.claim_type == ClaimType::Deployment && !t.trigger.strong && t.end == m.end
}

/// The cues that can hedge a claim. In a source's statement ("X warned
/// the strike could ignite a war") the claim is the speech act: a modal in
/// what was said hedges its content, not the act, so only cues before the
/// speech verb count (guidelines: a hedge counts only for the claim it
/// governs).
/// The cues that bear on the claim's firmness: not a hedge word that is
/// part of who speaks ("according to several media reports"), nor one in a
/// trailing ", with …" phrase about something else ("…, with 12,000 more
/// expected to follow", "…, with the alleged aim of").
fn governed_cues<'a>(
    sc: &Scope,
    unit: &Unit,
    attr: Option<&Attribution>,
    cues: &[&'a CueHit],
) -> Vec<&'a CueHit> {
    let source = attr.and_then(|a| a.source.span);
    let trigger_end = unit.trigger.as_ref().map_or(unit.start, |t| t.end);
    let with_at = sc
        .text
        .get(trigger_end..unit.end)
        .and_then(|t| t.find(", with "))
        .map(|i| trigger_end + i);
    cues.iter()
        .copied()
        .filter(|c| !hedging(c) || !source.is_some_and(|s| c.start < s.end && s.start < c.end))
        .filter(|c| !hedging(c) || with_at.is_none_or(|w| c.start < w))
        .collect()
}

fn hedging(c: &CueHit) -> bool {
    matches!(c.cue.kind, CueKind::Hedge | CueKind::Passive)
}

fn statement_scope<'a>(
    cues: &[&'a CueHit],
    attr: Option<&Attribution>,
    kind: &step::kind::Kind,
    source: claimtrace_model::SourceKind,
) -> Vec<&'a CueHit> {
    let speech_verb = attr.filter(|a| a.cue.cue.role == crate::cue::CueRole::Verb);
    match speech_verb {
        Some(a)
            if kind.claim_type == ClaimType::StatementOrAcknowledgement
                && source != claimtrace_model::SourceKind::Author =>
        {
            cues.iter()
                .copied()
                .filter(|c| c.cue.kind != CueKind::Hedge || c.start < a.cue.start && !a.trailing)
                .collect()
        }
        _ => cues.to_vec(),
    }
}
