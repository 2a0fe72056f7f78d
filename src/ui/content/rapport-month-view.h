/* rapport-month-view.h
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

#include "rapport-month-cell.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MONTH_VIEW (rapport_month_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportMonthView, rapport_month_view, RAPPORT, MONTH_VIEW, GtkWidget)

GtkWidget        *rapport_month_view_new             (void);
void              rapport_month_view_set_month       (RapportMonthView *self,
                                                      int               year,
                                                      int               month);
GDateTime        *rapport_month_view_get_range_start (RapportMonthView *self);
GDateTime        *rapport_month_view_get_range_end   (RapportMonthView *self);
GListModel       *rapport_month_view_get_model       (RapportMonthView *self);
void              rapport_month_view_set_model       (RapportMonthView *self,
                                                      GListModel       *model);
RapportMonthCell *rapport_month_view_get_cell        (RapportMonthView *self,
                                                      int               year,
                                                      int               month,
                                                      int               day);
void              rapport_month_view_focus_day       (RapportMonthView *self,
                                                      int               year,
                                                      int               month,
                                                      int               day);
gboolean          rapport_month_view_drop_on_day     (RapportMonthView *self,
                                                      const GValue     *value,
                                                      GDateTime        *day);

G_END_DECLS
