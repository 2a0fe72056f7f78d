/* rapport-sync-log.h
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

#define RAPPORT_TYPE_SYNC_LOG_ENTRY (rapport_sync_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (RapportSyncLogEntry, rapport_sync_log_entry, RAPPORT, SYNC_LOG_ENTRY, GObject)

gint64      rapport_sync_log_entry_get_id          (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_account_id  (RapportSyncLogEntry  *self);
const char *rapport_sync_log_entry_get_direction   (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_started_at  (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_finished_at (RapportSyncLogEntry  *self);
const char *rapport_sync_log_entry_get_status      (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_records     (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_pages       (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_created     (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_updated     (RapportSyncLogEntry  *self);
gint64      rapport_sync_log_entry_get_failed      (RapportSyncLogEntry  *self);
const char *rapport_sync_log_entry_get_error       (RapportSyncLogEntry  *self);

GListModel *rapport_sync_log_load                  (RapportStore         *store,
                                                    gint64                account_id,
                                                    guint                 limit,
                                                    GError              **error);

G_END_DECLS
