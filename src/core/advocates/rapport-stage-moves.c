/* rapport-stage-moves.c
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

#define G_LOG_DOMAIN "rapport-pipeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-clock.h"
#include "rapport-pipeline-private.h"
#include "rapport-pipeline.h"
#include "rapport-store-private.h"

/* Moving members between the pipeline's stages: each move recorded in
 * stage_history with its reason, a move undone by moving back (refused
 * once the member has moved again), and a member's history read back. */

/**
 * rapport_move_reason_to_string:
 *
 * Returns: how stage_history records @reason: "manual", "suggestion",
 *   "import", "undo" or "stage-removed"
 */
const char *
rapport_move_reason_to_string (RapportMoveReason reason)
{
  switch (reason)
    {
    case RAPPORT_MOVE_SUGGESTION:
      return "suggestion";

    case RAPPORT_MOVE_IMPORT:
      return "import";

    case RAPPORT_MOVE_UNDO:
      return "undo";

    case RAPPORT_MOVE_STAGE_REMOVED:
      return "stage-removed";

    case RAPPORT_MOVE_MANUAL:
    default:
      return "manual";
    }
}

/**
 * rapport_move_reason_get_label:
 * @reason: a reason as stage_history records it
 *
 * Returns: (transfer none): the reason as a person reads it
 */
const char *
rapport_move_reason_get_label (const char *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);

  if (g_str_equal (reason, "manual"))
    return C_("stage change", "Moved by hand");
  if (g_str_equal (reason, "suggestion"))
    return C_("stage change", "Suggestion accepted");
  if (g_str_equal (reason, "import"))
    return C_("stage change", "Imported");
  if (g_str_equal (reason, "undo"))
    return C_("stage change", "Move undone");
  if (g_str_equal (reason, "stage-removed"))
    return C_("stage change", "Stage removed");

  return reason;
}

/* The member's stage (and name), or FALSE with @error set when there is no
 * such member. */
gboolean
_rapport_pipeline_read_member_stage (RapportStore  *store,
                                     gint64         member_id,
                                     gint64        *stage_id,
                                     char         **name,
                                     GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT stage_id, name FROM members WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *stage_id = sqlite3_column_int64 (stmt, 0);
      if (name != NULL)
        *name = g_strdup (_rapport_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
               _("No member with id %lld"), (long long) member_id);
  return FALSE;
}

static gboolean
stage_exists (RapportStore  *store,
              gint64         stage_id,
              GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT 1 FROM pipeline_stages WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return _rapport_pipeline_no_such_stage (stage_id, error);
}

/**
 * rapport_pipeline_move_member:
 * @stage_id: the stage the member moves to
 * @reason: why
 * @history_id: (out) (optional): the stage_history row of the move, for
 *   rapport_pipeline_undo_move(); 0 when the member already was there
 *
 * Moves a member to another stage and records the move in their history.
 */
gboolean
rapport_pipeline_move_member (RapportPipeline    *self,
                              gint64              member_id,
                              gint64              stage_id,
                              RapportMoveReason   reason,
                              gint64             *history_id,
                              GError            **error)
{
  g_autoptr(RapportStatement) update = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  RapportStage *stage;
  gint64 from_stage;
  gint64 entry;
  gint64 now = rapport_now_unix ();

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  if (history_id != NULL)
    *history_id = 0;

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  if (!_rapport_pipeline_read_member_stage (self->store, member_id, &from_stage, NULL, error) ||
      !stage_exists (self->store, stage_id, error))
    goto failed;

  if (from_stage == stage_id)
    {
      rapport_store_rollback (self->store);
      return TRUE;
    }

  update = _rapport_store_prepare (self->store,
                                   "UPDATE members SET stage_id = ?, updated_at = ? WHERE id = ?",
                                   error);
  if (update == NULL)
    goto failed;
  sqlite3_bind_int64 (update, 1, stage_id);
  sqlite3_bind_int64 (update, 2, now);
  sqlite3_bind_int64 (update, 3, member_id);
  if (!_rapport_pipeline_step_done (self->store, update, error))
    goto failed;

  insert = _rapport_store_prepare (self->store,
                                   "INSERT INTO stage_history (member_id, from_stage, to_stage, changed_at, reason) "
                                   "VALUES (?, ?, ?, ?, ?)",
                                   error);
  if (insert == NULL)
    goto failed;
  sqlite3_bind_int64 (insert, 1, member_id);
  sqlite3_bind_int64 (insert, 2, from_stage);
  sqlite3_bind_int64 (insert, 3, stage_id);
  sqlite3_bind_int64 (insert, 4, now);
  _rapport_bind_text (insert, 5, rapport_move_reason_to_string (reason));
  if (!_rapport_pipeline_step_done (self->store, insert, error))
    goto failed;
  entry = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));

  rapport_store_emit_changed (self->store, "members", member_id, RAPPORT_CHANGE_UPDATED);
  rapport_store_emit_changed (self->store, "stage_history", entry, RAPPORT_CHANGE_INSERTED);
  if (!rapport_store_commit (self->store, error))
    return FALSE;

  /* The counts follow at once; a refresh confirms them later. */
  stage = rapport_pipeline_find_stage (self, from_stage);
  if (stage != NULL)
    _rapport_stage_set_member_count (stage, rapport_stage_get_member_count (stage) - 1);
  stage = rapport_pipeline_find_stage (self, stage_id);
  if (stage != NULL)
    _rapport_stage_set_member_count (stage, rapport_stage_get_member_count (stage) + 1);

  if (history_id != NULL)
    *history_id = entry;
  return TRUE;

failed:
  rapport_store_rollback (self->store);
  return FALSE;
}

/**
 * rapport_pipeline_undo_move:
 * @history_id: what rapport_pipeline_move_member() gave
 * @undo_history_id: (out) (optional): the stage_history row of the move back
 *
 * Moves the member back where the move took them from, recorded with the
 * reason "undo". Refused when the member has moved again since.
 */
gboolean
rapport_pipeline_undo_move (RapportPipeline  *self,
                            gint64            history_id,
                            gint64           *undo_history_id,
                            GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 member_id;
  gint64 from_stage;
  gint64 to_stage;
  gint64 current;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  stmt = _rapport_store_prepare (self->store,
                                 "SELECT member_id, from_stage, to_stage FROM stage_history WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, history_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return _rapport_store_set_error (self->store, error);
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to undo"));
      return FALSE;
    }
  member_id = sqlite3_column_int64 (stmt, 0);
  from_stage = sqlite3_column_int64 (stmt, 1);
  to_stage = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, _rapport_statement_release);

  if (!_rapport_pipeline_read_member_stage (self->store, member_id, &current, &name, error))
    return FALSE;

  if (from_stage == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The stage %s came from has been removed; nothing was undone"), name);
      return FALSE;
    }

  if (current != to_stage)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("%s has moved to another stage since; nothing was undone"), name);
      return FALSE;
    }

  return rapport_pipeline_move_member (self, member_id, from_stage, RAPPORT_MOVE_UNDO,
                                       undo_history_id, error);
}

/**
 * rapport_pipeline_list_history:
 *
 * Returns: (transfer full): the member's #RapportStageChange list, the
 *   latest first, or %NULL with @error set
 */
GListModel *
rapport_pipeline_list_history (RapportPipeline  *self,
                               gint64            member_id,
                               GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GListStore) changes = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  stmt = _rapport_store_prepare (self->store,
                                 "SELECT h.id, h.from_stage, f.name, h.to_stage, t.name, h.changed_at, h.reason "
                                 "FROM stage_history h "
                                 "LEFT JOIN pipeline_stages f ON f.id = h.from_stage "
                                 "LEFT JOIN pipeline_stages t ON t.id = h.to_stage "
                                 "WHERE h.member_id = ? ORDER BY h.changed_at DESC, h.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);

  changes = g_list_store_new (RAPPORT_TYPE_STAGE_CHANGE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapportStageChange) change = NULL;

      change = _rapport_stage_change_new (sqlite3_column_int64 (stmt, 0),
                                          member_id,
                                          sqlite3_column_int64 (stmt, 1),
                                          _rapport_column_text (stmt, 2),
                                          sqlite3_column_int64 (stmt, 3),
                                          _rapport_column_text (stmt, 4),
                                          sqlite3_column_int64 (stmt, 5),
                                          _rapport_column_text (stmt, 6));
      g_list_store_append (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (self->store, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}
