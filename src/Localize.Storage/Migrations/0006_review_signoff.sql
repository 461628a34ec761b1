-- Four-eyes: who wrote the current target, so that person cannot also approve it.
ALTER TABLE translations ADD COLUMN edited_by TEXT;

-- Article sign-off (21 CFR Part 11 style): who signed which exact localized content, when, and what the signature
-- means. Publishing requires a signature whose content_hash is the SHA-256 of the content being published.
CREATE TABLE signatures (
    id            ID_KEY,
    slug          TEXT NOT NULL,
    locale        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    source_hash   TEXT NOT NULL,
    signed_by     TEXT NOT NULL,
    signed_at     TEXT NOT NULL,
    meaning       TEXT NOT NULL
);
CREATE INDEX signatures_by_article ON signatures(slug, locale, id);

-- MQM annotations an edit or rejection carries; the article × locale quality score is computed from them.
CREATE TABLE mqm_issues (
    id             ID_KEY,
    translation_id INTEGER NOT NULL,
    slug           TEXT NOT NULL,
    locale         TEXT NOT NULL,
    category       TEXT NOT NULL,
    severity       TEXT NOT NULL,
    actor          TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX mqm_issues_by_article ON mqm_issues(slug, locale);

-- Who is to review an article × locale, and by when (set by a manager).
CREATE TABLE review_assignments (
    slug          TEXT NOT NULL,
    locale        TEXT NOT NULL,
    assignee      TEXT NOT NULL,
    due_at        TEXT,
    assigned_by   TEXT NOT NULL,
    assigned_at   TEXT NOT NULL,
    PRIMARY KEY (slug, locale)
);
