/* rapport-stage-dialogs.c
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

#define G_LOG_DOMAIN "rapport-stage-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-stage-dialogs.h"

/* The stage dialogs of the board's column menus and of Preferences →
 * Pipeline: rename with the name checked as it is typed, and delete asking
 * where the stage's members go. They only ask; the caller applies the
 * answer through RapportPipeline, so every view stays in step. */

/**
 * rapport_stage_dialogs_can_remove:
 * @stages: the pipeline's stages
 *
 * Returns: whether @stage may be deleted: never the last stage left, nor
 *   the one new members join
 */
gboolean
rapport_stage_dialogs_can_remove (GListModel   *stages,
                                  RapportStage *stage)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (stages), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  /* rapport_pipeline_remove_stage() refuses the entry stage, so its
   * Delete item is off rather than failing. */
  return g_list_model_get_n_items (stages) > 1 && !rapport_stage_get_is_entry (stage);
}

/**
 * rapport_stage_dialogs_check_name:
 * @stages: the pipeline's stages
 * @stage: the stage being renamed
 * @name: the name typed
 * @message: (out) (optional) (transfer full) (nullable): why @name cannot
 *   be used, or %NULL when there is nothing to say (it is the name already)
 *
 * The pipeline's own rules, checked as the name is typed: a name that is
 * not blank and that no other stage has, without regard to case.
 *
 * Returns: whether renaming @stage to @name would change something and
 *   succeed
 */
gboolean
rapport_stage_dialogs_check_name (GListModel    *stages,
                                  RapportStage  *stage,
                                  const char    *name,
                                  char         **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *folded = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (stages), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), FALSE);

  if (message != NULL)
    *message = NULL;

  if (stripped[0] == '\0')
    {
      if (message != NULL)
        *message = g_strdup (_("A stage needs a name"));
      return FALSE;
    }

  if (g_strcmp0 (stripped, rapport_stage_get_name (stage)) == 0)
    return FALSE;

  folded = g_utf8_casefold (stripped, -1);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) other = g_list_model_get_item (stages, i);
      g_autofree char *other_folded = NULL;

      if (other == stage)
        continue;

      other_folded = g_utf8_casefold (rapport_stage_get_name (other), -1);
      if (g_str_equal (folded, other_folded))
        {
          if (message != NULL)
            /* Translators: %s is a stage name */
            *message = g_strdup_printf (_("There is already a stage named “%s”"),
                                        rapport_stage_get_name (other));
          return FALSE;
        }
    }

  return TRUE;
}

/* Rename */

static void
on_rename_entry_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  GListModel *stages = g_object_get_data (G_OBJECT (dialog), "rapport-stages");
  RapportStage *stage = g_object_get_data (G_OBJECT (dialog), "rapport-stage");
  GtkRevealer *revealer = g_object_get_data (G_OBJECT (dialog), "rapport-error-revealer");
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "rapport-error-label");
  g_autofree char *message = NULL;
  gboolean ok;

  ok = rapport_stage_dialogs_check_name (stages, stage, gtk_editable_get_text (entry), &message);
  adw_message_dialog_set_response_enabled (dialog, "rename", ok);

  /* The last message stays in the label while the revealer closes. */
  if (message != NULL)
    gtk_label_set_text (label, message);
  gtk_revealer_set_reveal_child (revealer, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
on_rename_dialog_map_cb (GtkWidget *dialog,
                         GtkWidget *entry)
{
  /* Ready to type over the old name. */
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/**
 * rapport_rename_stage_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @stages: the pipeline's stages, to check the name against
 * @stage: the stage to rename
 *
 * A dialog that asks for @stage's new name. Its "rename" response is only
 * enabled for a name rapport_stage_dialogs_check_name() accepts; anything
 * else says why under the entry.
 *
 * Returns: (transfer floating): an #AdwMessageDialog; read the name from
 *   rapport_rename_stage_dialog_get_entry() on "rename"
 */
GtkWidget *
rapport_rename_stage_dialog_new (GtkWindow    *parent,
                                 GListModel   *stages,
                                 RapportStage *stage)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *revealer;
  GtkWidget *label;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (stages), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  dialog = adw_message_dialog_new (parent, _("Rename Stage"), NULL);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), rapport_stage_get_name (stage));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage Name"),
                                  -1);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");

  revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (revealer), label);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), revealer);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Nothing to do until the name changes. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename", FALSE);

  g_object_set_data_full (G_OBJECT (dialog), "rapport-stages", g_object_ref (stages), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "rapport-stage", g_object_ref (stage), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "rapport-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "rapport-error-revealer", revealer);
  g_object_set_data (G_OBJECT (dialog), "rapport-error-label", label);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_rename_entry_changed_cb), dialog, 0);
  g_signal_connect (dialog, "map", G_CALLBACK (on_rename_dialog_map_cb), entry);

  return dialog;
}

/**
 * rapport_rename_stage_dialog_get_entry:
 *
 * Returns: (transfer none): where the new name is typed
 */
GtkEditable *
rapport_rename_stage_dialog_get_entry (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "rapport-entry");
}

/**
 * rapport_rename_stage_dialog_get_message:
 *
 * Returns: (nullable): why the name typed cannot be used, as the dialog
 *   shows it, or %NULL when it shows nothing
 */
const char *
rapport_rename_stage_dialog_get_message (AdwMessageDialog *dialog)
{
  GtkRevealer *revealer;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  revealer = g_object_get_data (G_OBJECT (dialog), "rapport-error-revealer");
  if (revealer == NULL || !gtk_revealer_get_reveal_child (revealer))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (gtk_revealer_get_child (revealer)));
}

/* Delete */

/**
 * rapport_remove_stage_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @stages: the pipeline's stages, the places members can go
 * @stage: the stage to delete; rapport_stage_dialogs_can_remove() allows it
 *
 * A dialog that confirms deleting @stage and, when it has members, asks
 * which stage they move to (the one before it unless changed), as
 * Preferences → Pipeline does.
 *
 * Returns: (transfer floating): an #AdwMessageDialog whose "remove"
 *   response means go ahead, to the stage that
 *   rapport_remove_stage_dialog_get_target_id() gives
 */
GtkWidget *
rapport_remove_stage_dialog_new (GtkWindow    *parent,
                                 GListModel   *stages,
                                 RapportStage *stage)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 stage_id;
  gint64 count;
  guint n;
  guint position;
  guint default_target = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (stages), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);

  stage_id = rapport_stage_get_id (stage);
  count = rapport_stage_get_member_count (stage);
  position = rapport_stage_get_position (stage);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) other = g_list_model_get_item (stages, i);
      gint64 other_id = rapport_stage_get_id (other);

      if (other_id == stage_id)
        continue;
      /* The stage before is the likeliest home; for the first, the next. */
      if (i + 1 == position || (position == 0 && targets->len == 0))
        default_target = targets->len;
      g_array_append_val (targets, other_id);
      gtk_string_list_append (names, rapport_stage_get_name (other));
    }

  /* Translators: %s is a stage name */
  heading = g_strdup_printf (_("Delete “%s”?"), rapport_stage_get_name (stage));
  if (count > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'" G_GINT64_FORMAT " member is in this stage. Choose the stage they move to; "
                                         "the move is kept in their stage history.",
                                         "%'" G_GINT64_FORMAT " members are in this stage. Choose the stage they move to; "
                                         "each move is kept in their stage history.",
                                         count),
                            count);
  else
    body = g_strdup (_("No members are in this stage."));

  dialog = adw_message_dialog_new (parent, heading, body);

  if (count > 0 && targets->len > 0)
    {
      GtkWidget *target_row = adw_combo_row_new ();
      GtkWidget *list = gtk_list_box_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target_row), _("Move Members To"));
      adw_combo_row_set_model (ADW_COMBO_ROW (target_row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (target_row), default_target);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_append (GTK_LIST_BOX (list), target_row);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
      g_object_set_data (G_OBJECT (dialog), "rapport-target-row", target_row);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Delete Stage"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "rapport-default-target", GUINT_TO_POINTER (default_target));
  g_object_set_data_full (G_OBJECT (dialog), "rapport-targets", g_steal_pointer (&targets),
                          (GDestroyNotify) g_array_unref);

  return dialog;
}

/**
 * rapport_remove_stage_dialog_get_target_id:
 *
 * Returns: the id of the stage the members move to, or 0 when there is
 *   no other stage
 */
gint64
rapport_remove_stage_dialog_get_target_id (AdwMessageDialog *dialog)
{
  GArray *targets;
  AdwComboRow *target_row;
  guint selected;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), 0);

  targets = g_object_get_data (G_OBJECT (dialog), "rapport-targets");
  target_row = g_object_get_data (G_OBJECT (dialog), "rapport-target-row");
  /* Without a choice shown (no members, as far as the caller knew), the
   * default still catches members that arrived since. */
  if (target_row != NULL)
    selected = adw_combo_row_get_selected (target_row);
  else
    selected = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "rapport-default-target"));

  if (targets == NULL || selected >= targets->len)
    return 0;

  return g_array_index (targets, gint64, selected);
}
