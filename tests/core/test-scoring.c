/* test-scoring.c
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
#include <math.h>
#include <sqlite3.h>

#include "rapport-member.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

/* Tuesday 14 November 2023 22:13:20 UTC: every score is computed as of then. */
#define NOW ((gint64) 1700000000)
#define DAY ((gint64) 86400)
/* 30.4375 days: one step of decay. */
#define MONTH ((gint64) 2629800)

typedef struct
{
  char           *dir;
  char           *path;
  RapportStore   *store;
  RapportScoring *scoring;
  GPtrArray      *changes;
} Fixture;

static void
on_changed_cb (RapportStore      *store,
               const char        *table,
               gint64             row_id,
               RapportChangeKind  kind,
               Fixture           *f)
{
  g_ptr_array_add (f->changes, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d", table, row_id, kind));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-scoring-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  f->scoring = rapport_scoring_new (f->store);
  rapport_scoring_set_reference_time (f->scoring, NOW);
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
  g_free (f->path);
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

static gint64
add_activity (Fixture    *f,
              gint64      member_id,
              const char *kind,
              const char *platform,
              gint64      occurred_at)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rapport_store_add_activity (f->store, member_id, platform, kind, occurred_at,
                                   NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static double
stored_score (Fixture *f,
              gint64   member_id)
{
  g_autoptr(RapportMember) m = rapport_store_get_member (f->store, member_id, NULL);

  g_assert_nonnull (m);
  return rapport_member_get_score (m);
}

static int
stored_level (Fixture *f,
              gint64   member_id)
{
  g_autoptr(RapportMember) m = rapport_store_get_member (f->store, member_id, NULL);

  g_assert_nonnull (m);
  return rapport_member_get_level (m);
}

static void
rescore (Fixture            *f,
         RapportLevelCounts *counts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_scoring_rescore_all (f->scoring, counts, NULL, &error));
  g_assert_no_error (error);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_rapport_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportScoreWeights) stored = NULL;
  g_autoptr(RapportScoreWeights) defaults = rapport_score_weights_new_default ();
  g_autoptr(GError) error = NULL;
  double level1;
  double level2;

  /* The migration inserts the weights the code documents. */
  stored = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_score_weights_equal (stored, defaults));
  g_assert_cmpfloat (rapport_score_weights_resolve (stored, "pull-request", "github"), ==, 10);
  g_assert_cmpfloat (rapport_score_weights_resolve (stored, "talk-given", NULL), ==, 12);
  g_assert_cmpfloat (rapport_score_weights_resolve (stored, "reaction", "slack"), ==, 2);
  g_assert_cmpfloat (rapport_score_weights_resolve (stored, "wiki-edit", "github"), ==, 1);

  g_assert_true (rapport_scoring_get_level_percents (f->scoring, &level1, &level2, &error));
  g_assert_cmpfloat (level1, ==, 10);
  g_assert_cmpfloat (level2, ==, 25);

  g_assert_cmpfloat_with_epsilon (rapport_score_decay (0), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rapport_score_decay (MONTH), 0.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (rapport_score_decay (12 * MONTH), 0.282429536481, 1e-12);
  /* The future counts as now. */
  g_assert_cmpfloat (rapport_score_decay (-DAY), ==, 1.0);
}

static void
test_formula_decay (Fixture       *f,
                    gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Lima");
  gint64 bo = add_member (f, "Bo Chen");
  double expected;

  /* By hand: 10 × 0.9^0 + 8 × 0.9^1 + 6 × 0.9^3 + 2 × 0.9^1.5 + 1 × 0.9^12
   *        = 10 + 7.2 + 4.374 + 1.707629936 + 0.282429536 */
  add_activity (f, ana, "pull-request", "github", NOW);
  add_activity (f, ana, "issue", "github", NOW - MONTH);
  add_activity (f, ana, "reply", "discourse", NOW - 3 * MONTH);
  add_activity (f, ana, "reaction", "slack", NOW - 3 * MONTH / 2);
  add_activity (f, ana, "wiki-edit", "github", NOW - 12 * MONTH);
  expected = 23.564059472;

  /* Each activity updated the score as it arrived. */
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), expected, 1e-8);
  g_assert_cmpfloat (stored_score (f, bo), ==, 0);

  rescore (f, NULL);
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), expected, 1e-8);
  g_assert_cmpint (stored_level (f, ana), ==, 1);
  g_assert_cmpint (stored_level (f, bo), ==, 4);

  /* A month later, everything has lost a tenth. */
  rapport_scoring_set_reference_time (f->scoring, NOW + MONTH);
  rescore (f, NULL);
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), expected * 0.9, 1e-8);

  /* An activity dated after the reference time counts in full. */
  rapport_scoring_set_reference_time (f->scoring, NOW - DAY);
  rescore (f, NULL);
  g_assert_cmpfloat (stored_score (f, ana), >, 10 + 7.2 * pow (0.9, -1.0 / 30.4375));
}

static void
test_formula_weights (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportScoreWeights) weights = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana = add_member (f, "Ana Lima");
  gint64 bo = add_member (f, "Bo Chen");

  add_activity (f, ana, "reply", "github", NOW);
  add_activity (f, ana, "reply", "discourse", NOW - MONTH);
  add_activity (f, bo, "meetup-organized", "meetup", NOW);
  rescore (f, NULL);
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), 6 + 6 * 0.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_score (f, bo), 1, 1e-9);

  /* A new weight for the kind applies everywhere… */
  weights = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_no_error (error);
  rapport_score_weights_set (weights, "reply", NULL, 10);
  g_assert_true (rapport_scoring_set_weights (f->scoring, weights, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), 10 + 10 * 0.9, 1e-9);

  /* …but a platform's own weight overrides it there. */
  rapport_score_weights_set (weights, "reply", "github", 1);
  rapport_score_weights_set (weights, "meetup-organized", NULL, 15);
  rapport_score_weights_set_fallback (weights, 0.5);
  g_assert_true (rapport_scoring_set_weights (f->scoring, weights, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), 1 + 10 * 0.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_score (f, bo), 15, 1e-9);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "score_weights:0:3", g_str_equal, NULL));

  /* The weights were stored, the fallback as kind "*". */
  g_clear_pointer (&weights, rapport_score_weights_free);
  weights = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_cmpfloat (rapport_score_weights_resolve (weights, "reply", "github"), ==, 1);
  g_assert_cmpfloat (rapport_score_weights_resolve (weights, "reply", "slack"), ==, 10);
  g_assert_cmpfloat (rapport_score_weights_get_fallback (weights), ==, 0.5);
  {
    g_autofree char *star = query_text (f, "SELECT weight FROM score_weights WHERE kind = '*'");
    g_assert_cmpstr (star, ==, "0.5");
  }

  /* A new activity is scored with the new weights as it arrives. */
  add_activity (f, bo, "reply", "github", NOW);
  g_assert_cmpfloat_with_epsilon (stored_score (f, bo), 16, 1e-9);

  /* Removing the override brings back the kind's weight. */
  g_assert_true (rapport_score_weights_unset (weights, "reply", "github"));
  g_assert_false (rapport_score_weights_unset (weights, "reply", "github"));
  g_assert_true (rapport_scoring_set_weights (f->scoring, weights, NULL, &error));
  g_assert_cmpfloat_with_epsilon (stored_score (f, ana), 10 + 10 * 0.9, 1e-9);
}

static void
test_levels_boundaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportLevelCounts counts;
  RapportLevelCounts stored;
  gint64 ids[100];
  gint64 tied;

  g_assert_true (rapport_store_begin (f->store, &error));
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %03d", i);

      /* One post each, i days old: 100 distinct scores, member 0 the highest. */
      ids[i] = add_member (f, name);
      add_activity (f, ids[i], "post", "discourse", NOW - i * DAY);
    }
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Lurker %02d", i);
      add_member (f, name);
    }
  g_assert_true (rapport_store_commit (f->store, &error));

  rescore (f, &counts);
  g_assert_cmpuint (counts.n_members, ==, 120);
  g_assert_cmpuint (counts.levels[0], ==, 10);
  g_assert_cmpuint (counts.levels[1], ==, 25);
  g_assert_cmpuint (counts.levels[2], ==, 65);
  g_assert_cmpuint (counts.levels[3], ==, 20);
  g_assert_true (counts.has_level1_cutoff);
  g_assert_cmpfloat (counts.level1_cutoff, ==, stored_score (f, ids[9]));
  g_assert_cmpfloat (counts.level2_cutoff, ==, stored_score (f, ids[34]));

  /* The boundaries fall exactly between ranks 10/11 and 35/36. */
  g_assert_cmpint (stored_level (f, ids[0]), ==, 1);
  g_assert_cmpint (stored_level (f, ids[9]), ==, 1);
  g_assert_cmpint (stored_level (f, ids[10]), ==, 2);
  g_assert_cmpint (stored_level (f, ids[34]), ==, 2);
  g_assert_cmpint (stored_level (f, ids[35]), ==, 3);
  g_assert_cmpint (stored_level (f, ids[99]), ==, 3);

  g_assert_true (rapport_scoring_get_level_counts (f->scoring, &stored, &error));
  g_assert_cmpmem (stored.levels, sizeof stored.levels, counts.levels, sizeof counts.levels);
  g_assert_cmpfloat (stored.level1_cutoff, ==, counts.level1_cutoff);

  /* 101 ranked members: level 1 is 11 of them, but the 11th and 12th are
   * tied, and share it. */
  tied = add_member (f, "Tied");
  add_activity (f, tied, "post", "discourse", NOW - 10 * DAY);
  rescore (f, &counts);
  g_assert_cmpuint (counts.levels[0], ==, 12);
  g_assert_cmpint (stored_level (f, tied), ==, 1);
  g_assert_cmpint (stored_level (f, ids[10]), ==, 1);

  /* Other thresholds. */
  g_assert_true (rapport_scoring_set_level_percents (f->scoring, 20, 30, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.levels[0], ==, 21);
  g_assert_cmpuint (counts.levels[1], ==, 30);
  g_assert_cmpuint (counts.levels[2], ==, 50);
  g_assert_cmpuint (counts.levels[3], ==, 20);

  g_assert_false (rapport_scoring_set_level_percents (f->scoring, 120, 0, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "120"));
  g_clear_error (&error);
  g_assert_false (rapport_scoring_set_level_percents (f->scoring, 60, 50, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "50"));
}

static void
test_levels_small (Fixture       *f,
                   gconstpointer  data)
{
  RapportLevelCounts counts;
  gint64 ids[5];

  /* Five members: 10% is half a member, rounded up to one; 35% is two. */
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %d", i);

      ids[i] = add_member (f, name);
      add_activity (f, ids[i], "reply", "github", NOW - i * MONTH);
    }

  /* Before the first ranking nobody can be placed above level 3. */
  g_assert_cmpint (stored_level (f, ids[0]), ==, 3);

  rescore (f, &counts);
  g_assert_cmpuint (counts.levels[0], ==, 1);
  g_assert_cmpuint (counts.levels[1], ==, 1);
  g_assert_cmpuint (counts.levels[2], ==, 3);
  g_assert_cmpuint (counts.levels[3], ==, 0);
  g_assert_cmpint (stored_level (f, ids[0]), ==, 1);
  g_assert_cmpint (stored_level (f, ids[1]), ==, 2);
}

typedef struct
{
  double score;
  int    level;
} Row;

static GArray *
snapshot (Fixture *f,
          gint64  *ids,
          guint    n)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < n; i++)
    {
      Row row = { stored_score (f, ids[i]), stored_level (f, ids[i]) };
      g_array_append_val (rows, row);
    }

  return rows;
}

static void
test_incremental_equals_full (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const kinds[] = { "post", "reply", "reaction", "pull-request", "issue", "message" };
  static const char * const platforms[] = { "github", "discourse", "slack" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GArray) incremental = NULL;
  g_autoptr(GArray) full = NULL;
  g_autoptr(GError) error = NULL;
  RapportLevelCounts before;
  RapportLevelCounts after;
  gint64 ids[60];
  gint64 lowest = 0;
  gint64 top;
  double lowest_score = G_MAXDOUBLE;

  g_assert_true (rapport_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      int n = g_rand_int_range (rand, 1, 30);

      ids[i] = add_member (f, name);
      for (int k = 0; k < n; k++)
        add_activity (f, ids[i],
                      kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                      platforms[g_rand_int_range (rand, 0, G_N_ELEMENTS (platforms))],
                      NOW - g_rand_int_range (rand, 0, 700) * DAY - g_rand_int_range (rand, 0, DAY));
    }
  g_assert_true (rapport_store_commit (f->store, &error));
  rescore (f, &before);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      double score = stored_score (f, ids[i]);

      if (score < lowest_score)
        {
          lowest_score = score;
          lowest = ids[i];
        }
    }

  /* A small activity for the lowest member keeps them below level 2: the
   * ranking, and so the cutoffs, stay as they were. */
  g_ptr_array_set_size (f->changes, 0);
  add_activity (f, lowest, "reaction", "slack", NOW - 300 * DAY);
  g_assert_cmpfloat (stored_score (f, lowest), >, lowest_score);
  g_assert_cmpfloat (stored_score (f, lowest), <, before.level2_cutoff);
  {
    g_autofree char *notice = g_strdup_printf ("members:%" G_GINT64_FORMAT ":1", lowest);
    g_assert_true (g_ptr_array_find_with_equal_func (f->changes, notice, g_str_equal, NULL));
  }

  incremental = snapshot (f, ids, G_N_ELEMENTS (ids));
  rescore (f, &after);
  full = snapshot (f, ids, G_N_ELEMENTS (ids));
  g_assert_cmpfloat (after.level1_cutoff, ==, before.level1_cutoff);
  g_assert_cmpfloat (after.level2_cutoff, ==, before.level2_cutoff);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      /* Bit for bit: both sum the same terms in the same order. */
      g_assert_cmpfloat (g_array_index (incremental, Row, i).score, ==, g_array_index (full, Row, i).score);
      g_assert_cmpint (g_array_index (incremental, Row, i).level, ==, g_array_index (full, Row, i).level);
    }

  /* A burst of activity lifts a member to level 1 at once, against the
   * last ranking's cutoffs; the scores still match a full rescore. */
  top = ids[7];
  for (int k = 0; k < 40; k++)
    add_activity (f, top, "talk-given", "meetup", NOW - k * DAY);
  g_assert_cmpint (stored_level (f, top), ==, 1);
  g_clear_pointer (&incremental, g_array_unref);
  g_clear_pointer (&full, g_array_unref);
  incremental = snapshot (f, ids, G_N_ELEMENTS (ids));
  rescore (f, &after);
  full = snapshot (f, ids, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpfloat (g_array_index (incremental, Row, i).score, ==, g_array_index (full, Row, i).score);
  g_assert_cmpint (stored_level (f, top), ==, 1);

  /* Asking for a member that does not exist is an error, not a zero. */
  g_assert_false (rapport_scoring_update_member (f->scoring, 999999, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_explain (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportScoreExplanation) explanation = NULL;
  g_autoptr(RapportScoreWeights) weights = NULL;
  g_autoptr(RapportScoreTerm) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana = add_member (f, "Ana Lima");
  GListModel *terms;
  double sum = 0;
  double recent;
  double previous;
  gboolean seen_github = FALSE;
  gboolean seen_other = FALSE;

  weights = rapport_scoring_dup_weights (f->scoring, &error);
  rapport_score_weights_set (weights, "reply", "github", 4);
  g_assert_true (rapport_scoring_set_weights (f->scoring, weights, NULL, &error));
  g_assert_no_error (error);

  add_activity (f, ana, "pull-request", "github", NOW - 2 * DAY);
  add_activity (f, ana, "pull-request", "github", NOW - 20 * DAY);
  add_activity (f, ana, "pull-request", "gitlab", NOW - 2 * MONTH);
  add_activity (f, ana, "reply", "github", NOW - 10 * DAY);
  add_activity (f, ana, "reply", "github", NOW - 3 * MONTH);
  add_activity (f, ana, "reply", "discourse", NOW - MONTH);

  explanation = rapport_scoring_explain (f->scoring, ana, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_score_explanation_get_member_id (explanation), ==, ana);
  g_assert_cmpint (rapport_score_explanation_get_computed_at (explanation), ==, NOW);
  g_assert_cmpint (rapport_score_explanation_get_activity_count (explanation), ==, 6);
  /* The explanation adds up to the stored score exactly. */
  g_assert_cmpfloat (rapport_score_explanation_get_score (explanation), ==, stored_score (f, ana));

  terms = rapport_score_explanation_get_terms (explanation);
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);
  first = g_list_model_get_item (terms, 0);
  g_assert_cmpstr (rapport_score_term_get_kind (first), ==, "pull-request");
  g_assert_null (rapport_score_term_get_platform (first));
  g_assert_cmpint (rapport_score_term_get_count (first), ==, 3);
  g_assert_cmpfloat (rapport_score_term_get_weight (first), ==, 10);
  g_assert_cmpint (rapport_score_term_get_recent_count (first), ==, 2);
  g_assert_cmpint (rapport_score_term_get_last_at (first), ==, NOW - 2 * DAY);
  g_assert_cmpfloat_with_epsilon (rapport_score_term_get_contribution (first),
                                  10 * (rapport_score_decay (2 * DAY) + rapport_score_decay (20 * DAY) + 0.81),
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_score_term_get_decay (first),
                                  rapport_score_term_get_contribution (first) / 30, 1e-12);

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RapportScoreTerm) term = g_list_model_get_item (terms, i);

      sum += rapport_score_term_get_contribution (term);
      if (g_str_equal (rapport_score_term_get_kind (term), "reply"))
        {
          if (g_strcmp0 (rapport_score_term_get_platform (term), "github") == 0)
            {
              /* github has a weight of its own for replies: a term of its own. */
              seen_github = TRUE;
              g_assert_cmpint (rapport_score_term_get_count (term), ==, 2);
              g_assert_cmpfloat (rapport_score_term_get_weight (term), ==, 4);
              g_assert_cmpfloat_with_epsilon (rapport_score_term_get_contribution (term),
                                              4 * (rapport_score_decay (10 * DAY) + 0.729), 1e-9);
            }
          else
            {
              seen_other = TRUE;
              g_assert_null (rapport_score_term_get_platform (term));
              g_assert_cmpint (rapport_score_term_get_count (term), ==, 1);
              g_assert_cmpfloat (rapport_score_term_get_weight (term), ==, 6);
              g_assert_cmpint (rapport_score_term_get_recent_count (term), ==, 0);
            }
        }
    }
  g_assert_true (seen_github && seen_other);
  g_assert_cmpfloat_with_epsilon (sum, rapport_score_explanation_get_score (explanation), 1e-9);

  /* The last 30 days: three activities as of now; 30 days ago, the other
   * three as of then. */
  recent = 10 * rapport_score_decay (2 * DAY) + 10 * rapport_score_decay (20 * DAY) +
           4 * rapport_score_decay (10 * DAY);
  previous = 10 * rapport_score_decay (2 * MONTH - 30 * DAY) +
             4 * rapport_score_decay (3 * MONTH - 30 * DAY) +
             6 * rapport_score_decay (MONTH - 30 * DAY);
  g_assert_cmpfloat_with_epsilon (rapport_score_explanation_get_recent_score (explanation), recent, 1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_score_explanation_get_previous_score (explanation), previous, 1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_score_explanation_get_trend (explanation),
                                  rapport_score_explanation_get_score (explanation) - previous, 1e-9);
  g_assert_cmpfloat (rapport_score_explanation_get_trend (explanation), >, 0);

  {
    double score;
    double then;

    g_assert_true (rapport_scoring_get_trend (f->scoring, ana, &score, &then, &error));
    g_assert_cmpfloat (score, ==, rapport_score_explanation_get_score (explanation));
    g_assert_cmpfloat_with_epsilon (then, previous, 1e-9);
  }

  g_clear_object (&explanation);
  explanation = rapport_scoring_explain (f->scoring, 424242, &error);
  g_assert_null (explanation);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "424242"));
}

static int
data_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportScoreWeights) weights = NULL;
  g_autoptr(RapportScoreWeights) same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RapportLevelPreview preview;
  RapportLevelPreview levels;
  RapportLevelCounts applied;
  RapportLevelCounts current;
  gint64 reactor;
  sqlite3 *other = NULL;
  int total_changes;
  int version;

  g_assert_true (rapport_store_begin (f->store, &error));
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Coder %02d", i);
      gint64 id = add_member (f, name);

      for (int k = 0; k <= i % 7; k++)
        add_activity (f, id, "pull-request", "github", NOW - (i + k) * 5 * DAY);
    }
  reactor = add_member (f, "Reacts A Lot");
  for (int k = 0; k < 30; k++)
    add_activity (f, reactor, "reaction", "slack", NOW - k * DAY);
  g_assert_true (rapport_store_commit (f->store, &error));
  rescore (f, &current);
  g_assert_cmpint (stored_level (f, reactor), ==, 1);

  before = query_text (f, "SELECT total (score) || '/' || total (level) || '/' || "
                          "(SELECT group_concat (kind || platform || weight) FROM score_weights) FROM members");
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  version = data_version (other);
  total_changes = sqlite3_total_changes (_rapport_store_get_db (f->store));

  /* What if reactions counted nothing? */
  weights = rapport_scoring_dup_weights (f->scoring, &error);
  rapport_score_weights_set (weights, "reaction", NULL, 0);
  g_assert_true (rapport_scoring_preview_weights (f->scoring, weights, &preview, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpmem (preview.current.levels, sizeof current.levels, current.levels, sizeof current.levels);
  g_assert_cmpuint (preview.proposed.n_members, ==, 41);
  g_assert_cmpuint (preview.proposed.levels[0] + preview.proposed.levels[1] +
                    preview.proposed.levels[2] + preview.proposed.levels[3], ==, 41);
  g_assert_cmpuint (preview.proposed.levels[3], ==, 1);
  g_assert_cmpuint (preview.changed, >=, 1);
  g_assert_cmpuint (preview.changed, ==, preview.raised + preview.lowered);
  g_assert_cmpuint (preview.lowered, >=, 1);

  /* Nothing was written. */
  after = query_text (f, "SELECT total (score) || '/' || total (level) || '/' || "
                         "(SELECT group_concat (kind || platform || weight) FROM score_weights) FROM members");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (data_version (other), ==, version);
  g_assert_cmpint (sqlite3_total_changes (_rapport_store_get_db (f->store)), ==, total_changes);
  g_assert_cmpint (stored_level (f, reactor), ==, 1);
  sqlite3_close (other);

  /* What if levels 1 and 2 took half and a quarter, under today's weights? */
  same = rapport_scoring_dup_weights (f->scoring, &error);
  g_assert_true (rapport_scoring_preview_levels (f->scoring, same, 50, 25, &levels, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (levels.current.levels, sizeof current.levels, current.levels, sizeof current.levels);
  g_assert_cmpuint (levels.proposed.levels[0], >, current.levels[0]);
  g_assert_cmpuint (levels.changed, ==, levels.raised);
  g_assert_cmpuint (levels.lowered, ==, 0);
  g_assert_false (rapport_scoring_preview_levels (f->scoring, same, 80, 30, &levels, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Levels 1 and 2 must share at most 100% of the members, not 80% and 30%");
  g_clear_error (&error);
  g_assert_cmpint (stored_level (f, reactor), ==, 1);

  /* Applying gives what the preview promised. */
  g_assert_true (rapport_scoring_set_weights (f->scoring, weights, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (applied.levels, sizeof applied.levels, preview.proposed.levels, sizeof preview.proposed.levels);
  g_assert_cmpint (stored_level (f, reactor), ==, 4);
}

static void
on_rescored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportLevelCounts *counts = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_scoring_rescore_all_finish (RAPPORT_SCORING (object), result, counts, &error));
  g_assert_no_error (error);
}

static void
test_rescore_async (Fixture       *f,
                    gconstpointer  data)
{
  RapportLevelCounts counts = { 0 };
  gint64 ids[20];

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %d", i);

      ids[i] = add_member (f, name);
      add_activity (f, ids[i], "issue", "github", NOW - i * DAY);
    }

  g_ptr_array_set_size (f->changes, 0);
  rapport_scoring_rescore_all_async (f->scoring, NULL, on_rescored_cb, &counts);
  while (counts.n_members == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (counts.n_members, ==, 20);
  g_assert_cmpuint (counts.levels[0], ==, 2);
  g_assert_cmpuint (counts.levels[1], ==, 5);
  g_assert_cmpint (stored_level (f, ids[0]), ==, 1);
  g_assert_cmpint (stored_level (f, ids[19]), ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "members:0:3", g_str_equal, NULL));
}

static void
test_shared (Fixture       *f,
             gconstpointer  data)
{
  RapportScoring *a = rapport_scoring_dup_for_store (f->store);
  RapportScoring *b = rapport_scoring_dup_for_store (f->store);
  RapportScoring *c;
  GWeakRef gone;

  /* Everyone showing the store shares one scoring ... */
  g_assert_true (a == b);
  g_object_unref (b);

  /* ... until nobody holds it. */
  g_weak_ref_init (&gone, a);
  g_object_unref (a);
  g_assert_null (g_weak_ref_get (&gone));
  g_weak_ref_clear (&gone);

  c = rapport_scoring_dup_for_store (f->store);
  g_assert_nonnull (c);
  g_object_unref (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/scoring/defaults", test_defaults);
  ADD ("/rapport/scoring/formula/decay", test_formula_decay);
  ADD ("/rapport/scoring/formula/weights", test_formula_weights);
  ADD ("/rapport/scoring/levels/boundaries", test_levels_boundaries);
  ADD ("/rapport/scoring/levels/small", test_levels_small);
  ADD ("/rapport/scoring/incremental-equals-full", test_incremental_equals_full);
  ADD ("/rapport/scoring/explain", test_explain);
  ADD ("/rapport/scoring/preview", test_preview);
  ADD ("/rapport/scoring/rescore-async", test_rescore_async);
  ADD ("/rapport/scoring/shared", test_shared);

#undef ADD

  return g_test_run ();
}
