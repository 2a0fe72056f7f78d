/* rapport-board-card.c
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

#define G_LOG_DOMAIN "rapport-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-board-card.h"
#include "rapport-clock.h"
#include "rapport-member.h"
#include "rapport-stage.h"
#include "rapport-util.h"

/* One member on the advocates board: avatar, name, organization, score
 * with its trend over the last 30 days, and when they were last active.
 * A click, Enter or Space opens the member's page (board.show-member).
 * The card can be dragged (it carries the member, never itself) and has a
 * context menu to move the member to another stage, which the keyboard
 * reaches with Menu or Shift+F10. */

/* A score that moved by less than this share of its old value is steady. */
#define TREND_THRESHOLD 0.05

struct _RapportBoardCard
{
  GtkWidget       parent_instance;

  RapportMember  *member;
  GListModel     *stages;
  RapportScoring *scoring;
  const char     *trend;
  guint           trend_source;

  GtkWidget      *box;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *organization_label;
  GtkImage       *trend_image;
  GtkLabel       *score_label;
  GtkLabel       *last_active_label;
  GtkPopover     *popover;
};

G_DEFINE_FINAL_TYPE (RapportBoardCard, rapport_board_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMBER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
format_score (double score)
{
  /* Small scores keep a decimal so 0.4 does not read as nothing. */
  if (score >= 10 || score == 0)
    return g_strdup_printf ("%.0f", score);

  return g_strdup_printf ("%.1f", score);
}

static void
update_trend (RapportBoardCard *self,
              double            stored_score)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon_name = NULL;
  const char *css_class = NULL;
  double score = 0;
  double previous = 0;

  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_image), "trend-up");
  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_image), "trend-down");
  self->trend = NULL;

  if (self->scoring == NULL ||
      !rapport_scoring_get_trend (self->scoring, rapport_member_get_id (self->member),
                                  &score, &previous, &error))
    {
      if (error != NULL)
        g_debug ("No trend for member %" G_GINT64_FORMAT ": %s",
                 rapport_member_get_id (self->member), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->trend_image), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_label), _("Engagement score"));
      return;
    }

  now_text = format_score (stored_score);
  then_text = format_score (previous);
  if (score > previous + MAX (previous * TREND_THRESHOLD, 0.05))
    {
      self->trend = "up";
      icon_name = "go-up-symbolic";
      css_class = "trend-up";
      /* Translators: a board card's score tooltip; the numbers are scores */
      tooltip = g_strdup_printf (_("Engagement score %s, up from %s a month ago"), now_text, then_text);
    }
  else if (score < previous - MAX (previous * TREND_THRESHOLD, 0.05))
    {
      self->trend = "down";
      icon_name = "go-down-symbolic";
      css_class = "trend-down";
      tooltip = g_strdup_printf (_("Engagement score %s, down from %s a month ago"), now_text, then_text);
    }
  else
    {
      self->trend = "steady";
      tooltip = g_strdup_printf (_("Engagement score %s, steady over the last month"), now_text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->trend_image), icon_name != NULL);
  if (icon_name != NULL)
    {
      gtk_image_set_from_icon_name (self->trend_image, icon_name);
      gtk_widget_add_css_class (GTK_WIDGET (self->trend_image), css_class);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_label), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->trend_image), tooltip);
}

static gboolean
trend_idle_cb (gpointer user_data)
{
  RapportBoardCard *self = user_data;

  self->trend_source = 0;
  if (self->member != NULL)
    update_trend (self, rapport_member_get_score (self->member));

  return G_SOURCE_REMOVE;
}

static void
update (RapportBoardCard *self)
{
  g_autofree char *score = NULL;
  g_autofree char *last_active = NULL;
  g_autofree char *accessible = NULL;
  const char *name;
  const char *organization;
  gint64 now = rapport_now_unix ();

  if (self->member == NULL)
    {
      g_clear_handle_id (&self->trend_source, g_source_remove);
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->organization_label, "");
      gtk_label_set_label (self->score_label, "");
      gtk_label_set_label (self->last_active_label, "");
      adw_avatar_set_text (self->avatar, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->trend_image), FALSE);
      self->trend = NULL;
      return;
    }

  name = rapport_member_get_name (self->member);
  organization = rapport_member_get_organization (self->member);
  score = format_score (rapport_member_get_score (self->member));
  last_active = rapport_format_relative_time (rapport_member_get_last_active_at (self->member), now);

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->organization_label, organization != NULL ? organization : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organization_label),
                          organization != NULL && organization[0] != '\0');
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->last_active_label, last_active);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->last_active_label), _("Last active"));
  /* GtkListView keeps a couple of hundred rows bound: the trend (a query
   * each) comes after the first frame, so the board shows at once. */
  g_clear_handle_id (&self->trend_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_image), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_label), _("Engagement score"));
  self->trend = NULL;
  if (self->scoring != NULL)
    self->trend_source = g_idle_add_full (G_PRIORITY_LOW, trend_idle_cb, self, NULL);

  /* Translators: what a screen reader says for a board card: name,
   * organization, score, last active */
  accessible = g_strdup_printf (_("%s, %s, score %s, last active %s"),
                                name, organization != NULL ? organization : _("no organization"),
                                score, last_active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static char *
escape_mnemonic (const char *label)
{
  g_auto(GStrv) parts = g_strsplit (label, "_", -1);

  /* Menu labels read "_" as a mnemonic; stage names are plain text. */
  return g_strjoinv ("__", parts);
}

/**
 * rapport_board_card_dup_menu:
 *
 * Returns: (transfer full): the card's context menu: the stages the
 *   member can move to, each activating board.move-member
 */
GMenuModel *
rapport_board_card_dup_menu (RapportBoardCard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  gint64 member_id;
  gint64 current;
  guint n;

  g_return_val_if_fail (RAPPORT_IS_BOARD_CARD (self), NULL);

  if (self->member == NULL || self->stages == NULL)
    return G_MENU_MODEL (g_steal_pointer (&menu));

  member_id = rapport_member_get_id (self->member);
  current = rapport_member_get_stage_id (self->member);
  n = g_list_model_get_n_items (self->stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (self->stages, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (rapport_stage_get_id (stage) == current)
        continue;

      label = escape_mnemonic (rapport_stage_get_name (stage));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "board.move-member",
                                               g_variant_new ("(xx)", member_id,
                                                              rapport_stage_get_id (stage)));
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Move To"), G_MENU_MODEL (section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
open_menu (RapportBoardCard *self,
           double            x,
           double            y,
           gboolean          at_pointer)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (self->member == NULL)
    return;

  menu = rapport_board_card_dup_menu (self);
  /* Made on first use: a list keeps a couple of hundred cards. */
  if (self->popover == NULL)
    {
      self->popover = GTK_POPOVER (gtk_popover_menu_new_from_model (NULL));
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), menu);

  if (at_pointer)
    {
      gtk_popover_set_pointing_to (self->popover, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
      gtk_popover_set_has_arrow (self->popover, FALSE);
      gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
    }
  else
    {
      gtk_popover_set_pointing_to (self->popover, NULL);
      gtk_popover_set_has_arrow (self->popover, TRUE);
      gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
    }

  gtk_popover_popup (self->popover);
}

static void
move_to_stage_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_menu (RAPPORT_BOARD_CARD (widget), 0, 0, FALSE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportBoardCard *self = RAPPORT_BOARD_CARD (widget);

  if (self->member != NULL)
    gtk_widget_activate_action (widget, "board.show-member", "x", rapport_member_get_id (self->member));
}

static void
on_primary_released_cb (GtkGestureClick  *gesture,
                        int               n_press,
                        double            x,
                        double            y,
                        RapportBoardCard *self)
{
  /* A drag that started here took the press away: only a plain click
   * gets this far. */
  if (n_press != 1 || !gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "card.open", NULL);
}

static void
on_click_pressed_cb (GtkGestureClick  *gesture,
                     int               n_press,
                     double            x,
                     double            y,
                     RapportBoardCard *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  open_menu (self, x, y, TRUE);
}

static void
on_long_press_pressed_cb (GtkGestureLongPress *gesture,
                          double               x,
                          double               y,
                          RapportBoardCard    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  open_menu (self, x, y, TRUE);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource    *source,
                    double            x,
                    double            y,
                    RapportBoardCard *self)
{
  if (self->member == NULL)
    return NULL;

  return gdk_content_provider_new_typed (RAPPORT_TYPE_MEMBER, self->member);
}

static void
on_drag_begin_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  RapportBoardCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable,
                            gtk_widget_get_width (GTK_WIDGET (self)) / 2,
                            gtk_widget_get_height (GTK_WIDGET (self)) / 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_end_cb (GtkDragSource    *source,
                GdkDrag          *drag,
                gboolean          delete_data,
                RapportBoardCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static void
rapport_board_card_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RapportBoardCard *self = RAPPORT_BOARD_CARD (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rapport_board_card_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RapportBoardCard *self = RAPPORT_BOARD_CARD (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  /* A popover needs its parent to place it after every allocation. */
  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

static void
rapport_board_card_dispose (GObject *object)
{
  RapportBoardCard *self = (RapportBoardCard *)object;

  g_clear_handle_id (&self->trend_source, g_source_remove);
  g_clear_pointer ((GtkWidget **) &self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_BOARD_CARD);
  g_clear_object (&self->member);
  g_clear_object (&self->stages);
  g_clear_object (&self->scoring);

  G_OBJECT_CLASS (rapport_board_card_parent_class)->dispose (object);
}

static void
rapport_board_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportBoardCard *self = RAPPORT_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_board_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportBoardCard *self = RAPPORT_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      rapport_board_card_set_member (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_board_card_class_init (RapportBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_board_card_dispose;
  object_class->get_property = rapport_board_card_get_property;
  object_class->set_property = rapport_board_card_set_property;

  widget_class->measure = rapport_board_card_measure;
  widget_class->size_allocate = rapport_board_card_size_allocate;

  properties [PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL,
                         RAPPORT_TYPE_MEMBER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, box);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, organization_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, trend_image);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, score_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBoardCard, last_active_label);

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "card.open", NULL);

  gtk_widget_class_install_action (widget_class, "card.move-to-stage", NULL, move_to_stage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.move-to-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.move-to-stage", NULL);
}

static void
rapport_board_card_init (RapportBoardCard *self)
{
  GtkGesture *primary;
  GtkGesture *click;
  GtkGesture *long_press;
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  primary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (primary), GDK_BUTTON_PRIMARY);
  g_signal_connect (primary, "released", G_CALLBACK (on_primary_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (primary));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
rapport_board_card_new (void)
{
  return g_object_new (RAPPORT_TYPE_BOARD_CARD, NULL);
}

/**
 * rapport_board_card_get_member:
 *
 * Returns: (transfer none) (nullable): the member shown
 */
RapportMember *
rapport_board_card_get_member (RapportBoardCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_CARD (self), NULL);

  return self->member;
}

void
rapport_board_card_set_member (RapportBoardCard *self,
                               RapportMember    *member)
{
  g_return_if_fail (RAPPORT_IS_BOARD_CARD (self));
  g_return_if_fail (member == NULL || RAPPORT_IS_MEMBER (member));

  if (!g_set_object (&self->member, member))
    return;

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER]);
}

/**
 * rapport_board_card_set_context:
 * @stages: the pipeline's stages, for the Move To menu
 * @scoring: (nullable): where the trend comes from; without it no arrow
 */
void
rapport_board_card_set_context (RapportBoardCard *self,
                                GListModel       *stages,
                                RapportScoring   *scoring)
{
  g_return_if_fail (RAPPORT_IS_BOARD_CARD (self));
  g_return_if_fail (G_IS_LIST_MODEL (stages));
  g_return_if_fail (scoring == NULL || RAPPORT_IS_SCORING (scoring));

  g_set_object (&self->stages, stages);
  if (g_set_object (&self->scoring, scoring) && self->member != NULL)
    update (self);
}

/**
 * rapport_board_card_get_popover:
 *
 * Returns: (transfer none) (nullable): the context menu's popover, once
 *   it has been opened
 */
GtkPopover *
rapport_board_card_get_popover (RapportBoardCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_CARD (self), NULL);

  return self->popover;
}

/**
 * rapport_board_card_get_trend:
 *
 * Returns: (nullable): "up", "down" or "steady" as the arrow shows it, or
 *   %NULL without a trend (yet: it is read once the main loop is idle)
 */
const char *
rapport_board_card_get_trend (RapportBoardCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_BOARD_CARD (self), NULL);

  return self->trend;
}
