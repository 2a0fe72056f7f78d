/* rapport-events.h
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

#include "rapport-event.h"
#include "rapport-rsvp.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_EVENTS_ERROR (rapport_events_error_quark ())

/**
 * RapportEventsError:
 * @RAPPORT_EVENTS_ERROR_INVALID: a value is not acceptable (an unknown status)
 * @RAPPORT_EVENTS_ERROR_NOT_FOUND: no such event or RSVP
 * @RAPPORT_EVENTS_ERROR_FULL: the party does not fit and the event does not allow going over capacity
 * @RAPPORT_EVENTS_ERROR_NO_OFFER: the RSVP has no live offer to claim (never made, or expired)
 * @RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT: a CSV header matches no known export; the message lists its columns
 * @RAPPORT_EVENTS_ERROR_PARSE: an imported file has bad lines; the message names each one
 */
typedef enum
{
  RAPPORT_EVENTS_ERROR_INVALID,
  RAPPORT_EVENTS_ERROR_NOT_FOUND,
  RAPPORT_EVENTS_ERROR_FULL,
  RAPPORT_EVENTS_ERROR_NO_OFFER,
  RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT,
  RAPPORT_EVENTS_ERROR_PARSE,
} RapportEventsError;

/* The values of RapportEvent:status and RapportRsvp:status, as stored. */
#define RAPPORT_EVENT_DRAFT      "draft"
#define RAPPORT_EVENT_ANNOUNCED  "announced"
#define RAPPORT_EVENT_DONE       "done"
#define RAPPORT_EVENT_CANCELLED  "cancelled"

#define RAPPORT_RSVP_GOING       "going"
#define RAPPORT_RSVP_MAYBE       "maybe"
#define RAPPORT_RSVP_DECLINED    "declined"
#define RAPPORT_RSVP_WAITLISTED  "waitlisted"
#define RAPPORT_RSVP_CANCELLED   "cancelled"

/* Roles in event_people that earn an activity when the event is done. */
#define RAPPORT_EVENT_ROLE_HOST     "host"
#define RAPPORT_EVENT_ROLE_SPEAKER  "speaker"

/**
 * RapportEventRange:
 * @RAPPORT_EVENT_RANGE_ALL: every event, earliest first
 * @RAPPORT_EVENT_RANGE_UPCOMING: events that have not ended, earliest first
 * @RAPPORT_EVENT_RANGE_PAST: events that have ended, latest first
 */
typedef enum
{
  RAPPORT_EVENT_RANGE_ALL,
  RAPPORT_EVENT_RANGE_UPCOMING,
  RAPPORT_EVENT_RANGE_PAST,
} RapportEventRange;

#define RAPPORT_TYPE_EVENT_RANGE (rapport_event_range_get_type ())
GType rapport_event_range_get_type (void);

/**
 * RapportEventCounts:
 * @capacity: places, or -1 for no limit
 * @going: people in going parties
 * @going_parties: going RSVPs
 * @checked_in: people checked in
 * @maybe: people who said maybe
 * @declined: people who declined
 * @waitlisted: people waiting, offered or not
 * @offered: people holding an offer they have not claimed
 * @cancelled: people who cancelled (or let an offer lapse)
 * @no_shows: people going who never checked in, once the event is done
 *
 * An event's live counters. Every figure counts whole parties.
 */
typedef struct
{
  gint64 capacity;
  gint64 going;
  gint64 going_parties;
  gint64 checked_in;
  gint64 maybe;
  gint64 declined;
  gint64 waitlisted;
  gint64 offered;
  gint64 cancelled;
  gint64 no_shows;
} RapportEventCounts;

/**
 * RapportRsvpChange:
 * @at: when, UTC seconds
 * @from_status: (nullable): the status before
 * @to_status: (nullable): the status after
 * @note: what happened: created, offered, claimed, offer-expired, checked-in, …
 *
 * One line of an RSVP's history.
 */
typedef struct
{
  gint64  at;
  char   *from_status;
  char   *to_status;
  char   *note;
} RapportRsvpChange;

void rapport_rsvp_change_free (RapportRsvpChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportRsvpChange, rapport_rsvp_change_free)

GQuark        rapport_events_error_quark        (void);
gboolean      rapport_rsvp_status_is_valid      (const char          *status);
gboolean      rapport_event_status_is_valid     (const char          *status);

gint64        rapport_events_now                (RapportStore        *store);

/* Events */
gboolean      rapport_events_insert             (RapportStore        *store,
                                                 RapportEvent        *event,
                                                 GError             **error);
gboolean      rapport_events_update             (RapportStore        *store,
                                                 RapportEvent        *event,
                                                 GError             **error);
gboolean      rapport_events_delete             (RapportStore        *store,
                                                 gint64               event_id,
                                                 GError             **error);
RapportEvent *rapport_events_get                (RapportStore        *store,
                                                 gint64               event_id,
                                                 GError             **error);
GPtrArray    *rapport_events_list               (RapportStore        *store,
                                                 RapportEventRange    range,
                                                 GError             **error);
gboolean      rapport_events_add_person         (RapportStore        *store,
                                                 gint64               event_id,
                                                 gint64               member_id,
                                                 const char          *role,
                                                 GError             **error);
gboolean      rapport_events_remove_person      (RapportStore        *store,
                                                 gint64               event_id,
                                                 gint64               member_id,
                                                 const char          *role,
                                                 GError             **error);
GArray       *rapport_events_list_people        (RapportStore        *store,
                                                 gint64               event_id,
                                                 const char          *role,
                                                 GError             **error);

/* RSVPs and their rules */
gint64        rapport_events_add_rsvp           (RapportStore        *store,
                                                 gint64               event_id,
                                                 gint64               member_id,
                                                 const char          *status,
                                                 int                  party_size,
                                                 const char          *source,
                                                 const char          *external_id,
                                                 const char          *answers,
                                                 GError             **error);
RapportRsvp  *rapport_events_get_rsvp           (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 GError             **error);
gint64        rapport_events_find_rsvp          (RapportStore        *store,
                                                 gint64               event_id,
                                                 gint64               member_id);
gboolean      rapport_events_set_rsvp_status    (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 const char          *status,
                                                 GError             **error);
gboolean      rapport_events_set_party_size     (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 int                  party_size,
                                                 GError             **error);
gboolean      rapport_events_set_answers        (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 const char          *answers,
                                                 GError             **error);
gboolean      rapport_events_remove_rsvp        (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 gint64              *journal_id,
                                                 GError             **error);
gboolean      rapport_events_claim_offer        (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 GError             **error);
gboolean      rapport_events_process_offers     (RapportStore        *store,
                                                 gint64               event_id,
                                                 GError             **error);
GPtrArray    *rapport_events_list_rsvps         (RapportStore        *store,
                                                 gint64               event_id,
                                                 const char          *status,
                                                 GError             **error);
GPtrArray    *rapport_events_list_history       (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 GError             **error);
gboolean      rapport_events_get_counts         (RapportStore        *store,
                                                 gint64               event_id,
                                                 RapportEventCounts  *counts,
                                                 GError             **error);
double        rapport_event_counts_get_show_up_rate (const RapportEventCounts *counts);

/* The door */
GPtrArray    *rapport_events_search_rsvps       (RapportStore        *store,
                                                 gint64               event_id,
                                                 const char          *text,
                                                 guint                limit,
                                                 GError             **error);
gboolean      rapport_events_check_in           (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 GError             **error);
gboolean      rapport_events_undo_check_in      (RapportStore        *store,
                                                 gint64               rsvp_id,
                                                 GError             **error);
gint64        rapport_events_walk_in            (RapportStore        *store,
                                                 gint64               event_id,
                                                 const char          *name,
                                                 const char          *email,
                                                 int                  party_size,
                                                 GError             **error);

/* After the event */
gboolean      rapport_events_mark_done          (RapportStore        *store,
                                                 gint64               event_id,
                                                 GError             **error);
gboolean      rapport_events_get_member_attendance (RapportStore     *store,
                                                    gint64            member_id,
                                                    gint64           *attended,
                                                    gint64           *no_shows,
                                                    GError          **error);

G_END_DECLS
