/* test-crash.c
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

/* A fault campaign: rapport-cli is killed with SIGKILL, as a crash or a
 * power cut would stop it, at random moments of an import, a demo and a
 * HubSpot sync. After every kill the database must be sound and hold either
 * all of a transaction or none of it, and running the command again must
 * reach exactly the state one uninterrupted run reaches.
 *
 * The moments come from RAPPORT_CRASH_SEED (the default is printed in the
 * log) and are spread over the length of one uninterrupted run, measured
 * first; RAPPORT_CRASH_POINTS sets how many per scenario. Timing only
 * decides where a kill lands, never whether a check passes. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "rapport-mock-hubspot.h"

#define DEFAULT_SEED   20260501
#define DEFAULT_POINTS 20

#define IMPORT_ROWS          5000
#define IMPORT_ORGANIZATIONS 97
#define IMPORT_TAGS          7
#define DEMO_MEMBERS         1000
#define DEMO_ACTIVITIES      10000
#define SYNC_CONTACTS        1500
#define SYNC_COMPANIES       10
#define SYNC_PAGE            100

#define TOKEN "pat-na1-5be0c1d2-rapport-crash-token-9a07"

static guint32 campaign_seed;
static guint   campaign_points;

/* Tables whose rows the three commands write; a table the schema does not
 * have yet counts as empty. */
static const char * const tables[] = {
  "members", "emails", "identities", "organizations", "organization_identities", "tags",
  "member_tags", "activities", "member_search", "member_remote_fields", "sync_push_state",
};

typedef struct
{
  gint64 rows[G_N_ELEMENTS (tables)];
  char  *fingerprint;
} Snapshot;

typedef struct
{
  const char *name;
  char       *dir;
  char       *db;
  GRand      *rand;
  gint64      started;
  gint64      run_time;   /* of the runs from nothing to the end */
  guint       n_runs;
  int         version;
  gboolean    one_each;
  guint       mid_run;
  guint       finished;
  GHashTable *outcomes;
  Snapshot    complete;
} Campaign;

/* Processes */

static GSubprocess *
spawn_cliv (GSubprocessFlags    flags,
            const char         *db,
            const char * const *args,
            GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("RAPPORT_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

/* Runs the CLI to its end and fails the test unless it succeeds. */
static void
run_cli (const char         *db,
         const char * const *args,
         const char         *input)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE;

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  cli = spawn_cliv (flags, db, args, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, input, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (cli) || g_subprocess_get_exit_status (cli) != 0)
    g_error ("rapport-cli %s failed:\n%s", args[0], output);
}

static void
on_wait_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *exited = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  *exited = TRUE;
}

static gboolean
on_kill_time_cb (gpointer user_data)
{
  gboolean *due = user_data;

  *due = TRUE;
  return G_SOURCE_REMOVE;
}

/* Sends SIGKILL @delay_ms after the start, unless the CLI is done by then.
 * Returns whether the kill stopped it; a CLI that ended by itself must
 * have succeeded. */
static gboolean
kill_after (GSubprocess *cli,
            guint        delay_ms)
{
  gboolean exited = FALSE;
  gboolean due = FALSE;
  guint timeout;

  g_subprocess_wait_async (cli, NULL, on_wait_done_cb, &exited);
  timeout = g_timeout_add (delay_ms, on_kill_time_cb, &due);
  while (!exited && !due)
    g_main_context_iteration (NULL, TRUE);
  if (!due)
    g_source_remove (timeout);

  if (!exited)
    g_subprocess_force_exit (cli);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);

  /* Whether it still ran is what the exit status says, not the clock. */
  if (g_subprocess_get_if_signaled (cli))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (cli), ==, SIGKILL);
      return TRUE;
    }

  g_assert_true (g_subprocess_get_if_exited (cli));
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  return FALSE;
}

/* The database, read with SQLite itself */

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* Leave the write-ahead log as the kill left it, for the rerun to find. */
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);

  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = NULL;

  if (db == NULL || !has_table (db, table))
    return 0;

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return query_int (db, sql);
}

/* Sound whatever the kill interrupted: the file, its foreign keys and the
 * search index agree with themselves and with the members. */
static void
check_sound (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  if (!has_table (db, "member_search"))
    return;
  if (sqlite3_exec (db, "INSERT INTO member_search (member_search) VALUES ('integrity-check')",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("The search index is damaged: %s", message);
  g_assert_cmpint (count_rows (db, "member_search"), ==, count_rows (db, "members"));
}

/* No member twice: no address, handle or remote id shared, and no member
 * without the address each of ours has. */
static void
check_no_duplicates (sqlite3 *db,
                     gboolean one_each)
{
  if (!has_table (db, "members"))
    return;

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM emails "
                                  "GROUP BY lower (address) HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM identities WHERE handle IS NOT NULL "
                                  "GROUP BY platform, lower (handle) HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM identities WHERE external_id IS NOT NULL "
                                  "GROUP BY platform, external_id HAVING count(*) > 1)"), ==, 0);
  /* Each imported row and each contact has one address and its own name;
   * the demo's people need neither. */
  if (!one_each)
    return;
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM members "
                                  "WHERE id NOT IN (SELECT member_id FROM emails)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM members "
                                  "GROUP BY name HAVING count(*) > 1)"), ==, 0);
}

static void
checksum_rows (GChecksum  *checksum,
               sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);

      g_checksum_update (checksum, (const guchar *) (value != NULL ? value : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  sqlite3_finalize (stmt);
}

/* Who is there, with what, and where they work. */
static Snapshot
take_snapshot (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  Snapshot snapshot = { { 0 }, NULL };
  sqlite3 *db = open_db (path);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    snapshot.rows[i] = count_rows (db, tables[i]);

  if (db != NULL && has_table (db, "members"))
    {
      checksum_rows (checksum, db, "SELECT m.name || '|' || coalesce (o.name, '') || '|' || "
                                   "  coalesce ((SELECT group_concat (address) FROM "
                                   "    (SELECT address FROM emails WHERE member_id = m.id ORDER BY address)), '') "
                                   "FROM members m LEFT JOIN organizations o ON o.id = m.organization_id "
                                   "ORDER BY 1");
      checksum_rows (checksum, db, "SELECT platform || '|' || coalesce (handle, '') || '|' || "
                                   "  coalesce (external_id, '') || '|' || m.name "
                                   "FROM identities i JOIN members m ON m.id = i.member_id ORDER BY 1");
      checksum_rows (checksum, db, "SELECT name FROM tags ORDER BY 1");
    }
  snapshot.fingerprint = g_strdup (g_checksum_get_string (checksum));
  sqlite3_close (db);

  return snapshot;
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->fingerprint, g_free);
}

static gint64
snapshot_get (const Snapshot *snapshot,
              const char     *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_str_equal (tables[i], table))
        return snapshot->rows[i];
    }
  g_assert_not_reached ();
}

static gboolean
snapshot_is_empty (const Snapshot *snapshot)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (snapshot->rows[i] != 0)
        return FALSE;
    }
  return TRUE;
}

static void
assert_snapshot_equal (const Snapshot *snapshot,
                       const Snapshot *expected)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (snapshot->rows[i] != expected->rows[i])
        g_error ("%s has %" G_GINT64_FORMAT " rows where one uninterrupted run leaves %" G_GINT64_FORMAT,
                 tables[i], snapshot->rows[i], expected->rows[i]);
    }
  g_assert_cmpstr (snapshot->fingerprint, ==, expected->fingerprint);
}

/* Checks what a kill left and returns the schema version it reached. */
static int
check_after_kill (Campaign *c)
{
  sqlite3 *db = open_db (c->db);
  int version;

  if (db == NULL)
    return -1;

  check_sound (db);
  check_no_duplicates (db, c->one_each);
  version = query_int (db, "PRAGMA user_version");
  sqlite3_close (db);

  return version;
}

/* Campaigns */

static void
remove_database (Campaign *c)
{
  g_autoptr(GDir) dir = g_dir_open (c->dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (c->db);
  const char *name;

  g_assert_nonnull (dir);
  /* The file, its -wal and -shm, and the backups an upgrade makes. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, base))
        {
          g_autofree char *path = g_build_filename (c->dir, name, NULL);

          g_assert_cmpint (g_unlink (path), ==, 0);
        }
    }
}

static void
campaign_init (Campaign   *c,
               const char *name,
               guint       salt,
               gboolean    one_each)
{
  g_autoptr(GError) error = NULL;

  memset (c, 0, sizeof *c);
  c->name = name;
  c->one_each = one_each;
  c->dir = g_dir_make_tmp ("rapport-crash-XXXXXX", &error);
  g_assert_no_error (error);
  c->db = g_build_filename (c->dir, "rapport.db", NULL);
  /* Each scenario draws its own moments, so one can be rerun alone. */
  c->rand = g_rand_new_with_seed (campaign_seed ^ (salt * 0x9e3779b9u));
  c->outcomes = g_hash_table_new (g_str_hash, g_str_equal);
  c->started = g_get_monotonic_time ();
}

/* The mean length of a run from nothing to the end: measured once first,
 * then again by every rerun that starts from nothing, so the kills follow
 * what the machine's load does to it. */
static gint64
campaign_get_duration (Campaign *c)
{
  g_assert_cmpuint (c->n_runs, >, 0);
  return c->run_time / c->n_runs;
}

/* Runs the command to its end; @from_nothing when no earlier run of it left
 * anything, to learn its length. */
static void
campaign_run (Campaign           *c,
              const char * const *args,
              gboolean            from_nothing)
{
  gint64 start = g_get_monotonic_time ();

  run_cli (c->db, args, NULL);
  if (from_nothing)
    {
      c->run_time += g_get_monotonic_time () - start;
      c->n_runs++;
    }
}

/* Runs the command once without a kill, to know its length and the state
 * it leaves. */
static void
campaign_measure (Campaign           *c,
                  const char * const *args)
{
  campaign_run (c, args, TRUE);
  c->complete = take_snapshot (c->db);
  c->version = check_after_kill (c);
  g_assert_cmpint (c->version, >, 0);
  g_test_message ("%s: one uninterrupted run takes %.0f ms", c->name, campaign_get_duration (c) / 1000.0);
}

/* Starts the command and kills it at a random moment of its length. */
static gboolean
campaign_strike (Campaign           *c,
                 guint               point,
                 const char * const *args)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  gint64 duration_ms = campaign_get_duration (c) / 1000;
  guint delay_ms = g_rand_int_range (c->rand, 0, (gint32) duration_ms + 1);
  gboolean killed;

  cli = spawn_cliv (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                    c->db, args, &error);
  g_assert_no_error (error);
  killed = kill_after (cli, delay_ms);
  if (killed)
    c->mid_run++;
  else
    c->finished++;
  g_test_message ("%s point %u: kill at %u ms of %" G_GINT64_FORMAT ": %s", c->name, point + 1,
                  delay_ms, duration_ms, killed ? "killed mid-run" : "it had finished");

  return killed;
}

static void
campaign_note (Campaign   *c,
               const char *outcome)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (c->outcomes, outcome));

  g_hash_table_insert (c->outcomes, (char *) outcome, GUINT_TO_POINTER (n + 1));
  g_test_message ("%s:   left %s", c->name, outcome);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
campaign_finish (Campaign *c)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GString) outcomes = g_string_new (NULL);
  g_autoptr(GDir) dir = NULL;
  GHashTableIter iter;
  gpointer key;
  const char *name;

  g_hash_table_iter_init (&iter, c->outcomes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (outcomes, "%s%u %s", i > 0 ? ", " : "",
                            GPOINTER_TO_UINT (g_hash_table_lookup (c->outcomes, keys->pdata[i])),
                            (const char *) keys->pdata[i]);
  g_test_message ("%s: %u crash points tried, %u killed mid-run, %u had finished; the kills left: %s "
                  "(a whole run takes %.0f ms on average; %.1f s in all)",
                  c->name, c->mid_run + c->finished, c->mid_run, c->finished, outcomes->str,
                  campaign_get_duration (c) / 1000.0,
                  (g_get_monotonic_time () - c->started) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (c->mid_run + c->finished, ==, campaign_points);

  dir = g_dir_open (c->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (c->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (c->dir);
  g_clear_pointer (&c->dir, g_free);
  g_clear_pointer (&c->db, g_free);
  g_clear_pointer (&c->rand, g_rand_free);
  g_clear_pointer (&c->outcomes, g_hash_table_unref);
  snapshot_clear (&c->complete);
}

/* What a kill left, when the command writes in one transaction: nothing,
 * or exactly what an uninterrupted run writes. */
static const char *
classify_all_or_nothing (Campaign   *c,
                         int         version,
                         const char *nothing,
                         const char *all)
{
  Snapshot now = take_snapshot (c->db);
  gboolean empty = snapshot_is_empty (&now);

  if (!empty)
    assert_snapshot_equal (&now, &c->complete);
  snapshot_clear (&now);

  if (version < 0)
    return "no database yet";
  if (version < c->version)
    {
      /* Nothing runs before the schema is complete. */
      g_assert_true (empty);
      return "the schema part-way";
    }
  return empty ? nothing : all;
}

static void
check_resumed (Campaign *c)
{
  Snapshot resumed;

  g_assert_cmpint (check_after_kill (c), ==, c->version);
  resumed = take_snapshot (c->db);
  assert_snapshot_equal (&resumed, &c->complete);
  snapshot_clear (&resumed);
}

/* (a) rapport-cli import members BIG.csv */

static char *
write_members_csv (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("Name,Email,Organization,GitHub,Twitter,Tags\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "members.csv", NULL);

  for (guint i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (csv, "Crash Person %05u,person%u@crash.example.org,Org %u,"
                                 "crash-gh-%u,crash_tw_%u,\"t%u; everyone\"\n",
                            i, i, i % IMPORT_ORGANIZATIONS, i, i, i % IMPORT_TAGS);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_import (void)
{
  g_autofree char *csv = NULL;
  const char *args[] = { "import", "members", NULL, NULL };
  Campaign c;

  campaign_init (&c, "import", 1, TRUE);
  csv = write_members_csv (c.dir);
  args[2] = csv;

  campaign_measure (&c, args);
  g_assert_cmpint (snapshot_get (&c.complete, "members"), ==, IMPORT_ROWS);
  g_assert_cmpint (snapshot_get (&c.complete, "emails"), ==, IMPORT_ROWS);
  g_assert_cmpint (snapshot_get (&c.complete, "identities"), ==, 2 * IMPORT_ROWS);
  g_assert_cmpint (snapshot_get (&c.complete, "organizations"), ==, IMPORT_ORGANIZATIONS);
  g_assert_cmpint (snapshot_get (&c.complete, "tags"), ==, IMPORT_TAGS + 1);
  g_assert_cmpint (snapshot_get (&c.complete, "member_tags"), ==, 2 * IMPORT_ROWS);
  remove_database (&c);

  for (guint p = 0; p < campaign_points; p++)
    {
      const char *outcome;

      campaign_strike (&c, p, args);
      outcome = classify_all_or_nothing (&c, check_after_kill (&c), "nothing imported", "all imported");
      campaign_note (&c, outcome);

      /* Importing again after a complete import matches every row. */
      campaign_run (&c, args, !g_str_equal (outcome, "all imported"));
      check_resumed (&c);
      remove_database (&c);
    }

  campaign_finish (&c);
}

/* (b) rapport-cli demo --members N --activities M */

static void
test_demo (void)
{
  const char * const args[] = {
    "demo", "--members", G_STRINGIFY (DEMO_MEMBERS), "--activities", G_STRINGIFY (DEMO_ACTIVITIES), NULL
  };
  Campaign c;

  campaign_init (&c, "demo", 2, FALSE);
  campaign_measure (&c, args);
  g_assert_cmpint (snapshot_get (&c.complete, "members"), ==, DEMO_MEMBERS);
  g_assert_cmpint (snapshot_get (&c.complete, "activities"), ==, DEMO_ACTIVITIES);
  remove_database (&c);

  for (guint p = 0; p < campaign_points; p++)
    {
      const char *outcome;

      campaign_strike (&c, p, args);
      outcome = classify_all_or_nothing (&c, check_after_kill (&c), "nothing generated", "all generated");
      campaign_note (&c, outcome);

      /* A second demo adds a second community; only a lost one is redone,
       * and the same seed makes the same people. */
      if (!g_str_equal (outcome, "all generated"))
        campaign_run (&c, args, TRUE);
      check_resumed (&c);
      remove_database (&c);
    }

  campaign_finish (&c);
}

/* (c) rapport-cli sync hubspot, against the local HubSpot */

static void
add_account (Campaign           *c,
             RapportMockHubspot *mock)
{
  const char * const args[] = {
    "accounts", "add", "hubspot", "--token-stdin", "--base-url", rapport_mock_hubspot_get_url (mock),
    "--rate-limit", "0", NULL
  };

  run_cli (c->db, args, TOKEN "\n");
}

static void
remove_account (Campaign *c)
{
  const char * const args[] = { "accounts", "remove", "1", NULL };

  /* Takes the token out of the keyring again. */
  run_cli (c->db, args, NULL);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* A sync commits page by page: whole pages of contacts, each with its
 * address, identity and HubSpot fields, and the cursor after the last. */
static const char *
classify_sync (Campaign *c)
{
  sqlite3 *db = open_db (c->db);
  g_autofree char *status = NULL;
  gint64 members;
  gint64 organizations;

  g_assert_nonnull (db);
  members = count_rows (db, "members");
  organizations = count_rows (db, "organizations");
  g_assert_cmpint (members % SYNC_PAGE, ==, 0);
  g_assert_cmpint (members, <=, SYNC_CONTACTS);
  g_assert_cmpint (count_rows (db, "emails"), ==, members);
  g_assert_cmpint (count_rows (db, "member_remote_fields"), ==, members);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM identities WHERE platform = 'hubspot'"), ==, members);
  g_assert_true (organizations == 0 || organizations == SYNC_COMPANIES);
  if (members > 0)
    g_assert_cmpint (organizations, ==, SYNC_COMPANIES);
  if (members > 0 && members < SYNC_CONTACTS)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM sync_state WHERE stream = 'contacts' "
                                    "AND cursor IS NOT NULL"), ==, 1);
  status = query_text (db, "SELECT status FROM sync_log ORDER BY id DESC LIMIT 1");
  sqlite3_close (db);

  if (members == 0)
    return organizations == 0 ? "nothing pulled" : "the companies only";
  if (members < SYNC_CONTACTS)
    return "part of the contacts";
  if (g_strcmp0 (status, "ok") != 0)
    return "all contacts, the run unfinished";
  return "the whole run";
}

static void
check_sync_resumed (Campaign           *c,
                    RapportMockHubspot *mock)
{
  sqlite3 *db;

  check_resumed (c);

  db = open_db (c->db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sync_state WHERE stream = 'contacts' "
                                  "AND cursor IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sync_log WHERE status = 'running'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sync_log WHERE status = 'ok' "
                                  "AND id = (SELECT max (id) FROM sync_log)"), ==, 1);
  sqlite3_close (db);

  /* The push matched every member to its contact, and made none twice. */
  g_assert_cmpuint (rapport_mock_hubspot_get_n_contacts (mock), ==, SYNC_CONTACTS);
}

static void
test_sync (void)
{
  const char * const args[] = { "sync", "hubspot", NULL };
  Campaign c;

  campaign_init (&c, "sync", 3, TRUE);

  {
    g_autoptr(RapportMockHubspot) mock = rapport_mock_hubspot_new (TOKEN, SYNC_CONTACTS, SYNC_COMPANIES);

    add_account (&c, mock);
    campaign_measure (&c, args);
    g_assert_cmpint (snapshot_get (&c.complete, "members"), ==, SYNC_CONTACTS);
    g_assert_cmpint (snapshot_get (&c.complete, "identities"), ==, SYNC_CONTACTS);
    g_assert_cmpint (snapshot_get (&c.complete, "organizations"), ==, SYNC_COMPANIES);
    g_assert_cmpint (snapshot_get (&c.complete, "member_remote_fields"), ==, SYNC_CONTACTS);
    check_sync_resumed (&c, mock);
    remove_account (&c);
    remove_database (&c);
  }

  for (guint p = 0; p < campaign_points; p++)
    {
      g_autoptr(RapportMockHubspot) mock = rapport_mock_hubspot_new (TOKEN, SYNC_CONTACTS, SYNC_COMPANIES);
      const char *outcome;

      add_account (&c, mock);
      campaign_strike (&c, p, args);
      g_assert_cmpint (check_after_kill (&c), ==, c.version);
      outcome = classify_sync (&c);
      campaign_note (&c, outcome);

      campaign_run (&c, args, g_str_equal (outcome, "nothing pulled"));
      check_sync_resumed (&c, mock);
      remove_account (&c);
      remove_database (&c);
    }

  campaign_finish (&c);
}

static guint64
number_from_env (const char *name,
                 guint64     min,
                 guint64     max,
                 guint64     fallback)
{
  const char *text = g_getenv (name);
  g_autoptr(GError) error = NULL;
  guint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, &error))
    g_error ("%s: %s", name, error->message);

  return value;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  campaign_seed = number_from_env ("RAPPORT_CRASH_SEED", 0, G_MAXUINT32, DEFAULT_SEED);
  campaign_points = number_from_env ("RAPPORT_CRASH_POINTS", 1, 1000, DEFAULT_POINTS);
  g_test_message ("RAPPORT_CRASH_SEED=%u RAPPORT_CRASH_POINTS=%u", campaign_seed, campaign_points);

  g_test_add_func ("/rapport/crash/import", test_import);
  g_test_add_func ("/rapport/crash/demo", test_demo);
  g_test_add_func ("/rapport/crash/sync-hubspot", test_sync);

  return g_test_run ();
}
