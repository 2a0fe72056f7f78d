-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 3: the advocate pipeline, content plan, events, conduct
-- reports and sync bookkeeping. Later features add behaviour to these tables.

CREATE TABLE stage_history (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  from_stage  INTEGER REFERENCES pipeline_stages (id) ON DELETE SET NULL,
  to_stage    INTEGER REFERENCES pipeline_stages (id) ON DELETE SET NULL,
  changed_at  INTEGER NOT NULL DEFAULT (unixepoch ()),
  reason      TEXT NOT NULL DEFAULT 'manual'
);

CREATE INDEX stage_history_member ON stage_history (member_id, changed_at);

CREATE TABLE recognitions (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  description TEXT,
  given_at    INTEGER NOT NULL,
  given_by    TEXT
);

CREATE INDEX recognitions_member ON recognitions (member_id, given_at);

CREATE TABLE merge_suggestions (
  id          INTEGER PRIMARY KEY,
  member_a    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  member_b    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  reason      TEXT NOT NULL,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ()),
  dismissed_at INTEGER,
  UNIQUE (member_a, member_b)
);

CREATE INDEX merge_suggestions_b ON merge_suggestions (member_b);

CREATE TABLE content_channels (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL COLLATE NOCASE UNIQUE,
  color  TEXT
);

INSERT INTO content_channels (name, color) VALUES
  ('Blog', 'blue'), ('Newsletter', 'green'), ('Forum', 'yellow'), ('X', 'brown'),
  ('LinkedIn', 'purple'), ('Reddit', 'orange'), ('YouTube', 'red');

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'meetup',
  starts_at      INTEGER NOT NULL,
  ends_at        INTEGER,
  tzid           TEXT,
  venue          TEXT,
  online_url     TEXT,
  capacity       INTEGER,
  rsvp_deadline  INTEGER,
  description    TEXT,
  status         TEXT NOT NULL DEFAULT 'draft',
  attendance_recorded_at INTEGER,
  created_at     INTEGER NOT NULL DEFAULT (unixepoch ()),
  updated_at     INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE INDEX events_start ON events (starts_at);

CREATE TABLE event_people (
  event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  role       TEXT NOT NULL,
  PRIMARY KEY (event_id, member_id, role)
) WITHOUT ROWID;

CREATE INDEX event_people_member ON event_people (member_id);

CREATE TABLE rsvps (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  member_id      INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  status         TEXT NOT NULL,
  party_size     INTEGER NOT NULL DEFAULT 1 CHECK (party_size >= 1),
  answers        TEXT,
  source         TEXT NOT NULL DEFAULT 'manual',
  external_id    TEXT,
  waitlist_position INTEGER,
  offered_at     INTEGER,
  checked_in_at  INTEGER,
  created_at     INTEGER NOT NULL DEFAULT (unixepoch ()),
  updated_at     INTEGER NOT NULL DEFAULT (unixepoch ()),
  UNIQUE (event_id, member_id)
);

CREATE INDEX rsvps_member ON rsvps (member_id);

CREATE TABLE rsvp_history (
  id          INTEGER PRIMARY KEY,
  rsvp_id     INTEGER NOT NULL REFERENCES rsvps (id) ON DELETE CASCADE,
  at          INTEGER NOT NULL DEFAULT (unixepoch ()),
  from_status TEXT,
  to_status   TEXT,
  note        TEXT
);

CREATE INDEX rsvp_history_rsvp ON rsvp_history (rsvp_id);

CREATE TABLE content_items (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'blog-post',
  status         TEXT NOT NULL DEFAULT 'idea',
  owner          TEXT,
  event_id       INTEGER REFERENCES events (id) ON DELETE SET NULL,
  publish_at     INTEGER,
  tzid           TEXT,
  rrule          TEXT,
  series_id      INTEGER REFERENCES content_items (id) ON DELETE CASCADE,
  recurrence_id  INTEGER,
  url            TEXT,
  notes          TEXT,
  etag           TEXT,
  remote_href    TEXT,
  created_at     INTEGER NOT NULL DEFAULT (unixepoch ()),
  updated_at     INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE INDEX content_items_publish ON content_items (publish_at);
CREATE INDEX content_items_series ON content_items (series_id);

CREATE TABLE content_item_channels (
  item_id     INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  channel_id  INTEGER NOT NULL REFERENCES content_channels (id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE content_item_members (
  item_id    INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  role       TEXT NOT NULL DEFAULT 'featured',
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;

CREATE INDEX content_item_members_member ON content_item_members (member_id);

CREATE TABLE coc_reports (
  id                  INTEGER PRIMARY KEY,
  reported_at         INTEGER NOT NULL,
  reporter_member_id  INTEGER REFERENCES members (id) ON DELETE SET NULL,
  subject_member_id   INTEGER REFERENCES members (id) ON DELETE SET NULL,
  channel             TEXT,
  severity            TEXT NOT NULL DEFAULT 'low',
  status              TEXT NOT NULL DEFAULT 'open',
  summary             TEXT NOT NULL,
  resolution          TEXT,
  resolved_at         INTEGER
);

CREATE INDEX coc_reports_reported ON coc_reports (reported_at);

-- Sync accounts: only non-secret settings. Tokens live in the Secret Service.
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  connector   TEXT NOT NULL,
  name        TEXT NOT NULL,
  base_url    TEXT,
  settings    TEXT,
  state       TEXT NOT NULL DEFAULT 'ok',
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ())
);

CREATE TABLE sync_state (
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  stream      TEXT NOT NULL,
  cursor      TEXT,
  updated_at  INTEGER NOT NULL DEFAULT (unixepoch ()),
  PRIMARY KEY (account_id, stream)
) WITHOUT ROWID;

CREATE TABLE sync_log (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  status       TEXT NOT NULL DEFAULT 'running',
  records      INTEGER NOT NULL DEFAULT 0,
  pages        INTEGER NOT NULL DEFAULT 0,
  error        TEXT
);

CREATE INDEX sync_log_account ON sync_log (account_id, started_at);
