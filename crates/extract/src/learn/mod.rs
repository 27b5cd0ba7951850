//! What is learned from labelled claims: a linear model over sparse,
//! readable features (the rules' outputs among them) that re-judges a
//! claim's type where the rules alone are often wrong, and explains itself
//! by its most weighted features.
//!
//! `claimtrace train type` trains it on gold claims (by default the tuning
//! part of claims_news_dev) and prints a leave-one-event-out
//! cross-validation; `--type-model FILE` makes the extractor use it. No
//! weights ship by default: on the tuning part the model has not yet beaten
//! the rules across events (EVALUATION.md gives the figures).

pub(crate) mod features;
mod linear;

pub use linear::{Example, LinearModel, Prediction, TrainParams};
