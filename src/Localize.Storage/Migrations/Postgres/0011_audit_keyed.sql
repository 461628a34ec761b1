-- PostgreSQL twin of ../0011_audit_keyed.sql.
ALTER TABLE changes ADD COLUMN row_key TEXT NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN row_digest TEXT NOT NULL DEFAULT '';
CREATE INDEX changes_by_row ON changes(row_key, id);
CREATE TABLE audit_cutover (
    last_plain_record BIGINT NOT NULL
);
INSERT INTO audit_cutover (last_plain_record) SELECT MAX(id) FROM changes HAVING COUNT(*) > 0;
