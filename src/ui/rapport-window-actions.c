/* rapport-window-actions.c
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

#define G_LOG_DOMAIN "rapport-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-advocates-view.h"
#include "rapport-demo.h"
#include "rapport-member.h"
#include "rapport-member-io.h"
#include "rapport-members-view.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-undo-toast.h"
#include "rapport-util.h"
#include "rapport-window-private.h"

/* What the window does: members created, deleted and restored, and the
 * long work (import, export, the sample community) with its progress. */

#define SAMPLE_MEMBERS    2000
#define SAMPLE_ACTIVITIES 40000
#define SAMPLE_SEED       20260101

typedef struct
{
  RapportWindow *self;
  GFile         *file;
} TaskData;

static TaskData *
task_data_new (RapportWindow *self,
               GFile         *file)
{
  TaskData *data = g_new0 (TaskData, 1);

  data->self = g_object_ref (self);
  data->file = file ? g_object_ref (file) : NULL;
  return data;
}

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaskData, task_data_free)

static char *
dup_file_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

static void
add_toast_with_title (RapportWindow *self,
                      const char    *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  /* Toast titles are Pango markup: a name like "Ben & Jerry" must not
   * break them. */
  rapport_window_add_toast (self, adw_toast_new (escaped));
}

/* New member */

gint64
rapport_window_create_member (RapportWindow  *self,
                              const char     *name,
                              GError        **error)
{
  g_autoptr(RapportMember) member = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  stripped = g_strstrip (g_strdup (name));
  member = rapport_member_new ();
  rapport_member_set_name (member, stripped);

  if (!rapport_store_insert_member (self->store, member, error))
    return 0;

  rapport_members_view_select_member (self->members_view, rapport_member_get_id (member), TRUE);
  return rapport_member_get_id (member);
}

static void
on_new_member_entry_changed_cb (GtkEditable      *entry,
                                AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", name[0] != '\0');
}

static void
on_new_member_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RapportWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create"))
    return;

  if (rapport_window_create_member (self, gtk_editable_get_text (entry), &error) == 0)
    add_toast_with_title (self, error->message);
}

static void
new_member_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RapportWindow *self = user_data;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Member"),
                                                       _("You can add their details on their page.")));

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Full name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect (entry, "changed", G_CALLBACK (on_new_member_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_member_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Delete and Undo */

static void
delete_member_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RapportWindow *self = user_data;
  gint64 member_id = g_variant_get_int64 (parameter);
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 journal_id = 0;

  member = rapport_store_get_member (self->store, member_id, &error);
  if (member == NULL || !rapport_store_delete_member (self->store, member_id, &journal_id, &error))
    {
      add_toast_with_title (self, error->message);
      return;
    }

  g_hash_table_insert (self->deleted_members,
                       g_memdup2 (&journal_id, sizeof journal_id),
                       g_memdup2 (&member_id, sizeof member_id));

  /* Translators: a toast after deleting a member, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), rapport_member_get_name (member));
  rapport_window_add_toast (self, rapport_undo_toast_new (title, journal_id));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RapportWindow *self = user_data;
  gint64 journal_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  gint64 *member_id;

  if (!rapport_store_undo (self->store, journal_id, &error))
    {
      add_toast_with_title (self, error->message);
      return;
    }

  member_id = g_hash_table_lookup (self->deleted_members, &journal_id);
  if (member_id != NULL)
    {
      rapport_members_view_select_member (self->members_view, *member_id, FALSE);
      g_hash_table_remove (self->deleted_members, &journal_id);
    }
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RapportWindow *self = user_data;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "advocates") == 0)
    rapport_advocates_view_focus_search (self->advocates_view);
  else
    rapport_members_view_focus_search (self->members_view);
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RapportWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Opens a member's page in the Members view, from wherever they show. */
static void
show_member_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportWindow *self = user_data;
  gint64 member_id = g_variant_get_int64 (parameter);

  if (member_id <= 0)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  rapport_members_view_select_member (self->members_view, member_id, TRUE);
}

/* Scores */

static void
rescore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (rapport_scoring_rescore_all_finish (RAPPORT_SCORING (object), result, NULL, &error))
    return;

  /* Cancelled when the window closes or another rescore replaces it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;

  title = g_strdup_printf (_("Could not update the engagement scores: %s"), error->message);
  add_toast_with_title (self, title);
}

/* Imported members change everybody's rank: score everyone again, in the
 * background. */
void
_rapport_window_rescore (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  if (self->rescore_cancellable != NULL)
    g_cancellable_cancel (self->rescore_cancellable);
  g_clear_object (&self->rescore_cancellable);
  self->rescore_cancellable = g_cancellable_new ();

  rapport_scoring_rescore_all_async (rapport_window_get_scoring (self), self->rescore_cancellable,
                                     rescore_cb, g_object_ref (self));
}

/* Import */

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TaskData) data = user_data;
  RapportWindow *self = data->self;
  g_autofree char *file_name = dup_file_name (data->file);
  RapportImportResult import = { 0 };
  g_autoptr(GError) error = NULL;

  _rapport_window_end_task (self);

  if (!rapport_member_import_csv_finish (RAPPORT_STORE (object), result, &import, &error))
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          add_toast_with_title (self, _("Import cancelled. Nothing was imported."));
          return;
        }

      heading = g_strdup_printf (_("Could not import “%s”"), file_name);
      body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was imported."));
      _rapport_window_show_error (self, heading, body);
      return;
    }

  if (import.added > 0 || import.updated > 0)
    _rapport_window_rescore (self);

  if (import.rows == 0)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” has no members in it"), file_name);

      add_toast_with_title (self, title);
    }
  else
    {
      g_autofree char *added = rapport_format_count (import.added);
      g_autofree char *updated = rapport_format_count (import.updated);
      g_autofree char *title = NULL;

      if (import.updated == 0)
        /* Translators: a toast after an import, e.g. "Imported 1,204 members" */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s member", "Imported %s members",
                                              import.added),
                                 added);
      else
        /* Translators: a toast after an import, e.g. "Imported 1,204 members · 24 updated" */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s member · %s updated",
                                              "Imported %s members · %s updated", import.added),
                                 added, updated);
      add_toast_with_title (self, title);
    }
}

/**
 * rapport_window_import_file:
 *
 * Imports the members in a CSV file in the background, with progress and a
 * Cancel button; a toast or a dialog says how it went.
 */
void
rapport_window_import_file (RapportWindow *self,
                            GFile         *file)
{
  g_autofree char *file_name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (rapport_window_get_busy (self))
    return;

  file_name = dup_file_name (file);
  label = g_strdup_printf (_("Importing “%s”…"), file_name);
  _rapport_window_begin_task (self, label);

  rapport_member_import_csv_async (self->store, file,
                                   _rapport_window_progress_cb, self,
                                   self->cancellable,
                                   import_cb, task_data_new (self, file));
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               RapportWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rapport_window_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

/**
 * rapport_window_import:
 *
 * Asks for a CSV file and imports it.
 */
void
rapport_window_import (RapportWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (rapport_window_get_busy (self) || self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Members"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  add_csv_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (self->file_chooser);
}

/* Export */

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TaskData) data = user_data;
  RapportWindow *self = data->self;
  g_autofree char *file_name = dup_file_name (data->file);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_members = 0;

  _rapport_window_end_task (self);

  if (!rapport_member_export_csv_finish (RAPPORT_STORE (object), result, &n_members, &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          add_toast_with_title (self, _("Export cancelled"));
          return;
        }

      heading = g_strdup_printf (_("Could not export to “%s”"), file_name);
      _rapport_window_show_error (self, heading, error->message);
      return;
    }

  count = rapport_format_count (n_members);
  /* Translators: a toast after an export, e.g. "Exported 2,000 members" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s member", "Exported %s members",
                                        n_members),
                           count);
  add_toast_with_title (self, title);
}

/**
 * rapport_window_export_file:
 *
 * Writes every member to a CSV file in the background.
 */
void
rapport_window_export_file (RapportWindow *self,
                            GFile         *file)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (rapport_window_get_busy (self))
    return;

  _rapport_window_begin_task (self, _("Exporting members…"));

  rapport_member_export_csv_async (self->store, file,
                                   _rapport_window_progress_cb, self,
                                   self->cancellable,
                                   export_cb, task_data_new (self, file));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               RapportWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rapport_window_export_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

/**
 * rapport_window_export:
 *
 * Asks where to save and exports every member there as CSV.
 */
void
rapport_window_export (RapportWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (rapport_window_get_busy (self) || self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Members"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_csv_filter (GTK_FILE_CHOOSER (chooser));
  /* Translators: the suggested file name of an export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("members.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (self->file_chooser);
}

/* Sample community */

static void
load_sample_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TaskData) data = user_data;
  RapportWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  _rapport_window_end_task (self);

  if (!rapport_demo_generate_finish (RAPPORT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rapport_window_show_error (self, _("Could not create the sample community"), error->message);
      return;
    }

  count = rapport_format_count (SAMPLE_MEMBERS);
  /* Translators: a toast after loading the sample community */
  title = g_strdup_printf (_("Added a sample community of %s members"), count);
  add_toast_with_title (self, title);
}

/**
 * rapport_window_load_sample:
 *
 * Fills an empty database with a generated community to try Rapport on.
 */
void
rapport_window_load_sample (RapportWindow *self)
{
  RapportDemoOptions options = {
    .members = SAMPLE_MEMBERS,
    .activities = SAMPLE_ACTIVITIES,
    .seed = SAMPLE_SEED,
  };

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (rapport_window_get_busy (self))
    return;

  _rapport_window_begin_task (self, _("Creating the sample community…"));

  rapport_demo_generate_async (self->store, &options,
                               _rapport_window_progress_cb, self,
                               self->cancellable,
                               load_sample_cb, task_data_new (self, NULL));
}

/* Keyboard Shortcuts: built from its template the first time, not with the
 * window (GtkApplication would load gtk/help-overlay.ui at once). */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RapportWindow *self = user_data;

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/rapport_crm/Rapport/ui/rapport-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static const GActionEntry win_actions[] = {
  { "show-help-overlay", show_help_overlay_action },
  { "new-member", new_member_action },
  { "delete-member", delete_member_action, "x" },
  { "undo", undo_action, "x" },
  { "search", search_action },
  { "show-view", show_view_action, "s" },
  { "show-member", show_member_action, "x" },
};

void
_rapport_window_install_actions (RapportWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  _rapport_window_update_actions (self);
}

void
_rapport_window_update_actions (RapportWindow *self)
{
  GAction *search = g_action_map_lookup_action (G_ACTION_MAP (self), "search");

  if (search != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (search), rapport_window_get_has_members (self));
}
