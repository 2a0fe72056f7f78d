/* test-merge.c
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

/* Merging members keeps every row of both, and unmerging puts the
 * database back as it was, compared table by table, row by row. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "rapport-clock.h"
#include "rapport-demo.h"
#include "rapport-member.h"
#include "rapport-merge.h"
#include "rapport-operation.h"
#include "rapport-scoring.h"
#include "rapport-store-private.h"
#include "rapport-test-db.h"
#include "rapport-store.h"

#define NOW "2026-08-12T12:00:00Z"
#define NOW_UNIX 1786536000

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        survivor;   /* Ana Silva Costa */
  gint64        other;      /* Ana Silva */
  gint64        third;      /* A. Silva, for the three-way merge */
  gint64        bystander;  /* a member of the demo with suggestions */
  gint64        event_both;
  gint64        event_other;
} Fixture;

/* Derived: the duplicates engine keeps them (test-duplicates). */
static const char * const derived_tables[] = { "member_keys", "merge_suggestions", NULL };

static gint64
query_int (Fixture    *f,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  sqlite3 *db = _rapport_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 value = -1;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (Fixture    *f,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static char *
query_text (Fixture    *f,
            const char *format,
            ...)
{
  sqlite3 *db = _rapport_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  char *value = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
exec (Fixture    *f,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
exec (Fixture    *f,
      const char *format,
      ...)
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  if (sqlite3_exec (_rapport_store_get_db (f->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *email)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (member, name);
  rapport_member_set_email (member, email);
  g_assert_true (rapport_store_insert_member (f->store, member, &error));
  g_assert_no_error (error);

  return rapport_member_get_id (member);
}

/* The duplicates engine keys and pairs every new member; the tests make
 * their own. */
static void
forget_duplicates (Fixture *f,
                   gint64   member_id)
{
  exec (f, "DELETE FROM member_keys WHERE member_id = %lld", (long long) member_id);
  exec (f, "DELETE FROM merge_suggestions WHERE member_a = %lld OR member_b = %lld",
        (long long) member_id, (long long) member_id);
}

static void
rescore (Fixture *f,
         gint64   member_id)
{
  g_autoptr(RapportScoring) scoring = rapport_scoring_dup_for_store (f->store);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_scoring_update_member (scoring, member_id, &error));
  g_assert_no_error (error);
}

/* Two records of one person, with a row in every table that belongs to a
 * member, some of them rows both have. */
static void
make_pair (Fixture *f)
{
  gint64 a, b, content_both, content_other, account;

  a = f->survivor = add_member (f, "Ana Silva Costa", "ana.costa@example.org");
  b = f->other = add_member (f, "Ana Silva", "ana@example.org");
  f->bystander = query_int (f, "SELECT min (id) FROM members");
  forget_duplicates (f, a);
  forget_duplicates (f, b);

  exec (f, "UPDATE members SET organization_id = (SELECT min (id) FROM organizations), location = 'Lisbon', "
           "bio = 'Organizes the Lisbon meetup', stage_id = 2, joined_at = 1700000000, "
           "updated_at = 1780000000 WHERE id = %lld", (long long) a);
  exec (f, "UPDATE members SET title = 'Developer Advocate', location = 'Porto', phone = '+351 21 000 0000', "
           "timezone = 'Europe/Lisbon', stage_id = 3, joined_at = 1650000000, source = 'csv', "
           "custom_fields = '{\"shirt\":\"M\"}', updated_at = 1780000000 WHERE id = %lld", (long long) b);
  exec (f, "INSERT INTO emails (member_id, address) VALUES (%lld, 'ana.silva@old.example')", (long long) b);

  exec (f, "INSERT INTO identities (member_id, platform, handle, external_id, email) VALUES "
           "(%lld, 'github', 'anacosta', '101', NULL), (%lld, 'hubspot', NULL, 'hs-1', 'ana.costa@example.org'), "
           "(%lld, 'discourse', 'anas', '7', NULL), (%lld, 'hubspot', NULL, 'hs-2', 'ana@example.org')",
        (long long) a, (long long) a, (long long) b, (long long) b);

  exec (f, "INSERT OR IGNORE INTO tags (name) VALUES ('speaker'), ('lisbon'), ('mentor')");
  exec (f, "INSERT INTO member_tags (member_id, tag_id) SELECT %lld, id FROM tags WHERE name IN ('speaker', 'lisbon')",
        (long long) a);
  exec (f, "INSERT INTO member_tags (member_id, tag_id) SELECT %lld, id FROM tags WHERE name IN ('speaker', 'mentor')",
        (long long) b);

  exec (f, "INSERT INTO notes (member_id, body, created_at, updated_at) VALUES "
           "(%lld, 'Wants to give a talk', 1780000000, 1780000000), "
           "(%lld, 'Met at FOSDEM', 1780000100, 1780000100)", (long long) a, (long long) b);
  exec (f, "INSERT INTO interactions (member_id, kind, occurred_at, summary) VALUES "
           "(%lld, 'call', 1780000000, 'Intro call'), (%lld, 'email', 1780000200, 'Sent swag')",
        (long long) a, (long long) b);
  exec (f, "INSERT INTO tasks (member_id, title, due_at, created_at) VALUES "
           "(%lld, 'Invite to the advisory board', 1787000000, 1780000000), "
           "(%lld, 'Send the talk template', 1787100000, 1780000000)", (long long) a, (long long) b);

  /* Three activities for one, four for the other, whose latest is later. */
  exec (f, "INSERT INTO activities (member_id, platform, kind, occurred_at, title) VALUES "
           "(%lld, 'github', 'pull-request', 1786000000, 'Fix the docs'), "
           "(%lld, 'github', 'issue', 1786100000, 'Crash on start'), "
           "(%lld, 'github', 'reaction', 1786200000, NULL), "
           "(%lld, 'discourse', 'post', 1785000000, 'Hello'), "
           "(%lld, 'discourse', 'reply', 1786300000, 'Thanks'), "
           "(%lld, 'discourse', 'reply', 1786400000, 'Agreed'), "
           "(%lld, 'discourse', 'post', 1786500000, 'Meetup recap')",
        (long long) a, (long long) a, (long long) a, (long long) b, (long long) b, (long long) b, (long long) b);

  exec (f, "INSERT INTO stage_history (member_id, from_stage, to_stage, changed_at) VALUES "
           "(%lld, 1, 2, 1780000000), (%lld, 2, 3, 1781000000)", (long long) a, (long long) b);
  exec (f, "INSERT INTO recognitions (member_id, kind, given_at) VALUES "
           "(%lld, 'badge', 1781000000), (%lld, 'shout-out', 1782000000)", (long long) a, (long long) b);

  /* One event both answered (the other's answer is the better one), one
   * only the other did. */
  exec (f, "INSERT INTO events (uid, title, starts_at) VALUES ('merge-both@test', 'Lisbon meetup', 1787000000)");
  f->event_both = query_int (f, "SELECT id FROM events WHERE uid = 'merge-both@test'");
  exec (f, "INSERT INTO events (uid, title, starts_at) VALUES ('merge-other@test', 'Porto meetup', 1787500000)");
  f->event_other = query_int (f, "SELECT id FROM events WHERE uid = 'merge-other@test'");
  exec (f, "INSERT INTO rsvps (event_id, member_id, status, created_at, updated_at) VALUES "
           "(%lld, %lld, 'maybe', 1780000000, 1780000000), (%lld, %lld, 'going', 1780000000, 1780000000), "
           "(%lld, %lld, 'going', 1780000000, 1780000000)",
        (long long) f->event_both, (long long) a, (long long) f->event_both, (long long) b,
        (long long) f->event_other, (long long) b);
  exec (f, "INSERT INTO rsvp_history (rsvp_id, at, from_status, to_status) "
           "SELECT id, 1780000000, NULL, status FROM rsvps WHERE event_id IN (%lld, %lld)",
        (long long) f->event_both, (long long) f->event_other);
  exec (f, "INSERT INTO event_people (event_id, member_id, role) VALUES "
           "(%lld, %lld, 'speaker'), (%lld, %lld, 'speaker'), (%lld, %lld, 'host')",
        (long long) f->event_both, (long long) a, (long long) f->event_both, (long long) b,
        (long long) f->event_other, (long long) b);

  exec (f, "INSERT INTO content_items (uid, title) VALUES ('merge-c1@test', 'Meetup recap'), "
           "('merge-c2@test', 'Contributor spotlight')");
  content_both = query_int (f, "SELECT id FROM content_items WHERE uid = 'merge-c1@test'");
  content_other = query_int (f, "SELECT id FROM content_items WHERE uid = 'merge-c2@test'");
  exec (f, "INSERT INTO content_item_members (item_id, member_id) VALUES (%lld, %lld), (%lld, %lld), (%lld, %lld)",
        (long long) content_both, (long long) a, (long long) content_both, (long long) b,
        (long long) content_other, (long long) b);

  exec (f, "INSERT INTO coc_reports (reported_at, reporter_member_id, subject_member_id, summary) VALUES "
           "(1781000000, %lld, %lld, 'Rude in #general')", (long long) b, (long long) f->bystander);

  exec (f, "INSERT INTO suggestion_decisions (member_id, kind, fingerprint, decision, decided_at) VALUES "
           "(%lld, 'promote', 'a1', 'dismissed', 1781000000), (%lld, 'promote', 'b1', 'dismissed', 1781000000), "
           "(%lld, 'cooling-off', 'b2', 'dismissed', 1781000000)", (long long) a, (long long) b, (long long) b);

  /* Both are HubSpot contacts. */
  exec (f, "INSERT INTO member_remote_fields (member_id, platform, fields) VALUES "
           "(%lld, 'hubspot', '{\"name\":\"Ana Silva Costa\",\"email\":\"ana.costa@example.org\"}'), "
           "(%lld, 'hubspot', '{\"name\":\"Ana Silva\",\"email\":\"ana@example.org\"}')",
        (long long) a, (long long) b);
  exec (f, "INSERT INTO accounts (connector, name) VALUES ('hubspot', 'HubSpot')");
  account = query_int (f, "SELECT max (id) FROM accounts");
  exec (f, "INSERT INTO sync_push_state (account_id, member_id, pushed_values, pushed_at) VALUES "
           "(%lld, %lld, '{}', 1781000000), (%lld, %lld, '{}', 1781000000)",
        (long long) account, (long long) a, (long long) account, (long long) b);

  /* The pair itself, one the other has with a bystander, and one both
   * have with another. */
  exec (f, "INSERT INTO merge_suggestions (member_a, member_b, confidence, reasons, evidence) VALUES "
           "(min (%lld, %lld), max (%lld, %lld), 0.9, '[\"Same name\"]', 'n:ana silva'), "
           "(%lld, %lld, 0.5, '[\"Same family name\"]', 'l:a silva'), "
           "(%lld, %lld, 0.4, '[\"Same city\"]', 'x'), "
           "(%lld, %lld, 0.4, '[\"Same city\"]', 'x')",
        (long long) a, (long long) b, (long long) a, (long long) b,
        (long long) f->bystander, (long long) b,
        (long long) f->bystander + 1, (long long) a,
        (long long) f->bystander + 1, (long long) b);

  exec (f, "INSERT INTO member_keys (key, member_id) VALUES ('n:ana silva costa', %lld), ('l:a silva', %lld), "
           "('n:ana silva', %lld), ('l:a silva', %lld), ('h:anas', %lld)",
        (long long) a, (long long) a, (long long) b, (long long) b, (long long) b);

  rescore (f, a);
  rescore (f, b);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  RapportDemoOptions options = { 40, 1500, 7 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_clock_set_fixed_iso8601 (rapport_clock_get_default (), NOW, NULL));
  f->dir = g_dir_make_tmp ("rapport-merge-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_demo_generate (f->store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  make_pair (f);
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

static int
count_of (GHashTable *counts,
          const char *table)
{
  g_assert_true (g_hash_table_contains (counts, table));
  return GPOINTER_TO_INT (g_hash_table_lookup (counts, table));
}

static void
on_members_changed_cb (RapportStore      *store,
                       const char        *table,
                       gint64             row_id,
                       RapportChangeKind  kind,
                       gpointer           data)
{
  GArray *deleted = data;

  if (kind == RAPPORT_CHANGE_DELETED)
    g_array_append_val (deleted, row_id);
}

/* The tables whose rows point at a member. */
static const char * const member_tables[] = {
  "emails", "identities", "member_tags", "notes", "interactions", "tasks", "activities",
  "stage_history", "recognitions", "event_people", "rsvps", "content_item_members",
  "suggestion_decisions", "member_remote_fields", "sync_push_state",
};

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before_counts = NULL;
  g_autoptr(GHashTable) after_counts = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autoptr(GPtrArray) merges = NULL;
  g_autoptr(GArray) deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) others = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  RapportMergeChoices choices;
  gint64 a = f->survivor;
  gint64 b = f->other;
  gint64 journal_id = 0;
  gint64 survivor_id = 0;
  double score;
  gulong handler;
  /* The rows both had once: a tag, an RSVP (and its history), an event
   * role, a content credit, a suggestion decision, HubSpot fields, push
   * state, a key, and a suggestion with the same third member; the pair's
   * own suggestion; the other's member row and search document. */
  static const struct {
    const char *table;
    int         dropped;
  } collided[] = {
    { "members", 1 }, { "member_search", 1 }, { "member_tags", 1 }, { "rsvps", 1 },
    { "rsvp_history", 1 }, { "event_people", 1 }, { "content_item_members", 1 },
    { "suggestion_decisions", 1 }, { "member_remote_fields", 1 }, { "sync_push_state", 1 },
  };

  before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  before_counts = rapport_test_count_rows (_rapport_store_get_db (f->store), derived_tables);
  {
    gint64 survivor_rows = 0, other_rows = 0;

    for (guint i = 0; i < G_N_ELEMENTS (member_tables); i++)
      {
        survivor_rows += query_int (f, "SELECT count(*) FROM %s WHERE member_id = %lld", member_tables[i], (long long) a);
        other_rows += query_int (f, "SELECT count(*) FROM %s WHERE member_id = %lld", member_tables[i], (long long) b);
      }
    g_assert_cmpint (survivor_rows, ==, 19);
    g_assert_cmpint (other_rows, ==, 25);
  }

  rapport_merge_choices_init (&choices);
  /* HubSpot owns the name and the email: those choices give way. */
  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_NAME, b);
  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_EMAIL, b);
  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_LOCATION, b);
  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_STAGE, b);
  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_BIO, a);

  handler = g_signal_connect (f->store, "changed::members", G_CALLBACK (on_members_changed_cb), deleted);
  g_assert_true (rapport_store_merge_members (f->store, a, &b, 1, &choices, &journal_id, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, handler);
  g_assert_cmpint (journal_id, >, 0);
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_cmpint (g_array_index (deleted, gint64, 0), ==, b);

  /* Every row of both is kept, on the survivor, but the duplicates. */
  after_counts = rapport_test_count_rows (_rapport_store_get_db (f->store), derived_tables);
  {
    g_autoptr(GList) tables = g_hash_table_get_keys (before_counts);

    for (const GList *l = tables; l != NULL; l = l->next)
      {
        int expected = count_of (before_counts, l->data);

        for (guint i = 0; i < G_N_ELEMENTS (collided); i++)
          {
            if (g_str_equal (collided[i].table, l->data))
              expected -= collided[i].dropped;
          }
        if (count_of (after_counts, l->data) != expected)
          g_error ("%s: %d rows after the merge, %d expected", (const char *) l->data,
                   count_of (after_counts, l->data), expected);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (member_tables); i++)
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM %s WHERE member_id = %lld", member_tables[i], (long long) b), ==, 0);
  {
    gint64 survivor_rows = 0;

    for (guint i = 0; i < G_N_ELEMENTS (member_tables); i++)
      survivor_rows += query_int (f, "SELECT count(*) FROM %s WHERE member_id = %lld", member_tables[i], (long long) a);
    /* 19 + 25 less the 7 duplicates among them. */
    g_assert_cmpint (survivor_rows, ==, 19 + 25 - 7);
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM members WHERE id = %lld", (long long) b), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT reporter_member_id FROM coc_reports WHERE summary = 'Rude in #general'"), ==, a);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM merge_suggestions WHERE member_a = %lld OR member_b = %lld",
                              (long long) b, (long long) b), ==, 0);
  /* The survivor's own pairs are the duplicates engine's to say, from
   * what it holds now (test-duplicates). */
  /* The better answer stays: the other's "going". */
  text = query_text (f, "SELECT status FROM rsvps WHERE event_id = %lld AND member_id = %lld",
                     (long long) f->event_both, (long long) a);
  g_assert_cmpstr (text, ==, "going");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM rsvps WHERE member_id = %lld", (long long) a), ==, 2);
  /* Both HubSpot links, the survivor's HubSpot fields. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM identities WHERE member_id = %lld AND platform = 'hubspot'",
                              (long long) a), ==, 2);
  text = query_text (f, "SELECT fields ->> '$.email' FROM member_remote_fields WHERE member_id = %lld", (long long) a);
  g_assert_cmpstr (text, ==, "ana.costa@example.org");
  g_clear_pointer (&text, g_free);

  /* The fields follow the choices; HubSpot's follow HubSpot. */
  {
    g_autoptr(RapportMember) member = rapport_store_get_member (f->store, a, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rapport_member_get_name (member), ==, "Ana Silva Costa");
    g_assert_cmpstr (rapport_member_get_email (member), ==, "ana.costa@example.org");
    g_assert_cmpstr (rapport_member_get_location (member), ==, "Porto");
    g_assert_cmpint (rapport_member_get_stage_id (member), ==, 3);
    g_assert_cmpstr (rapport_member_get_bio (member), ==, "Organizes the Lisbon meetup");
    g_assert_cmpstr (rapport_member_get_title (member), ==, "Developer Advocate");
    g_assert_cmpstr (rapport_member_get_phone (member), ==, "+351 21 000 0000");
    g_assert_cmpstr (rapport_member_get_timezone (member), ==, "Europe/Lisbon");
    g_assert_cmpint (rapport_member_get_joined_at (member), ==, 1650000000);
    g_assert_cmpint (rapport_member_get_activity_count (member), ==, 7);
    g_assert_cmpint (rapport_member_get_last_active_at (member), ==, 1786500000);
    g_assert_cmpint (rapport_member_get_updated_at (member), ==, NOW_UNIX);
    g_assert_cmpstr (rapport_member_get_custom (member, "shirt"), ==, "M");
    score = rapport_member_get_score (member);
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM emails WHERE member_id = %lld AND is_primary", (long long) a), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM emails WHERE member_id = %lld", (long long) a), ==, 3);
  /* The score is the survivor's with all seven activities. */
  rescore (f, a);
  {
    g_autoptr(RapportMember) member = rapport_store_get_member (f->store, a, &error);

    g_assert_cmpfloat (rapport_member_get_score (member), ==, score);
    g_assert_cmpfloat (score, >, 0);
  }
  /* The other is found by their handle and old address as the survivor. */
  g_assert_cmpint (query_int (f, "SELECT rowid FROM member_search WHERE member_search MATCH 'anas'"), ==, a);
  g_assert_cmpint (query_int (f, "SELECT rowid FROM member_search WHERE member_search MATCH 'fosdem'"), ==, a);

  operations = rapport_store_list_operations (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, ==, 1);
  g_assert_cmpstr (rapport_operation_get_kind (g_ptr_array_index (operations, 0)), ==, "merge-members");
  g_assert_cmpstr (rapport_operation_get_label (g_ptr_array_index (operations, 0)), ==,
                   "Merged Ana Silva into Ana Silva Costa");
  merges = rapport_store_list_merges (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merges->len, ==, 1);
  g_assert_cmpint (rapport_operation_get_id (g_ptr_array_index (merges, 0)), ==, journal_id);
  g_assert_true (rapport_store_get_merge (f->store, journal_id, &survivor_id, &others, &error));
  g_assert_cmpint (survivor_id, ==, a);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpint (g_array_index (others, gint64, 0), ==, b);

  {
    g_autofree char *merged = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);

    g_assert_cmpstr (merged, !=, before);
  }

  /* Unmerged, the database is as it was. */
  g_assert_true (rapport_store_unmerge (f->store, journal_id, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f, "SELECT rowid FROM member_search WHERE member_search MATCH 'anas'"), ==, b);

  /* Once. */
  g_assert_false (rapport_store_unmerge (f->store, journal_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Merged Ana Silva into Ana Silva Costa"));
  g_clear_error (&error);
  g_assert_false (rapport_store_undo (f->store, journal_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&merges, g_ptr_array_unref);
  merges = rapport_store_list_merges (f->store, a, &error);
  g_assert_cmpuint (merges->len, ==, 0);
}

/* rapport_store_undo() of a merge is the unmerge. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_autofree char *after = NULL;
  gint64 journal_id = 0;

  g_assert_true (rapport_store_merge_members (f->store, f->other, &f->survivor, 1, NULL, &journal_id, &error));
  g_assert_no_error (error);
  /* Without choices the survivor keeps what it has. */
  {
    g_autoptr(RapportMember) member = rapport_store_get_member (f->store, f->other, &error);

    g_assert_cmpstr (rapport_member_get_location (member), ==, "Porto");
    g_assert_cmpstr (rapport_member_get_bio (member), ==, "Organizes the Lisbon meetup");
    g_assert_cmpstr (rapport_member_get_email (member), ==, "ana@example.org");
  }

  g_assert_true (rapport_store_undo (f->store, journal_id, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
}

/* What the survivor gains after the merge stays with it. */
static void
test_later_activity (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_autofree char *after = NULL;
  gint64 a = f->survivor;
  gint64 b = f->other;
  gint64 journal_id = 0;
  gint64 activity;
  double merged_score;

  g_assert_true (rapport_store_merge_members (f->store, a, &b, 1, NULL, &journal_id, &error));
  g_assert_no_error (error);
  merged_score = query_int (f, "SELECT score * 1000 FROM members WHERE id = %lld", (long long) a);

  rapport_clock_advance (rapport_clock_get_default (), 3600);
  activity = rapport_store_add_activity (f->store, a, "github", "pull-request", NOW_UNIX + 60,
                                         "After the merge", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT activity_count FROM members WHERE id = %lld", (long long) a), ==, 8);

  g_assert_true (rapport_store_unmerge (f->store, journal_id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT member_id FROM activities WHERE id = %lld", (long long) activity), ==, a);
  g_assert_cmpint (query_int (f, "SELECT activity_count FROM members WHERE id = %lld", (long long) a), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT last_active_at FROM members WHERE id = %lld", (long long) a), ==, NOW_UNIX + 60);
  g_assert_cmpint (query_int (f, "SELECT activity_count FROM members WHERE id = %lld", (long long) b), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activities WHERE member_id = %lld", (long long) b), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT score * 1000 FROM members WHERE id = %lld", (long long) a), <, merged_score);

  /* Without that activity, and scored as before, everything is as it was. */
  exec (f, "DELETE FROM activities WHERE id = %lld", (long long) activity);
  rapport_clock_set_fixed_iso8601 (rapport_clock_get_default (), NOW, NULL);
  rescore (f, a);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
}

/* Three records of one person at once. */
static void
test_three (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a = f->survivor;
  gint64 others[2];
  gint64 members, journal_id = 0;

  f->third = add_member (f, "A. Silva", "asilva@example.net");
  forget_duplicates (f, f->third);
  exec (f, "INSERT INTO member_tags (member_id, tag_id) SELECT %lld, id FROM tags WHERE name = 'mentor'",
        (long long) f->third);
  exec (f, "INSERT INTO activities (member_id, platform, kind, occurred_at) VALUES "
           "(%lld, 'slack', 'message', 1786600000)", (long long) f->third);
  exec (f, "INSERT INTO merge_suggestions (member_a, member_b, confidence, reasons, evidence) VALUES "
           "(%lld, %lld, 0.6, '[\"Same family name\"]', 'l:a silva'), "
           "(%lld, %lld, 0.6, '[\"Same family name\"]', 'l:a silva')",
        (long long) f->other, (long long) f->third, (long long) a, (long long) f->third);
  exec (f, "INSERT INTO rsvps (event_id, member_id, status, checked_in_at) VALUES (%lld, %lld, 'declined', 1787000100)",
        (long long) f->event_both, (long long) f->third);
  rescore (f, f->third);

  members = query_int (f, "SELECT count(*) FROM members");
  before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  others[0] = f->other;
  others[1] = f->third;
  g_assert_true (rapport_store_merge_members (f->store, a, others, 2, NULL, &journal_id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM members"), ==, members - 2);
  g_assert_cmpint (query_int (f, "SELECT activity_count FROM members WHERE id = %lld", (long long) a), ==, 8);
  g_assert_cmpint (query_int (f, "SELECT last_active_at FROM members WHERE id = %lld", (long long) a), ==, 1786600000);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM emails WHERE member_id = %lld", (long long) a), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM member_tags WHERE member_id = %lld", (long long) a), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM merge_suggestions WHERE member_a IN (%lld, %lld, %lld) "
                                 "AND member_b IN (%lld, %lld, %lld)",
                              (long long) a, (long long) f->other, (long long) f->third,
                              (long long) a, (long long) f->other, (long long) f->third), ==, 0);
  /* Checked in beats going. */
  g_assert_cmpint (query_int (f, "SELECT checked_in_at FROM rsvps WHERE event_id = %lld AND member_id = %lld",
                              (long long) f->event_both, (long long) a), ==, 1787000100);
  {
    g_autofree char *label = query_text (f, "SELECT label FROM change_journal WHERE id = %lld", (long long) journal_id);

    g_assert_cmpstr (label, ==, "Merged Ana Silva, A. Silva into Ana Silva Costa");
  }

  g_assert_true (rapport_store_unmerge (f->store, journal_id, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
}

/* A merge of a merged member: unmerged in turn, newest first. */
static void
test_chain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 first = 0, second = 0;

  f->third = add_member (f, "A. Silva", "asilva@example.net");
  forget_duplicates (f, f->third);
  before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);

  g_assert_true (rapport_store_merge_members (f->store, f->survivor, &f->other, 1, NULL, &first, &error));
  g_assert_true (rapport_store_merge_members (f->store, f->third, &f->survivor, 1, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT activity_count FROM members WHERE id = %lld", (long long) f->third), ==, 7);

  g_assert_false (rapport_store_unmerge (f->store, first, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "cannot be undone before"));
  g_clear_error (&error);

  g_assert_true (rapport_store_unmerge (f->store, second, &error));
  g_assert_true (rapport_store_unmerge (f->store, first, &error));
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
}

/* A member linked to HubSpot keeps a contact's address as the primary
 * one, which the push upserts by: another would make a new contact. */
static void
test_hubspot_email (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMember) member = NULL;
  RapportMergeChoices choices = { 0 };
  gint64 plain;

  plain = add_member (f, "Ana S.", "ana.s@example.net");
  forget_duplicates (f, plain);
  exec (f, "DELETE FROM member_remote_fields");

  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_EMAIL, plain);
  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_NAME, plain);
  g_assert_true (rapport_store_merge_members (f->store, f->survivor, &plain, 1, &choices, NULL, &error));
  g_assert_no_error (error);

  member = rapport_store_get_member (f->store, f->survivor, &error);
  g_assert_cmpstr (rapport_member_get_name (member), ==, "Ana S.");
  g_assert_cmpstr (rapport_member_get_email (member), ==, "ana.costa@example.org");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM emails WHERE member_id = %lld AND is_primary",
                              (long long) f->survivor), ==, 1);
}

/* A merge that cannot be done writes nothing. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_autofree char *after = NULL;
  RapportMergeChoices choices = { 0 };
  gint64 a = f->survivor;
  gint64 twice[2] = { f->other, f->other };
  gint64 unknown = 999999;
  gint64 note_id, delete_id = 0;

  g_assert_false (rapport_store_merge_members (f->store, a, &a, 1, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "itself"));
  g_clear_error (&error);

  g_assert_false (rapport_store_merge_members (f->store, a, twice, 2, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rapport_store_merge_members (f->store, a, &unknown, 1, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999999"));
  g_clear_error (&error);

  g_assert_false (rapport_store_merge_members (f->store, unknown, &a, 1, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (rapport_store_merge_members (f->store, a, &f->other, 0, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rapport_merge_choices_set (&choices, RAPPORT_MERGE_FIELD_TITLE, f->bystander);
  g_assert_false (rapport_store_merge_members (f->store, a, &f->other, 1, &choices, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM change_journal"), ==, 0);

  /* Only merges unmerge. */
  note_id = rapport_store_add_note (f->store, a, "Scratch", NULL, &error);
  g_assert_true (rapport_store_delete_note (f->store, note_id, &delete_id, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_store_unmerge (f->store, delete_id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a merge"));
  g_clear_error (&error);
  g_assert_false (rapport_store_unmerge (f->store, 424242, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
run_cli (Fixture     *f,
         const char **args,
         char       **out,
         char       **err,
         gboolean    *ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "RAPPORT_NOW", NOW, TRUE);
  const char *cli = g_getenv ("RAPPORT_CLI");
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  *ok = g_spawn_check_wait_status (status, NULL);
  if (*ok)
    return;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
}

/* rapport-cli merge and unmerge. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *survivor = g_strdup_printf ("%lld", (long long) f->survivor);
  g_autofree char *other = g_strdup_printf ("%lld", (long long) f->other);
  g_autofree char *operation = NULL;
  g_autofree char *expected = NULL;
  gboolean ok;

  before = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_clear_object (&f->store);

  /* Bad ids: named, nothing written. */
  {
    const char *args[] = { "merge", survivor, "999999", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    run_cli (f, args, &out, &err, &ok);
    g_assert_false (ok);
    g_assert_nonnull (strstr (err, "999999"));
  }
  {
    const char *args[] = { "merge", survivor, survivor, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    run_cli (f, args, &out, &err, &ok);
    g_assert_false (ok);
    g_assert_nonnull (strstr (err, survivor));
  }
  {
    const char *args[] = { "merge", survivor, "ana", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    run_cli (f, args, &out, &err, &ok);
    g_assert_false (ok);
    g_assert_nonnull (strstr (err, "“ana” is not a member id"));
  }
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM change_journal"), ==, 0);
  g_clear_pointer (&after, g_free);
  g_clear_object (&f->store);

  {
    const char *args[] = { "merge", survivor, other, "--location", other, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *open_paren;

    run_cli (f, args, &out, &err, &ok);
    g_assert_true (ok);
    g_assert_true (g_str_has_prefix (out, "Merged 2 members into Ana Silva Costa (operation "));
    open_paren = strstr (out, "(operation ") + strlen ("(operation ");
    operation = g_strndup (open_paren, strcspn (open_paren, ")"));
    expected = g_strdup_printf ("Merged 2 members into Ana Silva Costa (operation %s)\n", operation);
    g_assert_cmpstr (out, ==, expected);
  }

  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportMember) member = rapport_store_get_member (f->store, f->survivor, &error);

    g_assert_cmpstr (rapport_member_get_location (member), ==, "Porto");
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM members WHERE id = %lld", (long long) f->other), ==, 0);
  }
  g_clear_object (&f->store);

  {
    const char *args[] = { "unmerge", operation, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    run_cli (f, args, &out, &err, &ok);
    g_assert_true (ok);
    g_assert_true (g_str_has_prefix (out, "Unmerged: Merged Ana Silva into Ana Silva Costa (operation "));
    g_assert_nonnull (strstr (out, "Restored Ana Silva (member "));
  }
  {
    /* Once; and a word is not an operation. */
    const char *again[] = { "unmerge", operation, NULL };
    const char *word[] = { "unmerge", "yesterday", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    run_cli (f, again, &out, &err, &ok);
    g_assert_false (ok);
    g_assert_nonnull (strstr (err, "unmerged already"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    run_cli (f, word, &out, &err, &ok);
    g_assert_false (ok);
    g_assert_nonnull (strstr (err, "“yesterday”"));
  }

  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  after = rapport_test_dump (_rapport_store_get_db (f->store), derived_tables);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/merge/merge-unmerge", test_merge);
  ADD ("/rapport/merge/undo", test_undo);
  ADD ("/rapport/merge/later-activity", test_later_activity);
  ADD ("/rapport/merge/three", test_three);
  ADD ("/rapport/merge/chain", test_chain);
  ADD ("/rapport/merge/hubspot-email", test_hubspot_email);
  ADD ("/rapport/merge/errors", test_errors);
  ADD ("/rapport/merge/cli", test_cli);

  return g_test_run ();
}
