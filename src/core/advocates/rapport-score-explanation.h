/* rapport-score-explanation.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SCORE_EXPLANATION (rapport_score_explanation_get_type ())

G_DECLARE_FINAL_TYPE (RapportScoreExplanation, rapport_score_explanation, RAPPORT, SCORE_EXPLANATION, GObject)

gint64      rapport_score_explanation_get_member_id      (RapportScoreExplanation *self);
gint64      rapport_score_explanation_get_computed_at    (RapportScoreExplanation *self);
double      rapport_score_explanation_get_score          (RapportScoreExplanation *self);
int         rapport_score_explanation_get_level          (RapportScoreExplanation *self);
gint64      rapport_score_explanation_get_activity_count (RapportScoreExplanation *self);
double      rapport_score_explanation_get_recent_score   (RapportScoreExplanation *self);
double      rapport_score_explanation_get_previous_score (RapportScoreExplanation *self);
double      rapport_score_explanation_get_trend          (RapportScoreExplanation *self);
GListModel *rapport_score_explanation_get_terms          (RapportScoreExplanation *self);

G_END_DECLS
