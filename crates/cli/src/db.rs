//! Where the database is: `--db`, else `$CLAIMTRACE_DB`, else `claimtrace.db`
//! in the working directory (clap's `env` does the middle step).

use std::path::PathBuf;

use clap::Args;

/// The database option shared by every command that reads or writes the store.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// SQLite database file.
    #[arg(
        long,
        env = "CLAIMTRACE_DB",
        default_value = "claimtrace.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
}

impl DbArgs {
    /// Open the store, creating or upgrading the database.
    pub fn open(&self) -> anyhow::Result<claimtrace_store::SqliteStore> {
        claimtrace_store::SqliteStore::open(&self.db)
            .map_err(|e| anyhow::anyhow!("cannot open database {}: {e}", self.db.display()))
    }

    /// Open an existing database for reading; a missing file is an error
    /// rather than a new empty database.
    pub fn open_existing(&self) -> anyhow::Result<claimtrace_store::SqliteStore> {
        if !self.db.exists() {
            anyhow::bail!(
                "no database at {} (run `claimtrace ingest` first, or pass --db)",
                self.db.display()
            );
        }
        self.open()
    }
}
