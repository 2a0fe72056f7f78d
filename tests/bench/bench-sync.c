/* bench-sync.c
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

/* HubSpot sync against the local mock, rate limiting off: pulls of 1,000,
 * 10,000, 30,000 and 60,000 contacts into fresh databases, and a push of
 * the 10,000 members back. Prints wall time, CPU time per contact in this
 * process (the mock runs in its own), and peak RSS, which must not grow
 * with the number of contacts: pages are streamed. Each size runs in a
 * process of its own, so each peak is that sync's alone.
 *
 * Usage: bench-sync MOCK_PROGRAM [CONTACTS [--push]] (run inside a session
 * with a Secret Service; meson runs it through build-aux/test-session). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "rapport-account.h"
#include "rapport-store.h"
#include "rapport-sync-engine.h"

#define TOKEN "bench-token"

typedef struct
{
  GSubprocess *mock;
  char        *url;
} Mock;

static Mock
start_mock (const char *program,
            guint       contacts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *n = g_strdup_printf ("%u", contacts);
  g_autoptr(GDataInputStream) input = NULL;
  Mock mock = { 0 };

  mock.mock = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                program, "--contacts", n, "--companies", "50", "--token", TOKEN, NULL);
  g_assert_no_error (error);
  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (mock.mock));
  mock.url = g_data_input_stream_read_line_utf8 (input, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mock.url);

  return mock;
}

static void
stop_mock (Mock *mock)
{
  g_subprocess_send_signal (mock->mock, SIGTERM);
  g_subprocess_wait (mock->mock, NULL, NULL);
  g_clear_object (&mock->mock);
  g_clear_pointer (&mock->url, g_free);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
sync_once (RapportSyncEngine    *engine,
           gint64                account_id,
           RapportSyncDirection  direction,
           const char           *label,
           guint                 contacts)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  double wall;
  sqlite3_int64 sqlite_now;
  sqlite3_int64 sqlite_peak;

  sqlite3_status64 (SQLITE_STATUS_MEMORY_USED, &sqlite_now, &sqlite_peak, TRUE);
  rapport_sync_engine_run_async (engine, account_id, direction, NULL, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!rapport_sync_engine_run_finish (engine, result, &error))
    g_error ("%s failed: %s", label, error->message);

  wall = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  sqlite3_status64 (SQLITE_STATUS_MEMORY_USED, &sqlite_now, &sqlite_peak, FALSE);
  g_print ("%s %u contacts: wall %.2f s, CPU %.2f s, %.1f µs CPU per contact, "
           "%" G_GUINT64_FORMAT " requests, peak RSS %ld KiB (SQLite's share %" G_GINT64_FORMAT " KiB)\n",
           label, contacts, wall, cpu, cpu * 1e6 / contacts,
           rapport_sync_engine_get_requests (engine), peak_rss_kib (), (gint64) sqlite_peak / 1024);
}

static void
run (const char *program,
     const char *dir,
     guint       contacts,
     gboolean    push)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("sync-%u.db", contacts);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportSyncEngine) engine = NULL;
  g_autoptr(RapportAccount) account = NULL;
  Mock mock = start_mock (program, contacts);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  account = rapport_account_add (store, "hubspot", "Bench", mock.url, 0, TOKEN, &error);
  g_assert_no_error (error);
  engine = rapport_sync_engine_new (store);

  sync_once (engine, rapport_account_get_id (account), RAPPORT_SYNC_PULL, "pull", contacts);
  if (push)
    sync_once (engine, rapport_account_get_id (account), RAPPORT_SYNC_PUSH, "push", contacts);

  rapport_account_remove (store, rapport_account_get_id (account), NULL);
  stop_mock (&mock);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  setlocale (LC_ALL, "");
  if (argc < 2 || argc > 4)
    {
      g_printerr ("Usage: bench-sync MOCK_PROGRAM [CONTACTS [--push]]\n");
      return 2;
    }

  if (argc == 2)
    {
      /* Larger pulls show how peak memory follows the number of contacts. */
      static const char * const sizes[][2] = {
        { "1000", NULL }, { "10000", "--push" }, { "30000", NULL }, { "60000", NULL },
      };

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autoptr(GSubprocess) child = NULL;

          child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                    argv[0], argv[1], sizes[i][0], sizes[i][1], NULL);
          g_assert_no_error (error);
          if (!g_subprocess_wait_check (child, NULL, &error))
            g_error ("bench-sync %s: %s", sizes[i][0], error->message);
        }
      return 0;
    }

  dir = g_dir_make_tmp ("rapport-bench-sync-XXXXXX", &error);
  g_assert_no_error (error);

  run (argv[1], dir, (guint) g_ascii_strtoull (argv[2], NULL, 10),
       argc == 4 && g_str_equal (argv[3], "--push"));

  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, entry, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
