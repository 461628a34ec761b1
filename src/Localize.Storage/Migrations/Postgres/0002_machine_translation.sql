-- PostgreSQL twin of ../0002_machine_translation.sql (idempotent for the same reason: the stores apply it on first use).
CREATE TABLE IF NOT EXISTS mt_cache (
    engine_id       TEXT NOT NULL,
    source_language TEXT NOT NULL,
    locale          TEXT NOT NULL,
    input_hash      TEXT NOT NULL,
    input           TEXT NOT NULL,
    output          TEXT NOT NULL,
    flags           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    PRIMARY KEY (engine_id, source_language, locale, input_hash)
);

CREATE TABLE IF NOT EXISTS mt_usage (
    day                TEXT NOT NULL,
    engine_id          TEXT NOT NULL,
    locale             TEXT NOT NULL,
    document           TEXT NOT NULL,
    characters_sent    BIGINT NOT NULL DEFAULT 0,
    characters_charged BIGINT NOT NULL DEFAULT 0,
    segments           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, engine_id, locale, document)
);
