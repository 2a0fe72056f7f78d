-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 9: a random identity for the database, so what it keeps
-- outside the file (account tokens in the Secret Service) is told apart
-- from another database's accounts with the same ids.

CREATE TABLE database_identity (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  uuid  TEXT NOT NULL
);

INSERT INTO database_identity (id, uuid) VALUES (1, lower (hex (randomblob (16))));
