-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 1: people and what we know about them.
-- Timestamps are UTC seconds since the Unix epoch.

CREATE TABLE organizations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  domain      TEXT,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE TABLE pipeline_stages (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  position  INTEGER NOT NULL
);

INSERT INTO pipeline_stages (id, name, position) VALUES
  (1, 'Newcomer', 0),
  (2, 'Participant', 1),
  (3, 'Contributor', 2),
  (4, 'Advocate', 3),
  (5, 'Champion', 4);

CREATE TABLE members (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  sort_name       TEXT NOT NULL,
  organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
  title           TEXT,
  location        TEXT,
  timezone        TEXT,
  phone           TEXT,
  bio             TEXT,
  stage_id        INTEGER NOT NULL DEFAULT 1 REFERENCES pipeline_stages (id),
  score           REAL NOT NULL DEFAULT 0,
  level           INTEGER NOT NULL DEFAULT 4,
  joined_at       INTEGER,
  last_active_at  INTEGER,
  activity_count  INTEGER NOT NULL DEFAULT 0,
  source          TEXT,
  custom_fields   TEXT,
  created_at      INTEGER NOT NULL DEFAULT (unixepoch ()),
  updated_at      INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE INDEX members_sort_name ON members (sort_name, id);
CREATE INDEX members_last_active ON members (last_active_at, id);
CREATE INDEX members_activity_count ON members (activity_count, id);
CREATE INDEX members_organization ON members (organization_id);
CREATE INDEX members_stage ON members (stage_id, sort_name);

CREATE TABLE emails (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  address     TEXT NOT NULL COLLATE NOCASE UNIQUE,
  is_primary  INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX emails_member ON emails (member_id);

CREATE TABLE identities (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  platform     TEXT NOT NULL,
  external_id  TEXT,
  handle       TEXT COLLATE NOCASE,
  url          TEXT,
  email        TEXT COLLATE NOCASE,
  created_at   INTEGER NOT NULL DEFAULT (unixepoch ()),
  UNIQUE (platform, handle)
);

CREATE INDEX identities_member ON identities (member_id);
CREATE UNIQUE INDEX identities_external ON identities (platform, external_id)
  WHERE external_id IS NOT NULL;

CREATE TABLE activities (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  platform     TEXT NOT NULL,
  kind         TEXT NOT NULL,
  occurred_at  INTEGER NOT NULL,
  url          TEXT,
  title        TEXT,
  channel      TEXT,
  parent_id    INTEGER,
  external_id  TEXT,
  sentiment    REAL
);

CREATE INDEX activities_member_time ON activities (member_id, occurred_at DESC);
CREATE INDEX activities_time ON activities (occurred_at);
CREATE UNIQUE INDEX activities_external ON activities (platform, external_id)
  WHERE external_id IS NOT NULL;

-- A member's counters follow their activities whoever inserts them.
CREATE TRIGGER activities_count_insert AFTER INSERT ON activities
BEGIN
  UPDATE members
     SET activity_count = activity_count + 1,
         last_active_at = max (coalesce (last_active_at, 0), NEW.occurred_at)
   WHERE id = NEW.member_id;
END;

CREATE TRIGGER activities_count_delete AFTER DELETE ON activities
BEGIN
  UPDATE members
     SET activity_count = activity_count - 1,
         last_active_at = (SELECT max (occurred_at) FROM activities WHERE member_id = OLD.member_id)
   WHERE id = OLD.member_id;
END;

CREATE TABLE tags (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL COLLATE NOCASE UNIQUE,
  color  TEXT
);

CREATE TABLE member_tags (
  member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (member_id, tag_id)
) WITHOUT ROWID;

CREATE INDEX member_tags_tag ON member_tags (tag_id, member_id);

CREATE TABLE segments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  definition  TEXT NOT NULL
);

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  author      TEXT,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ()),
  updated_at  INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE INDEX notes_member ON notes (member_id, created_at DESC);

CREATE TABLE interactions (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  occurred_at  INTEGER NOT NULL,
  summary      TEXT,
  author       TEXT
);

CREATE INDEX interactions_member ON interactions (member_id, occurred_at DESC);

CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER REFERENCES members (id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  due_at      INTEGER,
  done_at     INTEGER,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE INDEX tasks_member ON tasks (member_id);
CREATE INDEX tasks_open ON tasks (due_at) WHERE done_at IS NULL;

-- What an Undo needs: a snapshot of what a destructive change removed.
CREATE TABLE change_journal (
  id          INTEGER PRIMARY KEY,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ()),
  operation   TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  payload     TEXT NOT NULL,
  undone_at   INTEGER
);
