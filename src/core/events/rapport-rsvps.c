/* rapport-rsvps.c
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

/* The RSVP rules: adding an RSVP, changing its status, party size or
 * answers, removing it (and Undo), its history, an event's counters, and
 * RSVPs that importers bring. A party fits whole or waits whole: "going"
 * that does not fit becomes "waitlisted". Every change writes a line to
 * rsvp_history. Who gets a place that frees is up to rapport-waitlist.c. */

#define G_LOG_DOMAIN "rapport-events"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-events-private.h"
#include "rapport-journal-private.h"
#include "rapport-store-private.h"

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
_rapport_events_check_party_size (int       party_size,
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

gint64
_rapport_events_insert_rsvp (RapportStore  *store,
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
        _rapport_events_fail (store, error);
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
  g_autoptr(RapportTransaction) tx = NULL;
  const char *final_status = status;
  const char *note = "created";
  gint64 position = 0;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  if (!check_status (status, error) || !_rapport_events_check_party_size (party_size, error) ||
      !check_answers (answers, error) || !_rapport_events_event_exists (store, event_id, error))
    return 0;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return 0;

  if (!_rapport_events_expire_offers (store, event_id, error))
    return 0;

  if (g_str_equal (status, RAPPORT_RSVP_GOING) &&
      party_size > _rapport_events_free_places (store, event_id))
    {
      final_status = RAPPORT_RSVP_WAITLISTED;
      note = "created-full";
    }
  if (g_str_equal (final_status, RAPPORT_RSVP_WAITLISTED))
    position = _rapport_events_next_waitlist_position (store, event_id);

  id = _rapport_events_insert_rsvp (store, event_id, member_id, final_status, party_size, source,
                                    external_id, answers, position, rapport_events_now (store),
                                    error);
  if (id == 0 || !_rapport_events_record (store, id, NULL, final_status, note, error))
    return 0;

  /* A new waitlisted party may fit a place nobody else could take. */
  if (!_rapport_events_make_offers (store, event_id, error))
    return 0;

  _rapport_events_announce (store, event_id, id, RAPPORT_CHANGE_INSERTED);
  if (!_rapport_transaction_commit (tx, error))
    return 0;

  return id;
}

RapportRsvp *
rapport_events_get_rsvp (RapportStore  *store,
                         gint64         rsvp_id,
                         GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT " _RAPPORT_RSVP_COLUMNS _RAPPORT_RSVP_FROM
                                 "WHERE r.id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _rapport_events_rsvp_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                 _("There is no RSVP %" G_GINT64_FORMAT), rsvp_id);
  else
    _rapport_events_fail (store, error);

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
               RapportRsvpRow       *row,
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
      gint64 available = _rapport_events_free_places (store, row->event_id) +
                         (row->offered_at != 0 ? row->party_size : 0);

      if (row->party_size > available && !force_fit)
        target = RAPPORT_RSVP_WAITLISTED;
    }

  if (g_str_equal (target, RAPPORT_RSVP_WAITLISTED))
    {
      if (g_str_equal (row->status, RAPPORT_RSVP_WAITLISTED))
        return TRUE;
      position = _rapport_events_next_waitlist_position (store, row->event_id);
    }

  if (!_rapport_events_write_status (store, row->id, target, position, 0, error) ||
      !_rapport_events_record (store, row->id, row->status, target, note, error))
    return FALSE;

  _rapport_events_announce (store, row->event_id, row->id, RAPPORT_CHANGE_UPDATED);
  g_free (row->status);
  row->status = g_strdup (target);
  row->offered_at = 0;
  row->waitlist_position = position;

  return _rapport_events_make_offers (store, row->event_id, error);
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
  g_autoptr(RapportTransaction) tx = NULL;
  g_auto(RapportRsvpRow) row = { 0 };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_status (status, error))
    return FALSE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error) ||
      !_rapport_events_expire_offers (store, row.event_id, error))
    return FALSE;

  g_clear_pointer (&row.status, g_free);
  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error) ||
      !change_status (store, &row, status, "changed", FALSE, error))
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}

gboolean
rapport_events_set_party_size (RapportStore  *store,
                               gint64         rsvp_id,
                               int            party_size,
                               GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_auto(RapportRsvpRow) row = { 0 };
  g_autofree char *note = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!_rapport_events_check_party_size (party_size, error))
    return FALSE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_events_load_rsvp_row (store, rsvp_id, &row, error))
    return FALSE;

  if (row.party_size == party_size)
    return _rapport_transaction_commit (tx, error);

  if (g_str_equal (row.status, RAPPORT_RSVP_GOING) && party_size > row.party_size &&
      party_size - row.party_size > _rapport_events_free_places (store, row.event_id) &&
      !_rapport_events_over_capacity_allowed (store, row.event_id))
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL,
                   _("A party of %d does not fit: %" G_GINT64_FORMAT " more places are free"),
                   party_size, MAX (0, _rapport_events_free_places (store, row.event_id)));
      return FALSE;
    }

  stmt = _rapport_store_prepare (store, "UPDATE rsvps SET party_size = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  sqlite3_bind_int (stmt, 2, party_size);
  sqlite3_bind_int64 (stmt, 3, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  note = g_strdup_printf ("party %d → %d", row.party_size, party_size);
  if (!_rapport_events_record (store, rsvp_id, row.status, row.status, note, error) ||
      !_rapport_events_make_offers (store, row.event_id, error))
    return FALSE;

  _rapport_events_announce (store, row.event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return _rapport_transaction_commit (tx, error);
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

  event_id = _rapport_events_query_int (store, "SELECT event_id FROM rsvps WHERE id = ?",
                                        rsvp_id, 0);
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
    return _rapport_events_fail (store, error);

  _rapport_events_announce (store, event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

/* Removing an RSVP, and Undo */

/**
 * rapport_events_remove_rsvp:
 * @journal_id: (out) (optional): the operation, for rapport_store_undo()
 *
 * Deletes an RSVP and its history in one durable transaction, journaled for
 * undo. The places a going party (or a held offer) frees are offered to the
 * waitlist at once; the journal keeps those offers so that Undo can take
 * them back.
 */
gboolean
rapport_events_remove_rsvp (RapportStore  *store,
                            gint64         rsvp_id,
                            gint64        *journal_id,
                            GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autofree char *label = NULL;
  g_autofree char *new_history = NULL;
  gint64 event_id;
  gint64 entry;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  tx = _rapport_transaction_begin (store, TRUE, error);
  if (tx == NULL)
    return FALSE;

  rsvp = rapport_events_get_rsvp (store, rsvp_id, error);
  if (rsvp == NULL)
    return FALSE;
  event_id = rapport_rsvp_get_event_id (rsvp);

  /* TRANSLATORS: an operation in the undo list; %s is a member's name */
  label = g_strdup_printf (_("Remove the RSVP of %s"), rapport_rsvp_get_name (rsvp));
  journal = _rapport_journal_new (store, "remove-rsvp", label, "rsvps", rsvp_id);

  /* The RSVP and its history, and the waitlist its places may go to. The
   * offers add history lines: those after the newest line now. */
  new_history = g_strdup_printf ("rsvp_id IN (SELECT id FROM rsvps WHERE event_id = ?1) AND id > %lld",
                                 (long long) _rapport_store_query_int64 (store, "SELECT coalesce (max (id), 0) "
                                                                         "FROM rsvp_history", 0));
  if (!_rapport_journal_save (journal, "rsvps", "id = ?1", rsvp_id, error) ||
      !_rapport_journal_save (journal, "rsvp_history", "rsvp_id = ?1", rsvp_id, error) ||
      !_rapport_journal_save (journal, "rsvps", "event_id = ?1 AND status = 'waitlisted'", event_id, error))
    return FALSE;

  stmt = _rapport_store_prepare (store, "DELETE FROM rsvps WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _rapport_events_fail (store, error);
      return FALSE;
    }

  if (!_rapport_events_make_offers (store, event_id, error) ||
      !_rapport_journal_created (journal, "rsvp_history", new_history, event_id, error))
    return FALSE;

  entry = _rapport_journal_write (journal, error);
  if (entry == 0)
    return FALSE;

  _rapport_events_announce (store, event_id, rsvp_id, RAPPORT_CHANGE_DELETED);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  if (journal_id != NULL)
    *journal_id = entry;
  return TRUE;

}

static gint64
image_int (JsonObject *image,
           const char *column)
{
  JsonNode *node = json_object_get_member (image, column);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

static const char *
image_text (JsonObject *image,
            const char *column)
{
  JsonNode *node = json_object_get_member (image, column);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
restore_history (RapportStore  *store,
                 gint64         rsvp_id,
                 GPtrArray     *history,
                 GError       **error)
{
  for (guint i = 0; i < history->len; i++)
    {
      JsonObject *change = g_ptr_array_index (history, i);
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO rsvp_history (id, rsvp_id, at, from_status, to_status, note) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      /* The old line's id, unless another line has taken it since. */
      if (_rapport_events_query_int (store, "SELECT count(*) FROM rsvp_history WHERE id = ?",
                                     image_int (change, "id"), 0) == 0)
        sqlite3_bind_int64 (stmt, 1, image_int (change, "id"));
      sqlite3_bind_int64 (stmt, 2, rsvp_id);
      sqlite3_bind_int64 (stmt, 3, image_int (change, "at"));
      _rapport_bind_text (stmt, 4, image_text (change, "from_status"));
      _rapport_bind_text (stmt, 5, image_text (change, "to_status"));
      _rapport_bind_text (stmt, 6, image_text (change, "note"));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _rapport_events_fail (store, error);
    }

  return TRUE;
}

/**
 * _rapport_events_undo_removal:
 * @rows: the journal's rows of a "remove-rsvp" operation
 *
 * Undoes a removal, inside rapport_store_undo()'s transaction: withdraws
 * the offers it made (those not yet claimed), then puts the RSVP back with
 * its id and history. A party that held places gets them back if they are
 * still free (or the event allows going over capacity, or the party is
 * already checked in); otherwise it goes to the end of the waitlist rather
 * than overbook. A waitlisted party gets its old place in line. Fails when
 * the member is gone or answered again meanwhile.
 */
gboolean
_rapport_events_undo_removal (RapportStore  *store,
                              GPtrArray     *rows,
                              GError       **error)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new ();
  g_autoptr(GArray) offers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *name = NULL;
  JsonObject *removed = NULL;
  const char *status;
  const char *note = "restored";
  gint64 event_id, member_id, position, offered_at, checked_in_at, id;
  gboolean holds_places;
  int party;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  for (guint i = 0; i < rows->len; i++)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->table, "rsvps") && row->before != NULL && row->after == NULL)
        removed = row->before;
      else if (g_str_equal (row->table, "rsvp_history") && row->before != NULL && row->after == NULL)
        g_ptr_array_add (history, row->before);
      else if (g_str_equal (row->table, "rsvps") && row->before != NULL && row->after != NULL &&
               image_int (row->before, "offered_at") == 0 && image_int (row->after, "offered_at") != 0)
        {
          gint64 offered = image_int (row->after, "id");

          g_array_append_val (offers, offered);
        }
    }

  if (removed == NULL)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                           _("The undo journal does not hold the removed RSVP"));
      return FALSE;
    }

  event_id = image_int (removed, "event_id");
  member_id = image_int (removed, "member_id");
  status = image_text (removed, "status");
  party = (int) image_int (removed, "party_size");
  position = image_int (removed, "waitlist_position");
  offered_at = image_int (removed, "offered_at");
  checked_in_at = image_int (removed, "checked_in_at");
  if (status == NULL)
    status = RAPPORT_RSVP_GOING;

  if (!_rapport_events_event_exists (store, event_id, error))
    return FALSE;

  {
    g_autoptr(RapportStatement) member = _rapport_store_prepare (store, "SELECT name FROM members WHERE id = ?", error);

    if (member == NULL)
      return FALSE;
    sqlite3_bind_int64 (member, 1, member_id);
    if (sqlite3_step (member) == SQLITE_ROW)
      name = g_strdup (_rapport_column_text (member, 0));
  }
  if (name == NULL)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND,
                           _("The RSVP cannot come back: its member has been deleted since"));
      return FALSE;
    }

  if (rapport_events_find_rsvp (store, event_id, member_id) != 0)
    {
      g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                   _("The RSVP of %s cannot come back: they answered this event again"), name);
      return FALSE;
    }

  if (!_rapport_events_expire_offers (store, event_id, error) ||
      !_rapport_events_withdraw_offers (store, event_id, offers, error))
    return FALSE;

  holds_places = g_str_equal (status, RAPPORT_RSVP_GOING) ||
                 (g_str_equal (status, RAPPORT_RSVP_WAITLISTED) && offered_at != 0);
  if (holds_places && checked_in_at == 0 &&
      party > _rapport_events_free_places (store, event_id) &&
      !_rapport_events_over_capacity_allowed (store, event_id))
    {
      status = RAPPORT_RSVP_WAITLISTED;
      note = "restored-full";
      offered_at = 0;
      position = _rapport_events_next_waitlist_position (store, event_id);
    }
  else if (g_str_equal (status, RAPPORT_RSVP_WAITLISTED) && position <= 0)
    position = _rapport_events_next_waitlist_position (store, event_id);

  /* Keep the old id unless another RSVP has taken it since. */
  id = image_int (removed, "id");
  if (_rapport_events_query_int (store, "SELECT count(*) FROM rsvps WHERE id = ?", id, 0) != 0)
    id = 0;

  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO rsvps (id, event_id, member_id, status, party_size, answers, "
                                 "source, external_id, waitlist_position, offered_at, checked_in_at, no_show, "
                                 "created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, member_id);
  _rapport_bind_text (stmt, 4, status);
  sqlite3_bind_int (stmt, 5, MAX (party, 1));
  _rapport_bind_text (stmt, 6, image_text (removed, "answers"));
  _rapport_bind_text (stmt, 7, image_text (removed, "source") ? image_text (removed, "source") : "manual");
  _rapport_bind_text (stmt, 8, image_text (removed, "external_id"));
  if (g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    sqlite3_bind_int64 (stmt, 9, position);
  if (offered_at != 0 && g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    sqlite3_bind_int64 (stmt, 10, offered_at);
  if (checked_in_at != 0)
    sqlite3_bind_int64 (stmt, 11, checked_in_at);
  sqlite3_bind_int (stmt, 12, image_int (removed, "no_show") ? 1 : 0);
  sqlite3_bind_int64 (stmt, 13, image_int (removed, "created_at"));
  sqlite3_bind_int64 (stmt, 14, rapport_events_now (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_rapport_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                     _("The RSVP of %s cannot come back: its %s record was imported again"),
                     name, image_text (removed, "source"));
      else
        _rapport_events_fail (store, error);
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (_rapport_store_get_db (store));

  if (!restore_history (store, id, history, error) ||
      !_rapport_events_record (store, id, NULL, status, note, error) ||
      !_rapport_events_make_offers (store, event_id, error))
    return FALSE;

  _rapport_events_announce (store, event_id, id, RAPPORT_CHANGE_INSERTED);
  return TRUE;
}

/* Lists and counters */

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
                                   "SELECT " _RAPPORT_RSVP_COLUMNS _RAPPORT_RSVP_FROM
                                   "WHERE r.event_id = ?1 AND r.status = 'waitlisted' "
                                   "ORDER BY r.waitlist_position, r.id",
                                   error);
  else
    stmt = _rapport_store_prepare (store,
                                   "SELECT " _RAPPORT_RSVP_COLUMNS _RAPPORT_RSVP_FROM
                                   "WHERE r.event_id = ?1 AND (?2 IS NULL OR r.status = ?2) "
                                   "ORDER BY m.sort_name, r.id",
                                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  if (status != NULL && !g_str_equal (status, RAPPORT_RSVP_WAITLISTED))
    _rapport_bind_text (stmt, 2, status);

  return _rapport_events_collect_rsvps (store, stmt, error);
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
      _rapport_events_fail (store, error);
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
  if (!_rapport_events_event_exists (store, event_id, error))
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
    return _rapport_events_fail (store, error);

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

/* Imported RSVPs */

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
                        ? _rapport_events_next_waitlist_position (store, event_id) : 0;

      rsvp_id = _rapport_events_insert_rsvp (store, event_id, member_id, status, party_size, source,
                                             external_id, answers, position,
                                             responded_at > 0
                                             ? responded_at : rapport_events_now (store),
                                             error);
      if (rsvp_id == 0 || !_rapport_events_record (store, rsvp_id, NULL, status, source, error))
        return FALSE;
      *out_id = rsvp_id;
      *changed = TRUE;
      _rapport_events_announce (store, event_id, rsvp_id, RAPPORT_CHANGE_INSERTED);
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
  sqlite3_bind_int64 (update, 5, _rapport_events_next_waitlist_position (store, event_id));
  _rapport_bind_text (update, 6, source);
  _rapport_bind_text (update, 7, external_id);
  sqlite3_bind_int64 (update, 8, rapport_events_now (store));
  if (sqlite3_step (update) != SQLITE_DONE)
    return _rapport_events_fail (store, error);

  if (!_rapport_events_record (store, rsvp_id, old_status, status, source, error))
    return FALSE;

  *changed = TRUE;
  _rapport_events_announce (store, event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
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
    return _rapport_events_fail (store, error);

  if (sqlite3_changes (_rapport_store_get_db (store)) > 0)
    {
      if (!_rapport_events_record (store, rsvp_id, status, status, "checked-in", error))
        return FALSE;
      *changed = TRUE;
      _rapport_events_announce (store, event_id, rsvp_id, RAPPORT_CHANGE_UPDATED);
    }

  return TRUE;
}
