/* rapport-event-io.h
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
 * RapportEventField:
 * @RAPPORT_EVENT_FIELD_NAME: the whole name
 * @RAPPORT_EVENT_FIELD_FIRST_NAME: the first name
 * @RAPPORT_EVENT_FIELD_LAST_NAME: the last name
 * @RAPPORT_EVENT_FIELD_EMAIL: the email address
 * @RAPPORT_EVENT_FIELD_EXTERNAL_ID: the platform's id of the RSVP (order, attendee, user)
 * @RAPPORT_EVENT_FIELD_STATUS: the answer (Attending, Yes, approved, going…)
 * @RAPPORT_EVENT_FIELD_PARTY_SIZE: tickets in the row; rows of one person add up
 * @RAPPORT_EVENT_FIELD_GUESTS: guests besides the person
 * @RAPPORT_EVENT_FIELD_ORGANIZATION: company or organization
 * @RAPPORT_EVENT_FIELD_RESPONDED_AT: when they answered
 * @RAPPORT_EVENT_FIELD_CHECKED_IN_AT: when they joined or were checked in
 *
 * What a column of an RSVP file can hold.
 */
typedef enum
{
  RAPPORT_EVENT_FIELD_NAME,
  RAPPORT_EVENT_FIELD_FIRST_NAME,
  RAPPORT_EVENT_FIELD_LAST_NAME,
  RAPPORT_EVENT_FIELD_EMAIL,
  RAPPORT_EVENT_FIELD_EXTERNAL_ID,
  RAPPORT_EVENT_FIELD_STATUS,
  RAPPORT_EVENT_FIELD_PARTY_SIZE,
  RAPPORT_EVENT_FIELD_GUESTS,
  RAPPORT_EVENT_FIELD_ORGANIZATION,
  RAPPORT_EVENT_FIELD_RESPONDED_AT,
  RAPPORT_EVENT_FIELD_CHECKED_IN_AT,
  RAPPORT_EVENT_N_FIELDS
} RapportEventField;

/**
 * RapportEventMapping:
 * @source: what the RSVPs are recorded as coming from (eventbrite, meetup,
 *   zoom, manual…)
 * @columns: for each #RapportEventField, the header of the column that
 *   holds it, or %NULL
 *
 * Which column means what. The column-mapping dialog fills one in when the
 * layout of a file is not one Rapport knows.
 */
typedef struct
{
  const char *source;
  const char *columns[RAPPORT_EVENT_N_FIELDS];
} RapportEventMapping;

/**
 * RapportEventImportResult:
 * @rows: data rows read (or attendees, for ICS)
 * @added: RSVPs created
 * @updated: RSVPs that changed
 * @unchanged: RSVPs already as the file says
 * @members_added: members created
 * @source: (nullable): the layout found: eventbrite, meetup, zoom, ics or the mapping's source
 */
typedef struct
{
  guint64  rows;
  guint64  added;
  guint64  updated;
  guint64  unchanged;
  guint64  members_added;
  char    *source;
} RapportEventImportResult;

/**
 * RapportEventExportFormat:
 * @RAPPORT_EVENT_EXPORT_FORMAT_CSV: the attendees as CSV
 * @RAPPORT_EVENT_EXPORT_FORMAT_ICS: the invitation as iCalendar
 * @RAPPORT_EVENT_EXPORT_FORMAT_PDF: the attendee sheet for the door
 *
 * What rapport_event_export_async() writes.
 */
typedef enum
{
  RAPPORT_EVENT_EXPORT_FORMAT_CSV,
  RAPPORT_EVENT_EXPORT_FORMAT_ICS,
  RAPPORT_EVENT_EXPORT_FORMAT_PDF,
} RapportEventExportFormat;

void       rapport_event_import_result_clear  (RapportEventImportResult  *result);
const char *rapport_event_field_get_label     (RapportEventField          field);
const RapportEventMapping *rapport_event_mapping_detect (const char * const *header,
                                                         guint               n_columns);

gboolean   rapport_event_import_file          (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               RapportEventImportResult  *result,
                                               GCancellable              *cancellable,
                                               GError                   **error);
gboolean   rapport_event_import_csv           (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               const RapportEventMapping *mapping,
                                               RapportEventImportResult  *result,
                                               GCancellable              *cancellable,
                                               GError                   **error);
gboolean   rapport_event_import_ics           (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               RapportEventImportResult  *result,
                                               GCancellable              *cancellable,
                                               GError                   **error);
void       rapport_event_import_async         (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               const RapportEventMapping *mapping,
                                               GCancellable              *cancellable,
                                               GAsyncReadyCallback        callback,
                                               gpointer                   user_data);
gboolean   rapport_event_import_finish        (RapportStore              *store,
                                               GAsyncResult              *result,
                                               RapportEventImportResult  *result_out,
                                               GError                   **error);
GStrv      rapport_event_read_csv_header      (GFile                     *file,
                                               GCancellable              *cancellable,
                                               GError                   **error);

gboolean   rapport_event_export_csv           (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               GCancellable              *cancellable,
                                               GError                   **error);
char      *rapport_event_to_ics               (RapportStore              *store,
                                               gint64                     event_id,
                                               GError                   **error);
gboolean   rapport_event_export_ics           (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               GCancellable              *cancellable,
                                               GError                   **error);
gboolean   rapport_event_export_pdf           (RapportStore              *store,
                                               gint64                     event_id,
                                               GFile                     *file,
                                               GCancellable              *cancellable,
                                               GError                   **error);
void       rapport_event_export_async         (RapportStore              *store,
                                               gint64                     event_id,
                                               RapportEventExportFormat   format,
                                               GFile                     *file,
                                               GCancellable              *cancellable,
                                               GAsyncReadyCallback        callback,
                                               gpointer                   user_data);
gboolean   rapport_event_export_finish        (RapportStore              *store,
                                               GAsyncResult              *result,
                                               GError                   **error);

G_END_DECLS
