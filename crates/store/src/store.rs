//! The [`Store`] trait and the records it takes and gives.

use claimtrace_model::{
    Claim, Contradiction, Document, Event, EventClaim, OutletProfile, Profile, Sentence,
};
use serde::{Deserialize, Serialize};

use crate::corroboration::{
    ClaimCorroboration, CopyCandidate, CorroboratedDoc, CorroborationUpdate, EventHead, EventQuery,
    StoredEventState,
};
use crate::{ClaimQuery, DocQuery, Page, Result, Review};

/// One document with its extraction, ready to be stored.
#[derive(Debug, Clone, Copy)]
pub struct NewDocument<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub claims: &'a [Claim],
}

impl<'a> NewDocument<'a> {
    pub fn new(doc: &'a Document, sentences: &'a [Sentence], claims: &'a [Claim]) -> Self {
        NewDocument {
            doc,
            sentences,
            claims,
        }
    }
}

/// What storing a document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PutOutcome {
    /// Stored now, with this many claims.
    New { doc_id: String, claims: usize },
    /// The same text (content hash) was stored before, under `doc_id`.
    AlreadyStored { doc_id: String },
}

impl PutOutcome {
    pub fn doc_id(&self) -> &str {
        match self {
            PutOutcome::New { doc_id, .. } | PutOutcome::AlreadyStored { doc_id } => doc_id,
        }
    }
}

/// A stored document and its sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub document: Document,
    pub sentences: Vec<Sentence>,
    /// When it was stored (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub ingested_at: String,
}

/// One line of `claimtrace docs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocSummary {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// `text`, `html`, `feed` or `jsonl` (`model::InputFormat`).
    pub format: String,
    pub claims: usize,
    pub sentences: usize,
}

/// Row counts of the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub documents: usize,
    pub sentences: usize,
    pub claims: usize,
    pub reviews: usize,
    /// Distinct claims with at least one review.
    pub reviewed_claims: usize,
    /// (claim type, count), most frequent first.
    pub claims_by_type: Vec<(String, usize)>,
    pub schema_version: u32,
}

/// What a claim card or an event's document list shows of a stored
/// document: its metadata without the text and sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The headline, when the input gave one.
    pub title: Option<String>,
    /// The publishing outlet, when known.
    pub outlet: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// Where the article was published, when known.
    pub url: Option<String>,
}

/// An outlet and how many stored documents name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletCount {
    /// The outlet as the documents name it.
    pub outlet: String,
    /// How many stored documents name it.
    pub documents: usize,
}

/// An actor or target name (with its knowledge-base id when known) and how
/// many claims name it, as actor or as target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCount {
    /// The canonical name, as claims store it.
    pub name: String,
    /// The knowledge-base id, when the name is known.
    pub id: Option<String>,
    /// Claims naming it as actor plus claims naming it as target.
    pub claims: usize,
}

fn head(mut event: Event, cap: usize) -> EventHead {
    let claims_total = event.claims.len();
    let contradictions_total = event.contradictions.len();
    if cap > 0 {
        event.claims.truncate(cap);
        event.contradictions.truncate(cap);
    }
    EventHead {
        event,
        claims_total,
        contradictions_total,
    }
}

fn page_of<T>(all: Vec<T>, limit: usize, offset: usize) -> Page<T> {
    let total = all.len();
    let take = if limit == 0 { usize::MAX } else { limit };
    Page {
        items: all.into_iter().skip(offset).take(take).collect(),
        total,
        total_exact: true,
        offset,
        limit,
    }
}

/// Where documents, claims and reviews live. Object-safe (`Box<dyn Store>`);
/// [`crate::SqliteStore`] is the implementation, and
/// [`crate::testing::contract_suite`] is the behaviour every one must pass.
///
/// Writes are atomic per document: after any failure or crash a document is
/// either stored with all its sentences and claims or not at all.
pub trait Store: Send {
    /// Store one document with its sentences and claims in one transaction.
    /// The same text (content hash) is stored once: a second put returns
    /// [`PutOutcome::AlreadyStored`].
    fn put_document(
        &mut self,
        doc: &Document,
        sentences: &[Sentence],
        claims: &[Claim],
    ) -> Result<PutOutcome>;

    /// Store many documents in one transaction (much faster than one by one;
    /// pass batches of a few hundred). A document that fails (invalid, id
    /// taken) is rolled back alone and reported in its slot; the others are
    /// stored. The outer error means nothing of the batch was committed.
    fn put_documents(&mut self, docs: &[NewDocument<'_>]) -> Result<Vec<Result<PutOutcome>>>;

    /// Open a write transaction that holds the database's write lock until
    /// [`Store::end_write`], waiting for other writers (other processes
    /// too) as long as the store is configured to. Everything read inside
    /// sees the last committed state and cannot change under it; writes
    /// made inside join the transaction. For read-then-write work that
    /// must not interleave with another writer (corroboration of pending
    /// documents). The default does nothing (a store without concurrent
    /// writers).
    fn begin_write(&mut self) -> Result<()> {
        Ok(())
    }

    /// End the transaction of [`Store::begin_write`]: commit, or roll back
    /// everything written inside. Nothing open: nothing happens.
    fn end_write(&mut self, commit: bool) -> Result<()> {
        let _ = commit;
        Ok(())
    }

    /// Replace the sentences and claims of a stored document (re-extraction
    /// with a newer extractor). Reviews are kept and apply to the new claims
    /// with the same ids. The old claims leave their events (as in
    /// [`Store::delete_document`]) and the document waits for corroboration
    /// again. Returns the number of claims stored.
    fn replace_extraction(
        &mut self,
        doc_id: &str,
        sentences: &[Sentence],
        claims: &[Claim],
    ) -> Result<usize>;

    /// Remove a document with its sentences and claims; reviews stay (they
    /// come back into force if the same text is stored again). Its claims
    /// leave their events, which are marked stale (rebuilt by the next
    /// corroboration run) or removed when nothing is left. `false` when
    /// there was no such document.
    fn delete_document(&mut self, id: &str) -> Result<bool>;

    /// The id of the stored document with this content hash.
    fn find_hash(&self, hash: &str) -> Result<Option<String>>;

    /// Every stored content hash (to skip extraction of known documents).
    fn document_hashes(&self) -> Result<Vec<String>>;

    fn documents(&self, q: &DocQuery) -> Result<Vec<DocSummary>>;

    fn document(&self, id: &str) -> Result<Option<StoredDocument>>;

    /// Title, outlet, publication date and URL of a stored document. The
    /// default reads the whole document; implementations read the row only.
    fn document_meta(&self, id: &str) -> Result<Option<DocumentMeta>> {
        Ok(self.document(id)?.map(|d| DocumentMeta {
            title: d.document.title,
            outlet: d.document.outlet,
            published: d.document.published,
            url: d.document.url,
        }))
    }

    /// Outlets of the stored documents (no outlet or an empty one left out),
    /// most documents first, then by name; at most `limit` of them.
    fn outlet_counts(&self, limit: usize) -> Result<Vec<OutletCount>>;

    /// Actor and target names of claims whose lowercased form contains
    /// `contains` lowercased (`%` and `_` in it are ignored), most claims
    /// first, then by name; a name with several ids is one row per id; at
    /// most `limit` rows.
    fn actor_counts(&self, contains: &str, limit: usize) -> Result<Vec<ActorCount>>;

    /// Claims matching `q`, reviews applied.
    fn claims(&self, q: &ClaimQuery) -> Result<Page<Claim>>;

    /// One claim by id, reviews applied.
    fn claim(&self, id: &str) -> Result<Option<Claim>>;

    /// The sourcing profile of a stored document (reviews applied).
    fn profile(&self, doc: &str) -> Result<Option<Profile>>;

    /// Record a review. The claim must exist; a correction must name a field
    /// of the claim record and a value that fits it ([`crate::Error::InvalidReview`]).
    fn review(&mut self, r: &Review) -> Result<()>;

    /// The audit trail of one claim, oldest first.
    fn reviews(&self, claim_id: &str) -> Result<Vec<Review>>;

    fn stats(&self) -> Result<Stats>;

    /// How many documents are stored (what `stats().documents` says, without
    /// counting everything else).
    fn document_count(&self) -> Result<usize> {
        Ok(self.stats()?.documents)
    }

    // Corroboration (`claimtrace-corroborate` computes; the store keeps).

    /// Up to `limit` (0 = all) stored documents not yet corroborated, in the
    /// order they were stored.
    fn pending_corroboration(&self, limit: usize) -> Result<Vec<String>>;

    /// Corroborated documents sharing at least one of `bands`, each once,
    /// in the order they were corroborated.
    fn copy_candidates(&self, bands: &[i64]) -> Result<Vec<CopyCandidate>>;

    /// The corroboration facts of stored documents, in the order of `ids`;
    /// unknown ids are left out.
    fn corroborated_docs(&self, ids: &[String]) -> Result<Vec<CorroboratedDoc>>;

    /// Events registered under any of `keys`, plus (when `groups` is not
    /// empty) events with a member from a document of one of those copy
    /// groups, plus every stale event; each once, in opening order.
    fn event_states(&self, keys: &[i64], groups: &[String]) -> Result<Vec<StoredEventState>>;

    /// Write one corroboration step in one transaction: signatures and
    /// copy groups, then new and changed events with their members,
    /// contradictions and blocking keys.
    fn put_corroboration(&mut self, update: &CorroborationUpdate) -> Result<()>;

    /// Events matching `q`, each with all its member claims.
    fn events(&self, q: &EventQuery) -> Result<Page<Event>>;

    /// One event by id, with all its member claims.
    fn event(&self, id: &str) -> Result<Option<Event>>;

    /// Events matching `q`, each with at most `cap` member claims and
    /// contradictions (0: all) and their totals: an answer of bounded size.
    /// The default cuts [`Store::events`].
    fn event_heads(&self, q: &EventQuery, cap: usize) -> Result<Page<EventHead>> {
        let page = self.events(q)?;
        Ok(Page {
            items: page.items.into_iter().map(|e| head(e, cap)).collect(),
            total: page.total,
            total_exact: page.total_exact,
            offset: page.offset,
            limit: page.limit,
        })
    }

    /// One event with at most `cap` member claims and contradictions.
    fn event_head(&self, id: &str, cap: usize) -> Result<Option<EventHead>> {
        Ok(self.event(id)?.map(|e| head(e, cap)))
    }

    /// One page of an event's member claims in joining order (`limit` 0:
    /// all); `None` when there is no such event.
    fn event_members(
        &self,
        id: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Option<Page<EventClaim>>> {
        Ok(self.event(id)?.map(|e| page_of(e.claims, limit, offset)))
    }

    /// One page of an event's contradictions; `None` when there is no such event.
    fn event_contradictions(
        &self,
        id: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Option<Page<Contradiction>>> {
        Ok(self
            .event(id)?
            .map(|e| page_of(e.contradictions, limit, offset)))
    }

    /// The id of the event a claim belongs to.
    fn event_of_claim(&self, claim_id: &str) -> Result<Option<String>>;

    /// The corroboration summary of a claim in an event (what a claim card
    /// shows); `None` when the claim is in no event. The default reads the
    /// whole event; implementations answer it from the membership row.
    fn claim_corroboration(&self, claim_id: &str) -> Result<Option<ClaimCorroboration>> {
        let Some(id) = self.event_of_claim(claim_id)? else {
            return Ok(None);
        };
        let Some(e) = self.event(&id)? else {
            return Ok(None);
        };
        Ok(e.claims
            .iter()
            .find(|m| m.claim == claim_id)
            .map(|m| ClaimCorroboration {
                event: e.id.clone(),
                origins: e.independent_origins,
                contradicted: m.contradicted,
                corroborated: m.corroborated,
                level: e.level,
                origin: m.origin.clone(),
            }))
    }

    /// Copy groups of more than one document: members sorted, groups sorted.
    fn copy_groups(&self) -> Result<Vec<Vec<String>>>;

    /// Per outlet (documents' `outlet`, or `(unknown)`), its claims by
    /// source kind and firmness and how often its claims in events are
    /// corroborated by another origin or contradicted; sorted by outlet.
    fn outlet_profiles(&self) -> Result<Vec<OutletProfile>>;
}
