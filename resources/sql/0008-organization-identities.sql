-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 8: organizations as a platform knows them, so a contact's
-- association to a company finds its organization by the company's id and
-- a company renamed on its platform renames its organization.

CREATE TABLE organization_identities (
  platform         TEXT NOT NULL,
  external_id      TEXT NOT NULL,
  organization_id  INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  PRIMARY KEY (platform, external_id)
) WITHOUT ROWID;

CREATE INDEX organization_identities_organization ON organization_identities (organization_id);

-- HubSpot companies are now read before contacts and remembered here; the
-- next pull lists them all once more to fill this table.
DELETE FROM sync_state WHERE stream LIKE 'companies%';
