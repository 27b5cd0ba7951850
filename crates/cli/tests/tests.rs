//! End-to-end tests through the `claimtrace` binary, one module per area
//! (ripgrep's layout). Each test works in its own temporary directory.

mod util;

mod bad_input;
mod concurrent;
mod corroborate;
mod export;
mod extract;
mod gazetteer;
mod habits;
mod ingest;
mod inputs;
mod pipe;
mod query;
