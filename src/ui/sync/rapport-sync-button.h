/* rapport-sync-button.h
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

#include <adwaita.h>

#include "rapport-account.h"
#include "rapport-context.h"
#include "rapport-sync-engine.h"
#include "rapport-sync-scheduler.h"
#include "rapport-types.h"

G_BEGIN_DECLS

/**
 * RapportSyncStatus:
 * @RAPPORT_SYNC_STATUS_IDLE: nothing to report
 * @RAPPORT_SYNC_STATUS_SYNCING: a sync is running
 * @RAPPORT_SYNC_STATUS_ATTENTION: an account needs a new token or its last
 *   sync failed
 */
typedef enum
{
  RAPPORT_SYNC_STATUS_IDLE,
  RAPPORT_SYNC_STATUS_SYNCING,
  RAPPORT_SYNC_STATUS_ATTENTION,
} RapportSyncStatus;

#define RAPPORT_TYPE_SYNC_BUTTON (rapport_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (RapportSyncButton, rapport_sync_button, RAPPORT, SYNC_BUTTON, GtkWidget)

GtkWidget            *rapport_sync_button_new           (void);
RapportContext       *rapport_sync_button_get_context   (RapportSyncButton *self);
void                  rapport_sync_button_set_context   (RapportSyncButton *self,
                                                         RapportContext    *context);
RapportSyncScheduler *rapport_sync_button_get_scheduler (RapportSyncButton *self);
RapportSyncEngine    *rapport_sync_button_get_engine    (RapportSyncButton *self);
GListModel           *rapport_sync_button_get_accounts  (RapportSyncButton *self);
RapportSyncStatus     rapport_sync_button_get_status    (RapportSyncButton *self);
const char           *rapport_sync_button_get_problem   (RapportSyncButton *self);
GtkPopover           *rapport_sync_button_get_popover   (RapportSyncButton *self);
void                  rapport_sync_button_sync          (RapportSyncButton *self,
                                                         gboolean           background);
void                  rapport_sync_button_cancel        (RapportSyncButton *self);

G_END_DECLS
