/* rapport-content-occurrence.h
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

#include "rapport-content-item.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTENT_OCCURRENCE (rapport_content_occurrence_get_type ())

G_DECLARE_FINAL_TYPE (RapportContentOccurrence, rapport_content_occurrence, RAPPORT, CONTENT_OCCURRENCE, GObject)

RapportContentOccurrence *rapport_content_occurrence_new               (RapportContentItem       *item,
                                                                        gint64                    start,
                                                                        gint64                    recurrence_id);
RapportContentItem       *rapport_content_occurrence_get_item          (RapportContentOccurrence *self);
gint64                    rapport_content_occurrence_get_start         (RapportContentOccurrence *self);
gint64                    rapport_content_occurrence_get_recurrence_id (RapportContentOccurrence *self);
GDateTime                *rapport_content_occurrence_dup_local_start   (RapportContentOccurrence *self);

G_END_DECLS
