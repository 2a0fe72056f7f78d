/* rapport-checkin.c
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

/* The door: finding an RSVP as it is typed, checking a party in, undoing a
 * check-in, and walk-ins, who are checked in as they are added. */

#define G_LOG_DOMAIN "rapport-events"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-events-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

/**
 * rapport_events_search_rsvps:
 *
 * Finds the event's RSVPs by words of the name, email or handle, as typed
 * at the door ("ana gon", "ana@exa", "anag"). Uses the member search index
 * joined with the event's RSVPs.
 *
 * Returns: (transfer full) (element-type RapportRsvp): matches by name
 */
GPtrArray *
rapport_events_search_rsvps (RapportStore  *store,
                             gint64         event_id,
                             const char    *text,
                             guint          limit,
                             GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *fts = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  fts = rapport_fts_query_from_text (text);
  if (fts == NULL || limit == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  query = g_strdup_printf ("{name handles emails} : (%s)", fts);
  stmt = _rapport_store_prepare (store,
                                 "SELECT " _RAPPORT_RSVP_COLUMNS
                                 "FROM (SELECT rowid AS hit FROM member_search WHERE member_search MATCH ?2) "
                                 "JOIN rsvps r ON r.member_id = hit AND r.event_id = ?1 "
                                 "JOIN members m ON m.id = r.member_id "
                                 "ORDER BY m.sort_name, r.id LIMIT ?3",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  _rapport_bind_text (stmt, 2, query);
  sqlite3_bind_int (stmt, 3, limit);

  return _rapport_events_collect_rsvps (store, stmt, error);
}

/**
 * rapport_events_check_in:
 *
 * Checks a party in. One that was not going (maybe, waitlisted…) becomes
 * going if it fits, or if the event allows going over capacity.
 */
gboolean
rapport_events_check_in (RapportStore  *store,
                         gint64         rsvp_id,
                         GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_auto(RapportRsvpRow) row = { 0 };
  g_autofree char *before = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error))
    return FALSE;

  if (row.checked_in_at != 0)
    return _rapport_transaction_commit (tx, error);

  before = g_strdup (row.status);
  if (!g_str_equal (row.status, RAPPORT_RSVP_GOING))
    {
      gint64 available = _rapport_events_free_places (store, row.event_id) +
                         (row.offered_at != 0 ? row.party_size : 0);

      if (row.party_size > available &&
          !_rapport_events_over_capacity_allowed (store, row.event_id))
        {
          g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL,
                       _("The event is full: a party of %d does not fit in %" G_GINT64_FORMAT " free places"),
                       row.party_size, MAX (0, available));
          return FALSE;
        }

      if (!_rapport_events_write_status (store, rsvp_id, RAPPORT_RSVP_GOING, 0, 0, error))
        return FALSE;
    }

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET checked_in_at = ?2, updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  if (!_rapport_events_record (store, rsvp_id, before, RAPPORT_RSVP_GOING, "checked-in", error))
    return FALSE;

  _rapport_events_announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return _rapport_transaction_commit (tx, error);
}

/**
 * rapport_events_undo_check_in:
 *
 * Reverts a check-in: clears the time and gives back the status the RSVP
 * had before (a walk-in's RSVP is removed).
 */
gboolean
rapport_events_undo_check_in (RapportStore  *store,
                              gint64         rsvp_id,
                              GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) last = NULL;
  g_auto(RapportRsvpRow) row = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error))
    return FALSE;

  if (row.checked_in_at == 0)
    return _rapport_transaction_commit (tx, error);

  last = _rapport_store_prepare (store,
                                 "SELECT from_status, note FROM rsvp_history WHERE rsvp_id = ? "
                                 "AND note IN ('checked-in', 'walk-in') ORDER BY id DESC LIMIT 1",
                                 error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, rsvp_id);
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      before = g_strdup (_rapport_column_text (last, 0));
      note = g_strdup (_rapport_column_text (last, 1));
    }
  sqlite3_reset (last);

  if (g_strcmp0 (note, "walk-in") == 0)
    {
      stmt = _rapport_store_prepare (store, "DELETE FROM rsvps WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rsvp_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _rapport_events_fail (store, error);
      _rapport_events_announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_DELETED);
    }
  else
    {
      stmt = _rapport_store_prepare (store, "UPDATE rsvps SET checked_in_at = NULL, updated_at = ?2 WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rsvp_id);
      sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _rapport_events_fail (store, error);

      if (!_rapport_events_record (store, rsvp_id, RAPPORT_RSVP_GOING,
                                   before ? before : RAPPORT_RSVP_GOING, "check-in-undone", error))
        return FALSE;

      if (before != NULL && !g_str_equal (before, RAPPORT_RSVP_GOING))
        {
          gint64 position = g_str_equal (before, RAPPORT_RSVP_WAITLISTED)
                            ? _rapport_events_next_waitlist_position (store, row.event_id) : 0;

          if (!_rapport_events_write_status (store, rsvp_id, before, position, 0, error))
            return FALSE;
        }
      _rapport_events_announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
    }

  if (!_rapport_events_make_offers (store, row.event_id, error))
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}

/**
 * rapport_events_walk_in:
 * @email: (nullable): finds the member, or is given to the new one
 *
 * Adds someone at the door and checks them in at once. A walk-in counts
 * against capacity; one that does not fit is refused with
 * %RAPPORT_EVENTS_ERROR_FULL unless the event allows going over.
 *
 * Returns: the RSVP's id, or 0 on error
 */
gint64
rapport_events_walk_in (RapportStore  *store,
                        gint64         event_id,
                        const char    *name,
                        const char    *email,
                        int            party_size,
                        GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 member_id;
  gint64 rsvp_id;
  gint64 available;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  if (!_rapport_events_check_party_size (party_size, error) ||
      !_rapport_events_event_exists (store, event_id, error))
    return 0;

  if (email != NULL && email[0] != '\0' && !rapport_email_is_valid (email))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("“%s” is not an email address"), email);
      return 0;
    }

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return 0;

  member_id = _rapport_events_ensure_member (store, name, email, NULL, NULL, NULL, error);
  if (member_id == 0)
    return 0;

  /* Someone who had answered already is checked in on that answer. */
  rsvp_id = rapport_events_find_rsvp (store, event_id, member_id);
  if (rsvp_id != 0)
    {
      if (!rapport_events_check_in (store, rsvp_id, error))
        return 0;
      if (!_rapport_transaction_commit (tx, error))
        return 0;
      return rsvp_id;
    }

  available = _rapport_events_free_places (store, event_id);
  if (party_size > available && !_rapport_events_over_capacity_allowed (store, event_id))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL,
                   _("The event is full: a party of %d does not fit in %" G_GINT64_FORMAT " free places"),
                   party_size, MAX (0, available));
      return 0;
    }

  rsvp_id = _rapport_events_insert_rsvp (store, event_id, member_id, RAPPORT_RSVP_GOING, party_size,
                                         "manual", NULL, NULL, 0, rapport_events_now (store),
                                         error);
  if (rsvp_id == 0)
    return 0;

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET checked_in_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _rapport_events_fail (store, error);
      return 0;
    }

  if (!_rapport_events_record (store, rsvp_id, NULL, RAPPORT_RSVP_GOING, "walk-in", error))
    return 0;

  _rapport_events_announce (store, event_id, rsvp_id, RAPPORT_CHANGE_INSERTED);
  if (!_rapport_transaction_commit (tx, error))
    return 0;

  return rsvp_id;
}
