-- The audit trail becomes keyed (HMAC-SHA256, the key outside the database) and binds rows: each record names the
-- translation, signature or publication row it left behind and a digest of it. A database that already has records
-- is marked for the cut-over: at the next start, a keyed record seals the plain SHA-256 records before it and one
-- keyed baseline record per row binds the rows as they stand then.
ALTER TABLE changes ADD COLUMN row_key TEXT NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN row_digest TEXT NOT NULL DEFAULT '';
CREATE INDEX changes_by_row ON changes(row_key, id);
CREATE TABLE audit_cutover (
    last_plain_record INTEGER NOT NULL
);
INSERT INTO audit_cutover (last_plain_record) SELECT MAX(id) FROM changes HAVING COUNT(*) > 0;
