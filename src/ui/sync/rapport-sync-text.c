/* rapport-sync-text.c
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

/* What the sync button, the account dialog and Preferences → Accounts say
 * about an account and its last sync, in words. */

#define G_LOG_DOMAIN "rapport-sync-text"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-account.h"
#include "rapport-clock.h"
#include "rapport-connector.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-text.h"
#include "rapport-util.h"

/* The connector's name for people ("HubSpot"). */
char *
rapport_sync_dup_service_name (const char *connector_id)
{
  g_autoptr(RapportConnector) connector = rapport_connector_new_for_id (connector_id);

  return g_strdup (connector != NULL ? rapport_connector_get_display_name (connector) : connector_id);
}

/**
 * rapport_sync_describe_error:
 * @connector_id: the platform the error came from ("hubspot")
 *
 * Returns: (transfer full): what went wrong and what to do, for people
 */
char *
rapport_sync_describe_error (const char   *connector_id,
                             const GError *error)
{
  g_autofree char *service = rapport_sync_dup_service_name (connector_id);

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == RAPPORT_SYNC_ERROR)
    {
      switch ((RapportSyncError) error->code)
        {
        case RAPPORT_SYNC_ERROR_UNAUTHORIZED:
          /* Translators: %s is a service, "HubSpot" */
          return g_strdup_printf (_("%s refused the token. Check that you copied all of it and "
                                    "that the private app may read and write contacts and companies."),
                                  service);
        case RAPPORT_SYNC_ERROR_NETWORK:
          /* Translators: the first %s is the error, "Could not reach HubSpot at …: …" */
          return g_strdup_printf (_("%s. Check your internet connection and the API address, then try again."),
                                  error->message);
        case RAPPORT_SYNC_ERROR_NO_TOKEN:
          return g_strdup (_("Your keyring holds no token for this account. Open Preferences → "
                             "Accounts and choose Replace Token."));
        case RAPPORT_SYNC_ERROR_SECRETS:
          /* Translators: %s is the keyring's error */
          return g_strdup_printf (_("Rapport could not use your keyring: %s. Unlock it and try again."),
                                  error->message);
        case RAPPORT_SYNC_ERROR_BAD_RESPONSE:
          /* Translators: the first %s is a service, the second what was wrong with its answer */
          return g_strdup_printf (_("%s sent an answer Rapport did not expect (%s). Try again later."),
                                  service, error->message);
        case RAPPORT_SYNC_ERROR_HTTP:
        case RAPPORT_SYNC_ERROR_NO_ACCOUNT:
        case RAPPORT_SYNC_ERROR_INVALID:
        default:
          break;
        }
    }

  return g_strdup (error->message);
}

/**
 * rapport_sync_describe_account:
 *
 * Returns: (transfer full) (nullable): why @account needs attention and
 *   what to do, or %NULL when it does not
 */
char *
rapport_sync_describe_account (RapportAccount *account)
{
  g_autofree char *service = NULL;
  const char *state;
  const char *last_error;

  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (account), NULL);

  state = rapport_account_get_state (account);
  last_error = rapport_account_get_last_error (account);
  service = rapport_sync_dup_service_name (rapport_account_get_connector (account));

  if (g_strcmp0 (state, RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
    /* Translators: %s is a service, "HubSpot" */
    return g_strdup_printf (_("%s refused the token. Open Preferences → Accounts and paste a new "
                              "private-app token."), service);

  if (g_strcmp0 (state, RAPPORT_ACCOUNT_STATE_ERROR) == 0 ||
      g_strcmp0 (rapport_account_get_last_status (account), "failed") == 0)
    {
      if (last_error != NULL && last_error[0] != '\0')
        /* Translators: %s is the error of the last sync */
        return g_strdup_printf (_("The last sync failed: %s Sync again; if it keeps failing, "
                                  "check the account in Preferences → Accounts."), last_error);
      return g_strdup (_("The last sync failed. Sync again; if it keeps failing, check the "
                         "account in Preferences → Accounts."));
    }

  if (g_strcmp0 (rapport_account_get_last_status (account), "partial") == 0 &&
      last_error != NULL && last_error[0] != '\0')
    {
      /* Translators: %s is a service, then the records it refused and why */
      return g_strdup_printf (_("%s refused some members: %s They are sent again at the next sync."),
                              service, last_error);
    }

  return NULL;
}

/**
 * rapport_sync_describe_last_sync:
 *
 * Returns: (transfer full): the service and when the account last synced,
 *   "HubSpot · Last sync: 3 minutes ago"
 */
char *
rapport_sync_describe_last_sync (RapportAccount *account)
{
  g_autofree char *service = NULL;
  g_autofree char *when = NULL;
  const char *status;
  gint64 then;

  g_return_val_if_fail (RAPPORT_IS_ACCOUNT (account), NULL);

  service = rapport_sync_dup_service_name (rapport_account_get_connector (account));
  status = rapport_account_get_last_status (account);
  then = rapport_account_get_last_sync_at (account);

  if (g_strcmp0 (rapport_account_get_state (account), RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN) == 0)
    /* Translators: "HubSpot · Needs a new token" */
    return g_strdup_printf (_("%s · Needs a new token"), service);
  if (status == NULL || then <= 0)
    /* Translators: "HubSpot · Never synced" */
    return g_strdup_printf (_("%s · Never synced"), service);

  when = rapport_format_relative_time (then, rapport_now_unix ());
  if (g_str_equal (status, "running"))
    /* Translators: "HubSpot · Syncing" */
    return g_strdup_printf (_("%s · Syncing"), service);
  if (g_str_equal (status, "failed"))
    /* Translators: "HubSpot · Last sync failed: 3 minutes ago" */
    return g_strdup_printf (_("%s · Last sync failed: %s"), service, when);
  if (g_str_equal (status, "cancelled") || g_str_equal (status, "interrupted"))
    /* Translators: "HubSpot · Last sync stopped: 3 minutes ago" */
    return g_strdup_printf (_("%s · Last sync stopped: %s"), service, when);

  /* Translators: "HubSpot · Last sync: 3 minutes ago" */
  return g_strdup_printf (_("%s · Last sync: %s"), service, when);
}


/* Counts, "120 updated, 3 new", or NULL when nothing changed. */
