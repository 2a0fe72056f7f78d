/* test-caldav.c
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

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rapport-caldav.h"
#include "rapport-content-store.h"
#include "rapport-store.h"
#include "rapport-test-radicale.h"

#define USER "ana"
#define PASSWORD "s3cret pass"

/* A real Radicale on loopback with its own storage and users, and a fresh
 * database; the test talks to the server directly with its own session to
 * play the other team member. */
typedef struct
{
  char                 *dir;
  RapportTestRadicale  *radicale;
  char                 *url;
  RapportStore         *store;
} Fixture;

static guint
request (Fixture     *f,
         const char  *method,
         const char  *url,
         const char  *body,
         const char  *if_match,
         char       **response,
         char       **etag)
{
  return rapport_test_radicale_request (f->radicale, method, url, body, if_match, response, etag);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *calendar = NULL;

  f->dir = g_dir_make_tmp ("rapport-caldav-XXXXXX", &error);
  g_assert_no_error (error);
  f->radicale = rapport_test_radicale_start (RADICALE, USER, PASSWORD);
  calendar = g_strconcat (rapport_test_radicale_get_home (f->radicale), "content/", NULL);
  g_assert_cmpuint (request (f, "MKCALENDAR", calendar, NULL, NULL, NULL, NULL), ==, 201);
  f->url = g_steal_pointer (&calendar);

  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = rapport_store_new (db, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->radicale, rapport_test_radicale_stop);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->url);
}

static void
connect_store (Fixture      *f,
               RapportStore *store)
{
  g_autoptr(GError) error = NULL;

  rapport_caldav_connect (store, f->url, USER, PASSWORD, NULL, &error);
  g_assert_no_error (error);
}

static RapportCaldavStats
run_sync (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  RapportCaldavStats stats = { 0 };

  rapport_caldav_sync (store, NULL, NULL, NULL, &stats, &error);
  g_assert_no_error (error);
  return stats;
}

static RapportContentItem *
add (RapportStore *store,
     const char   *title,
     const char   *rrule)
{
  g_autoptr(GError) error = NULL;
  RapportContentItem *item = rapport_content_item_new (title, "blog-post");

  rapport_content_item_set_publish_at (item, 1717405200, "Europe/Berlin");
  rapport_content_item_set_rrule (item, rrule);
  rapport_content_add (store, item, &error);
  g_assert_no_error (error);
  return item;
}

static char *
resource_url (Fixture            *f,
              RapportStore       *store,
              RapportContentItem *item)
{
  g_autoptr(RapportContentItem) stored = rapport_content_get (store, rapport_content_item_get_id (item), NULL);
  g_autoptr(GUri) base = g_uri_parse (f->url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) uri = NULL;

  g_assert_nonnull (rapport_content_item_get_remote_href (stored));
  uri = g_uri_parse_relative (base, rapport_content_item_get_remote_href (stored), G_URI_FLAGS_ENCODED, NULL);
  return g_uri_to_string (uri);
}

/* Someone else edits the event on the server: new SUMMARY, same UID. */
static void
edit_on_server (Fixture    *f,
                const char *url,
                const char *old_title,
                const char *new_title)
{
  g_autofree char *body = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *old_line = g_strconcat ("SUMMARY:", old_title, NULL);
  g_autofree char *new_line = g_strconcat ("SUMMARY:", new_title, NULL);
  g_auto(GStrv) parts = NULL;
  guint status;

  g_assert_cmpuint (request (f, "GET", url, NULL, NULL, &body, &etag), ==, 200);
  parts = g_strsplit (body, old_line, -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv (new_line, parts);
  status = request (f, "PUT", url, edited, etag, NULL, NULL);
  g_assert_true (status == 201 || status == 204);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         progress_calls;
  GThread      *thread;
} SyncRun;

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  SyncRun *run = user_data;

  /* Delivered on the caller's main context, not in the worker. */
  g_assert_true (g_thread_self () == run->thread);
  g_assert_cmpuint (done, <=, total);
  run->progress_calls++;
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SyncRun *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static const char *
title_of (RapportStore *store,
          const char   *uid)
{
  static char buffer[256];
  g_autoptr(RapportContentItem) item = rapport_content_get_by_uid (store, uid, NULL);

  if (item == NULL)
    return NULL;
  g_strlcpy (buffer, rapport_content_item_get_title (item), sizeof buffer);
  return buffer;
}

static void
test_password_in_keyring (Fixture       *f,
                          gconstpointer  data)
{
  static const SecretSchema schema = {
    "io.github.rapport_crm.Rapport.CalDAV", SECRET_SCHEMA_NONE,
    { { "url", SECRET_SCHEMA_ATTRIBUTE_STRING }, { "user", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *db_text = NULL;
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  gsize length;

  connect_store (f, f->store);
  g_assert_true (rapport_caldav_get_account (f->store, &url, &user));
  g_assert_cmpstr (url, ==, f->url);
  g_assert_cmpstr (user, ==, USER);

  password = secret_password_lookup_sync (&schema, NULL, &error, "url", f->url, "user", USER, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, PASSWORD);

  /* Never in the database, nor in its write-ahead log, where the latest
   * writes are. */
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      g_autofree char *path = g_strconcat (rapport_store_get_path (f->store), suffixes[k], NULL);

      g_clear_pointer (&db_text, g_free);
      length = 0;
      if (!g_file_get_contents (path, &db_text, &length, NULL))
        continue;
      for (gsize i = 0; i + strlen (PASSWORD) <= length; i++)
        g_assert_false (memcmp (db_text + i, PASSWORD, strlen (PASSWORD)) == 0);
    }

  /* A wrong password is refused in plain words. */
  g_assert_false (rapport_caldav_connect (f->store, f->url, USER, "wrong", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "refused the user name or password"));
}

static void
test_create_calendar (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *listing = NULL;

  /* No calendar there yet: connecting says so. */
  url = g_strconcat (f->url, "../team-plan/", NULL);
  g_assert_false (rapport_caldav_connect (f->store, url, USER, PASSWORD, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rapport_caldav_create_calendar (url, USER, PASSWORD, "Team & Plan", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (request (f, "PROPFIND", url, NULL, NULL, &listing, NULL), ==, 207);
  g_assert_nonnull (strstr (listing, "calendar"));
  g_assert_true (rapport_caldav_connect (f->store, url, USER, PASSWORD, NULL, &error));
  g_assert_no_error (error);

  /* Once is enough; a wrong password creates nothing. */
  g_assert_false (rapport_caldav_create_calendar (url, USER, PASSWORD, "Again", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (url);
  url = g_strconcat (f->url, "../other/", NULL);
  g_assert_false (rapport_caldav_create_calendar (url, USER, "wrong", "Other", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

/* Connecting in a worker thread, as the content view does. */
typedef struct
{
  RapportStore *store;
  GThread      *thread;
  GAsyncResult *result;
  GPtrArray    *changes;   /* what the store announced until the callback */
  gulong        changed_id;
} ConnectRun;

static void
on_connect_changed_cb (RapportStore      *store,
                       const char        *table,
                       gint64             row_id,
                       RapportChangeKind  kind,
                       ConnectRun        *run)
{
  g_assert_true (g_thread_self () == run->thread);
  if (run->result == NULL)
    g_ptr_array_add (run->changes, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, row_id, kind));
}

static void
on_connect_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ConnectRun *run = user_data;

  g_assert_true (g_thread_self () == run->thread);
  g_assert_true (object == G_OBJECT (run->store));
  run->result = g_object_ref (result);
}

/* Connects @store in a worker; returns what the store announced. */
static GPtrArray *
connect_async (RapportStore  *store,
               const char    *url,
               const char    *password,
               const char    *create_name,
               GError       **error)
{
  ConnectRun run = { store, g_thread_self (), NULL, g_ptr_array_new_with_free_func (g_free), 0 };

  run.changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_connect_changed_cb), &run);
  rapport_caldav_connect_async (store, url, USER, password, create_name, NULL, on_connect_done_cb, &run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_signal_handler (&run.changed_id, store);

  if (!rapport_caldav_connect_finish (store, run.result, error))
    g_assert_cmpuint (run.changes->len, ==, 0);
  g_object_unref (run.result);

  return run.changes;
}

static gboolean
announced (GPtrArray  *changes,
           const char *change)
{
  return g_ptr_array_find_with_equal_func (changes, change, g_str_equal, NULL);
}

static void
test_connect_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(RapportContentItem) stored = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *other = NULL;
  g_autofree char *listing = NULL;

  item = add (f->store, "Release notes", NULL);

  /* The first time: the account is written, every item is to share. */
  changes = connect_async (f->store, f->url, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (announced (changes, "content_caldav:1:1"));
  g_assert_true (announced (changes, "content_items:0:3"));
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (rapport_caldav_get_account (f->store, &url, &user));
  g_assert_cmpstr (url, ==, f->url);
  g_assert_cmpstr (user, ==, USER);
  g_assert_cmpuint (run_sync (f->store).pushed, ==, 1);

  /* The same calendar again: the items keep where they are on it. */
  changes = connect_async (f->store, f->url, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (announced (changes, "content_caldav:1:1"));
  g_assert_false (announced (changes, "content_items:0:3"));
  g_clear_pointer (&changes, g_ptr_array_unref);
  stored = rapport_content_get (f->store, rapport_content_item_get_id (item), &error);
  g_assert_nonnull (rapport_content_item_get_remote_href (stored));

  /* A wrong password changes nothing and says why. */
  changes = connect_async (f->store, f->url, "wrong", NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* No calendar at the address: not found, so the view can offer to
   * create one; with a name, it is created and connected. */
  other = g_strconcat (rapport_test_radicale_get_home (f->radicale), "team-async/", NULL);
  changes = connect_async (f->store, other, PASSWORD, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_clear_pointer (&url, g_free);
  g_assert_true (rapport_caldav_get_account (f->store, &url, NULL));
  g_assert_cmpstr (url, ==, f->url);

  changes = connect_async (f->store, other, PASSWORD, "Team & Async", &error);
  g_assert_no_error (error);
  g_assert_true (announced (changes, "content_caldav:1:1"));
  g_assert_true (announced (changes, "content_items:0:3"));
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_cmpuint (request (f, "PROPFIND", other, NULL, NULL, &listing, NULL), ==, 207);
  g_assert_nonnull (strstr (listing, "Team &amp; Async"));
  g_clear_pointer (&url, g_free);
  g_assert_true (rapport_caldav_get_account (f->store, &url, NULL));
  g_assert_cmpstr (url, ==, other);

  /* On the new calendar the item is shared afresh. */
  g_clear_object (&stored);
  stored = rapport_content_get (f->store, rapport_content_item_get_id (item), &error);
  g_assert_null (rapport_content_item_get_remote_href (stored));
  g_assert_cmpuint (run_sync (f->store).pushed, ==, 1);
}

/* rapport-cli content caldav connect, with the password on standard
 * input as a script would give it. */
static void
test_cli_create (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (f->url, "../from-cli/", NULL);
  g_autofree char *normalized = NULL;
  g_autofree char *output = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *account = NULL;
  const char *program = g_getenv ("RAPPORT_CLI");

  g_assert_nonnull (program);

  /* Without --create, a missing calendar is an error that says so. */
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                          G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                          program, "--db", rapport_store_get_path (f->store), "content", "caldav", "connect",
                          url, "--user", USER, "--password-stdin", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, PASSWORD "\n", NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
  g_assert_nonnull (strstr (output, "There is no calendar at"));
  g_clear_object (&cli);
  g_clear_pointer (&output, g_free);

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                          G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                          program, "--db", rapport_store_get_path (f->store), "content", "caldav", "connect",
                          url, "--user", USER, "--password-stdin", "--create", "Launch Plan", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, PASSWORD "\n", NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  g_assert_nonnull (strstr (output, "Connected the content calendar"));

  g_assert_cmpuint (request (f, "PROPFIND", url, NULL, NULL, &listing, NULL), ==, 207);
  g_assert_nonnull (strstr (listing, "Launch Plan"));
  g_assert_true (rapport_caldav_get_account (f->store, &account, NULL));
  normalized = g_uri_resolve_relative (f->url, "../from-cli/", G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account, ==, normalized);
}

static void
test_push_pull (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportContentItem) post = NULL;
  g_autoptr(RapportContentItem) series = NULL;
  g_autoptr(RapportContentItem) exception = NULL;
  g_autoptr(RapportStore) teammate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *teammate_path = g_build_filename (f->dir, "teammate.db", NULL);
  g_autofree char *post_url = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *new_url = NULL;
  RapportCaldavStats stats;
  const char *new_event =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\n"
    "UID:from-the-server-1\r\nDTSTAMP:20240601T000000Z\r\nDTSTART:20240610T080000Z\r\n"
    "SUMMARY:Made on the server\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

  connect_store (f, f->store);
  post = add (f->store, "Launch post", NULL);
  series = add (f->store, "Weekly digest", "FREQ=WEEKLY;COUNT=4");
  exception = rapport_content_edit_occurrence (f->store, rapport_content_item_get_id (series),
                                               1717405200 + 7 * 86400, &error);
  g_assert_no_error (error);
  rapport_content_item_set_title (exception, "Weekly digest: special");
  rapport_content_update (f->store, exception, &error);
  g_assert_no_error (error);

  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pushed, ==, 2);
  g_assert_cmpuint (stats.conflicts, ==, 0);

  /* Two resources on the server; the series carries its exception. */
  g_assert_cmpuint (request (f, "PROPFIND", f->url, NULL, NULL, &listing, NULL), ==, 207);
  {
    g_auto(GStrv) parts = g_strsplit (listing, ".ics</", -1);

    g_assert_cmpuint (g_strv_length (parts) - 1, ==, 2);
  }
  {
    g_autofree char *series_url = resource_url (f, f->store, series);
    g_autofree char *body = NULL;

    g_assert_cmpuint (request (f, "GET", series_url, NULL, NULL, &body, NULL), ==, 200);
    g_assert_nonnull (strstr (body, "RRULE:FREQ=WEEKLY;COUNT=4"));
    g_assert_nonnull (strstr (body, "RECURRENCE-ID;TZID=Europe/Berlin:20240610T"));
  }

  /* Nothing changed: nothing to do. */
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);

  /* The other side edits one item and adds one. */
  post_url = resource_url (f, f->store, post);
  edit_on_server (f, post_url, "Launch post", "Launch post (edited by Ben)");
  new_url = g_strconcat (f->url, "from-the-server-1.ics", NULL);
  g_assert_cmpuint (request (f, "PUT", new_url, new_event, NULL, NULL, NULL), ==, 201);

  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pulled, ==, 2);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpstr (title_of (f->store, rapport_content_item_get_uid (post)), ==, "Launch post (edited by Ben)");
  g_assert_cmpstr (title_of (f->store, "from-the-server-1"), ==, "Made on the server");

  /* A teammate connecting to the same calendar gets everything, the
   * series with its exception. The sync runs in a worker thread. */
  teammate = rapport_store_new (teammate_path, &error);
  g_assert_no_error (error);
  connect_store (f, teammate);
  {
    SyncRun run = { g_main_loop_new (NULL, FALSE), NULL, 0, g_thread_self () };
    RapportCaldavStats async_stats = { 0 };

    rapport_caldav_sync_async (teammate, NULL, on_progress_cb, &run, NULL, on_sync_done_cb, &run);
    g_main_loop_run (run.loop);
    rapport_caldav_sync_finish (teammate, run.result, &async_stats, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (async_stats.pulled, ==, 3);
    g_assert_cmpuint (run.progress_calls, >, 0);
    g_main_loop_unref (run.loop);
    g_object_unref (run.result);
  }
  g_assert_cmpstr (title_of (teammate, "from-the-server-1"), ==, "Made on the server");
  {
    g_autoptr(GPtrArray) june = rapport_content_list_occurrences (teammate, 1717200000, 1719792000, &error);
    gboolean special = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (june->len, ==, 1 + 4 + 1);
    for (guint i = 0; i < june->len; i++)
      {
        RapportContentItem *item = rapport_content_occurrence_get_item (g_ptr_array_index (june, i));

        special |= g_str_equal (rapport_content_item_get_title (item), "Weekly digest: special");
      }
    g_assert_true (special);
  }

  /* The teammate's change comes back to us. */
  {
    g_autoptr(RapportContentItem) theirs = rapport_content_get_by_uid (teammate, "from-the-server-1", &error);

    g_assert_no_error (error);
    rapport_content_item_set_title (theirs, "Made on the server, renamed by the teammate");
    rapport_content_update (teammate, theirs, &error);
    g_assert_no_error (error);
    stats = run_sync (teammate);
    g_assert_cmpuint (stats.pushed, ==, 1);
    stats = run_sync (f->store);
    g_assert_cmpuint (stats.pulled, ==, 1);
    g_assert_cmpstr (title_of (f->store, "from-the-server-1"), ==, "Made on the server, renamed by the teammate");
  }
}

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportContentItem) post = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  const char *uid;
  RapportCaldavStats stats;
  RapportCaldavConflict *conflict;

  connect_store (f, f->store);
  post = add (f->store, "Roadmap post", NULL);
  uid = rapport_content_item_get_uid (post);
  run_sync (f->store);
  url = resource_url (f, f->store, post);

  /* Both sides edit: the PUT with the old ETag gets 412. */
  edit_on_server (f, url, "Roadmap post", "Roadmap post (theirs)");
  rapport_content_item_set_title (post, "Roadmap post (mine)");
  rapport_content_update (f->store, post, &error);
  g_assert_no_error (error);

  stats = run_sync (f->store);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (stats.pushed, ==, 0);
  conflicts = rapport_caldav_list_conflicts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (rapport_caldav_conflict_get_uid (conflict), ==, uid);
  g_assert_cmpstr (rapport_caldav_conflict_get_local_title (conflict), ==, "Roadmap post (mine)");
  g_assert_cmpstr (rapport_caldav_conflict_get_remote_title (conflict), ==, "Roadmap post (theirs)");

  /* Until decided, sync leaves it alone. */
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.conflicts + stats.pushed + stats.pulled, ==, 0);

  /* Keep mine: the next sync overwrites the server with the new ETag. */
  rapport_caldav_resolve_conflict (f->store, uid, RAPPORT_CALDAV_KEEP_MINE, &error);
  g_assert_no_error (error);
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpuint (request (f, "GET", url, NULL, NULL, &body, NULL), ==, 200);
  g_assert_nonnull (strstr (body, "SUMMARY:Roadmap post (mine)"));

  /* Again, and this time take theirs. */
  edit_on_server (f, url, "Roadmap post (mine)", "Roadmap post (theirs again)");
  rapport_content_item_set_title (post, "Roadmap post (mine again)");
  rapport_content_update (f->store, post, &error);
  g_assert_no_error (error);
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  rapport_caldav_resolve_conflict (f->store, uid, RAPPORT_CALDAV_TAKE_THEIRS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (f->store, uid), ==, "Roadmap post (theirs again)");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = rapport_caldav_list_conflicts (f->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pushed + stats.pulled + stats.conflicts, ==, 0);

  /* Resolving what is not a conflict says so. */
  g_assert_false (rapport_caldav_resolve_conflict (f->store, uid, RAPPORT_CALDAV_KEEP_MINE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_deletions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportContentItem) mine = NULL;
  g_autoptr(RapportContentItem) theirs = NULL;
  g_autoptr(RapportContentItem) both = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine_url = NULL;
  g_autofree char *theirs_url = NULL;
  g_autofree char *both_url = NULL;
  g_autofree char *both_uid = NULL;
  RapportCaldavStats stats;

  connect_store (f, f->store);
  mine = add (f->store, "Deleted here", NULL);
  theirs = add (f->store, "Deleted there", NULL);
  both = add (f->store, "Deleted there and edited here", NULL);
  both_uid = g_strdup (rapport_content_item_get_uid (both));
  run_sync (f->store);
  mine_url = resource_url (f, f->store, mine);
  theirs_url = resource_url (f, f->store, theirs);
  both_url = resource_url (f, f->store, both);

  /* Here → there. */
  rapport_content_delete (f->store, rapport_content_item_get_id (mine), &error);
  g_assert_no_error (error);
  /* There → here. */
  g_assert_cmpuint (request (f, "DELETE", theirs_url, NULL, NULL, NULL, NULL), ==, 200);
  /* Deleted there while edited here: a conflict, not a silent loss. */
  g_assert_cmpuint (request (f, "DELETE", both_url, NULL, NULL, NULL, NULL), ==, 200);
  rapport_content_item_set_notes (both, "Still wanted");
  rapport_content_update (f->store, both, &error);
  g_assert_no_error (error);

  stats = run_sync (f->store);
  g_assert_cmpuint (stats.deleted_remote, ==, 1);
  g_assert_cmpuint (stats.deleted_local, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (request (f, "GET", mine_url, NULL, NULL, NULL, NULL), ==, 404);
  g_assert_null (title_of (f->store, rapport_content_item_get_uid (theirs)));

  conflicts = rapport_caldav_list_conflicts (f->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (rapport_caldav_conflict_get_remote_deleted (g_ptr_array_index (conflicts, 0)));

  /* Keep mine puts it back on the server. */
  rapport_caldav_resolve_conflict (f->store, both_uid, RAPPORT_CALDAV_KEEP_MINE, &error);
  g_assert_no_error (error);
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (request (f, "GET", both_url, NULL, NULL, NULL, NULL), ==, 200);

  /* Deleted here after the server changed it: 412 on DELETE, a conflict;
   * take theirs brings it back here. */
  edit_on_server (f, both_url, "Deleted there and edited here", "Changed there");
  {
    g_autoptr(RapportContentItem) again = rapport_content_get_by_uid (f->store, both_uid, &error);

    g_assert_no_error (error);
    rapport_content_delete (f->store, rapport_content_item_get_id (again), &error);
    g_assert_no_error (error);
  }
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = rapport_caldav_list_conflicts (f->store, &error);
  g_assert_true (rapport_caldav_conflict_get_local_deleted (g_ptr_array_index (conflicts, 0)));
  rapport_caldav_resolve_conflict (f->store, both_uid, RAPPORT_CALDAV_TAKE_THEIRS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (f->store, both_uid), ==, "Changed there");
  stats = run_sync (f->store);
  g_assert_cmpuint (stats.pushed + stats.pulled + stats.conflicts, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (RADICALE[0] == '\0')
    {
      g_test_skip ("Radicale is not installed");
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rapport/content/caldav/password", test_password_in_keyring);
  ADD ("/rapport/content/caldav/create", test_create_calendar);
  ADD ("/rapport/content/caldav/connect-async", test_connect_async);
  ADD ("/rapport/content/caldav/cli-create", test_cli_create);
  ADD ("/rapport/content/caldav/push-pull", test_push_pull);
  ADD ("/rapport/content/caldav/conflicts", test_conflicts);
  ADD ("/rapport/content/caldav/deletions", test_deletions);
#undef ADD

  return g_test_run ();
}
