/* rapport-cli-demo.c
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
#include "rapport-demo.h"

#define MAX_MEMBERS 10000000
#define MAX_ACTIVITIES 500000000

static void
on_demo_progress_cb (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  RapportCliProgress *line = user_data;
  g_autofree char *done_text = rapport_format_count (done);
  g_autofree char *total_text = rapport_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: shown while the sample community is created */
  text = g_strdup_printf (_("Creating members… %s of %s"), done_text, total_text);
  rapport_cli_progress_show (line, text);
}

static gboolean
parse_number (const char  *option,
              const char  *text,
              guint64      max,
              guint64     *value)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      g_printerr (_("demo: %s needs a number\n"), option);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, value, &error))
    {
      g_printerr (_("demo: %s “%s”: %s\n"), option, text, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
print_usage (void)
{
  g_printerr (_("Usage: rapport-cli [--db PATH] demo [--members N] [--activities M] [--seed S]\n"
                "  --members N      how many members (default 2000)\n"
                "  --activities M   how many activities in all (default 20000)\n"
                "  --seed S         the same seed makes the same community (default 1)\n"));
}

int
rapport_cli_demo (RapportStore  *store,
                  int            argc,
                  char         **argv)
{
  RapportDemoOptions options = { 2000, 20000, 1 };
  RapportCliProgress line = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *members_text = NULL;
  g_autofree char *activities_text = NULL;
  g_autofree char *members_part = NULL;
  g_autofree char *activities_part = NULL;
  gint64 start;
  double seconds;
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *eq = strchr (arg, '=');
      g_autofree char *option = eq ? g_strndup (arg, eq - arg) : g_strdup (arg);
      const char *value = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
      guint64 number = 0;

      if (g_str_equal (option, "--members"))
        {
          if (!parse_number (option, value, MAX_MEMBERS, &number))
            return 2;
          options.members = (guint) number;
        }
      else if (g_str_equal (option, "--activities"))
        {
          if (!parse_number (option, value, MAX_ACTIVITIES, &number))
            return 2;
          options.activities = (guint) number;
        }
      else if (g_str_equal (option, "--seed"))
        {
          if (!parse_number (option, value, G_MAXUINT64, &number))
            return 2;
          options.seed = number;
        }
      else
        {
          g_printerr (_("demo: unknown argument “%s”\n"), arg);
          print_usage ();
          return 2;
        }

      if (eq == NULL)
        i++;
    }

  if (options.members == 0 && options.activities > 0)
    {
      g_printerr (_("demo: --activities %u needs at least one member (--members is 0)\n"),
                  options.activities);
      return 2;
    }

  start = g_get_monotonic_time ();
  ok = rapport_demo_generate (store, &options,
                              isatty (STDERR_FILENO) ? on_demo_progress_cb : NULL, &line,
                              NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  rapport_cli_progress_clear (&line);

  if (!ok)
    {
      g_printerr ("demo: %s\n", error->message);
      g_printerr (_("Nothing was added.\n"));
      return 1;
    }

  members_text = rapport_format_count (options.members);
  activities_text = rapport_format_count (options.activities);
  members_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members",
                                               options.members),
                                  members_text);
  activities_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s activity", "%s activities",
                                                  options.activities),
                                     activities_text);
  /* Translators: "Created 2,000 members and 20,000 activities in 1.3 s" */
  g_print (_("Created %s and %s in %.1f s\n"), members_part, activities_part, seconds);

  return 0;
}
