/* rapport-events.c
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

/* Events: creating, changing, listing and deleting them, their hosts and
 * speakers, and the statuses an event and an RSVP can have. Also the helpers
 * the other files of the RSVP rules share (see rapport-events-private.h):
 * RSVPs in rapport-rsvps.c, the waitlist in rapport-waitlist.c, the door in
 * rapport-checkin.c and what follows the event in rapport-attendance.c. */

#define G_LOG_DOMAIN "rapport-events"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-events-private.h"
#include "rapport-member.h"
#include "rapport-resolver-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

G_DEFINE_QUARK (rapport-events-error-quark, rapport_events_error)

G_DEFINE_ENUM_TYPE (RapportEventRange, rapport_event_range,
                    G_DEFINE_ENUM_VALUE (RAPPORT_EVENT_RANGE_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_EVENT_RANGE_UPCOMING, "upcoming"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_EVENT_RANGE_PAST, "past"))

#define EVENT_COLUMNS \
  "id, uid, title, kind, starts_at, ends_at, tzid, venue, online_url, capacity, rsvp_deadline, " \
  "description, status, claim_window, allow_over_capacity, attendance_recorded_at, created_at, updated_at "

static const char * const rsvp_statuses[] = {
  RAPPORT_RSVP_GOING, RAPPORT_RSVP_MAYBE, RAPPORT_RSVP_DECLINED,
  RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_CANCELLED, NULL
};

static const char * const event_statuses[] = {
  RAPPORT_EVENT_DRAFT, RAPPORT_EVENT_ANNOUNCED, RAPPORT_EVENT_DONE, RAPPORT_EVENT_CANCELLED, NULL
};

gboolean
rapport_rsvp_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (rsvp_statuses, status);
}

gboolean
rapport_event_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (event_statuses, status);
}

/**
 * rapport_events_now:
 * @store: a #RapportStore
 *
 * The time the RSVP rules read: the process's #RapportClock, which tests move
 * forward to expire offers.
 *
 * Returns: now, UTC seconds
 */
gint64
rapport_events_now (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  return rapport_now_unix ();
}

/* Shared helpers */

gboolean
_rapport_events_fail (RapportStore  *store,
                      GError       **error)
{
  return _rapport_store_set_error (store, error);
}

gint64
_rapport_events_query_int (RapportStore *store,
                           const char   *sql,
                           gint64        arg,
                           gint64        fallback)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_int64 (stmt, 0);

  return fallback;
}

void
_rapport_events_announce (RapportStore      *store,
                          gint64             event_id,
                          gint64             rsvp_id,
                          RapportChangeKind  kind)
{
  /* Views of one event listen to "events" for its id: their counters move
   * with every RSVP. */
  if (rsvp_id != 0)
    rapport_store_emit_changed (store, "rsvps", rsvp_id, kind);
  rapport_store_emit_changed (store, "events", event_id, RAPPORT_CHANGE_UPDATED);
}

gboolean
_rapport_events_record (RapportStore  *store,
                        gint64         rsvp_id,
                        const char    *from_status,
                        const char    *to_status,
                        const char    *note,
                        GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO rsvp_history (rsvp_id, at, from_status, to_status, note) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
  _rapport_bind_text (stmt, 3, from_status);
  _rapport_bind_text (stmt, 4, to_status);
  _rapport_bind_text (stmt, 5, note);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  return TRUE;
}

RapportRsvp *
_rapport_events_rsvp_from_row (RapportStatement *stmt)
{
  RapportRsvp *rsvp = rapport_rsvp_new ();

  rapport_rsvp_set_id (rsvp, sqlite3_column_int64 (stmt, 0));
  rapport_rsvp_set_event_id (rsvp, sqlite3_column_int64 (stmt, 1));
  rapport_rsvp_set_member_id (rsvp, sqlite3_column_int64 (stmt, 2));
  rapport_rsvp_set_name (rsvp, _rapport_column_text (stmt, 3));
  rapport_rsvp_set_email (rsvp, _rapport_column_text (stmt, 4));
  rapport_rsvp_set_organization (rsvp, _rapport_column_text (stmt, 5));
  rapport_rsvp_set_status (rsvp, _rapport_column_text (stmt, 6));
  rapport_rsvp_set_party_size (rsvp, sqlite3_column_int (stmt, 7));
  rapport_rsvp_set_answers (rsvp, _rapport_column_text (stmt, 8));
  rapport_rsvp_set_source (rsvp, _rapport_column_text (stmt, 9));
  rapport_rsvp_set_external_id (rsvp, _rapport_column_text (stmt, 10));
  rapport_rsvp_set_waitlist_position (rsvp, sqlite3_column_int64 (stmt, 11));
  rapport_rsvp_set_offered_at (rsvp, sqlite3_column_int64 (stmt, 12));
  rapport_rsvp_set_checked_in_at (rsvp, sqlite3_column_int64 (stmt, 13));
  rapport_rsvp_set_no_show (rsvp, sqlite3_column_int (stmt, 14) != 0);
  rapport_rsvp_set_created_at (rsvp, sqlite3_column_int64 (stmt, 15));
  rapport_rsvp_set_updated_at (rsvp, sqlite3_column_int64 (stmt, 16));

  return rsvp;
}

GPtrArray *
_rapport_events_collect_rsvps (RapportStore      *store,
                               RapportStatement  *stmt,
                               GError           **error)
{
  g_autoptr(GPtrArray) rsvps = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rsvps, _rapport_events_rsvp_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _rapport_events_fail (store, error);
      return NULL;
    }

  return g_steal_pointer (&rsvps);
}

void
_rapport_rsvp_row_clear (RapportRsvpRow *row)
{
  g_clear_pointer (&row->status, g_free);
}

gboolean
_rapport_events_load_rsvp_row (RapportStore  *store,
                               gint64         rsvp_id,
                               RapportRsvpRow       *row,
                               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store,
                                 "SELECT event_id, status, party_size, offered_at, checked_in_at, "
                                 "waitlist_position FROM rsvps WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                     _("There is no RSVP %" G_GINT64_FORMAT), rsvp_id);
      else
        _rapport_events_fail (store, error);
      return FALSE;
    }

  row->id = rsvp_id;
  row->event_id = sqlite3_column_int64 (stmt, 0);
  row->status = g_strdup (_rapport_column_text (stmt, 1));
  row->party_size = sqlite3_column_int (stmt, 2);
  row->offered_at = sqlite3_column_int64 (stmt, 3);
  row->checked_in_at = sqlite3_column_int64 (stmt, 4);
  row->waitlist_position = sqlite3_column_int64 (stmt, 5);
  return TRUE;
}

gboolean
_rapport_events_write_status (RapportStore  *store,
                              gint64         rsvp_id,
                              const char    *status,
                              gint64         waitlist_position,
                              gint64         offered_at,
                              GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "UPDATE rsvps SET status = ?2, waitlist_position = ?3, offered_at = ?4, "
                                 "updated_at = ?5 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  _rapport_bind_text (stmt, 2, status);
  if (waitlist_position > 0)
    sqlite3_bind_int64 (stmt, 3, waitlist_position);
  if (offered_at > 0)
    sqlite3_bind_int64 (stmt, 4, offered_at);
  sqlite3_bind_int64 (stmt, 5, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  return TRUE;
}

/* Events */

static RapportEvent *
event_from_row (RapportStatement *stmt)
{
  RapportEvent *event = rapport_event_new ();

  rapport_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  rapport_event_set_uid (event, _rapport_column_text (stmt, 1));
  rapport_event_set_title (event, _rapport_column_text (stmt, 2));
  rapport_event_set_kind (event, _rapport_column_text (stmt, 3));
  rapport_event_set_starts_at (event, sqlite3_column_int64 (stmt, 4));
  rapport_event_set_ends_at (event, sqlite3_column_int64 (stmt, 5));
  rapport_event_set_tzid (event, _rapport_column_text (stmt, 6));
  rapport_event_set_venue (event, _rapport_column_text (stmt, 7));
  rapport_event_set_online_url (event, _rapport_column_text (stmt, 8));
  rapport_event_set_capacity (event, sqlite3_column_type (stmt, 9) == SQLITE_NULL
                                     ? -1 : sqlite3_column_int (stmt, 9));
  rapport_event_set_rsvp_deadline (event, sqlite3_column_int64 (stmt, 10));
  rapport_event_set_description (event, _rapport_column_text (stmt, 11));
  rapport_event_set_status (event, _rapport_column_text (stmt, 12));
  rapport_event_set_claim_window (event, sqlite3_column_int64 (stmt, 13));
  rapport_event_set_allow_over_capacity (event, sqlite3_column_int (stmt, 14) != 0);
  rapport_event_set_attendance_recorded_at (event, sqlite3_column_int64 (stmt, 15));
  rapport_event_set_created_at (event, sqlite3_column_int64 (stmt, 16));
  rapport_event_set_updated_at (event, sqlite3_column_int64 (stmt, 17));

  return event;
}

static gboolean
check_event (RapportEvent  *event,
             GError       **error)
{
  const char *title = rapport_event_get_title (event);
  const char *tzid = rapport_event_get_tzid (event);
  g_autofree char *trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("An event needs a title"));
      return FALSE;
    }

  if (rapport_event_get_starts_at (event) <= 0)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("An event needs a start time"));
      return FALSE;
    }

  if (rapport_event_get_ends_at (event) != 0 &&
      rapport_event_get_ends_at (event) < rapport_event_get_starts_at (event))
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("An event cannot end before it starts"));
      return FALSE;
    }

  if (tzid != NULL && tzid[0] != '\0')
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

      if (tz == NULL)
        {
          g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                       _("“%s” is not an IANA time zone (for example Europe/Paris)"), tzid);
          return FALSE;
        }
    }

  if (!rapport_event_status_is_valid (rapport_event_get_status (event)))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("“%s” is not an event status (draft, announced, done, cancelled)"),
                   rapport_event_get_status (event));
      return FALSE;
    }

  if (rapport_event_get_capacity (event) < -1 || rapport_event_get_capacity (event) == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("Capacity must be at least 1, or none; %d is not"),
                   rapport_event_get_capacity (event));
      return FALSE;
    }

  if (rapport_event_get_claim_window (event) <= 0)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("The claim window must be longer than zero"));
      return FALSE;
    }

  return TRUE;
}

static void
bind_event (RapportStatement *stmt,
            RapportEvent     *event)
{
  const char *kind = rapport_event_get_kind (event);

  _rapport_bind_text (stmt, 1, rapport_event_get_title (event));
  _rapport_bind_text (stmt, 2, kind != NULL && kind[0] != '\0' ? kind : "meetup");
  sqlite3_bind_int64 (stmt, 3, rapport_event_get_starts_at (event));
  if (rapport_event_get_ends_at (event) != 0)
    sqlite3_bind_int64 (stmt, 4, rapport_event_get_ends_at (event));
  _rapport_bind_text (stmt, 5, rapport_event_get_tzid (event));
  _rapport_bind_text (stmt, 6, rapport_event_get_venue (event));
  _rapport_bind_text (stmt, 7, rapport_event_get_online_url (event));
  if (rapport_event_get_capacity (event) > 0)
    sqlite3_bind_int (stmt, 8, rapport_event_get_capacity (event));
  if (rapport_event_get_rsvp_deadline (event) != 0)
    sqlite3_bind_int64 (stmt, 9, rapport_event_get_rsvp_deadline (event));
  _rapport_bind_text (stmt, 10, rapport_event_get_description (event));
  _rapport_bind_text (stmt, 11, rapport_event_get_status (event));
  sqlite3_bind_int64 (stmt, 12, rapport_event_get_claim_window (event));
  sqlite3_bind_int (stmt, 13, rapport_event_get_allow_over_capacity (event));
}

gboolean
rapport_events_insert (RapportStore  *store,
                       RapportEvent  *event,
                       GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *uid = NULL;
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_EVENT (event), FALSE);

  if (!check_event (event, error))
    return FALSE;

  if (rapport_event_get_uid (event) == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();

      uid = g_strdup_printf ("%s@rapport", random);
    }
  else
    uid = g_strdup (rapport_event_get_uid (event));

  now = rapport_events_now (store);
  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO events (title, kind, starts_at, ends_at, tzid, venue, online_url, "
                                 "capacity, rsvp_deadline, description, status, claim_window, "
                                 "allow_over_capacity, uid, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_event (stmt, event);
  _rapport_bind_text (stmt, 14, uid);
  sqlite3_bind_int64 (stmt, 15, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  rapport_event_set_id (event, sqlite3_last_insert_rowid (_rapport_store_get_db (store)));
  rapport_event_set_uid (event, uid);
  rapport_event_set_created_at (event, now);
  rapport_event_set_updated_at (event, now);
  rapport_store_emit_changed (store, "events", rapport_event_get_id (event), RAPPORT_CHANGE_INSERTED);

  return TRUE;
}

gboolean
rapport_events_update (RapportStore  *store,
                       RapportEvent  *event,
                       GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_EVENT (event), FALSE);

  if (!check_event (event, error))
    return FALSE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  now = rapport_events_now (store);
  stmt = _rapport_store_prepare (store,
                                 "UPDATE events SET title = ?1, kind = ?2, starts_at = ?3, ends_at = ?4, "
                                 "tzid = ?5, venue = ?6, online_url = ?7, capacity = ?8, rsvp_deadline = ?9, "
                                 "description = ?10, status = ?11, claim_window = ?12, "
                                 "allow_over_capacity = ?13, updated_at = ?15 WHERE id = ?14",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_event (stmt, event);
  sqlite3_bind_int64 (stmt, 14, rapport_event_get_id (event));
  sqlite3_bind_int64 (stmt, 15, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  if (sqlite3_changes (_rapport_store_get_db (store)) == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                   _("There is no event %" G_GINT64_FORMAT), rapport_event_get_id (event));
      return FALSE;
    }

  /* More capacity, or a longer claim window, may change who holds a place. */
  if (!rapport_events_process_offers (store, rapport_event_get_id (event), error))
    return FALSE;

  rapport_event_set_updated_at (event, now);
  rapport_store_emit_changed (store, "events", rapport_event_get_id (event), RAPPORT_CHANGE_UPDATED);
  return _rapport_transaction_commit (tx, error);
}

gboolean
rapport_events_delete (RapportStore  *store,
                       gint64         event_id,
                       GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = _rapport_store_prepare (store, "DELETE FROM events WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  if (sqlite3_changes (_rapport_store_get_db (store)) == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                   _("There is no event %" G_GINT64_FORMAT), event_id);
      return FALSE;
    }

  rapport_store_emit_changed (store, "events", event_id, RAPPORT_CHANGE_DELETED);
  return TRUE;
}

RapportEvent *
rapport_events_get (RapportStore  *store,
                    gint64         event_id,
                    GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store, "SELECT " EVENT_COLUMNS " FROM events WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return event_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                 _("There is no event %" G_GINT64_FORMAT), event_id);
  else
    _rapport_events_fail (store, error);

  return NULL;
}

/**
 * rapport_events_list:
 *
 * Returns: (transfer full) (element-type RapportEvent): the events in @range
 */
GPtrArray *
rapport_events_list (RapportStore       *store,
                     RapportEventRange   range,
                     GError            **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportStatement) stmt = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  switch (range)
    {
    case RAPPORT_EVENT_RANGE_UPCOMING:
      sql = "SELECT " EVENT_COLUMNS " FROM events WHERE coalesce (ends_at, starts_at) >= ?1 "
            "ORDER BY starts_at, id";
      break;

    case RAPPORT_EVENT_RANGE_PAST:
      sql = "SELECT " EVENT_COLUMNS " FROM events WHERE coalesce (ends_at, starts_at) < ?1 "
            "ORDER BY starts_at DESC, id DESC";
      break;

    case RAPPORT_EVENT_RANGE_ALL:
    default:
      sql = "SELECT " EVENT_COLUMNS " FROM events WHERE ?1 IS NOT NULL ORDER BY starts_at, id";
      break;
    }

  stmt = _rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rapport_events_now (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _rapport_events_fail (store, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

gboolean
_rapport_events_event_exists (RapportStore  *store,
                              gint64         event_id,
                              GError       **error)
{
  if (_rapport_events_query_int (store, "SELECT count(*) FROM events WHERE id = ?",
                                 event_id, 0) == 1)
    return TRUE;

  g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
               _("There is no event %" G_GINT64_FORMAT), event_id);
  return FALSE;
}

gboolean
rapport_events_add_person (RapportStore  *store,
                           gint64         event_id,
                           gint64         member_id,
                           const char    *role,
                           GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (role == NULL || role[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("A host or speaker needs a role"));
      return FALSE;
    }

  if (!_rapport_events_event_exists (store, event_id, error))
    return FALSE;

  stmt = _rapport_store_prepare (store,
                                 "INSERT OR IGNORE INTO event_people (event_id, member_id, role) "
                                 "VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _rapport_bind_text (stmt, 3, role);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  rapport_store_emit_changed (store, "events", event_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

gboolean
rapport_events_remove_person (RapportStore  *store,
                              gint64         event_id,
                              gint64         member_id,
                              const char    *role,
                              GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = _rapport_store_prepare (store,
                                 "DELETE FROM event_people WHERE event_id = ?1 AND member_id = ?2 AND role = ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _rapport_bind_text (stmt, 3, role);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  rapport_store_emit_changed (store, "events", event_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

/**
 * rapport_events_list_people:
 * @role: (nullable): only this role, or %NULL for every role
 *
 * Returns: (transfer full) (element-type gint64): member ids
 */
GArray *
rapport_events_list_people (RapportStore  *store,
                            gint64         event_id,
                            const char    *role,
                            GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT DISTINCT p.member_id FROM event_people p "
                                 "JOIN members m ON m.id = p.member_id "
                                 "WHERE p.event_id = ?1 AND (?2 IS NULL OR p.role = ?2) "
                                 "ORDER BY m.sort_name, m.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  _rapport_bind_text (stmt, 2, role);

  return _rapport_store_collect_ids (store, stmt, error);
}

/* Shared with the importers (rapport-event-io.c) */

gint64
_rapport_events_ensure_member (RapportStore  *store,
                               const char    *name,
                               const char    *email,
                               const char    *organization,
                               const char    *platform,
                               const char    *external_id,
                               GError       **error)
{
  g_autoptr(RapportResolver) resolver = _rapport_resolver_new (store);
  g_autoptr(RapportMember) member = NULL;
  g_autofree char *address = rapport_normalize_email (email);
  g_autofree char *fallback_name = NULL;
  const char *emails[] = { address, NULL };
  RapportPersonIdentity identity = { platform, external_id, NULL };
  gboolean has_id = platform != NULL && external_id != NULL && external_id[0] != '\0';
  RapportPersonRecord person = {
    .name = name, .emails = emails, .identities = &identity, .n_identities = has_id ? 1 : 0,
    .organization = organization, .source = platform != NULL ? platform : "event",
  };
  RapportResolution resolution;
  gint64 id;

  /* The ticketing platform's id for the attendee, then their address. */
  if (!_rapport_resolver_resolve (resolver, &person, &resolution, error))
    return 0;
  if (resolution.member_id != 0)
    return resolution.member_id;

  if (name == NULL || name[0] == '\0')
    {
      if (address == NULL)
        {
          g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                               _("A new member needs a name or an email address"));
          return 0;
        }
      fallback_name = g_strndup (address, strcspn (address, "@"));
      name = fallback_name;
    }

  /* An address that belongs to someone else (the resolver matched nobody
   * by it: the source does not vouch for it) goes on the identity, where
   * the duplicates engine pairs the two. */
  member = rapport_member_new ();
  rapport_member_set_name (member, name);
  rapport_member_set_email (member, resolution.other_id == 0 ? address : NULL);
  rapport_member_set_organization (member, organization != NULL && organization[0] != '\0' ? organization : NULL);
  rapport_member_set_source (member, person.source);
  if (!rapport_store_insert_member (store, member, error))
    return 0;
  id = rapport_member_get_id (member);

  if (has_id)
    {
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO identities (member_id, platform, external_id, email) "
                                     "VALUES (?1, ?2, ?3, ?4)",
                                     error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      _rapport_bind_text (stmt, 2, platform);
      _rapport_bind_text (stmt, 3, external_id);
      _rapport_bind_text (stmt, 4, address);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _rapport_events_fail (store, error);
          return 0;
        }
    }

  _rapport_resolver_touch (resolver, id);
  if (!_rapport_resolver_finish (resolver, error))
    return 0;

  return id;
}

/* "Ana María de la Cruz" sorts under "cruz", then the whole name. */
char *
_rapport_events_last_name_key (const char *name)
{
  g_autofree char *key = rapport_sort_key (name);
  const char *space = strrchr (key, ' ');

  if (space == NULL)
    return g_steal_pointer (&key);

  return g_strdup_printf ("%s\x01%s", space + 1, key);
}
