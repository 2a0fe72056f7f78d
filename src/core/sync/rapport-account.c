/* rapport-account.c
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

#define G_LOG_DOMAIN "rapport-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-secrets.h"
#include "rapport-store-private.h"

struct _RapportAccount
{
  GObject  parent_instance;

  gint64   id;
  char    *connector;
  char    *name;
  char    *base_url;
  guint    rate_limit;
  char    *state;
  gint64   last_sync_at;
  char    *last_status;
  char    *last_error;
};

G_DEFINE_FINAL_TYPE (RapportAccount, rapport_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONNECTOR,
  PROP_NAME,
  PROP_BASE_URL,
  PROP_RATE_LIMIT,
  PROP_STATE,
  PROP_LAST_SYNC_AT,
  PROP_LAST_STATUS,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char account_columns[] =
  "SELECT a.id, a.connector, a.name, a.base_url, a.settings ->> '$.rate-limit', a.state, "
  "       l.started_at, l.status, l.error "
  "  FROM accounts a "
  "  LEFT JOIN sync_log l ON l.id = (SELECT max (id) FROM sync_log WHERE account_id = a.id) ";

static void
rapport_account_finalize (GObject *object)
{
  RapportAccount *self = (RapportAccount *)object;

  g_clear_pointer (&self->connector, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->last_status, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (rapport_account_parent_class)->finalize (object);
}

static void
rapport_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportAccount *self = RAPPORT_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CONNECTOR:
      g_value_set_string (value, self->connector);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_RATE_LIMIT:
      g_value_set_uint (value, self->rate_limit);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_LAST_SYNC_AT:
      g_value_set_int64 (value, self->last_sync_at);
      break;
    case PROP_LAST_STATUS:
      g_value_set_string (value, self->last_status);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_account_class_init (RapportAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_account_finalize;
  object_class->get_property = rapport_account_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_CONNECTOR] =
    g_param_spec_string ("connector", NULL, NULL, NULL, flags);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL, flags);
  properties [PROP_RATE_LIMIT] =
    g_param_spec_uint ("rate-limit", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties [PROP_LAST_SYNC_AT] =
    g_param_spec_int64 ("last-sync-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_LAST_STATUS] =
    g_param_spec_string ("last-status", NULL, NULL, NULL, flags);
  properties [PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_account_init (RapportAccount *self)
{
}

gint64
rapport_account_get_id (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), 0);
  return self->id;
}

const char *
rapport_account_get_connector (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), NULL);
  return self->connector;
}

const char *
rapport_account_get_name (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), NULL);
  return self->name;
}

const char *
rapport_account_get_base_url (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), NULL);
  return self->base_url;
}

guint
rapport_account_get_rate_limit (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), 0);
  return self->rate_limit;
}

/**
 * rapport_account_get_state:
 *
 * Returns: %RAPPORT_ACCOUNT_STATE_OK, %RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN
 *   (the platform refused the token) or %RAPPORT_ACCOUNT_STATE_ERROR (the
 *   last sync failed)
 */
const char *
rapport_account_get_state (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), NULL);
  return self->state;
}

/**
 * rapport_account_get_last_sync_at:
 *
 * Returns: when the last sync started (Unix time, UTC), or 0 if never
 */
gint64
rapport_account_get_last_sync_at (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), 0);
  return self->last_sync_at;
}

/**
 * rapport_account_get_last_status:
 *
 * Returns: (nullable): the last sync's status: "running", "ok", "partial"
 *   (some records refused), "failed" or "cancelled"; %NULL if never synced
 */
const char *
rapport_account_get_last_status (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), NULL);
  return self->last_status;
}

const char *
rapport_account_get_last_error (RapportAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (self), NULL);
  return self->last_error;
}

static RapportAccount *
account_from_row (RapportStatement *stmt)
{
  RapportAccount *self = g_object_new (RAPPORT_TYPE_ACCOUNT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->connector = g_strdup (_rapport_column_text (stmt, 1));
  self->name = g_strdup (_rapport_column_text (stmt, 2));
  self->base_url = g_strdup (_rapport_column_text (stmt, 3));
  self->rate_limit = (guint) CLAMP (sqlite3_column_int64 (stmt, 4), 0, G_MAXUINT);
  self->state = g_strdup (_rapport_column_text (stmt, 5));
  self->last_sync_at = sqlite3_column_int64 (stmt, 6);
  self->last_status = g_strdup (_rapport_column_text (stmt, 7));
  self->last_error = g_strdup (_rapport_column_text (stmt, 8));

  return self;
}

/**
 * rapport_account_load:
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
RapportAccount *
rapport_account_load (RapportStore  *store,
                      gint64         account_id,
                      GError       **error)
{
  g_autofree char *sql = g_strconcat (account_columns, "WHERE a.id = ?", NULL);
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return account_from_row (stmt);
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT,
               _("There is no account %" G_GINT64_FORMAT), account_id);
  return NULL;
}

/**
 * rapport_account_load_all:
 *
 * Every account, oldest first, with its last sync. Reload it when the
 * store's ::changed names the "accounts" or "sync_log" table.
 *
 * Returns: (transfer full): a #GListModel of #RapportAccount, or %NULL with
 *   @error set
 */
GListModel *
rapport_account_load_all (RapportStore  *store,
                          GError       **error)
{
  g_autofree char *sql = g_strconcat (account_columns, "ORDER BY a.id", NULL);
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GListStore) accounts = g_list_store_new (RAPPORT_TYPE_ACCOUNT);
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapportAccount) account = account_from_row (stmt);

      g_list_store_append (accounts, account);
    }
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&accounts));
}

static gboolean
check_base_url (const char  *base_url,
                GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                   _("Base URL “%s” is not an http:// or https:// address"), base_url);
      return FALSE;
    }

  /* The token must never travel unencrypted. */
  return rapport_http_check_url (base_url, error);
}

static gboolean
check_token (const char  *token,
             GError     **error)
{
  if (token == NULL || token[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                           _("The access token is empty"));
      return FALSE;
    }

  /* The message must not quote the token. */
  for (const char *p = token; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        {
          g_set_error_literal (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                               _("The access token contains spaces or control characters; paste it again"));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
make_label (RapportConnector *connector,
            const char       *name)
{
  /* Translators: the label of a token in the keyring, as Seahorse shows it */
  return g_strdup_printf (_("Rapport: %s account “%s”"),
                          rapport_connector_get_display_name (connector), name);
}

/**
 * rapport_account_add:
 * @connector: a platform id ("hubspot")
 * @name: (nullable): what the account is called; the platform's name if %NULL
 * @base_url: (nullable): the API's address; the platform's if %NULL
 * @rate_limit: requests per rate window, 0 for none, or
 *   %RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT
 * @token: the access token; it goes to the Secret Service, never the database
 *
 * Adds an account. Blocks on D-Bus while the keyring saves the token.
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
RapportAccount *
rapport_account_add (RapportStore  *store,
                     const char    *connector_id,
                     const char    *name,
                     const char    *base_url,
                     guint          rate_limit,
                     const char    *token,
                     GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportConnector) connector = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) settings = NULL;
  g_autofree char *settings_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *known = NULL;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (connector_id != NULL, NULL);

  connector = rapport_connector_new_for_id (connector_id);
  if (connector == NULL)
    {
      known = g_strjoinv (", ", (GStrv) rapport_connector_list_ids ());
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT,
                   _("Rapport cannot sync with “%s”; it knows: %s"), connector_id, known);
      return NULL;
    }
  if (name == NULL || name[0] == '\0')
    name = rapport_connector_get_display_name (connector);
  if (base_url == NULL || base_url[0] == '\0')
    base_url = rapport_connector_get_default_base_url (connector);
  if (rate_limit == RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT)
    rate_limit = rapport_connector_get_default_rate_limit (connector);
  if (!check_base_url (base_url, error) || !check_token (token, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rate-limit");
  json_builder_add_int_value (builder, rate_limit);
  json_builder_end_object (builder);
  settings = json_builder_get_root (builder);
  settings_text = json_to_string (settings, FALSE);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO accounts (connector, name, base_url, settings) "
                                 "VALUES (?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return NULL;
  _rapport_bind_text (stmt, 1, connector_id);
  _rapport_bind_text (stmt, 2, name);
  _rapport_bind_text (stmt, 3, base_url);
  _rapport_bind_text (stmt, 4, settings_text);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (_rapport_store_get_db (store));

  /* The row commits only once the keyring holds the token, so an account
   * never exists without its secret. */
  label = make_label (connector, name);
  if (!rapport_secrets_store_token (store, id, connector_id, label, token, NULL, error))
    return NULL;

  if (!_rapport_transaction_commit (tx, error))
    {
      rapport_secrets_clear_token (store, id, connector_id, NULL, NULL);
      return NULL;
    }

  rapport_store_emit_changed (store, "accounts", id, RAPPORT_CHANGE_INSERTED);
  return rapport_account_load (store, id, error);
}

/**
 * rapport_account_replace_token:
 *
 * Saves a new token for an account (after the platform refused the old
 * one) and puts the account back into the "ok" state.
 */
gboolean
rapport_account_replace_token (RapportStore  *store,
                               gint64         account_id,
                               const char    *token,
                               GError       **error)
{
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(RapportConnector) connector = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_token (token, error))
    return FALSE;
  account = rapport_account_load (store, account_id, error);
  if (account == NULL)
    return FALSE;
  connector = rapport_connector_new_for_id (account->connector);
  if (connector == NULL)
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT,
                   _("Rapport cannot sync with “%s”"), account->connector);
      return FALSE;
    }

  label = make_label (connector, account->name);
  if (!rapport_secrets_store_token (store, account_id, account->connector, label, token, NULL, error))
    return FALSE;

  return rapport_account_set_state (store, account_id, RAPPORT_ACCOUNT_STATE_OK, error);
}

/**
 * rapport_account_remove:
 *
 * Deletes the account's token from the keyring, then the account with its
 * sync state and log.
 */
gboolean
rapport_account_remove (RapportStore  *store,
                        gint64         account_id,
                        GError       **error)
{
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  account = rapport_account_load (store, account_id, error);
  if (account == NULL)
    return FALSE;

  /* The secret goes first: a row left behind can be removed again, a
   * secret left behind could not be found any more. */
  if (!rapport_secrets_clear_token (store, account_id, account->connector, NULL, error))
    return FALSE;

  stmt = _rapport_store_prepare (store, "DELETE FROM accounts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  rapport_store_emit_changed (store, "accounts", account_id, RAPPORT_CHANGE_DELETED);
  return TRUE;
}

/**
 * rapport_account_set_state:
 * @state: one of the RAPPORT_ACCOUNT_STATE_ values
 */
gboolean
rapport_account_set_state (RapportStore  *store,
                           gint64         account_id,
                           const char    *state,
                           GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  stmt = _rapport_store_prepare (store, "UPDATE accounts SET state = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, state);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  rapport_store_emit_changed (store, "accounts", account_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

/* In a worker thread: a connection test waits on the network and the
 * keyring's D-Bus calls block, so these run on a connection of their own.
 * The worker's connection announces its changes to nobody; each tells the
 * caller's store once it is back on the caller's thread. */

typedef struct
{
  gint64  account_id;
  char   *connector_id;
  char   *name;
  char   *base_url;
  guint   rate_limit;
  char   *token;
} AccountJob;

static void
account_job_free (gpointer data)
{
  AccountJob *job = data;

  g_free (job->connector_id);
  g_free (job->name);
  g_free (job->base_url);
  rapport_secrets_free_token (job->token);
  g_free (job);
}

static GTask *
account_task_new (RapportStore        *store,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "account");

  return task;
}

static gpointer
test_worker (RapportStore  *worker,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  AccountJob *job = data;
  g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (job->connector_id);
  g_autoptr(RapportHttp) http = NULL;
  RapportSyncRun run = { 0 };
  gboolean ok;

  g_assert (connector != NULL);

  http = rapport_http_new (rapport_connector_get_display_name (connector), job->base_url, job->token,
                           job->rate_limit, rapport_connector_get_rate_window (connector));
  run.store = worker;
  run.http = http;
  run.cancellable = cancellable;
  run.failures = g_ptr_array_new_with_free_func (g_free);
  ok = rapport_connector_test (connector, &run, error);
  g_ptr_array_unref (run.failures);

  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * rapport_account_test_async:
 * @connector_id: a platform id ("hubspot")
 * @base_url: (nullable): the API's address; the platform's if %NULL or empty
 * @rate_limit: requests per rate window, 0 for none, or
 *   %RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT
 * @token: the access token to try
 *
 * Tries @token with one cheap request, before it becomes an account or
 * replaces an account's token, so a mistyped token is never saved. Nothing
 * is written. An address that would send the token unencrypted, and a
 * token with spaces in it, fail without a request.
 */
void
rapport_account_test_async (RapportStore        *store,
                            const char          *connector_id,
                            const char          *base_url,
                            guint                rate_limit,
                            const char          *token,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(RapportConnector) connector = NULL;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AccountJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (connector_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = account_task_new (store, cancellable, callback, user_data, rapport_account_test_async);

  connector = rapport_connector_new_for_id (connector_id);
  if (connector == NULL)
    {
      g_task_return_new_error (task, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_ACCOUNT,
                               _("Rapport cannot sync with “%s”"), connector_id);
      return;
    }
  if (base_url == NULL || base_url[0] == '\0')
    base_url = rapport_connector_get_default_base_url (connector);
  if (rate_limit == RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT)
    rate_limit = rapport_connector_get_default_rate_limit (connector);
  if (!check_base_url (base_url, &error) || !check_token (token, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (AccountJob, 1);
  job->connector_id = g_strdup (connector_id);
  job->base_url = g_strdup (base_url);
  job->rate_limit = rate_limit;
  job->token = g_strdup (token);
  _rapport_store_run_worker (store, task, test_worker, job, account_job_free, NULL, NULL);
}

/**
 * rapport_account_test_finish:
 *
 * Returns: whether the platform accepted the token, or %FALSE with @error
 *   set (%RAPPORT_SYNC_ERROR_UNAUTHORIZED when it refused it)
 */
gboolean
rapport_account_test_finish (RapportStore  *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_account_test_async, FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

static gpointer
add_worker (RapportStore  *worker,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  AccountJob *job = data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return rapport_account_add (worker, job->connector_id, job->name, job->base_url, job->rate_limit,
                              job->token, error);
}

static void
on_add_done (GTask    *task,
             gpointer  result,
             gpointer  data)
{
  RapportAccount *account = result;

  rapport_store_emit_changed (g_task_get_source_object (task), "accounts",
                              rapport_account_get_id (account), RAPPORT_CHANGE_INSERTED);
  g_task_return_pointer (task, account, g_object_unref);
}

/**
 * rapport_account_add_async:
 *
 * Adds an account in a worker thread, as rapport_account_add() does, and
 * announces it on @store. Once the work has begun the account is added
 * even if @cancellable is cancelled, and the result says so.
 */
void
rapport_account_add_async (RapportStore        *store,
                           const char          *connector_id,
                           const char          *name,
                           const char          *base_url,
                           guint                rate_limit,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AccountJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (connector_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = account_task_new (store, cancellable, callback, user_data, rapport_account_add_async);
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (AccountJob, 1);
  job->connector_id = g_strdup (connector_id);
  job->name = g_strdup (name);
  job->base_url = g_strdup (base_url);
  job->rate_limit = rate_limit;
  job->token = g_strdup (token);
  _rapport_store_run_worker (store, task, add_worker, job, account_job_free, on_add_done, g_object_unref);
}

/**
 * rapport_account_add_finish:
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
RapportAccount *
rapport_account_add_finish (RapportStore  *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_account_add_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
replace_token_worker (RapportStore  *worker,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  AccountJob *job = data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rapport_account_replace_token (worker, job->account_id, job->token, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
on_replace_token_done (GTask    *task,
                       gpointer  result,
                       gpointer  data)
{
  AccountJob *job = data;

  rapport_store_emit_changed (g_task_get_source_object (task), "accounts", job->account_id,
                              RAPPORT_CHANGE_UPDATED);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_account_replace_token_async:
 *
 * Replaces an account's token in a worker thread, as
 * rapport_account_replace_token() does, and announces it on @store. Once
 * the work has begun the token is replaced even if @cancellable is
 * cancelled, and the result says so.
 */
void
rapport_account_replace_token_async (RapportStore        *store,
                                     gint64               account_id,
                                     const char          *token,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AccountJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = account_task_new (store, cancellable, callback, user_data, rapport_account_replace_token_async);
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (AccountJob, 1);
  job->account_id = account_id;
  job->token = g_strdup (token);
  _rapport_store_run_worker (store, task, replace_token_worker, job, account_job_free,
                             on_replace_token_done, NULL);
}

gboolean
rapport_account_replace_token_finish (RapportStore  *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_account_replace_token_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gpointer
remove_worker (RapportStore  *worker,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  AccountJob *job = data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rapport_account_remove (worker, job->account_id, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
on_remove_done (GTask    *task,
                gpointer  result,
                gpointer  data)
{
  AccountJob *job = data;

  rapport_store_emit_changed (g_task_get_source_object (task), "accounts", job->account_id,
                              RAPPORT_CHANGE_DELETED);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_account_remove_async:
 *
 * Removes an account in a worker thread, as rapport_account_remove()
 * does, and announces it on @store. Once the work has begun the account is
 * removed even if @cancellable is cancelled, and the result says so.
 */
void
rapport_account_remove_async (RapportStore        *store,
                              gint64               account_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AccountJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = account_task_new (store, cancellable, callback, user_data, rapport_account_remove_async);
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (AccountJob, 1);
  job->account_id = account_id;
  _rapport_store_run_worker (store, task, remove_worker, job, account_job_free, on_remove_done, NULL);
}

gboolean
rapport_account_remove_finish (RapportStore  *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_account_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
