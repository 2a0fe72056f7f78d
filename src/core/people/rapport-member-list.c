/* rapport-member-list.c
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

#define G_LOG_DOMAIN "rapport-member-list"

#include "config.h"

#include "rapport-enums.h"
#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-store.h"

/* A GListModel over a member query that holds only the ordered ids (8 bytes a
 * member) and builds a RapportMember when a view asks for a row. Queries run
 * in a worker thread on their own connection; the result is diffed against
 * the current ids so views get the smallest items-changed.
 *
 * A limit keeps the rows past it out of the model for a while, though their
 * ids are known: GTK 4.8's list views make a widget for each of the first
 * 200 rows whatever their height, and a window's first frame shows a
 * screenful. */

#define CACHE_LIMIT 2048
#define RELOAD_DELAY_MS 30

struct _RapportMemberList
{
  GObject            parent_instance;

  RapportStore      *store;
  GArray            *ids;
  GHashTable        *cache;

  char              *search_text;
  RapportMemberSort  sort;
  gboolean           descending;
  gint64             stage_id;
  char              *tag;
  char              *organization;
  int                level;

  /* G_MAXUINT: every match is a row. */
  guint              limit;

  GCancellable      *cancellable;
  guint              reload_source;
  guint              loading : 1;
};

typedef struct
{
  char              *path;
  char              *text;
  char              *tag;
  char              *organization;
  RapportMemberQuery query;
} QueryData;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportMemberList, rapport_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_STAGE_ID,
  PROP_TAG,
  PROP_ORGANIZATION,
  PROP_LEVEL,
  PROP_LOADING,
  PROP_N_ITEMS,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The rows: the matches up to the limit. */
static inline guint
n_rows (RapportMemberList *self)
{
  return MIN (self->ids->len, self->limit);
}

/* Among every match, shown or past the limit. */
static gboolean
find_match (RapportMemberList *self,
            gint64             member_id,
            guint             *position)
{
  const gint64 *ids = (const gint64 *) (gpointer) self->ids->data;

  /* A linear scan: half a millisecond over a million ids, and no index to
   * keep in step with every reload. */
  for (guint i = 0; i < self->ids->len; i++)
    {
      if (ids[i] == member_id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static GType
rapport_member_list_get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_MEMBER;
}

static guint
rapport_member_list_get_n_items (GListModel *model)
{
  return n_rows (RAPPORT_MEMBER_LIST (model));
}

static gpointer
rapport_member_list_get_item (GListModel *model,
                              guint       position)
{
  RapportMemberList *self = RAPPORT_MEMBER_LIST (model);
  g_autoptr(GError) error = NULL;
  RapportMember *member;
  gint64 id;

  if (position >= n_rows (self))
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  member = g_hash_table_lookup (self->cache, &id);
  if (member != NULL)
    return g_object_ref (member);

  member = rapport_store_get_member (self->store, id, &error);
  if (member == NULL)
    {
      /* Deleted by another connection since the ids were read: show an
       * empty row until the reload that is surely on its way. */
      g_debug ("Member %" G_GINT64_FORMAT " vanished: %s", id, error->message);
      member = rapport_member_new ();
    }

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (member));

  return member;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_member_list_get_item_type;
  iface->get_n_items = rapport_member_list_get_n_items;
  iface->get_item = rapport_member_list_get_item;
}

static void
query_data_free (gpointer data)
{
  QueryData *q = data;

  g_free (q->path);
  g_free (q->text);
  g_free (q->tag);
  g_free (q->organization);
  g_free (q);
}

static QueryData *
query_data_new (RapportMemberList *self)
{
  QueryData *q = g_new0 (QueryData, 1);

  q->path = g_strdup (rapport_store_get_path (self->store));
  q->text = g_strdup (self->search_text);
  q->tag = g_strdup (self->tag);
  q->organization = g_strdup (self->organization);
  q->query.text = q->text;
  q->query.tag = q->tag;
  q->query.organization = q->organization;
  q->query.sort = self->sort;
  q->query.descending = self->descending;
  q->query.stage_id = self->stage_id;
  q->query.level = self->level;

  return q;
}

static void
set_loading (RapportMemberList *self,
             gboolean           loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
apply_ids (RapportMemberList *self,
           GArray            *ids)
{
  const gint64 *old = (const gint64 *) (gpointer) self->ids->data;
  const gint64 *new = (const gint64 *) (gpointer) ids->data;
  guint old_matches = self->ids->len;
  guint old_len = n_rows (self);
  guint new_len = MIN (ids->len, self->limit);
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old_len && prefix < new_len && old[prefix] == new[prefix])
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         old[old_len - 1 - suffix] == new[new_len - 1 - suffix])
    suffix++;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix,
                                new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  if (old_matches != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *q = task_data;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  store = rapport_store_new_worker (q->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ids = rapport_store_query_member_ids (store, &q->query, &error);
  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  RapportMemberList *self = RAPPORT_MEMBER_LIST (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list members: %s", error->message);
          set_loading (self, FALSE);
        }
      return;
    }

  apply_ids (self, ids);
  set_loading (self, FALSE);
}

/**
 * rapport_member_list_reload:
 *
 * Runs the query again in a worker thread; a reload already under way is
 * cancelled. Rows change when the result arrives.
 */
void
rapport_member_list_reload (RapportMemberList *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, query_cb, NULL);
  g_task_set_source_tag (task, rapport_member_list_reload);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, query_data_new (self), query_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

/**
 * rapport_member_list_reload_sync:
 *
 * Runs the query on the calling thread, on the main connection. For the
 * command line and for tests.
 */
gboolean
rapport_member_list_reload_sync (RapportMemberList  *self,
                                 GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  QueryData *q;

  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), FALSE);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  q = query_data_new (self);
  ids = rapport_store_query_member_ids (self->store, &q->query, error);
  query_data_free (q);
  if (ids == NULL)
    return FALSE;

  apply_ids (self, ids);
  set_loading (self, FALSE);
  return TRUE;
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  RapportMemberList *self = user_data;

  self->reload_source = 0;
  rapport_member_list_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (RapportMemberList *self)
{
  /* Typing and bursts of changes coalesce into one query. */
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
on_store_changed_cb (RapportMemberList *self,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportStore      *store)
{
  guint position;

  if (kind == RAPPORT_CHANGE_RELOAD)
    {
      g_hash_table_remove_all (self->cache);
      queue_reload (self);
      return;
    }

  switch (kind)
    {
    case RAPPORT_CHANGE_DELETED:
      g_hash_table_remove (self->cache, &row_id);
      if (find_match (self, row_id, &position))
        {
          guint rows = n_rows (self);

          g_array_remove_index (self->ids, position);
          /* Past the limit, a match moves up into the last row. */
          if (position < rows && n_rows (self) == rows)
            g_list_model_items_changed (G_LIST_MODEL (self), position, rows - position, rows - position);
          else if (position < rows)
            g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
          if (n_rows (self) != rows)
            g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
        }
      break;

    case RAPPORT_CHANGE_UPDATED:
      g_hash_table_remove (self->cache, &row_id);
      if (rapport_member_list_find (self, row_id, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      /* The change may move the row or take it out of the filter. */
      queue_reload (self);
      break;

    case RAPPORT_CHANGE_INSERTED:
    case RAPPORT_CHANGE_RELOAD:
    default:
      queue_reload (self);
      break;
    }
}

static void
rapport_member_list_dispose (GObject *object)
{
  RapportMemberList *self = (RapportMemberList *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_member_list_parent_class)->dispose (object);
}

static void
rapport_member_list_finalize (GObject *object)
{
  RapportMemberList *self = (RapportMemberList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->organization, g_free);

  G_OBJECT_CLASS (rapport_member_list_parent_class)->finalize (object);
}

static void
rapport_member_list_constructed (GObject *object)
{
  RapportMemberList *self = (RapportMemberList *)object;

  G_OBJECT_CLASS (rapport_member_list_parent_class)->constructed (object);

  /* Only members: a reload of content or events leaves the list alone. */
  g_signal_connect_object (self->store, "changed::members", G_CALLBACK (on_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
rapport_member_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportMemberList *self = RAPPORT_MEMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, n_rows (self));
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportMemberList *self = RAPPORT_MEMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH_TEXT:
      rapport_member_list_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_SORT:
      rapport_member_list_set_sort (self, g_value_get_enum (value), self->descending);
      break;

    case PROP_DESCENDING:
      rapport_member_list_set_sort (self, self->sort, g_value_get_boolean (value));
      break;

    case PROP_STAGE_ID:
      rapport_member_list_set_stage_id (self, g_value_get_int64 (value));
      break;

    case PROP_TAG:
      rapport_member_list_set_tag (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      rapport_member_list_set_organization (self, g_value_get_string (value));
      break;

    case PROP_LEVEL:
      rapport_member_list_set_level (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_list_class_init (RapportMemberListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_member_list_constructed;
  object_class->dispose = rapport_member_list_dispose;
  object_class->finalize = rapport_member_list_finalize;
  object_class->get_property = rapport_member_list_get_property;
  object_class->set_property = rapport_member_list_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       RAPPORT_TYPE_MEMBER_SORT,
                       RAPPORT_MEMBER_SORT_NAME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL,
                      0, 4, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* What the query selected, the rows past the limit too. */
  properties [PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_member_list_init (RapportMemberList *self)
{
  self->limit = G_MAXUINT;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

RapportMemberList *
rapport_member_list_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_MEMBER_LIST, "store", store, NULL);
}

RapportStore *
rapport_member_list_get_store (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), NULL);

  return self->store;
}

const char *
rapport_member_list_get_search_text (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), NULL);

  return self->search_text;
}

static gboolean
replace_string (char       **ptr,
                const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

void
rapport_member_list_set_search_text (RapportMemberList *self,
                                     const char        *text)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));

  if (replace_string (&self->search_text, text))
    {
      queue_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_TEXT]);
    }
}

RapportMemberSort
rapport_member_list_get_sort (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), 0);

  return self->sort;
}

gboolean
rapport_member_list_get_descending (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), FALSE);

  return self->descending;
}

void
rapport_member_list_set_sort (RapportMemberList *self,
                              RapportMemberSort  sort,
                              gboolean           descending)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->sort != sort)
    {
      self->sort = sort;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORT]);
    }
  if (self->descending != descending)
    {
      self->descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCENDING]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  queue_reload (self);
}

gint64
rapport_member_list_get_stage_id (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), 0);

  return self->stage_id;
}

void
rapport_member_list_set_stage_id (RapportMemberList *self,
                                  gint64             stage_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));

  if (self->stage_id == stage_id)
    return;

  self->stage_id = stage_id;
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_ID]);
}

const char *
rapport_member_list_get_tag (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), NULL);

  return self->tag;
}

void
rapport_member_list_set_tag (RapportMemberList *self,
                             const char        *tag)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));

  if (replace_string (&self->tag, tag))
    {
      queue_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAG]);
    }
}

const char *
rapport_member_list_get_organization (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), NULL);

  return self->organization;
}

void
rapport_member_list_set_organization (RapportMemberList *self,
                                      const char        *organization)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));

  if (replace_string (&self->organization, organization))
    {
      queue_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANIZATION]);
    }
}

int
rapport_member_list_get_level (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), 0);

  return self->level;
}

/**
 * rapport_member_list_set_level:
 * @level: an engagement level, 1–4, or 0 for any
 */
void
rapport_member_list_set_level (RapportMemberList *self,
                               int                level)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));
  g_return_if_fail (level >= 0 && level <= 4);

  if (self->level == level)
    return;

  self->level = level;
  queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL]);
}

gboolean
rapport_member_list_get_loading (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), FALSE);

  return self->loading;
}

/**
 * rapport_member_list_get_id:
 *
 * Returns: the member id at @position without building the member, or 0
 */
gint64
rapport_member_list_get_id (RapportMemberList *self,
                            guint              position)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), 0);

  if (position >= n_rows (self))
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * rapport_member_list_find:
 * @position: (out) (optional): where the member is
 *
 * Returns: %TRUE if the list shows @member_id
 */
gboolean
rapport_member_list_find (RapportMemberList *self,
                          gint64             member_id,
                          guint             *position)
{
  guint found;

  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), FALSE);

  if (!find_match (self, member_id, &found) || found >= n_rows (self))
    return FALSE;

  if (position != NULL)
    *position = found;
  return TRUE;
}

/**
 * rapport_member_list_get_n_matches:
 *
 * Returns: how many members the query selected, the ones past the limit
 *   too
 */
guint
rapport_member_list_get_n_matches (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), 0);

  return self->ids->len;
}

guint
rapport_member_list_get_limit (RapportMemberList *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_LIST (self), G_MAXUINT);

  return self->limit;
}

/**
 * rapport_member_list_set_limit:
 * @limit: how many rows the list has at most, or %G_MAXUINT for all
 *
 * Keeps the matches past @limit out of the model, without querying again:
 * raising the limit adds them as rows at once.
 */
void
rapport_member_list_set_limit (RapportMemberList *self,
                               guint              limit)
{
  guint before, after;

  g_return_if_fail (RAPPORT_IS_MEMBER_LIST (self));
  g_return_if_fail (limit > 0);

  if (self->limit == limit)
    return;

  before = n_rows (self);
  self->limit = limit;
  after = n_rows (self);

  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  else if (after < before)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
  if (after != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}
