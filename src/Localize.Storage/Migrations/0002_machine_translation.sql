-- Machine translation: memory of raw engine output (never paid for twice) and usage for the cost view.
-- Idempotent (IF NOT EXISTS) because the stores also apply it on first use, so engines work before the
-- workflow store's migration runner has run, and running it again there is harmless.

-- One row per engine input (protected segment text) × locale × engine. Not reviewed: separate from the
-- human-approved translation memory. input_hash is SHA-256 of input (UTF-8, lower-case hex).
CREATE TABLE IF NOT EXISTS mt_cache (
    engine_id       TEXT NOT NULL,
    source_language TEXT NOT NULL,
    locale          TEXT NOT NULL,
    input_hash      TEXT NOT NULL,
    input           TEXT NOT NULL,
    output          TEXT NOT NULL,
    -- Engine flags (unknown words …), one per line.
    flags           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT NOW_UTC,
    PRIMARY KEY (engine_id, source_language, locale, input_hash)
) WITHOUT ROWID;

-- Running totals per UTC day, engine, locale and article (document slug).
CREATE TABLE IF NOT EXISTS mt_usage (
    day                TEXT NOT NULL,
    engine_id          TEXT NOT NULL,
    locale             TEXT NOT NULL,
    document           TEXT NOT NULL,
    characters_sent    INTEGER NOT NULL DEFAULT 0,
    characters_charged INTEGER NOT NULL DEFAULT 0,
    segments           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, engine_id, locale, document)
) WITHOUT ROWID;
