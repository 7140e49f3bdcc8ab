-- Schema 7: the study's quality-assurance settings (docs/study-format.md,
-- "Quality"): which reports the results count while QA is under way, and the
-- contradictions the automatic QA flags look for (JSON, as json_codec writes it).
ALTER TABLE study ADD COLUMN results_from TEXT NOT NULL DEFAULT 'approved_and_in_qa';
ALTER TABLE study ADD COLUMN contradictions TEXT NOT NULL DEFAULT '[]';
