/* rapport-advocates-view.c
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
#include "rapport-board-card.h"
#include "rapport-board-column.h"
#include "rapport-member.h"
#include "rapport-store.h"
#include "rapport-undo-toast.h"

/* The Advocates page: a toolbar (search, filters, sort, suggestions), a
 * horizontally scrolling row of stage columns, and an AdwFlap with the
 * promotion and cooling-off suggestions. The columns are built the first
 * time the page shows, and follow the pipeline's stages from then on:
 * a column's menu renames, moves and deletes its stage through the same
 * RapportPipeline calls as Preferences → Pipeline. Moves go through
 * board.move-member and end in a toast with Undo; a card opens its
 * member's page through board.show-member. */

G_DEFINE_FINAL_TYPE (RapportAdvocatesView, rapport_advocates_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PIPELINE,
  PROP_SCORING,
  PROP_SORT_BY,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];


/* The page's widgets are made the first time it shows: a window opens on
 * its Members page. */
static inline gboolean
has_template (RapportAdvocatesView *self)
{
  return self->columns_box != NULL;
}

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/board.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
_rapport_advocates_view_show_toast (RapportAdvocatesView *self,
                                    AdwToast             *toast)
{
  _rapport_advocates_view_ensure_template (self);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_rapport_advocates_view_show_error_toast (RapportAdvocatesView *self,
                                          const char           *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  _rapport_advocates_view_show_toast (self, adw_toast_new (escaped));
}

/* @title is plain text. board.undo-move undoes through the pipeline, so
 * the column counts follow at once. */
void
_rapport_advocates_view_show_undo_toast (RapportAdvocatesView *self,
                                         const char           *title,
                                         gint64                journal_id)
{
  _rapport_advocates_view_show_toast (self, rapport_undo_toast_new_full (title, journal_id, "board.undo-move"));
}

/* Columns */

static RapportMemberSort
current_sort (RapportAdvocatesView *self)
{
  if (g_strcmp0 (self->sort_by, "last-active") == 0)
    return RAPPORT_MEMBER_SORT_LAST_ACTIVE;

  return RAPPORT_MEMBER_SORT_SCORE;
}

static void
apply_filters (RapportAdvocatesView *self,
               RapportBoardColumn   *column)
{
  RapportMemberList *list = rapport_board_column_get_list (column);

  rapport_member_list_set_search_text (list, self->search_text);
  rapport_member_list_set_tag (list, self->tag);
  rapport_member_list_set_organization (list, self->organization);
  rapport_member_list_set_level (list, self->level);
  /* Highest score (the score order's natural way), or the most recently
   * active, first. */
  rapport_member_list_set_sort (list, current_sort (self),
                                current_sort (self) == RAPPORT_MEMBER_SORT_LAST_ACTIVE);
}

static void
apply_filters_to_all (RapportAdvocatesView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    apply_filters (self, RAPPORT_BOARD_COLUMN (child));
}

static void
on_column_loaded_cb (RapportAdvocatesView *self,
                     GParamSpec           *pspec,
                     RapportBoardColumn   *column)
{
  /* Suggestions take a few hundred milliseconds of a core over a large
   * community: ask once the cards are there, not in their way. */
  if (!self->suggestions_requested && rapport_advocates_view_get_loaded (self))
    {
      self->suggestions_requested = TRUE;
      rapport_advocates_view_reload_suggestions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

static GtkWidget *
create_column (RapportAdvocatesView *self,
               RapportStage         *stage)
{
  GtkWidget *column;

  column = rapport_board_column_new (self->store, stage,
                                     rapport_pipeline_get_stages (self->pipeline),
                                     self->scoring);
  apply_filters (self, RAPPORT_BOARD_COLUMN (column));
  g_signal_connect_object (column, "notify::loaded", G_CALLBACK (on_column_loaded_cb),
                           self, G_CONNECT_SWAPPED);
  return column;
}

static RapportBoardColumn *
find_column (RapportAdvocatesView *self,
             RapportStage         *stage)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (rapport_board_column_get_stage (RAPPORT_BOARD_COLUMN (child)) == stage)
        return RAPPORT_BOARD_COLUMN (child);
    }

  return NULL;
}

/* The pipeline keeps one object per stage and hands the whole list over
 * when stages are added, removed or reordered. A column whose stage is
 * still there is kept (its cards, scroll position and focus with it) and
 * only moved; the others go, and new stages get new columns. */
static void
sync_columns (RapportAdvocatesView *self)
{
  GListModel *stages = rapport_pipeline_get_stages (self->pipeline);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GtkWidget *sibling = NULL;
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      /* The list holds the stage: the pointer stays good. */
      g_hash_table_add (present, stage);
    }

  child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (!g_hash_table_contains (present, rapport_board_column_get_stage (RAPPORT_BOARD_COLUMN (child))))
        gtk_box_remove (self->columns_box, child);
      child = next;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      GtkWidget *column = (GtkWidget *) find_column (self, stage);

      if (column == NULL)
        {
          column = create_column (self, stage);
          gtk_box_insert_child_after (self->columns_box, column, sibling);
        }
      else if (gtk_widget_get_prev_sibling (column) != sibling)
        {
          gtk_box_reorder_child_after (self->columns_box, column, sibling);
        }
      sibling = column;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

static void
on_stages_items_changed_cb (RapportAdvocatesView *self,
                            guint                 position,
                            guint                 removed,
                            guint                 added,
                            GListModel           *stages)
{
  if (self->built)
    sync_columns (self);
}

static void
clear_columns (RapportAdvocatesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
}

static void
build_board (RapportAdvocatesView *self)
{
  if (self->built || self->pipeline == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_assert (has_template (self));

  self->built = TRUE;
  sync_columns (self);
}

/* Filters */

static void
set_string (char       **ptr,
            const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  g_free (*ptr);
  *ptr = g_strdup (value);
}

static void
update_filter_button (RapportAdvocatesView *self)
{
  int active = (self->tag != NULL) + (self->organization != NULL) + (self->level > 0);
  g_autofree char *label = NULL;

  if (active == 0)
    label = g_strdup (_("Filters"));
  else
    /* Translators: the board's filter button when some filters are on */
    label = g_strdup_printf (_("Filters (%d)"), active);

  gtk_menu_button_set_label (self->filter_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_filters_button), active > 0);
  if (active > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

static const char *
dropdown_string (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  /* The first entry is "All …". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static void
on_filter_dropdown_changed_cb (RapportAdvocatesView *self,
                               GParamSpec           *pspec,
                               GtkDropDown          *dropdown)
{
  guint level;

  if (self->updating_filters)
    return;

  level = gtk_drop_down_get_selected (self->level_dropdown);
  rapport_advocates_view_set_filters (self, self->search_text,
                                      dropdown_string (self->tag_dropdown),
                                      dropdown_string (self->organization_dropdown),
                                      level == GTK_INVALID_LIST_POSITION ? 0 : (int) level);
}

static void
fill_string_list (GtkStringList *model,
                  GtkDropDown   *dropdown,
                  const char    *all_label,
                  GStrv          strings,
                  const char    *current)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  guint selected = 0;

  g_strv_builder_add (builder, all_label);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      g_strv_builder_add (builder, strings[i]);
      if (g_strcmp0 (strings[i], current) == 0)
        selected = i + 1;
    }
  items = g_strv_builder_end (builder);

  gtk_string_list_splice (model, 0, n, (const char * const *) items);
  gtk_drop_down_set_selected (dropdown, selected);
}

/* Tags and organizations change with imports and edits: read them when
 * the filters open. */
static void
refresh_filter_choices (RapportAdvocatesView *self)
{
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) organizations = NULL;

  if (self->store == NULL)
    return;

  tags = rapport_store_list_tags (self->store);
  organizations = rapport_store_list_organizations (self->store);

  self->updating_filters = TRUE;
  fill_string_list (self->tags_model, self->tag_dropdown, _("All Tags"), tags, self->tag);
  fill_string_list (self->organizations_model, self->organization_dropdown,
                    _("All Organizations"), organizations, self->organization);
  gtk_drop_down_set_selected (self->level_dropdown, self->level);
  self->updating_filters = FALSE;

  /* A tag or organization that is gone no longer filters. */
  on_filter_dropdown_changed_cb (self, NULL, NULL);
}

static void
on_filter_popover_show_cb (RapportAdvocatesView *self,
                           GtkPopover           *popover)
{
  refresh_filter_choices (self);
}

static void
on_clear_filters_clicked_cb (RapportAdvocatesView *self,
                             GtkButton            *button)
{
  rapport_advocates_view_set_filters (self, self->search_text, NULL, NULL, 0);
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_drop_down_set_selected (self->organization_dropdown, 0);
  gtk_drop_down_set_selected (self->level_dropdown, 0);
  self->updating_filters = FALSE;
}

static void
on_search_changed_cb (RapportAdvocatesView *self,
                      GtkSearchEntry       *entry)
{
  rapport_advocates_view_set_filters (self, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                      self->tag, self->organization, self->level);
}

static void
on_search_stop_cb (RapportAdvocatesView *self,
                   GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* The suggestions flap */

static gboolean
reveal_idle_cb (gpointer user_data)
{
  RapportAdvocatesView *self = user_data;

  self->reveal_source = 0;
  adw_flap_set_reveal_flap (self->flap, gtk_toggle_button_get_active (self->suggestions_button));
  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 divides by the flap's last laid-out width when it starts
 * to reveal it; before the flap has ever been laid out that is 0 / 0 and
 * the whole board gets a width of NaN. So a first reveal waits until a
 * layout has given the flap its width. */
static void
on_suggestions_toggled_cb (RapportAdvocatesView *self,
                           GParamSpec           *pspec,
                           GtkToggleButton      *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  if (self->reveal_source != 0)
    return;

  if (active &&
      gtk_widget_get_mapped (GTK_WIDGET (self->flap)) &&
      adw_swipeable_get_distance (ADW_SWIPEABLE (self->flap)) <= 0)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self->flap));
      self->reveal_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_idle_cb, self, NULL);
      return;
    }

  adw_flap_set_reveal_flap (self->flap, active);
}

static void
on_flap_reveal_cb (RapportAdvocatesView *self,
                   GParamSpec           *pspec,
                   AdwFlap              *flap)
{
  /* Escape or a click outside closes a folded flap. */
  gtk_toggle_button_set_active (self->suggestions_button, adw_flap_get_reveal_flap (flap));
}

/* Store changes */

/* What the suggestions are made of, besides members. */
static const char * const suggestion_tables[] = {
  "changed::activities",
  "changed::pipeline_stages",
  "changed::score_weights",
};

/* Connected for suggestion_tables. */
static void
on_store_changed_cb (RapportAdvocatesView *self,
                     const char           *table,
                     gint64                row_id,
                     RapportChangeKind     kind,
                     RapportStore         *store)
{
  _rapport_advocates_view_schedule_suggestions (self);
}

/* A member's notes, tags or contact details change no suggestion. */
static void
on_member_changed_cb (RapportAdvocatesView *self,
                      gint64                member_id,
                      RapportMemberChanges  changes,
                      RapportStore         *store)
{
  if (changes & (RAPPORT_MEMBER_CHANGED_ACTIVITY | RAPPORT_MEMBER_CHANGED_SCORE | RAPPORT_MEMBER_CHANGED_STAGE))
    _rapport_advocates_view_schedule_suggestions (self);
}

static void
on_members_changed_cb (RapportAdvocatesView *self,
                       const char           *table,
                       gint64                row_id,
                       RapportChangeKind     kind,
                       RapportStore         *store)
{
  /* Updates are told apart by ::member-changed. */
  if (kind != RAPPORT_CHANGE_UPDATED)
    _rapport_advocates_view_schedule_suggestions (self);
}

/* GObject */

static void
rapport_advocates_view_map (GtkWidget *widget)
{
  _rapport_advocates_view_ensure_template (RAPPORT_ADVOCATES_VIEW (widget));

  GTK_WIDGET_CLASS (rapport_advocates_view_parent_class)->map (widget);

  build_board (RAPPORT_ADVOCATES_VIEW (widget));
}

static void
rapport_advocates_view_dispose (GObject *object)
{
  RapportAdvocatesView *self = (RapportAdvocatesView *)object;

  g_clear_handle_id (&self->suggestions_source, g_source_remove);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->suggestions_cancellable != NULL)
    g_cancellable_cancel (self->suggestions_cancellable);
  g_clear_object (&self->suggestions_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->pipeline != NULL)
    g_signal_handlers_disconnect_by_func (rapport_pipeline_get_stages (self->pipeline),
                                          on_stages_items_changed_cb, self);
  g_clear_weak_pointer (&self->last_toast);

  if (has_template (self))
    gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ADVOCATES_VIEW);

  g_clear_object (&self->pipeline);
  g_clear_object (&self->scoring);
  g_clear_object (&self->store);
  g_clear_object (&self->suggestions);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->sort_by, g_free);

  G_OBJECT_CLASS (rapport_advocates_view_parent_class)->dispose (object);
}

static void
rapport_advocates_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;

    case PROP_SCORING:
      g_value_set_object (value, self->scoring);
      break;

    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, rapport_advocates_view_get_loaded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_advocates_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportAdvocatesView *self = RAPPORT_ADVOCATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      rapport_advocates_view_set_pipeline (self, g_value_get_object (value));
      break;

    case PROP_SCORING:
      rapport_advocates_view_set_scoring (self, g_value_get_object (value));
      break;

    case PROP_SORT_BY:
      rapport_advocates_view_set_sort_by (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_advocates_view_class_init (RapportAdvocatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_advocates_view_dispose;
  object_class->get_property = rapport_advocates_view_get_property;
  object_class->set_property = rapport_advocates_view_set_property;

  widget_class->map = rapport_advocates_view_map;

  properties [PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL,
                         RAPPORT_TYPE_PIPELINE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCORING] =
    g_param_spec_object ("scoring", NULL, NULL,
                         RAPPORT_TYPE_SCORING,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* "score" or "last-active", highest or latest first. */
  properties [PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL,
                         "score",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-advocates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, organization_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, tags_model);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, organizations_model);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, suggestions_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, suggestions_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, suggestions_short_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, flap);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, suggestions_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportAdvocatesView, suggestions_view);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestions_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_reveal_cb);

  _rapport_advocates_view_class_init_actions (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (RAPPORT_TYPE_BOARD_COLUMN);
}

static void
rapport_advocates_view_init (RapportAdvocatesView *self)
{
  /* The sort menu reads the board.sort-by state while the template builds. */
  self->sort_by = g_strdup ("score");

  ensure_style ();
  self->suggestions = g_list_store_new (RAPPORT_TYPE_SUGGESTION);
}

/* The template is built on first show, or when something needs its
 * widgets before that. */
void
_rapport_advocates_view_ensure_template (RapportAdvocatesView *self)
{
  if (has_template (self))
    return;

  gtk_widget_init_template (GTK_WIDGET (self));
  _rapport_advocates_view_init_suggestions (self);

  update_filter_button (self);
  _rapport_advocates_view_update_suggestions_button (self);
}

GtkWidget *
rapport_advocates_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_ADVOCATES_VIEW, NULL);
}

/**
 * rapport_advocates_view_get_pipeline:
 *
 * Returns: (transfer none) (nullable): the pipeline shown
 */
RapportPipeline *
rapport_advocates_view_get_pipeline (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), NULL);

  return self->pipeline;
}

/**
 * rapport_advocates_view_set_pipeline:
 *
 * Shows @pipeline's stages (and its store's members) on the board.
 */
void
rapport_advocates_view_set_pipeline (RapportAdvocatesView *self,
                                     RapportPipeline      *pipeline)
{
  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));
  g_return_if_fail (pipeline == NULL || RAPPORT_IS_PIPELINE (pipeline));

  if (self->pipeline == pipeline)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->pipeline != NULL)
    g_signal_handlers_disconnect_by_func (rapport_pipeline_get_stages (self->pipeline),
                                          on_stages_items_changed_cb, self);
  if (has_template (self))
    clear_columns (self);
  self->built = FALSE;
  self->suggestions_loaded = FALSE;
  self->suggestions_requested = FALSE;
  g_list_store_remove_all (self->suggestions);

  g_set_object (&self->pipeline, pipeline);
  g_clear_object (&self->store);
  if (pipeline != NULL)
    self->store = g_object_ref (rapport_pipeline_get_store (pipeline));

  if (pipeline != NULL)
    {
      g_signal_connect_object (rapport_pipeline_get_stages (pipeline), "items-changed",
                               G_CALLBACK (on_stages_items_changed_cb), self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (suggestion_tables); i++)
        g_signal_connect_object (self->store, suggestion_tables[i], G_CALLBACK (on_store_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed::members", G_CALLBACK (on_members_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "member-changed", G_CALLBACK (on_member_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  if (has_template (self))
    _rapport_advocates_view_update_suggestions_button (self);
  build_board (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIPELINE]);
}

/**
 * rapport_advocates_view_get_scoring:
 *
 * Returns: (transfer none) (nullable): where the cards' trends come from
 */
RapportScoring *
rapport_advocates_view_get_scoring (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), NULL);

  return self->scoring;
}

/**
 * rapport_advocates_view_set_scoring:
 * @scoring: (nullable): the scoring of the pipeline's store
 */
void
rapport_advocates_view_set_scoring (RapportAdvocatesView *self,
                                    RapportScoring       *scoring)
{
  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));
  g_return_if_fail (scoring == NULL || RAPPORT_IS_SCORING (scoring));

  if (!g_set_object (&self->scoring, scoring))
    return;

  /* Cards take the scoring when they are made: make them again. */
  if (self->built)
    {
      clear_columns (self);
      sync_columns (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCORING]);
}

/**
 * rapport_advocates_view_get_loaded:
 *
 * Returns: whether the board is built and every column has its cards
 */
gboolean
rapport_advocates_view_get_loaded (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), FALSE);

  if (!self->built)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!rapport_board_column_get_loaded (RAPPORT_BOARD_COLUMN (child)))
        return FALSE;
    }

  return TRUE;
}

guint
rapport_advocates_view_get_n_columns (RapportAdvocatesView *self)
{
  guint n = 0;

  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), 0);

  if (!has_template (self))
    return 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/**
 * rapport_advocates_view_get_column:
 *
 * Returns: (transfer none) (nullable): the column of the stage of id
 *   @stage_id, once the board is built
 */
RapportBoardColumn *
rapport_advocates_view_get_column (RapportAdvocatesView *self,
                                   gint64                stage_id)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), NULL);

  if (!has_template (self))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RapportBoardColumn *column = RAPPORT_BOARD_COLUMN (child);

      if (rapport_stage_get_id (rapport_board_column_get_stage (column)) == stage_id)
        return column;
    }

  return NULL;
}

/**
 * rapport_advocates_view_set_filters:
 * @text: (nullable): search text
 * @tag: (nullable): only members with this tag
 * @organization: (nullable): only members of this organization
 * @level: only members at this level (1–4), or 0
 *
 * Cuts every column to the members that match.
 */
void
rapport_advocates_view_set_filters (RapportAdvocatesView *self,
                                    const char           *text,
                                    const char           *tag,
                                    const char           *organization,
                                    int                   level)
{
  g_autofree char *text_copy = g_strdup (text);
  g_autofree char *tag_copy = g_strdup (tag);
  g_autofree char *organization_copy = g_strdup (organization);

  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));
  g_return_if_fail (level >= 0 && level <= 4);

  _rapport_advocates_view_ensure_template (self);

  /* The arguments may be the fields themselves. */
  set_string (&self->search_text, text_copy);
  set_string (&self->tag, tag_copy);
  set_string (&self->organization, organization_copy);
  self->level = level;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 self->search_text != NULL ? self->search_text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                           self->search_text != NULL ? self->search_text : "");

  update_filter_button (self);
  apply_filters_to_all (self);
}

const char *
rapport_advocates_view_get_sort_by (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), NULL);

  return self->sort_by;
}

/**
 * rapport_advocates_view_set_sort_by:
 * @sort_by: "score" or "last-active"
 */
void
rapport_advocates_view_set_sort_by (RapportAdvocatesView *self,
                                    const char           *sort_by)
{
  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));

  if (g_strcmp0 (sort_by, "last-active") != 0)
    sort_by = "score";

  if (g_strcmp0 (self->sort_by, sort_by) == 0)
    return;

  g_free (self->sort_by);
  self->sort_by = g_strdup (sort_by);
  if (has_template (self))
    apply_filters_to_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORT_BY]);
}

/**
 * rapport_advocates_view_move_member:
 *
 * Moves a member to another stage (reason "manual") and shows a toast
 * with Undo. Moving a member to the stage they are in does nothing.
 */
gboolean
rapport_advocates_view_move_member (RapportAdvocatesView  *self,
                                    gint64                 member_id,
                                    gint64                 stage_id,
                                    GError               **error)
{
  g_autoptr(RapportMember) member = NULL;
  g_autofree char *title = NULL;
  RapportStage *stage;
  gint64 journal_id = 0;

  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), FALSE);
  g_return_val_if_fail (self->pipeline != NULL, FALSE);

  member = rapport_store_get_member (self->store, member_id, error);
  if (member == NULL ||
      !rapport_pipeline_move_member (self->pipeline, member_id, stage_id, RAPPORT_MOVE_MANUAL,
                                     &journal_id, error))
    return FALSE;

  if (journal_id == 0)
    return TRUE;

  stage = rapport_pipeline_find_stage (self->pipeline, stage_id);
  /* Translators: a toast after moving a member on the board, with Undo */
  title = g_strdup_printf (_("Moved “%s” to %s"), rapport_member_get_name (member),
                           stage != NULL ? rapport_stage_get_name (stage) : "");
  _rapport_advocates_view_show_undo_toast (self, title, journal_id);

  return TRUE;
}

/**
 * rapport_advocates_view_undo_move:
 * @journal_id: the journal's operation of the move
 *
 * Puts the member back where they came from.
 */
gboolean
rapport_advocates_view_undo_move (RapportAdvocatesView  *self,
                                  gint64                 journal_id,
                                  GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), FALSE);
  g_return_val_if_fail (self->pipeline != NULL, FALSE);

  return rapport_pipeline_undo_move (self->pipeline, journal_id, error);
}

void
rapport_advocates_view_focus_search (RapportAdvocatesView *self)
{
  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));

  _rapport_advocates_view_ensure_template (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rapport_advocates_view_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the latest toast while it shows
 */
AdwToast *
rapport_advocates_view_get_last_toast (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), NULL);

  return self->last_toast;
}
