/* rapport-content-util.c
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

#define G_LOG_DOMAIN "rapport-content-util"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
# include <langinfo.h>
#endif
#include <string.h>

#include "rapport-content-store.h"
#include "rapport-content-util.h"

void
rapport_content_undo_free (RapportContentUndo *undo)
{
  if (undo == NULL)
    return;
  g_free (undo->tzid);
  g_free (undo);
}

static RapportContentUndo *
undo_new (RapportContentItem *item)
{
  RapportContentUndo *undo = g_new0 (RapportContentUndo, 1);

  undo->item_id = rapport_content_item_get_id (item);
  undo->had_date = rapport_content_item_has_date (item);
  undo->publish_at = rapport_content_item_get_publish_at (item);
  undo->tzid = g_strdup (rapport_content_item_get_tzid (item));
  undo->status = rapport_content_item_get_status (item);
  return undo;
}

/**
 * rapport_content_undo_apply:
 *
 * Puts the item back where it was: the status first (a step back is always
 * allowed), then the date, so an idea loses its date only once it is an
 * idea again.
 */
gboolean
rapport_content_undo_apply (RapportContentUndo  *undo,
                            RapportStore        *store,
                            GError             **error)
{
  g_autoptr(RapportContentItem) item = NULL;

  g_return_val_if_fail (undo != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  item = rapport_content_get (store, undo->item_id, error);
  if (item == NULL)
    return FALSE;

  if (rapport_content_item_get_status (item) != undo->status
      && !rapport_content_set_status (store, item, undo->status, error))
    return FALSE;

  if (undo->had_date)
    rapport_content_item_set_publish_at (item, undo->publish_at, undo->tzid);
  else
    rapport_content_item_clear_publish_at (item);

  return rapport_content_update (store, item, error);
}

/**
 * rapport_content_channel_color:
 *
 * Returns: the GNOME palette colour that stands for @channel ("blue",
 *   "green", …): well-known channels get a fixed one, others one picked
 *   from their name so it stays the same between runs
 */
const char *
rapport_content_channel_color (const char *channel)
{
  static const char * const palette[] = { "blue", "green", "yellow", "orange", "red", "purple", "brown" };
  static const struct { const char *channel; const char *color; } known[] = {
    { "blog", "blue" },
    { "newsletter", "green" },
    { "forum", "yellow" },
    { "reddit", "orange" },
    { "youtube", "red" },
    { "x", "purple" },
    { "mastodon", "purple" },
    { "linkedin", "brown" },
  };
  g_autofree char *folded = NULL;

  if (channel == NULL || channel[0] == '\0')
    return "gray";

  folded = g_utf8_casefold (channel, -1);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (g_str_equal (folded, known[i].channel))
        return known[i].color;
    }

  return palette[g_str_hash (folded) % G_N_ELEMENTS (palette)];
}

/* The first channel colours the chip; an item without one is gray. */
void
rapport_content_add_channel_class (GtkWidget          *widget,
                                   RapportContentItem *item)
{
  const char * const *channels = rapport_content_item_get_channels (item);
  g_autofree char *css_class = NULL;

  css_class = g_strconcat ("channel-",
                           rapport_content_channel_color (channels != NULL ? channels[0] : NULL),
                           NULL);
  gtk_widget_add_css_class (widget, css_class);
}

const char *
rapport_content_status_icon_name (RapportContentStatus status)
{
  switch (status)
    {
    case RAPPORT_CONTENT_STATUS_IDEA:
      return "dialog-information-symbolic";
    case RAPPORT_CONTENT_STATUS_DRAFT:
      return "document-edit-symbolic";
    case RAPPORT_CONTENT_STATUS_IN_REVIEW:
      return "view-reveal-symbolic";
    case RAPPORT_CONTENT_STATUS_SCHEDULED:
      return "alarm-symbolic";
    case RAPPORT_CONTENT_STATUS_PUBLISHED:
      return "object-select-symbolic";
    case RAPPORT_CONTENT_STATUS_CANCELLED:
    default:
      return "process-stop-symbolic";
    }
}

/**
 * rapport_content_first_weekday:
 *
 * Returns: the day a week starts on in the user's locale, 0 for Sunday
 *   to 6 for Saturday (as GtkCalendar reads it)
 */
int
rapport_content_first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int week_1stday = 0;
  guint week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return 1;

  return (week_1stday + first_weekday - 1 + 7) % 7;
#else
  return 1;
#endif
}

/* A local midnight: the start of one calendar cell. */
GDateTime *
rapport_content_local_day (int year,
                           int month,
                           int day)
{
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static guint32
julian_of (GDateTime *when)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  return g_date_get_julian (&date);
}

/**
 * rapport_content_days_between:
 *
 * Returns: how many calendar days (in each time's own zone) lie from @from
 *   to @to; a day across a DST change still counts one
 */
int
rapport_content_days_between (GDateTime *from,
                              GDateTime *to)
{
  return (int) julian_of (to) - (int) julian_of (from);
}

/**
 * rapport_content_local_tzid:
 *
 * Returns: (transfer full) (nullable): the local time zone's name
 *   ("Europe/Berlin"), or %NULL when the system gives no usable name
 */
char *
rapport_content_local_tzid (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (zone);

  /* A path or an offset is no name a calendar file can carry. */
  if (id == NULL || id[0] == '/' || id[0] == ':' || (strchr (id, '/') == NULL && g_strcmp0 (id, "UTC") != 0))
    return NULL;

  return g_strdup (id);
}


static gboolean
shift_by_days (RapportStore        *store,
               RapportContentItem  *item,
               int                  days,
               GError             **error)
{
  if (rapport_content_item_get_all_day (item))
    {
      rapport_content_item_set_publish_at (item, rapport_content_item_get_publish_at (item) + (gint64) days * 86400,
                                           rapport_content_item_get_tzid (item));
    }
  else
    {
      /* Adding days in the item's own zone keeps its wall-clock time
       * across a DST change. */
      g_autoptr(GDateTime) when = rapport_content_item_dup_publish_time (item);
      g_autoptr(GDateTime) moved = g_date_time_add_days (when, days);

      rapport_content_item_set_publish_at (item, g_date_time_to_unix (moved),
                                           rapport_content_item_get_tzid (item));
    }

  return rapport_content_update (store, item, error);
}

/**
 * rapport_content_move_occurrence:
 * @day: the local day the occurrence should land on
 * @whole_series: for an occurrence of a series, move every occurrence
 *   (else only this one, as an edited occurrence)
 * @undo: (out) (optional): how to put it back
 *
 * Reschedules to another day, keeping the time of day in the item's time
 * zone.
 */
gboolean
rapport_content_move_occurrence (RapportStore              *store,
                                 RapportContentOccurrence  *occurrence,
                                 GDateTime                 *day,
                                 gboolean                   whole_series,
                                 RapportContentUndo       **undo,
                                 GError                   **error)
{
  RapportContentItem *item;
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(RapportContentItem) target = NULL;
  int days;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (occurrence), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  item = rapport_content_occurrence_get_item (occurrence);
  local_start = rapport_content_occurrence_dup_local_start (occurrence);
  days = rapport_content_days_between (local_start, day);
  if (days == 0)
    return TRUE;

  if (rapport_content_item_get_rrule (item) != NULL && !whole_series)
    target = rapport_content_edit_occurrence (store, rapport_content_item_get_id (item),
                                              rapport_content_occurrence_get_recurrence_id (occurrence),
                                              error);
  else
    target = rapport_content_get (store, rapport_content_item_get_id (item), error);
  if (target == NULL)
    return FALSE;

  if (undo != NULL)
    *undo = undo_new (target);

  if (!shift_by_days (store, target, days, error))
    {
      if (undo != NULL)
        g_clear_pointer (undo, rapport_content_undo_free);
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_content_schedule_on_day:
 * @item: an item without a date (from the backlog)
 * @day: the local day it was dropped on
 * @undo: (out) (optional): how to put it back
 *
 * Gives an idea a date (10:00 local time) and walks it forward to
 * Scheduled, one allowed step at a time. A cancelled item keeps its status.
 */
gboolean
rapport_content_schedule_on_day (RapportStore        *store,
                                 RapportContentItem  *item,
                                 GDateTime           *day,
                                 RapportContentUndo **undo,
                                 GError             **error)
{
  g_autoptr(RapportContentItem) target = NULL;
  g_autoptr(RapportContentUndo) before = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *tzid = NULL;
  RapportContentStatus status;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (item), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  target = rapport_content_get (store, rapport_content_item_get_id (item), error);
  if (target == NULL)
    return FALSE;
  before = undo_new (target);

  when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 10, 0, 0);
  tzid = rapport_content_local_tzid ();
  rapport_content_item_set_all_day (target, FALSE);
  rapport_content_item_set_publish_at (target, g_date_time_to_unix (when), tzid);
  if (!rapport_content_update (store, target, error))
    return FALSE;

  status = rapport_content_item_get_status (target);
  while (status < RAPPORT_CONTENT_STATUS_SCHEDULED)
    {
      status++;
      if (!rapport_content_set_status (store, target, status, error))
        {
          g_autoptr(GError) undo_error = NULL;

          if (!rapport_content_undo_apply (before, store, &undo_error))
            g_warning ("Could not put “%s” back: %s", rapport_content_item_get_title (target), undo_error->message);
          return FALSE;
        }
    }

  if (undo != NULL)
    *undo = g_steal_pointer (&before);
  return TRUE;
}
