/* rapport-scoring-preview.c
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

#define G_LOG_DOMAIN "rapport-scoring-preview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-scoring-preview.h"
#include "rapport-store-private.h"

/* The what-if of the Scoring preferences: new weights and new level
 * thresholds together, computed without writing anything.
 * rapport_scoring_preview_weights() keeps the thresholds in use; this one
 * ranks the proposed scores with proposed thresholds too. It sums each
 * member's activities in row order, as the full rescore does, so the
 * scores are the very ones an Apply would write. */

typedef struct
{
  double   weights[2];
} PairWeights;

static const PairWeights *
lookup_pair (GHashTable                *pairs,
             const RapportScoreWeights *current,
             const RapportScoreWeights *proposed,
             const char                *kind,
             const char                *platform)
{
  g_autofree char *key = g_strconcat (kind ? kind : "", "\x1f", platform ? platform : "", NULL);
  PairWeights *pair = g_hash_table_lookup (pairs, key);

  if (pair == NULL)
    {
      pair = g_new0 (PairWeights, 1);
      pair->weights[0] = rapport_score_weights_resolve (current, kind, platform);
      pair->weights[1] = rapport_score_weights_resolve (proposed, kind, platform);
      g_hash_table_insert (pairs, g_steal_pointer (&key), pair);
    }

  return pair;
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da < db) - (da > db);
}

/* The same rounding as the full ranking: up, so a small community still
 * has someone at the top. */
static guint
members_in_percent (guint  n,
                    double percent)
{
  return (guint) MIN ((double) n, ceil (n * percent / 100.0 - 1e-9));
}

static int
level_in (const RapportLevelCounts *counts,
          double                    score)
{
  if (!(score > 0))
    return 4;
  if (counts->has_level1_cutoff && score >= counts->level1_cutoff)
    return 1;
  if (counts->has_level2_cutoff && score >= counts->level2_cutoff)
    return 2;
  return 3;
}

static void
rank (const double       *scores,
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
  qsort (ranked, n_ranked, sizeof (double), compare_descending);

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
    counts->levels[level_in (counts, scores[i]) - 1]++;
}

static gboolean
sum_scores (RapportStore               *store,
            const RapportScoreWeights  *current,
            const RapportScoreWeights  *proposed,
            gint64                      now,
            GArray                     *ids,
            double                    **scores,
            GCancellable               *cancellable,
            GError                    **error)
{
  g_autoptr(RapportStatement) members = NULL;
  g_autoptr(RapportStatement) activities = NULL;
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint64 rows = 0;
  guint hint = 0;
  int rc;

  members = _rapport_store_prepare (store, "SELECT id FROM members ORDER BY id", error);
  if (members == NULL)
    return FALSE;
  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (members, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  scores[0] = g_new0 (double, MAX (1, ids->len));
  scores[1] = g_new0 (double, MAX (1, ids->len));

  activities = _rapport_store_prepare (store,
                                       "SELECT member_id, kind, platform, occurred_at FROM activities "
                                       "ORDER BY id",
                                       error);
  if (activities == NULL)
    return FALSE;

  while ((rc = sqlite3_step (activities)) == SQLITE_ROW)
    {
      gint64 member_id = sqlite3_column_int64 (activities, 0);
      const gint64 *id_data = (const gint64 *) (gpointer) ids->data;
      const PairWeights *pair;
      double decay;

      if ((++rows & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      /* Activities come in runs of one member's; otherwise search. */
      if (hint >= ids->len || id_data[hint] != member_id)
        {
          guint lo = 0;
          guint hi = ids->len;

          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (id_data[mid] < member_id)
                lo = mid + 1;
              else
                hi = mid;
            }
          if (lo >= ids->len || id_data[lo] != member_id)
            continue;
          hint = lo;
        }

      pair = lookup_pair (pairs, current, proposed,
                          _rapport_column_text (activities, 1),
                          _rapport_column_text (activities, 2));
      decay = rapport_score_decay (now - sqlite3_column_int64 (activities, 3));
      scores[0][hint] += pair->weights[0] * decay;
      scores[1][hint] += pair->weights[1] * decay;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/**
 * rapport_scoring_preview_levels:
 * @weights: the weights to try
 * @level1_percent: the share of members with a score to put at level 1
 * @level2_percent: the share below them at level 2
 * @preview: (out): the levels under the weights and thresholds in use, and
 *   under the proposed ones, as of now, and how many members would change
 *
 * Like rapport_scoring_preview_weights(), with proposed level thresholds
 * as well. Nothing is written.
 */
gboolean
rapport_scoring_preview_levels (RapportScoring             *self,
                                const RapportScoreWeights  *weights,
                                double                      level1_percent,
                                double                      level2_percent,
                                RapportLevelPreview        *preview,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  RapportStore *store;
  g_autoptr(RapportScoreWeights) current = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree double *current_scores = NULL;
  g_autofree double *proposed_scores = NULL;
  double *scores[2] = { NULL, NULL };
  double current1 = 10;
  double current2 = 25;
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);

  if (!(level1_percent >= 0 && level1_percent <= 100) ||
      !(level2_percent >= 0 && level1_percent + level2_percent <= 100))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("Levels 1 and 2 must share at most 100%% of the members, not %g%% and %g%%"),
                   level1_percent, level2_percent);
      return FALSE;
    }

  store = rapport_scoring_get_store (self);
  now = rapport_scoring_get_reference_time (self);
  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  /* A read transaction: both sets see the same activities. */
  if (!_rapport_store_exec (store, "SAVEPOINT rapport_preview_levels", error))
    return FALSE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  current = rapport_scoring_dup_weights (self, error);
  ok = current != NULL &&
       rapport_scoring_get_level_percents (self, &current1, &current2, error) &&
       sum_scores (store, current, weights, now, ids, scores, cancellable, error);
  current_scores = scores[0];
  proposed_scores = scores[1];

  _rapport_store_exec (store, "RELEASE rapport_preview_levels", NULL);
  if (!ok)
    return FALSE;

  rank (current_scores, ids->len, current1, current2, &preview->current);
  rank (proposed_scores, ids->len, level1_percent, level2_percent, &preview->proposed);

  for (guint i = 0; i < ids->len; i++)
    {
      int before = level_in (&preview->current, current_scores[i]);
      int after = level_in (&preview->proposed, proposed_scores[i]);

      if (before == after)
        continue;

      preview->changed++;
      if (after < before)
        preview->raised++;
      else
        preview->lowered++;
    }

  return TRUE;
}
