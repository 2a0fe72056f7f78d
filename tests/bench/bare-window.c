/* bare-window.c
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

/* The smallest libadwaita application: a window with a header bar and a
 * label. bench-startup.sh starts it beside Rapport to show what the
 * toolkit alone costs. With RAPPORT_BENCH_FIRST_FRAME=1 it prints, as
 * Rapport does,
 *
 *   first-frame-ms: <ms since the process started> rss-kb: <VmRSS> peak-rss-kb: <VmHWM>
 *
 * after its first frame, then RAPPORT_BENCH_SETTLE_MS later (default 0)
 *
 *   settled-rss-kb: <VmRSS> peak-rss-kb: <VmHWM>
 *
 * and exits. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds since the kernel started this process: its start time
 * (/proc/self/stat field 22, in clock ticks since boot) against
 * CLOCK_BOOTTIME, the clock /proc/uptime reads, now. Unlike a timestamp
 * taken in main(), this counts exec, dynamic linking and library
 * constructors. The start time has the resolution of a clock tick (10 ms). */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  guint64 start_ticks;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return -1;

  /* The command (field 2) may hold spaces; count from its closing ")". */
  p++;
  for (int field = 3; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;

  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);

  return (now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000;
}

/* @field: "VmRSS" (now) or "VmHWM" (the peak) */
static long
rss_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("%s:", field);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;

  return strtol (line + strlen (key), NULL, 10);
}

static gboolean
settled_cb (gpointer user_data)
{
  GtkWindow *window = user_data;

  g_print ("settled-rss-kb: %ld peak-rss-kb: %ld\n", rss_kb ("VmRSS"), rss_kb ("VmHWM"));
  fflush (stdout);

  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GtkWindow *window = user_data;
  const char *settle_ms = g_getenv ("RAPPORT_BENCH_SETTLE_MS");

  g_print ("first-frame-ms: %.0f rss-kb: %ld peak-rss-kb: %ld\n",
           ms_since_process_start (), rss_kb ("VmRSS"), rss_kb ("VmHWM"));
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  g_timeout_add (settle_ms != NULL ? (guint) g_ascii_strtoull (settle_ms, NULL, 10) : 0,
                 settled_cb, window);
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint_cb), widget);
}

static void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("A bare libadwaita window");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  if (g_strcmp0 (g_getenv ("RAPPORT_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.rapport_crm.Rapport.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
