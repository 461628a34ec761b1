-- Articles, their segments, each segment's translation per locale, change records, source errors, publications.
CREATE TABLE articles (
    id            ID_KEY,
    slug          TEXT NOT NULL UNIQUE,
    pipeline      TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    title         TEXT NOT NULL,
    source_hash   TEXT NOT NULL,
    source_text   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE segments (
    id            ID_KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    unit_id       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    source_text   TEXT NOT NULL,
    words         INTEGER NOT NULL
);
CREATE INDEX segments_by_article ON segments(article_id, ordinal);

CREATE TABLE translations (
    id            ID_KEY,
    segment_id    INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    locale        TEXT NOT NULL,
    state         TEXT NOT NULL,
    target_text   TEXT,
    machine_text  TEXT,
    engine_id     TEXT,
    approvers     TEXT NOT NULL DEFAULT '[]',
    notes         TEXT NOT NULL DEFAULT '[]',
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    UNIQUE (segment_id, locale)
);
CREATE INDEX translations_by_state ON translations(locale, state, updated_at);

-- Kept when a segment retires, so no foreign key: the history outlives what it describes. The id is given by the
-- audit chain (the previous record's id + 1), never by the database: a plain INTEGER key, not an ID_KEY.
CREATE TABLE changes (
    id             INTEGER PRIMARY KEY,
    translation_id INTEGER NOT NULL,
    from_state     TEXT NOT NULL,
    to_state       TEXT NOT NULL,
    actor          TEXT NOT NULL,
    at             TEXT NOT NULL,
    detail         TEXT NOT NULL
);
CREATE INDEX changes_by_translation ON changes(translation_id, id);

CREATE TABLE source_errors (
    path          TEXT PRIMARY KEY,
    message       TEXT NOT NULL,
    line          INTEGER,
    field         TEXT,
    seen_at       TEXT NOT NULL
);

CREATE TABLE publications (
    id            ID_KEY,
    slug          TEXT NOT NULL,
    locale        TEXT NOT NULL,
    version       INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    source_hash   TEXT NOT NULL,
    path          TEXT NOT NULL,
    published_by  TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    UNIQUE (slug, locale, version)
);
