-- dialect: PostgreSQL
-- Times become timestamptz on PostgreSQL, so the database itself compares, orders and reads them as times (and a
-- report can ask it for a day or an interval). SQLite has no time type and keeps its fixed-width UTC text. The text
-- held 100 ns; PostgreSQL holds microseconds, so each value is cut (not rounded) to the microsecond first — what the
-- application does from now on before it seals a time into the audit chain (SqlTime.Stored).
ALTER TABLE articles ALTER COLUMN updated_at TYPE timestamptz USING regexp_replace(updated_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE translations
    ALTER COLUMN updated_at TYPE timestamptz USING regexp_replace(updated_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN lease_until TYPE timestamptz USING regexp_replace(lease_until, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE changes ALTER COLUMN at TYPE timestamptz USING regexp_replace(at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE source_errors ALTER COLUMN seen_at TYPE timestamptz USING regexp_replace(seen_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE publications
    ALTER COLUMN published_at TYPE timestamptz USING regexp_replace(published_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN reviewed_at TYPE timestamptz USING regexp_replace(reviewed_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE mt_cache
    ALTER COLUMN created_at DROP DEFAULT,
    ALTER COLUMN created_at TYPE timestamptz USING regexp_replace(created_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN created_at SET DEFAULT now();
ALTER TABLE memory_units ALTER COLUMN changed_at TYPE timestamptz USING regexp_replace(changed_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE readability ALTER COLUMN computed_at TYPE timestamptz USING regexp_replace(computed_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE users
    ALTER COLUMN lockout_end TYPE timestamptz USING regexp_replace(lockout_end, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN created_at TYPE timestamptz USING regexp_replace(created_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN disabled_at TYPE timestamptz USING regexp_replace(disabled_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE signatures ALTER COLUMN signed_at TYPE timestamptz USING regexp_replace(signed_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE mqm_issues ALTER COLUMN at TYPE timestamptz USING regexp_replace(at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE review_assignments
    ALTER COLUMN due_at TYPE timestamptz USING regexp_replace(due_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN assigned_at TYPE timestamptz USING regexp_replace(assigned_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE webhook_outbox
    ALTER COLUMN next_attempt_at TYPE timestamptz USING regexp_replace(next_attempt_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN delivered_at TYPE timestamptz USING regexp_replace(delivered_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN failed_at TYPE timestamptz USING regexp_replace(failed_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    ALTER COLUMN created_at TYPE timestamptz USING regexp_replace(created_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE webhook_attempts ALTER COLUMN at TYPE timestamptz USING regexp_replace(at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
ALTER TABLE segment_comments ALTER COLUMN at TYPE timestamptz USING regexp_replace(at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
-- The runner's own record (its table is created as text before any migration runs).
ALTER TABLE schema_migrations ALTER COLUMN applied_at TYPE timestamptz USING regexp_replace(applied_at, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz;
