//! The claimtrace vocabulary: the plain types every pipeline stage speaks.
//!
//! No I/O happens here. The types are:
//! - [`Span`]: a byte range into a document's extracted UTF-8 text;
//! - [`Document`]: one article after ingestion (text plus metadata);
//! - [`Sentence`]: a span of a document; a document's sentences tile its text;
//! - [`Claim`]: one statement made in one document, the output contract of
//!   `../shared/design/claim-record.md`, with its label sets ([`ClaimType`],
//!   [`SourceKind`], [`Epistemic`], [`PloverEvent`]);
//! - [`Profile`]: the article sourcing profile computed from a document's claims;
//! - [`MONTH_NAMES`], [`WEEKDAY_NAMES`]: the calendar words, spelt once.
//!
//! ```
//! use claimtrace_model::{Document, Span};
//! let doc = Document::from_text("a.txt", "Drones struck the depot. Nobody was hurt.");
//! let span = Span::new(0, 24);
//! assert_eq!(span.slice(&doc.text), Some("Drones struck the depot."));
//! ```

mod claim;
mod document;
mod event;
mod labels;
mod month;
mod profile;
mod span;

pub use claim::{
    Claim, DatePrecision, DateRef, Mention, Place, PlaceRole, Plover, Quantity, Source,
};
pub use document::{Document, InputFormat, Sentence, content_hash};
pub use event::{
    Contradiction, ContradictionKind, CorroborationLevel, EarliestReport, Event, EventClaim,
    EventPlace, Origin, OutletCounts, OutletProfile,
};
pub use labels::{ActorKind, ClaimType, Epistemic, LabelError, PloverEvent, SourceKind};
pub use month::{MONTH_NAMES, WEEKDAY_NAMES, month_name};
pub use profile::{Profile, ProfileCount, SourceCount};
pub use span::{DisjointRanges, Span};
