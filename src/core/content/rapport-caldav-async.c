/* rapport-caldav-async.c
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

#define G_LOG_DOMAIN "rapport-caldav"

#include "config.h"

#include <string.h>

#include "rapport-caldav-private.h"
#include "rapport-caldav.h"
#include "rapport-store-private.h"

/* The CalDAV calls that wait on the network, in a worker thread on a
 * connection of their own: connecting (and creating the calendar first)
 * and syncing. Each completes on the caller's thread, where the caller's
 * store announces what the worker changed. */

/* ---- Connecting ------------------------------------------------------- */

typedef struct
{
  char *url;
  char *username;
  char *password;
  char *create_name;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_free (data->url);
  g_free (data->username);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data->create_name);
  g_free (data);
}

static gpointer
connect_worker (RapportStore  *worker,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ConnectData *data = user_data;
  g_autofree gboolean *moved = g_new0 (gboolean, 1);

  if (data->create_name != NULL &&
      !rapport_caldav_create_calendar (data->url, data->username, data->password, data->create_name,
                                       cancellable, error))
    return NULL;
  if (!_rapport_caldav_connect_account (worker, data->url, data->username, data->password, moved,
                                        cancellable, error))
    return NULL;

  return g_steal_pointer (&moved);
}

/* Back on the caller's thread: the worker's connection told nobody. */
static void
on_connect_done (GTask    *task,
                 gpointer  result,
                 gpointer  data)
{
  g_autofree gboolean *moved = result;

  _rapport_caldav_announce_connected (g_task_get_source_object (task), *moved);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_caldav_connect_async:
 * @url: the calendar collection
 * @password: stored in the Secret Service only
 * @create_name: (nullable): when set, a calendar of this name is first
 *   created at @url, as rapport_caldav_create_calendar() does
 *
 * Like rapport_caldav_connect(), in a worker thread with its own database
 * connection. When it succeeds "content_caldav" is announced as updated on
 * @store, on the caller's thread, before @callback runs, and on another
 * collection than before "content_items" as reloaded. Without a calendar
 * at @url the error is %G_IO_ERROR_NOT_FOUND.
 */
void
rapport_caldav_connect_async (RapportStore        *store,
                              const char          *url,
                              const char          *username,
                              const char          *password,
                              const char          *create_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ConnectData *data;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (url != NULL && username != NULL && password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_caldav_connect_async);

  data = g_new0 (ConnectData, 1);
  data->url = g_strdup (url);
  data->username = g_strdup (username);
  data->password = g_strdup (password);
  data->create_name = g_strdup (create_name);
  _rapport_store_run_worker (store, task, connect_worker, data, (GDestroyNotify) connect_data_free,
                             on_connect_done, g_free);
}

gboolean
rapport_caldav_connect_finish (RapportStore  *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_caldav_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Syncing ---------------------------------------------------------- */

/* Owned by the caller's task, which outlives the worker's use of it and
 * is finalized on the caller's thread, where @progress_data is freed. */
typedef struct
{
  GTask               *task;
  RapportProgressFunc  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_data_free;
  GMainContext        *context;
  RapportCaldavStats   stats;
} SyncData;

static void
sync_data_free (SyncData *data)
{
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  SyncData *data;
  GTask    *task;
  guint64   done;
  guint64   total;
} ProgressReport;

static gboolean
report_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->data->progress (report->done, report->total, report->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report);
}

/* Runs in the worker: hands the figures to the caller's main context. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  SyncData *data = user_data;
  ProgressReport *report;
  g_autoptr(GSource) source = NULL;

  if (data->progress == NULL)
    return;

  report = g_new0 (ProgressReport, 1);
  report->data = data;
  report->task = g_object_ref (data->task);
  report->done = done;
  report->total = total;

  source = g_idle_source_new ();
  g_source_set_callback (source, report_progress_cb, report, (GDestroyNotify) progress_report_free);
  g_source_set_static_name (source, "[rapport] caldav progress");
  g_source_attach (source, data->context);
}

static gpointer
sync_worker (RapportStore  *worker,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  SyncData *data = user_data;

  if (!rapport_caldav_sync (worker, cancellable, forward_progress, data, &data->stats, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
on_sync_done (GTask    *task,
              gpointer  result,
              gpointer  data)
{
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_caldav_sync_async:
 * @progress: (nullable): called on the calling thread's main context
 *
 * Syncs in a worker thread with its own database connection. When it is
 * done the store emits "changed" for content_items with
 * %RAPPORT_CHANGE_RELOAD.
 */
void
rapport_caldav_sync_async (RapportStore        *store,
                           GCancellable        *cancellable,
                           RapportProgressFunc  progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_data_free,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncData *data;

  g_return_if_fail (RAPPORT_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_caldav_sync_async);

  data = g_new0 (SyncData, 1);
  data->task = task;
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) sync_data_free);

  /* The worker borrows @data: the caller's task keeps it until the
   * worker is done. */
  _rapport_store_run_worker (store, task, sync_worker, data, NULL, on_sync_done, NULL);
}

gboolean
rapport_caldav_sync_finish (RapportStore        *store,
                            GAsyncResult        *result,
                            RapportCaldavStats  *stats,
                            GError             **error)
{
  SyncData *data;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  /* Pulls and deletions may have happened even when it failed halfway. */
  rapport_store_emit_changed (store, "content_items", 0, RAPPORT_CHANGE_RELOAD);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = data->stats;
  return TRUE;
}
