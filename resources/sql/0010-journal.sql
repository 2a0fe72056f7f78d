-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 10: one undo journal. An operation (a change_journal row)
-- keeps, for every row it touched, the row as it was before and as the
-- operation left it; undo puts the "before" back in one transaction, and
-- refuses when something else has changed the same columns since.

ALTER TABLE change_journal ADD COLUMN label TEXT;

CREATE TABLE change_journal_rows (
  journal_id  INTEGER NOT NULL REFERENCES change_journal (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  table_name  TEXT NOT NULL,
  -- The row's primary key (or rowid) as a JSON object.
  row_key     TEXT NOT NULL,
  -- The whole row as JSON; NULL in "before" when the operation created the
  -- row, NULL in "after" when it deleted it.
  before      TEXT,
  after       TEXT,
  PRIMARY KEY (journal_id, seq)
) WITHOUT ROWID;

CREATE INDEX change_journal_open ON change_journal (id) WHERE undone_at IS NULL;
