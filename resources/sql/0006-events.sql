-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 6: the rules of events and RSVPs.
-- An offer to a waitlisted party is rsvps.offered_at; it lapses after the
-- event's claim window. Walk-ins past capacity need allow_over_capacity.

ALTER TABLE events ADD COLUMN claim_window INTEGER NOT NULL DEFAULT 86400
  CHECK (claim_window > 0);
ALTER TABLE events ADD COLUMN allow_over_capacity INTEGER NOT NULL DEFAULT 0;

-- Set when the event is marked done: going, yet never checked in.
ALTER TABLE rsvps ADD COLUMN no_show INTEGER NOT NULL DEFAULT 0;

CREATE INDEX rsvps_event_status ON rsvps (event_id, status, waitlist_position);

-- What makes an import idempotent: one row per platform record.
CREATE UNIQUE INDEX rsvps_external ON rsvps (event_id, source, external_id)
  WHERE external_id IS NOT NULL;
