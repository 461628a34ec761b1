-- What the worker prepares for reviewers so that page loads do no translation or scoring work.
ALTER TABLE translations ADD COLUMN back_translation TEXT;
-- The target the back-translation was made from: an edit makes it stale until the worker redoes it.
ALTER TABLE translations ADD COLUMN back_translated_target TEXT;

CREATE TABLE readability (
    slug          TEXT NOT NULL,
    locale        TEXT NOT NULL,
    score         TEXT NOT NULL,
    computed_for  TEXT NOT NULL,
    computed_at   TEXT NOT NULL,
    PRIMARY KEY (slug, locale)
);
