/* rapport-board-column.c
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

#define G_LOG_DOMAIN "rapport-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-board-card.h"
#include "rapport-board-column.h"
#include "rapport-stage-dialogs.h"
#include "rapport-member.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* One stage of the advocates board: its name, count and menu, then a lazy
 * list of cards (a RapportMemberList cut to the stage, so only the cards
 * on screen are ever built). Dropping a member here asks the board to move
 * them through board.move-member; the menu's items ask it to rename, move
 * or delete the stage through board.rename-stage, board.move-stage and
 * board.remove-stage. */

struct _RapportBoardColumn
{
  GtkWidget          parent_instance;

  RapportStage      *stage;
  GListModel        *stages;
  RapportScoring    *scoring;
  RapportMemberList *list;
  GtkSliceListModel *slice;
  guint              loaded : 1;

  GtkWidget         *box;
  GtkLabel          *name_label;
  GtkLabel          *count_label;
  GtkMenuButton     *menu_button;
  GtkStack          *stack;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (RapportBoardColumn, rapport_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_count (RapportBoardColumn *self)
{
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;
  guint n = rapport_board_column_get_count (self);

  count = rapport_format_count (n);
  gtk_label_set_label (self->count_label, count);
  /* Translators: a board column's member count, read by screen readers */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members", n), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_stack_set_visible_child_name (self->stack, self->loaded && n == 0 ? "empty" : "list");
}

static void
on_list_n_items_cb (RapportBoardColumn *self,
                    GParamSpec         *pspec,
                    RapportMemberList  *list)
{
  update_count (self);
}

static void
on_list_loading_cb (RapportBoardColumn *self,
                    GParamSpec         *pspec,
                    RapportMemberList  *list)
{
  if (rapport_member_list_get_loading (list) || self->loaded)
    return;

  self->loaded = TRUE;
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

static void
on_stage_member_count_cb (RapportBoardColumn *self,
                          GParamSpec         *pspec,
                          RapportStage       *stage)
{
  if (!self->loaded)
    update_count (self);
}

static void
on_stage_name_cb (RapportBoardColumn *self,
                  GParamSpec         *pspec,
                  RapportStage       *stage)
{
  const char *name = rapport_stage_get_name (stage);
  /* Translators: the accessible name of a board column's menu button */
  g_autofree char *menu_label = g_strdup_printf (_("%s Stage Menu"), name);

  gtk_label_set_label (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

/* Stage menu */

static gboolean
is_rtl (RapportBoardColumn *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static void
update_actions (RapportBoardColumn *self)
{
  guint n = g_list_model_get_n_items (self->stages);
  guint position = rapport_stage_get_position (self->stage);
  gboolean earlier = position > 0;
  gboolean later = position + 1 < n;

  /* Left and right are what the reader sees: the board runs the other
   * way in a right-to-left language. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.move-left", is_rtl (self) ? later : earlier);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.move-right", is_rtl (self) ? earlier : later);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.delete",
                                 rapport_stage_dialogs_can_remove (self->stages, self->stage));
}

static void
on_stages_items_changed_cb (RapportBoardColumn *self,
                            guint               position,
                            guint               removed,
                            guint               added,
                            GListModel         *stages)
{
  update_actions (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportBoardColumn *self = RAPPORT_BOARD_COLUMN (widget);

  gtk_widget_activate_action (widget, "board.rename-stage", "x", rapport_stage_get_id (self->stage));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportBoardColumn *self = RAPPORT_BOARD_COLUMN (widget);
  int delta = g_str_equal (action_name, "column.move-left") ? -1 : 1;

  if (is_rtl (self))
    delta = -delta;

  gtk_widget_activate_action (widget, "board.move-stage", "(xi)", rapport_stage_get_id (self->stage), delta);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportBoardColumn *self = RAPPORT_BOARD_COLUMN (widget);

  gtk_widget_activate_action (widget, "board.remove-stage", "x", rapport_stage_get_id (self->stage));
}

/* Cards */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     RapportBoardColumn       *self)
{
  GtkWidget *card = rapport_board_card_new ();

  rapport_board_card_set_context (RAPPORT_BOARD_CARD (card), self->stages, self->scoring);
  gtk_list_item_set_child (item, card);
  /* The card takes the focus and the clicks; the row only holds it. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    RapportBoardColumn       *self)
{
  rapport_board_card_set_member (RAPPORT_BOARD_CARD (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      RapportBoardColumn       *self)
{
  rapport_board_card_set_member (RAPPORT_BOARD_CARD (gtk_list_item_get_child (item)), NULL);
}

/* Drop */

static GdkDragAction
on_drop_enter_cb (GtkDropTarget      *target,
                  double              x,
                  double              y,
                  RapportBoardColumn *self)
{
  rapport_board_column_set_highlight (self, TRUE);
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget      *target,
                  RapportBoardColumn *self)
{
  rapport_board_column_set_highlight (self, FALSE);
}

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            RapportBoardColumn *self)
{
  rapport_board_column_set_highlight (self, FALSE);

  if (!G_VALUE_HOLDS (value, RAPPORT_TYPE_MEMBER) || g_value_get_object (value) == NULL)
    return FALSE;

  return rapport_board_column_drop_member (self, g_value_get_object (value));
}

/* GObject */

static void
rapport_board_column_dispose (GObject *object)
{
  RapportBoardColumn *self = (RapportBoardColumn *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_BOARD_COLUMN);

  if (self->stage != NULL)
    g_signal_handlers_disconnect_by_data (self->stage, self);
  if (self->stages != NULL)
    g_signal_handlers_disconnect_by_data (self->stages, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->stage);
  g_clear_object (&self->stages);
  g_clear_object (&self->scoring);
  g_clear_object (&self->slice);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (rapport_board_column_parent_class)->dispose (object);
}

static void
rapport_board_column_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportBoardColumn *self = RAPPORT_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_board_column_direction_changed (GtkWidget        *widget,
                                        GtkTextDirection  previous_direction)
{
  RapportBoardColumn *self = RAPPORT_BOARD_COLUMN (widget);

  GTK_WIDGET_CLASS (rapport_board_column_parent_class)->direction_changed (widget, previous_direction);

  if (self->stage != NULL)
    update_actions (self);
}

static void
rapport_board_column_class_init (RapportBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_board_column_dispose;
  object_class->get_property = rapport_board_column_get_property;

  widget_class->direction_changed = rapport_board_column_direction_changed;

  /* Whether the cards of the current filters have arrived once. */
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBoardColumn, box);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardColumn, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardColumn, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "column.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "column.move-left", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.move-right", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.delete", NULL, delete_action);
}

static void
rapport_board_column_init (RapportBoardColumn *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  drop = gtk_drop_target_new (RAPPORT_TYPE_MEMBER, GDK_ACTION_MOVE);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* GTK 4.8's list view builds a couple of hundred rows ahead whatever the
 * model holds, and a board shows five lists at once. A column offers its
 * list a slice that grows by a page whenever the reader nears its end, so
 * opening the board builds a screenful of cards per column, not hundreds. */
#define SLICE_PAGE 40

static void
grow_slice (RapportBoardColumn *self)
{
  guint size = gtk_slice_list_model_get_size (self->slice);

  if (size < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    gtk_slice_list_model_set_size (self->slice, size + SLICE_PAGE);
}

static void
on_scrolled_edge_reached_cb (RapportBoardColumn *self,
                             GtkPositionType     position,
                             GtkScrolledWindow  *scrolled)
{
  if (position == GTK_POS_BOTTOM)
    grow_slice (self);
}

static void
on_adjustment_changed_cb (RapportBoardColumn *self,
                          GtkAdjustment      *adjustment)
{
  /* A tall window can show the whole slice with no scrollbar, and then no
   * edge is ever reached: fill it. */
  if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 1)
    grow_slice (self);
}

/**
 * rapport_board_column_new:
 * @stage: the stage the column shows
 * @stages: every stage, for the cards' Move To menus
 * @scoring: (nullable): for the cards' trend arrows
 *
 * Returns: (transfer floating): a column whose members load at once, in a
 *   worker thread, by score, highest first
 */
GtkWidget *
rapport_board_column_new (RapportStore   *store,
                          RapportStage   *stage,
                          GListModel     *stages,
                          RapportScoring *scoring)
{
  RapportBoardColumn *self;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *accessible = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *scrolled;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_STAGE (stage), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (stages), NULL);
  g_return_val_if_fail (scoring == NULL || RAPPORT_IS_SCORING (scoring), NULL);

  self = g_object_new (RAPPORT_TYPE_BOARD_COLUMN, NULL);
  self->stage = g_object_ref (stage);
  self->stages = g_object_ref (stages);
  self->scoring = scoring != NULL ? g_object_ref (scoring) : NULL;

  self->list = rapport_member_list_new (store);
  rapport_member_list_set_stage_id (self->list, rapport_stage_get_id (stage));
  /* Not descending: the score order puts the highest first. */
  rapport_member_list_set_sort (self->list, RAPPORT_MEMBER_SORT_SCORE, FALSE);
  g_signal_connect_swapped (self->list, "notify::n-items", G_CALLBACK (on_list_n_items_cb), self);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (on_list_loading_cb), self);
  rapport_member_list_reload (self->list);

  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, SLICE_PAGE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->list_view), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_signal_connect_object (scrolled, "edge-reached",
                           G_CALLBACK (on_scrolled_edge_reached_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_adjustment_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (stage, "notify::name", G_CALLBACK (on_stage_name_cb), self);
  g_signal_connect_swapped (stage, "notify::member-count", G_CALLBACK (on_stage_member_count_cb), self);
  g_signal_connect_swapped (stages, "items-changed", G_CALLBACK (on_stages_items_changed_cb), self);
  on_stage_name_cb (self, NULL, stage);
  update_count (self);
  update_actions (self);

  return GTK_WIDGET (self);
}

/**
 * rapport_board_column_get_stage:
 *
 * Returns: (transfer none): the stage shown
 */
RapportStage *
rapport_board_column_get_stage (RapportBoardColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), NULL);

  return self->stage;
}

/**
 * rapport_board_column_get_list:
 *
 * Returns: (transfer none): the members shown; the board sets its filters
 */
RapportMemberList *
rapport_board_column_get_list (RapportBoardColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), NULL);

  return self->list;
}

/**
 * rapport_board_column_get_list_view:
 *
 * Returns: (transfer none): the list of cards
 */
GtkListView *
rapport_board_column_get_list_view (RapportBoardColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), NULL);

  return self->list_view;
}

gboolean
rapport_board_column_get_loaded (RapportBoardColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), FALSE);

  return self->loaded && !rapport_member_list_get_loading (self->list);
}

/**
 * rapport_board_column_get_count:
 *
 * Returns: the number in the header: the members the filters let through,
 *   or the stage's count until they have loaded
 */
guint
rapport_board_column_get_count (RapportBoardColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), 0);

  if (!self->loaded)
    return (guint) rapport_stage_get_member_count (self->stage);

  return g_list_model_get_n_items (G_LIST_MODEL (self->list));
}

/**
 * rapport_board_column_drop_member:
 * @member: the member dropped on the column
 *
 * What a drop does: asks the board (board.move-member) to move @member to
 * this column's stage.
 *
 * Returns: whether the board took the drop
 */
gboolean
rapport_board_column_drop_member (RapportBoardColumn *self,
                                  RapportMember      *member)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_MEMBER (member), FALSE);

  return gtk_widget_activate_action (GTK_WIDGET (self), "board.move-member", "(xx)",
                                     rapport_member_get_id (member),
                                     rapport_stage_get_id (self->stage));
}

/**
 * rapport_board_column_get_menu_button:
 *
 * Returns: (transfer none): the header's button with the stage menu
 */
GtkMenuButton *
rapport_board_column_get_menu_button (RapportBoardColumn *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_COLUMN (self), NULL);

  return self->menu_button;
}

/**
 * rapport_board_column_set_highlight:
 *
 * Marks the column as where a dragged card would land.
 */
void
rapport_board_column_set_highlight (RapportBoardColumn *self,
                                    gboolean            highlight)
{
  g_return_if_fail (RAPPORT_IS_BOARD_COLUMN (self));

  if (highlight)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}
