/* rapport-merge-undo.c
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

/* Unmerging: both members back as they were, from the journal of the
 * merge (rapport-merge.c says how a merge is recorded). */

#define G_LOG_DOMAIN "rapport-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-journal-private.h"
#include "rapport-merge.h"
#include "rapport-duplicates-private.h"
#include "rapport-merge-private.h"
#include "rapport-operation.h"
#include "rapport-scoring.h"

static const char count_mismatch[] =
  "SELECT activity_count IS NOT (SELECT count(*) FROM activities WHERE member_id = ?1) "
  "  FROM members WHERE id = ?1";
static const char recount_member[] =
  "UPDATE members SET activity_count = (SELECT count(*) FROM activities WHERE member_id = ?1), "
  "       last_active_at = (SELECT max (occurred_at) FROM activities WHERE member_id = ?1) "
  " WHERE id = ?1";
/* A merge, not undone, that merged a member into another. */
static const char select_later_merge[] =
  "SELECT j.id, j.label FROM change_journal j JOIN change_journal_rows r ON r.journal_id = j.id "
  " WHERE j.operation = 'merge-members' AND j.undone_at IS NULL "
  "   AND r.table_name = 'members' AND r.after IS NULL AND json_extract (r.row_key, '$.id') = ?1 "
  " ORDER BY j.id DESC LIMIT 1";

/* Same value, whether SQLite or the journal's JSON wrote it (a REAL that
 * holds a whole number may come back as an integer). */
static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  gboolean a_null = a == NULL || JSON_NODE_HOLDS_NULL (a);
  gboolean b_null = b == NULL || JSON_NODE_HOLDS_NULL (b);
  GType a_type, b_type;

  if (a_null || b_null)
    return a_null && b_null;
  if (!JSON_NODE_HOLDS_VALUE (a) || !JSON_NODE_HOLDS_VALUE (b))
    return json_node_equal (a, b);

  a_type = json_node_get_value_type (a);
  b_type = json_node_get_value_type (b);
  if (a_type == G_TYPE_STRING || b_type == G_TYPE_STRING)
    return a_type == b_type && g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
  if (a_type == G_TYPE_INT64 && b_type == G_TYPE_INT64)
    return json_node_get_int (a) == json_node_get_int (b);

  return (a_type == G_TYPE_INT64 ? (double) json_node_get_int (a) : json_node_get_double (a)) ==
         (b_type == G_TYPE_INT64 ? (double) json_node_get_int (b) : json_node_get_double (b));
}

/* The row as it is now, or NULL when it is gone. */
static JsonObject *
read_row (RapportStore       *store,
          RapportJournalRow  *row,
          GError            **error)
{
  gboolean found;

  return _rapport_journal_read_row (store, row->table, (const char * const *) row->columns, row->key,
                                    &found, error);
}

/* A constraint an undo runs into is somebody's later change. */
static gboolean
step_or_conflict (RapportStore      *store,
                  RapportStatement  *stmt,
                  const char        *label,
                  GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("“%s” cannot be undone: %s"), label,
                   sqlite3_errmsg (_rapport_store_get_db (store)));
      return FALSE;
    }

  return _rapport_store_set_error (store, error);
}

static gboolean
delete_row (RapportStore       *store,
            RapportJournalRow  *row,
            GError            **error)
{
  g_autofree char *quoted = _rapport_journal_quote_identifier (row->table);
  g_autofree char *where = _rapport_journal_key_condition ((const char * const *) row->columns);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s", quoted, where);
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  _rapport_journal_bind_key (stmt, (const char * const *) row->columns, row->key);

  return sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (store, error);
}

/* Puts a deleted row back; @skip names a column to leave to SQLite (an id
 * taken since). Returns the new row's rowid, or 0 on error. */
static gint64
insert_image (RapportStore  *store,
              const char    *table,
              JsonObject    *image,
              const char    *skip,
              const char    *label,
              GError       **error)
{
  g_autofree char *quoted = _rapport_journal_quote_identifier (table);
  g_autoptr(GList) names = json_object_get_members (image);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(RapportStatement) stmt = NULL;
  guint n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", quoted);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *column = NULL;

      if (g_strcmp0 (l->data, skip) == 0)
        continue;
      column = _rapport_journal_quote_identifier (l->data);
      g_string_append_printf (sql, "%s%s", n ? ", " : "", column);
      g_string_append_printf (values, "%s?%u", n ? ", " : "", n + 1);
      n++;
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  stmt = _rapport_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return 0;
  n = 0;
  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (g_strcmp0 (l->data, skip) == 0)
        continue;
      _rapport_journal_bind_node (stmt, ++n, json_object_get_member (image, l->data));
    }

  if (!step_or_conflict (store, stmt, label, error))
    return 0;

  return sqlite3_last_insert_rowid (_rapport_store_get_db (store));
}

/* Sets back what the merge changed in a row it kept, column by column,
 * where the row still holds what the merge wrote: a later change wins. */
static gboolean
restore_columns (RapportStore       *store,
                 RapportJournalRow  *row,
                 const char         *label,
                 GError            **error)
{
  g_autoptr(JsonObject) now = read_row (store, row, error);
  g_autoptr(GList) names = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GString) sql = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *where = NULL;
  guint n_keys = g_strv_length (row->columns);

  if (now == NULL)
    return error == NULL || *error == NULL;

  names = json_object_get_members (row->after);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *after = json_object_get_member (row->after, l->data);

      if (!nodes_equal (json_object_get_member (row->before, l->data), after))
        {
          if (nodes_equal (json_object_get_member (now, l->data), after))
            g_ptr_array_add (columns, l->data);
        }
    }
  if (columns->len == 0)
    return TRUE;

  quoted = _rapport_journal_quote_identifier (row->table);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET ", quoted);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *column = _rapport_journal_quote_identifier (g_ptr_array_index (columns, i));

      g_string_append_printf (sql, "%s%s = ?%u", i ? ", " : "", column, n_keys + i + 1);
    }
  where = _rapport_journal_key_condition ((const char * const *) row->columns);
  g_string_append_printf (sql, " WHERE %s", where);

  stmt = _rapport_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  _rapport_journal_bind_key (stmt, (const char * const *) row->columns, row->key);
  for (guint i = 0; i < columns->len; i++)
    _rapport_journal_bind_node (stmt, n_keys + i + 1, json_object_get_member (row->before, g_ptr_array_index (columns, i)));

  return step_or_conflict (store, stmt, label, error);
}

static gboolean
is_member_row (RapportJournalRow *row)
{
  return g_str_equal (row->table, "members");
}

/* A deleted row back where it was; a row with an id that another has
 * taken since comes back with a new one (and an RSVP's history follows
 * it). */
static gboolean
reinsert_row (RapportStore       *store,
              RapportJournalRow  *row,
              GHashTable         *new_rsvp_ids,
              const char         *label,
              GError            **error)
{
  g_autoptr(JsonObject) now = read_row (store, row, error);
  gboolean by_id = row->columns[0] != NULL && row->columns[1] == NULL &&
                   g_str_equal (row->columns[0], "id");
  gint64 rsvp_id = _rapport_merge_image_int (row->before, "rsvp_id");
  gpointer moved;
  gint64 id;

  if (now == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (g_str_equal (row->table, "rsvp_history") &&
      g_hash_table_lookup_extended (new_rsvp_ids, &rsvp_id, NULL, &moved))
    json_object_set_int_member (row->before, "rsvp_id", *(gint64 *) moved);

  if (now != NULL && !by_id)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("“%s” cannot be undone: a row of %s it removed is back already"),
                   label, row->table);
      return FALSE;
    }

  id = insert_image (store, row->table, row->before, now != NULL ? "id" : NULL, label, error);
  if (id == 0)
    return FALSE;

  if (now != NULL && g_str_equal (row->table, "rsvps"))
    {
      gint64 *old_id = g_new (gint64, 1);
      gint64 *new_id = g_new (gint64, 1);

      *old_id = _rapport_merge_image_int (row->before, "id");
      *new_id = id;
      g_hash_table_insert (new_rsvp_ids, old_id, new_id);
    }

  return TRUE;
}

static gboolean
member_exists (RapportStore *store,
               gint64        member_id)
{
  return _rapport_store_query_int64 (store, "SELECT count(*) FROM members WHERE id = ?", member_id) > 0;
}

/* Counters that no longer match the member's activities (an activity
 * added or removed since the merge) are counted again, and the score
 * with them. */
static gboolean
settle_counts (RapportStore  *store,
               gint64         member_id,
               gboolean       rescore_anyway,
               GError       **error)
{
  gboolean stale = _rapport_store_query_int64 (store, count_mismatch, member_id) != 0;

  if (stale && !_rapport_merge_run_statement (store, recount_member, member_id, 0, error))
    return FALSE;
  if ((stale || rescore_anyway) && !_rapport_merge_rescore (store, member_id, error))
    return FALSE;

  return TRUE;
}

/**
 * _rapport_people_undo_merge:
 * @rows: the merge's rows, as _rapport_journal_load() gives them
 * @label: the operation, in words, for errors
 *
 * Unmerges: deletes the rows the merge copied to the survivor, puts the
 * others' member rows back, moves every moved row back by its key (unless
 * it has been changed since), puts back the rows the merge dropped and
 * sets back the survivor's fields that still hold the merged value. What
 * the survivor gained since stays with the survivor, whose counters and
 * score are computed again if that changed them.
 */
gboolean
_rapport_people_undo_merge (RapportStore  *store,
                            GPtrArray     *rows,
                            const char    *label,
                            GError       **error)
{
  g_autoptr(GHashTable) new_rsvp_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportJournalRow *survivor = NULL;
  gint64 survivor_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (label == NULL)
    label = _("The merge");

  for (guint i = 0; i < rows->len; i++)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i);

      if (!is_member_row (row) || row->before == NULL)
        continue;
      if (row->after != NULL)
        survivor = row;
      else
        {
          gint64 id = _rapport_merge_image_int (row->before, "id");

          g_array_append_val (others, id);
        }
    }
  if (survivor == NULL || others->len == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” cannot be undone: the undo journal does not hold the merged members"), label);
      return FALSE;
    }
  survivor_id = _rapport_merge_image_int (survivor->before, "id");

  if (!member_exists (store, survivor_id))
    {
      g_autoptr(RapportStatement) later = _rapport_store_prepare (store, select_later_merge, error);
      const char *name = json_object_get_string_member_with_default (survivor->after, "name", "?");

      if (later == NULL)
        return FALSE;
      sqlite3_bind_int64 (later, 1, survivor_id);
      if (sqlite3_step (later) == SQLITE_ROW)
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be undone before “%s” (operation %lld), which merged %s into "
                       "another member"),
                     label, _rapport_column_text (later, 1), (long long) sqlite3_column_int64 (later, 0), name);
      else
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be undone: %s has been deleted since"), label, name);
      return FALSE;
    }
  for (guint i = 0; i < others->len; i++)
    {
      if (member_exists (store, g_array_index (others, gint64, i)))
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                       _("“%s” cannot be undone: member id %lld belongs to another member since"),
                       label, (long long) g_array_index (others, gint64, i));
          return FALSE;
        }
    }

  /* The survivor's copies of keyed rows, newest first. */
  for (guint i = rows->len; i > 0; i--)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i - 1);

      if (row->before == NULL && !delete_row (store, row, error))
        return FALSE;
    }

  /* The others come back first: their rows point at them. */
  for (guint i = 0; i < rows->len; i++)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i);

      if (is_member_row (row) && row->before != NULL && row->after == NULL &&
          insert_image (store, row->table, row->before, NULL, label, error) == 0)
        return FALSE;
    }

  /* Moved rows go back before dropped ones return: a dropped RSVP of the
   * survivor needs the other's, which replaced it, out of the way. */
  for (guint i = 0; i < rows->len; i++)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i);

      if (row->before != NULL && row->after != NULL && !is_member_row (row) &&
          !restore_columns (store, row, label, error))
        return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RapportJournalRow *row = g_ptr_array_index (rows, i);

      if (row->before != NULL && row->after == NULL && !is_member_row (row) &&
          !reinsert_row (store, row, new_rsvp_ids, label, error))
        return FALSE;
    }

  if (!restore_columns (store, survivor, label, error))
    return FALSE;

  /* A score the survivor's fields did not get back was computed since
   * with the others' activities: compute it again. */
  {
    g_autoptr(JsonObject) now = read_row (store, survivor, error);
    gboolean restored;

    if (now == NULL && error != NULL && *error != NULL)
      return FALSE;
    restored = now != NULL &&
               nodes_equal (json_object_get_member (now, "score"), json_object_get_member (survivor->before, "score")) &&
               nodes_equal (json_object_get_member (now, "level"), json_object_get_member (survivor->before, "level"));
    if (!settle_counts (store, survivor_id, !restored, error))
      return FALSE;
  }

  for (guint i = 0; i < others->len; i++)
    {
      if (!settle_counts (store, g_array_index (others, gint64, i), FALSE, error))
        return FALSE;
    }

  if (!_rapport_merge_reindex_member (store, survivor_id, error))
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    {
      if (!_rapport_merge_reindex_member (store, g_array_index (others, gint64, i), error))
        return FALSE;
    }

  /* The keys of everyone back, and what the duplicates engine says of
   * them now. */
  g_array_append_val (others, survivor_id);
  if (!_rapport_duplicates_update (store, (const gint64 *) others->data, others->len, error))
    return FALSE;

  _rapport_merge_announce_rows (store, rows, TRUE);
  rapport_store_emit_member_changed (store, survivor_id, RAPPORT_MEMBER_CHANGED_ALL);

  return TRUE;
}

/**
 * rapport_store_unmerge:
 * @journal_id: the merge, as rapport_store_merge_members() or
 *   rapport_store_list_merges() gave it
 *
 * Undoes a merge, as long as the undo journal keeps it (half a year), even
 * after later changes: the others come back as they were, with every row
 * they had, and the survivor gets back the fields that still hold the
 * merged value; what the survivor gained since the merge stays with it.
 * Merges of the same members undo newest first. The same as
 * rapport_store_undo() on the merge, refused for any other operation.
 */
gboolean
rapport_store_unmerge (RapportStore  *store,
                       gint64         journal_id,
                       GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *label = NULL;
  gboolean undone;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  tx = _rapport_transaction_begin (store, TRUE, error);
  if (tx == NULL)
    return FALSE;

  stmt = _rapport_store_prepare (store,
                                 "SELECT operation, label, undone_at IS NOT NULL FROM change_journal WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no operation %lld to unmerge"), (long long) journal_id);
      return FALSE;
    }
  label = g_strdup (_rapport_column_text (stmt, 1));
  if (label == NULL)
    label = g_strdup (_rapport_column_text (stmt, 0));
  if (g_strcmp0 (_rapport_column_text (stmt, 0), RAPPORT_MERGE_OPERATION) != 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("Operation %lld (“%s”) is not a merge"), (long long) journal_id, label);
      return FALSE;
    }
  undone = sqlite3_column_int (stmt, 2);
  g_clear_pointer (&stmt, _rapport_statement_release);
  if (undone)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("Operation %lld (“%s”) was unmerged already"), (long long) journal_id, label);
      return FALSE;
    }

  if (!rapport_store_undo (store, journal_id, error))
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}
