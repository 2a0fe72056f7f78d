/* bench-search.c
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

/* Search latency: rapport_store_search() over about a thousand queries a
 * person would type, on sample communities of 100,000 and 1,000,000
 * members, beside the raw FTS5 query in-process and in the sqlite3 shell.
 *
 * Usage: bench-search [SQLITE3] [MEMBERS:ACTIVITIES…]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "rapport-demo.h"
#include "rapport-store-private.h"
#include "rapport-store.h"
#include "rapport-util.h"

#define N_QUERIES 1000
#define N_WARM_UP 100
#define LIMIT 20
#define TARGET_P95_MS 5.0

typedef struct
{
  char       *text;
  const char *shape;
  double      ms;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->text);
  g_free (query);
}

static const char * const shapes[] = {
  "given name", "family name", "handle", "email", "organization", "two words",
};

static char *
prefix (GRand      *rand,
        const char *word,
        int         min,
        int         max)
{
  glong length = g_utf8_strlen (word, -1);
  glong n = MIN (length, g_rand_int_range (rand, min, max + 1));

  return g_utf8_substring (word, 0, n);
}

/* Queries made from the data: the start of a given name, a family name, a
 * handle, an email address or an organization, or two words ("ana gon"). */
static GPtrArray *
make_queries (RapportStore *store)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (query_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 count;
  gint64 step;

  stmt = _rapport_store_prepare (store, "SELECT count(*) FROM members", NULL);
  g_assert (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  step = MAX (1, count / N_QUERIES);
  g_clear_pointer (&stmt, _rapport_statement_release);

  stmt = _rapport_store_prepare (store,
                                 "SELECT m.name, "
                                 "  (SELECT handle FROM identities WHERE member_id = m.id LIMIT 1), "
                                 "  (SELECT address FROM emails WHERE member_id = m.id LIMIT 1), "
                                 "  (SELECT name FROM organizations WHERE id = m.organization_id) "
                                 "FROM members m WHERE m.id % ?1 = 0 ORDER BY m.id LIMIT ?2",
                                 NULL);
  g_assert (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, step);
  sqlite3_bind_int (stmt, 2, N_QUERIES);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = _rapport_column_text (stmt, 0);
      const char *handle = _rapport_column_text (stmt, 1);
      const char *email = _rapport_column_text (stmt, 2);
      const char *organization = _rapport_column_text (stmt, 3);
      g_auto(GStrv) words = g_strsplit (name, " ", -1);
      const char *given = words[0];
      const char *family = words[g_strv_length (words) - 1];
      Query *query = g_new0 (Query, 1);
      guint shape = g_rand_int_range (rand, 0, G_N_ELEMENTS (shapes));

      if (shape == 2 && handle == NULL)
        shape = 0;
      if (shape == 3 && email == NULL)
        shape = 1;
      if (shape == 4 && organization == NULL)
        shape = 5;
      query->shape = shapes[shape];

      switch (shape)
        {
        case 0:
          query->text = prefix (rand, given, 2, 6);
          break;
        case 1:
          query->text = prefix (rand, family, 2, 6);
          break;
        case 2:
          query->text = prefix (rand, handle, 2, 6);
          break;
        case 3:
          {
            g_autofree char *local = g_strndup (email, strcspn (email, "@"));
            query->text = prefix (rand, local, 2, 6);
          }
          break;
        case 4:
          query->text = prefix (rand, organization, 2, 6);
          break;
        default:
          {
            g_autofree char *a = prefix (rand, given, 2, 4);
            g_autofree char *b = prefix (rand, family, 2, 4);
            query->text = g_strdup_printf ("%s %s", a, b);
          }
          break;
        }

      g_ptr_array_add (queries, query);
    }

  return g_steal_pointer (&queries);
}

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

static GArray *
sorted_times (GPtrArray  *queries,
              const char *shape)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (shape == NULL || g_str_equal (shape, query->shape))
        g_array_append_val (times, query->ms);
    }
  g_array_sort (times, compare_doubles);

  return times;
}

static double
sum (GArray *times)
{
  double total = 0;

  for (guint i = 0; i < times->len; i++)
    total += g_array_index (times, double, i);
  return total;
}

static void
time_rapport (RapportStore *store,
              GPtrArray    *queries)
{
  for (guint i = 0; i < MIN (N_WARM_UP, queries->len); i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) members = rapport_store_search (store, query->text, LIMIT, NULL);
    }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) members = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      members = rapport_store_search (store, query->text, LIMIT, &error);
      query->ms = (g_get_monotonic_time () - start) / 1000.0;
      if (members == NULL)
        g_error ("search “%s”: %s", query->text, error->message);
    }
}

/* The FTS5 query alone, rowids only, on the same connection. */
static GArray *
time_raw (RapportStore *store,
          GPtrArray    *queries)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_rapport_store_get_db (store),
                          "SELECT rowid FROM member_search WHERE member_search MATCH ?1 LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("prepare: %s", sqlite3_errmsg (_rapport_store_get_db (store)));

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autofree char *fts = rapport_fts_query_from_text (query->text);
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, LIMIT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  sqlite3_finalize (stmt);
  g_array_sort (times, compare_doubles);
  return times;
}

/* The same FTS5 queries in one sqlite3 shell batch with .timer on.
 * Returns the sum of the shell's "real" times in ms, or -1. */
static double
time_shell (const char *sqlite3_path,
            const char *db_path,
            const char *dir,
            GPtrArray  *queries,
            double     *wall_ms)
{
  g_autofree char *script = g_build_filename (dir, "queries.sql", NULL);
  g_autoptr(GString) sql = g_string_new (".timer on\n");
  g_autofree char *read = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  double total = 0;
  int status = 0;
  gint64 start;

  if (sqlite3_path == NULL || !g_file_test (sqlite3_path, G_FILE_TEST_IS_EXECUTABLE))
    return -1;

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autofree char *fts = rapport_fts_query_from_text (query->text);
      char *quoted = sqlite3_mprintf ("%Q", fts);

      g_string_append_printf (sql, "SELECT rowid FROM member_search WHERE member_search MATCH %s "
                                   "LIMIT %d;\n", quoted, LIMIT);
      sqlite3_free (quoted);
    }

  if (!g_file_set_contents (script, sql->str, sql->len, &error))
    g_error ("%s", error->message);

  read = g_strdup_printf (".read %s", script);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char *[]) { (char *) sqlite3_path, (char *) db_path, read, NULL },
                     NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3: %s", error->message);
  *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_unlink (script);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Run Time: real "))
      total += g_ascii_strtod (lines[i] + strlen ("Run Time: real "), NULL) * 1000;

  return total;
}

static void
report (const char *label,
        const char *what,
        GArray     *sorted)
{
  g_print ("search %s %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%u queries)\n",
           label, what, percentile (sorted, 0.50), percentile (sorted, 0.95),
           percentile (sorted, 0.99), g_array_index (sorted, double, sorted->len - 1), sorted->len);
}

static int
compare_queries (gconstpointer a,
                 gconstpointer b)
{
  const Query *x = *(Query * const *) a;
  const Query *y = *(Query * const *) b;

  return (x->ms < y->ms) - (x->ms > y->ms);
}

static void
bench (const char *sqlite3_path,
       guint       n_members,
       guint       n_activities)
{
  RapportDemoOptions options = { n_members, n_activities, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-bench-search-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) raw = NULL;
  double shell_ms;
  double wall_ms = 0;
  double p95;
  gint64 start;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  label = n_members % 1000000 == 0 ? g_strdup_printf ("%uM", n_members / 1000000)
                                   : n_members % 1000 == 0 ? g_strdup_printf ("%uk", n_members / 1000)
                                                           : g_strdup_printf ("%u", n_members);

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!rapport_demo_generate (store, &options, NULL, NULL, NULL, &error))
    g_error ("demo: %s", error->message);
  g_print ("search %s: sample community of %u members and %u activities made in %.1f s\n",
           label, n_members, n_activities, (g_get_monotonic_time () - start) / 1e6);

  queries = make_queries (store);
  time_rapport (store, queries);
  all = sorted_times (queries, NULL);
  report (label, "rapport_store_search", all);
  p95 = percentile (all, 0.95);

  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autoptr(GArray) some = sorted_times (queries, shapes[s]);
      g_autofree char *what = g_strdup_printf ("rapport_store_search, %s", shapes[s]);

      if (some->len > 0)
        report (label, what, some);
    }

  raw = time_raw (store, queries);
  report (label, "raw FTS5 in-process (rowids only)", raw);

  shell_ms = time_shell (sqlite3_path, path, dir, queries, &wall_ms);
  if (shell_ms >= 0)
    {
      double rapport_ms = sum (all);

      g_print ("search %s sqlite3 shell (.timer, rowids only): %.0f ms for %u queries, "
               "%.3f ms/query (process wall time %.0f ms)\n",
               label, shell_ms, queries->len, shell_ms / queries->len, wall_ms);
      g_print ("search %s rapport_store_search: %.0f ms for %u queries, %.3f ms/query\n",
               label, rapport_ms, queries->len, rapport_ms / queries->len);
      g_print ("search %s ratio rapport_store_search / sqlite3 shell: %.1fx\n",
               label, shell_ms > 0 ? rapport_ms / shell_ms : 0.0);
    }
  else
    g_print ("search %s: no sqlite3 shell at “%s”, no comparison\n", label,
             sqlite3_path ? sqlite3_path : "");

  g_print ("search %s p95: %.2f ms (target < %.0f ms)%s\n", label, p95, TARGET_P95_MS,
           p95 < TARGET_P95_MS ? "" : " MISSED");

  /* What is slow, so the search SQL can be looked at. */
  g_ptr_array_sort (queries, compare_queries);
  g_print ("search %s slowest queries:", label);
  for (guint i = 0; i < MIN (8, queries->len); i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      g_print ("%s \"%s\" (%s) %.2f ms", i ? "," : "", query->text, query->shape, query->ms);
    }
  g_print ("\n");

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

  /* Queries hold names like "O’Connor": print them in the locale's charset. */
  setlocale (LC_ALL, "");

  if (argc <= 2)
    {
      bench (sqlite3_path, 100000, 1000000);
      bench (sqlite3_path, 1000000, 1000000);
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
          g_printerr ("bench-search: “%s” is not MEMBERS:ACTIVITIES\n", argv[i]);
          return 2;
        }
      bench (sqlite3_path, members, activities);
    }

  return 0;
}
