-- Schema 10: a study's published ranking ("Best i test", docs/publication.md).
-- One row a study: the document as it was made from the approved reports
-- (JSON, results/public_ranking.h), the local time from which it is public
-- ("YYYY-MM-DDTHH:MM" in the study's time zone), who made it and when (UTC),
-- and the change-log stamp it reflects. Withdrawing deletes the row; deleting
-- the study deletes it.
CREATE TABLE publication (
  study_id TEXT PRIMARY KEY REFERENCES study(id) ON DELETE CASCADE,
  publish_at TEXT NOT NULL,
  made_by INTEGER NOT NULL,
  made_at TEXT NOT NULL,
  stamp INTEGER NOT NULL,
  document TEXT NOT NULL
);
