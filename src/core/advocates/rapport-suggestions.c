/* rapport-suggestions.c
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
#include "rapport-scoring-private.h"
#include "rapport-store-private.h"

/* Suggestions for the advocate pipeline: who is ready for a later stage
 * (promotions, here) and who is cooling off (rapport-cooling-off.c), and
 * what accepting or dismissing one does. A decision is kept with the facts
 * it was made on, so a suggestion comes back only when they change.
 *
 * Which stage a level fits, by position in the pipeline (0 is the first
 * stage; with fewer stages the last one stands in):
 *   level 1 (top 10% by score)                    → position 4 (Champion)
 *   level 2 (next 25%)                            → position 3 (Advocate)
 *   level 3 with at least contributor-activities
 *     activities (scoring_settings, 5)            → position 2 (Contributor)
 *   any activity                                  → position 1 (Participant)
 * A member standing before the stage their level fits gets a promotion
 * suggestion for it. */

static char *
decision_key (gint64                member_id,
              RapportSuggestionKind kind)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d", member_id, kind);
}

static const char *
suggestion_kind_to_string (RapportSuggestionKind kind)
{
  return kind == RAPPORT_SUGGESTION_COOLING ? "cooling" : "promotion";
}

/* member:kind → the fingerprint of the facts last decided on */
static GHashTable *
read_decisions (RapportStore  *store,
                GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GHashTable) decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT member_id, kind, fingerprint FROM suggestion_decisions", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = _rapport_column_text (stmt, 1);
      RapportSuggestionKind k = g_strcmp0 (kind, "cooling") == 0 ? RAPPORT_SUGGESTION_COOLING
                                                                 : RAPPORT_SUGGESTION_PROMOTION;

      g_hash_table_insert (decisions,
                           decision_key (sqlite3_column_int64 (stmt, 0), k),
                           g_strdup (_rapport_column_text (stmt, 2)));
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&decisions);
}

/* Whether a person already accepted or dismissed the suggestion of @kind
 * for the member on the same facts (@fingerprint). */
gboolean
_rapport_pipeline_suggestion_decided (GHashTable            *decisions,
                                      gint64                 member_id,
                                      RapportSuggestionKind  kind,
                                      const char            *fingerprint)
{
  g_autofree char *key = decision_key (member_id, kind);

  return g_strcmp0 (g_hash_table_lookup (decisions, key), fingerprint) == 0;
}

/* The position of the stage a member's level fits (see the top of the file). */
static guint
fitting_position (int    level,
                  gint64 activity_count,
                  gint64 contributor_activities)
{
  if (activity_count <= 0)
    return 0;
  if (level == 1)
    return 4;
  if (level == 2)
    return 3;
  if (level == 3 && activity_count >= contributor_activities)
    return 2;
  return 1;
}

static char *
promotion_reason (int         level,
                  double      score,
                  gint64      activity_count,
                  gint64      contributor_activities,
                  double      level1_percent,
                  double      level2_percent,
                  const char *target)
{
  switch (fitting_position (level, activity_count, contributor_activities))
    {
    case 4:
      /* Translators: the reason for a promotion; the first %g is a share like 10 */
      return g_strdup_printf (_("Top %g%% by engagement (score %.1f) — ready for %s"),
                              level1_percent, score, target);

    case 3:
      return g_strdup_printf (_("Top %g%% by engagement (score %.1f) — ready for %s"),
                              level1_percent + level2_percent, score, target);

    case 2:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%lld activity (score %.1f) — ready for %s",
                                           "%lld activities (score %.1f) — ready for %s",
                                           activity_count),
                              (long long) activity_count, score, target);

    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Active: %lld activity so far — ready for %s",
                                           "Active: %lld activities so far — ready for %s",
                                           activity_count),
                              (long long) activity_count, target);
    }
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  RapportSuggestion *sa = (RapportSuggestion *) a;
  RapportSuggestion *sb = (RapportSuggestion *) b;
  GHashTable *positions = user_data;
  RapportSuggestionKind ka = rapport_suggestion_get_kind (sa);
  RapportSuggestionKind kb = rapport_suggestion_get_kind (sb);
  double da;
  double db;

  if (ka != kb)
    return ka == RAPPORT_SUGGESTION_PROMOTION ? -1 : 1;

  if (ka == RAPPORT_SUGGESTION_PROMOTION)
    {
      gint64 ta = rapport_suggestion_get_target_stage_id (sa);
      gint64 tb = rapport_suggestion_get_target_stage_id (sb);
      int pa = GPOINTER_TO_INT (g_hash_table_lookup (positions, &ta));
      int pb = GPOINTER_TO_INT (g_hash_table_lookup (positions, &tb));

      if (pa != pb)
        return pb - pa;
    }

  da = rapport_suggestion_get_score (sa);
  db = rapport_suggestion_get_score (sb);
  if (da != db)
    return da > db ? -1 : 1;

  return (rapport_suggestion_get_member_id (sa) > rapport_suggestion_get_member_id (sb)) -
         (rapport_suggestion_get_member_id (sa) < rapport_suggestion_get_member_id (sb));
}

static gboolean
add_promotions (RapportStore  *store,
                GArray        *stages,
                GHashTable    *decisions,
                GPtrArray     *out,
                GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  double level1_percent = 10;
  double level2_percent = 25;
  double contributor = 5;
  int rc;

  _rapport_scoring_read_setting (store, "level1-percent", &level1_percent, NULL);
  _rapport_scoring_read_setting (store, "level2-percent", &level2_percent, NULL);
  _rapport_scoring_read_setting (store, "contributor-activities", &contributor, NULL);

  if (stages->len < 2)
    return TRUE;

  stmt = _rapport_store_prepare (store,
                                 "SELECT id, name, stage_id, level, score, activity_count, last_active_at "
                                 "FROM members WHERE activity_count > 0",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member_id = sqlite3_column_int64 (stmt, 0);
      gint64 stage_id = sqlite3_column_int64 (stmt, 2);
      int level = sqlite3_column_int (stmt, 3);
      double score = sqlite3_column_double (stmt, 4);
      gint64 activity_count = sqlite3_column_int64 (stmt, 5);
      int index = _rapport_pipeline_stage_index (stages, stage_id);
      guint target = MIN (fitting_position (level, activity_count, (gint64) contributor),
                          stages->len - 1);
      const RapportStageRow *target_row;
      g_autofree char *fingerprint = NULL;
      g_autofree char *reason = NULL;

      if (index < 0 || (guint) index >= target)
        continue;

      target_row = &g_array_index (stages, RapportStageRow, target);
      fingerprint = g_strdup_printf ("promotion:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                                     stage_id, target_row->id, level);
      if (_rapport_pipeline_suggestion_decided (decisions, member_id, RAPPORT_SUGGESTION_PROMOTION, fingerprint))
        continue;

      reason = promotion_reason (level, score, activity_count, (gint64) contributor,
                                 level1_percent, level2_percent, target_row->name);
      g_ptr_array_add (out, _rapport_suggestion_new (RAPPORT_SUGGESTION_PROMOTION,
                                                     member_id,
                                                     _rapport_column_text (stmt, 1),
                                                     stage_id,
                                                     g_array_index (stages, RapportStageRow, index).name,
                                                     target_row->id,
                                                     target_row->name,
                                                     level,
                                                     score,
                                                     activity_count,
                                                     sqlite3_column_int64 (stmt, 6),
                                                     reason,
                                                     fingerprint));
    }

  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/* Suggestions as of @now, from @store's connection (any thread's). */
static GListModel *
compute_suggestions (RapportStore  *store,
                     gint64         now,
                     GError       **error)
{
  g_autoptr(GHashTable) decisions = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) suggestions = NULL;
  g_autoptr(GArray) stages = NULL;
  gboolean ok;

  /* One read transaction, so every part sees the same facts. */
  if (!_rapport_store_exec (store, "SAVEPOINT rapport_suggestions", error))
    return NULL;

  stages = _rapport_pipeline_read_stage_rows (store, error);
  decisions = stages != NULL ? read_decisions (store, error) : NULL;
  ok = decisions != NULL &&
       add_promotions (store, stages, decisions, found, error) &&
       _rapport_pipeline_add_cooling_off (store, now, stages, decisions, found, error);

  _rapport_store_exec (store, "RELEASE rapport_suggestions", NULL);
  if (!ok)
    return NULL;

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < stages->len; i++)
    g_hash_table_insert (positions, &g_array_index (stages, RapportStageRow, i).id, GINT_TO_POINTER (i));
  suggestions = g_list_store_new (RAPPORT_TYPE_SUGGESTION);
  g_list_store_splice (suggestions, 0, 0, found->pdata, found->len);
  g_list_store_sort (suggestions, compare_suggestions, positions);

  return G_LIST_MODEL (g_steal_pointer (&suggestions));
}

/**
 * rapport_pipeline_list_suggestions:
 *
 * Members ready for a later stage (promotions, the furthest target first,
 * then by score), then members cooling off. Suggestions accepted or
 * dismissed are left out until the facts behind them change.
 *
 * Returns: (transfer full): a list of #RapportSuggestion, or %NULL with
 *   @error set
 */
GListModel *
rapport_pipeline_list_suggestions (RapportPipeline  *self,
                                   GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return compute_suggestions (self->store, _rapport_pipeline_now (self), error);
}

typedef struct
{
  gint64  now;
} SuggestionsData;

static gpointer
suggestions_worker (RapportStore  *worker,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SuggestionsData *suggestions = data;

  return compute_suggestions (worker, suggestions->now, error);
}

/**
 * rapport_pipeline_list_suggestions_async:
 *
 * Like rapport_pipeline_list_suggestions(), in a worker thread on its own
 * connection: with a hundred thousand members it takes a few hundred
 * milliseconds.
 */
void
rapport_pipeline_list_suggestions_async (RapportPipeline     *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SuggestionsData *data;

  g_return_if_fail (RAPPORT_IS_PIPELINE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_pipeline_list_suggestions_async);

  data = g_new0 (SuggestionsData, 1);
  data->now = _rapport_pipeline_now (self);
  _rapport_store_run_worker (self->store, task, suggestions_worker, data, g_free, NULL, g_object_unref);
}

/**
 * rapport_pipeline_list_suggestions_finish:
 *
 * Returns: (transfer full): a list of #RapportSuggestion, or %NULL with
 *   @error set
 */
GListModel *
rapport_pipeline_list_suggestions_finish (RapportPipeline  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
record_decision (RapportStore       *store,
                 RapportSuggestion  *suggestion,
                 const char         *decision,
                 GError            **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT OR REPLACE INTO suggestion_decisions "
                                 "(member_id, kind, fingerprint, decision, decided_at) "
                                 "VALUES (?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rapport_suggestion_get_member_id (suggestion));
  _rapport_bind_text (stmt, 2, suggestion_kind_to_string (rapport_suggestion_get_kind (suggestion)));
  _rapport_bind_text (stmt, 3, rapport_suggestion_get_fingerprint (suggestion));
  _rapport_bind_text (stmt, 4, decision);
  sqlite3_bind_int64 (stmt, 5, rapport_now_unix ());
  if (!_rapport_pipeline_step_done (store, stmt, error))
    return FALSE;

  rapport_store_emit_changed (store, "suggestion_decisions",
                              rapport_suggestion_get_member_id (suggestion), RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

/**
 * rapport_pipeline_accept_suggestion:
 * @journal_id: (out) (optional): for a promotion, the journal's operation
 *   of the move (for rapport_pipeline_undo_move()); 0 otherwise
 *
 * A promotion moves the member to the suggested stage (reason
 * "suggestion"). Cooling off adds a follow-up task to check in with the
 * member, due in a week.
 */
gboolean
rapport_pipeline_accept_suggestion (RapportPipeline    *self,
                                    RapportSuggestion  *suggestion,
                                    gint64             *journal_id,
                                    GError            **error)
{
  g_autoptr(RapportTransaction) tx = NULL;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (suggestion), FALSE);

  if (journal_id != NULL)
    *journal_id = 0;

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (rapport_suggestion_get_kind (suggestion) == RAPPORT_SUGGESTION_PROMOTION)
    {
      if (!rapport_pipeline_move_member (self,
                                         rapport_suggestion_get_member_id (suggestion),
                                         rapport_suggestion_get_target_stage_id (suggestion),
                                         RAPPORT_MOVE_SUGGESTION,
                                         journal_id,
                                         error))
        return FALSE;
    }
  else
    {
      if (!_rapport_pipeline_add_check_in (self->store, suggestion, error))
        return FALSE;
    }

  if (!record_decision (self->store, suggestion, "accepted", error))
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}

/**
 * rapport_pipeline_dismiss_suggestion:
 *
 * Hides the suggestion until the facts behind it change (the member's
 * stage or level for a promotion, their last activity for cooling off).
 */
gboolean
rapport_pipeline_dismiss_suggestion (RapportPipeline    *self,
                                     RapportSuggestion  *suggestion,
                                     GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (suggestion), FALSE);

  return record_decision (self->store, suggestion, "dismissed", error);
}
