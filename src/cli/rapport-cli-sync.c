/* rapport-cli-sync.c
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

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-account.h"
#include "rapport-cli.h"
#include "rapport-connector.h"
#include "rapport-sync-engine.h"
#include "rapport-util.h"

typedef struct
{
  GMainLoop          *loop;
  GCancellable       *cancellable;
  RapportConnector   *connector;
  RapportCliProgress  progress;
  gboolean            ok;
  GError             *error;
  /* Not a terminal: whole lines a log can keep, no redraws. */
  gboolean            plain;
  gint64              printed_at;
  char               *printed_stream;
} SyncWait;

/* A plain progress line at most this often, and whenever the stream changes. */
#define PLAIN_PROGRESS_INTERVAL (5 * G_USEC_PER_SEC)

static gboolean
parse_id (const char  *text,
          gint64      *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr (_("rapport-cli: “%s” is not an account id (see: rapport-cli accounts list)\n"),
                  text != NULL ? text : "");
      return FALSE;
    }

  *id = (gint64) value;
  return TRUE;
}

/* Reads the token from stdin, so it never shows in the process list or the
 * shell history. */
static char *
read_token (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[512];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);
  memset (buffer, 0, sizeof buffer);

  g_strstrip (text->str);
  return g_strdup (text->str);
}

static int
accounts_add (RapportStore  *store,
              int            argc,
              char         **argv)
{
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  const char *connector = NULL;
  const char *name = NULL;
  const char *base_url = NULL;
  guint rate_limit = RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT;
  gboolean token_stdin = FALSE;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--token-stdin"))
        token_stdin = TRUE;
      else if (g_str_equal (argv[i], "--name") && i + 1 < argc)
        name = argv[++i];
      else if (g_str_equal (argv[i], "--base-url") && i + 1 < argc)
        base_url = argv[++i];
      else if (g_str_equal (argv[i], "--rate-limit") && i + 1 < argc)
        {
          guint64 value;

          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, 100000, &value, NULL))
            {
              g_printerr (_("rapport-cli: --rate-limit needs a number of requests per 10 seconds, not “%s”\n"),
                          argv[i]);
              return 2;
            }
          rate_limit = value;
        }
      else if (connector == NULL && argv[i][0] != '-')
        connector = argv[i];
      else
        {
          g_printerr (_("rapport-cli: accounts add: unexpected “%s”\n"), argv[i]);
          return 2;
        }
    }

  if (connector == NULL || !token_stdin)
    {
      g_printerr (_("Usage: rapport-cli accounts add hubspot --token-stdin [--name NAME] "
                    "[--base-url URL] [--rate-limit N]\n"));
      return 2;
    }

  token = read_token ();
  account = rapport_account_add (store, connector, name, base_url, rate_limit, token, &error);
  memset (token, 0, strlen (token));
  if (account == NULL)
    {
      g_printerr ("rapport-cli: %s\n", error->message);
      return 1;
    }

  g_print (_("Added account %" G_GINT64_FORMAT " (%s, %s); its token is in the keyring\n"),
           rapport_account_get_id (account), rapport_account_get_connector (account),
           rapport_account_get_name (account));
  return 0;
}

static const char *
describe_state (const char *state)
{
  if (g_strcmp0 (state, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
    return _("needs a new token");
  if (g_strcmp0 (state, RAPPORT_ACCOUNT_STATE_ERROR) == 0)
    return _("last sync failed");
  return _("ok");
}

static int
accounts_list (RapportStore *store)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = rapport_account_load_all (store, &error);
  if (accounts == NULL)
    {
      g_printerr ("rapport-cli: %s\n", error->message);
      return 1;
    }
  if (g_list_model_get_n_items (accounts) == 0)
    {
      g_print (_("No accounts. Add one with: rapport-cli accounts add hubspot --token-stdin\n"));
      return 0;
    }

  g_print ("%-4s %-10s %-20s %-18s %s\n", _("ID"), _("Platform"), _("Name"), _("State"), _("Last sync"));
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *last = NULL;

      if (rapport_account_get_last_sync_at (account) > 0)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (rapport_account_get_last_sync_at (account));
          g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");

          last = g_strdup_printf ("%s (%s)", date, rapport_account_get_last_status (account));
        }
      g_print ("%-4" G_GINT64_FORMAT " %-10s %-20s %-18s %s\n",
               rapport_account_get_id (account),
               rapport_account_get_connector (account),
               rapport_account_get_name (account),
               describe_state (rapport_account_get_state (account)),
               last != NULL ? last : _("never"));
      if (rapport_account_get_last_error (account) != NULL)
        g_print ("     %s\n", rapport_account_get_last_error (account));
    }

  return 0;
}

static int
accounts_remove (RapportStore *store,
                 const char   *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_id (text, &id))
    return 2;
  if (!rapport_account_remove (store, id, &error))
    {
      g_printerr ("rapport-cli: %s\n", error->message);
      return 1;
    }

  g_print (_("Removed account %" G_GINT64_FORMAT " and its token\n"), id);
  return 0;
}

static void
show_line (SyncWait   *wait,
           const char *line)
{
  if (wait->plain)
    g_printerr ("%s\n", line);
  else
    rapport_cli_progress_show (&wait->progress, line);
}

static void
on_waiting_cb (RapportSyncEngine *engine,
               const char        *host,
               guint              seconds,
               const char        *reason,
               gpointer           user_data)
{
  SyncWait *wait = user_data;
  g_autofree char *line = NULL;

  /* Translators: "Waiting 2 s for api.hubapi.com (rate limit)" */
  line = g_strdup_printf (_("Waiting %u s for %s (%s)"), seconds, host, reason);
  show_line (wait, line);
  /* The next progress line says that the run goes on. */
  g_clear_pointer (&wait->printed_stream, g_free);
}

static void
on_test_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->ok = rapport_sync_engine_test_finish (RAPPORT_SYNC_ENGINE (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static int
accounts_test (RapportStore *store,
               const char   *text)
{
  g_autoptr(RapportSyncEngine) engine = rapport_sync_engine_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SyncWait wait = { loop, NULL, NULL, { 0 }, FALSE, NULL, FALSE, 0, NULL };
  gint64 id;

  if (!parse_id (text, &id))
    return 2;

  wait.plain = !isatty (STDERR_FILENO);
  g_signal_connect (engine, "waiting", G_CALLBACK (on_waiting_cb), &wait);
  rapport_sync_engine_test_async (engine, id, NULL, on_test_done_cb, &wait);
  g_main_loop_run (loop);
  rapport_cli_progress_clear (&wait.progress);
  g_clear_pointer (&wait.printed_stream, g_free);

  if (!wait.ok)
    {
      g_printerr ("rapport-cli: %s\n", wait.error->message);
      g_clear_error (&wait.error);
      return 1;
    }

  g_print (_("Connection works\n"));
  return 0;
}

/**
 * rapport_cli_accounts:
 *
 * accounts add|list|remove|test
 */
int
rapport_cli_accounts (RapportStore  *store,
                      int            argc,
                      char         **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return accounts_add (store, argc, argv);
  if (argc == 2 && g_str_equal (argv[1], "list"))
    return accounts_list (store);
  if (argc == 3 && g_str_equal (argv[1], "remove"))
    return accounts_remove (store, argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "test"))
    return accounts_test (store, argv[2]);

  g_printerr (_("Usage: rapport-cli accounts add hubspot --token-stdin [--name NAME] [--base-url URL] [--rate-limit N]\n"
                "       rapport-cli accounts list\n"
                "       rapport-cli accounts remove ID\n"
                "       rapport-cli accounts test ID\n"));
  return 2;
}

static void
on_progress_cb (RapportSyncEngine *engine,
                gpointer           user_data)
{
  SyncWait *wait = user_data;
  g_autofree char *records = rapport_format_count (rapport_sync_engine_get_records (engine));
  g_autofree char *pages = rapport_format_count (rapport_sync_engine_get_pages (engine));
  g_autofree char *line = NULL;
  const char *stream = rapport_sync_engine_get_stream (engine);
  gint64 now = g_get_monotonic_time ();

  if (stream == NULL)
    return;
  if (wait->plain && g_strcmp0 (stream, wait->printed_stream) == 0 &&
      now - wait->printed_at < PLAIN_PROGRESS_INTERVAL)
    return;

  /* Translators: "Receiving contacts: 1,200 records, 12 pages" */
  line = g_strdup_printf (_("%s: %s records, %s pages"),
                          wait->connector != NULL ? rapport_connector_describe_stream (wait->connector, stream)
                                                  : stream,
                          records, pages);
  show_line (wait, line);
  wait->printed_at = now;
  g_free (wait->printed_stream);
  wait->printed_stream = g_strdup (stream);
}

static void
on_sync_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->ok = rapport_sync_engine_run_finish (RAPPORT_SYNC_ENGINE (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static gboolean
on_interrupt_cb (gpointer user_data)
{
  SyncWait *wait = user_data;

  g_cancellable_cancel (wait->cancellable);
  return G_SOURCE_CONTINUE;
}

/* The one account of @connector, when --account is not given. */
static gint64
find_account (RapportStore *store,
              const char   *connector)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 found = 0;
  guint n = 0;

  accounts = rapport_account_load_all (store, &error);
  if (accounts == NULL)
    {
      g_printerr ("rapport-cli: %s\n", error->message);
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RapportAccount) account = g_list_model_get_item (accounts, i);

      if (g_str_equal (rapport_account_get_connector (account), connector))
        {
          found = rapport_account_get_id (account);
          n++;
        }
    }

  if (n == 0)
    g_printerr (_("rapport-cli: no %s account; add one with: rapport-cli accounts add %s --token-stdin\n"),
                connector, connector);
  else if (n > 1)
    {
      g_printerr (_("rapport-cli: there are %u %s accounts; choose one with --account ID\n"), n, connector);
      return 0;
    }

  return found;
}

/**
 * rapport_cli_sync:
 *
 * sync hubspot [--pull|--push] [--account ID]
 */
int
rapport_cli_sync (RapportStore  *store,
                  int            argc,
                  char         **argv)
{
  g_autoptr(RapportSyncEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(RapportConnector) described = NULL;
  g_autoptr(GError) error = NULL;
  RapportSyncDirection direction = RAPPORT_SYNC_BOTH;
  const char *connector = NULL;
  const char * const *failures;
  SyncWait wait = { 0 };
  gint64 account_id = 0;
  guint sigint;
  guint sigterm;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--pull"))
        direction = RAPPORT_SYNC_PULL;
      else if (g_str_equal (argv[i], "--push"))
        direction = RAPPORT_SYNC_PUSH;
      else if (g_str_equal (argv[i], "--account") && i + 1 < argc)
        {
          if (!parse_id (argv[++i], &account_id))
            return 2;
        }
      else if (connector == NULL && argv[i][0] != '-')
        connector = argv[i];
      else
        {
          g_printerr (_("Usage: rapport-cli sync hubspot [--pull|--push] [--account ID]\n"));
          return 2;
        }
    }
  if (connector == NULL)
    {
      g_printerr (_("Usage: rapport-cli sync hubspot [--pull|--push] [--account ID]\n"));
      return 2;
    }

  if (account_id == 0)
    account_id = find_account (store, connector);
  if (account_id == 0)
    return 1;
  account = rapport_account_load (store, account_id, &error);
  if (account == NULL)
    {
      g_printerr ("rapport-cli: %s\n", error->message);
      return 1;
    }
  if (!g_str_equal (rapport_account_get_connector (account), connector))
    {
      g_printerr (_("rapport-cli: account %" G_GINT64_FORMAT " is a %s account, not %s\n"),
                  account_id, rapport_account_get_connector (account), connector);
      return 1;
    }

  engine = rapport_sync_engine_new (store);
  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();
  described = rapport_connector_new_for_id (connector);
  wait.loop = loop;
  wait.cancellable = cancellable;
  wait.connector = described;
  wait.plain = !isatty (STDERR_FILENO);

  if (wait.plain)
    g_printerr (_("Syncing account %" G_GINT64_FORMAT " (%s) with %s\n"), account_id,
                rapport_account_get_name (account), rapport_account_get_base_url (account));
  g_signal_connect (engine, "progress", G_CALLBACK (on_progress_cb), &wait);
  g_signal_connect (engine, "waiting", G_CALLBACK (on_waiting_cb), &wait);
  sigint = g_unix_signal_add (SIGINT, on_interrupt_cb, &wait);
  sigterm = g_unix_signal_add (SIGTERM, on_interrupt_cb, &wait);

  rapport_sync_engine_run_async (engine, account_id, direction, cancellable, on_sync_done_cb, &wait);
  g_main_loop_run (loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  rapport_cli_progress_clear (&wait.progress);
  g_clear_pointer (&wait.printed_stream, g_free);

  {
    g_autofree char *records = rapport_format_count (rapport_sync_engine_get_records (engine));
    g_autofree char *pages = rapport_format_count (rapport_sync_engine_get_pages (engine));
    g_autofree char *created = rapport_format_count (rapport_sync_engine_get_created (engine));
    g_autofree char *updated = rapport_format_count (rapport_sync_engine_get_updated (engine));
    g_autofree char *archived = rapport_format_count (rapport_sync_engine_get_archived (engine));
    g_autofree char *pushed = rapport_format_count (rapport_sync_engine_get_pushed (engine));
    g_autofree char *failed = rapport_format_count (rapport_sync_engine_get_failed (engine));

    g_print (_("%s records in %s pages: %s members created, %s updated, %s archived in HubSpot; "
               "%s pushed, %s refused\n"),
             records, pages, created, updated, archived, pushed, failed);
  }

  failures = rapport_sync_engine_get_failures (engine);
  for (guint i = 0; failures != NULL && failures[i] != NULL; i++)
    g_printerr (_("  refused: %s\n"), failures[i]);
  if (failures != NULL)
    g_printerr (_("Refused records are kept and retried by the next push.\n"));

  if (!wait.ok)
    {
      if (g_error_matches (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr (_("rapport-cli: sync cancelled; the next sync resumes where this one stopped\n"));
      else
        g_printerr ("rapport-cli: %s\n", wait.error->message);
      g_clear_error (&wait.error);
      return 1;
    }

  return rapport_sync_engine_get_failed (engine) > 0 ? 1 : 0;
}
