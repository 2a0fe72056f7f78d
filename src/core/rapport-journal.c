/* rapport-journal.c
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

/* The undo journal. An operation (deleting a member, moving one on the
 * board, removing an RSVP, rescheduling a post, …) records every row it
 * touches under one change_journal id: the row before, and the row as the
 * operation left it. Undo checks that nobody has changed those columns
 * since, then deletes what the operation created, puts back what it
 * deleted and sets back what it changed, in one durable transaction.
 *
 * Entries written before schema 10 keep their snapshot in
 * change_journal.payload; undo still puts those back. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-journal-private.h"
#include "rapport-operation.h"

/* How long an operation can still be undone. */
#define JOURNAL_KEEP_DAYS 180

typedef struct
{
  char       *table;
  char       *key;      /* JSON object */
  JsonObject *before;   /* NULL: the operation created the row */
} JournalRow;

struct _RapportJournal
{
  RapportStore *store;
  char         *operation;
  char         *label;
  char         *table;
  gint64        row_id;
  GPtrArray    *rows;
  GHashTable   *seen;          /* "table\x1fkey" */
  GHashTable   *key_columns;   /* table → GStrv */
};

static void
journal_row_free (gpointer data)
{
  JournalRow *row = data;

  g_free (row->table);
  g_free (row->key);
  g_clear_pointer (&row->before, json_object_unref);
  g_free (row);
}

/* Identifiers come from our own code or our own journal; quoting them
 * keeps a tampered file from turning one into SQL. */
char *
_rapport_journal_quote_identifier (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* The columns that name one row of @table: its primary key, or the rowid
 * of a table without one. */
static char **
lookup_key_columns (RapportStore  *store,
                    const char    *table,
                    GError       **error)
{
  g_autofree char *quoted = _rapport_journal_quote_identifier (table);
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info (%s) WHERE pk > 0 ORDER BY pk",
                                          quoted);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (RAPPORT_IS_STORE (store));

  /* A one-off statement: the table differs every time. */
  rc = sqlite3_prepare_v2 (_rapport_store_get_db (store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      _rapport_store_set_error (store, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  columns = g_strv_builder_end (builder);
  if (columns[0] == NULL)
    {
      g_strfreev (columns);
      columns = g_new0 (char *, 2);
      columns[0] = g_strdup ("rowid");
    }

  return g_steal_pointer (&columns);
}

static const char * const *
key_columns (GHashTable    *cache,
             RapportStore  *store,
             const char    *table,
             GError       **error)
{
  char **columns = g_hash_table_lookup (cache, table);

  if (columns == NULL)
    {
      columns = lookup_key_columns (store, table, error);
      if (columns == NULL)
        return NULL;
      g_hash_table_insert (cache, g_strdup (table), columns);
    }

  return (const char * const *) columns;
}

static GHashTable *
key_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

static void
set_node_from_column (JsonObject   *object,
                      const char   *name,
                      sqlite3_stmt *stmt,
                      int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      json_object_set_int_member (object, name, sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      json_object_set_double_member (object, name, sqlite3_column_double (stmt, column));
      break;

    case SQLITE_NULL:
      json_object_set_null_member (object, name);
      break;

    case SQLITE_TEXT:
    case SQLITE_BLOB:
    default:
      json_object_set_string_member (object, name, (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

void
_rapport_journal_bind_node (sqlite3_stmt *stmt,
                            int           index,
                            JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static JsonObject *
object_from_string (const char  *text,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;

  node = json_from_string (text, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("The undo journal holds a row that is not an object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (node));
}

/* "WHERE k1 = ?1 AND k2 = ?2" for the key columns. */
char *
_rapport_journal_key_condition (const char * const *columns)
{
  g_autoptr(GString) where = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *quoted = _rapport_journal_quote_identifier (columns[i]);

      g_string_append_printf (where, "%s%s = ?%u", i ? " AND " : "", quoted, i + 1);
    }

  return g_string_free (g_steal_pointer (&where), FALSE);
}

void
_rapport_journal_bind_key (sqlite3_stmt       *stmt,
                           const char * const *columns,
                           JsonObject         *key)
{
  for (guint i = 0; columns[i] != NULL; i++)
    _rapport_journal_bind_node (stmt, i + 1, json_object_get_member (key, columns[i]));
}

/* The row named by @key as it is now, or NULL (and no error) when there is
 * none. */
JsonObject *
_rapport_journal_read_row (RapportStore        *store,
                           const char          *table,
                           const char * const  *columns,
                           JsonObject          *key,
                           gboolean            *found,
                           GError             **error)
{
  g_autofree char *quoted = _rapport_journal_quote_identifier (table);
  g_autofree char *where = _rapport_journal_key_condition (columns);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", quoted, where);
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);
  JsonObject *row;
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;

  _rapport_journal_bind_key (stmt, columns, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  row = json_object_new ();
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    set_node_from_column (row, sqlite3_column_name (stmt, i), stmt, i);
  *found = TRUE;

  return row;
}

/**
 * _rapport_journal_new:
 * @operation: what kind of operation, for the journal ("delete-member")
 * @label: what the person did, in words ("Delete Ana Lima"), for
 *   `rapport-cli undo --list` and the Undo toast
 * @table: the table of the row the operation is about
 * @row_id: that row's id
 */
RapportJournal *
_rapport_journal_new (RapportStore *store,
                      const char   *operation,
                      const char   *label,
                      const char   *table,
                      gint64        row_id)
{
  RapportJournal *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (operation != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (RapportJournal, 1);
  self->store = g_object_ref (store);
  self->operation = g_strdup (operation);
  self->label = g_strdup (label);
  self->table = g_strdup (table);
  self->row_id = row_id;
  self->rows = g_ptr_array_new_with_free_func (journal_row_free);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->key_columns = key_cache_new ();

  return self;
}

void
_rapport_journal_free (RapportJournal *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->store);
  g_free (self->operation);
  g_free (self->label);
  g_free (self->table);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->seen);
  g_hash_table_unref (self->key_columns);
  g_free (self);
}

static gboolean
collect (RapportJournal  *self,
         const char      *table,
         const char      *where,
         gint64           arg,
         gboolean         created,
         GError         **error)
{
  const char * const *columns = key_columns (self->key_columns, self->store, table, error);
  g_autoptr(GString) sql = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *quoted = NULL;
  guint n_keys;
  int rc;

  if (columns == NULL)
    return FALSE;
  n_keys = g_strv_length ((char **) columns);

  quoted = _rapport_journal_quote_identifier (table);
  sql = g_string_new ("SELECT ");
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *column = _rapport_journal_quote_identifier (columns[i]);

      g_string_append_printf (sql, "%s%s", i ? ", " : "", column);
    }
  /* The key columns first, then the whole row for the before-image. */
  g_string_append_printf (sql, "%s FROM %s WHERE %s", created ? "" : ", *", quoted, where);

  stmt = _rapport_store_prepare (self->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) key = json_object_new ();
      JournalRow *row;
      char *seen;

      for (guint i = 0; i < n_keys; i++)
        set_node_from_column (key, columns[i], stmt, i);

      row = g_new0 (JournalRow, 1);
      row->table = g_strdup (table);
      row->key = object_to_string (key);

      /* The first look at a row is its before-image. */
      seen = g_strconcat (table, "\x1f", row->key, NULL);
      if (g_hash_table_contains (self->seen, seen))
        {
          g_free (seen);
          journal_row_free (row);
          continue;
        }
      g_hash_table_add (self->seen, seen);

      if (!created)
        {
          row->before = json_object_new ();
          for (int i = (int) n_keys; i < sqlite3_column_count (stmt); i++)
            set_node_from_column (row->before, sqlite3_column_name (stmt, i), stmt, i);
          /* A table keyed by rowid: keep it to put the row back in place. */
          if (g_str_equal (columns[0], "rowid"))
            set_node_from_column (row->before, "rowid", stmt, 0);
        }

      g_ptr_array_add (self->rows, row);
    }

  return rc == SQLITE_DONE || _rapport_store_set_error (self->store, error);
}

/**
 * _rapport_journal_save:
 * @where: the rows of @table the operation is about to change or delete,
 *   as an SQL condition with at most one parameter, ?1, bound to @arg
 *
 * Keeps the before-image of those rows. A row saved once keeps its first
 * image.
 */
gboolean
_rapport_journal_save (RapportJournal  *self,
                       const char      *table,
                       const char      *where,
                       gint64           arg,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return collect (self, table, where, arg, FALSE, error);
}

/**
 * _rapport_journal_created:
 * @where: the rows of @table the operation has just inserted
 *
 * Notes rows the operation created, for undo to delete.
 */
gboolean
_rapport_journal_created (RapportJournal  *self,
                          const char      *table,
                          const char      *where,
                          gint64           arg,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return collect (self, table, where, arg, TRUE, error);
}

/**
 * _rapport_journal_write:
 *
 * Writes the operation with the after-image of every row it touched (call
 * it last, inside the operation's transaction).
 *
 * Returns: the operation's id for rapport_store_undo(), or 0 on error
 */
gint64
_rapport_journal_write (RapportJournal  *self,
                        GError         **error)
{
  g_autoptr(RapportStatement) entry = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  gint64 journal_id;
  guint seq = 0;

  g_return_val_if_fail (self != NULL, 0);

  entry = _rapport_store_prepare (self->store,
                                  "INSERT INTO change_journal (operation, table_name, row_id, payload, label) "
                                  "VALUES (?, ?, ?, '[]', ?)",
                                  error);
  if (entry == NULL)
    return 0;
  _rapport_bind_text (entry, 1, self->operation);
  _rapport_bind_text (entry, 2, self->table);
  sqlite3_bind_int64 (entry, 3, self->row_id);
  _rapport_bind_text (entry, 4, self->label);
  if (sqlite3_step (entry) != SQLITE_DONE)
    return _rapport_store_set_error (self->store, error);
  journal_id = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));

  /* Half a year of undo is kept; older operations (and their rows) go. */
  if (!_rapport_store_exec (self->store,
                            "DELETE FROM change_journal WHERE created_at < unixepoch () - "
                            G_STRINGIFY (JOURNAL_KEEP_DAYS) " * 86400",
                            error))
    return 0;

  insert = _rapport_store_prepare (self->store,
                                   "INSERT INTO change_journal_rows "
                                   "(journal_id, seq, table_name, row_key, before, after) "
                                   "VALUES (?, ?, ?, ?, ?, ?)",
                                   error);
  if (insert == NULL)
    return 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      JournalRow *row = g_ptr_array_index (self->rows, i);
      const char * const *columns = key_columns (self->key_columns, self->store, row->table, error);
      g_autoptr(JsonObject) key = NULL;
      g_autoptr(JsonObject) after = NULL;
      g_autofree char *before_text = NULL;
      g_autofree char *after_text = NULL;
      gboolean found;

      if (columns == NULL || (key = object_from_string (row->key, error)) == NULL)
        return 0;
      after = _rapport_journal_read_row (self->store, row->table, columns, key, &found, error);
      if (!found && error != NULL && *error != NULL)
        return 0;

      /* Untouched after all, or created and gone again: nothing to undo. */
      if (row->before == NULL && after == NULL)
        continue;
      if (row->before != NULL && after != NULL && g_str_equal (columns[0], "rowid"))
        json_object_set_int_member (after, "rowid", json_object_get_int_member (row->before, "rowid"));
      if (row->before != NULL && after != NULL && json_object_equal (row->before, after))
        continue;

      before_text = row->before ? object_to_string (row->before) : NULL;
      after_text = after ? object_to_string (after) : NULL;

      sqlite3_bind_int64 (insert, 1, journal_id);
      sqlite3_bind_int64 (insert, 2, seq++);
      _rapport_bind_text (insert, 3, row->table);
      _rapport_bind_text (insert, 4, row->key);
      _rapport_bind_text (insert, 5, before_text);
      _rapport_bind_text (insert, 6, after_text);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return _rapport_store_set_error (self->store, error);
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
    }

  return journal_id;
}

/* Undo */

typedef RapportJournalRow UndoRow;

static void
undo_row_free (gpointer data)
{
  UndoRow *row = data;

  g_free (row->table);
  g_strfreev (row->columns);
  g_clear_pointer (&row->key, json_object_unref);
  g_clear_pointer (&row->before, json_object_unref);
  g_clear_pointer (&row->after, json_object_unref);
  g_free (row);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (JSON_NODE_HOLDS_NULL (a) || JSON_NODE_HOLDS_NULL (b))
    return JSON_NODE_HOLDS_NULL (a) && JSON_NODE_HOLDS_NULL (b);

  return json_node_equal (a, b);
}

/* Columns that say when and whether a row changed rather than what it
 * holds: another change since the operation does not stand in the way of
 * its undo. */
static gboolean
is_bookkeeping (const char *column)
{
  return g_str_equal (column, "updated_at") || g_str_equal (column, "sync_dirty");
}

/* The columns the operation changed in a row it kept. */
static GPtrArray *
changed_columns (UndoRow *row)
{
  GPtrArray *changed = g_ptr_array_new ();
  /* The names belong to the after-image, which undo never edits. */
  g_autoptr(GList) names = json_object_get_members (row->after);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "rowid"))
        continue;
      if (!nodes_equal (json_object_get_member (row->before, l->data),
                        json_object_get_member (row->after, l->data)))
        g_ptr_array_add (changed, l->data);
    }

  return changed;
}

/* Has anything changed, since the operation, what undo would set back? */
static gboolean
still_as_left (RapportStore  *store,
               UndoRow       *row,
               gboolean      *unchanged,
               GError       **error)
{
  g_autoptr(JsonObject) now = NULL;
  gboolean found;

  *unchanged = TRUE;
  now = _rapport_journal_read_row (store, row->table, (const char * const *) row->columns, row->key, &found, error);
  if (!found && error != NULL && *error != NULL)
    return FALSE;

  if (row->before == NULL)
    return TRUE;            /* created: deleting it again is always possible */

  if (row->after == NULL)
    {
      *unchanged = !found;  /* deleted: nobody has put one back */
      return TRUE;
    }

  if (!found)
    {
      *unchanged = FALSE;
      return TRUE;
    }

  {
    g_autoptr(GPtrArray) changed = changed_columns (row);

    for (guint i = 0; i < changed->len; i++)
      {
        const char *column = g_ptr_array_index (changed, i);

        if (!is_bookkeeping (column) &&
            !nodes_equal (json_object_get_member (now, column), json_object_get_member (row->after, column)))
          *unchanged = FALSE;
      }
  }

  return TRUE;
}

static gboolean
delete_row (RapportStore  *store,
            UndoRow       *row,
            GError       **error)
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

static gboolean
insert_row (RapportStore  *store,
            UndoRow       *row,
            gboolean       replace,
            GError       **error)
{
  g_autofree char *quoted = _rapport_journal_quote_identifier (row->table);
  g_autoptr(GList) names = json_object_get_members (row->before);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(RapportStatement) stmt = NULL;
  guint n = 0;

  g_string_append_printf (sql, "INSERT%s INTO %s (", replace ? " OR REPLACE" : "", quoted);
  for (const GList *l = names; l != NULL; l = l->next, n++)
    {
      g_autofree char *column = _rapport_journal_quote_identifier (l->data);

      g_string_append_printf (sql, "%s%s", n ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  stmt = _rapport_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  n = 0;
  for (const GList *l = names; l != NULL; l = l->next, n++)
    _rapport_journal_bind_node (stmt, n + 1, json_object_get_member (row->before, l->data));

  return sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (store, error);
}

/* Sets @columns of the row back to their before-image. */
static gboolean
update_row (RapportStore  *store,
            UndoRow       *row,
            GPtrArray     *columns,
            GError       **error)
{
  g_autofree char *quoted = _rapport_journal_quote_identifier (row->table);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(RapportStatement) stmt = NULL;
  guint n_keys = g_strv_length (row->columns);
  guint n = 0;

  if (columns->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", quoted);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *column = _rapport_journal_quote_identifier (g_ptr_array_index (columns, i));

      g_string_append_printf (sql, "%s%s = ?%u", i ? ", " : "", column, n_keys + i + 1);
    }
  {
    g_autofree char *where = _rapport_journal_key_condition ((const char * const *) row->columns);

    g_string_append_printf (sql, " WHERE %s", where);
  }

  stmt = _rapport_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  _rapport_journal_bind_key (stmt, (const char * const *) row->columns, row->key);
  for (guint i = 0; i < columns->len; i++, n++)
    _rapport_journal_bind_node (stmt, n_keys + n + 1, json_object_get_member (row->before, g_ptr_array_index (columns, i)));

  return sqlite3_step (stmt) == SQLITE_DONE || _rapport_store_set_error (store, error);
}

static GPtrArray *
all_columns (UndoRow *row)
{
  GPtrArray *columns = g_ptr_array_new ();
  g_autoptr(GList) names = json_object_get_members (row->before);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "rowid"))
        g_ptr_array_add (columns, l->data);
    }

  return columns;
}

static GPtrArray *
load_rows (RapportStore  *store,
           gint64         journal_id,
           GHashTable    *cache,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (undo_row_free);
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store,
                                 "SELECT table_name, row_key, before, after FROM change_journal_rows "
                                 "WHERE journal_id = ? ORDER BY seq",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, journal_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UndoRow *row = g_new0 (UndoRow, 1);
      const char * const *columns;

      g_ptr_array_add (rows, row);
      row->table = g_strdup (_rapport_column_text (stmt, 0));
      columns = key_columns (cache, store, row->table, error);
      if (columns == NULL)
        return NULL;
      row->columns = g_strdupv ((char **) columns);
      row->key = object_from_string (_rapport_column_text (stmt, 1), error);
      if (row->key == NULL)
        return NULL;
      if (_rapport_column_text (stmt, 2) != NULL &&
          (row->before = object_from_string (_rapport_column_text (stmt, 2), error)) == NULL)
        return NULL;
      if (_rapport_column_text (stmt, 3) != NULL &&
          (row->after = object_from_string (_rapport_column_text (stmt, 3), error)) == NULL)
        return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * _rapport_journal_load:
 *
 * Returns: (transfer full) (element-type RapportJournalRow): the rows the
 *   operation touched, in the order it saved them
 */
GPtrArray *
_rapport_journal_load (RapportStore  *store,
                       gint64         journal_id,
                       GError       **error)
{
  g_autoptr(GHashTable) cache = key_cache_new ();

  return load_rows (store, journal_id, cache, error);
}

/* Announces what the undo changed: each row, and the member it belongs
 * to. */
static void
announce (RapportStore *store,
          UndoRow      *row)
{
  JsonObject *image = row->before ? row->before : row->after;
  RapportChangeKind kind;
  gint64 id = 0;

  if (row->before == NULL)
    kind = RAPPORT_CHANGE_DELETED;
  else if (row->after == NULL)
    kind = RAPPORT_CHANGE_INSERTED;
  else
    kind = RAPPORT_CHANGE_UPDATED;

  if (row->columns[1] == NULL)
    {
      JsonNode *node = json_object_get_member (row->key, row->columns[0]);

      if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
        id = json_node_get_int (node);
    }
  rapport_store_emit_changed (store, row->table, id, kind);

  if (image != NULL && json_object_has_member (image, "member_id") &&
      json_node_get_value_type (json_object_get_member (image, "member_id")) == G_TYPE_INT64)
    rapport_store_emit_changed (store, "members", json_object_get_int_member (image, "member_id"),
                                RAPPORT_CHANGE_UPDATED);
}

/* Journal entries from before schema 10: a JSON array of {table, rows}
 * holding what a delete removed. */
static gboolean
restore_snapshot (RapportStore  *store,
                  const char    *payload,
                  GError       **error)
{
  g_autoptr(JsonNode) root = json_from_string (payload, error);
  g_autoptr(GHashTable) cache = key_cache_new ();
  JsonArray *groups;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("The undo journal holds a snapshot that is not a list"));
      return FALSE;
    }

  groups = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);
      const char *table = group ? json_object_get_string_member_with_default (group, "table", NULL) : NULL;
      JsonArray *rows = group ? json_object_get_array_member (group, "rows") : NULL;

      if (table == NULL || rows == NULL)
        continue;

      for (guint k = 0; k < json_array_get_length (rows); k++)
        {
          UndoRow row = { 0 };
          const char * const *columns = key_columns (cache, store, table, error);

          if (columns == NULL)
            return FALSE;
          row.table = (char *) table;
          row.before = json_array_get_object_element (rows, k);
          row.columns = (char **) columns;
          if (row.before == NULL)
            continue;
          /* A row that only pointed at the member (a conduct report) is
           * still there: replace it. */
          if (!insert_row (store, &row, TRUE, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
recount_member (RapportStore *store,
                gint64        member_id)
{
  g_autoptr(RapportStatement) recount = NULL;

  /* Restored activities ran the counting trigger on top of the restored
   * counters: count afresh. */
  recount = _rapport_store_prepare (store,
                                    "UPDATE members SET "
                                    "activity_count = (SELECT count(*) FROM activities WHERE member_id = ?1), "
                                    "last_active_at = (SELECT max (occurred_at) FROM activities WHERE member_id = ?1) "
                                    "WHERE id = ?1",
                                    NULL);
  if (recount == NULL)
    return;
  sqlite3_bind_int64 (recount, 1, member_id);
  sqlite3_step (recount);
}

/* What undo sets back in a row the operation changed. A bookkeeping
 * column another change has moved on since keeps the newer "updated_at";
 * a row a sync has sent since becomes unsent again, as it differs from the
 * server's copy once undone. */
static GPtrArray *
restorable_columns (RapportStore  *store,
                    UndoRow       *row,
                    GError       **error)
{
  g_autoptr(GPtrArray) changed = changed_columns (row);
  g_autoptr(JsonObject) now = NULL;
  GPtrArray *columns = g_ptr_array_new ();
  gboolean found;

  now = _rapport_journal_read_row (store, row->table, (const char * const *) row->columns, row->key, &found, error);
  if (!found)
    {
      g_ptr_array_unref (columns);
      return error != NULL && *error != NULL ? NULL : g_ptr_array_ref (changed);
    }

  for (guint i = 0; i < changed->len; i++)
    {
      const char *column = g_ptr_array_index (changed, i);
      gboolean moved_on = !nodes_equal (json_object_get_member (now, column),
                                        json_object_get_member (row->after, column));

      if (moved_on && g_str_equal (column, "updated_at"))
        continue;
      if (moved_on && g_str_equal (column, "sync_dirty"))
        json_object_set_int_member (row->before, column, 1);
      g_ptr_array_add (columns, (gpointer) column);
    }

  return columns;
}

static void
column_list_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/* The generic undo: checks that all of it can be undone, then deletes what
 * the operation created, puts back what it deleted and sets back what it
 * changed. */
static gboolean
put_back (RapportStore  *self,
          GPtrArray     *rows,
          const char    *label,
          GError       **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (column_list_free);
  /* First make sure all of it can be undone. */
  for (guint i = 0; i < rows->len; i++)
    {
      gboolean unchanged;

      if (!still_as_left (self, g_ptr_array_index (rows, i), &unchanged, error))
        return FALSE;
      if (!unchanged)
        {
          if (label != NULL)
            g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                         _("“%s” cannot be undone: what it changed has been changed again since"), label);
          else
            g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                                 _("This cannot be undone: what it changed has been changed again since"));
          return FALSE;
        }
    }

  /* What it created, newest first: rows that point at others go first. */
  for (guint i = rows->len; i > 0; i--)
    {
      UndoRow *row = g_ptr_array_index (rows, i - 1);

      if (row->before == NULL && !delete_row (self, row, error))
        return FALSE;
    }

  /* What it deleted, parents first, as it was saved; what it changed. */
  for (guint i = 0; i < rows->len; i++)
    {
      UndoRow *row = g_ptr_array_index (rows, i);

      if (row->before == NULL)
        {
          g_ptr_array_add (columns, NULL);
          continue;
        }
      if (row->after == NULL)
        {
          if (!insert_row (self, row, FALSE, error))
            return FALSE;
          g_ptr_array_add (columns, all_columns (row));
        }
      else
        {
          GPtrArray *restorable = restorable_columns (self, row, error);

          if (restorable == NULL)
            return FALSE;
          g_ptr_array_add (columns, restorable);
          if (!update_row (self, row, restorable, error))
            return FALSE;
        }
    }

  /* Triggers ran while rows came back (a restored activity counts itself on
   * its member again): set the restored rows to their images once more. */
  for (guint i = 0; i < rows->len; i++)
    {
      UndoRow *row = g_ptr_array_index (rows, i);

      if (row->before == NULL)
        continue;
      if (!update_row (self, row, g_ptr_array_index (columns, i), error))
        return FALSE;
      announce (self, row);
    }

  return TRUE;
}

/**
 * rapport_store_undo:
 * @journal_id: the operation, as the call that made it returned it
 *
 * Undoes one operation, all of it or nothing: deletes the rows it created,
 * puts back the rows it deleted and sets back the columns it changed.
 * Refused when something has changed those columns since (undo the later
 * operation first) or when it was undone already.
 */
gboolean
rapport_store_undo (RapportStore  *self,
                    gint64         journal_id,
                    GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) mark = NULL;
  g_autoptr(GHashTable) cache = key_cache_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *operation = NULL;
  g_autofree char *table = NULL;
  g_autofree char *label = NULL;
  g_autofree char *payload = NULL;
  gint64 row_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  tx = _rapport_transaction_begin (self, TRUE, error);
  if (tx == NULL)
    return FALSE;

  stmt = _rapport_store_prepare (self,
                                 "SELECT operation, table_name, row_id, payload, label, undone_at "
                                 "FROM change_journal WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, journal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no operation %lld to undo"), (long long) journal_id);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to undo: this was undone already"));
      return FALSE;
    }

  operation = g_strdup (_rapport_column_text (stmt, 0));
  table = g_strdup (_rapport_column_text (stmt, 1));
  row_id = sqlite3_column_int64 (stmt, 2);
  payload = g_strdup (_rapport_column_text (stmt, 3));
  label = g_strdup (_rapport_column_text (stmt, 4));
  sqlite3_reset (stmt);

  rows = load_rows (self, journal_id, cache, error);
  if (rows == NULL)
    return FALSE;

  /* Removing an RSVP has an undo of its own: the waitlist may have moved
   * on since (rapport-rsvps.c). */
  if (g_str_equal (operation, "remove-rsvp"))
    {
      if (!_rapport_events_undo_removal (self, rows, error))
        return FALSE;
    }
  /* So has a merge: it puts rows back by their keys, whatever the
   * survivor has gained since (rapport-merge.c). */
  else if (g_str_equal (operation, "merge-members"))
    {
      if (!_rapport_people_undo_merge (self, rows, label, error))
        return FALSE;
    }
  else if (!put_back (self, rows, label, error))
    return FALSE;

  if (payload != NULL && !g_str_equal (payload, "[]"))
    {
      if (!restore_snapshot (self, payload, error))
        return FALSE;
      if (g_str_equal (operation, "delete-member"))
        {
          recount_member (self, row_id);
          rapport_store_emit_changed (self, "members", row_id, RAPPORT_CHANGE_INSERTED);
        }
      else
        {
          gint64 member_id = _rapport_store_query_int64 (self, "SELECT member_id FROM notes WHERE id = ?", row_id);

          rapport_store_emit_changed (self, table, row_id, RAPPORT_CHANGE_INSERTED);
          if (member_id > 0)
            rapport_store_emit_changed (self, "members", member_id, RAPPORT_CHANGE_UPDATED);
        }
    }

  mark = _rapport_store_prepare (self, "UPDATE change_journal SET undone_at = unixepoch () WHERE id = ?", error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int64 (mark, 1, journal_id);
  if (sqlite3_step (mark) != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      return FALSE;
    }

  return _rapport_transaction_commit (tx, error);

}

/**
 * rapport_store_list_operations:
 * @limit: at most this many, newest first
 *
 * The operations in the journal that can still be undone, newest first.
 *
 * Returns: (transfer full) (element-type RapportOperation): the operations
 */
GPtrArray *
rapport_store_list_operations (RapportStore  *self,
                               guint          limit,
                               GError       **error)
{
  g_autoptr(GPtrArray) operations = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_operation_free);
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = _rapport_store_prepare (self,
                                 "SELECT id, created_at, operation, label FROM change_journal "
                                 "WHERE undone_at IS NULL ORDER BY id DESC LIMIT ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (operations,
                     rapport_operation_new (sqlite3_column_int64 (stmt, 0),
                                            sqlite3_column_int64 (stmt, 1),
                                            _rapport_column_text (stmt, 2),
                                            _rapport_column_text (stmt, 3)));

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&operations);
}
