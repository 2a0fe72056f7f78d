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
#include "rapport-util.h"
#include "rapport-member-io.h"

static void
on_import_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  g_autofree char *text = NULL;
  guint percent = total > 0 ? (guint) (MIN (done, total) * 100 / total) : 0;

  /* Translators: shown while a CSV file is imported */
  text = g_strdup_printf (_("Importing… %u%%"), percent);
  rapport_cli_progress_show (user_data, text);
}

static void
on_export_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  g_autofree char *done_text = rapport_format_count (done);
  g_autofree char *total_text = rapport_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: shown while members are written to a CSV file */
  text = g_strdup_printf (_("Exporting… %s of %s members"), done_text, total_text);
  rapport_cli_progress_show (user_data, text);
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
  RapportCliProgress line = { 0 };
  RapportImportResult result;
  gboolean ok;

  if (!check_arguments (argc, argv))
    return 2;

  file = g_file_new_for_commandline_arg (argv[2]);
  ok = rapport_member_import_csv (store, file, &result,
                                  isatty (STDERR_FILENO) ? on_import_progress_cb : NULL, &line,
                                  NULL, &error);
  rapport_cli_progress_clear (&line);

  if (!ok)
    {
      g_printerr ("import: %s\n", error->message);
      g_printerr (_("Nothing was imported.\n"));
      return 1;
    }

  rows = rapport_format_count (result.rows);
  added = rapport_format_count (result.added);
  updated = rapport_format_count (result.updated);
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
  RapportCliProgress line = { 0 };
  guint64 n_members = 0;
  gboolean ok;

  if (!check_arguments (argc, argv))
    return 2;

  file = g_file_new_for_commandline_arg (argv[2]);
  ok = rapport_member_export_csv (store, file, &n_members,
                                  isatty (STDERR_FILENO) ? on_export_progress_cb : NULL, &line,
                                  NULL, &error);
  rapport_cli_progress_clear (&line);

  if (!ok)
    {
      g_printerr ("export: %s\n", error->message);
      return 1;
    }

  count = rapport_format_count (n_members);
  g_print (g_dngettext (NULL, "Exported %s member to %s\n", "Exported %s members to %s\n",
                        n_members),
           count, argv[2]);

  return 0;
}
