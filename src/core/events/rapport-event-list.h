/* rapport-event-list.h
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

#include "rapport-events.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVENT_LIST (rapport_event_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportEventList, rapport_event_list, RAPPORT, EVENT_LIST, GObject)

RapportEventList  *rapport_event_list_new       (RapportStore       *store,
                                                 RapportEventRange   range);
RapportEventRange  rapport_event_list_get_range (RapportEventList   *self);
void               rapport_event_list_set_range (RapportEventList   *self,
                                                 RapportEventRange   range);
gboolean           rapport_event_list_find      (RapportEventList   *self,
                                                 gint64              event_id,
                                                 guint              *position);
gboolean           rapport_event_list_reload    (RapportEventList   *self,
                                                 GError            **error);

G_END_DECLS
