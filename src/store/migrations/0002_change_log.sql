-- Schema 2: every change to fieldwork is logged (who, when, what, why), and
-- contacts record when they were submitted.

ALTER TABLE contact ADD COLUMN submitted_at TEXT;

CREATE TABLE change_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id TEXT,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT NOT NULL,                  -- a user name, or "cxbench demo", "cxbench plan"
  entity TEXT NOT NULL,                 -- "study", "contact", "answer", ...
  entity_id TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  reason TEXT
);

CREATE INDEX contact_by_participant ON contact (study_id, participant_id);
CREATE INDEX contact_by_shopper ON contact (shopper_id);
CREATE INDEX change_log_by_entity ON change_log (study_id, entity, entity_id);
