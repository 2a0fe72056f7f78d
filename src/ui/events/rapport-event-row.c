/* rapport-event-row.c
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

#define G_LOG_DOMAIN "rapport-event-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-event-row.h"
#include "rapport-event-util.h"
#include "rapport-events.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* One event in the sidebar: a date badge, the title, and who is coming.
 * The counters follow the store, since RSVPs change them without the event
 * itself changing. */

struct _RapportEventRow
{
  GtkListBoxRow  parent_instance;

  RapportStore  *store;
  RapportEvent  *event;
  gulong         changed_id;

  GtkLabel      *month_label;
  GtkLabel      *day_label;
  GtkLabel      *title_label;
  GtkLabel      *counts_label;
};

G_DEFINE_FINAL_TYPE (RapportEventRow, rapport_event_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_counts (RapportEventRow *self)
{
  RapportEventCounts counts = { 0 };
  g_autofree char *text = NULL;

  if (!rapport_events_get_counts (self->store, rapport_event_get_id (self->event), &counts, NULL))
    return;

  if (g_strcmp0 (rapport_event_get_status (self->event), RAPPORT_EVENT_CANCELLED) == 0)
    text = g_strdup (rapport_event_status_get_label (RAPPORT_EVENT_CANCELLED));
  else if (rapport_event_get_attendance_recorded_at (self->event) != 0)
    {
      g_autofree char *attended = rapport_format_count (counts.checked_in);

      /* Translators: a past event, e.g. "15 attended · 75%" */
      text = g_strdup_printf (_("%s attended · %.0f%%"), attended,
                              100.0 * rapport_event_counts_get_show_up_rate (&counts));
    }
  else
    text = rapport_event_format_counts (&counts);
  gtk_label_set_label (self->counts_label, text);
}

static void
update (RapportEventRow *self)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (rapport_event_get_starts_at (self->event));
  /* Translators: the month on an event's date badge, e.g. "MAY"; see the strftime manual */
  g_autofree char *month = g_date_time_format (start, _("%b"));
  g_autofree char *upper = g_utf8_strup (month, -1);
  g_autofree char *day = g_date_time_format (start, "%-d");
  g_autofree char *when = rapport_event_format_when (self->event);

  gtk_label_set_label (self->month_label, upper);
  gtk_label_set_label (self->day_label, day);
  gtk_label_set_label (self->title_label, rapport_event_get_title (self->event));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), when);
  update_counts (self);
}

static void
on_event_notify_cb (RapportEventRow *self,
                    GParamSpec      *pspec,
                    RapportEvent    *event)
{
  update (self);
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportEventRow   *self)
{
  /* Connected for events. */
  if (kind == RAPPORT_CHANGE_RELOAD || row_id == rapport_event_get_id (self->event))
    update_counts (self);
}

static void
rapport_event_row_dispose (GObject *object)
{
  RapportEventRow *self = RAPPORT_EVENT_ROW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (rapport_event_row_parent_class)->dispose (object);
}

static void
rapport_event_row_class_init (RapportEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_event_row_dispose;
}

static GtkLabel *
add_label (GtkBox     *box,
           const char *style,
           const char *style2)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (style2 != NULL)
    gtk_widget_add_css_class (label, style2);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static void
rapport_event_row_init (RapportEventRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_add_css_class (GTK_WIDGET (self), "event-row");

  gtk_widget_add_css_class (badge, "event-date-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  self->month_label = add_label (GTK_BOX (badge), "event-badge-month", NULL);
  self->day_label = add_label (GTK_BOX (badge), "event-badge-day", "numeric");
  gtk_label_set_xalign (self->month_label, 0.5);
  gtk_label_set_xalign (self->day_label, 0.5);
  gtk_widget_set_hexpand (badge, FALSE);

  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  self->title_label = add_label (GTK_BOX (text), "heading", NULL);
  self->counts_label = add_label (GTK_BOX (text), "caption", "dim-label");

  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
rapport_event_row_new (RapportStore *store,
                       RapportEvent *event)
{
  RapportEventRow *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_EVENT (event), NULL);

  self = g_object_new (RAPPORT_TYPE_EVENT_ROW, NULL);
  self->store = g_object_ref (store);
  self->event = g_object_ref (event);
  self->changed_id = g_signal_connect (store, "changed::events", G_CALLBACK (on_store_changed_cb), self);
  g_signal_connect_object (event, "notify", G_CALLBACK (on_event_notify_cb), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

RapportEvent *
rapport_event_row_get_event (RapportEventRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_ROW (self), NULL);

  return self->event;
}

const char *
rapport_event_row_get_counts (RapportEventRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_ROW (self), NULL);

  return gtk_label_get_label (self->counts_label);
}
