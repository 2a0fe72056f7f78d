/* rapport-preferences-scoring.c
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

#define G_LOG_DOMAIN "rapport-preferences-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context.h"
#include "rapport-member-util.h"
#include "rapport-preferences-scoring.h"
#include "rapport-scoring.h"
#include "rapport-store.h"

/* Preferences → Scoring: what each activity kind is worth, per platform
 * when one weighs differently, and how many members reach levels 1 and 2.
 * Edits stay in this page, previewed as they are made (what the levels
 * would become, and how many members would change level); only Apply
 * writes them and rescores everybody. */

#define PREVIEW_DELAY_MS 300

struct _RapportPreferencesScoring
{
  AdwPreferencesPage   parent_instance;

  RapportContext      *context;
  RapportScoring      *scoring;

  /* What the store holds, and what is being edited. */
  RapportScoreWeights *saved_weights;
  double               saved_level1;
  double               saved_level2;
  RapportScoreWeights *weights;
  double               level1;
  double               level2;

  guint                preview_source;
  GCancellable        *preview_cancellable;
  GCancellable        *apply_cancellable;
  gboolean             previewing;
  gboolean             applying;

  AdwPreferencesGroup *weights_group;
  AdwPreferencesGroup *overrides_group;
  GPtrArray           *weight_rows;
  GPtrArray           *override_rows;
  AdwExpanderRow      *add_override_row;
  AdwComboRow         *add_kind_row;
  AdwComboRow         *add_platform_row;
  GtkSpinButton       *add_weight_spin;
  GtkSpinButton       *level1_spin;
  GtkSpinButton       *level2_spin;
  AdwPreferencesGroup *preview_group;
  GtkSpinner          *preview_spinner;
  AdwActionRow        *level_rows[4];
  GtkLabel            *level_labels[4];
  AdwActionRow        *summary_row;
  GtkLabel            *error_label;
  GtkWidget           *reset_button;
  GtkWidget           *apply_button;
  GtkSpinner          *apply_spinner;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesScoring, rapport_preferences_scoring, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void schedule_preview (RapportPreferencesScoring *self);

static gboolean
is_dirty (RapportPreferencesScoring *self)
{
  return self->weights != NULL && self->saved_weights != NULL &&
         (!rapport_score_weights_equal (self->weights, self->saved_weights) ||
          self->level1 != self->saved_level1 ||
          self->level2 != self->saved_level2);
}

static void
update_buttons (RapportPreferencesScoring *self)
{
  g_autoptr(RapportScoreWeights) defaults = rapport_score_weights_new_default ();
  gboolean at_defaults = self->weights != NULL &&
                         rapport_score_weights_equal (self->weights, defaults) &&
                         self->level1 == 10 && self->level2 == 25;

  gtk_widget_set_sensitive (self->apply_button, is_dirty (self) && !self->applying);
  gtk_widget_set_sensitive (self->reset_button, !at_defaults && !self->applying);
  gtk_spinner_set_spinning (self->apply_spinner, self->applying);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_spinner), self->applying);
}

static void
show_error (RapportPreferencesScoring *self,
            const GError              *error)
{
  rapport_member_show_error (self->error_label, NULL, error);
}

/* Rows */

static GtkWidget *
create_spin (double value,
             double lower,
             double upper,
             double step,
             guint  digits)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (value, lower, upper, step, step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, step, digits);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_add_css_class (spin, "numeric");

  return spin;
}

static void
on_weight_spin_value_changed_cb (GtkSpinButton             *spin,
                                 RapportPreferencesScoring *self)
{
  const char *kind = g_object_get_data (G_OBJECT (spin), "rapport-kind");
  const char *platform = g_object_get_data (G_OBJECT (spin), "rapport-platform");
  double value = gtk_spin_button_get_value (spin);

  if (kind == NULL)
    rapport_score_weights_set_fallback (self->weights, value);
  else
    rapport_score_weights_set (self->weights, kind, platform, value);

  update_buttons (self);
  schedule_preview (self);
}

static char *
dup_term_title (const char *kind,
                const char *platform)
{
  g_autofree char *label = rapport_member_activity_dup_kind_label (kind);

  if (platform == NULL)
    return g_steal_pointer (&label);

  /* Translators: an activity kind on one platform, "Reply on Discourse" */
  return g_strdup_printf (_("%s on %s"), label, rapport_member_platform_get_name (platform));
}

static GtkWidget *
create_weight_row (RapportPreferencesScoring *self,
                   const char                *kind,
                   const char                *platform,
                   double                     weight)
{
  g_autofree char *title = kind ? dup_term_title (kind, platform) : g_strdup (_("Any Other Activity"));
  /* Translators: the accessible name of a weight field, "Weight of Pull request" */
  g_autofree char *accessible = g_strdup_printf (_("Weight of %s"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = create_spin (weight, 0, 100, 0.5, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (kind != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Kinds without a weight of their own"));

  g_object_set_data_full (G_OBJECT (spin), "rapport-kind", g_strdup (kind), g_free);
  g_object_set_data_full (G_OBJECT (spin), "rapport-platform", g_strdup (platform), g_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_weight_spin_value_changed_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "rapport-spin", spin);

  return row;
}

static void
remove_override_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter);

static void rebuild_rows (RapportPreferencesScoring *self);

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild_rows (RapportPreferencesScoring *self)
{
  guint n = rapport_score_weights_get_n_entries (self->weights);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *row;
  guint n_overrides = 0;

  remove_rows (self->weights_group, self->weight_rows);
  remove_rows (self->overrides_group, self->override_rows);
  /* The expander stays last: take it out (keeping it alive) and put it back. */
  g_object_ref (self->add_override_row);
  adw_preferences_group_remove (self->overrides_group, GTK_WIDGET (self->add_override_row));

  for (guint i = 0; i < n; i++)
    {
      const char *kind;
      const char *platform;
      double weight;

      rapport_score_weights_get_entry (self->weights, i, &kind, &platform, &weight);
      row = create_weight_row (self, kind, platform, weight);

      if (platform == NULL)
        {
          gtk_string_list_append (kinds, kind);
          adw_preferences_group_add (self->weights_group, row);
          g_ptr_array_add (self->weight_rows, row);
        }
      else
        {
          /* Translators: the accessible name of a remove button, "Remove Reply on Discourse" */
          g_autofree char *label = g_strdup_printf (_("Remove %s"),
                                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "scoring.remove-override");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", kind, platform);
          rapport_member_label_button (button, label);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          adw_preferences_group_add (self->overrides_group, row);
          g_ptr_array_add (self->override_rows, row);
          n_overrides++;
        }
    }

  row = create_weight_row (self, NULL, NULL, rapport_score_weights_get_fallback (self->weights));
  adw_preferences_group_add (self->weights_group, row);
  g_ptr_array_add (self->weight_rows, row);

  adw_preferences_group_add (self->overrides_group, GTK_WIDGET (self->add_override_row));
  g_object_unref (self->add_override_row);
  adw_combo_row_set_model (self->add_kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_set_description (self->overrides_group,
                                         n_overrides == 0
                                         ? _("A kind can be worth more or less on one platform, say replies on the forum. None yet.")
                                         : _("A kind can be worth more or less on one platform, say replies on the forum."));
}

static void
remove_override_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RapportPreferencesScoring *self = RAPPORT_PREFERENCES_SCORING (widget);
  const char *kind;
  const char *platform;

  g_variant_get (parameter, "(&s&s)", &kind, &platform);
  if (rapport_score_weights_unset (self->weights, kind, platform))
    {
      rebuild_rows (self);
      update_buttons (self);
      schedule_preview (self);
    }
}

static void
on_add_override_clicked_cb (GtkButton                 *button,
                            RapportPreferencesScoring *self)
{
  const char * const *platforms = rapport_member_platform_list_known ();
  GObject *kind_item = adw_combo_row_get_selected_item (self->add_kind_row);
  guint platform = adw_combo_row_get_selected (self->add_platform_row);
  const char *kind;

  if (kind_item == NULL || platform >= g_strv_length ((GStrv) platforms))
    return;

  kind = gtk_string_object_get_string (GTK_STRING_OBJECT (kind_item));
  rapport_score_weights_set (self->weights, kind, platforms[platform],
                             gtk_spin_button_get_value (self->add_weight_spin));
  adw_expander_row_set_expanded (self->add_override_row, FALSE);
  rebuild_rows (self);
  update_buttons (self);
  schedule_preview (self);
}

/* Levels */

static void
on_level_spin_value_changed_cb (GtkSpinButton             *spin,
                                RapportPreferencesScoring *self)
{
  self->level1 = gtk_spin_button_get_value (self->level1_spin);
  /* Level 2 is "the next N%": together they cannot pass everybody. */
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->level2_spin), 100 - self->level1);
  self->level2 = gtk_spin_button_get_value (self->level2_spin);

  update_buttons (self);
  schedule_preview (self);
}

static void
load_level_spins (RapportPreferencesScoring *self)
{
  g_signal_handlers_block_by_func (self->level1_spin, on_level_spin_value_changed_cb, self);
  g_signal_handlers_block_by_func (self->level2_spin, on_level_spin_value_changed_cb, self);
  gtk_spin_button_set_value (self->level1_spin, self->level1);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->level2_spin), 100 - self->level1);
  gtk_spin_button_set_value (self->level2_spin, self->level2);
  g_signal_handlers_unblock_by_func (self->level1_spin, on_level_spin_value_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->level2_spin, on_level_spin_value_changed_cb, self);
}

/* Preview */

static void
set_previewing (RapportPreferencesScoring *self,
                gboolean                   previewing)
{
  if (self->previewing == previewing)
    return;

  self->previewing = previewing;
  gtk_spinner_set_spinning (self->preview_spinner, previewing);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), previewing);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_preview (RapportPreferencesScoring *self,
              const RapportLevelPreview *preview)
{
  gboolean dirty = is_dirty (self);

  for (guint i = 0; i < 4; i++)
    {
      guint before = preview->current.levels[i];
      guint after = preview->proposed.levels[i];
      g_autofree char *text = NULL;

      if (before == after)
        text = g_strdup_printf ("%'u", after);
      else
        text = g_strdup_printf ("%'u → %'u", before, after);
      gtk_label_set_text (self->level_labels[i], text);
    }

  if (!dirty)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row),
                                     _("These are the levels today"));
      adw_action_row_set_subtitle (self->summary_row,
                                   _("Change a weight or a threshold to see what it would do."));
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (preview->changed == 0)
        title = g_strdup (_("No member would change level"));
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%'u member would change level",
                                              "%'u members would change level",
                                              preview->changed),
                                 preview->changed);

      /* Translators: "7 up, 5 down" */
      subtitle = g_strdup_printf (_("%'u up, %'u down · nothing is saved until you apply"),
                                  preview->raised, preview->lowered);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
      adw_action_row_set_subtitle (self->summary_row, subtitle);
    }
}

/* The callback's closure: which preview this is. */
typedef struct
{
  RapportPreferencesScoring *self;
  GCancellable              *cancellable;
} PreviewClosure;

static void
preview_closure_free (PreviewClosure *closure)
{
  g_clear_object (&closure->self);
  g_clear_object (&closure->cancellable);
  g_free (closure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PreviewClosure, preview_closure_free)

static void
on_preview_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PreviewClosure) closure = user_data;
  RapportPreferencesScoring *self = closure->self;
  RapportLevelPreview preview;
  g_autoptr(GError) error = NULL;

  if (!rapport_scoring_preview_levels_finish (RAPPORT_SCORING (source_object), result, &preview, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_previewing (self, FALSE);
      show_error (self, error);
      return;
    }

  /* A newer preview is on its way. */
  if (closure->cancellable != self->preview_cancellable)
    return;

  g_clear_object (&self->preview_cancellable);
  rapport_member_clear_error (self->error_label, NULL);
  show_preview (self, &preview);
  set_previewing (self, FALSE);
}

static void
start_preview (RapportPreferencesScoring *self)
{
  PreviewClosure *closure;

  if (self->scoring == NULL || self->weights == NULL)
    return;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  closure = g_new0 (PreviewClosure, 1);
  closure->self = g_object_ref (self);
  closure->cancellable = g_object_ref (self->preview_cancellable);
  rapport_scoring_preview_levels_async (self->scoring, self->weights, self->level1, self->level2,
                                        self->preview_cancellable, on_preview_done_cb, closure);

  set_previewing (self, TRUE);
}

static gboolean
preview_timeout_cb (gpointer data)
{
  RapportPreferencesScoring *self = data;

  self->preview_source = 0;
  start_preview (self);

  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a spin button held down): preview once they pause. */
static void
schedule_preview (RapportPreferencesScoring *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
  set_previewing (self, TRUE);
}

/* Loading and applying */

static void
load (RapportPreferencesScoring *self)
{
  g_autoptr(GError) error = NULL;
  RapportScoreWeights *weights;

  weights = rapport_scoring_dup_weights (self->scoring, &error);
  if (weights == NULL)
    {
      show_error (self, error);
      weights = rapport_score_weights_new_default ();
    }

  g_clear_pointer (&self->saved_weights, rapport_score_weights_free);
  g_clear_pointer (&self->weights, rapport_score_weights_free);
  self->saved_weights = weights;
  self->weights = rapport_score_weights_copy (weights);

  rapport_scoring_get_level_percents (self->scoring, &self->saved_level1, &self->saved_level2, NULL);
  self->level1 = self->saved_level1;
  self->level2 = self->saved_level2;

  rebuild_rows (self);
  load_level_spins (self);
  update_buttons (self);
  start_preview (self);
}

static void
on_reset_clicked_cb (GtkButton                 *button,
                     RapportPreferencesScoring *self)
{
  g_clear_pointer (&self->weights, rapport_score_weights_free);
  self->weights = rapport_score_weights_new_default ();
  self->level1 = 10;
  self->level2 = 25;

  rebuild_rows (self);
  load_level_spins (self);
  update_buttons (self);
  schedule_preview (self);
}

static void
on_apply_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RapportPreferencesScoring) self = user_data;
  RapportLevelCounts counts;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  GtkRoot *root;

  /* Core has told the store's listeners (scoring caches, lists, the
   * member page), even if this page has gone meanwhile. */
  ok = rapport_scoring_apply_settings_finish (RAPPORT_SCORING (source_object), result, &counts, &error);

  self->applying = FALSE;
  g_clear_object (&self->apply_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  /* Closed meanwhile. */
  if (self->scoring == NULL)
    return;

  if (!ok)
    {
      update_buttons (self);
      show_error (self, error);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  load (self);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      /* Translators: after applying new weights, "Scores updated · 31 members at level 1" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Scores updated · %'u member at level 1",
                                                            "Scores updated · %'u members at level 1",
                                                            counts.levels[0]),
                                               counts.levels[0]);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
    }
}

static void
on_apply_clicked_cb (GtkButton                 *button,
                     RapportPreferencesScoring *self)
{
  gboolean set_weights;
  gboolean set_levels;

  if (self->scoring == NULL || self->applying || !is_dirty (self))
    return;

  set_weights = !rapport_score_weights_equal (self->weights, self->saved_weights);
  set_levels = self->level1 != self->saved_level1 || self->level2 != self->saved_level2;

  self->applying = TRUE;
  self->apply_cancellable = g_cancellable_new ();
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  /* Weights and thresholds land together or not at all. */
  rapport_scoring_apply_settings_async (self->scoring,
                                        set_weights ? self->weights : NULL,
                                        set_levels ? self->level1 : -1,
                                        set_levels ? self->level2 : -1,
                                        self->apply_cancellable, on_apply_done_cb, g_object_ref (self));
}

/* Building the page */

static GtkWidget *
create_level_spin_row (RapportPreferencesScoring  *self,
                       const char                 *title,
                       const char                 *subtitle,
                       GtkSpinButton             **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = create_spin (10, 0, 100, 1, 0);
  GtkWidget *unit = gtk_label_new ("%");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_level_spin_value_changed_cb), self, 0);
  *spin_out = GTK_SPIN_BUTTON (spin);

  return row;
}

static void
build (RapportPreferencesScoring *self)
{
  const char * const *platforms = rapport_member_platform_list_known ();
  g_autoptr(GtkStringList) platform_names = gtk_string_list_new (NULL);
  AdwPreferencesGroup *levels_group;
  GtkWidget *row;
  GtkWidget *add_button;
  GtkWidget *box;
  static const char *level_titles[] = { N_("Level 1"), N_("Level 2"), N_("Level 3"), N_("Level 4") };
  static const char *level_subtitles[] = {
    N_("The most engaged"),
    N_("The next most engaged"),
    N_("Everybody else with a score"),
    N_("No weighted activity"),
  };

  self->preview_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->preview_group, _("What If"));
  self->preview_spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->preview_spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_spinner), _("Computing the preview"));
  adw_preferences_group_set_header_suffix (self->preview_group, GTK_WIDGET (self->preview_spinner));

  self->summary_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_title_lines (self->summary_row, 0);
  adw_action_row_set_subtitle_lines (self->summary_row, 0);
  adw_action_row_add_prefix (self->summary_row, gtk_image_new_from_icon_name ("view-reveal-symbolic"));
  adw_preferences_group_add (self->preview_group, GTK_WIDGET (self->summary_row));

  for (guint i = 0; i < 4; i++)
    {
      self->level_rows[i] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_rows[i]), _(level_titles[i]));
      adw_action_row_set_subtitle (self->level_rows[i], _(level_subtitles[i]));
      self->level_labels[i] = GTK_LABEL (gtk_label_new ("—"));
      gtk_widget_add_css_class (GTK_WIDGET (self->level_labels[i]), "numeric");
      adw_action_row_add_suffix (self->level_rows[i], GTK_WIDGET (self->level_labels[i]));
      adw_preferences_group_add (self->preview_group, GTK_WIDGET (self->level_rows[i]));
    }

  /* Apply and Reset sit under the preview, in view while editing. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 12);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (self->preview_group, GTK_WIDGET (self->error_label));

  self->apply_spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->apply_spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->apply_spinner), _("Rescoring every member"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->apply_spinner));

  self->reset_button = gtk_button_new_with_mnemonic (_("_Reset to Defaults"));
  gtk_widget_set_tooltip_text (self->reset_button, _("Put the default weights and levels back in the fields"));
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), self->reset_button);

  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_set_tooltip_text (self->apply_button, _("Save the weights and levels, and rescore every member"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_object (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), self->apply_button);

  adw_preferences_group_add (self->preview_group, box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->preview_group);

  levels_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (levels_group, _("Levels"));
  adw_preferences_group_set_description (levels_group,
                                         _("Members with a score are ranked: the top share reaches "
                                           "level 1, the next share level 2, the rest level 3."));
  adw_preferences_group_add (levels_group,
                             create_level_spin_row (self, _("Level 1"), _("Top share of members"),
                                                    &self->level1_spin));
  adw_preferences_group_add (levels_group,
                             create_level_spin_row (self, _("Level 2"), _("Next share of members"),
                                                    &self->level2_spin));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), levels_group);

  self->weights_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->weights_group, _("Activity Weights"));
  adw_preferences_group_set_description (self->weights_group,
                                         _("What one activity is worth when it happens. It then loses "
                                           "a tenth of its value every month."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->weights_group);

  self->overrides_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->overrides_group, _("Platform Weights"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->overrides_group);

  self->add_override_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_override_row), _("Add Platform Weight"));
  adw_expander_row_set_icon_name (self->add_override_row, "list-add-symbolic");

  self->add_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_kind_row), _("Kind"));
  adw_expander_row_add_row (self->add_override_row, GTK_WIDGET (self->add_kind_row));

  for (guint i = 0; platforms[i] != NULL; i++)
    gtk_string_list_append (platform_names, rapport_member_platform_get_name (platforms[i]));
  self->add_platform_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_platform_row), _("Platform"));
  adw_combo_row_set_model (self->add_platform_row, G_LIST_MODEL (platform_names));
  adw_expander_row_add_row (self->add_override_row, GTK_WIDGET (self->add_platform_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Weight"));
  self->add_weight_spin = GTK_SPIN_BUTTON (create_spin (5, 0, 100, 0.5, 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_weight_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->add_weight_spin));
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_button, "suggested-action");
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (on_add_override_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add_button);
  adw_expander_row_add_row (self->add_override_row, row);
  adw_preferences_group_add (self->overrides_group, GTK_WIDGET (self->add_override_row));
}

/* GObject */

static void
rapport_preferences_scoring_dispose (GObject *object)
{
  RapportPreferencesScoring *self = (RapportPreferencesScoring *)object;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->apply_cancellable);
  g_clear_object (&self->scoring);
  g_clear_object (&self->context);
  g_clear_pointer (&self->weights, rapport_score_weights_free);
  g_clear_pointer (&self->saved_weights, rapport_score_weights_free);
  g_clear_pointer (&self->weight_rows, g_ptr_array_unref);
  g_clear_pointer (&self->override_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_preferences_scoring_parent_class)->dispose (object);
}

static void
rapport_preferences_scoring_constructed (GObject *object)
{
  RapportPreferencesScoring *self = (RapportPreferencesScoring *)object;

  G_OBJECT_CLASS (rapport_preferences_scoring_parent_class)->constructed (object);

  /* The open community's scoring, which keeps scores up to date as
   * activities arrive and which the board and member pages show. */
  g_assert (RAPPORT_IS_CONTEXT (self->context));
  self->scoring = g_object_ref (rapport_context_get_scoring (self->context));

  load (self);
}

static void
rapport_preferences_scoring_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  RapportPreferencesScoring *self = RAPPORT_PREFERENCES_SCORING (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rapport_preferences_scoring_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_scoring_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  RapportPreferencesScoring *self = RAPPORT_PREFERENCES_SCORING (object);

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
rapport_preferences_scoring_class_init (RapportPreferencesScoringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_scoring_constructed;
  object_class->dispose = rapport_preferences_scoring_dispose;
  object_class->get_property = rapport_preferences_scoring_get_property;
  object_class->set_property = rapport_preferences_scoring_set_property;

  /* The open community, whose scoring the page edits. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Whether a preview or an Apply is under way. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "scoring.remove-override", "(ss)", remove_override_action);
}

static void
rapport_preferences_scoring_init (RapportPreferencesScoring *self)
{
  self->weight_rows = g_ptr_array_new ();
  self->override_rows = g_ptr_array_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Scoring"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "starred-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "scoring");

  build (self);
}

/**
 * rapport_preferences_scoring_new:
 * @context: the open community, whose scoring the page edits
 *
 * Returns: (transfer floating): the Scoring page
 */
GtkWidget *
rapport_preferences_scoring_new (RapportContext *context)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_SCORING, "context", context, NULL);
}

/**
 * rapport_preferences_scoring_get_context:
 *
 * Returns: (transfer none): the open community
 */
RapportContext *
rapport_preferences_scoring_get_context (RapportPreferencesScoring *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_SCORING (self), NULL);

  return self->context;
}

gboolean
rapport_preferences_scoring_get_busy (RapportPreferencesScoring *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_SCORING (self), FALSE);

  return self->previewing || self->preview_source != 0 || self->applying;
}
