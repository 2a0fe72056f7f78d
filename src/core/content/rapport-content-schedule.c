/* rapport-content-schedule.c
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

/* Rescheduling content: moving an item (or one occurrence of a series) to
 * another day, and giving a backlog idea a date. Each is one durable
 * transaction, journaled for undo (rapport-journal.c). */

#define G_LOG_DOMAIN "rapport-content"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-content-schedule.h"
#include "rapport-content-store.h"
#include "rapport-journal-private.h"

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

/* An item's row and the rows hanging off it, before the change. */
static gboolean
save_item (RapportJournal  *journal,
           gint64           item_id,
           GError         **error)
{
  return _rapport_journal_save (journal, "content_items", "id = ?1", item_id, error) &&
         _rapport_journal_save (journal, "content_item_channels", "item_id = ?1", item_id, error) &&
         _rapport_journal_save (journal, "content_item_members", "item_id = ?1", item_id, error) &&
         _rapport_journal_save (journal, "content_exdates", "item_id = ?1", item_id, error);
}

static RapportJournal *
journal_new (RapportStore       *store,
             RapportContentItem *item)
{
  /* TRANSLATORS: an operation in the undo list; %s is a post's title */
  g_autofree char *label = g_strdup_printf (_("Reschedule “%s”"), rapport_content_item_get_title (item));

  return _rapport_journal_new (store, "reschedule-content", label, "content_items",
                               rapport_content_item_get_id (item));
}

static gboolean
finish (RapportTransaction  *tx,
        RapportJournal      *journal,
        gint64              *journal_id,
        GError             **error)
{
  gint64 entry = _rapport_journal_write (journal, error);

  if (entry == 0 || !_rapport_transaction_commit (tx, error))
    return FALSE;

  if (journal_id != NULL)
    *journal_id = entry;
  return TRUE;
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
 * @journal_id: (out) (optional): the operation, for rapport_store_undo();
 *   0 when nothing moved (the same day)
 *
 * Reschedules to another day, keeping the time of day in the item's time
 * zone.
 */
gboolean
rapport_content_move_occurrence (RapportStore              *store,
                                 RapportContentOccurrence  *occurrence,
                                 GDateTime                 *day,
                                 gboolean                   whole_series,
                                 gint64                    *journal_id,
                                 GError                   **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(RapportContentItem) target = NULL;
  RapportContentItem *item;
  gint64 item_id;
  int days;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTENT_OCCURRENCE (occurrence), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (journal_id != NULL)
    *journal_id = 0;

  item = rapport_content_occurrence_get_item (occurrence);
  item_id = rapport_content_item_get_id (item);
  local_start = rapport_content_occurrence_dup_local_start (occurrence);
  days = rapport_content_days_between (local_start, day);
  if (days == 0)
    return TRUE;

  tx = _rapport_transaction_begin (store, TRUE, error);
  if (tx == NULL)
    return FALSE;

  journal = journal_new (store, item);
  if (!save_item (journal, item_id, error))
    return FALSE;

  if (rapport_content_item_get_rrule (item) != NULL && !whole_series)
    {
      /* The edited occurrence may exist already; if not, it is new. */
      if (!_rapport_journal_save (journal, "content_items", "series_id = ?1", item_id, error) ||
          !_rapport_journal_save (journal, "content_item_channels",
                                  "item_id IN (SELECT id FROM content_items WHERE series_id = ?1)", item_id, error) ||
          !_rapport_journal_save (journal, "content_item_members",
                                  "item_id IN (SELECT id FROM content_items WHERE series_id = ?1)", item_id, error))
        return FALSE;

      target = rapport_content_edit_occurrence (store, item_id,
                                                rapport_content_occurrence_get_recurrence_id (occurrence),
                                                error);
      if (target == NULL)
        return FALSE;

      if (!_rapport_journal_created (journal, "content_items", "id = ?1", rapport_content_item_get_id (target), error) ||
          !_rapport_journal_created (journal, "content_item_channels", "item_id = ?1",
                                     rapport_content_item_get_id (target), error) ||
          !_rapport_journal_created (journal, "content_item_members", "item_id = ?1",
                                     rapport_content_item_get_id (target), error) ||
          !_rapport_journal_created (journal, "content_exdates", "item_id = ?1", item_id, error))
        return FALSE;
    }
  else
    {
      target = rapport_content_get (store, item_id, error);
      if (target == NULL)
        return FALSE;
    }

  if (!shift_by_days (store, target, days, error))
    return FALSE;

  return finish (tx, journal, journal_id, error);

}

/**
 * rapport_content_schedule:
 * @item_id: an item without a date (from the backlog)
 * @day: the local day it was dropped on
 * @journal_id: (out) (optional): the operation, for rapport_store_undo()
 *
 * Gives an idea a date (10:00 local time) and walks it forward to
 * Scheduled, one allowed step at a time, all in one transaction. A
 * cancelled item keeps its status.
 */
gboolean
rapport_content_schedule (RapportStore  *store,
                          gint64         item_id,
                          GDateTime     *day,
                          gint64        *journal_id,
                          GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(RapportContentItem) target = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *tzid = NULL;
  RapportContentStatus status;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  tx = _rapport_transaction_begin (store, TRUE, error);
  if (tx == NULL)
    return FALSE;

  target = rapport_content_get (store, item_id, error);
  if (target == NULL)
    return FALSE;

  journal = journal_new (store, target);
  if (!save_item (journal, item_id, error))
    return FALSE;

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
        return FALSE;
    }

  return finish (tx, journal, journal_id, error);

}
