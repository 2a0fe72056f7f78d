/* rapport-advocates-view.h
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

#include <adwaita.h>

#include "rapport-board-column.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ADVOCATES_VIEW (rapport_advocates_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportAdvocatesView, rapport_advocates_view, RAPPORT, ADVOCATES_VIEW, GtkWidget)

GtkWidget          *rapport_advocates_view_new                (void);
RapportPipeline    *rapport_advocates_view_get_pipeline       (RapportAdvocatesView *self);
void                rapport_advocates_view_set_pipeline       (RapportAdvocatesView *self,
                                                               RapportPipeline      *pipeline);
RapportScoring     *rapport_advocates_view_get_scoring        (RapportAdvocatesView *self);
void                rapport_advocates_view_set_scoring        (RapportAdvocatesView *self,
                                                               RapportScoring       *scoring);
gboolean            rapport_advocates_view_get_loaded         (RapportAdvocatesView *self);
guint               rapport_advocates_view_get_n_columns      (RapportAdvocatesView *self);
RapportBoardColumn *rapport_advocates_view_get_column         (RapportAdvocatesView *self,
                                                               gint64                stage_id);
void                rapport_advocates_view_set_filters        (RapportAdvocatesView *self,
                                                               const char           *text,
                                                               const char           *tag,
                                                               const char           *organization,
                                                               int                   level);
const char         *rapport_advocates_view_get_sort_by        (RapportAdvocatesView *self);
void                rapport_advocates_view_set_sort_by        (RapportAdvocatesView *self,
                                                               const char           *sort_by);
gboolean            rapport_advocates_view_move_member        (RapportAdvocatesView *self,
                                                               gint64                member_id,
                                                               gint64                stage_id,
                                                               GError              **error);
gboolean            rapport_advocates_view_undo_move          (RapportAdvocatesView *self,
                                                               gint64                journal_id,
                                                               GError              **error);
GListModel         *rapport_advocates_view_get_suggestions    (RapportAdvocatesView *self);
gboolean            rapport_advocates_view_get_suggestions_loaded (RapportAdvocatesView *self);
void                rapport_advocates_view_reload_suggestions (RapportAdvocatesView *self);
gboolean            rapport_advocates_view_accept_suggestion  (RapportAdvocatesView *self,
                                                               RapportSuggestion    *suggestion,
                                                               GError              **error);
gboolean            rapport_advocates_view_dismiss_suggestion (RapportAdvocatesView *self,
                                                               RapportSuggestion    *suggestion,
                                                               GError              **error);
void                rapport_advocates_view_set_show_suggestions (RapportAdvocatesView *self,
                                                                 gboolean              show);
void                rapport_advocates_view_focus_search       (RapportAdvocatesView *self);
AdwToast           *rapport_advocates_view_get_last_toast     (RapportAdvocatesView *self);

G_END_DECLS
