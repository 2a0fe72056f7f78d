/* rapport-attendance.c
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

/* After the event: marking it done turns check-ins into "event-attended"
 * activities (and hosts and speakers into theirs) and going parties that
 * never checked in into no-shows; a member's attendance; the show-up rate. */

#define G_LOG_DOMAIN "rapport-events"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-events-private.h"
#include "rapport-store-private.h"

/**
 * rapport_event_counts_get_show_up_rate:
 *
 * Returns: people checked in per person going, 0 to 1 (0 when nobody is going)
 */
double
rapport_event_counts_get_show_up_rate (const RapportEventCounts *counts)
{
  g_return_val_if_fail (counts != NULL, 0.0);

  if (counts->going == 0)
    return 0.0;

  return MIN (1.0, (double) counts->checked_in / (double) counts->going);
}

static gboolean
add_event_activity (RapportStore  *store,
                    RapportEvent  *event,
                    gint64         member_id,
                    const char    *kind,
                    gboolean      *added,
                    GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *external_id = NULL;

  /* The external id makes a second "done" find the row already there. */
  external_id = g_strdup_printf ("event:%s:%s:%" G_GINT64_FORMAT,
                                 rapport_event_get_uid (event), kind, member_id);
  stmt = _rapport_store_prepare (store,
                                 "INSERT OR IGNORE INTO activities (member_id, platform, kind, occurred_at, "
                                 "url, title, channel, external_id) VALUES (?1, 'rapport', ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, rapport_event_get_starts_at (event));
  _rapport_bind_text (stmt, 4, rapport_event_get_online_url (event));
  _rapport_bind_text (stmt, 5, rapport_event_get_title (event));
  _rapport_bind_text (stmt, 6, rapport_event_get_kind (event));
  _rapport_bind_text (stmt, 7, external_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  *added = sqlite3_changes (_rapport_store_get_db (store)) > 0;
  if (*added)
    rapport_store_emit_member_changed (store, member_id, RAPPORT_MEMBER_CHANGED_ACTIVITY);

  return TRUE;
}

/**
 * rapport_events_mark_done:
 *
 * Closes the event: checked-in attendees get an "event-attended" activity,
 * hosts "event-hosted" and speakers "talk-given"; going parties that never
 * checked in are recorded as no-shows. Doing it again changes nothing.
 */
gboolean
rapport_events_mark_done (RapportStore  *store,
                          gint64         event_id,
                          GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(RapportStatement) attendees = NULL;
  g_autoptr(RapportStatement) people = NULL;
  g_autoptr(RapportStatement) close = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  gboolean added;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  event = rapport_events_get (store, event_id, error);
  if (event == NULL)
    return FALSE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  attendees = _rapport_store_prepare (store,
                                      "SELECT member_id, 'event-attended' FROM rsvps "
                                      "WHERE event_id = ?1 AND checked_in_at IS NOT NULL "
                                      "UNION ALL "
                                      "SELECT member_id, CASE role WHEN 'host' THEN 'event-hosted' "
                                      "  ELSE 'talk-given' END FROM event_people "
                                      "WHERE event_id = ?1 AND role IN ('host', 'speaker')",
                                      error);
  if (attendees == NULL)
    return FALSE;
  sqlite3_bind_int64 (attendees, 1, event_id);
  while ((rc = sqlite3_step (attendees)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (attendees, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (kinds, g_strdup (_rapport_column_text (attendees, 1)));
    }
  if (rc != SQLITE_DONE)
    return _rapport_events_fail (store, error);
  sqlite3_reset (attendees);

  for (guint i = 0; i < ids->len; i++)
    if (!add_event_activity (store, event, g_array_index (ids, gint64, i),
                             g_ptr_array_index (kinds, i), &added, error))
      return FALSE;

  people = _rapport_store_prepare (store,
                                   "UPDATE rsvps SET no_show = (status = 'going' AND checked_in_at IS NULL) "
                                   "WHERE event_id = ?1 AND no_show != (status = 'going' AND checked_in_at IS NULL)",
                                   error);
  if (people == NULL)
    return FALSE;
  sqlite3_bind_int64 (people, 1, event_id);
  if (sqlite3_step (people) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  close = _rapport_store_prepare (store,
                                  "UPDATE events SET status = 'done', "
                                  "attendance_recorded_at = coalesce (attendance_recorded_at, ?2), "
                                  "updated_at = ?2 WHERE id = ?1 AND (status != 'done' OR attendance_recorded_at IS NULL)",
                                  error);
  if (close == NULL)
    return FALSE;
  sqlite3_bind_int64 (close, 1, event_id);
  sqlite3_bind_int64 (close, 2, rapport_events_now (store));
  if (sqlite3_step (close) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  rapport_store_emit_changed (store, "events", event_id, RAPPORT_CHANGE_UPDATED);
  return _rapport_transaction_commit (tx, error);
}

gboolean
rapport_events_get_member_attendance (RapportStore  *store,
                                      gint64         member_id,
                                      gint64        *attended,
                                      gint64        *no_shows,
                                      GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = _rapport_store_prepare (store,
                                 "SELECT count (*) FILTER (WHERE r.checked_in_at IS NOT NULL), "
                                 "count (*) FILTER (WHERE r.no_show) "
                                 "FROM rsvps r JOIN events e ON e.id = r.event_id "
                                 "WHERE r.member_id = ?1 AND e.attendance_recorded_at IS NOT NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rapport_events_fail (store, error);

  if (attended != NULL)
    *attended = sqlite3_column_int64 (stmt, 0);
  if (no_shows != NULL)
    *no_shows = sqlite3_column_int64 (stmt, 1);

  return TRUE;
}
