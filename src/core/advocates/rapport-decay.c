/* rapport-decay.c
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

#define G_LOG_DOMAIN "rapport-score-weights"

#include "config.h"

#include <math.h>

#include "rapport-decay.h"

/* The decay curve: what is left of an activity's weight as it ages. The
 * scoring (rapport-scoring.c) applies it to every activity it counts. */

/**
 * rapport_score_decay:
 * @age_seconds: how long ago the activity happened; the future counts as now
 *
 * Returns: what is left of an activity's weight after @age_seconds:
 *   0.9^(days / 30.4375)
 */
double
rapport_score_decay (gint64 age_seconds)
{
  static const double seconds_per_month = RAPPORT_SCORE_MONTH_DAYS * 86400.0;

  if (age_seconds <= 0)
    return 1.0;

  return pow (RAPPORT_SCORE_DECAY, (double) age_seconds / seconds_per_month);
}
