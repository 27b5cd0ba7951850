//! The extractor: one document in, its sentences and claim records out.

use claimtrace_geo::Gazetteer;
use claimtrace_measure::{WeaponLexicon, WeaponMatch};
use claimtrace_model::{
    Claim, ClaimType, Document, Plover, Quantity, Sentence, Source, SourceKind, Span,
};

use crate::actor_kb::ActorKb;
use crate::attribution::{self};
use crate::clause;
use crate::context::DocContext;
use crate::cue::{CueHit, CueKind, CueLexicon};
use crate::facts::DocFacts;
use crate::firmness::firmness;
use crate::mention::{self, Cand};
use crate::not_claim::{is_headline, is_hypothetical, is_non_statement, is_question};
use crate::roles;
use crate::source_noun::SourceNouns;
use crate::trigger::{TriggerHit, TriggerLexicon};
use crate::type_rules::{anaphoric, back_reference, best_trigger, is_event_type};

/// The claims and sentences of one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The document's sentences; they tile its text.
    pub sentences: Vec<Sentence>,
    /// Claim records in text order.
    pub claims: Vec<Claim>,
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
}

pub(crate) fn within(span: Option<Span>, from: usize, to: usize) -> bool {
    span.is_some_and(|s| s.start >= from && s.end <= to)
}

impl Extractor {
    /// Extract the sentences and claims of `doc`. Never fails: a document
    /// with no claims gives an empty list.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let sentences = claimtrace_segment::sentences(text);
        let facts = self.doc_facts(doc);
        let mut ctx = DocContext {
            outlet: doc.outlet.clone(),
            ..Default::default()
        };
        let mut claims = Vec::new();
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
            let place_spans: Vec<Span> = here.places.iter().map(|p| p.span).collect();
            self.sentence(doc, s, &here, &place_spans, &mut ctx, &mut claims);
        }
        crate::quote_carry::carry(text, &sentences, &mut claims);
        Extraction { sentences, claims }
    }

    fn sentence(
        &self,
        doc: &Document,
        s: &Sentence,
        facts: &DocFacts,
        place_spans: &[Span],
        ctx: &mut DocContext,
        claims: &mut Vec<Claim>,
    ) {
        let text = doc.text.as_str();
        let (from, to) = (s.trimmed.start, s.trimmed.end);
        let Some(sent) = text.get(from..to) else {
            return;
        };
        if sent.trim().is_empty() {
            return;
        }
        let places_here: Vec<Span> = place_spans
            .iter()
            .copied()
            .filter(|p| p.start >= from && p.end <= to)
            .collect();
        let mentions = mention::find(&self.kb, &self.nouns, text, from, to, ctx, &places_here);
        let skip = if is_headline(sent) {
            Some("headline")
        } else if is_question(sent) {
            Some("question")
        } else if is_hypothetical(sent) {
            Some("hypothetical")
        } else if is_non_statement(sent) {
            Some("remark about what was not said")
        } else {
            None
        };
        if skip.is_some() {
            ctx.note_mentions(&mentions);
            return;
        }
        let cues = self.cues.find(text, from, to);
        let attributions = attribution::find(text, from, to, &cues, &mentions);
        let all_triggers = self.sentence_triggers(text, from, to, &mentions, &cues);
        // " and killed 12": a second event verb opens a clause of its own.
        let extra: Vec<usize> = all_triggers
            .iter()
            .filter(|t| t.trigger.strong && text[t.start..t.end].ends_with("ed"))
            .filter_map(|t| {
                text.get(..t.start)
                    .filter(|h| h.ends_with(" and "))
                    .map(|_| t.start - 4)
            })
            .collect();
        let clauses = clause::clauses(text, from, to, &extra);

        // Quotation carried from an earlier sentence.
        let (opens, closes) = attribution::quote_balance(sent);
        let carried_quote = if attributions.is_empty() && sent.trim_start().starts_with('“') {
            ctx.open_quote.clone()
        } else {
            None
        };
        let continuing_quote = if attributions.is_empty() && !opens {
            ctx.open_quote.clone()
        } else if attributions.is_empty() && sent.trim_start().starts_with('“') {
            ctx.last_quote_source.clone()
        } else {
            None
        };

        // One claim per clause that has a trigger; trigger-less clauses
        // join the clause before them.
        let mut units: Vec<(usize, usize, Option<TriggerHit>)> = Vec::new();
        for &(cs, ce) in &clauses {
            let best = best_trigger(
                text,
                all_triggers.iter().filter(|t| t.start >= cs && t.end <= ce),
            );
            match (best, units.last_mut()) {
                (None, Some(last)) => last.1 = ce,
                (b, _) => units.push((cs, ce, b.cloned())),
            }
        }
        // A leading clause with no trigger joins the next one.
        let mut merged: Vec<(usize, usize, Option<TriggerHit>)> = Vec::new();
        for u in units {
            if let Some(last) = merged.last_mut()
                && last.2.is_none()
            {
                last.1 = u.1;
                if last.2.is_none() {
                    last.2 = u.2;
                }
                continue;
            }
            merged.push(u);
        }

        let mut k = 0;
        let mut sentence_source: Option<Source> = None;
        for (cs, ce, trig) in merged.iter() {
            let scope_cues: Vec<&CueHit> = cues
                .iter()
                .filter(|c| c.start >= *cs && c.end <= *ce)
                .collect();
            // The attribution that governs this clause: one in it, else one
            // before it in the sentence, else a trailing one after it.
            let attr = attributions
                .iter()
                .filter(|a| a.cue.start >= *cs && a.cue.end <= *ce)
                .min_by_key(|a| a.cue.start)
                .or_else(|| {
                    attributions
                        .iter()
                        .filter(|a| a.cue.end <= *cs)
                        .min_by_key(|a| a.cue.start)
                })
                .or_else(|| {
                    attributions
                        .iter()
                        .filter(|a| a.cue.start >= *ce && a.trailing)
                        .min_by_key(|a| a.cue.start)
                });
            let opinion_cue = scope_cues.iter().any(|c| c.cue.kind == CueKind::Opinion);
            let evaluation = attr.is_some_and(|a| a.cue.cue.kind == CueKind::Evaluation);
            let trig = trig.clone();
            let source_known =
                attr.is_some() || carried_quote.is_some() || continuing_quote.is_some();
            let hedge_cue = scope_cues
                .iter()
                .any(|c| c.cue.kind == CueKind::Hedge && !text[c.start..c.end].contains("verif"));
            if trig.is_none()
                && !(opinion_cue
                    || hedge_cue
                    || source_known && (evaluation || !scope_cues.is_empty()))
            {
                continue;
            }
            let mut why = Vec::new();
            let (claim_type, plover_event, mode, mut contexts) = match &trig {
                Some(t)
                    if evaluation
                        && t.trigger.claim_type != ClaimType::StatementOrAcknowledgement
                        && attr.is_some_and(|a| a.cue.start < t.start) =>
                {
                    why.push(format!(
                        "type statement_or_acknowledgement: '{}' reports the source's evaluation (guidelines: a source's evaluation is a statement); the event word '{}' is its content",
                        &text[attr.map_or(0, |a| a.cue.start)..attr.map_or(0, |a| a.cue.end)],
                        &text[t.start..t.end]
                    ));
                    (
                        ClaimType::StatementOrAcknowledgement,
                        claimtrace_model::PloverEvent::Accuse,
                        None,
                        vec!["diplomatic".to_string()],
                    )
                }
                Some(t) => {
                    let strength = if t.trigger.strong { "strong" } else { "weak" };
                    let lic = t
                        .licensed_by
                        .as_ref()
                        .map(|w| format!(", licensed by '{w}' later in the clause"))
                        .unwrap_or_default();
                    why.push(format!(
                        "type {}: trigger '{}' (triggers.tsv line {}, pattern '{}', {strength}{lic})",
                        t.trigger.claim_type,
                        &text[t.start..t.end],
                        t.trigger.line,
                        t.trigger.phrase
                    ));
                    (
                        t.trigger.claim_type,
                        t.trigger.plover,
                        t.trigger.mode.clone(),
                        t.trigger.contexts.clone(),
                    )
                }
                None if evaluation => {
                    why.push("type statement_or_acknowledgement: a source's evaluation with no event trigger".to_string());
                    (
                        ClaimType::StatementOrAcknowledgement,
                        claimtrace_model::PloverEvent::Accuse,
                        None,
                        vec!["diplomatic".to_string()],
                    )
                }
                None => match back_reference(&text[*cs..*ce]).zip(ctx.last_event) {
                    Some((word, (t, plover))) => {
                        why.push(format!(
                            "type {t}: no event trigger; '{word}' refers back to the {t} told earlier in the document"
                        ));
                        (t, plover, None, vec!["military".to_string()])
                    }
                    None => {
                        why.push("type other: no event trigger; kept as a claim because it carries an attribution, hedge or opinion cue".to_string());
                        (
                            ClaimType::Other,
                            ClaimType::Other.default_plover(),
                            None,
                            Vec::new(),
                        )
                    }
                },
            };
            if trig.is_some() && is_event_type(claim_type) {
                ctx.last_event = Some((claim_type, plover_event));
            }

            // Source.
            let mut source = match (attr, &carried_quote, &continuing_quote) {
                (Some(a), _, _) => {
                    why.push(a.why.clone());
                    a.source.clone()
                }
                (None, Some(q), _) | (None, None, Some(q)) => {
                    why.push(format!(
                        "source: {} — the quotation opened earlier continues in this sentence",
                        q.name
                    ));
                    q.clone()
                }
                (None, None, None) => {
                    why.push(match &doc.author {
                        Some(a) => format!("source: no attribution in the sentence; the article itself ({a}) asserts it"),
                        None => "source: no attribution in the sentence; the article itself asserts it".to_string(),
                    });
                    Source::author(doc.author.as_deref().or(doc.outlet.as_deref()))
                }
            };
            if source.kind == SourceKind::Author
                && let Some(o) = &doc.outlet
                && doc.author.is_none()
            {
                source.name = o.clone();
            }

            // Firmness.
            let (epistemic, cue_hits, aux) =
                firmness(text, &scope_cues, attr, source.kind, &mut why);
            let mut cue_list: Vec<&CueHit> = cue_hits;
            if let Some(a) = attr
                && !cue_list.iter().any(|c| c.start == a.cue.start)
            {
                cue_list.push(&a.cue);
            }
            cue_list.sort_by_key(|c| c.start);
            cue_list.dedup_by_key(|c| c.start);

            // Actor and target.
            let mut exclude: Vec<(usize, usize)> =
                mentions.iter().filter_map(|m| m.role_span).collect();
            if let Some(a) = attr
                && let Some(m) = &a.mention
                && (a.cue.cue.role == crate::cue::CueRole::Prep || a.trailing)
            {
                exclude.push((m.start, m.end));
            }
            let roles = match &trig {
                Some(t) => {
                    let src = attr
                        .and_then(|a| a.mention.as_ref())
                        .map(|m| (m.start, m.end));
                    let own_act = attr.is_some_and(|a| {
                        let cue = text[a.cue.start..a.cue.end].to_lowercase();
                        a.cue.cue.kind == CueKind::Denial
                            || [
                                "acknowledg",
                                "admit",
                                "claimed responsibility",
                                "confirm",
                                "announc",
                            ]
                            .iter()
                            .any(|p| cue.starts_with(p))
                    });
                    roles::find(text, *cs, *ce, t, &mentions, &exclude, src, own_act)
                }
                None => roles::Roles {
                    actor: None,
                    target: None,
                    why: Vec::new(),
                },
            };
            let mut actor = roles.actor;
            let mut target = roles.target;
            why.extend(roles.why);
            // A relative clause or apposition (", which has…", "—a group
            // affiliated with…") is about the name right before it.
            let head = text.get(*cs..*ce).unwrap_or("");
            let relative = [", which ", ", who ", "—", " — ", " – "]
                .iter()
                .any(|m| head.starts_with(m));
            if relative
                && let Some(t) = &trig
                && !text
                    .get(*cs..t.start)
                    .unwrap_or("")
                    .split_whitespace()
                    .any(|w| matches!(w, "was" | "were" | "been" | "being"))
                && let Some(a) = mentions
                    .iter()
                    .filter(|m| {
                        !m.adjective && m.end <= *cs && m.found != mention::Found::SourceNoun
                    })
                    .max_by_key(|m| m.end)
            {
                why.push(format!(
                    "actor: '{}' is the antecedent of the relative clause or apposition",
                    a.text
                ));
                if target.as_ref().is_some_and(|t| t.span == Some(a.span())) {
                    target = None;
                }
                actor = Some(a.to_mention());
            }
            if target.is_none()
                && matches!(claim_type, ClaimType::Attack)
                && let Some(t) = &trig
                && let Some(p) = facts.places.iter().find(|p| {
                    p.span.start >= t.end
                        && p.span.end <= *ce
                        && text
                            .get(t.end..p.span.start)
                            .is_some_and(|g| g.trim().is_empty() || g.trim() == "the")
                })
            {
                why.push(format!(
                    "target: the place '{}' is the object of '{}'",
                    p.place.text,
                    &text[t.start..t.end]
                ));
                target = Some(claimtrace_model::Mention {
                    text: p.place.text.clone(),
                    name: p.place.name.clone(),
                    id: p.place.geonameid.map(|g| format!("geonames:{g}")),
                    kind: claimtrace_model::ActorKind::Location,
                    span: Some(p.span),
                    guessed: false,
                    role: None,
                });
            }
            if let Some(t) = &trig
                && actor.is_none()
                && target.is_none()
                && let Some(prev) = claims.iter().rev().take(4).find(|c| {
                    c.claim_type == claim_type && c.doc == doc.id && c.sentence_index + 3 >= s.index
                })
                && anaphoric(text, *cs, t.start, t.end)
            {
                actor = prev.actor.clone().map(|mut m| {
                    m.span = None;
                    m
                });
                target = prev.target.clone().map(|mut m| {
                    m.span = None;
                    m
                });
                why.push(format!(
                    "actor and target carried from claim {} ('{}' refers back to the same {})",
                    prev.id,
                    &text[t.start..t.end],
                    claim_type
                ));
            }
            if actor.is_none()
                && claim_type == ClaimType::StatementOrAcknowledgement
                && source.kind != SourceKind::Author
            {
                actor = attr.and_then(|a| a.mention.as_ref()).map(Cand::to_mention);
                if actor.is_some() {
                    why.push(format!(
                        "actor: the speaker {} (a statement's actor is its speaker)",
                        source.name
                    ));
                }
            }

            // Date, place, quantities, weapons.
            let date = self.date_for(text, facts, ctx, (*cs, *ce), (from, to), s.index, &mut why);
            let place = self.place_for(
                text, facts, ctx, *cs, *ce, from, to, &mentions, s.index, &mut why,
            );
            let mut quantities: Vec<Quantity> = facts
                .quantities
                .iter()
                .filter(|q| within(q.span, *cs, *ce))
                .cloned()
                .collect();
            for q in quantities.iter_mut() {
                // "over 300 unmanned aerial vehicles": the counted thing is the weapon.
                if let Some(qs) = q.span
                    && let Some(w) = facts
                        .weapons
                        .iter()
                        .find(|w| w.span.start >= qs.end && w.span.start <= qs.end + 2)
                {
                    q.unit = Some(w.canonical.clone());
                }
            }
            for q in &quantities {
                why.push(format!(
                    "quantity '{}': value {}, qualifier {}, unit {}",
                    q.text,
                    q.value.map_or("none".to_string(), |v| v.to_string()),
                    q.qualifier.as_deref().unwrap_or("none"),
                    q.unit.as_deref().unwrap_or("none")
                ));
            }
            let mut weapons: Vec<String> = Vec::new();
            let mut weapon_spans: Vec<Span> = Vec::new();
            let wscope: Vec<&WeaponMatch> = {
                let inside: Vec<&WeaponMatch> = facts
                    .weapons
                    .iter()
                    .filter(|w| within(Some(w.span), *cs, *ce))
                    .collect();
                if inside.is_empty() && merged.len() == 1 {
                    facts
                        .weapons
                        .iter()
                        .filter(|w| within(Some(w.span), from, to))
                        .collect()
                } else {
                    inside
                }
            };
            for w in wscope {
                if !weapons.contains(&w.canonical) {
                    weapons.push(w.canonical.clone());
                    weapon_spans.push(w.span);
                    why.push(format!(
                        "weapon '{}' → {} ({}, weapons lexicon)",
                        w.text, w.canonical, w.category
                    ));
                }
            }
            let mut mode = mode;
            if plover_event == claimtrace_model::PloverEvent::Assault
                && mode.is_none()
                && facts.weapons.iter().any(|w| {
                    within(Some(w.span), from, to)
                        && matches!(w.category.as_str(), "uav" | "loitering_munition")
                })
            {
                mode = Some("drone".to_string());
                why.push("plover mode drone: a drone is named in the sentence".to_string());
            }
            if claim_type == ClaimType::ArmsTransfer && !contexts.iter().any(|c| c == "trafficking")
            {
                contexts.push("trafficking".into());
            }
            if mentions
                .iter()
                .any(|m| m.kind == claimtrace_model::ActorKind::ArmedGroup)
                && text[from..to].to_lowercase().contains("terror")
            {
                contexts.push("terrorism".into());
            }
            why.push(format!(
                "plover {}{}: from the claim type and trigger{}",
                plover_event,
                mode.as_ref()
                    .map(|m| format!(" mode {m}"))
                    .unwrap_or_default(),
                aux.map(|a| format!("; auxiliary mode {a}"))
                    .unwrap_or_default()
            ));

            let claim = Claim {
                id: Claim::make_id(&doc.hash, s.index, k),
                doc: doc.id.clone(),
                sentence: sent.to_string(),
                span: s.trimmed,
                sentence_index: s.index,
                claim_type,
                plover: Plover {
                    event: plover_event,
                    mode,
                    context: contexts,
                    aux: aux.map(str::to_string),
                },
                actor,
                target,
                source: source.clone(),
                epistemic,
                cues: cue_list
                    .iter()
                    .map(|c| text[c.start..c.end].to_string())
                    .collect(),
                cue_spans: cue_list.iter().map(|c| Span::new(c.start, c.end)).collect(),
                date,
                place,
                quantities,
                weapons,
                weapon_spans,
                why,
            };
            sentence_source = Some(source);
            claims.push(claim);
            k += 1;
        }
        // Quotation state for the next sentence.
        ctx.last_quote_source = if opens && closes {
            attributions.first().map(|a| a.source.clone())
        } else {
            None
        };
        if opens && !closes {
            ctx.open_quote =
                sentence_source.or_else(|| attributions.first().map(|a| a.source.clone()));
        } else if closes {
            ctx.open_quote = None;
        }
        ctx.note_mentions(&mentions);
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
