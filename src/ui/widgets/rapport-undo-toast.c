/* rapport-undo-toast.c
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

/* The one Undo toast: every operation the undo journal records (deleting a
 * member or a note, a stage move, removing an RSVP, rescheduling content)
 * is offered back the same way. */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-undo-toast.h"

/**
 * rapport_undo_toast_new:
 * @title: what happened, as plain text ("“Ana Lima” deleted")
 * @operation_id: the journal's operation, as the core call returned it
 *
 * A toast with an Undo button that activates `win.undo` for
 * @operation_id; the window undoes it and says so if it cannot.
 *
 * Returns: (transfer floating): the toast
 */
AdwToast *
rapport_undo_toast_new (const char *title,
                        gint64      operation_id)
{
  return rapport_undo_toast_new_full (title, operation_id, "win.undo");
}

/**
 * rapport_undo_toast_new_full:
 * @action_name: an action taking the operation id (`x`) that undoes it and
 *   then says what the undo found (the event page's "the event filled up
 *   meanwhile")
 *
 * Returns: (transfer floating): the toast
 */
AdwToast *
rapport_undo_toast_new_full (const char *title,
                             gint64      operation_id,
                             const char *action_name)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (operation_id > 0, NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (operation_id));

  return toast;
}
