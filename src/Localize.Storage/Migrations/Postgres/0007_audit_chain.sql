-- PostgreSQL twin of ../0007_audit_chain.sql.
ALTER TABLE changes ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN hash TEXT NOT NULL DEFAULT '';
UPDATE changes SET subject = 'translation:' || translation_id;
