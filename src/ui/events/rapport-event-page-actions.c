/* rapport-event-page-actions.c
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

#define G_LOG_DOMAIN "rapport-event-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-event-editor.h"
#include "rapport-event-page-private.h"
#include "rapport-events.h"
#include "rapport-rsvp-dialog.h"
#include "rapport-rsvp.h"
#include "rapport-store.h"
#include "rapport-undo-toast.h"
#include "rapport-util.h"

/* Editing RSVPs: the items of a row's menu, which carry the RSVP's id */

static void
rsvp_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkMenuButton *button = _rapport_event_page_find_focused_menu_button (RAPPORT_EVENT_PAGE (widget));

  if (button != NULL)
    gtk_menu_button_popup (button);
}

static RapportRsvp *
get_rsvp_or_warn (RapportEventPage *self,
                  gint64            rsvp_id,
                  const char       *heading)
{
  g_autoptr(GError) error = NULL;
  RapportRsvp *rsvp = rapport_events_get_rsvp (self->store, rsvp_id, &error);

  if (rsvp == NULL)
    _rapport_event_page_show_error (self, heading, error->message);

  return rsvp;
}

static char *
dup_status_toast (const char *status,
                  const char *name)
{
  if (g_strcmp0 (status, RAPPORT_RSVP_GOING) == 0)
    /* Translators: a toast, e.g. "Ana Gomez is going" */
    return g_strdup_printf (_("%s is going"), name);
  if (g_strcmp0 (status, RAPPORT_RSVP_MAYBE) == 0)
    /* Translators: a toast, e.g. "Ana Gomez might come" */
    return g_strdup_printf (_("%s might come"), name);
  if (g_strcmp0 (status, RAPPORT_RSVP_WAITLISTED) == 0)
    /* Translators: a toast, e.g. "Ana Gomez is on the waitlist" */
    return g_strdup_printf (_("%s is on the waitlist"), name);
  if (g_strcmp0 (status, RAPPORT_RSVP_CANCELLED) == 0)
    /* Translators: a toast, e.g. "Ana Gomez cancelled" */
    return g_strdup_printf (_("%s cancelled"), name);
  /* Translators: a toast, e.g. "Ana Gomez is not going" */
  return g_strdup_printf (_("%s is not going"), name);
}

/* The waitlisted parties holding an offer, to tell afterwards which
 * offers a change made. */
static GHashTable *
collect_offered (RapportEventPage *self)
{
  GHashTable *offered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->waitlist ? g_list_model_get_n_items (G_LIST_MODEL (self->waitlist)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportRsvp) rsvp = g_list_model_get_item (G_LIST_MODEL (self->waitlist), i);
      gint64 id = rapport_rsvp_get_id (rsvp);

      if (rapport_rsvp_get_offered_at (rsvp) != 0)
        g_hash_table_add (offered, g_memdup2 (&id, sizeof id));
    }

  return offered;
}

/* " · 2 places offered to the waitlist" when a change made new offers. */
static char *
dup_offer_note (RapportEventPage *self,
                GHashTable       *offered_before)
{
  g_autoptr(GHashTable) offered_after = collect_offered (self);
  g_autofree char *count = NULL;
  gint64 places = 0;
  guint n = self->waitlist ? g_list_model_get_n_items (G_LIST_MODEL (self->waitlist)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportRsvp) rsvp = g_list_model_get_item (G_LIST_MODEL (self->waitlist), i);
      gint64 id = rapport_rsvp_get_id (rsvp);

      if (g_hash_table_contains (offered_after, &id) && !g_hash_table_contains (offered_before, &id))
        places += rapport_rsvp_get_party_size (rsvp);
    }

  if (places == 0)
    return g_strdup ("");

  count = rapport_format_count (places);
  /* Translators: appended to a toast when freed places went to the waitlist */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       " · %s place offered to the waitlist",
                                       " · %s places offered to the waitlist",
                                       places),
                          count);
}

static void
rsvp_status_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  g_autoptr(RapportRsvp) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  const char *status;
  g_autoptr(GHashTable) offered_before = collect_offered (self);
  gint64 rsvp_id;

  g_variant_get (parameter, "(x&s)", &rsvp_id, &status);

  if (!rapport_events_set_rsvp_status (self->store, rsvp_id, status, &error))
    {
      _rapport_event_page_show_error (self, _("Could Not Change the RSVP"), error->message);
      return;
    }

  after = get_rsvp_or_warn (self, rsvp_id, _("Could Not Change the RSVP"));
  if (after == NULL)
    return;

  /* Going when full waits: say so rather than let it pass unseen. */
  if (g_str_equal (status, RAPPORT_RSVP_GOING) &&
      g_strcmp0 (rapport_rsvp_get_status (after), RAPPORT_RSVP_WAITLISTED) == 0)
    /* Translators: a toast, e.g. "The event is full: Ana Gomez is on the waitlist" */
    title = g_strdup_printf (_("The event is full: %s is on the waitlist"), rapport_rsvp_get_name (after));
  else
    title = dup_status_toast (rapport_rsvp_get_status (after), rapport_rsvp_get_name (after));

  note = dup_offer_note (self, offered_before);
  text = g_strconcat (title, note, NULL);
  _rapport_event_page_show_toast (self, text);
}

static void
on_party_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             RapportEventPage *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "spin");
  gint64 rsvp_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rsvp-id");
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) offered_before = collect_offered (self);
  int party;

  if (!g_str_equal (response, "save"))
    return;

  gtk_spin_button_update (spin);
  party = gtk_spin_button_get_value_as_int (spin);
  if (!rapport_events_set_party_size (self->store, rsvp_id, party, &error))
    {
      _rapport_event_page_show_error (self, _("Could Not Change the Party Size"), error->message);
      return;
    }

  rsvp = get_rsvp_or_warn (self, rsvp_id, _("Could Not Change the Party Size"));
  if (rsvp == NULL)
    return;

  /* Translators: a toast, e.g. "Ana Gomez: party of 3" */
  title = g_strdup_printf (_("%s: party of %d"), rapport_rsvp_get_name (rsvp), party);
  note = dup_offer_note (self, offered_before);
  text = g_strconcat (title, note, NULL);
  _rapport_event_page_show_toast (self, text);
}

static void
rsvp_party_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *spin;

  rsvp = get_rsvp_or_warn (self, rsvp_id, _("Could Not Change the Party Size"));
  if (rsvp == NULL)
    return;

  /* Translators: the question of the party size dialog, e.g. "How many people are in Ana Gomez’s party, including them?" */
  body = g_strdup_printf (_("How many people are in %s’s party, including them?"), rapport_rsvp_get_name (rsvp));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Edit Party Size"), body);

  /* 1 to 1000, the range the events core accepts. */
  spin = gtk_spin_button_new_with_range (1, 1000, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), rapport_rsvp_get_party_size (rsvp));
  /* Enter saves (GtkSpinButton has no activates-default before GTK 4.14). */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Party size"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "spin", spin);
  g_object_set_data_full (G_OBJECT (dialog), "rsvp-id", g_memdup2 (&rsvp_id, sizeof rsvp_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_party_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

static void
rsvp_check_in_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!rapport_events_check_in (self->store, rsvp_id, &error))
    {
      _rapport_event_page_show_error (self, _("Could Not Check In"), error->message);
      return;
    }

  rsvp = get_rsvp_or_warn (self, rsvp_id, _("Could Not Check In"));
  if (rsvp == NULL)
    return;

  /* Translators: a toast, e.g. "Ana Gomez is checked in" */
  title = g_strdup_printf (_("%s is checked in"), rapport_rsvp_get_name (rsvp));
  _rapport_event_page_show_toast (self, title);
}

static void
rsvp_undo_check_in_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  g_autoptr(RapportRsvp) before = NULL;
  g_autoptr(RapportRsvp) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  before = get_rsvp_or_warn (self, rsvp_id, _("Could Not Undo the Check-In"));
  if (before == NULL)
    return;

  if (!rapport_events_undo_check_in (self->store, rsvp_id, &error))
    {
      _rapport_event_page_show_error (self, _("Could Not Undo the Check-In"), error->message);
      return;
    }

  /* A walk-in exists only because they came: undoing removes them. */
  after = rapport_events_get_rsvp (self->store, rsvp_id, NULL);
  if (after == NULL)
    /* Translators: a toast after undoing a walk-in's check-in, e.g. "Walk-in Chris Doe removed" */
    title = g_strdup_printf (_("Walk-in %s removed"), rapport_rsvp_get_name (before));
  else
    /* Translators: a toast, e.g. "Ana Gomez is no longer checked in" */
    title = g_strdup_printf (_("%s is no longer checked in"), rapport_rsvp_get_name (before));
  _rapport_event_page_show_toast (self, title);
}

static void
rsvp_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  g_autoptr(RapportRsvp) was = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) offered_before = collect_offered (self);
  gint64 journal_id = 0;

  was = rapport_events_get_rsvp (self->store, rsvp_id, &error);
  if (was == NULL || !rapport_events_remove_rsvp (self->store, rsvp_id, &journal_id, &error))
    {
      _rapport_event_page_show_error (self, _("Could Not Remove the RSVP"), error->message);
      return;
    }

  /* Kept to tell, after Undo, whether the places were taken meanwhile. */
  g_hash_table_insert (self->removals, g_memdup2 (&journal_id, sizeof journal_id), g_steal_pointer (&was));

  /* Translators: a toast after removing an RSVP, with an Undo button */
  title = g_strdup_printf (_("RSVP of %s removed"),
                           rapport_rsvp_get_name (g_hash_table_lookup (self->removals, &journal_id)));
  note = dup_offer_note (self, offered_before);
  text = g_strconcat (title, note, NULL);

  _rapport_event_page_add_toast (self, rapport_undo_toast_new_full (text, journal_id, "event.rsvp-restore"));
}

static void
rsvp_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 journal_id = g_variant_get_int64 (parameter);
  RapportRsvp *was = g_hash_table_lookup (self->removals, &journal_id);
  g_autoptr(RapportRsvp) back = NULL;
  g_autoptr(GError) error = NULL;

  if (!rapport_store_undo (self->store, journal_id, &error))
    {
      _rapport_event_page_show_error (self, _("Could Not Restore the RSVP"), error->message);
      return;
    }

  if (was != NULL)
    back = rapport_events_get_rsvp (self->store,
                                    rapport_events_find_rsvp (self->store, rapport_rsvp_get_event_id (was),
                                                              rapport_rsvp_get_member_id (was)),
                                    NULL);
  if (back != NULL &&
      g_strcmp0 (rapport_rsvp_get_status (back), RAPPORT_RSVP_WAITLISTED) == 0 &&
      g_strcmp0 (rapport_rsvp_get_status (was), RAPPORT_RSVP_GOING) == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: a toast after Undo when the places were taken meanwhile */
      title = g_strdup_printf (_("The event filled up meanwhile: %s is back on the waitlist"),
                               rapport_rsvp_get_name (was));
      _rapport_event_page_show_toast (self, title);
    }

  g_hash_table_remove (self->removals, &journal_id);
}

static void
rsvp_remove_focused_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GtkMenuButton *button = _rapport_event_page_find_focused_menu_button (RAPPORT_EVENT_PAGE (widget));
  RapportRsvp *rsvp = button ? g_object_get_data (G_OBJECT (button), "rapport-rsvp") : NULL;

  if (rsvp != NULL)
    gtk_widget_activate_action (widget, "event.rsvp-remove", "x", rapport_rsvp_get_id (rsvp));
}

/* The event: its files, check-in and details */

static void
on_import_chooser_response_cb (RapportEventPage *self,
                               int               response,
                               GtkNativeDialog  *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rapport_event_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern,
            const char     *upper_pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_pattern (filter, upper_pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->file_chooser != NULL || self->cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import RSVPs"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (all, _("RSVP Files"));
  gtk_file_filter_add_mime_type (all, "text/csv");
  gtk_file_filter_add_mime_type (all, "text/calendar");
  gtk_file_filter_add_pattern (all, "*.csv");
  gtk_file_filter_add_pattern (all, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV Files"), "text/csv", "*.csv", "*.CSV");
  add_filter (GTK_FILE_CHOOSER (chooser), _("Invitations"), "text/calendar", "*.ics", "*.ICS");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

static void
on_export_chooser_response_cb (RapportEventPage *self,
                               int               response,
                               GtkNativeDialog  *chooser)
{
  RapportEventExport format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rapport_event_page_export_file (self, format, file);
    }

  gtk_native_dialog_destroy (chooser);
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

/* A file name from the event's title: "Berlin Community Meetup.csv". */
static char *
suggest_name (RapportEventPage *self,
              const char       *extension)
{
  g_autofree char *title = g_strdup (self->event ? rapport_event_get_title (self->event) : _("Event"));

  g_strdelimit (title, "/\\:", '-');
  return g_strconcat (title, extension, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  RapportEventExport format;
  g_autofree char *name = NULL;
  const char *title;

  if (self->file_chooser != NULL || self->cancellable != NULL)
    return;

  if (g_str_equal (target, "ics"))
    {
      format = RAPPORT_EVENT_EXPORT_ICS;
      title = _("Export Invitation");
      name = suggest_name (self, ".ics");
    }
  else if (g_str_equal (target, "pdf"))
    {
      format = RAPPORT_EVENT_EXPORT_PDF;
      title = _("Export Attendee Sheet");
      name = suggest_name (self, ".pdf");
    }
  else
    {
      format = RAPPORT_EVENT_EXPORT_CSV;
      title = _("Export Attendees");
      name = suggest_name (self, ".csv");
    }

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

static void
cancel_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rapport_event_page_mark_done (self, &error))
    _rapport_event_page_show_error (self, _("Could Not Mark the Event as Done"), error->message);
}

static void
checkin_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rapport_event_page_open_checkin (RAPPORT_EVENT_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (self->event == NULL)
    return;

  editor = rapport_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->event);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_rsvp_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->event_id == 0)
    return;

  dialog = rapport_rsvp_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->event_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rapport_event_page_class_init_actions (RapportEventPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "event.checkin", NULL, checkin_action);
  gtk_widget_class_install_action (widget_class, "event.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "event.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "event.cancel-job", NULL, cancel_job_action);
  gtk_widget_class_install_action (widget_class, "event.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "event.add-rsvp", NULL, add_rsvp_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-status", "(xs)", rsvp_status_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-party", "x", rsvp_party_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-check-in", "x", rsvp_check_in_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-undo-check-in", "x", rsvp_undo_check_in_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-remove", "x", rsvp_remove_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-restore", "x", rsvp_restore_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-menu", NULL, rsvp_menu_action);
  gtk_widget_class_install_action (widget_class, "event.rsvp-remove-focused", NULL, rsvp_remove_focused_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "event.rsvp-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "event.rsvp-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "event.rsvp-remove-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "event.rsvp-remove-focused", NULL);
}
