-- Schema 11: evidence a shopper attached to a report (docs/evidence.md). The
-- file itself lives outside the database, under the study's evidence folder
-- (store/evidence_files.h), by the generated `stored_name`; the row says
-- what it is. It hangs on the study, not on the contact row: a contact is
-- saved by INSERT OR REPLACE, whose cascade would take its files with every
-- draft. Deleting the study deletes the rows (and the caller the folder).
-- `change_id` is the device's id of the upload: a resend after a lost reply
-- finds the file it stored, never a second copy.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  study_id TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  contact_id TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  original_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  change_id TEXT,
  UNIQUE (study_id, stored_name),
  UNIQUE (study_id, change_id)
);
CREATE INDEX evidence_by_contact ON evidence(study_id, contact_id);
