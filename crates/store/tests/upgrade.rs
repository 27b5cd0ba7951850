//! Schema migrations: released migrations are frozen, a database of every
//! released schema (fixtures) upgrades cleanly, and a failing migration
//! leaves the database at its previous version.

// The store's own tests read and write its SQLite file directly.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::path::Path;

use claimtrace_model::content_hash;
use claimtrace_store::migration::{self, MIGRATIONS, Migration};
use claimtrace_store::testing::sample::sample;
use claimtrace_store::{ClaimQuery, Error, ReviewAction, SqliteStore, Store};
use rusqlite::Connection;

/// SHA-256 of each released migration. A released migration never changes:
/// databases in the field already ran it. Add a new migration instead.
const RELEASED: &[(u32, &str)] = &[
    (
        1,
        "b0c81513b1fb07e63948d9fda1f35e5095c00063ccc5b9a60cc6353dbf68592f",
    ),
    (
        2,
        "acfa198e3315e46d869a29254ced8119ce3f3db4eab6e2ef95bf9c0bf5aee495",
    ),
    (
        3,
        "868f968ac65140389b2312950f361e77061c3c076c89eb2bf2b087eb71e0fcc0",
    ),
];

#[test]
fn released_migrations_are_frozen() {
    for (version, hash) in RELEASED {
        let m = MIGRATIONS
            .iter()
            .find(|m| m.version == *version)
            .expect("released migration still listed");
        assert_eq!(content_hash(m.sql), *hash, "migration {version} was edited");
    }
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(
            m.version as usize,
            i + 1,
            "versions are 1, 2, 3, ... in order"
        );
    }
}

const FIXTURE_V1: &str = "tests/fixtures/schema-v1.db";

/// Documents in the v1 fixture: samples 0 and 1, with a correction of the
/// type of sample 0's first claim to `casualties` and a rejection.
fn check_v1_content(store: &SqliteStore) {
    let (a, b) = (sample(0), sample(1));
    assert_eq!(store.stats().expect("stats").documents, 2);
    assert_eq!(
        store.document(&b.doc.id).expect("read").map(|d| d.document),
        Some(b.doc.clone())
    );
    for c in &b.claims {
        assert_eq!(store.claim(&c.id).expect("read").as_ref(), Some(c));
    }
    let corrected = store.claim(&a.claims[0].id).expect("read").expect("claim");
    assert_eq!(corrected.claim_type.as_str(), "casualties");
    assert!(
        corrected
            .why
            .iter()
            .any(|w| w.starts_with("corrected by fixture"))
    );
    let trail = store.reviews(&a.claims[0].id).expect("trail");
    assert_eq!(
        trail.iter().map(|r| r.action).collect::<Vec<_>>(),
        vec![ReviewAction::Correct, ReviewAction::Reject]
    );
    let found = store
        .claims(&ClaimQuery {
            q: Some("Belgorod".into()),
            ..Default::default()
        })
        .expect("fts");
    assert!(found.total > 0, "full-text index carried over");
}

#[test]
fn v1_fixture_upgrades_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.db");
    std::fs::copy(FIXTURE_V1, &path).expect("fixture present (see write_v1_fixture)");
    {
        let raw = Connection::open(&path).expect("open raw");
        assert_eq!(
            migration::current_version(&raw).expect("version"),
            1,
            "fixture is schema v1"
        );
    }
    let mut store = SqliteStore::open(&path).expect("upgrade");
    assert_eq!(
        store.schema_version().expect("version"),
        migration::latest_version()
    );
    assert_eq!(
        store.integrity_check().expect("check"),
        Vec::<String>::new()
    );
    check_v1_content(&store);
    // Claims stored before 0004 carry their document's sort key and outlet.
    {
        let raw = Connection::open(&path).expect("open raw");
        let unkeyed: i64 = raw
            .query_row(
                "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.doc
                 WHERE c.ord_published IS NOT COALESCE(d.published, '~')
                    OR c.ord_outlet IS NOT lower(d.outlet)
                    OR c.ord_day_lo IS NOT COALESCE(c.date_start, c.date_end, substr(d.published, 1, 10))
                    OR c.ord_day_hi IS NOT COALESCE(c.date_end, c.date_start, substr(d.published, 1, 10))",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(unkeyed, 0, "0004 filled the order columns");
    }
    // Documents stored before corroboration existed wait for it.
    assert_eq!(
        store.pending_corroboration(0).expect("pending"),
        vec![sample(0).doc.id, sample(1).doc.id]
    );
    // Still writable after the upgrade.
    let c = sample(2);
    store
        .put_document(&c.doc, &c.sentences, &c.claims)
        .expect("put after upgrade");
    drop(store);
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.stats().expect("stats").documents, 3);
}

/// Writes the v1 fixture. Run once when schema v1 was released:
/// `cargo test -p claimtrace-store --test upgrade -- --ignored write_v1_fixture`.
/// Refuses to run once there are later migrations (the fixture must stay v1).
#[test]
#[ignore = "writes tests/fixtures/schema-v1.db; run deliberately"]
fn write_v1_fixture() {
    assert_eq!(
        migration::latest_version(),
        1,
        "a v1 fixture can only be written by a v1 build"
    );
    let path = Path::new(FIXTURE_V1);
    let _ = std::fs::remove_file(path);
    let mut store = SqliteStore::open(path).expect("create");
    for s in [sample(0), sample(1)] {
        store
            .put_document(&s.doc, &s.sentences, &s.claims)
            .expect("put");
    }
    let id = sample(0).claims[0].id.clone();
    let mut r = claimtrace_store::Review::correct(&id, "fixture", "type", "casualties");
    r.at = Some("2026-11-25T11:00:00Z".into());
    store.review(&r).expect("review");
    let mut r =
        claimtrace_store::Review::verdict(&id, "fixture", ReviewAction::Reject, Some("test"));
    r.at = Some("2026-11-25T11:01:00Z".into());
    store.review(&r).expect("review");
    check_v1_content(&store);
    let conn = store.connection();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;")
        .expect("compact");
}

const FIXTURE_V2: &str = "tests/fixtures/schema-v2.db";

/// The v2 fixture: samples 0, 1 and 2 with the v1 reviews, samples 0 and 1
/// corroborated as one copy group and one event over a claim of each, with
/// a contradiction; sample 2 still pending.
fn v2_event() -> claimtrace_model::Event {
    use claimtrace_model::{
        Contradiction, ContradictionKind, CorroborationLevel, Event, EventClaim, Origin,
    };
    let (a, b) = (sample(0).claims[1].clone(), sample(1).claims[1].clone());
    let member = |c: &claimtrace_model::Claim, origin: &str| EventClaim {
        claim: c.id.clone(),
        doc: c.doc.clone(),
        origin: origin.into(),
        epistemic: c.epistemic,
        corroborated: true,
        contradicted: true,
    };
    Event {
        id: format!("ev:{}", a.id),
        event_type: a.claim_type,
        label: "fixture event".into(),
        summary: a.sentence.clone(),
        claims: vec![member(&a, "name:x"), member(&b, "name:y")],
        documents: vec![a.doc.clone(), b.doc.clone()],
        origins: ["name:x", "name:y"]
            .iter()
            .zip([&a, &b])
            .map(|(k, c)| Origin {
                key: k.to_string(),
                label: k.to_string(),
                claims: 1,
                documents: vec![c.doc.clone()],
                source_kinds: vec![c.source.kind],
                denies: false,
            })
            .collect(),
        independent_origins: 2,
        source_kinds: Vec::new(),
        firmness: Vec::new(),
        earliest: None,
        date_start: Some("2025-06-01".into()),
        date_end: Some("2025-06-01".into()),
        place: None,
        actors: vec!["Russia".into()],
        targets: vec!["Ukraine".into()],
        level: CorroborationLevel::Contested,
        contradictions: vec![Contradiction {
            kind: ContradictionKind::Quantity,
            a: a.id.clone(),
            b: b.id.clone(),
            detail: "117 drones vs over 300 UAV".into(),
            a_origin: "name:x".into(),
            b_origin: "name:y".into(),
        }],
    }
}

fn check_v2_content(store: &SqliteStore) {
    check_v1_content_of(store, 3);
    let e = v2_event();
    assert_eq!(store.event(&e.id).expect("read"), Some(e.clone()));
    let (a, b) = (sample(0).doc.id, sample(1).doc.id);
    let mut group = vec![a.clone(), b];
    group.sort();
    assert_eq!(store.copy_groups().expect("groups"), vec![group]);
    assert_eq!(
        store.pending_corroboration(0).expect("pending"),
        vec![sample(2).doc.id]
    );
    let states = store.event_states(&[42], &[]).expect("states");
    assert_eq!(states.len(), 1);
    assert_eq!(states[0].state, "{\"fixture\":true}");
    assert_eq!(store.copy_candidates(&[7]).expect("c").len(), 2);
}

fn check_v1_content_of(store: &SqliteStore, documents: usize) {
    let (a, b) = (sample(0), sample(1));
    assert_eq!(store.stats().expect("stats").documents, documents);
    assert_eq!(
        store.document(&b.doc.id).expect("read").map(|d| d.document),
        Some(b.doc.clone())
    );
    let corrected = store.claim(&a.claims[0].id).expect("read").expect("claim");
    assert_eq!(corrected.claim_type.as_str(), "casualties");
}

#[test]
fn v2_fixture_upgrades_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v2.db");
    std::fs::copy(FIXTURE_V2, &path).expect("fixture present (see write_v2_fixture)");
    {
        let raw = Connection::open(&path).expect("open raw");
        assert_eq!(migration::current_version(&raw).expect("version"), 2);
    }
    let mut store = SqliteStore::open(&path).expect("upgrade");
    assert_eq!(
        store.schema_version().expect("version"),
        migration::latest_version()
    );
    assert_eq!(
        store.integrity_check().expect("check"),
        Vec::<String>::new()
    );
    check_v2_content(&store);
    let c = sample(3);
    store
        .put_document(&c.doc, &c.sentences, &c.claims)
        .expect("put after upgrade");
    assert_eq!(store.pending_corroboration(0).expect("pending").len(), 2);
}

/// Writes the v2 fixture. Run once when schema v2 was released:
/// `cargo test -p claimtrace-store --test upgrade -- --ignored write_v2_fixture`.
#[test]
#[ignore = "writes tests/fixtures/schema-v2.db; run deliberately"]
fn write_v2_fixture() {
    assert_eq!(
        migration::latest_version(),
        2,
        "a v2 fixture can only be written by a v2 build"
    );
    let path = Path::new(FIXTURE_V2);
    let _ = std::fs::remove_file(path);
    let mut store = SqliteStore::open(path).expect("create");
    for s in [sample(0), sample(1), sample(2)] {
        store
            .put_document(&s.doc, &s.sentences, &s.claims)
            .expect("put");
    }
    let id = sample(0).claims[0].id.clone();
    let mut r = claimtrace_store::Review::correct(&id, "fixture", "type", "casualties");
    r.at = Some("2026-11-25T11:00:00Z".into());
    store.review(&r).expect("review");
    let (a, b) = (sample(0).doc.id, sample(1).doc.id);
    let sig = |doc: &str| claimtrace_store::DocSignature {
        doc: doc.to_string(),
        shingles: 30,
        signature: vec![1, 2, 3, 4, 5, 6, 7, 8],
        bands: vec![7, 8],
        copy_group: a.clone(),
    };
    store
        .put_corroboration(&claimtrace_store::CorroborationUpdate {
            signatures: vec![sig(&a), sig(&b)],
            regroup: Vec::new(),
            events: vec![claimtrace_store::EventRecord {
                seq: None,
                event: v2_event(),
                state: "{\"fixture\":true}".into(),
                keys: vec![42, 43],
            }],
        })
        .expect("corroboration");
    check_v2_content(&store);
    let conn = store.connection();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;")
        .expect("compact");
}

fn memory_with(migrations: &[Migration]) -> Connection {
    let mut conn = Connection::open_in_memory().expect("open");
    migration::apply(&mut conn, migrations).expect("migrate");
    conn
}

fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn a_later_migration_applies_once() {
    let v1 = &MIGRATIONS[..1];
    let mut conn = memory_with(v1);
    conn.execute(
        "INSERT INTO reviews (claim_id, who, at, action) VALUES ('x:0:0', 'a', 'now', 'confirm')",
        [],
    )
    .expect("row");
    let v2 = [
        v1[0],
        Migration {
            version: 2,
            name: "test_events",
            sql: "CREATE TABLE test_events (id INTEGER PRIMARY KEY, claim_id TEXT NOT NULL);
                  ALTER TABLE reviews ADD COLUMN source TEXT;",
        },
    ];
    assert_eq!(migration::apply(&mut conn, &v2).expect("upgrade"), vec![2]);
    assert_eq!(
        migration::apply(&mut conn, &v2).expect("again"),
        Vec::<u32>::new()
    );
    assert_eq!(migration::current_version(&conn).expect("version"), 2);
    let uv: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(uv, 2);
    assert!(tables(&conn).contains(&"test_events".to_string()));
    let kept: i64 = conn
        .query_row(
            "SELECT count(*) FROM reviews WHERE source IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("q");
    assert_eq!(kept, 1);
    // This build (which knows fewer migrations) refuses the newer database.
    let err = migration::apply(&mut conn, v1).expect_err("newer database");
    assert!(matches!(err, Error::Migration { version: 2, .. }), "{err}");
}

#[test]
fn a_failing_migration_changes_nothing() {
    let v1 = &MIGRATIONS[..1];
    let mut conn = memory_with(v1);
    let before = tables(&conn);
    let broken = [
        v1[0],
        Migration {
            version: 2,
            name: "broken",
            sql: "CREATE TABLE half_done (x); SELECT * FROM no_such_table;",
        },
    ];
    let err = migration::apply(&mut conn, &broken).expect_err("broken migration");
    assert!(matches!(err, Error::Migration { version: 2, .. }), "{err}");
    assert_eq!(migration::current_version(&conn).expect("version"), 1);
    assert_eq!(
        tables(&conn),
        before,
        "no table of the failed migration remains"
    );
    let gap = [
        v1[0],
        Migration {
            version: 3,
            name: "gap",
            sql: "SELECT 1;",
        },
    ];
    assert!(
        migration::apply(&mut conn, &gap).is_err(),
        "versions must not skip"
    );
}
