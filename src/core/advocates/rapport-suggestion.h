/* rapport-suggestion.h
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

/**
 * RapportSuggestionKind:
 * @RAPPORT_SUGGESTION_PROMOTION: the member's level fits a later stage than theirs
 * @RAPPORT_SUGGESTION_COOLING: the member was among the most active and has gone quiet
 */
typedef enum
{
  RAPPORT_SUGGESTION_PROMOTION,
  RAPPORT_SUGGESTION_COOLING,
} RapportSuggestionKind;

#define RAPPORT_TYPE_SUGGESTION_KIND (rapport_suggestion_kind_get_type ())
GType rapport_suggestion_kind_get_type (void) G_GNUC_CONST;

#define RAPPORT_TYPE_SUGGESTION (rapport_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (RapportSuggestion, rapport_suggestion, RAPPORT, SUGGESTION, GObject)

RapportSuggestionKind  rapport_suggestion_get_kind            (RapportSuggestion *self);
gint64                 rapport_suggestion_get_member_id       (RapportSuggestion *self);
const char            *rapport_suggestion_get_member_name     (RapportSuggestion *self);
gint64                 rapport_suggestion_get_stage_id        (RapportSuggestion *self);
const char            *rapport_suggestion_get_stage           (RapportSuggestion *self);
gint64                 rapport_suggestion_get_target_stage_id (RapportSuggestion *self);
const char            *rapport_suggestion_get_target_stage    (RapportSuggestion *self);
int                    rapport_suggestion_get_level           (RapportSuggestion *self);
double                 rapport_suggestion_get_score           (RapportSuggestion *self);
gint64                 rapport_suggestion_get_activity_count  (RapportSuggestion *self);
gint64                 rapport_suggestion_get_last_active_at  (RapportSuggestion *self);
const char            *rapport_suggestion_get_reason          (RapportSuggestion *self);
const char            *rapport_suggestion_get_fingerprint     (RapportSuggestion *self);

G_END_DECLS
