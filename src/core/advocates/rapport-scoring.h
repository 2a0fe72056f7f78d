/* rapport-scoring.h
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

#pragma once

#include <gio/gio.h>

#include "rapport-score-explanation.h"
#include "rapport-score-term.h"
#include "rapport-score-weights.h"
#include "rapport-types.h"

G_BEGIN_DECLS

/**
 * RapportLevelCounts:
 * @n_members: every member
 * @levels: how many members are at level 1, 2, 3 and 4 (@levels[0] is level 1)
 * @has_level1_cutoff: whether anybody reaches level 1
 * @level1_cutoff: the lowest score at level 1
 * @has_level2_cutoff: whether anybody reaches level 2
 * @level2_cutoff: the lowest score at level 2
 *
 * How the members spread over the levels. Level 1 is the top
 * level1-percent of the members with a score, level 2 the next
 * level2-percent, level 3 everybody else with a score above 0, level 4
 * those without weighted activity. Members tied with the last one of a
 * level share it.
 */
typedef struct
{
  guint    n_members;
  guint    levels[4];
  gboolean has_level1_cutoff;
  double   level1_cutoff;
  gboolean has_level2_cutoff;
  double   level2_cutoff;
} RapportLevelCounts;

/**
 * RapportLevelPreview:
 * @current: the levels under the weights in use, as of now
 * @proposed: the levels under the proposed weights, as of now
 * @changed: members whose level would change
 * @raised: members who would move up (to a smaller level number)
 * @lowered: members who would move down
 *
 * What new weights would do, computed without writing anything.
 */
typedef struct
{
  RapportLevelCounts current;
  RapportLevelCounts proposed;
  guint              changed;
  guint              raised;
  guint              lowered;
} RapportLevelPreview;

#define RAPPORT_TYPE_SCORING (rapport_scoring_get_type ())

G_DECLARE_FINAL_TYPE (RapportScoring, rapport_scoring, RAPPORT, SCORING, GObject)

RapportScoring          *rapport_scoring_new                   (RapportStore               *store);
RapportScoring          *rapport_scoring_dup_for_store         (RapportStore               *store);
RapportStore            *rapport_scoring_get_store             (RapportScoring             *self);
gint64                   rapport_scoring_get_reference_time    (RapportScoring             *self);
void                     rapport_scoring_set_reference_time    (RapportScoring             *self,
                                                                gint64                      reference_time);
gboolean                 rapport_scoring_rescore_all           (RapportScoring             *self,
                                                                RapportLevelCounts         *counts,
                                                                GCancellable               *cancellable,
                                                                GError                    **error);
void                     rapport_scoring_rescore_all_async     (RapportScoring             *self,
                                                                GCancellable               *cancellable,
                                                                GAsyncReadyCallback         callback,
                                                                gpointer                    user_data);
gboolean                 rapport_scoring_rescore_all_finish    (RapportScoring             *self,
                                                                GAsyncResult               *result,
                                                                RapportLevelCounts         *counts,
                                                                GError                    **error);
gboolean                 rapport_scoring_update_member         (RapportScoring             *self,
                                                                gint64                      member_id,
                                                                GError                    **error);
RapportScoreExplanation *rapport_scoring_explain               (RapportScoring             *self,
                                                                gint64                      member_id,
                                                                GError                    **error);
gboolean                 rapport_scoring_get_trend             (RapportScoring             *self,
                                                                gint64                      member_id,
                                                                double                     *score,
                                                                double                     *previous_score,
                                                                GError                    **error);
gboolean                 rapport_scoring_get_level_counts      (RapportScoring             *self,
                                                                RapportLevelCounts         *counts,
                                                                GError                    **error);
RapportScoreWeights     *rapport_scoring_dup_weights           (RapportScoring             *self,
                                                                GError                    **error);
gboolean                 rapport_scoring_preview_weights       (RapportScoring             *self,
                                                                const RapportScoreWeights  *weights,
                                                                RapportLevelPreview        *preview,
                                                                GCancellable               *cancellable,
                                                                GError                    **error);
gboolean                 rapport_scoring_preview_levels        (RapportScoring             *self,
                                                                const RapportScoreWeights  *weights,
                                                                double                      level1_percent,
                                                                double                      level2_percent,
                                                                RapportLevelPreview        *preview,
                                                                GCancellable               *cancellable,
                                                                GError                    **error);
void                     rapport_scoring_preview_levels_async  (RapportScoring             *self,
                                                                const RapportScoreWeights  *weights,
                                                                double                      level1_percent,
                                                                double                      level2_percent,
                                                                GCancellable               *cancellable,
                                                                GAsyncReadyCallback         callback,
                                                                gpointer                    user_data);
gboolean                 rapport_scoring_preview_levels_finish (RapportScoring             *self,
                                                                GAsyncResult               *result,
                                                                RapportLevelPreview        *preview,
                                                                GError                    **error);
gboolean                 rapport_scoring_set_weights           (RapportScoring             *self,
                                                                const RapportScoreWeights  *weights,
                                                                RapportLevelCounts         *counts,
                                                                GError                    **error);
gboolean                 rapport_scoring_get_level_percents    (RapportScoring             *self,
                                                                double                     *level1_percent,
                                                                double                     *level2_percent,
                                                                GError                    **error);
gboolean                 rapport_scoring_set_level_percents    (RapportScoring             *self,
                                                                double                      level1_percent,
                                                                double                      level2_percent,
                                                                RapportLevelCounts         *counts,
                                                                GError                    **error);
gboolean                 rapport_scoring_apply_settings        (RapportScoring             *self,
                                                                const RapportScoreWeights  *weights,
                                                                double                      level1_percent,
                                                                double                      level2_percent,
                                                                RapportLevelCounts         *counts,
                                                                GError                    **error);
void                     rapport_scoring_apply_settings_async  (RapportScoring             *self,
                                                                const RapportScoreWeights  *weights,
                                                                double                      level1_percent,
                                                                double                      level2_percent,
                                                                GCancellable               *cancellable,
                                                                GAsyncReadyCallback         callback,
                                                                gpointer                    user_data);
gboolean                 rapport_scoring_apply_settings_finish (RapportScoring             *self,
                                                                GAsyncResult               *result,
                                                                RapportLevelCounts         *counts,
                                                                GError                    **error);

G_END_DECLS
