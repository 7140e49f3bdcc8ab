-- Schema 8: a change made on a shopper's phone carries an id made there. The
-- server keeps one result per id, so a resend after a lost reply is answered
-- with the reply given, never applied twice.

CREATE TABLE client_change (
  study_id TEXT NOT NULL,
  change_id TEXT NOT NULL,
  actor TEXT NOT NULL,                -- the account's e-mail
  contact_id TEXT NOT NULL,
  request TEXT NOT NULL,              -- method, path and body, byte for byte as received
  reply TEXT NOT NULL,                -- the JSON body of the reply given
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (study_id, change_id)
);
