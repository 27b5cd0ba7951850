//! Reads: documents, claims (with reviews applied), profiles, reviews, stats.

use claimtrace_model::{Claim, Document, InputFormat, Profile, Sentence, Span};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use crate::migration;
use crate::query::{fts_filter, like_contains, limit_offset, since_day, until_day};
use crate::review::{ReviewAction, apply_reviews};
use crate::store::{ActorCount, DocSummary, DocumentMeta, OutletCount, Stats, StoredDocument};
use crate::{ClaimQuery, DocQuery, Error, Page, Result, Review};

pub(crate) fn find_hash(conn: &Connection, hash: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM documents WHERE hash = ?1")?;
    Ok(stmt.query_row([hash], |r| r.get(0)).optional()?)
}

pub(crate) fn find_id(conn: &Connection, id: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)")?;
    Ok(stmt.query_row([id], |r| r.get(0))?)
}

pub(crate) fn document_hashes(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT hash FROM documents ORDER BY seq")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn document_meta(conn: &Connection, id: &str) -> Result<Option<DocumentMeta>> {
    let mut stmt =
        conn.prepare_cached("SELECT title, outlet, published, url FROM documents WHERE id = ?1")?;
    let meta = stmt
        .query_row([id], |r| {
            Ok(DocumentMeta {
                title: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                url: r.get(3)?,
            })
        })
        .optional()?;
    Ok(meta)
}

pub(crate) fn outlet_counts(conn: &Connection, limit: usize) -> Result<Vec<OutletCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT outlet, COUNT(*) FROM documents WHERE outlet IS NOT NULL AND outlet <> '' \
         GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ?1",
    )?;
    let rows = stmt.query_map([sql_limit(limit)], |r| {
        Ok(OutletCount {
            outlet: r.get(0)?,
            documents: uget(r, 1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn actor_counts(
    conn: &Connection,
    contains: &str,
    limit: usize,
) -> Result<Vec<ActorCount>> {
    let pattern = format!("%{}%", contains.to_lowercase().replace(['%', '_'], ""));
    let mut stmt = conn.prepare_cached(
        "SELECT name, id, SUM(n) FROM ( \
           SELECT actor_name AS name, actor_id AS id, COUNT(*) AS n FROM claims \
             WHERE actor_name IS NOT NULL GROUP BY actor_name, actor_id \
           UNION ALL \
           SELECT target_name, target_id, COUNT(*) FROM claims \
             WHERE target_name IS NOT NULL GROUP BY target_name, target_id) \
         WHERE lower(name) LIKE ?1 GROUP BY name, id ORDER BY SUM(n) DESC, name LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![pattern, sql_limit(limit)], |r| {
        Ok(ActorCount {
            name: r.get(0)?,
            id: r.get(1)?,
            claims: uget(r, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A row limit as SQLite takes it (beyond `i64::MAX` is no limit at all).
fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

/// A WHERE clause built from fixed fragments, with the user's values bound
/// as parameters (never spliced into the SQL).
#[derive(Default)]
struct Filter {
    clauses: Vec<&'static str>,
    values: Vec<Value>,
}

impl Filter {
    fn add(&mut self, clause: &'static str, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.values.extend(values);
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// A non-negative integer column (offsets, counts) as `usize`.
pub(crate) fn uget(r: &Row<'_>, i: usize) -> rusqlite::Result<usize> {
    let v: i64 = r.get(i)?;
    usize::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(i, v))
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

pub(crate) fn documents(conn: &Connection, q: &DocQuery) -> Result<Vec<DocSummary>> {
    let mut f = Filter::default();
    if let Some(m) = fts_filter(q.q.as_deref())? {
        f.add(
            "d.id IN (SELECT s.doc FROM sentences s WHERE s.seq IN
                (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))",
            [Value::Text(m)],
        );
    }
    if let Some(o) = &q.outlet {
        f.add("d.outlet = ? COLLATE NOCASE", [text(o)]);
    }
    if let Some(s) = &q.since {
        f.add(
            "substr(d.published, 1, 10) >= ?",
            [Value::Text(since_day(s)?)],
        );
    }
    if let Some(u) = &q.until {
        f.add(
            "substr(d.published, 1, 10) <= ?",
            [Value::Text(until_day(u)?)],
        );
    }
    let (lim, off) = limit_offset(q.limit, q.offset);
    let sql = format!(
        "SELECT d.id, d.title, d.outlet, d.published, d.format,
                (SELECT count(*) FROM claims c WHERE c.doc = d.id),
                (SELECT count(*) FROM sentences s WHERE s.doc = d.id)
         FROM documents d {} ORDER BY d.published IS NULL, d.published, d.id LIMIT ? OFFSET ?",
        f.sql()
    );
    f.values.extend([Value::Integer(lim), Value::Integer(off)]);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(f.values.iter()), |r| {
        Ok(DocSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            outlet: r.get(2)?,
            published: r.get(3)?,
            format: r.get(4)?,
            claims: uget(r, 5)?,
            sentences: uget(r, 6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn document(conn: &Connection, id: &str) -> Result<Option<StoredDocument>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, url, outlet, published, lang, author, format, origin, hash, text, ingested_at
         FROM documents WHERE id = ?1",
    )?;
    let Some((document, format, ingested_at)) = stmt
        .query_row([id], |r| {
            let format: String = r.get(7)?;
            let doc = Document {
                id: r.get(0)?,
                title: r.get(1)?,
                url: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                lang: r.get(5)?,
                author: r.get(6)?,
                format: InputFormat::Text,
                origin: r.get(8)?,
                hash: r.get(9)?,
                text: r.get(10)?,
            };
            Ok((doc, format, r.get::<_, String>(11)?))
        })
        .optional()?
    else {
        return Ok(None);
    };
    let format = InputFormat::parse(&format).ok_or_else(|| Error::InvalidInput {
        doc: id.to_string(),
        reason: format!("stored format '{format}' is unknown"),
    })?;
    let document = Document { format, ..document };
    let mut stmt = conn.prepare_cached(
        "SELECT idx, span_start, span_end, trim_start, trim_end FROM sentences WHERE doc = ?1 ORDER BY idx",
    )?;
    let sentences = stmt
        .query_map([id], |r| {
            Ok(Sentence {
                index: uget(r, 0)?,
                span: Span::new(uget(r, 1)?, uget(r, 2)?),
                trimmed: Span::new(uget(r, 3)?, uget(r, 4)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(StoredDocument {
        document,
        sentences,
        ingested_at,
    }))
}

/// No count cap: the total is counted exactly.
const NO_CAP: usize = usize::MAX;

/// At most this many matches are sorted; more are read in order from an index.
const SPARSE_ROWS: usize = 10_000;

/// At most this many full-text lookups, one per claim walked, for a page.
const PROBES: f64 = 20_000.0;

/// How a claim query uses the full-text match set.
#[derive(Clone, Copy, PartialEq)]
enum Words {
    /// The match set drives the scan (row ids looked up in `claims`).
    Drive,
    /// An order index is walked and the match set, read once, only filters
    /// (`+c.seq`).
    Filter,
    /// An order index is walked and each claim is looked up in the
    /// full-text index by row id, so a common word's large match set is
    /// never read whole.
    Probe,
}

/// `clause` as is, or without its leading `+` (which keeps SQLite from
/// choosing an index for that term) when `plus` is false.
fn plus(clause: &'static str, plus: bool) -> &'static str {
    if plus { clause } else { &clause[1..] }
}

/// The WHERE clause of a claim query. With several filters, only `type`
/// (whose order index carries every other filter column) may pick the
/// index; else `claims_order`, which carries them too, is read: either way
/// no claim row is read to test a filter. Every filter is on `claims`
/// alone (the document's sort key, outlet and day range are copied onto
/// each claim, migration 0004).
fn claim_filter(q: &ClaimQuery, words: Words) -> Result<Filter> {
    let mut f = Filter::default();
    let actor = q.actor.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let dated = q.since.is_some() || q.until.is_some();
    let equalities = [
        q.claim_type.is_some(),
        q.source_kind.is_some(),
        q.epistemic.is_some(),
        q.outlet.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    let several = q.q.is_some() || actor.is_some() || dated || equalities > 1;
    if let Some(m) = fts_filter(q.q.as_deref())? {
        f.add(
            match words {
                Words::Probe => {
                    "EXISTS (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? AND claims_fts.rowid = c.seq)"
                }
                Words::Filter => "+c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
                Words::Drive => "c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
            },
            [Value::Text(m)],
        );
    }
    if let Some(t) = q.claim_type {
        // A document's claims are found by `claims_doc`, never by walking
        // every claim of a type.
        f.add(plus("+c.type = ?", q.doc.is_some()), [text(t.as_str())]);
    }
    if let Some(k) = q.source_kind {
        f.add(plus("+c.source_kind = ?", several), [text(k.as_str())]);
    }
    if let Some(e) = q.epistemic {
        f.add(plus("+c.epistemic = ?", several), [text(e.as_str())]);
    }
    if let Some(a) = actor {
        let lc = a.to_lowercase();
        f.add(
            "EXISTS (SELECT 1 FROM claim_actors a WHERE a.claim_seq = c.seq
                AND (a.name_lc LIKE ? ESCAPE '\\' OR a.text_lc LIKE ? ESCAPE '\\' OR a.id_lc = ?))",
            [
                Value::Text(like_contains(&lc)),
                Value::Text(like_contains(&lc)),
                Value::Text(lc),
            ],
        );
    }
    // An undated claim is taken to speak of its document's publication day
    // (`ord_day_lo`/`ord_day_hi` fall back to it).
    if let Some(s) = &q.since {
        f.add("c.ord_day_hi >= ?", [Value::Text(since_day(s)?)]);
    }
    if let Some(u) = &q.until {
        f.add("c.ord_day_lo <= ?", [Value::Text(until_day(u)?)]);
    }
    if let Some(d) = &q.doc {
        f.add("c.doc = ?", [text(d)]);
    }
    if let Some(o) = &q.outlet {
        f.add(plus("+c.ord_outlet = lower(?)", several), [text(o)]);
    }
    Ok(f)
}

/// Whether `q` filters on words alone (its count is the full-text index's).
fn words_only(q: &ClaimQuery) -> bool {
    q.q.is_some()
        && ClaimQuery {
            q: None,
            limit: 0,
            offset: 0,
            count_cap: None,
            ..q.clone()
        } == ClaimQuery::default()
}

/// `SELECT {cols}` of the claims `f` matches, with its bound values. With
/// `since`, as two arms: claims of documents published on or after that
/// day (a range of the order index: a claim reaching day D is in a document
/// published on or after D) and the few that speak of days after their
/// document's publication (`ord_future`, indexed apart).
fn matching(f: &Filter, since: Option<&str>, cols: &str) -> (String, Vec<Value>) {
    let base = format!("SELECT {cols} FROM claims c {}", f.sql());
    let Some(day) = since else {
        return (base, f.values.clone());
    };
    let sql = format!(
        "{base} AND c.ord_published >= ? UNION ALL {base} AND c.ord_future = 1 AND c.ord_published < ?"
    );
    let mut values = f.values.clone();
    values.push(Value::Text(day.to_string()));
    values.extend(f.values.iter().cloned());
    values.push(Value::Text(day.to_string()));
    (sql, values)
}

pub(crate) fn claims(conn: &Connection, q: &ClaimQuery) -> Result<Page<Claim>> {
    let since = q.since.as_deref().map(since_day).transpose()?;
    let since = since.as_deref();
    let (total, total_exact) = count_claims(conn, q, since)?;
    // Two plans for the page. Few matches (the count did not reach its cap):
    // find them by the filters' own indexes and sort them (`+` keeps SQLite
    // from walking the order index). Many matches: walk an order index
    // (`claims_order`, or `claims_type_order`), test each row, and stop at
    // the page's end; matches are dense, so the walk is short. With `since`
    // both arms are read in order and merged. Row ids only: the JSON is
    // fetched for the page alone.
    let walk = !(total_exact && total <= SPARSE_ROWS);
    // Probing the full-text index claim by claim costs a lookup per claim
    // walked, about (offset + limit) / density of them: past PROBES, or for
    // a prefix term (which expands at every lookup), the match set is read
    // once instead.
    let prefix = q.q.as_deref().is_some_and(|w| w.contains('*'));
    let probe = walk && q.q.is_some() && !prefix && few_probes(conn, q, total)?;
    let words = match (walk, probe) {
        (false, _) => Words::Drive,
        (true, false) => Words::Filter,
        (true, true) => Words::Probe,
    };
    let seqs = page_seqs(conn, q, since, walk, words)?;
    let mut one = conn.prepare_cached("SELECT json FROM claims WHERE seq = ?1")?;
    let jsons: Vec<String> = seqs
        .iter()
        .map(|seq| one.query_row([seq], |r| r.get(0)))
        .collect::<rusqlite::Result<_>>()?;
    let items = jsons
        .iter()
        .map(|j| reviewed(conn, j))
        .collect::<Result<_>>()?;
    Ok(Page {
        items,
        total,
        total_exact,
        offset: q.offset,
        limit: q.limit,
    })
}

/// How many claims match `q`, and whether that is exact (not capped at
/// `count_cap`). By the full-text index alone when only words are asked;
/// else with the match set as a filter on the other filters' index
/// (`walk`), so that no claim row is read to count it.
fn count_claims(conn: &Connection, q: &ClaimQuery, since: Option<&str>) -> Result<(usize, bool)> {
    let words_alone = words_only(q);
    let f = claim_filter(
        q,
        if words_alone {
            Words::Drive
        } else {
            Words::Filter
        },
    )?;
    let (from, mut values) = if words_alone {
        (
            "SELECT 1 FROM claims_fts WHERE claims_fts MATCH ?".to_string(),
            f.values.clone(),
        )
    } else {
        matching(&f, since, "1")
    };
    let cap = q.count_cap.unwrap_or(NO_CAP).max(1);
    if cap == NO_CAP {
        let n = conn
            .prepare_cached(&format!("SELECT count(*) FROM ({from})"))?
            .query_row(params_from_iter(values.iter()), |r| uget(r, 0))?;
        return Ok((n, true));
    }
    values.push(Value::Integer(i64::try_from(cap).unwrap_or(i64::MAX)));
    let n = conn
        .prepare_cached(&format!("SELECT count(*) FROM ({from} LIMIT ?)"))?
        .query_row(params_from_iter(values.iter()), |r| uget(r, 0))?;
    Ok((n, n < cap))
}

/// Whether walking the order index for `q`'s page meets few enough claims
/// (`total` of all) to probe the full-text index for each (at most PROBES).
fn few_probes(conn: &Connection, q: &ClaimQuery, total: usize) -> Result<bool> {
    let claims: i64 = conn
        .prepare_cached("SELECT COALESCE(max(seq), 0) FROM claims")?
        .query_row([], |r| r.get(0))?;
    let wanted = (q.offset.saturating_add(if q.limit == 0 {
        usize::MAX / 2
    } else {
        q.limit
    })) as f64;
    let density = total.max(1) as f64 / claims.max(1) as f64;
    Ok(wanted / density <= PROBES)
}

/// The row ids of the claims on `q`'s page, in page order: by walking an
/// order index (`walk`) or sorting the matches.
fn page_seqs(
    conn: &Connection,
    q: &ClaimQuery,
    since: Option<&str>,
    walk: bool,
    words: Words,
) -> Result<Vec<i64>> {
    let f = claim_filter(q, words)?;
    let (sql, mut values) = if since.is_some() {
        let (arms, values) = matching(&f, since, "c.seq, c.ord_published, c.doc, c.span_start");
        (
            format!("{arms} ORDER BY 2, 3, 4, 1 LIMIT ? OFFSET ?"),
            values,
        )
    } else {
        let order = if walk {
            "c.ord_published, c.doc, c.span_start, c.seq"
        } else {
            "+c.ord_published, +c.doc, +c.span_start, c.seq"
        };
        let (base, values) = matching(&f, None, "c.seq");
        (format!("{base} ORDER BY {order} LIMIT ? OFFSET ?"), values)
    };
    let (lim, off) = limit_offset(q.limit, q.offset);
    values.extend([Value::Integer(lim), Value::Integer(off)]);
    let mut stmt = conn.prepare_cached(&sql)?;
    let seqs = stmt
        .query_map(params_from_iter(values.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(seqs)
}

/// A stored claim JSON with its reviews applied.
fn reviewed(conn: &Connection, json: &str) -> Result<Claim> {
    let claim: Claim = serde_json::from_str(json)?;
    let reviews = load_reviews(conn, &claim.id)?;
    if reviews.is_empty() {
        Ok(claim)
    } else {
        apply_reviews(claim, &reviews)
    }
}

/// The claim as extracted (no reviews) and its stored JSON.
pub(crate) fn original_claim(conn: &Connection, id: &str) -> Result<Option<(Claim, String)>> {
    let mut stmt = conn.prepare_cached("SELECT json FROM claims WHERE id = ?1")?;
    let Some(json) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? else {
        return Ok(None);
    };
    Ok(Some((serde_json::from_str(&json)?, json)))
}

pub(crate) fn claim(conn: &Connection, id: &str) -> Result<Option<Claim>> {
    let mut stmt = conn.prepare_cached("SELECT json FROM claims WHERE id = ?1")?;
    match stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
        Some(json) => Ok(Some(reviewed(conn, &json)?)),
        None => Ok(None),
    }
}

pub(crate) fn profile(conn: &Connection, doc: &str) -> Result<Option<Profile>> {
    let mut stmt = conn.prepare_cached("SELECT title, outlet FROM documents WHERE id = ?1")?;
    let Some((title, outlet)) = stmt
        .query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
    else {
        return Ok(None);
    };
    let page = claims(
        conn,
        &ClaimQuery {
            doc: Some(doc.to_string()),
            ..Default::default()
        },
    )?;
    Ok(Some(Profile::from_claims(doc, title, outlet, &page.items)))
}

fn review_row(r: &Row<'_>) -> rusqlite::Result<(Review, String)> {
    Ok((
        Review {
            claim_id: r.get(0)?,
            who: r.get(1)?,
            at: r.get(2)?,
            action: ReviewAction::Confirm,
            field: r.get(4)?,
            old_value: r.get(5)?,
            new_value: r.get(6)?,
            note: r.get(7)?,
        },
        r.get(3)?,
    ))
}

/// The reviews of one claim in the order they were made.
pub(crate) fn load_reviews(conn: &Connection, claim_id: &str) -> Result<Vec<Review>> {
    let mut stmt = conn.prepare_cached(
        "SELECT claim_id, who, at, action, field, old_value, new_value, note FROM reviews WHERE claim_id = ?1 ORDER BY seq",
    )?;
    let rows: Vec<(Review, String)> = stmt
        .query_map([claim_id], review_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(r, action)| {
            Ok(Review {
                action: action.parse()?,
                ..r
            })
        })
        .collect()
}

pub(crate) fn reviews(conn: &Connection, claim_id: &str) -> Result<Vec<Review>> {
    load_reviews(conn, claim_id)
}

pub(crate) fn stats(conn: &Connection) -> Result<Stats> {
    let count = |sql: &str| -> Result<usize> { Ok(conn.query_row(sql, [], |r| uget(r, 0))?) };
    let mut stmt =
        conn.prepare("SELECT type, count(*) AS n FROM claims GROUP BY type ORDER BY n DESC, type")?;
    let claims_by_type = stmt
        .query_map([], |r| Ok((r.get(0)?, uget(r, 1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Stats {
        documents: count("SELECT count(*) FROM documents")?,
        sentences: count("SELECT count(*) FROM sentences")?,
        claims: count("SELECT count(*) FROM claims")?,
        reviews: count("SELECT count(*) FROM reviews")?,
        reviewed_claims: count("SELECT count(DISTINCT claim_id) FROM reviews")?,
        claims_by_type,
        schema_version: migration::current_version(conn)?,
    })
}
