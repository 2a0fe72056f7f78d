-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 5: what two-way sync needs to remember between runs.

-- A remote record that was archived or deleted on its platform. Its member
-- stays, and a push must not bring the record back to life.
ALTER TABLE identities ADD COLUMN archived_at INTEGER;

-- Counts of a run beside the totals of 0003's sync_log.
ALTER TABLE sync_log ADD COLUMN direction TEXT;
ALTER TABLE sync_log ADD COLUMN created INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_log ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_log ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;

-- The member fields a platform owns, as a JSON object of field → value
-- ("name", "email", "organization", "title", "phone", "lifecycle_stage").
-- The member page marks these; values with no member column (lifecycle
-- stage) live only here.
CREATE TABLE member_remote_fields (
  member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  platform   TEXT NOT NULL,
  fields     TEXT NOT NULL,
  PRIMARY KEY (member_id, platform)
) WITHOUT ROWID;

-- What was last pushed for a member, so unchanged members are not sent
-- again; a row with an error failed and is retried by the next push.
CREATE TABLE sync_push_state (
  account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  member_id      INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  pushed_values  TEXT,
  pushed_at      INTEGER,
  error          TEXT,
  PRIMARY KEY (account_id, member_id)
) WITHOUT ROWID;

CREATE INDEX sync_push_state_failed ON sync_push_state (account_id) WHERE error IS NOT NULL;
