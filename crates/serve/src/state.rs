//! Shared server state: the database connections and the write token.
//!
//! SQLite connections are not `Sync`, and every store call blocks, so each
//! call runs on tokio's blocking pool holding one connection. Reads share a
//! few connections (WAL lets readers run beside the writer); writes go
//! through one writer connection, so they never contend for SQLite's lock.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use claimtrace_extract::{ExtractConfig, Extractor};
use claimtrace_store::SqliteStore;

use crate::error::{ApiError, Error, Result};

/// Read connections kept open; more than the cores buys nothing on a 2-core machine
/// but lets a slow export not stall quick lookups.
const READERS: usize = 4;

/// What the handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    db: PathBuf,
    readers: Vec<Mutex<SqliteStore>>,
    next_reader: AtomicUsize,
    writer: Mutex<SqliteStore>,
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
        let open =
            || SqliteStore::open(db).map_err(|e| Error::Database(format!("{}: {e}", db.display())));
        // The writer first: it creates and migrates the file the readers then share.
        let writer = Mutex::new(open()?);
        let readers = (0..READERS)
            .map(|_| open().map(Mutex::new))
            .collect::<Result<Vec<_>>>()?;
        let token = token.filter(|t| !t.is_empty());
        Ok(AppState(Arc::new(Inner {
            db: db.to_path_buf(),
            readers,
            next_reader: AtomicUsize::new(0),
            writer,
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

    /// Run CPU-bound work (extraction, export encoding) on the blocking pool.
    pub async fn blocking<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    {
        run_blocking(f).await
    }

    pub fn db_path(&self) -> &Path {
        &self.0.db
    }

    pub fn token(&self) -> Option<&str> {
        self.0.token.as_deref()
    }

    /// Run `f` with a read connection on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        run_blocking(move || {
            let store = state.reader();
            f(&store)
        })
        .await
    }

    /// Run `f` with the writer connection on the blocking pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore, &AppState) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        run_blocking(move || {
            let mut store = lock(&state.0.writer);
            f(&mut store, &state)
        })
        .await
    }

    /// A free reader if one is idle, else wait on the next in turn.
    fn reader(&self) -> MutexGuard<'_, SqliteStore> {
        let n = self.0.readers.len();
        let start = self.0.next_reader.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(g) = self.0.readers[(start + i) % n].try_lock() {
                return g;
            }
        }
        lock(&self.0.readers[start % n])
    }
}

/// A poisoned lock only means another request panicked mid-call; SQLite rolled
/// its transaction back, so the connection is still usable.
fn lock(m: &Mutex<SqliteStore>) -> MutexGuard<'_, SqliteStore> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("request worker failed: {e}")))?
}
