/* rapport-event-util.h
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

#include <glib.h>

#include "rapport-event.h"
#include "rapport-events.h"

G_BEGIN_DECLS

/* Words and times shown by the event views, one place for all of them. */

const char * const *rapport_event_kinds                (void);
const char         *rapport_event_kind_get_label       (const char               *kind);
const char * const *rapport_event_statuses             (void);
const char         *rapport_event_status_get_label     (const char               *status);
const char         *rapport_rsvp_status_get_label      (const char               *status);
const char         *rapport_rsvp_source_get_label      (const char               *source);
char               *rapport_event_format_when          (RapportEvent             *event);
char               *rapport_event_format_event_zone    (RapportEvent             *event);
char               *rapport_event_format_counts        (const RapportEventCounts *counts);
char               *rapport_event_format_time          (gint64                    t);

G_END_DECLS
