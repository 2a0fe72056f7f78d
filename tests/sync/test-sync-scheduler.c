/* test-sync-scheduler.c
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

#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-context.h"
#include "rapport-mock-hubspot.h"
#include "rapport-secrets.h"
#include "rapport-store.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-scheduler.h"

#define TOKEN "pat-na1-71c0d9e4-rapport-scheduler-token-2b58"
#define N_CONTACTS 30

/* The scheduler against the mock HubSpot, without a display. Its accounts
 * keep their tokens in the Secret Service that build-aux/test-session
 * starts. */

typedef struct
{
  char                 *dir;
  char                 *path;
  RapportStore         *store;
  RapportContext       *context;
  RapportSyncScheduler *scheduler;
  RapportMockHubspot   *mock;
  gint64                first_id;
  gint64                second_id;

  /* What the scheduler said */
  GArray               *started;
  guint                 n_runs;
  guint                 n_finished;
  guint                 n_progress;
} Fixture;

static gint64
add_account (Fixture    *f,
             const char *name)
{
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = rapport_account_add (f->store, "hubspot", name, rapport_mock_hubspot_get_url (f->mock), 0,
                                 TOKEN, &error);
  /* No keyring is a failure, never a skip: CI runs a real gnome-keyring. */
  g_assert_no_error (error);

  return rapport_account_get_id (account);
}

static void
on_account_id_changed_cb (RapportSyncScheduler *scheduler,
                          GParamSpec           *pspec,
                          Fixture              *f)
{
  gint64 account_id = rapport_sync_scheduler_get_account_id (scheduler);

  if (account_id != 0)
    g_array_append_val (f->started, account_id);
}

static void
on_running_changed_cb (RapportSyncScheduler *scheduler,
                       GParamSpec           *pspec,
                       Fixture              *f)
{
  if (rapport_sync_scheduler_get_running (scheduler))
    f->n_runs++;
}

static void
on_progress_cb (RapportSyncScheduler *scheduler,
                Fixture              *f)
{
  g_assert_true (rapport_sync_scheduler_get_running (scheduler));
  f->n_progress++;
}

static void
on_finished_cb (RapportSyncScheduler *scheduler,
                Fixture              *f)
{
  /* The run is over before anyone hears so. */
  g_assert_false (rapport_sync_scheduler_get_running (scheduler));
  g_assert_cmpint (rapport_sync_scheduler_get_account_id (scheduler), ==, 0);
  f->n_finished++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-scheduler-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (f->path, &error);
  g_assert_no_error (error);
  f->mock = rapport_mock_hubspot_new (TOKEN, N_CONTACTS, 2);
  f->first_id = add_account (f, "First");
  f->second_id = add_account (f, "Second");

  f->context = rapport_context_new (f->store);
  f->scheduler = g_object_ref (rapport_context_get_sync_scheduler (f->context));
  f->started = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->scheduler, "notify::account-id", G_CALLBACK (on_account_id_changed_cb), f);
  g_signal_connect (f->scheduler, "notify::running", G_CALLBACK (on_running_changed_cb), f);
  g_signal_connect (f->scheduler, "progress", G_CALLBACK (on_progress_cb), f);
  g_signal_connect (f->scheduler, "finished", G_CALLBACK (on_finished_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) accounts = rapport_account_load_all (f->store, NULL);

  /* Never leave a token behind in the test keyring. */
  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);

      rapport_account_remove (f->store, rapport_account_get_id (account), NULL);
    }

  g_signal_handlers_disconnect_by_data (f->scheduler, f);
  g_clear_object (&f->scheduler);
  g_clear_object (&f->context);
  g_clear_pointer (&f->mock, rapport_mock_hubspot_free);
  g_clear_object (&f->store);
  g_clear_pointer (&f->started, g_array_unref);
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

/* Waiting */

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *f);

/* Runs the main context until @condition holds, or @timeout_ms pass. */
static gboolean
wait_for (Fixture   *f,
          Condition  condition,
          guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!condition (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (f);
}

/* Runs what is ready, such as the scheduler's reading of the accounts
 * after the store announced a change. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
finished_cb (Fixture *f)
{
  return f->n_finished > 0;
}

static gboolean
finished_twice_cb (Fixture *f)
{
  return f->n_finished >= 2;
}

static gboolean
running_cb (Fixture *f)
{
  return rapport_sync_scheduler_get_running (f->scheduler);
}

static gboolean
progressed_cb (Fixture *f)
{
  return f->n_progress > 0;
}

static gboolean
never_cb (Fixture *f)
{
  return FALSE;
}

static gboolean
one_account_cb (Fixture *f)
{
  return g_list_model_get_n_items (rapport_sync_scheduler_get_accounts (f->scheduler)) == 1;
}

static gint64
count_members (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts = { 0 };

  g_assert_true (rapport_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  return counts.members;
}

static void
assert_names (Fixture    *f,
              const char *first,
              const char *second)
{
  const char * const *names = rapport_sync_scheduler_get_synced_names (f->scheduler);

  g_assert_nonnull (names);
  g_assert_cmpstr (names[0], ==, first);
  if (first == NULL)
    return;
  g_assert_cmpstr (names[1], ==, second);
  if (second != NULL)
    g_assert_null (names[2]);
}

/* Tests */

static void
test_context (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportSyncScheduler) shared = rapport_sync_scheduler_dup_for_store (f->store);
  GListModel *accounts = rapport_sync_scheduler_get_accounts (f->scheduler);
  RapportSyncScheduler *from_property = NULL;

  /* The context owns the one scheduler of its store. */
  g_assert_true (rapport_context_get_sync_scheduler (f->context) == f->scheduler);
  g_assert_true (shared == f->scheduler);
  g_object_get (f->context, "sync-scheduler", &from_property, NULL);
  g_assert_true (from_property == f->scheduler);
  g_clear_object (&from_property);
  g_assert_true (rapport_sync_scheduler_get_store (f->scheduler) == f->store);
  g_assert_nonnull (rapport_sync_scheduler_get_engine (f->scheduler));

  /* Nothing runs until asked, and nothing in the background until told. */
  g_assert_false (rapport_sync_scheduler_get_running (f->scheduler));
  g_assert_cmpuint (rapport_sync_scheduler_get_interval (f->scheduler), ==, 0);
  g_assert_cmpint (rapport_sync_scheduler_get_account_id (f->scheduler), ==, 0);
  g_assert_cmpuint (rapport_sync_scheduler_get_n_queued (f->scheduler), ==, 0);
  assert_names (f, NULL, NULL);
  g_assert_null (rapport_sync_scheduler_get_failed_name (f->scheduler));

  /* The accounts follow the store. */
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 2);
  g_assert_cmpstr (rapport_account_get_name (rapport_sync_scheduler_find_account (f->scheduler, f->first_id)),
                   ==, "First");
  g_assert_null (rapport_sync_scheduler_find_account (f->scheduler, f->second_id + 100));
  g_assert_true (rapport_account_remove (f->store, f->second_id, NULL));
  g_assert_true (wait_for (f, one_account_cb, 5000));
  g_assert_null (rapport_sync_scheduler_find_account (f->scheduler, f->second_id));
  f->second_id = 0;

  /* A scheduler nobody holds any more goes, and the store makes a new one. */
  g_clear_object (&shared);
  g_signal_handlers_disconnect_by_data (f->scheduler, f);
  g_clear_object (&f->scheduler);
  g_clear_object (&f->context);
  shared = rapport_sync_scheduler_dup_for_store (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_sync_scheduler_get_accounts (shared)), ==, 1);
  f->scheduler = g_steal_pointer (&shared);
}

static void
test_queue (Fixture       *f,
            gconstpointer  data)
{
  const RapportSyncTotals *totals;

  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));

  /* One account at a time, in order; the rest wait their turn. */
  g_assert_true (rapport_sync_scheduler_get_running (f->scheduler));
  g_assert_false (rapport_sync_scheduler_get_background (f->scheduler));
  g_assert_cmpint (rapport_sync_scheduler_get_account_id (f->scheduler), ==, f->first_id);
  g_assert_cmpuint (rapport_sync_scheduler_get_n_queued (f->scheduler), ==, 1);
  g_assert_true (rapport_sync_engine_get_running (rapport_sync_scheduler_get_engine (f->scheduler)));
  g_assert_cmpuint (f->n_runs, ==, 1);

  /* One run at a time: asking again while it runs does nothing. */
  g_assert_false (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_false (rapport_sync_scheduler_sync (f->scheduler, TRUE));
  g_assert_cmpuint (f->n_runs, ==, 1);

  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_cmpuint (f->n_runs, ==, 1);
  g_assert_cmpuint (f->n_progress, >, 0);
  g_assert_cmpuint (f->started->len, ==, 2);
  g_assert_cmpint (g_array_index (f->started, gint64, 0), ==, f->first_id);
  g_assert_cmpint (g_array_index (f->started, gint64, 1), ==, f->second_id);
  g_assert_cmpuint (rapport_sync_scheduler_get_n_queued (f->scheduler), ==, 0);

  /* The totals are over both accounts. */
  totals = rapport_sync_scheduler_get_totals (f->scheduler);
  g_assert_cmpuint (totals->n_synced, ==, 2);
  g_assert_cmpuint (totals->n_failed, ==, 0);
  g_assert_false (totals->cancelled);
  g_assert_cmpuint (totals->created, ==, N_CONTACTS);
  g_assert_cmpuint (totals->failed, ==, 0);
  assert_names (f, "First", "Second");
  g_assert_null (rapport_sync_scheduler_get_failed_name (f->scheduler));
  g_assert_cmpint (count_members (f), ==, N_CONTACTS);

  /* The accounts say when they synced, as the run left them. */
  for (guint i = 0; i < 2; i++)
    {
      RapportAccount *account = rapport_sync_scheduler_find_account (f->scheduler,
                                                                     i == 0 ? f->first_id : f->second_id);

      g_assert_cmpstr (rapport_account_get_last_status (account), ==, "ok");
      g_assert_null (rapport_sync_scheduler_get_error (f->scheduler, rapport_account_get_id (account)));
    }

  /* The next run starts afresh. */
  f->n_finished = 0;
  g_array_set_size (f->started, 0);
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  totals = rapport_sync_scheduler_get_totals (f->scheduler);
  g_assert_cmpuint (totals->n_synced, ==, 0);
  g_assert_cmpuint (totals->created, ==, 0);
  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_cmpuint (totals->n_synced, ==, 2);
  g_assert_cmpuint (totals->created, ==, 0);
  g_assert_cmpuint (f->n_runs, ==, 2);
}

static void
test_interval (Fixture       *f,
               gconstpointer  data)
{
  const RapportSyncTotals *totals;

  /* In the background an account that needs a new token is left alone. */
  g_assert_true (rapport_account_set_state (f->store, f->second_id, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN, NULL));
  g_assert_true (rapport_account_set_state (f->store, f->first_id, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN, NULL));
  settle ();
  g_assert_false (rapport_sync_scheduler_sync (f->scheduler, TRUE));
  g_assert_cmpuint (f->n_runs, ==, 0);
  g_assert_true (rapport_account_set_state (f->store, f->first_id, RAPPORT_ACCOUNT_STATE_OK, NULL));
  settle ();

  rapport_sync_scheduler_set_interval (f->scheduler, 1);
  g_assert_cmpuint (rapport_sync_scheduler_get_interval (f->scheduler), ==, 1);
  g_assert_false (rapport_sync_scheduler_get_running (f->scheduler));

  /* The timer starts a background run. */
  g_assert_true (wait_for (f, running_cb, 5000));
  g_assert_true (rapport_sync_scheduler_get_background (f->scheduler));
  g_assert_true (wait_for (f, finished_cb, 60000));
  totals = rapport_sync_scheduler_get_totals (f->scheduler);
  g_assert_cmpuint (totals->n_synced, ==, 1);
  g_assert_cmpuint (totals->created, ==, N_CONTACTS);
  assert_names (f, "First", NULL);
  g_assert_cmpuint (f->started->len, ==, 1);
  g_assert_cmpint (g_array_index (f->started, gint64, 0), ==, f->first_id);

  /* And again, every interval. */
  g_assert_true (wait_for (f, running_cb, 5000));
  g_assert_true (wait_for (f, finished_twice_cb, 60000));
  g_assert_cmpuint (f->n_runs, >=, 2);
  while (rapport_sync_scheduler_get_running (f->scheduler))
    g_main_context_iteration (NULL, TRUE);

  /* 0 turns it off. */
  g_object_set (f->scheduler, "interval", 0, NULL);
  g_assert_cmpuint (rapport_sync_scheduler_get_interval (f->scheduler), ==, 0);
  f->n_runs = 0;
  wait_for (f, never_cb, 2500);
  g_assert_cmpuint (f->n_runs, ==, 0);

  /* Asked by a person, every account syncs, the one that needs a token too. */
  f->n_finished = 0;
  g_array_set_size (f->started, 0);
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_false (rapport_sync_scheduler_get_background (f->scheduler));
  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_cmpuint (f->started->len, ==, 2);
  assert_names (f, "First", "Second");
  g_assert_cmpstr (rapport_account_get_state (rapport_sync_scheduler_find_account (f->scheduler, f->second_id)),
                   ==, RAPPORT_ACCOUNT_STATE_OK);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  const RapportSyncTotals *totals;
  RapportAccount *first;

  /* Slow enough to cancel in the middle. */
  rapport_mock_hubspot_set_delay (f->mock, 100);
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_true (wait_for (f, progressed_cb, 30000));
  g_assert_cmpint (rapport_sync_scheduler_get_account_id (f->scheduler), ==, f->first_id);

  rapport_sync_scheduler_cancel (f->scheduler);
  /* The accounts still waiting are left out at once. */
  g_assert_cmpuint (rapport_sync_scheduler_get_n_queued (f->scheduler), ==, 0);
  rapport_mock_hubspot_set_delay (f->mock, 0);
  g_assert_true (wait_for (f, finished_cb, 30000));

  totals = rapport_sync_scheduler_get_totals (f->scheduler);
  g_assert_true (totals->cancelled);
  g_assert_cmpuint (totals->n_synced, ==, 0);
  g_assert_cmpuint (totals->n_failed, ==, 0);
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_cmpuint (f->started->len, ==, 1);
  assert_names (f, "First", NULL);
  g_assert_false (rapport_sync_scheduler_get_running (f->scheduler));
  /* A cancel is no failure to remember. */
  g_assert_null (rapport_sync_scheduler_get_error (f->scheduler, f->first_id));
  first = rapport_sync_scheduler_find_account (f->scheduler, f->first_id);
  g_assert_cmpstr (rapport_account_get_last_status (first), ==, "cancelled");
  g_assert_null (rapport_account_get_last_status (rapport_sync_scheduler_find_account (f->scheduler,
                                                                                      f->second_id)));

  /* Cancel with nothing running does nothing; the next run goes on. */
  rapport_sync_scheduler_cancel (f->scheduler);
  f->n_finished = 0;
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_false (rapport_sync_scheduler_get_totals (f->scheduler)->cancelled);
  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_cmpuint (totals->n_synced, ==, 2);
  g_assert_false (totals->cancelled);
  g_assert_cmpint (count_members (f), ==, N_CONTACTS);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const RapportSyncTotals *totals;
  const GError *last;

  /* A token gone from the keyring: the account's state cannot tell, the
   * scheduler keeps why. */
  g_assert_true (rapport_secrets_clear_token (f->store, f->second_id, "hubspot", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_true (wait_for (f, finished_cb, 60000));
  totals = rapport_sync_scheduler_get_totals (f->scheduler);
  g_assert_cmpuint (totals->n_synced, ==, 1);
  g_assert_cmpuint (totals->n_failed, ==, 1);
  g_assert_false (totals->cancelled);
  g_assert_cmpstr (rapport_sync_scheduler_get_failed_name (f->scheduler), ==, "Second");
  g_assert_null (rapport_sync_scheduler_get_error (f->scheduler, f->first_id));
  last = rapport_sync_scheduler_get_error (f->scheduler, f->second_id);
  g_assert_error (last, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_TOKEN);

  /* A sync that works again clears it. */
  g_assert_true (rapport_account_replace_token (f->store, f->second_id, TOKEN, &error));
  g_assert_no_error (error);
  f->n_finished = 0;
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_cmpuint (totals->n_failed, ==, 0);
  g_assert_null (rapport_sync_scheduler_get_failed_name (f->scheduler));
  g_assert_null (rapport_sync_scheduler_get_error (f->scheduler, f->second_id));

  /* A refused token is the account's needs-token state, not kept here. */
  rapport_mock_hubspot_fail_next (f->mock, 401, 1);
  f->n_finished = 0;
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_cmpuint (totals->n_failed, ==, 1);
  g_assert_cmpstr (rapport_sync_scheduler_get_failed_name (f->scheduler), ==, "First");
  g_assert_null (rapport_sync_scheduler_get_error (f->scheduler, f->first_id));
  g_assert_cmpstr (rapport_account_get_state (rapport_sync_scheduler_find_account (f->scheduler, f->first_id)),
                   ==, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN);

  /* The error of an account that is gone goes with it. */
  g_assert_true (rapport_secrets_clear_token (f->store, f->second_id, "hubspot", NULL, &error));
  g_assert_no_error (error);
  f->n_finished = 0;
  g_assert_true (rapport_sync_scheduler_sync (f->scheduler, FALSE));
  g_assert_true (wait_for (f, finished_cb, 60000));
  g_assert_nonnull (rapport_sync_scheduler_get_error (f->scheduler, f->second_id));
  g_assert_true (rapport_account_remove (f->store, f->second_id, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (f, one_account_cb, 5000));
  g_assert_null (rapport_sync_scheduler_get_error (f->scheduler, f->second_id));
  f->second_id = 0;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/sync/scheduler/context", test_context);
  ADD ("/rapport/sync/scheduler/queue", test_queue);
  ADD ("/rapport/sync/scheduler/interval", test_interval);
  ADD ("/rapport/sync/scheduler/cancel", test_cancel);
  ADD ("/rapport/sync/scheduler/errors", test_errors);

#undef ADD

  return g_test_run ();
}
