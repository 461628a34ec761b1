-- Translation memory (human-approved or imported translations per language pair) and glossary terms.
CREATE TABLE memory_units (
    id              ID_KEY,
    source_lang     TEXT NOT NULL,
    target_lang     TEXT NOT NULL,
    source_text     TEXT NOT NULL,
    target_text     TEXT NOT NULL,
    previous_source TEXT,
    next_source     TEXT,
    document        TEXT,
    -- previous, next and document joined by U+001F ('' when absent): one key that UNIQUE can compare, NULLs cannot.
    context_key     TEXT NOT NULL,
    origin          TEXT NOT NULL,
    created_by      TEXT,
    changed_at      TEXT NOT NULL,
    UNIQUE (source_text, source_lang, target_lang, context_key)
);
CREATE INDEX memory_units_by_pair ON memory_units(source_lang, target_lang, id);

CREATE TABLE glossary_terms (
    id          ID_KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_term TEXT NOT NULL,
    target_term TEXT NOT NULL,
    note        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_term, target_term)
);
