/* test-scoring-settings.c
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

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-member.h"
#include "rapport-scoring.h"
#include "rapport-store.h"

/* Previewing and applying new weights and level thresholds in a worker
 * thread: the same figures as the synchronous calls, nothing written by a
 * preview, both settings or neither written by Apply, and the caller's
 * store told before the callback runs. */

/* Tuesday 14 November 2023 22:13:20 UTC: every score is computed as of then. */
#define NOW ((gint64) 1700000000)
#define DAY ((gint64) 86400)

typedef struct
{
  char           *dir;
  RapportStore   *store;
  RapportScoring *scoring;
  GPtrArray      *changes;
  gint64          reactor;
} Fixture;

typedef struct
{
  Fixture      *f;
  GThread      *thread;
  GAsyncResult *result;
  GPtrArray    *changes;   /* what was announced when the callback ran */
} Run;

static void
on_changed_cb (RapportStore      *store,
               const char        *table,
               gint64             row_id,
               RapportChangeKind  kind,
               Fixture           *f)
{
  g_ptr_array_add (f->changes, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, row_id, kind));
}

static gint64
add_member (Fixture    *f,
            const char *name)
{
  g_autoptr(RapportMember) m = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (m, name);
  g_assert_true (rapport_store_insert_member (f->store, m, &error));
  g_assert_no_error (error);
  return rapport_member_get_id (m);
}

static void
add_activity (Fixture    *f,
              gint64      member_id,
              const char *kind,
              const char *platform,
              gint64      occurred_at)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rapport_store_add_activity (f->store, member_id, platform, kind, occurred_at,
                                               NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* Forty coders with a few pull requests each, and one member who only
 * reacts, a lot: level 1 until reactions are worth nothing. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-scoring-settings-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  f->scoring = rapport_scoring_new (f->store);
  rapport_scoring_set_reference_time (f->scoring, NOW);

  g_assert_true (rapport_store_begin (f->store, &error));
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Coder %02d", i);
      gint64 id = add_member (f, name);

      for (int k = 0; k <= i % 7; k++)
        add_activity (f, id, "pull-request", "github", NOW - (i + k) * 5 * DAY);
    }
  f->reactor = add_member (f, "Reacts A Lot");
  for (int k = 0; k < 30; k++)
    add_activity (f, f->reactor, "reaction", "slack", NOW - k * DAY);
  g_assert_true (rapport_store_commit (f->store, &error));
  g_assert_true (rapport_scoring_rescore_all (f->scoring, NULL, NULL, &error));
  g_assert_no_error (error);

  f->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->scoring);
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->changes);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static int
stored_level (Fixture *f,
              gint64   member_id)
{
  g_autoptr(RapportMember) m = rapport_store_get_member (f->store, member_id, NULL);

  g_assert_nonnull (m);
  return rapport_member_get_level (m);
}

/* Scores, levels and weights as the main connection reads them. */
static char *
dup_state (Fixture *f)
{
  g_autoptr(GString) state = g_string_new (NULL);
  g_autoptr(RapportScoreWeights) weights = NULL;
  g_autoptr(RapportScoring) reader = rapport_scoring_new (f->store);
  g_autoptr(GArray) ids = NULL;
  RapportMemberQuery query = { 0 };
  double level1, level2;

  ids = rapport_store_query_member_ids (f->store, &query, NULL);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RapportMember) m = rapport_store_get_member (f->store, g_array_index (ids, gint64, i), NULL);

      g_string_append_printf (state, "%g/%d ", rapport_member_get_score (m), rapport_member_get_level (m));
    }

  weights = rapport_scoring_dup_weights (reader, NULL);
  for (guint i = 0; i < rapport_score_weights_get_n_entries (weights); i++)
    {
      const char *kind, *platform;
      double weight;

      rapport_score_weights_get_entry (weights, i, &kind, &platform, &weight);
      g_string_append_printf (state, "%s:%s=%g ", kind, platform ? platform : "", weight);
    }
  rapport_scoring_get_level_percents (reader, &level1, &level2, NULL);
  g_string_append_printf (state, "levels=%g,%g", level1, level2);

  return g_string_free (g_steal_pointer (&state), FALSE);
}

static gboolean
announced (GPtrArray  *changes,
           const char *change)
{
  return g_ptr_array_find_with_equal_func (changes, change, g_str_equal, NULL);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;

  g_assert_true (g_thread_self () == run->thread);
  g_assert_true (object == G_OBJECT (run->f->scoring));
  run->changes = g_ptr_array_copy (run->f->changes, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (run->changes, g_free);
  run->result = g_object_ref (result);
}

static void
run_init (Run     *run,
          Fixture *f)
{
  run->f = f;
  run->thread = g_thread_self ();
  run->result = NULL;
  run->changes = NULL;
  g_ptr_array_set_size (f->changes, 0);
}

static void
run_wait (Run *run)
{
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->result);
  g_clear_pointer (&run->changes, g_ptr_array_unref);
}

static void
preview (Fixture                   *f,
         const RapportScoreWeights *weights,
         double                     level1,
         double                     level2,
         RapportLevelPreview       *out)
{
  g_autoptr(GError) error = NULL;
  Run run;

  run_init (&run, f);
  rapport_scoring_preview_levels_async (f->scoring, weights, level1, level2, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_true (rapport_scoring_preview_levels_finish (f->scoring, run.result, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.changes->len, ==, 0);
  run_clear (&run);
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportScoreWeights) weights = rapport_scoring_dup_weights (f->scoring, NULL);
  g_autoptr(RapportScoreWeights) same = rapport_scoring_dup_weights (f->scoring, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dup_state (f);
  g_autofree char *after = NULL;
  RapportLevelPreview expected;
  RapportLevelPreview got;
  Run run;

  /* What if reactions counted nothing? The worker says what this thread
   * would, as of the same "now". */
  rapport_score_weights_set (weights, "reaction", NULL, 0);
  g_assert_true (rapport_scoring_preview_levels (f->scoring, weights, 10, 25, &expected, NULL, &error));
  g_assert_no_error (error);
  preview (f, weights, 10, 25, &got);
  g_assert_cmpmem (&got, sizeof got, &expected, sizeof expected);
  g_assert_cmpuint (got.proposed.n_members, ==, 41);
  g_assert_cmpuint (got.proposed.levels[3], ==, 1);
  g_assert_cmpuint (got.lowered, >=, 1);
  g_assert_cmpuint (got.changed, ==, got.raised + got.lowered);

  /* Thresholds too: half and a quarter under today's weights. */
  g_assert_true (rapport_scoring_preview_levels (f->scoring, same, 50, 25, &expected, NULL, &error));
  preview (f, same, 50, 25, &got);
  g_assert_cmpmem (&got, sizeof got, &expected, sizeof expected);
  g_assert_cmpuint (got.proposed.levels[0], >, got.current.levels[0]);
  g_assert_cmpuint (got.lowered, ==, 0);

  /* Thresholds past everybody are refused in the same words. */
  run_init (&run, f);
  rapport_scoring_preview_levels_async (f->scoring, same, 80, 30, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_false (rapport_scoring_preview_levels_finish (f->scoring, run.result, &got, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Levels 1 and 2 must share at most 100% of the members, not 80% and 30%");
  g_clear_error (&error);
  run_clear (&run);

  /* A preview overtaken by a newer one ends cancelled. */
  run_init (&run, f);
  rapport_scoring_preview_levels_async (f->scoring, weights, 10, 25, cancellable, on_done_cb, &run);
  g_cancellable_cancel (cancellable);
  run_wait (&run);
  g_assert_false (rapport_scoring_preview_levels_finish (f->scoring, run.result, &got, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  run_clear (&run);

  /* None of it was written. */
  after = dup_state (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (stored_level (f, f->reactor), ==, 1);
}

static void
apply (Fixture                   *f,
       const RapportScoreWeights *weights,
       double                     level1,
       double                     level2,
       RapportLevelCounts        *counts,
       GPtrArray                **changes)
{
  g_autoptr(GError) error = NULL;
  Run run;

  run_init (&run, f);
  rapport_scoring_apply_settings_async (f->scoring, weights, level1, level2, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_true (rapport_scoring_apply_settings_finish (f->scoring, run.result, counts, &error));
  g_assert_no_error (error);
  *changes = g_steal_pointer (&run.changes);
  run_clear (&run);
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportScoreWeights) original = rapport_scoring_dup_weights (f->scoring, NULL);
  g_autoptr(RapportScoreWeights) weights = rapport_score_weights_copy (original);
  g_autoptr(RapportScoreWeights) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  RapportLevelPreview promised;
  RapportLevelCounts counts;
  RapportLevelCounts now;
  double level1, level2, weight;

  /* Both at once: what the preview promised, in one go. */
  rapport_score_weights_set (weights, "reaction", NULL, 0);
  g_assert_true (rapport_scoring_preview_levels (f->scoring, weights, 20, 30, &promised, NULL, &error));
  g_assert_no_error (error);
  apply (f, weights, 20, 30, &counts, &changes);
  g_assert_cmpmem (counts.levels, sizeof counts.levels, promised.proposed.levels, sizeof promised.proposed.levels);

  /* This thread's listeners heard of it before the callback; the
   * scoring's cache of weights followed. */
  g_assert_true (announced (changes, "score_weights:0:3"));
  g_assert_true (announced (changes, "members:0:3"));
  g_clear_pointer (&changes, g_ptr_array_unref);
  stored = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_true (rapport_score_weights_lookup (stored, "reaction", NULL, &weight));
  g_assert_cmpfloat (weight, ==, 0);
  g_clear_pointer (&stored, rapport_score_weights_free);
  rapport_scoring_get_level_percents (f->scoring, &level1, &level2, NULL);
  g_assert_cmpfloat (level1, ==, 20);
  g_assert_cmpfloat (level2, ==, 30);
  g_assert_cmpint (stored_level (f, f->reactor), ==, 4);
  g_assert_true (rapport_scoring_get_level_counts (f->scoring, &now, &error));
  g_assert_cmpmem (now.levels, sizeof now.levels, counts.levels, sizeof counts.levels);

  /* Thresholds alone: the weights are not touched, nor announced. */
  apply (f, NULL, 10, 25, &counts, &changes);
  g_assert_false (announced (changes, "score_weights:0:3"));
  g_assert_true (announced (changes, "members:0:3"));
  g_clear_pointer (&changes, g_ptr_array_unref);
  rapport_scoring_get_level_percents (f->scoring, &level1, &level2, NULL);
  g_assert_cmpfloat (level1, ==, 10);
  g_assert_cmpfloat (level2, ==, 25);
  stored = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_true (rapport_score_weights_equal (stored, weights));
  g_clear_pointer (&stored, rapport_score_weights_free);

  /* Weights alone, the first ones back: the thresholds stay. */
  apply (f, original, -1, -1, &counts, &changes);
  g_assert_true (announced (changes, "score_weights:0:3"));
  g_clear_pointer (&changes, g_ptr_array_unref);
  rapport_scoring_get_level_percents (f->scoring, &level1, &level2, NULL);
  g_assert_cmpfloat (level1, ==, 10);
  g_assert_cmpfloat (level2, ==, 25);
  stored = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_true (rapport_score_weights_equal (stored, original));
  g_assert_cmpint (stored_level (f, f->reactor), ==, 1);
}

static void
test_apply_all_or_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RapportScoreWeights) weights = rapport_scoring_dup_weights (f->scoring, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dup_state (f);
  g_autofree char *after = NULL;
  RapportLevelCounts counts = { 0 };
  Run run;

  /* Good weights with thresholds past everybody: neither lands. */
  rapport_score_weights_set (weights, "reaction", NULL, 0);
  run_init (&run, f);
  rapport_scoring_apply_settings_async (f->scoring, weights, 80, 30, NULL, on_done_cb, &run);
  run_wait (&run);
  g_assert_false (rapport_scoring_apply_settings_finish (f->scoring, run.result, &counts, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_cmpuint (run.changes->len, ==, 0);
  run_clear (&run);
  g_clear_error (&error);

  after = dup_state (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (stored_level (f, f->reactor), ==, 1);

  /* The same on this thread's connection. */
  g_assert_false (rapport_scoring_apply_settings (f->scoring, weights, 80, 30, &counts, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_pointer (&after, g_free);
  after = dup_state (f);
  g_assert_cmpstr (after, ==, before);

  /* And a good pair on this thread, announced here. */
  g_clear_error (&error);
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (rapport_scoring_apply_settings (f->scoring, weights, 20, 30, &counts, &error));
  g_assert_no_error (error);
  g_assert_true (announced (f->changes, "score_weights:0:3"));
  g_assert_true (announced (f->changes, "members:0:3"));
  g_assert_cmpint (stored_level (f, f->reactor), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/scoring/settings/preview-async", test_preview);
  ADD ("/rapport/scoring/settings/apply-async", test_apply);
  ADD ("/rapport/scoring/settings/all-or-nothing", test_apply_all_or_nothing);

#undef ADD

  return g_test_run ();
}
