/* rapport-waitlist.c
 *
 * Copyright 2026 The Rapport authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The waitlist. Capacity counts the people in going parties plus those
 * holding an unclaimed offer. When a place frees, the first waitlisted party
 * that fits is offered it; the offer lapses after the event's claim window
 * and passes on. Every offer, claim, lapse and withdrawal writes a line to
 * rsvp_history. */

#define G_LOG_DOMAIN "rapport-events"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-events-private.h"
#include "rapport-store-private.h"

/* Places still free: capacity less going parties and unclaimed offers.
 * G_MAXINT64 when the event has no limit. */
gint64
_rapport_events_free_places (RapportStore *store,
                             gint64        event_id)
{
  gint64 capacity = _rapport_events_query_int (store, "SELECT capacity FROM events WHERE id = ?",
                                               event_id, -1);
  gint64 taken;

  if (capacity < 0)
    return G_MAXINT64;

  taken = _rapport_events_query_int (store,
                                     "SELECT coalesce (sum (party_size), 0) FROM rsvps "
                                     "WHERE event_id = ? AND "
                                     "(status = 'going' OR "
                                     "(status = 'waitlisted' AND offered_at IS NOT NULL))",
                                     event_id, 0);
  return capacity - taken;
}

gboolean
_rapport_events_over_capacity_allowed (RapportStore *store,
                                       gint64        event_id)
{
  return _rapport_events_query_int (store, "SELECT allow_over_capacity FROM events WHERE id = ?",
                                    event_id, 0) != 0;
}

gint64
_rapport_events_next_waitlist_position (RapportStore *store,
                                        gint64        event_id)
{
  return _rapport_events_query_int (store,
                                    "SELECT coalesce (max (waitlist_position), 0) + 1 FROM rsvps "
                                    "WHERE event_id = ?",
                                    event_id, 1);
}

gboolean
_rapport_events_expire_offers (RapportStore  *store,
                               gint64         event_id,
                               GError       **error)
{
  g_autoptr(GArray) expired = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store,
                                 "SELECT r.id FROM rsvps r JOIN events e ON e.id = r.event_id "
                                 "WHERE r.event_id = ?1 AND r.status = 'waitlisted' "
                                 "AND r.offered_at IS NOT NULL AND r.offered_at + e.claim_window <= ?2 "
                                 "ORDER BY r.waitlist_position",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (expired, id);
    }
  if (rc != SQLITE_DONE)
    return _rapport_events_fail (store, error);
  sqlite3_reset (stmt);

  for (guint i = 0; i < expired->len; i++)
    {
      gint64 id = g_array_index (expired, gint64, i);

      if (!_rapport_events_write_status (store, id, RAPPORT_RSVP_CANCELLED, 0, 0, error) ||
          !_rapport_events_record (store, id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_CANCELLED,
                                   "offer-expired", error))
        return FALSE;
      _rapport_events_announce (store, event_id, id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}

gboolean
_rapport_events_make_offers (RapportStore  *store,
                             gint64         event_id,
                             GError       **error)
{
  g_autoptr(GArray) offers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 free_now = _rapport_events_free_places (store, event_id);
  gint64 now = rapport_events_now (store);
  int rc;

  if (free_now <= 0)
    return TRUE;

  stmt = _rapport_store_prepare (store,
                                 "SELECT id, party_size FROM rsvps WHERE event_id = ?1 "
                                 "AND status = 'waitlisted' AND offered_at IS NULL "
                                 "ORDER BY waitlist_position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  /* In waitlist order; a party too large for what is free keeps its place
   * and the next one that fits gets the offer. */
  while (free_now > 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 party = sqlite3_column_int64 (stmt, 1);

      if (party > free_now)
        continue;
      g_array_append_val (offers, id);
      free_now -= party;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < offers->len; i++)
    {
      gint64 id = g_array_index (offers, gint64, i);
      g_autoptr(RapportStatement) offer = NULL;

      offer = _rapport_store_prepare (store,
                                      "UPDATE rsvps SET offered_at = ?2, updated_at = ?2 WHERE id = ?1",
                                      error);
      if (offer == NULL)
        return FALSE;
      sqlite3_bind_int64 (offer, 1, id);
      sqlite3_bind_int64 (offer, 2, now);
      if (sqlite3_step (offer) != SQLITE_DONE)
        return _rapport_events_fail (store, error);
      if (!_rapport_events_record (store, id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_WAITLISTED,
                                   "offered", error))
        return FALSE;
      _rapport_events_announce (store, event_id, id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}

/**
 * rapport_events_process_offers:
 *
 * Lets offers whose claim window has passed lapse, then offers every free
 * place to the first waitlisted parties that fit. The RSVP calls do this
 * themselves; call it when time alone has passed (opening an event page).
 */
gboolean
rapport_events_process_offers (RapportStore  *store,
                               gint64         event_id,
                               GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;

  if (!_rapport_events_expire_offers (store, event_id, error) ||
      !_rapport_events_make_offers (store, event_id, error))
    {
      rapport_store_rollback (store);
      return FALSE;
    }

  return rapport_store_commit (store, error);
}

/**
 * rapport_events_claim_offer:
 *
 * A waitlisted party takes the place it was offered. Fails with
 * %RAPPORT_EVENTS_ERROR_NO_OFFER when there is no offer or it has lapsed
 * (the lapse itself is then recorded and the place passed on).
 */
gboolean
rapport_events_claim_offer (RapportStore  *store,
                            gint64         rsvp_id,
                            GError       **error)
{
  g_auto(RapportRsvpRow) row = { 0 };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error) ||
      !rapport_events_process_offers (store, row.event_id, error))
    return FALSE;

  _rapport_rsvp_row_clear (&row);
  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error))
    return FALSE;

  if (!g_str_equal (row.status, RAPPORT_RSVP_WAITLISTED) || row.offered_at == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NO_OFFER,
                   _("RSVP %" G_GINT64_FORMAT " has no place on offer (it is %s)"),
                   rsvp_id, row.status);
      return FALSE;
    }

  if (!rapport_store_begin (store, error))
    return FALSE;

  if (!_rapport_events_write_status (store, rsvp_id, RAPPORT_RSVP_GOING, 0, 0, error) ||
      !_rapport_events_record (store, rsvp_id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_GOING,
                               "claimed", error))
    {
      rapport_store_rollback (store);
      return FALSE;
    }

  _rapport_events_announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return rapport_store_commit (store, error);
}

/* Offers that removing an RSVP made, which its Undo takes back */

/* The waitlisted parties of an event that hold an offer. */
GArray *
_rapport_events_list_offered (RapportStore  *store,
                              gint64         event_id,
                              GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "SELECT id FROM rsvps WHERE event_id = ? AND status = 'waitlisted' "
                                 "AND offered_at IS NOT NULL",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);

  return _rapport_store_collect_ids (store, stmt, error);
}

/* Takes back the offers a removal made, unless they were claimed or have
 * lapsed since. */
gboolean
_rapport_events_withdraw_offers (RapportStore  *store,
                                 gint64         event_id,
                                 GArray        *offers,
                                 GError       **error)
{
  for (guint i = 0; offers != NULL && i < offers->len; i++)
    {
      gint64 id = g_array_index (offers, gint64, i);
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "UPDATE rsvps SET offered_at = NULL, updated_at = ?2 "
                                     "WHERE id = ?1 AND status = 'waitlisted' AND offered_at IS NOT NULL",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _rapport_events_fail (store, error);
      if (sqlite3_changes (_rapport_store_get_db (store)) == 0)
        continue;

      if (!_rapport_events_record (store, id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_WAITLISTED,
                                   "offer-withdrawn", error))
        return FALSE;
      _rapport_events_announce (store, event_id, id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}
