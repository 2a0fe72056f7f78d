-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 11: one way in for every person. The resolver decides who
-- a record is; what it could not decide becomes a merge suggestion with a
-- confidence and its reasons, found through the keys every member is known
-- by (src/core/people/rapport-person-keys.c).

-- The keys a member can be matched by (the whole name folded, an initial
-- and family name, a name at an organization, an address as its provider
-- reads it, a work domain and a name, a handle): a 64-bit hash of the key's
-- text with its kind in the low byte. Kept by the resolver and the
-- duplicates engine, rebuilt by a full pass.
CREATE TABLE member_keys (
  key        INTEGER NOT NULL,
  member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  PRIMARY KEY (key, member_id)
) WITHOUT ROWID;

CREATE INDEX member_keys_member ON member_keys (member_id);

-- A suggestion is a pair, the smaller id first. "evidence" is what it rests
-- on (the shared keys); a pair the user said are different people stays
-- rejected until the evidence grows.
CREATE TABLE merge_suggestions_11 (
  id          INTEGER PRIMARY KEY,
  member_a    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  member_b    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  -- A JSON array of reasons in words.
  reasons     TEXT NOT NULL,
  evidence    TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rejected')),
  created_at  INTEGER NOT NULL DEFAULT (unixepoch ()),
  decided_at  INTEGER,
  CHECK (member_a < member_b),
  UNIQUE (member_a, member_b)
);

INSERT INTO merge_suggestions_11 (id, member_a, member_b, confidence, reasons, evidence, status,
                                  created_at, decided_at)
SELECT id, min (member_a, member_b), max (member_a, member_b), 0.9,
       json_array (CASE reason WHEN 'hubspot-email' THEN 'A HubSpot contact has this member''s email address'
                               ELSE reason END),
       reason, CASE WHEN dismissed_at IS NULL THEN 'open' ELSE 'rejected' END,
       created_at, dismissed_at
  FROM merge_suggestions
 WHERE member_a <> member_b
 GROUP BY min (member_a, member_b), max (member_a, member_b);

DROP TABLE merge_suggestions;
ALTER TABLE merge_suggestions_11 RENAME TO merge_suggestions;

CREATE INDEX merge_suggestions_b ON merge_suggestions (member_b);
CREATE INDEX merge_suggestions_open ON merge_suggestions (status, confidence DESC);
