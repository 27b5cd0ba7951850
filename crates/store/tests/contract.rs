//! The storage contract on every SqliteStore flavour.

use std::sync::atomic::{AtomicUsize, Ordering};

use claimtrace_store::SqliteStore;
use claimtrace_store::testing::contract_suite;

#[test]
fn sqlite_in_memory() {
    contract_suite(|| SqliteStore::open_in_memory().expect("open in memory"));
}

#[test]
fn sqlite_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = AtomicUsize::new(0);
    contract_suite(|| {
        let path = dir
            .path()
            .join(format!("store-{}.db", n.fetch_add(1, Ordering::Relaxed)));
        SqliteStore::open(path).expect("open file")
    });
}

#[test]
fn object_safe() {
    let store: Box<dyn claimtrace_store::Store> =
        Box::new(SqliteStore::open_in_memory().expect("open"));
    assert_eq!(store.stats().expect("stats").documents, 0);
}
