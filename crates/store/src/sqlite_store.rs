//! [`SqliteStore`]: the [`Store`] on one SQLite file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimtrace_model::{Claim, Document, Event, OutletProfile, Profile, Sentence};
use rusqlite::{Connection, TransactionBehavior};

use crate::corroboration::{
    ClaimCorroboration, CopyCandidate, CorroboratedDoc, CorroborationUpdate, EventQuery,
    StoredEventState,
};
use crate::migration::{self, MIGRATIONS};
use crate::store::{DocSummary, NewDocument, PutOutcome, Stats, Store, StoredDocument};
use crate::{
    ClaimQuery, DocQuery, Page, Result, Review, sqlite_corroboration as corr, sqlite_read as read,
    sqlite_write as write,
};

/// How long a writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The SQLite store: WAL journal (readers never block the writer),
/// `synchronous=NORMAL` (a commit survives a process crash; a power cut may
/// lose the last commits but never corrupts), foreign keys on.
///
/// Holds one connection; it is `Send` but not `Sync`, so a server shares it
/// behind a mutex or opens one per worker (WAL allows many readers).
pub struct SqliteStore {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
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
        let mut store = SqliteStore { conn, path };
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
}

impl Store for SqliteStore {
    fn put_document(
        &mut self,
        doc: &Document,
        sentences: &[Sentence],
        claims: &[Claim],
    ) -> Result<PutOutcome> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mark = write::fts_mark(&tx)?;
        let out = write::put(
            &tx,
            &NewDocument {
                doc,
                sentences,
                claims,
            },
        )?;
        write::index_new(&tx, mark)?;
        tx.commit()?;
        Ok(out)
    }

    fn put_documents(&mut self, docs: &[NewDocument<'_>]) -> Result<Vec<Result<PutOutcome>>> {
        // Fast path: the whole batch in one transaction without savepoints.
        // FTS5 writes its pending terms to disk at every savepoint, so a
        // savepoint per document costs more than the inserts themselves.
        {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mark = write::fts_mark(&tx)?;
            let mut outcomes = Vec::with_capacity(docs.len());
            for d in docs {
                match write::put(&tx, d) {
                    Ok(o) => outcomes.push(Ok(o)),
                    Err(_) => break,
                }
            }
            if outcomes.len() == docs.len() {
                write::index_new(&tx, mark)?;
                tx.commit()?;
                return Ok(outcomes);
            }
            // A document failed: roll the batch back (dropping `tx`) and
            // store it again with one savepoint per document, so the bad one
            // is rolled back alone and reported.
        }
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mark = write::fts_mark(&tx)?;
        let mut outcomes = Vec::with_capacity(docs.len());
        for d in docs {
            // A savepoint per document: a bad one rolls back alone.
            let sp = tx.savepoint()?;
            match write::put(&sp, d) {
                Ok(o) => {
                    sp.commit()?;
                    outcomes.push(Ok(o));
                }
                Err(e) => {
                    drop(sp);
                    outcomes.push(Err(e));
                }
            }
        }
        write::index_new(&tx, mark)?;
        tx.commit()?;
        Ok(outcomes)
    }

    fn replace_extraction(
        &mut self,
        doc_id: &str,
        sentences: &[Sentence],
        claims: &[Claim],
    ) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if read::find_id(&tx, doc_id)? {
            corr::detach_document(&tx, doc_id)?;
        }
        let n = write::replace_extraction(&tx, doc_id, sentences, claims)?;
        tx.commit()?;
        Ok(n)
    }

    fn delete_document(&mut self, id: &str) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        corr::detach_document(&tx, id)?;
        let n = tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n > 0)
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write::review(&tx, r)?;
        tx.commit()?;
        Ok(())
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        corr::put(&tx, update)?;
        tx.commit()?;
        Ok(())
    }

    fn events(&self, q: &EventQuery) -> Result<Page<Event>> {
        corr::events(&self.conn, q)
    }

    fn event(&self, id: &str) -> Result<Option<Event>> {
        corr::event(&self.conn, id)
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
