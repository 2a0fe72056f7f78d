/* rapport-pipeline.h
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

#include "rapport-recognition.h"
#include "rapport-stage-change.h"
#include "rapport-stage.h"
#include "rapport-suggestion.h"
#include "rapport-types.h"

G_BEGIN_DECLS

/**
 * RapportMoveReason:
 * @RAPPORT_MOVE_MANUAL: a person moved the member
 * @RAPPORT_MOVE_SUGGESTION: a person accepted a promotion suggestion
 * @RAPPORT_MOVE_IMPORT: an import set the stage
 * @RAPPORT_MOVE_UNDO: a person undid an earlier move
 * @RAPPORT_MOVE_STAGE_REMOVED: the member's stage was removed
 *
 * Why a member changed stage; stage_history keeps it as
 * rapport_move_reason_to_string() says.
 */
typedef enum
{
  RAPPORT_MOVE_MANUAL,
  RAPPORT_MOVE_SUGGESTION,
  RAPPORT_MOVE_IMPORT,
  RAPPORT_MOVE_UNDO,
  RAPPORT_MOVE_STAGE_REMOVED,
} RapportMoveReason;

const char *rapport_move_reason_to_string (RapportMoveReason reason);
const char *rapport_move_reason_get_label (const char       *reason);

#define RAPPORT_TYPE_PIPELINE (rapport_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (RapportPipeline, rapport_pipeline, RAPPORT, PIPELINE, GObject)

RapportPipeline *rapport_pipeline_new                     (RapportStore  *store,
                                                           GError       **error);
RapportStore    *rapport_pipeline_get_store               (RapportPipeline *self);
gint64           rapport_pipeline_get_reference_time      (RapportPipeline *self);
void             rapport_pipeline_set_reference_time      (RapportPipeline *self,
                                                           gint64           reference_time);

/* Stages */
GListModel      *rapport_pipeline_get_stages              (RapportPipeline *self);
RapportStage    *rapport_pipeline_find_stage              (RapportPipeline *self,
                                                           gint64           stage_id);
gboolean         rapport_pipeline_refresh                 (RapportPipeline  *self,
                                                           GError          **error);
gint64           rapport_pipeline_add_stage               (RapportPipeline  *self,
                                                           const char       *name,
                                                           int               position,
                                                           GError          **error);
gboolean         rapport_pipeline_rename_stage            (RapportPipeline  *self,
                                                           gint64            stage_id,
                                                           const char       *name,
                                                           GError          **error);
gboolean         rapport_pipeline_move_stage              (RapportPipeline  *self,
                                                           gint64            stage_id,
                                                           guint             position,
                                                           GError          **error);
gboolean         rapport_pipeline_remove_stage            (RapportPipeline  *self,
                                                           gint64            stage_id,
                                                           gint64            target_stage_id,
                                                           GError          **error);

/* Members */
gboolean         rapport_pipeline_move_member             (RapportPipeline    *self,
                                                           gint64              member_id,
                                                           gint64              stage_id,
                                                           RapportMoveReason   reason,
                                                           gint64             *journal_id,
                                                           GError            **error);
gboolean         rapport_pipeline_undo_move               (RapportPipeline  *self,
                                                           gint64            journal_id,
                                                           GError          **error);
GListModel      *rapport_pipeline_list_history            (RapportPipeline  *self,
                                                           gint64            member_id,
                                                           GError          **error);

/* Suggestions */
GListModel      *rapport_pipeline_list_suggestions        (RapportPipeline  *self,
                                                           GError          **error);
void             rapport_pipeline_list_suggestions_async  (RapportPipeline     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel      *rapport_pipeline_list_suggestions_finish (RapportPipeline  *self,
                                                           GAsyncResult     *result,
                                                           GError          **error);
gboolean         rapport_pipeline_accept_suggestion       (RapportPipeline    *self,
                                                           RapportSuggestion  *suggestion,
                                                           gint64             *journal_id,
                                                           GError            **error);
gboolean         rapport_pipeline_dismiss_suggestion      (RapportPipeline    *self,
                                                           RapportSuggestion  *suggestion,
                                                           GError            **error);

/* Recognition */
gint64           rapport_pipeline_add_recognition         (RapportPipeline  *self,
                                                           gint64            member_id,
                                                           const char       *kind,
                                                           const char       *description,
                                                           gint64            given_at,
                                                           const char       *given_by,
                                                           GError          **error);
GListModel      *rapport_pipeline_list_recognitions       (RapportPipeline  *self,
                                                           gint64            member_id,
                                                           GError          **error);
gboolean         rapport_pipeline_remove_recognition      (RapportPipeline  *self,
                                                           gint64            recognition_id,
                                                           GError          **error);

G_END_DECLS
