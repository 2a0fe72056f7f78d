/* test-store-durable.c
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

/* Which commits reach the disk before they return. With synchronous=NORMAL
 * a WAL commit is not synced; with FULL it is. A VFS between SQLite and the
 * disk counts the syncs of -wal files. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-member.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  gboolean      is_wal;
} CountingFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs counting_vfs;
static sqlite3_io_methods counting_methods;
static guint wal_syncs;

#define REAL(file) (((CountingFile *) (file))->real)

static int
counting_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  g_free (REAL (file));
  return rc;
}

static int
counting_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
counting_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
counting_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
counting_sync (sqlite3_file *file, int flags)
{
  if (((CountingFile *) file)->is_wal)
    g_atomic_int_inc (&wal_syncs);
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
counting_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
counting_lock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
counting_unlock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
counting_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
counting_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
counting_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
counting_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
counting_shm_map (sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), region, size, extend, out);
}

static int
counting_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
counting_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
counting_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
counting_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
counting_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *p)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, p);
}

static int
counting_open (sqlite3_vfs  *vfs,
               const char   *name,
               sqlite3_file *file,
               int           flags,
               int          *out_flags)
{
  CountingFile *counting = (CountingFile *) file;
  int rc;

  counting->real = g_malloc0 (real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, counting->real, flags, out_flags);
  if (rc != SQLITE_OK || counting->real->pMethods == NULL)
    {
      g_clear_pointer (&counting->real, g_free);
      file->pMethods = NULL;
      return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }

  counting->is_wal = (flags & SQLITE_OPEN_WAL) != 0;
  file->pMethods = &counting_methods;
  return SQLITE_OK;
}

static int
counting_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
counting_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
counting_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void
install_counting_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  counting_vfs = *real_vfs;
  counting_vfs.zName = "rapport-counting";
  counting_vfs.szOsFile = sizeof (CountingFile);
  counting_vfs.pNext = NULL;
  counting_vfs.xOpen = counting_open;
  counting_vfs.xDelete = counting_delete;
  counting_vfs.xAccess = counting_access;
  counting_vfs.xFullPathname = counting_full_pathname;

  counting_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = counting_close,
    .xRead = counting_read,
    .xWrite = counting_write,
    .xTruncate = counting_truncate,
    .xSync = counting_sync,
    .xFileSize = counting_file_size,
    .xLock = counting_lock,
    .xUnlock = counting_unlock,
    .xCheckReservedLock = counting_check_reserved_lock,
    .xFileControl = counting_file_control,
    .xSectorSize = counting_sector_size,
    .xDeviceCharacteristics = counting_device_characteristics,
    .xShmMap = counting_shm_map,
    .xShmLock = counting_shm_lock,
    .xShmBarrier = counting_shm_barrier,
    .xShmUnmap = counting_shm_unmap,
    .xFetch = counting_fetch,
    .xUnfetch = counting_unfetch,
  };

  g_assert_cmpint (sqlite3_vfs_register (&counting_vfs, 1), ==, SQLITE_OK);
}

static gint64
synchronous_level (RapportStore *store)
{
  sqlite3_stmt *stmt;
  gint64 level;

  g_assert_cmpint (sqlite3_prepare_v2 (_rapport_store_get_db (store), "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  level = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return level;
}

static gint64
add_member (RapportStore *store,
            const char   *name)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (member, name);
  g_assert_true (rapport_store_insert_member (store, member, &error));
  g_assert_no_error (error);
  return rapport_member_get_id (member);
}

static void
test_durable_delete_and_undo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-durable-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana, ben;
  gint64 journal_id = 0;

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_store_is_damaged (store));
  ana = add_member (store, "Ana Lima");
  ben = add_member (store, "Ben Osei");

  /* Ordinary work: NORMAL, no sync at commit. */
  g_assert_cmpint (synchronous_level (store), ==, 1);
  wal_syncs = 0;
  member = rapport_store_get_member (store, ana, &error);
  g_assert_no_error (error);
  rapport_member_set_title (member, "Maintainer");
  g_assert_true (rapport_store_update_member (store, member, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wal_syncs, ==, 0);

  /* A delete and its undo are on disk when they return. */
  wal_syncs = 0;
  g_assert_true (rapport_store_delete_member (store, ben, &journal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wal_syncs, >=, 1);
  g_assert_cmpint (synchronous_level (store), ==, 1);

  wal_syncs = 0;
  g_assert_true (rapport_store_undo (store, journal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wal_syncs, >=, 1);
  g_assert_cmpint (synchronous_level (store), ==, 1);

  /* And back to NORMAL after them. */
  wal_syncs = 0;
  rapport_member_set_title (member, "Core maintainer");
  g_assert_true (rapport_store_update_member (store, member, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wal_syncs, ==, 0);

  /* A failed durable transaction leaves NORMAL too. */
  g_assert_false (rapport_store_undo (store, journal_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (synchronous_level (store), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  install_counting_vfs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/store/durable/delete-undo", test_durable_delete_and_undo);

  return g_test_run ();
}
