/* rapport-checkin-window.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHECKIN_WINDOW (rapport_checkin_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportCheckinWindow, rapport_checkin_window, RAPPORT, CHECKIN_WINDOW, AdwWindow)

/**
 * RapportCheckinCounter:
 * @RAPPORT_CHECKIN_COUNTER_CHECKED_IN: people checked in
 * @RAPPORT_CHECKIN_COUNTER_GOING: people going
 * @RAPPORT_CHECKIN_COUNTER_CAPACITY: places, or "No limit"
 */
typedef enum
{
  RAPPORT_CHECKIN_COUNTER_CHECKED_IN,
  RAPPORT_CHECKIN_COUNTER_GOING,
  RAPPORT_CHECKIN_COUNTER_CAPACITY,
} RapportCheckinCounter;

GtkWidget   *rapport_checkin_window_new             (GtkWindow             *parent,
                                                     RapportStore          *store,
                                                     gint64                 event_id);
GtkEditable *rapport_checkin_window_get_search_entry (RapportCheckinWindow  *self);
GListModel  *rapport_checkin_window_get_results     (RapportCheckinWindow  *self);
const char  *rapport_checkin_window_get_counter     (RapportCheckinWindow  *self,
                                                     RapportCheckinCounter  counter);
const char  *rapport_checkin_window_get_confirmation (RapportCheckinWindow *self);
AdwToast    *rapport_checkin_window_get_last_toast  (RapportCheckinWindow  *self);
gboolean     rapport_checkin_window_check_in        (RapportCheckinWindow  *self,
                                                     gint64                 rsvp_id);
gint64       rapport_checkin_window_add_walk_in     (RapportCheckinWindow  *self,
                                                     const char            *name,
                                                     const char            *email,
                                                     int                    party_size);
GtkWindow   *rapport_checkin_window_open_walk_in    (RapportCheckinWindow  *self);

G_END_DECLS
