-- Full-text indexing moves from a per-row trigger to one statement per
-- batch (`sqlite_write::index_new`): FTS5 writes its pending terms to disk
-- at every statement savepoint, so indexing row by row inside a batch cost
-- more than the inserts themselves. Deletes and updates keep their triggers.
DROP TRIGGER IF EXISTS claims_fts_insert;
