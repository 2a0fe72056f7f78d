/* rapport-pipeline-private.h
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

#include "rapport-pipeline.h"
#include "rapport-store-private.h"

G_BEGIN_DECLS

/* The stage new members join (the schema's default for members.stage_id). */
#define _RAPPORT_ENTRY_STAGE_ID 1

/* Shared by rapport-pipeline.c, rapport-stage-moves.c,
 * rapport-suggestions.c, rapport-cooling-off.c and rapport-recognitions.c. */
struct _RapportPipeline
{
  GObject       parent_instance;

  RapportStore *store;
  gint64        reference_time;
  GListStore   *stages;
  GMainContext *context;
  GSource      *refresh_source;
};

/* A row of pipeline_stages, in an array of them in pipeline order. */
typedef struct
{
  gint64  id;
  char   *name;
} RapportStageRow;

RapportStage       *_rapport_stage_new              (gint64                 id);
void                _rapport_stage_set_name         (RapportStage          *self,
                                                     const char            *name);
void                _rapport_stage_set_position     (RapportStage          *self,
                                                     guint                  position);
void                _rapport_stage_set_member_count (RapportStage          *self,
                                                     gint64                 member_count);
RapportStageChange *_rapport_stage_change_new       (gint64                 id,
                                                     gint64                 member_id,
                                                     gint64                 from_stage_id,
                                                     const char            *from_stage,
                                                     gint64                 to_stage_id,
                                                     const char            *to_stage,
                                                     gint64                 changed_at,
                                                     const char            *reason);
RapportSuggestion  *_rapport_suggestion_new         (RapportSuggestionKind  kind,
                                                     gint64                 member_id,
                                                     const char            *member_name,
                                                     gint64                 stage_id,
                                                     const char            *stage,
                                                     gint64                 target_stage_id,
                                                     const char            *target_stage,
                                                     int                    level,
                                                     double                 score,
                                                     gint64                 activity_count,
                                                     gint64                 last_active_at,
                                                     const char            *reason,
                                                     const char            *fingerprint);
RapportRecognition *_rapport_recognition_new        (gint64                 id,
                                                     gint64                 member_id,
                                                     const char            *kind,
                                                     const char            *description,
                                                     gint64                 given_at,
                                                     const char            *given_by,
                                                     gint64                 activities_before,
                                                     gint64                 activities_after,
                                                     gboolean               impact_complete);

gint64    _rapport_pipeline_now                 (RapportPipeline        *self);
gboolean  _rapport_pipeline_step_done           (RapportStore           *store,
                                                 RapportStatement       *stmt,
                                                 GError                **error);
gboolean  _rapport_pipeline_no_such_stage       (gint64                  stage_id,
                                                 GError                **error);
GArray   *_rapport_pipeline_read_stage_rows     (RapportStore           *store,
                                                 GError                **error);
int       _rapport_pipeline_stage_index         (GArray                 *rows,
                                                 gint64                  stage_id);
gboolean  _rapport_pipeline_read_member_stage   (RapportStore           *store,
                                                 gint64                  member_id,
                                                 gint64                 *stage_id,
                                                 char                  **name,
                                                 GError                **error);
gboolean  _rapport_pipeline_suggestion_decided  (GHashTable             *decisions,
                                                 gint64                  member_id,
                                                 RapportSuggestionKind   kind,
                                                 const char             *fingerprint);
gboolean  _rapport_pipeline_add_cooling_off     (RapportStore           *store,
                                                 gint64                  now,
                                                 GArray                 *stages,
                                                 GHashTable             *decisions,
                                                 GPtrArray              *out,
                                                 GError                **error);
gboolean  _rapport_pipeline_add_check_in        (RapportStore           *store,
                                                 RapportSuggestion      *suggestion,
                                                 GError                **error);

G_END_DECLS
