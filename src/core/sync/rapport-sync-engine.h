/* rapport-sync-engine.h
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

#include "rapport-connector.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SYNC_ENGINE (rapport_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (RapportSyncEngine, rapport_sync_engine, RAPPORT, SYNC_ENGINE, GObject)

RapportSyncEngine *rapport_sync_engine_new            (RapportStore          *store);
RapportStore      *rapport_sync_engine_get_store      (RapportSyncEngine     *self);
gboolean           rapport_sync_engine_get_running    (RapportSyncEngine     *self);
gint64             rapport_sync_engine_get_account_id (RapportSyncEngine     *self);
const char        *rapport_sync_engine_get_stream     (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_records    (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_pages      (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_created    (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_updated    (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_archived   (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_pushed     (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_failed     (RapportSyncEngine     *self);
guint64            rapport_sync_engine_get_requests   (RapportSyncEngine     *self);
const char * const *rapport_sync_engine_get_failures  (RapportSyncEngine     *self);
guint              rapport_sync_engine_get_timeout    (RapportSyncEngine     *self);
void               rapport_sync_engine_set_timeout    (RapportSyncEngine     *self,
                                                       guint                  seconds);
guint              rapport_sync_engine_get_request_timeout (RapportSyncEngine *self);
void               rapport_sync_engine_set_request_timeout (RapportSyncEngine *self,
                                                            guint              seconds);
void               rapport_sync_engine_run_async      (RapportSyncEngine     *self,
                                                       gint64                 account_id,
                                                       RapportSyncDirection   direction,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean           rapport_sync_engine_run_finish     (RapportSyncEngine     *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               rapport_sync_engine_test_async     (RapportSyncEngine     *self,
                                                       gint64                 account_id,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean           rapport_sync_engine_test_finish    (RapportSyncEngine     *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
