//! Corroboration: many reports of one event collapsed into one [`Event`]
//! that keeps every claim as evidence, with how many *independent* origins
//! stand behind it and where its reports disagree.
//!
//! - Copies: documents that are one story republished are found with
//!   MinHash + LSH over word shingles ([`minhash`], [`copy_groups`]) and
//!   count as one origin.
//! - Origins: [`origin::origin_key`] decides what a claim rests on — the
//!   innermost named source of its attribution ("according to TASS" →
//!   `name:tass`), else its copy group's reporting.
//! - Events: [`Corroborator`] assigns each claim to the best-scoring event
//!   among candidates of the same type family and date window sharing an
//!   actor, target, place or country with it, or holding claims of its own
//!   document (blocking), scoring content-word Jaccard, actor, target,
//!   place and document, with hard rules on dates and places; or opens a
//!   new event.
//! - Persistence: [`run_pending`] corroborates a store's new documents
//!   incrementally, restoring only the candidate events of their claims
//!   ([`persist`]).
//! - Evaluation: [`gold`] reads the labelled set of `tests/gold/` and
//!   scores event grouping (pairwise, B³) and copy detection.
//! - [`Contradiction`]s: numbers, perpetrator, target, date, assertion
//!   against denial.
//! - [`OutletProfile`]s: an outlet's sourcing and how often it is
//!   corroborated or contradicted.
//!
//! Types shared with the store and the server (`Event`, `Contradiction`,
//! `OutletProfile`, ...) live in `claimtrace-model`.
//!
//! ```
//! use claimtrace_corroborate::CorroboratorConfig;
//! use claimtrace_model::Document;
//!
//! let mut c = CorroboratorConfig::default().build().unwrap();
//! let mut a = Document::from_text("a", "Drones hit a fuel depot near Bryansk overnight, the governor said.");
//! a.outlet = Some("Wire".into());
//! let (copy, assigned) = c.add_document(&a, &[]);
//! assert_eq!(copy.group, "a");
//! assert!(assigned.is_empty());
//! ```

pub mod config;
pub mod contradiction;
pub mod copy_groups;
pub mod corroborator;
pub mod error;
pub mod event;
pub mod event_index;
pub mod features;
pub mod gold;
pub mod minhash;
pub mod origin;
pub mod persist;
pub mod scores;
mod sorted_ids;
pub mod story;
pub mod tokens;

pub use claimtrace_model::{
    Contradiction, ContradictionKind, CorroborationLevel, Event, EventClaim, Origin, OutletProfile,
};
pub use config::CorroboratorConfig;
pub use corroborator::{Assignment, Corroborator, UNKNOWN_OUTLET};
pub use error::{CorroborateError, Result};
pub use event::DocMeta;
pub use origin::{DocOrigin, OriginKey, origin_key};
pub use persist::{RunReport, run_pending};
