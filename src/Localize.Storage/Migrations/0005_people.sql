-- People and what they may do: ASP.NET Core Identity's users, their roles (admin, manager, reviewer, editor) and
-- their claims (the locales a reviewer or editor works in), in the same file as the workflow they act on.
CREATE TABLE users (
    id                   TEXT PRIMARY KEY,
    user_name            TEXT NOT NULL,
    normalized_user_name TEXT NOT NULL UNIQUE,
    password_hash        TEXT,
    security_stamp       TEXT NOT NULL,
    concurrency_stamp    TEXT NOT NULL,
    lockout_enabled      INTEGER NOT NULL DEFAULT 1,
    lockout_end          TEXT,
    access_failed_count  INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    normalized_role TEXT NOT NULL,
    role            TEXT NOT NULL,
    PRIMARY KEY (user_id, normalized_role)
);

CREATE TABLE user_claims (
    id          ID_KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    claim_type  TEXT NOT NULL,
    claim_value TEXT NOT NULL
);
CREATE INDEX user_claims_by_user ON user_claims(user_id);
