/* rapport-content-view-actions.c
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

#define G_LOG_DOMAIN "rapport-content-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rapport-caldav.h"
#include "rapport-clock.h"
#include "rapport-content-store.h"
#include "rapport-content-util.h"
#include "rapport-content-view-private.h"

/* The editor */

static void
on_editor_destroy_cb (RapportContentView   *self,
                      RapportContentEditor *editor)
{
  if (self->editor == editor)
    self->editor = NULL;
}

static void
present_editor (RapportContentView   *self,
                RapportContentEditor *editor)
{
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  self->editor = editor;
  g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), _rapport_content_view_get_window (self));
  gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_item (RapportContentView *self,
          GDateTime          *day)
{
  if (self->store == NULL)
    return;

  present_editor (self, rapport_content_editor_new (self->store, NULL, 0, day));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autoptr(GDateTime) day = NULL;

  /* In the month shown: today if it is there, else its first day. */
  if (g_date_time_get_year (now) == g_date_time_get_year (self->anchor)
      && g_date_time_get_month (now) == g_date_time_get_month (self->anchor))
    day = g_date_time_ref (now);
  else
    day = g_date_time_ref (self->anchor);

  new_item (self, day);
}

static void
new_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  new_item (RAPPORT_CONTENT_VIEW (widget), NULL);
}

static void
new_on_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  int year, month, day;
  g_autoptr(GDateTime) when = NULL;

  if (sscanf (g_variant_get_string (parameter, NULL), "%d-%d-%d", &year, &month, &day) != 3)
    return;
  when = rapport_content_local_day (year, month, day);
  if (when != NULL)
    new_item (self, when);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id, recurrence_id;

  g_variant_get (parameter, "(xx)", &item_id, &recurrence_id);
  if (self->store == NULL)
    return;

  item = rapport_content_get (self->store, item_id, &error);
  if (item == NULL)
    {
      _rapport_content_view_show_error (self, _("Could Not Open the Item"), error->message);
      return;
    }

  present_editor (self, rapport_content_editor_new (self->store, item,
                                                    rapport_content_item_get_rrule (item) != NULL ? recurrence_id : 0,
                                                    NULL));
}

/* Navigation */

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autoptr(GDateTime) now = rapport_now_local ();

  rapport_content_view_set_date (self, now);
  if (g_strcmp0 (self->mode, "month") == 0)
    rapport_month_view_focus_day (self->month_view, g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _rapport_content_view_move_anchor (RAPPORT_CONTENT_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rapport_content_view_move_anchor (RAPPORT_CONTENT_VIEW (widget), 1);
}

/* ICS files */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rapport_content_view_run_file_chooser (RAPPORT_CONTENT_VIEW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rapport_content_view_run_file_chooser (RAPPORT_CONTENT_VIEW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

/* The team calendar (CalDAV) */

static void start_sync (RapportContentView *self);

/* What was typed into the form, kept to offer creating a calendar or to
 * bring the form back as it was. */
typedef struct
{
  char     *url;
  char     *user;
  char     *password;
  gboolean  create;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_free (data->url);
  g_free (data->user);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

typedef struct
{
  RapportContentView *self;
  ConnectData        *data;
} ConnectClosure;

static void
connect_closure_free (ConnectClosure *closure)
{
  g_clear_object (&closure->self);
  g_clear_pointer (&closure->data, connect_data_free);
  g_free (closure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectClosure, connect_closure_free)

static void on_share_failed_response_cb (AdwMessageDialog   *dialog,
                                         const char         *response,
                                         RapportContentView *self);
static void connect_done_cb             (GObject            *object,
                                         GAsyncResult       *result,
                                         gpointer            user_data);

/* Takes @data. */
static void
start_connect (RapportContentView *self,
               ConnectData        *data)
{
  ConnectClosure *closure = g_new0 (ConnectClosure, 1);
  const char *create_name = NULL;

  if (data->create)
    /* Translators: the name of a calendar Rapport creates on the team's server */
    create_name = _("Community Content");

  closure->self = g_object_ref (self);
  closure->data = data;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.share", FALSE);
  rapport_caldav_connect_async (self->store, data->url, data->user, data->password, create_name,
                                NULL, connect_done_cb, closure);
}

static ConnectData *
connect_data_new (const char *url,
                  const char *user,
                  const char *password)
{
  ConnectData *data = g_new0 (ConnectData, 1);

  data->url = g_strstrip (g_strdup (url));
  data->user = g_strstrip (g_strdup (user));
  data->password = g_strdup (password);

  return data;
}

static void
on_create_calendar_response_cb (AdwMessageDialog   *dialog,
                                const char         *response,
                                RapportContentView *self)
{
  ConnectData *data = g_object_get_data (G_OBJECT (dialog), "connect-data");

  if (self->store == NULL)
    return;
  if (!g_str_equal (response, "create"))
    {
      on_share_failed_response_cb (dialog, response, self);
      return;
    }

  data = connect_data_new (data->url, data->user, data->password);
  data->create = TRUE;
  start_connect (self, data);
}

/* Nothing at the address: the team may have no calendar yet. Creating one
 * is offered, not done, since a mistyped address would make a stray one. */
static void
offer_to_create (RapportContentView *self,
                 ConnectData        *data)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("There is no calendar at %s yet. Rapport can create one there, named “%s”, for the whole team to connect to."),
                          data->url, _("Community Content"));
  dialog = adw_message_dialog_new (_rapport_content_view_get_window (self),
                                   _("Create a Team Calendar?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "back", _("_Back"),
                                    "create", _("C_reate Calendar"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "back");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (data->url), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "user", g_strdup (data->user), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "connect-data",
                          connect_data_new (data->url, data->user, data->password),
                          (GDestroyNotify) connect_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_create_calendar_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ConnectClosure) closure = user_data;
  RapportContentView *self = closure->self;
  ConnectData *data = closure->data;
  g_autoptr(GError) error = NULL;

  if (!rapport_caldav_connect_finish (RAPPORT_STORE (object), result, &error))
    {
      g_autofree char *body = NULL;
      AdwMessageDialog *dialog;

      if (!data->create && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && self->store != NULL)
        {
          offer_to_create (self, data);
          _rapport_content_view_update_actions (self);
          return;
        }

      /* Translators: what went wrong, then the calendar's address */
      body = g_strdup_printf (_("%s\n\nCalendar address: %s"), error->message, data->url);
      dialog = _rapport_content_view_show_error (self, _("Could Not Share the Calendar"), body);
      /* Closing the message brings the form back as it was typed, so a
       * mistyped password is one field to fix. */
      g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (data->url), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "user", g_strdup (data->user), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_failed_response_cb), self, 0);
      _rapport_content_view_update_actions (self);
      return;
    }

  /* The first sync's toast says that it is connected. */
  self->first_sync = TRUE;
  _rapport_content_view_update_actions (self);
  start_sync (self);
}

static void
on_share_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      RapportContentView *self)
{
  GtkEditable *url = g_object_get_data (G_OBJECT (dialog), "url");
  GtkEditable *user = g_object_get_data (G_OBJECT (dialog), "user");
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");

  if (!g_str_equal (response, "connect") || self->store == NULL)
    return;

  start_connect (self, connect_data_new (gtk_editable_get_text (url), gtk_editable_get_text (user),
                                         gtk_editable_get_text (password)));
}

static void
on_share_fields_changed_cb (GtkEditable      *editable,
                            AdwMessageDialog *dialog)
{
  const char *url = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "url"));
  const char *user = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "user"));
  const char *password = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "password"));

  adw_message_dialog_set_response_enabled (dialog, "connect",
                                           (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
                                           && user[0] != '\0' && password[0] != '\0');
}

static void
present_share_dialog (RapportContentView *self,
                      const char         *old_url,
                      const char         *old_user)
{
  GtkWidget *dialog, *list, *url, *user, *password;

  dialog = adw_message_dialog_new (_rapport_content_view_get_window (self), _("Share with Team"),
                                   _("Connect the content calendar to a CalDAV calendar (Nextcloud, Radicale, any CalDAV server). Everyone connected to it sees the same plan. The password stays in your keyring."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  url = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url), _("Calendar Address"));
  gtk_editable_set_text (GTK_EDITABLE (url), old_url != NULL ? old_url : "");
  gtk_list_box_append (GTK_LIST_BOX (list), url);
  user = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (user), _("User Name"));
  gtk_editable_set_text (GTK_EDITABLE (user), old_user != NULL ? old_user : "");
  gtk_list_box_append (GTK_LIST_BOX (list), user);
  password = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password), _("Password"));
  gtk_list_box_append (GTK_LIST_BOX (list), password);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "url", url);
  g_object_set_data (G_OBJECT (dialog), "user", user);
  g_object_set_data (G_OBJECT (dialog), "password", password);
  g_signal_connect (url, "changed", G_CALLBACK (on_share_fields_changed_cb), dialog);
  g_signal_connect (user, "changed", G_CALLBACK (on_share_fields_changed_cb), dialog);
  g_signal_connect (password, "changed", G_CALLBACK (on_share_fields_changed_cb), dialog);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_share_fields_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Address and user known: what is left to type is the password. */
  if (old_url != NULL && old_url[0] != '\0' && old_user != NULL && old_user[0] != '\0')
    gtk_widget_grab_focus (password);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  if (self->store == NULL)
    return;
  rapport_caldav_get_account (self->store, &url, &user);
  present_share_dialog (self, url, user);
}

static void
on_share_failed_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             RapportContentView *self)
{
  if (self->store != NULL && self->sync_cancellable == NULL)
    present_share_dialog (self, g_object_get_data (G_OBJECT (dialog), "url"),
                          g_object_get_data (G_OBJECT (dialog), "user"));
}

static gboolean
sync_pulse_cb (gpointer user_data)
{
  RapportContentView *self = user_data;

  gtk_progress_bar_pulse (self->sync_progress);
  return G_SOURCE_CONTINUE;
}

static void
sync_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  RapportContentView *self = user_data;

  if (total == 0)
    return;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->sync_progress, MIN (1.0, (double) done / (double) total));
}

static void show_conflicts (RapportContentView *self);

static void
on_resolve_toast_clicked_cb (AdwToast           *toast,
                             RapportContentView *self)
{
  show_conflicts (self);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportContentView) self = user_data;
  RapportCaldavStats stats = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok, first;

  ok = rapport_caldav_sync_finish (RAPPORT_STORE (object), result, &stats, &error);
  first = self->first_sync;
  self->first_sync = FALSE;

  g_clear_object (&self->sync_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->sync_revealer, FALSE);
  _rapport_content_view_update_actions (self);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rapport_content_view_show_error (self, _("Could Not Sync the Team Calendar"), error->message);
      return;
    }

  if (stats.conflicts > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u item was changed here and on the server",
                                                            "%u items were changed here and on the server",
                                                            stats.conflicts),
                                               stats.conflicts);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Resolve…"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_resolve_toast_clicked_cb), self, 0);
      _rapport_content_view_show_toast (self, toast);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: after a sync: items sent to and received from the server */
      text = g_strdup_printf (first ? _("Connected to the team calendar · %u sent · %u received")
                                    : _("Team calendar synced · %u sent · %u received"),
                              stats.pushed + stats.deleted_remote, stats.pulled + stats.deleted_local);
      _rapport_content_view_show_toast (self, adw_toast_new (text));
    }
}

static void
start_sync (RapportContentView *self)
{
  if (self->store == NULL || self->sync_cancellable != NULL)
    return;

  self->sync_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->sync_progress, 0);
  self->pulse_source = g_timeout_add (100, sync_pulse_cb, self);
  gtk_revealer_set_reveal_child (self->sync_revealer, TRUE);
  _rapport_content_view_update_actions (self);

  rapport_caldav_sync_async (self->store, self->sync_cancellable, sync_progress_cb,
                             g_object_ref (self), g_object_unref, sync_done_cb, g_object_ref (self));
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  start_sync (RAPPORT_CONTENT_VIEW (widget));
}

static void
cancel_sync_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportContentView *self = RAPPORT_CONTENT_VIEW (widget);

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
}

static void
on_resolve_clicked_cb (GtkButton          *button,
                       RapportContentView *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  const char *uid = g_object_get_data (G_OBJECT (row), "uid");
  RapportCaldavResolution resolution = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "resolution"));
  GtkWidget *group = g_object_get_data (G_OBJECT (row), "group");
  g_autoptr(GError) error = NULL;

  if (!rapport_caldav_resolve_conflict (self->store, uid, resolution, &error))
    {
      _rapport_content_view_show_error (self, _("Could Not Resolve the Conflict"), error->message);
      return;
    }

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
  _rapport_content_view_update_actions (self);

  {
    g_autoptr(GPtrArray) left = rapport_caldav_list_conflicts (self->store, NULL);

    /* All settled: the choices go to the team at once. */
    if (left == NULL || left->len == 0)
      {
        gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (group)));
        if (self->sync_cancellable == NULL)
          start_sync (self);
      }
  }
}

static GtkWidget *
resolve_button (GtkWidget               *row,
                const char              *label,
                RapportCaldavResolution  resolution,
                RapportContentView      *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (button), "resolution", GINT_TO_POINTER (resolution));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_resolve_clicked_cb), self, 0);
  return button;
}

/* One side of a conflict: "Here" or "On the server", and that side's
 * title, or that it was deleted there (@title %NULL). */
static void
add_version (GtkGrid    *grid,
             int         row,
             const char *side,
             const char *title)
{
  GtkWidget *label = gtk_label_new (side);
  GtkWidget *value = gtk_label_new (title != NULL ? title : _("Deleted"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_grid_attach (grid, label, 0, row, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_valign (value, GTK_ALIGN_BASELINE);
  if (title == NULL)
    gtk_widget_add_css_class (value, "dim-label");
  else
    gtk_widget_add_css_class (value, "heading");
  gtk_grid_attach (grid, value, 1, row, 1, 1);
}

static void
show_conflicts (RapportContentView *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *box, *header, *page, *group;

  if (self->store == NULL)
    return;

  conflicts = rapport_caldav_list_conflicts (self->store, &error);
  if (conflicts == NULL)
    {
      _rapport_content_view_show_error (self, _("Could Not Read the Conflicts"), error->message);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Resolve Conflicts"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 420);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), _rapport_content_view_get_window (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("These items were changed here and by someone else since the last sync. Choose which version to keep; when all are settled, Rapport syncs and everyone gets your choices."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  for (guint i = 0; i < conflicts->len; i++)
    {
      RapportCaldavConflict *conflict = g_ptr_array_index (conflicts, i);
      const char *local = rapport_caldav_conflict_get_local_title (conflict);
      const char *remote = rapport_caldav_conflict_get_remote_title (conflict);
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *content, *versions, *buttons;

      /* Both versions one above the other and the choices under them, so
       * the titles keep their width in a narrow window. */
      content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_widget_set_margin_top (content, 12);
      gtk_widget_set_margin_bottom (content, 12);
      gtk_widget_set_margin_start (content, 12);
      gtk_widget_set_margin_end (content, 12);
      versions = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (versions), 12);
      gtk_grid_set_row_spacing (GTK_GRID (versions), 6);
      add_version (GTK_GRID (versions), 0, _("Here"),
                   rapport_caldav_conflict_get_local_deleted (conflict) ? NULL : local);
      add_version (GTK_GRID (versions), 1, _("On the server"),
                   rapport_caldav_conflict_get_remote_deleted (conflict) ? NULL : remote);
      gtk_box_append (GTK_BOX (content), versions);

      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (buttons), resolve_button (row, _("Keep _Mine"), RAPPORT_CALDAV_KEEP_MINE, self));
      gtk_box_append (GTK_BOX (buttons), resolve_button (row, _("Take _Theirs"), RAPPORT_CALDAV_TAKE_THEIRS, self));
      gtk_box_append (GTK_BOX (content), buttons);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), local != NULL ? local : remote);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      g_object_set_data_full (G_OBJECT (row), "uid", g_strdup (rapport_caldav_conflict_get_uid (conflict)), g_free);
      g_object_set_data (G_OBJECT (row), "group", group);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_conflicts (RAPPORT_CONTENT_VIEW (widget));
}

void
_rapport_content_view_class_init_actions (RapportContentViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "content.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "content.show-backlog", "show-backlog");
  gtk_widget_class_install_property_action (widget_class, "content.filter-channel", "filter-channel");
  gtk_widget_class_install_property_action (widget_class, "content.filter-status", "filter-status");
  gtk_widget_class_install_property_action (widget_class, "content.filter-owner", "filter-owner");
  gtk_widget_class_install_action (widget_class, "content.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "content.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "content.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "content.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "content.new-idea", NULL, new_idea_action);
  gtk_widget_class_install_action (widget_class, "content.new-on-day", "s", new_on_day_action);
  gtk_widget_class_install_action (widget_class, "content.open", "(xx)", open_action);
  gtk_widget_class_install_action (widget_class, "content.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "content.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "content.cancel-sync", NULL, cancel_sync_action);
  gtk_widget_class_install_action (widget_class, "content.conflicts", NULL, conflicts_action);
  gtk_widget_class_install_action (widget_class, "content.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "content.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "content.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "content.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "content.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "content.next", NULL);
}
