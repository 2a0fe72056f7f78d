/* rapport-rsvp-list.h
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

#define RAPPORT_TYPE_RSVP_LIST (rapport_rsvp_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportRsvpList, rapport_rsvp_list, RAPPORT, RSVP_LIST, GObject)

RapportRsvpList *rapport_rsvp_list_new               (RapportStore     *store,
                                                      gint64            event_id);
RapportStore    *rapport_rsvp_list_get_store         (RapportRsvpList  *self);
gint64           rapport_rsvp_list_get_event_id      (RapportRsvpList  *self);
const char      *rapport_rsvp_list_get_status_filter (RapportRsvpList  *self);
void             rapport_rsvp_list_set_status_filter (RapportRsvpList  *self,
                                                      const char       *status);
gint64           rapport_rsvp_list_get_capacity      (RapportRsvpList  *self);
gint64           rapport_rsvp_list_get_going         (RapportRsvpList  *self);
gint64           rapport_rsvp_list_get_checked_in    (RapportRsvpList  *self);
gint64           rapport_rsvp_list_get_waitlisted    (RapportRsvpList  *self);
double           rapport_rsvp_list_get_show_up_rate  (RapportRsvpList  *self);
gboolean         rapport_rsvp_list_find              (RapportRsvpList  *self,
                                                      gint64            rsvp_id,
                                                      guint            *position);
gboolean         rapport_rsvp_list_reload            (RapportRsvpList  *self,
                                                      GError          **error);

G_END_DECLS
