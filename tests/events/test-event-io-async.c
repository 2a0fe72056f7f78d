/* test-event-io-async.c
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

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-event-io.h"
#include "rapport-events.h"
#include "rapport-store.h"

/* RSVP imports and exports in a worker thread: what lands in the store,
 * what the caller's store announces (before the callback, on the caller's
 * thread), and that a failed or cancelled import writes nothing. */

#define NOW ((gint64) 1747500000)

typedef struct
{
  char         *dir;
  RapportStore *store;
  gint64        event_id;
  GPtrArray    *changes;
} Fixture;

/* One async call and what happened until its callback. */
typedef struct
{
  Fixture      *f;
  GThread      *thread;
  GAsyncResult *result;
  GPtrArray    *changes;   /* what was announced when the callback ran */
} Run;

static void
on_changed_cb (RapportStore      *store,
               const char        *table,
               gint64             row_id,
               RapportChangeKind  kind,
               Fixture           *f)
{
  g_ptr_array_add (f->changes, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, row_id, kind));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportEvent) event = rapport_event_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-event-io-async-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  rapport_clock_set_fixed (rapport_clock_get_default (), NOW);

  rapport_event_set_title (event, "GNOME Paris meetup: GTK 4 in practice");
  rapport_event_set_starts_at (event, 1747758600);   /* 2025-05-20 18:30 Paris */
  rapport_event_set_ends_at (event, 1747767600);
  rapport_event_set_tzid (event, "Europe/Paris");
  rapport_event_set_uid (event, "gnome-paris-2025-05@rapport");
  rapport_events_insert (f->store, event, &error);
  g_assert_no_error (error);
  f->event_id = rapport_event_get_id (event);

  f->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->changes);
  remove_tree (f->dir);
  g_free (f->dir);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_build_filename (FIXTURES_DIR, name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
announced (GPtrArray  *changes,
           const char *change)
{
  return g_ptr_array_find_with_equal_func (changes, change, g_str_equal, NULL);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;

  /* On the caller's thread, after the store told its listeners. */
  g_assert_true (g_thread_self () == run->thread);
  g_assert_true (object == G_OBJECT (run->f->store));
  run->changes = g_ptr_array_copy (run->f->changes, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (run->changes, g_free);
  run->result = g_object_ref (result);
}

static void
run_init (Run     *run,
          Fixture *f)
{
  run->f = f;
  run->thread = g_thread_self ();
  run->result = NULL;
  run->changes = NULL;
  g_ptr_array_set_size (f->changes, 0);
}

static void
run_wait (Run *run)
{
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->result);
  g_clear_pointer (&run->changes, g_ptr_array_unref);
}

static RapportRsvp *
find (Fixture    *f,
      const char *email)
{
  gint64 member = rapport_store_find_member_by_email (f->store, email);
  gint64 id = rapport_events_find_rsvp (f->store, f->event_id, member);

  g_assert_cmpint (id, >, 0);
  return rapport_events_get_rsvp (f->store, id, NULL);
}

static guint
n_rsvps (Fixture *f)
{
  g_autoptr(GPtrArray) rsvps = rapport_events_list_rsvps (f->store, f->event_id, NULL, NULL);

  return rsvps->len;
}

static gint64
n_members (Fixture *f)
{
  RapportStoreCounts counts;

  g_assert_true (rapport_store_get_counts (f->store, &counts, NULL));
  return counts.members;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("events-eventbrite.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportRsvp) chen = NULL;
  g_autofree char *event_change = g_strdup_printf ("events:%" G_GINT64_FORMAT ":%d", f->event_id,
                                                   RAPPORT_CHANGE_UPDATED);
  RapportEventImportResult result = { 0 };
  Run run;

  run_init (&run, f);
  rapport_event_import_async (f->store, f->event_id, file, NULL, NULL, on_done_cb, &run);
  /* Nothing is written on this thread meanwhile. */
  g_assert_cmpuint (f->changes->len, ==, 0);
  run_wait (&run);

  g_assert_true (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.source, ==, "eventbrite");
  g_assert_cmpuint (result.rows, ==, 6);
  g_assert_cmpuint (result.added, ==, 5);
  g_assert_cmpuint (result.members_added, ==, 5);
  rapport_event_import_result_clear (&result);

  g_assert_true (announced (run.changes, "members:0:3"));
  g_assert_true (announced (run.changes, event_change));

  /* The worker's writes, read on this connection. */
  g_assert_cmpuint (n_rsvps (f), ==, 5);
  g_assert_cmpint (n_members (f), ==, 5);
  chen = find (f, "chen.wei@example.com");
  g_assert_nonnull (chen);
  g_assert_cmpint (rapport_rsvp_get_party_size (chen), ==, 2);
  g_assert_cmpstr (rapport_rsvp_get_source (chen), ==, "eventbrite");
  run_clear (&run);

  /* Again: the same file changes nothing. */
  run_init (&run, f);
  rapport_event_import_async (f->store, f->event_id, file, NULL, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_true (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.members_added, ==, 0);
  g_assert_cmpuint (n_rsvps (f), ==, 5);
  rapport_event_import_result_clear (&result);
  run_clear (&run);
}

static void
test_import_mapped (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("events-custom.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportRsvp) xavier = NULL;
  RapportEventImportResult result = { 0 };
  Run run;

  /* A layout nobody knows: the error says so, nothing is announced. */
  run_init (&run, f);
  rapport_event_import_async (f->store, f->event_id, file, NULL, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_false (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT);
  g_assert_null (result.source);
  g_assert_cmpuint (run.changes->len, ==, 0);
  g_assert_cmpuint (n_rsvps (f), ==, 0);
  g_clear_error (&error);
  run_clear (&run);

  /* With a mapping, whose strings the caller may free at once. */
  run_init (&run, f);
  {
    g_auto(GStrv) header = rapport_event_read_csv_header (file, NULL, &error);
    RapportEventMapping mapping = { NULL, { NULL } };
    g_autofree char *source = g_strdup ("manual");

    g_assert_no_error (error);
    mapping.source = source;
    mapping.columns[RAPPORT_EVENT_FIELD_NAME] = header[0];
    mapping.columns[RAPPORT_EVENT_FIELD_EMAIL] = header[1];
    mapping.columns[RAPPORT_EVENT_FIELD_STATUS] = header[2];
    mapping.columns[RAPPORT_EVENT_FIELD_PARTY_SIZE] = header[3];
    mapping.columns[RAPPORT_EVENT_FIELD_RESPONDED_AT] = header[4];
    rapport_event_import_async (f->store, f->event_id, file, &mapping, NULL, on_done_cb, &run);
  }
  run_wait (&run);
  g_assert_true (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.source, ==, "manual");
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_true (announced (run.changes, "members:0:3"));
  rapport_event_import_result_clear (&result);
  run_clear (&run);

  xavier = find (f, "xavier@example.fr");
  g_assert_nonnull (xavier);
  g_assert_cmpint (rapport_rsvp_get_party_size (xavier), ==, 2);
  g_assert_cmpstr (rapport_rsvp_get_source (xavier), ==, "manual");
}

static void
test_import_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) bad = fixture_file ("events-eventbrite-bad.csv");
  g_autoptr(GFile) good = fixture_file ("events-eventbrite.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RapportEventImportResult result = { 0 };
  Run run;

  /* A bad line writes nothing, and the message names it. */
  run_init (&run, f);
  rapport_event_import_async (f->store, f->event_id, bad, NULL, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_false (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 3, column 5 (“Email”)"));
  g_assert_cmpuint (run.changes->len, ==, 0);
  g_assert_cmpuint (n_rsvps (f), ==, 0);
  g_assert_cmpint (n_members (f), ==, 0);
  g_clear_error (&error);
  run_clear (&run);

  /* Cancelled before it could read a line. */
  g_cancellable_cancel (cancellable);
  run_init (&run, f);
  rapport_event_import_async (f->store, f->event_id, good, NULL, cancellable, on_done_cb, &run);
  run_wait (&run);
  g_assert_false (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.changes->len, ==, 0);
  g_assert_cmpuint (n_rsvps (f), ==, 0);
  g_clear_error (&error);
  run_clear (&run);

  /* An event that is not there. */
  run_init (&run, f);
  rapport_event_import_async (f->store, f->event_id + 100, good, NULL, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_false (rapport_event_import_finish (f->store, run.result, &result, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (n_members (f), ==, 0);
  run_clear (&run);
}

static void
export_to (Fixture                  *f,
           RapportEventExportFormat  format,
           const char               *name,
           char                    **contents,
           gsize                    *length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Run run;

  run_init (&run, f);
  rapport_event_export_async (f->store, f->event_id, format, file, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_true (rapport_event_export_finish (f->store, run.result, &error));
  g_assert_no_error (error);
  /* Writing a file changes nothing in the store. */
  g_assert_cmpuint (run.changes->len, ==, 0);
  run_clear (&run);

  g_file_get_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) in = fixture_file ("events-eventbrite.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *pdf = NULL;
  RapportEventImportResult result = { 0 };
  gsize length = 0;

  rapport_event_import_file (f->store, f->event_id, in, &result, NULL, &error);
  g_assert_no_error (error);
  rapport_event_import_result_clear (&result);

  export_to (f, RAPPORT_EVENT_EXPORT_FORMAT_CSV, "attendees.csv", &csv, NULL);
  g_assert_true (g_str_has_prefix (csv, "Name,Email,Organization,Status,Party size,Checked in,"));
  g_assert_nonnull (strstr (csv, "Chen Wei,chen.wei@example.com,Blue Fox,going,2,"));

  export_to (f, RAPPORT_EVENT_EXPORT_FORMAT_ICS, "event.ics", &ics, NULL);
  g_assert_nonnull (strstr (ics, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (ics, "UID:gnome-paris-2025-05@rapport"));
  g_assert_nonnull (strstr (ics, "SUMMARY:GNOME Paris meetup: GTK 4 in practice"));

  export_to (f, RAPPORT_EVENT_EXPORT_FORMAT_PDF, "sheet.pdf", &pdf, &length);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  /* A folder that is not there: a clear error, on the caller's thread. */
  {
    g_autofree char *path = g_build_filename (f->dir, "missing", "attendees.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    Run run;

    run_init (&run, f);
    rapport_event_export_async (f->store, f->event_id, RAPPORT_EVENT_EXPORT_FORMAT_CSV, file, NULL,
                                on_done_cb, &run);
    run_wait (&run);
    g_assert_false (rapport_event_export_finish (f->store, run.result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    run_clear (&run);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rapport/io/events/async/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("import", test_import);
  ADD ("import-mapped", test_import_mapped);
  ADD ("import-fails", test_import_fails);
  ADD ("export", test_export);

#undef ADD

  return g_test_run ();
}
