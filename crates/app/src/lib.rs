//! claimtrace's use cases, written once for both front ends: the
//! `claimtrace` binary and the HTTP server parse their arguments and call
//! one function here; this crate does the job through the stages' crates and
//! the [`claimtrace_store::Store`] trait (never a concrete store, so any
//! implementation of the trait serves both front ends).
//!
//! - [`ingest`]: store a batch of read and extracted documents and
//!   corroborate them ([`ingest_batch`]); read and extract an upload
//!   ([`read_upload`]).
//! - [`network`]: the actor network of stored claims, one rule for
//!   `/api/network` and the GEXF export ([`actor_network`], [`network_of`]).
//! - [`event`]: one event found by id or by a member claim's id
//!   ([`resolve_event`]), its documents with their copy groups, and every
//!   report behind it ([`event_detail`]).
//! - [`export`]: what an export of stored claims holds ([`claims_export`]).
//!
//! ```
//! use claimtrace_app::{CorroboratorConfig, ingest_batch};
//! use claimtrace_store::SqliteStore;
//!
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! // Nothing to store: the report says so, and nothing waits for corroboration.
//! let report = ingest_batch(&mut store, &[], Some(&CorroboratorConfig::default())).unwrap();
//! assert_eq!((report.new, report.failed), (0, 0));
//! ```

pub mod error;
pub mod event;
pub mod export;
pub mod ingest;
pub mod network;

pub use claimtrace_corroborate::{CorroboratorConfig, RunReport};
pub use claimtrace_export::WeightBasis;
pub use error::{AppError, Result};
pub use event::{EventDetail, EventDocument, Report, event_detail, event_documents, resolve_event};
pub use export::claims_export;
pub use ingest::{
    BatchReport, DocumentOutcome, Extracted, Upload, corroborate_pending, ingest_batch, read_upload,
};
pub use network::{ActorNetwork, NetworkEdge, NetworkNode, actor_network, network_of};
