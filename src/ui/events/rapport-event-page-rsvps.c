/* rapport-event-page-rsvps.c
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

#include "rapport-event-page-private.h"
#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-rsvp.h"

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

GtkWidget *
_rapport_event_page_create_waitlist_row_cb (gpointer item,
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

GtkMenuButton *
_rapport_event_page_find_focused_menu_button (RapportEventPage *self)
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

void
_rapport_event_page_init_rsvps (RapportEventPage *self)
{
  GtkGesture *click;

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
}
