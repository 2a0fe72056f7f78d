/* rapport-content-range.c
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

#define G_LOG_DOMAIN "rapport-content-range"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-content-range.h"
#include "rapport-content-store.h"

/* What a calendar view shows: the occurrences in [start, end), sorted by
 * start, series expanded. It follows the store: any change to the content
 * tables reloads it and reports the difference as one items-changed. */
struct _RapportContentRange
{
  GObject       parent_instance;

  RapportStore *store;
  GDateTime    *start;
  GDateTime    *end;
  GPtrArray    *occurrences;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportContentRange, rapport_content_range, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_START,
  PROP_END,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_CONTENT_OCCURRENCE;
}

static guint
get_n_items (GListModel *model)
{
  return RAPPORT_CONTENT_RANGE (model)->occurrences->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportContentRange *self = RAPPORT_CONTENT_RANGE (model);

  if (position >= self->occurrences->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->occurrences, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
reload (RapportContentRange *self)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fresh;

  if (self->start == NULL || self->end == NULL)
    return;

  fresh = rapport_content_list_occurrences (self->store,
                                            g_date_time_to_unix (self->start),
                                            g_date_time_to_unix (self->end),
                                            &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read the content calendar: %s", error->message);
      fresh = g_ptr_array_new_with_free_func (g_object_unref);
    }

  old = g_steal_pointer (&self->occurrences);
  self->occurrences = fresh;
  if (old->len > 0 || fresh->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, fresh->len);
  if (old->len != fresh->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
on_store_changed_cb (RapportStore        *store,
                     const char          *table,
                     gint64               row_id,
                     RapportChangeKind    kind,
                     RapportContentRange *self)
{
  /* Connected for content_items, and members: a member's removal can drop
   * an author. */
  reload (self);
}

static void
rapport_content_range_dispose (GObject *object)
{
  RapportContentRange *self = (RapportContentRange *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_content_range_parent_class)->dispose (object);
}

static void
rapport_content_range_finalize (GObject *object)
{
  RapportContentRange *self = (RapportContentRange *) object;

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_content_range_parent_class)->finalize (object);
}

static void
rapport_content_range_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportContentRange *self = RAPPORT_CONTENT_RANGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->occurrences->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_range_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportContentRange *self = RAPPORT_CONTENT_RANGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect (self->store, "changed::content_items", G_CALLBACK (on_store_changed_cb), self);
      g_signal_connect (self->store, "changed::members", G_CALLBACK (on_store_changed_cb), self);
      break;
    case PROP_START:
      rapport_content_range_set_range (self, g_value_get_boxed (value), self->end);
      break;
    case PROP_END:
      rapport_content_range_set_range (self, self->start, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_range_class_init (RapportContentRangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_content_range_dispose;
  object_class->finalize = rapport_content_range_finalize;
  object_class->get_property = rapport_content_range_get_property;
  object_class->set_property = rapport_content_range_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_content_range_init (RapportContentRange *self)
{
  self->occurrences = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rapport_content_range_new:
 * @start: the first instant shown (a local midnight for a month view)
 * @end: the first instant no longer shown
 *
 * Returns: (transfer full): a #GListModel of #RapportContentOccurrence
 */
RapportContentRange *
rapport_content_range_new (RapportStore *store,
                           GDateTime    *start,
                           GDateTime    *end)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  return g_object_new (RAPPORT_TYPE_CONTENT_RANGE,
                       "store", store,
                       "start", start,
                       "end", end,
                       NULL);
}

/**
 * rapport_content_range_set_range:
 *
 * Moves the window (the month view going to the next month) and reloads.
 */
void
rapport_content_range_set_range (RapportContentRange *self,
                                 GDateTime           *start,
                                 GDateTime           *end)
{
  gboolean start_changed, end_changed;

  g_return_if_fail (RAPPORT_IS_CONTENT_RANGE (self));

  start_changed = start != self->start && (start == NULL || self->start == NULL
                                           || !g_date_time_equal (start, self->start));
  end_changed = end != self->end && (end == NULL || self->end == NULL
                                     || !g_date_time_equal (end, self->end));
  if (!start_changed && !end_changed)
    return;

  if (start != NULL)
    g_date_time_ref (start);
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = start;
  if (end != NULL)
    g_date_time_ref (end);
  g_clear_pointer (&self->end, g_date_time_unref);
  self->end = end;

  if (self->store != NULL)
    reload (self);

  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END]);
}

GDateTime *
rapport_content_range_get_start (RapportContentRange *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_RANGE (self), NULL);

  return self->start;
}

GDateTime *
rapport_content_range_get_end (RapportContentRange *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_RANGE (self), NULL);

  return self->end;
}

RapportStore *
rapport_content_range_get_store (RapportContentRange *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_RANGE (self), NULL);

  return self->store;
}
