/* rapport-content-chip.c
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

#define G_LOG_DOMAIN "rapport-content-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-content-chip.h"
#include "rapport-content-store.h"
#include "rapport-content-util.h"
#include "rapport-member-util.h"

/* One occurrence on the calendar: a rounded chip tinted with its channel's
 * colour, a status glyph, the time (in the week view) and the title. It
 * opens the editor through content.open and drags the occurrence itself. */
struct _RapportContentChip
{
  GtkWidget                 parent_instance;

  RapportContentOccurrence *occurrence;
  /* With the time shown (the week view): glyph and time on a line of
   * their own above a title of up to two lines. */
  GtkWidget                *header;
  GtkWidget                *status_image;
  GtkWidget                *time_label;
  GtkWidget                *title_label;
};

G_DEFINE_FINAL_TYPE (RapportContentChip, rapport_content_chip, GTK_TYPE_WIDGET)

static void
open_chip (RapportContentChip *self)
{
  RapportContentItem *item = rapport_content_occurrence_get_item (self->occurrence);

  gtk_widget_activate_action (GTK_WIDGET (self), "content.open", "(xx)",
                              rapport_content_item_get_id (item),
                              rapport_content_occurrence_get_recurrence_id (self->occurrence));
}

static void
on_click_released_cb (GtkGestureClick    *gesture,
                      int                 n_press,
                      double              x,
                      double              y,
                      RapportContentChip *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  open_chip (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   RapportContentChip    *self)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space)
    {
      open_chip (self);
      return TRUE;
    }

  return FALSE;
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource      *source,
                    double              x,
                    double              y,
                    RapportContentChip *self)
{
  return gdk_content_provider_new_typed (RAPPORT_TYPE_CONTENT_OCCURRENCE, self->occurrence);
}

static void
on_drag_begin_cb (GtkDragSource      *source,
                  GdkDrag            *drag,
                  RapportContentChip *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_end_cb (GtkDragSource      *source,
                GdkDrag            *drag,
                gboolean            delete_data,
                RapportContentChip *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static void
rapport_content_chip_dispose (GObject *object)
{
  RapportContentChip *self = (RapportContentChip *) object;

  if (self->header != NULL)
    {
      g_clear_pointer (&self->header, gtk_widget_unparent);
      self->status_image = NULL;
      self->time_label = NULL;
    }
  g_clear_pointer (&self->status_image, gtk_widget_unparent);
  g_clear_pointer (&self->time_label, gtk_widget_unparent);
  g_clear_pointer (&self->title_label, gtk_widget_unparent);
  g_clear_object (&self->occurrence);

  G_OBJECT_CLASS (rapport_content_chip_parent_class)->dispose (object);
}

static void
rapport_content_chip_class_init (RapportContentChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_content_chip_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contentchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rapport_content_chip_init (RapportContentChip *self)
{
  GtkEventController *controller;
  GtkGesture *click;
  GtkDragSource *drag;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

/**
 * rapport_content_chip_new:
 * @show_time: whether to show the start time before the title
 *
 * Returns: (transfer floating): a chip for @occurrence
 */
GtkWidget *
rapport_content_chip_new (RapportContentOccurrence *occurrence,
                          gboolean                  show_time)
{
  RapportContentChip *self;
  RapportContentItem *item;
  RapportContentStatus status;
  const char * const *channels;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *channels_text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (occurrence), NULL);

  self = g_object_new (RAPPORT_TYPE_CONTENT_CHIP, NULL);
  self->occurrence = g_object_ref (occurrence);
  item = rapport_content_occurrence_get_item (occurrence);
  status = rapport_content_item_get_status (item);
  start = rapport_content_occurrence_dup_local_start (occurrence);
  time_text = rapport_content_item_get_all_day (item) ? g_strdup (_("All day"))
                                                      : rapport_format_clock (start);

  self->status_image = gtk_image_new_from_icon_name (rapport_content_status_icon_name (status));
  gtk_image_set_pixel_size (GTK_IMAGE (self->status_image), 12);
  gtk_widget_add_css_class (self->status_image, "status-glyph");

  self->title_label = gtk_label_new (rapport_content_item_get_title (item));
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (self->title_label), 3);
  gtk_widget_set_hexpand (self->title_label, TRUE);

  if (show_time)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                      GTK_ORIENTATION_VERTICAL);
      gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 0);
      gtk_widget_add_css_class (GTK_WIDGET (self), "timed");

      self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      self->time_label = gtk_label_new (time_text);
      gtk_label_set_xalign (GTK_LABEL (self->time_label), 0);
      gtk_widget_add_css_class (self->time_label, "numeric");
      gtk_widget_add_css_class (self->time_label, "chip-time");
      gtk_box_append (GTK_BOX (self->header), self->status_image);
      gtk_box_append (GTK_BOX (self->header), self->time_label);
      gtk_widget_set_parent (self->header, GTK_WIDGET (self));

      gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (self->title_label), 2);
    }
  else
    gtk_widget_set_parent (self->status_image, GTK_WIDGET (self));

  gtk_widget_set_parent (self->title_label, GTK_WIDGET (self));

  rapport_content_add_channel_class (GTK_WIDGET (self), item);
  if (status == RAPPORT_CONTENT_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cancelled");
  else if (status == RAPPORT_CONTENT_STATUS_PUBLISHED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "published");

  channels = rapport_content_item_get_channels (item);
  channels_text = channels != NULL ? g_strjoinv (", ", (char **) channels) : g_strdup ("");
  /* Translators: a calendar chip's tooltip: time, title, status, channels */
  tooltip = g_markup_printf_escaped (_("<b>%s</b> %s\n%s · %s"), time_text,
                                     rapport_content_item_get_title (item),
                                     rapport_content_status_get_label (status),
                                     channels_text[0] != '\0' ? channels_text : _("No channel"));
  gtk_widget_set_tooltip_markup (GTK_WIDGET (self), tooltip);
  /* Translators: what a screen reader says for a chip: title, status, time */
  accessible = g_strdup_printf (_("%s, %s, %s"), rapport_content_item_get_title (item),
                                rapport_content_status_get_label (status), time_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return GTK_WIDGET (self);
}

RapportContentOccurrence *
rapport_content_chip_get_occurrence (RapportContentChip *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_CHIP (self), NULL);

  return self->occurrence;
}

const char *
rapport_content_chip_get_title (RapportContentChip *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_CHIP (self), NULL);

  return rapport_content_item_get_title (rapport_content_occurrence_get_item (self->occurrence));
}
