/* rapport-events-view.h
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

#include "rapport-event-page.h"
#include "rapport-events.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVENTS_VIEW (rapport_events_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportEventsView, rapport_events_view, RAPPORT, EVENTS_VIEW, GtkWidget)

RapportContext   *rapport_events_view_get_context  (RapportEventsView *self);
void              rapport_events_view_set_context  (RapportEventsView *self,
                                                    RapportContext    *context);
gint64            rapport_events_view_get_event_id (RapportEventsView *self);
gboolean          rapport_events_view_select_event (RapportEventsView *self,
                                                    gint64             event_id);
void              rapport_events_view_show_list    (RapportEventsView *self);
RapportEventPage *rapport_events_view_get_page     (RapportEventsView *self);
GtkListBox       *rapport_events_view_get_list     (RapportEventsView *self,
                                                    RapportEventRange  range);
GtkWindow        *rapport_events_view_new_event    (RapportEventsView *self);

G_END_DECLS
