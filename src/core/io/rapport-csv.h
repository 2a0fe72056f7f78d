/* rapport-csv.h
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

G_BEGIN_DECLS

/* An RFC 4180 reader and writer. The reader streams: it keeps one block of
 * the file and one row in memory, however large the file is, and refuses a
 * value over 1 MiB, a row over 4 MiB or over 1,000 columns. The writer puts
 * a single quote before a value a spreadsheet would run as a formula; the
 * reader takes it away again. */

typedef struct _RapportCsvReader RapportCsvReader;
typedef struct _RapportCsvWriter RapportCsvWriter;

RapportCsvReader *rapport_csv_reader_new            (GInputStream      *stream);
void              rapport_csv_reader_free           (RapportCsvReader  *self);
gboolean          rapport_csv_reader_read_header    (RapportCsvReader  *self,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
const char * const *rapport_csv_reader_get_header   (RapportCsvReader  *self,
                                                     guint             *n_columns);
char            **rapport_csv_reader_read_row       (RapportCsvReader  *self,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
guint64           rapport_csv_reader_get_line       (RapportCsvReader  *self);
guint64           rapport_csv_reader_get_bytes_read (RapportCsvReader  *self);
char              rapport_csv_reader_get_delimiter  (RapportCsvReader  *self);
char             *rapport_csv_reader_dup_location   (RapportCsvReader  *self,
                                                     guint64            line,
                                                     guint              column);

RapportCsvWriter *rapport_csv_writer_new            (GOutputStream     *stream);
void              rapport_csv_writer_free           (RapportCsvWriter  *self);
void              rapport_csv_writer_add_field      (RapportCsvWriter  *self,
                                                     const char        *value);
gboolean          rapport_csv_writer_end_row        (RapportCsvWriter  *self,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
gboolean          rapport_csv_writer_flush          (RapportCsvWriter  *self,
                                                     GCancellable      *cancellable,
                                                     GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvReader, rapport_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvWriter, rapport_csv_writer_free)

G_END_DECLS
