-- A segment's history as a reviewer reads it: beside each change record that changed the words, the target it left and
-- the source it translated then (so an edit shows its diff against the text it replaced, and an outdated segment what
-- changed in the English). And the comment thread of each segment, between editor and reviewer.
CREATE TABLE translation_texts (
    id             ID_KEY,
    translation_id INTEGER NOT NULL,
    change_id      INTEGER NOT NULL,
    source_text    TEXT NOT NULL,
    target_text    TEXT
);
CREATE INDEX translation_texts_by_translation ON translation_texts(translation_id, id);

CREATE TABLE segment_comments (
    id             ID_KEY,
    translation_id INTEGER NOT NULL,
    slug           TEXT NOT NULL,
    locale         TEXT NOT NULL,
    author         TEXT NOT NULL,
    at             TEXT NOT NULL,
    body           TEXT NOT NULL
);
CREATE INDEX segment_comments_by_article ON segment_comments(locale, slug, id);
