/* rapport-scoring-settings.c
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

#include <string.h>

#include "rapport-scoring-private.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"

/* Changing how engagement is scored: what new weights and level thresholds
 * would do, and putting them in use. Both score every member, so an
 * interface runs them in a worker thread on a connection of its own; the
 * worker's scoring takes the reference time of the caller's, so both
 * compute for the same "now". */

static RapportScoring *
worker_scoring_new (RapportStore *worker,
                    gint64        reference_time)
{
  RapportScoring *scoring = rapport_scoring_new (worker);

  rapport_scoring_set_reference_time (scoring, reference_time);
  return scoring;
}

/* Preview */

typedef struct
{
  RapportScoreWeights *weights;
  double               level1_percent;
  double               level2_percent;
  gint64               reference_time;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  rapport_score_weights_free (data->weights);
  g_free (data);
}

static gpointer
preview_worker (RapportStore  *worker,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  PreviewData *data = user_data;
  g_autoptr(RapportScoring) scoring = worker_scoring_new (worker, data->reference_time);
  g_autofree RapportLevelPreview *preview = g_new0 (RapportLevelPreview, 1);

  if (!rapport_scoring_preview_levels (scoring, data->weights,
                                       data->level1_percent, data->level2_percent,
                                       preview, cancellable, error))
    return NULL;

  return g_steal_pointer (&preview);
}

/**
 * rapport_scoring_preview_levels_async:
 * @weights: the weights to try; copied
 * @level1_percent: the share of members with a score to put at level 1
 * @level2_percent: the share below them at level 2
 *
 * Like rapport_scoring_preview_levels(), in a worker thread with its own
 * database connection. Nothing is written. Cancelling @cancellable (for a
 * newer preview) makes the result %G_IO_ERROR_CANCELLED.
 */
void
rapport_scoring_preview_levels_async (RapportScoring            *self,
                                      const RapportScoreWeights *weights,
                                      double                     level1_percent,
                                      double                     level2_percent,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  g_return_if_fail (RAPPORT_IS_SCORING (self));
  g_return_if_fail (weights != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_scoring_preview_levels_async);

  data = g_new0 (PreviewData, 1);
  data->weights = rapport_score_weights_copy (weights);
  data->level1_percent = level1_percent;
  data->level2_percent = level2_percent;
  data->reference_time = self->reference_time;
  _rapport_store_run_worker (self->store, task, preview_worker,
                             data, (GDestroyNotify) preview_data_free,
                             NULL, g_free);
}

/**
 * rapport_scoring_preview_levels_finish:
 * @preview: (out): the levels under the weights and thresholds in use and
 *   under the proposed ones, and how many members would change level
 */
gboolean
rapport_scoring_preview_levels_finish (RapportScoring       *self,
                                       GAsyncResult         *result,
                                       RapportLevelPreview  *preview,
                                       GError              **error)
{
  g_autofree RapportLevelPreview *computed = NULL;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_scoring_preview_levels_async,
                        FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);
  computed = g_task_propagate_pointer (G_TASK (result), error);
  if (computed == NULL)
    return FALSE;

  *preview = *computed;
  return TRUE;
}

/* Apply */

/**
 * rapport_scoring_apply_settings:
 * @weights: (nullable): the new weights, replacing every weight in use, or
 *   %NULL to keep them
 * @level1_percent: the share of members with a score at level 1, or
 *   negative to keep the thresholds in use
 * @level2_percent: the share below them at level 2, or negative to keep the
 *   thresholds in use
 * @counts: (out) (optional): the level distribution after rescoring
 *
 * Puts new weights and level thresholds in use and rescores every member
 * once, in one transaction: both land or neither does. Announces a reload
 * of "members", and of "score_weights" when @weights is given.
 */
gboolean
rapport_scoring_apply_settings (RapportScoring             *self,
                                const RapportScoreWeights  *weights,
                                double                      level1_percent,
                                double                      level2_percent,
                                RapportLevelCounts         *counts,
                                GError                    **error)
{
  gboolean set_levels;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);

  set_levels = level1_percent >= 0 || level2_percent >= 0;

  if (!set_levels && weights == NULL)
    return rapport_scoring_rescore_all (self, counts, NULL, error);
  if (!set_levels)
    return rapport_scoring_set_weights (self, weights, counts, error);

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  /* Setting the thresholds checks them and rescores, with the new weights
   * already in place. */
  if ((weights != NULL && !_rapport_scoring_write_weights (self, weights, error)) ||
      !rapport_scoring_set_level_percents (self, level1_percent, level2_percent, counts, error) ||
      !rapport_store_commit (self->store, error))
    {
      rapport_store_rollback (self->store);
      g_clear_pointer (&self->weights, rapport_score_weights_free);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  RapportScoreWeights *weights;     /* NULL: unchanged */
  double               level1_percent;
  double               level2_percent;
  gint64               reference_time;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_clear_pointer (&data->weights, rapport_score_weights_free);
  g_free (data);
}

static gpointer
apply_worker (RapportStore  *worker,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  ApplyData *data = user_data;
  g_autoptr(RapportScoring) scoring = worker_scoring_new (worker, data->reference_time);
  g_autofree RapportLevelCounts *counts = g_new0 (RapportLevelCounts, 1);

  if (!rapport_scoring_apply_settings (scoring, data->weights,
                                       data->level1_percent, data->level2_percent,
                                       counts, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/* Back on the caller's thread: the worker's connection told nobody. */
static void
on_apply_done (GTask    *task,
               gpointer  counts,
               gpointer  user_data)
{
  RapportScoring *self = g_task_get_source_object (task);
  ApplyData *data = user_data;

  g_clear_pointer (&self->weights, rapport_score_weights_free);
  if (data->weights != NULL)
    rapport_store_emit_changed (self->store, "score_weights", 0, RAPPORT_CHANGE_RELOAD);
  rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);
  g_task_return_pointer (task, counts, g_free);
}

/**
 * rapport_scoring_apply_settings_async:
 * @weights: (nullable): the new weights, copied, or %NULL to keep them
 * @level1_percent: the share at level 1, or negative to keep the thresholds
 * @level2_percent: the share at level 2, or negative to keep the thresholds
 *
 * Like rapport_scoring_apply_settings(), in a worker thread with its own
 * database connection. When it succeeds, "score_weights" (when @weights is
 * given) and "members" are announced as reloaded on the store of @self, on
 * the caller's thread, before @callback runs. A cancellation that comes
 * once the settings are written does not undo them.
 */
void
rapport_scoring_apply_settings_async (RapportScoring            *self,
                                      const RapportScoreWeights *weights,
                                      double                     level1_percent,
                                      double                     level2_percent,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ApplyData *data;

  g_return_if_fail (RAPPORT_IS_SCORING (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_scoring_apply_settings_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ApplyData, 1);
  data->weights = weights != NULL ? rapport_score_weights_copy (weights) : NULL;
  data->level1_percent = level1_percent;
  data->level2_percent = level2_percent;
  data->reference_time = self->reference_time;
  _rapport_store_run_worker (self->store, task, apply_worker,
                             data, (GDestroyNotify) apply_data_free,
                             on_apply_done, g_free);
}

/**
 * rapport_scoring_apply_settings_finish:
 * @counts: (out) (optional): the level distribution after rescoring
 */
gboolean
rapport_scoring_apply_settings_finish (RapportScoring      *self,
                                       GAsyncResult        *result,
                                       RapportLevelCounts  *counts,
                                       GError             **error)
{
  g_autofree RapportLevelCounts *ranked = NULL;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_scoring_apply_settings_async,
                        FALSE);

  ranked = g_task_propagate_pointer (G_TASK (result), error);
  if (ranked == NULL)
    return FALSE;

  if (counts != NULL)
    *counts = *ranked;
  return TRUE;
}
