-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 4: engagement scoring and advocate-pipeline bookkeeping.

-- What one activity is worth before decay. platform '' is the kind's weight
-- on every platform; a row with a platform overrides it there. The row of
-- kind '*' counts for every kind without a row of its own. Keep these in
-- step with rapport_score_weights_new_default () in rapport-score-weights.c.
CREATE TABLE score_weights (
  kind      TEXT NOT NULL,
  platform  TEXT NOT NULL DEFAULT '',
  weight    REAL NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (kind, platform)
) WITHOUT ROWID;

INSERT INTO score_weights (kind, platform, weight) VALUES
  ('pull-request', '', 10),
  ('issue', '', 8),
  ('reply', '', 6),
  ('post', '', 6),
  ('message', '', 3),
  ('reaction', '', 2),
  ('event-attended', '', 8),
  ('talk-given', '', 12),
  ('*', '', 1);

-- Level thresholds and the score cutoffs of the last full ranking, which an
-- incremental update compares a member's new score against.
--   level1-percent, level2-percent: share of the members with a score who
--     reach level 1, and the share below them who reach level 2
--   level1-cutoff, level2-cutoff: lowest score at level 1 / level 2 (NULL
--     until the first full ranking, or when nobody reaches the level)
--   ranked-at: when the last full ranking ran, Unix time
--   contributor-activities: activities a level 3 member needs before they
--     are suggested for the Contributor stage
CREATE TABLE scoring_settings (
  key    TEXT PRIMARY KEY,
  value  REAL
) WITHOUT ROWID;

INSERT INTO scoring_settings (key, value) VALUES
  ('level1-percent', 10),
  ('level2-percent', 25),
  ('level1-cutoff', NULL),
  ('level2-cutoff', NULL),
  ('ranked-at', NULL),
  ('contributor-activities', 5);

-- What a person decided about a suggestion. The fingerprint names the facts
-- it was based on; a suggestion whose facts changed is shown again.
CREATE TABLE suggestion_decisions (
  member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  decision     TEXT NOT NULL,
  decided_at   INTEGER NOT NULL DEFAULT (unixepoch ()),
  PRIMARY KEY (member_id, kind)
) WITHOUT ROWID;

-- The board sorts each stage's column by score.
CREATE INDEX members_stage_score ON members (stage_id, score DESC, id);
