/* rapport-member-io.c
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

/* What member import (rapport-member-import.c) and export
 * (rapport-member-export.c) share: progress reports at a bounded rate, and
 * running either in a worker thread with progress sent to the caller's main
 * context. */

#define G_LOG_DOMAIN "rapport-member-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-member-io-private.h"
#include "rapport-store-private.h"

/* At most this often a progress report, so a UI redraws ~20 times a second. */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 20)

void
_rapport_member_io_progress_report (RapportMemberIoProgress *progress,
                                    guint64                  done,
                                    guint64                  total,
                                    gboolean                 force)
{
  gint64 now;

  if (progress == NULL || progress->func == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - progress->last < PROGRESS_INTERVAL)
    return;

  progress->last = now;
  progress->func (done, total, progress->data);
}

/* Async: the work runs in a thread on its own connection; progress hops to
 * the caller's main context. */

typedef struct
{
  GTask               *task;
  RapportProgressFunc  func;
  gpointer             data;
  guint64              done;
  guint64              total;
} ProgressMessage;

static void
progress_message_free (gpointer data)
{
  ProgressMessage *message = data;

  g_object_unref (message->task);
  g_free (message);
}

static gboolean
deliver_progress_cb (gpointer data)
{
  ProgressMessage *message = data;

  /* A report that arrives after the result would reach a caller that may
   * have freed what it passed as progress data. */
  if (!g_task_get_completed (message->task))
    message->func (message->done, message->total, message->data);

  return G_SOURCE_REMOVE;
}

void
_rapport_member_io_send_progress_cb (guint64  done,
                                     guint64  total,
                                     gpointer user_data)
{
  RapportMemberIoAsyncProgress *async = user_data;
  g_autoptr(GSource) source = NULL;
  ProgressMessage *message;

  message = g_new0 (ProgressMessage, 1);
  message->task = g_object_ref (async->task);
  message->func = async->func;
  message->data = async->data;
  message->done = done;
  message->total = total;

  /* An idle source, not g_main_context_invoke(): that runs the function
   * right here when this thread manages to acquire the context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, message, progress_message_free);
  g_source_set_static_name (source, "[rapport] import/export progress");
  g_source_attach (source, async->context);
}

static void
async_data_free (gpointer data)
{
  RapportMemberIoAsyncData *async = data;

  g_clear_object (&async->file);
  g_clear_pointer (&async->progress.context, g_main_context_unref);
  g_free (async);
}

static RapportMemberIoAsyncData *
async_data_new (GFile               *file,
                RapportProgressFunc  progress,
                gpointer             progress_data,
                GTask               *task)
{
  RapportMemberIoAsyncData *async = g_new0 (RapportMemberIoAsyncData, 1);

  async->file = g_object_ref (file);
  async->progress.context = g_main_context_ref_thread_default ();
  async->progress.func = progress;
  async->progress.data = progress_data;
  async->progress.task = task;

  return async;
}

/* Starts CSV work in a worker thread for a task on @store. A cancellation
 * that comes after the work is done (an import committed) does not undo
 * it, so the task does not check its cancellable once the work returns. */
void
_rapport_member_io_run_csv_task (RapportStore          *store,
                                 GFile                 *file,
                                 RapportProgressFunc    progress,
                                 gpointer               progress_data,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data,
                                 gpointer               source_tag,
                                 RapportWorkerFunc      worker,
                                 RapportWorkerDoneFunc  done)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  _rapport_store_run_worker (store, task, worker,
                             async_data_new (file, progress, progress_data, task), async_data_free,
                             done, g_free);
}
