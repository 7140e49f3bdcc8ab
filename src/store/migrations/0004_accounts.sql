-- Schema 4: the web app's accounts, sessions and invitations.
-- Passwords are stored only as libsodium argon2id strings; session and
-- invitation tokens only as their BLAKE2b hashes, so a copy of the database
-- gives nobody a way in.

CREATE TABLE account (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'shopper', 'participant')),
  shopper_id TEXT REFERENCES shopper(id),  -- role shopper: whose assignments
  study_id TEXT,                           -- role participant: which study ...
  participant_id TEXT,                     -- ... and which participant it may see
  language TEXT NOT NULL DEFAULT 'nb',
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (role <> 'shopper' OR shopper_id IS NOT NULL),
  CHECK (role <> 'participant' OR (study_id IS NOT NULL AND participant_id IS NOT NULL))
);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_at TEXT NOT NULL              -- UTC ISO 8601
);

CREATE TABLE invitation (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'shopper', 'participant')),
  shopper_id TEXT,
  study_id TEXT,
  participant_id TEXT,
  created_by INTEGER REFERENCES account(id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE INDEX session_by_account ON session (account_id);
