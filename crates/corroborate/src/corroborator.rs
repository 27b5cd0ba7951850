//! The corroborator: documents and claims in, events out, incrementally.

use std::collections::{BTreeMap, HashMap};

use claimtrace_model::{Claim, Document, Epistemic, Event, OutletCounts, OutletProfile};

mod main_event;
mod stories;

use crate::config::CorroboratorConfig;
use crate::copy_groups::{CopyIndex, CopyOutcome};
use crate::event::{DocMeta, build_event};
use crate::event_index::{EventIndex, EventState, StoredState, query_keys};
use crate::features::{ClaimFeatures, FeatureBuilder, Vocab, day_number, document_frame};

/// Where one claim went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub claim: String,
    /// Index of the event in this corroborator (see [`Corroborator::event`]).
    pub event: u32,
    /// The claim opened the event.
    pub opened: bool,
    /// The join score (`None` for an opened event, or one joined through a
    /// back-reference).
    pub score: Option<f64>,
}

/// How a claim came into its event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Join {
    /// It opened the event.
    Opened,
    /// It scored best among the candidates, at or above `join_score`.
    Scored(f32),
    /// A denial of "the accusation": the event of the claim it answers.
    BackReference,
    /// It scored best on its report's story event (the story's evidence
    /// counted), at or above `join_score`.
    Story(f32),
    /// Restored with a stored event.
    Restored,
    /// It (and any claim of its report that joined it) opened an event no
    /// other report joined, and moved to its report's main event (the one
    /// most of the report's claims joined): same report, no other happening
    /// named (its dates fit, no "separately", no place far from a happening
    /// tied to one spot).
    MainEvent,
}

impl Join {
    pub fn describe(&self) -> String {
        match self {
            Join::Opened => "opened the event (no candidate scored enough)".into(),
            Join::Scored(s) => format!("joined on score {s:.2}"),
            Join::Story(s) => format!("joined its report's story event on score {s:.2}"),
            Join::BackReference => {
                "denies 'the accusation' of a claim just before it: joined that claim's event"
                    .into()
            }
            Join::Restored => "a stored member".into(),
            Join::MainEvent => "joined the report's main event: same report, no other happening named (no event scored enough on its own)".into(),
        }
    }
}

/// An event chosen for a claim, how it joined, and its score.
type Choice = (u32, Join, Option<f64>);

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
    /// Per claim, how it came into its event.
    joined: Vec<Join>,
    index: EventIndex,
    /// Members each event had when restored (their features are not here).
    restored: Vec<usize>,
    /// Per document, the sentence and event of its last asserting claim
    /// (what a back-referring denial answers).
    last_claim: HashMap<u32, (usize, u32)>,
    /// Per document, the first day its dated claims speak of.
    frames: HashMap<u32, Option<i32>>,
    /// Per document, the events its claims went to (candidates for its
    /// next claims, whatever the blocking keys).
    doc_events: HashMap<u32, Vec<u32>>,
    /// Per document, how it came into its story.
    doc_reasons: HashMap<u32, String>,
    outlets: BTreeMap<String, OutletCounts>,
}

/// The outlet name profiles use when a document has none.
pub const UNKNOWN_OUTLET: &str = claimtrace_store::UNKNOWN_OUTLET;

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
            joined: Vec::new(),
            index: EventIndex::default(),
            restored: Vec::new(),
            last_claim: HashMap::new(),
            frames: HashMap::new(),
            doc_events: HashMap::new(),
            doc_reasons: HashMap::new(),
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

    /// Notes the time frame of each document of `claims` (all of its claims
    /// come in one call), before any of them is matched.
    fn note_frames(&mut self, claims: &[Claim]) {
        let mut by_doc: HashMap<u32, Vec<&Claim>> = HashMap::new();
        for c in claims {
            if let Some(&d) = self.doc_index.get(&c.doc)
                && !self.frames.contains_key(&d)
            {
                by_doc.entry(d).or_default().push(c);
            }
        }
        for (d, cs) in by_doc {
            let published = self.docs[d as usize]
                .published
                .as_deref()
                .and_then(day_number);
            self.frames.insert(d, document_frame(&cs, published));
        }
    }

    fn features(&mut self, claim: &Claim) -> Option<ClaimFeatures> {
        let doc = *self.doc_index.get(&claim.doc)?;
        let published = self.docs[doc as usize]
            .published
            .as_deref()
            .and_then(day_number);
        let frame = self.frames.get(&doc).copied().flatten();
        let cfg = &self.cfg;
        Some(self.builder.build(
            &mut self.vocab,
            claim,
            doc,
            published,
            &|f| cfg.lookback(f),
            frame,
        ))
    }

    fn open(&mut self, idx: u32, f: &ClaimFeatures) -> u32 {
        let e = self.index.open(idx, f, &self.cfg);
        self.restored.push(0);
        e
    }

    /// Restores a stored event: `members` in joining order, documents
    /// registered first. Returns the event index, `None` when no member
    /// could be placed (unknown document, or already present).
    pub fn seed_event(&mut self, members: &[Claim]) -> Option<u32> {
        self.note_frames(members);
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
                    self.index.attach(e, idx, &f, &self.cfg);
                    e
                }
                None => {
                    let e = self.open(idx, &f);
                    event = Some(e);
                    e
                }
            };
            self.claim_index.insert(f.claim.clone(), idx);
            self.claims.push(f);
            self.claim_event.push(e);
            self.joined.push(Join::Restored);
        }
        event
    }

    /// Assigns claims (their documents registered first) to events in order.
    /// Claims already present, of unknown documents, or opinions are skipped
    /// (opinions still count in outlet profiles).
    pub fn add_claims(&mut self, claims: &[Claim]) -> Vec<Assignment> {
        self.note_frames(claims);
        let mut out = Vec::with_capacity(claims.len());
        // A document's claims come together: its story is found first.
        let mut start = 0;
        while start < claims.len() {
            let doc = &claims[start].doc;
            let len = claims[start..]
                .iter()
                .position(|c| &c.doc != doc)
                .unwrap_or(claims.len() - start);
            self.add_document_claims(&claims[start..start + len], &mut out);
            start += len;
        }
        out
    }

    /// Counts `claims` (of one document) in their outlet's profile and
    /// returns the features of those that take part in events.
    fn prepare(&mut self, claims: &[Claim]) -> Vec<ClaimFeatures> {
        let mut out: Vec<ClaimFeatures> = Vec::with_capacity(claims.len());
        for claim in claims {
            if self.claim_index.contains_key(claim.id.as_str())
                || out.iter().any(|f| *f.claim == *claim.id)
            {
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
            if let Some(f) = self.features(claim) {
                out.push(f);
            }
        }
        out
    }

    /// One document's claims: its story, then each claim in order, then the
    /// claims that joined no event moved into the report's main event (see
    /// [`Corroborator::absorb_singletons`]), then the document folded into
    /// the story of the event most of them joined.
    fn add_document_claims(&mut self, claims: &[Claim], out: &mut Vec<Assignment>) {
        let prepared = self.prepare(claims);
        let Some(doc) = prepared.first().map(|f| f.doc) else {
            return;
        };
        let found = self.find_story(&prepared);
        // A report with no earlier story is a story of its own: its first
        // claim's event takes the others with the story's evidence.
        let mut story = found.best.as_ref().map(|m| m.event);
        let first = out.len();
        for f in prepared {
            let choice = self.choose(&f, story);
            let a = self.place(f, choice);
            story = story.or(Some(a.event));
            out.push(a);
        }
        self.absorb_singletons(&mut out[first..]);
        let events: Vec<u32> = out[first..].iter().map(|a| a.event).collect();
        self.fold_story(doc, &events, found);
    }

    /// Where a claim goes: the event whose claim it answers, else the
    /// best-scoring candidate (`story`: its report's story event); `None`
    /// when no event takes it.
    fn choose(&mut self, f: &ClaimFeatures, story: Option<u32>) -> Option<Choice> {
        let answered = self
            .last_claim
            .get(&f.doc)
            .filter(|(sentence, _)| {
                f.refers_back
                    && f.sentence_index >= *sentence
                    && f.sentence_index - sentence <= self.cfg.back_reference_sentences
            })
            .map(|(_, e)| *e);
        if let Some(e) = answered {
            return Some((e, Join::BackReference, None));
        }
        let also = self.doc_events.get(&f.doc).map_or(&[][..], Vec::as_slice);
        match self.index.best(f, &self.cfg, also, story)? {
            (e, s) if Some(e) == story => Some((e, Join::Story(s as f32), Some(s))),
            (e, s) => Some((e, Join::Scored(s as f32), Some(s))),
        }
    }

    /// Puts one claim into the event `choice` names, or a new one.
    fn place(&mut self, f: ClaimFeatures, choice: Option<Choice>) -> Assignment {
        let idx = self.claims.len() as u32;
        let (event, opened, join, score) = match choice {
            Some((e, join, score)) => {
                self.index.attach(e, idx, &f, &self.cfg);
                (e, false, join, score)
            }
            None => (self.open(idx, &f), true, Join::Opened, None),
        };
        self.joined.push(join);
        if f.epistemic != Epistemic::Denied {
            self.last_claim.insert(f.doc, (f.sentence_index, event));
        }
        let mine = self.doc_events.entry(f.doc).or_default();
        if !mine.contains(&event) {
            mine.push(event);
        }
        let claim = f.claim.to_string();
        self.claim_index.insert(f.claim.clone(), idx);
        self.claims.push(f);
        self.claim_event.push(event);
        Assignment {
            claim,
            event,
            opened,
            score,
        }
    }

    pub fn event_count(&self) -> usize {
        self.index.events.len()
    }

    /// The event at `index`, built from its members; `None` for an event
    /// restored from a stored state (its view is built from the stored
    /// members with [`Corroborator::build_view`]).
    pub fn event(&self, index: u32) -> Option<Event> {
        if self.restored.get(index as usize).copied().unwrap_or(0) > 0 {
            return None;
        }
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

    /// The blocking window of event `index` in day numbers.
    pub fn event_window(&self, index: u32) -> Option<(i32, i32)> {
        self.index.events.get(index as usize)?.window()
    }

    /// Restores an event from its stored matching state (written by
    /// [`Corroborator::event_state`]); returns its index. Restore candidate
    /// events in the order they were opened: ties go to the earlier one.
    pub fn restore_event(&mut self, state: &StoredState) -> Option<u32> {
        let st = EventState::from_stored(state, &mut self.vocab)?;
        let size = st.size;
        let e = self.index.restore(st);
        self.restored.push(size);
        Some(e)
    }

    /// The matching state of event `index` and its blocking keys as the
    /// store indexes them.
    pub fn event_state(&self, index: u32) -> Option<(StoredState, Vec<i64>)> {
        let ev = self.index.events.get(index as usize)?;
        let keys = ev.keys().iter().map(|k| k.stored(&self.vocab)).collect();
        Some((ev.to_stored(&self.vocab), keys))
    }

    /// Members of event `index` added in this process, in joining order.
    pub fn new_members(&self, index: u32) -> Vec<&str> {
        self.index
            .events
            .get(index as usize)
            .map(|ev| {
                ev.members
                    .iter()
                    .filter_map(|m| self.claims.get(*m as usize).map(|c| &*c.claim))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The stored blocking keys under which the candidates of `claims`
    /// (their documents registered first) are found: what to restore
    /// before [`Corroborator::add_claims`].
    pub fn lookup_keys(&mut self, claims: &[Claim]) -> Vec<i64> {
        self.note_frames(claims);
        let mut keys: Vec<i64> = Vec::new();
        let mut by_doc: Vec<(u32, Vec<ClaimFeatures>)> = Vec::new();
        for claim in claims {
            if claim.epistemic == Epistemic::Opinion {
                continue;
            }
            let Some(f) = self.features(claim) else {
                continue;
            };
            keys.extend(
                query_keys(&f, &self.cfg)
                    .iter()
                    .map(|k| k.stored(&self.vocab)),
            );
            match by_doc.last_mut() {
                Some((d, fs)) if *d == f.doc => fs.push(f),
                _ => by_doc.push((f.doc, vec![f])),
            }
        }
        // The stories each document could join.
        for (_, fs) in &by_doc {
            let refs: Vec<&ClaimFeatures> = fs.iter().collect();
            let profile = crate::story::document_profile(&refs, &mut self.vocab);
            let day = self.report_day(fs);
            keys.extend(
                self.story_query_keys(&profile, day)
                    .iter()
                    .map(|k| k.stored(&self.vocab)),
            );
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The event `members` (claims in joining order) form, their documents
    /// described by `docs`; `None` when no member's document is known.
    pub fn build_view(&self, members: &[Claim], docs: &HashMap<String, DocMeta>) -> Option<Event> {
        let mut vocab = Vocab::default();
        let mut metas: Vec<&DocMeta> = Vec::new();
        let mut doc_ids: HashMap<&str, u32> = HashMap::new();
        let mut features = Vec::with_capacity(members.len());
        for c in members {
            let Some(meta) = docs.get(&c.doc) else {
                continue;
            };
            let d = *doc_ids.entry(c.doc.as_str()).or_insert_with(|| {
                metas.push(meta);
                metas.len() as u32 - 1
            });
            let published = meta.published.as_deref().and_then(day_number);
            let cfg = &self.cfg;
            features.push(self.builder.build(
                &mut vocab,
                c,
                d,
                published,
                &|f| cfg.lookback(f),
                None,
            ));
        }
        let pairs: Vec<(&ClaimFeatures, &DocMeta)> = features
            .iter()
            .map(|f| (f, metas[f.doc as usize]))
            .collect();
        build_event(&pairs, &vocab)
    }

    /// How a claim added in this process came into its event, and its
    /// report into its story, for people.
    pub fn join_reason(&self, claim: &str) -> Option<String> {
        let i = *self.claim_index.get(claim)?;
        let mut why = self.joined.get(i as usize)?.describe();
        let doc = self.claims.get(i as usize)?.doc;
        if let Some(r) = self.doc_reasons.get(&doc) {
            why.push_str("; report ");
            why.push_str(r);
        }
        Some(why)
    }

    /// How each report after the first joined the story of event `index`
    /// (document id, reason), in joining order; empty when the event is no
    /// story's main event.
    pub fn story_joins(&self, index: u32) -> Vec<(String, String)> {
        self.index
            .events
            .get(index as usize)
            .and_then(|e| e.story.as_ref())
            .map(|s| s.joins.clone())
            .unwrap_or_default()
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
