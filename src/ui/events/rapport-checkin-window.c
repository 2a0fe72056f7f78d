/* rapport-checkin-window.c
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

#define G_LOG_DOMAIN "rapport-checkin-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-checkin-window.h"
#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-rsvp-list.h"
#include "rapport-rsvp.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* Check-in mode: the door. One search entry that keeps the focus, big
 * rows, Enter checks in the highlighted person, Undo in a toast, walk-ins,
 * and live counters. Everything is local: no network is needed. */

#define MAX_RESULTS 30

struct _RapportCheckinWindow
{
  AdwWindow           parent_instance;

  RapportStore       *store;
  gint64              event_id;
  RapportRsvpList    *rsvps;
  GListStore         *results;
  GtkSingleSelection *selection;
  char               *searched;
  gulong              changed_id;
  AdwToast           *last_toast;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkLabel           *checked_in_label;
  GtkLabel           *going_label;
  GtkLabel           *capacity_label;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *confirm_revealer;
  GtkWidget          *confirm_box;
  GtkImage           *confirm_icon;
  GtkLabel           *confirm_title;
  GtkLabel           *confirm_detail;
  GtkStack           *results_stack;
  GtkListView        *results_view;
};

G_DEFINE_FINAL_TYPE (RapportCheckinWindow, rapport_checkin_window, ADW_TYPE_WINDOW)

typedef enum
{
  CONFIRM_SUCCESS,
  CONFIRM_WARNING,
  CONFIRM_ERROR,
} ConfirmKind;

/* The banner under the entry says what the last Enter did, big enough to
 * read from a step away. */
static void
confirm (RapportCheckinWindow *self,
         ConfirmKind           kind,
         const char           *title,
         const char           *detail)
{
  static const char *classes[] = { "success", "warning", "error" };
  static const char *icons[] = { "object-select-symbolic", "dialog-information-symbolic", "dialog-warning-symbolic" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->confirm_box, classes[i]);
  gtk_widget_add_css_class (self->confirm_box, classes[kind]);
  gtk_image_set_from_icon_name (self->confirm_icon, icons[kind]);
  gtk_label_set_label (self->confirm_title, title);
  gtk_label_set_label (self->confirm_detail, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_detail), detail != NULL && detail[0] != '\0');
  gtk_revealer_set_reveal_child (self->confirm_revealer, TRUE);
}

static char *
dup_party (RapportRsvp *rsvp)
{
  int party = rapport_rsvp_get_party_size (rsvp);

  /* Translators: a party at the door, e.g. "3 people" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", party), party);
}

static char *
dup_detail (RapportRsvp *rsvp)
{
  const char *organization = rapport_rsvp_get_organization (rsvp);
  g_autofree char *party = dup_party (rsvp);

  if (organization == NULL || organization[0] == '\0')
    return g_steal_pointer (&party);

  /* Translators: e.g. "3 people · Nordvik Systems" */
  return g_strdup_printf (_("%s · %s"), party, organization);
}

/* Counters */

static void
update_counters (RapportCheckinWindow *self)
{
  g_autofree char *checked = rapport_format_count (rapport_rsvp_list_get_checked_in (self->rsvps));
  g_autofree char *going = rapport_format_count (rapport_rsvp_list_get_going (self->rsvps));
  gint64 capacity = rapport_rsvp_list_get_capacity (self->rsvps);

  gtk_label_set_label (self->checked_in_label, checked);
  gtk_label_set_label (self->going_label, going);
  if (capacity >= 0)
    {
      g_autofree char *text = rapport_format_count (capacity);

      gtk_label_set_label (self->capacity_label, text);
    }
  else
    /* Translators: the capacity of an event without a limit, shown as a big number */
    gtk_label_set_label (self->capacity_label, _("∞"));
}

static void
on_counts_notify_cb (RapportCheckinWindow *self,
                     GParamSpec           *pspec,
                     RapportRsvpList      *list)
{
  update_counters (self);
}

/* Searching */

static void
search (RapportCheckinWindow *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean same = g_strcmp0 (self->searched, text) == 0;

  g_free (self->searched);
  self->searched = g_strdup (text);

  found = rapport_events_search_rsvps (self->store, self->event_id, text, MAX_RESULTS, &error);
  if (found == NULL)
    {
      g_warning ("Could not search the RSVPs for “%s”: %s", text, error->message);
      found = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found->pdata, found->len);

  /* A refresh after a change keeps the highlighted row; new text starts
   * from the first match. */
  if (same && selected != GTK_INVALID_LIST_POSITION && selected < found->len)
    gtk_single_selection_set_selected (self->selection, selected);
  else if (found->len > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  if (text[0] == '\0')
    gtk_stack_set_visible_child_name (self->results_stack, "hint");
  else if (found->len == 0)
    gtk_stack_set_visible_child_name (self->results_stack, "none");
  else
    gtk_stack_set_visible_child_name (self->results_stack, "results");
}

static void
on_search_changed_cb (RapportCheckinWindow *self,
                      GtkSearchEntry       *entry)
{
  search (self);
}

static void
on_store_changed_cb (RapportStore         *store,
                     const char           *table,
                     gint64                row_id,
                     RapportChangeKind     kind,
                     RapportCheckinWindow *self)
{
  /* Connected for events: this event's RSVPs changed. */
  if (kind == RAPPORT_CHANGE_RELOAD || row_id == self->event_id)
    {
      g_autofree char *searched = g_strdup (self->searched);

      /* Rows show status and check-in: read them again, same text. */
      if (searched != NULL && g_strcmp0 (searched, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0)
        search (self);
    }
}

/* Checking in */

static void
show_undo_toast (RapportCheckinWindow *self,
                 RapportRsvp          *rsvp)
{
  g_autofree char *escaped = g_markup_escape_text (rapport_rsvp_get_name (rsvp), -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: a toast after checking someone in, with an Undo button */
  title = g_strdup_printf (_("%s checked in"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "checkin.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (rapport_rsvp_get_id (rsvp)));
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
ready_for_next (RapportCheckinWindow *self)
{
  /* The next person is already at the door. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rapport_checkin_window_check_in:
 *
 * Checks a party in and says so on the banner, with Undo in a toast. A
 * party checked in already, or one that does not fit, is explained
 * instead.
 *
 * Returns: whether the party is now checked in by this call
 */
gboolean
rapport_checkin_window_check_in (RapportCheckinWindow *self,
                                 gint64                rsvp_id)
{
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autoptr(RapportRsvp) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), FALSE);

  rsvp = rapport_events_get_rsvp (self->store, rsvp_id, &error);
  if (rsvp == NULL)
    {
      confirm (self, CONFIRM_ERROR, _("Could not check in"), error->message);
      return FALSE;
    }

  if (rapport_rsvp_get_checked_in_at (rsvp) != 0)
    {
      g_autofree char *when = rapport_event_format_time (rapport_rsvp_get_checked_in_at (rsvp));

      /* Translators: at the door, e.g. "Ana Gomez is already in" */
      title = g_strdup_printf (_("%s is already in"), rapport_rsvp_get_name (rsvp));
      /* Translators: e.g. "Checked in on 14 May 2026, 19:04" */
      detail = g_strdup_printf (_("Checked in on %s"), when);
      confirm (self, CONFIRM_WARNING, title, detail);
      ready_for_next (self);
      return FALSE;
    }

  if (!rapport_events_check_in (self->store, rsvp_id, &error))
    {
      /* Translators: at the door, e.g. "Ana Gomez could not be checked in" */
      title = g_strdup_printf (_("%s could not be checked in"), rapport_rsvp_get_name (rsvp));
      confirm (self, CONFIRM_ERROR, title, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return FALSE;
    }

  after = rapport_events_get_rsvp (self->store, rsvp_id, NULL);
  /* Translators: at the door, in big letters, e.g. "Ana Gomez is checked in" */
  title = g_strdup_printf (_("%s is checked in"), rapport_rsvp_get_name (rsvp));
  detail = dup_detail (after ? after : rsvp);
  confirm (self, CONFIRM_SUCCESS, title, detail);
  show_undo_toast (self, rsvp);
  ready_for_next (self);

  return TRUE;
}

static RapportRsvp *
selected_rsvp (RapportCheckinWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
on_search_activate_cb (RapportCheckinWindow *self,
                       GtkSearchEntry       *entry)
{
  RapportRsvp *rsvp;

  /* Enter may come before the typing delay ran the search: never check in
   * a match for older text. */
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    search (self);

  rsvp = selected_rsvp (self);
  if (rsvp != NULL)
    rapport_checkin_window_check_in (self, rapport_rsvp_get_id (rsvp));
}

static void
on_search_stop_cb (RapportCheckinWindow *self,
                   GtkSearchEntry       *entry)
{
  /* Escape clears a typo first, then leaves check-in mode. */
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    ready_for_next (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_results_activate_cb (RapportCheckinWindow *self,
                        guint                 position,
                        GtkListView          *view)
{
  g_autoptr(RapportRsvp) rsvp = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (rsvp != NULL)
    rapport_checkin_window_check_in (self, rapport_rsvp_get_id (rsvp));
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         RapportCheckinWindow  *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n == 0 || (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up &&
                 keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_KP_Up))
    return FALSE;

  /* Arrows move the highlight while the entry keeps the focus. */
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    selected = MIN (selected + 1, n - 1);
  else if (selected > 0)
    selected--;

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", selected);
  return TRUE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCheckinWindow *self = RAPPORT_CHECKIN_WINDOW (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  g_autoptr(RapportRsvp) rsvp = rapport_events_get_rsvp (self->store, rsvp_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!rapport_events_undo_check_in (self->store, rsvp_id, &error))
    {
      confirm (self, CONFIRM_ERROR, _("Could not undo the check-in"), error->message);
      return;
    }

  /* Translators: at the door, after Undo, e.g. "Check-in of Ana Gomez undone" */
  title = g_strdup_printf (_("Check-in of %s undone"), rsvp ? rapport_rsvp_get_name (rsvp) : "");
  confirm (self, CONFIRM_WARNING, title, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rapport_checkin_window_check_in (RAPPORT_CHECKIN_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* Walk-ins */

static void
show_refusal (RapportCheckinWindow *self,
              const char           *name,
              GError               *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (g_error_matches (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL))
    {
      body = g_strdup_printf ("%s.\n\n%s", error->message,
                              _("To let more people in than there are places, turn on “Allow Going Over Capacity” in the event’s settings."));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Event Is Full"), body));
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Add “%s”"), name);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
    }

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rapport_checkin_window_add_walk_in:
 * @email: (nullable): finds the member, or is given to the new one
 *
 * Adds someone who did not RSVP and checks them in. One who does not fit
 * is refused with a dialog that says why, unless the event allows going
 * over capacity.
 *
 * Returns: the RSVP's id, or 0 when refused
 */
gint64
rapport_checkin_window_add_walk_in (RapportCheckinWindow *self,
                                    const char           *name,
                                    const char           *email,
                                    int                   party_size)
{
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  gint64 rsvp_id;

  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  rsvp_id = rapport_events_walk_in (self->store, self->event_id, name,
                                    email != NULL && email[0] != '\0' ? email : NULL,
                                    party_size, &error);
  if (rsvp_id == 0)
    {
      show_refusal (self, name, error);
      return 0;
    }

  rsvp = rapport_events_get_rsvp (self->store, rsvp_id, NULL);
  /* Translators: at the door, e.g. "Ana Gomez is checked in" */
  title = g_strdup_printf (_("%s is checked in"), rsvp ? rapport_rsvp_get_name (rsvp) : name);
  detail = rsvp ? dup_detail (rsvp) : NULL;
  confirm (self, CONFIRM_SUCCESS, title, detail);
  if (rsvp != NULL)
    show_undo_toast (self, rsvp);
  ready_for_next (self);

  return rsvp_id;
}

typedef struct
{
  GtkEditable   *name;
  GtkEditable   *email;
  GtkSpinButton *party;
} WalkInForm;

static void
on_walk_in_changed_cb (GtkEditable      *editable,
                       AdwMessageDialog *dialog)
{
  WalkInForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (form->name)));
  const char *email = gtk_editable_get_text (form->email);

  adw_message_dialog_set_response_enabled (dialog, "add",
                                           name[0] != '\0' && (email[0] == '\0' || rapport_email_is_valid (email)));
}

static void
on_walk_in_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        RapportCheckinWindow *self)
{
  WalkInForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (g_str_equal (response, "add"))
    {
      name = g_strstrip (g_strdup (gtk_editable_get_text (form->name)));
      email = g_strstrip (g_strdup (gtk_editable_get_text (form->email)));
      rapport_checkin_window_add_walk_in (self, name, email, gtk_spin_button_get_value_as_int (form->party));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkWidget *
add_entry (GtkWidget  *box,
           const char *placeholder,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

/**
 * rapport_checkin_window_open_walk_in:
 *
 * Asks for a walk-in's name, email and party; what was typed in the search
 * becomes the name (or the email).
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
rapport_checkin_window_open_walk_in (RapportCheckinWindow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean typed_email = strchr (typed, '@') != NULL;
  AdwMessageDialog *dialog;
  WalkInForm *form = g_new0 (WalkInForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *party_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *party_label = gtk_label_new (_("Party size"));

  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Walk-in"),
                                                       _("Someone who did not RSVP: they are added and checked in at once.")));

  form->name = GTK_EDITABLE (add_entry (box, _("Full name"), typed_email ? NULL : typed));
  form->email = GTK_EDITABLE (add_entry (box, _("Email (optional)"), typed_email ? typed : NULL));
  form->party = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 20, 1));
  gtk_label_set_xalign (GTK_LABEL (party_label), 0);
  gtk_widget_set_hexpand (party_label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->party), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Party size"), -1);
  gtk_box_append (GTK_BOX (party_box), party_label);
  gtk_box_append (GTK_BOX (party_box), GTK_WIDGET (form->party));
  gtk_box_append (GTK_BOX (box), party_box);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data_full (G_OBJECT (dialog), "form", form, g_free);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Check In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect (form->name, "changed", G_CALLBACK (on_walk_in_changed_cb), dialog);
  g_signal_connect (form->email, "changed", G_CALLBACK (on_walk_in_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_walk_in_response_cb), self, 0);
  on_walk_in_changed_cb (NULL, dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (typed_email ? GTK_WIDGET (form->name) : GTK_WIDGET (form->email));
  if (typed[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (form->name));

  return GTK_WINDOW (dialog);
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rapport_checkin_window_open_walk_in (RAPPORT_CHECKIN_WINDOW (widget));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

/* Rows */

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_label (_("Check In"));

  gtk_widget_add_css_class (box, "checkin-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "title-3");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (detail, TRUE);

  /* Status beside the details, so a narrow window keeps the name whole. */
  gtk_widget_add_css_class (status, "checkin-status");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), status);
  gtk_box_append (GTK_BOX (line), detail);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), line);

  gtk_widget_add_css_class (button, "checkin-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "button", button);
  gtk_list_item_set_child (item, box);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RapportRsvp *rsvp = gtk_list_item_get_item (item);
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");
  GtkWidget *button = g_object_get_data (G_OBJECT (box), "button");
  g_autofree char *detail = dup_detail (rsvp);
  gboolean checked_in = rapport_rsvp_get_checked_in_at (rsvp) != 0;
  const char *status_id = rapport_rsvp_get_status (rsvp);
  static const char *classes[] = { "checked-in", "going", "waiting", "other" };
  const char *status_class;

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "name"), rapport_rsvp_get_name (rsvp));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "detail"), detail);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (status, classes[i]);

  if (checked_in)
    {
      gtk_label_set_label (GTK_LABEL (status), _("Checked in"));
      status_class = "checked-in";
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (status), rapport_rsvp_status_get_label (status_id));
      if (g_strcmp0 (status_id, RAPPORT_RSVP_GOING) == 0)
        status_class = "going";
      else if (g_strcmp0 (status_id, RAPPORT_RSVP_WAITLISTED) == 0 || g_strcmp0 (status_id, RAPPORT_RSVP_MAYBE) == 0)
        status_class = "waiting";
      else
        status_class = "other";
    }
  gtk_widget_add_css_class (status, status_class);

  gtk_widget_set_visible (button, !checked_in);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (rapport_rsvp_get_id (rsvp)));
  /* The name after the target: an action with "x" needs its int64. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checkin.check-in");
}

/* GObject */

static void
on_is_active_changed_cb (RapportCheckinWindow *self,
                         GParamSpec           *pspec,
                         GtkWindow            *window)
{
  /* Back from a dialog: the entry takes the keys again. */
  if (gtk_window_is_active (window))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rapport_checkin_window_dispose (GObject *object)
{
  RapportCheckinWindow *self = RAPPORT_CHECKIN_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_weak_pointer (&self->last_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CHECKIN_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->rsvps);
  g_clear_object (&self->store);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (rapport_checkin_window_parent_class)->dispose (object);
}

static void
rapport_checkin_window_class_init (RapportCheckinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_checkin_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-checkin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, checked_in_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, going_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, confirm_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, confirm_box);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, confirm_icon);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, confirm_title);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, confirm_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCheckinWindow, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_activate_cb);

  gtk_widget_class_install_action (widget_class, "checkin.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "checkin.check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "checkin.walk-in", NULL, walk_in_action);
  gtk_widget_class_install_action (widget_class, "checkin.fullscreen", NULL, fullscreen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "checkin.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "checkin.walk-in", NULL);
}

static void
rapport_checkin_window_init (RapportCheckinWindow *self)
{
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (RAPPORT_TYPE_RSVP);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), self);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  /* Typing anywhere in the window goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), self);
}

/**
 * rapport_checkin_window_new:
 *
 * Returns: (transfer full): check-in mode for @event_id, as big as @parent
 */
GtkWidget *
rapport_checkin_window_new (GtkWindow    *parent,
                            RapportStore *store,
                            gint64        event_id)
{
  RapportCheckinWindow *self;
  g_autoptr(RapportEvent) event = NULL;
  int width = 1000, height = 720;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  /* It takes the place of the window it comes from. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      width = gtk_widget_get_width (GTK_WIDGET (parent));
      height = gtk_widget_get_height (GTK_WIDGET (parent));
    }

  self = g_object_new (RAPPORT_TYPE_CHECKIN_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", width,
                       "default-height", height,
                       NULL);
  if (parent != NULL && gtk_window_is_maximized (parent))
    gtk_window_maximize (GTK_WINDOW (self));

  self->store = g_object_ref (store);
  self->event_id = event_id;
  self->rsvps = rapport_rsvp_list_new (store, event_id);
  g_signal_connect_object (self->rsvps, "notify", G_CALLBACK (on_counts_notify_cb), self, G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect (store, "changed::events", G_CALLBACK (on_store_changed_cb), self);

  event = rapport_events_get (store, event_id, NULL);
  if (event != NULL)
    adw_window_title_set_subtitle (self->window_title, rapport_event_get_title (event));

  update_counters (self);
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return GTK_WIDGET (self);
}

GtkEditable *
rapport_checkin_window_get_search_entry (RapportCheckinWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * rapport_checkin_window_get_results:
 *
 * Returns: (transfer none): the people found, as a selection whose
 *   selected row Enter checks in
 */
GListModel *
rapport_checkin_window_get_results (RapportCheckinWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

const char *
rapport_checkin_window_get_counter (RapportCheckinWindow  *self,
                                    RapportCheckinCounter  counter)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), NULL);

  switch (counter)
    {
    case RAPPORT_CHECKIN_COUNTER_CHECKED_IN:
      return gtk_label_get_label (self->checked_in_label);

    case RAPPORT_CHECKIN_COUNTER_GOING:
      return gtk_label_get_label (self->going_label);

    case RAPPORT_CHECKIN_COUNTER_CAPACITY:
      return gtk_label_get_label (self->capacity_label);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rapport_checkin_window_get_confirmation:
 *
 * Returns: (nullable): what the banner says, or %NULL while hidden
 */
const char *
rapport_checkin_window_get_confirmation (RapportCheckinWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->confirm_revealer))
    return NULL;

  return gtk_label_get_label (self->confirm_title);
}

/**
 * rapport_checkin_window_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the last toast, while shown
 */
AdwToast *
rapport_checkin_window_get_last_toast (RapportCheckinWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKIN_WINDOW (self), NULL);

  return self->last_toast;
}
