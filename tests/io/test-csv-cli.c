/* test-csv-cli.c
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

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs rapport-cli --db DB ARGS… and returns its exit status. */
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
  g_ptr_array_add (argv, f->db);

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

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_cli_import_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *rich = g_build_filename (FIXTURES_DIR, "members-rich.csv", NULL);
  g_autofree char *comma = g_build_filename (FIXTURES_DIR, "members-comma.csv", NULL);
  g_autofree char *golden = g_build_filename (FIXTURES_DIR, "members-export.csv", NULL);
  g_autofree char *exported = path_in (f, "out.csv");
  g_autofree char *expected_out = g_strdup_printf ("Exported 5 members to %s\n", exported);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  char *out = NULL;
  char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", rich, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 3 rows: 3 new members, 0 updated\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", comma, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 2 rows: 2 new members, 0 updated\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "export", "members", exported, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected_out);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  written = read_text (exported);
  expected = read_text (golden);
  g_assert_cmpstr (written, ==, expected);
}

static void
test_cli_summary (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = path_in (f, "first.csv");
  g_autofree char *second = path_in (f, "second.csv");
  g_autoptr(GString) text = g_string_new ("Name,Email\n");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  char *err = NULL;

  for (guint i = 0; i < 24; i++)
    g_string_append_printf (text, "Old %u,old%u@example.org\n", i, i);
  g_file_set_contents (first, text->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", first, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 1,204 rows, of which 24 are people already there. */
  g_string_truncate (text, 0);
  g_string_append (text, "Name,Email\n");
  for (guint i = 0; i < 1180; i++)
    g_string_append_printf (text, "New %u,new%u@example.org\n", i, i);
  for (guint i = 0; i < 24; i++)
    g_string_append_printf (text, "Renamed %u,OLD%u@example.org\n", i, i);
  g_file_set_contents (second, text->str, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", second, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 1,204 rows: 1,180 new members, 24 updated\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "stats", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Members:        1204\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *bad = path_in (f, "bad.csv");
  g_autofree char *missing = path_in (f, "missing.csv");
  g_autofree char *exported = path_in (f, "out.csv");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  char *err = NULL;

  g_file_set_contents (bad, "Name,Email\nAna,ana@example.org\nBo,bo@\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", bad, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==,
                   "import: Line 3, column 2 (“Email”): “bo@” is not an email address\n"
                   "Nothing was imported.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "export", "members", exported, NULL), ==, 0);
  g_assert_cmpstr (out, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *text = read_text (exported);

    /* The failed import left nobody behind. */
    g_assert_cmpstr (text, ==, "Name,Email,Other emails,Organization,Title,Location,Phone,Stage,Tags\r\n");
  }

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", missing, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "import: "));
  g_assert_nonnull (strstr (err, "missing.csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "people", bad, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage: rapport-cli [--db PATH] import members FILE.csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "export", "members", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage: rapport-cli [--db PATH] export members FILE.csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "members", bad, "extra", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/rapport/io/cli/import-export", test_cli_import_export);
  ADD ("/rapport/io/cli/summary", test_cli_summary);
  ADD ("/rapport/io/cli/errors", test_cli_errors);

  return g_test_run ();
}
