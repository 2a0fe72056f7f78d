/* rapport-month-cell.h
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

#define RAPPORT_TYPE_MONTH_CELL (rapport_month_cell_get_type ())

G_DECLARE_FINAL_TYPE (RapportMonthCell, rapport_month_cell, RAPPORT, MONTH_CELL, GtkWidget)

GtkWidget *rapport_month_cell_new             (void);
void       rapport_month_cell_set_day         (RapportMonthCell *self,
                                               GDateTime        *day,
                                               gboolean          outside_month,
                                               gboolean          today);
GDateTime *rapport_month_cell_get_day         (RapportMonthCell *self);
void       rapport_month_cell_set_occurrences (RapportMonthCell *self,
                                               GPtrArray        *occurrences);
guint      rapport_month_cell_get_n_items     (RapportMonthCell *self);
guint      rapport_month_cell_get_n_chips_shown (RapportMonthCell *self);
GStrv      rapport_month_cell_dup_titles      (RapportMonthCell *self);
void       rapport_month_cell_show_day        (RapportMonthCell *self);
void       rapport_month_cell_hide_day        (RapportMonthCell *self);
GtkPopover *rapport_month_cell_get_popover    (RapportMonthCell *self);

G_END_DECLS
