/* test-demo-duplicates.c
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

#include "rapport-demo.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

#define MEMBERS 5000
#define ACTIVITIES 20000
#define SEED 12

typedef struct
{
  char         *dir;
  RapportStore *store;
} Fixture;

static RapportStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  RapportStore *store = rapport_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-demo-duplicates-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f, "rapport.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->store);

  /* The databases, their -wal and -shm files, and any beside them. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
}

static GArray *
generate (RapportStore *store,
          guint64       seed)
{
  RapportDemoOptions options = { MEMBERS, ACTIVITIES, seed };
  g_autoptr(GError) error = NULL;
  GArray *duplicates = NULL;

  g_assert_true (_rapport_demo_generate_with_truth (store, &options, &duplicates, &error));
  g_assert_no_error (error);
  g_assert_nonnull (duplicates);

  return duplicates;
}

static gint64
query_int (RapportStore *store,
           const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_rapport_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* @sql about one pair: ?1 is the original, ?2 the duplicate. */
static gint64
query_pair (RapportStore               *store,
            const char                 *sql,
            const RapportDemoDuplicate *pair)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_rapport_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, pair->original_id);
  sqlite3_bind_int64 (stmt, 2, pair->duplicate_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

#define BOTH_EXIST_SQL \
  "SELECT count(*) FROM members WHERE id IN (?1, ?2)"

/* The duplicate: early in the pipeline, one account, its activities there. */
#define DUPLICATE_SQL \
  "SELECT m.stage_id IN (1, 2) AND " \
  "       (SELECT count(*) FROM identities WHERE member_id = m.id) = 1 AND " \
  "       NOT EXISTS (SELECT 1 FROM activities a WHERE a.member_id = m.id AND a.platform NOT IN " \
  "                   (SELECT platform FROM identities WHERE member_id = m.id)) " \
  "  FROM members m WHERE m.id = ?2"

#define SHARED_HANDLE_SQL \
  "SELECT EXISTS (SELECT 1 FROM identities x JOIN identities y ON lower (x.handle) = lower (y.handle) " \
  "               WHERE x.member_id = ?1 AND y.member_id = ?2)"

#define DUPLICATE_EMAILS_SQL \
  "SELECT count(*) FROM emails WHERE member_id = ?2"

/* Both at the sample provider, different addresses, the same mailbox once
 * a "+tag" is set aside. */
#define KIND_A_SQL \
  "WITH e AS (SELECT member_id, lower (address) AS address, " \
  "                  CASE WHEN instr (address, '+') > 0 " \
  "                       THEN substr (address, 1, instr (address, '+') - 1) " \
  "                       ELSE substr (address, 1, instr (address, '@') - 1) END AS mailbox " \
  "             FROM emails WHERE member_id IN (?1, ?2) AND address LIKE '%@mail.test') " \
  "SELECT EXISTS (SELECT 1 FROM e x JOIN e y ON x.mailbox = y.mailbox AND x.address <> y.address " \
  "               WHERE x.member_id = ?1 AND y.member_id = ?2)"

#define KIND_B_SQL \
  "SELECT a.name = b.name AND a.organization_id IS NOT NULL AND " \
  "       a.organization_id = b.organization_id " \
  "  FROM members a, members b WHERE a.id = ?1 AND b.id = ?2"

/* Different names, addresses at the original's workplace. */
#define KIND_C_SQL \
  "SELECT a.name <> b.name AND EXISTS ( " \
  "         SELECT 1 FROM emails x, emails y, organizations o " \
  "          WHERE x.member_id = a.id AND y.member_id = b.id AND o.id = a.organization_id " \
  "            AND lower (x.address) LIKE '%@' || o.domain " \
  "            AND lower (y.address) LIKE '%@' || o.domain " \
  "            AND lower (x.address) <> lower (y.address)) " \
  "  FROM members a, members b WHERE a.id = ?1 AND b.id = ?2"

#define KIND_D_SQL \
  "SELECT a.name = b.name AND EXISTS ( " \
  "         SELECT 1 FROM identities x, identities y " \
  "          WHERE x.member_id = a.id AND y.member_id = b.id " \
  "            AND lower (x.handle) = lower (y.handle) AND x.platform <> y.platform) " \
  "  FROM members a, members b WHERE a.id = ?1 AND b.id = ?2"

/* Every pair is two members, each in one pair only, and looks like its
 * kind. Returns how many pairs there are of each kind. */
static void
check_truth (RapportStore *store,
             GArray       *duplicates,
             guint         kinds[4])
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint with_activities = 0;

  memset (kinds, 0, 4 * sizeof (guint));

  for (guint i = 0; i < duplicates->len; i++)
    {
      const RapportDemoDuplicate *pair = &g_array_index (duplicates, RapportDemoDuplicate, i);
      const char *sql = NULL;

      g_assert_cmpint (pair->original_id, <, pair->duplicate_id);
      g_assert_false (g_hash_table_contains (seen, &pair->original_id));
      g_assert_false (g_hash_table_contains (seen, &pair->duplicate_id));
      g_hash_table_add (seen, (gpointer) &pair->original_id);
      g_hash_table_add (seen, (gpointer) &pair->duplicate_id);

      g_assert_cmpint (query_pair (store, BOTH_EXIST_SQL, pair), ==, 2);
      g_assert_cmpint (query_pair (store, DUPLICATE_SQL, pair), ==, 1);
      if (query_pair (store, "SELECT activity_count FROM members WHERE id = ?2", pair) > 0)
        with_activities++;

      switch (pair->kind)
        {
        case 'A':
          sql = KIND_A_SQL;
          g_assert_cmpint (query_pair (store, SHARED_HANDLE_SQL, pair), ==, 0);
          break;
        case 'B':
          sql = KIND_B_SQL;
          g_assert_cmpint (query_pair (store, SHARED_HANDLE_SQL, pair), ==, 0);
          g_assert_cmpint (query_pair (store, DUPLICATE_EMAILS_SQL, pair), ==, 0);
          break;
        case 'C':
          sql = KIND_C_SQL;
          break;
        case 'D':
          sql = KIND_D_SQL;
          g_assert_cmpint (query_pair (store, DUPLICATE_EMAILS_SQL, pair), ==, 0);
          break;
        default:
          g_assert_not_reached ();
        }

      if (query_pair (store, sql, pair) != 1)
        g_error ("Pair %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " is not of kind %c",
                 pair->original_id, pair->duplicate_id, pair->kind);
      kinds[pair->kind - 'A']++;
    }

  /* A duplicate is a plausible member: most did something. */
  g_assert_cmpuint (with_activities, >, duplicates->len * 8 / 10);
}

static void
test_truth (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) duplicates = generate (f->store, SEED);
  guint kinds[4];

  /* Duplicates are part of the count. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members"), ==, MEMBERS);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM activities"), ==, ACTIVITIES);

  g_assert_cmpuint (duplicates->len, >=, MEMBERS * 15 / 1000);
  g_assert_cmpuint (duplicates->len, <=, MEMBERS * 25 / 1000);

  check_truth (f->store, duplicates, kinds);
  for (guint k = 0; k < 4; k++)
    {
      g_assert_cmpuint (kinds[k], >=, duplicates->len / 8);
      g_assert_cmpuint (kinds[k], <=, duplicates->len / 2);
    }
}

#define NAMESAKES_SQL \
  "SELECT coalesce (sum (n), 0) FROM ( " \
  "  SELECT name, count(*) AS n FROM members GROUP BY name " \
  "  HAVING n >= 2 AND count (DISTINCT coalesce (organization_id, -id)) = n " \
  "     AND sum (id IN (SELECT member_id FROM truth)) = 0) g " \
  " WHERE NOT EXISTS (SELECT 1 FROM members a JOIN members b ON b.name = a.name AND b.id <> a.id " \
  "                     JOIN emails x ON x.member_id = a.id JOIN emails y ON y.member_id = b.id " \
  "                    WHERE a.name = g.name AND lower (substr (x.address, instr (x.address, '@'))) = " \
  "                                          lower (substr (y.address, instr (y.address, '@')))) " \
  "   AND NOT EXISTS (SELECT 1 FROM members a JOIN members b ON b.name = a.name AND b.id <> a.id " \
  "                     JOIN identities x ON x.member_id = a.id " \
  "                     JOIN identities y ON y.member_id = b.id " \
  "                    WHERE a.name = g.name AND lower (x.handle) = lower (y.handle))"

static void
test_namesakes (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) duplicates = generate (f->store, SEED);
  sqlite3 *db = _rapport_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE truth (member_id INTEGER PRIMARY KEY)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO truth VALUES (?1)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < duplicates->len; i++)
    {
      const RapportDemoDuplicate *pair = &g_array_index (duplicates, RapportDemoDuplicate, i);

      sqlite3_bind_int64 (stmt, 1, pair->original_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, pair->duplicate_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  /* Different people with one name: none of them in a pair, no two at
   * one workplace, at one mail domain or with one handle. */
  g_assert_cmpint (query_int (f->store, NAMESAKES_SQL), >=, MEMBERS * 5 / 1000);

  sqlite3_exec (db, "DROP TABLE temp.truth", NULL, NULL, NULL);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportStore) again = open_store (f, "again.db");
  g_autoptr(RapportStore) other = open_store (f, "other.db");
  g_autoptr(GArray) first = generate (f->store, SEED);
  g_autoptr(GArray) second = generate (again, SEED);
  g_autoptr(GArray) third = generate (other, SEED + 1);
  gboolean differs = first->len != third->len;

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      const RapportDemoDuplicate *a = &g_array_index (first, RapportDemoDuplicate, i);
      const RapportDemoDuplicate *b = &g_array_index (second, RapportDemoDuplicate, i);
      const RapportDemoDuplicate *c = i < third->len ? &g_array_index (third, RapportDemoDuplicate, i) : NULL;

      g_assert_cmpint (a->original_id, ==, b->original_id);
      g_assert_cmpint (a->duplicate_id, ==, b->duplicate_id);
      g_assert_cmpint (a->kind, ==, b->kind);
      if (c != NULL && (a->original_id != c->original_id || a->duplicate_id != c->duplicate_id))
        differs = TRUE;
    }

  /* Another seed, other pairs. */
  g_assert_true (differs);
}

static void
test_second_community (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) first = generate (f->store, SEED);
  g_autoptr(GArray) second = generate (f->store, SEED);
  guint kinds[4];

  /* The same people again, as new members with addresses and handles of
   * their own, and still the same kinds of pairs. */
  g_assert_cmpuint (first->len, ==, second->len);
  g_assert_cmpint (g_array_index (second, RapportDemoDuplicate, 0).original_id,
                   >, MEMBERS);
  check_truth (f->store, second, kinds);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (kinds[k], >, 0);
}

static void
test_small (Fixture       *f,
            gconstpointer  data)
{
  RapportDemoOptions options = { 10, 50, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) duplicates = NULL;

  /* Too few members for a duplicate. */
  g_assert_true (_rapport_demo_generate_with_truth (f->store, &options, &duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (duplicates->len, ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM members"), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/demo/duplicates/truth", test_truth);
  ADD ("/rapport/demo/duplicates/namesakes", test_namesakes);
  ADD ("/rapport/demo/duplicates/deterministic", test_deterministic);
  ADD ("/rapport/demo/duplicates/second-community", test_second_community);
  ADD ("/rapport/demo/duplicates/small", test_small);

#undef ADD

  return g_test_run ();
}
