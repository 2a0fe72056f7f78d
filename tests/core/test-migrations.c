/* test-migrations.c
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

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-member.h"
#include "rapport-store-private.h"

static char *
make_db_from_fixture (const char *dir,
                      const char *fixture)
{
  g_autofree char *fixture_path = g_build_filename (FIXTURES_DIR, fixture, NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return path;
}

static char *
schema_of (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, sql FROM sqlite_schema "
                                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s: %s\n",
                            sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static int
user_version_of (const char *path)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

static void
test_upgrade_v1_with_data (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from_fixture (dir, "rapport-v1.sql");
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autofree char *fresh_dir = g_dir_make_tmp ("rapport-fresh-XXXXXX", NULL);
  g_autofree char *fresh_path = g_build_filename (fresh_dir, "rapport.db", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) fresh = NULL;
  g_autoptr(RapportMember) amara = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) emails = NULL;
  RapportStoreCounts counts;

  g_assert_cmpint (user_version_of (path), ==, 1);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_version (store), ==, rapport_store_get_latest_version ());

  /* A backup of version 1 was taken first, with all its data. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (user_version_of (backup), ==, 1);

  /* The data came through. */
  rapport_store_get_counts (store, &counts, &error);
  g_assert_cmpint (counts.members, ==, 3);
  g_assert_cmpint (counts.emails, ==, 3);
  g_assert_cmpint (counts.activities, ==, 2);
  amara = rapport_store_get_member (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (amara), ==, "Amara Okafor");
  g_assert_cmpstr (rapport_member_get_organization (amara), ==, "Lumen Labs");
  g_assert_cmpstr (rapport_member_get_stage (amara), ==, "Contributor");
  g_assert_cmpstr (rapport_member_get_custom (amara, "T-shirt"), ==, "M");
  g_assert_cmpint (rapport_member_get_activity_count (amara), ==, 2);
  emails = rapport_store_list_emails (store, 1);
  g_assert_cmpstrv (emails, ((const char * const[]) { "amara@lumen.example", "amara.o@example.org", NULL }));

  /* The search index was built from the existing rows. */
#define FIND(text, id) \
  G_STMT_START { \
    found = rapport_store_search (store, text, 10, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (found->len, ==, 1); \
    g_assert_cmpint (rapport_member_get_id (g_ptr_array_index (found, 0)), ==, id); \
    g_clear_pointer (&found, g_ptr_array_unref); \
  } G_STMT_END
  FIND ("amarao", 1);
  FIND ("amara.o", 1);
  FIND ("soren_k", 2);
  FIND ("fosdem", 2);
  FIND ("nunoa", 3);
  FIND ("translator", 3);
  FIND ("speaker", 1);
#undef FIND

  /* An upgraded file has exactly the schema of a new one. */
  fresh = rapport_store_new (fresh_path, &error);
  g_assert_no_error (error);
  migrated_schema = schema_of (path);
  fresh_schema = schema_of (fresh_path);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  /* Opening an up-to-date file again takes no new backup. */
  g_clear_object (&store);
  g_unlink (backup);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_every_step (void)
{
  /* Open databases stopped at each schema version and bring them up. */
  for (int v = 0; v < rapport_store_get_latest_version (); v++)
    {
      g_autofree char *dir = g_dir_make_tmp ("rapport-step-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;
      sqlite3 *db;

      store = rapport_store_new (path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      /* Pretend the file stopped at version v by replaying only the first v
       * files into a new database. */
      g_unlink (path);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      for (int k = 0; k < v; k++)
        {
          guint n_files;
          const char * const *files = _rapport_store_get_migrations (&n_files);
          g_autofree char *resource = g_strdup_printf ("%s/sql/%s", RESOURCE_PATH, files[k]);
          g_autoptr(GBytes) bytes = NULL;

          /* The resource is registered once a store has been opened. */
          bytes = g_resources_lookup_data (resource, 0, &error);
          g_assert_no_error (error);
          sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
          g_clear_pointer (&sql, g_free);
        }
      sql = g_strdup_printf ("PRAGMA user_version = %d", v);
      sqlite3_exec (db, sql, NULL, NULL, NULL);
      sqlite3_close (db);

      store = rapport_store_new (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rapport_store_get_version (store), ==, rapport_store_get_latest_version ());
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/migrations/upgrade-v1", test_upgrade_v1_with_data);
  g_test_add_func ("/rapport/migrations/every-step", test_every_step);

  return g_test_run ();
}
