/* rapport-month-view.c
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

#define G_LOG_DOMAIN "rapport-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-content-item.h"
#include "rapport-content-occurrence.h"
#include "rapport-content-util.h"
#include "rapport-month-view.h"

/* The month grid, in the spirit of GNOME Calendar's: weekday names on top,
 * ISO week numbers down the left, 5 or 6 weeks of day cells. It receives
 * a model already cut to the grid's range (see get_range_start/end) and
 * sorts each occurrence into the cell of its local day, so an item lands
 * right across a DST change. Drops on a cell come out as ::drop-on-day. */

#define MAX_WEEKS 6

struct _RapportMonthView
{
  GtkWidget   parent_instance;

  GListModel *model;
  GDateTime  *range_start;
  GDateTime  *range_end;
  int         year;
  int         month;
  int         n_weeks;
  int         first_weekday;

  GtkWidget  *weekday_labels[7];
  GtkWidget  *week_labels[MAX_WEEKS];
  GtkWidget  *cells[MAX_WEEKS * 7];
};

G_DEFINE_FINAL_TYPE (RapportMonthView, rapport_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  DROP_ON_DAY,
  LEAVE_GRID,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
distribute (RapportMonthView *self)
{
  GPtrArray *days[MAX_WEEKS * 7] = { NULL, };
  guint n_cells = (guint) self->n_weeks * 7;
  guint n;

  if (self->range_start == NULL)
    return;

  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportContentOccurrence) occurrence = g_list_model_get_item (self->model, i);
      g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);
      int index = rapport_content_days_between (self->range_start, start);

      if (index < 0 || (guint) index >= n_cells)
        continue;
      if (days[index] == NULL)
        days[index] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (days[index], g_object_ref (occurrence));
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    {
      rapport_month_cell_set_occurrences (RAPPORT_MONTH_CELL (self->cells[i]), i < n_cells ? days[i] : NULL);
      g_clear_pointer (&days[i], g_ptr_array_unref);
    }
}

static void
on_model_items_changed_cb (RapportMonthView *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *model)
{
  distribute (self);
}

static int
cell_index (RapportMonthView *self,
            GtkWidget        *cell)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    {
      if (self->cells[i] == cell)
        return (int) i;
    }

  return -1;
}

static void
on_cell_step_focus_cb (RapportMonthCell *cell,
                       int               delta,
                       RapportMonthView *self)
{
  int target = cell_index (self, GTK_WIDGET (cell)) + delta;

  if (target >= 0 && target < self->n_weeks * 7)
    {
      gtk_widget_grab_focus (self->cells[target]);
    }
  else
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (rapport_month_cell_get_day (cell), delta);

      /* Past the grid's edge: the page turns to that day's month. */
      g_signal_emit (self, signals [LEAVE_GRID], 0, day);
    }
}

static gboolean
on_cell_dropped_cb (RapportMonthCell *cell,
                    GObject          *object,
                    RapportMonthView *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_OBJECT_TYPE (object));
  g_value_set_object (&value, object);
  return rapport_month_view_drop_on_day (self, &value, rapport_month_cell_get_day (cell));
}

static void
rapport_month_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RapportMonthView *self = RAPPORT_MONTH_VIEW (widget);
  int header_min = 0, header_nat = 0, week_min = 0, week_nat = 0, cell_min = 0, cell_nat = 0;

  for (guint i = 0; i < 7; i++)
    {
      int min, nat;

      gtk_widget_measure (self->weekday_labels[i], orientation, -1, &min, &nat, NULL, NULL);
      header_min = MAX (header_min, min);
      header_nat = MAX (header_nat, nat);
    }
  for (guint i = 0; i < MAX_WEEKS; i++)
    {
      int min, nat;

      gtk_widget_measure (self->week_labels[i], orientation, -1, &min, &nat, NULL, NULL);
      week_min = MAX (week_min, min);
      week_nat = MAX (week_nat, nat);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    {
      int min, nat;

      gtk_widget_measure (self->cells[i], orientation, -1, &min, &nat, NULL, NULL);
      cell_min = MAX (cell_min, min);
      cell_nat = MAX (cell_nat, nat);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = week_min + 7 * MAX (cell_min, header_min);
      *natural = week_nat + 7 * MAX (cell_nat, header_nat);
    }
  else
    {
      *minimum = header_min + self->n_weeks * MAX (cell_min, week_min);
      *natural = header_nat + self->n_weeks * MAX (cell_nat, week_nat);
    }
}

static void
rapport_month_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RapportMonthView *self = RAPPORT_MONTH_VIEW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int header_height = 0, week_width = 0;
  double cell_width, cell_height;

  for (guint i = 0; i < 7; i++)
    {
      int nat;

      gtk_widget_measure (self->weekday_labels[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &nat, NULL, NULL);
      header_height = MAX (header_height, nat);
    }
  for (guint i = 0; i < MAX_WEEKS; i++)
    {
      int nat;

      gtk_widget_measure (self->week_labels[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      week_width = MAX (week_width, nat);
    }

  cell_width = (double) (width - week_width) / 7.0;
  cell_height = (double) (height - header_height) / self->n_weeks;

  for (int column = 0; column < 7; column++)
    {
      int x0 = week_width + (int) (column * cell_width);
      int x1 = week_width + (int) ((column + 1) * cell_width);
      int x = rtl ? width - x1 : x0;

      gtk_widget_allocate (self->weekday_labels[column], x1 - x0, header_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, 0)));
    }

  for (int row = 0; row < MAX_WEEKS; row++)
    {
      int y0 = header_height + (int) (row * cell_height);
      int y1 = header_height + (int) ((row + 1) * cell_height);
      gboolean visible = row < self->n_weeks;

      gtk_widget_set_child_visible (self->week_labels[row], visible);
      if (visible)
        gtk_widget_allocate (self->week_labels[row], week_width, y1 - y0, -1,
                             gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? width - week_width : 0, y0)));

      for (int column = 0; column < 7; column++)
        {
          GtkWidget *cell = self->cells[row * 7 + column];
          int x0 = week_width + (int) (column * cell_width);
          int x1 = week_width + (int) ((column + 1) * cell_width);

          gtk_widget_set_child_visible (cell, visible);
          if (!visible)
            continue;
          gtk_widget_allocate (cell, x1 - x0, y1 - y0, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? width - x1 : x0, y0)));
        }
    }
}

static void
rapport_month_view_dispose (GObject *object)
{
  RapportMonthView *self = (RapportMonthView *) object;
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->range_start, g_date_time_unref);
  g_clear_pointer (&self->range_end, g_date_time_unref);

  G_OBJECT_CLASS (rapport_month_view_parent_class)->dispose (object);
}

static void
rapport_month_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportMonthView *self = RAPPORT_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_month_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportMonthView *self = RAPPORT_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      rapport_month_view_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_month_view_class_init (RapportMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_month_view_dispose;
  object_class->get_property = rapport_month_view_get_property;
  object_class->set_property = rapport_month_view_set_property;

  widget_class->measure = rapport_month_view_measure;
  widget_class->size_allocate = rapport_month_view_size_allocate;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportMonthView::drop-on-day:
   * @object: the dropped #RapportContentOccurrence or backlog #RapportContentItem
   * @day: the local midnight of the day it was dropped on
   *
   * Returns: whether the drop was taken
   */
  signals [DROP_ON_DAY] =
    g_signal_new ("drop-on-day", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_OBJECT, G_TYPE_DATE_TIME);

  /**
   * RapportMonthView::leave-grid:
   * @day: the day the keyboard moved to, outside the grid
   */
  signals [LEAVE_GRID] =
    g_signal_new ("leave-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
rapport_month_view_init (RapportMonthView *self)
{
  self->first_weekday = rapport_content_first_weekday ();
  self->n_weeks = 5;

  for (guint i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_widget_add_css_class (self->weekday_labels[i], "caption-heading");
      gtk_widget_add_css_class (self->weekday_labels[i], "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (self->weekday_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_parent (self->weekday_labels[i], GTK_WIDGET (self));
    }

  for (guint i = 0; i < MAX_WEEKS; i++)
    {
      self->week_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->week_labels[i], "week-number");
      gtk_widget_add_css_class (self->week_labels[i], "dim-label");
      gtk_widget_add_css_class (self->week_labels[i], "numeric");
      gtk_label_set_yalign (GTK_LABEL (self->week_labels[i]), 0);
      gtk_label_set_width_chars (GTK_LABEL (self->week_labels[i]), 2);
      gtk_widget_set_parent (self->week_labels[i], GTK_WIDGET (self));
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    {
      self->cells[i] = rapport_month_cell_new ();
      g_signal_connect (self->cells[i], "dropped", G_CALLBACK (on_cell_dropped_cb), self);
      g_signal_connect (self->cells[i], "step-focus", G_CALLBACK (on_cell_step_focus_cb), self);
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }

  {
    g_autoptr(GDateTime) now = rapport_now_local ();

    rapport_month_view_set_month (self, g_date_time_get_year (now), g_date_time_get_month (now));
  }
}

GtkWidget *
rapport_month_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_MONTH_VIEW, NULL);
}

/**
 * rapport_month_view_set_month:
 *
 * Shows @month of @year. The grid's range changes: give the view a model
 * cut to rapport_month_view_get_range_start() and _end() afterwards.
 */
void
rapport_month_view_set_month (RapportMonthView *self,
                              int               year,
                              int               month)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) now = rapport_now_local ();
  int offset, days_in_month;

  g_return_if_fail (RAPPORT_IS_MONTH_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;

  first = rapport_content_local_day (year, month, 1);
  /* GDateTime counts Monday 1 … Sunday 7; first_weekday is 0 for Sunday. */
  offset = (g_date_time_get_day_of_week (first) % 7 - self->first_weekday + 7) % 7;
  days_in_month = g_date_get_days_in_month (month, year);
  self->n_weeks = (offset + days_in_month + 6) / 7;

  g_clear_pointer (&self->range_start, g_date_time_unref);
  g_clear_pointer (&self->range_end, g_date_time_unref);
  {
    g_autoptr(GDateTime) shifted = g_date_time_add_days (first, -offset);

    /* Local midnight again: adding days keeps the wall clock. */
    self->range_start = rapport_content_local_day (g_date_time_get_year (shifted),
                                                   g_date_time_get_month (shifted),
                                                   g_date_time_get_day_of_month (shifted));
  }
  {
    g_autoptr(GDateTime) after = g_date_time_add_days (self->range_start, self->n_weeks * 7);

    self->range_end = rapport_content_local_day (g_date_time_get_year (after),
                                                 g_date_time_get_month (after),
                                                 g_date_time_get_day_of_month (after));
  }

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->range_start, i);
      g_autofree char *name = g_date_time_format (day, "%a");

      gtk_label_set_label (GTK_LABEL (self->weekday_labels[i]), name);
    }

  for (int i = 0; i < (int) G_N_ELEMENTS (self->cells); i++)
    {
      g_autoptr(GDateTime) shifted = g_date_time_add_days (self->range_start, i);
      g_autoptr(GDateTime) day = rapport_content_local_day (g_date_time_get_year (shifted),
                                                            g_date_time_get_month (shifted),
                                                            g_date_time_get_day_of_month (shifted));
      gboolean today = rapport_content_days_between (now, day) == 0;

      rapport_month_cell_set_day (RAPPORT_MONTH_CELL (self->cells[i]), day,
                                  g_date_time_get_month (day) != month, today);

      if (i % 7 == 0)
        {
          /* The ISO week of the row's Thursday is the row's week, whatever
           * day the locale starts weeks on. */
          int to_thursday = (4 - g_date_time_get_day_of_week (day) + 7) % 7;
          g_autoptr(GDateTime) thursday = g_date_time_add_days (day, to_thursday > 3 ? to_thursday - 7 : to_thursday);
          g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_week_of_year (thursday));
          g_autofree char *accessible = g_strdup_printf (_("Week %d"), g_date_time_get_week_of_year (thursday));

          gtk_label_set_label (GTK_LABEL (self->week_labels[i / 7]), number);
          gtk_widget_set_tooltip_text (self->week_labels[i / 7], accessible);
        }
    }

  distribute (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rapport_month_view_get_range_start:
 *
 * Returns: (transfer none): the local midnight of the grid's first day
 */
GDateTime *
rapport_month_view_get_range_start (RapportMonthView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_VIEW (self), NULL);

  return self->range_start;
}

/**
 * rapport_month_view_get_range_end:
 *
 * Returns: (transfer none): the local midnight after the grid's last day
 */
GDateTime *
rapport_month_view_get_range_end (RapportMonthView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_VIEW (self), NULL);

  return self->range_end;
}

GListModel *
rapport_month_view_get_model (RapportMonthView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_VIEW (self), NULL);

  return self->model;
}

/**
 * rapport_month_view_set_model:
 * @model: (nullable): a #GListModel of #RapportContentOccurrence in the
 *   grid's range
 */
void
rapport_month_view_set_model (RapportMonthView *self,
                              GListModel       *model)
{
  g_return_if_fail (RAPPORT_IS_MONTH_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  distribute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * rapport_month_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell of that day, if the grid
 *   shows it
 */
RapportMonthCell *
rapport_month_view_get_cell (RapportMonthView *self,
                             int               year,
                             int               month,
                             int               day)
{
  g_autoptr(GDateTime) when = NULL;
  int index;

  g_return_val_if_fail (RAPPORT_IS_MONTH_VIEW (self), NULL);

  when = rapport_content_local_day (year, month, day);
  index = rapport_content_days_between (self->range_start, when);
  if (index < 0 || index >= self->n_weeks * 7)
    return NULL;

  return RAPPORT_MONTH_CELL (self->cells[index]);
}

void
rapport_month_view_focus_day (RapportMonthView *self,
                              int               year,
                              int               month,
                              int               day)
{
  RapportMonthCell *cell = rapport_month_view_get_cell (self, year, month, day);

  if (cell != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cell));
}

/**
 * rapport_month_view_drop_on_day:
 * @value: what the drop target received: a #RapportContentOccurrence or a
 *   #RapportContentItem from the backlog
 * @day: the cell's local midnight
 *
 * What a cell's GtkDropTarget does with a drop: hands it to
 * ::drop-on-day.
 *
 * Returns: whether the drop was taken
 */
gboolean
rapport_month_view_drop_on_day (RapportMonthView *self,
                                const GValue     *value,
                                GDateTime        *day)
{
  GObject *object;
  gboolean handled = FALSE;

  g_return_val_if_fail (RAPPORT_IS_MONTH_VIEW (self), FALSE);
  g_return_val_if_fail (G_VALUE_HOLDS_OBJECT (value), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  object = g_value_get_object (value);
  if (!RAPPORT_IS_CONTENT_OCCURRENCE (object) && !RAPPORT_IS_CONTENT_ITEM (object))
    return FALSE;

  g_signal_emit (self, signals [DROP_ON_DAY], 0, object, day, &handled);
  return handled;
}
