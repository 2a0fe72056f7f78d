/* rapport-account.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

/* Account states, as the accounts table stores them. */
#define RAPPORT_ACCOUNT_STATE_OK          "ok"
#define RAPPORT_ACCOUNT_STATE_NEEDS_TOKEN "needs-token"
#define RAPPORT_ACCOUNT_STATE_ERROR       "error"

/* Passed as a rate limit: use the platform's documented one. */
#define RAPPORT_ACCOUNT_DEFAULT_RATE_LIMIT G_MAXUINT

#define RAPPORT_TYPE_ACCOUNT (rapport_account_get_type ())

G_DECLARE_FINAL_TYPE (RapportAccount, rapport_account, RAPPORT, ACCOUNT, GObject)

gint64          rapport_account_get_id            (RapportAccount  *self);
const char     *rapport_account_get_connector     (RapportAccount  *self);
const char     *rapport_account_get_name          (RapportAccount  *self);
const char     *rapport_account_get_base_url      (RapportAccount  *self);
guint           rapport_account_get_rate_limit    (RapportAccount  *self);
const char     *rapport_account_get_state         (RapportAccount  *self);
gint64          rapport_account_get_last_sync_at  (RapportAccount  *self);
const char     *rapport_account_get_last_status   (RapportAccount  *self);
const char     *rapport_account_get_last_error    (RapportAccount  *self);

RapportAccount *rapport_account_add               (RapportStore    *store,
                                                   const char      *connector,
                                                   const char      *name,
                                                   const char      *base_url,
                                                   guint            rate_limit,
                                                   const char      *token,
                                                   GError         **error);
gboolean        rapport_account_remove            (RapportStore    *store,
                                                   gint64           account_id,
                                                   GError         **error);
RapportAccount *rapport_account_load              (RapportStore    *store,
                                                   gint64           account_id,
                                                   GError         **error);
GListModel     *rapport_account_load_all          (RapportStore    *store,
                                                   GError         **error);
gboolean        rapport_account_set_state         (RapportStore    *store,
                                                   gint64           account_id,
                                                   const char      *state,
                                                   GError         **error);
gboolean        rapport_account_replace_token     (RapportStore    *store,
                                                   gint64           account_id,
                                                   const char      *token,
                                                   GError         **error);

void            rapport_account_test_async           (RapportStore         *store,
                                                      const char           *connector_id,
                                                      const char           *base_url,
                                                      guint                 rate_limit,
                                                      const char           *token,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        rapport_account_test_finish          (RapportStore         *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void            rapport_account_add_async            (RapportStore         *store,
                                                      const char           *connector_id,
                                                      const char           *name,
                                                      const char           *base_url,
                                                      guint                 rate_limit,
                                                      const char           *token,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RapportAccount *rapport_account_add_finish           (RapportStore         *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void            rapport_account_replace_token_async  (RapportStore         *store,
                                                      gint64                account_id,
                                                      const char           *token,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        rapport_account_replace_token_finish (RapportStore         *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void            rapport_account_remove_async         (RapportStore         *store,
                                                      gint64                account_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        rapport_account_remove_finish        (RapportStore         *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
