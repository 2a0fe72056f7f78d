/* test-demo.c
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

#include "rapport-clock.h"
#include "rapport-demo.h"
#include "rapport-member.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

#define MEMBERS 2000
#define ACTIVITIES 20000

typedef struct
{
  char         *dir;
  RapportStore *store;
} Fixture;

static RapportStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  RapportStore *store = rapport_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f, "rapport.db");
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (rapport_store_get_path (f->store));
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->store);
  remove_database (path);

  /* Databases a test opened beside the main one. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *other = g_build_filename (f->dir, name, NULL);
      g_unlink (other);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
generate (RapportStore *store,
          guint         members,
          guint         activities,
          guint64       seed)
{
  RapportDemoOptions options = { members, activities, seed };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gint64
query_int (RapportStore *store,
           const char   *sql)
{
  sqlite3 *db = _rapport_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static double
query_double (RapportStore *store,
              const char   *sql)
{
  sqlite3 *db = _rapport_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* A SHA-256 of every row @sql returns, all columns as text. */
static char *
checksum (RapportStore *store,
          const char   *sql)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = _rapport_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_checksum_update (sum, (const guchar *) (text ? text : "\\N"), -1);
          g_checksum_update (sum, (const guchar *) "\t", 1);
        }
      rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (rows, >, 0);

  return g_strdup (g_checksum_get_string (sum));
}

#define PEOPLE_SQL \
  "SELECT m.name, m.sort_name, m.title, m.location, m.timezone, m.stage_id, m.activity_count, " \
  "o.name FROM members m LEFT JOIN organizations o ON o.id = m.organization_id ORDER BY m.id"
#define EMAILS_SQL "SELECT member_id, address, is_primary FROM emails ORDER BY member_id, address"
#define HANDLES_SQL "SELECT member_id, platform, handle FROM identities ORDER BY member_id, platform"

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportStore) again = open_store (f, "again.db");
  g_autoptr(RapportStore) other = open_store (f, "other.db");
  g_autofree char *people = NULL;
  g_autofree char *people_again = NULL;
  g_autofree char *people_other = NULL;
  g_autofree char *emails = NULL;
  g_autofree char *emails_again = NULL;
  g_autofree char *handles = NULL;
  g_autofree char *handles_again = NULL;

  generate (f->store, MEMBERS, ACTIVITIES, 7);
  generate (again, MEMBERS, ACTIVITIES, 7);
  generate (other, MEMBERS, ACTIVITIES, 8);

  people = checksum (f->store, PEOPLE_SQL);
  people_again = checksum (again, PEOPLE_SQL);
  people_other = checksum (other, PEOPLE_SQL);
  emails = checksum (f->store, EMAILS_SQL);
  emails_again = checksum (again, EMAILS_SQL);
  handles = checksum (f->store, HANDLES_SQL);
  handles_again = checksum (again, HANDLES_SQL);

  g_assert_cmpstr (people, ==, people_again);
  g_assert_cmpstr (emails, ==, emails_again);
  g_assert_cmpstr (handles, ==, handles_again);
  g_assert_cmpstr (people, !=, people_other);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;

  generate (f->store, MEMBERS, ACTIVITIES, 1);
  rapport_store_get_counts (f->store, &counts, &error);
  g_assert_no_error (error);

  g_assert_cmpint (counts.members, ==, MEMBERS);
  g_assert_cmpint (counts.activities, ==, ACTIVITIES);
  g_assert_cmpint (counts.tags, <=, 6);
  g_assert_cmpint (counts.tags, >=, 4);
  g_assert_cmpint (counts.organizations, >, 50);

  /* Most members have an address, several accounts, about 40% no employer. */
  g_assert_cmpint (counts.emails, >, MEMBERS * 8 / 10);
  g_assert_cmpint (counts.identities, >, MEMBERS * 3 / 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE organization_id IS NULL"),
                   >, MEMBERS * 3 / 10);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE organization_id IS NULL"),
                   <, MEMBERS / 2);

  /* Every stage but the last two is common; the counters match the rows. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE stage_id IN (1, 2)"),
                   >, MEMBERS * 8 / 10);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE stage_id IN (4, 5)"),
                   <, MEMBERS / 20);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members m WHERE activity_count <> "
                                        "(SELECT count(*) FROM activities WHERE member_id = m.id)"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members m WHERE last_active_at IS NOT "
                                        "(SELECT max (occurred_at) FROM activities WHERE member_id = m.id)"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM member_search"), ==, MEMBERS);
}

static void
test_times (Fixture       *f,
            gconstpointer  data)
{
  gint64 now;

  generate (f->store, MEMBERS, ACTIVITIES, 2);
  now = rapport_now_unix ();

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM activities a JOIN members m "
                                        "ON m.id = a.member_id WHERE a.occurred_at < m.joined_at"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT max (occurred_at) FROM activities"), <=, now);
  g_assert_cmpint (query_int (f->store, "SELECT max (joined_at) FROM members"), <=, now);
  g_assert_cmpint (query_int (f->store, "SELECT min (joined_at) FROM members"),
                   >=, now - 3 * 366 * 86400);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE joined_at IS NULL"),
                   ==, 0);
}

static void
test_unique (Fixture       *f,
             gconstpointer  data)
{
  /* The second community lands beside the first and must not clash with it. */
  generate (f->store, MEMBERS, ACTIVITIES, 3);
  generate (f->store, MEMBERS, ACTIVITIES, 3);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members"), ==, 2 * MEMBERS);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM activities"), ==, 2 * ACTIVITIES);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM (SELECT 1 FROM identities "
                                        "GROUP BY platform, lower (handle) HAVING count(*) > 1)"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM (SELECT 1 FROM emails "
                                        "GROUP BY lower (address) HAVING count(*) > 1)"),
                   ==, 0);

  /* Handles come from names and are plain ASCII; addresses never reach a real domain. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM identities "
                                        "WHERE handle GLOB '*[^A-Za-z0-9._-]*' OR handle = ''"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM emails WHERE NOT "
                                        "(address LIKE '%.test' OR address LIKE '%@example.org' OR "
                                        "address LIKE '%@example.com' OR address LIKE '%@example.net')"),
                   ==, 0);
}

static void
test_heavy_tail (Fixture       *f,
                 gconstpointer  data)
{
  gint64 top;

  generate (f->store, MEMBERS, ACTIVITIES, 4);

  top = query_int (f->store, "SELECT sum (activity_count) FROM (SELECT activity_count FROM members "
                             "ORDER BY activity_count DESC LIMIT (SELECT count(*) / 10 FROM members))");
  g_assert_cmpint (top, >, ACTIVITIES * 4 / 10);

  /* Some did nothing, most a handful, a few a lot. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE activity_count = 0"),
                   >, MEMBERS / 20);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members WHERE activity_count "
                                        "BETWEEN 1 AND 10"),
                   >, MEMBERS / 2);
  g_assert_cmpint (query_int (f->store, "SELECT max (activity_count) FROM members"),
                   >, 20 * ACTIVITIES / MEMBERS);

  /* The busiest are further along the pipeline. */
  g_assert_cmpfloat (query_double (f->store, "SELECT avg (activity_count) FROM members WHERE stage_id >= 3"),
                     >, query_double (f->store, "SELECT avg (activity_count) FROM members WHERE stage_id <= 2"));
}

static void
test_rhythm (Fixture       *f,
             gconstpointer  data)
{
  double weekend;
  double weekday;
  double working;
  double night;

  generate (f->store, MEMBERS, ACTIVITIES, 5);

  /* Per day: two weekend days against five weekdays. */
  weekend = query_int (f->store, "SELECT count(*) FROM activities "
                                 "WHERE strftime ('%w', occurred_at, 'unixepoch') IN ('0', '6')") / 2.0;
  weekday = query_int (f->store, "SELECT count(*) FROM activities "
                                 "WHERE strftime ('%w', occurred_at, 'unixepoch') NOT IN ('0', '6')") / 5.0;
  g_assert_cmpfloat (weekend, <, weekday * 0.7);

  /* Working hours in Europe (09:00–14:00 local), against its night (00:00–05:00). */
  working = query_int (f->store, "SELECT count(*) FROM activities a JOIN members m ON m.id = a.member_id "
                                 "WHERE m.timezone LIKE 'Europe/%' AND "
                                 "strftime ('%H', a.occurred_at, 'unixepoch') BETWEEN '09' AND '11'");
  night = query_int (f->store, "SELECT count(*) FROM activities a JOIN members m ON m.id = a.member_id "
                               "WHERE m.timezone LIKE 'Europe/%' AND "
                               "strftime ('%H', a.occurred_at, 'unixepoch') BETWEEN '00' AND '02'");
  g_assert_cmpfloat (working, >, night * 3);

  /* Platforms have their own kinds of activity. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM activities WHERE kind IN "
                                        "('pull-request', 'issue') AND platform <> 'github'"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM activities WHERE kind = 'message' "
                                        "AND platform NOT IN ('slack', 'discord')"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(DISTINCT kind) FROM activities"), ==, 7);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint64       last_done;
  guint64       total;
  GThread      *thread;
  gboolean      wrong_thread;
} Progress;

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  g_assert_cmpuint (done, >=, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->last_done = done;
  progress->total = total;
  if (progress->thread != NULL && g_thread_self () != progress->thread)
    progress->wrong_thread = TRUE;
  if (progress->cancellable != NULL)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  RapportDemoOptions options = { MEMBERS, ACTIVITIES, 9 };
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert_true (rapport_demo_generate (f->store, &options, on_progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.calls, <=, 2 + (guint) (seconds * 20));
  g_assert_cmpuint (progress.last_done, ==, MEMBERS);
  g_assert_cmpuint (progress.total, ==, MEMBERS);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  RapportDemoOptions options = { MEMBERS, ACTIVITIES, 10 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancellable = cancellable };
  RapportStoreCounts counts;

  g_assert_false (rapport_demo_generate (f->store, &options, on_progress_cb, &progress,
                                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.last_done, <, MEMBERS);

  g_assert_true (rapport_store_get_counts (f->store, &counts, NULL));
  g_assert_cmpint (counts.members, ==, 0);
  g_assert_cmpint (counts.activities, ==, 0);
  g_assert_cmpint (counts.identities, ==, 0);
  g_assert_cmpint (counts.emails, ==, 0);
  g_assert_cmpint (counts.organizations, ==, 0);
  g_assert_cmpint (counts.tags, ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM member_search"), ==, 0);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  RapportDemoOptions options = { 0, 10, 1 };
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_demo_generate (f->store, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members"), ==, 0);

  /* Nothing asked, nothing done, no error. */
  generate (f->store, 0, 0, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members"), ==, 0);
}

typedef struct
{
  guint         reloads;
  guint         other_changes;
  GAsyncResult *result;
} Changes;

static void
on_store_changed_cb (RapportStore *store,
                     const char   *table,
                     gint64        row_id,
                     int           kind,
                     gpointer      user_data)
{
  Changes *changes = user_data;

  if (kind == RAPPORT_CHANGE_RELOAD && g_str_equal (table, "members") && row_id == 0)
    changes->reloads++;
  else
    changes->other_changes++;
}

static void
on_generated_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Changes *changes = user_data;

  changes->result = g_object_ref (result);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  RapportDemoOptions options = { MEMBERS, ACTIVITIES, 11 };
  g_autoptr(GError) error = NULL;
  Progress progress = { .thread = g_thread_self () };
  Changes changes = { 0 };
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *first_name = NULL;
  gulong handler;

  handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed_cb), &changes);
  rapport_demo_generate_async (f->store, &options, on_progress_cb, &progress, NULL,
                               on_generated_cb, &changes);
  while (changes.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (rapport_demo_generate_finish (f->store, changes.result, &error));
  g_assert_no_error (error);
  g_clear_object (&changes.result);

  g_assert_cmpuint (changes.reloads, ==, 1);
  g_assert_cmpuint (changes.other_changes, ==, 0);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.last_done, ==, MEMBERS);
  g_assert_false (progress.wrong_thread);
  g_signal_handler_disconnect (f->store, handler);

  /* The main connection sees the community, and search finds its people. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members"), ==, MEMBERS);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_rapport_store_get_db (f->store),
                                         "SELECT name FROM members ORDER BY id LIMIT 1", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    first_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  found = rapport_store_search (f->store, first_name, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/demo/deterministic", test_deterministic);
  ADD ("/rapport/demo/counts", test_counts);
  ADD ("/rapport/demo/times", test_times);
  ADD ("/rapport/demo/unique", test_unique);
  ADD ("/rapport/demo/heavy-tail", test_heavy_tail);
  ADD ("/rapport/demo/rhythm", test_rhythm);
  ADD ("/rapport/demo/progress", test_progress);
  ADD ("/rapport/demo/cancel", test_cancel);
  ADD ("/rapport/demo/invalid", test_invalid);
  ADD ("/rapport/demo/async", test_async);

#undef ADD

  return g_test_run ();
}
