//! [`SqliteStore`]: the [`Store`] on one SQLite file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimtrace_model::{
    Claim, Contradiction, Document, Event, EventClaim, OutletProfile, Profile, Sentence,
};
use rusqlite::{Connection, TransactionBehavior};

use crate::corroboration::{
    ClaimCorroboration, CopyCandidate, CorroboratedDoc, CorroborationUpdate, EventHead, EventQuery,
    StoredEventState,
};
use crate::migration::{self, MIGRATIONS};
use crate::store::{
    ActorCount, DocSummary, DocumentMeta, NewDocument, OutletCount, PutOutcome, Stats, Store,
    StoredDocument,
};
use crate::{
    ClaimQuery, DocQuery, Error, Page, Result, Review, sqlite_corroboration as corr,
    sqlite_read as read, sqlite_write as write,
};

/// How long one statement waits for another connection's lock (SQLite's
/// busy handler) before answering SQLITE_BUSY.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a write transaction keeps trying to get the write lock (whole
/// attempts retried after SQLITE_BUSY) before the error is returned: other
/// ingest runs may hold it for a batch and its corroboration at a time.
const WRITE_WAIT: Duration = Duration::from_secs(600);

/// SQLite virtual-machine steps between two checks of the deadline.
const DEADLINE_CHECK_OPS: i32 = 1000;

/// The SQLite store: WAL journal (readers never block the writer),
/// `synchronous=NORMAL` (a commit survives a process crash; a power cut may
/// lose the last commits but never corrupts), foreign keys on.
///
/// Holds one connection; it is `Send` but not `Sync`, so a server shares it
/// behind a mutex or opens one per worker (WAL allows many readers).
pub struct SqliteStore {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// How long a write keeps retrying for the write lock.
    write_wait: Duration,
}

impl SqliteStore {
    /// Open (creating if missing) the database at `path` and bring its schema
    /// up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let conn = Connection::open(path)?;
        Self::setup(conn, Some(path.to_path_buf()))
    }

    /// A private in-memory database (tests, one-shot runs).
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // journal_mode answers with a row, so it is read rather than updated.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Statement journals (one savepoint per document in a batch) in
        // memory rather than temporary files: same atomicity, no file I/O.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // A 64 MiB page cache: batch inserts touch many index pages.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = SqliteStore {
            conn,
            path,
            write_wait: WRITE_WAIT,
        };
        migration::apply(&mut store.conn, MIGRATIONS)?;
        Ok(store)
    }

    /// The file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        migration::current_version(&self.conn)
    }

    /// `PRAGMA integrity_check` plus the FTS5 index checks; empty when sound,
    /// else SQLite's messages.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let mut problems: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        problems.retain(|p| p != "ok");
        for fts in ["claims_fts", "sentences_fts"] {
            // 'integrity-check' raises SQLITE_CORRUPT_VTAB when index and content disagree.
            let sql = format!("INSERT INTO {fts} ({fts}) VALUES ('integrity-check')");
            if let Err(e) = self.conn.execute(&sql, []) {
                problems.push(format!("{fts}: {e}"));
            }
        }
        let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
        let bad: Vec<String> = fk
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        problems.extend(
            bad.into_iter()
                .map(|t| format!("foreign key violation in {t}")),
        );
        Ok(problems)
    }

    /// The underlying connection, for read-only inspection (tests, ad-hoc SQL).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// How long a write keeps retrying for the write lock held by another
    /// connection or process (default 10 minutes).
    pub fn set_write_wait(&mut self, wait: Duration) {
        self.write_wait = wait;
    }

    /// Interrupt any statement still running at `deadline` (its call fails
    /// with an error for which [`crate::Error::is_interrupted`] holds);
    /// `None` removes the deadline. A server sets one per request.
    pub fn set_deadline(&mut self, deadline: Option<Instant>) -> Result<()> {
        match deadline {
            Some(d) => self
                .conn
                .progress_handler(DEADLINE_CHECK_OPS, Some(move || Instant::now() >= d))?,
            None => self
                .conn
                .progress_handler(DEADLINE_CHECK_OPS, None::<fn() -> bool>)?,
        }
        Ok(())
    }

    /// Run `f` in one write transaction (`BEGIN IMMEDIATE`: the write lock
    /// is taken before anything is read, so a reader turned writer never
    /// meets a stale snapshot). When another connection holds the lock past
    /// the busy timeout, the whole attempt is rolled back and run again,
    /// for up to `write_wait`. Inside [`Store::begin_write`] it runs in a
    /// savepoint of that transaction instead.
    fn write<T>(&mut self, mut f: impl FnMut(&Connection) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return savepoint(&self.conn, "nested_write", f);
        }
        self.write_wait_loop(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
    }

    /// Run `attempt` again while it fails with SQLITE_BUSY, for up to
    /// `write_wait` (each attempt already waited the busy timeout).
    fn write_wait_loop<T>(
        &mut self,
        mut attempt: impl FnMut(&mut Connection) -> Result<T>,
    ) -> Result<T> {
        let started = Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            match attempt(&mut self.conn) {
                Err(e) if e.is_busy() && started.elapsed() < self.write_wait => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }
}

/// Store a batch with one savepoint per document, so a bad one is rolled
/// back alone and reported in its slot. The slow path: FTS5 flushes its
/// pending terms at every savepoint, and every statement inside a savepoint
/// keeps a statement journal.
fn put_batch_each(conn: &Connection, docs: &[NewDocument<'_>]) -> Result<Vec<Result<PutOutcome>>> {
    let mark = write::fts_mark(conn)?;
    let outcomes = docs
        .iter()
        .map(|d| savepoint(conn, "put_doc", |c| write::put(c, d)))
        .collect();
    write::index_new(conn, mark)?;
    Ok(outcomes)
}

/// Store a whole batch with no savepoint (the fast path): any failure fails
/// the batch, whose transaction is then rolled back.
fn put_batch_all(conn: &Connection, docs: &[NewDocument<'_>]) -> Result<Vec<PutOutcome>> {
    let mark = write::fts_mark(conn)?;
    let all = docs
        .iter()
        .map(|d| write::put(conn, d))
        .collect::<Result<Vec<_>>>()?;
    write::index_new(conn, mark)?;
    Ok(all)
}

/// Run `f` inside a named savepoint of the open transaction: its writes are
/// kept when it succeeds and undone alone when it fails.
pub(crate) fn savepoint<T>(
    conn: &Connection,
    name: &str,
    f: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    conn.execute_batch(&format!("SAVEPOINT {name}"))?;
    match f(conn) {
        Ok(out) => {
            conn.execute_batch(&format!("RELEASE {name}"))?;
            Ok(out)
        }
        Err(e) => {
            conn.execute_batch(&format!("ROLLBACK TO {name}; RELEASE {name}"))?;
            Err(e)
        }
    }
}

impl Store for SqliteStore {
    fn put_document(
        &mut self,
        doc: &Document,
        sentences: &[Sentence],
        claims: &[Claim],
    ) -> Result<PutOutcome> {
        let d = NewDocument {
            doc,
            sentences,
            claims,
        };
        self.write(|tx| {
            let mark = write::fts_mark(tx)?;
            let out = write::put(tx, &d)?;
            write::index_new(tx, mark)?;
            Ok(out)
        })
    }

    fn put_documents(&mut self, docs: &[NewDocument<'_>]) -> Result<Vec<Result<PutOutcome>>> {
        // Inside a caller's write (begin_write): one savepoint per document.
        if !self.conn.is_autocommit() {
            return self.write(|tx| put_batch_each(tx, docs));
        }
        // Fast path: the whole batch in one transaction without savepoints;
        // when a document fails, the transaction is rolled back and the
        // batch stored again one savepoint per document.
        match self.write(|tx| put_batch_all(tx, docs)) {
            Ok(all) => Ok(all.into_iter().map(Ok).collect()),
            Err(e) if e.is_busy() || e.is_interrupted() => Err(e),
            Err(_) => self.write(|tx| put_batch_each(tx, docs)),
        }
    }

    fn replace_extraction(
        &mut self,
        doc_id: &str,
        sentences: &[Sentence],
        claims: &[Claim],
    ) -> Result<usize> {
        self.write(|tx| {
            if read::find_id(tx, doc_id)? {
                corr::detach_document(tx, doc_id)?;
            }
            write::replace_extraction(tx, doc_id, sentences, claims)
        })
    }

    fn delete_document(&mut self, id: &str) -> Result<bool> {
        self.write(|tx| {
            corr::detach_document(tx, id)?;
            let n = tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            Ok(n > 0)
        })
    }

    fn begin_write(&mut self) -> Result<()> {
        if !self.conn.is_autocommit() {
            return Err(Error::InvalidQuery(
                "begin_write inside an open transaction".into(),
            ));
        }
        self.write_wait_loop(|conn| Ok(conn.execute_batch("BEGIN IMMEDIATE")?))
    }

    fn end_write(&mut self, commit: bool) -> Result<()> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        if commit {
            if let Err(e) = self.conn.execute_batch("COMMIT") {
                // A failed COMMIT may leave the transaction open: end it.
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e.into());
            }
            Ok(())
        } else {
            Ok(self.conn.execute_batch("ROLLBACK")?)
        }
    }

    fn find_hash(&self, hash: &str) -> Result<Option<String>> {
        read::find_hash(&self.conn, hash)
    }

    fn document_hashes(&self) -> Result<Vec<String>> {
        read::document_hashes(&self.conn)
    }

    fn documents(&self, q: &DocQuery) -> Result<Vec<DocSummary>> {
        read::documents(&self.conn, q)
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        read::document(&self.conn, id)
    }

    fn document_meta(&self, id: &str) -> Result<Option<DocumentMeta>> {
        read::document_meta(&self.conn, id)
    }

    fn outlet_counts(&self, limit: usize) -> Result<Vec<OutletCount>> {
        read::outlet_counts(&self.conn, limit)
    }

    fn actor_counts(&self, contains: &str, limit: usize) -> Result<Vec<ActorCount>> {
        read::actor_counts(&self.conn, contains, limit)
    }

    fn claims(&self, q: &ClaimQuery) -> Result<Page<Claim>> {
        read::claims(&self.conn, q)
    }

    fn claim(&self, id: &str) -> Result<Option<Claim>> {
        read::claim(&self.conn, id)
    }

    fn profile(&self, doc: &str) -> Result<Option<Profile>> {
        read::profile(&self.conn, doc)
    }

    fn review(&mut self, r: &Review) -> Result<()> {
        self.write(|tx| write::review(tx, r))
    }

    fn reviews(&self, claim_id: &str) -> Result<Vec<Review>> {
        read::reviews(&self.conn, claim_id)
    }

    fn stats(&self) -> Result<Stats> {
        read::stats(&self.conn)
    }

    fn document_count(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| read::uget(r, 0))?)
    }

    fn pending_corroboration(&self, limit: usize) -> Result<Vec<String>> {
        corr::pending(&self.conn, limit)
    }

    fn copy_candidates(&self, bands: &[i64]) -> Result<Vec<CopyCandidate>> {
        corr::copy_candidates(&self.conn, bands)
    }

    fn corroborated_docs(&self, ids: &[String]) -> Result<Vec<CorroboratedDoc>> {
        corr::corroborated_docs(&self.conn, ids)
    }

    fn event_states(&self, keys: &[i64], groups: &[String]) -> Result<Vec<StoredEventState>> {
        corr::event_states(&self.conn, keys, groups)
    }

    fn put_corroboration(&mut self, update: &CorroborationUpdate) -> Result<()> {
        self.write(|tx| corr::put(tx, update))
    }

    fn events(&self, q: &EventQuery) -> Result<Page<Event>> {
        corr::events(&self.conn, q)
    }

    fn event(&self, id: &str) -> Result<Option<Event>> {
        corr::event(&self.conn, id)
    }

    fn event_heads(&self, q: &EventQuery, cap: usize) -> Result<Page<EventHead>> {
        corr::event_heads(&self.conn, q, cap)
    }

    fn event_head(&self, id: &str, cap: usize) -> Result<Option<EventHead>> {
        corr::event_head(&self.conn, id, cap)
    }

    fn event_members(
        &self,
        id: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Option<Page<EventClaim>>> {
        corr::event_members(&self.conn, id, limit, offset)
    }

    fn event_contradictions(
        &self,
        id: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Option<Page<Contradiction>>> {
        corr::event_contradictions(&self.conn, id, limit, offset)
    }

    fn event_of_claim(&self, claim_id: &str) -> Result<Option<String>> {
        corr::event_of_claim(&self.conn, claim_id)
    }

    fn claim_corroboration(&self, claim_id: &str) -> Result<Option<ClaimCorroboration>> {
        corr::claim_corroboration(&self.conn, claim_id)
    }

    fn copy_groups(&self) -> Result<Vec<Vec<String>>> {
        corr::copy_groups(&self.conn)
    }

    fn outlet_profiles(&self) -> Result<Vec<OutletProfile>> {
        corr::outlet_profiles(&self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_past_its_deadline_is_interrupted() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        let slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT count(*) FROM n";
        s.set_deadline(Some(Instant::now() + Duration::from_millis(20)))
            .unwrap();
        let started = Instant::now();
        let e: Error = s
            .conn
            .query_row(slow, [], |r| r.get::<_, i64>(0))
            .unwrap_err()
            .into();
        assert!(e.is_interrupted(), "{e}");
        assert!(started.elapsed() < Duration::from_secs(2));
        s.set_deadline(None).unwrap();
        let n: i64 = s.conn.query_row(slow, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 10_000_000);
    }

    #[test]
    fn a_second_writer_waits_its_turn() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mut a = SqliteStore::open(&path).unwrap();
        let mut b = SqliteStore::open(&path).unwrap();
        a.begin_write().unwrap();
        let waiter = std::thread::spawn(move || {
            let started = Instant::now();
            b.begin_write().unwrap();
            b.end_write(true).unwrap();
            started.elapsed()
        });
        std::thread::sleep(Duration::from_millis(300));
        a.end_write(true).unwrap();
        assert!(waiter.join().unwrap() >= Duration::from_millis(250));
    }
}
