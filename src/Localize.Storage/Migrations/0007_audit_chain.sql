-- The change records become a tamper-evident audit trail: each carries the hash of the one before it.
ALTER TABLE changes ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN hash TEXT NOT NULL DEFAULT '';
UPDATE changes SET subject = 'translation:' || translation_id;
