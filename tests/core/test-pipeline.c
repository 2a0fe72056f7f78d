/* test-pipeline.c
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
#include <sqlite3.h>
#include <string.h>

#include "rapport-member.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

#define NOW ((gint64) 1700000000)
#define DAY ((gint64) 86400)

/* The default stages (resources/sql/0001-members.sql). */
#define NEWCOMER    1
#define PARTICIPANT 2
#define CONTRIBUTOR 3
#define ADVOCATE    4
#define CHAMPION    5

typedef struct
{
  char            *dir;
  char            *path;
  RapportStore    *store;
  RapportScoring  *scoring;
  RapportPipeline *pipeline;
  GPtrArray       *changes;
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

  f->dir = g_dir_make_tmp ("rapport-pipeline-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  f->scoring = rapport_scoring_new (f->store);
  rapport_scoring_set_reference_time (f->scoring, NOW);
  f->pipeline = rapport_pipeline_new (f->store, &error);
  g_assert_no_error (error);
  rapport_pipeline_set_reference_time (f->pipeline, NOW);
  f->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Let pending count refreshes run before the pipeline goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->pipeline);
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

static void
add_activities (Fixture    *f,
                gint64      member_id,
                const char *kind,
                int         count,
                gint64      first_at,
                gint64      step)
{
  for (int i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;

      rapport_store_add_activity (f->store, member_id, "github", kind, first_at + i * step,
                                  NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static gint64
member_stage (Fixture *f,
              gint64   member_id)
{
  g_autoptr(RapportMember) m = rapport_store_get_member (f->store, member_id, NULL);

  g_assert_nonnull (m);
  return rapport_member_get_stage_id (m);
}

static gint64
query_int (Fixture    *f,
           const char *sql,
           gint64      arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (_rapport_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* "Newcomer:2 Participant:0 …" */
static char *
describe_stages (Fixture *f)
{
  GListModel *stages = rapport_pipeline_get_stages (f->pipeline);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      g_assert_cmpuint (rapport_stage_get_position (stage), ==, i);
      g_string_append_printf (out, "%s%s:%" G_GINT64_FORMAT, i ? " " : "",
                              rapport_stage_get_name (stage), rapport_stage_get_member_count (stage));
    }

  return g_string_free (out, FALSE);
}

static void
assert_stages (Fixture    *f,
               const char *expected)
{
  g_autofree char *got = describe_stages (f);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_stages_default (Fixture       *f,
                     gconstpointer  data)
{
  add_member (f, "Ana");
  add_member (f, "Bo");

  /* Counts follow changes made elsewhere once the main loop is idle. */
  assert_stages (f, "Newcomer:0 Participant:0 Contributor:0 Advocate:0 Champion:0");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_stages (f, "Newcomer:2 Participant:0 Contributor:0 Advocate:0 Champion:0");
  g_assert_cmpstr (rapport_stage_get_name (rapport_pipeline_find_stage (f->pipeline, CHAMPION)), ==, "Champion");
  g_assert_null (rapport_pipeline_find_stage (f->pipeline, 99));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_stages_edit (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *stages = rapport_pipeline_get_stages (f->pipeline);
  g_autoptr(GError) error = NULL;
  RapportStage *participant = rapport_pipeline_find_stage (f->pipeline, PARTICIPANT);
  guint items_changed = 0;
  gint64 ana = add_member (f, "Ana");
  gint64 bo = add_member (f, "Bo");
  gint64 ambassador;

  g_signal_connect (stages, "items-changed", G_CALLBACK (on_items_changed_cb), &items_changed);
  g_assert_true (rapport_pipeline_move_member (f->pipeline, ana, ADVOCATE, RAPPORT_MOVE_MANUAL, NULL, &error));
  g_assert_true (rapport_pipeline_move_member (f->pipeline, bo, ADVOCATE, RAPPORT_MOVE_MANUAL, NULL, &error));
  g_assert_no_error (error);

  /* Add */
  ambassador = rapport_pipeline_add_stage (f->pipeline, "  Ambassador ", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ambassador, >, CHAMPION);
  assert_stages (f, "Newcomer:0 Participant:0 Contributor:0 Advocate:2 Ambassador:0 Champion:0");
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "pipeline_stages:6:0", g_str_equal, NULL));

  g_assert_cmpint (rapport_pipeline_add_stage (f->pipeline, "champion", -1, &error), ==, 0);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Champion"));
  g_clear_error (&error);
  g_assert_cmpint (rapport_pipeline_add_stage (f->pipeline, "   ", -1, &error), ==, 0);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Rename: the same object changes, the list does not. */
  g_assert_true (rapport_pipeline_rename_stage (f->pipeline, PARTICIPANT, "Regular", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_pipeline_find_stage (f->pipeline, PARTICIPANT) == participant);
  g_assert_cmpstr (rapport_stage_get_name (participant), ==, "Regular");
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_false (rapport_pipeline_rename_stage (f->pipeline, PARTICIPANT, "NEWCOMER", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (rapport_pipeline_rename_stage (f->pipeline, 77, "Ghost", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Reorder */
  g_assert_true (rapport_pipeline_move_stage (f->pipeline, CHAMPION, 0, &error));
  g_assert_no_error (error);
  assert_stages (f, "Champion:0 Newcomer:0 Regular:0 Contributor:0 Advocate:2 Ambassador:0");
  g_assert_true (rapport_pipeline_move_stage (f->pipeline, CHAMPION, 100, &error));
  assert_stages (f, "Newcomer:0 Regular:0 Contributor:0 Advocate:2 Ambassador:0 Champion:0");
  g_assert_cmpint (query_int (f, "SELECT position FROM pipeline_stages WHERE id = ?", CHAMPION), ==, 5);

  /* Remove: a stage with members needs a target. */
  g_ptr_array_set_size (f->changes, 0);
  g_assert_false (rapport_pipeline_remove_stage (f->pipeline, ADVOCATE, 0, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Advocate"));
  g_assert_nonnull (strstr (error->message, "2 members"));
  g_clear_error (&error);
  g_assert_false (rapport_pipeline_remove_stage (f->pipeline, ADVOCATE, 99, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_stages (f, "Newcomer:0 Regular:0 Contributor:0 Advocate:2 Ambassador:0 Champion:0");

  g_assert_true (rapport_pipeline_remove_stage (f->pipeline, ADVOCATE, ambassador, &error));
  g_assert_no_error (error);
  assert_stages (f, "Newcomer:0 Regular:0 Contributor:0 Ambassador:2 Champion:0");
  g_assert_cmpint (member_stage (f, ana), ==, ambassador);
  g_assert_cmpint (member_stage (f, bo), ==, ambassador);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM stage_history WHERE reason = 'stage-removed' "
                                 "AND to_stage = ?", ambassador), ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "pipeline_stages:4:2", g_str_equal, NULL));
  {
    g_autofree char *notice = g_strdup_printf ("members:%" G_GINT64_FORMAT ":1", ana);
    g_assert_true (g_ptr_array_find_with_equal_func (f->changes, notice, g_str_equal, NULL));
  }

  /* An empty stage goes without a target; the entry stage stays. */
  g_assert_true (rapport_pipeline_remove_stage (f->pipeline, CONTRIBUTOR, 0, &error));
  g_assert_no_error (error);
  assert_stages (f, "Newcomer:0 Regular:0 Ambassador:2 Champion:0");
  g_assert_false (rapport_pipeline_remove_stage (f->pipeline, NEWCOMER, PARTICIPANT, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Newcomer"));
  g_clear_error (&error);

  /* New members still join the entry stage, wherever it stands. */
  g_assert_true (rapport_pipeline_move_stage (f->pipeline, NEWCOMER, 3, &error));
  g_assert_cmpint (member_stage (f, add_member (f, "Cy")), ==, NEWCOMER);
  g_assert_true (rapport_pipeline_refresh (f->pipeline, &error));
  assert_stages (f, "Regular:0 Ambassador:2 Champion:0 Newcomer:1");
}

static void
test_move_history_undo (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RapportStageChange) latest = NULL;
  g_autoptr(RapportStageChange) oldest = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana = add_member (f, "Ana");
  gint64 first;
  gint64 second;
  gint64 first_row;
  gint64 second_row;
  gint64 none;

  g_assert_true (rapport_pipeline_refresh (f->pipeline, &error));
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (rapport_pipeline_move_member (f->pipeline, ana, CONTRIBUTOR, RAPPORT_MOVE_MANUAL, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (member_stage (f, ana), ==, CONTRIBUTOR);
  assert_stages (f, "Newcomer:0 Participant:0 Contributor:1 Advocate:0 Champion:0");
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "members:1:1", g_str_equal, NULL));

  /* Already there: nothing recorded. */
  g_assert_true (rapport_pipeline_move_member (f->pipeline, ana, CONTRIBUTOR, RAPPORT_MOVE_MANUAL, &none, &error));
  g_assert_cmpint (none, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM stage_history WHERE member_id = ?", ana), ==, 1);

  g_assert_false (rapport_pipeline_move_member (f->pipeline, ana, 42, RAPPORT_MOVE_MANUAL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
  g_clear_error (&error);
  g_assert_false (rapport_pipeline_move_member (f->pipeline, 4242, ADVOCATE, RAPPORT_MOVE_MANUAL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo takes the move back as if it had not happened: the member is where
   * they were and the move is gone from their history, so a move dragged
   * by mistake counts in no figure. */
  g_assert_true (rapport_pipeline_undo_move (f->pipeline, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (member_stage (f, ana), ==, NEWCOMER);
  assert_stages (f, "Newcomer:1 Participant:0 Contributor:0 Advocate:0 Champion:0");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM stage_history WHERE member_id = ?", ana), ==, 0);

  /* Once the member has moved on, an old move cannot be undone. */
  g_assert_true (rapport_pipeline_move_member (f->pipeline, ana, CONTRIBUTOR, RAPPORT_MOVE_MANUAL, &first, &error));
  first_row = query_int (f, "SELECT max (id) FROM stage_history WHERE member_id = ?", ana);
  g_assert_true (rapport_pipeline_move_member (f->pipeline, ana, ADVOCATE, RAPPORT_MOVE_IMPORT, &second, &error));
  second_row = query_int (f, "SELECT max (id) FROM stage_history WHERE member_id = ?", ana);
  g_assert_false (rapport_pipeline_undo_move (f->pipeline, first, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ana"));
  g_clear_error (&error);
  g_assert_cmpint (member_stage (f, ana), ==, ADVOCATE);
  g_assert_false (rapport_pipeline_undo_move (f->pipeline, 999, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  history = rapport_pipeline_list_history (f->pipeline, ana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  latest = g_list_model_get_item (history, 0);
  oldest = g_list_model_get_item (history, 1);
  g_assert_cmpint (rapport_stage_change_get_id (latest), ==, second_row);
  g_assert_cmpstr (rapport_stage_change_get_from_stage (latest), ==, "Contributor");
  g_assert_cmpstr (rapport_stage_change_get_to_stage (latest), ==, "Advocate");
  g_assert_cmpstr (rapport_stage_change_get_reason (latest), ==, "import");
  g_assert_cmpint (rapport_stage_change_get_member_id (latest), ==, ana);
  g_assert_cmpint (rapport_stage_change_get_changed_at (latest), >, 0);
  g_assert_cmpint (rapport_stage_change_get_id (oldest), ==, first_row);
  g_assert_cmpint (rapport_stage_change_get_from_stage_id (oldest), ==, NEWCOMER);
  g_assert_cmpint (rapport_stage_change_get_to_stage_id (oldest), ==, CONTRIBUTOR);
  g_assert_cmpstr (rapport_stage_change_get_reason (oldest), ==, "manual");
  g_assert_cmpstr (rapport_move_reason_get_label ("manual"), !=, "manual");
  g_assert_cmpstr (rapport_move_reason_to_string (RAPPORT_MOVE_STAGE_REMOVED), ==, "stage-removed");

  /* A move whose stage was removed has no stage to go back to. */
  g_assert_true (rapport_pipeline_move_member (f->pipeline, ana, CHAMPION, RAPPORT_MOVE_MANUAL, NULL, &error));
  g_assert_true (rapport_pipeline_remove_stage (f->pipeline, ADVOCATE, PARTICIPANT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT to_stage FROM stage_history WHERE id = ?", second_row), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT from_stage FROM stage_history WHERE id = ?", second_row), ==, CONTRIBUTOR);
}

static GListModel *
suggestions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = rapport_pipeline_list_suggestions (f->pipeline, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static RapportSuggestion *
find_suggestion (GListModel            *list,
                 gint64                 member_id,
                 RapportSuggestionKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RapportSuggestion) s = g_list_model_get_item (list, i);

      if (rapport_suggestion_get_member_id (s) == member_id && rapport_suggestion_get_kind (s) == kind)
        return s;
    }

  return NULL;
}

static void
test_suggestions_promotion (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  RapportSuggestion *s;
  gint64 ids[20];
  gint64 quiet;
  gint64 champion;
  gint64 journal_id;

  /* Twenty members with 20, 19, … 1 recent replies: ranks 1–2 are level 1,
   * 3–7 level 2, the rest level 3. */
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %02d", i);

      ids[i] = add_member (f, name);
      add_activities (f, ids[i], "reply", 20 - i, NOW - 10 * DAY, DAY / 4);
    }
  quiet = add_member (f, "Never Posted");
  g_assert_true (rapport_scoring_rescore_all (f->scoring, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A champion already where their level fits gets no suggestion. */
  champion = ids[1];
  g_assert_true (rapport_pipeline_move_member (f->pipeline, champion, CHAMPION, RAPPORT_MOVE_MANUAL, NULL, &error));

  list = suggestions (f);
  g_assert_null (find_suggestion (list, quiet, RAPPORT_SUGGESTION_PROMOTION));
  g_assert_null (find_suggestion (list, champion, RAPPORT_SUGGESTION_PROMOTION));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 19);

  s = find_suggestion (list, ids[0], RAPPORT_SUGGESTION_PROMOTION);
  g_assert_nonnull (s);
  g_assert_cmpint (rapport_suggestion_get_level (s), ==, 1);
  g_assert_cmpint (rapport_suggestion_get_stage_id (s), ==, NEWCOMER);
  g_assert_cmpint (rapport_suggestion_get_target_stage_id (s), ==, CHAMPION);
  g_assert_cmpstr (rapport_suggestion_get_target_stage (s), ==, "Champion");
  g_assert_cmpstr (rapport_suggestion_get_member_name (s), ==, "Member 00");
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "Top 10% by engagement (score "));
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "ready for Champion"));
  {
    /* The furthest promotion comes first. */
    g_autoptr(RapportSuggestion) head = g_list_model_get_item (list, 0);
    g_assert_true (head == s);
  }

  s = find_suggestion (list, ids[2], RAPPORT_SUGGESTION_PROMOTION);
  g_assert_cmpint (rapport_suggestion_get_target_stage_id (s), ==, ADVOCATE);
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "Top 35% by engagement"));

  /* Level 3 with at least 5 activities fits Contributor, fewer Participant. */
  s = find_suggestion (list, ids[15], RAPPORT_SUGGESTION_PROMOTION);
  g_assert_cmpint (rapport_suggestion_get_level (s), ==, 3);
  g_assert_cmpint (rapport_suggestion_get_target_stage_id (s), ==, CONTRIBUTOR);
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "5 activities"));
  s = find_suggestion (list, ids[16], RAPPORT_SUGGESTION_PROMOTION);
  g_assert_cmpint (rapport_suggestion_get_target_stage_id (s), ==, PARTICIPANT);
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "ready for Participant"));

  /* Dismissed, it stays dismissed… */
  g_assert_true (rapport_pipeline_dismiss_suggestion (f->pipeline, s, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = suggestions (f);
  g_assert_null (find_suggestion (list, ids[16], RAPPORT_SUGGESTION_PROMOTION));
  g_assert_true (rapport_scoring_rescore_all (f->scoring, NULL, NULL, &error));
  g_clear_object (&list);
  list = suggestions (f);
  g_assert_null (find_suggestion (list, ids[16], RAPPORT_SUGGESTION_PROMOTION));

  /* …until the facts change: a fifth activity makes them fit Contributor. */
  add_activities (f, ids[16], "reply", 1, NOW - DAY, 0);
  g_clear_object (&list);
  list = suggestions (f);
  s = find_suggestion (list, ids[16], RAPPORT_SUGGESTION_PROMOTION);
  g_assert_nonnull (s);
  g_assert_cmpint (rapport_suggestion_get_target_stage_id (s), ==, CONTRIBUTOR);

  /* Accepting moves the member, with the reason, and Undo can take it back. */
  s = find_suggestion (list, ids[0], RAPPORT_SUGGESTION_PROMOTION);
  g_assert_true (rapport_pipeline_accept_suggestion (f->pipeline, s, &journal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (member_stage (f, ids[0]), ==, CHAMPION);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM stage_history WHERE member_id = ? AND reason = 'suggestion'",
                              ids[0]), ==, 1);
  g_clear_object (&list);
  list = suggestions (f);
  g_assert_null (find_suggestion (list, ids[0], RAPPORT_SUGGESTION_PROMOTION));
  g_assert_true (rapport_pipeline_undo_move (f->pipeline, journal_id, &error));
  g_assert_cmpint (member_stage (f, ids[0]), ==, NEWCOMER);
}

static void
test_suggestions_cooling (Fixture       *f,
                          gconstpointer  data)
{
  static const int prior[] = { 10, 8, 6, 4, 2, 1, 1, 1 };
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  RapportSuggestion *s;
  gint64 ids[G_N_ELEMENTS (prior)];

  /* Activity between 120 and 30 days ago. The top 25% of 8 members are the
   * two with 10 and 8; the second is still active this month. */
  for (guint i = 0; i < G_N_ELEMENTS (prior); i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);

      ids[i] = add_member (f, name);
      add_activities (f, ids[i], "message", prior[i], NOW - 100 * DAY, DAY);
    }
  add_activities (f, ids[1], "message", 1, NOW - 5 * DAY, 0);
  add_activities (f, ids[2], "message", 3, NOW - 200 * DAY, 0);

  list = suggestions (f);
  s = find_suggestion (list, ids[0], RAPPORT_SUGGESTION_COOLING);
  g_assert_nonnull (s);
  g_assert_null (find_suggestion (list, ids[1], RAPPORT_SUGGESTION_COOLING));
  g_assert_null (find_suggestion (list, ids[2], RAPPORT_SUGGESTION_COOLING));
  g_assert_null (find_suggestion (list, ids[7], RAPPORT_SUGGESTION_COOLING));
  g_assert_cmpint (rapport_suggestion_get_target_stage_id (s), ==, 0);
  g_assert_cmpstr (rapport_suggestion_get_stage (s), ==, "Newcomer");
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "10 activities"));
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "silent for 91 days"));

  /* Dismissed until their last activity changes. */
  g_assert_true (rapport_pipeline_dismiss_suggestion (f->pipeline, s, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = suggestions (f);
  g_assert_null (find_suggestion (list, ids[0], RAPPORT_SUGGESTION_COOLING));

  add_activities (f, ids[0], "message", 1, NOW - 40 * DAY, 0);
  g_clear_object (&list);
  list = suggestions (f);
  s = find_suggestion (list, ids[0], RAPPORT_SUGGESTION_COOLING);
  g_assert_nonnull (s);
  g_assert_nonnull (strstr (rapport_suggestion_get_reason (s), "11 activities"));

  /* Accepting adds a follow-up task and puts the suggestion away. */
  g_assert_true (rapport_pipeline_accept_suggestion (f->pipeline, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM tasks WHERE member_id = ? AND title LIKE 'Check in with Member 0%'",
                              ids[0]), ==, 1);
  g_assert_cmpint (member_stage (f, ids[0]), ==, NEWCOMER);
  g_clear_object (&list);
  list = suggestions (f);
  g_assert_null (find_suggestion (list, ids[0], RAPPORT_SUGGESTION_COOLING));

  /* Back in the last 30 days: not cooling any more. */
  add_activities (f, ids[0], "message", 1, NOW - 2 * DAY, 0);
  g_clear_object (&list);
  list = suggestions (f);
  g_assert_null (find_suggestion (list, ids[0], RAPPORT_SUGGESTION_COOLING));
}

static void
on_suggestions_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rapport_pipeline_list_suggestions_finish (RAPPORT_PIPELINE (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_suggestions_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) sync = NULL;
  g_autoptr(GListModel) async = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %02d", i);
      gint64 id = add_member (f, name);

      add_activities (f, id, i % 3 ? "post" : "reaction", 1 + i % 9, NOW - (20 + i * 5) * DAY, DAY);
    }
  g_assert_true (rapport_scoring_rescore_all (f->scoring, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The worker thread finds what the main connection finds. */
  sync = suggestions (f);
  g_assert_cmpuint (g_list_model_get_n_items (sync), >, 0);
  rapport_pipeline_list_suggestions_async (f->pipeline, NULL, on_suggestions_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (async), ==, g_list_model_get_n_items (sync));
  for (guint i = 0; i < g_list_model_get_n_items (sync); i++)
    {
      g_autoptr(RapportSuggestion) a = g_list_model_get_item (sync, i);
      g_autoptr(RapportSuggestion) b = g_list_model_get_item (async, i);

      g_assert_cmpint (rapport_suggestion_get_member_id (a), ==, rapport_suggestion_get_member_id (b));
      g_assert_cmpstr (rapport_suggestion_get_fingerprint (a), ==, rapport_suggestion_get_fingerprint (b));
      g_assert_cmpstr (rapport_suggestion_get_reason (a), ==, rapport_suggestion_get_reason (b));
    }
}

static gint64
find_recognition (GListModel          *list,
                  gint64               id,
                  RapportRecognition **out)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RapportRecognition) r = g_list_model_get_item (list, i);

      if (rapport_recognition_get_id (r) == id)
        {
          *out = r;
          return id;
        }
    }

  *out = NULL;
  return 0;
}

static void
test_recognition (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GError) error = NULL;
  RapportRecognition *r;
  gint64 given = NOW - 100 * DAY;
  gint64 ana = add_member (f, "Ana");
  gint64 bo = add_member (f, "Bo");
  gint64 cy = add_member (f, "Cy");
  gint64 kudos;
  gint64 swag;
  gint64 slot;
  gint64 spotlight;
  g_autofree char *text = NULL;
  double percent;

  /* Ana: 4 activities in the 60 days before (one exactly 60 days before),
   * 6 from the day it was given (one at that very second); one 60 days
   * after does not count. */
  add_activities (f, ana, "reply", 3, given - 50 * DAY, DAY);
  add_activities (f, ana, "reply", 1, given - 60 * DAY, 0);
  add_activities (f, ana, "reply", 6, given, DAY);
  add_activities (f, ana, "reply", 1, given + 60 * DAY, 0);
  add_activities (f, ana, "reply", 2, given - 90 * DAY, DAY);
  /* Bo: nothing before, 3 after. */
  add_activities (f, bo, "post", 3, given + 10 * DAY, DAY);

  kudos = rapport_pipeline_add_recognition (f->pipeline, ana, RAPPORT_RECOGNITION_KUDOS,
                                            "Great release notes", given, "Maya", &error);
  g_assert_no_error (error);
  swag = rapport_pipeline_add_recognition (f->pipeline, bo, "  swag ", NULL, given, NULL, &error);
  g_assert_no_error (error);
  slot = rapport_pipeline_add_recognition (f->pipeline, cy, RAPPORT_RECOGNITION_SPEAKING_SLOT,
                                           "Lightning talk", given, "Events team", &error);
  g_assert_no_error (error);
  spotlight = rapport_pipeline_add_recognition (f->pipeline, ana, RAPPORT_RECOGNITION_SPOTLIGHT,
                                                "Newsletter feature", NOW - 10 * DAY, "Maya", &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "recognitions:1:0", g_str_equal, NULL));

  list = rapport_pipeline_list_recognitions (f->pipeline, ana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  find_recognition (list, kudos, &r);
  g_assert_nonnull (r);
  g_assert_cmpstr (rapport_recognition_get_kind (r), ==, "kudos");
  g_assert_cmpstr (rapport_recognition_get_description (r), ==, "Great release notes");
  g_assert_cmpstr (rapport_recognition_get_given_by (r), ==, "Maya");
  g_assert_cmpint (rapport_recognition_get_given_at (r), ==, given);
  g_assert_cmpint (rapport_recognition_get_activities_before (r), ==, 4);
  g_assert_cmpint (rapport_recognition_get_activities_after (r), ==, 6);
  g_assert_true (rapport_recognition_get_impact_percent (r, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 50, 1e-9);
  text = rapport_recognition_dup_impact_text (r);
  g_assert_cmpstr (text, ==, "+50%");
  g_clear_pointer (&text, g_free);
  g_assert_true (rapport_recognition_get_impact_complete (r));
  g_assert_cmpstr (rapport_recognition_kind_get_label ("speaking-slot"), ==, "Speaking slot");

  /* The spotlight was 10 days ago: its impact is still coming in, and
   * Ana was less active since than in the 60 days before. */
  find_recognition (list, spotlight, &r);
  g_assert_false (rapport_recognition_get_impact_complete (r));
  text = rapport_recognition_dup_impact_text (r);
  g_assert_cmpstr (text, ==, "−100%");
  g_clear_pointer (&text, g_free);

  everyone = rapport_pipeline_list_recognitions (f->pipeline, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 4);
  find_recognition (everyone, swag, &r);
  g_assert_cmpstr (rapport_recognition_get_kind (r), ==, "swag");
  g_assert_false (rapport_recognition_get_impact_percent (r, NULL));
  text = rapport_recognition_dup_impact_text (r);
  g_assert_cmpstr (text, ==, "new");
  g_clear_pointer (&text, g_free);
  find_recognition (everyone, slot, &r);
  text = rapport_recognition_dup_impact_text (r);
  g_assert_cmpstr (text, ==, "none");
  g_clear_pointer (&text, g_free);

  /* Bad input is refused with a reason. */
  g_assert_cmpint (rapport_pipeline_add_recognition (f->pipeline, ana, " ", NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rapport_pipeline_add_recognition (f->pipeline, 999, "kudos", NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rapport_pipeline_remove_recognition (f->pipeline, swag, &error));
  g_assert_false (rapport_pipeline_remove_recognition (f->pipeline, swag, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/pipeline/stages/default", test_stages_default);
  ADD ("/rapport/pipeline/stages/edit", test_stages_edit);
  ADD ("/rapport/pipeline/move-history-undo", test_move_history_undo);
  ADD ("/rapport/pipeline/suggestions/promotion", test_suggestions_promotion);
  ADD ("/rapport/pipeline/suggestions/cooling", test_suggestions_cooling);
  ADD ("/rapport/pipeline/suggestions/async", test_suggestions_async);
  ADD ("/rapport/pipeline/recognition", test_recognition);

#undef ADD

  return g_test_run ();
}
