/* rapport-rsvp-list.c
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

#define G_LOG_DOMAIN "rapport-rsvp-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-events.h"
#include "rapport-rsvp-list.h"
#include "rapport-store.h"

/* The RSVPs of one event as a GListModel, optionally cut to one status (the
 * waitlist comes in waitlist order), with the event's live counters as
 * properties. It follows the store's "changed" notices for its event; when
 * the rows are the same rows, it updates them in place so a view keeps its
 * selection while people are checked in. */

struct _RapportRsvpList
{
  GObject             parent_instance;

  RapportStore       *store;
  gint64              event_id;
  char               *status_filter;
  GPtrArray          *items;
  RapportEventCounts  counts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportRsvpList, rapport_rsvp_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_EVENT_ID,
  PROP_STATUS_FILTER,
  PROP_CAPACITY,
  PROP_GOING,
  PROP_CHECKED_IN,
  PROP_WAITLISTED,
  PROP_MAYBE,
  PROP_DECLINED,
  PROP_OFFERED,
  PROP_SHOW_UP_RATE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
rapport_rsvp_list_get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_RSVP;
}

static guint
rapport_rsvp_list_get_n_items (GListModel *model)
{
  return RAPPORT_RSVP_LIST (model)->items->len;
}

static gpointer
rapport_rsvp_list_get_item (GListModel *model,
                            guint       position)
{
  RapportRsvpList *self = RAPPORT_RSVP_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_rsvp_list_get_item_type;
  iface->get_n_items = rapport_rsvp_list_get_n_items;
  iface->get_item = rapport_rsvp_list_get_item;
}

static gboolean
same_rows (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (rapport_rsvp_get_id (g_ptr_array_index (a, i)) != rapport_rsvp_get_id (g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/* Copies every property; the setters notify only what really changed. */
static void
copy_rsvp (RapportRsvp *to,
           RapportRsvp *from)
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

static void
set_counts (RapportRsvpList          *self,
            const RapportEventCounts *counts)
{
  RapportEventCounts old = self->counts;

  self->counts = *counts;

#define NOTIFY_IF(field, prop) \
  if (old.field != counts->field) \
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);

  NOTIFY_IF (capacity, PROP_CAPACITY)
  NOTIFY_IF (going, PROP_GOING)
  NOTIFY_IF (checked_in, PROP_CHECKED_IN)
  NOTIFY_IF (waitlisted, PROP_WAITLISTED)
  NOTIFY_IF (maybe, PROP_MAYBE)
  NOTIFY_IF (declined, PROP_DECLINED)
  NOTIFY_IF (offered, PROP_OFFERED)

#undef NOTIFY_IF

  if (rapport_event_counts_get_show_up_rate (&old) != rapport_event_counts_get_show_up_rate (counts))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_UP_RATE]);
}

/**
 * rapport_rsvp_list_reload:
 *
 * Reads the rows and counters again. The list does this by itself when the
 * store announces a change to its event.
 */
gboolean
rapport_rsvp_list_reload (RapportRsvpList  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  RapportEventCounts counts;

  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), FALSE);

  rows = rapport_events_list_rsvps (self->store, self->event_id, self->status_filter, error);
  if (rows == NULL)
    return FALSE;

  if (!rapport_events_get_counts (self->store, self->event_id, &counts, NULL))
    memset (&counts, 0, sizeof counts);

  if (same_rows (self->items, rows))
    {
      for (guint i = 0; i < rows->len; i++)
        copy_rsvp (g_ptr_array_index (self->items, i), g_ptr_array_index (rows, i));
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

  set_counts (self, &counts);
  return TRUE;
}

static void
reload (RapportRsvpList *self)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_rsvp_list_reload (self, &error))
    g_warning ("Could not reload the RSVPs of event %" G_GINT64_FORMAT ": %s",
               self->event_id, error->message);
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportRsvpList   *self)
{
  /* Connected for events: this event's RSVPs and counters changed. */
  if (kind == RAPPORT_CHANGE_RELOAD || row_id == self->event_id)
    reload (self);
}

static void
on_members_changed_cb (RapportStore      *store,
                       const char        *table,
                       gint64             row_id,
                       RapportChangeKind  kind,
                       RapportRsvpList   *self)
{
  /* A removed member takes their RSVPs along; an import renames many. An
   * update is told apart by ::member-changed. */
  if (kind == RAPPORT_CHANGE_DELETED || kind == RAPPORT_CHANGE_RELOAD)
    reload (self);
}

static void
on_member_changed_cb (RapportStore         *store,
                      gint64                member_id,
                      RapportMemberChanges  changes,
                      RapportRsvpList      *self)
{
  /* The rows show names and emails, not scores or stages. */
  if (changes & (RAPPORT_MEMBER_CHANGED_NAME | RAPPORT_MEMBER_CHANGED_CONTACT))
    reload (self);
}

static void
rapport_rsvp_list_constructed (GObject *object)
{
  RapportRsvpList *self = RAPPORT_RSVP_LIST (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (rapport_rsvp_list_parent_class)->constructed (object);

  g_return_if_fail (RAPPORT_IS_STORE (self->store));

  g_signal_connect (self->store, "changed::events", G_CALLBACK (on_store_changed_cb), self);
  g_signal_connect (self->store, "changed::members", G_CALLBACK (on_members_changed_cb), self);
  g_signal_connect (self->store, "member-changed", G_CALLBACK (on_member_changed_cb), self);
  if (!rapport_rsvp_list_reload (self, &error))
    g_warning ("Could not load the RSVPs of event %" G_GINT64_FORMAT ": %s",
               self->event_id, error->message);
}

static void
rapport_rsvp_list_dispose (GObject *object)
{
  RapportRsvpList *self = RAPPORT_RSVP_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_rsvp_list_parent_class)->dispose (object);
}

static void
rapport_rsvp_list_finalize (GObject *object)
{
  RapportRsvpList *self = RAPPORT_RSVP_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->status_filter, g_free);

  G_OBJECT_CLASS (rapport_rsvp_list_parent_class)->finalize (object);
}

static void
rapport_rsvp_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportRsvpList *self = RAPPORT_RSVP_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status_filter);
      break;

    case PROP_CAPACITY:
      g_value_set_int64 (value, self->counts.capacity);
      break;

    case PROP_GOING:
      g_value_set_int64 (value, self->counts.going);
      break;

    case PROP_CHECKED_IN:
      g_value_set_int64 (value, self->counts.checked_in);
      break;

    case PROP_WAITLISTED:
      g_value_set_int64 (value, self->counts.waitlisted);
      break;

    case PROP_MAYBE:
      g_value_set_int64 (value, self->counts.maybe);
      break;

    case PROP_DECLINED:
      g_value_set_int64 (value, self->counts.declined);
      break;

    case PROP_OFFERED:
      g_value_set_int64 (value, self->counts.offered);
      break;

    case PROP_SHOW_UP_RATE:
      g_value_set_double (value, rapport_event_counts_get_show_up_rate (&self->counts));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_rsvp_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportRsvpList *self = RAPPORT_RSVP_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      break;

    case PROP_STATUS_FILTER:
      rapport_rsvp_list_set_status_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
counter (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
rapport_rsvp_list_class_init (RapportRsvpListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_rsvp_list_constructed;
  object_class->dispose = rapport_rsvp_list_dispose;
  object_class->finalize = rapport_rsvp_list_finalize;
  object_class->get_property = rapport_rsvp_list_get_property;
  object_class->set_property = rapport_rsvp_list_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* One RSVP status, or NULL for every RSVP. */
  properties [PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Places, or -1 for no limit. The counters count people, not parties. */
  properties [PROP_CAPACITY] = counter ("capacity");
  properties [PROP_GOING] = counter ("going");
  properties [PROP_CHECKED_IN] = counter ("checked-in");
  properties [PROP_WAITLISTED] = counter ("waitlisted");
  properties [PROP_MAYBE] = counter ("maybe");
  properties [PROP_DECLINED] = counter ("declined");
  properties [PROP_OFFERED] = counter ("offered");

  properties [PROP_SHOW_UP_RATE] =
    g_param_spec_double ("show-up-rate", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_rsvp_list_init (RapportRsvpList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->counts.capacity = -1;
}

RapportRsvpList *
rapport_rsvp_list_new (RapportStore *store,
                       gint64        event_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_RSVP_LIST,
                       "store", store,
                       "event-id", event_id,
                       NULL);
}

RapportStore *
rapport_rsvp_list_get_store (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), NULL);

  return self->store;
}

gint64
rapport_rsvp_list_get_event_id (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), 0);

  return self->event_id;
}

const char *
rapport_rsvp_list_get_status_filter (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), NULL);

  return self->status_filter;
}

void
rapport_rsvp_list_set_status_filter (RapportRsvpList *self,
                                     const char      *status)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RAPPORT_IS_RSVP_LIST (self));
  g_return_if_fail (status == NULL || rapport_rsvp_status_is_valid (status));

  if (g_strcmp0 (self->status_filter, status) == 0)
    return;

  g_free (self->status_filter);
  self->status_filter = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS_FILTER]);

  /* Before construction the store is not there yet; constructed() loads. */
  if (self->store != NULL && !rapport_rsvp_list_reload (self, &error))
    g_warning ("Could not filter the RSVPs of event %" G_GINT64_FORMAT ": %s",
               self->event_id, error->message);
}

gint64
rapport_rsvp_list_get_capacity (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), -1);

  return self->counts.capacity;
}

gint64
rapport_rsvp_list_get_going (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), 0);

  return self->counts.going;
}

gint64
rapport_rsvp_list_get_checked_in (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), 0);

  return self->counts.checked_in;
}

gint64
rapport_rsvp_list_get_waitlisted (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), 0);

  return self->counts.waitlisted;
}

double
rapport_rsvp_list_get_show_up_rate (RapportRsvpList *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), 0.0);

  return rapport_event_counts_get_show_up_rate (&self->counts);
}

gboolean
rapport_rsvp_list_find (RapportRsvpList *self,
                        gint64           rsvp_id,
                        guint           *position)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (rapport_rsvp_get_id (g_ptr_array_index (self->items, i)) == rsvp_id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}
