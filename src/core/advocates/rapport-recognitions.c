/* rapport-recognitions.c
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

/* Recognition given to members (kudos, swag, a speaking slot, a
 * spotlight), and its impact: the member's activities in the 60 days from
 * when it was given against the 60 days before. RapportRecognition, the
 * object a list holds, is in rapport-recognition.c. */

#define SECONDS_PER_DAY  86400
#define IMPACT_DAYS      60

/**
 * rapport_pipeline_add_recognition:
 * @kind: "kudos", "swag", "speaking-slot", "spotlight" or another word
 * @description: (nullable): what it was ("Sticker pack", "Talk at FOSDEM")
 * @given_at: when, Unix time (UTC), or 0 for now
 * @given_by: (nullable): who gave it
 *
 * Returns: the recognition's id, or 0 with @error set
 */
gint64
rapport_pipeline_add_recognition (RapportPipeline  *self,
                                  gint64            member_id,
                                  const char       *kind,
                                  const char       *description,
                                  gint64            given_at,
                                  const char       *given_by,
                                  GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *clean_kind = g_strstrip (g_strdup (kind != NULL ? kind : ""));
  gint64 stage_id;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  if (clean_kind[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A recognition needs a kind: kudos, swag, speaking-slot or spotlight"));
      return 0;
    }

  if (!_rapport_pipeline_read_member_stage (self->store, member_id, &stage_id, NULL, error))
    return 0;

  stmt = _rapport_store_prepare (self->store,
                                 "INSERT INTO recognitions (member_id, kind, description, given_at, given_by) "
                                 "VALUES (?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, clean_kind);
  _rapport_bind_text (stmt, 3, description);
  sqlite3_bind_int64 (stmt, 4, given_at > 0 ? given_at : rapport_now_unix ());
  _rapport_bind_text (stmt, 5, given_by);
  if (!_rapport_pipeline_step_done (self->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));
  rapport_store_emit_changed (self->store, "recognitions", id, RAPPORT_CHANGE_INSERTED);
  return id;
}

/**
 * rapport_pipeline_list_recognitions:
 * @member_id: a member, or 0 for every member
 *
 * Each recognition with its impact: the member's activities in the 60 days
 * from when it was given against the 60 days before.
 *
 * Returns: (transfer full): a list of #RapportRecognition, the latest
 *   first, or %NULL with @error set
 */
GListModel *
rapport_pipeline_list_recognitions (RapportPipeline  *self,
                                    gint64            member_id,
                                    GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GListStore) recognitions = NULL;
  gint64 now;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  stmt = _rapport_store_prepare (self->store,
                                 "SELECT r.id, r.member_id, r.kind, r.description, r.given_at, r.given_by, "
                                 "(SELECT count(*) FROM activities a WHERE a.member_id = r.member_id "
                                 "   AND a.occurred_at >= r.given_at - ?2 AND a.occurred_at < r.given_at), "
                                 "(SELECT count(*) FROM activities a WHERE a.member_id = r.member_id "
                                 "   AND a.occurred_at >= r.given_at AND a.occurred_at < r.given_at + ?2) "
                                 "FROM recognitions r WHERE ?1 = 0 OR r.member_id = ?1 "
                                 "ORDER BY r.given_at DESC, r.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) IMPACT_DAYS * SECONDS_PER_DAY);

  now = _rapport_pipeline_now (self);
  recognitions = g_list_store_new (RAPPORT_TYPE_RECOGNITION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapportRecognition) recognition = NULL;
      gint64 given_at = sqlite3_column_int64 (stmt, 4);

      recognition = _rapport_recognition_new (sqlite3_column_int64 (stmt, 0),
                                              sqlite3_column_int64 (stmt, 1),
                                              _rapport_column_text (stmt, 2),
                                              _rapport_column_text (stmt, 3),
                                              given_at,
                                              _rapport_column_text (stmt, 5),
                                              sqlite3_column_int64 (stmt, 6),
                                              sqlite3_column_int64 (stmt, 7),
                                              now >= given_at + (gint64) IMPACT_DAYS * SECONDS_PER_DAY);
      g_list_store_append (recognitions, recognition);
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (self->store, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&recognitions));
}

gboolean
rapport_pipeline_remove_recognition (RapportPipeline  *self,
                                     gint64            recognition_id,
                                     GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  stmt = _rapport_store_prepare (self->store, "DELETE FROM recognitions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, recognition_id);
  if (!_rapport_pipeline_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_rapport_store_get_db (self->store)) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No recognition with id %lld"), (long long) recognition_id);
      return FALSE;
    }

  rapport_store_emit_changed (self->store, "recognitions", recognition_id, RAPPORT_CHANGE_DELETED);
  return TRUE;
}
