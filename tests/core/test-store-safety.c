/* test-store-safety.c
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

/* A database that may not be written, one that is damaged, and two writers
 * at once: what the store does and what it says. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rapport-demo.h"
#include "rapport-member-io.h"
#include "rapport-member.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

/* Whether chmod binds this process (root bypasses it unless it gives up
 * CAP_DAC_OVERRIDE, which main() does). */
static gboolean permissions_bind;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-safety-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_chmod (dir, 0700);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
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
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
exists_beside (Fixture    *f,
               const char *suffix)
{
  g_autofree char *path = g_strconcat (f->path, suffix, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Whether PATH.writer names the holder of the write lock. */
static gboolean
writer_recorded (Fixture *f)
{
  g_autofree char *path = g_strconcat (f->path, ".writer", NULL);
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && text[0] != '\0';
}

/* A closed database with a sample community in it. */
static void
fill (Fixture *f,
      guint    members,
      guint    activities)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RapportDemoOptions options = { members, activities, 7 };

  store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  rapport_demo_generate (store, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_false (exists_beside (f, "-wal"));
}

static gboolean
insert_member (RapportStore  *store,
               const char    *name,
               GError       **error)
{
  g_autoptr(RapportMember) member = rapport_member_new ();

  rapport_member_set_name (member, name);
  return rapport_store_insert_member (store, member, error);
}

static gboolean
import_one (Fixture       *f,
            RapportStore  *store,
            GError       **error)
{
  g_autofree char *csv = g_build_filename (f->dir, "import.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  RapportImportResult result;
  gboolean ok;

  /* Beside the database, unless its folder may not be written. */
  if (!g_file_set_contents (csv, "Name,Email\nZora Quinn,zora@example.org\n", -1, NULL))
    {
      g_clear_object (&file);
      g_free (csv);
      csv = g_build_filename (g_get_tmp_dir (), "rapport-safety-import.csv", NULL);
      g_assert_true (g_file_set_contents (csv, "Name,Email\nZora Quinn,zora@example.org\n", -1, NULL));
      file = g_file_new_for_path (csv);
    }

  ok = rapport_member_import_csv (store, file, &result, NULL, NULL, NULL, error);
  g_unlink (csv);
  return ok;
}

static gint64
count_members (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;

  g_assert_true (rapport_store_get_counts (store, &counts, &error));
  g_assert_no_error (error);
  return counts.members;
}

/* Reads work, writes fail saying why, and nothing appears beside the file. */
static void
check_read_only (Fixture      *f,
                 RapportStore *store,
                 const char   *why)
{
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "rapport-safety-export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint64 exported = 0;

  g_assert_true (rapport_store_is_read_only (store));
  g_assert_nonnull (strstr (rapport_store_get_read_only_reason (store), why));

  g_assert_cmpint (count_members (store), ==, 20);
  found = rapport_store_search (store, "a", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_true (rapport_member_export_csv (store, file, &exported, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (exported, ==, 20);
  g_unlink (out);

  g_assert_false (insert_member (store, "Nadia Park", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, why));
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  g_assert_false (import_one (f, store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A write that does not go through a transaction says the same. */
  g_assert_false (_rapport_store_exec (store, "INSERT INTO tags (name) VALUES ('x')", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (exists_beside (f, "-wal"));
  g_assert_false (exists_beside (f, "-shm"));
  g_assert_false (writer_recorded (f));
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) worker = NULL;
  g_autoptr(GError) error = NULL;

  if (!permissions_bind)
    {
      g_test_skip ("file permissions do not bind this process");
      return;
    }

  fill (f, 20, 60);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);

  store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  check_read_only (f, store, "the file is not writable");
  g_assert_false (rapport_store_is_damaged (store));

  worker = rapport_store_new_worker (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_is_read_only (worker));
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  if (!permissions_bind)
    {
      g_test_skip ("file permissions do not bind this process");
      return;
    }

  fill (f, 20, 60);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  /* Was: "… is not a Rapport database: attempt to write a readonly database". */
  store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  why = g_strdup_printf ("its folder “%s” is not writable", f->dir);
  check_read_only (f, store, why);

  g_clear_object (&store);
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
}

/* A WAL that was never folded back into the file, in a read-only folder. */
static void
test_read_only_wal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(RapportStatement) stmt = NULL;
  sqlite3 *db;

  if (!permissions_bind)
    {
      g_test_skip ("file permissions do not bind this process");
      return;
    }

  fill (f, 20, 60);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO tags (name) VALUES ('only-in-the-wal')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (exists_beside (f, "-wal"));

  /* With its -shm the WAL is read, read-only. */
  if (!exists_beside (f, "-shm"))
    g_test_message ("SQLite removed the -shm; the first half is skipped");
  else
    {
      g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
      store = rapport_store_new (f->path, &error);
      g_assert_no_error (error);
      g_assert_true (rapport_store_is_read_only (store));
      stmt = _rapport_store_prepare (store, "SELECT count(*) FROM tags WHERE name = 'only-in-the-wal'", &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      g_clear_pointer (&stmt, _rapport_statement_release);
      g_clear_object (&store);
      g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
      g_unlink (shm);
    }

  /* Without it nothing can read the WAL; the message says what to do. */
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  store = rapport_store_new (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "write-ahead log"));
  g_assert_nonnull (strstr (error->message, "is not writable"));
  g_assert_null (strstr (error->message, "not a Rapport database"));
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
}

/* Overwrites pages in the middle of the file that belong to @tree. */
static void
damage (const char *path,
        const char *tree)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *garbage = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 page_size;
  int fd;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                           "ORDER BY pageno LIMIT 3 OFFSET 1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tree, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 page = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, ==, 3);

  garbage = g_malloc (page_size);
  memset (garbage, 0xa5, page_size);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < pages->len; i++)
    g_assert_cmpint (pwrite (fd, garbage, page_size, (g_array_index (pages, gint64, i) - 1) * page_size), ==, page_size);
  close (fd);
}

static void
on_damaged_cb (RapportStore *store,
               const char   *message,
               guint        *n_emitted)
{
  (*n_emitted)++;
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", f->path, rapport_store_get_latest_version ());
  g_autofree char *out = g_build_filename (f->dir, "readable.csv", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autofree char *kept = NULL;
  g_auto(GStrv) problems = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  const char *message;
  guint n_emitted = 0;
  guint64 exported = 0;

  fill (f, 300, 6000);
  from = g_file_new_for_path (f->path);
  to = g_file_new_for_path (backup);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  damage (f->path, "activities_time");

  /* It opens, and what the damage spares reads as before. */
  store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (on_damaged_cb), &n_emitted);
  member = rapport_store_get_member (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_members (store), ==, 300);
  g_assert_true (rapport_member_export_csv (store, out_file, &exported, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (exported, ==, 300);

  /* The check at open found it, names the index and offers the backup. */
  g_assert_true (rapport_store_is_damaged (store));
  message = rapport_store_get_damage (store);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "is damaged"));
  g_assert_nonnull (strstr (message, "activities_time"));
  g_assert_nonnull (strstr (message, backup));
  g_assert_nonnull (strstr (message, "restore"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_emitted, ==, 1);

  /* Was: the import went through. */
  g_assert_false (import_one (f, store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_false (insert_member (store, "Nadia Park", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (_rapport_store_exec (store, "INSERT INTO tags (name) VALUES ('x')", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* The full check lists the problems. */
  g_assert_true (rapport_store_check_integrity (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (problems), >, 0);
  g_clear_pointer (&problems, g_strfreev);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Restoring checks the backup, keeps the damaged file and puts the backup back. */
  g_assert_true (rapport_store_restore_backup (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_store_is_damaged (store));
  g_assert_cmpint (count_members (store), ==, 300);
  g_assert_true (insert_member (store, "Nadia Park", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_check_integrity (store, &problems, &error));
  g_assert_null (problems);
}

static gboolean
stop_waiting_cb (gpointer data)
{
  gboolean *waited = data;

  *waited = TRUE;
  return G_SOURCE_REMOVE;
}

/* RAPPORT_STORE_OPEN_CHECK_LATER: the check waits for
 * rapport_store_start_check(), or for the first write. */
static void
test_damaged_check_later (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;
  guint n_emitted = 0;

  fill (f, 300, 6000);
  damage (f->path, "activities_time");

  store = rapport_store_new_full (f->path, RAPPORT_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (on_damaged_cb), &n_emitted);
  g_assert_cmpint (count_members (store), ==, 300);

  /* Held, the check has not run: nothing is reported however long one
   * waits (a quarter of a second here; the check of this file takes a
   * few milliseconds). */
  g_timeout_add (250, stop_waiting_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_emitted, ==, 0);

  /* Let go, it runs and reports. */
  rapport_store_start_check (store);
  while (n_emitted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_emitted, ==, 1);
  g_assert_true (rapport_store_is_damaged (store));
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Never let go, the first write starts it and waits for it. */
  store = rapport_store_new_full (f->path, RAPPORT_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_false (insert_member (store, "Nadia Park", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_cmpint (count_members (store), ==, 300);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Closed while held: nothing waits for a check that never ran. */
  store = rapport_store_new_full (f->path, RAPPORT_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_damaged_backup_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", f->path, rapport_store_get_latest_version ());
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  gsize before_len, after_len;

  fill (f, 300, 6000);
  g_assert_cmpint (g_rename (f->path, backup), ==, 0);
  damage (backup, "activities_time");
  fill (f, 10, 10);
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  g_assert_false (rapport_store_restore_backup (f->path, backup, &kept, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged too"));
  g_assert_null (kept);
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* An upgrade rewrites tables: a damaged file is not upgraded, nor backed up
 * over an older sound backup. */
static void
test_damaged_not_upgraded (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  int older = rapport_store_get_latest_version () - 1;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", older);
  sqlite3 *db;

  fill (f, 300, 6000);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  damage (f->path, "activities_time");

  g_assert_null (rapport_store_new (f->path, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "not upgraded"));
  backup = g_strdup_printf ("%s.v%d.bak", f->path, older);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* Another process that holds the write lock, as a Rapport job or as any
 * other program, until it has slept @seconds. */
static GSubprocess *
start_holder (Fixture    *f,
              const char *mode,
              const char *job,
              guint       seconds)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *secs = g_strdup_printf ("%u", seconds);
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *child;

  g_assert_nonnull (exe);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            exe, "--hold", f->path, mode, job, secs, NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");

  return child;
}

static int
hold_lock (const char *path,
           const char *mode,
           const char *job,
           guint       seconds)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (mode, "job"))
    {
      g_autoptr(RapportStore) store = rapport_store_new_worker (path, &error);

      g_assert_no_error (error);
      rapport_store_set_job (store, job);
      g_assert_true (rapport_store_begin (store, &error));
      g_assert_true (insert_member (store, "Held Lock", &error));
      g_print ("locked\n");
      fflush (stdout);
      g_usleep (seconds * G_USEC_PER_SEC);
      g_assert_true (rapport_store_commit (store, &error));
    }
  else
    {
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO tags (name) VALUES ('held')", NULL, NULL, NULL), ==, SQLITE_OK);
      g_print ("locked\n");
      fflush (stdout);
      g_usleep (seconds * G_USEC_PER_SEC);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (db);
    }

  return 0;
}

typedef struct
{
  guint  n;
  char  *job;
  int    pid;
  guint  seconds;
} Waits;

static void
on_waiting_cb (RapportStore *store,
               const char   *job,
               int           pid,
               guint         seconds,
               Waits        *waits)
{
  waits->n++;
  g_free (waits->job);
  waits->job = g_strdup (job);
  waits->pid = pid;
  waits->seconds = seconds;
}

static RapportStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_new (f->path, &error);

  g_assert_no_error (error);
  /* The check at open, out of the way of the timings. */
  g_assert_false (rapport_store_is_damaged (store));
  return store;
}

static void
test_wait_for_job (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportStore) store = open_store (f);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  Waits waits = { 0 };
  gint64 start;
  gint64 waited;
  int pid;

  g_signal_connect (store, "waiting", G_CALLBACK (on_waiting_cb), &waits);
  child = start_holder (f, "job", "import", 7);
  pid = atoi (g_subprocess_get_identifier (child));
  g_assert_true (writer_recorded (f));

  /* Was: "database is locked" after 5 s. */
  start = g_get_monotonic_time ();
  g_assert_true (insert_member (store, "Second Writer", &error));
  g_assert_no_error (error);
  waited = g_get_monotonic_time () - start;
  g_test_message ("waited %.1f s, told %u times", waited / 1e6, waits.n);

  g_assert_cmpint (waited, >, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (waits.n, >=, 5);
  g_assert_cmpstr (waits.job, ==, "import");
  g_assert_cmpint (waits.pid, ==, pid);
  g_assert_cmpuint (waits.seconds, >=, 5);

  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_members (store), ==, 2);
  g_assert_false (writer_recorded (f));
  g_free (waits.job);
}

static void
test_wait_after_kill (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportStore) store = open_store (f);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  Waits waits = { 0 };
  gint64 start;

  g_signal_connect (store, "waiting", G_CALLBACK (on_waiting_cb), &waits);
  child = start_holder (f, "job", "import", 60);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);

  /* Its record outlived it; its lock did not, and nothing waits for it. */
  g_assert_true (writer_recorded (f));
  start = g_get_monotonic_time ();
  g_assert_true (insert_member (store, "After The Kill", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  g_assert_cmpuint (waits.n, ==, 0);
  g_assert_false (writer_recorded (f));
}

/* A record of a dead job does not make the store wait for whoever holds the
 * lock now. */
static void
test_wait_stale_record (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportStore) store = open_store (f);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GSubprocess) dead = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *record = g_strconcat (f->path, ".writer", NULL);
  g_autofree char *text = NULL;
  Waits waits = { 0 };
  gint64 start;
  gint64 waited;

  dead = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "true", NULL);
  g_assert_no_error (error);
  /* A writer record, as rapport-store-writer.c writes one: wall-clock
   * seconds, which only say when the lock was taken. */
  text = g_strdup_printf ("%s\t0\t%" G_GINT64_FORMAT "\timport\n", g_subprocess_get_identifier (dead),
                          g_get_real_time () / G_USEC_PER_SEC);
  g_assert_true (g_subprocess_wait_check (dead, NULL, &error));

  child = start_holder (f, "raw", "-", 30);
  g_assert_true (g_file_set_contents (record, text, -1, NULL));

  g_signal_connect (store, "waiting", G_CALLBACK (on_waiting_cb), &waits);
  rapport_store_set_wait_limit (store, 60);
  start = g_get_monotonic_time ();
  g_assert_false (insert_member (store, "Second Writer", &error));
  waited = g_get_monotonic_time () - start;
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "not a running Rapport job"));
  g_assert_cmpint (waited, >=, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (waited, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (waits.n, >, 0);
  g_assert_null (waits.job);
  g_assert_cmpint (waits.pid, ==, 0);

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
}

static gpointer
cancel_later_cb (gpointer data)
{
  g_usleep (G_USEC_PER_SEC * 3 / 2);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_wait_limit_and_cancel (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RapportStore) store = open_store (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gint64 start;
  gint64 waited;

  child = start_holder (f, "job", "sync hubspot", 30);

  rapport_store_set_wait_limit (store, 2);
  start = g_get_monotonic_time ();
  g_assert_false (insert_member (store, "Second Writer", &error));
  waited = g_get_monotonic_time () - start;
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another Rapport job (sync hubspot, process"));
  g_assert_cmpint (waited, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (waited, <, 4 * G_USEC_PER_SEC);
  g_clear_error (&error);

  rapport_store_set_wait_limit (store, 60);
  rapport_store_set_cancellable (store, cancellable);
  thread = g_thread_new ("cancel", cancel_later_cb, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (insert_member (store, "Second Writer", &error));
  waited = g_get_monotonic_time () - start;
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "sync hubspot"));
  g_assert_cmpint (waited, <, 3 * G_USEC_PER_SEC);

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
}

/* rapport-cli --db DB ARGS…; returns the exit status. */
static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("RAPPORT_CLI");
  const char *arg;
  int status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->path);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_waits (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportStore) store = open_store (f);
  g_autofree char *csv = g_build_filename (f->dir, "one.csv", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_clear_object (&store);
  g_assert_true (g_file_set_contents (csv, "Name,Email\nZora Quinn,zora@example.org\n", -1, NULL));
  child = start_holder (f, "job", "import", 6);
  expected = g_strdup_printf ("Waiting for another Rapport job (import, process %s) to finish…",
                              g_subprocess_get_identifier (child));

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", csv, NULL), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (err, expected));
  g_assert_nonnull (strstr (out, "1 new members"));
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
}

static void
test_cli_check_restore (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", f->path, rapport_store_get_latest_version ());
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  fill (f, 300, 6000);
  g_assert_cmpint (run_cli (f, &out, &err, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "ok\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  from = g_file_new_for_path (f->path);
  to = g_file_new_for_path (backup);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));

  /* A sound file is not replaced without --force. */
  g_assert_cmpint (run_cli (f, &out, &err, "restore", backup, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not damaged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  damage (f->path, "activities_time");
  g_assert_cmpint (run_cli (f, &out, &err, "check", NULL), ==, 1);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "activities_time"));
  g_assert_nonnull (strstr (err, "restore"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "stats", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Members:        300"));
  g_assert_nonnull (strstr (out, "damaged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "restore", backup, NULL), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "Restored"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "ok\n");
}

static void
test_cli_read_only (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (g_get_tmp_dir (), "rapport-safety-cli.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!permissions_bind)
    {
      g_test_skip ("file permissions do not bind this process");
      return;
    }

  fill (f, 20, 60);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);

  g_assert_cmpint (run_cli (f, &out, &err, "stats", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Members:        20"));
  g_assert_nonnull (strstr (out, "read-only (the file is not writable)"));
  g_assert_nonnull (strstr (err, "is open read-only because the file is not writable"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (csv, "Name,Email\nZora Quinn,zora@example.org\n", -1, NULL));
  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Cannot save changes"));
  g_assert_nonnull (strstr (err, "the file is not writable"));
  g_unlink (csv);
}

/* Root reads and writes every file whatever its mode. Giving up
 * CAP_DAC_OVERRIDE (also for the programs it starts) makes chmod bind. */
static void
bind_permissions (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2] = { { 0 } };
  guint32 mask = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH);
  g_autofree char *probe = NULL;
  int fd;

  if (geteuid () == 0)
    {
      prctl (PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
      prctl (PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
      if (syscall (SYS_capget, &header, caps) == 0)
        {
          caps[0].effective &= ~mask;
          caps[0].permitted &= ~mask;
          caps[0].inheritable &= ~mask;
          syscall (SYS_capset, &header, caps);
        }
    }

  probe = g_build_filename (g_get_tmp_dir (), "rapport-safety-probe", NULL);
  g_unlink (probe);
  g_assert_true (g_file_set_contents (probe, "x", -1, NULL));
  g_chmod (probe, 0444);
  fd = g_open (probe, O_RDWR, 0);
  permissions_bind = fd < 0;
  if (fd >= 0)
    close (fd);
  g_unlink (probe);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 6 && g_str_equal (argv[1], "--hold"))
    return hold_lock (argv[2], argv[3], argv[4], atoi (argv[5]));

  bind_permissions ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/store/read-only/file", test_read_only_file);
  ADD ("/rapport/store/read-only/folder", test_read_only_folder);
  ADD ("/rapport/store/read-only/wal", test_read_only_wal);
  ADD ("/rapport/store/damaged/open", test_damaged);
  ADD ("/rapport/store/damaged/check-later", test_damaged_check_later);
  ADD ("/rapport/store/damaged/backup-refused", test_damaged_backup_refused);
  ADD ("/rapport/store/damaged/not-upgraded", test_damaged_not_upgraded);
  ADD ("/rapport/store/wait/job", test_wait_for_job);
  ADD ("/rapport/store/wait/after-kill", test_wait_after_kill);
  ADD ("/rapport/store/wait/stale-record", test_wait_stale_record);
  ADD ("/rapport/store/wait/limit-cancel", test_wait_limit_and_cancel);
  ADD ("/rapport/store/cli/waits", test_cli_waits);
  ADD ("/rapport/store/cli/check-restore", test_cli_check_restore);
  ADD ("/rapport/store/cli/read-only", test_cli_read_only);

#undef ADD

  return g_test_run ();
}
