/* rapport-content-view-dnd.c
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

#define G_LOG_DOMAIN "rapport-content-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-content-util.h"
#include "rapport-content-view-private.h"
#include "rapport-undo-toast.h"

/* Backlog rows carry their item */

static GdkContentProvider *
on_backlog_drag_prepare_cb (GtkDragSource *source,
                            double         x,
                            double         y,
                            GtkListItem   *list_item)
{
  RapportContentItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (RAPPORT_TYPE_CONTENT_ITEM, item);
}

static void
on_backlog_drag_begin_cb (GtkDragSource *source,
                          GdkDrag       *drag,
                          GtkListItem   *list_item)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (gtk_list_item_get_child (list_item));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

void
_rapport_content_view_add_backlog_drag_source (GtkWidget   *box,
                                               GtkListItem *list_item)
{
  GtkDragSource *drag;

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_backlog_drag_prepare_cb), list_item);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_backlog_drag_begin_cb), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));
}

/* Reschedule by drag and drop */

static void
toast_moved (RapportContentView *self,
             const char         *title,
             GDateTime          *day,
             gint64              journal_id)
{
  g_autofree char *date = g_date_time_format (day, _("%A, %-d %B"));
  g_autofree char *text = NULL;

  /* Translators: after a drag and drop: "“Spring newsletter” moved to Tuesday, 14 April" */
  text = g_strdup_printf (_("“%s” moved to %s"), title, g_strstrip (date));
  _rapport_content_view_show_toast (self, rapport_undo_toast_new (text, journal_id));
}

static void
move_occurrence (RapportContentView       *self,
                 RapportContentOccurrence *occurrence,
                 GDateTime                *day,
                 gboolean                  whole_series)
{
  RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
  g_autoptr(GError) error = NULL;
  gint64 journal_id = 0;

  if (!rapport_content_move_occurrence (self->store, occurrence, day, whole_series, &journal_id, &error))
    {
      _rapport_content_view_show_error (self, _("Could Not Reschedule"), error->message);
      return;
    }
  if (journal_id != 0)
    toast_moved (self, rapport_content_item_get_title (item), day, journal_id);
}

typedef struct
{
  RapportContentView       *self;
  RapportContentOccurrence *occurrence;
  GDateTime                *day;
} MoveRequest;

static void
move_request_free (MoveRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->occurrence);
  g_date_time_unref (request->day);
  g_free (request);
}

static void
on_series_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MoveRequest      *request)
{
  if (g_str_equal (response, "occurrence"))
    move_occurrence (request->self, request->occurrence, request->day, FALSE);
  else if (g_str_equal (response, "series"))
    move_occurrence (request->self, request->occurrence, request->day, TRUE);
}

/**
 * rapport_content_view_drop:
 * @object: a #RapportContentOccurrence from the calendar or a
 *   #RapportContentItem from the backlog
 * @day: the local midnight of the day it was dropped on
 *
 * What a drop on a day does: an idea gets that date (10:00) and becomes
 * Scheduled; an item moves there keeping its time of day; an occurrence
 * of a series asks whether to move it alone or the whole series.
 *
 * Returns: whether the drop was taken
 */
gboolean
rapport_content_view_drop (RapportContentView *self,
                           GObject            *object,
                           GDateTime          *day)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  if (RAPPORT_IS_CONTENT_ITEM (object))
    {
      gint64 journal_id = 0;

      if (!rapport_content_schedule (self->store, rapport_content_item_get_id (RAPPORT_CONTENT_ITEM (object)),
                                     day, &journal_id, &error))
        {
          _rapport_content_view_show_error (self, _("Could Not Schedule"), error->message);
          return FALSE;
        }
      toast_moved (self, rapport_content_item_get_title (RAPPORT_CONTENT_ITEM (object)), day, journal_id);
      return TRUE;
    }

  if (RAPPORT_IS_CONTENT_OCCURRENCE (object))
    {
      RapportContentOccurrence *occurrence = RAPPORT_CONTENT_OCCURRENCE (object);
      RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
      g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);

      if (rapport_content_days_between (start, day) == 0)
        return FALSE;

      if (rapport_content_item_get_rrule (item) != NULL)
        {
          GtkWidget *dialog;
          MoveRequest *request = g_new0 (MoveRequest, 1);
          g_autofree char *heading = g_strdup_printf (_("Move “%s”?"), rapport_content_item_get_title (item));

          request->self = g_object_ref (self);
          request->occurrence = g_object_ref (occurrence);
          request->day = g_date_time_ref (day);

          dialog = adw_message_dialog_new (_rapport_content_view_get_window (self), heading,
                                           _("This item repeats. Move only this occurrence, or every occurrence of the series by the same number of days?"));
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "series", _("_All Occurrences"),
                                            "occurrence", _("_This Occurrence"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "occurrence",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "occurrence");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect_data (dialog, "response", G_CALLBACK (on_series_response_cb), request,
                                 (GClosureNotify) (void (*) (void)) move_request_free, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return TRUE;
        }

      move_occurrence (self, occurrence, day, FALSE);
      return TRUE;
    }

  return FALSE;
}
