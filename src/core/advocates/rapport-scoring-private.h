/* rapport-scoring-private.h
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

#include "rapport-score-explanation.h"
#include "rapport-score-term.h"
#include "rapport-scoring.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Shared by rapport-scoring.c and rapport-levels.c. */
struct _RapportScoring
{
  GObject              parent_instance;

  RapportStore        *store;
  gulong               changed_id;
  gulong               weights_changed_id;
  gint64               reference_time;
  RapportScoreWeights *weights;     /* cache of score_weights; NULL when stale */
};

/* The level thresholds and the cutoffs of the last full ranking, as
 * scoring_settings keeps them. */
typedef struct
{
  double   level1_percent;
  double   level2_percent;
  gboolean has_level1_cutoff;
  double   level1_cutoff;
  gboolean has_level2_cutoff;
  double   level2_cutoff;
} RapportLevelThresholds;

RapportScoreTerm        *_rapport_score_term_new         (const char    *kind,
                                                          const char    *platform,
                                                          double         weight);
void                     _rapport_score_term_add         (RapportScoreTerm *self,
                                                          gint64            occurred_at,
                                                          double            decay,
                                                          gboolean          recent);
RapportScoreExplanation *_rapport_score_explanation_new  (gint64         member_id,
                                                          gint64         computed_at,
                                                          double         score,
                                                          int            level,
                                                          double         recent_score,
                                                          double         previous_score,
                                                          GPtrArray     *terms);
gboolean                 _rapport_scoring_read_setting   (RapportStore  *store,
                                                          const char    *key,
                                                          double        *value,
                                                          GError       **error);
gboolean                 _rapport_scoring_write_setting  (RapportStore  *store,
                                                          const char    *key,
                                                          gboolean       has_value,
                                                          double         value,
                                                          GError       **error);
gboolean                 _rapport_scoring_write_weights  (RapportScoring             *self,
                                                          const RapportScoreWeights  *weights,
                                                          GError                    **error);
void                     _rapport_scoring_read_thresholds (RapportStore           *store,
                                                           RapportLevelThresholds *thresholds);
int                      _rapport_scoring_level_for_score (double         score,
                                                           gboolean       has_level1_cutoff,
                                                           double         level1_cutoff,
                                                           gboolean       has_level2_cutoff,
                                                           double         level2_cutoff);
int                      _rapport_scoring_level_in       (const RapportLevelCounts *counts,
                                                          double                    score);
void                     _rapport_scoring_rank           (const double       *scores,
                                                          guint               n,
                                                          double              level1_percent,
                                                          double              level2_percent,
                                                          RapportLevelCounts *counts);

G_END_DECLS
