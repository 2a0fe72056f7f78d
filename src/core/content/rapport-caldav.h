/* rapport-caldav.h
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

#include "rapport-caldav-conflict.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/**
 * RapportCaldavResolution:
 * @RAPPORT_CALDAV_KEEP_MINE: this computer's version wins; the next sync
 *   writes it over the server's (or deletes the server's)
 * @RAPPORT_CALDAV_TAKE_THEIRS: the server's version replaces this one
 */
typedef enum
{
  RAPPORT_CALDAV_KEEP_MINE,
  RAPPORT_CALDAV_TAKE_THEIRS,
} RapportCaldavResolution;

/**
 * RapportCaldavStats:
 *
 * What one sync did.
 */
typedef struct
{
  guint pushed;
  guint pulled;
  guint deleted_remote;
  guint deleted_local;
  guint conflicts;
} RapportCaldavStats;

gboolean   rapport_caldav_connect          (RapportStore             *store,
                                            const char               *url,
                                            const char               *username,
                                            const char               *password,
                                            GCancellable             *cancellable,
                                            GError                  **error);
void       rapport_caldav_connect_async    (RapportStore             *store,
                                            const char               *url,
                                            const char               *username,
                                            const char               *password,
                                            const char               *create_name,
                                            GCancellable             *cancellable,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
gboolean   rapport_caldav_connect_finish   (RapportStore             *store,
                                            GAsyncResult             *result,
                                            GError                  **error);
gboolean   rapport_caldav_create_calendar  (const char               *url,
                                            const char               *username,
                                            const char               *password,
                                            const char               *display_name,
                                            GCancellable             *cancellable,
                                            GError                  **error);
gboolean   rapport_caldav_disconnect       (RapportStore             *store,
                                            GError                  **error);
gboolean   rapport_caldav_get_account      (RapportStore             *store,
                                            char                    **url,
                                            char                    **username);
gboolean   rapport_caldav_sync             (RapportStore             *store,
                                            GCancellable             *cancellable,
                                            RapportProgressFunc       progress,
                                            gpointer                  progress_data,
                                            RapportCaldavStats       *stats,
                                            GError                  **error);
void       rapport_caldav_sync_async       (RapportStore             *store,
                                            GCancellable             *cancellable,
                                            RapportProgressFunc       progress,
                                            gpointer                  progress_data,
                                            GDestroyNotify            progress_data_free,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
gboolean   rapport_caldav_sync_finish      (RapportStore             *store,
                                            GAsyncResult             *result,
                                            RapportCaldavStats       *stats,
                                            GError                  **error);
GPtrArray *rapport_caldav_list_conflicts   (RapportStore             *store,
                                            GError                  **error);
gboolean   rapport_caldav_resolve_conflict (RapportStore             *store,
                                            const char               *uid,
                                            RapportCaldavResolution   resolution,
                                            GError                  **error);

G_END_DECLS
