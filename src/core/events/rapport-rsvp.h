/* rapport-rsvp.h
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

#define RAPPORT_TYPE_RSVP (rapport_rsvp_get_type ())

G_DECLARE_FINAL_TYPE (RapportRsvp, rapport_rsvp, RAPPORT, RSVP, GObject)

RapportRsvp  *rapport_rsvp_new                   (void);
gint64        rapport_rsvp_get_id                (RapportRsvp       *self);
void          rapport_rsvp_set_id                (RapportRsvp       *self,
                                                  gint64            id);
gint64        rapport_rsvp_get_event_id          (RapportRsvp       *self);
void          rapport_rsvp_set_event_id          (RapportRsvp       *self,
                                                  gint64            event_id);
gint64        rapport_rsvp_get_member_id         (RapportRsvp       *self);
void          rapport_rsvp_set_member_id         (RapportRsvp       *self,
                                                  gint64            member_id);
const char   *rapport_rsvp_get_name              (RapportRsvp       *self);
void          rapport_rsvp_set_name              (RapportRsvp       *self,
                                                  const char        *name);
const char   *rapport_rsvp_get_email             (RapportRsvp       *self);
void          rapport_rsvp_set_email             (RapportRsvp       *self,
                                                  const char        *email);
const char   *rapport_rsvp_get_organization      (RapportRsvp       *self);
void          rapport_rsvp_set_organization      (RapportRsvp       *self,
                                                  const char        *organization);
const char   *rapport_rsvp_get_status            (RapportRsvp       *self);
void          rapport_rsvp_set_status            (RapportRsvp       *self,
                                                  const char        *status);
int           rapport_rsvp_get_party_size        (RapportRsvp       *self);
void          rapport_rsvp_set_party_size        (RapportRsvp       *self,
                                                  int               party_size);
const char   *rapport_rsvp_get_answers           (RapportRsvp       *self);
void          rapport_rsvp_set_answers           (RapportRsvp       *self,
                                                  const char        *answers);
const char   *rapport_rsvp_get_source            (RapportRsvp       *self);
void          rapport_rsvp_set_source            (RapportRsvp       *self,
                                                  const char        *source);
const char   *rapport_rsvp_get_external_id       (RapportRsvp       *self);
void          rapport_rsvp_set_external_id       (RapportRsvp       *self,
                                                  const char        *external_id);
gint64        rapport_rsvp_get_waitlist_position (RapportRsvp       *self);
void          rapport_rsvp_set_waitlist_position (RapportRsvp       *self,
                                                  gint64            waitlist_position);
gint64        rapport_rsvp_get_offered_at        (RapportRsvp       *self);
void          rapport_rsvp_set_offered_at        (RapportRsvp       *self,
                                                  gint64            offered_at);
gint64        rapport_rsvp_get_checked_in_at     (RapportRsvp       *self);
void          rapport_rsvp_set_checked_in_at     (RapportRsvp       *self,
                                                  gint64            checked_in_at);
gboolean      rapport_rsvp_get_no_show           (RapportRsvp       *self);
void          rapport_rsvp_set_no_show           (RapportRsvp       *self,
                                                  gboolean          no_show);
gint64        rapport_rsvp_get_created_at        (RapportRsvp       *self);
void          rapport_rsvp_set_created_at        (RapportRsvp       *self,
                                                  gint64            created_at);
gint64        rapport_rsvp_get_updated_at        (RapportRsvp       *self);
void          rapport_rsvp_set_updated_at        (RapportRsvp       *self,
                                                  gint64            updated_at);

G_END_DECLS
