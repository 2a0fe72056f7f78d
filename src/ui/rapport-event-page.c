/* rapport-event-page.c
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
#include <string.h>

#include "rapport-checkin-window.h"
#include "rapport-column-mapping-dialog.h"
#include "rapport-event-editor.h"
#include "rapport-event-io.h"
#include "rapport-event-page.h"
#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-rsvp-dialog.h"
#include "rapport-rsvp-list.h"
#include "rapport-rsvp.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* One event: when and where, how full it is, what to do with it, and its
 * RSVPs. Imports and exports run in a worker thread on their own
 * connection; the page follows the store for everything else. */

typedef enum
{
  COLUMN_NAME,
  COLUMN_STATUS,
  COLUMN_PARTY,
  COLUMN_CHECKED_IN,
  COLUMN_SOURCE,
  COLUMN_CREATED,
  COLUMN_MENU,
  N_COLUMNS
} Column;

struct _RapportEventPage
{
  GtkWidget          parent_instance;

  RapportStore      *store;
  gint64             event_id;
  RapportEvent      *event;
  RapportEventCounts counts;
  RapportRsvpList   *rsvps;
  RapportRsvpList   *waitlist;
  gulong             changed_id;
  GtkColumnViewColumn *columns[N_COLUMNS];

  GCancellable      *cancellable;
  GtkNativeDialog   *file_chooser;
  GtkWindow         *mapping_dialog;
  AdwToast          *last_toast;
  GHashTable        *removals;

  AdwToastOverlay   *toast_overlay;
  GtkWidget         *content_box;
  GtkRevealer       *job_revealer;
  GtkSpinner        *job_spinner;
  GtkLabel          *job_label;
  GtkLabel          *kind_label;
  GtkLabel          *title_label;
  GtkLabel          *when_label;
  GtkLabel          *zone_label;
  GtkWidget         *venue_box;
  GtkLabel          *venue_label;
  GtkWidget         *url_box;
  GtkLabel          *url_label;
  GtkLabel          *going_label;
  GtkLabel          *waitlist_label;
  GtkLevelBar       *level_bar;
  GtkLabel          *stats_label;
  GtkLabel          *show_up_label;
  GtkFlowBox        *actions_box;
  GtkWidget         *done_button;
  GtkDropDown       *status_dropdown;
  GtkStack          *rsvp_stack;
  GtkColumnView     *column_view;
  GtkLabel          *empty_label;
  GtkWidget         *waitlist_box;
  GtkListBox        *waitlist_list;
};

G_DEFINE_FINAL_TYPE (RapportEventPage, rapport_event_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The status filter's choices, in dropdown order; NULL is every status. */
static const char *filter_statuses[] = {
  NULL,
  RAPPORT_RSVP_GOING,
  RAPPORT_RSVP_MAYBE,
  RAPPORT_RSVP_WAITLISTED,
  RAPPORT_RSVP_DECLINED,
  RAPPORT_RSVP_CANCELLED,
};

static void
add_toast (RapportEventPage *self,
           AdwToast         *toast)
{
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (RapportEventPage *self,
            const char       *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  add_toast (self, adw_toast_new (escaped));
}

static void
show_error (RapportEventPage *self,
            const char       *heading,
            const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
dup_file_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

/* The importer writes all or nothing; say so unless its message does. */
static char *
dup_import_error (const GError *error)
{
  const char *nothing = _("Nothing was imported.");
  g_autofree char *prefix = g_strndup (nothing, strlen (nothing) - 1);

  if (strstr (error->message, prefix) != NULL)
    return g_strdup (error->message);

  return g_strdup_printf ("%s\n\n%s", error->message, nothing);
}

/* Header and counters */

static void
update_counts (RapportEventPage *self)
{
  RapportEventCounts *c = &self->counts;
  g_autofree char *going = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *maybe = NULL;
  g_autofree char *declined = NULL;
  gboolean done;

  memset (c, 0, sizeof *c);
  if (self->event_id == 0 || !rapport_events_get_counts (self->store, self->event_id, c, NULL))
    return;

  going = rapport_format_count (c->going);
  if (c->capacity >= 0)
    {
      g_autofree char *capacity = rapport_format_count (c->capacity);
      g_autofree char *text = NULL;

      /* Translators: people going out of the places, e.g. "42 of 60 going" */
      text = g_strdup_printf (_("%s of %s going"), going, capacity);
      gtk_label_set_label (self->going_label, text);
      gtk_level_bar_set_value (self->level_bar, c->capacity > 0 ? MIN (1.0, (double) c->going / c->capacity) : 1.0);
      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), TRUE);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: people going to an event without a capacity, e.g. "42 going · no limit" */
      text = g_strdup_printf (_("%s going · no limit"), going);
      gtk_label_set_label (self->going_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), FALSE);
    }

  if (c->waitlisted > 0)
    {
      g_autofree char *waiting = rapport_format_count (c->waitlisted);
      g_autofree char *text = g_strdup_printf (_("%s waitlisted"), waiting);

      gtk_label_set_label (self->waitlist_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->waitlist_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->waitlist_label), FALSE);

  checked = rapport_format_count (c->checked_in);
  maybe = rapport_format_count (c->maybe);
  declined = rapport_format_count (c->declined);
  /* Translators: an event's other counters, e.g. "12 checked in · 3 maybe · 2 declined" */
  stats = g_strdup_printf (_("%s checked in · %s maybe · %s declined"), checked, maybe, declined);
  gtk_label_set_label (self->stats_label, stats);

  /* Attendance is recorded once the doors have opened, not before. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.mark-done",
                                 self->event != NULL &&
                                 rapport_event_get_starts_at (self->event) <= rapport_events_now (self->store));

  done = self->event != NULL && rapport_event_get_attendance_recorded_at (self->event) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->show_up_label), done);
  gtk_widget_set_visible (self->done_button, !done);
  if (done)
    {
      g_autofree char *no_shows = rapport_format_count (c->no_shows);
      g_autofree char *text = NULL;

      /* Translators: after an event, e.g. "Show-up rate 78% · 9 no-shows" */
      text = g_strdup_printf (_("Show-up rate %.0f%% · %s no-shows"),
                              100.0 * rapport_event_counts_get_show_up_rate (c), no_shows);
      gtk_label_set_label (self->show_up_label, text);
    }
}

static void
update_header (RapportEventPage *self)
{
  RapportEvent *event = self->event;
  g_autofree char *kind = NULL;
  g_autofree char *when = NULL;
  g_autofree char *zone = NULL;
  const char *venue;
  const char *url;

  if (event == NULL)
    return;

  /* Translators: an event's kind and status, e.g. "Meetup · Announced" */
  kind = g_strdup_printf (_("%s · %s"), rapport_event_kind_get_label (rapport_event_get_kind (event)),
                          rapport_event_status_get_label (rapport_event_get_status (event)));
  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->title_label, rapport_event_get_title (event));

  when = rapport_event_format_when (event);
  gtk_label_set_label (self->when_label, when);
  zone = rapport_event_format_event_zone (event);
  gtk_label_set_label (self->zone_label, zone ? zone : "");
  gtk_widget_set_visible (GTK_WIDGET (self->zone_label), zone != NULL);

  venue = rapport_event_get_venue (event);
  gtk_label_set_label (self->venue_label, venue ? venue : "");
  gtk_widget_set_visible (self->venue_box, venue != NULL && venue[0] != '\0');

  url = rapport_event_get_online_url (event);
  gtk_widget_set_visible (self->url_box, url != NULL && url[0] != '\0');
  if (url != NULL && url[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (url, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);

      gtk_label_set_markup (self->url_label, markup);
    }

  update_counts (self);
}

static void
reload_event (RapportEventPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->event);
  if (self->event_id == 0 || self->store == NULL)
    return;

  self->event = rapport_events_get (self->store, self->event_id, &error);
  /* A deleted event: the view takes the page away. */
  if (self->event == NULL && !g_error_matches (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND))
    g_warning ("Could not read event %" G_GINT64_FORMAT ": %s", self->event_id, error->message);
  update_header (self);
}

static void
update_rsvp_stack (RapportEventPage *self)
{
  guint n = self->rsvps ? g_list_model_get_n_items (G_LIST_MODEL (self->rsvps)) : 0;
  guint n_waiting = self->waitlist ? g_list_model_get_n_items (G_LIST_MODEL (self->waitlist)) : 0;
  const char *filter = self->rsvps ? rapport_rsvp_list_get_status_filter (self->rsvps) : NULL;

  if (filter == NULL)
    gtk_label_set_label (self->empty_label,
                         _("No RSVPs yet. Import them from Eventbrite, Meetup or Zoom, or add one by hand."));
  else
    gtk_label_set_label (self->empty_label, _("No RSVPs with this status."));

  gtk_stack_set_visible_child_name (self->rsvp_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->waitlist_box, n_waiting > 0);
}

static void
on_rsvps_changed_cb (RapportEventPage *self,
                     guint             position,
                     guint             removed,
                     guint             added,
                     GListModel       *model)
{
  update_rsvp_stack (self);
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportEventPage  *self)
{
  if (self->event_id == 0)
    return;

  if (kind == RAPPORT_CHANGE_RELOAD || (g_str_equal (table, "events") && row_id == self->event_id))
    reload_event (self);
}

/* The RSVP table */

static char *
column_text (Column       column,
             RapportRsvp *rsvp)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (rapport_rsvp_get_name (rsvp));

    case COLUMN_STATUS:
      if (g_strcmp0 (rapport_rsvp_get_status (rsvp), RAPPORT_RSVP_WAITLISTED) == 0 &&
          rapport_rsvp_get_offered_at (rsvp) != 0)
        /* Translators: an RSVP on the waitlist that holds an offer of a place */
        return g_strdup (_("Offered a place"));
      return g_strdup (rapport_rsvp_status_get_label (rapport_rsvp_get_status (rsvp)));

    case COLUMN_PARTY:
      return g_strdup_printf ("%d", rapport_rsvp_get_party_size (rsvp));

    case COLUMN_CHECKED_IN:
      if (rapport_rsvp_get_checked_in_at (rsvp) != 0)
        return rapport_event_format_time (rapport_rsvp_get_checked_in_at (rsvp));
      if (rapport_rsvp_get_no_show (rsvp))
        return g_strdup (_("No-show"));
      return g_strdup ("—");

    case COLUMN_SOURCE:
      return g_strdup (rapport_rsvp_source_get_label (rapport_rsvp_get_source (rsvp)));

    case COLUMN_CREATED:
      return rapport_event_format_time (rapport_rsvp_get_created_at (rsvp));

    case COLUMN_MENU:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (GtkLabel    *label,
             GParamSpec  *pspec,
             RapportRsvp *rsvp)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *text = column_text (column, rsvp);

  gtk_label_set_label (label, text);
  if (column == COLUMN_NAME)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), rapport_rsvp_get_organization (rsvp));
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "column", user_data);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_PARTY ? 1 : 0);
  if (column == COLUMN_PARTY || column == COLUMN_CHECKED_IN || column == COLUMN_CREATED)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_SOURCE || column == COLUMN_CREATED)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  RapportRsvp *rsvp = gtk_list_item_get_item (item);

  update_cell (GTK_LABEL (label), NULL, rsvp);
  g_signal_connect_object (rsvp, "notify", G_CALLBACK (update_cell), label, G_CONNECT_SWAPPED);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  RapportRsvp *rsvp = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (rsvp, update_cell, label);
}

static void
add_column (RapportEventPage *self,
            Column            column,
            const char       *title,
            const char       *property,
            gboolean          numeric,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);

  if (property != NULL)
    {
      GtkExpression *expression = gtk_property_expression_new (RAPPORT_TYPE_RSVP, NULL, property);
      GtkSorter *sorter;

      if (numeric)
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }

  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
}

static GtkWidget *
create_waitlist_row_cb (gpointer item,
                        gpointer user_data);

static void
update_waitlist_row (AdwActionRow *row,
                     GParamSpec   *pspec,
                     RapportRsvp  *rsvp)
{
  GtkLabel *position = g_object_get_data (G_OBJECT (row), "position");
  g_autofree char *title = g_markup_escape_text (rapport_rsvp_get_name (rsvp), -1);
  g_autofree char *party = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_rsvp_get_waitlist_position (rsvp));

  /* Translators: the size of a waiting party, e.g. "2 people" */
  party = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people",
                                        rapport_rsvp_get_party_size (rsvp)),
                           rapport_rsvp_get_party_size (rsvp));
  if (rapport_rsvp_get_offered_at (rsvp) != 0)
    {
      g_autofree char *since = rapport_event_format_time (rapport_rsvp_get_offered_at (rsvp));
      g_autofree char *subtitle = NULL;

      /* Translators: a waitlisted party holding an offer, e.g. "2 people · offered a place on 14 May 2026, 19:04" */
      subtitle = g_strdup_printf (_("%s · offered a place on %s"), party, since);
      adw_action_row_set_subtitle (row, subtitle);
    }
  else
    adw_action_row_set_subtitle (row, party);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_label (position, number);
}

static GtkWidget *
create_waitlist_row_cb (gpointer item,
                        gpointer user_data)
{
  RapportRsvp *rsvp = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *position = gtk_label_new (NULL);

  gtk_widget_add_css_class (position, "waitlist-position");
  gtk_widget_add_css_class (position, "numeric");
  gtk_widget_set_valign (position, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), position);
  g_object_set_data (G_OBJECT (row), "position", position);

  update_waitlist_row (ADW_ACTION_ROW (row), NULL, rsvp);
  g_signal_connect_object (rsvp, "notify", G_CALLBACK (update_waitlist_row), row, G_CONNECT_SWAPPED);

  return row;
}

static void
on_status_dropdown_selected_cb (RapportEventPage *self,
                                GParamSpec       *pspec,
                                GtkDropDown      *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->rsvps != NULL && selected < G_N_ELEMENTS (filter_statuses))
    rapport_rsvp_list_set_status_filter (self->rsvps, filter_statuses[selected]);
  update_rsvp_stack (self);
}

/* Editing RSVPs: each row has a menu (also on right-click, Menu and
 * Shift+F10) whose items are page actions that carry the RSVP's id. */

typedef struct
{
  const char *status;
  const char *label;
} StatusChoice;

static const StatusChoice status_choices[] = {
  { RAPPORT_RSVP_GOING, N_("Mark as _Going") },
  { RAPPORT_RSVP_MAYBE, N_("Mark as _Maybe") },
  { RAPPORT_RSVP_WAITLISTED, N_("Move to _Waitlist") },
  { RAPPORT_RSVP_DECLINED, N_("Mark as _Not Going") },
};

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static GMenuModel *
build_rsvp_menu (RapportRsvp *rsvp)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) edits = g_menu_new ();
  g_autoptr(GMenu) removes = g_menu_new ();
  gint64 id = rapport_rsvp_get_id (rsvp);
  const char *current = rapport_rsvp_get_status (rsvp);

  /* The current status is not offered again, except Going for a party
   * that holds an offer on the waitlist: that claims it. */
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    {
      if (g_strcmp0 (current, status_choices[i].status) == 0)
        continue;
      append_item (statuses, _(status_choices[i].label), "event.rsvp-status",
                   g_variant_new ("(xs)", id, status_choices[i].status));
    }

  append_item (edits, _("Edit _Party Size…"), "event.rsvp-party", g_variant_new_int64 (id));
  if (rapport_rsvp_get_checked_in_at (rsvp) != 0)
    append_item (edits, _("_Undo Check-In"), "event.rsvp-undo-check-in", g_variant_new_int64 (id));
  else
    append_item (edits, _("_Check In"), "event.rsvp-check-in", g_variant_new_int64 (id));

  append_item (removes, _("_Remove"), "event.rsvp-remove", g_variant_new_int64 (id));

  g_menu_append_section (menu, NULL, G_MENU_MODEL (statuses));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removes));

  return G_MENU_MODEL (menu);
}

static void
update_menu_button (GtkMenuButton *button,
                    GParamSpec    *pspec,
                    RapportRsvp   *rsvp)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *label = NULL;

  /* Only what changes the items rebuilds the menu. */
  if (pspec != NULL &&
      !g_str_equal (pspec->name, "status") &&
      !g_str_equal (pspec->name, "checked-in-at") &&
      !g_str_equal (pspec->name, "name"))
    return;

  menu = build_rsvp_menu (rsvp);
  gtk_menu_button_set_menu_model (button, menu);
  /* The button sits at the row's end: the menu opens leftwards, inside
   * the window, even at 360 px. */
  gtk_widget_set_halign (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_ALIGN_END);

  /* Translators: the accessible name of an RSVP row's menu button */
  label = g_strdup_printf (_("Change the RSVP of %s"), rapport_rsvp_get_name (rsvp));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_menu_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Change this RSVP"));
  gtk_widget_add_css_class (button, "rsvp-menu-button");
  g_object_set_data (G_OBJECT (button), "rapport-rsvp-menu", GINT_TO_POINTER (TRUE));
  gtk_list_item_set_child (item, button);
}

static void
on_menu_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  RapportRsvp *rsvp = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (button), "rapport-rsvp", g_object_ref (rsvp), g_object_unref);
  update_menu_button (GTK_MENU_BUTTON (button), NULL, rsvp);
  g_signal_connect_object (rsvp, "notify", G_CALLBACK (update_menu_button), button, G_CONNECT_SWAPPED);
}

static void
on_menu_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  RapportRsvp *rsvp = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (rsvp, update_menu_button, button);
  g_object_set_data (G_OBJECT (button), "rapport-rsvp", NULL);
}

static void
add_menu_column (RapportEventPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_menu_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_menu_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_menu_unbind_cb), NULL);

  view_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[COLUMN_MENU] = view_column;
  g_object_unref (view_column);
}

static GtkWidget *
find_menu_button_in (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "rapport-rsvp-menu") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button_in (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The menu button of the row @widget is in: the first ancestor holding one
 * is the row, as each row holds exactly one. */
static GtkMenuButton *
find_row_menu_button (RapportEventPage *self,
                      GtkWidget        *widget)
{
  for (GtkWidget *w = widget;
       w != NULL && w != GTK_WIDGET (self->column_view) && !GTK_IS_LIST_VIEW (w);
       w = gtk_widget_get_parent (w))
    {
      GtkWidget *found = find_menu_button_in (w);

      if (found != NULL)
        return GTK_MENU_BUTTON (found);
    }

  return NULL;
}

static GtkMenuButton *
find_focused_menu_button (RapportEventPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return NULL;

  return find_row_menu_button (self, focus);
}

static void
on_column_view_pressed_cb (RapportEventPage *self,
                           int               n_press,
                           double            x,
                           double            y,
                           GtkGestureClick  *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkMenuButton *button = picked ? find_row_menu_button (self, picked) : NULL;

  if (button == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (button);
}

static void
rsvp_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkMenuButton *button = find_focused_menu_button (RAPPORT_EVENT_PAGE (widget));

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
    show_error (self, heading, error->message);

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
      show_error (self, _("Could Not Change the RSVP"), error->message);
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
  show_toast (self, text);
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
      show_error (self, _("Could Not Change the Party Size"), error->message);
      return;
    }

  rsvp = get_rsvp_or_warn (self, rsvp_id, _("Could Not Change the Party Size"));
  if (rsvp == NULL)
    return;

  /* Translators: a toast, e.g. "Ana Gomez: party of 3" */
  title = g_strdup_printf (_("%s: party of %d"), rapport_rsvp_get_name (rsvp), party);
  note = dup_offer_note (self, offered_before);
  text = g_strconcat (title, note, NULL);
  show_toast (self, text);
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
      show_error (self, _("Could Not Check In"), error->message);
      return;
    }

  rsvp = get_rsvp_or_warn (self, rsvp_id, _("Could Not Check In"));
  if (rsvp == NULL)
    return;

  /* Translators: a toast, e.g. "Ana Gomez is checked in" */
  title = g_strdup_printf (_("%s is checked in"), rapport_rsvp_get_name (rsvp));
  show_toast (self, title);
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
      show_error (self, _("Could Not Undo the Check-In"), error->message);
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
  show_toast (self, title);
}

static void
rsvp_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  RapportRsvpRemoval *removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) offered_before = collect_offered (self);
  AdwToast *toast;

  if (!rapport_events_remove_rsvp (self->store, rsvp_id, &removal, &error))
    {
      show_error (self, _("Could Not Remove the RSVP"), error->message);
      return;
    }

  g_hash_table_insert (self->removals, g_memdup2 (&rsvp_id, sizeof rsvp_id), removal);

  /* Translators: a toast after removing an RSVP, with an Undo button */
  title = g_strdup_printf (_("RSVP of %s removed"), rapport_rsvp_get_name (rapport_rsvp_removal_get_rsvp (removal)));
  note = dup_offer_note (self, offered_before);
  text = g_strconcat (title, note, NULL);
  escaped = g_markup_escape_text (text, -1);

  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "event.rsvp-restore");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (rsvp_id));
  add_toast (self, toast);
}

static void
rsvp_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (widget);
  gint64 rsvp_id = g_variant_get_int64 (parameter);
  RapportRsvpRemoval *removal = g_hash_table_lookup (self->removals, &rsvp_id);
  RapportRsvp *was;
  g_autoptr(RapportRsvp) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 restored;

  if (removal == NULL)
    return;

  restored = rapport_events_restore_rsvp (self->store, removal, &error);
  if (restored == 0)
    {
      show_error (self, _("Could Not Restore the RSVP"), error->message);
      return;
    }

  was = rapport_rsvp_removal_get_rsvp (removal);
  back = rapport_events_get_rsvp (self->store, restored, NULL);
  if (back != NULL &&
      g_strcmp0 (rapport_rsvp_get_status (back), RAPPORT_RSVP_WAITLISTED) == 0 &&
      g_strcmp0 (rapport_rsvp_get_status (was), RAPPORT_RSVP_GOING) == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: a toast after Undo when the places were taken meanwhile */
      title = g_strdup_printf (_("The event filled up meanwhile: %s is back on the waitlist"),
                               rapport_rsvp_get_name (was));
      show_toast (self, title);
    }

  g_hash_table_remove (self->removals, &rsvp_id);
}

static void
rsvp_remove_focused_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GtkMenuButton *button = find_focused_menu_button (RAPPORT_EVENT_PAGE (widget));
  RapportRsvp *rsvp = button ? g_object_get_data (G_OBJECT (button), "rapport-rsvp") : NULL;

  if (rsvp != NULL)
    gtk_widget_activate_action (widget, "event.rsvp-remove", "x", rapport_rsvp_get_id (rsvp));
}

/* Jobs: imports and exports in a worker thread */

typedef enum
{
  JOB_IMPORT,
  JOB_IMPORT_MAPPED,
  JOB_EXPORT_CSV,
  JOB_EXPORT_ICS,
  JOB_EXPORT_PDF,
} JobKind;

typedef struct
{
  JobKind                   kind;
  char                     *path;
  gint64                    event_id;
  GFile                    *file;
  char                     *columns[RAPPORT_EVENT_N_FIELDS];
  RapportEventImportResult  result;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_object (&job->file);
  for (guint i = 0; i < RAPPORT_EVENT_N_FIELDS; i++)
    g_free (job->columns[i]);
  rapport_event_import_result_clear (&job->result);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RapportStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  worker = rapport_store_new_worker (job->path, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (job->kind)
    {
    case JOB_IMPORT:
      ok = rapport_event_import_file (worker, job->event_id, job->file, &job->result, cancellable, &error);
      break;

    case JOB_IMPORT_MAPPED:
      {
        RapportEventMapping mapping = { "manual", { NULL } };

        for (guint i = 0; i < RAPPORT_EVENT_N_FIELDS; i++)
          mapping.columns[i] = job->columns[i];
        ok = rapport_event_import_csv (worker, job->event_id, job->file, &mapping, &job->result,
                                       cancellable, &error);
      }
      break;

    case JOB_EXPORT_CSV:
      ok = rapport_event_export_csv (worker, job->event_id, job->file, cancellable, &error);
      break;

    case JOB_EXPORT_ICS:
      ok = rapport_event_export_ics (worker, job->event_id, job->file, cancellable, &error);
      break;

    case JOB_EXPORT_PDF:
      ok = rapport_event_export_pdf (worker, job->event_id, job->file, cancellable, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void open_mapping_dialog (RapportEventPage *self,
                                 GFile            *file);

static void
end_job (RapportEventPage *self)
{
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->job_revealer, FALSE);
  gtk_spinner_stop (self->job_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.export", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
import_done (RapportEventPage *self,
             Job              *job,
             GError           *error)
{
  g_autofree char *file_name = dup_file_name (job->file);
  RapportEventImportResult *r = &job->result;

  if (error != NULL)
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_toast (self, _("Import cancelled. Nothing was imported."));
          return;
        }

      if (job->kind == JOB_IMPORT && g_error_matches (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT))
        {
          open_mapping_dialog (self, job->file);
          return;
        }

      heading = g_strdup_printf (_("Could Not Import “%s”"), file_name);
      body = dup_import_error (error);
      show_error (self, heading, body);
      return;
    }

  /* The worker wrote on its own connection: tell this one's listeners. */
  rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);

  if (r->added == 0 && r->updated == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: a toast after importing a file again */
      title = g_strdup_printf (_("Nothing new in “%s”"), file_name);
      show_toast (self, title);
    }
  else
    {
      g_autofree char *added = rapport_format_count (r->added);
      g_autofree char *updated = rapport_format_count (r->updated);
      g_autofree char *members = rapport_format_count (r->members_added);
      g_autofree char *title = NULL;

      /* Translators: a toast after importing RSVPs, e.g. "Imported 42 RSVPs · 3 updated · 5 new members" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %s RSVP · %s updated · %s new members",
                                            "Imported %s RSVPs · %s updated · %s new members",
                                            r->added),
                               added, updated, members);
      show_toast (self, title);
    }
}

static void
export_done (RapportEventPage *self,
             Job              *job,
             GError           *error)
{
  g_autofree char *file_name = dup_file_name (job->file);
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_toast (self, _("Export cancelled"));
          return;
        }

      heading = g_strdup_printf (_("Could Not Save “%s”"), file_name);
      show_error (self, heading, error->message);
      return;
    }

  /* Translators: a toast after an export, e.g. "Saved “attendees.csv”" */
  title = g_strdup_printf (_("Saved “%s”"), file_name);
  show_toast (self, title);
}

static void
job_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(RapportEventPage) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  end_job (self);

  /* The page may have been closed meanwhile. */
  if (self->store == NULL)
    return;

  if (job->kind == JOB_IMPORT || job->kind == JOB_IMPORT_MAPPED)
    import_done (self, job, error);
  else
    export_done (self, job, error);
}

static void
run_job (RapportEventPage *self,
         Job              *job)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *file_name = dup_file_name (job->file);
  g_autofree char *label = NULL;

  g_assert (self->cancellable == NULL);

  if (job->kind == JOB_IMPORT || job->kind == JOB_IMPORT_MAPPED)
    label = g_strdup_printf (_("Importing “%s”…"), file_name);
  else
    label = g_strdup_printf (_("Saving “%s”…"), file_name);
  gtk_label_set_label (self->job_label, label);
  gtk_spinner_start (self->job_spinner);
  gtk_revealer_set_reveal_child (self->job_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.export", FALSE);

  job->path = g_strdup (rapport_store_get_path (self->store));
  job->event_id = self->event_id;
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, job_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* The column-mapping dialog */

static void
on_mapping_import_cb (RapportEventPage           *self,
                      RapportColumnMappingDialog *dialog)
{
  Job *job = g_new0 (Job, 1);
  RapportEventMapping mapping = { NULL, { NULL } };

  rapport_column_mapping_dialog_get_mapping (dialog, &mapping);
  job->kind = JOB_IMPORT_MAPPED;
  job->file = g_object_ref (rapport_column_mapping_dialog_get_file (dialog));
  for (guint i = 0; i < RAPPORT_EVENT_N_FIELDS; i++)
    job->columns[i] = g_strdup (mapping.columns[i]);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->cancellable != NULL)
    {
      job_free (job);
      return;
    }
  run_job (self, job);
}

static void
open_mapping_dialog (RapportEventPage *self,
                     GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  header = rapport_event_read_csv_header (file, NULL, &error);
  if (header == NULL)
    {
      g_autofree char *file_name = dup_file_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), file_name);
      g_autofree char *body = dup_import_error (error);

      show_error (self, heading, body);
      return;
    }

  dialog = rapport_column_mapping_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              file, (const char * const *) header);
  g_set_weak_pointer (&self->mapping_dialog, GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_mapping_import_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

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
    show_error (self, _("Could Not Mark the Event as Done"), error->message);
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

/* GObject */

static void
rapport_event_page_dispose (GObject *object)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_weak_pointer (&self->mapping_dialog);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_pointer (&self->removals, g_hash_table_unref);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVENT_PAGE);

  g_clear_object (&self->rsvps);
  g_clear_object (&self->waitlist);
  g_clear_object (&self->event);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_event_page_parent_class)->dispose (object);
}

static void
rapport_event_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rapport_event_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportEventPage *self = RAPPORT_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      rapport_event_page_set_event_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_page_class_init (RapportEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_event_page_dispose;
  object_class->get_property = rapport_event_page_get_property;
  object_class->set_property = rapport_event_page_set_property;

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, job_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, job_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, job_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, zone_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, venue_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, venue_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, url_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, url_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, going_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, waitlist_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, level_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, stats_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, show_up_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, rsvp_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, waitlist_box);
  gtk_widget_class_bind_template_child (widget_class, RapportEventPage, waitlist_list);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);

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

static void
rapport_event_page_init (RapportEventPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkGesture *click;
  GtkWidget *child;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->removals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) rapport_rsvp_removal_free);

  /* Buttons in the flow box, not the boxes around them, take focus. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  gtk_string_list_append (statuses, _("All"));
  for (guint i = 1; i < G_N_ELEMENTS (filter_statuses); i++)
    gtk_string_list_append (statuses, rapport_rsvp_status_get_label (filter_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  add_column (self, COLUMN_NAME, _("Name"), "name", FALSE, TRUE);
  add_column (self, COLUMN_STATUS, _("Status"), "status", FALSE, FALSE);
  add_column (self, COLUMN_PARTY, _("Party"), "party-size", TRUE, FALSE);
  add_column (self, COLUMN_CHECKED_IN, _("Checked In"), "checked-in-at", TRUE, FALSE);
  add_column (self, COLUMN_SOURCE, _("Source"), "source", FALSE, FALSE);
  add_column (self, COLUMN_CREATED, _("RSVP Time"), "created-at", TRUE, FALSE);
  add_menu_column (self);

  /* A right-click on a row opens its menu. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  /* Before the rows' own click handling, which would take the press. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_column_view_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.cancel-job", TRUE);
}

/* Public */

void
rapport_event_page_set_store (RapportEventPage *self,
                              RapportStore     *store)
{
  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));
  g_return_if_fail (!store || RAPPORT_IS_STORE (store));

  if (self->store == store)
    return;

  rapport_event_page_set_event_id (self, 0);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
}

gint64
rapport_event_page_get_event_id (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), 0);

  return self->event_id;
}

void
rapport_event_page_set_event_id (RapportEventPage *self,
                                 gint64            event_id)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkSelectionModel *selection;
  guint selected;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));

  if (self->event_id == event_id)
    return;

  self->event_id = event_id;

  if (self->rsvps != NULL)
    g_signal_handlers_disconnect_by_data (self->rsvps, self);
  if (self->waitlist != NULL)
    g_signal_handlers_disconnect_by_data (self->waitlist, self);
  g_clear_object (&self->rsvps);
  g_clear_object (&self->waitlist);

  if (event_id != 0 && self->store != NULL)
    {
      self->rsvps = rapport_rsvp_list_new (self->store, event_id);
      self->waitlist = rapport_rsvp_list_new (self->store, event_id);
      rapport_rsvp_list_set_status_filter (self->waitlist, RAPPORT_RSVP_WAITLISTED);

      selected = gtk_drop_down_get_selected (self->status_dropdown);
      if (selected < G_N_ELEMENTS (filter_statuses))
        rapport_rsvp_list_set_status_filter (self->rsvps, filter_statuses[selected]);

      g_signal_connect_object (self->rsvps, "items-changed", G_CALLBACK (on_rsvps_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->waitlist, "items-changed", G_CALLBACK (on_rsvps_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  sorted = gtk_sort_list_model_new (self->rsvps ? g_object_ref (G_LIST_MODEL (self->rsvps)) : NULL,
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  gtk_list_box_bind_model (self->waitlist_list, G_LIST_MODEL (self->waitlist), create_waitlist_row_cb, self, NULL);

  reload_event (self);
  update_rsvp_stack (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
}

/**
 * rapport_event_page_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
RapportEvent *
rapport_event_page_get_event (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->event;
}

/**
 * rapport_event_page_set_narrow:
 *
 * On a narrow window the table keeps the columns that matter at the door:
 * name, status and party.
 */
void
rapport_event_page_set_narrow (RapportEventPage *self,
                               gboolean          narrow)
{
  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));

  gtk_column_view_column_set_visible (self->columns[COLUMN_CHECKED_IN], !narrow);
  gtk_column_view_column_set_visible (self->columns[COLUMN_SOURCE], !narrow);
  gtk_column_view_column_set_visible (self->columns[COLUMN_CREATED], !narrow);

  if (narrow)
    gtk_widget_add_css_class (self->content_box, "narrow");
  else
    gtk_widget_remove_css_class (self->content_box, "narrow");
}

/**
 * rapport_event_page_get_rsvps:
 *
 * Returns: (transfer none) (nullable): the RSVPs the table shows, before
 *   sorting
 */
GListModel *
rapport_event_page_get_rsvps (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->rsvps);
}

/**
 * rapport_event_page_set_status_filter:
 * @status: (nullable): an RSVP status, or %NULL for all
 *
 * Chooses the status filter as the dropdown does.
 */
void
rapport_event_page_set_status_filter (RapportEventPage *self,
                                      const char       *status)
{
  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    {
      if (g_strcmp0 (filter_statuses[i], status) == 0)
        {
          gtk_drop_down_set_selected (self->status_dropdown, i);
          return;
        }
    }

  g_warning ("“%s” is not an RSVP status", status);
}

gboolean
rapport_event_page_get_busy (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * rapport_event_page_import_file:
 *
 * Imports RSVPs from a CSV or ICS file in the background. A CSV whose
 * layout Rapport does not know opens the column-mapping dialog.
 */
void
rapport_event_page_import_file (RapportEventPage *self,
                                GFile            *file)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->event_id == 0 || self->cancellable != NULL)
    return;

  job = g_new0 (Job, 1);
  job->kind = JOB_IMPORT;
  job->file = g_object_ref (file);
  run_job (self, job);
}

/**
 * rapport_event_page_export_file:
 *
 * Writes the attendees (CSV), the invitation (ICS) or the attendee sheet
 * (PDF) in the background.
 */
void
rapport_event_page_export_file (RapportEventPage   *self,
                                RapportEventExport  format,
                                GFile              *file)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->event_id == 0 || self->cancellable != NULL)
    return;

  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  switch (format)
    {
    case RAPPORT_EVENT_EXPORT_ICS:
      job->kind = JOB_EXPORT_ICS;
      break;

    case RAPPORT_EVENT_EXPORT_PDF:
      job->kind = JOB_EXPORT_PDF;
      break;

    case RAPPORT_EVENT_EXPORT_CSV:
    default:
      job->kind = JOB_EXPORT_CSV;
      break;
    }
  run_job (self, job);
}

/**
 * rapport_event_page_mark_done:
 *
 * Records attendance once (doing it again changes nothing) and shows the
 * show-up rate.
 */
gboolean
rapport_event_page_mark_done (RapportEventPage  *self,
                              GError           **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->event_id != 0, FALSE);

  if (!rapport_events_mark_done (self->store, self->event_id, error))
    return FALSE;

  reload_event (self);
  /* Translators: a toast after marking an event done, e.g. "Attendance recorded · show-up rate 78%" */
  title = g_strdup_printf (_("Attendance recorded · show-up rate %.0f%%"),
                           100.0 * rapport_event_counts_get_show_up_rate (&self->counts));
  show_toast (self, title);

  return TRUE;
}

/**
 * rapport_event_page_open_checkin:
 *
 * Returns: (transfer none): the check-in window, shown
 */
GtkWindow *
rapport_event_page_open_checkin (RapportEventPage *self)
{
  GtkRoot *root;
  GtkWidget *window;

  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);
  g_return_val_if_fail (self->event_id != 0, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = rapport_checkin_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->event_id);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

/**
 * rapport_event_page_get_mapping_dialog:
 *
 * Returns: (transfer none) (nullable): the column-mapping dialog, while open
 */
GtkWindow *
rapport_event_page_get_mapping_dialog (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->mapping_dialog;
}

/**
 * rapport_event_page_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the last toast, while shown
 */
AdwToast *
rapport_event_page_get_last_toast (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return self->last_toast;
}

const char *
rapport_event_page_get_going_text (RapportEventPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_PAGE (self), NULL);

  return gtk_label_get_label (self->going_label);
}
