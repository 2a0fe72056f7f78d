/* rapport-cli-content.c
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
#include <stdio.h>
#include <string.h>

#include "rapport-caldav.h"
#include "rapport-cli.h"
#include "rapport-clock.h"
#include "rapport-content-ical.h"
#include "rapport-content-store.h"

static const char content_usage[] =
  "Usage:\n"
  "  rapport-cli content list [--month YYYY-MM]\n"
  "  rapport-cli content add TITLE --kind KIND --date ISO8601 [--tz ZONE] [--channel C]… [--rrule RULE]\n"
  "  rapport-cli content export FILE.ics\n"
  "  rapport-cli content import FILE.ics\n"
  "  rapport-cli content caldav connect URL --user USER --password-stdin [--create NAME]\n"
  "  rapport-cli content caldav sync\n"
  "  rapport-cli content caldav conflicts\n"
  "  rapport-cli content caldav resolve UID --keep-mine|--take-theirs\n";

static int
content_list (RapportStore  *store,
              int            argc,
              char         **argv)
{
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--month") && i + 1 < argc)
        {
          const char *text = argv[++i];

          if (sscanf (text, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12 || year < 1)
            {
              g_printerr (_("content list: --month wants YYYY-MM, not “%s”\n"), text);
              return 2;
            }
        }
      else
        {
          g_printerr (_("content list: unknown option “%s”\n"), argv[i]);
          return 2;
        }
    }

  start = g_date_time_new_local (year, month, 1, 0, 0, 0);
  end = g_date_time_add_months (start, 1);
  list = rapport_content_list_occurrences (store, g_date_time_to_unix (start), g_date_time_to_unix (end), &error);
  if (list == NULL)
    {
      g_printerr (_("content list: %s\n"), error->message);
      return 1;
    }

  for (guint i = 0; i < list->len; i++)
    {
      RapportContentOccurrence *occurrence = g_ptr_array_index (list, i);
      RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
      g_autoptr(GDateTime) when = rapport_content_occurrence_dup_local_start (occurrence);
      g_autofree char *date = g_date_time_format (when, rapport_content_item_get_all_day (item)
                                                        ? "%Y-%m-%d      " : "%Y-%m-%d %H:%M");
      g_autofree char *channels = g_strjoinv (", ", (char **) rapport_content_item_get_channels (item));

      g_print ("%s  %-10s  %-13s  %s%s%s%s\n", date,
               rapport_content_status_get_label (rapport_content_item_get_status (item)),
               rapport_content_kind_get_label (rapport_content_item_get_kind (item)),
               rapport_content_item_get_title (item),
               channels[0] != '\0' ? "  [" : "", channels, channels[0] != '\0' ? "]" : "");
    }

  if (list->len == 0)
    g_printerr (_("Nothing planned in %04d-%02d\n"), year, month);
  return 0;
}

static int
content_add (RapportStore  *store,
             int            argc,
             char         **argv)
{
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(GStrvBuilder) channels = g_strv_builder_new ();
  g_auto(GStrv) channel_list = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = NULL;
  const char *kind = "blog-post";
  const char *date = NULL;
  const char *tzid = NULL;
  const char *rrule = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--kind") && i + 1 < argc)
        kind = argv[++i];
      else if (g_str_equal (argv[i], "--date") && i + 1 < argc)
        date = argv[++i];
      else if (g_str_equal (argv[i], "--tz") && i + 1 < argc)
        tzid = argv[++i];
      else if (g_str_equal (argv[i], "--channel") && i + 1 < argc)
        g_strv_builder_add (channels, argv[++i]);
      else if (g_str_equal (argv[i], "--rrule") && i + 1 < argc)
        rrule = argv[++i];
      else if (title == NULL && argv[i][0] != '-')
        title = argv[i];
      else
        {
          g_printerr (_("content add: unexpected “%s”\n"), argv[i]);
          return 2;
        }
    }

  if (title == NULL)
    {
      g_printerr (_("content add: give a TITLE, for example: rapport-cli content add \"Release notes\" "
                    "--kind blog-post --date 2024-06-03T10:00 --tz Europe/Berlin\n"));
      return 2;
    }

  item = rapport_content_item_new (title, kind);
  channel_list = g_strv_builder_end (channels);
  rapport_content_item_set_channels (item, (const char * const *) channel_list);
  rapport_content_item_set_rrule (item, rrule);

  if (date != NULL)
    {
      g_autoptr(GTimeZone) zone = tzid != NULL ? g_time_zone_new_identifier (tzid) : g_time_zone_new_local ();
      g_autoptr(GDateTime) when = NULL;
      int y, m, d;
      char rest;

      if (zone == NULL)
        {
          g_printerr (_("content add: “%s” is not a known time zone (use a name like Europe/Berlin)\n"), tzid);
          return 2;
        }

      if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3)
        {
          /* A date alone plans the whole day. */
          when = g_date_time_new_utc (y, m, d, 0, 0, 0);
          if (when != NULL)
            {
              rapport_content_item_set_publish_at (item, g_date_time_to_unix (when), NULL);
              rapport_content_item_set_all_day (item, TRUE);
            }
        }
      else
        {
          when = g_date_time_new_from_iso8601 (date, zone);
          if (when == NULL && strlen (date) == 16)
            {
              /* GLib wants seconds; "2024-06-03T10:00" is common enough. */
              g_autofree char *with_seconds = g_strconcat (date, ":00", NULL);

              when = g_date_time_new_from_iso8601 (with_seconds, zone);
            }
          if (when != NULL)
            {
              const char *plan_zone = tzid;

              /* Without --tz the item is planned in this computer's zone
               * when it has an IANA name ("Europe/Berlin"), else in UTC. */
              if (plan_zone == NULL && strchr (g_time_zone_get_identifier (zone), '/') != NULL
                  && g_time_zone_get_identifier (zone)[0] != '/'
                  && g_time_zone_get_identifier (zone)[0] != ':')
                plan_zone = g_time_zone_get_identifier (zone);
              rapport_content_item_set_publish_at (item, g_date_time_to_unix (when), plan_zone);
            }
        }

      if (when == NULL)
        {
          g_printerr (_("content add: --date wants an ISO 8601 date or date-time "
                        "(2024-06-03 or 2024-06-03T10:00), not “%s”\n"), date);
          return 2;
        }
    }

  if (!rapport_content_add (store, item, &error))
    {
      g_printerr (_("content add: %s\n"), error->message);
      return 1;
    }

  g_print (_("Added “%s” (id %" G_GINT64_FORMAT ", UID %s)\n"), title,
           rapport_content_item_get_id (item), rapport_content_item_get_uid (item));
  return 0;
}

static int
content_export (RapportStore  *store,
                int            argc,
                char         **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr (_("content export: give one FILE.ics\n"));
      return 2;
    }

  if (!rapport_content_export_file (store, NULL, argv[1], &error))
    {
      g_printerr (_("content export: %s\n"), error->message);
      return 1;
    }

  return 0;
}

static int
content_import (RapportStore  *store,
                int            argc,
                char         **argv)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (argc != 2)
    {
      g_printerr (_("content import: give one FILE.ics\n"));
      return 2;
    }

  if (!rapport_content_import_file (store, argv[1], &n, &error))
    {
      g_printerr (_("content import: %s\n"), error->message);
      g_printerr (_("Nothing was imported.\n"));
      return 1;
    }

  g_print (ngettext ("Imported %u item\n", "Imported %u items\n", n), n);
  return 0;
}

static void
on_sync_progress_cb (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  RapportCliProgress *line = user_data;
  g_autofree char *text = g_strdup_printf (_("Syncing %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT "…"),
                                           done, total);

  rapport_cli_progress_show (line, text);
}

static int
content_caldav (RapportStore  *store,
                int            argc,
                char         **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "connect"))
    {
      const char *url = NULL;
      const char *user = NULL;
      const char *create = NULL;
      gboolean password_stdin = FALSE;
      gboolean connected;
      char buffer[4096];
      g_autofree char *password = NULL;

      for (int i = 2; i < argc; i++)
        {
          if (g_str_equal (argv[i], "--user") && i + 1 < argc)
            user = argv[++i];
          else if (g_str_equal (argv[i], "--password-stdin"))
            password_stdin = TRUE;
          else if (g_str_equal (argv[i], "--create") && i + 1 < argc)
            create = argv[++i];
          else if (url == NULL && argv[i][0] != '-')
            url = argv[i];
          else
            {
              g_printerr (_("content caldav connect: unexpected “%s”\n"), argv[i]);
              return 2;
            }
        }
      if (url == NULL || user == NULL || !password_stdin)
        {
          g_printerr (_("content caldav connect: give URL, --user USER and --password-stdin\n"));
          return 2;
        }
      if (fgets (buffer, sizeof buffer, stdin) == NULL)
        {
          g_printerr (_("content caldav connect: no password on standard input\n"));
          return 2;
        }
      password = g_strdup (g_strchomp (buffer));
      memset (buffer, 0, sizeof buffer);

      connected = rapport_caldav_connect (store, url, user, password, NULL, &error);
      /* --create makes the calendar when there is none at URL yet. */
      if (!connected && create != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          connected = rapport_caldav_create_calendar (url, user, password, create, NULL, &error) &&
                      rapport_caldav_connect (store, url, user, password, NULL, &error);
        }
      if (!connected)
        {
          memset (password, 0, strlen (password));
          g_printerr (_("content caldav connect: %s\n"), error->message);
          return 1;
        }
      memset (password, 0, strlen (password));
      g_print (_("Connected the content calendar to %s\n"), url);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "sync"))
    {
      RapportCliProgress line = { 0 };
      RapportCaldavStats stats = { 0 };

      if (!rapport_caldav_sync (store, NULL, on_sync_progress_cb, &line, &stats, &error))
        {
          rapport_cli_progress_clear (&line);
          g_printerr (_("content caldav sync: %s\n"), error->message);
          return 1;
        }
      rapport_cli_progress_clear (&line);
      g_print (_("Sent %u, received %u, deleted %u on the server and %u here\n"),
               stats.pushed, stats.pulled, stats.deleted_remote, stats.deleted_local);
      if (stats.conflicts > 0)
        g_print (ngettext ("%u item changed on both sides: see rapport-cli content caldav conflicts\n",
                           "%u items changed on both sides: see rapport-cli content caldav conflicts\n",
                           stats.conflicts), stats.conflicts);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "conflicts"))
    {
      g_autoptr(GPtrArray) conflicts = rapport_caldav_list_conflicts (store, &error);

      if (conflicts == NULL)
        {
          g_printerr (_("content caldav conflicts: %s\n"), error->message);
          return 1;
        }
      for (guint i = 0; i < conflicts->len; i++)
        {
          RapportCaldavConflict *conflict = g_ptr_array_index (conflicts, i);
          const char *mine = rapport_caldav_conflict_get_local_title (conflict);
          const char *theirs = rapport_caldav_conflict_get_remote_title (conflict);

          g_print ("%s\t%s: %s\t%s: %s\n", rapport_caldav_conflict_get_uid (conflict),
                   _("here"), mine != NULL ? mine : _("(deleted)"),
                   _("server"), theirs != NULL ? theirs : _("(deleted)"));
        }
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "resolve"))
    {
      RapportCaldavResolution resolution;

      if (g_str_equal (argv[3], "--keep-mine"))
        resolution = RAPPORT_CALDAV_KEEP_MINE;
      else if (g_str_equal (argv[3], "--take-theirs"))
        resolution = RAPPORT_CALDAV_TAKE_THEIRS;
      else
        {
          g_printerr (_("content caldav resolve: say --keep-mine or --take-theirs\n"));
          return 2;
        }
      if (!rapport_caldav_resolve_conflict (store, argv[2], resolution, &error))
        {
          g_printerr (_("content caldav resolve: %s\n"), error->message);
          return 1;
        }
      return 0;
    }

  g_printerr ("%s", content_usage);
  return 2;
}

int
rapport_cli_content (RapportStore  *store,
                     int            argc,
                     char         **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return content_list (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return content_add (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return content_export (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return content_import (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "caldav"))
    return content_caldav (store, argc - 1, argv + 1);

  g_printerr ("%s", content_usage);
  return 2;
}
