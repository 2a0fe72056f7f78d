/* rapport-toast.c
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

#define G_LOG_DOMAIN "rapport-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-toast.h"

/* Widgets show toasts in the nearest AdwToastOverlay above them (the
 * window's, a dialog's), never by asking their window to. */

#define LAST_TOAST_KEY "rapport-last-toast"

typedef struct
{
  AdwToast *toast;
} LastToast;

static void
last_toast_free (gpointer data)
{
  LastToast *last = data;

  g_clear_weak_pointer (&last->toast);
  g_free (last);
}

/**
 * rapport_widget_add_toast:
 * @widget: the widget the toast is about
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest #AdwToastOverlay that holds @widget (or is
 * @widget). Without one, the toast is dropped.
 */
void
rapport_widget_add_toast (GtkWidget *widget,
                          AdwToast  *toast)
{
  GtkWidget *overlay;
  LastToast *last;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  last = g_object_get_data (G_OBJECT (overlay), LAST_TOAST_KEY);
  if (last == NULL)
    {
      last = g_new0 (LastToast, 1);
      g_object_set_data_full (G_OBJECT (overlay), LAST_TOAST_KEY, last, last_toast_free);
    }
  g_set_weak_pointer (&last->toast, toast);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * rapport_toast_overlay_get_last:
 *
 * Returns: (transfer none) (nullable): the latest toast shown in @overlay
 *   through rapport_widget_add_toast(), while it shows
 */
AdwToast *
rapport_toast_overlay_get_last (AdwToastOverlay *overlay)
{
  LastToast *last;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  last = g_object_get_data (G_OBJECT (overlay), LAST_TOAST_KEY);

  return last != NULL ? last->toast : NULL;
}
