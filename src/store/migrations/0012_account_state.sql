-- Schema 12: accounts can be deactivated, and a password reset by a link.
-- A deactivated account keeps its row (its name stays in the change log and
-- on its reports) but cannot log in; deactivating it ends its sessions.
-- A reset link is stored as its token's BLAKE2b hash only, works once and
-- expires; using it sets the password and ends the account's sessions.
ALTER TABLE account ADD COLUMN deactivated_at TEXT;  -- UTC ISO 8601; NULL: active

CREATE TABLE password_reset (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  created_by INTEGER REFERENCES account(id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX password_reset_by_account ON password_reset (account_id);
