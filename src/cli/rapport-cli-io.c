/* rapport-cli-io.c
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

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "rapport-cli.h"
#include "rapport-member-io.h"

typedef struct
{
  guint width;
} ProgressLine;

/* 1204 → "1,204", with the locale's separator where it has one. */
static char *
format_count (guint64 n)
{
  const struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0'
                          ? conv->thousands_sep : ",";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize length = strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

static void
show_progress (ProgressLine *line,
               const char   *text)
{
  g_printerr ("\r%s", text);
  for (guint i = g_utf8_strlen (text, -1); i < line->width; i++)
    g_printerr (" ");
  line->width = MAX (line->width, (guint) g_utf8_strlen (text, -1));
}

static void
clear_progress (ProgressLine *line)
{
  if (line->width == 0)
    return;

  g_printerr ("\r%*s\r", (int) line->width, "");
  line->width = 0;
}

static void
on_import_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  g_autofree char *text = NULL;
  guint percent = total > 0 ? (guint) (MIN (done, total) * 100 / total) : 0;

  /* Translators: shown while a CSV file is imported */
  text = g_strdup_printf (_("Importing… %u%%"), percent);
  show_progress (user_data, text);
}

static void
on_export_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  g_autofree char *done_text = format_count (done);
  g_autofree char *total_text = format_count (total);
  g_autofree char *text = NULL;

  /* Translators: shown while members are written to a CSV file */
  text = g_strdup_printf (_("Exporting… %s of %s members"), done_text, total_text);
  show_progress (user_data, text);
}

static gboolean
check_arguments (int    argc,
                 char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "members"))
    return TRUE;

  if (argc >= 2 && !g_str_equal (argv[1], "members"))
    g_printerr (_("%s: unknown kind “%s”; only “members” can be imported and exported\n"),
                argv[0], argv[1]);

  g_printerr (_("Usage: rapport-cli [--db PATH] %s members FILE.csv\n"), argv[0]);
  return FALSE;
}

int
rapport_cli_import (RapportStore  *store,
                    int            argc,
                    char         **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  ProgressLine line = { 0 };
  RapportImportResult result;
  gboolean ok;

  if (!check_arguments (argc, argv))
    return 2;

  file = g_file_new_for_commandline_arg (argv[2]);
  ok = rapport_member_import_csv (store, file, &result,
                                  isatty (STDERR_FILENO) ? on_import_progress_cb : NULL, &line,
                                  NULL, &error);
  clear_progress (&line);

  if (!ok)
    {
      g_printerr ("import: %s\n", error->message);
      g_printerr (_("Nothing was imported.\n"));
      return 1;
    }

  rows = format_count (result.rows);
  added = format_count (result.added);
  updated = format_count (result.updated);
  g_print (g_dngettext (NULL, "Imported %s row: %s new members, %s updated\n",
                        "Imported %s rows: %s new members, %s updated\n", result.rows),
           rows, added, updated);

  return 0;
}

int
rapport_cli_export (RapportStore  *store,
                    int            argc,
                    char         **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  ProgressLine line = { 0 };
  guint64 n_members = 0;
  gboolean ok;

  if (!check_arguments (argc, argv))
    return 2;

  file = g_file_new_for_commandline_arg (argv[2]);
  ok = rapport_member_export_csv (store, file, &n_members,
                                  isatty (STDERR_FILENO) ? on_export_progress_cb : NULL, &line,
                                  NULL, &error);
  clear_progress (&line);

  if (!ok)
    {
      g_printerr ("export: %s\n", error->message);
      return 1;
    }

  count = format_count (n_members);
  g_print (g_dngettext (NULL, "Exported %s member to %s\n", "Exported %s members to %s\n",
                        n_members),
           count, argv[2]);

  return 0;
}
