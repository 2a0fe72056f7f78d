/* rapport-test-db.c
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

/* What tests of whole-database operations (undo, merge) compare. */

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-test-db.h"

/* The tables compared: not SQLite's, the journal's own or FTS5's internal
 * ones (the search index is compared by what it holds), nor @skip. */
static GPtrArray *
list_tables (sqlite3            *db,
             const char * const *skip)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'change_journal%' "
                                       "AND name NOT LIKE 'member_search_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (skip == NULL || !g_strv_contains (skip, name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  return tables;
}

/**
 * rapport_test_dump:
 * @skip: (nullable): tables to leave out as well
 *
 * Every table's rows, in key order, as text: what "byte for byte the same
 * database" means in these tests.
 */
char *
rapport_test_dump (sqlite3            *db,
                   const char * const *skip)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = list_tables (db, skip);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *count_sql = g_strdup_printf ("SELECT * FROM \"%s\" LIMIT 0", table);
      g_autoptr(GString) sql = g_string_new (NULL);
      int n;

      g_assert_cmpint (sqlite3_prepare_v2 (db, count_sql, -1, &stmt, NULL), ==, SQLITE_OK);
      n = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);

      g_string_printf (sql, "SELECT * FROM \"%s\" ORDER BY ", table);
      for (int c = 1; c <= n; c++)
        g_string_append_printf (sql, "%s%d", c > 1 ? ", " : "", c);

      g_string_append_printf (out, "== %s\n", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n; c++)
            {
              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_NULL:
                  g_string_append (out, "NULL");
                  break;
                case SQLITE_INTEGER:
                  g_string_append_printf (out, "%lld", (long long) sqlite3_column_int64 (stmt, c));
                  break;
                case SQLITE_FLOAT:
                  g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, c));
                  break;
                default:
                  g_string_append_printf (out, "'%s'", (const char *) sqlite3_column_text (stmt, c));
                  break;
                }
              g_string_append_c (out, c + 1 < n ? '|' : '\n');
            }
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rapport_test_count_rows:
 * @skip: (nullable): tables to leave out as well
 *
 * Returns: (transfer full): table name → its number of rows
 */
GHashTable *
rapport_test_count_rows (sqlite3            *db,
                         const char * const *skip)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tables = list_tables (db, skip);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_hash_table_insert (counts, g_strdup (table), GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
      sqlite3_finalize (stmt);
    }

  return counts;
}

void
rapport_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rapport_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
