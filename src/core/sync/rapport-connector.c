/* rapport-connector.c
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

#define G_LOG_DOMAIN "rapport-connector"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-connector.h"
#include "rapport-hubspot.h"
#include "rapport-platform.h"
#include "rapport-store-private.h"

/* A run keeps this many failure reasons; the counts stay exact beyond it. */
#define MAX_FAILURES 100

G_DEFINE_QUARK (rapport-sync-error-quark, rapport_sync_error)

G_DEFINE_INTERFACE (RapportConnector, rapport_connector, G_TYPE_OBJECT)

static gboolean
rapport_connector_real_prepare (RapportConnector      *self,
                                RapportSyncRun        *run,
                                RapportSyncDirection   direction,
                                GError               **error)
{
  return TRUE;
}

static guint
rapport_connector_real_get_rate_window (RapportConnector *self)
{
  return 10;
}

static void
rapport_connector_default_init (RapportConnectorInterface *iface)
{
  iface->prepare = rapport_connector_real_prepare;
  iface->get_rate_window = rapport_connector_real_get_rate_window;
}

void
rapport_sync_run_add_failure (RapportSyncRun *run,
                              const char     *who,
                              const char     *why)
{
  g_return_if_fail (run != NULL);

  run->failed++;
  if (run->failures != NULL && run->failures->len < MAX_FAILURES)
    g_ptr_array_add (run->failures, g_strdup_printf ("%s: %s", who, why));
}

/**
 * rapport_sync_run_get_state:
 * @key: a stream's cursor, or another value the run keeps for its account
 *
 * Returns: (transfer full) (nullable): the value kept under @key
 */
char *
rapport_sync_run_get_state (RapportSyncRun  *run,
                            const char      *key,
                            GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (run != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _rapport_store_prepare (run->store,
                                 "SELECT cursor FROM sync_state WHERE account_id = ? AND stream = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run->account_id);
  _rapport_bind_text (stmt, 2, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup (_rapport_column_text (stmt, 0));

  return NULL;
}

/**
 * rapport_sync_run_set_state:
 * @value: (nullable): what to keep under @key; %NULL forgets it
 *
 * Keeps @value for the run's account, in the transaction that is open.
 */
gboolean
rapport_sync_run_set_state (RapportSyncRun  *run,
                            const char      *key,
                            const char      *value,
                            GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value != NULL)
    stmt = _rapport_store_prepare (run->store,
                                   "INSERT INTO sync_state (account_id, stream, cursor, updated_at) "
                                   "VALUES (?1, ?2, ?3, unixepoch ()) "
                                   "ON CONFLICT (account_id, stream) DO UPDATE "
                                   "SET cursor = excluded.cursor, updated_at = excluded.updated_at",
                                   error);
  else
    stmt = _rapport_store_prepare (run->store,
                                   "DELETE FROM sync_state WHERE account_id = ?1 AND stream = ?2",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->account_id);
  _rapport_bind_text (stmt, 2, key);
  if (value != NULL)
    _rapport_bind_text (stmt, 3, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (run->store, error);

  return TRUE;
}

RapportSyncPage *
rapport_sync_page_new (guint           n_records,
                       const char     *next_cursor,
                       gpointer        data,
                       GDestroyNotify  data_free)
{
  RapportSyncPage *page = g_new0 (RapportSyncPage, 1);

  page->n_records = n_records;
  page->next_cursor = g_strdup (next_cursor);
  page->data = data;
  page->data_free = data_free;

  return page;
}

void
rapport_sync_page_free (RapportSyncPage *page)
{
  if (page == NULL)
    return;

  if (page->data_free != NULL && page->data != NULL)
    page->data_free (page->data);
  g_free (page->next_cursor);
  g_free (page);
}

/**
 * rapport_connector_list_ids:
 *
 * Returns: (transfer none): the ids of every platform Rapport can sync with,
 *   the registry's platforms with a connector
 */
const char * const *
rapport_connector_list_ids (void)
{
  static const char **ids;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const RapportPlatform * const *all = rapport_platforms_get_all ();
      GPtrArray *found = g_ptr_array_new ();

      for (guint i = 0; all[i] != NULL; i++)
        {
          if (rapport_platform_has_connector (all[i]))
            g_ptr_array_add (found, (gpointer) rapport_platform_get_id (all[i]));
        }
      g_ptr_array_add (found, NULL);
      ids = (const char **) g_ptr_array_free (found, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return (const char * const *) ids;
}

/**
 * rapport_connector_new_for_id:
 * @id: a platform id from rapport_connector_list_ids()
 *
 * Returns: (transfer full) (nullable): the platform's connector, or %NULL
 *   when Rapport knows no such platform
 */
RapportConnector *
rapport_connector_new_for_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_equal (id, "hubspot"))
    return g_object_new (RAPPORT_TYPE_HUBSPOT, NULL);

  return NULL;
}

const char *
rapport_connector_get_id (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_id (self);
}

const char *
rapport_connector_get_display_name (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_display_name (self);
}

const char *
rapport_connector_get_icon_name (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_icon_name (self);
}

RapportConnectorNeeds
rapport_connector_get_needs (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), 0);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_needs (self);
}

const char *
rapport_connector_get_default_base_url (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_default_base_url (self);
}

guint
rapport_connector_get_default_rate_limit (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), 0);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_default_rate_limit (self);
}

guint
rapport_connector_get_rate_window (RapportConnector *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), 0);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_rate_window (self);
}

/**
 * rapport_connector_get_streams:
 *
 * Returns: (transfer none): the streams of @direction, in the order they run
 */
const char * const *
rapport_connector_get_streams (RapportConnector     *self,
                               RapportSyncDirection  direction)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->get_streams (self, direction);
}

/**
 * rapport_connector_describe_stream:
 *
 * Returns: (transfer none): what @stream does, in plain words
 */
const char *
rapport_connector_describe_stream (RapportConnector *self,
                                   const char       *stream)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);
  g_return_val_if_fail (stream != NULL, NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->describe_stream (self, stream);
}

gboolean
rapport_connector_prepare (RapportConnector      *self,
                           RapportSyncRun        *run,
                           RapportSyncDirection   direction,
                           GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->prepare (self, run, direction, error);
}

/**
 * rapport_connector_fetch_page:
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
RapportSyncPage *
rapport_connector_fetch_page (RapportConnector  *self,
                              RapportSyncRun    *run,
                              const char        *stream,
                              const char        *cursor,
                              gint64             since,
                              GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), NULL);
  g_return_val_if_fail (run != NULL, NULL);
  g_return_val_if_fail (stream != NULL, NULL);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->fetch_page (self, run, stream, cursor, since, error);
}

gboolean
rapport_connector_apply_page (RapportConnector  *self,
                              RapportSyncRun    *run,
                              const char        *stream,
                              RapportSyncPage   *page,
                              GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->apply_page (self, run, stream, page, error);
}

gboolean
rapport_connector_test (RapportConnector  *self,
                        RapportSyncRun    *run,
                        GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_CONNECTOR (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  return RAPPORT_CONNECTOR_GET_IFACE (self)->test (self, run, error);
}
