/* rapport-event-io-async.c
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

/* RSVP imports and exports in a worker thread, on a connection of its own;
 * the results are announced on the caller's thread. */

#define G_LOG_DOMAIN "rapport-event-io"

#include "config.h"

#include "rapport-event-io.h"
#include "rapport-store-private.h"

typedef struct
{
  gint64                    event_id;
  GFile                    *file;
  gboolean                  mapped;
  char                     *source;
  char                     *columns[RAPPORT_EVENT_N_FIELDS];
  RapportEventExportFormat  format;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_clear_object (&job->file);
  g_free (job->source);
  for (guint i = 0; i < RAPPORT_EVENT_N_FIELDS; i++)
    g_free (job->columns[i]);
  g_free (job);
}

static void
import_result_free (RapportEventImportResult *result)
{
  rapport_event_import_result_clear (result);
  g_free (result);
}

static gpointer
import_worker (RapportStore  *worker,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  FileJob *job = data;
  g_autofree RapportEventImportResult *result = g_new0 (RapportEventImportResult, 1);
  gboolean ok;

  if (job->mapped)
    {
      RapportEventMapping mapping = { job->source, { NULL } };

      for (guint i = 0; i < RAPPORT_EVENT_N_FIELDS; i++)
        mapping.columns[i] = job->columns[i];
      ok = rapport_event_import_csv (worker, job->event_id, job->file, &mapping, result,
                                     cancellable, error);
    }
  else
    ok = rapport_event_import_file (worker, job->event_id, job->file, result, cancellable, error);

  if (!ok)
    {
      rapport_event_import_result_clear (result);
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* Back on the caller's thread: the worker's connection told nobody. */
static void
on_import_done (GTask    *task,
                gpointer  result,
                gpointer  data)
{
  RapportStore *store = g_task_get_source_object (task);
  FileJob *job = data;

  /* Members were added or matched, and the event's RSVPs changed. */
  rapport_store_emit_changed (store, "members", 0, RAPPORT_CHANGE_RELOAD);
  rapport_store_emit_changed (store, "events", job->event_id, RAPPORT_CHANGE_UPDATED);
  g_task_set_task_data (task, result, (GDestroyNotify) import_result_free);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_event_import_async:
 * @event_id: the event the RSVPs are for
 * @file: an .ics file or a CSV file
 * @mapping: (nullable): which column of a CSV file means what; %NULL
 *   imports as rapport_event_import_file() does
 *
 * Imports RSVPs in a worker thread with its own database connection, all
 * or nothing. When it succeeds, "members" is announced as reloaded and the
 * event as updated on @store, on the caller's thread, before @callback
 * runs. A cancellation that comes once the RSVPs are written does not undo
 * them.
 */
void
rapport_event_import_async (RapportStore              *store,
                            gint64                     event_id,
                            GFile                     *file,
                            const RapportEventMapping *mapping,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_event_import_async);
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (FileJob, 1);
  job->event_id = event_id;
  job->file = g_object_ref (file);
  if (mapping != NULL)
    {
      job->mapped = TRUE;
      job->source = g_strdup (mapping->source);
      for (guint i = 0; i < RAPPORT_EVENT_N_FIELDS; i++)
        job->columns[i] = g_strdup (mapping->columns[i]);
    }

  _rapport_store_run_worker (store, task, import_worker, job, (GDestroyNotify) file_job_free,
                             on_import_done, (GDestroyNotify) import_result_free);
}

/**
 * rapport_event_import_finish:
 * @result_out: (out) (optional): what the import did; free its contents
 *   with rapport_event_import_result_clear()
 *
 * Returns: whether the RSVPs were imported
 */
gboolean
rapport_event_import_finish (RapportStore              *store,
                             GAsyncResult              *result,
                             RapportEventImportResult  *result_out,
                             GError                   **error)
{
  RapportEventImportResult *done;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_event_import_async, FALSE);

  if (result_out != NULL)
    memset (result_out, 0, sizeof *result_out);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  done = g_task_get_task_data (G_TASK (result));
  if (result_out != NULL)
    {
      *result_out = *done;
      done->source = NULL;
    }
  return TRUE;
}

static gpointer
export_worker (RapportStore  *worker,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  FileJob *job = data;
  gboolean ok = FALSE;

  switch (job->format)
    {
    case RAPPORT_EVENT_EXPORT_FORMAT_CSV:
      ok = rapport_event_export_csv (worker, job->event_id, job->file, cancellable, error);
      break;

    case RAPPORT_EVENT_EXPORT_FORMAT_ICS:
      ok = rapport_event_export_ics (worker, job->event_id, job->file, cancellable, error);
      break;

    case RAPPORT_EVENT_EXPORT_FORMAT_PDF:
      ok = rapport_event_export_pdf (worker, job->event_id, job->file, cancellable, error);
      break;

    default:
      g_assert_not_reached ();
    }

  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
on_export_done (GTask    *task,
                gpointer  result,
                gpointer  data)
{
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_event_export_async:
 * @event_id: the event to export
 * @format: what to write: the attendees as CSV, the invitation as ICS or
 *   the attendee sheet as PDF
 * @file: where to write it
 *
 * Like rapport_event_export_csv(), rapport_event_export_ics() and
 * rapport_event_export_pdf(), in a worker thread with its own database
 * connection. A cancellation that comes once the file is written does not
 * undo it.
 */
void
rapport_event_export_async (RapportStore             *store,
                            gint64                    event_id,
                            RapportEventExportFormat  format,
                            GFile                    *file,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (format <= RAPPORT_EVENT_EXPORT_FORMAT_PDF);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_event_export_async);
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (FileJob, 1);
  job->event_id = event_id;
  job->file = g_object_ref (file);
  job->format = format;

  _rapport_store_run_worker (store, task, export_worker, job, (GDestroyNotify) file_job_free,
                             on_export_done, NULL);
}

/**
 * rapport_event_export_finish:
 *
 * Returns: whether the file was written
 */
gboolean
rapport_event_export_finish (RapportStore  *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_event_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
