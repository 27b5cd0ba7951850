//! What corroboration persists and asks for: document signatures and copy
//! groups, events with their members and contradictions, and the blocking
//! keys and matching states that let a new batch of claims meet only the
//! events it could join (see `claimtrace-corroborate`, which computes all of
//! them; the store treats signatures, keys and states as opaque).

use claimtrace_model::{ClaimType, CorroborationLevel, Event};
use serde::{Deserialize, Serialize};

/// The outlet name outlet profiles use for documents with none.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

/// A document's near-duplicate signature and copy group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSignature {
    pub doc: String,
    /// Distinct shingles the signature was computed over.
    pub shingles: usize,
    /// The signature's bytes (opaque to the store).
    pub signature: Vec<u8>,
    /// LSH band keys: documents sharing one are copy candidates.
    pub bands: Vec<i64>,
    /// Id of the copy group's root document (the document's own id when it
    /// has no copies).
    pub copy_group: String,
}

/// A corroborated document sharing a band key with a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyCandidate {
    pub doc: String,
    pub shingles: usize,
    pub signature: Vec<u8>,
    pub copy_group: String,
    /// Publication date of the group's root document.
    pub group_published: Option<String>,
    /// Outlet of the group's root document.
    pub group_outlet: Option<String>,
}

/// What corroboration needs to know of a stored document (no text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorroboratedDoc {
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// `None` while the document waits for corroboration.
    pub copy_group: Option<String>,
    /// Outlet of the copy group's root document.
    pub group_outlet: Option<String>,
}

/// A stored event as matching restores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredEventState {
    /// Opening order; candidates are restored in this order.
    pub seq: i64,
    pub id: String,
    /// The matching state written with the event (opaque to the store).
    pub state: String,
    /// The event lost members (a document was deleted or re-extracted) and
    /// must be rebuilt from the members it has left.
    pub stale: bool,
}

/// A new or changed event to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// `Some` for a stored event (its `seq`), `None` for a new one; new
    /// events are numbered in the order they appear in the update.
    pub seq: Option<i64>,
    /// The event with every member in `claims`.
    pub event: Event,
    pub state: String,
    /// Every blocking key of the event (replaces the stored ones).
    pub keys: Vec<i64>,
}

/// One corroboration step, written in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CorroborationUpdate {
    /// Documents corroborated in this step (they stop being pending).
    pub signatures: Vec<DocSignature>,
    /// `(old, new)`: every document of copy group `old` moves to group `new`
    /// (groups merged, or a new root published earlier). Applied in order,
    /// before `signatures`.
    pub regroup: Vec<(String, String)>,
    pub events: Vec<EventRecord>,
}

/// The filters of `claimtrace events` (and `/api/events`). Every set filter
/// must hold. Events are ordered by their first day (undated last), then by
/// opening order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventQuery {
    #[serde(rename = "type")]
    pub event_type: Option<ClaimType>,
    /// Case-insensitive substring of an actor's or target's name.
    pub actor: Option<String>,
    /// `YYYY[-MM[-DD]]`: events whose days reach this day or later.
    pub since: Option<String>,
    /// Same forms: events whose days start on or before this day.
    pub until: Option<String>,
    pub level: Option<CorroborationLevel>,
    /// At least this many independent origins.
    pub min_origins: usize,
    /// At most this many events; 0 means no limit.
    pub limit: usize,
    pub offset: usize,
}

/// An event whose member claims and contradictions are cut to a first page
/// (`event.claims`, `event.contradictions`), with how many there are in all;
/// the rest is read with [`crate::Store::event_members`] and
/// [`crate::Store::event_contradictions`]. What an answer of bounded size
/// shows of an event of any size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventHead {
    pub event: Event,
    /// Member claims in all.
    pub claims_total: usize,
    /// Contradictions in all.
    pub contradictions_total: usize,
}

/// What a claim card shows of a claim's event (`claim.corroboration` in the
/// API): one indexed lookup per claim, no event is loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCorroboration {
    /// The event's id.
    pub event: String,
    /// The event's independent origins (origins supporting, not only denying, it).
    pub origins: usize,
    /// The claim is on one side of a contradiction with another origin.
    pub contradicted: bool,
    /// Another origin in the event says the same.
    pub corroborated: bool,
    /// The event's corroboration level.
    pub level: CorroborationLevel,
    /// Origin key the claim rests on (`name:tass`, `doc:<copy group>`).
    pub origin: String,
}
