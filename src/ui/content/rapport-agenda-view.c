/* rapport-agenda-view.c
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

#define G_LOG_DOMAIN "rapport-agenda-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-agenda-view.h"
#include "rapport-clock.h"
#include "rapport-content-item.h"
#include "rapport-content-occurrence.h"
#include "rapport-content-store.h"
#include "rapport-content-util.h"
#include "rapport-member-util.h"

/* Upcoming occurrences as a list grouped by day: a row shows its day's
 * heading when it is the first of that day (GTK 4.8 has no list
 * sections). An empty range shows a status page instead. */
struct _RapportAgendaView
{
  GtkWidget    parent_instance;

  GListModel  *model;
  GtkStack    *stack;
  GtkListView *list_view;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (RapportAgendaView, rapport_agenda_view, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget *header;
  GtkWidget *time;
  GtkWidget *dot;
  GtkWidget *title;
  GtkWidget *details;
  GtkWidget *status;
} Row;

static void
row_free (gpointer data)
{
  g_free (data);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RapportAgendaView        *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box, *line, *texts;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  row->header = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->header), 0);
  gtk_widget_add_css_class (row->header, "heading");
  gtk_widget_add_css_class (row->header, "agenda-day");
  gtk_box_append (GTK_BOX (box), row->header);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (line, "agenda-row");

  row->time = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->time), 1);
  gtk_label_set_width_chars (GTK_LABEL (row->time), 6);
  gtk_widget_add_css_class (row->time, "numeric");
  gtk_widget_add_css_class (row->time, "dim-label");
  gtk_box_append (GTK_BOX (line), row->time);

  row->dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (row->dot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), row->dot);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (texts, TRUE);
  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), row->title);
  row->details = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->details, "caption");
  gtk_widget_add_css_class (row->details, "dim-label");
  gtk_box_append (GTK_BOX (texts), row->details);
  gtk_box_append (GTK_BOX (line), texts);

  row->status = gtk_image_new ();
  gtk_widget_add_css_class (row->status, "dim-label");
  gtk_box_append (GTK_BOX (line), row->status);

  gtk_box_append (GTK_BOX (box), line);
  g_object_set_data_full (G_OBJECT (list_item), "row", row, row_free);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RapportAgendaView        *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "row");
  RapportContentOccurrence *occurrence = gtk_list_item_get_item (list_item);
  RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
  RapportContentStatus status = rapport_content_item_get_status (item);
  guint position = gtk_list_item_get_position (list_item);
  g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autofree char *time_text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *channels = NULL;
  const char * const *names = rapport_content_item_get_channels (item);
  gboolean first_of_day = TRUE;
  const char *dot_classes[] = { "content-dot", NULL, NULL };
  g_autofree char *color_class = NULL;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(RapportContentOccurrence) previous = g_list_model_get_item (self->model, position - 1);
      g_autoptr(GDateTime) previous_start = NULL;

      if (previous != NULL)
        {
          previous_start = rapport_content_occurrence_dup_local_start (previous);
          first_of_day = rapport_content_days_between (previous_start, start) != 0;
        }
    }

  gtk_widget_set_visible (row->header, first_of_day);
  if (first_of_day)
    {
      int days = rapport_content_days_between (now, start);
      g_autofree char *date = g_date_time_format (start, _("%A, %-d %B"));
      g_autofree char *header = NULL;

      if (days == 0)
        header = g_strdup_printf (_("Today · %s"), g_strstrip (date));
      else if (days == 1)
        header = g_strdup_printf (_("Tomorrow · %s"), g_strstrip (date));
      else
        header = g_strdup (g_strstrip (date));
      gtk_label_set_label (GTK_LABEL (row->header), header);
    }

  time_text = rapport_content_item_get_all_day (item) ? g_strdup (_("All day"))
                                                      : rapport_format_clock (start);
  gtk_label_set_label (GTK_LABEL (row->time), time_text);
  gtk_label_set_label (GTK_LABEL (row->title), rapport_content_item_get_title (item));

  channels = names != NULL && names[0] != NULL ? g_strjoinv (", ", (char **) names) : g_strdup (_("No channel"));
  /* Translators: the second line of an agenda row: kind · channels · status */
  details = g_strdup_printf (_("%s · %s · %s"),
                             rapport_content_kind_get_label (rapport_content_item_get_kind (item)),
                             channels, rapport_content_status_get_label (status));
  gtk_label_set_label (GTK_LABEL (row->details), details);

  color_class = g_strconcat ("channel-", rapport_content_channel_color (names != NULL ? names[0] : NULL), NULL);
  dot_classes[1] = color_class;
  gtk_widget_set_css_classes (row->dot, dot_classes);

  gtk_image_set_from_icon_name (GTK_IMAGE (row->status), rapport_content_status_icon_name (status));
  gtk_widget_set_tooltip_text (row->status, rapport_content_status_get_label (status));
}

static void
on_activate_cb (GtkListView       *list_view,
                guint              position,
                RapportAgendaView *self)
{
  g_autoptr(RapportContentOccurrence) occurrence = g_list_model_get_item (self->model, position);

  if (occurrence == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "content.open", "(xx)",
                              rapport_content_item_get_id (rapport_content_occurrence_get_item (occurrence)),
                              rapport_content_occurrence_get_recurrence_id (occurrence));
}

static void
update_page (RapportAgendaView *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_items_changed_cb (RapportAgendaView *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *model)
{
  update_page (self);
}

static void
rapport_agenda_view_dispose (GObject *object)
{
  RapportAgendaView *self = (RapportAgendaView *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  if (self->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->stack));
  self->stack = NULL;
  self->list_view = NULL;
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (rapport_agenda_view_parent_class)->dispose (object);
}

static void
rapport_agenda_view_class_init (RapportAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_agenda_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agendaview");
}

static void
rapport_agenda_view_init (RapportAgendaView *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scrolled, *status;

  self->stack = GTK_STACK (gtk_stack_new ());

  self->selection = gtk_no_selection_new (NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "agenda");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_stack_add_named (self->stack, scrolled, "list");

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Planned"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Nothing is planned in these weeks. Drag an idea from the backlog onto the calendar, or create a new item."));
  gtk_stack_add_named (self->stack, status, "empty");

  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  update_page (self);
}

GtkWidget *
rapport_agenda_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_AGENDA_VIEW, NULL);
}

/**
 * rapport_agenda_view_set_model:
 * @model: (nullable): the occurrences to list, sorted by start
 */
void
rapport_agenda_view_set_model (RapportAgendaView *self,
                               GListModel        *model)
{
  g_return_if_fail (RAPPORT_IS_AGENDA_VIEW (self));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_no_selection_set_model (self->selection, model);
  update_page (self);
}

GtkListView *
rapport_agenda_view_get_list_view (RapportAgendaView *self)
{
  g_return_val_if_fail (RAPPORT_IS_AGENDA_VIEW (self), NULL);

  return self->list_view;
}
