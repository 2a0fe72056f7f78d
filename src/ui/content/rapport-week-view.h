/* rapport-week-view.h
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

G_BEGIN_DECLS

#define RAPPORT_TYPE_WEEK_VIEW (rapport_week_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportWeekView, rapport_week_view, RAPPORT, WEEK_VIEW, GtkWidget)

GtkWidget  *rapport_week_view_new             (void);
void        rapport_week_view_set_first_day   (RapportWeekView *self,
                                               GDateTime       *first_day);
GDateTime  *rapport_week_view_get_range_start (RapportWeekView *self);
GDateTime  *rapport_week_view_get_range_end   (RapportWeekView *self);
void        rapport_week_view_set_model       (RapportWeekView *self,
                                               GListModel      *model);
guint       rapport_week_view_get_n_items_on  (RapportWeekView *self,
                                               guint            day_index);
gboolean    rapport_week_view_drop_on_day     (RapportWeekView *self,
                                               const GValue    *value,
                                               GDateTime       *day);

G_END_DECLS
