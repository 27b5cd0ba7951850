//! Document → claim records.
//!
//! [`ExtractConfig::build`] loads the data the rules read (the actor
//! knowledge base `data/actors.tsv`, reporting, hedge and denial cues
//! `data/cues.tsv`, event triggers `data/triggers.tsv`, unnamed-source nouns
//! `data/sources.tsv`, the weapon lexicon and the gazetteer) into an
//! [`Extractor`]; [`Extractor::extract`] turns one [`Document`] into an
//! [`Extraction`]: its sentences (which tile the text) and its [`Claim`]s.
//!
//! Per sentence the extractor finds the mentions (actors, persons with
//! their roles, unnamed sources, pronouns resolved to what was named
//! before), the cues and the event triggers; it splits the sentence into
//! clauses, makes one claim per clause that has a trigger (or an opinion or
//! attribution cue), and fills each field with a reason in `why`:
//! - `type` and `plover` from the trigger (event types before statement
//!   verbs, strong before weak);
//! - `source` from "according to X", "X said", inverted quotes, open
//!   quotations and pronouns; the article itself when nothing is cited;
//! - `epistemic` from the cues in the clause: denied > hedged > reported >
//!   asserted, opinion for evaluation and prediction in the author's voice;
//! - `actor`/`target` around the trigger in active and passive voice;
//! - `date` and `place` from the clause, else carried within the paragraph;
//! - `quantities` and `weapons` from the clause.
//!
//! ```
//! use claimtrace_extract::ExtractConfig;
//! use claimtrace_model::{ClaimType, Document, Epistemic, SourceKind};
//!
//! let ex = ExtractConfig::default().build().unwrap();
//! let doc = Document::from_text("a.txt", "According to Russian media outlets, over 300 drones attacked the base.");
//! let out = ex.extract(&doc);
//! let c = &out.claims[0];
//! assert_eq!(c.claim_type, ClaimType::Attack);
//! assert_eq!(c.source.kind, SourceKind::Media);
//! assert_eq!(c.epistemic, Epistemic::Reported);
//! assert_eq!(c.quantities[0].text, "over 300");
//! ```

mod actor_kb;
mod analysis;
mod attribution;
mod clause;
mod config;
mod context;
mod cue;
mod error;
mod extractor;
mod facts;
mod firmness;
pub mod learn;
mod lexicon;
mod mention;
mod not_claim;
mod pronoun;
mod quote_carry;
mod roles;
mod setting;
mod source_noun;
mod step;
mod subject_np;
mod trigger;
mod type_rules;
mod words;

pub use actor_kb::{ActorEntry, ActorKb};
pub use analysis::{AttributionSpan, CueMention, EntityMention};
pub use claimtrace_model::{Claim, Document, Sentence};
pub use config::ExtractConfig;
pub use error::{ExtractError, Result};
pub use extractor::{Extraction, Extractor};
