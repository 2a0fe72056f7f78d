/* rapport-event-row.h
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

#include <gtk/gtk.h>

#include "rapport-event.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVENT_ROW (rapport_event_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportEventRow, rapport_event_row, RAPPORT, EVENT_ROW, GtkListBoxRow)

GtkWidget    *rapport_event_row_new        (RapportStore    *store,
                                            RapportEvent    *event);
RapportEvent *rapport_event_row_get_event  (RapportEventRow *self);
const char   *rapport_event_row_get_counts (RapportEventRow *self);

G_END_DECLS
