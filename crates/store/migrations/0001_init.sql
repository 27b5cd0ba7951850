-- Migration 0001: the first released schema.
-- FROZEN once released: never edit this file (a test pins its hash); change
-- the schema by adding the next numbered migration (see SCHEMA.md).
--
-- Every table keys its rows on an explicit INTEGER PRIMARY KEY (`seq`)
-- because the FTS5 indexes refer to rows by rowid, and VACUUM may renumber
-- implicit rowids.

CREATE TABLE documents (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL UNIQUE,
    title       TEXT,
    url         TEXT,
    outlet      TEXT,
    published   TEXT,
    lang        TEXT,
    author      TEXT,
    format      TEXT NOT NULL,
    origin      TEXT NOT NULL,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_published ON documents (published, id);
CREATE INDEX documents_outlet ON documents (outlet);

CREATE TABLE sentences (
    seq        INTEGER PRIMARY KEY,
    doc        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    trim_start INTEGER NOT NULL,
    trim_end   INTEGER NOT NULL,
    UNIQUE (doc, idx),
    CHECK (span_start <= span_end AND trim_start <= trim_end)
);

-- Contentless: the sentence text lives once, in documents.text; the writer
-- inserts (rowid = sentences.seq, trimmed text) and the trigger deletes.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = '', contentless_delete = 1);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    DELETE FROM sentences_fts WHERE rowid = old.seq;
END;

-- One row per claim. `json` is the claim exactly as extracted (reviews are
-- applied on read); the other columns serve filtering and reflect the claim
-- with its corrections applied.
CREATE TABLE claims (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    doc            TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    type           TEXT NOT NULL,
    plover_event   TEXT NOT NULL,
    epistemic      TEXT NOT NULL,
    source_kind    TEXT NOT NULL,
    source_name    TEXT NOT NULL,
    actor_name     TEXT,
    actor_id       TEXT,
    target_name    TEXT,
    target_id      TEXT,
    date_value     TEXT,
    date_start     TEXT,
    date_end       TEXT,
    place_name     TEXT,
    country        TEXT,
    lat            REAL,
    lon            REAL,
    sentence       TEXT NOT NULL,
    json           TEXT NOT NULL,
    CHECK (span_start <= span_end)
);
CREATE INDEX claims_doc ON claims (doc, span_start);
CREATE INDEX claims_type ON claims (type);
CREATE INDEX claims_epistemic ON claims (epistemic);
CREATE INDEX claims_source_kind ON claims (source_kind);
CREATE INDEX claims_date ON claims (date_start, date_end);

CREATE VIRTUAL TABLE claims_fts USING fts5 (sentence, content = 'claims', content_rowid = 'seq');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, sentence) VALUES (new.seq, new.sentence);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
    INSERT INTO claims_fts (rowid, sentence) VALUES (new.seq, new.sentence);
END;

-- Names a claim can be found by (`--actor`): actor, target and source, lower-cased.
CREATE TABLE claim_actors (
    claim_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'target', 'source')),
    name_lc   TEXT NOT NULL,
    text_lc   TEXT NOT NULL,
    id_lc     TEXT
);
CREATE INDEX claim_actors_claim ON claim_actors (claim_seq);

-- The review audit trail. Keyed on the stable claim id, deliberately with no
-- foreign key: re-extraction replaces claim rows, reviews stay.
CREATE TABLE reviews (
    seq       INTEGER PRIMARY KEY,
    claim_id  TEXT NOT NULL,
    who       TEXT NOT NULL,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
    field     TEXT,
    old_value TEXT,
    new_value TEXT,
    note      TEXT,
    CHECK (action <> 'correct' OR (field IS NOT NULL AND new_value IS NOT NULL))
);
CREATE INDEX reviews_claim ON reviews (claim_id, seq);
