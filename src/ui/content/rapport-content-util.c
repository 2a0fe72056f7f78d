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
