//! SqliteStore specifics: pragmas, the schema names other code relies on,
//! integrity, and a second connection reading while the first writes.

// The store's own tests read and write its SQLite file directly.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use claimtrace_store::testing::sample::sample;
use claimtrace_store::{SqliteStore, Store, schema};
use rusqlite::Connection;

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .expect("prepare");
    stmt.query_map([table], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// Every table and column that `schema` names, which other code relies on.
const NAMED_COLUMNS: &[(&str, &[&str])] = {
    use schema::{
        claims as c, contradictions as x, doc_signatures as g, documents as d, event_claims as m,
        events as e, reviews as r, sentences as s,
    };
    &[
        (
            d::TABLE,
            &[
                d::ID,
                d::HASH,
                d::TITLE,
                d::URL,
                d::OUTLET,
                d::PUBLISHED,
                d::LANG,
                d::AUTHOR,
                d::FORMAT,
                d::ORIGIN,
                d::TEXT,
                d::INGESTED_AT,
            ],
        ),
        (
            s::TABLE,
            &[
                s::DOC,
                s::IDX,
                s::SPAN_START,
                s::SPAN_END,
                s::TRIM_START,
                s::TRIM_END,
            ],
        ),
        (
            c::TABLE,
            &[
                c::ID,
                c::DOC,
                c::SENTENCE_INDEX,
                c::SPAN_START,
                c::SPAN_END,
                c::TYPE,
                c::PLOVER_EVENT,
                c::EPISTEMIC,
                c::SOURCE_KIND,
                c::SOURCE_NAME,
                c::ACTOR_NAME,
                c::ACTOR_ID,
                c::TARGET_NAME,
                c::TARGET_ID,
                c::DATE_VALUE,
                c::DATE_START,
                c::DATE_END,
                c::PLACE_NAME,
                c::COUNTRY,
                c::LAT,
                c::LON,
                c::SENTENCE,
                c::JSON,
            ],
        ),
        (
            r::TABLE,
            &[
                r::CLAIM_ID,
                r::WHO,
                r::AT,
                r::ACTION,
                r::FIELD,
                r::OLD_VALUE,
                r::NEW_VALUE,
                r::NOTE,
            ],
        ),
        (
            g::TABLE,
            &[g::DOC, g::SHINGLES, g::SIGNATURE, g::COPY_GROUP],
        ),
        (
            e::TABLE,
            &[
                e::SEQ,
                e::ID,
                e::TYPE,
                e::LABEL,
                e::DATE_START,
                e::DATE_END,
                e::PLACE_NAME,
                e::COUNTRY,
                e::INDEPENDENT_ORIGINS,
                e::REPORTS,
                e::DOCUMENTS,
                e::CONTRADICTIONS,
                e::LEVEL,
                e::JSON,
            ],
        ),
        (
            m::TABLE,
            &[
                m::EVENT_SEQ,
                m::POSITION,
                m::CLAIM_ID,
                m::DOC,
                m::ORIGIN,
                m::EPISTEMIC,
                m::CORROBORATED,
                m::CONTRADICTED,
            ],
        ),
        (
            x::TABLE,
            &[
                x::EVENT_SEQ,
                x::KIND,
                x::CLAIM_A,
                x::CLAIM_B,
                x::DETAIL,
                x::ORIGIN_A,
                x::ORIGIN_B,
            ],
        ),
    ]
};

#[test]
fn schema_names_exist() {
    let store = SqliteStore::open_in_memory().expect("open");
    let conn = store.connection();
    for (table, names) in NAMED_COLUMNS {
        let have = columns(conn, table);
        for n in *names {
            assert!(
                have.iter().any(|h| h == n),
                "{table}.{n} missing; have {have:?}"
            );
        }
    }
}

#[test]
fn pragmas_on_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("p.db")).expect("open");
    let conn = store.connection();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("q");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("q");
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("q");
    assert_eq!((mode.as_str(), fk, sync), ("wal", 1, 1));
}

#[test]
fn integrity_after_churn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = SqliteStore::open(dir.path().join("c.db")).expect("open");
    let ss: Vec<_> = (0..20).map(sample).collect();
    let batch: Vec<_> = ss.iter().map(|s| s.as_new()).collect();
    store.put_documents(&batch).expect("put");
    for s in &ss[..10] {
        store
            .replace_extraction(&s.doc.id, &s.sentences[..10], &s.claims[..3])
            .expect("replace");
    }
    for s in &ss[5..8] {
        store.delete_document(&s.doc.id).expect("delete");
    }
    assert_eq!(
        store.integrity_check().expect("check"),
        Vec::<String>::new()
    );
    let conn = store.connection();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM claim_actors WHERE claim_seq NOT IN (SELECT seq FROM claims)",
            [],
            |r| r.get(0),
        )
        .expect("q");
    assert_eq!(orphans, 0);
    // The contentless sentence index holds exactly the remaining sentences.
    let indexed: i64 = conn
        .query_row("SELECT count(*) FROM sentences_fts", [], |r| r.get(0))
        .expect("q");
    let sentences: i64 = conn
        .query_row("SELECT count(*) FROM sentences", [], |r| r.get(0))
        .expect("q");
    assert_eq!(indexed, sentences);
}

#[test]
fn reader_sees_committed_documents_while_writer_is_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rw.db");
    let mut writer = SqliteStore::open(&path).expect("open writer");
    let reader = SqliteStore::open(&path).expect("open reader");
    let s = sample(3);
    writer
        .put_document(&s.doc, &s.sentences, &s.claims)
        .expect("put");
    assert_eq!(reader.stats().expect("stats").claims, s.claims.len());
}
