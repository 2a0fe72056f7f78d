/* rapport-csv.c
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

#define G_LOG_DOMAIN "rapport-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-csv.h"
#include "rapport-member-io.h"

#define BLOCK_SIZE (64 * 1024)

/* Limits that keep a wrong or hostile file from taking all memory, each far
 * above what real data holds. A spreadsheet cell holds at most 32,767
 * characters (Excel) or 50,000 (Google Sheets), a HubSpot text property
 * 65,536: up to 256 KiB of UTF-8. 64 KiB could cut such a note short, so a
 * value may take 1 MiB. A row may take four such values, and have 1,000
 * columns: Rapport's export has one per platform and custom field, and a
 * CRM's export of every property a few hundred. */
#define MAX_FIELD_BYTES (1024 * 1024)
#define MAX_ROW_BYTES   (4 * 1024 * 1024)
#define MAX_COLUMNS     1000

/* How far the delimiter is looked for: the first line may be endless. */
#define SNIFF_BYTES     BLOCK_SIZE

G_DEFINE_QUARK (rapport-csv-error-quark, rapport_csv_error)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
  STATE_AFTER_QUOTED,
} ParseState;

struct _RapportCsvReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         buffer_size;
  gsize         length;
  gsize         position;
  guint64       bytes_read;

  char          delimiter;
  guint64       line;
  guint         last_cr : 1;
  guint         skip_lf : 1;
  guint         field_quoted : 1;
  guint         field_blank : 1;

  /* The current row: every field's bytes one after another, each ended by a
   * NUL, so a row costs no allocation once the buffers have grown. */
  guint64       row_line;
  gsize         field_limit;
  GString      *data;
  GArray       *starts;
  GArray       *lines;
  GPtrArray    *fields;

  GPtrArray    *header;
};

struct _RapportCsvWriter
{
  GOutputStream *stream;
  GString       *buffer;
  gboolean       row_started;
};

/* Whether @value matches ^'*[=+\-@\t\r]. A spreadsheet takes a cell that
 * starts with one of these for a formula (OWASP, "CSV Injection"), so the
 * writer puts a quote before it, which spreadsheets show as text; the quotes
 * already there are counted so that the reader, which takes exactly one
 * away, gets every value back as it was. */
static gboolean
looks_like_formula (const char *value)
{
  while (*value == '\'')
    value++;

  return *value == '=' || *value == '+' || *value == '-' || *value == '@' ||
         *value == '\t' || *value == '\r';
}

RapportCsvReader *
rapport_csv_reader_new (GInputStream *stream)
{
  RapportCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (RapportCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buffer_size = BLOCK_SIZE;
  self->buffer = g_malloc (self->buffer_size);
  self->delimiter = ',';
  self->line = 1;
  self->data = g_string_sized_new (1024);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->fields = g_ptr_array_new ();

  return self;
}

void
rapport_csv_reader_free (RapportCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->buffer, g_free);
  g_string_free (self->data, TRUE);
  g_array_unref (self->starts);
  g_array_unref (self->lines);
  g_ptr_array_unref (self->fields);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self);
}

/* Appends the next block of the stream to what is left of the buffer.
 * Returns the number of bytes added, 0 at the end, -1 on error. */
static gssize
read_more (RapportCsvReader  *self,
           GCancellable      *cancellable,
           GError           **error)
{
  gssize n;

  if (self->position > 0)
    {
      memmove (self->buffer, self->buffer + self->position, self->length - self->position);
      self->length -= self->position;
      self->position = 0;
    }

  if (self->buffer_size - self->length < BLOCK_SIZE / 2)
    {
      self->buffer_size *= 2;
      self->buffer = g_realloc (self->buffer, self->buffer_size);
    }

  n = g_input_stream_read (self->stream, self->buffer + self->length,
                           self->buffer_size - self->length, cancellable, error);
  if (n > 0)
    {
      self->length += n;
      self->bytes_read += n;
    }

  return n;
}

char *
rapport_csv_reader_dup_location (RapportCsvReader *self,
                                 guint64           line,
                                 guint             column)
{
  const char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->header != NULL && column >= 1 && column <= self->header->len - 1)
    name = g_ptr_array_index (self->header, column - 1);

  if (name != NULL && name[0] != '\0')
    /* Translators: where a problem is in a CSV file; the last %s is the column's header */
    return g_strdup_printf (_("Line %" G_GUINT64_FORMAT ", column %u (“%s”)"), line, column, name);

  /* Translators: where a problem is in a CSV file */
  return g_strdup_printf (_("Line %" G_GUINT64_FORMAT ", column %u"), line, column);
}

static gboolean
set_error_at (RapportCsvReader  *self,
              GError           **error,
              int                code,
              guint64            line,
              guint              column,
              const char        *message)
{
  g_autofree char *where = rapport_csv_reader_dup_location (self, line, column);

  g_set_error (error, RAPPORT_CSV_ERROR, code, "%s: %s", where, message);
  return FALSE;
}

static gboolean
set_row_error (RapportCsvReader  *self,
               GError           **error,
               int                code,
               guint              column,
               const char        *message)
{
  return set_error_at (self, error, code, self->row_line, column, message);
}

static int
malformed (RapportCsvReader  *self,
           GError           **error,
           const char        *message)
{
  set_row_error (self, error, RAPPORT_CSV_ERROR_MALFORMED, self->starts->len, message);
  return -1;
}

static void
begin_field (RapportCsvReader *self)
{
  gsize start = self->data->len;

  g_array_append_val (self->starts, start);
  g_array_append_val (self->lines, self->line);
  self->field_limit = MIN (start + MAX_FIELD_BYTES, MAX_ROW_BYTES);
  self->field_quoted = FALSE;
  self->field_blank = TRUE;
}

/* The current value has just grown past field_limit: names it, and which
 * limit it crossed, the lower of its own and its row's. */
static G_GNUC_NO_INLINE gboolean
too_large (RapportCsvReader  *self,
           GError           **error)
{
  guint column = self->starts->len;
  gsize start = g_array_index (self->starts, gsize, column - 1);
  g_autofree char *message = NULL;

  if (start + MAX_FIELD_BYTES <= MAX_ROW_BYTES)
    {
      message = g_strdup_printf (_("a value longer than %u MiB, more than one value may hold; a "
                                   "quote that is never closed makes one value of the rest of "
                                   "the file"),
                                 (guint) (MAX_FIELD_BYTES / (1024 * 1024)));
      set_error_at (self, error, RAPPORT_CSV_ERROR_TOO_LARGE,
                    g_array_index (self->lines, guint64, column - 1), column, message);
    }
  else
    {
      message = g_strdup_printf (_("a row longer than %u MiB, more than one row may hold"),
                                 (guint) (MAX_ROW_BYTES / (1024 * 1024)));
      set_row_error (self, error, RAPPORT_CSV_ERROR_TOO_LARGE, column, message);
    }

  return FALSE;
}

/* Whether the current value, and its row so far, are within their
 * limits: one comparison. */
static inline gboolean
check_limits (RapportCsvReader  *self,
              GError           **error)
{
  if (G_LIKELY (self->data->len <= self->field_limit))
    return TRUE;

  return too_large (self, error);
}

static G_GNUC_NO_INLINE gboolean
too_many_columns (RapportCsvReader  *self,
                  GError           **error)
{
  g_autofree char *message =
    g_strdup_printf (_("a row with more than %u columns, more than Rapport reads"),
                     (guint) MAX_COLUMNS);

  return set_error_at (self, error, RAPPORT_CSV_ERROR_TOO_LARGE, self->line, MAX_COLUMNS + 1,
                       message);
}

/* Ends the current value at a delimiter and begins the next, if the row
 * may have one more. */
static inline gboolean
next_field (RapportCsvReader  *self,
            GError           **error)
{
  if (G_UNLIKELY (self->starts->len >= MAX_COLUMNS))
    return too_many_columns (self, error);

  g_string_append_c (self->data, '\0');
  begin_field (self);
  return TRUE;
}

static void
begin_row (RapportCsvReader *self)
{
  g_string_truncate (self->data, 0);
  g_array_set_size (self->starts, 0);
  g_array_set_size (self->lines, 0);
  self->row_line = self->line;
  begin_field (self);
}

static void
end_row (RapportCsvReader *self)
{
  g_string_append_c (self->data, '\0');

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->starts->len; i++)
    g_ptr_array_add (self->fields, self->data->str + g_array_index (self->starts, gsize, i));
  g_ptr_array_add (self->fields, NULL);
}

/* Reads one record, which may span several lines. Returns 1 when it read
 * one, 0 at the end of the file, -1 on error. */
static int
read_record (RapportCsvReader  *self,
             GCancellable      *cancellable,
             GError           **error)
{
  ParseState state = STATE_FIELD_START;
  gboolean in_row = FALSE;
  const guint8 delimiter = self->delimiter;
  gsize stop = 0;

  for (;;)
    {
      guint8 c;

      /* Parsing stops where the buffer ends, or sooner where the current
       * value could first cross a limit, as a byte adds one at most. So a
       * value or row too long is refused right after the byte that made it
       * so, whatever size the blocks of the file come in. */
      if (G_UNLIKELY (self->position >= stop))
        {
          gsize budget;

          if (in_row && !check_limits (self, error))
            return -1;

          if (self->position >= self->length)
            {
              gssize n = read_more (self, cancellable, error);

              if (n < 0)
                return -1;

              if (n == 0)
                {
                  if (!in_row)
                    return 0;

                  if (state == STATE_QUOTED)
                    return malformed (self, error,
                                      _("a quoted value has no closing quote before the end "
                                        "of the file"));

                  end_row (self);
                  return 1;
                }
            }

          /* Before its first byte, a row's first value may take the most. */
          budget = in_row ? self->field_limit - self->data->len + 1 : MAX_FIELD_BYTES + 1;
          stop = self->position + MIN (self->length - self->position, budget);
        }

      c = self->buffer[self->position++];

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (c == '\n')
            {
              self->last_cr = FALSE;
              continue;
            }
        }

      if (!in_row)
        {
          begin_row (self);
          in_row = TRUE;
        }

      /* Lines are counted as a text editor shows them: CRLF, LF or CR. */
      if (c == '\n')
        {
          if (!self->last_cr)
            self->line++;
        }
      else if (c == '\r')
        self->line++;
      self->last_cr = (c == '\r');

      switch (state)
        {
        case STATE_FIELD_START:
        case STATE_UNQUOTED:
          if (c == delimiter)
            {
              if (!next_field (self, error))
                return -1;
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              self->skip_lf = (c == '\r');
              end_row (self);
              return 1;
            }
          else if (c == '"')
            {
              /* Spaces before an opening quote are forgiven: people type
               * `a, "b"`. A quote inside a value is not. */
              if (!self->field_blank)
                return malformed (self, error,
                                  _("a quote inside a value that does not start with one; put the "
                                    "whole value in quotes and double the quote (\"\")"));

              g_string_truncate (self->data,
                                 g_array_index (self->starts, gsize, self->starts->len - 1));
              self->field_quoted = TRUE;
              state = STATE_QUOTED;
            }
          else
            {
              g_string_append_c (self->data, c);
              if (c != ' ' && c != '\t')
                self->field_blank = FALSE;
              state = STATE_UNQUOTED;
            }
          break;

        case STATE_QUOTED:
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            g_string_append_c (self->data, c);
          break;

        case STATE_QUOTE_IN_QUOTED:
        case STATE_AFTER_QUOTED:
          if (c == '"' && state == STATE_QUOTE_IN_QUOTED)
            {
              g_string_append_c (self->data, '"');
              state = STATE_QUOTED;
            }
          else if (c == delimiter)
            {
              if (!next_field (self, error))
                return -1;
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              self->skip_lf = (c == '\r');
              end_row (self);
              return 1;
            }
          else if (c == ' ' || c == '\t')
            state = STATE_AFTER_QUOTED;
          else
            return malformed (self, error,
                              _("text after the closing quote; a quote that belongs to the value "
                                "must be doubled (\"\")"));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
check_encoding (RapportCsvReader  *self,
                GError           **error)
{
  for (guint i = 0; i < self->starts->len; i++)
    {
      const char *field = g_ptr_array_index (self->fields, i);
      gsize start = g_array_index (self->starts, gsize, i);
      gsize end = i + 1 < self->starts->len ? g_array_index (self->starts, gsize, i + 1) - 1
                                            : self->data->len - 1;
      const char *bad = NULL;
      g_autofree char *where = NULL;
      guint64 line;

      if (g_utf8_validate_len (field, end - start, &bad))
        continue;

      /* Name the line of the bad byte itself, which differs from the row's
       * first line inside a value that spans lines. */
      line = g_array_index (self->lines, guint64, i);
      for (const char *p = field; p < bad; p++)
        {
          if (*p == '\n' && (p == field || p[-1] != '\r'))
            line++;
          else if (*p == '\r')
            line++;
        }

      where = rapport_csv_reader_dup_location (self, line, i + 1);
      g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_ENCODING,
                   _("%s: the text is not UTF-8 (byte 0x%02X at character %ld of the value); "
                     "save the file as UTF-8 and import it again"),
                   where, (guint8) *bad, g_utf8_strlen (field, bad - field) + 1);
      return FALSE;
    }

  return TRUE;
}

static gboolean
row_is_blank (RapportCsvReader *self)
{
  return self->starts->len == 1 && !self->field_quoted && self->field_blank;
}

/**
 * rapport_csv_reader_read_row:
 *
 * Reads the next row, skipping empty lines. Every row must have as many
 * values as the header has columns. A value may take 1 MiB and a row 4 MiB
 * and 1,000 columns; beyond, the row is refused with
 * %RAPPORT_CSV_ERROR_TOO_LARGE before it takes more memory. One single
 * quote before a value that starts like a formula (^'+[=+\-@\t\r]) is
 * taken away: rapport_csv_writer_add_field() puts it there.
 *
 * Returns: (transfer none) (nullable): the values, %NULL-terminated and
 *   valid until the next call (the caller may edit them in place), or %NULL
 *   at the end of the file or with @error set
 */
char **
rapport_csv_reader_read_row (RapportCsvReader  *self,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (;;)
    {
      char **fields;
      guint n_columns;
      guint n;
      int rc;

      rc = read_record (self, cancellable, error);
      if (rc <= 0)
        return NULL;

      if (row_is_blank (self))
        continue;

      if (!check_encoding (self, error))
        return NULL;

      n = self->starts->len;
      n_columns = self->header != NULL ? self->header->len - 1 : n;
      if (n > n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (_("the row has %u values but the header has %u columns; put quotes "
                               "around a value that contains “%c”"),
                             n, n_columns, self->delimiter);
          set_row_error (self, error, RAPPORT_CSV_ERROR_MALFORMED, n_columns + 1, message);
          return NULL;
        }
      if (n < n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (_("the row ends after %u values but the header has %u columns"),
                             n, n_columns);
          set_row_error (self, error, RAPPORT_CSV_ERROR_MALFORMED, n + 1, message);
          return NULL;
        }

      /* The quote the writer put before a value a spreadsheet would take
       * for a formula comes off again. */
      fields = (char **) self->fields->pdata;
      for (guint i = 0; i < n; i++)
        {
          if (G_UNLIKELY (fields[i][0] == '\'') && looks_like_formula (fields[i]))
            fields[i]++;
        }

      return fields;
    }
}

/* Skips a UTF-8 byte order mark and picks the delimiter: whichever of comma
 * and semicolon the first non-empty line (within SNIFF_BYTES) has more of
 * outside quotes. */
static gboolean
sniff (RapportCsvReader  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  gboolean quoted = FALSE;
  gboolean content = FALSE;
  guint commas = 0;
  guint semicolons = 0;
  gsize i;

  while (self->length - self->position < 3)
    {
      gssize n = read_more (self, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }

  if (self->length - self->position >= 3 &&
      memcmp (self->buffer + self->position, "\xEF\xBB\xBF", 3) == 0)
    self->position += 3;

  i = self->position;
  for (;;)
    {
      guint8 c;

      if (i - self->position >= SNIFF_BYTES)
        break;

      if (i >= self->length)
        {
          gsize offset = i - self->position;
          gssize n = read_more (self, cancellable, error);

          if (n < 0)
            return FALSE;
          i = self->position + offset;
          if (n == 0)
            break;
        }

      c = self->buffer[i++];
      if (c == '"')
        {
          quoted = !quoted;
          content = TRUE;
        }
      else if (quoted)
        continue;
      else if (c == ',' || c == ';')
        {
          commas += (c == ',');
          semicolons += (c == ';');
          content = TRUE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (content)
            break;
        }
      else if (c != ' ' && c != '\t')
        content = TRUE;
    }

  self->delimiter = semicolons > commas ? ';' : ',';
  return TRUE;
}

/**
 * rapport_csv_reader_read_header:
 *
 * Reads the first non-empty row as the header, after skipping a byte order
 * mark and detecting the delimiter. Header names are trimmed.
 */
gboolean
rapport_csv_reader_read_header (RapportCsvReader  *self,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  char **fields;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->header == NULL, FALSE);

  if (!sniff (self, cancellable, error))
    return FALSE;

  fields = rapport_csv_reader_read_row (self, cancellable, &local_error);
  if (fields == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (self->line == 1)
        g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_NO_HEADER,
                             _("Line 1: the file is empty; its first line should name the "
                               "columns, for example “Name,Email”"));
      else
        g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_NO_HEADER,
                     _("Line %" G_GUINT64_FORMAT ": the file ends before its header; its first "
                       "line should name the columns, for example “Name,Email”"),
                     self->line);
      return FALSE;
    }

  self->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; fields[i] != NULL; i++)
    g_ptr_array_add (self->header, g_strstrip (g_strdup (fields[i])));
  g_ptr_array_add (self->header, NULL);

  return TRUE;
}

/**
 * rapport_csv_reader_get_header:
 *
 * Returns: (transfer none): the header's names, %NULL-terminated
 */
const char * const *
rapport_csv_reader_get_header (RapportCsvReader *self,
                               guint            *n_columns)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->header != NULL, NULL);

  if (n_columns != NULL)
    *n_columns = self->header->len - 1;

  return (const char * const *) self->header->pdata;
}

/**
 * rapport_csv_reader_get_line:
 *
 * Returns: the line (from 1) where the last row read starts
 */
guint64
rapport_csv_reader_get_line (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

guint64
rapport_csv_reader_get_bytes_read (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes_read;
}

char
rapport_csv_reader_get_delimiter (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

/* Writer */

RapportCsvWriter *
rapport_csv_writer_new (GOutputStream *stream)
{
  RapportCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (RapportCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_string_sized_new (BLOCK_SIZE + 4096);

  return self;
}

void
rapport_csv_writer_free (RapportCsvWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

static gboolean
needs_quotes (const char *value,
              gsize       length)
{
  if (length == 0)
    return FALSE;

  if (value[0] == ' ' || value[0] == '\t' || value[length - 1] == ' ' || value[length - 1] == '\t')
    return TRUE;

  return strpbrk (value, ",;\"\r\n") != NULL;
}

/**
 * rapport_csv_writer_add_field:
 * @value: (nullable): the value; %NULL is written as an empty value
 *
 * Adds a value to the current row, quoted when it holds a delimiter, a
 * quote, a line break or surrounding spaces. A value a spreadsheet would
 * run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, after any single quotes) is written quoted after a single quote;
 * the reader takes that quote away again.
 */
void
rapport_csv_writer_add_field (RapportCsvWriter *self,
                              const char       *value)
{
  gboolean formula;
  gsize length;

  g_return_if_fail (self != NULL);

  if (self->row_started)
    g_string_append_c (self->buffer, ',');
  self->row_started = TRUE;

  if (value == NULL)
    return;

  length = strlen (value);
  formula = looks_like_formula (value);
  if (!formula && !needs_quotes (value, length))
    {
      g_string_append_len (self->buffer, value, length);
      return;
    }

  g_string_append_c (self->buffer, '"');
  if (formula)
    g_string_append_c (self->buffer, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

/**
 * rapport_csv_writer_end_row:
 *
 * Ends the row with CRLF, as RFC 4180 asks, and writes the buffer out when
 * it is full.
 */
gboolean
rapport_csv_writer_end_row (RapportCsvWriter  *self,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append (self->buffer, "\r\n");
  self->row_started = FALSE;

  if (self->buffer->len >= BLOCK_SIZE)
    return rapport_csv_writer_flush (self, cancellable, error);

  return TRUE;
}

gboolean
rapport_csv_writer_flush (RapportCsvWriter  *self,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, cancellable, error))
    return FALSE;

  g_string_truncate (self->buffer, 0);
  return TRUE;
}
