/* rapport-member-io.h
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

#define RAPPORT_CSV_ERROR (rapport_csv_error_quark ())

/**
 * RapportCsvError:
 * @RAPPORT_CSV_ERROR_MALFORMED: quoting is broken, or a row has the wrong number of fields
 * @RAPPORT_CSV_ERROR_ENCODING: the file is not UTF-8
 * @RAPPORT_CSV_ERROR_INVALID: a value is not acceptable (no name, a bad email)
 * @RAPPORT_CSV_ERROR_NO_HEADER: the file is empty or its header names no known field
 * @RAPPORT_CSV_ERROR_TOO_LARGE: a value, a row or the number of columns is beyond the
 *   reader's limits (1 MiB, 4 MiB, 1,000)
 *
 * Every message names the line (and where it helps the column and field).
 */
typedef enum
{
  RAPPORT_CSV_ERROR_MALFORMED,
  RAPPORT_CSV_ERROR_ENCODING,
  RAPPORT_CSV_ERROR_INVALID,
  RAPPORT_CSV_ERROR_NO_HEADER,
  RAPPORT_CSV_ERROR_TOO_LARGE,
} RapportCsvError;

/**
 * RapportImportResult:
 * @rows: data rows read
 * @added: members created
 * @updated: existing members matched (by email or handle) and updated
 */
typedef struct
{
  guint64 rows;
  guint64 added;
  guint64 updated;
} RapportImportResult;

GQuark   rapport_csv_error_quark           (void);

/* Import runs in one transaction: on any error nothing is written. The
 * synchronous calls use @store's connection on the calling thread. The async
 * ones work in a thread on their own connection, call @progress on the
 * caller's thread-default main context, and when they succeed announce
 * RAPPORT_CHANGE_RELOAD for "members" on @store. */
gboolean rapport_member_import_csv         (RapportStore         *store,
                                            GFile                *file,
                                            RapportImportResult  *result,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     rapport_member_import_csv_async   (RapportStore         *store,
                                            GFile                *file,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean rapport_member_import_csv_finish  (RapportStore         *store,
                                            GAsyncResult         *result,
                                            RapportImportResult  *out_result,
                                            GError              **error);
gboolean rapport_member_export_csv         (RapportStore         *store,
                                            GFile                *file,
                                            guint64              *n_members,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     rapport_member_export_csv_async   (RapportStore         *store,
                                            GFile                *file,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean rapport_member_export_csv_finish  (RapportStore         *store,
                                            GAsyncResult         *result,
                                            guint64              *n_members,
                                            GError              **error);

G_END_DECLS
