//! Corroboration on a [`Store`], incrementally: each step takes the stored
//! documents still waiting (in the order they were stored), finds their
//! copies among the stored signatures by LSH band, restores only the events
//! their claims could join (by blocking key), assigns the claims, and writes
//! signatures, copy groups and the new and changed events back in one
//! transaction.
//!
//! Nothing else is read: a step costs what its documents and their
//! candidate events cost, not what the database holds. Because an event's
//! matching state is restored exactly ([`crate::event_index::StoredState`])
//! and candidates are restored in opening order, corroborating a corpus in
//! several steps or runs gives the same events as one step over all of it,
//! as long as the documents come in the same order.
//!
//! A step killed part-way writes nothing; its documents stay pending and the
//! next run does them. A step runs inside one write transaction
//! ([`Store::begin_write`]), so writers in other processes wait their turn
//! and each pending document is corroborated by exactly one of them.

use std::collections::{BTreeSet, HashMap};

use claimtrace_model::{Claim, Document, Epistemic};
use claimtrace_store::{
    ClaimQuery, CorroborationUpdate, DocSignature, EventRecord, Store, StoredEventState,
};

use crate::config::CorroboratorConfig;
use crate::copy_groups::{copy_resemblance, root_order};
use crate::corroborator::Corroborator;
use crate::error::{CorroborateError, Result};
use crate::event::DocMeta;
use crate::event_index::StoredState;
use crate::minhash::{MinHasher, Signature};

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RunReport {
    /// Documents corroborated.
    pub documents: usize,
    /// Claims assigned to events (opinions are not).
    pub claims: usize,
    pub events_opened: usize,
    /// Stored events that gained members or changed origins.
    pub events_updated: usize,
    /// Documents found to copy an earlier one.
    pub copies: usize,
    /// Stored events restored as candidates (what the steps read).
    pub candidates_restored: usize,
}

impl std::ops::AddAssign for RunReport {
    fn add_assign(&mut self, o: RunReport) {
        self.documents += o.documents;
        self.claims += o.claims;
        self.events_opened += o.events_opened;
        self.events_updated += o.events_updated;
        self.copies += o.copies;
        self.candidates_restored += o.candidates_restored;
    }
}

fn store_err(e: claimtrace_store::Error) -> CorroborateError {
    CorroborateError::Store(e.to_string())
}

/// Corroborates every pending document of `store`, `docs_per_step`
/// documents per transaction (at least 1).
pub fn run_pending(
    store: &mut dyn Store,
    cfg: &CorroboratorConfig,
    docs_per_step: usize,
) -> Result<RunReport> {
    cfg.build()?;
    let mut total = RunReport::default();
    loop {
        // Each step holds the write lock from choosing its documents to
        // writing their events, so concurrent writers (other ingest runs,
        // the server) never corroborate the same pending document twice.
        store.begin_write().map_err(store_err)?;
        let done = match locked_step(store, cfg, docs_per_step) {
            Ok(r) => store.end_write(true).map_err(store_err).map(|()| r),
            Err(e) => {
                let _ = store.end_write(false);
                Err(e)
            }
        }?;
        let (report, more) = done;
        total += report;
        if !more {
            return Ok(total);
        }
    }
}

/// One step on the pending documents chosen inside the write lock, and
/// whether more steps may follow.
fn locked_step(
    store: &mut dyn Store,
    cfg: &CorroboratorConfig,
    docs_per_step: usize,
) -> Result<(RunReport, bool)> {
    let ids = store
        .pending_corroboration(docs_per_step.max(1))
        .map_err(store_err)?;
    if !ids.is_empty() {
        return Ok((step(store, cfg, &ids)?, true));
    }
    // Events that lost members (a document deleted) are rebuilt even when
    // nothing new came in.
    if store.event_states(&[], &[]).map_err(store_err)?.is_empty() {
        return Ok((RunReport::default(), false));
    }
    Ok((step(store, cfg, &[])?, false))
}

/// A document of this step with its copy-group decision.
struct NewDoc {
    doc: Document,
    claims: Vec<Claim>,
    sig: Signature,
    bands: Vec<i64>,
}

/// Copy groups as this step changes them: renamed roots and what is known
/// of each root (publication date, outlet).
#[derive(Default)]
struct Groups {
    renamed: HashMap<String, String>,
    roots: HashMap<String, (Option<String>, Option<String>)>,
}

impl Groups {
    /// What corroboration knows of a document in copy group `group` (as
    /// stored before this step; renames applied).
    fn meta(
        &self,
        doc: &str,
        outlet: &Option<String>,
        published: &Option<String>,
        group: &str,
    ) -> DocMeta {
        let group = self.resolve(group);
        DocMeta {
            id: doc.to_string(),
            outlet: outlet.clone(),
            published: published.clone(),
            group_outlet: self.roots.get(&group).and_then(|r| r.1.clone()),
            copy_group: group,
        }
    }

    fn resolve(&self, g: &str) -> String {
        let mut g = g.to_string();
        // Renames never form a cycle (a root only moves to an earlier one),
        // but a bound keeps a corrupt database from looping.
        for _ in 0..64 {
            match self.renamed.get(&g) {
                Some(n) => g = n.clone(),
                None => break,
            }
        }
        g
    }
}

/// One corroboration step over the documents `ids` (already chosen under
/// the write lock): copy groups, candidate events, claim assignment, and the
/// write of everything that changed.
fn step(store: &mut dyn Store, cfg: &CorroboratorConfig, ids: &[String]) -> Result<RunReport> {
    let mut report = RunReport::default();
    let hasher = MinHasher::new(cfg.num_hashes, cfg.shingle_words, cfg.band_rows);
    let docs = load_docs(store, &hasher, ids)?;

    // 1. Copy groups, document by document in storing order.
    let grouping = group_copies(store, cfg, &docs, &mut report)?;
    // 2. Restore the candidate events, then assign the new claims.
    let mut corr = cfg.build()?;
    let mut metas = register_new_docs(&mut corr, &docs, &grouping);
    let all_claims: Vec<Claim> = docs.iter().flat_map(|d| d.claims.iter().cloned()).collect();
    let keys = corr.lookup_keys(&all_claims);
    let renamed: Vec<String> = grouping
        .regroup
        .iter()
        .map(|(old, _)| old.clone())
        .collect();
    let states = store.event_states(&keys, &renamed).map_err(store_err)?;
    report.candidates_restored = states.len();
    let stored_of = restore_candidates(store, &mut corr, &mut metas, &grouping.groups, &states)?;
    let assignments = corr.add_claims(&all_claims);
    report.claims = assignments.len();
    report.documents = docs.len();

    // 3. The events to write: new ones, ones that grew, rebuilt stale ones,
    // and stored ones whose members' copy groups moved (their origins change).
    let mut changed: BTreeSet<u32> = assignments.iter().map(|a| a.event).collect();
    for (e, (_, restored)) in &stored_of {
        if !*restored {
            changed.insert(*e);
        }
    }
    let out = Writeout {
        groups: &grouping.groups,
        renamed: &renamed,
        by_id: all_claims.iter().map(|c| (c.id.as_str(), c)).collect(),
        changed,
    };
    let mut update = CorroborationUpdate {
        signatures: signatures(&docs, &grouping.group_of),
        regroup: grouping.regroup,
        events: Vec::new(),
    };
    for e in 0..corr.event_count() as u32 {
        let stored = stored_of.get(&e).copied();
        let Some(record) = event_record(store, &mut corr, &mut metas, &out, e, stored)? else {
            continue;
        };
        match stored {
            Some(_) => report.events_updated += 1,
            None => report.events_opened += 1,
        }
        update.events.push(record);
    }
    store.put_corroboration(&update).map_err(store_err)?;
    Ok(report)
}

/// The stored documents `ids` (unknown ones left out) with their claims,
/// MinHash signatures and LSH band keys.
fn load_docs(store: &dyn Store, hasher: &MinHasher, ids: &[String]) -> Result<Vec<NewDoc>> {
    let mut docs: Vec<NewDoc> = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(stored) = store.document(id).map_err(store_err)? else {
            continue;
        };
        let claims = store
            .claims(&ClaimQuery {
                doc: Some(id.clone()),
                ..Default::default()
            })
            .map_err(store_err)?
            .items;
        let sig = hasher.signature(&stored.document.text);
        let bands = hasher.band_keys(&sig);
        docs.push(NewDoc {
            doc: stored.document,
            claims,
            sig,
            bands,
        });
    }
    Ok(docs)
}

/// The copy groups of a step: what it renames and the group of each of
/// its documents.
struct Grouping {
    groups: Groups,
    /// (old root, new root) for every group merged into an earlier one.
    regroup: Vec<(String, String)>,
    /// The copy group of each document of the step, renames applied.
    group_of: Vec<String>,
}

/// Put each document of the step into a copy group, in storing order: the
/// earliest root among the stored and earlier new documents it copies, or
/// a group of its own; groups it bridges are merged into that root.
fn group_copies(
    store: &dyn Store,
    cfg: &CorroboratorConfig,
    docs: &[NewDoc],
    report: &mut RunReport,
) -> Result<Grouping> {
    let mut groups = Groups::default();
    let mut regroup: Vec<(String, String)> = Vec::new();
    let mut group_of: Vec<String> = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let mut roots = stored_copy_roots(store, cfg, &mut groups, d)?;
        for (j, earlier) in docs[..i].iter().enumerate() {
            if earlier.bands.iter().any(|b| d.bands.contains(b))
                && copy_resemblance(cfg, &d.sig, &earlier.sig).is_some()
            {
                let root = groups.resolve(&group_of[j]);
                if !roots.contains(&root) {
                    roots.push(root);
                }
            }
        }
        let me = d.doc.id.clone();
        groups
            .roots
            .insert(me.clone(), (d.doc.published.clone(), d.doc.outlet.clone()));
        let order = |g: &String| {
            let published = groups.roots.get(g).and_then(|r| r.0.clone());
            root_order(published.as_deref(), g)
        };
        if !roots.is_empty() {
            report.copies += 1;
        }
        let new_root = roots
            .iter()
            .chain(std::iter::once(&me))
            .min_by_key(|g| order(g))
            .cloned()
            .unwrap_or_else(|| me.clone());
        for r in roots {
            if r != new_root {
                groups.renamed.insert(r.clone(), new_root.clone());
                regroup.push((r, new_root.clone()));
            }
        }
        group_of.push(new_root);
    }
    let group_of: Vec<String> = group_of.iter().map(|g| groups.resolve(g)).collect();
    Ok(Grouping {
        groups,
        regroup,
        group_of,
    })
}

/// The roots of the stored copy groups `d` copies (by shared LSH band and
/// resemblance), each once; what is known of each root is noted in `groups`.
fn stored_copy_roots(
    store: &dyn Store,
    cfg: &CorroboratorConfig,
    groups: &mut Groups,
    d: &NewDoc,
) -> Result<Vec<String>> {
    let mut roots: Vec<String> = Vec::new();
    for c in store.copy_candidates(&d.bands).map_err(store_err)? {
        let Some(other) = Signature::from_bytes(&c.signature, c.shingles) else {
            continue;
        };
        if copy_resemblance(cfg, &d.sig, &other).is_some() {
            let root = groups.resolve(&c.copy_group);
            groups
                .roots
                .entry(c.copy_group.clone())
                .or_insert((c.group_published.clone(), c.group_outlet.clone()));
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
    }
    Ok(roots)
}

/// Tell the corroborator about the step's documents; their metadata by id.
fn register_new_docs(
    corr: &mut Corroborator,
    docs: &[NewDoc],
    grouping: &Grouping,
) -> HashMap<String, DocMeta> {
    let mut metas: HashMap<String, DocMeta> = HashMap::new();
    for (d, g) in docs.iter().zip(&grouping.group_of) {
        let m = grouping
            .groups
            .meta(&d.doc.id, &d.doc.outlet, &d.doc.published, g);
        corr.register_document(m.clone());
        metas.insert(m.id.clone(), m);
    }
    metas
}

/// In-memory event index → its stored event, and whether the event was
/// restored from its state (`true`) or rebuilt from its members because it
/// was stale (`false`).
type StoredOf<'s> = HashMap<u32, (&'s StoredEventState, bool)>;

/// Bring the candidate events into `corr`: restored exactly from their
/// stored state, or (stale ones) seeded again from their remaining members.
fn restore_candidates<'s>(
    store: &dyn Store,
    corr: &mut Corroborator,
    metas: &mut HashMap<String, DocMeta>,
    groups: &Groups,
    states: &'s [StoredEventState],
) -> Result<StoredOf<'s>> {
    let mut stored_of: StoredOf<'s> = HashMap::new();
    for st in states {
        if st.stale {
            let Some(ev) = store.event(&st.id).map_err(store_err)? else {
                continue;
            };
            let members = load_claims(store, ev.claims.iter().map(|m| m.claim.as_str()))?;
            register_docs(store, corr, metas, &members, groups)?;
            if let Some(e) = corr.seed_event(&members) {
                stored_of.insert(e, (st, false));
            }
        } else {
            let state: StoredState = serde_json::from_str(&st.state).map_err(|e| {
                CorroborateError::Store(format!("event {} has an unreadable state: {e}", st.id))
            })?;
            let e = corr.restore_event(&state).ok_or_else(|| {
                CorroborateError::Store(format!("event {} has an unknown family", st.id))
            })?;
            stored_of.insert(e, (st, true));
        }
    }
    Ok(stored_of)
}

/// The signature, bands and copy group of each document of the step.
fn signatures(docs: &[NewDoc], group_of: &[String]) -> Vec<DocSignature> {
    docs.iter()
        .zip(group_of)
        .map(|(d, g)| DocSignature {
            doc: d.doc.id.clone(),
            shingles: d.sig.shingles,
            signature: d.sig.to_bytes(),
            bands: d.bands.clone(),
            copy_group: g.clone(),
        })
        .collect()
}

/// What step 3 reads while it decides which events to write.
struct Writeout<'a> {
    groups: &'a Groups,
    /// Copy groups merged away in this step.
    renamed: &'a [String],
    /// The step's new claims by id.
    by_id: HashMap<&'a str, &'a Claim>,
    /// Events that gained members in this step, or were rebuilt.
    changed: BTreeSet<u32>,
}

/// The record to write for event `e`, or `None` when it has not changed.
fn event_record(
    store: &dyn Store,
    corr: &mut Corroborator,
    metas: &mut HashMap<String, DocMeta>,
    out: &Writeout<'_>,
    e: u32,
    stored: Option<(&StoredEventState, bool)>,
) -> Result<Option<EventRecord>> {
    let grew = out.changed.contains(&e);
    let mut members: Vec<Claim> = Vec::new();
    match stored {
        Some((st, true)) => {
            let Some(stored_members) = restored_members(store, st, grew, out.renamed)? else {
                return Ok(None);
            };
            members = stored_members;
            register_docs(store, corr, metas, &members, out.groups)?;
        }
        Some((_, false)) => {}
        None if !grew => return Ok(None),
        None => {}
    }
    for id in corr.new_members(e) {
        match out.by_id.get(id) {
            Some(c) => members.push((*c).clone()),
            None => members.extend(load_claims(store, std::iter::once(id))?),
        }
    }
    let (Some(event), Some((state, keys))) =
        (corr.build_view(&members, metas), corr.event_state(e))
    else {
        return Ok(None);
    };
    let state = serde_json::to_string(&state)
        .map_err(|e| CorroborateError::Store(format!("event state does not encode: {e}")))?;
    Ok(Some(EventRecord {
        seq: stored.map(|(st, _)| st.seq),
        event,
        state,
        keys,
    }))
}

/// The stored members of a restored event that must be written again —
/// because it grew, or because a member's copy group was merged away (its
/// origins change) — or `None` when it stays as stored.
fn restored_members(
    store: &dyn Store,
    st: &StoredEventState,
    grew: bool,
    renamed: &[String],
) -> Result<Option<Vec<Claim>>> {
    if !grew && renamed.is_empty() {
        return Ok(None);
    }
    let Some(ev) = store.event(&st.id).map_err(store_err)? else {
        return Ok(None);
    };
    if !grew {
        let moved = store
            .corroborated_docs(&ev.documents)
            .map_err(store_err)?
            .iter()
            .any(|d| d.copy_group.as_ref().is_some_and(|g| renamed.contains(g)));
        if !moved {
            return Ok(None);
        }
    }
    Ok(Some(load_claims(
        store,
        ev.claims.iter().map(|m| m.claim.as_str()),
    )?))
}

/// Stored claims by id (reviews applied); missing ones are left out.
fn load_claims<'a>(store: &dyn Store, ids: impl Iterator<Item = &'a str>) -> Result<Vec<Claim>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(c) = store.claim(id).map_err(store_err)?
            && c.epistemic != Epistemic::Opinion
        {
            out.push(c);
        }
    }
    Ok(out)
}

/// Makes the documents of `claims` known to `corr` and `metas`.
fn register_docs(
    store: &dyn Store,
    corr: &mut Corroborator,
    metas: &mut HashMap<String, DocMeta>,
    claims: &[Claim],
    groups: &Groups,
) -> Result<()> {
    let mut missing: Vec<String> = Vec::new();
    for c in claims {
        if !metas.contains_key(&c.doc) && !missing.contains(&c.doc) {
            missing.push(c.doc.clone());
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    for d in store.corroborated_docs(&missing).map_err(store_err)? {
        let group = d.copy_group.clone().unwrap_or_else(|| d.doc.clone());
        let mut m = groups.meta(&d.doc, &d.outlet, &d.published, &group);
        if m.group_outlet.is_none() && m.copy_group == group {
            m.group_outlet = d.group_outlet.clone();
        }
        corr.register_document(m.clone());
        metas.insert(m.id.clone(), m);
    }
    Ok(())
}
