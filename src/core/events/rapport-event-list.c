/* rapport-event-list.c
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

#define G_LOG_DOMAIN "rapport-event-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-event-list.h"
#include "rapport-store.h"

/* Events as a GListModel: all, upcoming or past. It follows the store's
 * "changed" notices for events and updates rows in place when the same
 * events stay in the same order. */

struct _RapportEventList
{
  GObject            parent_instance;

  RapportStore      *store;
  RapportEventRange  range;
  GPtrArray         *items;
  gulong             changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportEventList, rapport_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_RANGE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
rapport_event_list_get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_EVENT;
}

static guint
rapport_event_list_get_n_items (GListModel *model)
{
  return RAPPORT_EVENT_LIST (model)->items->len;
}

static gpointer
rapport_event_list_get_item (GListModel *model,
                             guint       position)
{
  RapportEventList *self = RAPPORT_EVENT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_event_list_get_item_type;
  iface->get_n_items = rapport_event_list_get_n_items;
  iface->get_item = rapport_event_list_get_item;
}

static void
copy_event (RapportEvent *to,
            RapportEvent *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n);
  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (from), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (to), pspecs[i]->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (to));
}

gboolean
rapport_event_list_reload (RapportEventList  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  gboolean same;

  g_return_val_if_fail (RAPPORT_IS_EVENT_LIST (self), FALSE);

  rows = rapport_events_list (self->store, self->range, error);
  if (rows == NULL)
    return FALSE;

  same = rows->len == self->items->len;
  for (guint i = 0; same && i < rows->len; i++)
    same = rapport_event_get_id (g_ptr_array_index (rows, i)) ==
           rapport_event_get_id (g_ptr_array_index (self->items, i));

  if (same)
    {
      for (guint i = 0; i < rows->len; i++)
        copy_event (g_ptr_array_index (self->items, i), g_ptr_array_index (rows, i));
    }
  else
    {
      guint removed = self->items->len;
      guint added = rows->len;

      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&rows);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
      if (removed != added)
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }

  return TRUE;
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportEventList  *self)
{
  g_autoptr(GError) error = NULL;

  /* Connected for events only. */
  if (!rapport_event_list_reload (self, &error))
    g_warning ("Could not reload the events: %s", error->message);
}

static void
rapport_event_list_constructed (GObject *object)
{
  RapportEventList *self = RAPPORT_EVENT_LIST (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (rapport_event_list_parent_class)->constructed (object);

  g_return_if_fail (RAPPORT_IS_STORE (self->store));

  self->changed_id = g_signal_connect (self->store, "changed::events", G_CALLBACK (on_store_changed_cb), self);
  if (!rapport_event_list_reload (self, &error))
    g_warning ("Could not load the events: %s", error->message);
}

static void
rapport_event_list_dispose (GObject *object)
{
  RapportEventList *self = RAPPORT_EVENT_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_event_list_parent_class)->dispose (object);
}

static void
rapport_event_list_finalize (GObject *object)
{
  RapportEventList *self = RAPPORT_EVENT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_event_list_parent_class)->finalize (object);
}

static void
rapport_event_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportEventList *self = RAPPORT_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RANGE:
      g_value_set_enum (value, self->range);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportEventList *self = RAPPORT_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_RANGE:
      rapport_event_list_set_range (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_list_class_init (RapportEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_event_list_constructed;
  object_class->dispose = rapport_event_list_dispose;
  object_class->finalize = rapport_event_list_finalize;
  object_class->get_property = rapport_event_list_get_property;
  object_class->set_property = rapport_event_list_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL,
                       RAPPORT_TYPE_EVENT_RANGE, RAPPORT_EVENT_RANGE_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_event_list_init (RapportEventList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

RapportEventList *
rapport_event_list_new (RapportStore      *store,
                        RapportEventRange  range)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_EVENT_LIST,
                       "store", store,
                       "range", range,
                       NULL);
}

RapportEventRange
rapport_event_list_get_range (RapportEventList *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_LIST (self), RAPPORT_EVENT_RANGE_ALL);

  return self->range;
}

void
rapport_event_list_set_range (RapportEventList  *self,
                              RapportEventRange  range)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RAPPORT_IS_EVENT_LIST (self));

  if (self->range == range)
    return;

  self->range = range;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RANGE]);

  if (self->store != NULL && !rapport_event_list_reload (self, &error))
    g_warning ("Could not load the events: %s", error->message);
}

gboolean
rapport_event_list_find (RapportEventList *self,
                         gint64            event_id,
                         guint            *position)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (rapport_event_get_id (g_ptr_array_index (self->items, i)) == event_id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}
