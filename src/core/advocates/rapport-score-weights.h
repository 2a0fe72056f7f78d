/* rapport-score-weights.h
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

#include <glib-object.h>

#include "rapport-decay.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SCORE_WEIGHTS (rapport_score_weights_get_type ())

/**
 * RapportScoreWeights:
 *
 * What one activity is worth before decay, by kind, optionally by platform
 * (a platform's weight overrides its kind's), with a weight for every kind
 * that has none of its own.
 */
typedef struct _RapportScoreWeights RapportScoreWeights;

GType                rapport_score_weights_get_type      (void) G_GNUC_CONST;
RapportScoreWeights *rapport_score_weights_new           (void);
RapportScoreWeights *rapport_score_weights_new_default   (void);
RapportScoreWeights *rapport_score_weights_copy          (const RapportScoreWeights *self);
void                 rapport_score_weights_free          (RapportScoreWeights       *self);
gboolean             rapport_score_weights_equal         (const RapportScoreWeights *self,
                                                          const RapportScoreWeights *other);
double               rapport_score_weights_get_fallback  (const RapportScoreWeights *self);
void                 rapport_score_weights_set_fallback  (RapportScoreWeights       *self,
                                                          double                     weight);
void                 rapport_score_weights_set           (RapportScoreWeights       *self,
                                                          const char                *kind,
                                                          const char                *platform,
                                                          double                     weight);
gboolean             rapport_score_weights_unset         (RapportScoreWeights       *self,
                                                          const char                *kind,
                                                          const char                *platform);
gboolean             rapport_score_weights_lookup        (const RapportScoreWeights *self,
                                                          const char                *kind,
                                                          const char                *platform,
                                                          double                    *weight);
double               rapport_score_weights_resolve       (const RapportScoreWeights *self,
                                                          const char                *kind,
                                                          const char                *platform);
gboolean             rapport_score_weights_has_override  (const RapportScoreWeights *self,
                                                          const char                *kind,
                                                          const char                *platform);
guint                rapport_score_weights_get_n_entries (const RapportScoreWeights *self);
void                 rapport_score_weights_get_entry     (const RapportScoreWeights *self,
                                                          guint                      position,
                                                          const char               **kind,
                                                          const char               **platform,
                                                          double                    *weight);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportScoreWeights, rapport_score_weights_free)

G_END_DECLS
