//! Persistence for claimtrace: documents, their sentences and claims, and
//! the human reviews of claims, in SQLite with FTS5 full-text search.
//!
//! Main types:
//! - [`Store`]: the storage trait (object-safe); [`SqliteStore`] implements
//!   it on one SQLite file (WAL, foreign keys, numbered migrations);
//! - [`ClaimQuery`] / [`DocQuery`] → [`Page`] / [`DocSummary`]: the filters of
//!   `claimtrace claims` and `claimtrace docs`;
//! - [`Review`]: one entry of a claim's audit trail; corrections are applied
//!   whenever a claim is read and survive re-extraction (they key on the
//!   stable claim id and field, not on rows);
//! - corroboration: document signatures and copy groups ([`DocSignature`]),
//!   events with their members, contradictions, blocking keys and matching
//!   states ([`EventRecord`], [`StoredEventState`]), written one step at a
//!   time ([`CorroborationUpdate`]) and read back as [`claimtrace_model::Event`]s
//!   ([`EventQuery`]) and outlet profiles;
//! - [`schema`]: table and column names other code may rely on;
//!   `SCHEMA.md` describes every table and how to add a migration.
//!
//! Storing is atomic per document: a run killed at any moment leaves each
//! document either complete or absent, and documents are recognised by
//! content hash, so re-running stores only what is missing.
//!
//! ```
//! use claimtrace_model::{Document, Sentence, Span};
//! use claimtrace_store::{ClaimQuery, PutOutcome, SqliteStore, Store};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let doc = Document::from_text("a.txt", "Drones struck the depot. Nobody was hurt.");
//! let sentences = [
//!     Sentence { index: 0, span: Span::new(0, 25), trimmed: Span::new(0, 24) },
//!     Sentence { index: 1, span: Span::new(25, 41), trimmed: Span::new(25, 41) },
//! ];
//! let out = store.put_document(&doc, &sentences, &[])?;
//! assert_eq!(out, PutOutcome::New { doc_id: "a.txt".into(), claims: 0 });
//! assert!(matches!(store.put_document(&doc, &sentences, &[])?, PutOutcome::AlreadyStored { .. }));
//! let page = store.claims(&ClaimQuery::default())?;
//! assert_eq!(page.total, 0);
//! assert_eq!(store.document("a.txt")?.map(|d| d.sentences.len()), Some(2));
//! # Ok::<(), claimtrace_store::Error>(())
//! ```

// The store is the one crate that speaks SQL (clippy.toml forbids it elsewhere).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod corroboration;
mod error;
pub mod migration;
mod query;
mod review;
pub mod schema;
mod sqlite_corroboration;
mod sqlite_read;
mod sqlite_store;
mod sqlite_write;
mod store;
#[doc(hidden)]
pub mod testing;

pub use corroboration::{
    ClaimCorroboration, CopyCandidate, CorroboratedDoc, CorroborationUpdate, DocSignature,
    EventHead, EventQuery, EventRecord, StoredEventState, UNKNOWN_OUTLET,
};
pub use error::{Error, Result};
pub use query::{ClaimQuery, DocQuery, Page, fts_query};
pub use review::{Review, ReviewAction};
pub use sqlite_store::SqliteStore;
pub use store::{
    ActorCount, DocSummary, DocumentMeta, NewDocument, OutletCount, PutOutcome, Stats, Store,
    StoredDocument,
};
