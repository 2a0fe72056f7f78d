/* test-push-leak.c
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

/* A HubSpot push, run through the connector without the engine or the
 * keyring, in a program built with LeakSanitizer: whatever a push
 * allocates and loses fails the test when the program exits. */

#include "config.h"

#include <glib/gstdio.h>
#include <sanitizer/lsan_interface.h>
#include <sqlite3.h>

#include "rapport-connector.h"
#include "rapport-http.h"
#include "rapport-mock-hubspot.h"
#include "rapport-store.h"

#define TOKEN "pat-na1-leak-test-token"
#define N_MEMBERS 300

static void
exec (const char *path,
      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
run_direction (RapportConnector     *connector,
               RapportSyncRun       *run,
               RapportSyncDirection  direction)
{
  g_autoptr(GError) error = NULL;
  const char * const *streams;

  g_assert_true (rapport_connector_prepare (connector, run, direction, &error));
  g_assert_no_error (error);

  streams = rapport_connector_get_streams (connector, direction);
  for (guint i = 0; streams != NULL && streams[i] != NULL; i++)
    {
      g_autofree char *cursor = NULL;

      for (;;)
        {
          g_autoptr(RapportSyncPage) page = NULL;

          page = rapport_connector_fetch_page (connector, run, streams[i], cursor, 0, &error);
          g_assert_no_error (error);
          g_assert_nonnull (page);
          g_assert_true (rapport_store_begin (run->store, &error));
          g_assert_true (rapport_connector_apply_page (connector, run, streams[i], page, &error));
          g_assert_no_error (error);
          g_assert_true (rapport_sync_run_set_state (run, streams[i], page->next_cursor, &error));
          g_assert_true (rapport_store_commit (run->store, &error));
          g_assert_no_error (error);

          if (page->next_cursor == NULL)
            break;
          g_free (cursor);
          cursor = g_steal_pointer (&page->next_cursor);
        }
    }
}

static void
test_push_leaks_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-leak-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *account = NULL;
  RapportMockHubspot *mock = rapport_mock_hubspot_new (TOKEN, 3, 1);
  RapportStore *store;
  RapportHttp *http;
  RapportConnector *connector;
  RapportSyncRun run = { 0 };

  g_assert_no_error (error);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  /* The account row only; the token goes straight to the session. */
  account = g_strdup_printf ("INSERT INTO accounts (id, connector, name, base_url, settings) "
                             "VALUES (1, 'hubspot', 'Leak', '%s', '{}');",
                             rapport_mock_hubspot_get_url (mock));
  exec (path, account);
  /* Members of Rapport's own, each with an email; one HubSpot knows, one
   * it refuses. */
  exec (path,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " G_STRINGIFY (N_MEMBERS) ") "
        "INSERT INTO members (id, name, sort_name, stage_id, score, activity_count, last_active_at) "
        "SELECT i, 'Local ' || i, 'local ' || i, 3, i / 2.0, i, 1767225600 FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < " G_STRINGIFY (N_MEMBERS) " - 1) "
        "INSERT INTO emails (member_id, address, is_primary) SELECT i, 'local' || i || '@example.net', 1 FROM n;"
        "INSERT INTO emails (member_id, address, is_primary) VALUES (1, 'person0@example.org', 1);"
        "INSERT INTO emails (member_id, address, is_primary) VALUES (" G_STRINGIFY (N_MEMBERS) ", 'not-an-address', 1);");

  http = rapport_http_new ("HubSpot", rapport_mock_hubspot_get_url (mock), TOKEN, 0, 10);
  connector = rapport_connector_new_for_id ("hubspot");
  run.store = store;
  run.http = http;
  run.account_id = 1;
  run.failures = g_ptr_array_new_with_free_func (g_free);

  run_direction (connector, &run, RAPPORT_SYNC_PUSH);
  g_assert_cmpuint (run.pushed, ==, N_MEMBERS - 1);
  g_assert_cmpuint (run.failed, ==, 1);
  g_assert_cmpuint (rapport_mock_hubspot_get_n_contacts (mock), ==, 3 + N_MEMBERS - 2);

  g_ptr_array_unref (run.failures);
  g_object_unref (connector);
  g_object_unref (http);
  g_object_unref (store);
  rapport_mock_hubspot_free (mock);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }

  /* Leaks of the push, now rather than at exit, so they fail this test. */
  g_assert_cmpint (__lsan_do_recoverable_leak_check (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/sync/hubspot/push-leaks-nothing", test_push_leaks_nothing);

  return g_test_run ();
}
