//! Test support shared by this crate's tests, its benchmark example and any
//! future store implementation: generated documents ([`sample`]) and the
//! storage contract every [`crate::Store`] must pass ([`contract`]).
//! Not part of the stable API.

pub mod contract;
mod contract_corroboration;
mod contract_queries;
pub mod sample;

pub use contract::contract_suite;
pub use contract_corroboration::{big_event, event as sample_event};
