/* rapport-sync-scheduler.h
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

#include "rapport-account.h"
#include "rapport-sync-engine.h"
#include "rapport-types.h"

G_BEGIN_DECLS

/**
 * RapportSyncTotals:
 * @n_synced: accounts that synced
 * @n_failed: accounts whose sync failed
 * @cancelled: whether the run was cancelled
 * @created: members created
 * @updated: members changed
 * @archived: remote records marked archived
 * @pushed: records the platforms accepted
 * @failed: records the platforms refused
 *
 * What a run of the scheduler did, over all its accounts so far.
 */
typedef struct
{
  guint    n_synced;
  guint    n_failed;
  gboolean cancelled;
  guint64  created;
  guint64  updated;
  guint64  archived;
  guint64  pushed;
  guint64  failed;
} RapportSyncTotals;

#define RAPPORT_TYPE_SYNC_SCHEDULER (rapport_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (RapportSyncScheduler, rapport_sync_scheduler, RAPPORT, SYNC_SCHEDULER, GObject)

RapportSyncScheduler    *rapport_sync_scheduler_new              (RapportStore         *store);
RapportSyncScheduler    *rapport_sync_scheduler_dup_for_store    (RapportStore         *store);
RapportStore            *rapport_sync_scheduler_get_store        (RapportSyncScheduler *self);
RapportSyncEngine       *rapport_sync_scheduler_get_engine       (RapportSyncScheduler *self);
GListModel              *rapport_sync_scheduler_get_accounts     (RapportSyncScheduler *self);
RapportAccount          *rapport_sync_scheduler_find_account     (RapportSyncScheduler *self,
                                                                  gint64                account_id);
guint                    rapport_sync_scheduler_get_interval     (RapportSyncScheduler *self);
void                     rapport_sync_scheduler_set_interval     (RapportSyncScheduler *self,
                                                                  guint                 seconds);
gboolean                 rapport_sync_scheduler_get_running      (RapportSyncScheduler *self);
gboolean                 rapport_sync_scheduler_get_background   (RapportSyncScheduler *self);
gint64                   rapport_sync_scheduler_get_account_id   (RapportSyncScheduler *self);
guint                    rapport_sync_scheduler_get_n_queued     (RapportSyncScheduler *self);
const RapportSyncTotals *rapport_sync_scheduler_get_totals       (RapportSyncScheduler *self);
const char * const      *rapport_sync_scheduler_get_synced_names (RapportSyncScheduler *self);
const char              *rapport_sync_scheduler_get_failed_name  (RapportSyncScheduler *self);
const GError            *rapport_sync_scheduler_get_error        (RapportSyncScheduler *self,
                                                                  gint64                account_id);
gboolean                 rapport_sync_scheduler_sync             (RapportSyncScheduler *self,
                                                                  gboolean              background);
void                     rapport_sync_scheduler_cancel           (RapportSyncScheduler *self);

G_END_DECLS
