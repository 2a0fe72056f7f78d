/* rapport-fuzz.c
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

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rapport-events.h"
#include "rapport-fuzz.h"

static char *fuzz_dir;
static RapportStore *fuzz_store;

/* Criticals are the core's own checks failing: a bug the input found, so
 * they abort and libFuzzer keeps the input. Warnings and anything milder
 * would only slow the run down; RAPPORT_FUZZ_VERBOSE shows them. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  gboolean verbose = GPOINTER_TO_INT (user_data);

  if (!verbose && (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  /* Errors and criticals are fatal here. GLib would stop at a breakpoint
   * (SIGTRAP), which libFuzzer does not take for a crash, so it would keep
   * no input; and g_log() clears G_LOG_FLAG_FATAL before the writer. */
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

void
rapport_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  setlocale (LC_ALL, "");
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (log_writer_cb,
                         GINT_TO_POINTER (g_getenv ("RAPPORT_FUZZ_VERBOSE") != NULL),
                         NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

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
cleanup (void)
{
  g_clear_object (&fuzz_store);
  if (fuzz_dir != NULL)
    remove_tree (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

static const char *
get_dir (void)
{
  g_autoptr(GError) error = NULL;

  if (fuzz_dir != NULL)
    return fuzz_dir;

  rapport_fuzz_init ();
  fuzz_dir = g_dir_make_tmp ("rapport-fuzz-XXXXXX", &error);
  if (fuzz_dir == NULL)
    g_error ("Could not make a temporary folder: %s", error->message);
  atexit (cleanup);

  return fuzz_dir;
}

/**
 * rapport_fuzz_get_store:
 *
 * Returns: (transfer none): the process's store, in a temporary folder that
 *   goes at exit
 */
RapportStore *
rapport_fuzz_get_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fuzz_store != NULL)
    return fuzz_store;

  path = g_build_filename (get_dir (), "rapport.db", NULL);
  fuzz_store = rapport_store_new (path, &error);
  if (fuzz_store == NULL)
    g_error ("Could not open the store: %s", error->message);

  return fuzz_store;
}

/**
 * rapport_fuzz_get_event_id:
 *
 * Returns: the id of an event in the process's store, for RSVPs to go to
 */
gint64
rapport_fuzz_get_event_id (void)
{
  static gint64 event_id;
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (event_id > 0)
    return event_id;

  event = rapport_event_new ();
  rapport_event_set_title (event, "Fuzzing meetup");
  rapport_event_set_starts_at (event, 1747758600);
  rapport_event_set_ends_at (event, 1747767600);
  rapport_event_set_tzid (event, "Europe/Paris");
  if (!rapport_events_insert (rapport_fuzz_get_store (), event, &error))
    g_error ("Could not add the event: %s", error->message);
  event_id = rapport_event_get_id (event);

  return event_id;
}

/**
 * rapport_fuzz_write_file:
 * @name: a file name, without a folder
 *
 * Writes @data to @name in the temporary folder, for readers that take a
 * #GFile. No fsync: the file lives for one input.
 *
 * Returns: (transfer full): the file
 */
GFile *
rapport_fuzz_write_file (const char    *name,
                         const uint8_t *data,
                         size_t         size)
{
  g_autofree char *path = g_build_filename (get_dir (), name, NULL);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    g_error ("Could not write %s: %s", path, g_strerror (errno));

  while (size > 0)
    {
      ssize_t n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("Could not write %s: %s", path, g_strerror (errno));
      data += n;
      size -= n;
    }
  close (fd);

  return g_file_new_for_path (path);
}

/* The input's transaction: readers that open their own nest a savepoint
 * in it. */
void
rapport_fuzz_begin (RapportStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_store_begin (store, &error))
    g_error ("Could not begin: %s", error->message);
}

void
rapport_fuzz_rollback (RapportStore *store)
{
  rapport_store_rollback (store);
}

/* A stream that hands out at most @chunk bytes per read, so readers meet
 * their buffer's edges inside small inputs. */
#define RAPPORT_TYPE_FUZZ_STREAM (rapport_fuzz_stream_get_type ())

G_DECLARE_FINAL_TYPE (RapportFuzzStream, rapport_fuzz_stream, RAPPORT, FUZZ_STREAM, GInputStream)

struct _RapportFuzzStream
{
  GInputStream   parent_instance;

  const uint8_t *data;
  gsize          size;
  gsize          position;
  gsize          chunk;
};

G_DEFINE_FINAL_TYPE (RapportFuzzStream, rapport_fuzz_stream, G_TYPE_INPUT_STREAM)

static gssize
rapport_fuzz_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  RapportFuzzStream *self = RAPPORT_FUZZ_STREAM (stream);
  gsize n = MIN (MIN (count, self->chunk), self->size - self->position);

  if (n > 0)
    memcpy (buffer, self->data + self->position, n);
  self->position += n;

  return n;
}

static void
rapport_fuzz_stream_class_init (RapportFuzzStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = rapport_fuzz_stream_read;
}

static void
rapport_fuzz_stream_init (RapportFuzzStream *self)
{
}

/**
 * rapport_fuzz_stream_new:
 * @data: (array length=size): what the stream gives; it must outlive the stream
 * @chunk: the most one read returns, at least 1
 *
 * Returns: (transfer full): the stream
 */
GInputStream *
rapport_fuzz_stream_new (const uint8_t *data,
                         size_t         size,
                         gsize          chunk)
{
  RapportFuzzStream *self = g_object_new (RAPPORT_TYPE_FUZZ_STREAM, NULL);

  self->data = data;
  self->size = size;
  self->chunk = MAX (chunk, 1);

  return G_INPUT_STREAM (self);
}
