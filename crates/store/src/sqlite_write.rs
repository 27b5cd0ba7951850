//! Writes, each run inside a transaction the caller owns (so one document's
//! rows commit or vanish together).

use std::borrow::Cow;

use claimtrace_model::{Claim, Document, Sentence};
use rusqlite::{Connection, OptionalExtension, params};

use crate::review::{ReviewAction, apply_reviews, corrected, field_value};
use crate::schema::ClaimColumns;
use crate::sqlite_read::{load_reviews, original_claim};
use crate::store::{NewDocument, PutOutcome};
use crate::{Error, Result, Review};

/// Store one document unless its text is already stored.
pub(crate) fn put(conn: &Connection, d: &NewDocument<'_>) -> Result<PutOutcome> {
    let doc = d.doc;
    validate(&doc.id, &doc.text, d.sentences, d.claims)?;
    if doc.hash.is_empty() {
        return Err(invalid(&doc.id, "document has no content hash".into()));
    }
    let mut by_hash = conn.prepare_cached("SELECT id FROM documents WHERE hash = ?1")?;
    if let Some(id) = by_hash
        .query_row([&doc.hash], |r| r.get::<_, String>(0))
        .optional()?
    {
        return Ok(PutOutcome::AlreadyStored { doc_id: id });
    }
    let mut by_id = conn.prepare_cached("SELECT hash FROM documents WHERE id = ?1")?;
    if let Some(stored_hash) = by_id
        .query_row([&doc.id], |r| r.get::<_, String>(0))
        .optional()?
    {
        return Err(Error::IdTaken {
            id: doc.id.clone(),
            stored_hash,
        });
    }
    insert_document(conn, doc)?;
    insert_extraction(conn, &doc.id, d.sentences, d.claims)?;
    Ok(PutOutcome::New {
        doc_id: doc.id.clone(),
        claims: d.claims.len(),
    })
}

fn insert_document(conn: &Connection, doc: &Document) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO documents (id, hash, title, url, outlet, published, lang, author, format, origin, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    stmt.execute(params![
        doc.id,
        doc.hash,
        doc.title,
        doc.url,
        doc.outlet,
        doc.published,
        doc.lang,
        doc.author,
        doc.format.as_str(),
        doc.origin,
        doc.text
    ])?;
    Ok(())
}

/// Swap a stored document's sentences and claims for new ones.
pub(crate) fn replace_extraction(
    conn: &Connection,
    doc_id: &str,
    sentences: &[Sentence],
    claims: &[Claim],
) -> Result<usize> {
    let text: String = conn
        .query_row("SELECT text FROM documents WHERE id = ?1", [doc_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::NotFound {
            kind: "document",
            id: doc_id.to_string(),
        })?;
    validate(doc_id, &text, sentences, claims)?;
    conn.execute("DELETE FROM claims WHERE doc = ?1", [doc_id])?;
    conn.execute("DELETE FROM sentences WHERE doc = ?1", [doc_id])?;
    // Marked after the deletes: new rows may take the freed row ids.
    let mark = fts_mark(conn)?;
    insert_extraction(conn, doc_id, sentences, claims)?;
    index_new(conn, mark)?;
    Ok(claims.len())
}

/// Offsets and indexes as SQLite integers (a text over 2^63 bytes cannot exist).
fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn invalid(doc: &str, reason: String) -> Error {
    Error::InvalidInput {
        doc: doc.to_string(),
        reason,
    }
}

/// The record invariants the store relies on: every span slices the text,
/// claims belong to this document and quote their sentence exactly.
fn validate(doc_id: &str, text: &str, sentences: &[Sentence], claims: &[Claim]) -> Result<()> {
    if doc_id.is_empty() {
        return Err(invalid(doc_id, "empty document id".into()));
    }
    for s in sentences {
        if s.span.slice(text).is_none() || s.trimmed.slice(text).is_none() {
            return Err(invalid(
                doc_id,
                format!("sentence {} span does not fit the text", s.index),
            ));
        }
    }
    for c in claims {
        if c.doc != doc_id {
            return Err(invalid(
                doc_id,
                format!("claim {} belongs to document '{}'", c.id, c.doc),
            ));
        }
        if c.id.is_empty() {
            return Err(invalid(doc_id, "claim with an empty id".into()));
        }
        match c.span.slice(text) {
            Some(s) if s == c.sentence => {}
            Some(_) => {
                return Err(invalid(
                    doc_id,
                    format!("claim {} span does not slice its sentence", c.id),
                ));
            }
            None => {
                return Err(invalid(
                    doc_id,
                    format!("claim {} span does not fit the text", c.id),
                ));
            }
        }
    }
    Ok(())
}

/// The last sentence and claim rows before a write: [`index_new`] indexes
/// what comes after them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FtsMark {
    sentences: i64,
    claims: i64,
}

pub(crate) fn fts_mark(conn: &Connection) -> Result<FtsMark> {
    let max = |table: &str| -> Result<i64> {
        Ok(conn.query_row(
            &format!("SELECT coalesce(max(seq), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    Ok(FtsMark {
        sentences: max("sentences")?,
        claims: max("claims")?,
    })
}

/// Full-text index the sentences and claims written since `mark`, in one
/// statement each, after every other write of the transaction (FTS5 flushes
/// its pending terms at each statement savepoint, so indexing row by row
/// would flush once per row).
pub(crate) fn index_new(conn: &Connection, mark: FtsMark) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sentences_fts (rowid, text)
         SELECT s.seq, CAST(substr(CAST(d.text AS BLOB), s.trim_start + 1, s.trim_end - s.trim_start) AS TEXT)
         FROM sentences s JOIN documents d ON d.id = s.doc WHERE s.seq > ?1",
    )?
    .execute([mark.sentences])?;
    conn.prepare_cached(
        "INSERT INTO claims_fts (rowid, sentence) SELECT seq, sentence FROM claims WHERE seq > ?1",
    )?
    .execute([mark.claims])?;
    Ok(())
}

fn insert_extraction(
    conn: &Connection,
    doc_id: &str,
    sentences: &[Sentence],
    claims: &[Claim],
) -> Result<()> {
    let mut ins_sentence = conn.prepare_cached(
        "INSERT INTO sentences (doc, idx, span_start, span_end, trim_start, trim_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in sentences {
        ins_sentence.execute(params![
            doc_id,
            int(s.index),
            int(s.span.start),
            int(s.span.end),
            int(s.trimmed.start),
            int(s.trimmed.end)
        ])?;
    }
    let mut corrected_before = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM reviews WHERE claim_id = ?1 AND action = 'correct')",
    )?;
    for c in claims {
        let json = serde_json::to_string(c)?;
        // Filter columns follow the reviewed claim, so a claim corrected to
        // `casualties` is found by `--type casualties`, also after re-extraction.
        let effective: Cow<'_, Claim> = if corrected_before.query_row([&c.id], |r| r.get(0))? {
            Cow::Owned(apply_reviews(c.clone(), &load_reviews(conn, &c.id)?)?)
        } else {
            Cow::Borrowed(c)
        };
        insert_claim_row(conn, &effective, &json)?;
    }
    Ok(())
}

/// One claim row plus its names; `json` is the claim as extracted.
fn insert_claim_row(conn: &Connection, claim: &Claim, json: &str) -> Result<()> {
    let cols = ClaimColumns::of(claim);
    let mut stmt = conn.prepare_cached(
        "INSERT INTO claims (id, doc, sentence_index, span_start, span_end, type, plover_event, epistemic,
             source_kind, source_name, actor_name, actor_id, target_name, target_id, date_value, date_start,
             date_end, place_name, country, lat, lon, sentence, json, ord_published, ord_outlet,
             ord_day_lo, ord_day_hi, ord_future)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
             COALESCE(d.published, '~'), lower(d.outlet),
             COALESCE(?16, ?17, substr(d.published, 1, 10)), COALESCE(?17, ?16, substr(d.published, 1, 10)),
             COALESCE(COALESCE(?17, ?16) > substr(d.published, 1, 10), 0)
         FROM documents d WHERE d.id = ?2",
    )?;
    let inserted = stmt.execute(params![
        claim.id,
        claim.doc,
        int(claim.sentence_index),
        int(claim.span.start),
        int(claim.span.end),
        claim.claim_type.as_str(),
        claim.plover.event.as_str(),
        claim.epistemic.as_str(),
        claim.source.kind.as_str(),
        claim.source.name,
        claim.actor.as_ref().map(|m| &m.name),
        claim.actor.as_ref().and_then(|m| m.id.as_ref()),
        claim.target.as_ref().map(|m| &m.name),
        claim.target.as_ref().and_then(|m| m.id.as_ref()),
        claim.date.as_ref().map(|d| &d.value),
        cols.date_start,
        cols.date_end,
        claim.place.as_ref().map(|p| &p.name),
        claim.place.as_ref().and_then(|p| p.country.as_ref()),
        claim.place.as_ref().and_then(|p| p.lat),
        claim.place.as_ref().and_then(|p| p.lon),
        claim.sentence,
        json
    ])?;
    if inserted != 1 {
        return Err(Error::InvalidInput {
            doc: claim.doc.clone(),
            reason: format!("claim {} names a document that is not stored", claim.id),
        });
    }
    let seq = conn.last_insert_rowid();
    let mut names =
        conn.prepare_cached("INSERT INTO claim_actors (claim_seq, role, name_lc, text_lc, id_lc) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (role, name, text, id) in &cols.names {
        names.execute(params![seq, role, name, text, id])?;
    }
    Ok(())
}

/// Record a review; a correction also refreshes the claim's filter columns.
pub(crate) fn review(conn: &Connection, r: &Review) -> Result<()> {
    let bad = |reason: &str| Error::InvalidReview {
        claim: r.claim_id.clone(),
        reason: reason.to_string(),
    };
    if r.who.trim().is_empty() {
        return Err(bad("a review needs a reviewer ('who')"));
    }
    let (original, json) = original_claim(conn, &r.claim_id)?.ok_or_else(|| Error::NotFound {
        kind: "claim",
        id: r.claim_id.clone(),
    })?;
    let current = apply_reviews(original.clone(), &load_reviews(conn, &r.claim_id)?)?;
    let mut old_value = r.old_value.clone();
    if r.action == ReviewAction::Correct {
        let (Some(field), Some(value)) = (r.field.as_deref(), r.new_value.as_deref()) else {
            return Err(bad("a correction needs a field and a new value"));
        };
        corrected(&current, field, value)?;
        if old_value.is_none() {
            old_value = field_value(&current, field)?;
        }
    }
    conn.execute(
        "INSERT INTO reviews (claim_id, who, at, action, field, old_value, new_value, note)
         VALUES (?1, ?2, COALESCE(?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?4, ?5, ?6, ?7, ?8)",
        params![
            r.claim_id,
            r.who,
            r.at,
            r.action.as_str(),
            r.field,
            old_value,
            r.new_value,
            r.note
        ],
    )?;
    if r.action == ReviewAction::Correct {
        let effective = apply_reviews(original, &load_reviews(conn, &r.claim_id)?)?;
        conn.execute("DELETE FROM claims WHERE id = ?1", [&r.claim_id])?;
        insert_claim_row(conn, &effective, &json)?;
        // One row: indexed at once (batches index in `index_new`).
        conn.execute(
            "INSERT INTO claims_fts (rowid, sentence) SELECT seq, sentence FROM claims WHERE id = ?1",
            [&r.claim_id],
        )?;
    }
    Ok(())
}
