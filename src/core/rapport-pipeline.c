/* rapport-pipeline.c
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
#include <math.h>
#include <stdlib.h>

#include "rapport-clock.h"
#include "rapport-pipeline-private.h"
#include "rapport-pipeline.h"
#include "rapport-scoring-private.h"
#include "rapport-store-private.h"

/* The advocate pipeline: stages as data, moves between them with their
 * history, suggestions of who is ready for a later stage or cooling off,
 * and recognition given to members.
 *
 * Which stage a level fits, by position in the pipeline (0 is the first
 * stage; with fewer stages the last one stands in):
 *   level 1 (top 10% by score)                    → position 4 (Champion)
 *   level 2 (next 25%)                            → position 3 (Advocate)
 *   level 3 with at least contributor-activities
 *     activities (scoring_settings, 5)            → position 2 (Contributor)
 *   any activity                                  → position 1 (Participant)
 * A member standing before the stage their level fits gets a promotion
 * suggestion for it.
 *
 * Cooling off: among the top 25% of members by activity count in the 90
 * days before the last 30, and without activity in the last 30.
 *
 * The stage of id 1 is the one new members join (members.stage_id defaults
 * to it), so it can be renamed and moved but not removed. */

#define SECONDS_PER_DAY      86400
#define COOLING_RECENT_DAYS  30
#define COOLING_PRIOR_DAYS   90
#define COOLING_TOP_PERCENT  25.0
#define IMPACT_DAYS          60
#define CHECK_IN_DUE_DAYS    7
/* Above this many moved members one reload notice replaces a notice each. */
#define MAX_ROW_NOTICES      1000

struct _RapportPipeline
{
  GObject       parent_instance;

  RapportStore *store;
  gulong        changed_id;
  gint64        reference_time;
  GListStore   *stages;
  GMainContext *context;
  GSource      *refresh_source;
};

G_DEFINE_FINAL_TYPE (RapportPipeline, rapport_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REFERENCE_TIME,
  PROP_STAGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

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

static gint64
now_of (RapportPipeline *self)
{
  if (self->reference_time != 0)
    return self->reference_time;

  return rapport_now_unix ();
}

static gint64
clock_now (void)
{
  return rapport_now_unix ();
}

static gboolean
step_done (RapportStore      *store,
           RapportStatement  *stmt,
           GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/* Stages */

typedef struct
{
  gint64  id;
  char   *name;
} StageRow;

static void
stage_row_clear (gpointer data)
{
  StageRow *row = data;

  g_clear_pointer (&row->name, g_free);
}

/* The stages in pipeline order, straight from the table. */
static GArray *
read_stage_rows (RapportStore  *store,
                 GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT id, name FROM pipeline_stages ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, FALSE, sizeof (StageRow));
  g_array_set_clear_func (rows, stage_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StageRow row = { sqlite3_column_int64 (stmt, 0), g_strdup (_rapport_column_text (stmt, 1)) };

      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static int
stage_index (GArray *rows,
             gint64  stage_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_array_index (rows, StageRow, i).id == stage_id)
        return i;
    }

  return -1;
}

static gboolean
renumber_stages (RapportStore  *store,
                 GArray        *order,
                 GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "UPDATE pipeline_stages SET position = ?1 WHERE id = ?2 AND position IS NOT ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);

      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!step_done (store, stmt, error))
        return FALSE;
      if (sqlite3_changes (_rapport_store_get_db (store)) > 0)
        rapport_store_emit_changed (store, "pipeline_stages", id, RAPPORT_CHANGE_UPDATED);
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static GArray *
stage_order (GArray *rows)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);

  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (order, g_array_index (rows, StageRow, i).id);

  return order;
}

static RapportStage *
find_stage_object (RapportPipeline *self,
                   gint64           stage_id,
                   guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);

      if (rapport_stage_get_id (stage) == stage_id)
        {
          if (position != NULL)
            *position = i;
          return stage;
        }
    }

  return NULL;
}

/**
 * rapport_pipeline_refresh:
 *
 * Reads the stages and their member counts again. The objects in
 * rapport_pipeline_get_stages() are updated in place; the list changes only
 * when stages were added, removed or reordered.
 */
gboolean
rapport_pipeline_refresh (RapportPipeline  *self,
                          GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old;
  gboolean same;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  stmt = _rapport_store_prepare (self->store,
                                 "SELECT s.id, s.name, "
                                 "(SELECT count(*) FROM members m WHERE m.stage_id = s.id) "
                                 "FROM pipeline_stages s ORDER BY s.position, s.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RapportStage *stage = find_stage_object (self, id, NULL);

      stage = stage != NULL ? g_object_ref (stage) : _rapport_stage_new (id);
      _rapport_stage_set_name (stage, _rapport_column_text (stmt, 1));
      _rapport_stage_set_position (stage, fresh->len);
      _rapport_stage_set_member_count (stage, sqlite3_column_int64 (stmt, 2));
      g_ptr_array_add (fresh, stage);
    }

  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (self->store, error);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  same = n_old == fresh->len;
  for (guint i = 0; same && i < n_old; i++)
    {
      g_autoptr(RapportStage) old = g_list_model_get_item (G_LIST_MODEL (self->stages), i);

      same = old == g_ptr_array_index (fresh, i);
    }

  if (!same)
    g_list_store_splice (self->stages, 0, n_old, fresh->pdata, fresh->len);

  return TRUE;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RapportPipeline *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->refresh_source, g_source_unref);
  if (!rapport_pipeline_refresh (self, &error))
    g_warning ("Could not count the members of each stage: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* Changes made elsewhere (an import, a member edited on their page, a move
 * on another connection) reach the counts once the main loop is idle. */
static void
schedule_refresh (RapportPipeline *self)
{
  if (self->refresh_source != NULL)
    return;

  self->refresh_source = g_idle_source_new ();
  g_source_set_priority (self->refresh_source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (self->refresh_source, refresh_idle_cb, self, NULL);
  g_source_set_static_name (self->refresh_source, "[rapport] pipeline refresh");
  g_source_attach (self->refresh_source, self->context);
}

static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportPipeline   *self)
{
  if (g_str_equal (table, "members") || g_str_equal (table, "pipeline_stages"))
    schedule_refresh (self);
}

/* GObject */

static void
rapport_pipeline_dispose (GObject *object)
{
  RapportPipeline *self = (RapportPipeline *)object;

  if (self->refresh_source != NULL)
    {
      g_source_destroy (self->refresh_source);
      g_clear_pointer (&self->refresh_source, g_source_unref);
    }
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->stages);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (rapport_pipeline_parent_class)->dispose (object);
}

static void
rapport_pipeline_constructed (GObject *object)
{
  RapportPipeline *self = (RapportPipeline *)object;

  G_OBJECT_CLASS (rapport_pipeline_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (on_store_changed_cb), self);
}

static void
rapport_pipeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportPipeline *self = RAPPORT_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REFERENCE_TIME:
      g_value_set_int64 (value, self->reference_time);
      break;

    case PROP_STAGES:
      g_value_set_object (value, self->stages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_pipeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportPipeline *self = RAPPORT_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_REFERENCE_TIME:
      rapport_pipeline_set_reference_time (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_pipeline_class_init (RapportPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_pipeline_dispose;
  object_class->constructed = rapport_pipeline_constructed;
  object_class->get_property = rapport_pipeline_get_property;
  object_class->set_property = rapport_pipeline_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The moment suggestions and impacts are computed for, Unix time (UTC);
   * 0 means the clock. */
  properties [PROP_REFERENCE_TIME] =
    g_param_spec_int64 ("reference-time", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The RapportStages in pipeline order. */
  properties [PROP_STAGES] =
    g_param_spec_object ("stages", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_pipeline_init (RapportPipeline *self)
{
  self->stages = g_list_store_new (RAPPORT_TYPE_STAGE);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * rapport_pipeline_new:
 * @store: the database
 *
 * The pipeline of @store, with its stages read. Member counts follow
 * changes announced by @store once the caller's main context is idle, and
 * at once for changes made through the pipeline.
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
RapportPipeline *
rapport_pipeline_new (RapportStore  *store,
                      GError       **error)
{
  g_autoptr(RapportPipeline) self = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_PIPELINE, "store", store, NULL);
  if (!rapport_pipeline_refresh (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rapport_pipeline_get_store:
 *
 * Returns: (transfer none): the store
 */
RapportStore *
rapport_pipeline_get_store (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return self->store;
}

gint64
rapport_pipeline_get_reference_time (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  return self->reference_time;
}

/**
 * rapport_pipeline_set_reference_time:
 * @reference_time: Unix time (UTC) to compute suggestions and impacts for,
 *   or 0 for the clock
 */
void
rapport_pipeline_set_reference_time (RapportPipeline *self,
                                     gint64           reference_time)
{
  g_return_if_fail (RAPPORT_IS_PIPELINE (self));
  g_return_if_fail (reference_time >= 0);

  if (self->reference_time == reference_time)
    return;

  self->reference_time = reference_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFERENCE_TIME]);
}

/**
 * rapport_pipeline_get_stages:
 *
 * Returns: (transfer none): the #RapportStage list, in pipeline order
 */
GListModel *
rapport_pipeline_get_stages (RapportPipeline *self)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return G_LIST_MODEL (self->stages);
}

/**
 * rapport_pipeline_find_stage:
 *
 * Returns: (transfer none) (nullable): the stage of id @stage_id
 */
RapportStage *
rapport_pipeline_find_stage (RapportPipeline *self,
                             gint64           stage_id)
{
  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), NULL);

  return find_stage_object (self, stage_id, NULL);
}

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A stage needs a name"));
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/* Stage names are compared without case: "advocate" and "Advocate" would
 * be two columns nobody can tell apart. */
static gboolean
check_name_free (RapportStore  *store,
                 const char    *name,
                 gint64         except_id,
                 GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store,
                                 "SELECT name FROM pipeline_stages WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _rapport_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("There is already a stage named “%s”"), _rapport_column_text (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

static gboolean
no_such_stage (gint64   stage_id,
               GError **error)
{
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
               _("No stage with id %lld"), (long long) stage_id);
  return FALSE;
}

/**
 * rapport_pipeline_add_stage:
 * @name: the new stage's name, unique without regard to case
 * @position: where it goes (0 first), or -1 for the end
 *
 * Returns: the new stage's id, or 0 with @error set
 */
gint64
rapport_pipeline_add_stage (RapportPipeline  *self,
                            const char       *name,
                            int               position,
                            GError          **error)
{
  g_autoptr(RapportStatement) insert = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  clean = clean_name (name, error);
  if (clean == NULL || !rapport_store_begin (self->store, error))
    return 0;

  if (!check_name_free (self->store, clean, 0, error))
    goto failed;

  rows = read_stage_rows (self->store, error);
  if (rows == NULL)
    goto failed;

  insert = _rapport_store_prepare (self->store,
                                   "INSERT INTO pipeline_stages (name, position) VALUES (?, ?)",
                                   error);
  if (insert == NULL)
    goto failed;
  _rapport_bind_text (insert, 1, clean);
  sqlite3_bind_int (insert, 2, rows->len);
  if (!step_done (self->store, insert, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));

  order = stage_order (rows);
  if (position < 0 || (guint) position > order->len)
    position = order->len;
  g_array_insert_val (order, position, id);
  if (!renumber_stages (self->store, order, error))
    goto failed;

  rapport_store_emit_changed (self->store, "pipeline_stages", id, RAPPORT_CHANGE_INSERTED);
  if (!rapport_store_commit (self->store, error) || !rapport_pipeline_refresh (self, error))
    return 0;

  return id;

failed:
  rapport_store_rollback (self->store);
  return 0;
}

/**
 * rapport_pipeline_rename_stage:
 * @name: the new name, unique without regard to case
 */
gboolean
rapport_pipeline_rename_stage (RapportPipeline  *self,
                               gint64            stage_id,
                               const char       *name,
                               GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  RapportStage *stage;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  clean = clean_name (name, error);
  if (clean == NULL || !rapport_store_begin (self->store, error))
    return FALSE;

  if (!check_name_free (self->store, clean, stage_id, error))
    goto failed;

  stmt = _rapport_store_prepare (self->store, "UPDATE pipeline_stages SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  _rapport_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  if (!step_done (self->store, stmt, error))
    goto failed;
  if (sqlite3_changes (_rapport_store_get_db (self->store)) == 0)
    {
      no_such_stage (stage_id, error);
      goto failed;
    }

  rapport_store_emit_changed (self->store, "pipeline_stages", stage_id, RAPPORT_CHANGE_UPDATED);
  if (!rapport_store_commit (self->store, error))
    return FALSE;

  stage = find_stage_object (self, stage_id, NULL);
  if (stage != NULL)
    _rapport_stage_set_name (stage, clean);
  return TRUE;

failed:
  rapport_store_rollback (self->store);
  return FALSE;
}

/**
 * rapport_pipeline_move_stage:
 * @position: where the stage goes, 0 for first; past the end means last
 *
 * Reorders the pipeline.
 */
gboolean
rapport_pipeline_move_stage (RapportPipeline  *self,
                             gint64            stage_id,
                             guint             position,
                             GError          **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  int index;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  rows = read_stage_rows (self->store, error);
  if (rows == NULL)
    goto failed;

  index = stage_index (rows, stage_id);
  if (index < 0)
    {
      no_such_stage (stage_id, error);
      goto failed;
    }

  order = stage_order (rows);
  g_array_remove_index (order, index);
  position = MIN (position, order->len);
  g_array_insert_val (order, position, stage_id);
  if (!renumber_stages (self->store, order, error))
    goto failed;

  if (!rapport_store_commit (self->store, error))
    return FALSE;

  return rapport_pipeline_refresh (self, error);

failed:
  rapport_store_rollback (self->store);
  return FALSE;
}

static gint64
count_stage_members (RapportStore  *store,
                     gint64         stage_id,
                     GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store, "SELECT count(*) FROM members WHERE stage_id = ?", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rapport_store_set_error (store, error) ? 0 : -1;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
announce_stage_members (RapportStore  *store,
                        gint64         stage_id,
                        GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT id FROM members WHERE stage_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_store_emit_changed (store, "members", sqlite3_column_int64 (stmt, 0), RAPPORT_CHANGE_UPDATED);

  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/**
 * rapport_pipeline_remove_stage:
 * @target_stage_id: where the stage's members go; may be 0 when it has none
 *
 * Removes a stage. Its members move to @target_stage_id, each move recorded
 * in their stage history with the reason "stage-removed". The stage new
 * members join (id 1) cannot be removed.
 */
gboolean
rapport_pipeline_remove_stage (RapportPipeline  *self,
                               gint64            stage_id,
                               gint64            target_stage_id,
                               GError          **error)
{
  g_autoptr(RapportStatement) history = NULL;
  g_autoptr(RapportStatement) move = NULL;
  g_autoptr(RapportStatement) drop = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  const char *name;
  gint64 members;
  gint64 now = clock_now ();
  int index;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  rows = read_stage_rows (self->store, error);
  if (rows == NULL)
    goto failed;

  index = stage_index (rows, stage_id);
  if (index < 0)
    {
      no_such_stage (stage_id, error);
      goto failed;
    }
  name = g_array_index (rows, StageRow, index).name;

  if (stage_id == _RAPPORT_ENTRY_STAGE_ID)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is the stage new members join: it can be renamed or moved, "
                     "but not removed"),
                   name);
      goto failed;
    }

  members = count_stage_members (self->store, stage_id, error);
  if (members < 0)
    goto failed;

  if (members > 0)
    {
      if (target_stage_id == 0 || target_stage_id == stage_id)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” has %lld member: choose the stage they move to",
                                    "“%s” has %lld members: choose the stage they move to",
                                    members),
                       name, (long long) members);
          goto failed;
        }
      if (stage_index (rows, target_stage_id) < 0)
        {
          no_such_stage (target_stage_id, error);
          goto failed;
        }

      history = _rapport_store_prepare (self->store,
                                        "INSERT INTO stage_history (member_id, from_stage, to_stage, changed_at, reason) "
                                        "SELECT id, ?1, ?2, ?3, ?4 FROM members WHERE stage_id = ?1",
                                        error);
      if (history == NULL)
        goto failed;
      sqlite3_bind_int64 (history, 1, stage_id);
      sqlite3_bind_int64 (history, 2, target_stage_id);
      sqlite3_bind_int64 (history, 3, now);
      _rapport_bind_text (history, 4, rapport_move_reason_to_string (RAPPORT_MOVE_STAGE_REMOVED));
      if (!step_done (self->store, history, error))
        goto failed;

      if (members <= MAX_ROW_NOTICES)
        {
          if (!announce_stage_members (self->store, stage_id, error))
            goto failed;
        }
      else
        {
          rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);
        }

      move = _rapport_store_prepare (self->store,
                                     "UPDATE members SET stage_id = ?2, updated_at = ?3 WHERE stage_id = ?1",
                                     error);
      if (move == NULL)
        goto failed;
      sqlite3_bind_int64 (move, 1, stage_id);
      sqlite3_bind_int64 (move, 2, target_stage_id);
      sqlite3_bind_int64 (move, 3, now);
      if (!step_done (self->store, move, error))
        goto failed;
    }

  drop = _rapport_store_prepare (self->store, "DELETE FROM pipeline_stages WHERE id = ?", error);
  if (drop == NULL)
    goto failed;
  sqlite3_bind_int64 (drop, 1, stage_id);
  if (!step_done (self->store, drop, error))
    goto failed;

  order = stage_order (rows);
  g_array_remove_index (order, index);
  if (!renumber_stages (self->store, order, error))
    goto failed;

  rapport_store_emit_changed (self->store, "pipeline_stages", stage_id, RAPPORT_CHANGE_DELETED);
  if (!rapport_store_commit (self->store, error))
    return FALSE;

  return rapport_pipeline_refresh (self, error);

failed:
  rapport_store_rollback (self->store);
  return FALSE;
}

/* Members */

static gboolean
read_member_stage (RapportStore  *store,
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

  return no_such_stage (stage_id, error);
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
  gint64 now = clock_now ();

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  if (history_id != NULL)
    *history_id = 0;

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  if (!read_member_stage (self->store, member_id, &from_stage, NULL, error) ||
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
  if (!step_done (self->store, update, error))
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
  if (!step_done (self->store, insert, error))
    goto failed;
  entry = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));

  rapport_store_emit_changed (self->store, "members", member_id, RAPPORT_CHANGE_UPDATED);
  rapport_store_emit_changed (self->store, "stage_history", entry, RAPPORT_CHANGE_INSERTED);
  if (!rapport_store_commit (self->store, error))
    return FALSE;

  /* The counts follow at once; a refresh confirms them later. */
  stage = find_stage_object (self, from_stage, NULL);
  if (stage != NULL)
    _rapport_stage_set_member_count (stage, rapport_stage_get_member_count (stage) - 1);
  stage = find_stage_object (self, stage_id, NULL);
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

  if (!read_member_stage (self->store, member_id, &current, &name, error))
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

/* Suggestions */

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

static gboolean
decided (GHashTable            *decisions,
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
      int index = stage_index (stages, stage_id);
      guint target = MIN (fitting_position (level, activity_count, (gint64) contributor),
                          stages->len - 1);
      const StageRow *target_row;
      g_autofree char *fingerprint = NULL;
      g_autofree char *reason = NULL;

      if (index < 0 || (guint) index >= target)
        continue;

      target_row = &g_array_index (stages, StageRow, target);
      fingerprint = g_strdup_printf ("promotion:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                                     stage_id, target_row->id, level);
      if (decided (decisions, member_id, RAPPORT_SUGGESTION_PROMOTION, fingerprint))
        continue;

      reason = promotion_reason (level, score, activity_count, (gint64) contributor,
                                 level1_percent, level2_percent, target_row->name);
      g_ptr_array_add (out, _rapport_suggestion_new (RAPPORT_SUGGESTION_PROMOTION,
                                                     member_id,
                                                     _rapport_column_text (stmt, 1),
                                                     stage_id,
                                                     g_array_index (stages, StageRow, index).name,
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

typedef struct
{
  gint64 member_id;
  gint64 count;
} PriorCount;

static int
compare_prior_descending (gconstpointer a,
                          gconstpointer b)
{
  const PriorCount *pa = a;
  const PriorCount *pb = b;

  return (pa->count < pb->count) - (pa->count > pb->count);
}

static gboolean
add_cooling (RapportStore  *store,
             gint64         now,
             GArray        *stages,
             GHashTable    *decisions,
             GPtrArray     *out,
             GError       **error)
{
  g_autoptr(RapportStatement) prior = NULL;
  g_autoptr(RapportStatement) member = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (PriorCount));
  gint64 quiet_from = now - COOLING_RECENT_DAYS * SECONDS_PER_DAY;
  gint64 prior_from = quiet_from - COOLING_PRIOR_DAYS * SECONDS_PER_DAY;
  gint64 cutoff;
  guint top;
  int rc;

  /* "+occurred_at" keeps the planner off the time index: reading the
   * (member, time) index whole, already grouped by member, is many times
   * faster than fetching a quarter of the activity rows one by one. */
  prior = _rapport_store_prepare (store,
                                  "SELECT member_id, count(*) FROM activities "
                                  "WHERE +occurred_at >= ?1 AND +occurred_at < ?2 GROUP BY member_id",
                                  error);
  if (prior == NULL)
    return FALSE;
  sqlite3_bind_int64 (prior, 1, prior_from);
  sqlite3_bind_int64 (prior, 2, quiet_from);
  while ((rc = sqlite3_step (prior)) == SQLITE_ROW)
    {
      PriorCount count = { sqlite3_column_int64 (prior, 0), sqlite3_column_int64 (prior, 1) };

      g_array_append_val (counts, count);
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  if (counts->len == 0)
    return TRUE;

  /* The top quarter of the members active then, ties included. */
  g_array_sort (counts, compare_prior_descending);
  top = (guint) ceil (counts->len * COOLING_TOP_PERCENT / 100.0 - 1e-9);
  top = CLAMP (top, 1, counts->len);
  cutoff = g_array_index (counts, PriorCount, top - 1).count;

  member = _rapport_store_prepare (store,
                                   "SELECT name, stage_id, level, score, activity_count, last_active_at "
                                   "FROM members WHERE id = ?",
                                   error);
  if (member == NULL)
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      const PriorCount *count = &g_array_index (counts, PriorCount, i);
      g_autofree char *fingerprint = NULL;
      g_autofree char *reason = NULL;
      gint64 last_active_at;
      gint64 stage_id;
      gint64 silent_days;
      int index;

      if (count->count < cutoff)
        break;

      sqlite3_reset (member);
      sqlite3_bind_int64 (member, 1, count->member_id);
      if (sqlite3_step (member) != SQLITE_ROW)
        continue;

      last_active_at = sqlite3_column_int64 (member, 5);
      if (last_active_at >= quiet_from)
        continue;

      fingerprint = g_strdup_printf ("cooling:%" G_GINT64_FORMAT, last_active_at);
      if (decided (decisions, count->member_id, RAPPORT_SUGGESTION_COOLING, fingerprint))
        continue;

      stage_id = sqlite3_column_int64 (member, 1);
      index = stage_index (stages, stage_id);
      silent_days = (now - last_active_at) / SECONDS_PER_DAY;
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Top %g%% by activity in the 90 days before the last 30 "
                                             "(%lld activity), silent for %lld days",
                                             "Top %g%% by activity in the 90 days before the last 30 "
                                             "(%lld activities), silent for %lld days",
                                             count->count),
                                COOLING_TOP_PERCENT, (long long) count->count, (long long) silent_days);

      g_ptr_array_add (out, _rapport_suggestion_new (RAPPORT_SUGGESTION_COOLING,
                                                     count->member_id,
                                                     _rapport_column_text (member, 0),
                                                     stage_id,
                                                     index >= 0 ? g_array_index (stages, StageRow, index).name : NULL,
                                                     0,
                                                     NULL,
                                                     sqlite3_column_int (member, 2),
                                                     sqlite3_column_double (member, 3),
                                                     sqlite3_column_int64 (member, 4),
                                                     last_active_at,
                                                     reason,
                                                     fingerprint));
    }

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

  stages = read_stage_rows (store, error);
  decisions = stages != NULL ? read_decisions (store, error) : NULL;
  ok = decisions != NULL &&
       add_promotions (store, stages, decisions, found, error) &&
       add_cooling (store, now, stages, decisions, found, error);

  _rapport_store_exec (store, "RELEASE rapport_suggestions", NULL);
  if (!ok)
    return NULL;

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < stages->len; i++)
    g_hash_table_insert (positions, &g_array_index (stages, StageRow, i).id, GINT_TO_POINTER (i));
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

  return compute_suggestions (self->store, now_of (self), error);
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
  data->now = now_of (self);
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
  sqlite3_bind_int64 (stmt, 5, clock_now ());
  if (!step_done (store, stmt, error))
    return FALSE;

  rapport_store_emit_changed (store, "suggestion_decisions",
                              rapport_suggestion_get_member_id (suggestion), RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

/**
 * rapport_pipeline_accept_suggestion:
 * @history_id: (out) (optional): for a promotion, the stage_history row of
 *   the move (for rapport_pipeline_undo_move()); 0 otherwise
 *
 * A promotion moves the member to the suggested stage (reason
 * "suggestion"). Cooling off adds a follow-up task to check in with the
 * member, due in a week.
 */
gboolean
rapport_pipeline_accept_suggestion (RapportPipeline    *self,
                                    RapportSuggestion  *suggestion,
                                    gint64             *history_id,
                                    GError            **error)
{
  g_autoptr(RapportStatement) task = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (suggestion), FALSE);

  if (history_id != NULL)
    *history_id = 0;

  if (!rapport_store_begin (self->store, error))
    return FALSE;

  if (rapport_suggestion_get_kind (suggestion) == RAPPORT_SUGGESTION_PROMOTION)
    {
      if (!rapport_pipeline_move_member (self,
                                         rapport_suggestion_get_member_id (suggestion),
                                         rapport_suggestion_get_target_stage_id (suggestion),
                                         RAPPORT_MOVE_SUGGESTION,
                                         history_id,
                                         error))
        goto failed;
    }
  else
    {
      task = _rapport_store_prepare (self->store,
                                     "INSERT INTO tasks (member_id, title, due_at) VALUES (?, ?, ?)",
                                     error);
      if (task == NULL)
        goto failed;

      /* Translators: a follow-up task; %s is a member's name */
      title = g_strdup_printf (_("Check in with %s: among the most active, quiet for a month"),
                               rapport_suggestion_get_member_name (suggestion));
      sqlite3_bind_int64 (task, 1, rapport_suggestion_get_member_id (suggestion));
      _rapport_bind_text (task, 2, title);
      sqlite3_bind_int64 (task, 3, clock_now () + CHECK_IN_DUE_DAYS * SECONDS_PER_DAY);
      if (!step_done (self->store, task, error))
        goto failed;
      rapport_store_emit_changed (self->store, "tasks",
                                  sqlite3_last_insert_rowid (_rapport_store_get_db (self->store)),
                                  RAPPORT_CHANGE_INSERTED);
    }

  if (!record_decision (self->store, suggestion, "accepted", error))
    goto failed;

  return rapport_store_commit (self->store, error);

failed:
  rapport_store_rollback (self->store);
  return FALSE;
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

/* Recognition */

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

  if (!read_member_stage (self->store, member_id, &stage_id, NULL, error))
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
  sqlite3_bind_int64 (stmt, 4, given_at > 0 ? given_at : clock_now ());
  _rapport_bind_text (stmt, 5, given_by);
  if (!step_done (self->store, stmt, error))
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

  now = now_of (self);
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
  if (!step_done (self->store, stmt, error))
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
