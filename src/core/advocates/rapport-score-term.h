/* rapport-score-term.h
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

G_BEGIN_DECLS

#define RAPPORT_TYPE_SCORE_TERM (rapport_score_term_get_type ())

G_DECLARE_FINAL_TYPE (RapportScoreTerm, rapport_score_term, RAPPORT, SCORE_TERM, GObject)

const char *rapport_score_term_get_kind                (RapportScoreTerm *self);
const char *rapport_score_term_get_platform            (RapportScoreTerm *self);
gint64      rapport_score_term_get_count               (RapportScoreTerm *self);
double      rapport_score_term_get_weight              (RapportScoreTerm *self);
double      rapport_score_term_get_decay               (RapportScoreTerm *self);
double      rapport_score_term_get_contribution        (RapportScoreTerm *self);
gint64      rapport_score_term_get_recent_count        (RapportScoreTerm *self);
double      rapport_score_term_get_recent_contribution (RapportScoreTerm *self);
gint64      rapport_score_term_get_last_at             (RapportScoreTerm *self);

G_END_DECLS
