-- PostgreSQL twin of ../0004_review_aids.sql.
ALTER TABLE translations ADD COLUMN back_translation TEXT;
ALTER TABLE translations ADD COLUMN back_translated_target TEXT;

CREATE TABLE readability (
    slug          TEXT NOT NULL,
    locale        TEXT NOT NULL,
    score         TEXT NOT NULL,
    computed_for  TEXT NOT NULL,
    computed_at   TEXT NOT NULL,
    PRIMARY KEY (slug, locale)
);
