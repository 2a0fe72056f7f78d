-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 7: the content calendar. Recurrence exceptions, all-day
-- items, publishing bookkeeping and CalDAV sharing state.

-- An all-day item has a date, no time: publish_at is that date at 00:00 UTC.
ALTER TABLE content_items ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0;
-- When the item became Published; activities are recorded only once.
ALTER TABLE content_items ADD COLUMN published_at INTEGER;
-- Changed here since the CalDAV server last saw it.
ALTER TABLE content_items ADD COLUMN sync_dirty INTEGER NOT NULL DEFAULT 1;

-- An exception is looked up by its series and the start it replaces.
CREATE UNIQUE INDEX content_items_exception ON content_items (series_id, recurrence_id)
  WHERE series_id IS NOT NULL;
-- Only series are expanded; the month query reads them by this index.
CREATE INDEX content_items_rrule ON content_items (publish_at) WHERE rrule IS NOT NULL;

-- Occurrences removed from a series (EXDATE), by their original start (UTC).
CREATE TABLE content_exdates (
  item_id        INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  occurrence_at  INTEGER NOT NULL,
  PRIMARY KEY (item_id, occurrence_at)
) WITHOUT ROWID;

-- The one CalDAV collection the content calendar is shared through. The
-- password is in the Secret Service, never here.
CREATE TABLE content_caldav (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  url         TEXT NOT NULL,
  username    TEXT NOT NULL,
  last_sync   INTEGER,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ())
);

-- Items deleted here that the server still has: the next sync deletes them.
CREATE TABLE content_tombstones (
  uid          TEXT PRIMARY KEY,
  remote_href  TEXT NOT NULL,
  etag         TEXT,
  deleted_at   INTEGER NOT NULL DEFAULT (unixepoch ())
) WITHOUT ROWID;

-- Both sides changed the same resource. remote_ics is the server's version
-- (NULL when the server deleted it); local_deleted says this side deleted it.
CREATE TABLE content_conflicts (
  uid            TEXT PRIMARY KEY,
  remote_href    TEXT NOT NULL,
  remote_etag    TEXT,
  remote_ics     TEXT,
  local_deleted  INTEGER NOT NULL DEFAULT 0,
  detected_at    INTEGER NOT NULL DEFAULT (unixepoch ())
) WITHOUT ROWID;
