/* rapport-events-private.h
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

#include "rapport-events.h"
#include "rapport-store-private.h"

G_BEGIN_DECLS

/* The columns rapport-events.c reads into a RapportRsvp, and their tables. */
#define _RAPPORT_RSVP_COLUMNS \
  "r.id, r.event_id, r.member_id, m.name, " \
  "(SELECT address FROM emails WHERE member_id = m.id ORDER BY is_primary DESC, id LIMIT 1), " \
  "(SELECT name FROM organizations WHERE id = m.organization_id), " \
  "r.status, r.party_size, r.answers, r.source, r.external_id, r.waitlist_position, " \
  "r.offered_at, r.checked_in_at, r.no_show, r.created_at, r.updated_at "

#define _RAPPORT_RSVP_FROM " FROM rsvps r JOIN members m ON m.id = r.member_id "

/* What the RSVP rules need of one RSVP. */
typedef struct
{
  gint64  id;
  gint64  event_id;
  char   *status;
  int     party_size;
  gint64  offered_at;
  gint64  checked_in_at;
  gint64  waitlist_position;
} RapportRsvpRow;

void     _rapport_rsvp_row_clear (RapportRsvpRow *row);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportRsvpRow, _rapport_rsvp_row_clear)

/* Shared by the files of the RSVP rules: rapport-events.c, rapport-rsvps.c,
 * rapport-waitlist.c, rapport-checkin.c and rapport-attendance.c. The writes
 * expect the caller to hold a transaction. */

/* rapport-events.c */
gboolean     _rapport_events_fail                   (RapportStore       *store,
                                                     GError            **error);
gint64       _rapport_events_query_int              (RapportStore       *store,
                                                     const char         *sql,
                                                     gint64              arg,
                                                     gint64              fallback);
void         _rapport_events_announce               (RapportStore       *store,
                                                     gint64              event_id,
                                                     gint64              rsvp_id,
                                                     RapportChangeKind   kind);
gboolean     _rapport_events_record                 (RapportStore       *store,
                                                     gint64              rsvp_id,
                                                     const char         *from_status,
                                                     const char         *to_status,
                                                     const char         *note,
                                                     GError            **error);
RapportRsvp *_rapport_events_rsvp_from_row          (RapportStatement   *stmt);
GPtrArray   *_rapport_events_collect_rsvps          (RapportStore       *store,
                                                     RapportStatement   *stmt,
                                                     GError            **error);
gboolean     _rapport_events_load_rsvp_row          (RapportStore       *store,
                                                     gint64              rsvp_id,
                                                     RapportRsvpRow     *row,
                                                     GError            **error);
gboolean     _rapport_events_write_status           (RapportStore       *store,
                                                     gint64              rsvp_id,
                                                     const char         *status,
                                                     gint64              waitlist_position,
                                                     gint64              offered_at,
                                                     GError            **error);
gboolean     _rapport_events_event_exists           (RapportStore       *store,
                                                     gint64              event_id,
                                                     GError            **error);

/* rapport-rsvps.c */
gboolean     _rapport_events_check_party_size       (int                 party_size,
                                                     GError            **error);
gint64       _rapport_events_insert_rsvp            (RapportStore       *store,
                                                     gint64              event_id,
                                                     gint64              member_id,
                                                     const char         *status,
                                                     int                 party_size,
                                                     const char         *source,
                                                     const char         *external_id,
                                                     const char         *answers,
                                                     gint64              waitlist_position,
                                                     gint64              created_at,
                                                     GError            **error);

/* rapport-waitlist.c */
gint64       _rapport_events_free_places            (RapportStore       *store,
                                                     gint64              event_id);
gboolean     _rapport_events_over_capacity_allowed  (RapportStore       *store,
                                                     gint64              event_id);
gint64       _rapport_events_next_waitlist_position (RapportStore       *store,
                                                     gint64              event_id);
gboolean     _rapport_events_expire_offers          (RapportStore       *store,
                                                     gint64              event_id,
                                                     GError            **error);
gboolean     _rapport_events_make_offers            (RapportStore       *store,
                                                     gint64              event_id,
                                                     GError            **error);
GArray      *_rapport_events_list_offered           (RapportStore       *store,
                                                     gint64              event_id,
                                                     GError            **error);
gboolean     _rapport_events_withdraw_offers        (RapportStore       *store,
                                                     gint64              event_id,
                                                     GArray             *offers,
                                                     GError            **error);

/* What the importers (rapport-event-io.c) share with the rules. Callers hold
 * a transaction. */

gint64   _rapport_events_ensure_member (RapportStore  *store,
                                        const char    *name,
                                        const char    *email,
                                        const char    *organization,
                                        const char    *platform,
                                        const char    *external_id,
                                        GError       **error);
gboolean _rapport_events_import_rsvp   (RapportStore  *store,
                                        gint64         event_id,
                                        gint64         member_id,
                                        const char    *status,
                                        int            party_size,
                                        const char    *source,
                                        const char    *external_id,
                                        const char    *answers,
                                        gint64         responded_at,
                                        gint64         checked_in_at,
                                        gboolean      *changed,
                                        GError       **error);
char    *_rapport_events_last_name_key (const char    *name);

G_END_DECLS
