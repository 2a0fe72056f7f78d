/* rapport-content-occurrence.c
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

#define G_LOG_DOMAIN "rapport-content-occurrence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-content-occurrence.h"

/* One appearance of an item on the calendar. A plain item has one; a series
 * has one per repetition, all sharing the series' master item; an edited
 * repetition points at its exception item. */
struct _RapportContentOccurrence
{
  GObject             parent_instance;

  RapportContentItem *item;
  gint64              start;
  gint64              recurrence_id;
};

G_DEFINE_FINAL_TYPE (RapportContentOccurrence, rapport_content_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_START,
  PROP_RECURRENCE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_content_occurrence_finalize (GObject *object)
{
  RapportContentOccurrence *self = (RapportContentOccurrence *) object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (rapport_content_occurrence_parent_class)->finalize (object);
}

static void
rapport_content_occurrence_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportContentOccurrence *self = RAPPORT_CONTENT_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_RECURRENCE_ID:
      g_value_set_int64 (value, self->recurrence_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_occurrence_class_init (RapportContentOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_content_occurrence_finalize;
  object_class->get_property = rapport_content_occurrence_get_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, RAPPORT_TYPE_CONTENT_ITEM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_RECURRENCE_ID] =
    g_param_spec_int64 ("recurrence-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_content_occurrence_init (RapportContentOccurrence *self)
{
}

/**
 * rapport_content_occurrence_new:
 * @item: the item (for a repetition of a series, the series' master)
 * @start: when this occurrence is, Unix time (UTC)
 * @recurrence_id: the start the series gives this occurrence (what
 *   rapport_content_edit_occurrence() takes), or 0 for an item that does
 *   not repeat
 */
RapportContentOccurrence *
rapport_content_occurrence_new (RapportContentItem *item,
                                gint64              start,
                                gint64              recurrence_id)
{
  RapportContentOccurrence *self;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (item), NULL);

  self = g_object_new (RAPPORT_TYPE_CONTENT_OCCURRENCE, NULL);
  self->item = g_object_ref (item);
  self->start = start;
  self->recurrence_id = recurrence_id;
  return self;
}

/**
 * rapport_content_occurrence_get_item:
 *
 * Returns: (transfer none): the item; shared by all occurrences of a series
 */
RapportContentItem *
rapport_content_occurrence_get_item (RapportContentOccurrence *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (self), NULL);

  return self->item;
}

gint64
rapport_content_occurrence_get_start (RapportContentOccurrence *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (self), 0);

  return self->start;
}

gint64
rapport_content_occurrence_get_recurrence_id (RapportContentOccurrence *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (self), 0);

  return self->recurrence_id;
}

/**
 * rapport_content_occurrence_dup_local_start:
 *
 * Returns: (transfer full): the start in the local time zone (what a day
 *   cell compares against); all-day items keep their date
 */
GDateTime *
rapport_content_occurrence_dup_local_start (RapportContentOccurrence *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (self), NULL);

  if (rapport_content_item_get_all_day (self->item))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->start);

      return g_date_time_new_local (g_date_time_get_year (utc),
                                    g_date_time_get_month (utc),
                                    g_date_time_get_day_of_month (utc), 0, 0, 0);
    }

  return g_date_time_new_from_unix_local (self->start);
}
