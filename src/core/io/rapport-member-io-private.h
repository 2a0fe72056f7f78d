/* rapport-member-io-private.h
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

#include "rapport-member-io.h"
#include "rapport-store-private.h"

G_BEGIN_DECLS

/* What member import (rapport-member-import.c) and export
 * (rapport-member-export.c) share; rapport-member-io.c holds it. */

typedef struct
{
  RapportProgressFunc func;
  gpointer            data;
  gint64              last;
} RapportMemberIoProgress;

/* Where a worker's progress reports go: a main context, and the caller's
 * function there. */
typedef struct
{
  GMainContext        *context;
  RapportProgressFunc  func;
  gpointer             data;
  GTask               *task;
} RapportMemberIoAsyncProgress;

/* The task data of an async import or export, for its worker. */
typedef struct
{
  GFile                        *file;
  RapportMemberIoAsyncProgress  progress;
  RapportImportResult           result;
} RapportMemberIoAsyncData;

void _rapport_member_io_progress_report  (RapportMemberIoProgress *progress,
                                          guint64                  done,
                                          guint64                  total,
                                          gboolean                 force);
void _rapport_member_io_send_progress_cb (guint64                  done,
                                          guint64                  total,
                                          gpointer                 user_data);
void _rapport_member_io_run_csv_task     (RapportStore            *store,
                                          GFile                   *file,
                                          RapportProgressFunc      progress,
                                          gpointer                 progress_data,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data,
                                          gpointer                 source_tag,
                                          RapportWorkerFunc        worker,
                                          RapportWorkerDoneFunc    done);

G_END_DECLS
