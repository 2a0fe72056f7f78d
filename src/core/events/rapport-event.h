/* rapport-event.h
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

#include <glib-object.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVENT (rapport_event_get_type ())

G_DECLARE_FINAL_TYPE (RapportEvent, rapport_event, RAPPORT, EVENT, GObject)

RapportEvent  *rapport_event_new                        (void);
gint64         rapport_event_get_id                     (RapportEvent      *self);
void           rapport_event_set_id                     (RapportEvent      *self,
                                                         gint64            id);
const char    *rapport_event_get_uid                    (RapportEvent      *self);
void           rapport_event_set_uid                    (RapportEvent      *self,
                                                         const char        *uid);
const char    *rapport_event_get_title                  (RapportEvent      *self);
void           rapport_event_set_title                  (RapportEvent      *self,
                                                         const char        *title);
const char    *rapport_event_get_kind                   (RapportEvent      *self);
void           rapport_event_set_kind                   (RapportEvent      *self,
                                                         const char        *kind);
gint64         rapport_event_get_starts_at              (RapportEvent      *self);
void           rapport_event_set_starts_at              (RapportEvent      *self,
                                                         gint64            starts_at);
gint64         rapport_event_get_ends_at                (RapportEvent      *self);
void           rapport_event_set_ends_at                (RapportEvent      *self,
                                                         gint64            ends_at);
const char    *rapport_event_get_tzid                   (RapportEvent      *self);
void           rapport_event_set_tzid                   (RapportEvent      *self,
                                                         const char        *tzid);
const char    *rapport_event_get_venue                  (RapportEvent      *self);
void           rapport_event_set_venue                  (RapportEvent      *self,
                                                         const char        *venue);
const char    *rapport_event_get_online_url             (RapportEvent      *self);
void           rapport_event_set_online_url             (RapportEvent      *self,
                                                         const char        *online_url);
int            rapport_event_get_capacity               (RapportEvent      *self);
void           rapport_event_set_capacity               (RapportEvent      *self,
                                                         int               capacity);
gint64         rapport_event_get_rsvp_deadline          (RapportEvent      *self);
void           rapport_event_set_rsvp_deadline          (RapportEvent      *self,
                                                         gint64            rsvp_deadline);
const char    *rapport_event_get_description            (RapportEvent      *self);
void           rapport_event_set_description            (RapportEvent      *self,
                                                         const char        *description);
const char    *rapport_event_get_status                 (RapportEvent      *self);
void           rapport_event_set_status                 (RapportEvent      *self,
                                                         const char        *status);
gint64         rapport_event_get_claim_window           (RapportEvent      *self);
void           rapport_event_set_claim_window           (RapportEvent      *self,
                                                         gint64            claim_window);
gboolean       rapport_event_get_allow_over_capacity    (RapportEvent      *self);
void           rapport_event_set_allow_over_capacity    (RapportEvent      *self,
                                                         gboolean          allow_over_capacity);
gint64         rapport_event_get_attendance_recorded_at (RapportEvent      *self);
void           rapport_event_set_attendance_recorded_at (RapportEvent      *self,
                                                         gint64            attendance_recorded_at);
gint64         rapport_event_get_created_at             (RapportEvent      *self);
void           rapport_event_set_created_at             (RapportEvent      *self,
                                                         gint64            created_at);
gint64         rapport_event_get_updated_at             (RapportEvent      *self);
void           rapport_event_set_updated_at             (RapportEvent      *self,
                                                         gint64            updated_at);

G_END_DECLS
