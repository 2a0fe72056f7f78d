/* rapport-levels.c
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

#define G_LOG_DOMAIN "rapport-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-scoring-private.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"

/* Levels: the members with a score above 0 ranked by it, level 1 the top
 * level1-percent of them (10), level 2 the next level2-percent (25), level
 * 3 everybody else with a score, level 4 those without (see
 * RapportLevelCounts). A full rescore ranks everybody and keeps the cutoffs
 * in scoring_settings; an incremental update places one member against
 * them. The thresholds can be changed, and the spread over the levels read
 * back. */

static double
read_setting_or (RapportStore *store,
                 const char   *key,
                 double        fallback)
{
  double value;

  return _rapport_scoring_read_setting (store, key, &value, NULL) ? value : fallback;
}

/* The level thresholds in use (10% and 25% until set), and the cutoffs of
 * the last full ranking if there was one. */
void
_rapport_scoring_read_thresholds (RapportStore           *store,
                                  RapportLevelThresholds *thresholds)
{
  thresholds->level1_percent = read_setting_or (store, "level1-percent", 10);
  thresholds->level2_percent = read_setting_or (store, "level2-percent", 25);
  thresholds->has_level1_cutoff =
    _rapport_scoring_read_setting (store, "level1-cutoff", &thresholds->level1_cutoff, NULL);
  thresholds->has_level2_cutoff =
    _rapport_scoring_read_setting (store, "level2-cutoff", &thresholds->level2_cutoff, NULL);
}

/* Before any full ranking there are no cutoffs: every member with a score
 * is level 3 until the first one. */
int
_rapport_scoring_level_for_score (double   score,
                                  gboolean has_level1_cutoff,
                                  double   level1_cutoff,
                                  gboolean has_level2_cutoff,
                                  double   level2_cutoff)
{
  if (!(score > 0))
    return 4;
  if (has_level1_cutoff && score >= level1_cutoff)
    return 1;
  if (has_level2_cutoff && score >= level2_cutoff)
    return 2;
  return 3;
}

static int
compare_scores_descending (gconstpointer a,
                           gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da < db) - (da > db);
}

/* How many of @n ranked members @percent of them is, rounding up so that a
 * small community still has someone at the top. */
static guint
members_in_percent (guint  n,
                    double percent)
{
  double exact = n * percent / 100.0;

  return (guint) MIN ((double) n, ceil (exact - 1e-9));
}

/* Ranks @n members by their @scores: how many are at each level and the
 * cutoffs that put them there. */
void
_rapport_scoring_rank (const double       *scores,
                       guint               n,
                       double              level1_percent,
                       double              level2_percent,
                       RapportLevelCounts *counts)
{
  g_autofree double *ranked = g_new (double, MAX (1, n));
  guint n_ranked = 0;
  guint top1;
  guint top2;

  memset (counts, 0, sizeof *counts);
  counts->n_members = n;

  for (guint i = 0; i < n; i++)
    {
      if (scores[i] > 0)
        ranked[n_ranked++] = scores[i];
    }
  qsort (ranked, n_ranked, sizeof (double), compare_scores_descending);

  top1 = members_in_percent (n_ranked, level1_percent);
  top2 = members_in_percent (n_ranked, level1_percent + level2_percent);
  if (top1 > 0)
    {
      counts->has_level1_cutoff = TRUE;
      counts->level1_cutoff = ranked[top1 - 1];
    }
  if (top2 > top1)
    {
      counts->has_level2_cutoff = TRUE;
      counts->level2_cutoff = ranked[top2 - 1];
    }

  for (guint i = 0; i < n; i++)
    {
      int level;

      level = _rapport_scoring_level_for_score (scores[i],
                                                counts->has_level1_cutoff, counts->level1_cutoff,
                                                counts->has_level2_cutoff, counts->level2_cutoff);
      counts->levels[level - 1]++;
    }
}

int
_rapport_scoring_level_in (const RapportLevelCounts *counts,
                           double                    score)
{
  return _rapport_scoring_level_for_score (score,
                                           counts->has_level1_cutoff, counts->level1_cutoff,
                                           counts->has_level2_cutoff, counts->level2_cutoff);
}

/**
 * rapport_scoring_get_level_counts:
 *
 * How the members spread over the levels as the database holds them, with
 * the cutoffs of the last full ranking.
 */
gboolean
rapport_scoring_get_level_counts (RapportScoring      *self,
                                  RapportLevelCounts  *counts,
                                  GError             **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  RapportLevelThresholds thresholds;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = _rapport_store_prepare (self->store, "SELECT level, count(*) FROM members GROUP BY level", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = CLAMP (sqlite3_column_int (stmt, 0), 1, 4);
      guint n = sqlite3_column_int (stmt, 1);

      counts->levels[level - 1] += n;
      counts->n_members += n;
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (self->store, error);

  _rapport_scoring_read_thresholds (self->store, &thresholds);
  counts->has_level1_cutoff = thresholds.has_level1_cutoff;
  counts->level1_cutoff = thresholds.level1_cutoff;
  counts->has_level2_cutoff = thresholds.has_level2_cutoff;
  counts->level2_cutoff = thresholds.level2_cutoff;
  return TRUE;
}

/**
 * rapport_scoring_get_level_percents:
 * @level1_percent: (out) (optional): the share of ranked members at level 1
 * @level2_percent: (out) (optional): the share below them at level 2
 */
gboolean
rapport_scoring_get_level_percents (RapportScoring  *self,
                                    double          *level1_percent,
                                    double          *level2_percent,
                                    GError         **error)
{
  RapportLevelThresholds thresholds;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);

  _rapport_scoring_read_thresholds (self->store, &thresholds);
  if (level1_percent != NULL)
    *level1_percent = thresholds.level1_percent;
  if (level2_percent != NULL)
    *level2_percent = thresholds.level2_percent;
  return TRUE;
}

/**
 * rapport_scoring_set_level_percents:
 * @level1_percent: the share of members with a score at level 1 (10)
 * @level2_percent: the share below them at level 2 (25)
 * @counts: (out) (optional): the level distribution after rescoring
 *
 * Stores the thresholds and rescores every member, in one transaction.
 */
gboolean
rapport_scoring_set_level_percents (RapportScoring      *self,
                                    double               level1_percent,
                                    double               level2_percent,
                                    RapportLevelCounts  *counts,
                                    GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);

  if (!(level1_percent >= 0 && level1_percent <= 100))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The share of members at level 1 must be between 0 and 100%%, not %g%%"),
                   level1_percent);
      return FALSE;
    }
  if (!(level2_percent >= 0 && level1_percent + level2_percent <= 100))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The share of members at level 2 must be between 0 and %g%% "
                     "(100%% less level 1’s %g%%), not %g%%"),
                   100 - level1_percent, level1_percent, level2_percent);
      return FALSE;
    }

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  if (!_rapport_scoring_write_setting (self->store, "level1-percent", TRUE, level1_percent, error) ||
      !_rapport_scoring_write_setting (self->store, "level2-percent", TRUE, level2_percent, error) ||
      !rapport_scoring_rescore_all (self, counts, NULL, error))
    {
      rapport_store_rollback (self->store);
      return FALSE;
    }

  return rapport_store_commit (self->store, error);
}
