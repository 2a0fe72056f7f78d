/* rapport-advocates-view-actions.c
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

#define G_LOG_DOMAIN "rapport-advocates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-advocates-view-private.h"
#include "rapport-stage-dialogs.h"

/* Suggestions */

static void
suggestion_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  g_autoptr(RapportSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A reference of our own: accepting takes it off the list. */
  suggestion = _rapport_advocates_view_find_suggestion (self, parameter);
  if (suggestion == NULL)
    return;

  if (g_str_equal (action_name, "board.accept-suggestion"))
    ok = rapport_advocates_view_accept_suggestion (self, suggestion, &error);
  else
    ok = rapport_advocates_view_dismiss_suggestion (self, suggestion, &error);

  if (!ok)
    _rapport_advocates_view_show_error_toast (self, error->message);
}

/* Moves */

static void
move_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 member_id;
  gint64 stage_id;

  g_variant_get (parameter, "(xx)", &member_id, &stage_id);
  if (!rapport_advocates_view_move_member (self, member_id, stage_id, &error))
    _rapport_advocates_view_show_error_toast (self, error->message);
}

static void
undo_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!rapport_advocates_view_undo_move (self, g_variant_get_int64 (parameter), &error))
    _rapport_advocates_view_show_error_toast (self, error->message);
}

/* Stages */

static GtkWindow *
get_window (RapportAdvocatesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_rename_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       RapportAdvocatesView *self)
{
  gint64 stage_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "rapport-stage-id"));
  GtkEditable *entry = rapport_rename_stage_dialog_get_entry (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || self->pipeline == NULL)
    return;

  if (!rapport_pipeline_rename_stage (self->pipeline, stage_id, gtk_editable_get_text (entry), &error))
    _rapport_advocates_view_show_error_toast (self, error->message);
}

static void
rename_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  gint64 stage_id = g_variant_get_int64 (parameter);
  RapportStage *stage;
  GtkWidget *dialog;

  if (self->pipeline == NULL || (stage = rapport_pipeline_find_stage (self->pipeline, stage_id)) == NULL)
    return;

  dialog = rapport_rename_stage_dialog_new (get_window (self),
                                            rapport_pipeline_get_stages (self->pipeline),
                                            stage);
  g_object_set_data (G_OBJECT (dialog), "rapport-stage-id", GSIZE_TO_POINTER ((gsize) stage_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  RapportStage *stage;
  gint64 stage_id;
  gint64 position;
  int delta;

  g_variant_get (parameter, "(xi)", &stage_id, &delta);
  if (self->pipeline == NULL || (stage = rapport_pipeline_find_stage (self->pipeline, stage_id)) == NULL)
    return;

  position = (gint64) rapport_stage_get_position (stage) + delta;
  if (position < 0 || position >= g_list_model_get_n_items (rapport_pipeline_get_stages (self->pipeline)))
    return;

  if (!rapport_pipeline_move_stage (self->pipeline, stage_id, (guint) position, &error))
    _rapport_advocates_view_show_error_toast (self, error->message);
}

static void
remove_stage (RapportAdvocatesView *self,
              gint64                stage_id,
              gint64                target_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *title = NULL;
  RapportStage *stage;
  RapportStage *target;
  AdwToast *toast;
  gint64 count;
  guint position;

  stage = rapport_pipeline_find_stage (self->pipeline, stage_id);
  if (stage == NULL)
    return;

  /* Read before the stage (and its column, which holds it) goes. */
  raw_name = g_strdup (rapport_stage_get_name (stage));
  name = g_markup_escape_text (raw_name, -1);
  count = rapport_stage_get_member_count (stage);
  position = rapport_stage_get_position (stage);
  target = target_id > 0 ? rapport_pipeline_find_stage (self->pipeline, target_id) : NULL;
  if (target != NULL)
    target_name = g_markup_escape_text (rapport_stage_get_name (target), -1);

  if (!rapport_pipeline_remove_stage (self->pipeline, stage_id, target_id, &error))
    {
      _rapport_advocates_view_show_error_toast (self, error->message);
      return;
    }

  if (count > 0 && target_name != NULL)
    {
      /* Translators: "Deleted “Advocate” · 42 members moved to “Contributor”" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Deleted “%s” · %'" G_GINT64_FORMAT " member moved to “%s”",
                                            "Deleted “%s” · %'" G_GINT64_FORMAT " members moved to “%s”",
                                            count),
                               name, count, target_name);
      _rapport_advocates_view_show_toast (self, adw_toast_new (title));
      return;
    }

  /* An empty stage comes back under its name, where it was. */
  title = g_strdup_printf (_("Deleted “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "board.restore-stage");
  adw_toast_set_action_target_value (toast, g_variant_new ("(su)", raw_name, position));
  _rapport_advocates_view_show_toast (self, toast);
}

static void
on_remove_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       RapportAdvocatesView *self)
{
  gint64 stage_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "rapport-stage-id"));

  if (!g_str_equal (response, "remove") || self->pipeline == NULL)
    return;

  remove_stage (self, stage_id, rapport_remove_stage_dialog_get_target_id (dialog));
}

static void
remove_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  gint64 stage_id = g_variant_get_int64 (parameter);
  GListModel *stages;
  RapportStage *stage;
  GtkWidget *dialog;

  if (self->pipeline == NULL || (stage = rapport_pipeline_find_stage (self->pipeline, stage_id)) == NULL)
    return;

  stages = rapport_pipeline_get_stages (self->pipeline);
  if (!rapport_stage_dialogs_can_remove (stages, stage))
    return;

  dialog = rapport_remove_stage_dialog_new (get_window (self), stages, stage);
  g_object_set_data (G_OBJECT (dialog), "rapport-stage-id", GSIZE_TO_POINTER ((gsize) stage_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_stage_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *name;
  guint position;

  if (self->pipeline == NULL)
    return;

  g_variant_get (parameter, "(&su)", &name, &position);
  if (rapport_pipeline_add_stage (self->pipeline, name, (int) position, &error) == 0)
    _rapport_advocates_view_show_error_toast (self, error->message);
}

/* Members */

static void
show_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gint64 member_id = g_variant_get_int64 (parameter);

  /* The member's page lives in the Members view, which the window opens. */
  if (member_id <= 0)
    return;

  gtk_widget_activate_action (widget, "win.show-member", "x", member_id);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rapport_advocates_view_focus_search (RAPPORT_ADVOCATES_VIEW (widget));
}

void
_rapport_advocates_view_class_init_actions (RapportAdvocatesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "board.move-member", "(xx)", move_member_action);
  gtk_widget_class_install_action (widget_class, "board.undo-move", "x", undo_move_action);
  gtk_widget_class_install_action (widget_class, "board.accept-suggestion", "(xi)", suggestion_action);
  gtk_widget_class_install_action (widget_class, "board.dismiss-suggestion", "(xi)", suggestion_action);
  gtk_widget_class_install_action (widget_class, "board.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "board.rename-stage", "x", rename_stage_action);
  gtk_widget_class_install_action (widget_class, "board.move-stage", "(xi)", move_stage_action);
  gtk_widget_class_install_action (widget_class, "board.remove-stage", "x", remove_stage_action);
  gtk_widget_class_install_action (widget_class, "board.restore-stage", "(su)", restore_stage_action);
  gtk_widget_class_install_action (widget_class, "board.show-member", "x", show_member_action);
  gtk_widget_class_install_property_action (widget_class, "board.sort-by", "sort-by");
}
