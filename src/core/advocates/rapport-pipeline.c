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

#include "rapport-clock.h"
#include "rapport-pipeline-private.h"
#include "rapport-pipeline.h"
#include "rapport-store-private.h"

/* The advocate pipeline: the object, its stages as a list model with their
 * member counts, and adding, renaming, reordering and removing stages.
 * Moving members between stages and their history are in
 * rapport-stage-moves.c, promotion suggestions in rapport-suggestions.c,
 * cooling off in rapport-cooling-off.c and recognition in
 * rapport-recognitions.c.
 *
 * The stage of id 1 is the one new members join (members.stage_id defaults
 * to it), so it can be renamed and moved but not removed. */

/* Above this many moved members one reload notice replaces a notice each. */
#define MAX_ROW_NOTICES      1000

G_DEFINE_FINAL_TYPE (RapportPipeline, rapport_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REFERENCE_TIME,
  PROP_STAGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The moment suggestions and impacts are computed for. */
gint64
_rapport_pipeline_now (RapportPipeline *self)
{
  if (self->reference_time != 0)
    return self->reference_time;

  return rapport_now_unix ();
}

gboolean
_rapport_pipeline_step_done (RapportStore      *store,
                             RapportStatement  *stmt,
                             GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/* Stages */

static void
stage_row_clear (gpointer data)
{
  RapportStageRow *row = data;

  g_clear_pointer (&row->name, g_free);
}

/* The stages in pipeline order, straight from the table. */
GArray *
_rapport_pipeline_read_stage_rows (RapportStore  *store,
                                   GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT id, name FROM pipeline_stages ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, FALSE, sizeof (RapportStageRow));
  g_array_set_clear_func (rows, stage_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportStageRow row = { sqlite3_column_int64 (stmt, 0), g_strdup (_rapport_column_text (stmt, 1)) };

      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

int
_rapport_pipeline_stage_index (GArray *rows,
                               gint64  stage_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_array_index (rows, RapportStageRow, i).id == stage_id)
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
      if (!_rapport_pipeline_step_done (store, stmt, error))
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
    g_array_append_val (order, g_array_index (rows, RapportStageRow, i).id);

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
  /* The stages themselves changed. */
  schedule_refresh (self);
}

static void
on_members_changed_cb (RapportStore      *store,
                       const char        *table,
                       gint64             row_id,
                       RapportChangeKind  kind,
                       RapportPipeline   *self)
{
  /* Members came or went; an update is told apart by ::member-changed. */
  if (kind != RAPPORT_CHANGE_UPDATED)
    schedule_refresh (self);
}

static void
on_member_changed_cb (RapportStore         *store,
                      gint64                member_id,
                      RapportMemberChanges  changes,
                      RapportPipeline      *self)
{
  if (changes & RAPPORT_MEMBER_CHANGED_STAGE)
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
    g_signal_handlers_disconnect_by_data (self->store, self);
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
  g_signal_connect (self->store, "changed::pipeline_stages", G_CALLBACK (on_store_changed_cb), self);
  g_signal_connect (self->store, "changed::members", G_CALLBACK (on_members_changed_cb), self);
  g_signal_connect (self->store, "member-changed", G_CALLBACK (on_member_changed_cb), self);
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

gboolean
_rapport_pipeline_no_such_stage (gint64   stage_id,
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
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), 0);

  clean = clean_name (name, error);
  if (clean == NULL)
    return 0;

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return 0;

  if (!check_name_free (self->store, clean, 0, error))
    return 0;

  rows = _rapport_pipeline_read_stage_rows (self->store, error);
  if (rows == NULL)
    return 0;

  insert = _rapport_store_prepare (self->store,
                                   "INSERT INTO pipeline_stages (name, position) VALUES (?, ?)",
                                   error);
  if (insert == NULL)
    return 0;
  _rapport_bind_text (insert, 1, clean);
  sqlite3_bind_int (insert, 2, rows->len);
  if (!_rapport_pipeline_step_done (self->store, insert, error))
    return 0;
  id = sqlite3_last_insert_rowid (_rapport_store_get_db (self->store));

  order = stage_order (rows);
  if (position < 0 || (guint) position > order->len)
    position = order->len;
  g_array_insert_val (order, position, id);
  if (!renumber_stages (self->store, order, error))
    return 0;

  rapport_store_emit_changed (self->store, "pipeline_stages", id, RAPPORT_CHANGE_INSERTED);
  if (!_rapport_transaction_commit (tx, error) || !rapport_pipeline_refresh (self, error))
    return 0;

  return id;
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
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  RapportStage *stage;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  clean = clean_name (name, error);
  if (clean == NULL)
    return FALSE;

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!check_name_free (self->store, clean, stage_id, error))
    return FALSE;

  stmt = _rapport_store_prepare (self->store, "UPDATE pipeline_stages SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  if (!_rapport_pipeline_step_done (self->store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_rapport_store_get_db (self->store)) == 0)
    return _rapport_pipeline_no_such_stage (stage_id, error);

  rapport_store_emit_changed (self->store, "pipeline_stages", stage_id, RAPPORT_CHANGE_UPDATED);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  stage = find_stage_object (self, stage_id, NULL);
  if (stage != NULL)
    _rapport_stage_set_name (stage, clean);
  return TRUE;
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
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  int index;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  rows = _rapport_pipeline_read_stage_rows (self->store, error);
  if (rows == NULL)
    return FALSE;

  index = _rapport_pipeline_stage_index (rows, stage_id);
  if (index < 0)
    return _rapport_pipeline_no_such_stage (stage_id, error);

  order = stage_order (rows);
  g_array_remove_index (order, index);
  position = MIN (position, order->len);
  g_array_insert_val (order, position, stage_id);
  if (!renumber_stages (self->store, order, error))
    return FALSE;

  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  return rapport_pipeline_refresh (self, error);
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
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) history = NULL;
  g_autoptr(RapportStatement) move = NULL;
  g_autoptr(RapportStatement) drop = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  const char *name;
  gint64 members;
  gint64 now = rapport_now_unix ();
  int index;

  g_return_val_if_fail (RAPPORT_IS_PIPELINE (self), FALSE);

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  rows = _rapport_pipeline_read_stage_rows (self->store, error);
  if (rows == NULL)
    return FALSE;

  index = _rapport_pipeline_stage_index (rows, stage_id);
  if (index < 0)
    return _rapport_pipeline_no_such_stage (stage_id, error);
  name = g_array_index (rows, RapportStageRow, index).name;

  if (stage_id == _RAPPORT_ENTRY_STAGE_ID)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is the stage new members join: it can be renamed or moved, "
                     "but not removed"),
                   name);
      return FALSE;
    }

  members = count_stage_members (self->store, stage_id, error);
  if (members < 0)
    return FALSE;

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
          return FALSE;
        }
      if (_rapport_pipeline_stage_index (rows, target_stage_id) < 0)
        return _rapport_pipeline_no_such_stage (target_stage_id, error);

      history = _rapport_store_prepare (self->store,
                                        "INSERT INTO stage_history (member_id, from_stage, to_stage, changed_at, reason) "
                                        "SELECT id, ?1, ?2, ?3, ?4 FROM members WHERE stage_id = ?1",
                                        error);
      if (history == NULL)
        return FALSE;
      sqlite3_bind_int64 (history, 1, stage_id);
      sqlite3_bind_int64 (history, 2, target_stage_id);
      sqlite3_bind_int64 (history, 3, now);
      _rapport_bind_text (history, 4, rapport_move_reason_to_string (RAPPORT_MOVE_STAGE_REMOVED));
      if (!_rapport_pipeline_step_done (self->store, history, error))
        return FALSE;

      if (members <= MAX_ROW_NOTICES)
        {
          if (!announce_stage_members (self->store, stage_id, error))
            return FALSE;
        }
      else
        {
          rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);
        }

      move = _rapport_store_prepare (self->store,
                                     "UPDATE members SET stage_id = ?2, updated_at = ?3 WHERE stage_id = ?1",
                                     error);
      if (move == NULL)
        return FALSE;
      sqlite3_bind_int64 (move, 1, stage_id);
      sqlite3_bind_int64 (move, 2, target_stage_id);
      sqlite3_bind_int64 (move, 3, now);
      if (!_rapport_pipeline_step_done (self->store, move, error))
        return FALSE;
    }

  drop = _rapport_store_prepare (self->store, "DELETE FROM pipeline_stages WHERE id = ?", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, stage_id);
  if (!_rapport_pipeline_step_done (self->store, drop, error))
    return FALSE;

  order = stage_order (rows);
  g_array_remove_index (order, index);
  if (!renumber_stages (self->store, order, error))
    return FALSE;

  rapport_store_emit_changed (self->store, "pipeline_stages", stage_id, RAPPORT_CHANGE_DELETED);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  return rapport_pipeline_refresh (self, error);
}
