//! Shared server state: the database workers and the write token.
//!
//! SQLite connections are not `Sync`, and every store call blocks, so store
//! work runs on a fixed pool of worker threads ([`crate::pool`]), each
//! holding its own connection: readers share a few (WAL lets them run
//! beside the writer), writes go through one writer, which waits its turn
//! behind writers in other processes (`claimtrace ingest`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use claimtrace_extract::{ExtractConfig, Extractor};
use claimtrace_store::SqliteStore;

use crate::error::{ApiError, Error, Result};
use crate::pool::Pool;

/// How much work the server takes on at once, and for how long.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Read workers (threads, each with its own connection); they also run
    /// CPU work (extraction of uploads, export encoding).
    pub readers: usize,
    /// Requests that may wait for a read worker; more are answered 503.
    pub queue: usize,
    /// Time budget of a read request's store work, from the moment it is
    /// queued; past it the request is answered 503 and its SQLite work is
    /// interrupted.
    pub budget: Duration,
    /// Time budget of a write (ingest, review) and of the CPU work before it.
    pub write_budget: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // More than the cores buys nothing on a 2-core machine but lets a
            // slow export not stall quick lookups.
            readers: 4,
            queue: 64,
            budget: Duration::from_secs(10),
            write_budget: Duration::from_secs(60),
        }
    }
}

/// Writes waiting for the writer beyond which new ones get 503.
const WRITE_QUEUE: usize = 16;

/// What the handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    db: PathBuf,
    readers: Pool,
    writer: Pool,
    limits: Limits,
    token: Option<String>,
    extract: ExtractConfig,
    /// Built on the first ingest, so starting the server stays instant.
    extractor: OnceLock<std::result::Result<Arc<Extractor>, String>>,
}

impl AppState {
    /// Open the database at `db` (created and migrated when missing).
    /// `token`: the secret that ingest and review requests must carry; `None`
    /// disables them.
    pub fn open(db: &Path, token: Option<String>) -> Result<Self> {
        Self::open_with(db, token, ExtractConfig::default())
    }

    /// [`AppState::open`] with the extractor settings ingest uses (extra
    /// actor files, a gazetteer directory), as `claimtrace ingest` takes them.
    pub fn open_with(db: &Path, token: Option<String>, extract: ExtractConfig) -> Result<Self> {
        Self::open_limited(db, token, extract, Limits::default())
    }

    /// [`AppState::open_with`] with the workers, queue and time budgets.
    pub fn open_limited(
        db: &Path,
        token: Option<String>,
        extract: ExtractConfig,
        limits: Limits,
    ) -> Result<Self> {
        let open =
            || SqliteStore::open(db).map_err(|e| Error::Database(format!("{}: {e}", db.display())));
        // The writer first: it creates and migrates the file the readers then share.
        let mut writer = open()?;
        // A write waits for other processes' writers at most its budget.
        writer.set_write_wait(limits.write_budget);
        let readers = (0..limits.readers.max(1))
            .map(|_| open())
            .collect::<Result<Vec<_>>>()?;
        let token = token.filter(|t| !t.is_empty());
        Ok(AppState(Arc::new(Inner {
            db: db.to_path_buf(),
            readers: Pool::start("reader", readers, limits.queue)?,
            writer: Pool::start("writer", vec![writer], WRITE_QUEUE)?,
            limits,
            token,
            extract,
            extractor: OnceLock::new(),
        })))
    }

    /// The extractor for posted documents, built once from the configuration.
    pub fn extractor(&self) -> Result<Arc<Extractor>, ApiError> {
        self.0
            .extractor
            .get_or_init(|| {
                self.0
                    .extract
                    .build()
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|e| ApiError::internal(format!("the extractor could not be built: {e}")))
    }

    /// Run CPU-bound work (extraction, export encoding) on a read worker,
    /// within the write budget (uploads are large).
    pub async fn blocking<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    {
        self.0
            .readers
            .run(self.0.limits.write_budget, move |_| f())
            .await
    }

    pub fn db_path(&self) -> &Path {
        &self.0.db
    }

    pub fn token(&self) -> Option<&str> {
        self.0.token.as_deref()
    }

    /// The limits the server was started with.
    pub fn limits(&self) -> &Limits {
        &self.0.limits
    }

    /// Run `f` with a read connection on a worker, within the read budget.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        self.0
            .readers
            .run(self.0.limits.budget, move |s| f(s))
            .await
    }

    /// Run `f` with the writer connection, within the write budget.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore, &AppState) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        self.0
            .writer
            .run(self.0.limits.write_budget, move |s| f(s, &state))
            .await
    }
}
