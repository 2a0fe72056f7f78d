/* rapport-application.c
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

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rapport-application.h"
#include "rapport-context.h"
#include "rapport-members-view.h"
#include "rapport-preferences-window.h"
#include "rapport-resources.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-window.h"

struct _RapportApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* The open community: store, clock, scoring, pipeline. */
  RapportContext *context;
  RapportWindow  *window;

  guint           bench : 1;
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the community database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
apply_color_scheme (RapportApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    case 0:
    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

static void
on_color_scheme_changed_cb (RapportApplication *self,
                            const char         *key,
                            GSettings          *settings)
{
  apply_color_scheme (self);
}

static void
set_action_enabled (RapportApplication *self,
                    const char         *name,
                    gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (RapportApplication *self)
{
  gboolean ready = self->window != NULL && !rapport_window_get_busy (self->window);
  gboolean has_members = self->window != NULL && rapport_window_get_has_members (self->window);

  set_action_enabled (self, "import", ready);
  set_action_enabled (self, "export", ready && has_members);
  /* The sample mixes with real members: offer it to empty databases only. */
  set_action_enabled (self, "load-sample", ready && !has_members &&
                      self->window != NULL &&
                      rapport_members_view_get_loaded (rapport_window_get_members_view (self->window)));
}

static void
on_window_state_changed_cb (RapportApplication *self,
                            GParamSpec         *pspec,
                            RapportWindow      *window)
{
  update_actions (self);
}

/* Benchmark hook: with RAPPORT_BENCH_FIRST_FRAME=1, print how long after
 * the process started the first frame showing the members was painted,
 * and the resident memory then,
 *
 *   first-frame-ms: <ms> rss-kb: <VmRSS> peak-rss-kb: <VmHWM>
 *
 * then, RAPPORT_BENCH_SETTLE_MS later (default 0: at once), once the work
 * put off until after the first frame is done,
 *
 *   settled-rss-kb: <VmRSS> peak-rss-kb: <VmHWM>
 *
 * and quit. */

static gint64
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  guint64 start_ticks = 0;
  struct timespec now;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  /* Field 22 of /proc/self/stat is the start time in clock ticks since
   * boot; CLOCK_BOOTTIME counts from the same origin. The command name
   * (field 2) may hold spaces, so count the fields after its ')'. */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL ||
      ticks_per_second <= 0 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;

  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);

  return ((gint64) now.tv_sec * 1000 + now.tv_nsec / 1000000) -
         (gint64) (start_ticks * 1000 / (guint64) ticks_per_second);
}

/* @field: "VmRSS" (now) or "VmHWM" (the peak) */
static gint64
resident_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", field);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (key), NULL, 10);
}

static gboolean
bench_settled_cb (gpointer user_data)
{
  RapportApplication *self = user_data;

  g_print ("settled-rss-kb: %" G_GINT64_FORMAT " peak-rss-kb: %" G_GINT64_FORMAT "\n",
           resident_kb ("VmRSS"), resident_kb ("VmHWM"));
  fflush (stdout);

  g_application_quit (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static gboolean
start_check_cb (gpointer user_data)
{
  RapportApplication *self = user_data;

  if (self->context != NULL)
    rapport_store_start_check (rapport_context_get_store (self->context));

  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

/* The first frame showing the members is on screen: the work that waited
 * for it may start, the store's quick check last of all. */
static void
on_frame_clock_after_paint_cb (GdkFrameClock      *frame_clock,
                               RapportApplication *self)
{
  const char *settle_ms = g_getenv ("RAPPORT_BENCH_SETTLE_MS");

  /* Painted after the rows arrived: this frame shows them. */
  if (self->window == NULL ||
      !rapport_members_view_get_loaded (rapport_window_get_members_view (self->window)))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint_cb, self);

  /* After the idle work of the first frame (the first member's page). */
  g_application_hold (G_APPLICATION (self));
  g_idle_add_full (G_PRIORITY_LOW, start_check_cb, self, NULL);

  if (!self->bench)
    return;

  g_print ("first-frame-ms: %" G_GINT64_FORMAT " rss-kb: %" G_GINT64_FORMAT
           " peak-rss-kb: %" G_GINT64_FORMAT "\n",
           process_age_ms (), resident_kb ("VmRSS"), resident_kb ("VmHWM"));
  fflush (stdout);

  /* Held until the figures are out, whatever happens to the window. */
  g_application_hold (G_APPLICATION (self));
  g_timeout_add (settle_ms != NULL ? (guint) g_ascii_strtoull (settle_ms, NULL, 10) : 0,
                 bench_settled_cb, self);
}

static void
on_window_realize_cb (GtkWidget          *window,
                      RapportApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_frame_clock_after_paint_cb), self, 0);
}

static void
on_bench_loaded_cb (RapportMembersView *view,
                    GParamSpec         *pspec,
                    GtkWidget          *window)
{
  /* Make sure a frame follows the rows. */
  gtk_widget_queue_draw (window);
}

static void
show_open_error (RapportApplication *self,
                 const GError       *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could not open the database"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  /* The dialog keeps the application running; closing it quits. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Not fatal: the window opens and shows what it can. */
static void
show_store_notice (RapportApplication *self,
                   const char         *heading,
                   const char         *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (self->window ? GTK_WINDOW (self->window) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_store_damaged_cb (RapportStore       *store,
                     const char         *message,
                     RapportApplication *self)
{
  show_store_notice (self, _("The database is damaged"), message);
}

static void
present_window (RapportApplication *self)
{
  /* rapport_application_window_added () adopts it. */
  if (self->window == NULL)
    rapport_window_new_for_context (self, self->context);

  gtk_window_present (GTK_WINDOW (self->window));
}

static void
rapport_application_window_added (GtkApplication *application,
                                  GtkWindow      *window)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);

  GTK_APPLICATION_CLASS (rapport_application_parent_class)->window_added (application, window);

  if (!RAPPORT_IS_WINDOW (window) || self->window != NULL)
    return;

  g_set_weak_pointer (&self->window, RAPPORT_WINDOW (window));

  g_signal_connect_object (window, "notify::busy",
                           G_CALLBACK (on_window_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::has-members",
                           G_CALLBACK (on_window_state_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);

  g_signal_connect_object (window, "realize",
                           G_CALLBACK (on_window_realize_cb), self, 0);
  if (self->bench)
    {
      g_signal_connect_object (rapport_window_get_members_view (RAPPORT_WINDOW (window)), "notify::loaded",
                               G_CALLBACK (on_bench_loaded_cb), window, 0);
    }
}

static void
rapport_application_window_removed (GtkApplication *application,
                                    GtkWindow      *window)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);

  if (window == GTK_WINDOW (self->window))
    {
      g_signal_handlers_disconnect_by_func (window, on_window_state_changed_cb, self);
      g_clear_weak_pointer (&self->window);
      update_actions (self);
    }

  GTK_APPLICATION_CLASS (rapport_application_parent_class)->window_removed (application, window);
}

static gboolean
open_store (RapportApplication       *self,
            const char               *path,
            GApplicationCommandLine  *command_line)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  /* The quick check waits for the first frame (on_frame_clock_after_paint_cb()). */
  store = rapport_store_new_full (path, RAPPORT_STORE_OPEN_CHECK_LATER, &error);
  if (store != NULL)
    self->context = rapport_context_new (store);
  g_clear_object (&store);
  if (self->context == NULL)
    {
      /* In the terminal it was started from, if any, and in a dialog. */
      if (command_line != NULL)
        g_application_command_line_printerr (command_line, "%s\n", error->message);
      show_open_error (self, error);
      return FALSE;
    }

  /* The window's own writes are single rows: behind an import running in
   * the background they fail after a few seconds, naming the job, rather
   * than freeze the window until it ends. */
  store = rapport_context_get_store (self->context);
  rapport_store_set_job (store, "the Rapport window");
  rapport_store_set_wait_limit (store, 5);
  g_signal_connect_object (store, "damaged", G_CALLBACK (on_store_damaged_cb), self, 0);
  if (rapport_store_is_read_only (store))
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("“%s” is open read-only because %s. You can look at everything and "
                                "export it; changes cannot be saved."),
                              path, rapport_store_get_read_only_reason (store));
      show_store_notice (self, _("Opened read-only"), body);
    }

  return TRUE;
}

static int
rapport_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (rapport_application_parent_class)->handle_local_options (application, options);
}

static int
rapport_application_command_line (GApplication            *application,
                                  GApplicationCommandLine *command_line)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      path = g_file_get_path (file);
    }
  else
    path = rapport_store_dup_default_path ();

  if (self->context != NULL)
    {
      RapportStore *store = rapport_context_get_store (self->context);

      if (g_strcmp0 (path, rapport_store_get_path (store)) != 0)
        {
          g_application_command_line_printerr (command_line,
                                               _("Rapport already has “%s” open. Close it to open “%s”.\n"),
                                               rapport_store_get_path (store), path);
          present_window (self);
          return 1;
        }

      present_window (self);
      return 0;
    }

  if (!open_store (self, path, command_line))
    return 1;

  present_window (self);
  return 0;
}

static void
rapport_application_activate (GApplication *application)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  g_autofree char *path = NULL;

  if (self->context == NULL)
    {
      path = rapport_store_dup_default_path ();
      if (!open_store (self, path, NULL))
        return;
    }

  present_window (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (self->window != NULL)
    gtk_window_close (GTK_WINDOW (self->window));
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportApplication *self = user_data;
  g_autofree char *path = NULL;
  GtkWidget *preferences;

  if (self->context != NULL)
    path = g_strdup (rapport_store_get_path (rapport_context_get_store (self->context)));
  else
    path = rapport_store_dup_default_path ();
  preferences = rapport_preferences_window_new (GTK_WINDOW (self->window), self->context, path);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RapportApplication *self = user_data;
  static const char *developers[] = { "The Rapport authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self->window,
                        "application-name", _("Rapport"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Rapport authors",
                        "developers", developers,
                        "copyright", "© 2026 The Rapport authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/rapport-crm/Rapport",
                        "issue-url", "https://github.com/rapport-crm/Rapport/issues",
                        /* Translators: your names, one a line, to credit you in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (self->window != NULL)
    rapport_window_import (self->window);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (self->window != NULL)
    rapport_window_export (self->window);
}

static void
load_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (self->window != NULL)
    rapport_window_load_sample (self->window);
}

static void
sync_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (self->window != NULL)
    rapport_window_sync (self->window);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "import", import_action },
  { "export", export_action },
  { "load-sample", load_sample_action },
  { "sync", sync_action },
};

static void
rapport_application_startup (GApplication *application)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.import", { "<Control>i", NULL } },
    { "app.export", { "<Control>e", NULL } },
    { "app.sync", { "<Control>r", NULL } },
    { "win.new-member", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  /* The UI resources live in a static library: referencing them keeps the
   * linker from dropping them (they register themselves when loaded). */
  (void) rapport_get_resource ();

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
  update_actions (self);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
rapport_application_dispose (GObject *object)
{
  RapportApplication *self = (RapportApplication *)object;

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_application_parent_class)->dispose (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = rapport_application_dispose;

  gtk_app_class->window_added = rapport_application_window_added;
  gtk_app_class->window_removed = rapport_application_window_removed;

  app_class->startup = rapport_application_startup;
  app_class->activate = rapport_application_activate;
  app_class->command_line = rapport_application_command_line;
  app_class->handle_local_options = rapport_application_handle_local_options;
}

static void
rapport_application_init (RapportApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep your community’s people, activity and notes in one place."));

  self->bench = g_strcmp0 (g_getenv ("RAPPORT_BENCH_FIRST_FRAME"), "1") == 0;
}

/**
 * rapport_application_new:
 * @flags: %G_APPLICATION_HANDLES_COMMAND_LINE for the program; tests add
 *   %G_APPLICATION_NON_UNIQUE
 *
 * Returns: (transfer full): the application
 */
RapportApplication *
rapport_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * rapport_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open community, if any
 */
RapportStore *
rapport_application_get_store (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->context != NULL ? rapport_context_get_store (self->context) : NULL;
}

/**
 * rapport_application_get_context:
 *
 * Returns: (transfer none) (nullable): the open community and what works on
 *   it, once a database is open
 */
RapportContext *
rapport_application_get_context (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * rapport_application_get_settings:
 *
 * Returns: (transfer none): the application's settings, after startup
 */
GSettings *
rapport_application_get_settings (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * rapport_application_get_scoring:
 *
 * Returns: (transfer none) (nullable): the scoring of the open community,
 *   which keeps scores up to date as activities arrive
 */
RapportScoring *
rapport_application_get_scoring (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->context != NULL ? rapport_context_get_scoring (self->context) : NULL;
}
