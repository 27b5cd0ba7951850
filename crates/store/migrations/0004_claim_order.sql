-- Migration 0004: claims carry their document's sort key and outlet, so that
-- a page of claims (ordered by publication date, undated last, then document
-- and span) is read from an index in order and stops at the page's end,
-- instead of sorting every match. One composite index per equality filter
-- (type, firmness, source kind, outlet) serves "filter + order" the same way.
-- FROZEN once released: never edit this file; add the next migration.

-- The document's `published`, or '~' when it has none ('~' sorts after every
-- ISO date, so undated documents come last, as before).
ALTER TABLE claims ADD COLUMN ord_published TEXT NOT NULL DEFAULT '~';
-- The document's outlet, lower-cased (ASCII, as `COLLATE NOCASE` compared).
ALTER TABLE claims ADD COLUMN ord_outlet TEXT;

UPDATE claims SET
    ord_published = COALESCE((SELECT d.published FROM documents d WHERE d.id = claims.doc), '~'),
    ord_outlet = (SELECT lower(d.outlet) FROM documents d WHERE d.id = claims.doc);

DROP INDEX IF EXISTS claims_type;
DROP INDEX IF EXISTS claims_epistemic;
DROP INDEX IF EXISTS claims_source_kind;
CREATE INDEX claims_order ON claims (ord_published, doc, span_start);
CREATE INDEX claims_type_order ON claims (type, ord_published, doc, span_start);
CREATE INDEX claims_epistemic_order ON claims (epistemic, ord_published, doc, span_start);
CREATE INDEX claims_source_kind_order ON claims (source_kind, ord_published, doc, span_start);
CREATE INDEX claims_outlet_order ON claims (ord_outlet, ord_published, doc, span_start);
-- Exact-name lookups for the actor filter (ids and whole names).
CREATE INDEX claim_actors_id ON claim_actors (id_lc) WHERE id_lc IS NOT NULL;
