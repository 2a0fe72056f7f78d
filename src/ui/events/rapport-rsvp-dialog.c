/* rapport-rsvp-dialog.c
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

#define G_LOG_DOMAIN "rapport-rsvp-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-member.h"
#include "rapport-rsvp-dialog.h"
#include "rapport-store.h"

/* Types in an RSVP: find the member, choose what they answered and how
 * many they bring. */

#define MAX_RESULTS 20

struct _RapportRsvpDialog
{
  AdwWindow      parent_instance;

  RapportStore  *store;
  gint64         event_id;

  GtkSearchEntry *search_entry;
  GtkListBox    *results;
  AdwComboRow   *status_row;
  GtkSpinButton *party_spin;
};

G_DEFINE_FINAL_TYPE (RapportRsvpDialog, rapport_rsvp_dialog, ADW_TYPE_WINDOW)

/* What a typed RSVP can say, in the status row's order. */
static const char *statuses[] = {
  RAPPORT_RSVP_GOING,
  RAPPORT_RSVP_MAYBE,
  RAPPORT_RSVP_DECLINED,
  RAPPORT_RSVP_WAITLISTED,
};

static void
update_actions (RapportRsvpDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rsvp.add",
                                 gtk_list_box_get_selected_row (self->results) != NULL);
}

static void
on_search_changed_cb (RapportRsvpDialog *self,
                      GtkSearchEntry    *entry)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  if (text[0] == '\0')
    {
      update_actions (self);
      return;
    }

  members = rapport_store_search (self->store, text, MAX_RESULTS, &error);
  if (members == NULL)
    {
      g_warning ("Could not search members for “%s”: %s", text, error->message);
      return;
    }

  for (guint i = 0; i < members->len; i++)
    {
      RapportMember *member = g_ptr_array_index (members, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (rapport_member_get_name (member), -1);
      const char *organization = rapport_member_get_organization (member);
      const char *email = rapport_member_get_email (member);
      g_autofree char *subtitle = NULL;
      gint64 id = rapport_member_get_id (member);

      if (organization != NULL && email != NULL)
        subtitle = g_markup_printf_escaped ("%s · %s", organization, email);
      else if (organization != NULL || email != NULL)
        subtitle = g_markup_escape_text (organization != NULL ? organization : email, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "member-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->results, row);
    }

  gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
  update_actions (self);
}

static void
on_row_selected_cb (RapportRsvpDialog *self,
                    GtkListBoxRow     *row,
                    GtkListBox        *list)
{
  update_actions (self);
}

static gint64
selected_member (RapportRsvpDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);
  gint64 *id;

  if (row == NULL)
    return 0;

  id = g_object_get_data (G_OBJECT (row), "member-id");
  return id != NULL ? *id : 0;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportRsvpDialog *self = RAPPORT_RSVP_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->status_row);
  const char *status = selected < G_N_ELEMENTS (statuses) ? statuses[selected] : RAPPORT_RSVP_GOING;

  if (rapport_rsvp_dialog_add (self, status, gtk_spin_button_get_value_as_int (self->party_spin), &error) == 0)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Add the RSVP"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_search_activate_cb (RapportRsvpDialog *self,
                       GtkSearchEntry    *entry)
{
  if (selected_member (self) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "rsvp.add", NULL);
}

static void
rapport_rsvp_dialog_dispose (GObject *object)
{
  RapportRsvpDialog *self = RAPPORT_RSVP_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_rsvp_dialog_parent_class)->dispose (object);
}

static void
rapport_rsvp_dialog_class_init (RapportRsvpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_rsvp_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "rsvp.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_rsvp_dialog_init (RapportRsvpDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("Type a name or an email to find the member."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *party_row = adw_action_row_new ();

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "rsvp.add");
  gtk_widget_add_css_class (add, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), add);
  gtk_box_append (GTK_BOX (box), header_bar);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search members"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search members"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->search_entry));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->results), GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->results, placeholder);
  g_signal_connect_object (self->results, "row-selected", G_CALLBACK (on_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (inner), scrolled);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, rapport_rsvp_status_get_label (statuses[i]));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_row));

  self->party_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 50, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->party_spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (party_row), _("Party Size"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (party_row), _("The member and their guests"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (party_row), GTK_WIDGET (self->party_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (party_row), GTK_WIDGET (self->party_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), party_row);
  gtk_box_append (GTK_BOX (inner), group);

  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 18);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_box_append (GTK_BOX (box), clamp);

  adw_window_set_content (ADW_WINDOW (self), box);
  update_actions (self);
}

/**
 * rapport_rsvp_dialog_new:
 *
 * Returns: (transfer full): a modal dialog over @parent that adds an RSVP
 *   to @event_id
 */
GtkWidget *
rapport_rsvp_dialog_new (GtkWindow    *parent,
                         RapportStore *store,
                         gint64        event_id)
{
  RapportRsvpDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_RSVP_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Add RSVP"),
                       "default-width", 460,
                       "default-height", 600,
                       "width-request", 360,
                       "height-request", 294,
                       NULL);
  self->store = g_object_ref (store);
  self->event_id = event_id;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return GTK_WIDGET (self);
}

void
rapport_rsvp_dialog_set_search (RapportRsvpDialog *self,
                                const char        *text)
{
  g_return_if_fail (RAPPORT_IS_RSVP_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Search now rather than after the entry's typing delay. */
  on_search_changed_cb (self, self->search_entry);
}

/**
 * rapport_rsvp_dialog_select:
 *
 * Returns: whether @member_id is among the results, now selected
 */
gboolean
rapport_rsvp_dialog_select (RapportRsvpDialog *self,
                            gint64             member_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RAPPORT_IS_RSVP_DIALOG (self), FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->results, i)) != NULL; i++)
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "member-id");

      if (id != NULL && *id == member_id)
        {
          gtk_list_box_select_row (self->results, row);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rapport_rsvp_dialog_add:
 *
 * Adds the selected member's RSVP. A "going" party that does not fit goes
 * on the waitlist, as the event's rules say.
 *
 * Returns: the RSVP's id, or 0 with @error set
 */
gint64
rapport_rsvp_dialog_add (RapportRsvpDialog  *self,
                         const char         *status,
                         int                 party_size,
                         GError            **error)
{
  gint64 member_id;

  g_return_val_if_fail (RAPPORT_IS_RSVP_DIALOG (self), 0);

  member_id = selected_member (self);
  if (member_id == 0)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("Choose a member first"));
      return 0;
    }

  if (rapport_events_find_rsvp (self->store, self->event_id, member_id) != 0)
    {
      g_set_error_literal (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID,
                           _("This member already has an RSVP for this event"));
      return 0;
    }

  return rapport_events_add_rsvp (self->store, self->event_id, member_id, status, party_size,
                                  "manual", NULL, NULL, error);
}
