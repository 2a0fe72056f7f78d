/* test-journal.c
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

/* The undo journal: every operation undone leaves the database as it was
 * before, compared table by table, row by row. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-clock.h"
#include "rapport-content-schedule.h"
#include "rapport-content-store.h"
#include "rapport-demo.h"
#include "rapport-member.h"
#include "rapport-operation.h"
#include "rapport-pipeline.h"
#include "rapport-store-private.h"
#include "rapport-test-db.h"
#include "rapport-store.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  RapportDemoOptions options = { 60, 3000, 7 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_clock_set_fixed_iso8601 (rapport_clock_get_default (), "2026-08-12T12:00:00Z", NULL));
  f->dir = g_dir_make_tmp ("rapport-journal-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_demo_generate (f->store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rapport_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  rapport_clock_follow_system (rapport_clock_get_default ());
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = _rapport_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_rapport_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The member with the most rows hanging off them. */
static gint64
busiest_member (Fixture *f)
{
  return query_int (f,
                    "SELECT m.id FROM members m ORDER BY "
                    "(SELECT count(*) FROM activities WHERE member_id = m.id) + "
                    "(SELECT count(*) FROM member_tags WHERE member_id = m.id) + "
                    "(SELECT count(*) FROM notes WHERE member_id = m.id) + "
                    "(SELECT count(*) FROM rsvps WHERE member_id = m.id) DESC, m.id LIMIT 1");
}

static void
test_delete_member (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 member_id = busiest_member (f);
  gint64 journal_id = 0;

  /* A conduct report they made: it stays, pointing at nobody, and undo
   * points it back. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO coc_reports "
                                            "(reported_at, reporter_member_id, subject_member_id, summary) "
                                            "VALUES (1786000000, %lld, (SELECT max (id) FROM members), "
                                            "'Rude in #general')",
                                            (long long) member_id);
    exec (f, sql);
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activities WHERE member_id = "
                                 "(SELECT reporter_member_id FROM coc_reports)"), >, 0);

  before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_true (rapport_store_delete_member (f->store, member_id, &journal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (journal_id, >, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM members WHERE id = (SELECT max (row_id) FROM change_journal)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT reporter_member_id IS NULL FROM coc_reports"), ==, 1);
  {
    g_autofree char *deleted = rapport_test_dump (_rapport_store_get_db (f->store), NULL);

    g_assert_cmpuint (strlen (before), >, 100000);
    g_assert_cmpstr (deleted, !=, before);
  }

  operations = rapport_store_list_operations (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, ==, 1);
  g_assert_cmpint (rapport_operation_get_id (g_ptr_array_index (operations, 0)), ==, journal_id);
  g_assert_cmpstr (rapport_operation_get_kind (g_ptr_array_index (operations, 0)), ==, "delete-member");
  g_assert_true (g_str_has_prefix (rapport_operation_get_label (g_ptr_array_index (operations, 0)), "Delete "));

  g_assert_true (rapport_store_undo (f->store, journal_id, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_cmpstr (after, ==, before);

  /* Once is enough. */
  g_assert_false (rapport_store_undo (f->store, journal_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&operations, g_ptr_array_unref);
  operations = rapport_store_list_operations (f->store, 10, &error);
  g_assert_cmpuint (operations->len, ==, 0);
}

static void
test_delete_note (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 member_id = busiest_member (f);
  gint64 note_id;
  gint64 journal_id = 0;

  note_id = rapport_store_add_note (f->store, member_id, "Met at FOSDEM, wants to give a talk", "me", &error);
  g_assert_no_error (error);

  before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_true (rapport_store_delete_note (f->store, note_id, &journal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM notes WHERE body LIKE 'Met at FOSDEM%'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM member_search WHERE member_search MATCH 'fosdem'"), ==, 0);

  g_assert_true (rapport_store_undo (f->store, journal_id, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM member_search WHERE member_search MATCH 'fosdem'"), ==, 1);
}

/* Undo refuses, and changes nothing, when the rows it would put back have
 * been changed again since. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMember) newcomer = rapport_member_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 last = query_int (f, "SELECT max (id) FROM members");
  gint64 journal_id = 0;

  g_assert_true (rapport_store_delete_member (f->store, last, &journal_id, &error));
  g_assert_no_error (error);

  /* SQLite gives the next member the id that was freed. */
  rapport_member_set_name (newcomer, "Someone New");
  g_assert_true (rapport_store_insert_member (f->store, newcomer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_member_get_id (newcomer), ==, last);

  before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_false (rapport_store_undo (f->store, journal_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed again since"));
  after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Half a year of undo is kept: an operation older than that is gone from
 * the journal, rows and all, the next time one is written. */
static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 member_id = busiest_member (f);
  gint64 old_id = 0;
  gint64 note_id;

  note_id = rapport_store_add_note (f->store, member_id, "Old note", NULL, &error);
  g_assert_true (rapport_store_delete_note (f->store, note_id, &old_id, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM change_journal_rows"), >, 0);

  rapport_clock_advance (rapport_clock_get_default (), 181 * 24 * G_TIME_SPAN_HOUR / G_TIME_SPAN_SECOND);
  note_id = rapport_store_add_note (f->store, member_id, "New note", NULL, &error);
  g_assert_true (rapport_store_delete_note (f->store, note_id, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (rapport_store_undo (f->store, old_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM change_journal"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT journal_id) FROM change_journal_rows"), ==, 1);
}

/* rapport-cli undo --list shows the operation, rapport-cli undo undoes it. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("RAPPORT_CLI");
  gint64 member_id = busiest_member (f);
  int status;

  g_assert_nonnull (cli);
  before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_true (rapport_store_delete_member (f->store, member_id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  {
    const char *argv[] = { cli, "--db", f->path, "undo", "--list", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Delete "));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { cli, "--db", f->path, "undo", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, "Undone: Delete "));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* Nothing left, and a word that is not an id, are errors. */
    const char *argv[] = { cli, "--db", f->path, "undo", NULL };
    const char *bad[] = { cli, "--db", f->path, "undo", "last-tuesday", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "nothing to undo"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) bad, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "“last-tuesday” is not an operation id"));
  }

  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A stage move on the board, undone: as if it had not happened; and an
 * old move once the member has moved on is refused. */
static void
test_stage_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPipeline) pipeline = rapport_pipeline_new (f->store, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 member_id = query_int (f, "SELECT max (id) FROM members");
  gint64 target = query_int (f, "SELECT max (id) FROM pipeline_stages");
  gint64 first = 0;
  gint64 second = 0;

  g_assert_no_error (error);
  exec (f, "UPDATE members SET stage_id = (SELECT min (id) FROM pipeline_stages) WHERE id = (SELECT max (id) FROM members)");

  before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_true (rapport_pipeline_move_member (pipeline, member_id, target, RAPPORT_MOVE_MANUAL, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_true (rapport_pipeline_undo_move (pipeline, first, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
  g_assert_cmpstr (after, ==, before);

  /* Scoring or an edit touching the member since does not stand in the
   * way; another move does. */
  g_assert_true (rapport_pipeline_move_member (pipeline, member_id, target, RAPPORT_MOVE_MANUAL, &first, &error));
  exec (f, "UPDATE members SET updated_at = updated_at + 60 WHERE id = (SELECT max (id) FROM members)");
  g_assert_true (rapport_pipeline_undo_move (pipeline, first, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_pipeline_move_member (pipeline, member_id, target, RAPPORT_MOVE_MANUAL, &first, &error));
  g_assert_true (rapport_pipeline_move_member (pipeline, member_id, target - 1, RAPPORT_MOVE_MANUAL, &second, &error));
  g_assert_false (rapport_pipeline_undo_move (pipeline, first, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (rapport_pipeline_undo_move (pipeline, second, &error));
  g_assert_true (rapport_pipeline_undo_move (pipeline, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT stage_id = (SELECT min (id) FROM pipeline_stages) FROM members "
                                 "WHERE id = (SELECT max (id) FROM members)"), ==, 1);
}

/* Rescheduling content: an idea dropped on a day (dated and walked to
 * Scheduled), a post moved, one occurrence of a series moved alone. */
static void
test_reschedule (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContentItem) idea = rapport_content_item_new ("Contributor spotlight", "blog-post");
  g_autoptr(RapportContentItem) weekly = rapport_content_item_new ("Office hours", "livestream");
  g_autoptr(RapportContentOccurrence) third = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 8, 20, 0, 0, 0);
  g_autoptr(GDateTime) other_day = g_date_time_new_utc (2026, 8, 28, 0, 0, 0);
  const char *channels[] = { "blog", "mastodon", NULL };
  gint64 start = 1786356000;   /* 2026-08-10 10:00 UTC, a Monday */
  gint64 journal_id = 0;

  rapport_content_item_set_channels (idea, channels);
  g_assert_true (rapport_content_add (f->store, idea, &error));
  rapport_content_item_set_publish_at (weekly, start, "UTC");
  rapport_content_item_set_rrule (weekly, "FREQ=WEEKLY;COUNT=6");
  g_assert_true (rapport_content_add (f->store, weekly, &error));
  g_assert_no_error (error);

  {
    g_autofree char *before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
    g_autofree char *after = NULL;
    g_autoptr(RapportContentItem) dated = NULL;

    g_assert_true (rapport_content_schedule (f->store, rapport_content_item_get_id (idea), day, &journal_id, &error));
    g_assert_no_error (error);
    dated = rapport_content_get (f->store, rapport_content_item_get_id (idea), &error);
    g_assert_cmpint (rapport_content_item_get_status (dated), ==, RAPPORT_CONTENT_STATUS_SCHEDULED);
    g_assert_true (rapport_content_item_has_date (dated));

    g_assert_true (rapport_store_undo (f->store, journal_id, &error));
    g_assert_no_error (error);
    after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
    g_assert_cmpstr (after, ==, before);
  }

  {
    g_autofree char *before = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
    g_autofree char *after = NULL;
    gint64 week = 7 * 24 * 3600;

    third = rapport_content_occurrence_new (weekly, start + 2 * week, start + 2 * week);
    g_assert_true (rapport_content_move_occurrence (f->store, third, other_day, FALSE, &journal_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (journal_id, >, 0);
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM content_items WHERE series_id IS NOT NULL"), ==, 1);

    g_assert_true (rapport_store_undo (f->store, journal_id, &error));
    g_assert_no_error (error);
    after = rapport_test_dump (_rapport_store_get_db (f->store), NULL);
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/journal/delete-member", test_delete_member);
  ADD ("/rapport/journal/delete-note", test_delete_note);
  ADD ("/rapport/journal/conflict", test_conflict);
  ADD ("/rapport/journal/stage-move", test_stage_move);
  ADD ("/rapport/journal/reschedule", test_reschedule);
  ADD ("/rapport/journal/retention", test_retention);
  ADD ("/rapport/journal/cli", test_cli);

  return g_test_run ();
}
