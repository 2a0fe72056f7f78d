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

#define G_LOG_DOMAIN "rapport-events"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-events-private.h"
#include "rapport-member.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

/* The RSVP rules. Capacity counts the people in going parties plus those
 * holding an unclaimed offer; a party fits whole or waits whole. When a
 * place frees, the first waitlisted party that fits is offered it; the offer
 * lapses after the event's claim window and passes on. Every change writes a
 * line to rsvp_history. */

G_DEFINE_QUARK (rapport-events-error-quark, rapport_events_error)

G_DEFINE_ENUM_TYPE (RapportEventRange, rapport_event_range,
                    G_DEFINE_ENUM_VALUE (RAPPORT_EVENT_RANGE_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_EVENT_RANGE_UPCOMING, "upcoming"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_EVENT_RANGE_PAST, "past"))

#define EVENT_COLUMNS \
  "id, uid, title, kind, starts_at, ends_at, tzid, venue, online_url, capacity, rsvp_deadline, " \
  "description, status, claim_window, allow_over_capacity, attendance_recorded_at, created_at, updated_at "

#define RSVP_COLUMNS \
  "r.id, r.event_id, r.member_id, m.name, " \
  "(SELECT address FROM emails WHERE member_id = m.id ORDER BY is_primary DESC, id LIMIT 1), " \
  "(SELECT name FROM organizations WHERE id = m.organization_id), " \
  "r.status, r.party_size, r.answers, r.source, r.external_id, r.waitlist_position, " \
  "r.offered_at, r.checked_in_at, r.no_show, r.created_at, r.updated_at "

#define RSVP_FROM " FROM rsvps r JOIN members m ON m.id = r.member_id "

static const char * const rsvp_statuses[] = {
  RAPPORT_RSVP_GOING, RAPPORT_RSVP_MAYBE, RAPPORT_RSVP_DECLINED,
  RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_CANCELLED, NULL
};

static const char * const event_statuses[] = {
  RAPPORT_EVENT_DRAFT, RAPPORT_EVENT_ANNOUNCED, RAPPORT_EVENT_DONE, RAPPORT_EVENT_CANCELLED, NULL
};

void
rapport_rsvp_change_free (RapportRsvpChange *change)
{
  if (change == NULL)
    return;

  g_free (change->from_status);
  g_free (change->to_status);
  g_free (change->note);
  g_free (change);
}

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

static gboolean
fail (RapportStore  *store,
      GError       **error)
{
  return _rapport_store_set_error (store, error);
}

static gint64
query_int (RapportStore *store,
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

static void
announce (RapportStore      *store,
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

static gboolean
record (RapportStore  *store,
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
    return fail (store, error);

  return TRUE;
}

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

static RapportRsvp *
rsvp_from_row (RapportStatement *stmt)
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

static GPtrArray *
collect_rsvps (RapportStore      *store,
               RapportStatement  *stmt,
               GError           **error)
{
  g_autoptr(GPtrArray) rsvps = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rsvps, rsvp_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      return NULL;
    }

  return g_steal_pointer (&rsvps);
}

/* Events */

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
    return fail (store, error);

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
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_EVENT (event), FALSE);

  if (!check_event (event, error) || !rapport_store_begin (store, error))
    return FALSE;

  now = rapport_events_now (store);
  stmt = _rapport_store_prepare (store,
                                 "UPDATE events SET title = ?1, kind = ?2, starts_at = ?3, ends_at = ?4, "
                                 "tzid = ?5, venue = ?6, online_url = ?7, capacity = ?8, rsvp_deadline = ?9, "
                                 "description = ?10, status = ?11, claim_window = ?12, "
                                 "allow_over_capacity = ?13, updated_at = ?15 WHERE id = ?14",
                                 error);
  if (stmt == NULL)
    goto failed;

  bind_event (stmt, event);
  sqlite3_bind_int64 (stmt, 14, rapport_event_get_id (event));
  sqlite3_bind_int64 (stmt, 15, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  if (sqlite3_changes (_rapport_store_get_db (store)) == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                   _("There is no event %" G_GINT64_FORMAT), rapport_event_get_id (event));
      goto failed;
    }

  /* More capacity, or a longer claim window, may change who holds a place. */
  if (!rapport_events_process_offers (store, rapport_event_get_id (event), error))
    goto failed;

  rapport_event_set_updated_at (event, now);
  rapport_store_emit_changed (store, "events", rapport_event_get_id (event), RAPPORT_CHANGE_UPDATED);
  return rapport_store_commit (store, error);

failed:
  rapport_store_rollback (store);
  return FALSE;
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
    return fail (store, error);

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
    fail (store, error);

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
      fail (store, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

static gboolean
event_exists (RapportStore  *store,
              gint64         event_id,
              GError       **error)
{
  if (query_int (store, "SELECT count(*) FROM events WHERE id = ?", event_id, 0) == 1)
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

  if (!event_exists (store, event_id, error))
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
    return fail (store, error);

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
    return fail (store, error);

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

/* RSVPs */

typedef struct
{
  gint64  id;
  gint64  event_id;
  char   *status;
  int     party_size;
  gint64  offered_at;
  gint64  checked_in_at;
  gint64  waitlist_position;
} RsvpRow;

static void
rsvp_row_clear (RsvpRow *row)
{
  g_clear_pointer (&row->status, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsvpRow, rsvp_row_clear)

static gboolean
load_rsvp_row (RapportStore  *store,
               gint64         rsvp_id,
               RsvpRow       *row,
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
        fail (store, error);
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

/* Places still free: capacity less going parties and unclaimed offers.
 * G_MAXINT64 when the event has no limit. */
static gint64
free_places (RapportStore *store,
             gint64        event_id)
{
  gint64 capacity = query_int (store, "SELECT capacity FROM events WHERE id = ?", event_id, -1);
  gint64 taken;

  if (capacity < 0)
    return G_MAXINT64;

  taken = query_int (store,
                     "SELECT coalesce (sum (party_size), 0) FROM rsvps WHERE event_id = ? AND "
                     "(status = 'going' OR (status = 'waitlisted' AND offered_at IS NOT NULL))",
                     event_id, 0);
  return capacity - taken;
}

static gboolean
over_capacity_allowed (RapportStore *store,
                       gint64        event_id)
{
  return query_int (store, "SELECT allow_over_capacity FROM events WHERE id = ?", event_id, 0) != 0;
}

static gboolean
write_status (RapportStore  *store,
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
    return fail (store, error);

  return TRUE;
}

static gint64
next_waitlist_position (RapportStore *store,
                        gint64        event_id)
{
  return query_int (store,
                    "SELECT coalesce (max (waitlist_position), 0) + 1 FROM rsvps WHERE event_id = ?",
                    event_id, 1);
}

static gboolean
expire_offers (RapportStore  *store,
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
    return fail (store, error);
  sqlite3_reset (stmt);

  for (guint i = 0; i < expired->len; i++)
    {
      gint64 id = g_array_index (expired, gint64, i);

      if (!write_status (store, id, RAPPORT_RSVP_CANCELLED, 0, 0, error) ||
          !record (store, id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_CANCELLED, "offer-expired", error))
        return FALSE;
      announce (store, event_id, id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}

static gboolean
make_offers (RapportStore  *store,
             gint64         event_id,
             GError       **error)
{
  g_autoptr(GArray) offers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 free_now = free_places (store, event_id);
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
        return fail (store, error);
      if (!record (store, id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_WAITLISTED, "offered", error))
        return FALSE;
      announce (store, event_id, id, RAPPORT_CHANGE_UPDATED);
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

  if (!expire_offers (store, event_id, error) || !make_offers (store, event_id, error))
    {
      rapport_store_rollback (store);
      return FALSE;
    }

  return rapport_store_commit (store, error);
}

static gboolean
check_party_size (int       party_size,
                  GError  **error)
{
  if (party_size >= 1 && party_size <= 1000)
    return TRUE;

  g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
               _("A party is 1 to 1000 people; %d is not"), party_size);
  return FALSE;
}

static gboolean
check_status (const char  *status,
              GError     **error)
{
  if (rapport_rsvp_status_is_valid (status))
    return TRUE;

  g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
               _("“%s” is not an RSVP status (going, maybe, declined, waitlisted, cancelled)"),
               status ? status : "");
  return FALSE;
}

static gint64
insert_rsvp (RapportStore  *store,
             gint64         event_id,
             gint64         member_id,
             const char    *status,
             int            party_size,
             const char    *source,
             const char    *external_id,
             const char    *answers,
             gint64         waitlist_position,
             gint64         created_at,
             GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO rsvps (event_id, member_id, status, party_size, source, "
                                 "external_id, answers, waitlist_position, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _rapport_bind_text (stmt, 3, status);
  sqlite3_bind_int (stmt, 4, party_size);
  _rapport_bind_text (stmt, 5, source != NULL ? source : "manual");
  _rapport_bind_text (stmt, 6, external_id != NULL && external_id[0] != '\0' ? external_id : NULL);
  _rapport_bind_text (stmt, 7, answers);
  if (waitlist_position > 0)
    sqlite3_bind_int64 (stmt, 8, waitlist_position);
  sqlite3_bind_int64 (stmt, 9, created_at);
  sqlite3_bind_int64 (stmt, 10, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_rapport_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                     _("Member %" G_GINT64_FORMAT " already answered event %" G_GINT64_FORMAT),
                     member_id, event_id);
      else
        fail (store, error);
      return 0;
    }

  return sqlite3_last_insert_rowid (_rapport_store_get_db (store));
}

static gboolean
check_answers (const char  *answers,
               GError     **error)
{
  g_autofree char *copy = NULL;
  gsize len;

  if (answers == NULL)
    return TRUE;

  /* Answers are a JSON object; a cheap shape check keeps garbage out. */
  copy = g_strstrip (g_strdup (answers));
  len = strlen (copy);
  if (len >= 2 && copy[0] == '{' && copy[len - 1] == '}')
    return TRUE;

  g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
               _("Answers must be a JSON object, not “%s”"), answers);
  return FALSE;
}

/**
 * rapport_events_add_rsvp:
 * @status: what the member asked for; "going" becomes "waitlisted" when the
 *   party does not fit
 * @source: (nullable): manual, eventbrite, meetup, zoom or ics
 * @external_id: (nullable): the record id on @source
 * @answers: (nullable): answers to custom questions, a JSON object
 *
 * Returns: the new RSVP's id, or 0 on error
 */
gint64
rapport_events_add_rsvp (RapportStore  *store,
                         gint64         event_id,
                         gint64         member_id,
                         const char    *status,
                         int            party_size,
                         const char    *source,
                         const char    *external_id,
                         const char    *answers,
                         GError       **error)
{
  const char *final_status = status;
  const char *note = "created";
  gint64 position = 0;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  if (!check_status (status, error) || !check_party_size (party_size, error) ||
      !check_answers (answers, error) || !event_exists (store, event_id, error))
    return 0;

  if (!rapport_store_begin (store, error))
    return 0;

  if (!expire_offers (store, event_id, error))
    goto failed;

  if (g_str_equal (status, RAPPORT_RSVP_GOING) && party_size > free_places (store, event_id))
    {
      final_status = RAPPORT_RSVP_WAITLISTED;
      note = "created-full";
    }
  if (g_str_equal (final_status, RAPPORT_RSVP_WAITLISTED))
    position = next_waitlist_position (store, event_id);

  id = insert_rsvp (store, event_id, member_id, final_status, party_size, source, external_id,
                    answers, position, rapport_events_now (store), error);
  if (id == 0 || !record (store, id, NULL, final_status, note, error))
    goto failed;

  /* A new waitlisted party may fit a place nobody else could take. */
  if (!make_offers (store, event_id, error))
    goto failed;

  announce (store, event_id, id, RAPPORT_CHANGE_INSERTED);
  if (!rapport_store_commit (store, error))
    return 0;

  return id;

failed:
  rapport_store_rollback (store);
  return 0;
}

RapportRsvp *
rapport_events_get_rsvp (RapportStore  *store,
                         gint64         rsvp_id,
                         GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store, "SELECT " RSVP_COLUMNS RSVP_FROM "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return rsvp_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                 _("There is no RSVP %" G_GINT64_FORMAT), rsvp_id);
  else
    fail (store, error);

  return NULL;
}

gint64
rapport_events_find_rsvp (RapportStore *store,
                          gint64        event_id,
                          gint64        member_id)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  stmt = _rapport_store_prepare (store, "SELECT id FROM rsvps WHERE event_id = ?1 AND member_id = ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

/* Moves an RSVP to @status under the rules; the caller holds a transaction.
 * Returns the status it got in @result (going may end up waitlisted). */
static gboolean
change_status (RapportStore  *store,
               RsvpRow       *row,
               const char    *status,
               const char    *note,
               gboolean       force_fit,
               GError       **error)
{
  const char *target = status;
  gint64 position = 0;

  if (g_str_equal (row->status, status) &&
      !(g_str_equal (status, RAPPORT_RSVP_WAITLISTED) && row->offered_at != 0))
    return TRUE;

  if (g_str_equal (status, RAPPORT_RSVP_GOING) && !g_str_equal (row->status, RAPPORT_RSVP_GOING))
    {
      /* Its own offer already holds its places. */
      gint64 available = free_places (store, row->event_id) + (row->offered_at != 0 ? row->party_size : 0);

      if (row->party_size > available && !force_fit)
        target = RAPPORT_RSVP_WAITLISTED;
    }

  if (g_str_equal (target, RAPPORT_RSVP_WAITLISTED))
    {
      if (g_str_equal (row->status, RAPPORT_RSVP_WAITLISTED))
        return TRUE;
      position = next_waitlist_position (store, row->event_id);
    }

  if (!write_status (store, row->id, target, position, 0, error) ||
      !record (store, row->id, row->status, target, note, error))
    return FALSE;

  announce (store, row->event_id, row->id, RAPPORT_CHANGE_UPDATED);
  g_free (row->status);
  row->status = g_strdup (target);
  row->offered_at = 0;
  row->waitlist_position = position;

  return make_offers (store, row->event_id, error);
}

/**
 * rapport_events_set_rsvp_status:
 *
 * Changes what a member answered. Asking for "going" when the party does
 * not fit puts it on the waitlist; leaving "going" frees places, which are
 * offered to the waitlist.
 */
gboolean
rapport_events_set_rsvp_status (RapportStore  *store,
                                gint64         rsvp_id,
                                const char    *status,
                                GError       **error)
{
  g_auto(RsvpRow) row = { 0 };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_status (status, error) || !rapport_store_begin (store, error))
    return FALSE;

  if (!load_rsvp_row (store, rsvp_id, &row, error) ||
      !expire_offers (store, row.event_id, error))
    goto failed;

  g_clear_pointer (&row.status, g_free);
  if (!load_rsvp_row (store, rsvp_id, &row, error) ||
      !change_status (store, &row, status, "changed", FALSE, error))
    goto failed;

  return rapport_store_commit (store, error);

failed:
  rapport_store_rollback (store);
  return FALSE;
}

gboolean
rapport_events_set_party_size (RapportStore  *store,
                               gint64         rsvp_id,
                               int            party_size,
                               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_auto(RsvpRow) row = { 0 };
  g_autofree char *note = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_party_size (party_size, error) || !rapport_store_begin (store, error))
    return FALSE;

  if (!load_rsvp_row (store, rsvp_id, &row, error))
    goto failed;

  if (row.party_size == party_size)
    return rapport_store_commit (store, error);

  if (g_str_equal (row.status, RAPPORT_RSVP_GOING) && party_size > row.party_size &&
      party_size - row.party_size > free_places (store, row.event_id) &&
      !over_capacity_allowed (store, row.event_id))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL,
                   _("A party of %d does not fit: %" G_GINT64_FORMAT " more places are free"),
                   party_size, MAX (0, free_places (store, row.event_id)));
      goto failed;
    }

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET party_size = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int (stmt, 2, party_size);
  sqlite3_bind_int64 (stmt, 3, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  note = g_strdup_printf ("party %d → %d", row.party_size, party_size);
  if (!record (store, rsvp_id, row.status, row.status, note, error) ||
      !make_offers (store, row.event_id, error))
    goto failed;

  announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return rapport_store_commit (store, error);

failed:
  rapport_store_rollback (store);
  return FALSE;
}

gboolean
rapport_events_set_answers (RapportStore  *store,
                            gint64         rsvp_id,
                            const char    *answers,
                            GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 event_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_answers (answers, error))
    return FALSE;

  event_id = query_int (store, "SELECT event_id FROM rsvps WHERE id = ?", rsvp_id, 0);
  if (event_id == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                   _("There is no RSVP %" G_GINT64_FORMAT), rsvp_id);
      return FALSE;
    }

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET answers = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  _rapport_bind_text (stmt, 2, answers);
  sqlite3_bind_int64 (stmt, 3, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (store, error);

  announce (store, event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
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
  g_auto(RsvpRow) row = { 0 };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!load_rsvp_row (store, rsvp_id, &row, error) ||
      !rapport_events_process_offers (store, row.event_id, error))
    return FALSE;

  rsvp_row_clear (&row);
  if (!load_rsvp_row (store, rsvp_id, &row, error))
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

  if (!write_status (store, rsvp_id, RAPPORT_RSVP_GOING, 0, 0, error) ||
      !record (store, rsvp_id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_GOING, "claimed", error))
    {
      rapport_store_rollback (store);
      return FALSE;
    }

  announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return rapport_store_commit (store, error);
}

/* Removing an RSVP, and Undo */

struct _RapportRsvpRemoval
{
  RapportRsvp *rsvp;
  GPtrArray   *history;
  GArray      *offers;
};

void
rapport_rsvp_removal_free (RapportRsvpRemoval *removal)
{
  if (removal == NULL)
    return;

  g_clear_object (&removal->rsvp);
  g_clear_pointer (&removal->history, g_ptr_array_unref);
  g_clear_pointer (&removal->offers, g_array_unref);
  g_free (removal);
}

/**
 * rapport_rsvp_removal_get_rsvp:
 *
 * Returns: (transfer none): the RSVP as it was when it was removed
 */
RapportRsvp *
rapport_rsvp_removal_get_rsvp (const RapportRsvpRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, NULL);

  return removal->rsvp;
}

/* The waitlisted parties of an event that hold an offer. */
static GArray *
list_offered (RapportStore  *store,
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

static gboolean
array_contains (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/**
 * rapport_events_remove_rsvp:
 * @removal: (out) (optional) (transfer full): what rapport_events_restore_rsvp()
 *   takes to put it back
 *
 * Deletes an RSVP and its history in one transaction. The places a going
 * party (or a held offer) frees are offered to the waitlist at once; the
 * removal remembers those offers so that Undo can take them back.
 */
gboolean
rapport_events_remove_rsvp (RapportStore         *store,
                            gint64                rsvp_id,
                            RapportRsvpRemoval  **removal,
                            GError              **error)
{
  g_autoptr(RapportRsvpRemoval) taken = g_new0 (RapportRsvpRemoval, 1);
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  gint64 event_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;

  taken->rsvp = rapport_events_get_rsvp (store, rsvp_id, error);
  if (taken->rsvp == NULL)
    goto failed;
  event_id = rapport_rsvp_get_event_id (taken->rsvp);

  taken->history = rapport_events_list_history (store, rsvp_id, error);
  before = list_offered (store, event_id, error);
  if (taken->history == NULL || before == NULL)
    goto failed;

  stmt = _rapport_store_prepare (store, "DELETE FROM rsvps WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  if (!make_offers (store, event_id, error))
    goto failed;

  after = list_offered (store, event_id, error);
  if (after == NULL)
    goto failed;
  taken->offers = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < after->len; i++)
    {
      gint64 id = g_array_index (after, gint64, i);

      if (!array_contains (before, id))
        g_array_append_val (taken->offers, id);
    }

  announce (store, event_id, rsvp_id, RAPPORT_CHANGE_DELETED);
  if (!rapport_store_commit (store, error))
    return FALSE;

  if (removal != NULL)
    *removal = g_steal_pointer (&taken);
  return TRUE;

failed:
  rapport_store_rollback (store);
  return FALSE;
}

/* Takes back the offers a removal made, unless they were claimed or have
 * lapsed since. */
static gboolean
withdraw_offers (RapportStore  *store,
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
        return fail (store, error);
      if (sqlite3_changes (_rapport_store_get_db (store)) == 0)
        continue;

      if (!record (store, id, RAPPORT_RSVP_WAITLISTED, RAPPORT_RSVP_WAITLISTED, "offer-withdrawn", error))
        return FALSE;
      announce (store, event_id, id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}

static gboolean
restore_history (RapportStore  *store,
                 gint64         rsvp_id,
                 GPtrArray     *history,
                 GError       **error)
{
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      RapportRsvpChange *change = g_ptr_array_index (history, i);
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO rsvp_history (rsvp_id, at, from_status, to_status, note) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rsvp_id);
      sqlite3_bind_int64 (stmt, 2, change->at);
      _rapport_bind_text (stmt, 3, change->from_status);
      _rapport_bind_text (stmt, 4, change->to_status);
      _rapport_bind_text (stmt, 5, change->note);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return fail (store, error);
    }

  return TRUE;
}

/**
 * rapport_events_restore_rsvp:
 * @removal: what rapport_events_remove_rsvp() gave
 *
 * Undoes a removal: withdraws the offers it made (those not yet claimed),
 * then puts the RSVP back with its history. A party that held places gets
 * them back if they are still free (or the event allows going over
 * capacity, or the party is already checked in); otherwise it goes to the
 * end of the waitlist rather than overbook. A waitlisted party gets its old
 * place in line. Fails when the member is gone or answered again meanwhile.
 *
 * Returns: the RSVP's id (the old one when it is still free), or 0 on error
 */
gint64
rapport_events_restore_rsvp (RapportStore              *store,
                             const RapportRsvpRemoval  *removal,
                             GError                   **error)
{
  RapportRsvp *rsvp;
  g_autoptr(RapportStatement) stmt = NULL;
  const char *status;
  const char *note = "restored";
  gint64 event_id, member_id, position, offered_at, id;
  gboolean holds_places;
  int party;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);
  g_return_val_if_fail (removal != NULL, 0);

  rsvp = removal->rsvp;
  event_id = rapport_rsvp_get_event_id (rsvp);
  member_id = rapport_rsvp_get_member_id (rsvp);
  status = rapport_rsvp_get_status (rsvp);
  party = rapport_rsvp_get_party_size (rsvp);
  position = rapport_rsvp_get_waitlist_position (rsvp);
  offered_at = rapport_rsvp_get_offered_at (rsvp);

  if (!rapport_store_begin (store, error))
    return 0;

  if (!event_exists (store, event_id, error))
    goto failed;

  if (query_int (store, "SELECT count(*) FROM members WHERE id = ?", member_id, 0) == 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                   _("The RSVP of %s cannot come back: they are no longer a member"),
                   rapport_rsvp_get_name (rsvp));
      goto failed;
    }

  if (rapport_events_find_rsvp (store, event_id, member_id) != 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("The RSVP of %s cannot come back: they answered this event again"),
                   rapport_rsvp_get_name (rsvp));
      goto failed;
    }

  if (!expire_offers (store, event_id, error) ||
      !withdraw_offers (store, event_id, removal->offers, error))
    goto failed;

  holds_places = g_str_equal (status, RAPPORT_RSVP_GOING) ||
                 (g_str_equal (status, RAPPORT_RSVP_WAITLISTED) && offered_at != 0);
  if (holds_places && rapport_rsvp_get_checked_in_at (rsvp) == 0 &&
      party > free_places (store, event_id) && !over_capacity_allowed (store, event_id))
    {
      status = RAPPORT_RSVP_WAITLISTED;
      note = "restored-full";
      offered_at = 0;
      position = next_waitlist_position (store, event_id);
    }
  else if (g_str_equal (status, RAPPORT_RSVP_WAITLISTED) && position <= 0)
    position = next_waitlist_position (store, event_id);

  /* Keep the old id unless another RSVP has taken it since. */
  id = rapport_rsvp_get_id (rsvp);
  if (query_int (store, "SELECT count(*) FROM rsvps WHERE id = ?", id, 0) != 0)
    id = 0;

  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO rsvps (id, event_id, member_id, status, party_size, answers, "
                                 "source, external_id, waitlist_position, offered_at, checked_in_at, no_show, "
                                 "created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                 error);
  if (stmt == NULL)
    goto failed;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, member_id);
  _rapport_bind_text (stmt, 4, status);
  sqlite3_bind_int (stmt, 5, party);
  _rapport_bind_text (stmt, 6, rapport_rsvp_get_answers (rsvp));
  _rapport_bind_text (stmt, 7, rapport_rsvp_get_source (rsvp) ? rapport_rsvp_get_source (rsvp) : "manual");
  _rapport_bind_text (stmt, 8, rapport_rsvp_get_external_id (rsvp));
  if (g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    sqlite3_bind_int64 (stmt, 9, position);
  if (offered_at != 0 && g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    sqlite3_bind_int64 (stmt, 10, offered_at);
  if (rapport_rsvp_get_checked_in_at (rsvp) != 0)
    sqlite3_bind_int64 (stmt, 11, rapport_rsvp_get_checked_in_at (rsvp));
  sqlite3_bind_int (stmt, 12, rapport_rsvp_get_no_show (rsvp) ? 1 : 0);
  sqlite3_bind_int64 (stmt, 13, rapport_rsvp_get_created_at (rsvp));
  sqlite3_bind_int64 (stmt, 14, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_rapport_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                     _("The RSVP of %s cannot come back: its %s record was imported again"),
                     rapport_rsvp_get_name (rsvp), rapport_rsvp_get_source (rsvp));
      else
        fail (store, error);
      goto failed;
    }
  id = sqlite3_last_insert_rowid (_rapport_store_get_db (store));

  if (!restore_history (store, id, removal->history, error) ||
      !record (store, id, NULL, status, note, error) ||
      !make_offers (store, event_id, error))
    goto failed;

  announce (store, event_id, id, RAPPORT_CHANGE_INSERTED);
  if (!rapport_store_commit (store, error))
    return 0;

  return id;

failed:
  rapport_store_rollback (store);
  return 0;
}

/**
 * rapport_events_list_rsvps:
 * @status: (nullable): only RSVPs with this status, or %NULL for all
 *
 * The waitlist comes in waitlist order, everything else by name.
 *
 * Returns: (transfer full) (element-type RapportRsvp): the RSVPs
 */
GPtrArray *
rapport_events_list_rsvps (RapportStore  *store,
                           gint64         event_id,
                           const char    *status,
                           GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (status != NULL && g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    stmt = _rapport_store_prepare (store,
                                   "SELECT " RSVP_COLUMNS RSVP_FROM
                                   "WHERE r.event_id = ?1 AND r.status = 'waitlisted' "
                                   "ORDER BY r.waitlist_position, r.id",
                                   error);
  else
    stmt = _rapport_store_prepare (store,
                                   "SELECT " RSVP_COLUMNS RSVP_FROM
                                   "WHERE r.event_id = ?1 AND (?2 IS NULL OR r.status = ?2) "
                                   "ORDER BY m.sort_name, r.id",
                                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  if (status != NULL && !g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    _rapport_bind_text (stmt, 2, status);

  return collect_rsvps (store, stmt, error);
}

/**
 * rapport_events_list_history:
 *
 * Returns: (transfer full) (element-type RapportRsvpChange): oldest first
 */
GPtrArray *
rapport_events_list_history (RapportStore  *store,
                             gint64         rsvp_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_rsvp_change_free);
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT at, from_status, to_status, note FROM rsvp_history "
                                 "WHERE rsvp_id = ? ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportRsvpChange *change = g_new0 (RapportRsvpChange, 1);

      change->at = sqlite3_column_int64 (stmt, 0);
      change->from_status = g_strdup (_rapport_column_text (stmt, 1));
      change->to_status = g_strdup (_rapport_column_text (stmt, 2));
      change->note = g_strdup (_rapport_column_text (stmt, 3));
      g_ptr_array_add (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

gboolean
rapport_events_get_counts (RapportStore        *store,
                           gint64               event_id,
                           RapportEventCounts  *counts,
                           GError             **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!event_exists (store, event_id, error))
    return FALSE;

  stmt = _rapport_store_prepare (store,
                                 "SELECT "
                                 "coalesce (sum (party_size) FILTER (WHERE status = 'going'), 0), "
                                 "count (*) FILTER (WHERE status = 'going'), "
                                 "coalesce (sum (party_size) FILTER (WHERE checked_in_at IS NOT NULL), 0), "
                                 "coalesce (sum (party_size) FILTER (WHERE status = 'maybe'), 0), "
                                 "coalesce (sum (party_size) FILTER (WHERE status = 'declined'), 0), "
                                 "coalesce (sum (party_size) FILTER (WHERE status = 'waitlisted'), 0), "
                                 "coalesce (sum (party_size) FILTER (WHERE status = 'waitlisted' "
                                 "                                    AND offered_at IS NOT NULL), 0), "
                                 "coalesce (sum (party_size) FILTER (WHERE status = 'cancelled'), 0), "
                                 "coalesce (sum (party_size) FILTER (WHERE no_show), 0), "
                                 "(SELECT coalesce (capacity, -1) FROM events WHERE id = ?1) "
                                 "FROM rsvps WHERE event_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fail (store, error);

  counts->going = sqlite3_column_int64 (stmt, 0);
  counts->going_parties = sqlite3_column_int64 (stmt, 1);
  counts->checked_in = sqlite3_column_int64 (stmt, 2);
  counts->maybe = sqlite3_column_int64 (stmt, 3);
  counts->declined = sqlite3_column_int64 (stmt, 4);
  counts->waitlisted = sqlite3_column_int64 (stmt, 5);
  counts->offered = sqlite3_column_int64 (stmt, 6);
  counts->cancelled = sqlite3_column_int64 (stmt, 7);
  counts->no_shows = sqlite3_column_int64 (stmt, 8);
  counts->capacity = sqlite3_column_int64 (stmt, 9);

  return TRUE;
}

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

/* The door */

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
                                 "SELECT " RSVP_COLUMNS
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

  return collect_rsvps (store, stmt, error);
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
  g_autoptr(RapportStatement) stmt = NULL;
  g_auto(RsvpRow) row = { 0 };
  g_autofree char *before = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;

  if (!load_rsvp_row (store, rsvp_id, &row, error))
    goto failed;

  if (row.checked_in_at != 0)
    return rapport_store_commit (store, error);

  before = g_strdup (row.status);
  if (!g_str_equal (row.status, RAPPORT_RSVP_GOING))
    {
      gint64 available = free_places (store, row.event_id) + (row.offered_at != 0 ? row.party_size : 0);

      if (row.party_size > available && !over_capacity_allowed (store, row.event_id))
        {
          g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL,
                       _("The event is full: a party of %d does not fit in %" G_GINT64_FORMAT " free places"),
                       row.party_size, MAX (0, available));
          goto failed;
        }

      if (!write_status (store, rsvp_id, RAPPORT_RSVP_GOING, 0, 0, error))
        goto failed;
    }

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET checked_in_at = ?2, updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  if (!record (store, rsvp_id, before, RAPPORT_RSVP_GOING, "checked-in", error))
    goto failed;

  announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return rapport_store_commit (store, error);

failed:
  rapport_store_rollback (store);
  return FALSE;
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
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) last = NULL;
  g_auto(RsvpRow) row = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;

  if (!load_rsvp_row (store, rsvp_id, &row, error))
    goto failed;

  if (row.checked_in_at == 0)
    return rapport_store_commit (store, error);

  last = _rapport_store_prepare (store,
                                 "SELECT from_status, note FROM rsvp_history WHERE rsvp_id = ? "
                                 "AND note IN ('checked-in', 'walk-in') ORDER BY id DESC LIMIT 1",
                                 error);
  if (last == NULL)
    goto failed;
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
        goto failed;
      sqlite3_bind_int64 (stmt, 1, rsvp_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          fail (store, error);
          goto failed;
        }
      announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_DELETED);
    }
  else
    {
      stmt = _rapport_store_prepare (store, "UPDATE rsvps SET checked_in_at = NULL, updated_at = ?2 WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, rsvp_id);
      sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          fail (store, error);
          goto failed;
        }

      if (!record (store, rsvp_id, RAPPORT_RSVP_GOING, before ? before : RAPPORT_RSVP_GOING,
                   "check-in-undone", error))
        goto failed;

      if (before != NULL && !g_str_equal (before, RAPPORT_RSVP_GOING))
        {
          gint64 position = g_str_equal (before, RAPPORT_RSVP_WAITLISTED)
                            ? next_waitlist_position (store, row.event_id) : 0;

          if (!write_status (store, rsvp_id, before, position, 0, error))
            goto failed;
        }
      announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
    }

  if (!make_offers (store, row.event_id, error))
    goto failed;

  return rapport_store_commit (store, error);

failed:
  rapport_store_rollback (store);
  return FALSE;
}

gint64
_rapport_events_ensure_member (RapportStore  *store,
                               const char    *name,
                               const char    *email,
                               const char    *organization,
                               const char    *platform,
                               const char    *external_id,
                               GError       **error)
{
  g_autoptr(RapportMember) member = NULL;
  g_autofree char *address = rapport_normalize_email (email);
  g_autofree char *fallback_name = NULL;
  gint64 id = 0;

  if (address != NULL)
    id = rapport_store_find_member_by_email (store, address);

  if (id == 0 && platform != NULL && external_id != NULL && external_id[0] != '\0')
    {
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "SELECT member_id FROM identities WHERE platform = ?1 AND external_id = ?2",
                                     error);
      if (stmt == NULL)
        return 0;
      _rapport_bind_text (stmt, 1, platform);
      _rapport_bind_text (stmt, 2, external_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }

  if (id != 0)
    return id;

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

  member = rapport_member_new ();
  rapport_member_set_name (member, name);
  rapport_member_set_email (member, address);
  rapport_member_set_organization (member, organization != NULL && organization[0] != '\0' ? organization : NULL);
  rapport_member_set_source (member, platform != NULL ? platform : "event");
  if (!rapport_store_insert_member (store, member, error))
    return 0;
  id = rapport_member_get_id (member);

  if (platform != NULL && external_id != NULL && external_id[0] != '\0')
    {
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO identities (member_id, platform, external_id) VALUES (?1, ?2, ?3)",
                                     error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      _rapport_bind_text (stmt, 2, platform);
      _rapport_bind_text (stmt, 3, external_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          fail (store, error);
          return 0;
        }
    }

  return id;
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
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 member_id;
  gint64 rsvp_id;
  gint64 available;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  if (!check_party_size (party_size, error) || !event_exists (store, event_id, error))
    return 0;

  if (email != NULL && email[0] != '\0' && !rapport_email_is_valid (email))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("“%s” is not an email address"), email);
      return 0;
    }

  if (!rapport_store_begin (store, error))
    return 0;

  member_id = _rapport_events_ensure_member (store, name, email, NULL, NULL, NULL, error);
  if (member_id == 0)
    goto failed;

  /* Someone who had answered already is checked in on that answer. */
  rsvp_id = rapport_events_find_rsvp (store, event_id, member_id);
  if (rsvp_id != 0)
    {
      if (!rapport_events_check_in (store, rsvp_id, error))
        goto failed;
      if (!rapport_store_commit (store, error))
        return 0;
      return rsvp_id;
    }

  available = free_places (store, event_id);
  if (party_size > available && !over_capacity_allowed (store, event_id))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL,
                   _("The event is full: a party of %d does not fit in %" G_GINT64_FORMAT " free places"),
                   party_size, MAX (0, available));
      goto failed;
    }

  rsvp_id = insert_rsvp (store, event_id, member_id, RAPPORT_RSVP_GOING, party_size, "manual",
                         NULL, NULL, 0, rapport_events_now (store), error);
  if (rsvp_id == 0)
    goto failed;

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET checked_in_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int64 (stmt, 2, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  if (!record (store, rsvp_id, NULL, RAPPORT_RSVP_GOING, "walk-in", error))
    goto failed;

  announce (store, event_id, rsvp_id, RAPPORT_CHANGE_INSERTED);
  if (!rapport_store_commit (store, error))
    return 0;

  return rsvp_id;

failed:
  rapport_store_rollback (store);
  return 0;
}

static gboolean
upsert_rsvp (RapportStore  *store,
             gint64         event_id,
             gint64         member_id,
             const char    *status,
             int            party_size,
             const char    *source,
             const char    *external_id,
             const char    *answers,
             gint64         responded_at,
             gint64        *out_id,
             gboolean      *changed,
             GError       **error)
{
  g_autoptr(RapportStatement) find = NULL;
  g_autoptr(RapportStatement) update = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *old_answers = NULL;
  gint64 rsvp_id = 0;
  int old_party = 0;

  *changed = FALSE;

  /* The platform's record first, then the member: the same file twice, or
   * an RSVP typed in before the import, lands on the same row. */
  find = _rapport_store_prepare (store,
                                 "SELECT id, status, party_size, answers FROM rsvps WHERE event_id = ?1 AND "
                                 "((source = ?2 AND external_id = ?3) OR member_id = ?4) "
                                 "ORDER BY (source = ?2 AND external_id = ?3) DESC LIMIT 1",
                                 error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, event_id);
  _rapport_bind_text (find, 2, source);
  _rapport_bind_text (find, 3, external_id);
  sqlite3_bind_int64 (find, 4, member_id);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      rsvp_id = sqlite3_column_int64 (find, 0);
      old_status = g_strdup (_rapport_column_text (find, 1));
      old_party = sqlite3_column_int (find, 2);
      old_answers = g_strdup (_rapport_column_text (find, 3));
    }
  sqlite3_reset (find);
  *out_id = rsvp_id;

  if (rsvp_id == 0)
    {
      gint64 position = g_str_equal (status, RAPPORT_RSVP_WAITLISTED)
                        ? next_waitlist_position (store, event_id) : 0;

      rsvp_id = insert_rsvp (store, event_id, member_id, status, party_size, source, external_id,
                             answers, position,
                             responded_at > 0 ? responded_at : rapport_events_now (store), error);
      if (rsvp_id == 0 || !record (store, rsvp_id, NULL, status, source, error))
        return FALSE;
      *out_id = rsvp_id;
      *changed = TRUE;
      announce (store, event_id, rsvp_id, RAPPORT_CHANGE_INSERTED);
      return TRUE;
    }

  if (g_str_equal (old_status, status) && old_party == party_size &&
      (answers == NULL || g_strcmp0 (old_answers, answers) == 0))
    return TRUE;

  update = _rapport_store_prepare (store,
                                   "UPDATE rsvps SET status = ?2, party_size = ?3, "
                                   "answers = coalesce (?4, answers), "
                                   "waitlist_position = CASE WHEN ?2 = 'waitlisted' THEN "
                                   "  coalesce (waitlist_position, ?5) END, "
                                   "offered_at = CASE WHEN ?2 = 'waitlisted' THEN offered_at END, "
                                   "source = ?6, external_id = coalesce (?7, external_id), updated_at = ?8 "
                                   "WHERE id = ?1",
                                   error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, rsvp_id);
  _rapport_bind_text (update, 2, status);
  sqlite3_bind_int (update, 3, party_size);
  _rapport_bind_text (update, 4, answers);
  sqlite3_bind_int64 (update, 5, next_waitlist_position (store, event_id));
  _rapport_bind_text (update, 6, source);
  _rapport_bind_text (update, 7, external_id);
  sqlite3_bind_int64 (update, 8, rapport_events_now (store));
  if (sqlite3_step (update) != SQLITE_DONE)
    return fail (store, error);

  if (!record (store, rsvp_id, old_status, status, source, error))
    return FALSE;

  *changed = TRUE;
  announce (store, event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

gboolean
_rapport_events_import_rsvp (RapportStore  *store,
                             gint64         event_id,
                             gint64         member_id,
                             const char    *status,
                             int            party_size,
                             const char    *source,
                             const char    *external_id,
                             const char    *answers,
                             gint64         responded_at,
                             gint64         checked_in_at,
                             gboolean      *changed,
                             GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 rsvp_id = 0;

  if (!upsert_rsvp (store, event_id, member_id, status, party_size, source, external_id,
                    answers, responded_at, &rsvp_id, changed, error))
    return FALSE;

  if (checked_in_at <= 0)
    return TRUE;

  /* A join time in an attendee report is a check-in; the first one stays. */
  stmt = _rapport_store_prepare (store,
                                 "UPDATE rsvps SET checked_in_at = ?2 WHERE id = ?1 AND checked_in_at IS NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int64 (stmt, 2, checked_in_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (store, error);

  if (sqlite3_changes (_rapport_store_get_db (store)) > 0)
    {
      if (!record (store, rsvp_id, status, status, "checked-in", error))
        return FALSE;
      *changed = TRUE;
      announce (store, event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}

/* After the event */

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
    return fail (store, error);

  *added = sqlite3_changes (_rapport_store_get_db (store)) > 0;
  if (*added)
    rapport_store_emit_changed (store, "members", member_id, RAPPORT_CHANGE_UPDATED);

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
  if (event == NULL || !rapport_store_begin (store, error))
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
    goto failed;
  sqlite3_bind_int64 (attendees, 1, event_id);
  while ((rc = sqlite3_step (attendees)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (attendees, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (kinds, g_strdup (_rapport_column_text (attendees, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }
  sqlite3_reset (attendees);

  for (guint i = 0; i < ids->len; i++)
    if (!add_event_activity (store, event, g_array_index (ids, gint64, i),
                             g_ptr_array_index (kinds, i), &added, error))
      goto failed;

  people = _rapport_store_prepare (store,
                                   "UPDATE rsvps SET no_show = (status = 'going' AND checked_in_at IS NULL) "
                                   "WHERE event_id = ?1 AND no_show != (status = 'going' AND checked_in_at IS NULL)",
                                   error);
  if (people == NULL)
    goto failed;
  sqlite3_bind_int64 (people, 1, event_id);
  if (sqlite3_step (people) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  close = _rapport_store_prepare (store,
                                  "UPDATE events SET status = 'done', "
                                  "attendance_recorded_at = coalesce (attendance_recorded_at, ?2), "
                                  "updated_at = ?2 WHERE id = ?1 AND (status != 'done' OR attendance_recorded_at IS NULL)",
                                  error);
  if (close == NULL)
    goto failed;
  sqlite3_bind_int64 (close, 1, event_id);
  sqlite3_bind_int64 (close, 2, rapport_events_now (store));
  if (sqlite3_step (close) != SQLITE_DONE)
    {
      fail (store, error);
      goto failed;
    }

  rapport_store_emit_changed (store, "events", event_id, RAPPORT_CHANGE_UPDATED);
  return rapport_store_commit (store, error);

failed:
  rapport_store_rollback (store);
  return FALSE;
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
    return fail (store, error);

  if (attended != NULL)
    *attended = sqlite3_column_int64 (stmt, 0);
  if (no_shows != NULL)
    *no_shows = sqlite3_column_int64 (stmt, 1);

  return TRUE;
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
