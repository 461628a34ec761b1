-- PostgreSQL twin of ../0012_account_disabled.sql.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
