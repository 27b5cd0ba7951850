-- Migration 0002: corroboration — copy groups, events, their members and
-- contradictions, so that each ingest batch attaches its claims to the
-- events already stored instead of recomputing the database.
-- FROZEN once released: never edit this file; add the next migration.
--
-- The store does not interpret signatures, band keys, blocking keys or event
-- states: `claimtrace-corroborate` computes them and asks for rows by key.

-- One row per corroborated document: its MinHash signature and its copy
-- group (the id of the group's root document, the original). A stored
-- document without a row here is waiting for corroboration.
CREATE TABLE doc_signatures (
    doc        TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    shingles   INTEGER NOT NULL CHECK (shingles >= 0),
    signature  BLOB NOT NULL,
    copy_group TEXT NOT NULL
);
CREATE INDEX doc_signatures_group ON doc_signatures (copy_group);

-- LSH band keys of the signatures: documents sharing a key are copy candidates.
CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    doc  TEXT NOT NULL REFERENCES doc_signatures (doc) ON DELETE CASCADE,
    PRIMARY KEY (band, doc)
) WITHOUT ROWID;
CREATE INDEX doc_bands_doc ON doc_bands (doc);

-- One row per event. `seq` is the opening order (ties between candidate
-- events are broken by it, so it must never be renumbered); `id` is `ev:` +
-- the first claim's id. `json` is the event as built, without its claims
-- (they are the `event_claims` rows); `state` is what matching needs to
-- restore the event (opaque to the store). The other columns serve filters.
-- `stale` marks an event that lost members (a document deleted or
-- re-extracted) and is rebuilt by the next corroboration run.
CREATE TABLE events (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    type                TEXT NOT NULL,
    label               TEXT NOT NULL,
    date_start          TEXT,
    date_end            TEXT,
    place_name          TEXT,
    country             TEXT,
    names_lc            TEXT NOT NULL,
    independent_origins INTEGER NOT NULL,
    reports             INTEGER NOT NULL,
    documents           INTEGER NOT NULL,
    contradictions      INTEGER NOT NULL,
    level               TEXT NOT NULL CHECK (level IN ('single_source', 'corroborated', 'contested')),
    earliest            TEXT,
    json                TEXT NOT NULL,
    state               TEXT NOT NULL,
    stale               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_stale ON events (stale) WHERE stale <> 0;

-- Members of each event in joining order, with the origin each rests on.
-- Keyed on the stable claim id with no foreign key to `claims` (like
-- reviews): re-extraction replaces claim rows.
CREATE TABLE event_claims (
    event_seq    INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    claim_id     TEXT NOT NULL UNIQUE,
    doc          TEXT NOT NULL,
    origin       TEXT NOT NULL,
    epistemic    TEXT NOT NULL,
    corroborated INTEGER NOT NULL CHECK (corroborated IN (0, 1)),
    contradicted INTEGER NOT NULL CHECK (contradicted IN (0, 1)),
    PRIMARY KEY (event_seq, position)
) WITHOUT ROWID;
CREATE INDEX event_claims_doc ON event_claims (doc);

-- Blocking keys: a new claim is compared only with the events registered
-- under the keys it looks up (type family × date bucket, or actor when undated).
CREATE TABLE event_keys (
    key       INTEGER NOT NULL,
    event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    PRIMARY KEY (key, event_seq)
) WITHOUT ROWID;
CREATE INDEX event_keys_event ON event_keys (event_seq);

-- Contradictions of each event: both sides with their origins.
CREATE TABLE contradictions (
    event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('quantity', 'actor', 'target', 'date', 'denial')),
    claim_a   TEXT NOT NULL,
    claim_b   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    origin_a  TEXT NOT NULL,
    origin_b  TEXT NOT NULL,
    PRIMARY KEY (event_seq, idx)
) WITHOUT ROWID;
