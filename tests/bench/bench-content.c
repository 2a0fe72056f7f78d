/* bench-content.c
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
#include <stdlib.h>
#include <string.h>

#include "rapport-content-ical.h"
#include "rapport-content-range.h"
#include "rapport-content-store.h"
#include "rapport-store.h"

#define MONTH_ITEMS 5000
#define EXPORT_ITEMS 10000
#define RUNS 50

static const char * const zones[] = { "Europe/Berlin", "America/New_York", "Asia/Tokyo", NULL };
static const char * const channel_names[] = { "Blog", "Newsletter", "X", "LinkedIn", "YouTube" };

/* A plan like a busy team's: mostly one-off items over two years around
 * the month measured, one in ten a weekly or monthly series. */
static void
fill (RapportStore *store,
      guint         n,
      GRand        *rand)
{
  g_autoptr(GError) error = NULL;
  gint64 base = 1704067200; /* 2024-01-01 UTC */

  rapport_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Planned piece %u", i);
      g_autoptr(RapportContentItem) item = rapport_content_item_new (title, rapport_content_get_kinds ()[i % 7]);
      const char *channels[] = { channel_names[i % G_N_ELEMENTS (channel_names)], NULL };
      gint64 when = base + (gint64) g_rand_int_range (rand, 0, 730) * 86400 + 3600 * (8 + i % 10);

      rapport_content_item_set_publish_at (item, when, zones[i % 3]);
      rapport_content_item_set_channels (item, channels);
      if (i % 10 == 0)
        rapport_content_item_set_rrule (item, i % 20 == 0 ? "FREQ=WEEKLY" : "FREQ=MONTHLY;BYMONTHDAY=-1");
      if (i % 3 == 0)
        rapport_content_item_set_notes (item, "Outline, sources and the people to thank; reviewed by the team.");
      rapport_content_add (store, item, &error);
      g_assert_no_error (error);
    }
  rapport_store_commit (store, &error);
  g_assert_no_error (error);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static RapportStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  RapportStore *store = rapport_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *dir = g_dir_make_tmp ("rapport-bench-content-XXXXXX", &error);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) big = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (local, 2024, 10, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_months (start, 1);
  g_autofree char *ics = NULL;
  double times[RUNS];
  guint n_occurrences = 0;
  gint64 t0;
  double export_s;
  gboolean ok = TRUE;

  g_assert_no_error (error);

  store = open_store (dir, "month.db");
  t0 = g_get_monotonic_time ();
  fill (store, MONTH_ITEMS, rand);
  g_print ("content: %u items (a tenth of them series) made in %.2f s\n", MONTH_ITEMS,
           (g_get_monotonic_time () - t0) / 1e6);

  /* What the month view asks for: a month's occurrences in local time,
   * series expanded, through the list model it binds to. */
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(RapportContentRange) range = NULL;

      t0 = g_get_monotonic_time ();
      range = rapport_content_range_new (store, start, end);
      n_occurrences = g_list_model_get_n_items (G_LIST_MODEL (range));
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_double);
  g_print ("content month of occurrences (%u shown, %u items in the database): p50 %.2f ms, p95 %.2f ms, "
           "max %.2f ms (target < 50 ms)\n",
           n_occurrences, MONTH_ITEMS, times[RUNS / 2], times[RUNS * 95 / 100], times[RUNS - 1]);
  ok &= times[RUNS * 95 / 100] < 50;

  big = open_store (dir, "export.db");
  fill (big, EXPORT_ITEMS, rand);
  t0 = g_get_monotonic_time ();
  ics = rapport_content_export_ics (big, NULL, &error);
  export_s = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_no_error (error);
  g_print ("content ICS export of %u items: %.3f s, %.1f MB (target < 1 s)\n",
           EXPORT_ITEMS, export_s, strlen (ics) / 1e6);
  ok &= export_s < 1.0;

  /* For comparison: the same rows read by the sqlite3 library alone. */
  {
    g_autofree char *path = g_build_filename (dir, "export.db", NULL);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    guint rows = 0;

    t0 = g_get_monotonic_time ();
    sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_prepare_v2 (db, "SELECT * FROM content_items", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      rows++;
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_print ("content plain SELECT of the same %u rows: %.3f s (export is %.0f× that)\n", rows,
             (g_get_monotonic_time () - t0) / 1e6,
             export_s / MAX ((g_get_monotonic_time () - t0) / 1e6, 1e-6));
  }

  g_clear_object (&store);
  g_clear_object (&big);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }

  return ok ? 0 : 1;
}
