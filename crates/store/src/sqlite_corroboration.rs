//! Corroboration tables on SQLite (migration 0002): reads run on the
//! connection, writes inside a transaction the caller owns.

use std::collections::{BTreeMap, HashMap};

use claimtrace_model::{
    Contradiction, ContradictionKind, CorroborationLevel, Epistemic, Event, EventClaim,
    OutletCounts, OutletProfile, SourceKind,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use crate::corroboration::{
    ClaimCorroboration, CopyCandidate, CorroboratedDoc, CorroborationUpdate, EventHead, EventQuery,
    EventRecord, StoredEventState, UNKNOWN_OUTLET,
};
use crate::query::{like_contains, limit_offset, since_day, until_day};
use crate::sqlite_read::uget;
use crate::{Error, Page, Result};

/// SQLite's default limit on host parameters is 32766; stay well below it.
const CHUNK: usize = 500;

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

pub(crate) fn pending(conn: &Connection, limit: usize) -> Result<Vec<String>> {
    let (lim, _) = limit_offset(limit, 0);
    let mut stmt = conn.prepare_cached(
        "SELECT d.id FROM documents d
         WHERE NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.doc = d.id)
         ORDER BY d.seq LIMIT ?1",
    )?;
    let rows = stmt.query_map([lim], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn copy_candidates(conn: &Connection, bands: &[i64]) -> Result<Vec<CopyCandidate>> {
    let mut out: Vec<(i64, CopyCandidate)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for chunk in bands.chunks(CHUNK) {
        let sql = format!(
            "SELECT s.rowid, s.doc, s.shingles, s.signature, s.copy_group, r.published, r.outlet
             FROM doc_signatures s
             LEFT JOIN documents r ON r.id = s.copy_group
             WHERE s.doc IN (SELECT doc FROM doc_bands WHERE band IN ({}))",
            placeholders(chunk.len())
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                CopyCandidate {
                    doc: r.get(1)?,
                    shingles: uget(r, 2)?,
                    signature: r.get(3)?,
                    copy_group: r.get(4)?,
                    group_published: r.get(5)?,
                    group_outlet: r.get(6)?,
                },
            ))
        })?;
        for row in rows {
            let (rowid, c) = row?;
            if seen.insert(c.doc.clone()) {
                out.push((rowid, c));
            }
        }
    }
    out.sort_by_key(|(rowid, _)| *rowid);
    Ok(out.into_iter().map(|(_, c)| c).collect())
}

pub(crate) fn corroborated_docs(conn: &Connection, ids: &[String]) -> Result<Vec<CorroboratedDoc>> {
    let mut found: HashMap<String, CorroboratedDoc> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT d.id, d.outlet, d.published, s.copy_group, r.outlet
             FROM documents d
             LEFT JOIN doc_signatures s ON s.doc = d.id
             LEFT JOIN documents r ON r.id = s.copy_group
             WHERE d.id IN ({})",
            placeholders(chunk.len())
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| {
            Ok(CorroboratedDoc {
                doc: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                copy_group: r.get(3)?,
                group_outlet: r.get(4)?,
            })
        })?;
        for row in rows {
            let d = row?;
            found.insert(d.doc.clone(), d);
        }
    }
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

pub(crate) fn event_states(
    conn: &Connection,
    keys: &[i64],
    groups: &[String],
) -> Result<Vec<StoredEventState>> {
    let mut seqs: Vec<i64> = Vec::new();
    for chunk in keys.chunks(CHUNK) {
        let sql = format!(
            "SELECT DISTINCT event_seq FROM event_keys WHERE key IN ({})",
            placeholders(chunk.len())
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| r.get(0))?;
        for r in rows {
            seqs.push(r?);
        }
    }
    for chunk in groups.chunks(CHUNK) {
        let sql = format!(
            "SELECT DISTINCT m.event_seq FROM event_claims m
             JOIN doc_signatures s ON s.doc = m.doc
             WHERE s.copy_group IN ({})",
            placeholders(chunk.len())
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| r.get(0))?;
        for r in rows {
            seqs.push(r?);
        }
    }
    let mut stale = conn.prepare_cached("SELECT seq FROM events WHERE stale <> 0")?;
    for r in stale.query_map([], |r| r.get(0))? {
        seqs.push(r?);
    }
    seqs.sort_unstable();
    seqs.dedup();
    let mut out = Vec::with_capacity(seqs.len());
    let mut stmt = conn.prepare_cached("SELECT id, state, stale FROM events WHERE seq = ?1")?;
    for seq in seqs {
        if let Some((id, state, stale)) = stmt
            .query_row([seq], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .optional()?
        {
            out.push(StoredEventState {
                seq,
                id,
                state,
                stale: stale != 0,
            });
        }
    }
    Ok(out)
}

fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

pub(crate) fn put(conn: &Connection, u: &CorroborationUpdate) -> Result<()> {
    let mut regroup =
        conn.prepare_cached("UPDATE doc_signatures SET copy_group = ?2 WHERE copy_group = ?1")?;
    for (old, new) in &u.regroup {
        regroup.execute(params![old, new])?;
    }
    let mut sig = conn.prepare_cached(
        "INSERT OR REPLACE INTO doc_signatures (doc, shingles, signature, copy_group) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut band =
        conn.prepare_cached("INSERT OR IGNORE INTO doc_bands (band, doc) VALUES (?1, ?2)")?;
    for s in &u.signatures {
        sig.execute(params![s.doc, int(s.shingles), s.signature, s.copy_group])?;
        for b in &s.bands {
            band.execute(params![b, s.doc])?;
        }
    }
    for e in &u.events {
        put_event(conn, e)?;
    }
    Ok(())
}

fn put_event(conn: &Connection, r: &EventRecord) -> Result<()> {
    let seq = put_event_row(conn, r)?;
    put_event_parts(conn, seq, r)
}

/// Insert or update (when it has a `seq`) the event's own row; its seq.
fn put_event_row(conn: &Connection, r: &EventRecord) -> Result<i64> {
    let e = &r.event;
    if e.claims.is_empty() {
        return Err(Error::InvalidInput {
            doc: e.id.clone(),
            reason: "an event needs at least one claim".into(),
        });
    }
    // Members and contradictions live in their own tables (read in pages);
    // the JSON keeps the rest.
    let view = Event {
        claims: Vec::new(),
        contradictions: Vec::new(),
        ..e.clone()
    };
    let json = serde_json::to_string(&view)?;
    let mut names: Vec<String> = e
        .actors
        .iter()
        .chain(&e.targets)
        .map(|n| n.to_lowercase())
        .collect();
    names.dedup();
    let names = names.join("\n");
    let earliest = e.earliest.as_ref().and_then(|x| x.published.clone());
    let values = params![
        e.id,
        e.event_type.as_str(),
        e.label,
        e.date_start,
        e.date_end,
        e.place.as_ref().map(|p| &p.name),
        e.place.as_ref().and_then(|p| p.country.as_ref()),
        names,
        int(e.independent_origins),
        int(e.claims.len()),
        int(e.documents.len()),
        int(e.contradictions.len()),
        e.level.as_str(),
        earliest,
        json,
        r.state,
    ];
    Ok(match r.seq {
        Some(seq) => {
            let mut stmt = conn.prepare_cached(
                "UPDATE events SET id = ?1, type = ?2, label = ?3, date_start = ?4, date_end = ?5,
                     place_name = ?6, country = ?7, names_lc = ?8, independent_origins = ?9,
                     reports = ?10, documents = ?11, contradictions = ?12, level = ?13,
                     earliest = ?14, json = ?15, state = ?16, stale = 0
                 WHERE seq = ?17",
            )?;
            let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            all.push(&seq);
            if stmt.execute(all.as_slice())? == 0 {
                return Err(Error::NotFound {
                    kind: "event",
                    id: format!("{} (seq {seq})", e.id),
                });
            }
            seq
        }
        None => {
            let mut stmt = conn.prepare_cached(
                "INSERT INTO events (id, type, label, date_start, date_end, place_name, country,
                     names_lc, independent_origins, reports, documents, contradictions, level,
                     earliest, json, state)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?;
            stmt.execute(values)?;
            conn.last_insert_rowid()
        }
    })
}

/// Replace the event's members, contradictions and blocking keys.
fn put_event_parts(conn: &Connection, seq: i64, r: &EventRecord) -> Result<()> {
    let e = &r.event;
    conn.prepare_cached("DELETE FROM event_claims WHERE event_seq = ?1")?
        .execute([seq])?;
    conn.prepare_cached("DELETE FROM contradictions WHERE event_seq = ?1")?
        .execute([seq])?;
    conn.prepare_cached("DELETE FROM event_keys WHERE event_seq = ?1")?
        .execute([seq])?;
    let mut member = conn.prepare_cached(
        "INSERT INTO event_claims (event_seq, position, claim_id, doc, origin, epistemic, corroborated, contradicted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, c) in e.claims.iter().enumerate() {
        member.execute(params![
            seq,
            int(i),
            c.claim,
            c.doc,
            c.origin,
            c.epistemic.as_str(),
            c.corroborated,
            c.contradicted
        ])?;
    }
    let mut contra = conn.prepare_cached(
        "INSERT INTO contradictions (event_seq, idx, kind, claim_a, claim_b, detail, origin_a, origin_b)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, c) in e.contradictions.iter().enumerate() {
        contra.execute(params![
            seq,
            int(i),
            c.kind.as_str(),
            c.a,
            c.b,
            c.detail,
            c.a_origin,
            c.b_origin
        ])?;
    }
    let mut key =
        conn.prepare_cached("INSERT OR IGNORE INTO event_keys (key, event_seq) VALUES (?1, ?2)")?;
    for k in &r.keys {
        key.execute(params![k, seq])?;
    }
    Ok(())
}

/// The claims of one document leave their events: the events are marked
/// stale, and removed when no member is left. Part of deleting or
/// re-extracting a document.
pub(crate) fn detach_document(conn: &Connection, doc: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE events SET stale = 1 WHERE seq IN (SELECT event_seq FROM event_claims WHERE doc = ?1)",
    )?
    .execute([doc])?;
    conn.prepare_cached("DELETE FROM event_claims WHERE doc = ?1")?
        .execute([doc])?;
    conn.prepare_cached(
        "DELETE FROM events WHERE stale <> 0
             AND NOT EXISTS (SELECT 1 FROM event_claims m WHERE m.event_seq = events.seq)",
    )?
    .execute([])?;
    conn.prepare_cached("DELETE FROM doc_signatures WHERE doc = ?1")?
        .execute([doc])?;
    Ok(())
}

/// Member rows of an event, in joining order, one page (`limit` 0: all).
fn members(conn: &Connection, seq: i64, limit: usize, offset: usize) -> Result<Vec<EventClaim>> {
    let (lim, off) = limit_offset(limit, offset);
    let mut stmt = conn.prepare_cached(
        "SELECT claim_id, doc, origin, epistemic, corroborated, contradicted
         FROM event_claims WHERE event_seq = ?1 ORDER BY position LIMIT ?2 OFFSET ?3",
    )?;
    let rows: Vec<(String, String, String, String, bool, bool)> = stmt
        .query_map(params![seq, lim, off], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(
            |(claim, doc, origin, epistemic, corroborated, contradicted)| {
                let Ok(epistemic) = epistemic.parse::<Epistemic>() else {
                    return Err(Error::InvalidInput {
                        doc,
                        reason: format!(
                            "stored firmness '{epistemic}' of claim {claim} is unknown"
                        ),
                    });
                };
                Ok(EventClaim {
                    claim,
                    doc,
                    origin,
                    epistemic,
                    corroborated,
                    contradicted,
                })
            },
        )
        .collect()
}

/// Contradiction rows of an event, in order, one page (`limit` 0: all).
fn contradictions(
    conn: &Connection,
    seq: i64,
    limit: usize,
    offset: usize,
) -> Result<Vec<Contradiction>> {
    let (lim, off) = limit_offset(limit, offset);
    let mut stmt = conn.prepare_cached(
        "SELECT kind, claim_a, claim_b, detail, origin_a, origin_b
         FROM contradictions WHERE event_seq = ?1 ORDER BY idx LIMIT ?2 OFFSET ?3",
    )?;
    let rows: Vec<[String; 6]> = stmt
        .query_map(params![seq, lim, off], |r| {
            Ok([
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ])
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|[kind, a, b, detail, a_origin, b_origin]| {
            let kind = ContradictionKind::parse(&kind).ok_or_else(|| Error::InvalidInput {
                doc: String::new(),
                reason: format!("stored contradiction kind '{kind}' is unknown"),
            })?;
            Ok(Contradiction {
                kind,
                a,
                b,
                detail,
                a_origin,
                b_origin,
            })
        })
        .collect()
}

/// The event of a row with its first `cap` members and contradictions
/// (`cap` 0: all of them).
fn event_from_row(conn: &Connection, seq: i64, json: &str, cap: usize) -> Result<Event> {
    let mut e: Event = serde_json::from_str(json)?;
    e.claims = members(conn, seq, cap, 0)?;
    // Databases written before the JSON left contradictions out still carry them there.
    e.contradictions = contradictions(conn, seq, cap, 0)?;
    Ok(e)
}

fn head_from_row(conn: &Connection, row: HeadRow, cap: usize) -> Result<EventHead> {
    let (seq, json, claims_total, contradictions_total) = row;
    Ok(EventHead {
        event: event_from_row(conn, seq, &json, cap)?,
        claims_total,
        contradictions_total,
    })
}

type HeadRow = (i64, String, usize, usize);

fn event_seq(conn: &Connection, id: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT seq FROM events WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// One event with its first `cap` members and contradictions, and their totals.
pub(crate) fn event_head(conn: &Connection, id: &str, cap: usize) -> Result<Option<EventHead>> {
    let row: Option<HeadRow> = conn
        .prepare_cached("SELECT seq, json, reports, contradictions FROM events WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((r.get(0)?, r.get(1)?, uget(r, 2)?, uget(r, 3)?))
        })
        .optional()?;
    row.map(|row| head_from_row(conn, row, cap)).transpose()
}

/// One page of an event's member claims, in joining order; `None`: no such event.
pub(crate) fn event_members(
    conn: &Connection,
    id: &str,
    limit: usize,
    offset: usize,
) -> Result<Option<Page<EventClaim>>> {
    event_page(
        conn,
        id,
        "SELECT count(*) FROM event_claims WHERE event_seq = ?1",
        |seq| members(conn, seq, limit, offset),
        (limit, offset),
    )
}

/// One page of an event's contradictions; `None`: no such event.
pub(crate) fn event_contradictions(
    conn: &Connection,
    id: &str,
    limit: usize,
    offset: usize,
) -> Result<Option<Page<Contradiction>>> {
    event_page(
        conn,
        id,
        "SELECT count(*) FROM contradictions WHERE event_seq = ?1",
        |seq| contradictions(conn, seq, limit, offset),
        (limit, offset),
    )
}

/// A page of one of an event's lists: `count_sql` counts them all for the
/// event's sequence number, `items` reads the page; `None`: no such event.
fn event_page<T>(
    conn: &Connection,
    id: &str,
    count_sql: &'static str,
    items: impl FnOnce(i64) -> Result<Vec<T>>,
    (limit, offset): (usize, usize),
) -> Result<Option<Page<T>>> {
    let Some(seq) = event_seq(conn, id)? else {
        return Ok(None);
    };
    let total = conn
        .prepare_cached(count_sql)?
        .query_row([seq], |r| uget(r, 0))?;
    Ok(Some(Page {
        items: items(seq)?,
        total,
        total_exact: true,
        offset,
        limit,
    }))
}

pub(crate) fn events(conn: &Connection, q: &EventQuery) -> Result<Page<Event>> {
    let page = event_heads(conn, q, 0)?;
    Ok(Page {
        items: page.items.into_iter().map(|h| h.event).collect(),
        total: page.total,
        total_exact: page.total_exact,
        offset: page.offset,
        limit: page.limit,
    })
}

/// Events matching `q`, each with its first `cap` members and
/// contradictions (0: all) and their totals.
pub(crate) fn event_heads(
    conn: &Connection,
    q: &EventQuery,
    cap: usize,
) -> Result<Page<EventHead>> {
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(t) = q.event_type {
        clauses.push("type = ?");
        values.push(Value::Text(t.as_str().into()));
    }
    if let Some(a) = q.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        clauses.push("names_lc LIKE ? ESCAPE '\\'");
        values.push(Value::Text(like_contains(&a.to_lowercase())));
    }
    if let Some(s) = &q.since {
        clauses.push("COALESCE(date_end, date_start, substr(earliest, 1, 10)) >= ?");
        values.push(Value::Text(since_day(s)?));
    }
    if let Some(u) = &q.until {
        clauses.push("COALESCE(date_start, date_end, substr(earliest, 1, 10)) <= ?");
        values.push(Value::Text(until_day(u)?));
    }
    if let Some(l) = q.level {
        clauses.push("level = ?");
        values.push(Value::Text(l.as_str().into()));
    }
    if q.min_origins > 0 {
        clauses.push("independent_origins >= ?");
        values.push(Value::Integer(int(q.min_origins)));
    }
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM events {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| uget(r, 0))?;
    let (lim, off) = limit_offset(q.limit, q.offset);
    let sql = format!(
        "SELECT seq, json, reports, contradictions FROM events {filter}
         ORDER BY date_start IS NULL, date_start, seq LIMIT ? OFFSET ?"
    );
    values.extend([Value::Integer(lim), Value::Integer(off)]);
    let rows: Vec<HeadRow> = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?, uget(r, 2)?, uget(r, 3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let items = rows
        .into_iter()
        .map(|row| head_from_row(conn, row, cap))
        .collect::<Result<_>>()?;
    Ok(Page {
        items,
        total,
        total_exact: true,
        offset: q.offset,
        limit: q.limit,
    })
}

pub(crate) fn event(conn: &Connection, id: &str) -> Result<Option<Event>> {
    let row: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, json FROM events WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(seq, json)| event_from_row(conn, seq, &json, 0))
        .transpose()
}

pub(crate) fn event_of_claim(conn: &Connection, claim: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT e.id FROM event_claims m JOIN events e ON e.seq = m.event_seq WHERE m.claim_id = ?1",
        )?
        .query_row([claim], |r| r.get(0))
        .optional()?)
}

/// One row through the unique index on `event_claims.claim_id`, joined to
/// its event by primary key: cheap enough for every claim of a page.
pub(crate) fn claim_corroboration(
    conn: &Connection,
    claim: &str,
) -> Result<Option<ClaimCorroboration>> {
    let row: Option<(String, usize, String, bool, bool, String)> = conn
        .prepare_cached(
            "SELECT e.id, e.independent_origins, e.level, m.contradicted, m.corroborated, m.origin
             FROM event_claims m JOIN events e ON e.seq = m.event_seq WHERE m.claim_id = ?1",
        )?
        .query_row([claim], |r| {
            Ok((
                r.get(0)?,
                uget(r, 1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .optional()?;
    row.map(
        |(event, origins, level, contradicted, corroborated, origin)| {
            let level = CorroborationLevel::parse(&level).ok_or_else(|| Error::InvalidInput {
                doc: String::new(),
                reason: format!("stored level '{level}' of event {event} is unknown"),
            })?;
            Ok(ClaimCorroboration {
                event,
                origins,
                contradicted,
                corroborated,
                level,
                origin,
            })
        },
    )
    .transpose()
}

pub(crate) fn copy_groups(conn: &Connection) -> Result<Vec<Vec<String>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT copy_group, doc FROM doc_signatures
         WHERE copy_group IN (SELECT copy_group FROM doc_signatures GROUP BY copy_group HAVING count(*) > 1)",
    )?;
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (g, d) = row?;
        groups.entry(g).or_default().push(d);
    }
    let mut out: Vec<Vec<String>> = groups
        .into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect();
    out.sort();
    Ok(out)
}

pub(crate) fn outlet_profiles(conn: &Connection) -> Result<Vec<OutletProfile>> {
    let mut counts: BTreeMap<String, OutletCounts> = BTreeMap::new();
    let outlet = |o: Option<String>| o.unwrap_or_else(|| UNKNOWN_OUTLET.to_string());
    let mut docs = conn.prepare_cached("SELECT outlet, count(*) FROM documents GROUP BY outlet")?;
    for row in docs.query_map([], |r| Ok((r.get::<_, Option<String>>(0)?, uget(r, 1)?)))? {
        let (o, n) = row?;
        counts.entry(outlet(o)).or_default().documents += n;
    }
    let mut claims = conn.prepare_cached(
        "SELECT d.outlet, c.source_kind, c.epistemic, count(*)
         FROM claims c JOIN documents d ON d.id = c.doc
         GROUP BY d.outlet, c.source_kind, c.epistemic",
    )?;
    let rows: Vec<(Option<String>, String, String, usize)> = claims
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, uget(r, 3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (o, kind, epistemic, n) in rows {
        let t = counts.entry(outlet(o)).or_default();
        t.claims += n;
        let bad = |what: &str, v: &str| Error::InvalidInput {
            doc: String::new(),
            reason: format!("stored {what} '{v}' is unknown"),
        };
        let kind: SourceKind = kind.parse().map_err(|_| bad("source kind", &kind))?;
        let epistemic: Epistemic = epistemic.parse().map_err(|_| bad("firmness", &epistemic))?;
        *t.by_source_kind.entry(kind).or_default() += n;
        *t.by_epistemic.entry(epistemic).or_default() += n;
    }
    let mut flags = conn.prepare_cached(
        "SELECT d.outlet, count(*), sum(m.corroborated), sum(m.contradicted)
         FROM event_claims m JOIN documents d ON d.id = m.doc
         WHERE EXISTS (SELECT 1 FROM claims c WHERE c.id = m.claim_id)
         GROUP BY d.outlet",
    )?;
    for row in flags.query_map([], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            uget(r, 1)?,
            uget(r, 2)?,
            uget(r, 3)?,
        ))
    })? {
        let (o, n, corroborated, contradicted) = row?;
        let t = counts.entry(outlet(o)).or_default();
        t.in_events += n;
        t.corroborated += corroborated;
        t.contradicted += contradicted;
    }
    Ok(counts
        .iter()
        .map(|(o, c)| OutletProfile::from_counts(o, c))
        .collect())
}
