/* bench-scoring.c
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

/* Engagement scoring: a full rescore of a sample community of 100,000
 * members and 1,000,000 activities (target < 2 s), beside the same sums
 * done by one UPDATE in the sqlite3 shell; an incremental update of one
 * member (target < 1 ms, p50/p95 over 1,000 members); and the what-if
 * preview of new weights.
 *
 * Usage: bench-scoring [SQLITE3] [MEMBERS:ACTIVITIES…]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-demo.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

#define N_UPDATES 1000
#define N_RESCORES 3
#define TARGET_FULL_S 2.0
#define TARGET_UPDATE_MS 1.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value below which @p of the sorted @values fall (nearest rank). */
static double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) ceil (p * sorted->len);

  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

static void
report_ms (const char *label,
           const char *what,
           GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("scoring %s %s: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms (%u members)\n",
           label, what, percentile (times, 0.50), percentile (times, 0.95),
           percentile (times, 0.99), g_array_index (times, double, times->len - 1), times->len);
}

/* The scores alone (no levels) in one statement, run by the sqlite3 shell
 * on the same file with .timer on. Returns the shell's "real" time in s, or
 * -1 without a shell or without pow() in it. */
static double
time_shell (const char *sqlite3_path,
            const char *db_path,
            const char *dir,
            gint64      now)
{
  g_autofree char *script = g_build_filename (dir, "rescore.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *read = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  double total = 0;
  int status = 0;

  if (sqlite3_path == NULL || !g_file_test (sqlite3_path, G_FILE_TEST_IS_EXECUTABLE))
    return -1;

  sql = g_strdup_printf ("BEGIN;\n"
                         ".timer on\n"
                         "UPDATE members SET score = s.total FROM ("
                         "  SELECT a.member_id AS mid,"
                         "         sum (coalesce (wp.weight, wk.weight, wf.weight, 1) *"
                         "              pow (0.9, max (0, %" G_GINT64_FORMAT " - a.occurred_at) / 2629800.0)) AS total"
                         "    FROM activities a"
                         "    LEFT JOIN score_weights wp ON wp.kind = a.kind AND wp.platform = a.platform"
                         "    LEFT JOIN score_weights wk ON wk.kind = a.kind AND wk.platform = ''"
                         "    LEFT JOIN score_weights wf ON wf.kind = '*' AND wf.platform = ''"
                         "   GROUP BY a.member_id) AS s"
                         " WHERE s.mid = members.id;\n"
                         ".timer off\n"
                         "ROLLBACK;\n",
                         now);
  if (!g_file_set_contents (script, sql, -1, &error))
    g_error ("%s", error->message);

  read = g_strdup_printf (".read %s", script);
  if (!g_spawn_sync (NULL, (char *[]) { (char *) sqlite3_path, (char *) db_path, read, NULL },
                     NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("sqlite3: %s", error->message);
  g_unlink (script);

  if (!g_spawn_check_wait_status (status, NULL) || strstr (err, "no such function") != NULL)
    {
      g_print ("scoring: the sqlite3 shell could not run the rescore: %s", err);
      return -1;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Run Time: real "))
      total += g_ascii_strtod (lines[i] + strlen ("Run Time: real "), NULL);

  return total;
}

/* A thousand members spread over the id range, so both the many with a few
 * activities and the few with thousands are in. */
static GArray *
pick_members (RapportStore *store)
{
  g_autoptr(RapportStatement) stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 count;

  stmt = _rapport_store_prepare (store, "SELECT count(*) FROM members", NULL);
  g_assert (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _rapport_statement_release);

  stmt = _rapport_store_prepare (store, "SELECT id FROM members WHERE id % ?1 = 0 ORDER BY id LIMIT ?2", NULL);
  g_assert (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, MAX (1, count / N_UPDATES));
  sqlite3_bind_int (stmt, 2, N_UPDATES);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  return ids;
}

static void
bench (const char *sqlite3_path,
       guint       n_members,
       guint       n_activities)
{
  RapportDemoOptions options = { n_members, n_activities, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-bench-scoring-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportScoring) scoring = NULL;
  g_autoptr(RapportScoreWeights) weights = NULL;
  g_autoptr(GArray) rescores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (double));
  RapportLevelCounts counts;
  RapportLevelPreview preview;
  double full_s;
  double shell_s;
  double p95;
  gint64 now;
  gint64 start;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  label = n_activities % 1000000 == 0 ? g_strdup_printf ("%uM", n_activities / 1000000)
                                      : n_activities % 1000 == 0 ? g_strdup_printf ("%uk", n_activities / 1000)
                                                                 : g_strdup_printf ("%u", n_activities);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!rapport_demo_generate (store, &options, NULL, NULL, NULL, &error))
    g_error ("demo: %s", error->message);
  g_print ("scoring %s: sample community of %u members and %u activities made in %.1f s\n",
           label, n_members, n_activities, (g_get_monotonic_time () - start) / 1e6);

  /* Full rescore, a few times; the first one writes every score. */
  scoring = rapport_scoring_new (store);
  now = rapport_now_unix ();
  for (guint i = 0; i < N_RESCORES; i++)
    {
      double s;

      rapport_scoring_set_reference_time (scoring, now + i * 3600);
      start = g_get_monotonic_time ();
      if (!rapport_scoring_rescore_all (scoring, &counts, NULL, &error))
        g_error ("rescore: %s", error->message);
      s = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (rescores, s);
      g_print ("scoring %s full rescore #%u: %.3f s\n", label, i + 1, s);
    }
  g_print ("scoring %s levels: %u / %u / %u / %u (cutoffs %.2f, %.2f)\n", label,
           counts.levels[0], counts.levels[1], counts.levels[2], counts.levels[3],
           counts.level1_cutoff, counts.level2_cutoff);
  full_s = g_array_index (rescores, double, 0);

  /* Incremental: one member's score from their activities, written back. */
  rapport_scoring_set_reference_time (scoring, 0);
  ids = pick_members (store);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      double ms;

      start = g_get_monotonic_time ();
      if (!rapport_scoring_update_member (scoring, id, &error))
        g_error ("update %" G_GINT64_FORMAT ": %s", id, error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (updates, ms);
    }
  report_ms (label, "rapport_scoring_update_member", updates);
  p95 = percentile (updates, 0.95);

  /* The path an arriving activity takes: the insert, then the update the
   * store's "changed" signal triggers. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      double ms;

      start = g_get_monotonic_time ();
      if (rapport_store_add_activity (store, id, "github", "reply", rapport_now_unix (),
                                      NULL, NULL, NULL, &error) == 0)
        g_error ("add activity: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (arrivals, ms);
    }
  report_ms (label, "rapport_store_add_activity with its score update", arrivals);

  /* What-if: every member scored under two weight sets, nothing written. */
  weights = rapport_scoring_dup_weights (scoring, &error);
  rapport_score_weights_set (weights, "reaction", NULL, 0);
  rapport_score_weights_set (weights, "reply", "github", 9);
  start = g_get_monotonic_time ();
  if (!rapport_scoring_preview_weights (scoring, weights, &preview, NULL, &error))
    g_error ("preview: %s", error->message);
  g_print ("scoring %s preview of new weights: %.3f s (%u members would change level)\n",
           label, (g_get_monotonic_time () - start) / 1e6, preview.changed);

  shell_s = time_shell (sqlite3_path, path, dir, now);
  if (shell_s > 0)
    {
      g_print ("scoring %s sqlite3 shell, one UPDATE with pow() (scores only, no levels): %.3f s\n",
               label, shell_s);
      g_print ("scoring %s ratio rapport_scoring_rescore_all / sqlite3 shell: %.2fx\n",
               label, full_s / shell_s);
    }
  else if (shell_s < 0)
    {
      g_print ("scoring %s: no sqlite3 shell with pow() at “%s”, no comparison\n", label,
               sqlite3_path ? sqlite3_path : "");
    }

  g_print ("scoring %s full rescore: %.3f s (target < %.0f s)%s\n", label, full_s, TARGET_FULL_S,
           full_s < TARGET_FULL_S ? "" : " MISSED");
  g_print ("scoring %s incremental update p95: %.3f ms (target < %.0f ms)%s\n", label, p95,
           TARGET_UPDATE_MS, p95 < TARGET_UPDATE_MS ? "" : " MISSED");

  g_assert_finalize_object (g_steal_pointer (&scoring));
  g_assert_finalize_object (g_steal_pointer (&store));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *sqlite3_path = argc > 1 && argv[1][0] != '\0' ? argv[1] : "/usr/bin/sqlite3";

  setlocale (LC_ALL, "");

  if (argc <= 2)
    {
      bench (sqlite3_path, 100000, 1000000);
      return 0;
    }

  for (int i = 2; i < argc; i++)
    {
      guint64 members = 0;
      guint64 activities = 0;
      g_auto(GStrv) parts = g_strsplit (argv[i], ":", 2);

      if (g_strv_length (parts) != 2 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &members, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &activities, NULL))
        {
          g_printerr ("bench-scoring: “%s” is not MEMBERS:ACTIVITIES\n", argv[i]);
          return 2;
        }
      bench (sqlite3_path, members, activities);
    }

  return 0;
}
