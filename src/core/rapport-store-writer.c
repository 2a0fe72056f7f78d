/* rapport-store-writer.c
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

/* Two writers at once: the record of which Rapport job holds the write lock,
 * and the busy handler with which another writer waits for it. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include "rapport-store-private.h"

/* How long a writer waits for the write lock: behind another Rapport job
 * that is alive, up to the wait limit (rapport_store_set_wait_limit());
 * behind anything else (the sqlite3 shell, a dead job's stale record), as
 * long as SQLite's usual busy timeout. */
#define DEFAULT_WAIT_LIMIT_S (15 * 60)
#define OTHER_WAIT_LIMIT_US  (5 * G_USEC_PER_SEC)

void
_rapport_store_init_writer (RapportStore *self)
{
  self->wait_limit = DEFAULT_WAIT_LIMIT_S;
  self->record_fd = -1;
}

/* Which job holds the write lock: a record in PATH.writer that the holder
 * writes after BEGIN IMMEDIATE and empties before COMMIT or ROLLBACK, so
 * only the holder ever touches it. A job killed with SIGKILL leaves its
 * record behind, but its lock died with it: a record whose process is gone
 * (or is another process with the same pid) names nobody.
 *
 * Creating and removing the file at each transaction costs ten times more
 * than writing it, so every connection that writes keeps it open with a
 * shared flock(), and the last one to close removes it. */

static char *
writer_record_path (RapportStore *self)
{
  return g_strconcat (self->path, ".writer", NULL);
}

static guint64 process_start_ticks (int pid);

static int
open_writer_record (RapportStore *self)
{
  g_autofree char *path = writer_record_path (self);

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      GStatBuf opened, named;
      int fd;

      fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0)
        return -1;

      /* The last connection removes the file while it holds it alone;
       * one that opened it meanwhile finds it gone and opens it anew. */
      if (flock (fd, LOCK_SH) == 0 && fstat (fd, &opened) == 0 && g_stat (path, &named) == 0 &&
          opened.st_dev == named.st_dev && opened.st_ino == named.st_ino)
        return fd;

      close (fd);
    }

  return -1;
}

void
_rapport_store_close_writer_record (RapportStore *self)
{
  g_autofree char *path = NULL;

  if (self->record_fd < 0)
    return;

  if (flock (self->record_fd, LOCK_EX | LOCK_NB) == 0)
    {
      path = writer_record_path (self);
      g_unlink (path);
    }
  close (self->record_fd);
  self->record_fd = -1;
}

void
_rapport_store_record_writer (RapportStore *self,
                              const char   *job)
{
  g_autofree char *text = NULL;
  gsize len;

  if (self->record_fd < 0 && (self->record_fd = open_writer_record (self)) < 0)
    return;

  text = g_strdup_printf ("%d\t%" G_GUINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n", (int) getpid (),
                          process_start_ticks (getpid ()), g_get_real_time () / G_USEC_PER_SEC,
                          job ? job : "");
  len = strlen (text);
  /* Not atomic and not synced: a reader that sees half a record looks
   * again a moment later, and nothing needs it after a crash. */
  self->recorded = pwrite (self->record_fd, text, len, 0) == (gssize) len &&
                   ftruncate (self->record_fd, len) == 0;
}

void
_rapport_store_unrecord_writer (RapportStore *self)
{
  if (!self->recorded)
    return;

  if (ftruncate (self->record_fd, 0) != 0)
    g_debug ("Could not clear the writer record of %s: %s", self->path, g_strerror (errno));
  self->recorded = FALSE;
}

/* When @pid started, in clock ticks since boot (field 22 of /proc/PID/stat),
 * or 0 when /proc does not say. With the pid it names one process for good. */
static guint64
process_start_ticks (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return 0;

  /* After the command in parentheses, field 3 (the state) comes first. */
  fields = g_strsplit (end + 2, " ", 21);
  if (g_strv_length (fields) < 20)
    return 0;

  return g_ascii_strtoull (fields[19], NULL, 10);
}

static gboolean
process_is_alive (int     pid,
                  guint64 start_ticks)
{
  guint64 started;

  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;

  /* A process that started at another moment reuses the pid of the one
   * that wrote the record. */
  started = process_start_ticks (pid);
  if (start_ticks != 0 && started != 0 && started != start_ticks)
    return FALSE;

  return TRUE;
}

/* Returns: the process of the live Rapport job that holds the lock, or 0 */
static int
read_writer (RapportStore  *self,
             char         **job)
{
  g_autofree char *path = writer_record_path (self);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 pid;
  guint64 start_ticks;

  *job = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL) || text[0] == '\0')
    return 0;

  /* PID, its start in ticks since boot, when it took the lock, the job */
  fields = g_strsplit (g_strchomp (text), "\t", 4);
  if (g_strv_length (fields) < 4 ||
      !g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT, &pid, NULL) ||
      !g_ascii_string_to_unsigned (fields[1], 10, 0, G_MAXUINT64, &start_ticks, NULL) ||
      !process_is_alive ((int) pid, start_ticks))
    return 0;

  *job = g_strdup (fields[3]);
  return (int) pid;
}

/* SQLite calls this while another connection holds the lock it needs. It
 * keeps waiting as long as a live Rapport job holds it (up to the wait
 * limit), and as long as SQLite's usual timeout otherwise. */
static int
on_busy_cb (void *data,
            int   count)
{
  RapportStore *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 limit;

  if (count == 0)
    {
      self->busy_started = now;
      self->busy_next_look = now;
      self->busy_next_notice = now + G_USEC_PER_SEC / 2;
      self->busy_unknown_since = 0;
      self->busy_cancelled = FALSE;
      self->busy_gave_up = FALSE;
    }
  self->busy_waited = (now - self->busy_started) / G_USEC_PER_SEC;

  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    {
      self->busy_cancelled = TRUE;
      self->busy_gave_up = TRUE;
      return 0;
    }

  if (now >= self->busy_next_look)
    {
      g_clear_pointer (&self->busy_job, g_free);
      self->busy_pid = read_writer (self, &self->busy_job);
      self->busy_next_look = now + G_USEC_PER_SEC / 5;
      /* A job empties its record just before COMMIT: whoever holds the
       * lock after it gets the usual timeout from then on. */
      if (self->busy_pid != 0)
        self->busy_unknown_since = 0;
      else if (self->busy_unknown_since == 0)
        self->busy_unknown_since = now;
    }

  if (self->busy_pid != 0)
    limit = (gint64) self->wait_limit * G_USEC_PER_SEC - (now - self->busy_started);
  else
    limit = OTHER_WAIT_LIMIT_US - (now - self->busy_unknown_since);
  if (limit <= 0)
    {
      self->busy_gave_up = TRUE;
      return 0;
    }

  if (now >= self->busy_next_notice)
    {
      self->busy_next_notice += G_USEC_PER_SEC;
      _rapport_store_emit_waiting (self,
                                   self->busy_pid != 0 ? (self->busy_job ? self->busy_job : "") : NULL,
                                   self->busy_pid, self->busy_waited);
    }

  /* Short sleeps first: most waits are for a single-row write. */
  g_usleep (count < 10 ? 1000 * (count + 1) : 50000);
  return 1;
}

void
_rapport_store_set_busy_handler (RapportStore *self)
{
  sqlite3_busy_handler (self->db, on_busy_cb, self);
}

static char *
describe_holder (const char *job,
                 int         pid)
{
  if (job != NULL && job[0] != '\0')
    /* Translators: a job ("import") and its process id */
    return g_strdup_printf (_("%s, process %d"), job, pid);

  return g_strdup_printf (_("process %d"), pid);
}

void
_rapport_store_set_busy_error (RapportStore  *self,
                               int            code,
                               const char    *message,
                               GError       **error)
{
  g_autofree char *holder = NULL;

  /* Busy without our handler giving up: a snapshot that another
   * connection's commit made stale, or a recovery. */
  if (!self->busy_gave_up)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY,
                   _("The database is busy: %s. Try again."), message);
      return;
    }

  holder = describe_holder (self->busy_job, self->busy_pid);
  if (self->busy_cancelled)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                 _("Stopped waiting for another Rapport job (%s) to finish writing to “%s”"),
                 holder, self->path);
  else if (self->busy_pid != 0)
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY,
                 _("Gave up after %u s: another Rapport job (%s) is still writing to “%s”. "
                   "Try again when it has finished."),
                 self->busy_waited, holder, self->path);
  else
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY,
                 _("“%s” stayed locked for %u s by a program that is not a running Rapport job "
                   "(the sqlite3 shell, a backup tool…). Close it and try again."),
                 self->path, self->busy_waited);

  self->busy_gave_up = FALSE;
}

/**
 * rapport_store_set_job:
 * @job: (nullable): what this connection's writes are for ("import",
 *   "sync"), as another writer that has to wait is told
 */
void
rapport_store_set_job (RapportStore *self,
                       const char   *job)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  g_free (self->job);
  self->job = g_strdup (job);
}

/**
 * rapport_store_set_wait_limit:
 * @seconds: how long a write waits for another running Rapport job to
 *   finish before it fails with %RAPPORT_STORE_ERROR_BUSY
 *
 * The default is 15 minutes: a second writer waits for an import instead of
 * failing. A connection that must not block long (a window's) lowers it.
 * Whoever else holds the lock (not a running Rapport job) is waited for
 * 5 seconds at most.
 */
void
rapport_store_set_wait_limit (RapportStore *self,
                              guint         seconds)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  self->wait_limit = seconds;
}

/**
 * rapport_store_set_cancellable:
 * @cancellable: (nullable): stops a wait for another writer; the write then
 *   fails with %G_IO_ERROR_CANCELLED
 */
void
rapport_store_set_cancellable (RapportStore *self,
                               GCancellable *cancellable)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
}
