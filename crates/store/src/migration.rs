//! Numbered schema migrations, embedded in the binary and applied in order.
//!
//! Each migration runs in its own transaction together with the row that
//! records it in `schema_migrations` and the `user_version` pragma, so a
//! database is always exactly at one version.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::{Error, Result};

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// 1, 2, 3, ... without gaps.
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration of this build, oldest first. To change the schema, add a
/// file `migrations/NNNN_name.sql` and one line here; never edit a released one.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "corroboration",
        sql: include_str!("../migrations/0002_corroboration.sql"),
    },
    Migration {
        version: 3,
        name: "batch_fts",
        sql: include_str!("../migrations/0003_batch_fts.sql"),
    },
    Migration {
        version: 4,
        name: "claim_order",
        sql: include_str!("../migrations/0004_claim_order.sql"),
    },
];

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)";

/// The highest migration recorded in `conn` (0 for a new database).
pub fn current_version(conn: &Connection) -> Result<u32> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    let v: Option<u32> = conn
        .query_row("SELECT max(version) FROM schema_migrations", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    Ok(v.unwrap_or(0))
}

/// Bring `conn` up to the last of `migrations`; returns the versions applied.
/// A database newer than the last migration is refused rather than guessed at.
pub fn apply(conn: &mut Connection, migrations: &[Migration]) -> Result<Vec<u32>> {
    for (i, m) in migrations.iter().enumerate() {
        if m.version as usize != i + 1 {
            return Err(Error::Migration {
                version: m.version,
                reason: format!("expected version {}", i + 1),
            });
        }
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(BOOKKEEPING)?;
    tx.commit()?;
    let current = current_version(conn)?;
    let known = migrations.last().map_or(0, |m| m.version);
    if current > known {
        return Err(Error::Migration {
            version: current,
            reason: format!(
                "the database schema is newer than this build (which knows up to {known})"
            ),
        });
    }
    let mut applied = Vec::new();
    for m in migrations.iter().filter(|m| m.version > current) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have upgraded between our read and our lock.
        if current_version(&tx)? >= m.version {
            continue;
        }
        tx.execute_batch(m.sql).map_err(|e| Error::Migration {
            version: m.version,
            reason: e.to_string(),
        })?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
            params![m.version, m.name],
        )?;
        tx.pragma_update(None, "user_version", m.version)?;
        tx.commit()?;
        applied.push(m.version);
    }
    Ok(applied)
}
