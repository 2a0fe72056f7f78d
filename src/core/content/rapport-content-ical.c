/* rapport-content-ical.c
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

#define G_LOG_DOMAIN "rapport-content-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-content-ical.h"
#include "rapport-content-private.h"
#include "rapport-text-private.h"

#define PRODID "-//Rapport//Content calendar " PACKAGE_VERSION "//EN"

/* English kind names for CATEGORIES: the file must not depend on the
 * locale it was written in. */
static const struct {
  const char *kind;
  const char *category;
} kind_categories[] = {
  { "blog-post", "Blog post" },
  { "tutorial", "Tutorial" },
  { "announcement", "Announcement" },
  { "newsletter", "Newsletter" },
  { "social-post", "Social post" },
  { "video", "Video" },
  { "event-recap", "Event recap" },
};

static const char *
kind_to_category (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_categories); i++)
    {
      if (g_str_equal (kind_categories[i].kind, kind))
        return kind_categories[i].category;
    }

  return kind;
}

static const char *
category_to_kind (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_categories); i++)
    {
      if (g_ascii_strcasecmp (kind_categories[i].kind, category) == 0
          || g_ascii_strcasecmp (kind_categories[i].category, category) == 0)
        return kind_categories[i].kind;
    }

  return NULL;
}

/* ---- Writing ---------------------------------------------------------- */

static void
append_offset (GString *out,
               gint32   seconds)
{
  char sign = seconds < 0 ? '-' : '+';

  seconds = ABS (seconds);
  g_string_append_printf (out, "%c%02d%02d", sign, seconds / 3600, (seconds / 60) % 60);
  if (seconds % 60 != 0)
    g_string_append_printf (out, "%02d", seconds % 60);
}

/* The instant in [lo, hi) where the zone's offset changes, by bisection. */
static gint64
find_transition (GTimeZone *zone,
                 gint64     lo,
                 gint64     hi)
{
  gint32 before = g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, lo));

  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;
      int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, mid);

      if (g_time_zone_get_offset (zone, interval) == before)
        lo = mid;
      else
        hi = mid;
    }

  return hi;
}

static const char * const weekdays[] = { "", "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* One STANDARD or DAYLIGHT block whose yearly rule is the transition at
 * @at (UTC), written as "the Nth (or last) weekday of the month". */
static void
append_observance (GString    *out,
                   GTimeZone  *zone,
                   const char *block,
                   gint64      at,
                   gint32      offset_from,
                   gint32      offset_to,
                   const char *name)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at + offset_from);
  int month = g_date_time_get_month (utc);
  int day = g_date_time_get_day_of_month (utc);
  int weekday = g_date_time_get_day_of_week (utc);
  int days = g_date_get_days_in_month (month, g_date_time_get_year (utc));
  int nth = day + 7 > days ? -1 : (day - 1) / 7 + 1;
  g_autoptr(GDate) first = g_date_new_dmy (1, month, 1970);
  int first_day;

  /* DTSTART is the rule's first onset in 1970. */
  while (g_date_get_weekday (first) != (GDateWeekday) weekday)
    g_date_add_days (first, 1);
  if (nth > 0)
    g_date_add_days (first, 7 * (nth - 1));
  else
    while (g_date_get_day (first) + 7 <= g_date_get_days_in_month (month, 1970))
      g_date_add_days (first, 7);
  first_day = g_date_get_day (first);

  g_string_append_printf (out, "BEGIN:%s\r\nTZNAME:%s\r\nTZOFFSETFROM:", block, name);
  append_offset (out, offset_from);
  g_string_append (out, "\r\nTZOFFSETTO:");
  append_offset (out, offset_to);
  g_string_append_printf (out, "\r\nDTSTART:1970%02d%02dT%02d%02d%02d\r\n"
                          "RRULE:FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s\r\nEND:%s\r\n",
                          month, first_day, g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc),
                          month, nth, weekdays[weekday], block);
}

/* A compact VTIMEZONE with the zone's current rules (like Evolution's),
 * rather than libical's copy of every historical change with
 * second-precision offsets that some clients refuse. */
static void
append_vtimezone (GString    *out,
                  const char *tzid)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) now = rapport_now_utc ();
  g_autoptr(GDateTime) year_start = NULL;
  gint64 start, end, first, second;
  gint32 offset_start, offset_first, offset_second;

  g_string_append_printf (out, "BEGIN:VTIMEZONE\r\nTZID:%s\r\nX-LIC-LOCATION:%s\r\n", tzid, tzid);

  year_start = g_date_time_new_utc (g_date_time_get_year (now), 1, 1, 0, 0, 0);
  start = g_date_time_to_unix (year_start);
  end = start + 366 * 86400;
  offset_start = zone != NULL ? g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, start)) : 0;

  first = zone != NULL ? find_transition (zone, start, end) : end;
  if (first >= end)
    {
      const char *name = zone != NULL ? g_time_zone_get_abbreviation (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, start)) : "UTC";

      g_string_append_printf (out, "BEGIN:STANDARD\r\nTZNAME:%s\r\nTZOFFSETFROM:", name);
      append_offset (out, offset_start);
      g_string_append (out, "\r\nTZOFFSETTO:");
      append_offset (out, offset_start);
      g_string_append (out, "\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\n");
    }
  else
    {
      int interval_first = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, first);
      int interval_second;

      offset_first = g_time_zone_get_offset (zone, interval_first);
      second = find_transition (zone, first, end);
      interval_second = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, second);
      offset_second = g_time_zone_get_offset (zone, interval_second);

      append_observance (out, zone, g_time_zone_is_dst (zone, interval_first) ? "DAYLIGHT" : "STANDARD",
                         first, offset_start, offset_first,
                         g_time_zone_get_abbreviation (zone, interval_first));
      if (second < end)
        append_observance (out, zone, g_time_zone_is_dst (zone, interval_second) ? "DAYLIGHT" : "STANDARD",
                           second, offset_first, offset_second,
                           g_time_zone_get_abbreviation (zone, interval_second));
    }

  g_string_append (out, "END:VTIMEZONE\r\n");
}

/* A date-time property (DTSTART, EXDATE, RECURRENCE-ID) the way the item
 * is planned: a DATE for all-day items, wall time with TZID, or UTC. */
static icalproperty *
new_time_property (icalproperty_kind  kind,
                   RapportContentItem *item,
                   gint64              when)
{
  const char *tzid = rapport_content_item_get_tzid (item);
  gboolean all_day = rapport_content_item_get_all_day (item);
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  icaltimezone *zone = tzid != NULL ? _rapport_content_get_zone (tzid) : NULL;
  struct icaltimetype t;
  icalproperty *prop;

  if (all_day)
    t = icaltime_from_timet_with_zone ((time_t) when, 1, utc);
  else if (zone != NULL)
    {
      t = icaltime_from_timet_with_zone ((time_t) when, 0, zone);
      t.zone = NULL;
    }
  else
    t = icaltime_from_timet_with_zone ((time_t) when, 0, utc);

  /* libical adds VALUE=DATE itself for a date value. */
  prop = icalproperty_new (kind);
  icalproperty_set_value (prop, all_day ? icalvalue_new_date (t) : icalvalue_new_datetime (t));
  if (!all_day && zone != NULL)
    icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));

  return prop;
}

static void
add_x (icalcomponent *comp,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL)
    return;

  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (comp, prop);
}

static icalcomponent *
item_to_component (RapportContentItem *item,
                   const char         *uid,
                   struct icaltimetype dtstamp)
{
  RapportContentStatus status = rapport_content_item_get_status (item);
  const char * const *channels = rapport_content_item_get_channels (item);
  const char *rrule = rapport_content_item_get_rrule (item);
  gboolean dated = rapport_content_item_has_date (item);
  icalcomponent *comp = dated ? icalcomponent_new_vevent () : icalcomponent_new_vtodo ();
  icalproperty_status ical_status;

  icalcomponent_add_property (comp, icalproperty_new_uid (uid));
  icalcomponent_add_property (comp, icalproperty_new_dtstamp (dtstamp));
  if (rapport_content_item_get_series_id (item) > 0)
    icalcomponent_add_property (comp, new_time_property (ICAL_RECURRENCEID_PROPERTY, item,
                                                         rapport_content_item_get_recurrence_id (item)));
  icalcomponent_add_property (comp, icalproperty_new_summary (rapport_content_item_get_title (item)));

  if (dated)
    {
      icalcomponent_add_property (comp, new_time_property (ICAL_DTSTART_PROPERTY, item,
                                                           rapport_content_item_get_publish_at (item)));
      if (rrule != NULL)
        {
          const GArray *exdates = rapport_content_item_get_exdates (item);

          icalcomponent_add_property (comp, icalproperty_new_rrule (icalrecurrencetype_from_string (rrule)));
          for (guint i = 0; i < exdates->len; i++)
            icalcomponent_add_property (comp, new_time_property (ICAL_EXDATE_PROPERTY, item,
                                                                 g_array_index (exdates, gint64, i)));
        }
      /* A publication does not make anybody busy. */
      icalcomponent_add_property (comp, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }

  switch (status)
    {
    case RAPPORT_CONTENT_STATUS_SCHEDULED:
    case RAPPORT_CONTENT_STATUS_PUBLISHED:
      ical_status = dated ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_NEEDSACTION;
      break;
    case RAPPORT_CONTENT_STATUS_CANCELLED:
      ical_status = ICAL_STATUS_CANCELLED;
      break;
    case RAPPORT_CONTENT_STATUS_IDEA:
      ical_status = dated ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_NEEDSACTION;
      break;
    case RAPPORT_CONTENT_STATUS_DRAFT:
    case RAPPORT_CONTENT_STATUS_IN_REVIEW:
    default:
      ical_status = dated ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_INPROCESS;
      break;
    }
  icalcomponent_add_property (comp, icalproperty_new_status (ical_status));
  add_x (comp, "X-RAPPORT-STATUS", rapport_content_status_to_string (status));
  add_x (comp, "X-RAPPORT-KIND", rapport_content_item_get_kind (item));
  add_x (comp, "X-RAPPORT-OWNER", rapport_content_item_get_owner (item));
  if (rapport_content_item_get_published_at (item) > 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_content_item_get_published_at (item));

      add_x (comp, "X-RAPPORT-PUBLISHED-AT", text);
    }

  for (guint i = 0; channels[i] != NULL; i++)
    icalcomponent_add_property (comp, icalproperty_new_categories (channels[i]));
  icalcomponent_add_property (comp, icalproperty_new_categories (kind_to_category (rapport_content_item_get_kind (item))));

  if (rapport_content_item_get_notes (item) != NULL)
    icalcomponent_add_property (comp, icalproperty_new_description (rapport_content_item_get_notes (item)));
  if (rapport_content_item_get_url (item) != NULL)
    icalcomponent_add_property (comp, icalproperty_new_url (rapport_content_item_get_url (item)));

  return comp;
}

static void
append_component (GString       *out,
                  icalcomponent *comp)
{
  char *text = icalcomponent_as_ical_string_r (comp);

  g_string_append (out, text);
  icalmemory_free_buffer (text);
  icalcomponent_free (comp);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Writes @items (masters or plain items) and the exceptions of each series
 * in @exceptions (series id → GPtrArray) as one VCALENDAR. */
static char *
write_calendar (GPtrArray  *items,
                GHashTable *exceptions)
{
  g_autoptr(GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) zone_names = g_ptr_array_new ();
  GString *out = g_string_sized_new (512 * (items->len + 1));
  struct icaltimetype dtstamp = icaltime_from_timet_with_zone ((time_t) rapport_now_unix (), 0, icaltimezone_get_utc_timezone ());

  g_string_append (out, "BEGIN:VCALENDAR\r\nPRODID:" PRODID "\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n");

  for (guint i = 0; i < items->len; i++)
    {
      const char *tzid = rapport_content_item_get_tzid (g_ptr_array_index (items, i));

      if (tzid != NULL && !g_hash_table_contains (zones, tzid))
        {
          g_hash_table_add (zones, (gpointer) tzid);
          g_ptr_array_add (zone_names, (gpointer) tzid);
        }
    }
  g_ptr_array_sort (zone_names, compare_names);
  for (guint i = 0; i < zone_names->len; i++)
    append_vtimezone (out, *(const char **) &g_ptr_array_index (zone_names, i));

  for (guint i = 0; i < items->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (items, i);
      const char *uid = rapport_content_item_get_uid (item);
      GPtrArray *its_exceptions;

      append_component (out, item_to_component (item, uid, dtstamp));

      its_exceptions = exceptions != NULL
                       ? g_hash_table_lookup (exceptions, GSIZE_TO_POINTER ((gsize) rapport_content_item_get_id (item)))
                       : NULL;
      for (guint j = 0; its_exceptions != NULL && j < its_exceptions->len; j++)
        append_component (out, item_to_component (g_ptr_array_index (its_exceptions, j), uid, dtstamp));
    }

  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}

static GHashTable *
group_exceptions (GPtrArray *all)
{
  GHashTable *groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < all->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (all, i);
      gint64 series_id = rapport_content_item_get_series_id (item);
      GPtrArray *group;

      if (series_id == 0)
        continue;
      group = g_hash_table_lookup (groups, GSIZE_TO_POINTER ((gsize) series_id));
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, GSIZE_TO_POINTER ((gsize) series_id), group);
        }
      g_ptr_array_add (group, g_object_ref (item));
    }

  return groups;
}

/**
 * rapport_content_export_ics:
 * @items: (nullable) (element-type RapportContentItem): what to write (a
 *   filter of the calendar), or %NULL for every item; the edited
 *   occurrences of each series come along
 *
 * Writes RFC 5545 iCalendar: a VEVENT per dated item (VTODO for the
 * undated backlog), VTIMEZONEs for the zones used, CRLF line ends and
 * folded lines.
 *
 * Returns: (transfer full): the iCalendar text
 */
char *
rapport_content_export_ics (RapportStore  *store,
                            GPtrArray     *items,
                            GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GHashTable) exceptions = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  all = rapport_content_list_items (store, error);
  if (all == NULL)
    return NULL;
  exceptions = group_exceptions (all);

  selected = g_ptr_array_new ();
  for (guint i = 0; i < (items != NULL ? items : all)->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (items != NULL ? items : all, i);

      if (rapport_content_item_get_series_id (item) == 0)
        g_ptr_array_add (selected, item);
    }

  return write_calendar (selected, exceptions);
}

gboolean
rapport_content_export_file (RapportStore  *store,
                             GPtrArray     *items,
                             const char    *path,
                             GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = rapport_content_export_ics (store, items, error);
  if (text == NULL)
    return FALSE;

  return g_file_set_contents (path, text, -1, error);
}

char *
_rapport_content_series_to_ics (RapportStore        *store,
                                RapportContentItem  *master,
                                GError             **error)
{
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  exceptions = _rapport_content_load_exceptions (store, rapport_content_item_get_id (master), error);
  if (exceptions == NULL)
    return NULL;
  groups = group_exceptions (exceptions);
  g_ptr_array_add (one, master);

  return write_calendar (one, groups);
}

/* ---- Reading ---------------------------------------------------------- */

/* Where each top-level VEVENT/VTODO and its time properties are in the
 * file, found by a scan of the unfolded lines before libical parses it:
 * libical knows no line numbers. */
typedef struct
{
  guint  begin_line;
  guint  dtstart_line;
  char  *dtstart_text;
  guint  recurrence_line;
} Located;

static void
located_clear (gpointer data)
{
  Located *located = data;

  g_free (located->dtstart_text);
}

static char *
strip_cr (char *line)
{
  gsize length = strlen (line);

  if (length > 0 && line[length - 1] == '\r')
    line[length - 1] = '\0';
  return line;
}

static gboolean
scan_structure (const char  *text,
                GArray      *located,
                GError     **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) stack_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_calendars = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) unfolded = g_string_new (strip_cr (lines[i]));
      guint start_line = i + 1;
      char *logical;
      char *colon;
      char *name_end;

      /* Folded continuation lines start with a space or a tab. */
      while (lines[i + 1] != NULL && (lines[i + 1][0] == ' ' || lines[i + 1][0] == '\t'))
        {
          i++;
          g_string_append (unfolded, strip_cr (lines[i]) + 1);
        }
      logical = unfolded->str;

      if (logical[0] == '\0')
        continue;

      colon = strchr (logical, ':');
      if (stack->len == 0 && n_calendars == 0
          && g_ascii_strcasecmp (logical, "BEGIN:VCALENDAR") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u: an iCalendar file starts with BEGIN:VCALENDAR, not “%s”"),
                       start_line, logical);
          return FALSE;
        }

      if (g_ascii_strncasecmp (logical, "BEGIN:", 6) == 0)
        {
          g_ptr_array_add (stack, g_ascii_strup (logical + 6, -1));
          g_array_append_val (stack_lines, start_line);
          if (stack->len == 1)
            n_calendars++;
          if (stack->len == 2
              && (g_ascii_strcasecmp (logical + 6, "VEVENT") == 0
                  || g_ascii_strcasecmp (logical + 6, "VTODO") == 0))
            {
              Located entry = { start_line, 0, NULL, 0 };

              g_array_append_val (located, entry);
            }
          continue;
        }

      if (g_ascii_strncasecmp (logical, "END:", 4) == 0)
        {
          g_autofree char *name = g_ascii_strup (logical + 4, -1);

          if (stack->len == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: END:%s closes nothing that was begun"), start_line, name);
              return FALSE;
            }
          if (!g_str_equal (name, g_ptr_array_index (stack, stack->len - 1)))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: END:%s, but the open component is %s (begun on line %u)"),
                           start_line, name, (char *) g_ptr_array_index (stack, stack->len - 1),
                           g_array_index (stack_lines, guint, stack->len - 1));
              return FALSE;
            }
          g_ptr_array_remove_index (stack, stack->len - 1);
          g_array_set_size (stack_lines, stack_lines->len - 1);
          continue;
        }

      if (stack->len == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u: “%s” stands outside BEGIN:VCALENDAR … END:VCALENDAR"),
                       start_line, logical);
          return FALSE;
        }

      if (colon == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u: “%s” is not a property (NAME:value)"), start_line, logical);
          return FALSE;
        }

      /* Properties of the top-level event itself, not of its alarms. */
      name_end = logical + strcspn (logical, ";:");
      if (stack->len == 2 && located->len > 0)
        {
          Located *entry = &g_array_index (located, Located, located->len - 1);
          gsize name_length = (gsize) (name_end - logical);

          if (name_length == 7 && g_ascii_strncasecmp (logical, "DTSTART", 7) == 0)
            {
              entry->dtstart_line = start_line;
              g_free (entry->dtstart_text);
              entry->dtstart_text = g_strdup (colon + 1);
            }
          else if (name_length == 13 && g_ascii_strncasecmp (logical, "RECURRENCE-ID", 13) == 0)
            entry->recurrence_line = start_line;
        }
    }

  if (stack->len > 0)
    {
      const char *open = g_ptr_array_index (stack, stack->len - 1);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u: BEGIN:%s is never closed (the file ends before END:%s)"),
                   g_array_index (stack_lines, guint, stack_lines->len - 1), open, open);
      return FALSE;
    }

  if (n_calendars == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is empty: there is no BEGIN:VCALENDAR"));
      return FALSE;
    }

  return TRUE;
}

/* One VEVENT or VTODO read from a file, ready to be stored. */
typedef struct
{
  RapportContentItem *item;
  char               *uid;
  gint64              recurrence_id;
  gboolean            has_recurrence_id;
  guint               line;
} Parsed;

static void
parsed_clear (gpointer data)
{
  Parsed *parsed = data;

  g_clear_object (&parsed->item);
  g_free (parsed->uid);
}

/* "/freeassociation.sourceforge.net/Europe/Berlin", "/mozilla.org/…/Europe/Berlin"
 * and plain "Europe/Berlin" all name the same zone. */
static const char *
known_zone_name (const char *tzid)
{
  if (tzid == NULL)
    return NULL;
  if (g_ascii_strcasecmp (tzid, "UTC") == 0 || g_ascii_strcasecmp (tzid, "GMT") == 0
      || g_ascii_strcasecmp (tzid, "Etc/UTC") == 0 || g_ascii_strcasecmp (tzid, "Z") == 0)
    return "UTC";

  for (const char *p = tzid; p != NULL && *p != '\0'; p = strchr (p + 1, '/'))
    {
      const char *candidate = *p == '/' ? p + 1 : p;

      if (strchr (candidate, '/') != NULL && icaltimezone_get_builtin_timezone (candidate) != NULL)
        return candidate;
    }

  return NULL;
}

/* libical writes no time after the year 3000 (icaltime_is_valid_time()):
 * an export would write a later one as 00000000, which no import reads. */
#define LAST_YEAR 3000
#define LAST_TIME G_GINT64_CONSTANT (32535215999) /* 3000-12-31T23:59:59Z */

static gboolean
time_is_valid (struct icaltimetype t)
{
  if (icaltime_is_null_time (t))
    return FALSE;
  if (t.month < 1 || t.month > 12 || t.year < 1 || t.year > LAST_YEAR)
    return FALSE;
  if (t.day < 1 || t.day > icaltime_days_in_month (t.month, t.year))
    return FALSE;
  if (!t.is_date && (t.hour > 23 || t.minute > 59 || t.second > 60))
    return FALSE;
  return TRUE;
}

/* A time without a zone of its own is exported in UTC, which may be in
 * the year after the last. */
static gboolean
check_utc_time (gint64   when,
                GError **error_message)
{
  if (when > LAST_TIME)
    {
      g_set_error_literal (error_message, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "");
      return FALSE;
    }
  return TRUE;
}

/* Reads a DTSTART-like property into UTC plus the zone to plan in. */
static gboolean
read_time (icalcomponent  *root,
           icalproperty   *prop,
           gint64         *when,
           char          **tzid_out,
           gboolean       *all_day,
           GError        **error_message)
{
  struct icaltimetype t = icalvalue_get_datetime (icalproperty_get_value (prop));
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;

  if (!time_is_valid (t))
    {
      g_set_error_literal (error_message, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "");
      return FALSE;
    }

  *all_day = t.is_date;
  *tzid_out = NULL;

  if (t.is_date)
    {
      t.is_date = 0;
      t.hour = t.minute = t.second = 0;
      *when = icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
      return TRUE;
    }

  if (icaltime_is_utc (t))
    {
      *when = icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
      return TRUE;
    }

  if (tzid != NULL)
    {
      const char *name = known_zone_name (tzid);
      icaltimezone *zone = NULL;

      if (name == NULL)
        {
          /* A zone the file defines under a name of its own
           * ("W. Europe Standard Time"): its X-LIC-LOCATION may name a
           * known zone; otherwise its own rules convert the time. */
          icaltimezone *defined = icalcomponent_get_timezone (root, tzid);

          if (defined == NULL)
            {
              g_set_error (error_message, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the time zone “%s” is neither defined in the file nor known"), tzid);
              return FALSE;
            }
          name = known_zone_name (icaltimezone_get_location (defined));
          if (name == NULL)
            {
              t.zone = NULL;
              *when = icaltime_as_timet_with_zone (t, defined);
              return check_utc_time (*when, error_message);
            }
        }

      zone = _rapport_content_get_zone (name);
      t.zone = NULL;
      *when = icaltime_as_timet_with_zone (t, zone);
      if (!g_str_equal (name, "UTC"))
        *tzid_out = g_strdup (name);
      return TRUE;
    }

  /* A floating time is wall time wherever the reader is. */
  {
    g_autoptr(GDateTime) local = g_date_time_new_local (t.year, t.month, t.day, t.hour, t.minute, t.second);

    *when = local != NULL ? g_date_time_to_unix (local) : 0;
  }

  return check_utc_time (*when, error_message);
}

static const char *
get_x (icalcomponent *comp,
       const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), name) == 0)
        return icalproperty_get_x (prop);
    }

  return NULL;
}

static RapportContentStatus
status_from_component (icalcomponent *comp,
                       gboolean       dated)
{
  RapportContentStatus status;
  icalproperty *prop;

  if (rapport_content_status_from_string (get_x (comp, "X-RAPPORT-STATUS"), &status)
      && (dated || (status != RAPPORT_CONTENT_STATUS_SCHEDULED && status != RAPPORT_CONTENT_STATUS_PUBLISHED)))
    return status;

  prop = icalcomponent_get_first_property (comp, ICAL_STATUS_PROPERTY);
  switch (prop != NULL ? icalproperty_get_status (prop) : ICAL_STATUS_NONE)
    {
    case ICAL_STATUS_CANCELLED:
      return RAPPORT_CONTENT_STATUS_CANCELLED;
    case ICAL_STATUS_TENTATIVE:
    case ICAL_STATUS_INPROCESS:
      return RAPPORT_CONTENT_STATUS_DRAFT;
    case ICAL_STATUS_NEEDSACTION:
      return RAPPORT_CONTENT_STATUS_IDEA;
    case ICAL_STATUS_CONFIRMED:
    case ICAL_STATUS_COMPLETED:
    case ICAL_STATUS_NONE:
    case ICAL_STATUS_X:
    case ICAL_STATUS_DRAFT:
    case ICAL_STATUS_FINAL:
    case ICAL_STATUS_SUBMITTED:
    case ICAL_STATUS_PENDING:
    case ICAL_STATUS_FAILED:
    case ICAL_STATUS_DELETED:
    default:
      return dated ? RAPPORT_CONTENT_STATUS_SCHEDULED : RAPPORT_CONTENT_STATUS_IDEA;
    }
}

static const char *
component_title (icalcomponent *comp)
{
  const char *summary = icalcomponent_get_summary (comp);

  return summary != NULL && summary[0] != '\0' ? summary : _("(untitled)");
}

/* Turns one VEVENT/VTODO into an item. Errors name the line. */
static gboolean
read_component (icalcomponent  *root,
                icalcomponent  *comp,
                const Located  *where,
                Parsed         *out,
                GError        **error)
{
  icalcomponent_kind kind = icalcomponent_isa (comp);
  const char *title = component_title (comp);
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(GStrvBuilder) channels = g_strv_builder_new ();
  g_auto(GStrv) channel_list = NULL;
  g_autoptr(GArray) exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *kind_name = get_x (comp, "X-RAPPORT-KIND");
  const char *published_at = get_x (comp, "X-RAPPORT-PUBLISHED-AT");
  icalproperty *prop;
  gboolean dated = FALSE;

  item = rapport_content_item_new (title, kind_name != NULL && kind_name[0] != '\0' ? kind_name : NULL);
  out->line = where->begin_line;
  out->uid = g_strdup (icalcomponent_get_uid (comp));

  prop = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  if (prop == NULL && where->dtstart_line > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u: the DTSTART “%s” of “%s” is not a date or date-time"),
                   where->dtstart_line, where->dtstart_text, title);
      return FALSE;
    }
  if (prop == NULL && kind == ICAL_VEVENT_COMPONENT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u: the event “%s” has no DTSTART"), where->begin_line, title);
      return FALSE;
    }
  if (prop != NULL)
    {
      g_autoptr(GError) why = NULL;
      g_autofree char *tzid = NULL;
      gboolean all_day;
      gint64 when;

      if (!read_time (root, prop, &when, &tzid, &all_day, &why))
        {
          if (why->message[0] != '\0')
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Line %u: the DTSTART of “%s”: %s"), where->dtstart_line, title, why->message);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Line %u: the DTSTART “%s” of “%s” is not a valid date"),
                         where->dtstart_line, where->dtstart_text, title);
          return FALSE;
        }
      rapport_content_item_set_publish_at (item, when, tzid);
      rapport_content_item_set_all_day (item, all_day);
      dated = TRUE;
    }

  prop = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY);
  if (prop != NULL)
    {
      g_autoptr(GError) why = NULL;
      g_autofree char *tzid = NULL;
      gboolean all_day;

      if (!read_time (root, prop, &out->recurrence_id, &tzid, &all_day, &why))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u: the RECURRENCE-ID of “%s” is not a valid date"),
                       where->recurrence_line, title);
          return FALSE;
        }
      out->has_recurrence_id = TRUE;
    }
  else
    {
      prop = icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY);
      if (prop != NULL && dated)
        {
          struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
          char *text = icalrecurrencetype_as_string_r (&recur);

          if (text != NULL)
            rapport_content_item_set_rrule (item, text);
          icalmemory_free_buffer (text);
        }

      for (prop = icalcomponent_get_first_property (comp, ICAL_EXDATE_PROPERTY);
           prop != NULL;
           prop = icalcomponent_get_next_property (comp, ICAL_EXDATE_PROPERTY))
        {
          g_autoptr(GError) why = NULL;
          g_autofree char *tzid = NULL;
          gboolean all_day;
          gint64 when;

          if (read_time (root, prop, &when, &tzid, &all_day, &why))
            g_array_append_val (exdates, when);
        }
      rapport_content_item_set_exdates (item, (gint64 *) (gpointer) exdates->data, exdates->len);
    }

  /* Rapport writes the kind's category after the channels and names the
   * kind in X-RAPPORT-KIND, so only that one category is not a channel
   * (the "Newsletter" channel and the newsletter kind can both be there).
   * Other programs' files: the first category naming a kind gives it. */
  {
    const char *kind_category = kind_name != NULL ? kind_to_category (kind_name) : NULL;
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
    int kind_index = -1;

    for (prop = icalcomponent_get_first_property (comp, ICAL_CATEGORIES_PROPERTY);
         prop != NULL;
         prop = icalcomponent_get_next_property (comp, ICAL_CATEGORIES_PROPERTY))
      {
        g_auto(GStrv) parts = g_strsplit (icalproperty_get_categories (prop), ",", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          {
            const char *value = g_strstrip (parts[i]);

            if (value[0] != '\0')
              g_ptr_array_add (values, g_strdup (value));
          }
      }

    for (int i = (int) values->len - 1; i >= 0 && kind_index < 0; i--)
      {
        const char *value = g_ptr_array_index (values, i);

        if (kind_category != NULL && g_ascii_strcasecmp (value, kind_category) == 0)
          kind_index = i;
      }
    for (guint i = 0; i < values->len && kind_index < 0 && kind_name == NULL; i++)
      {
        const char *as_kind = category_to_kind (g_ptr_array_index (values, i));

        if (as_kind != NULL)
          {
            rapport_content_item_set_kind (item, as_kind);
            kind_index = (int) i;
          }
      }

    for (guint i = 0; i < values->len; i++)
      {
        if ((int) i != kind_index)
          g_strv_builder_add (channels, g_ptr_array_index (values, i));
      }
  }
  channel_list = g_strv_builder_end (channels);
  rapport_content_item_set_channels (item, (const char * const *) channel_list);

  rapport_content_item_set_notes (item, icalcomponent_get_description (comp));
  prop = icalcomponent_get_first_property (comp, ICAL_URL_PROPERTY);
  if (prop != NULL)
    rapport_content_item_set_url (item, icalproperty_get_url (prop));
  rapport_content_item_set_owner (item, get_x (comp, "X-RAPPORT-OWNER"));

  _rapport_content_item_set_status (item, status_from_component (comp, dated));
  if (published_at != NULL && rapport_content_item_get_status (item) == RAPPORT_CONTENT_STATUS_PUBLISHED)
    _rapport_content_item_set_published_at (item, g_ascii_strtoll (published_at, NULL, 10));

  if (!_rapport_content_validate (item, error))
    {
      g_prefix_error (error, _("Line %u: "), where->begin_line);
      return FALSE;
    }

  out->item = g_steal_pointer (&item);
  return TRUE;
}

static gboolean
read_calendar (const char  *text,
               GArray      *parsed,
               GError     **error)
{
  g_autoptr(GArray) located = g_array_new (FALSE, TRUE, sizeof (Located));
  icalcomponent *root;
  icalcomponent *calendar;
  guint index = 0;
  gboolean ok = TRUE;

  g_array_set_clear_func (located, located_clear);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is not UTF-8 text, as iCalendar requires"));
      return FALSE;
    }
  if (!scan_structure (text, located, error))
    return FALSE;

  root = icalparser_parse_string (text);
  icalerror_clear_errno ();
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file could not be read as iCalendar"));
      return FALSE;
    }

  /* Several VCALENDARs in one file come back wrapped in an XROOT. */
  calendar = icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT
             ? root : icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);

  for (; calendar != NULL && ok;
       calendar = calendar == root ? NULL : icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
    {
      for (icalcomponent *comp = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
           comp != NULL && ok;
           comp = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
        {
          icalcomponent_kind kind = icalcomponent_isa (comp);
          Parsed entry = { 0 };

          if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT)
            continue;
          if (index >= located->len)
            break;

          /* Tasks are not content unless Rapport wrote them. */
          if (kind == ICAL_VTODO_COMPONENT && get_x (comp, "X-RAPPORT-STATUS") == NULL)
            {
              index++;
              continue;
            }

          ok = read_component (calendar, comp, &g_array_index (located, Located, index), &entry, error);
          index++;
          if (ok)
            g_array_append_val (parsed, entry);
          else
            parsed_clear (&entry);
        }
    }

  icalcomponent_free (root);
  icalerror_clear_errno ();
  return ok;
}

/* Stores what was read, masters before the occurrences that refer to
 * them. @href set: the version on the CalDAV server, which replaces the
 * series whole (exceptions it no longer has go). */
static gboolean
store_parsed (RapportStore  *store,
              GArray        *parsed,
              const char    *href,
              const char    *etag,
              GError       **error)
{
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < parsed->len; i++)
        {
          Parsed *entry = &g_array_index (parsed, Parsed, i);
          g_autoptr(RapportContentItem) existing = NULL;
          g_autoptr(GError) lookup_error = NULL;
          RapportContentItem *item = entry->item;
          gint64 series_id = 0;

          if (entry->has_recurrence_id != (pass == 1))
            continue;

          if (entry->uid == NULL)
            entry->uid = _rapport_content_new_uid ();

          if (entry->has_recurrence_id)
            {
              g_autoptr(RapportContentItem) master = rapport_content_get_by_uid (store, entry->uid, NULL);
              g_autofree char *uid = _rapport_content_exception_uid (entry->uid, entry->recurrence_id);

              if (master != NULL && rapport_content_item_get_rrule (master) != NULL)
                series_id = rapport_content_item_get_id (master);
              _rapport_content_item_set_series (item, series_id, series_id > 0 ? entry->recurrence_id : 0);
              /* An edited occurrence of a series the file lacks is
               * imported as an item of its own. */
              rapport_content_item_set_uid (item, uid);
            }
          else
            {
              rapport_content_item_set_uid (item, entry->uid);
              _rapport_content_item_set_remote (item, href, etag);
            }

          existing = rapport_content_get_by_uid (store, rapport_content_item_get_uid (item), &lookup_error);
          if (existing != NULL)
            {
              _rapport_content_item_set_id (item, rapport_content_item_get_id (existing));
              if (href == NULL)
                _rapport_content_item_set_remote (item, rapport_content_item_get_remote_href (existing),
                                                  rapport_content_item_get_etag (existing));
              if (rapport_content_item_get_published_at (item) == 0)
                _rapport_content_item_set_published_at (item, rapport_content_item_get_published_at (existing));
              /* People are local: a file does not carry them. */
              rapport_content_item_set_author_id (item, rapport_content_item_get_author_id (existing));
              rapport_content_item_set_featured_ids (item,
                                                     (const gint64 *) (gconstpointer) rapport_content_item_get_featured_ids (existing)->data,
                                                     rapport_content_item_get_featured_ids (existing)->len);
              rapport_content_item_set_event_id (item, rapport_content_item_get_event_id (existing));
            }
          else if (!g_error_matches (lookup_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&lookup_error));
              return FALSE;
            }

          if (!_rapport_content_write (store, item, href == NULL, error))
            {
              g_prefix_error (error, _("Line %u: "), entry->line);
              return FALSE;
            }
        }
    }

  if (href != NULL)
    {
      /* The server's version is the whole series: drop edited occurrences
       * it does not have. */
      for (guint i = 0; i < parsed->len; i++)
        {
          Parsed *entry = &g_array_index (parsed, Parsed, i);
          g_autoptr(GPtrArray) exceptions = NULL;

          if (entry->has_recurrence_id || rapport_content_item_get_rrule (entry->item) == NULL)
            continue;
          exceptions = _rapport_content_load_exceptions (store, rapport_content_item_get_id (entry->item), error);
          if (exceptions == NULL)
            return FALSE;
          for (guint j = 0; j < exceptions->len; j++)
            {
              RapportContentItem *exception = g_ptr_array_index (exceptions, j);
              gboolean kept = FALSE;

              for (guint k = 0; k < parsed->len && !kept; k++)
                {
                  Parsed *other = &g_array_index (parsed, Parsed, k);

                  kept = other->has_recurrence_id
                         && rapport_content_item_get_id (other->item) == rapport_content_item_get_id (exception);
                }
              if (!kept && !_rapport_content_delete_row (store, rapport_content_item_get_id (exception), FALSE, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * rapport_content_import_ics:
 * @n_items: (out) (optional): how many items were read
 *
 * Reads iCalendar text (from Rapport, GNOME Calendar, Evolution,
 * Thunderbird, Google…). Items are matched by UID, so importing the same
 * file twice changes nothing the second time. Unknown properties, alarms
 * and attendees are ignored. A broken file imports nothing, and the error
 * names the line.
 */
gboolean
rapport_content_import_ics (RapportStore  *store,
                            const char    *text,
                            guint         *n_items,
                            GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(GArray) parsed = g_array_new (FALSE, TRUE, sizeof (Parsed));

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  g_array_set_clear_func (parsed, parsed_clear);

  if (!read_calendar (text, parsed, error))
    return FALSE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;
  if (!store_parsed (store, parsed, NULL, NULL, error) || !_rapport_transaction_commit (tx, error))
    return FALSE;

  if (n_items != NULL)
    *n_items = parsed->len;
  rapport_store_emit_changed (store, "content_items", 0, RAPPORT_CHANGE_RELOAD);
  return TRUE;
}

gboolean
rapport_content_import_file (RapportStore  *store,
                             const char    *path,
                             guint         *n_items,
                             GError       **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;

  /* The parser reads a C string: a NUL byte would hide the rest of the
   * file, which would import in part and still succeed. */
  if (!_rapport_text_validate (text, length, error) ||
      !rapport_content_import_ics (store, text, n_items, error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return TRUE;
}

/**
 * _rapport_content_apply_remote:
 *
 * Stores the server's version of one resource (a series with its edited
 * occurrences, or one item) as synced: not dirty, with its href and ETag.
 * Emits nothing; the caller reloads when the sync is over.
 */
gboolean
_rapport_content_apply_remote (RapportStore  *store,
                               const char    *text,
                               const char    *href,
                               const char    *etag,
                               GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(GArray) parsed = g_array_new (FALSE, TRUE, sizeof (Parsed));

  g_array_set_clear_func (parsed, parsed_clear);

  if (!read_calendar (text, parsed, error))
    return FALSE;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  return store_parsed (store, parsed, href, etag, error) && _rapport_transaction_commit (tx, error);
}

/**
 * _rapport_content_ics_uid:
 *
 * Returns: (nullable): the UID of the first event in @text
 */
char *
_rapport_content_ics_uid (const char *text)
{
  icalcomponent *root = icalparser_parse_string (text);
  icalcomponent *comp;
  char *uid = NULL;

  icalerror_clear_errno ();
  if (root == NULL)
    return NULL;

  comp = icalcomponent_get_first_real_component (root);
  if (comp != NULL && icalcomponent_get_uid (comp) != NULL)
    uid = g_strdup (icalcomponent_get_uid (comp));

  icalcomponent_free (root);
  return uid;
}
