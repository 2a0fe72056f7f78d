/* fuzz-csv.c
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

#include <string.h>

#include "rapport-csv.h"
#include "rapport-fuzz.h"

/* The CSV reader. Each input is read twice, from one block and in small
 * reads whose size the last byte picks; both must read the same. When it
 * reads without error, what it read is written out with the writer and
 * read back, which must give it again. */

typedef struct
{
  GString   *transcript;
  GPtrArray *header;
  GPtrArray *rows;
  gboolean   ok;
} Reading;

static void
reading_clear (Reading *reading)
{
  g_string_free (reading->transcript, TRUE);
  g_clear_pointer (&reading->header, g_ptr_array_unref);
  g_clear_pointer (&reading->rows, g_ptr_array_unref);
}

static void
append_value (GString    *out,
              const char *value)
{
  g_string_append_printf (out, "%zu:%s|", strlen (value), value);
}

static void
read_all (GInputStream *stream,
          Reading      *reading)
{
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  const char * const *header;
  guint n_columns = 0;
  char **row;

  reading->transcript = g_string_new (NULL);
  reading->header = g_ptr_array_new_with_free_func (g_free);
  reading->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  reading->ok = FALSE;

  if (!rapport_csv_reader_read_header (reader, NULL, &error))
    {
      g_string_append_printf (reading->transcript, "error: %s\n", error->message);
      return;
    }

  header = rapport_csv_reader_get_header (reader, &n_columns);
  g_string_append_printf (reading->transcript, "delimiter %c, header ",
                          rapport_csv_reader_get_delimiter (reader));
  for (guint i = 0; i < n_columns; i++)
    {
      append_value (reading->transcript, header[i]);
      g_ptr_array_add (reading->header, g_strdup (header[i]));
    }
  g_string_append_c (reading->transcript, '\n');

  while ((row = rapport_csv_reader_read_row (reader, NULL, &error)) != NULL)
    {
      guint64 line = rapport_csv_reader_get_line (reader);
      g_autofree char *first = rapport_csv_reader_dup_location (reader, line, 0);
      g_autofree char *last = rapport_csv_reader_dup_location (reader, line, n_columns + 1);
      guint n = g_strv_length (row);

      g_assert_nonnull (first);
      g_assert_nonnull (last);
      g_assert_cmpuint (n, ==, n_columns);
      g_string_append_printf (reading->transcript, "line %" G_GUINT64_FORMAT ": ", line);
      for (guint i = 0; i < n; i++)
        append_value (reading->transcript, row[i]);
      g_string_append_c (reading->transcript, '\n');
      g_ptr_array_add (reading->rows, g_strdupv (row));
    }

  if (error != NULL)
    {
      g_string_append_printf (reading->transcript, "error: %s\n", error->message);
      return;
    }

  g_string_append (reading->transcript, "end\n");
  reading->ok = TRUE;
}

static GBytes *
write_all (Reading *reading)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(RapportCsvWriter) writer = rapport_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < reading->header->len; i++)
    rapport_csv_writer_add_field (writer, g_ptr_array_index (reading->header, i));
  g_assert_true (rapport_csv_writer_end_row (writer, NULL, &error));

  for (guint i = 0; i < reading->rows->len; i++)
    {
      char **row = g_ptr_array_index (reading->rows, i);

      for (guint j = 0; row[j] != NULL; j++)
        rapport_csv_writer_add_field (writer, row[j]);
      g_assert_true (rapport_csv_writer_end_row (writer, NULL, &error));
    }

  g_assert_true (rapport_csv_writer_flush (writer, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
same_values (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_rows (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!g_strv_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

/* Files the writer cannot give back as they were read, by design: with one
 * column an empty value is an empty line, which reading skips; a header
 * that starts with a byte order mark loses it. */
static gboolean
can_round_trip (Reading *reading)
{
  const char *first;

  if (!reading->ok || reading->header->len < 2)
    return FALSE;
  first = g_ptr_array_index (reading->header, 0);

  return !g_str_has_prefix (first, "\xEF\xBB\xBF");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) whole = NULL;
  g_autoptr(GInputStream) trickle = NULL;
  Reading first;
  Reading second;

  rapport_fuzz_init ();

  whole = g_memory_input_stream_new_from_data (data, size, NULL);
  read_all (whole, &first);

  trickle = rapport_fuzz_stream_new (data, size, 1 + (size > 0 ? data[size - 1] % 16 : 0));
  read_all (trickle, &second);

  if (!g_str_equal (first.transcript->str, second.transcript->str))
    g_error ("Reading in small pieces differs.\nIn one block:\n%s\nIn pieces:\n%s",
             first.transcript->str, second.transcript->str);

  if (can_round_trip (&first))
    {
      g_autoptr(GBytes) written = write_all (&first);
      g_autoptr(GInputStream) again = g_memory_input_stream_new_from_bytes (written);
      Reading third;

      read_all (again, &third);
      if (!third.ok || !same_values (first.header, third.header) || !same_rows (first.rows, third.rows))
        g_error ("Writing what was read and reading it again differs.\nRead:\n%s\nWritten:\n%.*s\nRead again:\n%s",
                 first.transcript->str, (int) g_bytes_get_size (written),
                 (const char *) g_bytes_get_data (written, NULL), third.transcript->str);
      reading_clear (&third);
    }

  reading_clear (&first);
  reading_clear (&second);
  return 0;
}
