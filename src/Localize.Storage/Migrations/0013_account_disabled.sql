-- An administrator can disable an account (a person who left, a role paused): it can no longer sign in, sign, or be
-- assigned; its history stays, attributed. NULL while the account is enabled.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
