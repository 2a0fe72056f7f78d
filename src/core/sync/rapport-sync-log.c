/* rapport-sync-log.c
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

#define G_LOG_DOMAIN "rapport-sync-log"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-store-private.h"
#include "rapport-sync-log.h"

struct _RapportSyncLogEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   account_id;
  char    *direction;
  gint64   started_at;
  gint64   finished_at;
  char    *status;
  gint64   records;
  gint64   pages;
  gint64   created;
  gint64   updated;
  gint64   failed;
  char    *error;
};

G_DEFINE_FINAL_TYPE (RapportSyncLogEntry, rapport_sync_log_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_DIRECTION,
  PROP_STARTED_AT,
  PROP_FINISHED_AT,
  PROP_STATUS,
  PROP_RECORDS,
  PROP_PAGES,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_FAILED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_sync_log_entry_finalize (GObject *object)
{
  RapportSyncLogEntry *self = (RapportSyncLogEntry *)object;

  g_clear_pointer (&self->direction, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rapport_sync_log_entry_parent_class)->finalize (object);
}

static void
rapport_sync_log_entry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportSyncLogEntry *self = RAPPORT_SYNC_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_DIRECTION:
      g_value_set_string (value, self->direction);
      break;
    case PROP_STARTED_AT:
      g_value_set_int64 (value, self->started_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_int64 (value, self->finished_at);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_RECORDS:
      g_value_set_int64 (value, self->records);
      break;
    case PROP_PAGES:
      g_value_set_int64 (value, self->pages);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_FAILED:
      g_value_set_int64 (value, self->failed);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_sync_log_entry_class_init (RapportSyncLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_sync_log_entry_finalize;
  object_class->get_property = rapport_sync_log_entry_get_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_DIRECTION] = g_param_spec_string ("direction", NULL, NULL, NULL, flags);
  properties [PROP_STARTED_AT] = g_param_spec_int64 ("started-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_FINISHED_AT] = g_param_spec_int64 ("finished-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties [PROP_RECORDS] = g_param_spec_int64 ("records", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_PAGES] = g_param_spec_int64 ("pages", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_FAILED] = g_param_spec_int64 ("failed", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_sync_log_entry_init (RapportSyncLogEntry *self)
{
}

gint64
rapport_sync_log_entry_get_id (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->id;
}

gint64
rapport_sync_log_entry_get_account_id (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->account_id;
}

/**
 * rapport_sync_log_entry_get_direction:
 *
 * Returns: "pull", "push" or "both"
 */
const char *
rapport_sync_log_entry_get_direction (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->direction;
}

gint64
rapport_sync_log_entry_get_started_at (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->started_at;
}

/**
 * rapport_sync_log_entry_get_finished_at:
 *
 * Returns: Unix time, or 0 while the run goes on (or when it was killed)
 */
gint64
rapport_sync_log_entry_get_finished_at (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->finished_at;
}

/**
 * rapport_sync_log_entry_get_status:
 *
 * Returns: "running", "ok", "partial", "failed" or "cancelled"
 */
const char *
rapport_sync_log_entry_get_status (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->status;
}

gint64
rapport_sync_log_entry_get_records (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->records;
}

gint64
rapport_sync_log_entry_get_pages (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->pages;
}

gint64
rapport_sync_log_entry_get_created (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->created;
}

gint64
rapport_sync_log_entry_get_updated (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->updated;
}

gint64
rapport_sync_log_entry_get_failed (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), 0);
  return self->failed;
}

/**
 * rapport_sync_log_entry_get_error:
 *
 * Returns: (nullable): why the run failed, or which records the platform
 *   refused
 */
const char *
rapport_sync_log_entry_get_error (RapportSyncLogEntry *self)
{
  g_return_val_if_fail (RAPPORT_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->error;
}

/**
 * rapport_sync_log_load:
 * @account_id: an account, or 0 for every account
 * @limit: the most entries to return
 *
 * Returns: (transfer full): a #GListModel of #RapportSyncLogEntry, newest
 *   first, or %NULL with @error set
 */
GListModel *
rapport_sync_log_load (RapportStore  *store,
                       gint64         account_id,
                       guint          limit,
                       GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GListStore) entries = g_list_store_new (RAPPORT_TYPE_SYNC_LOG_ENTRY);
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT id, account_id, direction, started_at, finished_at, status, "
                                 "       records, pages, created, updated, failed, error "
                                 "  FROM sync_log WHERE ?1 = 0 OR account_id = ?1 "
                                 " ORDER BY id DESC LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapportSyncLogEntry) entry = g_object_new (RAPPORT_TYPE_SYNC_LOG_ENTRY, NULL);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->account_id = sqlite3_column_int64 (stmt, 1);
      entry->direction = g_strdup (_rapport_column_text (stmt, 2));
      entry->started_at = sqlite3_column_int64 (stmt, 3);
      entry->finished_at = sqlite3_column_int64 (stmt, 4);
      entry->status = g_strdup (_rapport_column_text (stmt, 5));
      entry->records = sqlite3_column_int64 (stmt, 6);
      entry->pages = sqlite3_column_int64 (stmt, 7);
      entry->created = sqlite3_column_int64 (stmt, 8);
      entry->updated = sqlite3_column_int64 (stmt, 9);
      entry->failed = sqlite3_column_int64 (stmt, 10);
      entry->error = g_strdup (_rapport_column_text (stmt, 11));
      g_list_store_append (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&entries));
}
