/* rapport-store-undo.c
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

/* Deleting a member with a snapshot in the change journal, and putting back
 * what a journal entry holds. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-store-private.h"

/* Every table whose rows belong to a member, in the order an Undo puts them
 * back, with the condition that selects one member's rows. Rows that only
 * point at a member (a conduct report) are restored with INSERT OR REPLACE. */
static const struct {
  const char *table;
  const char *where;
} member_rows[] = {
  { "members", "id = ?1" },
  { "emails", "member_id = ?1" },
  { "identities", "member_id = ?1" },
  { "member_tags", "member_id = ?1" },
  { "notes", "member_id = ?1" },
  { "interactions", "member_id = ?1" },
  { "tasks", "member_id = ?1" },
  { "activities", "member_id = ?1" },
  { "stage_history", "member_id = ?1" },
  { "recognitions", "member_id = ?1" },
  { "merge_suggestions", "member_a = ?1 OR member_b = ?1" },
  { "event_people", "member_id = ?1" },
  { "rsvps", "member_id = ?1" },
  { "rsvp_history", "rsvp_id IN (SELECT id FROM rsvps WHERE member_id = ?1)" },
  { "content_item_members", "member_id = ?1" },
  { "coc_reports", "reporter_member_id = ?1 OR subject_member_id = ?1" },
  { "suggestion_decisions", "member_id = ?1" },
  { "member_remote_fields", "member_id = ?1" },
  { "sync_push_state", "member_id = ?1" },
};

/* Snapshots rows as JSON so an Undo can put them back as they were. */
static gboolean
snapshot_rows (RapportStore  *self,
               JsonBuilder   *builder,
               const char    *table,
               const char    *where,
               gint64         arg,
               GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", table, where);
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, arg);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, table);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);

      json_builder_begin_object (builder);
      for (int i = 0; i < n; i++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, i));
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
              break;

            case SQLITE_FLOAT:
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, i));
              break;

            case SQLITE_NULL:
              json_builder_add_null_value (builder);
              break;

            case SQLITE_TEXT:
            case SQLITE_BLOB:
            default:
              json_builder_add_string_value (builder, _rapport_column_text (stmt, i));
              break;
            }
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return rc == SQLITE_DONE || _rapport_store_set_error (self, error);
}

static gint64
journal (RapportStore  *self,
         const char    *operation,
         const char    *table,
         gint64         row_id,
         JsonBuilder   *builder,
         GError       **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *payload = NULL;

  json_generator_set_root (generator, root);
  payload = json_generator_to_data (generator, NULL);

  stmt = _rapport_store_prepare (self,
                                 "INSERT INTO change_journal (operation, table_name, row_id, payload) "
                                 "VALUES (?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return 0;

  _rapport_bind_text (stmt, 1, operation);
  _rapport_bind_text (stmt, 2, table);
  sqlite3_bind_int64 (stmt, 3, row_id);
  _rapport_bind_text (stmt, 4, payload);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (self, error);

  return sqlite3_last_insert_rowid (self->db);
}

/**
 * rapport_store_delete_member:
 * @journal_id: (out) (optional): where to store the journal entry that
 *   rapport_store_undo() takes
 *
 * Deletes a member and everything that belongs to them, keeping a snapshot
 * in the change journal for Undo.
 */
gboolean
rapport_store_delete_member (RapportStore  *self,
                             gint64         member_id,
                             gint64        *journal_id,
                             GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 entry;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!_rapport_store_begin_durable (self, error))
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (member_rows); i++)
    {
      if (!snapshot_rows (self, builder, member_rows[i].table, member_rows[i].where, member_id, error))
        goto failed;
    }
  json_builder_end_array (builder);

  entry = journal (self, "delete-member", "members", member_id, builder, error);
  if (entry == 0)
    goto failed;

  stmt = _rapport_store_prepare (self, "DELETE FROM members WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      goto failed;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No member with id %lld"), (long long) member_id);
      goto failed;
    }

  rapport_store_emit_changed (self, "members", member_id, RAPPORT_CHANGE_DELETED);
  if (!rapport_store_commit (self, error))
    return FALSE;

  if (journal_id != NULL)
    *journal_id = entry;
  return TRUE;

failed:
  rapport_store_rollback (self);
  return FALSE;
}

static gboolean
restore_rows (RapportStore  *self,
              JsonObject    *group,
              GError       **error)
{
  const char *table = json_object_get_string_member (group, "table");
  JsonArray *rows = json_object_get_array_member (group, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(GList) columns = json_object_get_members (row);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(RapportStatement) stmt = NULL;
      guint n = 0;

      /* Column names come from our own snapshot of our own schema. */
      g_string_append_printf (sql, "INSERT OR REPLACE INTO %s (", table);
      for (const GList *l = columns; l != NULL; l = l->next, n++)
        g_string_append_printf (sql, "%s\"%s\"", n ? ", " : "", (const char *) l->data);
      g_string_append (sql, ") VALUES (");
      for (guint k = 0; k < n; k++)
        g_string_append_printf (sql, "%s?%u", k ? ", " : "", k + 1);
      g_string_append (sql, ")");

      stmt = _rapport_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;

      n = 0;
      for (const GList *l = columns; l != NULL; l = l->next, n++)
        {
          JsonNode *node = json_object_get_member (row, l->data);

          if (JSON_NODE_HOLDS_NULL (node))
            sqlite3_bind_null (stmt, n + 1);
          else if (json_node_get_value_type (node) == G_TYPE_INT64)
            sqlite3_bind_int64 (stmt, n + 1, json_node_get_int (node));
          else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
            sqlite3_bind_double (stmt, n + 1, json_node_get_double (node));
          else
            sqlite3_bind_text (stmt, n + 1, json_node_get_string (node), -1, SQLITE_TRANSIENT);
        }

      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _rapport_store_set_error (self, error);
    }

  return TRUE;
}

/**
 * rapport_store_undo:
 * @journal_id: what rapport_store_delete_member() or
 *   rapport_store_delete_note() returned
 *
 * Puts back what a destructive change removed, exactly as it was.
 */
gboolean
rapport_store_undo (RapportStore  *self,
                    gint64         journal_id,
                    GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) mark = NULL;
  g_autoptr(RapportStatement) recount = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *operation = NULL;
  g_autofree char *table = NULL;
  JsonArray *groups;
  gint64 row_id;
  gint64 member_id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!_rapport_store_begin_durable (self, error))
    return FALSE;

  stmt = _rapport_store_prepare (self,
                                 "SELECT operation, table_name, row_id, payload FROM change_journal "
                                 "WHERE id = ? AND undone_at IS NULL",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to undo"));
      goto failed;
    }

  operation = g_strdup (_rapport_column_text (stmt, 0));
  table = g_strdup (_rapport_column_text (stmt, 1));
  row_id = sqlite3_column_int64 (stmt, 2);
  if (!json_parser_load_from_data (parser, _rapport_column_text (stmt, 3), -1, error))
    goto failed;
  sqlite3_reset (stmt);

  groups = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      if (!restore_rows (self, json_array_get_object_element (groups, i), error))
        goto failed;
    }

  if (g_str_equal (operation, "delete-member"))
    {
      member_id = row_id;
      /* Restored activities ran the counting trigger again on top of the
       * restored counters: count afresh. */
      recount = _rapport_store_prepare (self,
                                        "UPDATE members SET "
                                        "activity_count = (SELECT count(*) FROM activities WHERE member_id = ?1), "
                                        "last_active_at = (SELECT max (occurred_at) FROM activities WHERE member_id = ?1) "
                                        "WHERE id = ?1",
                                        error);
      if (recount == NULL)
        goto failed;
      sqlite3_bind_int64 (recount, 1, member_id);
      if (sqlite3_step (recount) != SQLITE_DONE)
        {
          _rapport_store_set_error (self, error);
          goto failed;
        }
      rapport_store_emit_changed (self, "members", member_id, RAPPORT_CHANGE_INSERTED);
    }
  else
    {
      rapport_store_emit_changed (self, table, row_id, RAPPORT_CHANGE_INSERTED);
      member_id = _rapport_store_query_int64 (self, "SELECT member_id FROM notes WHERE id = ?",
                                              row_id);
      if (member_id > 0)
        rapport_store_emit_changed (self, "members", member_id, RAPPORT_CHANGE_UPDATED);
    }

  mark = _rapport_store_prepare (self, "UPDATE change_journal SET undone_at = unixepoch () WHERE id = ?", error);
  if (mark == NULL)
    goto failed;
  sqlite3_bind_int64 (mark, 1, journal_id);
  if (sqlite3_step (mark) != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      goto failed;
    }

  return rapport_store_commit (self, error);

failed:
  rapport_store_rollback (self);
  return FALSE;
}
