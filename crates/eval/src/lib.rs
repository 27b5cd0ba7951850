//! claimtrace-eval: measures claimtrace's components on third-party gold
//! data (written by others, read at run time from `../shared/eval`, never
//! copied into the repository) and writes `EVALUATION.md`.
//!
//! Main parts:
//! - [`split`]: the one deterministic `dev` / `test` split of every data set
//!   (tune on `dev`, report `test`);
//! - [`data`]: loaders, one per gold format, producing byte spans;
//! - [`metrics`]: P/R/F1 counts, exact and overlap span matching, accuracy,
//!   macro-F1, great-circle distance;
//! - [`score`]: one scorer per task, generic over the system being scored
//!   (a closure), so claimtrace and its baselines are measured by the same code;
//! - [`report`]: tables rendered for the terminal and as Markdown.
//!
//! ```
//! use claimtrace_eval::metrics::{match_spans, Match};
//! use claimtrace_model::Span;
//! let gold = [Span::new(0, 5), Span::new(10, 14)];
//! let pred = [Span::new(0, 5), Span::new(11, 14)];
//! assert_eq!(match_spans(&gold, &pred, Match::Exact).tp, 1);
//! assert_eq!(match_spans(&gold, &pred, Match::Overlap).tp, 2);
//! ```

pub mod baseline;
pub mod data;
mod error;
pub mod mapping;
pub mod metrics;
pub mod offsets;
pub mod peer;
pub mod report;
pub mod score;
pub mod split;
pub mod suite;
pub mod train;

pub use error::{EvalError, Result};
pub use split::{Part, Split, part_of};
