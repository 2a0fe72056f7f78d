/* rapport-event-page-io.c
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

#define G_LOG_DOMAIN "rapport-event-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-column-mapping-dialog.h"
#include "rapport-event-io.h"
#include "rapport-event-page-private.h"
#include "rapport-events.h"
#include "rapport-store.h"
#include "rapport-util.h"

static char *
dup_file_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

/* The importer writes all or nothing; say so unless its message does. */
static char *
dup_import_error (const GError *error)
{
  const char *nothing = _("Nothing was imported.");
  g_autofree char *prefix = g_strndup (nothing, strlen (nothing) - 1);

  if (strstr (error->message, prefix) != NULL)
    return g_strdup (error->message);

  return g_strdup_printf ("%s\n\n%s", error->message, nothing);
}

/* Jobs: imports and exports, which core runs in a worker thread */

typedef enum
{
  JOB_IMPORT,
  JOB_IMPORT_MAPPED,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  RapportEventPage *self;
  JobKind           kind;
  GFile            *file;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void open_mapping_dialog (RapportEventPage *self,
                                 GFile            *file);

static void
end_job (RapportEventPage *self)
{
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->job_revealer, FALSE);
  gtk_spinner_stop (self->job_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.export", TRUE);
  _rapport_event_page_notify_busy (self);
}

static void
import_done (RapportEventPage               *self,
             Job                            *job,
             const RapportEventImportResult *r,
             GError                         *error)
{
  g_autofree char *file_name = dup_file_name (job->file);

  if (error != NULL)
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _rapport_event_page_show_toast (self, _("Import cancelled. Nothing was imported."));
          return;
        }

      if (job->kind == JOB_IMPORT && g_error_matches (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT))
        {
          open_mapping_dialog (self, job->file);
          return;
        }

      heading = g_strdup_printf (_("Could Not Import “%s”"), file_name);
      body = dup_import_error (error);
      _rapport_event_page_show_error (self, heading, body);
      return;
    }

  if (r->added == 0 && r->updated == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: a toast after importing a file again */
      title = g_strdup_printf (_("Nothing new in “%s”"), file_name);
      _rapport_event_page_show_toast (self, title);
    }
  else
    {
      g_autofree char *added = rapport_format_count (r->added);
      g_autofree char *updated = rapport_format_count (r->updated);
      g_autofree char *members = rapport_format_count (r->members_added);
      g_autofree char *title = NULL;

      /* Translators: a toast after importing RSVPs, e.g. "Imported 42 RSVPs · 3 updated · 5 new members" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %s RSVP · %s updated · %s new members",
                                            "Imported %s RSVPs · %s updated · %s new members",
                                            r->added),
                               added, updated, members);
      _rapport_event_page_show_toast (self, title);
    }
}

static void
export_done (RapportEventPage *self,
             Job              *job,
             GError           *error)
{
  g_autofree char *file_name = dup_file_name (job->file);
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _rapport_event_page_show_toast (self, _("Export cancelled"));
          return;
        }

      heading = g_strdup_printf (_("Could Not Save “%s”"), file_name);
      _rapport_event_page_show_error (self, heading, error->message);
      return;
    }

  /* Translators: a toast after an export, e.g. "Saved “attendees.csv”" */
  title = g_strdup_printf (_("Saved “%s”"), file_name);
  _rapport_event_page_show_toast (self, title);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  RapportEventPage *self = job->self;
  RapportEventImportResult r = { 0 };
  g_autoptr(GError) error = NULL;

  rapport_event_import_finish (RAPPORT_STORE (object), result, &r, &error);
  end_job (self);

  /* The page may have been closed meanwhile. */
  if (self->store != NULL)
    import_done (self, job, &r, error);
  rapport_event_import_result_clear (&r);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  RapportEventPage *self = job->self;
  g_autoptr(GError) error = NULL;

  rapport_event_export_finish (RAPPORT_STORE (object), result, &error);
  end_job (self);

  if (self->store != NULL)
    export_done (self, job, error);
}

/* Shows that @kind of work on @file is under way, and returns what its
 * callback needs. */
static Job *
begin_job (RapportEventPage *self,
           JobKind           kind,
           GFile            *file)
{
  g_autofree char *file_name = dup_file_name (file);
  g_autofree char *label = NULL;
  Job *job;

  g_assert (self->cancellable == NULL);

  if (kind == JOB_IMPORT || kind == JOB_IMPORT_MAPPED)
    label = g_strdup_printf (_("Importing “%s”…"), file_name);
  else
    label = g_strdup_printf (_("Saving “%s”…"), file_name);
  gtk_label_set_label (self->job_label, label);
  gtk_spinner_start (self->job_spinner);
  gtk_revealer_set_reveal_child (self->job_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.export", FALSE);

  self->cancellable = g_cancellable_new ();
  _rapport_event_page_notify_busy (self);

  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->kind = kind;
  job->file = g_object_ref (file);

  return job;
}

/* The column-mapping dialog */

static void
on_mapping_import_cb (RapportEventPage           *self,
                      RapportColumnMappingDialog *dialog)
{
  if (self->cancellable == NULL && self->store != NULL)
    {
      GFile *file = rapport_column_mapping_dialog_get_file (dialog);
      RapportEventMapping mapping = { NULL, { NULL } };
      Job *job;

      /* The mapping's strings belong to the dialog; the import copies them. */
      rapport_column_mapping_dialog_get_mapping (dialog, &mapping);
      job = begin_job (self, JOB_IMPORT_MAPPED, file);
      rapport_event_import_async (self->store, self->event_id, file, &mapping, self->cancellable,
                                  on_import_done_cb, job);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
open_mapping_dialog (RapportEventPage *self,
                     GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  header = rapport_event_read_csv_header (file, NULL, &error);
  if (header == NULL)
    {
      g_autofree char *file_name = dup_file_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), file_name);
      g_autofree char *body = dup_import_error (error);

      _rapport_event_page_show_error (self, heading, body);
      return;
    }

  dialog = rapport_column_mapping_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              file, (const char * const *) header);
  g_set_weak_pointer (&self->mapping_dialog, GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_mapping_import_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public */

/**
 * rapport_event_page_import_file:
 *
 * Imports RSVPs from a CSV or ICS file in the background. A CSV whose
 * layout Rapport does not know opens the column-mapping dialog.
 */
void
rapport_event_page_import_file (RapportEventPage *self,
                                GFile            *file)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->event_id == 0 || self->cancellable != NULL)
    return;

  job = begin_job (self, JOB_IMPORT, file);
  rapport_event_import_async (self->store, self->event_id, file, NULL, self->cancellable,
                              on_import_done_cb, job);
}

/**
 * rapport_event_page_export_file:
 *
 * Writes the attendees (CSV), the invitation (ICS) or the attendee sheet
 * (PDF) in the background.
 */
void
rapport_event_page_export_file (RapportEventPage   *self,
                                RapportEventExport  format,
                                GFile              *file)
{
  RapportEventExportFormat core_format;
  Job *job;

  g_return_if_fail (RAPPORT_IS_EVENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->event_id == 0 || self->cancellable != NULL)
    return;

  switch (format)
    {
    case RAPPORT_EVENT_EXPORT_ICS:
      core_format = RAPPORT_EVENT_EXPORT_FORMAT_ICS;
      break;

    case RAPPORT_EVENT_EXPORT_PDF:
      core_format = RAPPORT_EVENT_EXPORT_FORMAT_PDF;
      break;

    case RAPPORT_EVENT_EXPORT_CSV:
    default:
      core_format = RAPPORT_EVENT_EXPORT_FORMAT_CSV;
      break;
    }

  job = begin_job (self, JOB_EXPORT, file);
  rapport_event_export_async (self->store, self->event_id, core_format, file, self->cancellable,
                              on_export_done_cb, job);
}
