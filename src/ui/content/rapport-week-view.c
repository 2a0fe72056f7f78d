/* rapport-week-view.c
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

#define G_LOG_DOMAIN "rapport-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-content-chip.h"
#include "rapport-content-item.h"
#include "rapport-content-occurrence.h"
#include "rapport-content-util.h"
#include "rapport-week-view.h"

/* Seven days with their items listed by time. Wide, the days stand side
 * by side as columns; narrow (a phone), they stack as a list of days, so
 * titles stay readable. Like the month grid it receives a model already
 * cut to its range, and each day is a drop target. */

/* Narrower than this, seven columns would cut every title short. */
#define COLUMNS_MIN_WIDTH 700

struct _RapportWeekView
{
  GtkWidget   parent_instance;

  GListModel *model;
  GDateTime  *range_start;
  GDateTime  *range_end;

  GtkWidget  *days[7];
  GtkWidget  *titles[7];
  GtkWidget  *lists[7];
  GtkWidget  *empty_labels[7];
  guint       counts[7];
};

G_DEFINE_FINAL_TYPE (RapportWeekView, rapport_week_view, GTK_TYPE_WIDGET)

enum {
  DROP_ON_DAY,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
distribute (RapportWeekView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->lists[i])) != NULL)
        gtk_box_remove (GTK_BOX (self->lists[i]), child);
      self->counts[i] = 0;
    }

  if (self->range_start == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportContentOccurrence) occurrence = g_list_model_get_item (self->model, i);
      g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);
      int index = rapport_content_days_between (self->range_start, start);

      if (index < 0 || index >= 7)
        continue;
      gtk_box_append (GTK_BOX (self->lists[index]), rapport_content_chip_new (occurrence, TRUE));
      self->counts[index]++;
    }

  for (guint i = 0; i < 7; i++)
    gtk_widget_set_visible (self->empty_labels[i], self->counts[i] == 0);
}

static void
on_model_items_changed_cb (RapportWeekView *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  distribute (self);
}

static gboolean
is_columns (int width)
{
  return width < 0 || width >= COLUMNS_MIN_WIDTH;
}

static GtkSizeRequestMode
rapport_week_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_week_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RapportWeekView *self = RAPPORT_WEEK_VIEW (widget);

  *minimum = *natural = 0;

  for (guint i = 0; i < 7; i++)
    {
      int min, nat;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (self->days[i], orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += nat;
        }
      else if (is_columns (for_size))
        {
          gtk_widget_measure (self->days[i], orientation, for_size < 0 ? -1 : for_size / 7, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          gtk_widget_measure (self->days[i], orientation, for_size, &min, &nat, NULL, NULL);
          *minimum += min;
          *natural += nat;
        }
    }
}

static void
rapport_week_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RapportWeekView *self = RAPPORT_WEEK_VIEW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  for (int i = 0; i < 7; i++)
    {
      if (is_columns (width))
        {
          int x0 = (int) ((double) width * i / 7.0);
          int x1 = (int) ((double) width * (i + 1) / 7.0);

          gtk_widget_allocate (self->days[i], x1 - x0, height, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? width - x1 : x0, 0)));
        }
      else
        {
          int day_height;

          gtk_widget_measure (self->days[i], GTK_ORIENTATION_VERTICAL, width, &day_height, NULL, NULL, NULL);
          gtk_widget_allocate (self->days[i], width, day_height, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
          y += day_height;
        }
    }
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget *target,
                  double         x,
                  double         y,
                  GtkWidget     *day)
{
  gtk_widget_add_css_class (day, "drop-highlight");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  GtkWidget     *day)
{
  gtk_widget_remove_css_class (day, "drop-highlight");
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkWidget     *day)
{
  RapportWeekView *self = RAPPORT_WEEK_VIEW (gtk_widget_get_parent (day));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (day), "day-index"));
  g_autoptr(GDateTime) when = g_date_time_add_days (self->range_start, (int) index);
  g_autoptr(GDateTime) midnight = rapport_content_local_day (g_date_time_get_year (when),
                                                             g_date_time_get_month (when),
                                                             g_date_time_get_day_of_month (when));

  gtk_widget_remove_css_class (day, "drop-highlight");
  return rapport_week_view_drop_on_day (self, value, midnight);
}

static void
on_day_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkWidget       *day)
{
  RapportWeekView *self = RAPPORT_WEEK_VIEW (gtk_widget_get_parent (day));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (day), "day-index"));
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (n_press != 2)
    return;

  when = g_date_time_add_days (self->range_start, (int) index);
  date = g_date_time_format (when, "%Y-%m-%d");
  gtk_widget_activate_action (day, "content.new-on-day", "s", date);
}

static void
rapport_week_view_dispose (GObject *object)
{
  RapportWeekView *self = (RapportWeekView *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);
  for (guint i = 0; i < 7; i++)
    g_clear_pointer (&self->days[i], gtk_widget_unparent);
  g_clear_pointer (&self->range_start, g_date_time_unref);
  g_clear_pointer (&self->range_end, g_date_time_unref);

  G_OBJECT_CLASS (rapport_week_view_parent_class)->dispose (object);
}

static void
rapport_week_view_class_init (RapportWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_week_view_dispose;

  widget_class->get_request_mode = rapport_week_view_get_request_mode;
  widget_class->measure = rapport_week_view_measure;
  widget_class->size_allocate = rapport_week_view_size_allocate;

  /**
   * RapportWeekView::drop-on-day:
   * @object: the dropped #RapportContentOccurrence or backlog #RapportContentItem
   * @day: the local midnight of the day it was dropped on
   */
  signals [DROP_ON_DAY] =
    g_signal_new ("drop-on-day", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_OBJECT, G_TYPE_DATE_TIME);

  gtk_widget_class_set_css_name (widget_class, "weekview");
}

static void
rapport_week_view_init (RapportWeekView *self)
{
  GType types[] = { RAPPORT_TYPE_CONTENT_OCCURRENCE, RAPPORT_TYPE_CONTENT_ITEM };
  g_autoptr(GDateTime) now = rapport_now_local ();

  for (guint i = 0; i < 7; i++)
    {
      GtkDropTarget *drop;
      GtkGesture *click;

      self->days[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_add_css_class (self->days[i], "week-day");
      g_object_set_data (G_OBJECT (self->days[i]), "day-index", GUINT_TO_POINTER (i));

      self->titles[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->titles[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->titles[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->titles[i], "week-day-title");
      gtk_box_append (GTK_BOX (self->days[i]), self->titles[i]);

      self->lists[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (self->days[i]), self->lists[i]);

      self->empty_labels[i] = gtk_label_new (_("Nothing planned"));
      gtk_label_set_xalign (GTK_LABEL (self->empty_labels[i]), 0);
      gtk_widget_add_css_class (self->empty_labels[i], "dim-label");
      gtk_widget_add_css_class (self->empty_labels[i], "caption");
      gtk_box_append (GTK_BOX (self->days[i]), self->empty_labels[i]);

      drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
      gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
      g_signal_connect (drop, "enter", G_CALLBACK (on_drop_enter_cb), self->days[i]);
      g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave_cb), self->days[i]);
      g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self->days[i]);
      gtk_widget_add_controller (self->days[i], GTK_EVENT_CONTROLLER (drop));

      click = gtk_gesture_click_new ();
      g_signal_connect (click, "pressed", G_CALLBACK (on_day_pressed_cb), self->days[i]);
      gtk_widget_add_controller (self->days[i], GTK_EVENT_CONTROLLER (click));

      gtk_widget_set_parent (self->days[i], GTK_WIDGET (self));
    }

  rapport_week_view_set_first_day (self, now);
}

GtkWidget *
rapport_week_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_WEEK_VIEW, NULL);
}

/**
 * rapport_week_view_set_first_day:
 * @first_day: the week's first day (its date counts, not its time)
 *
 * Give the view a model cut to the new range afterwards.
 */
void
rapport_week_view_set_first_day (RapportWeekView *self,
                                 GDateTime       *first_day)
{
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autoptr(GDateTime) after = NULL;

  g_return_if_fail (RAPPORT_IS_WEEK_VIEW (self));
  g_return_if_fail (first_day != NULL);

  g_clear_pointer (&self->range_start, g_date_time_unref);
  g_clear_pointer (&self->range_end, g_date_time_unref);
  self->range_start = rapport_content_local_day (g_date_time_get_year (first_day),
                                                 g_date_time_get_month (first_day),
                                                 g_date_time_get_day_of_month (first_day));
  after = g_date_time_add_days (self->range_start, 7);
  self->range_end = rapport_content_local_day (g_date_time_get_year (after), g_date_time_get_month (after),
                                               g_date_time_get_day_of_month (after));

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->range_start, (int) i);
      /* Translators: a day's heading in the week view: "Mon 14" */
      g_autofree char *title = g_date_time_format (day, _("%a %-d"));

      gtk_label_set_label (GTK_LABEL (self->titles[i]), title);
      if (rapport_content_days_between (now, day) == 0)
        gtk_widget_add_css_class (self->days[i], "today");
      else
        gtk_widget_remove_css_class (self->days[i], "today");
    }

  distribute (self);
}

GDateTime *
rapport_week_view_get_range_start (RapportWeekView *self)
{
  g_return_val_if_fail (RAPPORT_IS_WEEK_VIEW (self), NULL);

  return self->range_start;
}

GDateTime *
rapport_week_view_get_range_end (RapportWeekView *self)
{
  g_return_val_if_fail (RAPPORT_IS_WEEK_VIEW (self), NULL);

  return self->range_end;
}

/**
 * rapport_week_view_set_model:
 * @model: (nullable): occurrences in the week's range
 */
void
rapport_week_view_set_model (RapportWeekView *self,
                             GListModel      *model)
{
  g_return_if_fail (RAPPORT_IS_WEEK_VIEW (self));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  distribute (self);
}

guint
rapport_week_view_get_n_items_on (RapportWeekView *self,
                                  guint            day_index)
{
  g_return_val_if_fail (RAPPORT_IS_WEEK_VIEW (self), 0);
  g_return_val_if_fail (day_index < 7, 0);

  return self->counts[day_index];
}

/**
 * rapport_week_view_drop_on_day:
 *
 * What a day's GtkDropTarget does with a drop: hands it to ::drop-on-day.
 */
gboolean
rapport_week_view_drop_on_day (RapportWeekView *self,
                               const GValue    *value,
                               GDateTime       *day)
{
  GObject *object;
  gboolean handled = FALSE;

  g_return_val_if_fail (RAPPORT_IS_WEEK_VIEW (self), FALSE);
  g_return_val_if_fail (G_VALUE_HOLDS_OBJECT (value), FALSE);

  object = g_value_get_object (value);
  if (!RAPPORT_IS_CONTENT_OCCURRENCE (object) && !RAPPORT_IS_CONTENT_ITEM (object))
    return FALSE;

  g_signal_emit (self, signals [DROP_ON_DAY], 0, object, day, &handled);
  return handled;
}
