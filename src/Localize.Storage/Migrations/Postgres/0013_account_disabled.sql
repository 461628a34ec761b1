-- PostgreSQL twin of ../0013_account_disabled.sql.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
