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
#include "rapport-journal-private.h"
#include "rapport-pipeline.h"
#include "rapport-store-private.h"

/* Moving members between the pipeline's stages: each move recorded in
 * stage_history with its reason and journaled for undo (refused once the
 * member has moved again), and a member's history read back. */

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
 * @journal_id: (out) (optional): the operation, for
 *   rapport_pipeline_undo_move() or rapport_store_undo(); 0 when the member
 *   already was there
 *
 * Moves a member to another stage and records the move in their history,
 * in one durable transaction journaled for undo.
 */
gboolean
rapport_pipeline_move_member (RapportPipeline    *self,
                              gint64              member_id,
                              gint64              stage_id,
                              RapportMoveReason   reason,
                              gint64             *journal_id,
                              GError            **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(RapportStatement) update = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  RapportStage *stage;
  gint64 from_stage;
  gint64 entry;
  gint64 operation;
  gint64 now = rapport_now_unix ();

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  if (journal_id != NULL)
    *journal_id = 0;

  tx = _rapport_transaction_begin (self->store, TRUE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_pipeline_read_member_stage (self->store, member_id, &from_stage, &name, error) ||
      !stage_exists (self->store, stage_id, error))
    return FALSE;

  /* Already there: nothing to record (the transaction rolls back). */
  if (from_stage == stage_id)
    return TRUE;

  stage = rapport_pipeline_find_stage (self, stage_id);
  /* TRANSLATORS: an operation in the undo list: "Move Ana Lima to Advocate" */
  label = g_strdup_printf (_("Move %s to %s"), name, stage != NULL ? rapport_stage_get_name (stage) : "");
  journal = _rapport_journal_new (self->store, "move-stage", label, "members", member_id);
  if (!_rapport_journal_save (journal, "members", "id = ?1", member_id, error))
    return FALSE;

  update = _rapport_store_prepare (self->store,
                                   "UPDATE members SET stage_id = ?, updated_at = ? WHERE id = ?",
                                   error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, stage_id);
  sqlite3_bind_int64 (update, 2, now);
  sqlite3_bind_int64 (update, 3, member_id);
  if (!_rapport_pipeline_step_done (self->store, update, error))
    return FALSE;

  insert = _rapport_store_prepare (self->store,
                                   "INSERT INTO stage_history (member_id, from_stage, to_stage, changed_at, reason) "
                                   "VALUES (?, ?, ?, ?, ?)",
                                   error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, member_id);
  sqlite3_bind_int64 (insert, 2, from_stage);
  sqlite3_bind_int64 (insert, 3, stage_id);
  sqlite3_bind_int64 (insert, 4, now);
  _rapport_bind_text (insert, 5, rapport_move_reason_to_string (reason));
  if (!_rapport_pipeline_step_done (self->store, insert, error))
    return FALSE;
  entry = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));

  if (!_rapport_journal_created (journal, "stage_history", "id = ?1", entry, error))
    return FALSE;
  operation = _rapport_journal_write (journal, error);
  if (operation == 0)
    return FALSE;

  rapport_store_emit_member_changed (self->store, member_id, RAPPORT_MEMBER_CHANGED_STAGE);
  rapport_store_emit_changed (self->store, "stage_history", entry, RAPPORT_CHANGE_INSERTED);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  /* The counts follow at once; a refresh confirms them later. */
  stage = rapport_pipeline_find_stage (self, from_stage);
  if (stage != NULL)
    _rapport_stage_set_member_count (stage, rapport_stage_get_member_count (stage) - 1);
  stage = rapport_pipeline_find_stage (self, stage_id);
  if (stage != NULL)
    _rapport_stage_set_member_count (stage, rapport_stage_get_member_count (stage) + 1);

  if (journal_id != NULL)
    *journal_id = operation;
  return TRUE;

}

/**
 * rapport_pipeline_undo_move:
 * @journal_id: what rapport_pipeline_move_member() gave
 *
 * Undoes a move through the journal: the member is back in the stage they
 * came from and the move is gone from their history, as if it had not
 * happened (a move dragged by mistake counts nowhere). Refused when the
 * member has moved again since. The stage counts follow at once.
 */
gboolean
rapport_pipeline_undo_move (RapportPipeline  *self,
                            gint64            journal_id,
                            GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  if (!rapport_store_undo (self->store, journal_id, error))
    return FALSE;

  return rapport_pipeline_refresh (self, error);
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
