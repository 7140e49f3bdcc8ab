-- Schema 1: the study definition and its fieldwork.
-- Nested value objects (texts per language, opening hours, wait tables,
-- channel lists, relevance conditions) are JSON; entities other rows refer to
-- are rows. Every table is scoped by study_id.

CREATE TABLE study (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  languages TEXT NOT NULL,              -- JSON list of language codes, default first
  period_start TEXT NOT NULL,           -- YYYY-MM-DD
  period_end TEXT NOT NULL,             -- YYYY-MM-DD, inclusive
  time_zone TEXT NOT NULL,
  contacts_per_participant INTEGER NOT NULL,
  max_channels_per_participant INTEGER NOT NULL,
  min_contacts_for_ranking INTEGER NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE channel (
  study_id TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email_form', 'chat', 'messenger')),
  share REAL NOT NULL,
  priority INTEGER NOT NULL,
  hours TEXT NOT NULL,                  -- JSON {weekdays, open_minute, close_minute}
  max_wait_s REAL NOT NULL,
  wait_table TEXT NOT NULL,             -- JSON [[seconds, share], ...]
  PRIMARY KEY (study_id, channel)
);

CREATE TABLE industry (
  study_id TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,                   -- JSON text per language
  position INTEGER NOT NULL,
  PRIMARY KEY (study_id, id)
);

CREATE TABLE scenario (
  study_id TEXT NOT NULL,
  id TEXT NOT NULL,
  industry_id TEXT NOT NULL,
  title TEXT NOT NULL,
  script TEXT NOT NULL,
  channels TEXT NOT NULL,               -- JSON list; empty = all
  profile TEXT NOT NULL,                -- JSON {age_bands, gender}
  position INTEGER NOT NULL,
  PRIMARY KEY (study_id, id),
  FOREIGN KEY (study_id, industry_id) REFERENCES industry(study_id, id) ON DELETE CASCADE
);

CREATE TABLE participant (
  study_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  company TEXT NOT NULL,
  industry_id TEXT NOT NULL,
  size INTEGER NOT NULL,
  language TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (study_id, id),
  FOREIGN KEY (study_id, industry_id) REFERENCES industry(study_id, id) ON DELETE CASCADE
);

CREATE TABLE channel_audit (
  study_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  offered INTEGER NOT NULL CHECK (offered IN (0, 1)),
  ease TEXT CHECK (ease IS NULL OR ease IN ('easy', 'moderate', 'hard')),
  PRIMARY KEY (study_id, participant_id, channel),
  FOREIGN KEY (study_id, participant_id) REFERENCES participant(study_id, id) ON DELETE CASCADE
);

CREATE TABLE area (
  study_id TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  weight REAL,                          -- NULL: shares the rest by points
  scored INTEGER NOT NULL,
  wait_time INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (study_id, id)
);

CREATE TABLE question (
  study_id TEXT NOT NULL,
  id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  type TEXT NOT NULL,
  label TEXT NOT NULL,
  points REAL NOT NULL,
  scale_min REAL NOT NULL,
  scale_max REAL NOT NULL,
  good_answer_yes INTEGER NOT NULL,
  channels TEXT NOT NULL,
  allow_na INTEGER NOT NULL,
  required INTEGER NOT NULL,
  relevance TEXT,                       -- JSON {question, values, negate} or NULL
  reference TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (study_id, id),
  FOREIGN KEY (study_id, area_id) REFERENCES area(study_id, id) ON DELETE CASCADE
);

CREATE TABLE question_option (
  study_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  points REAL NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (study_id, question_id, id),
  FOREIGN KEY (study_id, question_id) REFERENCES question(study_id, id) ON DELETE CASCADE
);

-- The agency's shopper pool is shared by its studies.
CREATE TABLE shopper (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  age_band TEXT NOT NULL,
  gender TEXT NOT NULL,
  region TEXT NOT NULL,
  languages TEXT NOT NULL,              -- JSON list
  channels TEXT NOT NULL,               -- JSON list
  max_per_week INTEGER NOT NULL,
  away_dates TEXT NOT NULL              -- JSON list of YYYY-MM-DD
);

CREATE TABLE contact (
  study_id TEXT NOT NULL,
  id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  shopper_id TEXT NOT NULL REFERENCES shopper(id),
  channel TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  planned_at TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT,
  answered_at TEXT,
  wait_s REAL,                          -- NULL: never answered
  responder TEXT NOT NULL,
  PRIMARY KEY (study_id, id),
  FOREIGN KEY (study_id, participant_id) REFERENCES participant(study_id, id) ON DELETE CASCADE,
  FOREIGN KEY (study_id, scenario_id) REFERENCES scenario(study_id, id)
);

CREATE TABLE answer (
  study_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  na INTEGER NOT NULL,
  number REAL,
  text TEXT,
  PRIMARY KEY (study_id, contact_id, question_id),
  FOREIGN KEY (study_id, contact_id) REFERENCES contact(study_id, id) ON DELETE CASCADE,
  FOREIGN KEY (study_id, question_id) REFERENCES question(study_id, id)
);

CREATE TABLE comment (
  study_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (study_id, contact_id, area_id),
  FOREIGN KEY (study_id, contact_id) REFERENCES contact(study_id, id) ON DELETE CASCADE
);
