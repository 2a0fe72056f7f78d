/* rapport-event-page.h
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

#include "rapport-event.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVENT_PAGE (rapport_event_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportEventPage, rapport_event_page, RAPPORT, EVENT_PAGE, GtkWidget)

/**
 * RapportEventExport:
 * @RAPPORT_EVENT_EXPORT_CSV: the attendees as CSV
 * @RAPPORT_EVENT_EXPORT_ICS: the event as an invitation
 * @RAPPORT_EVENT_EXPORT_PDF: a printable attendee sheet
 */
typedef enum
{
  RAPPORT_EVENT_EXPORT_CSV,
  RAPPORT_EVENT_EXPORT_ICS,
  RAPPORT_EVENT_EXPORT_PDF,
} RapportEventExport;

RapportContext *rapport_event_page_get_context        (RapportEventPage    *self);
void            rapport_event_page_set_context        (RapportEventPage    *self,
                                                       RapportContext      *context);
gint64          rapport_event_page_get_event_id       (RapportEventPage    *self);
void            rapport_event_page_set_event_id       (RapportEventPage    *self,
                                                       gint64               event_id);
RapportEvent   *rapport_event_page_get_event          (RapportEventPage    *self);
void            rapport_event_page_set_narrow         (RapportEventPage    *self,
                                                       gboolean             narrow);
GListModel     *rapport_event_page_get_rsvps          (RapportEventPage    *self);
void            rapport_event_page_set_status_filter  (RapportEventPage    *self,
                                                       const char          *status);
gboolean        rapport_event_page_get_busy           (RapportEventPage    *self);
void            rapport_event_page_import_file        (RapportEventPage    *self,
                                                       GFile               *file);
void            rapport_event_page_export_file        (RapportEventPage    *self,
                                                       RapportEventExport   format,
                                                       GFile               *file);
gboolean        rapport_event_page_mark_done          (RapportEventPage    *self,
                                                       GError             **error);
GtkWindow      *rapport_event_page_open_checkin       (RapportEventPage    *self);
GtkWindow      *rapport_event_page_get_mapping_dialog (RapportEventPage    *self);
AdwToast       *rapport_event_page_get_last_toast     (RapportEventPage    *self);
const char     *rapport_event_page_get_going_text     (RapportEventPage    *self);

G_END_DECLS
