//! The corroborator: documents and claims in, events out, incrementally.

use std::collections::{BTreeMap, HashMap};

use claimtrace_model::{Claim, Document, Epistemic, Event, OutletCounts, OutletProfile};

use crate::config::CorroboratorConfig;
use crate::copy_groups::{CopyIndex, CopyOutcome};
use crate::event::{DocMeta, build_event};
use crate::event_index::EventIndex;
use crate::features::{ClaimFeatures, FeatureBuilder, Vocab, day_number};

/// Where one claim went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub claim: String,
    /// Index of the event in this corroborator (see [`Corroborator::event`]).
    pub event: u32,
    /// The claim opened the event.
    pub opened: bool,
    /// The join score (`None` for an opened event).
    pub score: Option<f64>,
}

/// Groups claims into events across documents; built by
/// [`CorroboratorConfig::build`]. Claims are assigned greedily in the order
/// they arrive, so adding documents one call at a time gives the same events
/// as adding them all in one call.
pub struct Corroborator {
    cfg: CorroboratorConfig,
    builder: FeatureBuilder,
    vocab: Vocab,
    copies: CopyIndex,
    docs: Vec<DocMeta>,
    doc_index: HashMap<String, u32>,
    claims: Vec<ClaimFeatures>,
    claim_index: HashMap<Box<str>, u32>,
    claim_event: Vec<u32>,
    index: EventIndex,
    outlets: BTreeMap<String, OutletCounts>,
}

/// The outlet name profiles use when a document has none.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

impl Corroborator {
    pub(crate) fn new(cfg: CorroboratorConfig) -> Self {
        Corroborator {
            copies: CopyIndex::new(&cfg),
            cfg,
            builder: FeatureBuilder::default(),
            vocab: Vocab::default(),
            docs: Vec::new(),
            doc_index: HashMap::new(),
            claims: Vec::new(),
            claim_index: HashMap::new(),
            claim_event: Vec::new(),
            index: EventIndex::default(),
            outlets: BTreeMap::new(),
        }
    }

    pub fn config(&self) -> &CorroboratorConfig {
        &self.cfg
    }

    /// Copy detection against every document added so far, then event
    /// assignment of `claims` (the document's claims in order). Opinion
    /// claims are counted in outlet profiles but join no event.
    pub fn add_document(
        &mut self,
        doc: &Document,
        claims: &[Claim],
    ) -> (CopyOutcome, Vec<Assignment>) {
        let copy = self.copies.add(
            &doc.id,
            doc.published.as_deref(),
            doc.outlet.as_deref(),
            &doc.text,
        );
        let known = self.doc_index.contains_key(&doc.id);
        self.register_document(DocMeta {
            id: doc.id.clone(),
            outlet: doc.outlet.clone(),
            published: doc.published.clone(),
            copy_group: copy.group.clone(),
            group_outlet: copy.group_outlet.clone(),
        });
        for other in &copy.regrouped {
            if let Some(&i) = self.doc_index.get(other) {
                self.docs[i as usize].copy_group = copy.group.clone();
                self.docs[i as usize].group_outlet = copy.group_outlet.clone();
            }
        }
        if known {
            return (copy, Vec::new());
        }
        let tally = self
            .outlets
            .entry(doc.outlet.clone().unwrap_or_else(|| UNKNOWN_OUTLET.into()))
            .or_default();
        tally.documents += 1;
        let assigned = self.add_claims(claims);
        (copy, assigned)
    }

    /// Makes a document known with a copy group decided elsewhere (the
    /// store's), or updates its group; returns its index.
    pub fn register_document(&mut self, meta: DocMeta) -> u32 {
        if let Some(&i) = self.doc_index.get(&meta.id) {
            self.docs[i as usize] = meta;
            return i;
        }
        let i = self.docs.len() as u32;
        self.doc_index.insert(meta.id.clone(), i);
        self.docs.push(meta);
        i
    }

    fn features(&mut self, claim: &Claim) -> Option<ClaimFeatures> {
        let doc = *self.doc_index.get(&claim.doc)?;
        let published = self.docs[doc as usize]
            .published
            .as_deref()
            .and_then(day_number);
        Some(self.builder.build(
            &mut self.vocab,
            claim,
            doc,
            published,
            self.cfg.undated_lookback_days,
        ))
    }

    /// Restores a stored event: `members` in joining order, documents
    /// registered first. Returns the event index, `None` when no member
    /// could be placed (unknown document, or already present).
    pub fn seed_event(&mut self, members: &[Claim]) -> Option<u32> {
        let mut event: Option<u32> = None;
        for claim in members {
            if self.claim_index.contains_key(claim.id.as_str()) {
                continue;
            }
            let Some(f) = self.features(claim) else {
                continue;
            };
            let idx = self.claims.len() as u32;
            let e = match event {
                Some(e) => {
                    self.index.attach(e, idx, &f);
                    e
                }
                None => {
                    let e = self.index.open(idx, &f);
                    event = Some(e);
                    e
                }
            };
            self.claim_index.insert(f.claim.clone(), idx);
            self.claims.push(f);
            self.claim_event.push(e);
        }
        event
    }

    /// Assigns claims (their documents registered first) to events in order.
    /// Claims already present, of unknown documents, or opinions are skipped
    /// (opinions still count in outlet profiles).
    pub fn add_claims(&mut self, claims: &[Claim]) -> Vec<Assignment> {
        let mut out = Vec::with_capacity(claims.len());
        for claim in claims {
            if self.claim_index.contains_key(claim.id.as_str()) {
                continue;
            }
            let Some(&d) = self.doc_index.get(&claim.doc) else {
                continue;
            };
            let outlet = self.docs[d as usize]
                .outlet
                .clone()
                .unwrap_or_else(|| UNKNOWN_OUTLET.into());
            let tally = self.outlets.entry(outlet).or_default();
            tally.claims += 1;
            *tally.by_source_kind.entry(claim.source.kind).or_default() += 1;
            *tally.by_epistemic.entry(claim.epistemic).or_default() += 1;
            if claim.epistemic == Epistemic::Opinion {
                continue;
            }
            let Some(f) = self.features(claim) else {
                continue;
            };
            let idx = self.claims.len() as u32;
            let (event, opened, score) = match self.index.best(&f, &self.claims, &self.cfg) {
                Some((e, s)) => {
                    self.index.attach(e, idx, &f);
                    (e, false, Some(s))
                }
                None => (self.index.open(idx, &f), true, None),
            };
            self.claim_index.insert(f.claim.clone(), idx);
            self.claims.push(f);
            self.claim_event.push(event);
            out.push(Assignment {
                claim: claim.id.clone(),
                event,
                opened,
                score,
            });
        }
        out
    }

    pub fn event_count(&self) -> usize {
        self.index.events.len()
    }

    /// The event at `index`, built from its members.
    pub fn event(&self, index: u32) -> Option<Event> {
        let ev = self.index.events.get(index as usize)?;
        let members: Vec<(&ClaimFeatures, &DocMeta)> = ev
            .members
            .iter()
            .filter_map(|m| {
                let c = self.claims.get(*m as usize)?;
                Some((c, self.docs.get(c.doc as usize)?))
            })
            .collect();
        build_event(&members, &self.vocab)
    }

    /// Every event, in opening order.
    pub fn events(&self) -> Vec<Event> {
        (0..self.index.events.len() as u32)
            .filter_map(|e| self.event(e))
            .collect()
    }

    /// The blocking window of event `index` in day numbers (what the store
    /// persists to find candidate events for later batches).
    pub fn event_window(&self, index: u32) -> Option<(i32, i32)> {
        self.index.events.get(index as usize)?.window()
    }

    /// The event index a claim was put in.
    pub fn event_of(&self, claim: &str) -> Option<u32> {
        let i = *self.claim_index.get(claim)?;
        self.claim_event.get(i as usize).copied()
    }

    /// Copy groups of more than one document (only documents added with
    /// [`Corroborator::add_document`]).
    pub fn copy_groups(&self) -> Vec<Vec<String>> {
        self.copies.groups()
    }

    /// Outlet profiles over the claims added with [`Corroborator::add_document`].
    pub fn outlet_profiles(&self) -> Vec<OutletProfile> {
        let mut flags: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for ev in self.events() {
            for c in &ev.claims {
                let outlet = self
                    .doc_index
                    .get(&c.doc)
                    .and_then(|d| self.docs[*d as usize].outlet.clone())
                    .unwrap_or_else(|| UNKNOWN_OUTLET.into());
                let f = flags.entry(outlet).or_default();
                f.0 += 1;
                f.1 += usize::from(c.corroborated);
                f.2 += usize::from(c.contradicted);
            }
        }
        self.outlets
            .iter()
            .map(|(outlet, t)| {
                let (in_events, corroborated, contradicted) =
                    flags.get(outlet).copied().unwrap_or_default();
                OutletProfile::from_counts(
                    outlet,
                    &OutletCounts {
                        in_events,
                        corroborated,
                        contradicted,
                        ..t.clone()
                    },
                )
            })
            .collect()
    }
}
