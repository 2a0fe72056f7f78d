/* rapport-scoring.c
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

#define G_LOG_DOMAIN "rapport-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-scoring-private.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"

/* The engagement score (the Orbit model's "love"): each activity counts its
 * weight × 0.9^(months since it happened), the weight coming from
 * score_weights (rapport-score-weights.c has the defaults). Members are then
 * ranked into levels 1–4 (see RapportLevelCounts; rapport-levels.c ranks
 * them).
 *
 * A full rescore reads every activity once, in row order, and sums each
 * member's contributions in C; an incremental update reads one member's
 * activities in the same order, so both give bit-for-bit the same score.
 * An incremental update places the member against the cutoffs of the last
 * full ranking instead of ranking everybody again. */

#define RECENT_DAYS 30
#define SECONDS_PER_DAY 86400

G_DEFINE_FINAL_TYPE (RapportScoring, rapport_scoring, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REFERENCE_TIME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* A weight set resolved per (kind, platform) pair: a community has a few
 * dozen pairs and a million activities. */
typedef struct
{
  char *kind;
  char *platform;
} PairKey;

typedef struct
{
  PairKey  key;
  double   weights[2];
  gboolean override[2];
} PairWeights;

typedef struct
{
  const RapportScoreWeights *sets[2];
  guint                      n_sets;
  GHashTable                *pairs;   /* PairKey → PairWeights */
} WeightCache;

static guint
pair_key_hash (gconstpointer data)
{
  const PairKey *key = data;

  return g_str_hash (key->kind) * 31 + g_str_hash (key->platform);
}

static gboolean
pair_key_equal (gconstpointer a,
                gconstpointer b)
{
  const PairKey *ka = a;
  const PairKey *kb = b;

  return strcmp (ka->kind, kb->kind) == 0 && strcmp (ka->platform, kb->platform) == 0;
}

static void
pair_weights_free (gpointer data)
{
  PairWeights *pair = data;

  g_free (pair->key.kind);
  g_free (pair->key.platform);
  g_free (pair);
}

static void
weight_cache_init (WeightCache               *cache,
                   const RapportScoreWeights *first,
                   const RapportScoreWeights *second)
{
  cache->sets[0] = first;
  cache->sets[1] = second;
  cache->n_sets = second != NULL ? 2 : 1;
  cache->pairs = g_hash_table_new_full (pair_key_hash, pair_key_equal, NULL, pair_weights_free);
}

static void
weight_cache_clear (WeightCache *cache)
{
  g_clear_pointer (&cache->pairs, g_hash_table_unref);
}

static const PairWeights *
weight_cache_lookup (WeightCache *cache,
                     const char  *kind,
                     const char  *platform)
{
  PairKey key = { (char *) (kind ? kind : ""), (char *) (platform ? platform : "") };
  PairWeights *pair = g_hash_table_lookup (cache->pairs, &key);

  if (pair != NULL)
    return pair;

  pair = g_new0 (PairWeights, 1);
  pair->key.kind = g_strdup (key.kind);
  pair->key.platform = g_strdup (key.platform);
  for (guint i = 0; i < cache->n_sets; i++)
    {
      pair->weights[i] = rapport_score_weights_resolve (cache->sets[i], kind, platform);
      pair->override[i] = rapport_score_weights_has_override (cache->sets[i], kind, platform);
    }
  g_hash_table_insert (cache->pairs, &pair->key, pair);

  return pair;
}

static gint64
now_of (RapportScoring *self)
{
  if (self->reference_time != 0)
    return self->reference_time;

  return rapport_now_unix ();
}

/* Settings */

gboolean
_rapport_scoring_read_setting (RapportStore  *store,
                               const char    *key,
                               double        *value,
                               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT value FROM scoring_settings WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;

  _rapport_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        return FALSE;
      *value = sqlite3_column_double (stmt, 0);
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    _rapport_store_set_error (store, error);
  return FALSE;
}

gboolean
_rapport_scoring_write_setting (RapportStore  *store,
                                const char    *key,
                                gboolean       has_value,
                                double         value,
                                GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO scoring_settings (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _rapport_bind_text (stmt, 1, key);
  if (has_value)
    sqlite3_bind_double (stmt, 2, value);
  else
    sqlite3_bind_null (stmt, 2);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/* Weights */

static RapportScoreWeights *
load_weights (RapportStore  *store,
              GError       **error)
{
  g_autoptr(RapportScoreWeights) weights = rapport_score_weights_new ();
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT kind, platform, weight FROM score_weights", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = _rapport_column_text (stmt, 0);
      const char *platform = _rapport_column_text (stmt, 1);
      double weight = MAX (0, sqlite3_column_double (stmt, 2));

      if (kind == NULL || kind[0] == '\0')
        continue;
      if (g_str_equal (kind, "*"))
        rapport_score_weights_set_fallback (weights, weight);
      else
        rapport_score_weights_set (weights, kind, platform, weight);
    }

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&weights);
}

static const RapportScoreWeights *
get_weights (RapportScoring  *self,
             GError         **error)
{
  if (self->weights == NULL)
    self->weights = load_weights (self->store, error);

  return self->weights;
}

/* Full scoring */

typedef struct
{
  GArray  *ids;          /* gint64, ascending */
  GArray  *old_scores;   /* double: what the table holds */
  GArray  *old_levels;   /* int */
  double  *scores[2];    /* one per weight set, parallel to ids */
} Scores;

static void
scores_clear (Scores *scores)
{
  g_clear_pointer (&scores->ids, g_array_unref);
  g_clear_pointer (&scores->old_scores, g_array_unref);
  g_clear_pointer (&scores->old_levels, g_array_unref);
  g_clear_pointer (&scores->scores[0], g_free);
  g_clear_pointer (&scores->scores[1], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scores, scores_clear)

static gboolean
find_member (const Scores *scores,
             gint64        member_id,
             guint        *hint)
{
  const gint64 *ids = (const gint64 *) (gpointer) scores->ids->data;
  guint lo = 0;
  guint hi = scores->ids->len;

  /* Activities often come in runs of one member's. */
  if (*hint < scores->ids->len && ids[*hint] == member_id)
    return TRUE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < member_id)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < scores->ids->len && ids[lo] == member_id)
    {
      *hint = lo;
      return TRUE;
    }

  return FALSE;
}

static gboolean
compute_scores (RapportStore               *store,
                const RapportScoreWeights  *first,
                const RapportScoreWeights  *second,
                gint64                      now,
                Scores                     *scores,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr(RapportStatement) members = NULL;
  g_autoptr(RapportStatement) activities = NULL;
  WeightCache cache;
  guint n_sets = second != NULL ? 2 : 1;
  guint hint = 0;
  guint64 rows = 0;
  int rc;

  members = _rapport_store_prepare (store, "SELECT id, score, level FROM members ORDER BY id", error);
  if (members == NULL)
    return FALSE;

  scores->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scores->old_scores = g_array_new (FALSE, FALSE, sizeof (double));
  scores->old_levels = g_array_new (FALSE, FALSE, sizeof (int));
  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (members, 0);
      double score = sqlite3_column_double (members, 1);
      int level = sqlite3_column_int (members, 2);

      g_array_append_val (scores->ids, id);
      g_array_append_val (scores->old_scores, score);
      g_array_append_val (scores->old_levels, level);
    }
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  for (guint i = 0; i < n_sets; i++)
    scores->scores[i] = g_new0 (double, MAX (1, scores->ids->len));

  /* Row order, the same order rapport_scoring_update_member() sums in. */
  activities = _rapport_store_prepare (store,
                                       "SELECT member_id, kind, platform, occurred_at FROM activities "
                                       "ORDER BY id",
                                       error);
  if (activities == NULL)
    return FALSE;

  weight_cache_init (&cache, first, second);
  while ((rc = sqlite3_step (activities)) == SQLITE_ROW)
    {
      gint64 member_id = sqlite3_column_int64 (activities, 0);
      const PairWeights *pair;
      double decay;

      if ((++rows & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      if (!find_member (scores, member_id, &hint))
        continue;

      pair = weight_cache_lookup (&cache,
                                  _rapport_column_text (activities, 1),
                                  _rapport_column_text (activities, 2));
      decay = rapport_score_decay (now - sqlite3_column_int64 (activities, 3));
      for (guint i = 0; i < n_sets; i++)
        scores->scores[i][hint] += pair->weights[i] * decay;
    }
  weight_cache_clear (&cache);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

/* GObject */

/* Weights changed elsewhere (Preferences, another process's commit seen
 * here): read them again when next needed. */
static void
on_weights_changed_cb (RapportStore      *store,
                       const char        *table,
                       gint64             row_id,
                       RapportChangeKind  kind,
                       RapportScoring    *self)
{
  g_clear_pointer (&self->weights, rapport_score_weights_free);
}

/* A new activity scores its member at once. */
static void
on_store_changed_cb (RapportStore      *store,
                     const char        *table,
                     gint64             row_id,
                     RapportChangeKind  kind,
                     RapportScoring    *self)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 member_id = 0;

  if (kind != RAPPORT_CHANGE_INSERTED)
    return;

  stmt = _rapport_store_prepare (store, "SELECT member_id FROM activities WHERE id = ?", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, row_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        member_id = sqlite3_column_int64 (stmt, 0);
    }
  g_clear_pointer (&stmt, _rapport_statement_release);

  if (member_id > 0 && !rapport_scoring_update_member (self, member_id, &error))
    g_warning ("Could not update the score of member %" G_GINT64_FORMAT ": %s",
               member_id, error->message);
}

static void
rapport_scoring_dispose (GObject *object)
{
  RapportScoring *self = (RapportScoring *)object;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->weights_changed_id, self->store);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->weights, rapport_score_weights_free);

  G_OBJECT_CLASS (rapport_scoring_parent_class)->dispose (object);
}

static void
rapport_scoring_constructed (GObject *object)
{
  RapportScoring *self = (RapportScoring *)object;

  G_OBJECT_CLASS (rapport_scoring_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  self->changed_id = g_signal_connect (self->store, "changed::activities",
                                       G_CALLBACK (on_store_changed_cb), self);
  self->weights_changed_id = g_signal_connect (self->store, "changed::score_weights",
                                               G_CALLBACK (on_weights_changed_cb), self);
}

static void
rapport_scoring_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportScoring *self = RAPPORT_SCORING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REFERENCE_TIME:
      g_value_set_int64 (value, self->reference_time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_scoring_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportScoring *self = RAPPORT_SCORING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_REFERENCE_TIME:
      rapport_scoring_set_reference_time (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_scoring_class_init (RapportScoringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_scoring_dispose;
  object_class->constructed = rapport_scoring_constructed;
  object_class->get_property = rapport_scoring_get_property;
  object_class->set_property = rapport_scoring_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The moment scores are computed for, Unix time (UTC); 0 means the clock.
   * Tests and reproducible reports set it. */
  properties [PROP_REFERENCE_TIME] =
    g_param_spec_int64 ("reference-time", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_scoring_init (RapportScoring *self)
{
}

/**
 * rapport_scoring_new:
 * @store: the database
 *
 * While the returned object lives, a member's score follows each activity
 * added through @store (rapport_store_add_activity() and anything else that
 * announces "activities" rows as inserted). Bulk imports, which announce a
 * reload, call rapport_scoring_rescore_all_async() when they are done.
 *
 * Returns: (transfer full): a new #RapportScoring
 */
RapportScoring *
rapport_scoring_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_SCORING, "store", store, NULL);
}

static void
on_shared_scoring_finalized_cb (gpointer  data,
                                GObject  *where_the_object_was)
{
  g_object_set_data (G_OBJECT (data), "rapport-scoring", NULL);
}

/**
 * rapport_scoring_dup_for_store:
 *
 * The scoring shared by everything that shows @store, so each new activity
 * is scored once however many views are open. It lives as long as someone
 * holds it.
 *
 * Returns: (transfer full): the shared scoring
 */
RapportScoring *
rapport_scoring_dup_for_store (RapportStore *store)
{
  RapportScoring *scoring;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  scoring = g_object_get_data (G_OBJECT (store), "rapport-scoring");
  if (scoring != NULL)
    return g_object_ref (scoring);

  /* The scoring holds the store, so the store outlives the weak ref. */
  scoring = rapport_scoring_new (store);
  g_object_set_data (G_OBJECT (store), "rapport-scoring", scoring);
  g_object_weak_ref (G_OBJECT (scoring), on_shared_scoring_finalized_cb, store);

  return scoring;
}

/**
 * rapport_scoring_get_store:
 *
 * Returns: (transfer none): the store
 */
RapportStore *
rapport_scoring_get_store (RapportScoring *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORING (self), NULL);

  return self->store;
}

gint64
rapport_scoring_get_reference_time (RapportScoring *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORING (self), 0);

  return self->reference_time;
}

/**
 * rapport_scoring_set_reference_time:
 * @reference_time: Unix time (UTC) to compute scores for, or 0 for the clock
 */
void
rapport_scoring_set_reference_time (RapportScoring *self,
                                    gint64          reference_time)
{
  g_return_if_fail (RAPPORT_IS_SCORING (self));
  g_return_if_fail (reference_time >= 0);

  if (self->reference_time == reference_time)
    return;

  self->reference_time = reference_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFERENCE_TIME]);
}

static gboolean
write_scores (RapportStore              *store,
              const Scores              *scores,
              const RapportLevelCounts  *counts,
              gint64                     now,
              GError                   **error)
{
  g_autoptr(RapportStatement) update = NULL;

  update = _rapport_store_prepare (store, "UPDATE members SET score = ?1, level = ?2 WHERE id = ?3", error);
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < scores->ids->len; i++)
    {
      double score = scores->scores[0][i];
      int level = _rapport_scoring_level_in (counts, score);

      if (score == g_array_index (scores->old_scores, double, i) &&
          level == g_array_index (scores->old_levels, int, i))
        continue;

      sqlite3_bind_double (update, 1, score);
      sqlite3_bind_int (update, 2, level);
      sqlite3_bind_int64 (update, 3, g_array_index (scores->ids, gint64, i));
      if (sqlite3_step (update) != SQLITE_DONE)
        return _rapport_store_set_error (store, error);
      sqlite3_reset (update);
    }

  return _rapport_scoring_write_setting (store, "level1-cutoff",
                                         counts->has_level1_cutoff, counts->level1_cutoff, error) &&
         _rapport_scoring_write_setting (store, "level2-cutoff",
                                         counts->has_level2_cutoff, counts->level2_cutoff, error) &&
         _rapport_scoring_write_setting (store, "ranked-at", TRUE, now, error);
}

/**
 * rapport_scoring_rescore_all:
 * @counts: (out) (optional): the new level distribution
 *
 * Computes every member's score from all their activities, ranks the
 * members into levels and keeps the cutoffs for incremental updates, in one
 * transaction. Announces a reload of "members".
 */
gboolean
rapport_scoring_rescore_all (RapportScoring      *self,
                             RapportLevelCounts  *counts,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_auto(Scores) scores = { 0 };
  const RapportScoreWeights *weights;
  RapportLevelCounts ranked;
  RapportLevelThresholds thresholds;
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  now = now_of (self);

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  /* Read the weights inside the transaction so they match what is scored. */
  g_clear_pointer (&self->weights, rapport_score_weights_free);
  weights = get_weights (self, error);
  if (weights == NULL ||
      !compute_scores (self->store, weights, NULL, now, &scores, cancellable, error))
    return FALSE;

  _rapport_scoring_read_thresholds (self->store, &thresholds);
  _rapport_scoring_rank (scores.scores[0], scores.ids->len,
                         thresholds.level1_percent, thresholds.level2_percent, &ranked);

  if (!write_scores (self->store, &scores, &ranked, now, error))
    return FALSE;

  rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  if (counts != NULL)
    *counts = ranked;
  return TRUE;
}

static gpointer
rescore_worker (RapportStore  *worker,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(RapportScoring) scoring = rapport_scoring_new (worker);
  g_autofree RapportLevelCounts *counts = g_new0 (RapportLevelCounts, 1);

  rapport_scoring_set_reference_time (scoring, *(gint64 *) data);
  if (!rapport_scoring_rescore_all (scoring, counts, cancellable, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/* Back on the caller's thread: tell the caller's store, then the caller. */
static void
on_rescore_done (GTask    *task,
                 gpointer  counts,
                 gpointer  data)
{
  RapportScoring *self = g_task_get_source_object (task);

  g_clear_pointer (&self->weights, rapport_score_weights_free);
  rapport_store_emit_changed (self->store, "members", 0, RAPPORT_CHANGE_RELOAD);
  g_task_return_pointer (task, counts, g_free);
}

/**
 * rapport_scoring_rescore_all_async:
 *
 * Like rapport_scoring_rescore_all(), in a worker thread on its own
 * connection. When it is done, "members" is announced as reloaded on the
 * store of @self.
 */
void
rapport_scoring_rescore_all_async (RapportScoring      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 *now;

  g_return_if_fail (RAPPORT_IS_SCORING (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_scoring_rescore_all_async);
  now = g_new (gint64, 1);
  *now = now_of (self);
  _rapport_store_run_worker (self->store, task, rescore_worker, now, g_free, on_rescore_done, g_free);
}

/**
 * rapport_scoring_rescore_all_finish:
 * @counts: (out) (optional): the new level distribution
 */
gboolean
rapport_scoring_rescore_all_finish (RapportScoring      *self,
                                    GAsyncResult        *result,
                                    RapportLevelCounts  *counts,
                                    GError             **error)
{
  g_autofree RapportLevelCounts *ranked = NULL;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ranked = g_task_propagate_pointer (G_TASK (result), error);
  if (ranked == NULL)
    return FALSE;

  if (counts != NULL)
    *counts = *ranked;
  return TRUE;
}

/* One member */

typedef struct
{
  double     score;
  double     recent_score;
  double     previous_score;
  GPtrArray *terms;     /* RapportScoreTerm, when explaining */
} MemberSums;

static gboolean
member_exists (RapportStore  *store,
               gint64         member_id,
               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  stmt = _rapport_store_prepare (store, "SELECT 1 FROM members WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
               _("No member with id %lld"), (long long) member_id);
  return FALSE;
}

static gboolean
sum_member (RapportScoring  *self,
            gint64           member_id,
            gint64           now,
            gboolean         history,
            MemberSums      *sums,
            GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GHashTable) terms = NULL;
  const RapportScoreWeights *weights;
  WeightCache cache;
  gint64 recent_from = now - RECENT_DAYS * SECONDS_PER_DAY;
  int rc;

  memset (sums, 0, sizeof *sums);

  weights = get_weights (self, error);
  if (weights == NULL)
    return FALSE;

  /* "+id" keeps the planner on the member index; the few rows are then
   * sorted into row order, the order of the full rescore. */
  stmt = _rapport_store_prepare (self->store,
                                 "SELECT kind, platform, occurred_at FROM activities "
                                 "WHERE member_id = ? ORDER BY +id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);

  if (history)
    {
      sums->terms = g_ptr_array_new_with_free_func (g_object_unref);
      terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  weight_cache_init (&cache, weights, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = _rapport_column_text (stmt, 0);
      const char *platform = _rapport_column_text (stmt, 1);
      gint64 occurred_at = sqlite3_column_int64 (stmt, 2);
      const PairWeights *pair = weight_cache_lookup (&cache, kind, platform);
      double decay = rapport_score_decay (now - occurred_at);
      double contribution = pair->weights[0] * decay;

      sums->score += contribution;

      if (!history)
        continue;

      if (occurred_at > recent_from)
        sums->recent_score += contribution;
      else
        sums->previous_score += pair->weights[0] * rapport_score_decay (recent_from - occurred_at);

      {
        /* Platforms with a weight of their own for the kind get a term of
         * their own; every other platform shares the kind's. */
        const char *term_platform = pair->override[0] ? pair->key.platform : NULL;
        g_autofree char *key = g_strconcat (pair->key.kind, "\x1f", term_platform, NULL);
        RapportScoreTerm *term = g_hash_table_lookup (terms, key);

        if (term == NULL)
          {
            term = _rapport_score_term_new (pair->key.kind, term_platform, pair->weights[0]);
            g_ptr_array_add (sums->terms, term);
            g_hash_table_insert (terms, g_steal_pointer (&key), term);
          }
        _rapport_score_term_add (term, occurred_at, decay, occurred_at > recent_from);
      }
    }
  weight_cache_clear (&cache);

  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (&sums->terms, g_ptr_array_unref);
      return _rapport_store_set_error (self->store, error);
    }

  return TRUE;
}

/**
 * rapport_scoring_update_member:
 *
 * Recomputes one member's score from their activities and places them
 * against the cutoffs of the last full ranking. Announces the member as
 * updated when their score or level changed.
 */
gboolean
rapport_scoring_update_member (RapportScoring  *self,
                               gint64           member_id,
                               GError         **error)
{
  g_autoptr(RapportStatement) update = NULL;
  RapportLevelThresholds thresholds;
  MemberSums sums;
  int level;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);

  if (!sum_member (self, member_id, now_of (self), FALSE, &sums, error))
    return FALSE;

  _rapport_scoring_read_thresholds (self->store, &thresholds);
  level = _rapport_scoring_level_for_score (sums.score,
                                            thresholds.has_level1_cutoff, thresholds.level1_cutoff,
                                            thresholds.has_level2_cutoff, thresholds.level2_cutoff);

  update = _rapport_store_prepare (self->store,
                                   "UPDATE members SET score = ?1, level = ?2 "
                                   "WHERE id = ?3 AND (score IS NOT ?1 OR level IS NOT ?2)",
                                   error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_double (update, 1, sums.score);
  sqlite3_bind_int (update, 2, level);
  sqlite3_bind_int64 (update, 3, member_id);
  if (sqlite3_step (update) != SQLITE_DONE)
    return _rapport_store_set_error (self->store, error);

  if (sqlite3_changes (_rapport_store_get_db (self->store)) > 0)
    rapport_store_emit_member_changed (self->store, member_id, RAPPORT_MEMBER_CHANGED_SCORE);
  else if (!member_exists (self->store, member_id, error))
    return FALSE;

  return TRUE;
}

/**
 * rapport_scoring_explain:
 *
 * The member's score as of now, term by term: each activity kind (and each
 * platform with a weight of its own) with its count, weight, decay and
 * contribution, and what changed in the last 30 days.
 *
 * Returns: (transfer full): the explanation, or %NULL with @error set
 */
RapportScoreExplanation *
rapport_scoring_explain (RapportScoring  *self,
                         gint64           member_id,
                         GError         **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  RapportLevelThresholds thresholds;
  MemberSums sums;
  gint64 now;
  int level;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), NULL);

  if (!member_exists (self->store, member_id, error))
    return NULL;

  now = now_of (self);
  if (!sum_member (self, member_id, now, TRUE, &sums, error))
    return NULL;
  terms = sums.terms;

  _rapport_scoring_read_thresholds (self->store, &thresholds);
  level = _rapport_scoring_level_for_score (sums.score,
                                            thresholds.has_level1_cutoff, thresholds.level1_cutoff,
                                            thresholds.has_level2_cutoff, thresholds.level2_cutoff);

  return _rapport_score_explanation_new (member_id, now, sums.score, level,
                                         sums.recent_score, sums.previous_score, terms);
}

/**
 * rapport_scoring_get_trend:
 * @score: (out) (optional): the score now
 * @previous_score: (out) (optional): the score 30 days ago, as of then
 *
 * What a board card's trend arrow shows, without the terms.
 */
gboolean
rapport_scoring_get_trend (RapportScoring  *self,
                           gint64           member_id,
                           double          *score,
                           double          *previous_score,
                           GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  const RapportScoreWeights *weights;
  WeightCache cache;
  gint64 now;
  gint64 then;
  double now_sum = 0;
  double then_sum = 0;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);

  weights = get_weights (self, error);
  if (weights == NULL)
    return FALSE;

  now = now_of (self);
  then = now - RECENT_DAYS * SECONDS_PER_DAY;
  stmt = _rapport_store_prepare (self->store,
                                 "SELECT kind, platform, occurred_at FROM activities "
                                 "WHERE member_id = ? ORDER BY +id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);

  weight_cache_init (&cache, weights, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const PairWeights *pair = weight_cache_lookup (&cache,
                                                     _rapport_column_text (stmt, 0),
                                                     _rapport_column_text (stmt, 1));
      gint64 occurred_at = sqlite3_column_int64 (stmt, 2);

      now_sum += pair->weights[0] * rapport_score_decay (now - occurred_at);
      if (occurred_at <= then)
        then_sum += pair->weights[0] * rapport_score_decay (then - occurred_at);
    }
  weight_cache_clear (&cache);

  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (self->store, error);

  if (score != NULL)
    *score = now_sum;
  if (previous_score != NULL)
    *previous_score = then_sum;
  return TRUE;
}

/**
 * rapport_scoring_dup_weights:
 *
 * Returns: (transfer full): a copy of the weights in use, to edit and pass
 *   to rapport_scoring_preview_weights() or rapport_scoring_set_weights()
 */
RapportScoreWeights *
rapport_scoring_dup_weights (RapportScoring  *self,
                             GError         **error)
{
  const RapportScoreWeights *weights;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), NULL);

  weights = get_weights (self, error);
  return weights != NULL ? rapport_score_weights_copy (weights) : NULL;
}

/* Scores every member under the weights in use and under @weights, ranks
 * the first by the thresholds in use and the second by @level1_percent and
 * @level2_percent (negative: the thresholds in use), and counts who would
 * change level. Nothing is written. */
static gboolean
compute_preview (RapportScoring             *self,
                 const RapportScoreWeights  *weights,
                 double                      level1_percent,
                 double                      level2_percent,
                 RapportLevelPreview        *preview,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  g_autoptr(RapportScoreWeights) current = NULL;
  Scores scores = { 0 };
  RapportLevelThresholds thresholds;
  gboolean ok;

  memset (preview, 0, sizeof *preview);

  /* A read transaction: both sets see the same activities. */
  if (!_rapport_store_exec (self->store, "SAVEPOINT rapport_preview", error))
    return FALSE;

  current = load_weights (self->store, error);
  ok = current != NULL &&
       compute_scores (self->store, current, weights, now_of (self), &scores, cancellable, error);
  if (ok)
    _rapport_scoring_read_thresholds (self->store, &thresholds);

  _rapport_store_exec (self->store, "RELEASE rapport_preview", NULL);
  if (!ok)
    {
      scores_clear (&scores);
      return FALSE;
    }

  if (level1_percent < 0)
    {
      level1_percent = thresholds.level1_percent;
      level2_percent = thresholds.level2_percent;
    }
  _rapport_scoring_rank (scores.scores[0], scores.ids->len,
                         thresholds.level1_percent, thresholds.level2_percent, &preview->current);
  _rapport_scoring_rank (scores.scores[1], scores.ids->len,
                         level1_percent, level2_percent, &preview->proposed);

  for (guint i = 0; i < scores.ids->len; i++)
    {
      int before = _rapport_scoring_level_in (&preview->current, scores.scores[0][i]);
      int after = _rapport_scoring_level_in (&preview->proposed, scores.scores[1][i]);

      if (before == after)
        continue;

      preview->changed++;
      if (after < before)
        preview->raised++;
      else
        preview->lowered++;
    }

  scores_clear (&scores);
  return TRUE;
}

/**
 * rapport_scoring_preview_weights:
 * @weights: the weights to try
 * @preview: (out): the levels now and under @weights, and how many members
 *   would change level
 *
 * Scores every member under the weights in use and under @weights, as of
 * now, and ranks both, without writing anything.
 */
gboolean
rapport_scoring_preview_weights (RapportScoring             *self,
                                 const RapportScoreWeights  *weights,
                                 RapportLevelPreview        *preview,
                                 GCancellable               *cancellable,
                                 GError                    **error)
{
  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  return compute_preview (self, weights, -1, -1, preview, cancellable, error);
}

/**
 * rapport_scoring_preview_levels:
 * @weights: the weights to try
 * @level1_percent: the share of members with a score to put at level 1
 * @level2_percent: the share below them at level 2
 * @preview: (out): the levels under the weights and thresholds in use, and
 *   under the proposed ones, as of now, and how many members would change
 *
 * Like rapport_scoring_preview_weights(), with proposed level thresholds
 * as well. Nothing is written.
 */
gboolean
rapport_scoring_preview_levels (RapportScoring             *self,
                                const RapportScoreWeights  *weights,
                                double                      level1_percent,
                                double                      level2_percent,
                                RapportLevelPreview        *preview,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  if (!(level1_percent >= 0 && level1_percent <= 100) ||
      !(level2_percent >= 0 && level1_percent + level2_percent <= 100))
    {
      memset (preview, 0, sizeof *preview);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("Levels 1 and 2 must share at most 100%% of the members, not %g%% and %g%%"),
                   level1_percent, level2_percent);
      return FALSE;
    }

  return compute_preview (self, weights, level1_percent, level2_percent, preview, cancellable, error);
}

/* Replaces every weight in use with @weights, inside the caller's
 * transaction; the caller rescores. */
gboolean
_rapport_scoring_write_weights (RapportScoring             *self,
                                const RapportScoreWeights  *weights,
                                GError                    **error)
{
  g_autoptr(RapportStatement) clear = NULL;
  g_autoptr(RapportStatement) insert = NULL;
  guint n;

  g_assert (RAPPORT_IS_SCORING (self));
  g_assert (weights != NULL);

  clear = _rapport_store_prepare (self->store, "DELETE FROM score_weights", error);
  if (clear == NULL)
    return FALSE;
  if (sqlite3_step (clear) != SQLITE_DONE)
    return _rapport_store_set_error (self->store, error);

  insert = _rapport_store_prepare (self->store,
                                   "INSERT INTO score_weights (kind, platform, weight) VALUES (?, ?, ?)",
                                   error);
  if (insert == NULL)
    return FALSE;

  n = rapport_score_weights_get_n_entries (weights);
  for (guint i = 0; i <= n; i++)
    {
      const char *kind = "*";
      const char *platform = NULL;
      double weight = rapport_score_weights_get_fallback (weights);

      if (i < n)
        rapport_score_weights_get_entry (weights, i, &kind, &platform, &weight);

      sqlite3_bind_text (insert, 1, kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, platform ? platform : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (insert, 3, weight);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return _rapport_store_set_error (self->store, error);
      sqlite3_reset (insert);
    }

  rapport_store_emit_changed (self->store, "score_weights", 0, RAPPORT_CHANGE_RELOAD);
  return TRUE;
}

/**
 * rapport_scoring_set_weights:
 * @weights: the new weights; they replace every weight in use
 * @counts: (out) (optional): the level distribution after rescoring
 *
 * Stores @weights and rescores every member, in one transaction.
 */
gboolean
rapport_scoring_set_weights (RapportScoring             *self,
                             const RapportScoreWeights  *weights,
                             RapportLevelCounts         *counts,
                             GError                    **error)
{
  g_autoptr(RapportTransaction) tx = NULL;

  g_return_val_if_fail (RAPPORT_IS_SCORING (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  tx = _rapport_transaction_begin (self->store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_scoring_write_weights (self, weights, error) ||
      !rapport_scoring_rescore_all (self, counts, NULL, error) ||
      !_rapport_transaction_commit (tx, error))
    {
      /* The weights read inside the transaction are gone with it. */
      g_clear_pointer (&self->weights, rapport_score_weights_free);
      return FALSE;
    }

  return TRUE;
}
