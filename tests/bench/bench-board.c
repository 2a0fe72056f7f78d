/* bench-board.c
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

/* How long the Advocates board takes to open over a large community: from
 * switching to the page to the first frame painted with every column's
 * cards, the median of three fresh windows. Prints
 *
 *   board-open-ms: <median> (runs: <a> <b> <c>) members: <n>
 *
 * BENCH_BOARD_MEMBERS sets the community's size (100,000 by default). Runs
 * itself under xvfb-run when there is no display. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rapport-advocates-view.h"
#include "rapport-application.h"
#include "rapport-context.h"
#include "rapport-demo.h"
#include "rapport-members-view.h"
#include "rapport-member-list.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

#define RUNS 3

typedef struct
{
  RapportWindow *window;
  gboolean       painted;
  gint64         loaded_at;
} Run;

static gboolean
members_ready_cb (gpointer data)
{
  Run *run = data;
  RapportMembersView *view = rapport_window_get_members_view (run->window);

  return gtk_widget_get_mapped (GTK_WIDGET (run->window)) &&
         rapport_members_view_get_loaded (view) &&
         !rapport_member_list_get_loading (rapport_members_view_get_list (view));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Run           *run)
{
  /* The first frame painted once the columns have their cards. */
  if (rapport_advocates_view_get_loaded (rapport_window_get_advocates_view (run->window)))
    run->painted = TRUE;
}

static gboolean
board_painted_cb (gpointer data)
{
  Run *run = data;

  if (rapport_advocates_view_get_loaded (rapport_window_get_advocates_view (run->window)))
    {
      if (run->loaded_at == 0)
        run->loaded_at = g_get_monotonic_time ();
      gtk_widget_queue_draw (GTK_WIDGET (run->window));
    }

  return run->painted;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  RapportDemoOptions options = { 0 };
  double ms[RUNS];
  double loaded_ms[RUNS];
  double sorted[RUNS];
  double sorted_loaded[RUNS];
  const char *members_env = g_getenv ("BENCH_BOARD_MEMBERS");
  guint members = members_env != NULL ? (guint) g_ascii_strtoull (members_env, NULL, 10) : 100000;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      char **args = g_new0 (char *, argc + 5);

      args[0] = (char *) "xvfb-run";
      args[1] = (char *) "-a";
      args[2] = (char *) "-s";
      args[3] = (char *) "-screen 0 1600x1200x24";
      for (int i = 0; i < argc; i++)
        args[4 + i] = argv[i];
      execvp (args[0], args);
      g_printerr ("Could not run xvfb-run: no display to open the board on\n");
      return 1;
    }

  rapport_ui_test_init (&argc, &argv);

  path = rapport_ui_test_make_db ();
  dir = g_path_get_dirname (path);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  /* Scored as the sample community is. */
  options.members = members;
  options.activities = members * 2;
  options.seed = 1;
  if (!rapport_demo_generate (store, &options, NULL, NULL, NULL, &error))
    g_error ("Could not generate %u members: %s", members, error->message);

  /* Open the file again, as the app does: closing the last connection
   * checkpoints the generator's write-ahead log into the database. */
  g_clear_object (&store);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  app = rapport_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < RUNS; i++)
    {
      /* A context of its own, as each window had: every run reads the
       * pipeline's stages afresh. */
      g_autoptr(RapportContext) context = rapport_context_new (store);
      Run run = { 0 };
      gint64 start;

      run.window = rapport_window_new_for_context (app, context);
      gtk_window_set_default_size (GTK_WINDOW (run.window), 1400, 900);
      gtk_window_present (GTK_WINDOW (run.window));
      g_assert_true (rapport_ui_test_wait_for (members_ready_cb, &run, 60000));
      rapport_ui_test_spin (200);

      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (run.window)), "after-paint",
                        G_CALLBACK (on_after_paint_cb), &run);

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (run.window), "win.show-view", "s", "advocates");
      g_assert_true (rapport_ui_test_wait_for (board_painted_cb, &run, 60000));
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      loaded_ms[i] = (run.loaded_at - start) / 1000.0;

      g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (run.window)),
                                            on_after_paint_cb, &run);
      gtk_window_destroy (GTK_WINDOW (run.window));
      rapport_ui_test_spin (100);
    }

  memcpy (sorted, ms, sizeof ms);
  qsort (sorted, RUNS, sizeof (double), compare_doubles);
  memcpy (sorted_loaded, loaded_ms, sizeof loaded_ms);
  qsort (sorted_loaded, RUNS, sizeof (double), compare_doubles);
  /* Loaded: every column has its ids and its first cards bound. Open: the
   * first frame painted with them. */
  g_print ("board-loaded-ms: %.0f (runs: %.0f %.0f %.0f) members: %u\n",
           sorted_loaded[RUNS / 2], loaded_ms[0], loaded_ms[1], loaded_ms[2], members);
  g_print ("board-open-ms: %.0f (runs: %.0f %.0f %.0f) members: %u\n",
           sorted[RUNS / 2], ms[0], ms[1], ms[2], members);

  g_clear_object (&store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);

  return 0;
}
