/* rapport-member-selection.c
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

#define G_LOG_DOMAIN "rapport-member-selection"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-member-selection.h"

/* A single selection over a RapportMemberList that remembers the member by
 * id, not by row object. GtkSingleSelection looks for its selected object
 * among every row added by a change, which on a lazy list means building
 * thousands of members whenever the order changes; an id survives reloads,
 * re-sorting and row updates for free. */

struct _RapportMemberSelection
{
  GObject            parent_instance;

  RapportMemberList *list;
  gint64             selected_id;
};

static void list_model_iface_init      (GListModelInterface      *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportMemberSelection, rapport_member_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

enum {
  PROP_0,
  PROP_LIST,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
rapport_member_selection_get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_MEMBER;
}

static guint
rapport_member_selection_get_n_items (GListModel *model)
{
  RapportMemberSelection *self = RAPPORT_MEMBER_SELECTION (model);

  return g_list_model_get_n_items (G_LIST_MODEL (self->list));
}

static gpointer
rapport_member_selection_get_item (GListModel *model,
                                   guint       position)
{
  RapportMemberSelection *self = RAPPORT_MEMBER_SELECTION (model);

  return g_list_model_get_item (G_LIST_MODEL (self->list), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_member_selection_get_item_type;
  iface->get_n_items = rapport_member_selection_get_n_items;
  iface->get_item = rapport_member_selection_get_item;
}

static gboolean
rapport_member_selection_is_selected (GtkSelectionModel *model,
                                      guint              position)
{
  RapportMemberSelection *self = RAPPORT_MEMBER_SELECTION (model);

  return self->selected_id != 0 &&
         rapport_member_list_get_id (self->list, position) == self->selected_id;
}

static gboolean
rapport_member_selection_select_item (GtkSelectionModel *model,
                                      guint              position,
                                      gboolean           unselect_rest)
{
  RapportMemberSelection *self = RAPPORT_MEMBER_SELECTION (model);
  gint64 id = rapport_member_list_get_id (self->list, position);

  if (id == 0)
    return FALSE;

  rapport_member_selection_set_selected_id (self, id);
  return TRUE;
}

static gboolean
rapport_member_selection_unselect_item (GtkSelectionModel *model,
                                        guint              position)
{
  /* Like GtkSingleSelection without can-unselect: a click on the selected
   * row keeps it selected. */
  return FALSE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = rapport_member_selection_is_selected;
  iface->select_item = rapport_member_selection_select_item;
  iface->unselect_item = rapport_member_selection_unselect_item;
}

static void
on_list_items_changed_cb (RapportMemberSelection *self,
                          guint                   position,
                          guint                   removed,
                          guint                   added,
                          GListModel             *list)
{
  /* Selection follows the id, so rows outside the change keep their state
   * and rows inside it are asked afresh by the view. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
rapport_member_selection_dispose (GObject *object)
{
  RapportMemberSelection *self = (RapportMemberSelection *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_list_items_changed_cb, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (rapport_member_selection_parent_class)->dispose (object);
}

static void
rapport_member_selection_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RapportMemberSelection *self = RAPPORT_MEMBER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_selection_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RapportMemberSelection *self = RAPPORT_MEMBER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_LIST:
      self->list = g_value_dup_object (value);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (on_list_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      break;

    case PROP_SELECTED_ID:
      rapport_member_selection_set_selected_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_selection_class_init (RapportMemberSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_member_selection_dispose;
  object_class->get_property = rapport_member_selection_get_property;
  object_class->set_property = rapport_member_selection_set_property;

  properties [PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         RAPPORT_TYPE_MEMBER_LIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_member_selection_init (RapportMemberSelection *self)
{
}

RapportMemberSelection *
rapport_member_selection_new (RapportMemberList *list)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (list), NULL);

  return g_object_new (RAPPORT_TYPE_MEMBER_SELECTION, "list", list, NULL);
}

RapportMemberList *
rapport_member_selection_get_list (RapportMemberSelection *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_SELECTION (self), NULL);

  return self->list;
}

gint64
rapport_member_selection_get_selected_id (RapportMemberSelection *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_SELECTION (self), 0);

  return self->selected_id;
}

/**
 * rapport_member_selection_set_selected_id:
 * @member_id: the member to select, or 0 for none
 *
 * Selects @member_id. It stays selected while it is out of the list (a
 * search that hides it) and shows as selected again when it comes back.
 */
void
rapport_member_selection_set_selected_id (RapportMemberSelection *self,
                                          gint64                  member_id)
{
  guint old_position, new_position;
  gboolean had_old, has_new;

  g_return_if_fail (RAPPORT_IS_MEMBER_SELECTION (self));

  if (self->selected_id == member_id)
    return;

  had_old = self->selected_id != 0 &&
            rapport_member_list_find (self->list, self->selected_id, &old_position);
  has_new = member_id != 0 &&
            rapport_member_list_find (self->list, member_id, &new_position);

  self->selected_id = member_id;

  if (had_old && has_new)
    {
      guint first = MIN (old_position, new_position);
      guint last = MAX (old_position, new_position);

      gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), first, last - first + 1);
    }
  else if (had_old)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old_position, 1);
  else if (has_new)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), new_position, 1);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
}

/**
 * rapport_member_selection_get_selected_position:
 *
 * Returns: where the selected member is, or %GTK_INVALID_LIST_POSITION when
 *   nothing is selected or the list does not show it
 */
guint
rapport_member_selection_get_selected_position (RapportMemberSelection *self)
{
  guint position;

  g_return_val_if_fail (RAPPORT_IS_MEMBER_SELECTION (self), GTK_INVALID_LIST_POSITION);

  if (self->selected_id != 0 &&
      rapport_member_list_find (self->list, self->selected_id, &position))
    return position;

  return GTK_INVALID_LIST_POSITION;
}
