/* rapport-secrets.c
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

#define G_LOG_DOMAIN "rapport-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "rapport-connector.h"
#include "rapport-secrets.h"

/* Tokens live in the Secret Service only, found by the database's identity,
 * the account's id in it and the connector: two databases (a trial one, a
 * copy) each have an account 1. The database keeps the account's id and
 * its non-secret settings. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Account", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "connector", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
set_secrets_error (GError     **error,
                   GError      *cause,
                   const char  *what)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }

  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_SECRETS,
               "%s: %s", what, cause->message);
  g_error_free (cause);
}

/**
 * rapport_secrets_store_token:
 * @label: what the keyring shows ("Rapport: HubSpot account “Sales”")
 *
 * Saves @token in the default collection of the Secret Service. Blocks on
 * D-Bus: call it from a worker thread in the UI.
 */
gboolean
rapport_secrets_store_token (RapportStore  *store,
                             gint64         account_id,
                             const char    *connector,
                             const char    *label,
                             const char    *token,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (account_id > 0, FALSE);
  g_return_val_if_fail (connector != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                   cancellable, &local_error,
                                   "database", rapport_store_get_uuid (store),
                                   "account-id", (int) account_id,
                                   "connector", connector,
                                   NULL))
    {
      set_secrets_error (error, local_error, _("Could not save the token in the keyring (Secret Service)"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_secrets_lookup_token:
 *
 * Returns: (transfer full): the token, to be freed with
 *   rapport_secrets_free_token(), or %NULL with @error set
 */
char *
rapport_secrets_lookup_token (RapportStore  *store,
                              gint64         account_id,
                              const char    *connector,
                              GCancellable  *cancellable,
                              GError       **error)
{
  GError *local_error = NULL;
  char *secret;
  char *token;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (account_id > 0, NULL);
  g_return_val_if_fail (connector != NULL, NULL);

  secret = secret_password_lookup_nonpageable_sync (get_schema (), cancellable, &local_error,
                                                    "database", rapport_store_get_uuid (store),
                                                    "account-id", (int) account_id,
                                                    "connector", connector,
                                                    NULL);
  if (local_error != NULL)
    {
      set_secrets_error (error, local_error, _("Could not read the token from the keyring (Secret Service)"));
      return NULL;
    }
  if (secret == NULL)
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NO_TOKEN,
                   _("The keyring holds no token for account %" G_GINT64_FORMAT "; add the account again"),
                   account_id);
      return NULL;
    }

  token = g_strdup (secret);
  secret_password_free (secret);

  return token;
}

/**
 * rapport_secrets_clear_token:
 *
 * Deletes the account's token. No token is not an error.
 */
gboolean
rapport_secrets_clear_token (RapportStore  *store,
                             gint64         account_id,
                             const char    *connector,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (account_id > 0, FALSE);
  g_return_val_if_fail (connector != NULL, FALSE);

  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "database", rapport_store_get_uuid (store),
                              "account-id", (int) account_id,
                              "connector", connector,
                              NULL);
  if (local_error != NULL)
    {
      set_secrets_error (error, local_error, _("Could not delete the token from the keyring (Secret Service)"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_secrets_free_token:
 *
 * Overwrites and frees a token from rapport_secrets_lookup_token().
 */
void
rapport_secrets_free_token (char *token)
{
  if (token == NULL)
    return;

  memset (token, 0, strlen (token));
  g_free (token);
}
