-- Publishing (issue 10): who reviewed each published version and which version a rollback restored, plus the webhook
-- outbox. One migration for the publishing issue so the numbers other branches hold stay free.
ALTER TABLE publications ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '[]';
ALTER TABLE publications ADD COLUMN reviewed_at TEXT;
-- The version whose content a rollback put back online; NULL for a publish of newly approved content.
ALTER TABLE publications ADD COLUMN restored_version INTEGER;
-- 1 for a version that took the article × locale offline (an unpublish): nothing is served until the next publish.
ALTER TABLE publications ADD COLUMN unpublished INTEGER NOT NULL DEFAULT 0;

-- One row per event × subscriber, written before anyone is told, so a delivery survives a restart.
CREATE TABLE webhook_outbox (
    id              ID_KEY,
    event_id        TEXT NOT NULL,
    subscriber      TEXT NOT NULL,
    url             TEXT NOT NULL,
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    delivered_at    TEXT,
    failed_at       TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (event_id, subscriber)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(delivered_at, failed_at, next_attempt_at);

-- The last publication turned into outbox rows: the dispatcher reads publications after it, so a publish made by
-- another process (the CLI's rollback) is announced too, and advancing it shares a transaction with the rows.
CREATE TABLE webhook_cursor (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    last_publication_id INTEGER NOT NULL
);

-- Every attempt, for the delivery log.
CREATE TABLE webhook_attempts (
    id          ID_KEY,
    outbox_id   INTEGER NOT NULL,
    attempt     INTEGER NOT NULL,
    at          TEXT NOT NULL,
    status      INTEGER,
    error       TEXT,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_outbox ON webhook_attempts(outbox_id, id);
