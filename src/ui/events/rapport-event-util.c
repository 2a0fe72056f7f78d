/* rapport-event-util.c
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

#define G_LOG_DOMAIN "rapport-event-util"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-event-util.h"
#include "rapport-member-util.h"
#include "rapport-util.h"

static const char * const kinds[] = {
  "meetup", "webinar", "workshop", "conference-talk", "ama", NULL,
};

static const char * const statuses[] = {
  RAPPORT_EVENT_DRAFT, RAPPORT_EVENT_ANNOUNCED, RAPPORT_EVENT_DONE, RAPPORT_EVENT_CANCELLED, NULL,
};

const char * const *
rapport_event_kinds (void)
{
  return kinds;
}

const char *
rapport_event_kind_get_label (const char *kind)
{
  if (g_strcmp0 (kind, "meetup") == 0)
    return _("Meetup");
  if (g_strcmp0 (kind, "webinar") == 0)
    return _("Webinar");
  if (g_strcmp0 (kind, "workshop") == 0)
    return _("Workshop");
  if (g_strcmp0 (kind, "conference-talk") == 0)
    return _("Conference Talk");
  if (g_strcmp0 (kind, "ama") == 0)
    /* Translators: an "ask me anything" session */
    return _("AMA");

  /* Kinds written by other tools are shown as they are. */
  return kind != NULL ? kind : "";
}

const char * const *
rapport_event_statuses (void)
{
  return statuses;
}

const char *
rapport_event_status_get_label (const char *status)
{
  if (g_strcmp0 (status, RAPPORT_EVENT_DRAFT) == 0)
    return _("Draft");
  if (g_strcmp0 (status, RAPPORT_EVENT_ANNOUNCED) == 0)
    return _("Announced");
  if (g_strcmp0 (status, RAPPORT_EVENT_DONE) == 0)
    return _("Done");
  if (g_strcmp0 (status, RAPPORT_EVENT_CANCELLED) == 0)
    return _("Cancelled");

  return status != NULL ? status : "";
}

const char *
rapport_rsvp_status_get_label (const char *status)
{
  if (g_strcmp0 (status, RAPPORT_RSVP_GOING) == 0)
    return _("Going");
  if (g_strcmp0 (status, RAPPORT_RSVP_MAYBE) == 0)
    return _("Maybe");
  if (g_strcmp0 (status, RAPPORT_RSVP_DECLINED) == 0)
    return _("Declined");
  if (g_strcmp0 (status, RAPPORT_RSVP_WAITLISTED) == 0)
    return _("Waitlisted");
  if (g_strcmp0 (status, RAPPORT_RSVP_CANCELLED) == 0)
    return _("Cancelled");

  return status != NULL ? status : "";
}

const char *
rapport_rsvp_source_get_label (const char *source)
{
  if (source == NULL || g_str_equal (source, "manual"))
    return _("Manual");
  if (g_str_equal (source, "eventbrite"))
    return "Eventbrite";
  if (g_str_equal (source, "meetup"))
    return "Meetup";
  if (g_str_equal (source, "zoom"))
    return "Zoom";
  if (g_str_equal (source, "ics"))
    return _("Invitation");

  return source;
}

static char *
format_date (GDateTime *dt)
{
  /* Translators: an event's date, see the strftime manual; e.g. "Thursday, 14 May 2026" */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
format_range (GDateTime *start,
              GDateTime *end)
{
  g_autofree char *date = format_date (start);
  g_autofree char *from = rapport_format_clock (start);

  if (end == NULL)
    /* Translators: an event's date and start time, e.g. "Thursday, 14 May 2026 · 19:00" */
    return g_strdup_printf (_("%s · %s"), date, from);

  if (same_day (start, end))
    {
      g_autofree char *to = rapport_format_clock (end);

      /* Translators: an event's date, start and end, e.g. "Thursday, 14 May 2026 · 19:00 – 21:00" */
      return g_strdup_printf (_("%s · %s – %s"), date, from, to);
    }
  else
    {
      g_autofree char *end_date = format_date (end);
      g_autofree char *to = rapport_format_clock (end);

      /* Translators: an event over several days, e.g. "Friday, 15 May 2026 · 09:00 – Saturday, 16 May 2026 · 17:00" */
      return g_strdup_printf (_("%s · %s – %s · %s"), date, from, end_date, to);
    }
}

/**
 * rapport_event_format_when:
 *
 * Returns: (transfer full): the event's date and time in the viewer's
 *   time zone
 */
char *
rapport_event_format_when (RapportEvent *event)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (RAPPORT_IS_EVENT (event), NULL);

  start = g_date_time_new_from_unix_local (rapport_event_get_starts_at (event));
  if (rapport_event_get_ends_at (event) > rapport_event_get_starts_at (event))
    end = g_date_time_new_from_unix_local (rapport_event_get_ends_at (event));

  return format_range (start, end);
}

/**
 * rapport_event_format_event_zone:
 *
 * Returns: (transfer full) (nullable): the date and time where the event
 *   takes place, or %NULL when its clock reads the same as the viewer's
 */
char *
rapport_event_format_event_zone (RapportEvent *event)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *range = NULL;
  const char *tzid;

  g_return_val_if_fail (RAPPORT_IS_EVENT (event), NULL);

  tzid = rapport_event_get_tzid (event);
  if (tzid == NULL || tzid[0] == '\0')
    return NULL;

  zone = g_time_zone_new_identifier (tzid);
  if (zone == NULL)
    return NULL;

  local = g_date_time_new_from_unix_local (rapport_event_get_starts_at (event));
  start = g_date_time_to_timezone (local, zone);
  if (g_date_time_get_utc_offset (start) == g_date_time_get_utc_offset (local))
    return NULL;

  if (rapport_event_get_ends_at (event) > rapport_event_get_starts_at (event))
    {
      g_autoptr(GDateTime) local_end = g_date_time_new_from_unix_local (rapport_event_get_ends_at (event));

      end = g_date_time_to_timezone (local_end, zone);
    }

  range = format_range (start, end);
  /* Translators: the event's own time, e.g. "Thursday, 14 May 2026 · 19:00 – 21:00 (Europe/Berlin)" */
  return g_strdup_printf (_("%s (%s)"), range, tzid);
}

/**
 * rapport_event_format_counts:
 *
 * Returns: (transfer full): "42 going · 8 waitlisted", or only the going
 *   part when nobody waits
 */
char *
rapport_event_format_counts (const RapportEventCounts *counts)
{
  g_autofree char *going = rapport_format_count (counts->going);

  if (counts->waitlisted > 0)
    {
      g_autofree char *waiting = rapport_format_count (counts->waitlisted);

      /* Translators: people going and waiting for an event, e.g. "42 going · 8 waitlisted" */
      return g_strdup_printf (_("%s going · %s waitlisted"), going, waiting);
    }

  /* Translators: people going to an event, e.g. "42 going" */
  return g_strdup_printf (_("%s going"), going);
}

/**
 * rapport_event_format_time:
 *
 * Returns: (transfer full): a short local date and time, or "" for 0
 */
char *
rapport_event_format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t <= 0)
    return g_strdup ("");

  dt = g_date_time_new_from_unix_local (t);
  /* Translators: a short date and time, see the strftime manual; e.g. "14 May 2026, 19:04" */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}
