/* rapport-demo.h
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

/**
 * RapportDemoOptions:
 * @members: how many members to create
 * @activities: how many activities in all, spread over the members
 * @seed: the same seed gives the same community
 */
typedef struct
{
  guint   members;
  guint   activities;
  guint64 seed;
} RapportDemoOptions;

/* Adds a sample community in one transaction. The synchronous call uses
 * @store's connection; the async one works in a thread on its own
 * connection, calls @progress on the caller's thread-default main context
 * and announces RAPPORT_CHANGE_RELOAD for "members" on @store when done. */
gboolean rapport_demo_generate        (RapportStore              *store,
                                       const RapportDemoOptions  *options,
                                       RapportProgressFunc        progress,
                                       gpointer                   progress_data,
                                       GCancellable              *cancellable,
                                       GError                   **error);
void     rapport_demo_generate_async  (RapportStore              *store,
                                       const RapportDemoOptions  *options,
                                       RapportProgressFunc        progress,
                                       gpointer                   progress_data,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback        callback,
                                       gpointer                   user_data);
gboolean rapport_demo_generate_finish (RapportStore              *store,
                                       GAsyncResult              *result,
                                       GError                   **error);

/**
 * RapportDemoDuplicate:
 * @original_id: the member made first
 * @duplicate_id: a second record of the same person, made later
 * @kind: how the two records match: 'A' an equivalent Gmail address (dots
 *   or a "+tag" in the local part), 'B' the same name at the same
 *   organization, 'C' a variant of the name with an address at the same
 *   work domain, 'D' the same handle on another platform
 *
 * One pair of the known truth about a sample community's duplicates.
 */
typedef struct
{
  gint64 original_id;
  gint64 duplicate_id;
  char   kind;
} RapportDemoDuplicate;

/* For tests and benchmarks of duplicate detection: rapport_demo_generate()
 * without progress or cancellation, which also returns in @duplicates
 * (transfer full) every pair it made, as RapportDemoDuplicate, in the order
 * of their duplicate_id. @duplicates is set only on success. */
gboolean _rapport_demo_generate_with_truth (RapportStore              *store,
                                            const RapportDemoOptions  *options,
                                            GArray                   **duplicates,
                                            GError                   **error);

G_END_DECLS
