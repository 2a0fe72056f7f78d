/* test-sync.c
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
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-http.h"
#include "rapport-mock-http.h"
#include "rapport-mock-hubspot.h"
#include "rapport-secrets.h"
#include "rapport-store.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-log.h"

#define TOKEN "pat-na1-3f9c2e71-rapport-test-token-7d41"

typedef struct
{
  char               *dir;
  char               *path;
  RapportStore       *store;
  RapportSyncEngine  *engine;
  RapportMockHubspot *mock;
  gint64              account_id;
} Fixture;

/* Everything logged while the tests run, to look for the token in. */
static GString *captured_logs;

static GLogWriterOutput
capture_log_cb (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (captured_logs, fields[i].value);
      else if (fields[i].value != NULL)
        g_string_append_len (captured_logs, fields[i].value, fields[i].length);
      g_string_append_c (captured_logs, ' ');
    }
  g_string_append_c (captured_logs, '\n');

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* GTest routes g_log() through a default handler of its own, not the writer. */
static void
capture_default_cb (const char     *domain,
                    GLogLevelFlags  level,
                    const char     *message,
                    gpointer        user_data)
{
  g_string_append_printf (captured_logs, "%s %s\n", domain != NULL ? domain : "", message);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    g_log_default_handler (domain, level, message, user_data);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static char *
text (Fixture    *f,
      const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
exec (Fixture    *f,
      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
add_account (Fixture    *f,
             const char *token,
             guint       rate_limit)
{
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = rapport_account_add (f->store, "hubspot", "Test", rapport_mock_hubspot_get_url (f->mock),
                                 rate_limit, token, &error);
  /* No keyring is a failure, never a skip: CI runs a real gnome-keyring. */
  g_assert_no_error (error);
  f->account_id = rapport_account_get_id (account);
}

static void
fixture_set_up (Fixture       *f,
                guint          n_contacts,
                guint          n_companies)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  f->engine = rapport_sync_engine_new (f->store);
  f->mock = rapport_mock_hubspot_new (TOKEN, n_contacts, n_companies);
}

static void
fixture_tear_down (Fixture *f)
{
  if (f->account_id > 0)
    rapport_account_remove (f->store, f->account_id, NULL);
  g_clear_pointer (&f->mock, rapport_mock_hubspot_free);
  g_clear_object (&f->engine);
  g_clear_object (&f->store);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (f->path);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
run_sync (Fixture               *f,
          RapportSyncDirection   direction,
          GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_sync_engine_run_async (f->engine, f->account_id, direction, NULL, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rapport_sync_engine_run_finish (f->engine, result, error);
}

static void
test_secrets (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  fixture_set_up (&f, 0, 0);
  add_account (&f, TOKEN, 0);

  token = rapport_secrets_lookup_token (f.store, f.account_id, "hubspot", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts WHERE instr (coalesce (settings, '') || "
                              "coalesce (base_url, '') || name, 'pat-na1') > 0"), ==, 0);

  /* Another database has an account with the same id: each keeps its
   * own token, and removing one leaves the other. */
  {
    g_autofree char *other_path = g_build_filename (f.dir, "other.db", NULL);
    g_autoptr(RapportStore) other = rapport_store_new (other_path, &error);
    g_autoptr(RapportAccount) account = NULL;
    g_autofree char *other_token = NULL;
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (rapport_store_get_uuid (other), !=, rapport_store_get_uuid (f.store));
    account = rapport_account_add (other, "hubspot", "Other", rapport_mock_hubspot_get_url (f.mock), 0,
                                   "pat-na1-other-token", &error);
    g_assert_no_error (error);
    g_assert_cmpint (rapport_account_get_id (account), ==, f.account_id);

    other_token = rapport_secrets_lookup_token (other, f.account_id, "hubspot", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (other_token, ==, "pat-na1-other-token");
    g_assert_true (rapport_account_remove (other, rapport_account_get_id (account), &error));
    g_assert_no_error (error);

    again = rapport_secrets_lookup_token (f.store, f.account_id, "hubspot", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, TOKEN);
    g_clear_object (&other);
    g_unlink (other_path);
    {
      g_autofree char *wal = g_strconcat (other_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (other_path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }
  }

  g_assert_true (rapport_account_remove (f.store, f.account_id, &error));
  g_assert_no_error (error);
  g_assert_null (rapport_secrets_lookup_token (f.store, f.account_id, "hubspot", NULL, &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_TOKEN);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts"), ==, 0);
  f.account_id = 0;

  fixture_tear_down (&f);
}

/* The account calls the dialogs make: each in a worker thread, each
 * announcing its change on the caller's store. */

typedef struct
{
  char              *table;
  gint64             row_id;
  RapportChangeKind  kind;
  guint              n;
} Change;

static void
on_changed_cb (RapportStore      *store,
               const char        *table,
               gint64             row_id,
               RapportChangeKind  kind,
               Change            *change)
{
  g_free (change->table);
  change->table = g_strdup (table);
  change->row_id = row_id;
  change->kind = kind;
  change->n++;
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_account_async (void)
{
  Fixture f = { 0 };
  Change change = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *token = NULL;
  guint n_requests;

  fixture_set_up (&f, 5, 1);
  g_signal_connect (f.store, "changed", G_CALLBACK (on_changed_cb), &change);

  /* A token that works, and nothing written. */
  rapport_account_test_async (f.store, "hubspot", rapport_mock_hubspot_get_url (f.mock),
                              RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT, TOKEN, NULL, on_done_cb, &result);
  g_assert_true (rapport_account_test_finish (f.store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (change.n, ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts"), ==, 0);

  /* One HubSpot refuses. */
  rapport_account_test_async (f.store, "hubspot", rapport_mock_hubspot_get_url (f.mock), 0,
                              "pat-na1-not-the-token", NULL, on_done_cb, &result);
  g_assert_false (rapport_account_test_finish (f.store, wait_result (&result), &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* One that cannot be right, and an unknown platform, never go out. */
  n_requests = rapport_mock_hubspot_count_requests (f.mock, "/");
  rapport_account_test_async (f.store, "hubspot", rapport_mock_hubspot_get_url (f.mock), 0,
                              "pat-na1 with spaces", NULL, on_done_cb, &result);
  g_assert_false (rapport_account_test_finish (f.store, wait_result (&result), &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID);
  g_assert_null (strstr (error->message, "with spaces"));
  g_clear_error (&error);
  g_clear_object (&result);
  rapport_account_test_async (f.store, "nowhere", NULL, 0, TOKEN, NULL, on_done_cb, &result);
  g_assert_false (rapport_account_test_finish (f.store, wait_result (&result), &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "/"), ==, n_requests);

  /* Cancelled before it began: nothing added. */
  g_cancellable_cancel (cancelled);
  rapport_account_add_async (f.store, "hubspot", "Async", rapport_mock_hubspot_get_url (f.mock), 0, TOKEN,
                             cancelled, on_done_cb, &result);
  g_assert_null (rapport_account_add_finish (f.store, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts"), ==, 0);

  /* Added, its token in the keyring, and the caller's store heard. */
  rapport_account_add_async (f.store, "hubspot", "Async", rapport_mock_hubspot_get_url (f.mock), 0, TOKEN,
                             NULL, on_done_cb, &result);
  account = rapport_account_add_finish (f.store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_clear_object (&result);
  f.account_id = rapport_account_get_id (account);
  g_assert_cmpstr (rapport_account_get_name (account), ==, "Async");
  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpstr (change.table, ==, "accounts");
  g_assert_cmpint (change.row_id, ==, f.account_id);
  g_assert_cmpint (change.kind, ==, RAPPORT_CHANGE_INSERTED);
  token = rapport_secrets_lookup_token (f.store, f.account_id, "hubspot", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);
  g_clear_pointer (&token, rapport_secrets_free_token);

  /* A new token puts a refused account back in order. */
  g_assert_true (rapport_account_set_state (f.store, f.account_id, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN, NULL));
  change.n = 0;
  rapport_account_replace_token_async (f.store, f.account_id, "pat-na1-the-new-token", NULL, on_done_cb, &result);
  g_assert_true (rapport_account_replace_token_finish (f.store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpint (change.row_id, ==, f.account_id);
  g_assert_cmpint (change.kind, ==, RAPPORT_CHANGE_UPDATED);
  g_clear_object (&account);
  account = rapport_account_load (f.store, f.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_account_get_state (account), ==, RAPPORT_ACCOUNT_STATE_OK);
  token = rapport_secrets_lookup_token (f.store, f.account_id, "hubspot", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "pat-na1-the-new-token");
  g_clear_pointer (&token, rapport_secrets_free_token);

  /* Removed, with its token. */
  change.n = 0;
  rapport_account_remove_async (f.store, f.account_id, NULL, on_done_cb, &result);
  g_assert_true (rapport_account_remove_finish (f.store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpint (change.kind, ==, RAPPORT_CHANGE_DELETED);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts"), ==, 0);
  g_assert_null (rapport_secrets_lookup_token (f.store, f.account_id, "hubspot", NULL, &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_TOKEN);
  g_clear_error (&error);

  /* An account that is not there any more. */
  rapport_account_remove_async (f.store, f.account_id, NULL, on_done_cb, &result);
  g_assert_false (rapport_account_remove_finish (f.store, wait_result (&result), &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT);
  g_clear_object (&result);
  f.account_id = 0;

  g_signal_handlers_disconnect_by_data (f.store, &change);
  g_free (change.table);
  fixture_tear_down (&f);
}

static void
test_pull_10000 (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(RapportSyncLogEntry) entry = NULL;
  g_autofree char *fields = NULL;
  guint progress = 0;

  fixture_set_up (&f, 10000, 50);
  add_account (&f, TOKEN, 0);

  g_signal_connect_swapped (f.engine, "progress", G_CALLBACK (g_atomic_int_inc), &progress);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress, >, 100);

  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 10000);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM identities WHERE platform = 'hubspot'"), ==, 10000);
  g_assert_cmpint (count (&f, "SELECT count(DISTINCT external_id) FROM identities"), ==, 10000);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM emails"), ==, 10000);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM organizations"), ==, 50);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM organizations WHERE domain LIKE 'company%.example.com'"), ==, 50);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members WHERE organization_id IS NULL"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members m JOIN identities i ON i.member_id = m.id "
                              "JOIN organizations o ON o.id = m.organization_id "
                              "WHERE o.name <> 'Company ' || ((CAST (i.external_id AS INTEGER) - 1001) % 50)"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM member_remote_fields WHERE platform = 'hubspot'"), ==, 10000);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_state WHERE stream = 'contacts'"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_state WHERE stream = 'contacts.since'"), ==, 1);

  fields = text (&f, "SELECT m.name || '|' || m.title || '|' || m.phone || '|' || r.fields "
                     "FROM members m JOIN member_remote_fields r ON r.member_id = m.id "
                     "JOIN identities i ON i.member_id = m.id WHERE i.external_id = '1043'");
  g_assert_cmpstr (fields, ==, "Ada42 Lovelace|Engineer|+1 555 0042|{\"name\":\"Ada42 Lovelace\","
                   "\"email\":\"person42@example.org\",\"organization\":\"Company 42\",\"title\":\"Engineer\","
                   "\"phone\":\"+1 555 0042\",\"lifecycle_stage\":\"lead\"}");

  g_assert_cmpuint (rapport_sync_engine_get_created (f.engine), ==, 10000);
  g_assert_false (rapport_sync_engine_get_running (f.engine));
  log = rapport_sync_log_load (f.store, f.account_id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  entry = g_list_model_get_item (log, 0);
  g_assert_cmpstr (rapport_sync_log_entry_get_status (entry), ==, "ok");
  g_assert_cmpint (rapport_sync_log_entry_get_created (entry), ==, 10000);
  g_assert_cmpint (rapport_sync_log_entry_get_pages (entry), ==, 100 + 1 + 1);
  g_assert_cmpint (rapport_sync_log_entry_get_finished_at (entry), >, 0);

  fixture_tear_down (&f);
}

/* A page of the full contact list (the archived ones ask for less). */
#define FULL_LIST "GET /crm/v3/objects/contacts?limit=100&properties=firstname"

static void
test_incremental (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *moved = NULL;
  guint searches;
  guint lists;

  fixture_set_up (&f, 300, 3);
  add_account (&f, TOKEN, 0);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 300);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/objects/contacts/search"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM organization_identities WHERE platform = 'hubspot'"), ==, 3);

  /* Rapport's own fields, which a pull must leave alone. */
  exec (&f, "UPDATE members SET stage_id = 4, score = 77.5, bio = 'Speaks at meetups' "
            "WHERE id = (SELECT member_id FROM identities WHERE external_id = '1006')");

  g_usleep (5000);
  rapport_mock_hubspot_touch_contact (f.mock, 5, "firstname", "Grace");
  rapport_mock_hubspot_touch_contact (f.mock, 6, "jobtitle", "Staff Engineer");
  rapport_mock_hubspot_archive_contact (f.mock, 7);
  /* Company 1 renamed; contact 1010 moved from company 0 to company 2 and
   * edited, so the search finds it. */
  rapport_mock_hubspot_rename_company (f.mock, 1, "Company One");
  rapport_mock_hubspot_move_contact (f.mock, 9, 2);
  rapport_mock_hubspot_touch_contact (f.mock, 9, "phone", "+1 555 9999");

  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  searches = rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/objects/contacts/search");
  g_assert_cmpuint (searches, ==, 1);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/objects/companies/search"), ==, 1);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock,
                                                         "POST /crm/v4/associations/contacts/companies/batch/read"),
                    ==, 1);
  g_assert_cmpuint (rapport_sync_engine_get_created (f.engine), ==, 0);
  /* Three changed contacts came through the search, nothing else. */
  g_assert_cmpuint (rapport_sync_engine_get_updated (f.engine), ==, 3);
  g_assert_cmpuint (rapport_sync_engine_get_archived (f.engine), ==, 1);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 300);

  name = text (&f, "SELECT m.name FROM members m JOIN identities i ON i.member_id = m.id "
                   "WHERE i.external_id = '1006'");
  g_assert_cmpstr (name, ==, "Grace Lovelace");
  stage = text (&f, "SELECT stage_id || '|' || score || '|' || bio FROM members m "
                    "JOIN identities i ON i.member_id = m.id WHERE i.external_id = '1006'");
  g_assert_cmpstr (stage, ==, "4|77.5|Speaks at meetups");
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members m JOIN identities i ON i.member_id = m.id "
                              "WHERE i.external_id = '1007' AND m.title = 'Staff Engineer'"), ==, 1);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM identities WHERE external_id = '1008' "
                              "AND archived_at IS NOT NULL"), ==, 1);

  /* The renamed company renamed its organization, whose members kept it;
   * the moved contact follows its association, not its "company" text. */
  g_assert_cmpint (count (&f, "SELECT count(*) FROM organizations"), ==, 3);
  renamed = text (&f, "SELECT o.name || '|' || (r.fields ->> '$.organization') FROM members m "
                      "JOIN organizations o ON o.id = m.organization_id "
                      "JOIN member_remote_fields r ON r.member_id = m.id "
                      "JOIN identities i ON i.member_id = m.id WHERE i.external_id = '1002'");
  g_assert_cmpstr (renamed, ==, "Company One|Company One");
  moved = text (&f, "SELECT o.name || '|' || m.phone FROM members m "
                    "JOIN organizations o ON o.id = m.organization_id "
                    "JOIN identities i ON i.member_id = m.id WHERE i.external_id = '1010'");
  g_assert_cmpstr (moved, ==, "Company 2|+1 555 9999");

  /* A contact moved to another company without any other change is not
   * found by the search; the weekly full pull brings the move in. */
  rapport_mock_hubspot_move_contact (f.mock, 11, 0);
  lists = rapport_mock_hubspot_count_requests (f.mock, FULL_LIST);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, FULL_LIST), ==, lists);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.organization_id "
                              "JOIN identities i ON i.member_id = m.id "
                              "WHERE i.external_id = '1012' AND o.name = 'Company 2'"), ==, 1);

  exec (&f, "UPDATE sync_state SET cursor = cursor - 8 * 24 * 3600 WHERE stream = 'contacts.full-pull'");
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  /* 299 contacts not archived, 100 a page. */
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, FULL_LIST), ==, lists + 3);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.organization_id "
                              "JOIN identities i ON i.member_id = m.id "
                              "WHERE i.external_id = '1012' AND o.name = 'Company 0'"), ==, 1);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 300);

  fixture_tear_down (&f);
}

/* A contact with many companies gets them from the v4 batch read in pages;
 * its primary company, on a later page, names its organization. */
static void
test_association_pages (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;

  fixture_set_up (&f, 30, 4);
  add_account (&f, TOKEN, 0);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);

  /* Contact 1005: primary Company 3, also linked to 0, 1 and 2; two a page,
   * the primary on the second. */
  g_usleep (5000);
  rapport_mock_hubspot_move_contact (f.mock, 4, 3);
  rapport_mock_hubspot_add_company (f.mock, 4, 0);
  rapport_mock_hubspot_add_company (f.mock, 4, 1);
  rapport_mock_hubspot_add_company (f.mock, 4, 2);
  rapport_mock_hubspot_set_association_page_size (f.mock, 2);
  rapport_mock_hubspot_touch_contact (f.mock, 4, "jobtitle", "Maintainer");

  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock,
                                                         "POST /crm/v4/associations/contacts/companies/batch/read"),
                    ==, 2);
  organization = text (&f, "SELECT o.name FROM members m JOIN organizations o ON o.id = m.organization_id "
                           "JOIN identities i ON i.member_id = m.id WHERE i.external_id = '1005'");
  g_assert_cmpstr (organization, ==, "Company 3");

  fixture_tear_down (&f);
}

/* A bulk edit in HubSpot changes more contacts than one search can page
 * through (10,000): the pull searches again from the last change seen. */
static void
test_search_beyond_10000 (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f, 10250, 5);
  add_account (&f, TOKEN, 0);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);

  g_usleep (5000);
  rapport_mock_hubspot_touch_all (f.mock, "jobtitle", "Principal Engineer");
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/objects/contacts/search"), >=, 103);
  g_assert_cmpuint (rapport_sync_engine_get_updated (f.engine), ==, 10250);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members WHERE title = 'Principal Engineer'"), ==, 10250);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 10250);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_state WHERE stream = 'contacts'"), ==, 0);

  fixture_tear_down (&f);
}

static void
test_push (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *count_property = NULL;
  g_autofree char *failed = NULL;
  const char * const *failures;

  fixture_set_up (&f, 5, 1);
  add_account (&f, TOKEN, 0);

  /* 250 members of Rapport's own; one shares person0's email but has
   * another name, one has an address HubSpot refuses. */
  exec (&f, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
            "INSERT INTO members (id, name, sort_name, stage_id, score, activity_count, last_active_at) "
            "SELECT i, 'Local ' || i, 'local ' || i, 3, i / 2.0, i, 1767225600 FROM n;"
            "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 249) "
            "INSERT INTO emails (member_id, address, is_primary) SELECT i, 'local' || i || '@example.net', 1 FROM n;"
            "INSERT INTO emails (member_id, address, is_primary) VALUES (1, 'person0@example.org', 1);"
            "INSERT INTO emails (member_id, address, is_primary) VALUES (250, 'not-an-address', 1);"
            "UPDATE members SET name = 'Renamed In Rapport', title = 'Rapport Title' WHERE id = 1;");

  g_assert_true (run_sync (&f, RAPPORT_SYNC_PUSH, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_sync_engine_get_pushed (f.engine), ==, 249);
  g_assert_cmpuint (rapport_sync_engine_get_failed (f.engine), ==, 1);
  failures = rapport_sync_engine_get_failures (f.engine);
  g_assert_nonnull (failures);
  g_assert_cmpstr (failures[0], ==, "not-an-address: Email address not-an-address is invalid");

  /* Properties created once, three batches, nothing HubSpot owns sent. */
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/properties/contacts"), ==, 5);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/objects/contacts/batch/upsert"), ==, 3);
  g_assert_cmpuint (rapport_mock_hubspot_get_owned_fields_pushed (f.mock), ==, 0);
  g_assert_cmpuint (rapport_mock_hubspot_get_n_contacts (f.mock), ==, 5 + 248);

  first = rapport_mock_hubspot_dup_contact_property (f.mock, "person0@example.org", "firstname");
  g_assert_cmpstr (first, ==, "Ada0");
  stage = rapport_mock_hubspot_dup_contact_property (f.mock, "person0@example.org", "rapport_stage");
  g_assert_cmpstr (stage, ==, "Contributor");
  count_property = rapport_mock_hubspot_dup_contact_property (f.mock, "local7@example.net", "rapport_activity_count");
  g_assert_cmpstr (count_property, ==, "7");
  g_assert_cmpint (count (&f, "SELECT count(*) FROM identities WHERE platform = 'hubspot'"), ==, 249);
  failed = text (&f, "SELECT error FROM sync_push_state WHERE member_id = 250");
  g_assert_cmpstr (failed, ==, "Email address not-an-address is invalid");
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_log WHERE status = 'partial' "
                              "AND error LIKE '%not-an-address%'"), ==, 1);

  /* The next push sends only what changed and the row that failed. */
  exec (&f, "UPDATE members SET stage_id = 5 WHERE id = 3");
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PUSH, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_sync_engine_get_records (f.engine), ==, 2);
  g_assert_cmpuint (rapport_sync_engine_get_pushed (f.engine), ==, 1);
  g_assert_cmpuint (rapport_sync_engine_get_failed (f.engine), ==, 1);
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, "POST /crm/v3/properties/contacts"), ==, 5);

  /* A pull brings HubSpot's name back and leaves Rapport's stage alone. */
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members WHERE id = 1 AND name = 'Ada0 Lovelace' "
                              "AND title = 'Engineer' AND stage_id = 3"), ==, 1);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 250 + 4);

  fixture_tear_down (&f);
}

static void
test_rate_limited (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 elapsed;

  /* A sanitizer build is slower: the window and the wait stretch with it,
   * so the 4th request still lands inside the window. */
  const char *scale_env = g_getenv ("RAPPORT_TEST_TIMEOUT_SCALE");
  gint64 scale = CLAMP (scale_env != NULL ? g_ascii_strtoll (scale_env, NULL, 10) : 1, 1, 20);

  fixture_set_up (&f, 200, 1);
  add_account (&f, TOKEN, 0);
  /* 4 requests in a pull; the 4th gets 429 and must wait 2 s. */
  rapport_mock_hubspot_set_rate_limit (f.mock, 3, 2000 * scale, 2 * scale);

  start = g_get_monotonic_time ();
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpint (elapsed, >=, 2 * scale * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 10 * scale * G_USEC_PER_SEC);
  g_assert_cmpuint (rapport_sync_engine_get_requests (f.engine), ==, 5);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 200);

  fixture_tear_down (&f);
}

static void
test_client_rate_limit (void)
{
  g_autoptr(RapportMockHubspot) mock = rapport_mock_hubspot_new (TOKEN, 10, 0);
  g_autoptr(RapportHttp) http = NULL;
  gint64 start;

  /* 2 requests per second: the bucket holds 2, the next 2 wait ~1 s. */
  http = rapport_http_new ("HubSpot", rapport_mock_hubspot_get_url (mock), TOKEN, 2, 1);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = rapport_http_request_json (http, "GET", "/crm/v3/objects/contacts",
                                                            "limit=1", NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (root);
    }
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900000);
}

static void
test_unauthorized (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAccount) account = NULL;

  fixture_set_up (&f, 50, 1);
  add_account (&f, "pat-na1-wrong-token", 0);

  g_assert_false (run_sync (&f, RAPPORT_SYNC_BOTH, &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "wrong-token"));
  g_assert_cmpuint (rapport_mock_hubspot_count_requests (f.mock, ""), ==, 1);

  account = rapport_account_load (f.store, f.account_id, NULL);
  g_assert_cmpstr (rapport_account_get_state (account), ==, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN);
  g_assert_cmpstr (rapport_account_get_last_status (account), ==, "failed");
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 0);

  /* A new token puts it right. */
  g_clear_error (&error);
  g_assert_true (rapport_account_replace_token (f.store, f.account_id, TOKEN, &error));
  g_assert_no_error (error);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 50);

  fixture_tear_down (&f);
}

static void
test_server_error (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f, 150, 1);
  add_account (&f, TOKEN, 0);
  rapport_mock_hubspot_fail_next (f.mock, 500, 2);

  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_sync_engine_get_requests (f.engine), ==, 2 + 2 + 1 + 1);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 150);

  fixture_tear_down (&f);
}

static void
test_truncated (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f, 250, 1);
  add_account (&f, TOKEN, 0);
  rapport_mock_hubspot_truncate_next (f.mock, 1);

  g_assert_false (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_BAD_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "HubSpot response to GET /crm/v3/objects/companies is not complete JSON"));
  g_assert_cmpint (count (&f, "SELECT count(*) FROM organizations"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM identities"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_state"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_log WHERE status = 'failed' "
                              "AND error LIKE '%not complete JSON%'"), ==, 1);

  g_clear_error (&error);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 250);

  fixture_tear_down (&f);
}

/* A run has a deadline of its own: at it the run stops, says so, and
 * keeps the pages it committed. */
static void
test_run_deadline (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAccount) account = NULL;
  g_autofree char *message = NULL;
  gint64 start;
  gint64 elapsed;

  fixture_set_up (&f, 3000, 10);
  add_account (&f, TOKEN, 0);
  rapport_mock_hubspot_set_delay (f.mock, 300);
  g_object_set (f.engine, "timeout", 1, NULL);

  start = g_get_monotonic_time ();
  g_assert_false (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "did not finish in 1 second"));
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);

  account = rapport_account_load (f.store, f.account_id, NULL);
  g_assert_cmpstr (rapport_account_get_state (account), ==, RAPPORT_ACCOUNT_STATE_ERROR);
  message = text (&f, "SELECT status || '|' || error FROM sync_log");
  g_assert_true (g_str_has_prefix (message, "failed|The sync did not finish"));
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), <, 3000);

  /* Without the deadline the next run finishes the job. */
  rapport_mock_hubspot_set_delay (f.mock, 0);
  g_object_set (f.engine, "timeout", 0, NULL);
  g_clear_error (&error);
  g_assert_true (run_sync (&f, RAPPORT_SYNC_PULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 3000);

  fixture_tear_down (&f);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* A cancel reaches the run while a server sits on its request. */
static void
test_cancel_in_flight (void)
{
  Fixture f = { 0 };
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cancelled_at = 0;

  fixture_set_up (&f, 0, 0);
  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_HANG, G_MAXUINT);
  account = rapport_account_add (f.store, "hubspot", "Silent", rapport_mock_http_get_url (server), 0, TOKEN, &error);
  g_assert_no_error (error);
  f.account_id = rapport_account_get_id (account);

  rapport_sync_engine_run_async (f.engine, f.account_id, RAPPORT_SYNC_PULL, cancellable, on_done_cb, &result);
  while (result == NULL)
    {
      if (cancelled_at == 0 && rapport_mock_http_count_requests (server) > 0)
        {
          g_timeout_add (200, cancel_cb, cancellable);
          cancelled_at = g_get_monotonic_time () + 200000;
        }
      g_main_context_iteration (NULL, cancelled_at == 0 ? FALSE : TRUE);
      if (cancelled_at == 0)
        g_usleep (1000);
    }

  g_assert_false (rapport_sync_engine_run_finish (f.engine, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_log WHERE status = 'cancelled'"), ==, 1);

  fixture_tear_down (&f);
}

static void
test_bad_fields (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"paging\":{}}", "HubSpot response: “results” is missing" },
    { "{\"results\":{}}", "HubSpot response: “results” is not an array" },
    { "{\"results\":[],\"paging\":{\"next\":{\"after\":5}}}",
      "HubSpot response: “paging.next.after” is not a string" },
    { "{\"results\":[],\"paging\":{\"next\":[]}}", "HubSpot response: “paging.next” is not an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      JsonObject *object = json_node_get_object (root);
      const char *after = NULL;

      if (json_object_has_member (object, "results") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "results")))
        g_assert_false (rapport_json_lookup_string (object, "HubSpot", "paging.next.after", &after, &error));
      else
        g_assert_null (rapport_json_require_array (object, "HubSpot", "results", &error));
      g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_BAD_RESPONSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static GSubprocess *
spawn_cli (Fixture     *f,
           const char  *config_dir,
           GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  const char *cli = g_getenv ("RAPPORT_CLI");

  g_assert_nonnull (cli);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);

  return g_subprocess_launcher_spawn (launcher, error, cli, "--db", f->path, "sync", "hubspot", NULL);
}

static void
test_killed_resumes (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *output = NULL;
  g_autofree char *config = NULL;
  guint before;
  gint64 members;
  gint64 deadline;

  fixture_set_up (&f, 3000, 10);
  add_account (&f, TOKEN, 0);
  config = g_build_filename (f.dir, "config", NULL);
  rapport_mock_hubspot_set_delay (f.mock, 100);

  first = spawn_cli (&f, config, &error);
  g_assert_no_error (error);

  /* Kill it, as a crash or power loss would, once some pages are in: the
   * page of companies and five of contacts. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (count (&f, "SELECT count(*) FROM sync_log WHERE pages >= 6") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20000);
    }
  g_subprocess_force_exit (first);
  g_subprocess_wait (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (first));
  g_assert_cmpint (g_subprocess_get_term_sig (first), ==, SIGKILL);

  /* Whole pages only, and the cursor after the last of them. */
  members = count (&f, "SELECT count(*) FROM members");
  g_assert_cmpint (members, >=, 500);
  g_assert_cmpint (members, <, 3000);
  g_assert_cmpint (members % 100, ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_state WHERE stream = 'contacts' "
                              "AND cursor IS NOT NULL"), ==, 1);

  rapport_mock_hubspot_set_delay (f.mock, 0);
  before = rapport_mock_hubspot_count_requests (f.mock, "");
  second = spawn_cli (&f, config, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (second, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (second));
  if (g_subprocess_get_exit_status (second) != 0)
    g_error ("The resumed sync failed:\n%s", output);
  g_assert_nonnull (strstr (output, "records in"));

  /* The companies, done before the kill, are only searched for changes;
   * contacts go on from the cursor. */
  requests = rapport_mock_hubspot_dup_requests (f.mock);
  g_assert_cmpuint (requests->len, >, before + 1);
  g_assert_cmpstr (g_ptr_array_index (requests, before), ==, "POST /crm/v3/objects/companies/search");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (requests, before + 1), "GET /crm/v3/objects/contacts?"));
  g_assert_nonnull (strstr (g_ptr_array_index (requests, before + 1), "after="));

  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 3000);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM identities WHERE platform = 'hubspot'"), ==, 3000);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM (SELECT address FROM emails GROUP BY address "
                              "HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_log WHERE status = 'interrupted'"), ==, 1);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_log WHERE status = 'ok'"), ==, 1);

  {
    g_autofree char *keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);

    g_unlink (keyfile);
  }
  fixture_tear_down (&f);
}

/* rapport-cli with @args after "--db PATH", its stdout and stderr merged;
 * @env holds NAME, VALUE pairs. */
static GSubprocess *
spawn_cli_args (Fixture             *f,
                const char          *config_dir,
                const char * const  *env,
                const char * const  *args,
                gboolean             with_stdin,
                GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE |
                               (with_stdin ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("RAPPORT_CLI");

  g_assert_nonnull (cli);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_dir, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

static void
remove_keyfile (const char *config)
{
  g_autofree char *keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *settings = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *glib = g_build_filename (config, "glib-2.0", NULL);

  g_unlink (keyfile);
  g_rmdir (settings);
  g_rmdir (glib);
  g_rmdir (config);
}

/* rapport-cli sync against a server that never answers: cut off at the
 * deadline, with a log that shows what it was doing, line by line. */
static void
test_cli_deadline (void)
{
  Fixture f = { 0 };
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *output = NULL;
  g_autofree char *expected = NULL;
  const char * const env[] = { "RAPPORT_HTTP_TIMEOUT", "2", NULL };
  const char * const args[] = { "sync", "hubspot", NULL };
  gint64 start;

  fixture_set_up (&f, 0, 0);
  config = g_build_filename (f.dir, "config", NULL);
  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_HANG, G_MAXUINT);
  account = rapport_account_add (f.store, "hubspot", "Silent", rapport_mock_http_get_url (server), 0, TOKEN, &error);
  g_assert_no_error (error);
  f.account_id = rapport_account_get_id (account);

  start = g_get_monotonic_time ();
  cli = spawn_cli_args (&f, config, env, args, FALSE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", output);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
  g_assert_true (g_subprocess_get_if_exited (cli));
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
  g_assert_null (strchr (output, '\r'));
  g_assert_nonnull (strstr (output, "Syncing account"));
  g_assert_nonnull (strstr (output, "Receiving companies: 0 records, 0 pages\n"));
  expected = g_strdup_printf ("HubSpot at %s did not answer GET /crm/v3/objects/companies in 2 seconds",
                              rapport_mock_http_get_url (server));
  g_assert_nonnull (strstr (output, expected));
  g_assert_null (strstr (output, TOKEN));

  remove_keyfile (config);
  fixture_tear_down (&f);
}

/* A log shows the waits of a rate limit, and whom they are for. */
static void
test_cli_waiting (void)
{
  Fixture f = { 0 };
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *config = NULL;
  g_autofree char *output = NULL;
  g_autofree char *expected = NULL;
  const char * const args[] = { "sync", "hubspot", "--pull", NULL };

  fixture_set_up (&f, 200, 1);
  add_account (&f, TOKEN, 0);
  config = g_build_filename (f.dir, "config", NULL);
  rapport_mock_hubspot_set_rate_limit (f.mock, 3, 2000, 1);

  cli = spawn_cli_args (&f, config, NULL, args, FALSE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", output);

  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  g_assert_null (strchr (output, '\r'));
  uri = g_uri_parse (rapport_mock_hubspot_get_url (f.mock), G_URI_FLAGS_NONE, NULL);
  expected = g_strdup_printf ("Waiting 1 s for 127.0.0.1:%d (rate limit)\n", g_uri_get_port (uri));
  g_assert_nonnull (strstr (output, expected));
  g_assert_nonnull (strstr (output, "Receiving contacts: "));
  g_assert_nonnull (strstr (output, "201 records in 4 pages: 200 members created"));
  g_assert_cmpint (count (&f, "SELECT count(*) FROM members"), ==, 200);

  remove_keyfile (config);
  fixture_tear_down (&f);
}

/* accounts add refuses plain http:// beyond this computer, and says why. */
static void
test_cli_plain_http (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  const char * const refused[] = { "accounts", "add", "hubspot", "--token-stdin",
                                   "--base-url", "http://crm.example.org", NULL };
  g_autofree char *loopback = NULL;

  fixture_set_up (&f, 0, 0);
  config = g_build_filename (f.dir, "config", NULL);

  {
    g_autoptr(GSubprocess) cli = spawn_cli_args (&f, config, NULL, refused, TRUE, &error);
    g_autofree char *output = NULL;

    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (cli, TOKEN "\n", NULL, &output, NULL, &error);
    g_assert_no_error (error);
    g_test_message ("%s", output);
    g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
    g_assert_nonnull (strstr (output, "http://crm.example.org"));
    g_assert_nonnull (strstr (output, "unencrypted"));
    g_assert_null (strstr (output, TOKEN));
    g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts"), ==, 0);
  }

  /* The mock listens on 127.0.0.1: that one is fine. */
  loopback = g_strdup (rapport_mock_hubspot_get_url (f.mock));
  {
    const char * const allowed[] = { "accounts", "add", "hubspot", "--token-stdin",
                                     "--base-url", loopback, NULL };
    g_autoptr(GSubprocess) cli = spawn_cli_args (&f, config, NULL, allowed, TRUE, &error);
    g_autofree char *output = NULL;

    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (cli, TOKEN "\n", NULL, &output, NULL, &error);
    g_assert_no_error (error);
    if (g_subprocess_get_exit_status (cli) != 0)
      g_error ("accounts add failed:\n%s", output);
    g_assert_cmpint (count (&f, "SELECT count(*) FROM accounts"), ==, 1);
    f.account_id = count (&f, "SELECT id FROM accounts");
  }

  remove_keyfile (config);
  fixture_tear_down (&f);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + strlen (needle) <= length; i++)
    {
      if (memcmp (contents + i, needle, strlen (needle)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_token_never_stored (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autofree char *output = NULL;
  g_autofree char *config = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *keyfile = NULL;

  fixture_set_up (&f, 400, 5);
  add_account (&f, TOKEN, 0);
  config = g_build_filename (f.dir, "config", NULL);

  g_assert_true (run_sync (&f, RAPPORT_SYNC_BOTH, &error));
  g_assert_no_error (error);

  rapport_mock_hubspot_touch_contact (f.mock, 1, "firstname", "Token");
  cli = spawn_cli (&f, config, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);

  /* The token reached HubSpot, and nowhere else. */
  wal = g_strconcat (f.path, "-wal", NULL);
  keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_assert_cmpint (count (&f, "SELECT count(*) FROM sync_log"), ==, 2);
  g_assert_false (file_contains (f.path, TOKEN));
  g_assert_false (file_contains (wal, TOKEN));
  g_assert_false (file_contains (keyfile, TOKEN));
  g_assert_null (strstr (output, TOKEN));
  g_assert_nonnull (strstr (captured_logs->str, "Syncing account"));
  g_assert_null (strstr (captured_logs->str, TOKEN));
  /* Not even part of it. */
  g_assert_false (file_contains (f.path, "3f9c2e71"));
  g_assert_null (strstr (captured_logs->str, "3f9c2e71"));

  g_unlink (keyfile);
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_logs = g_string_new (NULL);
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_log_cb, NULL, NULL);
  g_log_set_default_handler (capture_default_cb, NULL);

  g_test_add_func ("/rapport/sync/secrets/store-and-remove", test_secrets);
  g_test_add_func ("/rapport/sync/account/async", test_account_async);
  g_test_add_func ("/rapport/sync/hubspot/pull-10000", test_pull_10000);
  g_test_add_func ("/rapport/sync/hubspot/incremental", test_incremental);
  g_test_add_func ("/rapport/sync/hubspot/search-beyond-10000", test_search_beyond_10000);
  g_test_add_func ("/rapport/sync/hubspot/association-pages", test_association_pages);
  g_test_add_func ("/rapport/sync/hubspot/push", test_push);
  g_test_add_func ("/rapport/sync/http/retry-after", test_rate_limited);
  g_test_add_func ("/rapport/sync/http/token-bucket", test_client_rate_limit);
  g_test_add_func ("/rapport/sync/http/unauthorized", test_unauthorized);
  g_test_add_func ("/rapport/sync/http/server-error", test_server_error);
  g_test_add_func ("/rapport/sync/http/truncated", test_truncated);
  g_test_add_func ("/rapport/sync/http/bad-fields", test_bad_fields);
  g_test_add_func ("/rapport/sync/run-deadline", test_run_deadline);
  g_test_add_func ("/rapport/sync/cancel-in-flight", test_cancel_in_flight);
  g_test_add_func ("/rapport/sync/cli/deadline", test_cli_deadline);
  g_test_add_func ("/rapport/sync/cli/waiting", test_cli_waiting);
  g_test_add_func ("/rapport/sync/cli/plain-http", test_cli_plain_http);
  g_test_add_func ("/rapport/sync/killed-resumes", test_killed_resumes);
  g_test_add_func ("/rapport/sync/token-never-stored", test_token_never_stored);

  return g_test_run ();
}
