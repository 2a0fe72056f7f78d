/* rapport-store-open.c
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

/* Opening a database: read-write or read-only, the schema and its
 * migrations, and the backup made before an upgrade. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/resource.h>
#endif

#include "rapport-clock.h"
#include "rapport-core-resources.h"
#include "rapport-store-private.h"

#define SQL_RESOURCE_DIR RESOURCE_PATH "/sql"

/* The nice value of the check at open. */
#define CHECK_NICE 10

/* The schema, in order. Schema version N is the first N files applied. */
static const char * const migrations[] = {
  "0001-members.sql",
  "0002-search.sql",
  "0003-community.sql",
  "0004-scoring.sql",
  "0005-sync.sql",
  "0006-events.sql",
  "0007-content.sql",
  "0008-organization-identities.sql",
  "0009-database-identity.sql",
  "0010-journal.sql",
  "0011-people.sql",
};

/**
 * _rapport_store_get_migrations:
 * @n: (out): how many there are
 *
 * Returns: (transfer none): the schema files in the order they apply
 */
const char * const *
_rapport_store_get_migrations (guint *n)
{
  *n = G_N_ELEMENTS (migrations);
  return migrations;
}

int
rapport_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * rapport_store_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/rapport/rapport.db`
 */
char *
rapport_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

/* unixepoch() without arguments is "now" in SQL: the defaults of created_at
 * and updated_at, and the statements that stamp a row. It reads the same
 * clock as every rule, so a test that sets the clock sets SQL's too. With
 * arguments it stays SQLite's own. */
static void
clock_unixepoch (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  sqlite3_result_int64 (context, rapport_now_unix ());
}

static gboolean
is_writable (const char *path,
             int        *errsv)
{
  /* AT_EACCESS: as this process may, not as its real user could. */
  if (faccessat (AT_FDCWD, path, W_OK, AT_EACCESS) == 0)
    return TRUE;

  *errsv = errno;
  return FALSE;
}

/* A database that this process may not write, or whose folder it may not
 * write (SQLite creates -wal and -shm there), is opened read-only and says
 * why. A clean one (no -wal, no -shm) is opened immutable: SQLite then needs
 * neither file and leaves none behind. */
static gboolean
choose_open_mode (RapportStore  *self,
                  int           *flags,
                  GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *absolute = NULL;
  g_autofree char *file_uri = NULL;
  gboolean immutable;
  GStatBuf st;
  int errsv = 0;

  *flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (is_writable (dir, &errsv))
        return TRUE;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the database “%s”: its folder is not writable (%s)"),
                   self->path, g_strerror (errsv));
      return FALSE;
    }

  if (!is_writable (self->path, &errsv))
    self->read_only_reason = errsv == EROFS ? g_strdup (_("it is on a read-only file system"))
                                            : g_strdup (_("the file is not writable"));
  else if (!is_writable (dir, &errsv))
    self->read_only_reason = errsv == EROFS ? g_strdup (_("it is on a read-only file system"))
                                            : g_strdup_printf (_("its folder “%s” is not writable"), dir);
  else if (g_file_test (shm, G_FILE_TEST_EXISTS) && !is_writable (shm, &errsv))
    self->read_only_reason = g_strdup_printf (_("“%s” beside it is read-only (close every program that "
                                                "has the database open, then delete that file)"),
                                              shm);
  else
    return TRUE;

  immutable = !g_file_test (shm, G_FILE_TEST_EXISTS) && (g_stat (wal, &st) != 0 || st.st_size == 0);
  absolute = g_canonicalize_filename (self->path, NULL);
  file_uri = g_filename_to_uri (absolute, NULL, NULL);
  if (file_uri != NULL)
    self->uri = g_strconcat (file_uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro", NULL);
  *flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;

  return TRUE;
}

static gboolean
open_connection (RapportStore  *self,
                 GError       **error)
{
  int flags;
  int rc;

  if (!choose_open_mode (self, &flags, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->uri ? self->uri : self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQLITE,
                   _("Could not open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_create_function (self->db, "unixepoch", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                           clock_unixepoch, NULL, NULL);
  _rapport_store_set_busy_handler (self);

  /* SQLite falls back to read-only by itself when it cannot open the file
   * for writing (an ACL, a race with chmod). */
  if (self->read_only_reason == NULL && sqlite3_db_readonly (self->db, "main") == 1)
    self->read_only_reason = g_strdup (_("the file is not writable"));

  return TRUE;
}

static gboolean
read_version (RapportStore  *self,
              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Reading the header is the first thing that touches the file: a text file
   * or an encrypted one fails here, before anything is written. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      g_autofree char *message = g_strdup (sqlite3_errmsg (self->db));
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

      sqlite3_finalize (stmt);
      switch (rc & 0xff)
        {
        case SQLITE_NOTADB:
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a Rapport database: %s"), self->path, message);
          break;

        case SQLITE_CORRUPT:
          {
            g_autofree char *damage = _rapport_store_describe_damage (self->path, message);

            g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED, damage);
          }
          break;

        case SQLITE_CANTOPEN:
          /* A WAL that was never folded back (a crash, a copy taken while
           * Rapport ran) needs a -shm beside it, which a read-only folder
           * cannot get. */
          if (self->read_only_reason != NULL && g_file_test (wal, G_FILE_TEST_EXISTS))
            {
              g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                           _("Could not read “%s”: it is read-only because %s, and its write-ahead "
                             "log “%s” holds changes that SQLite can only read by creating a "
                             "“-shm” file beside it. Make the folder writable once, or copy the "
                             "database together with its “-wal” file to a writable folder and "
                             "open the copy."),
                           self->path, self->read_only_reason, wal);
              break;
            }
          G_GNUC_FALLTHROUGH;

        default:
          _rapport_store_set_sqlite_error (self, rc, message, error);
          g_prefix_error (error, _("Could not read “%s”: "), self->path);
          break;
        }
      return FALSE;
    }

  self->version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (self->version == 0 &&
      _rapport_store_query_int64 (self, "SELECT count(*) FROM sqlite_schema", 0) > 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not Rapport’s"), self->path);
      return FALSE;
    }

  return TRUE;
}

char *
rapport_store_dup_backup_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return g_strdup_printf ("%s.v%d.bak", self->path, self->version);
}

static gboolean
backup (RapportStore  *self,
        GError       **error)
{
  g_autofree char *backup_path = rapport_store_dup_backup_path (self);
  sqlite3 *dest = NULL;
  sqlite3_backup *b;
  int rc;

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      b = sqlite3_backup_init (dest, "main", self->db, "main");
      if (b != NULL)
        {
          sqlite3_backup_step (b, -1);
          sqlite3_backup_finish (b);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQLITE,
                   _("Could not back up the database to “%s” before upgrading it: %s"),
                   backup_path, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  sqlite3_close (dest);
  g_message ("Backed up schema version %d to %s", self->version, backup_path);
  return TRUE;
}

static gboolean
migrate (RapportStore  *self,
         GError       **error)
{
  /* Referencing the resource keeps the linker from dropping it out of the
   * static library; its constructor registers it. */
  g_assert (rapport_core_get_resource () != NULL);

  for (int v = self->version; v < (int) G_N_ELEMENTS (migrations); v++)
    {
      g_autofree char *resource = g_build_path ("/", SQL_RESOURCE_DIR, migrations[v], NULL);
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sql = NULL;
      gboolean ok;

      bytes = g_resources_lookup_data (resource, 0, &local_error);
      if (bytes == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!_rapport_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      _rapport_store_record_writer (self, "upgrade");

      ok = _rapport_store_exec (self, sql, &local_error) &&
           _rapport_store_exec (self, set_version, &local_error);
      _rapport_store_unrecord_writer (self);
      ok = ok && _rapport_store_exec (self, "COMMIT", &local_error);
      if (!ok)
        {
          _rapport_store_exec (self, "ROLLBACK", NULL);
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQLITE,
                       _("Could not upgrade the database with %s: %s"),
                       migrations[v], local_error->message);
          return FALSE;
        }

      self->version = v + 1;
    }

  return TRUE;
}

static gboolean
configure_connection (RapportStore  *self,
                      GError       **error)
{
  /* A read-only file keeps the journal mode it has. */
  if (self->read_only_reason != NULL)
    return _rapport_store_exec (self,
                                "PRAGMA foreign_keys = ON;"
                                "PRAGMA temp_store = MEMORY;"
                                "PRAGMA cache_size = -8000;",
                                error);

  return _rapport_store_exec (self,
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA foreign_keys = ON;"
                              "PRAGMA temp_store = MEMORY;"
                              "PRAGMA cache_size = -8000;",
                              error);
}

#ifdef __linux__
typedef struct
{
  RapportStore *store;
  gboolean      held;
} StartCheck;

static gpointer
start_check_thread_cb (gpointer data)
{
  StartCheck *start = data;

  /* On Linux the nice value belongs to the thread, and the threads it
   * makes inherit it: the check's, made here. */
  if (setpriority (PRIO_PROCESS, 0, CHECK_NICE) != 0)
    g_debug ("Could not lower the priority of the check at open: %s", g_strerror (errno));
  _rapport_store_start_check (start->store, FALSE, start->held);

  return NULL;
}
#endif

/* PRAGMA quick_check walks every page of the file, a second or so of a
 * core on a large one. It runs at a lower priority than the program, so
 * that what the program shows meanwhile (a window's first frames) does not
 * wait for it: on a busy machine it takes what is left. */
static void
start_check (RapportStore *self,
             gboolean      checked,
             gboolean      held)
{
#ifdef __linux__
  /* The check reports to the thread-default main context of the thread
   * that starts it: another thread shares only the global one. */
  if (!checked && g_main_context_get_thread_default () == NULL)
    {
      StartCheck start = { self, held };

      g_thread_join (g_thread_new ("rapport-check-start", start_check_thread_cb, &start));
      return;
    }
#endif

  _rapport_store_start_check (self, checked, held);
}

/**
 * rapport_store_new:
 * @path: the database file; its folder is created if needed
 *
 * Opens the database, upgrading an older schema after backing the file up.
 * A file written by a newer Rapport is refused and left as it is.
 *
 * A file that this process may not write, or whose folder it may not write,
 * is opened read-only (rapport_store_is_read_only()). Before an upgrade
 * PRAGMA integrity_check runs, and a damaged file is not upgraded; otherwise
 * PRAGMA quick_check starts in a thread of its own, at a lower priority than
 * the caller, and writes wait for it: a damaged file refuses them
 * (rapport_store_is_damaged()).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RapportStore *
rapport_store_new (const char  *path,
                   GError     **error)
{
  return rapport_store_new_full (path, RAPPORT_STORE_OPEN_DEFAULT, error);
}

/**
 * rapport_store_new_full:
 * @path: the database file; its folder is created if needed
 * @flags: how to open it
 *
 * Opens the database as rapport_store_new() does. With
 * %RAPPORT_STORE_OPEN_CHECK_LATER the quick check at open waits for
 * rapport_store_start_check() or the first write: a window starts it once
 * its first frame is on screen, so that the check's reading of the whole
 * file does not slow that frame.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RapportStore *
rapport_store_new_full (const char             *path,
                        RapportStoreOpenFlags   flags,
                        GError                **error)
{
  g_autoptr(RapportStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean checked = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, error) || !read_version (self, error))
    return NULL;

  if (self->version > rapport_store_get_latest_version ())
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Rapport (schema %d; this version "
                     "knows up to %d). Update Rapport to open it; the file was not changed."),
                   path, self->version, rapport_store_get_latest_version ());
      return NULL;
    }

  if (self->read_only_reason != NULL && self->version < rapport_store_get_latest_version ())
    {
      if (self->version == 0)
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                     _("Could not set up a new database in “%s”: it is read-only because %s."),
                     path, self->read_only_reason);
      else
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                     _("“%s” needs an upgrade from schema %d to %d, but it is read-only because %s. "
                       "Make it writable and open it again; the file was not changed."),
                     path, self->version, rapport_store_get_latest_version (), self->read_only_reason);
      return NULL;
    }

  if (self->version > 0 && self->version < rapport_store_get_latest_version ())
    {
      if (!_rapport_store_check_before_upgrade (self, error) || !backup (self, error))
        return NULL;
      checked = TRUE;
    }

  if (!configure_connection (self, error) || !migrate (self, error))
    return NULL;

  start_check (self, checked, (flags & RAPPORT_STORE_OPEN_CHECK_LATER) != 0);

  return g_steal_pointer (&self);
}

/**
 * rapport_store_new_for_thread:
 *
 * A second connection to the same file, for a worker thread. WAL lets it
 * write while the main connection reads. Its ::changed signals are emitted on
 * that thread; the owner tells the main store when the work is done.
 *
 * Returns: (transfer full): a store, or %NULL with @error set
 */
RapportStore *
rapport_store_new_for_thread (RapportStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return rapport_store_new_worker (self->path, error);
}

/**
 * rapport_store_new_worker:
 * @path: a database that a #RapportStore has already opened (and upgraded)
 *
 * Like rapport_store_new_for_thread(), for a thread that keeps only the path,
 * so it holds no reference to the main thread's store.
 *
 * Returns: (transfer full): a store, or %NULL with @error set
 */
RapportStore *
rapport_store_new_worker (const char  *path,
                          GError     **error)
{
  g_autoptr(RapportStore) other = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  other = g_object_new (RAPPORT_TYPE_STORE, NULL);
  other->path = g_strdup (path);

  if (!open_connection (other, error) || !read_version (other, error) ||
      !configure_connection (other, error))
    return NULL;

  /* The check the store that opened the file runs holds this connection's
   * writes too. */
  _rapport_store_join_health (other);

  return g_steal_pointer (&other);
}

/**
 * rapport_store_is_read_only:
 *
 * Whether the file was opened read-only because this process may not write
 * it or its folder. Reads work; every change fails with
 * %RAPPORT_STORE_ERROR_READ_ONLY.
 */
gboolean
rapport_store_is_read_only (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return self->read_only_reason != NULL;
}

/**
 * rapport_store_get_read_only_reason:
 *
 * Returns: (nullable): why the file is read-only ("the file is not
 *   writable", "its folder “…” is not writable"), or %NULL
 */
const char *
rapport_store_get_read_only_reason (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->read_only_reason;
}
