/* rapport-context.h
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

#include "rapport-clock.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-sync-scheduler.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTEXT (rapport_context_get_type ())

G_DECLARE_FINAL_TYPE (RapportContext, rapport_context, RAPPORT, CONTEXT, GObject)

RapportContext       *rapport_context_new                (RapportStore    *store);
RapportContext       *rapport_context_open               (const char      *path,
                                                          GError         **error);
RapportStore         *rapport_context_get_store          (RapportContext  *self);
RapportClock         *rapport_context_get_clock          (RapportContext  *self);
RapportScoring       *rapport_context_get_scoring        (RapportContext  *self);
RapportPipeline      *rapport_context_get_pipeline       (RapportContext  *self);
RapportSyncScheduler *rapport_context_get_sync_scheduler (RapportContext  *self);

G_END_DECLS
