-- Schema 5: contact outcomes as they happen in the field. Every attempt at a
-- contact with its times and what it came to; how many attempts a channel
-- allows; how to reach each participant on each channel (the channel audit).
-- Contacts stored before this have no attempt rows: the fieldwork service
-- reads a started contact without attempts as one attempt from started_at.

ALTER TABLE channel ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE channel_audit ADD COLUMN reach TEXT NOT NULL DEFAULT '';

CREATE TABLE contact_attempt (
  study_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  position INTEGER NOT NULL,            -- 0 = the first attempt
  round INTEGER NOT NULL,               -- restarts after a return before this attempt
  started_at TEXT NOT NULL,             -- UTC ISO 8601
  ended_at TEXT,                        -- NULL while pending
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'answered', 'no_answer', 'busy',
                                           'closed', 'gave_up', 'never_answered')),
  PRIMARY KEY (study_id, contact_id, position),
  FOREIGN KEY (study_id, contact_id) REFERENCES contact(study_id, id) ON DELETE CASCADE
);
