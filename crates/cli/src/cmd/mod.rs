//! One module per subcommand: its clap `Args` and its `run`.

pub mod bench;
pub mod claims;
pub mod docs;
pub mod eval;
pub mod event;
pub mod events;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod outlets;
pub mod profile;
pub mod serve;

/// Some input failed (the rest were processed), or the command failed.
pub const EXIT_FAILURE: u8 = 1;
/// The command line was wrong (clap uses the same code).
pub const EXIT_USAGE: u8 = 2;
