/* rapport-connector.h
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

#pragma once

#include <gio/gio.h>

#include "rapport-http.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_SYNC_ERROR (rapport_sync_error_quark ())

/**
 * RapportSyncError:
 * @RAPPORT_SYNC_ERROR_UNAUTHORIZED: the platform refused the token (401/403);
 *   the account needs a new one
 * @RAPPORT_SYNC_ERROR_HTTP: the platform answered with an error status
 * @RAPPORT_SYNC_ERROR_NETWORK: the platform could not be reached
 * @RAPPORT_SYNC_ERROR_BAD_RESPONSE: the answer is not the JSON expected
 * @RAPPORT_SYNC_ERROR_NO_ACCOUNT: no such account, or no connector for it
 * @RAPPORT_SYNC_ERROR_NO_TOKEN: the Secret Service holds no token for the account
 * @RAPPORT_SYNC_ERROR_SECRETS: the Secret Service failed
 * @RAPPORT_SYNC_ERROR_INVALID: a setting is not acceptable
 */
typedef enum
{
  RAPPORT_SYNC_ERROR_UNAUTHORIZED,
  RAPPORT_SYNC_ERROR_HTTP,
  RAPPORT_SYNC_ERROR_NETWORK,
  RAPPORT_SYNC_ERROR_BAD_RESPONSE,
  RAPPORT_SYNC_ERROR_NO_ACCOUNT,
  RAPPORT_SYNC_ERROR_NO_TOKEN,
  RAPPORT_SYNC_ERROR_SECRETS,
  RAPPORT_SYNC_ERROR_INVALID,
} RapportSyncError;

/**
 * RapportSyncDirection:
 * @RAPPORT_SYNC_PULL: bring the platform's records into the store
 * @RAPPORT_SYNC_PUSH: send the store's facts to the platform
 */
typedef enum
{
  RAPPORT_SYNC_PULL = 1 << 0,
  RAPPORT_SYNC_PUSH = 1 << 1,
} RapportSyncDirection;

#define RAPPORT_SYNC_BOTH (RAPPORT_SYNC_PULL | RAPPORT_SYNC_PUSH)

/**
 * RapportConnectorNeeds:
 * @RAPPORT_CONNECTOR_NEEDS_BASE_URL: the account must name its server
 * @RAPPORT_CONNECTOR_NEEDS_TOKEN: the account needs an access token
 */
typedef enum
{
  RAPPORT_CONNECTOR_NEEDS_BASE_URL = 1 << 0,
  RAPPORT_CONNECTOR_NEEDS_TOKEN    = 1 << 1,
} RapportConnectorNeeds;

/**
 * RapportSyncRun:
 * @store: the worker thread's own connection
 * @http: the account's HTTP session
 * @account_id: the account being synced
 * @cancellable: (nullable): stops the run
 * @created: members created so far
 * @updated: members changed so far
 * @archived: remote records marked archived so far
 * @pushed: records the platform accepted so far
 * @failed: records the platform refused so far
 * @failures: "who: why" for each refused record (the first hundred)
 *
 * What a connector sees of one run. Only the worker thread touches it.
 */
typedef struct
{
  RapportStore  *store;
  RapportHttp   *http;
  gint64         account_id;
  GCancellable  *cancellable;
  guint64        created;
  guint64        updated;
  guint64        archived;
  guint64        pushed;
  guint64        failed;
  GPtrArray     *failures;
} RapportSyncRun;

void     rapport_sync_run_add_failure (RapportSyncRun  *run,
                                       const char      *who,
                                       const char      *why);
char    *rapport_sync_run_get_state   (RapportSyncRun  *run,
                                       const char      *key,
                                       GError         **error);
gboolean rapport_sync_run_set_state   (RapportSyncRun  *run,
                                       const char      *key,
                                       const char      *value,
                                       GError         **error);

/**
 * RapportSyncPage:
 * @n_records: how many records the page holds
 * @next_cursor: (nullable): where the next page starts; %NULL ends the stream
 * @data: (nullable): the connector's parsed records
 * @data_free: (nullable): frees @data
 *
 * One page of a stream, fetched outside the transaction that applies it.
 */
typedef struct
{
  guint           n_records;
  char           *next_cursor;
  gpointer        data;
  GDestroyNotify  data_free;
} RapportSyncPage;

RapportSyncPage *rapport_sync_page_new  (guint            n_records,
                                         const char      *next_cursor,
                                         gpointer         data,
                                         GDestroyNotify   data_free);
void             rapport_sync_page_free (RapportSyncPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSyncPage, rapport_sync_page_free)

#define RAPPORT_TYPE_CONNECTOR (rapport_connector_get_type ())

G_DECLARE_INTERFACE (RapportConnector, rapport_connector, RAPPORT, CONNECTOR, GObject)

/**
 * RapportConnectorInterface:
 * @get_id: the platform's id, as accounts and identities name it ("hubspot")
 * @get_display_name: the platform's name for people ("HubSpot")
 * @get_icon_name: a symbolic icon for the platform
 * @get_needs: what an account must provide
 * @get_default_base_url: the platform's API address
 * @get_default_rate_limit: requests allowed per rate window by default
 * @get_rate_window: the length of the rate window, in seconds
 * @get_streams: the streams of one direction, in the order they run
 * @describe_stream: what a stream does, in plain words for a progress line
 *   ("Receiving contacts")
 * @prepare: work before a direction's streams (creating remote properties)
 * @fetch_page: fetches the page of @stream that starts at @cursor; @since is
 *   the start of the last complete run of the stream (Unix ms) or 0
 * @apply_page: writes a page to @run->store inside the engine's transaction
 * @test: checks the account's address and token with one cheap request
 */
struct _RapportConnectorInterface
{
  GTypeInterface parent_iface;

  const char         *(*get_id)                 (RapportConnector  *self);
  const char         *(*get_display_name)       (RapportConnector  *self);
  const char         *(*get_icon_name)          (RapportConnector  *self);
  RapportConnectorNeeds (*get_needs)            (RapportConnector  *self);
  const char         *(*get_default_base_url)   (RapportConnector  *self);
  guint               (*get_default_rate_limit) (RapportConnector  *self);
  guint               (*get_rate_window)        (RapportConnector  *self);
  const char * const *(*get_streams)            (RapportConnector  *self,
                                                 RapportSyncDirection direction);
  const char         *(*describe_stream)        (RapportConnector  *self,
                                                 const char        *stream);
  gboolean            (*prepare)                (RapportConnector  *self,
                                                 RapportSyncRun    *run,
                                                 RapportSyncDirection direction,
                                                 GError           **error);
  RapportSyncPage    *(*fetch_page)             (RapportConnector  *self,
                                                 RapportSyncRun    *run,
                                                 const char        *stream,
                                                 const char        *cursor,
                                                 gint64             since,
                                                 GError           **error);
  gboolean            (*apply_page)             (RapportConnector  *self,
                                                 RapportSyncRun    *run,
                                                 const char        *stream,
                                                 RapportSyncPage   *page,
                                                 GError           **error);
  gboolean            (*test)                   (RapportConnector  *self,
                                                 RapportSyncRun    *run,
                                                 GError           **error);
};

GQuark                rapport_sync_error_quark                 (void);
RapportConnector     *rapport_connector_new_for_id             (const char        *id);
const char * const   *rapport_connector_list_ids               (void);
const char           *rapport_connector_get_id                 (RapportConnector  *self);
const char           *rapport_connector_get_display_name       (RapportConnector  *self);
const char           *rapport_connector_get_icon_name          (RapportConnector  *self);
RapportConnectorNeeds rapport_connector_get_needs              (RapportConnector  *self);
const char           *rapport_connector_get_default_base_url   (RapportConnector  *self);
guint                 rapport_connector_get_default_rate_limit (RapportConnector  *self);
guint                 rapport_connector_get_rate_window        (RapportConnector  *self);
const char * const   *rapport_connector_get_streams            (RapportConnector  *self,
                                                                RapportSyncDirection direction);
const char           *rapport_connector_describe_stream        (RapportConnector  *self,
                                                                const char        *stream);
gboolean              rapport_connector_prepare                (RapportConnector  *self,
                                                                RapportSyncRun    *run,
                                                                RapportSyncDirection direction,
                                                                GError           **error);
RapportSyncPage      *rapport_connector_fetch_page             (RapportConnector  *self,
                                                                RapportSyncRun    *run,
                                                                const char        *stream,
                                                                const char        *cursor,
                                                                gint64             since,
                                                                GError           **error);
gboolean              rapport_connector_apply_page             (RapportConnector  *self,
                                                                RapportSyncRun    *run,
                                                                const char        *stream,
                                                                RapportSyncPage   *page,
                                                                GError           **error);
gboolean              rapport_connector_test                   (RapportConnector  *self,
                                                                RapportSyncRun    *run,
                                                                GError           **error);

G_END_DECLS
