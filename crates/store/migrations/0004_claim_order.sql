-- Migration 0004: claims carry their document's sort key and outlet and
-- their own day range, so that a page of claims (ordered by publication
-- date, undated last, then document and span) is read from an index in
-- order and stops at the page's end, instead of sorting every match.
-- FROZEN once released: never edit this file; add the next migration.

-- The document's `published`, or '~' when it has none ('~' sorts after every
-- ISO date, so undated documents come last, as before).
ALTER TABLE claims ADD COLUMN ord_published TEXT NOT NULL DEFAULT '~';
-- The document's outlet, lower-cased (ASCII, as `COLLATE NOCASE` compared).
ALTER TABLE claims ADD COLUMN ord_outlet TEXT;
-- The days the claim speaks of: its own date range, or else its document's
-- publication day (what `--since` / `--until` compare).
ALTER TABLE claims ADD COLUMN ord_day_lo TEXT;
ALTER TABLE claims ADD COLUMN ord_day_hi TEXT;
-- 1 when the claim speaks of days after its (dated) document was published
-- ("talks are set for June"). Every other claim reaching a day D is in a
-- document published on or after D, so `--since D` seeks the order index
-- to D and adds these few.
ALTER TABLE claims ADD COLUMN ord_future INTEGER NOT NULL DEFAULT 0;

UPDATE claims SET
    ord_published = COALESCE((SELECT d.published FROM documents d WHERE d.id = claims.doc), '~'),
    ord_outlet = (SELECT lower(d.outlet) FROM documents d WHERE d.id = claims.doc);
UPDATE claims SET
    ord_day_lo = COALESCE(date_start, date_end, NULLIF(substr(ord_published, 1, 10), '~')),
    ord_day_hi = COALESCE(date_end, date_start, NULLIF(substr(ord_published, 1, 10), '~'));
UPDATE claims SET
    ord_future = COALESCE(ord_published <> '~' AND ord_day_hi > substr(ord_published, 1, 10), 0);

DROP INDEX IF EXISTS claims_type;
DROP INDEX IF EXISTS claims_epistemic;
DROP INDEX IF EXISTS claims_source_kind;
-- The listing order, carrying every filter column: walking it tests any
-- combination of filters without reading a claim row.
CREATE INDEX claims_order ON claims (ord_published, doc, span_start,
    type, epistemic, source_kind, ord_outlet, ord_day_lo, ord_day_hi, ord_future);
-- The same after `type` (the filter most often combined with others).
CREATE INDEX claims_type_order ON claims (type, ord_published, doc, span_start,
    epistemic, source_kind, ord_outlet, ord_day_lo, ord_day_hi, ord_future);
-- One equality filter and the order.
CREATE INDEX claims_epistemic_order ON claims (epistemic, ord_published, doc, span_start);
CREATE INDEX claims_source_kind_order ON claims (source_kind, ord_published, doc, span_start);
CREATE INDEX claims_outlet_order ON claims (ord_outlet, ord_published, doc, span_start);
CREATE INDEX claims_future ON claims (ord_published, doc, span_start,
    type, epistemic, source_kind, ord_outlet, ord_day_lo, ord_day_hi, ord_future) WHERE ord_future = 1;
-- Documents in listing order (undated last).
CREATE INDEX documents_order ON documents (published IS NULL, published, id);
