/* rapport-worker.c
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

#define G_LOG_DOMAIN "rapport-worker"

#include "config.h"

#include "rapport-store-private.h"

/* Long work (a rescore, an import, a sync) runs in a worker thread on a
 * connection of its own. Two tasks carry it: the caller's task, which holds
 * the caller's objects and completes on the caller's thread, and a worker
 * task with no source object. The worker thread drops the last reference
 * to its task whenever it likes, so that task must not own anything that
 * belongs to the caller's thread, such as the caller's store. */

typedef struct
{
  char                  *path;
  char                  *name;
  RapportWorkerFunc      func;
  gpointer               data;
  GDestroyNotify         data_free;
  RapportWorkerDoneFunc  done;
  GDestroyNotify         result_free;
} Worker;

static void
worker_free (Worker *worker)
{
  if (worker->data_free != NULL)
    g_clear_pointer (&worker->data, worker->data_free);
  g_free (worker->path);
  g_free (worker->name);
  g_free (worker);
}

static void
worker_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Worker *worker = task_data;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  store = rapport_store_new_worker (worker->path, &error);
  if (store != NULL)
    {
      /* Behind another writer the work waits, says so, and the task's
       * cancellable stops the wait. */
      rapport_store_set_job (store, worker->name);
      rapport_store_set_cancellable (store, cancellable);
      result = worker->func (store, worker->data, cancellable, &error);
    }

  if (result == NULL)
    {
      g_assert (error != NULL);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, worker->result_free);
}

/* Back on the caller's thread. */
static void
on_worker_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Worker *worker = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer value;

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (value == NULL)
    g_task_return_error (task, error);
  else if (worker->done != NULL)
    worker->done (task, value, worker->data);
  else
    g_task_return_pointer (task, value, worker->result_free);
}

/**
 * _rapport_store_run_worker:
 * @store: the caller's store; the worker opens its own connection to the
 *   same database
 * @task: the caller's task, completed on the caller's thread
 * @func: runs in the worker thread; returns a non-%NULL result, or %NULL
 *   with the error set
 * @data: (transfer full): what @func works on
 * @data_free: (nullable): frees @data, on either thread: @data must hold
 *   nothing that belongs to the caller's thread
 * @done: (nullable): on the caller's thread, takes @func's result and
 *   completes @task; without it @task returns the result as a pointer
 * @result_free: (nullable): frees a result nobody took
 *
 * Runs @func in a worker thread. @task's cancellable stops it.
 */
void
_rapport_store_run_worker (RapportStore          *store,
                           GTask                 *task,
                           RapportWorkerFunc      func,
                           gpointer               data,
                           GDestroyNotify         data_free,
                           RapportWorkerDoneFunc  done,
                           GDestroyNotify         result_free)
{
  g_autoptr(GTask) worker_task = NULL;
  Worker *worker;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  worker = g_new0 (Worker, 1);
  worker->path = g_strdup (rapport_store_get_path (store));
  worker->name = g_strdup (g_task_get_name (task));
  worker->func = func;
  worker->data = data;
  worker->data_free = data_free;
  worker->done = done;
  worker->result_free = result_free;

  /* Whether a cancellation that comes too late still fails the work is
   * the caller's task's to say. */
  worker_task = g_task_new (NULL, g_task_get_cancellable (task), on_worker_done_cb, g_object_ref (task));
  g_task_set_source_tag (worker_task, g_task_get_source_tag (task));
  g_task_set_check_cancellable (worker_task, FALSE);
  g_task_set_task_data (worker_task, worker, (GDestroyNotify) worker_free);
  g_task_run_in_thread (worker_task, worker_thread_cb);
}
