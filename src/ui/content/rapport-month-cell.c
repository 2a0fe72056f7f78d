/* rapport-month-cell.c
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

#define G_LOG_DOMAIN "rapport-month-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-content-chip.h"
#include "rapport-content-item.h"
#include "rapport-content-occurrence.h"
#include "rapport-content-util.h"
#include "rapport-month-cell.h"

/* One day of the month grid: its number (today's in an accent circle),
 * as many chips as fit and a "+N more" button for the rest. Too narrow for
 * chips (a phone), it shows a coloured dot per item instead, and a tap
 * opens the day. Each cell is a drop target for chips and backlog ideas. */

#define CHIP_SPACING 2
#define DOT_SIZE 6
#define DOT_SPACING 3
/* Below this width a chip's title is unreadable: show dots. */
#define COMPACT_WIDTH 76

struct _RapportMonthCell
{
  GtkWidget   parent_instance;

  GDateTime  *day;
  GPtrArray  *occurrences;
  GPtrArray  *chips;
  GPtrArray  *dots;
  GtkWidget  *day_label;
  GtkWidget  *overflow_button;
  GtkWidget  *popover;
  GtkWidget  *popover_list;
  GtkWidget  *popover_title;
  guint       n_shown;
};

G_DEFINE_FINAL_TYPE (RapportMonthCell, rapport_month_cell, GTK_TYPE_WIDGET)

enum {
  DROPPED,
  STEP_FOCUS,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
fill_popover (RapportMonthCell *self)
{
  GtkWidget *child;
  g_autofree char *title = NULL;

  if (self->popover == NULL || self->day == NULL)
    return;

  /* Translators: the heading of a day's popover in the month grid */
  title = g_date_time_format (self->day, _("%A, %-d %B"));
  gtk_label_set_label (GTK_LABEL (self->popover_title), g_strstrip (title));

  while ((child = gtk_widget_get_first_child (self->popover_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->popover_list), child);

  if (self->occurrences == NULL || self->occurrences->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing planned"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->popover_list), label);
      return;
    }

  for (guint i = 0; i < self->occurrences->len; i++)
    gtk_box_append (GTK_BOX (self->popover_list),
                    rapport_content_chip_new (g_ptr_array_index (self->occurrences, i), TRUE));
}

static void
on_new_button_clicked_cb (RapportMonthCell *self,
                          GtkButton        *button)
{
  g_autofree char *date = g_date_time_format (self->day, "%Y-%m-%d");

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_activate_action (GTK_WIDGET (self), "content.new-on-day", "s", date);
}

static void
ensure_popover (RapportMonthCell *self)
{
  GtkWidget *box, *scrolled, *button;

  if (self->popover != NULL)
    return;

  self->popover = gtk_popover_new ();
  gtk_widget_add_css_class (self->popover, "day-popover");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->popover_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_title), 0);
  gtk_widget_add_css_class (self->popover_title, "heading");
  gtk_box_append (GTK_BOX (box), self->popover_title);

  self->popover_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, CHIP_SPACING);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_widget_set_size_request (scrolled, 240, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->popover_list);
  gtk_box_append (GTK_BOX (box), scrolled);

  button = gtk_button_new_with_mnemonic (_("_New Item on This Day"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_new_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

void
rapport_month_cell_show_day (RapportMonthCell *self)
{
  g_return_if_fail (RAPPORT_IS_MONTH_CELL (self));

  ensure_popover (self);
  fill_popover (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

void
rapport_month_cell_hide_day (RapportMonthCell *self)
{
  g_return_if_fail (RAPPORT_IS_MONTH_CELL (self));

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

GtkPopover *
rapport_month_cell_get_popover (RapportMonthCell *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_CELL (self), NULL);

  return self->popover != NULL ? GTK_POPOVER (self->popover) : NULL;
}

static gboolean
is_compact (RapportMonthCell *self,
            int               width)
{
  return width < COMPACT_WIDTH;
}

static void
rapport_month_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RapportMonthCell *self = RAPPORT_MONTH_CELL (widget);
  int label_min, label_nat;

  gtk_widget_measure (self->day_label, orientation, -1, &label_min, &label_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (label_min, 2 * DOT_SIZE + DOT_SPACING);
      *natural = MAX (label_nat, 120);
    }
  else
    {
      *minimum = label_min + DOT_SPACING + DOT_SIZE;
      *natural = label_nat + 3 * 24;
    }
}

static void
hide_all (GPtrArray *widgets)
{
  for (guint i = 0; widgets != NULL && i < widgets->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (widgets, i), FALSE);
}

static void
rapport_month_cell_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RapportMonthCell *self = RAPPORT_MONTH_CELL (widget);
  int label_min, label_nat, label_width, y;
  guint n = self->chips->len;

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));

  gtk_widget_measure (self->day_label, GTK_ORIENTATION_VERTICAL, -1, &label_min, &label_nat, NULL, NULL);
  gtk_widget_measure (self->day_label, GTK_ORIENTATION_HORIZONTAL, -1, &label_width, NULL, NULL, NULL);
  gtk_widget_allocate (self->day_label, MIN (width, MAX (label_width, label_nat)), label_nat, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, 0)));
  y = label_nat + CHIP_SPACING;
  self->n_shown = 0;

  if (is_compact (self, width))
    {
      int x = 0;

      hide_all (self->chips);
      gtk_widget_set_child_visible (self->overflow_button, FALSE);
      y += DOT_SPACING;

      for (guint i = 0; i < self->dots->len; i++)
        {
          GtkWidget *dot = g_ptr_array_index (self->dots, i);

          if (x + DOT_SIZE > width)
            {
              x = 0;
              y += DOT_SIZE + DOT_SPACING;
            }
          if (y + DOT_SIZE > height)
            {
              gtk_widget_set_child_visible (dot, FALSE);
              continue;
            }
          gtk_widget_set_child_visible (dot, TRUE);
          gtk_widget_allocate (dot, DOT_SIZE, DOT_SIZE, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
          x += DOT_SIZE + DOT_SPACING;
        }
      return;
    }

  hide_all (self->dots);

  if (n > 0)
    {
      int chip_height, button_height, available, fit;

      gtk_widget_measure (g_ptr_array_index (self->chips, 0), GTK_ORIENTATION_VERTICAL, width,
                          &chip_height, NULL, NULL, NULL);
      gtk_widget_measure (self->overflow_button, GTK_ORIENTATION_VERTICAL, width,
                          &button_height, NULL, NULL, NULL);
      available = height - y;
      fit = MAX (0, (available + CHIP_SPACING) / (chip_height + CHIP_SPACING));

      /* The last line says "+N more" when not everything fits. */
      if ((guint) fit < n)
        fit = MAX (0, (available - button_height) / (chip_height + CHIP_SPACING));
      self->n_shown = MIN ((guint) fit, n);

      for (guint i = 0; i < n; i++)
        {
          GtkWidget *chip = g_ptr_array_index (self->chips, i);

          gtk_widget_set_child_visible (chip, i < self->n_shown);
          if (i >= self->n_shown)
            continue;
          gtk_widget_allocate (chip, width, chip_height, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
          y += chip_height + CHIP_SPACING;
        }

      if (self->n_shown < n)
        {
          g_autofree char *text = NULL;
          int button_width;

          /* Translators: in a month cell, the items that do not fit */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n - self->n_shown),
                                  n - self->n_shown);
          if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (self->overflow_button)), text) != 0)
            gtk_button_set_label (GTK_BUTTON (self->overflow_button), text);
          gtk_widget_measure (self->overflow_button, GTK_ORIENTATION_HORIZONTAL, -1,
                              &button_width, NULL, NULL, NULL);
          gtk_widget_set_child_visible (self->overflow_button, TRUE);
          gtk_widget_allocate (self->overflow_button, MIN (width, MAX (button_width, width)), button_height, -1,
                               gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, MIN (y, height - button_height))));
          return;
        }
    }

  gtk_widget_set_child_visible (self->overflow_button, FALSE);
}

static void
on_overflow_clicked_cb (RapportMonthCell *self,
                        GtkButton        *button)
{
  rapport_month_cell_show_day (self);
}

static void
on_click_pressed_cb (GtkGestureClick  *gesture,
                     int               n_press,
                     double            x,
                     double            y,
                     RapportMonthCell *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    {
      g_autofree char *date = g_date_time_format (self->day, "%Y-%m-%d");

      gtk_widget_activate_action (GTK_WIDGET (self), "content.new-on-day", "s", date);
    }
  else if (is_compact (self, gtk_widget_get_width (GTK_WIDGET (self))) && self->occurrences != NULL
           && self->occurrences->len > 0)
    {
      rapport_month_cell_show_day (self);
    }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   RapportMonthCell      *self)
{
  int delta = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      delta = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      delta = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      delta = -7;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      delta = 7;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      /* Enter on a chip opens the chip. */
      if (gtk_widget_has_focus (GTK_WIDGET (self)))
        {
          rapport_month_cell_show_day (self);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }

  g_signal_emit (self, signals [STEP_FOCUS], 0, delta);
  return TRUE;
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget    *target,
                  double            x,
                  double            y,
                  RapportMonthCell *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-highlight");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget    *target,
                  RapportMonthCell *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-highlight");
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            RapportMonthCell *self)
{
  gboolean handled = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-highlight");
  if (!G_VALUE_HOLDS_OBJECT (value) || g_value_get_object (value) == NULL)
    return FALSE;

  g_signal_emit (self, signals [DROPPED], 0, g_value_get_object (value), &handled);
  return handled;
}

static void
rapport_month_cell_dispose (GObject *object)
{
  RapportMonthCell *self = (RapportMonthCell *) object;
  GtkWidget *child;

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->day_label = NULL;
  self->overflow_button = NULL;
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_pointer (&self->dots, g_ptr_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->day, g_date_time_unref);

  G_OBJECT_CLASS (rapport_month_cell_parent_class)->dispose (object);
}

static void
rapport_month_cell_class_init (RapportMonthCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_month_cell_dispose;

  widget_class->measure = rapport_month_cell_measure;
  widget_class->size_allocate = rapport_month_cell_size_allocate;

  /**
   * RapportMonthCell::dropped:
   * @object: a #RapportContentOccurrence or a #RapportContentItem
   *
   * Returns: whether the drop was taken
   */
  signals [DROPPED] =
    g_signal_new ("dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_OBJECT);

  signals [STEP_FOCUS] =
    g_signal_new ("step-focus", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "monthcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
rapport_month_cell_init (RapportMonthCell *self)
{
  GtkGesture *click;
  GtkEventController *key;
  GtkDropTarget *drop;
  GType types[] = { RAPPORT_TYPE_CONTENT_OCCURRENCE, RAPPORT_TYPE_CONTENT_ITEM };

  self->chips = g_ptr_array_new ();
  self->dots = g_ptr_array_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->day_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->day_label, "day-number");
  gtk_widget_add_css_class (self->day_label, "numeric");
  gtk_widget_set_parent (self->day_label, GTK_WIDGET (self));

  self->overflow_button = gtk_button_new ();
  gtk_widget_add_css_class (self->overflow_button, "flat");
  gtk_widget_add_css_class (self->overflow_button, "overflow");
  gtk_widget_set_focus_on_click (self->overflow_button, FALSE);
  g_signal_connect_swapped (self->overflow_button, "clicked", G_CALLBACK (on_overflow_clicked_cb), self);
  gtk_widget_set_parent (self->overflow_button, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->overflow_button, FALSE);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
rapport_month_cell_new (void)
{
  return g_object_new (RAPPORT_TYPE_MONTH_CELL, NULL);
}

void
rapport_month_cell_set_day (RapportMonthCell *self,
                            GDateTime        *day,
                            gboolean          outside_month,
                            gboolean          today)
{
  g_autofree char *number = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (RAPPORT_IS_MONTH_CELL (self));
  g_return_if_fail (day != NULL);

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = g_date_time_ref (day);

  number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
  gtk_label_set_label (GTK_LABEL (self->day_label), number);

  if (outside_month)
    gtk_widget_add_css_class (GTK_WIDGET (self), "outside");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "outside");
  if (today)
    gtk_widget_add_css_class (self->day_label, "today");
  else
    gtk_widget_remove_css_class (self->day_label, "today");

  /* Translators: how a screen reader names a day cell */
  accessible = g_date_time_format (day, _("%A, %-d %B %Y"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

GDateTime *
rapport_month_cell_get_day (RapportMonthCell *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_CELL (self), NULL);

  return self->day;
}

/**
 * rapport_month_cell_set_occurrences:
 * @occurrences: (nullable) (element-type RapportContentOccurrence): the
 *   day's occurrences in order
 */
void
rapport_month_cell_set_occurrences (RapportMonthCell *self,
                                    GPtrArray        *occurrences)
{
  g_return_if_fail (RAPPORT_IS_MONTH_CELL (self));

  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  for (guint i = 0; i < self->dots->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->dots, i));
  g_ptr_array_set_size (self->chips, 0);
  g_ptr_array_set_size (self->dots, 0);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);

  if (occurrences != NULL)
    self->occurrences = g_ptr_array_ref (occurrences);

  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      RapportContentOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      GtkWidget *chip = rapport_content_chip_new (occurrence, FALSE);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_insert_before (chip, GTK_WIDGET (self), self->overflow_button);
      g_ptr_array_add (self->chips, chip);

      gtk_widget_add_css_class (dot, "content-dot");
      rapport_content_add_channel_class (dot, rapport_content_occurrence_get_item (occurrence));
      gtk_widget_set_can_target (dot, FALSE);
      gtk_widget_insert_before (dot, GTK_WIDGET (self), self->overflow_button);
      gtk_widget_set_child_visible (dot, FALSE);
      g_ptr_array_add (self->dots, dot);
    }

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    fill_popover (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
rapport_month_cell_get_n_items (RapportMonthCell *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_CELL (self), 0);

  return self->occurrences != NULL ? self->occurrences->len : 0;
}

/* How many chips the last layout showed (the rest are behind "+N more"). */
guint
rapport_month_cell_get_n_chips_shown (RapportMonthCell *self)
{
  g_return_val_if_fail (RAPPORT_IS_MONTH_CELL (self), 0);

  return self->n_shown;
}

/**
 * rapport_month_cell_dup_titles:
 *
 * Returns: (transfer full): the titles of the day's items, in order
 */
GStrv
rapport_month_cell_dup_titles (RapportMonthCell *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAPPORT_IS_MONTH_CELL (self), NULL);

  for (guint i = 0; self->occurrences != NULL && i < self->occurrences->len; i++)
    {
      RapportContentOccurrence *occurrence = g_ptr_array_index (self->occurrences, i);

      g_strv_builder_add (builder, rapport_content_item_get_title (rapport_content_occurrence_get_item (occurrence)));
    }

  return g_strv_builder_end (builder);
}
