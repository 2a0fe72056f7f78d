/* test-csv.c
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

#include "rapport-csv.h"
#include "rapport-identity.h"
#include "rapport-member.h"
#include "rapport-member-io.h"
#include "rapport-store.h"

static GThread *main_thread;

typedef struct
{
  char         *dir;
  RapportStore *store;
  guint         reloads;
  guint         other_changes;
} Fixture;

static void
on_changed_cb (RapportStore      *store,
               const char        *table,
               gint64             row_id,
               RapportChangeKind  kind,
               Fixture           *f)
{
  g_assert_true (g_thread_self () == main_thread);

  if (kind == RAPPORT_CHANGE_RELOAD && g_str_equal (table, "members") && row_id == 0)
    f->reloads++;
  else
    f->other_changes++;
}

static RapportStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-io-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f, "rapport.db");
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

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Waits for @object to go: a worker thread drops its last reference to a
 * finished task a moment after the task's callback ran. */
static void
assert_finalized (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  g_assert_null (weak);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assert_finalized (g_steal_pointer (&f->store));
  remove_tree (f->dir);
  g_free (f->dir);
}

static GFile *
fixture_file (const char *name)
{
  return g_file_new_build_filename (FIXTURES_DIR, name, NULL);
}

static GFile *
temp_file (Fixture    *f,
           const char *name)
{
  return g_file_new_build_filename (f->dir, name, NULL);
}

static GFile *
write_csv (Fixture    *f,
           const char *name,
           const char *contents,
           gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
import_text (Fixture              *f,
             const char           *contents,
             RapportImportResult  *result,
             GError              **error)
{
  g_autoptr(GFile) file = write_csv (f, "import.csv", contents, -1);

  return rapport_member_import_csv (f->store, file, result, NULL, NULL, NULL, error);
}

static void
import_ok (Fixture             *f,
           const char          *contents,
           RapportImportResult *result)
{
  g_autoptr(GError) error = NULL;

  import_text (f, contents, result, &error);
  g_assert_no_error (error);
}

static void
import_fixture (Fixture             *f,
                RapportStore        *store,
                const char          *name,
                RapportImportResult *result)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;

  rapport_member_import_csv (store, file, result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gint64
member_with_email (Fixture    *f,
                   const char *email)
{
  gint64 id = rapport_store_find_member_by_email (f->store, email);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* Everything the store holds about a member, on one line. */
static char *
describe_member (Fixture *f,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMember) member = rapport_store_get_member (f->store, id, &error);
  g_auto(GStrv) emails = rapport_store_list_emails (f->store, id);
  g_autoptr(GPtrArray) identities = rapport_store_list_identities (f->store, id);
  g_auto(GStrv) tags = rapport_store_list_member_tags (f->store, id);
  g_auto(GStrv) keys = NULL;
  g_autofree char *joined_emails = g_strjoinv (",", emails);
  g_autofree char *joined_tags = g_strjoinv (",", tags);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);

  g_string_append_printf (s, "%s|%s|%s|%s|%s|%s|emails=%s|tags=%s|ids=",
                          rapport_member_get_name (member),
                          rapport_member_get_organization (member) ? rapport_member_get_organization (member) : "",
                          rapport_member_get_title (member) ? rapport_member_get_title (member) : "",
                          rapport_member_get_location (member) ? rapport_member_get_location (member) : "",
                          rapport_member_get_phone (member) ? rapport_member_get_phone (member) : "",
                          rapport_member_get_stage (member),
                          joined_emails, joined_tags);

  for (guint i = 0; i < identities->len; i++)
    {
      RapportIdentity *identity = g_ptr_array_index (identities, i);

      g_string_append_printf (s, "%s%s:%s", i ? "," : "",
                              rapport_identity_get_platform (identity),
                              rapport_identity_get_handle (identity));
    }

  g_string_append (s, "|custom=");
  keys = rapport_member_dup_custom_keys (member);
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (s, "%s%s=%s", i ? "," : "", keys[i], rapport_member_get_custom (member, keys[i]));

  return g_string_free (s, FALSE);
}

static void
assert_member (Fixture    *f,
               const char *email,
               const char *expected)
{
  g_autofree char *description = describe_member (f, member_with_email (f, email));

  g_assert_cmpstr (description, ==, expected);
}

static RapportStoreCounts
counts (RapportStore *store)
{
  RapportStoreCounts c;
  g_autoptr(GError) error = NULL;

  rapport_store_get_counts (store, &c, &error);
  g_assert_no_error (error);
  return c;
}

static void
assert_same_counts (const RapportStoreCounts *a,
                    const RapportStoreCounts *b)
{
  g_assert_cmpint (a->members, ==, b->members);
  g_assert_cmpint (a->organizations, ==, b->organizations);
  g_assert_cmpint (a->identities, ==, b->identities);
  g_assert_cmpint (a->emails, ==, b->emails);
  g_assert_cmpint (a->tags, ==, b->tags);
}

static char *
file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Reader and writer */

static GPtrArray *
read_all (const char *text,
          char       *delimiter,
          GError    **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (stream);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) local_error = NULL;
  char **row;

  if (!rapport_csv_reader_read_header (reader, NULL, error))
    return NULL;
  g_ptr_array_add (rows, g_strdupv ((char **) rapport_csv_reader_get_header (reader, NULL)));

  while ((row = rapport_csv_reader_read_row (reader, NULL, &local_error)) != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, rapport_csv_reader_get_line (reader));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_add (builder, line);
      g_strv_builder_addv (builder, (const char **) row);
      g_ptr_array_add (rows, g_strv_builder_end (builder));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  *delimiter = rapport_csv_reader_get_delimiter (reader);
  return g_steal_pointer (&rows);
}

static char *
joined_row (GPtrArray *rows,
            guint      i)
{
  return g_strjoinv ("|", g_ptr_array_index (rows, i));
}

static void
test_reader_rfc4180 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = 0;
  const char *text =
    "\xEF\xBB\xBF" "a, \"b,c\" ,d\r\n"
    "1,\"two\r\nlines\",3\r\n"
    "\r\n"
    "\"say \"\"hi\"\"\",,\"\"\r"
    "x,  \"spaced\"  ,z";
  g_autofree char *header = NULL;
  g_autofree char *row1 = NULL;
  g_autofree char *row2 = NULL;
  g_autofree char *row3 = NULL;

  rows = read_all (text, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ',');
  g_assert_cmpuint (rows->len, ==, 4);

  header = joined_row (rows, 0);
  row1 = joined_row (rows, 1);
  row2 = joined_row (rows, 2);
  row3 = joined_row (rows, 3);
  g_assert_cmpstr (header, ==, "a|b,c|d");
  g_assert_cmpstr (row1, ==, "2|1|two\r\nlines|3");
  /* Line 4 is the empty one, skipped; a lone CR ends a line too. */
  g_assert_cmpstr (row2, ==, "5|say \"hi\"||");
  g_assert_cmpstr (row3, ==, "6|x|spaced|z");
}

static void
test_reader_semicolon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *header = NULL;
  g_autofree char *row1 = NULL;
  char delimiter = 0;

  /* Commas inside quotes do not count: this header has more of them. */
  rows = read_all ("\n\"Name, full\";\"a,b,c\";Email\nAna, L;x;ana@example.org\n", &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ';');
  header = joined_row (rows, 0);
  row1 = joined_row (rows, 1);
  g_assert_cmpstr (header, ==, "Name, full|a,b,c|Email");
  g_assert_cmpstr (row1, ==, "3|Ana, L|x|ana@example.org");
}

static void
test_reader_large_block (void)
{
  g_autoptr(GString) text = g_string_new ("Name,Notes\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');
  char delimiter = 0;

  /* Values longer than the reader's block, quoted and not. */
  g_string_append_printf (text, "a,\"%s\n%s\"\n%s,b\n", big, big, big);
  rows = read_all (text->str, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (strlen (((char **) g_ptr_array_index (rows, 1))[2]), ==, 400001);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[0], ==, "4");
  g_assert_cmpuint (strlen (((char **) g_ptr_array_index (rows, 2))[1]), ==, 200000);
}

static void
test_writer_quoting (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(RapportCsvWriter) writer = rapport_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const values[] = {
    "plain", "a,b", "say \"hi\"", "two\nlines", " lead", "trail ", "semi;colon", "", "CR\r", "é",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    rapport_csv_writer_add_field (writer, values[i]);
  rapport_csv_writer_add_field (writer, NULL);
  rapport_csv_writer_end_row (writer, NULL, &error);
  g_assert_no_error (error);
  rapport_csv_writer_flush (writer, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (text, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",\"trail \","
                   "\"semi;colon\",,\"CR\r\",é,\r\n");
}

static char *
write_row (const char * const *values,
           gsize               n_values)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(RapportCsvWriter) writer = rapport_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < n_values; i++)
    rapport_csv_writer_add_field (writer, values[i]);
  rapport_csv_writer_end_row (writer, NULL, &error);
  g_assert_no_error (error);
  rapport_csv_writer_flush (writer, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* Values a spreadsheet would run as formulas, and some it would not. */
static const char * const formula_values[] = {
  "=SUM(A1)", "'=x", "-5", "@home", "\tx", "+49 30 1234", "\rx", "''@y",
  "=HYPERLINK(\"http://example.org\",\"x\")", "'plain", "plain'", "a=b", "'", "''", "",
};

static void
test_writer_formulas (void)
{
  g_autofree char *text = write_row (formula_values, G_N_ELEMENTS (formula_values));

  /* OWASP's advice: a single quote before the cell, and the cell quoted. */
  g_assert_cmpstr (text, ==,
                   "\"'=SUM(A1)\",\"''=x\",\"'-5\",\"'@home\",\"'\tx\",\"'+49 30 1234\",\"'\rx\","
                   "\"'''@y\",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\","
                   "'plain,plain',a=b,','',\r\n");
}

static void
test_formula_round_trip (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  char delimiter = 0;

  /* A header that starts like a formula, then one value to a row. */
  {
    const char * const header[] = { "=Value", "Line" };
    g_autofree char *row = write_row (header, G_N_ELEMENTS (header));

    g_string_append (text, row);
  }
  for (guint i = 0; i < G_N_ELEMENTS (formula_values); i++)
    {
      const char * const values[] = { formula_values[i], "x" };
      g_autofree char *row = write_row (values, G_N_ELEMENTS (values));

      g_string_append (text, row);
    }

  rows = read_all (text->str, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (formula_values) + 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "=Value");
  for (guint i = 0; i < G_N_ELEMENTS (formula_values); i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);

      /* row[0] is the line; the value follows. */
      g_assert_cmpstr (row[1], ==, formula_values[i]);
      g_assert_cmpstr (row[2], ==, "x");
    }
}

static void
test_reader_formula_quote (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  char delimiter = 0;

  /* Exactly one quote comes off, quoted in the file or not, and only
   * before what looks like a formula. */
  rows = read_all ("a,b,c,d,e,f,g\n'=1,\"''+2\",'@x,'-,'plain,',\"'\t\"\n", &delimiter, &error);
  g_assert_no_error (error);
  row = joined_row (rows, 1);
  g_assert_cmpstr (row, ==, "2|=1|'+2|@x|-|'plain|'|\t");
}

/* Reads @text whole, or up to its first error. Returns how much of it the
 * reader took from the stream. */
static guint64
read_until_error (const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, length, NULL);
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (stream);

  if (rapport_csv_reader_read_header (reader, NULL, error))
    {
      while (rapport_csv_reader_read_row (reader, NULL, error) != NULL)
        ;
    }

  return rapport_csv_reader_get_bytes_read (reader);
}

#define MIB (1024 * 1024)

static void
test_reader_field_limit (void)
{
  g_autoptr(GString) text = g_string_new ("Name,Notes,More\nA,x,y\n");
  g_autoptr(GError) error = NULL;
  guint64 read;

  /* 1 MiB is allowed... */
  g_string_append (text, "B,");
  for (guint i = 0; i < MIB; i++)
    g_string_append_c (text, 'n');
  g_string_append (text, ",z\n");
  read_until_error (text->str, text->len, &error);
  g_assert_no_error (error);

  /* ...a byte more is not, and the reader stops there: a 10 MB value is
   * never read whole. */
  g_string_truncate (text, strlen ("Name,Notes,More\nA,x,y\n"));
  g_string_append (text, "C,\"");
  for (guint i = 0; i < 10 * 1000 * 1000; i++)
    g_string_append_c (text, 'n');
  g_string_append (text, "\",z\n");
  read = read_until_error (text->str, text->len, &error);
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "Line 3, column 2 (“Notes”): a value longer than 1 MiB, more than one value may "
                   "hold; a quote that is never closed makes one value of the rest of the file");
  g_assert_cmpuint (read, <=, MIB + 128 * 1024);
  g_clear_error (&error);

  /* The line named is the value's own, inside a row of several lines. */
  g_string_truncate (text, strlen ("Name,Notes,More\nA,x,y\n"));
  g_string_append (text, "D,\"two\nlines\",");
  for (guint i = 0; i < MIB + 1; i++)
    g_string_append_c (text, 'n');
  read_until_error (text->str, text->len, &error);
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "Line 4, column 3 (“More”): a value longer than 1 MiB"));
}

static void
test_reader_row_limit (void)
{
  g_autoptr(GString) text = g_string_new ("A,B,C,D,E\n");
  g_autoptr(GError) error = NULL;
  guint64 read;

  /* Five values of 900 KiB: each is allowed, their row is not. */
  for (guint column = 0; column < 5; column++)
    {
      if (column > 0)
        g_string_append_c (text, ',');
      for (guint i = 0; i < 900 * 1024; i++)
        g_string_append_c (text, 'r');
    }
  g_string_append_c (text, '\n');

  read = read_until_error (text->str, text->len, &error);
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "Line 2, column 5 (“E”): a row longer than 4 MiB, more than one row may hold");
  g_assert_cmpuint (read, <=, 4 * MIB + 128 * 1024);
}

static void
test_reader_column_limit (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start;
  guint64 read;
  char delimiter = 0;

  /* 1,000 columns are read... */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%sc%u", i ? "," : "", i);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, i ? ",v" : "v");
  g_string_append_c (text, '\n');
  rows = read_all (text->str, &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 1)), ==, 1001);

  /* ...one more is refused, in a row as in the header. */
  g_string_truncate (text, text->len - 1);
  g_string_append (text, ",v\n");
  read_until_error (text->str, text->len, &error);
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "Line 2, column 1001: a row with more than 1000 columns, more than Rapport reads");
  g_clear_error (&error);

  /* A header of a million columns fails at once, having read little. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append (text, "a,");
  g_string_append (text, "a\nb\n");
  start = g_get_monotonic_time ();
  read = read_until_error (text->str, text->len, &error);
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "Line 1, column 1001: a row with more than 1000 columns, more than Rapport reads");
  g_assert_cmpuint (read, <=, 128 * 1024);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

/* Import */

static void
test_import_semicolon_fixture (Fixture       *f,
                               gconstpointer  data)
{
  RapportImportResult result;
  RapportStoreCounts c;

  import_fixture (f, f->store, "members-rich.csv", &result);
  g_assert_cmpuint (result.rows, ==, 3);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (result.updated, ==, 0);

  c = counts (f->store);
  g_assert_cmpint (c.members, ==, 3);
  g_assert_cmpint (c.emails, ==, 3);
  g_assert_cmpint (c.identities, ==, 4);
  g_assert_cmpint (c.organizations, ==, 2);
  g_assert_cmpint (c.tags, ==, 4);

  /* Quoted semicolons and an embedded CRLF stay in their values; the
   * email's domain is lowercased; tags split on "," and "|". */
  assert_member (f, "ana@example.org",
                 "Ana López|Acme|Developer \"DX\" Advocate|Lisbon|+351 555 0100|Advocate|"
                 "emails=Ana@example.org|tags=docs,rust|ids=github:analopez,twitter:@ana|"
                 "custom=Meetup notes=Met at FOSDEM;\r\nwants to speak,Shirt size=M");
  assert_member (f, "bo@example.net",
                 "Bo Chen|Chen; Partners|CTO|||Contributor|"
                 "emails=bo@example.net|tags=beta,speaker|ids=github:bochen|custom=Shirt size=L");
  assert_member (f, "chloe@example.fr",
                 "Chloé Dubois|||Paris||Newcomer|emails=chloe@example.fr|tags=|ids=twitter:chloed|custom=");

  g_assert_cmpuint (f->reloads, ==, 1);
  g_assert_cmpuint (f->other_changes, ==, 0);
}

static void
test_import_comma_fixture (Fixture       *f,
                           gconstpointer  data)
{
  RapportImportResult result;

  import_fixture (f, f->store, "members-comma.csv", &result);
  g_assert_cmpuint (result.rows, ==, 2);
  g_assert_cmpuint (result.added, ==, 2);

  assert_member (f, "ds@home.example",
                 "Dana Scully|FBI|Agent|Washington||Champion|"
                 "emails=dana@fbi.example,scully@x-files.example,ds@home.example|tags=science,skeptic|"
                 "ids=discourse:dscully,mastodon:@dana@mastodon.social|custom=Team=X-Files");
  assert_member (f, "fox@fbi.example",
                 "Fox Mulder|FBI||||Participant|emails=fox@fbi.example|tags=believer|"
                 "ids=discourse:fmulder|custom=Team=X-Files");
}

static void
test_import_header_names (Fixture       *f,
                          gconstpointer  data)
{
  import_ok (f,
             " FULL NAME ,E-Mail Address,company_name,Job-Title,city,Phone Number,X,Stack Overflow,"
             "GitHub Username,Labels,Pipeline Stage,\n"
             "Ana,ana@example.org,Acme,CTO,Lima,555,anax,ana_so,anagh,a;b,Champion,ignored\n",
             NULL);
  /* "Labels" is no tag column: it stays a custom field, as does every
   * header Rapport does not know. A column without a header is dropped. */
  assert_member (f, "ana@example.org",
                 "Ana|Acme|CTO|Lima|555|Champion|emails=ana@example.org|tags=|"
                 "ids=github:anagh,stackoverflow:ana_so,x:anax|custom=Labels=a;b");

  import_ok (f, "first_name,LAST NAME,email\nBo,,bo@example.org\n,Chen,chen@example.org\n", NULL);
  assert_member (f, "bo@example.org", "Bo|||||Newcomer|emails=bo@example.org|tags=|ids=|custom=");
  assert_member (f, "chen@example.org", "Chen|||||Newcomer|emails=chen@example.org|tags=|ids=|custom=");
}

static void
test_import_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const struct {
    const char *text;
    const char *name;
  } cases[] = {
    { "analopez", "Ana López" },
    { "partners", "Bo Chen" },
    { "speaker", "Bo Chen" },
    { "chloe@example", "Chloé Dubois" },
    { "scully", "Dana Scully" },
  };

  /* New members are indexed although their emails, handles and tags were
   * written before them. */
  import_fixture (f, f->store, "members-rich.csv", NULL);
  import_fixture (f, f->store, "members-comma.csv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = rapport_store_search (f->store, cases[i].text, 10, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >=, 1);
      g_assert_cmpstr (rapport_member_get_name (g_ptr_array_index (found, 0)), ==, cases[i].name);
    }
}

static void
test_import_match_email (Fixture       *f,
                         gconstpointer  data)
{
  RapportImportResult result;
  gint64 id;

  import_ok (f, "Name,Email,Title,Location,Tags,Shirt size\nAna,ana@example.org,CTO,Lima,docs,M\n", NULL);
  id = member_with_email (f, "ana@example.org");

  /* The address matches whatever its case; empty cells keep what is there;
   * tags, handles and custom fields are added. */
  import_ok (f,
             "Name,Email,Title,Location,GitHub,Tags,Team,Stage\n"
             "Ana López,ANA@EXAMPLE.ORG,,Lisbon,analopez,rust,Docs,Advocate\n",
             &result);
  g_assert_cmpuint (result.rows, ==, 1);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (counts (f->store).members, ==, 1);
  g_assert_cmpint (member_with_email (f, "ana@example.org"), ==, id);
  assert_member (f, "ana@example.org",
                 "Ana López||CTO|Lisbon||Advocate|emails=ana@example.org|tags=docs,rust|"
                 "ids=github:analopez|custom=Shirt size=M,Team=Docs");

  /* The search index follows the new name and handle. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = rapport_store_search (f->store, "lopez analopez", 5, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

static void
test_import_match_handle (Fixture       *f,
                          gconstpointer  data)
{
  RapportImportResult result;

  import_ok (f, "Name,Email,GitHub\nBo,bo@example.org,bochen\n", NULL);

  /* The handle matches without its case; the new address joins the old
   * one, which stays primary. */
  import_ok (f, "Name,GitHub,Email,Organization\nBo Chen,BoChen,bo@work.example,Initech\n", &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (counts (f->store).members, ==, 1);
  assert_member (f, "bo@work.example",
                 "Bo Chen|Initech||||Newcomer|emails=bo@example.org,bo@work.example|tags=|"
                 "ids=github:bochen|custom=");
}

static void
test_import_match_within_file (Fixture       *f,
                               gconstpointer  data)
{
  RapportImportResult result;

  import_ok (f,
             "Name,Email,Tags\n"
             "Cy,cy@example.org,a\n"
             "Dee,dee@example.org,\n"
             "Cy Young,CY@example.org,b\n",
             &result);
  g_assert_cmpuint (result.rows, ==, 3);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (counts (f->store).members, ==, 2);
  assert_member (f, "cy@example.org", "Cy Young|||||Newcomer|emails=cy@example.org|tags=a,b|ids=|custom=");
}

static void
test_import_match_within_file_rows (Fixture       *f,
                                    gconstpointer  data)
{
  RapportImportResult result;

  /* Rows 2 and 3 are one person by email, rows 3 and 4 by handle. */
  import_ok (f,
             "Name,Email,Discord,Tags,Size\n"
             "Cy,cy@example.org,,a,S\n"
             "Cy Young,CY@example.org,cyoung,b,\n"
             "C. Young,,CYoung,c,M\n",
             &result);
  g_assert_cmpuint (result.rows, ==, 3);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpint (counts (f->store).members, ==, 1);
  assert_member (f, "cy@example.org",
                 "C. Young|||||Newcomer|emails=cy@example.org|tags=a,b,c|ids=discord:cyoung|custom=Size=M");
}

static void
test_import_match_across_batches (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Name,Email,GitHub\n");
  RapportImportResult result;
  const guint n = 60000;

  /* More rows than the import holds back at once: the last rows find
   * members created at the start of the file in the store itself. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Member %u,m%u@example.org,gh%u\n", i, i, i);
  g_string_append (text, "Member Zero,,GH0\nMember One,M1@example.org,\n");

  import_ok (f, text->str, &result);
  g_assert_cmpuint (result.rows, ==, n + 2);
  g_assert_cmpuint (result.added, ==, n);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpint (counts (f->store).members, ==, n);
  assert_member (f, "m0@example.org", "Member Zero|||||Newcomer|emails=m0@example.org|tags=|ids=github:gh0|custom=");
  assert_member (f, "m1@example.org", "Member One|||||Newcomer|emails=m1@example.org|tags=|ids=github:gh1|custom=");
  assert_member (f, "m59999@example.org",
                 "Member "
                 "59999|||||Newcomer|emails=m59999@example.org|tags=|ids=github:gh59999|custom=");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = rapport_store_search (f->store, "gh59999", 5, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

static void
test_import_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts before;
  RapportStoreCounts after;

  import_ok (f, "Name,Email,GitHub\nAna,ana@example.org,ana\nBo,bo@example.org,bo\n", NULL);
  before = counts (f->store);
  f->reloads = 0;

  g_assert_false (import_text (f, "Name,Email,GitHub\nAna Bo,ana@example.org,bo\n", NULL, &error));
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 2, column 3 (“GitHub”): “bo” belongs to Bo, but “ana@example.org” (column "
                   "2) "
                   "belongs to Ana; merge the two members first or split the row");

  after = counts (f->store);
  assert_same_counts (&before, &after);
  g_assert_cmpuint (f->reloads, ==, 0);
}

/* Bad input: a message naming the line, column and header, and nothing
 * written. */

typedef struct
{
  const char *path;
  const char *contents;
  const char *fixture;
  int         code;
  const char *message;
} BadInput;

static const BadInput bad_inputs[] = {
  { "/rapport/io/csv/errors/unterminated-quote",
    "Name,Email\nAna,ana@example.org\n\"Bo,bo@example.org\n", NULL, RAPPORT_CSV_ERROR_MALFORMED,
    "Line 3, column 1 (“Name”): a quoted value has no closing quote before the end of the file" },
  { "/rapport/io/csv/errors/stray-quote",
    "Name,Email\nAna,ana@example.org\nB\"o,bo@example.org\n", NULL, RAPPORT_CSV_ERROR_MALFORMED,
    "Line 3, column 1 (“Name”): a quote inside a value that does not start with one; put the whole "
    "value in quotes and double the quote (\"\")" },
  { "/rapport/io/csv/errors/text-after-quote",
    "Name,Email\r\n\"Bo\" Chen,bo@example.org\r\n", NULL, RAPPORT_CSV_ERROR_MALFORMED,
    "Line 2, column 1 (“Name”): text after the closing quote; a quote that belongs to the value "
    "must be doubled (\"\")" },
  { "/rapport/io/csv/errors/short-row",
    "Name,Email,Title\r\nAna,ana@example.org,CTO\r\nBo,bo@example.org\r\n", NULL, RAPPORT_CSV_ERROR_MALFORMED,
    "Line 3, column 3 (“Title”): the row ends after 2 values but the header has 3 columns" },
  { "/rapport/io/csv/errors/long-row",
    "Name,Email\nAna,ana@example.org,CTO\n", NULL, RAPPORT_CSV_ERROR_MALFORMED,
    "Line 2, column 3: the row has 3 values but the header has 2 columns; put quotes around a "
    "value "
    "that contains “,”" },
  { "/rapport/io/csv/errors/latin-1",
    NULL, "members-latin1.csv", RAPPORT_CSV_ERROR_ENCODING,
    "Line 3, column 1 (“Name”): the text is not UTF-8 (byte 0xE9 at character 4 of the value); "
    "save "
    "the file as UTF-8 and import it again" },
  { "/rapport/io/csv/errors/latin-1-multiline",
    "Name,Notes\nAna,\"first line\nJos\xE9\"\n", NULL, RAPPORT_CSV_ERROR_ENCODING,
    "Line 3, column 2 (“Notes”): the text is not UTF-8 (byte 0xE9 at character 15 of the value); "
    "save the file as UTF-8 and import it again" },
  { "/rapport/io/csv/errors/missing-name",
    "Name,Email\nAna,ana@example.org\n,bo@example.org\n", NULL, RAPPORT_CSV_ERROR_INVALID,
    "Line 3, column 1 (“Name”): the name is empty; every member needs a name" },
  { "/rapport/io/csv/errors/missing-first-last-name",
    "Email,First name,Last name\nbo@example.org,  ,\n", NULL, RAPPORT_CSV_ERROR_INVALID,
    "Line 2, column 2 (“First name”): the name is empty; every member needs a name" },
  { "/rapport/io/csv/errors/bad-email",
    "Name,Email\nAna,ana@\n", NULL, RAPPORT_CSV_ERROR_INVALID,
    "Line 2, column 2 (“Email”): “ana@” is not an email address" },
  { "/rapport/io/csv/errors/bad-other-email",
    "Name,Other emails\nAna,\"a@example.org; nope\"\n", NULL, RAPPORT_CSV_ERROR_INVALID,
    "Line 2, column 2 (“Other emails”): “nope” is not an email address" },
  { "/rapport/io/csv/errors/error-after-good-rows",
    "Name,Notes,Email\nA,,a@example.org\nB,\"two\nlines\",b@example.org\nC,,c@example.org\nD,\"x\ny\",d@\n",
    NULL, RAPPORT_CSV_ERROR_INVALID,
    "Line 6, column 3 (“Email”): “d@” is not an email address" },
  { "/rapport/io/csv/errors/empty-file",
    "", NULL, RAPPORT_CSV_ERROR_NO_HEADER,
    "Line 1: the file is empty; its first line should name the columns, for example “Name,Email”" },
  { "/rapport/io/csv/errors/only-empty-lines",
    "\xEF\xBB\xBF\r\n\r\n", NULL, RAPPORT_CSV_ERROR_NO_HEADER,
    "Line 3: the file ends before its header; its first line should name the columns, for example "
    "“Name,Email”" },
  { "/rapport/io/csv/errors/no-name-column",
    "Email,Title\nana@example.org,CTO\n", NULL, RAPPORT_CSV_ERROR_NO_HEADER,
    "Line 1: the header has no “Name” column (nor “First name” or “Last name”), so the file cannot "
    "be imported; its columns are “Email”, “Title”" },
  { "/rapport/io/csv/errors/unknown-stage",
    "Name,Stage\nAna,advocate\nBo,Expert\n", NULL, RAPPORT_CSV_ERROR_INVALID,
    "Line 3, column 2 (“Stage”): “Expert” is not a pipeline stage (the stages are Newcomer, "
    "Participant, Contributor, Advocate, Champion)" },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadInput *bad = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportResult result = { 1, 1, 1 };
  RapportStoreCounts before;
  RapportStoreCounts after;

  import_ok (f, "Name,Email,GitHub,Tags,Organization\nSeed,seed@example.org,seed,old,Seeds\n", NULL);
  before = counts (f->store);
  f->reloads = 0;

  file = bad->fixture ? fixture_file (bad->fixture) : write_csv (f, "bad.csv", bad->contents, -1);
  g_assert_false (rapport_member_import_csv (f->store, file, &result, NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_CSV_ERROR, bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);

  after = counts (f->store);
  assert_same_counts (&before, &after);
  g_assert_cmpuint (result.rows + result.added + result.updated, ==, 0);
  g_assert_cmpuint (f->reloads, ==, 0);
  assert_member (f, "seed@example.org",
                 "Seed|Seeds||||Newcomer|emails=seed@example.org|tags=old|ids=github:seed|custom=");
}

static void
test_import_missing_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (f, "nope.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_member_import_csv (f->store, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Progress and cancellation */

typedef struct
{
  guint         calls;
  guint64       last_done;
  guint64       last_total;
  gboolean      backwards;
  gboolean      off_main;
  GCancellable *cancel_on_call;
} ProgressLog;

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  ProgressLog *log = user_data;

  if (done < log->last_done)
    log->backwards = TRUE;
  if (g_thread_self () != main_thread)
    log->off_main = TRUE;

  log->calls++;
  log->last_done = done;
  log->last_total = total;

  if (log->cancel_on_call != NULL)
    g_cancellable_cancel (log->cancel_on_call);
}

static GFile *
write_many_rows (Fixture *f,
                 guint    n)
{
  g_autoptr(GString) text = g_string_new ("Name,Email,Tags\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Person %u,p%u@example.org,t%u\n", i, i, i % 7);

  return write_csv (f, "many.csv", text->str, text->len);
}

static void
test_import_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_many_rows (f, 5000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  ProgressLog log = { 0, };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  rapport_member_import_csv (f->store, file, NULL, on_progress_cb, &log, NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  /* At the start, at the end, and at most ~20 times a second between. */
  g_assert_cmpuint (log.calls, >=, 2);
  g_assert_cmpuint (log.calls, <=, 2 + (guint) (seconds * 20) + 1);
  g_assert_false (log.backwards);
  g_assert_cmpuint (log.last_total, ==, g_file_info_get_size (info));
  g_assert_cmpuint (log.last_done, ==, log.last_total);
}

static void
test_import_cancelled_before (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("members-rich.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rapport_member_import_csv (f->store, file, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (counts (f->store).members, ==, 0);
  g_assert_cmpuint (f->reloads, ==, 0);
}

static void
test_import_cancelled_during (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) file = write_many_rows (f, 3000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ProgressLog log = { 0, };

  import_ok (f, "Name,Email\nSeed,seed@example.org\n", NULL);
  f->reloads = 0;

  /* The first report comes before the first row: cancel there. */
  log.cancel_on_call = cancellable;
  g_assert_false (rapport_member_import_csv (f->store, file, NULL, on_progress_cb, &log, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpint (counts (f->store).members, ==, 1);
  g_assert_cmpint (counts (f->store).tags, ==, 0);
  g_assert_cmpuint (f->reloads, ==, 0);

  /* The store is usable afterwards, and the same file imports whole. */
  import_fixture (f, f->store, "members-rich.csv", NULL);
  g_assert_cmpint (counts (f->store).members, ==, 4);
}

/* Export */

static void
export_ok (RapportStore *store,
           GFile        *file,
           guint64       expected)
{
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  g_assert_true (rapport_member_export_csv (store, file, &n, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

static void
test_export_golden (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (f, "export.csv");
  g_autoptr(GFile) golden = fixture_file ("members-export.csv");
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;

  import_fixture (f, f->store, "members-rich.csv", NULL);
  import_fixture (f, f->store, "members-comma.csv", NULL);
  f->reloads = 0;

  export_ok (f->store, file, 5);
  written = file_contents (file);
  expected = file_contents (golden);
  g_assert_cmpstr (written, ==, expected);

  /* UTF-8 without a byte order mark; exporting changes nothing. */
  g_assert_true (g_str_has_prefix (written, "Name,Email,Other emails,Organization,Title,Location,Phone,"
                                            "Stage,Tags,discourse,github,mastodon,twitter,"
                                            "Meetup notes,Shirt size,Team\r\n"));
  g_assert_cmpuint (f->reloads, ==, 0);
  g_assert_cmpuint (f->other_changes, ==, 0);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) first = temp_file (f, "first.csv");
  g_autoptr(GFile) second = temp_file (f, "second.csv");
  g_autoptr(RapportStore) other = NULL;
  g_autoptr(RapportMember) extra = rapport_member_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  RapportImportResult result;

  import_fixture (f, f->store, "members-rich.csv", NULL);
  import_fixture (f, f->store, "members-comma.csv", NULL);

  /* A member typed in by hand, with values that need quoting. */
  rapport_member_set_name (extra, "Zoë \"Z\" Adams");
  rapport_member_set_email (extra, "zoe@example.org");
  rapport_member_set_title (extra, "Lead, Docs");
  rapport_member_set_custom (extra, "Motto", "Write it down,\nthen ship");
  rapport_store_insert_member (f->store, extra, &error);
  g_assert_no_error (error);
  rapport_store_add_identity (f->store, rapport_member_get_id (extra), "matrix", "@zoe:matrix.org",
                              NULL, NULL, &error);
  g_assert_no_error (error);
  rapport_store_add_member_tag (f->store, rapport_member_get_id (extra), "docs", &error);
  g_assert_no_error (error);

  export_ok (f->store, first, 6);

  other = open_store (f, "other.db");
  rapport_member_import_csv (other, first, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 6);
  export_ok (other, second, 6);

  first_text = file_contents (first);
  second_text = file_contents (second);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_nonnull (strstr (first_text, "\r\n\"Zoë \"\"Z\"\" Adams\",zoe@example.org,,,\"Lead, Docs\","));
  g_assert_nonnull (strstr (first_text, ",\"Write it down,\nthen ship\","));

  {
    RapportStoreCounts a = counts (f->store);
    RapportStoreCounts b = counts (other);

    assert_same_counts (&a, &b);
  }
}

static void
test_export_formulas (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) first = temp_file (f, "first.csv");
  g_autoptr(GFile) second = temp_file (f, "second.csv");
  g_autoptr(RapportStore) other = NULL;
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(RapportMember) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_auto(GStrv) tags = NULL;

  /* Values from a HubSpot sync or an import, which a spreadsheet would run. */
  rapport_member_set_name (member, "=SUM(A1)");
  rapport_member_set_email (member, "formula@example.org");
  rapport_member_set_organization (member, "@home");
  rapport_member_set_title (member, "'=x");
  rapport_member_set_location (member, "-5");
  rapport_member_set_phone (member, "+49 30 1234");
  rapport_member_set_custom (member, "=Key", "''-y");
  rapport_member_set_custom (member, "Note", "=1+2");
  rapport_store_insert_member (f->store, member, &error);
  g_assert_no_error (error);
  rapport_store_add_member_tag (f->store, rapport_member_get_id (member), "+1", &error);
  g_assert_no_error (error);

  export_ok (f->store, first, 1);
  first_text = file_contents (first);
  g_assert_cmpstr (first_text, ==,
                   "Name,Email,Other emails,Organization,Title,Location,Phone,Stage,Tags,\"'=Key\",Note\r\n"
                   "\"'=SUM(A1)\",formula@example.org,,\"'@home\",\"''=x\",\"'-5\",\"'+49 30 1234\","
                   "Newcomer,\"'+1\",\"'''-y\",\"'=1+2\"\r\n");

  /* Imported back, every value is what it was, and exports the same. */
  other = open_store (f, "other.db");
  rapport_member_import_csv (other, first, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  copy = rapport_store_get_member (other, rapport_store_find_member_by_email (other, "formula@example.org"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (copy), ==, "=SUM(A1)");
  g_assert_cmpstr (rapport_member_get_organization (copy), ==, "@home");
  g_assert_cmpstr (rapport_member_get_title (copy), ==, "'=x");
  g_assert_cmpstr (rapport_member_get_location (copy), ==, "-5");
  g_assert_cmpstr (rapport_member_get_phone (copy), ==, "+49 30 1234");
  g_assert_cmpstr (rapport_member_get_custom (copy, "=Key"), ==, "''-y");
  g_assert_cmpstr (rapport_member_get_custom (copy, "Note"), ==, "=1+2");
  tags = rapport_store_list_member_tags (other, rapport_member_get_id (copy));
  g_assert_cmpuint (g_strv_length (tags), ==, 1);
  g_assert_cmpstr (tags[0], ==, "+1");

  export_ok (other, second, 1);
  second_text = file_contents (second);
  g_assert_cmpstr (second_text, ==, first_text);
}

/* A file beyond the reader's limits imports nothing. */
static void
test_import_limits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) huge_value = g_string_new ("Name,Email,Notes\nAna,ana@example.org,x\nBo,bo@example.org,");
  g_autoptr(GString) huge_row = g_string_new ("Name,Email,A,B,C,D,E\nAna,ana@example.org");
  g_autoptr(GString) wide = g_string_new ("Name,Email");
  struct {
    GString    *contents;
    const char *message;
  } cases[] = {
    { huge_value, "Line 3, column 3 (“Notes”): a value longer than 1 MiB, more than one value may "
                  "hold; a quote that is never closed makes one value of the rest of the file" },
    { huge_row, "Line 2, column 7 (“E”): a row longer than 4 MiB, more than one row may hold" },
    { wide, "Line 1, column 1001: a row with more than 1000 columns, more than Rapport reads" },
  };
  RapportStoreCounts before;

  g_string_set_size (huge_value, huge_value->len + 10 * 1000 * 1000);
  memset (huge_value->str + huge_value->len - 10 * 1000 * 1000, 'n', 10 * 1000 * 1000);
  g_string_append_c (huge_value, '\n');

  for (guint i = 0; i < 5; i++)
    {
      g_string_append_c (huge_row, ',');
      g_string_set_size (huge_row, huge_row->len + 900 * 1024);
      memset (huge_row->str + huge_row->len - 900 * 1024, 'r', 900 * 1024);
    }
  g_string_append_c (huge_row, '\n');

  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append (wide, ",a");
  g_string_append (wide, "\nAna,ana@example.org\n");

  import_ok (f, "Name,Email\nSeed,seed@example.org\n", NULL);
  before = counts (f->store);
  f->reloads = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_csv (f, "big.csv", cases[i].contents->str, cases[i].contents->len);
      g_autoptr(GError) error = NULL;
      RapportImportResult result = { 1, 1, 1 };
      RapportStoreCounts after;

      g_assert_false (rapport_member_import_csv (f->store, file, &result, NULL, NULL, NULL, &error));
      g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_TOO_LARGE);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      after = counts (f->store);
      assert_same_counts (&before, &after);
      g_assert_cmpuint (result.rows + result.added + result.updated, ==, 0);
      g_assert_cmpuint (f->reloads, ==, 0);
    }
}

static void
test_export_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (f, "empty.csv");
  g_autofree char *text = NULL;

  export_ok (f->store, file, 0);
  text = file_contents (file);
  g_assert_cmpstr (text, ==, "Name,Email,Other emails,Organization,Title,Location,Phone,Stage,Tags\r\n");
}

static void
test_export_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) existing = write_csv (f, "existing.csv", "old contents\n", -1);
  g_autoptr(GFile) fresh = temp_file (f, "fresh.csv");
  g_autoptr(GFile) many = write_many_rows (f, 2000);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  rapport_member_import_csv (f->store, many, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      GFile *target = i == 0 ? existing : fresh;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ProgressLog log = { 0, };
      guint64 n = 42;

      /* Cancelled at the first progress report, after some rows. */
      log.cancel_on_call = cancellable;
      g_assert_false (rapport_member_export_csv (f->store, target, &n, on_progress_cb, &log,
                                                 cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (log.calls, ==, 1);
      g_assert_cmpuint (n, ==, 42);
    }

  kept = file_contents (existing);
  g_assert_cmpstr (kept, ==, "old contents\n");
  g_assert_false (g_file_query_exists (fresh, NULL));

  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    /* No temporary file left behind either. */
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".goutputstream"));
  }
}

static void
test_export_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) many = write_many_rows (f, 3000);
  g_autoptr(GFile) file = temp_file (f, "out.csv");
  g_autoptr(GError) error = NULL;
  ProgressLog log = { 0, };

  rapport_member_import_csv (f->store, many, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  rapport_member_export_csv (f->store, file, NULL, on_progress_cb, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, >=, 1);
  g_assert_false (log.backwards);
  g_assert_cmpuint (log.last_done, ==, 3000);
  g_assert_cmpuint (log.last_total, ==, 3000);
}

/* Async */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  Fixture      *fixture;
  guint         reloads_at_callback;
} AsyncState;

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (source == G_OBJECT (state->fixture->store));
  state->result = g_object_ref (result);
  state->reloads_at_callback = state->fixture->reloads;
  g_main_loop_quit (state->loop);
}

static void
test_async_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = write_many_rows (f, 4000);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AsyncState state = { loop, NULL, f, 0 };
  ProgressLog log = { 0, };
  RapportImportResult result;

  rapport_member_import_csv_async (f->store, file, on_progress_cb, &log, NULL, on_async_done_cb, &state);
  g_main_loop_run (loop);

  g_assert_true (rapport_member_import_csv_finish (f->store, state.result, &result, &error));
  g_assert_no_error (error);
  g_clear_object (&state.result);

  g_assert_cmpuint (result.rows, ==, 4000);
  g_assert_cmpuint (result.added, ==, 4000);
  /* One reload, on the main thread, before the callback. */
  g_assert_cmpuint (state.reloads_at_callback, ==, 1);
  g_assert_cmpuint (f->reloads, ==, 1);
  g_assert_cmpuint (f->other_changes, ==, 0);
  g_assert_cmpint (counts (f->store).members, ==, 4000);
  g_assert_cmpuint (log.calls, >=, 1);
  g_assert_false (log.off_main);
  g_assert_false (log.backwards);
}

static void
test_async_import_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (f, "bad.csv", "Name,Email\nAna,ana@example.org\nBo,bo@\n", -1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AsyncState state = { loop, NULL, f, 0 };
  RapportImportResult result = { 1, 1, 1 };

  rapport_member_import_csv_async (f->store, file, NULL, NULL, NULL, on_async_done_cb, &state);
  g_main_loop_run (loop);

  g_assert_false (rapport_member_import_csv_finish (f->store, state.result, &result, &error));
  g_assert_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 3, column 2 (“Email”): “bo@” is not an email address");
  g_clear_object (&state.result);

  g_assert_cmpuint (result.rows, ==, 0);
  g_assert_cmpuint (f->reloads, ==, 0);
  g_assert_cmpint (counts (f->store).members, ==, 0);
}

static void
test_async_import_cancelled (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = write_many_rows (f, 2000);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncState state = { loop, NULL, f, 0 };

  g_cancellable_cancel (cancellable);
  rapport_member_import_csv_async (f->store, file, NULL, NULL, cancellable, on_async_done_cb, &state);
  g_main_loop_run (loop);

  g_assert_false (rapport_member_import_csv_finish (f->store, state.result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&state.result);
  g_assert_cmpint (counts (f->store).members, ==, 0);
  g_assert_cmpuint (f->reloads, ==, 0);
}

static void
test_async_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) sync_file = temp_file (f, "sync.csv");
  g_autoptr(GFile) async_file = temp_file (f, "async.csv");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_text = NULL;
  g_autofree char *async_text = NULL;
  AsyncState state = { loop, NULL, f, 0 };
  ProgressLog log = { 0, };
  guint64 n = 0;

  import_fixture (f, f->store, "members-rich.csv", NULL);
  import_fixture (f, f->store, "members-comma.csv", NULL);
  export_ok (f->store, sync_file, 5);
  f->reloads = 0;

  rapport_member_export_csv_async (f->store, async_file, on_progress_cb, &log, NULL, on_async_done_cb, &state);
  g_main_loop_run (loop);
  g_assert_true (rapport_member_export_csv_finish (f->store, state.result, &n, &error));
  g_assert_no_error (error);
  g_clear_object (&state.result);

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (f->reloads, ==, 0);
  g_assert_false (log.off_main);
  sync_text = file_contents (sync_file);
  async_text = file_contents (async_file);
  g_assert_cmpstr (async_text, ==, sync_text);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/rapport/io/csv/reader/rfc4180", test_reader_rfc4180);
  g_test_add_func ("/rapport/io/csv/reader/semicolon", test_reader_semicolon);
  g_test_add_func ("/rapport/io/csv/reader/large-values", test_reader_large_block);
  g_test_add_func ("/rapport/io/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/rapport/io/csv/writer/formulas", test_writer_formulas);
  g_test_add_func ("/rapport/io/csv/writer/formula-round-trip", test_formula_round_trip);
  g_test_add_func ("/rapport/io/csv/reader/formula-quote", test_reader_formula_quote);
  g_test_add_func ("/rapport/io/csv/reader/field-limit", test_reader_field_limit);
  g_test_add_func ("/rapport/io/csv/reader/row-limit", test_reader_row_limit);
  g_test_add_func ("/rapport/io/csv/reader/column-limit", test_reader_column_limit);

  ADD ("/rapport/io/csv/import/semicolon-fixture", test_import_semicolon_fixture);
  ADD ("/rapport/io/csv/import/comma-fixture", test_import_comma_fixture);
  ADD ("/rapport/io/csv/import/header-names", test_import_header_names);
  ADD ("/rapport/io/csv/import/search-index", test_import_search);
  ADD ("/rapport/io/csv/import/match-email", test_import_match_email);
  ADD ("/rapport/io/csv/import/match-handle", test_import_match_handle);
  ADD ("/rapport/io/csv/import/match-within-file", test_import_match_within_file);
  ADD ("/rapport/io/csv/import/match-within-file-chain", test_import_match_within_file_rows);
  ADD ("/rapport/io/csv/import/match-across-batches", test_import_match_across_batches);
  ADD ("/rapport/io/csv/import/conflict", test_import_conflict);
  ADD ("/rapport/io/csv/import/missing-file", test_import_missing_file);
  ADD ("/rapport/io/csv/import/progress", test_import_progress);
  ADD ("/rapport/io/csv/import/cancelled-before", test_import_cancelled_before);
  ADD ("/rapport/io/csv/import/cancelled-during", test_import_cancelled_during);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    g_test_add (bad_inputs[i].path, Fixture, &bad_inputs[i], fixture_set_up, test_bad_input, fixture_tear_down);

  ADD ("/rapport/io/csv/export/golden", test_export_golden);
  ADD ("/rapport/io/csv/export/round-trip", test_export_round_trip);
  ADD ("/rapport/io/csv/export/formulas", test_export_formulas);
  ADD ("/rapport/io/csv/import/limits", test_import_limits);
  ADD ("/rapport/io/csv/export/empty", test_export_empty);
  ADD ("/rapport/io/csv/export/cancelled", test_export_cancelled);
  ADD ("/rapport/io/csv/export/progress", test_export_progress);

  ADD ("/rapport/io/csv/async/import", test_async_import);
  ADD ("/rapport/io/csv/async/import-error", test_async_import_error);
  ADD ("/rapport/io/csv/async/import-cancelled", test_async_import_cancelled);
  ADD ("/rapport/io/csv/async/export", test_async_export);

  return g_test_run ();
}
