/* rapport-preferences-pipeline.c
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

#define G_LOG_DOMAIN "rapport-preferences-pipeline"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context.h"
#include "rapport-member-util.h"
#include "rapport-pipeline.h"
#include "rapport-preferences-pipeline.h"
#include "rapport-stage-dialogs.h"
#include "rapport-store.h"

/* Preferences → Pipeline: the stages members move through, in order.
 * Rename in place, move up and down, add at the end, remove (asking where
 * the stage's members go; each move lands in their stage history). */

struct _RapportPreferencesPipeline
{
  AdwPreferencesPage   parent_instance;

  RapportContext      *context;
  /* The context's, shared with the board: edited through its calls, never
   * reconfigured or refreshed here. */
  RapportPipeline     *pipeline;

  AdwPreferencesGroup *stages_group;
  GPtrArray           *stage_rows;
  AdwEntryRow         *add_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesPipeline, rapport_preferences_pipeline, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_error (RapportPreferencesPipeline *self,
            GtkWidget                  *field,
            const GError               *error)
{
  rapport_member_show_error (self->error_label, field, error);
}

static void
add_toast (RapportPreferencesPipeline *self,
           AdwToast                   *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static char *
dup_count_text (gint64 count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%'" G_GINT64_FORMAT " member",
                                       "%'" G_GINT64_FORMAT " members",
                                       count),
                          count);
}

/* Rows */

/* "Stage 2 · 161 members": above the name, so a narrow window keeps room
 * for the name itself. */
static char *
dup_row_title (RapportStage *stage,
               guint         position)
{
  g_autofree char *count = dup_count_text (rapport_stage_get_member_count (stage));

  /* Translators: above a stage's name field, "Stage 2 · 161 members" */
  return g_strdup_printf (_("Stage %u · %s"), position + 1, count);
}

static void
on_stage_row_apply_cb (AdwEntryRow                *row,
                       RapportPreferencesPipeline *self)
{
  RapportStage *stage = g_object_get_data (G_OBJECT (row), "rapport-stage");
  g_autoptr(GError) error = NULL;

  if (!rapport_pipeline_rename_stage (self->pipeline, rapport_stage_get_id (stage),
                                      gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  rapport_member_clear_error (self->error_label, GTK_WIDGET (row));
}

static void
on_stage_row_changed_cb (AdwEntryRow                *row,
                         RapportPreferencesPipeline *self)
{
  rapport_member_clear_error (self->error_label, GTK_WIDGET (row));
}

static void
on_stage_notify_cb (RapportStage *stage,
                    GParamSpec   *pspec,
                    AdwEntryRow  *row)
{
  g_autofree char *title = dup_row_title (stage, rapport_stage_get_position (stage));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* A name being typed is not overwritten. */
  if ((gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
    gtk_editable_set_text (GTK_EDITABLE (row), rapport_stage_get_name (stage));
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *label,
                    const char *action_name,
                    gint64      stage_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", stage_id);
  rapport_member_label_button (button, label);

  return button;
}

static GtkWidget *
create_stage_row (RapportPreferencesPipeline *self,
                  RapportStage               *stage,
                  guint                       position,
                  guint                       n_stages)
{
  gint64 id = rapport_stage_get_id (stage);
  const char *name = rapport_stage_get_name (stage);
  g_autofree char *title = dup_row_title (stage, position);
  /* Translators: the accessible names of a stage's buttons, "Move Advocate Up" */
  g_autofree char *up_label = g_strdup_printf (_("Move %s Up"), name);
  g_autofree char *down_label = g_strdup_printf (_("Move %s Down"), name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up;
  GtkWidget *down;
  GtkWidget *remove;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);

  up = create_icon_button ("go-up-symbolic", up_label, "pipeline.move-up", id);
  gtk_widget_set_sensitive (up, position > 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);

  down = create_icon_button ("go-down-symbolic", down_label, "pipeline.move-down", id);
  gtk_widget_set_sensitive (down, position + 1 < n_stages);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);

  remove = create_icon_button ("user-trash-symbolic", remove_label, "pipeline.remove-stage", id);
  if (rapport_stage_get_is_entry (stage))
    {
      gtk_widget_set_sensitive (remove, FALSE);
      gtk_widget_set_tooltip_text (remove, _("New members join this stage: it can be renamed or moved, "
                                             "but not removed"));
    }
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_object_set_data_full (G_OBJECT (row), "rapport-stage", g_object_ref (stage), g_object_unref);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_stage_row_apply_cb), self, 0);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_stage_row_changed_cb), self, 0);
  g_signal_connect_object (stage, "notify::name", G_CALLBACK (on_stage_notify_cb), row, 0);
  g_signal_connect_object (stage, "notify::member-count", G_CALLBACK (on_stage_notify_cb), row, 0);

  return row;
}

static void
rebuild (RapportPreferencesPipeline *self)
{
  GListModel *stages = rapport_pipeline_get_stages (self->pipeline);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < self->stage_rows->len; i++)
    adw_preferences_group_remove (self->stages_group, g_ptr_array_index (self->stage_rows, i));
  g_ptr_array_set_size (self->stage_rows, 0);

  /* The Add row stays last. */
  g_object_ref (self->add_row);
  adw_preferences_group_remove (self->stages_group, GTK_WIDGET (self->add_row));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      GtkWidget *row = create_stage_row (self, stage, i, n);

      adw_preferences_group_add (self->stages_group, row);
      g_ptr_array_add (self->stage_rows, row);
    }

  adw_preferences_group_add (self->stages_group, GTK_WIDGET (self->add_row));
  g_object_unref (self->add_row);
}

static void
on_stages_items_changed_cb (GListModel                 *model,
                            guint                       position,
                            guint                       removed,
                            guint                       added,
                            RapportPreferencesPipeline *self)
{
  rebuild (self);
}

static RapportStage *
find_stage (RapportPreferencesPipeline *self,
            gint64                      stage_id,
            guint                      *position)
{
  GListModel *stages = rapport_pipeline_get_stages (self->pipeline);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      if (rapport_stage_get_id (stage) == stage_id)
        {
          *position = i;
          return stage;
        }
    }

  return NULL;
}

/* Actions */

static void
move_stage (RapportPreferencesPipeline *self,
            gint64                      stage_id,
            int                         delta)
{
  g_autoptr(GError) error = NULL;
  guint position;

  if (find_stage (self, stage_id, &position) == NULL)
    return;
  if (delta < 0 && position == 0)
    return;

  if (!rapport_pipeline_move_stage (self->pipeline, stage_id, position + delta, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_stage (RAPPORT_PREFERENCES_PIPELINE (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_stage (RAPPORT_PREFERENCES_PIPELINE (widget), g_variant_get_int64 (parameter), 1);
}

typedef struct
{
  RapportPreferencesPipeline *self;
  char                       *name;
  guint                       position;
} RemovedStage;

static void
removed_stage_free (gpointer data)
{
  RemovedStage *removed = data;

  g_clear_object (&removed->self);
  g_free (removed->name);
  g_free (removed);
}

/* An empty stage comes back under its name, where it was. */
static void
on_undo_remove_cb (AdwToast     *toast,
                   RemovedStage *removed)
{
  RapportPreferencesPipeline *self = removed->self;
  g_autoptr(GError) error = NULL;

  if (self->pipeline == NULL)
    return;

  if (rapport_pipeline_add_stage (self->pipeline, removed->name, removed->position, &error) == 0)
    show_error (self, NULL, error);
}

static void
remove_stage (RapportPreferencesPipeline *self,
              gint64                      stage_id,
              gint64                      target_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *text = NULL;
  RapportStage *stage;
  RapportStage *target = NULL;
  AdwToast *toast;
  gint64 count;
  guint position;
  guint target_position;

  stage = find_stage (self, stage_id, &position);
  if (stage == NULL)
    return;
  name = g_strdup (rapport_stage_get_name (stage));
  count = rapport_stage_get_member_count (stage);
  if (target_id > 0)
    target = find_stage (self, target_id, &target_position);
  if (target != NULL)
    target_name = g_strdup (rapport_stage_get_name (target));

  if (!rapport_pipeline_remove_stage (self->pipeline, stage_id, target_id, &error))
    {
      show_error (self, NULL, error);
      return;
    }
  rapport_member_clear_error (self->error_label, NULL);

  if (count > 0 && target_name != NULL)
    {
      /* Translators: "Removed “Advocate” · 42 members moved to “Contributor”" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Removed “%s” · %'" G_GINT64_FORMAT " member moved to “%s”",
                                           "Removed “%s” · %'" G_GINT64_FORMAT " members moved to “%s”",
                                           count),
                              name, count, target_name);
      toast = adw_toast_new (text);
    }
  else
    {
      RemovedStage *removed = g_new0 (RemovedStage, 1);

      text = g_strdup_printf (_("Removed “%s”"), name);
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Undo"));
      removed->self = g_object_ref (self);
      removed->name = g_steal_pointer (&name);
      removed->position = position;
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb),
                             removed, (GClosureNotify) (void (*) (void)) removed_stage_free, 0);
    }

  add_toast (self, toast);
}

static void
on_remove_dialog_response_cb (AdwMessageDialog           *dialog,
                              const char                 *response,
                              RapportPreferencesPipeline *self)
{
  gint64 stage_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "rapport-stage-id"));
  gint64 target_id = rapport_remove_stage_dialog_get_target_id (dialog);

  if (!g_str_equal (response, "remove") || self->pipeline == NULL || target_id == 0)
    return;

  remove_stage (self, stage_id, target_id);
}

static void
remove_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportPreferencesPipeline *self = RAPPORT_PREFERENCES_PIPELINE (widget);
  gint64 stage_id = g_variant_get_int64 (parameter);
  RapportStage *stage;
  GtkRoot *root;
  GtkWidget *dialog;
  guint position;

  stage = find_stage (self, stage_id, &position);
  if (stage == NULL)
    return;

  /* An empty stage goes at once; its toast can bring it back. */
  if (rapport_stage_get_member_count (stage) == 0)
    {
      remove_stage (self, stage_id, 0);
      return;
    }

  root = gtk_widget_get_root (widget);
  dialog = rapport_remove_stage_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            rapport_pipeline_get_stages (self->pipeline), stage);
  g_object_set_data (G_OBJECT (dialog), "rapport-stage-id", GSIZE_TO_POINTER ((gsize) stage_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_row_apply_cb (AdwEntryRow                *row,
                     RapportPreferencesPipeline *self)
{
  g_autoptr(GError) error = NULL;

  if (rapport_pipeline_add_stage (self->pipeline, gtk_editable_get_text (GTK_EDITABLE (row)), -1, &error) == 0)
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  rapport_member_clear_error (self->error_label, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_add_row_changed_cb (AdwEntryRow                *row,
                       RapportPreferencesPipeline *self)
{
  rapport_member_clear_error (self->error_label, GTK_WIDGET (row));
}

/* GObject */

static void
rapport_preferences_pipeline_dispose (GObject *object)
{
  RapportPreferencesPipeline *self = (RapportPreferencesPipeline *)object;

  /* The pipeline outlives the page. */
  if (self->pipeline != NULL)
    g_signal_handlers_disconnect_by_func (rapport_pipeline_get_stages (self->pipeline),
                                          on_stages_items_changed_cb, self);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->context);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_preferences_pipeline_parent_class)->dispose (object);
}

static void
rapport_preferences_pipeline_constructed (GObject *object)
{
  RapportPreferencesPipeline *self = (RapportPreferencesPipeline *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (rapport_preferences_pipeline_parent_class)->constructed (object);

  /* The open community's pipeline, which the board shows too. */
  g_assert (RAPPORT_IS_CONTEXT (self->context));
  g_set_object (&self->pipeline, rapport_context_get_pipeline (self->context));
  if (self->pipeline == NULL)
    {
      g_set_error_literal (&error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("The stages of the pipeline could not be read."));
      show_error (self, NULL, error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), FALSE);
      return;
    }

  g_signal_connect_object (rapport_pipeline_get_stages (self->pipeline), "items-changed",
                           G_CALLBACK (on_stages_items_changed_cb), self, 0);
  rebuild (self);
}

static void
rapport_preferences_pipeline_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  RapportPreferencesPipeline *self = RAPPORT_PREFERENCES_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_pipeline_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  RapportPreferencesPipeline *self = RAPPORT_PREFERENCES_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_pipeline_class_init (RapportPreferencesPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_pipeline_constructed;
  object_class->dispose = rapport_preferences_pipeline_dispose;
  object_class->get_property = rapport_preferences_pipeline_get_property;
  object_class->set_property = rapport_preferences_pipeline_set_property;

  /* The open community, whose pipeline the page edits. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pipeline.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "pipeline.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "pipeline.remove-stage", "x", remove_stage_action);
}

static void
rapport_preferences_pipeline_init (RapportPreferencesPipeline *self)
{
  self->stage_rows = g_ptr_array_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Pipeline"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-continuous-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "pipeline");

  self->stages_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->stages_group, _("Stages"));
  adw_preferences_group_set_description (self->stages_group,
                                         _("Members move through these stages in order, from the one "
                                           "new members join. Edit a name and press Enter to rename it."));

  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add Stage"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  g_signal_connect_object (self->add_row, "apply", G_CALLBACK (on_add_row_apply_cb), self, 0);
  g_signal_connect_object (self->add_row, "changed", G_CALLBACK (on_add_row_changed_cb), self, 0);
  adw_preferences_group_add (self->stages_group, GTK_WIDGET (self->add_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_wrap_mode (self->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (self->stages_group, GTK_WIDGET (self->error_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->stages_group);
}

/**
 * rapport_preferences_pipeline_new:
 * @context: the open community, whose pipeline the page edits
 *
 * Returns: (transfer floating): the Pipeline page
 */
GtkWidget *
rapport_preferences_pipeline_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_PIPELINE, "context", context, NULL);
}

/**
 * rapport_preferences_pipeline_get_context:
 *
 * Returns: (transfer none): the open community
 */
RapportContext *
rapport_preferences_pipeline_get_context (RapportPreferencesPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_PIPELINE (self), NULL);

  return self->context;
}
