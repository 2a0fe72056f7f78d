/* rapport-cooling-off.c
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

#define G_LOG_DOMAIN "rapport-pipeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rapport-clock.h"
#include "rapport-pipeline-private.h"
#include "rapport-store-private.h"

/* Cooling off: among the top 25% of members by activity count in the 90
 * days before the last 30, and without activity in the last 30. Such a
 * member gets a cooling-off suggestion (rapport-suggestions.c lists them
 * with the promotions); accepting it adds a follow-up task to check in
 * with them, due in a week. */

#define SECONDS_PER_DAY      86400
#define COOLING_RECENT_DAYS  30
#define COOLING_PRIOR_DAYS   90
#define COOLING_TOP_PERCENT  25.0
#define CHECK_IN_DUE_DAYS    7

typedef struct
{
  gint64 member_id;
  gint64 count;
} PriorCount;

static int
compare_prior_descending (gconstpointer a,
                          gconstpointer b)
{
  const PriorCount *pa = a;
  const PriorCount *pb = b;

  return (pa->count < pb->count) - (pa->count > pb->count);
}

/* Adds to @out a cooling-off suggestion for each member who fits as of
 * @now, but those already decided on these facts. */
gboolean
_rapport_pipeline_add_cooling_off (RapportStore  *store,
                                   gint64         now,
                                   GArray        *stages,
                                   GHashTable    *decisions,
                                   GPtrArray     *out,
                                   GError       **error)
{
  g_autoptr(RapportStatement) prior = NULL;
  g_autoptr(RapportStatement) member = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (PriorCount));
  gint64 quiet_from = now - COOLING_RECENT_DAYS * SECONDS_PER_DAY;
  gint64 prior_from = quiet_from - COOLING_PRIOR_DAYS * SECONDS_PER_DAY;
  gint64 cutoff;
  guint top;
  int rc;

  /* "+occurred_at" keeps the planner off the time index: reading the
   * (member, time) index whole, already grouped by member, is many times
   * faster than fetching a quarter of the activity rows one by one. */
  prior = _rapport_store_prepare (store,
                                  "SELECT member_id, count(*) FROM activities "
                                  "WHERE +occurred_at >= ?1 AND +occurred_at < ?2 GROUP BY member_id",
                                  error);
  if (prior == NULL)
    return FALSE;
  sqlite3_bind_int64 (prior, 1, prior_from);
  sqlite3_bind_int64 (prior, 2, quiet_from);
  while ((rc = sqlite3_step (prior)) == SQLITE_ROW)
    {
      PriorCount count = { sqlite3_column_int64 (prior, 0), sqlite3_column_int64 (prior, 1) };

      g_array_append_val (counts, count);
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  if (counts->len == 0)
    return TRUE;

  /* The top quarter of the members active then, ties included. */
  g_array_sort (counts, compare_prior_descending);
  top = (guint) ceil (counts->len * COOLING_TOP_PERCENT / 100.0 - 1e-9);
  top = CLAMP (top, 1, counts->len);
  cutoff = g_array_index (counts, PriorCount, top - 1).count;

  member = _rapport_store_prepare (store,
                                   "SELECT name, stage_id, level, score, activity_count, last_active_at "
                                   "FROM members WHERE id = ?",
                                   error);
  if (member == NULL)
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      const PriorCount *count = &g_array_index (counts, PriorCount, i);
      g_autofree char *fingerprint = NULL;
      g_autofree char *reason = NULL;
      gint64 last_active_at;
      gint64 stage_id;
      gint64 silent_days;
      int index;

      if (count->count < cutoff)
        break;

      sqlite3_reset (member);
      sqlite3_bind_int64 (member, 1, count->member_id);
      if (sqlite3_step (member) != SQLITE_ROW)
        continue;

      last_active_at = sqlite3_column_int64 (member, 5);
      if (last_active_at >= quiet_from)
        continue;

      fingerprint = g_strdup_printf ("cooling:%" G_GINT64_FORMAT, last_active_at);
      if (_rapport_pipeline_suggestion_decided (decisions, count->member_id, RAPPORT_SUGGESTION_COOLING, fingerprint))
        continue;

      stage_id = sqlite3_column_int64 (member, 1);
      index = _rapport_pipeline_stage_index (stages, stage_id);
      silent_days = (now - last_active_at) / SECONDS_PER_DAY;
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Top %g%% by activity in the 90 days before the last 30 "
                                             "(%lld activity), silent for %lld days",
                                             "Top %g%% by activity in the 90 days before the last 30 "
                                             "(%lld activities), silent for %lld days",
                                             count->count),
                                COOLING_TOP_PERCENT, (long long) count->count, (long long) silent_days);

      g_ptr_array_add (out, _rapport_suggestion_new (RAPPORT_SUGGESTION_COOLING,
                                                     count->member_id,
                                                     _rapport_column_text (member, 0),
                                                     stage_id,
                                                     index >= 0 ? g_array_index (stages, RapportStageRow, index).name : NULL,
                                                     0,
                                                     NULL,
                                                     sqlite3_column_int (member, 2),
                                                     sqlite3_column_double (member, 3),
                                                     sqlite3_column_int64 (member, 4),
                                                     last_active_at,
                                                     reason,
                                                     fingerprint));
    }

  return TRUE;
}

/* What accepting a cooling-off suggestion does: a follow-up task to check
 * in with the member, due in a week. */
gboolean
_rapport_pipeline_add_check_in (RapportStore       *store,
                                RapportSuggestion  *suggestion,
                                GError            **error)
{
  g_autoptr(RapportStatement) task = NULL;
  g_autofree char *title = NULL;

  task = _rapport_store_prepare (store,
                                 "INSERT INTO tasks (member_id, title, due_at) VALUES (?, ?, ?)",
                                 error);
  if (task == NULL)
    return FALSE;

  /* Translators: a follow-up task; %s is a member's name */
  title = g_strdup_printf (_("Check in with %s: among the most active, quiet for a month"),
                           rapport_suggestion_get_member_name (suggestion));
  sqlite3_bind_int64 (task, 1, rapport_suggestion_get_member_id (suggestion));
  _rapport_bind_text (task, 2, title);
  sqlite3_bind_int64 (task, 3, rapport_now_unix () + CHECK_IN_DUE_DAYS * SECONDS_PER_DAY);
  if (!_rapport_pipeline_step_done (store, task, error))
    return FALSE;
  rapport_store_emit_changed (store, "tasks",
                              sqlite3_last_insert_rowid (_rapport_store_get_db (store)),
                              RAPPORT_CHANGE_INSERTED);

  return TRUE;
}
