/* rapport-cli-events.c
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

#include "rapport-cli.h"
#include "rapport-event-io.h"
#include "rapport-events.h"

static const char events_usage[] =
  "Usage: rapport-cli events COMMAND [ARGS…]\n"
  "\n"
  "  list [--upcoming|--past]                  the events, one a line\n"
  "  add --title T --start TIME [--end TIME] [--tz ZONE] [--kind K]\n"
  "      [--capacity N] [--venue V] [--url U]  add an event; times are local to --tz\n"
  "  import EVENT_ID FILE                      import RSVPs: Eventbrite, Meetup or Zoom CSV, or .ics\n"
  "  export EVENT_ID --csv|--ics|--pdf FILE    attendees CSV, .ics invitation or door sheet PDF\n"
  "  checkin EVENT_ID QUERY                    find and check in one person by name, email or handle\n"
  "  done EVENT_ID                             mark the event done and record attendance\n";

static gboolean
parse_event_id (const char *text,
                gint64     *id)
{
  g_autoptr(GError) error = NULL;
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, &error))
    {
      g_printerr (_("events: “%s” is not an event id: %s\n"), text, error->message);
      return FALSE;
    }

  *id = value;
  return TRUE;
}

static char *
format_local (gint64      t,
              const char *tzid)
{
  g_autoptr(GTimeZone) tz = tzid ? g_time_zone_new_identifier (tzid) : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;

  if (tz == NULL)
    return g_date_time_format (utc, "%Y-%m-%d %H:%M");

  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static int
events_list (RapportStore  *store,
             int            argc,
             char         **argv)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  RapportEventRange range = RAPPORT_EVENT_RANGE_ALL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--upcoming"))
        range = RAPPORT_EVENT_RANGE_UPCOMING;
      else if (g_str_equal (argv[i], "--past"))
        range = RAPPORT_EVENT_RANGE_PAST;
      else
        {
          g_printerr (_("events list: unknown option “%s”\n"), argv[i]);
          return 2;
        }
    }

  events = rapport_events_list (store, range, &error);
  if (events == NULL)
    {
      g_printerr (_("events list: %s\n"), error->message);
      return 1;
    }

  for (guint i = 0; i < events->len; i++)
    {
      RapportEvent *event = g_ptr_array_index (events, i);
      RapportEventCounts counts;
      g_autofree char *start = format_local (rapport_event_get_starts_at (event), rapport_event_get_tzid (event));
      g_autofree char *capacity = NULL;

      if (!rapport_events_get_counts (store, rapport_event_get_id (event), &counts, &error))
        {
          g_printerr (_("events list: %s\n"), error->message);
          return 1;
        }

      capacity = counts.capacity < 0 ? g_strdup ("∞") : g_strdup_printf ("%" G_GINT64_FORMAT, counts.capacity);
      g_print ("%" G_GINT64_FORMAT "\t%s %s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "/%s going\t%" G_GINT64_FORMAT
               " checked in\t%" G_GINT64_FORMAT " waitlisted\n",
               rapport_event_get_id (event), start,
               rapport_event_get_tzid (event) ? rapport_event_get_tzid (event) : "UTC",
               rapport_event_get_kind (event), rapport_event_get_status (event),
               rapport_event_get_title (event), counts.going, capacity, counts.checked_in, counts.waitlisted);
    }

  if (events->len == 0)
    g_printerr (_("No events\n"));

  return 0;
}

static gboolean
parse_local_time (const char  *text,
                  const char  *tzid,
                  gint64      *out)
{
  g_autoptr(GTimeZone) tz = tzid ? g_time_zone_new_identifier (tzid) : g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (tz == NULL)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (text, tz);
  if (dt == NULL)
    {
      /* "2025-06-12 18:30" and "2025-06-12T18:30" both do. */
      g_autofree char *with_seconds = g_strdup_printf ("%s:00", text);

      g_strdelimit (with_seconds, " ", 'T');
      dt = g_date_time_new_from_iso8601 (with_seconds, tz);
    }
  if (dt == NULL)
    return FALSE;

  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static int
events_add (RapportStore  *store,
            int            argc,
            char         **argv)
{
  g_autoptr(RapportEvent) event = rapport_event_new ();
  g_autoptr(GError) error = NULL;
  const char *start = NULL;
  const char *end = NULL;
  const char *tzid = NULL;
  gint64 t;

  for (int i = 1; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (value == NULL)
        {
          g_printerr (_("events add: “%s” needs a value\n"), argv[i]);
          return 2;
        }

      if (g_str_equal (argv[i], "--title"))
        rapport_event_set_title (event, value);
      else if (g_str_equal (argv[i], "--kind"))
        rapport_event_set_kind (event, value);
      else if (g_str_equal (argv[i], "--start"))
        start = value;
      else if (g_str_equal (argv[i], "--end"))
        end = value;
      else if (g_str_equal (argv[i], "--tz"))
        tzid = value;
      else if (g_str_equal (argv[i], "--venue"))
        rapport_event_set_venue (event, value);
      else if (g_str_equal (argv[i], "--url"))
        rapport_event_set_online_url (event, value);
      else if (g_str_equal (argv[i], "--capacity"))
        {
          guint64 capacity;

          if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &capacity, &error))
            {
              g_printerr (_("events add: --capacity: %s\n"), error->message);
              return 2;
            }
          rapport_event_set_capacity (event, capacity);
        }
      else
        {
          g_printerr (_("events add: unknown option “%s”\n"), argv[i]);
          return 2;
        }
      i++;
    }

  if (tzid != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

      if (tz == NULL)
        {
          g_printerr (_("events add: “%s” is not an IANA time zone (for example Europe/Paris)\n"), tzid);
          return 2;
        }
      rapport_event_set_tzid (event, tzid);
    }

  if (start == NULL || !parse_local_time (start, tzid, &t))
    {
      g_printerr (_("events add: --start needs a time like 2025-06-12T18:30, not “%s”\n"), start ? start : "");
      return 2;
    }
  rapport_event_set_starts_at (event, t);

  if (end != NULL)
    {
      if (!parse_local_time (end, tzid, &t))
        {
          g_printerr (_("events add: --end needs a time like 2025-06-12T20:00, not “%s”\n"), end);
          return 2;
        }
      rapport_event_set_ends_at (event, t);
    }

  if (!rapport_events_insert (store, event, &error))
    {
      g_printerr (_("events add: %s\n"), error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", rapport_event_get_id (event));
  return 0;
}

static int
events_import (RapportStore  *store,
               int            argc,
               char         **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RapportEventImportResult result = { 0 };
  gint64 event_id;

  if (argc != 3)
    {
      g_printerr (_("events import: give EVENT_ID FILE\n"));
      return 2;
    }
  if (!parse_event_id (argv[1], &event_id))
    return 2;

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!rapport_event_import_file (store, event_id, file, &result, NULL, &error))
    {
      g_printerr (_("events import: %s\n"), error->message);
      return 1;
    }

  g_print (_("Imported %" G_GUINT64_FORMAT " rows from %s: %" G_GUINT64_FORMAT " RSVPs added, %"
             G_GUINT64_FORMAT " updated, %" G_GUINT64_FORMAT " unchanged, %" G_GUINT64_FORMAT
             " new members\n"),
           result.rows, result.source, result.added, result.updated, result.unchanged, result.members_added);
  rapport_event_import_result_clear (&result);
  return 0;
}

static int
events_export (RapportStore  *store,
               int            argc,
               char         **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  gint64 event_id;

  if (argc != 4)
    {
      g_printerr (_("events export: give EVENT_ID --csv|--ics|--pdf FILE\n"));
      return 2;
    }
  if (!parse_event_id (argv[1], &event_id))
    return 2;

  file = g_file_new_for_commandline_arg (argv[3]);
  if (g_str_equal (argv[2], "--csv"))
    ok = rapport_event_export_csv (store, event_id, file, NULL, &error);
  else if (g_str_equal (argv[2], "--ics"))
    ok = rapport_event_export_ics (store, event_id, file, NULL, &error);
  else if (g_str_equal (argv[2], "--pdf"))
    ok = rapport_event_export_pdf (store, event_id, file, NULL, &error);
  else
    {
      g_printerr (_("events export: “%s” is not --csv, --ics or --pdf\n"), argv[2]);
      return 2;
    }

  if (!ok)
    {
      g_printerr (_("events export: %s\n"), error->message);
      return 1;
    }

  return 0;
}

static int
events_checkin (RapportStore  *store,
                int            argc,
                char         **argv)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  RapportEventCounts counts;
  RapportRsvp *rsvp;
  gint64 event_id;

  if (argc < 3)
    {
      g_printerr (_("events checkin: give EVENT_ID QUERY\n"));
      return 2;
    }
  if (!parse_event_id (argv[1], &event_id))
    return 2;

  query = g_strjoinv (" ", argv + 2);
  matches = rapport_events_search_rsvps (store, event_id, query, 10, &error);
  if (matches == NULL)
    {
      g_printerr (_("events checkin: %s\n"), error->message);
      return 1;
    }

  if (matches->len == 0)
    {
      g_printerr (_("events checkin: nobody who answered event %" G_GINT64_FORMAT " matches “%s”\n"),
                  event_id, query);
      return 1;
    }

  if (matches->len > 1)
    {
      g_printerr (_("events checkin: “%s” matches %u people; be more precise:\n"), query, matches->len);
      for (guint i = 0; i < matches->len; i++)
        {
          RapportRsvp *m = g_ptr_array_index (matches, i);

          g_printerr ("  %s\t%s\t%s\n", rapport_rsvp_get_name (m),
                      rapport_rsvp_get_email (m) ? rapport_rsvp_get_email (m) : "",
                      rapport_rsvp_get_status (m));
        }
      return 1;
    }

  rsvp = g_ptr_array_index (matches, 0);
  if (!rapport_events_check_in (store, rapport_rsvp_get_id (rsvp), &error) ||
      !rapport_events_get_counts (store, event_id, &counts, &error))
    {
      g_printerr (_("events checkin: %s\n"), error->message);
      return 1;
    }

  g_print (_("Checked in %s (party of %d): %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " going are here\n"),
           rapport_rsvp_get_name (rsvp), rapport_rsvp_get_party_size (rsvp), counts.checked_in, counts.going);
  return 0;
}

static int
events_done (RapportStore  *store,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  RapportEventCounts counts;
  gint64 event_id;

  if (argc != 2)
    {
      g_printerr (_("events done: give EVENT_ID\n"));
      return 2;
    }
  if (!parse_event_id (argv[1], &event_id))
    return 2;

  if (!rapport_events_mark_done (store, event_id, &error) ||
      !rapport_events_get_counts (store, event_id, &counts, &error))
    {
      g_printerr (_("events done: %s\n"), error->message);
      return 1;
    }

  g_print (_("Event %" G_GINT64_FORMAT " is done: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
             " came (show-up rate %.0f%%), %" G_GINT64_FORMAT " no-shows\n"),
           event_id, counts.checked_in, counts.going,
           100.0 * rapport_event_counts_get_show_up_rate (&counts), counts.no_shows);
  return 0;
}

int
rapport_cli_events (RapportStore  *store,
                    int            argc,
                    char         **argv)
{
  static const struct {
    const char *name;
    int (*run) (RapportStore *store, int argc, char **argv);
  } subcommands[] = {
    { "list", events_list },
    { "add", events_add },
    { "import", events_import },
    { "export", events_export },
    { "checkin", events_checkin },
    { "done", events_done },
  };

  if (argc < 2)
    {
      g_printerr ("%s", events_usage);
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (store, argc - 1, argv + 1);

  g_printerr (_("events: unknown command “%s”\n\n%s"), argv[1], events_usage);
  return 2;
}
