/* rapport-ui-test.c
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

#include "rapport-clock.h"
#include "rapport-ui-test.h"

/**
 * rapport_ui_test_init:
 *
 * GTest and libadwaita for a UI test: a real display (Xvfb in CI), the
 * in-memory GSettings backend, and the light style unless a test asks.
 */
void
rapport_ui_test_init (int    *argc,
                      char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (argc, argv, NULL);
  /* GTK's own "cannot open display" warning would only be a trap, as
   * g_test_init() makes warnings fatal: say which display it was. */
  if (!gtk_init_check ())
    {
      const char *x11 = g_getenv ("DISPLAY");
      const char *wayland = g_getenv ("WAYLAND_DISPLAY");

      g_error ("UI tests need a display; DISPLAY=%s, WAYLAND_DISPLAY=%s could not be opened",
               x11 != NULL ? x11 : "(unset)", wayland != NULL ? wayland : "(unset)");
    }
  adw_init ();

  /* The tests mean a day, not the day they run on: a Wednesday in the middle
   * of a month with six weeks in its grid, at noon. RAPPORT_TEST_NOW moves it
   * to try another. */
  {
    const char *when = g_getenv ("RAPPORT_TEST_NOW");
    g_autoptr(GError) error = NULL;

    if (when == NULL || *when == '\0')
      when = RAPPORT_UI_TEST_NOW;
    if (!rapport_clock_set_fixed_iso8601 (rapport_clock_get_default (), when, &error))
      g_error ("RAPPORT_TEST_NOW: %s", error->message);
  }
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * rapport_ui_test_spin:
 *
 * Runs the main loop for @ms milliseconds, so layout, idles and worker
 * thread results land.
 */
/* A sanitizer build runs several times slower: build-aux/test --sanitize
 * sets RAPPORT_TEST_TIMEOUT_SCALE, and every wait here stretches by it. */
static guint
scaled (guint ms)
{
  static guint scale;

  if (scale == 0)
    {
      const char *env = g_getenv ("RAPPORT_TEST_TIMEOUT_SCALE");
      guint64 value = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 1;

      scale = (guint) CLAMP (value, 1, 20);
    }

  return ms * scale;
}

void
rapport_ui_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (scaled (ms), quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * rapport_ui_test_wait_for:
 *
 * Runs the main loop until @condition holds or @timeout_ms pass.
 *
 * Returns: whether @condition held
 */
gboolean
rapport_ui_test_wait_for (gboolean  (*condition) (gpointer data),
                          gpointer    data,
                          guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) scaled (timeout_ms) * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/**
 * rapport_ui_test_screenshot:
 * @widget: a realized widget, usually a window
 * @name: file name without extension
 *
 * With RAPPORT_SCREENSHOT_DIR set, renders @widget as it is on screen to
 * `$RAPPORT_SCREENSHOT_DIR/@name.png`.
 */
void
rapport_ui_test_screenshot (GtkWidget  *widget,
                            const char *name)
{
  const char *dir = g_getenv ("RAPPORT_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || dir[0] == '\0')
    return;

  /* Let pending layout and drawing settle first. */
  rapport_ui_test_spin (200);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget that is being re-laid out (a flap opening) has no render node
   * until its next frame: wait for it, a little longer on a busy machine. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      if (attempt > 0)
        rapport_ui_test_spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/**
 * rapport_ui_test_make_db:
 *
 * Returns: (transfer full): the path of a database file in a new temporary
 *   folder; the file does not exist yet
 */
char *
rapport_ui_test_make_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "rapport.db", NULL);
}

/**
 * rapport_ui_test_reset_settings:
 *
 * Puts every key of the app's schema back to its default, so one test's
 * window state does not leak into the next.
 */
void
rapport_ui_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/**
 * rapport_ui_test_remove_tree:
 *
 * Deletes @path and everything below it.
 */
void
rapport_ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        rapport_ui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * rapport_ui_test_destroy_windows:
 *
 * Destroys every toplevel and lets the main loop finish with them.
 */
void
rapport_ui_test_destroy_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  rapport_ui_test_spin (50);
}

/**
 * rapport_ui_test_find_widget:
 * @root: where to start
 * @type: the type the widget must have (%GTK_TYPE_WIDGET for any)
 * @match: (nullable): what else it must satisfy
 * @data: passed to @match
 *
 * Returns: (transfer none) (nullable): the first widget, depth first,
 *   of @type that @match accepts
 */
GtkWidget *
rapport_ui_test_find_widget (GtkWidget          *root,
                             GType               type,
                             RapportWidgetMatch  match,
                             gconstpointer       data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rapport_ui_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * rapport_ui_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type
 */
GtkWindow *
rapport_ui_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

static gboolean
visible_cb (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/**
 * rapport_ui_test_wait_visible:
 *
 * Returns: whether @widget became visible within two seconds
 */
gboolean
rapport_ui_test_wait_visible (GtkWidget *widget)
{
  return rapport_ui_test_wait_for (visible_cb, widget, 2000);
}

/**
 * rapport_ui_test_hold_open:
 *
 * Keeps @popover open once it pops up: the suite's other windows share
 * the Xvfb display, and one taking the focus would close it.
 */
void
rapport_ui_test_hold_open (GtkPopover *popover)
{
  g_assert_nonnull (popover);
  gtk_popover_set_autohide (popover, FALSE);
}

/**
 * rapport_ui_test_popup:
 *
 * Opens @button's popover, held open, and waits until it shows.
 *
 * Returns: (transfer none): the popover
 */
GtkPopover *
rapport_ui_test_popup (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  rapport_ui_test_hold_open (popover);
  gtk_menu_button_popup (button);
  g_assert_true (rapport_ui_test_wait_visible (GTK_WIDGET (popover)));

  return popover;
}
