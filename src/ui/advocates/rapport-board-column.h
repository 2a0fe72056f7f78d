/* rapport-board-column.h
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

#include "rapport-member-list.h"
#include "rapport-scoring.h"
#include "rapport-stage.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_BOARD_COLUMN (rapport_board_column_get_type ())

G_DECLARE_FINAL_TYPE (RapportBoardColumn, rapport_board_column, RAPPORT, BOARD_COLUMN, GtkWidget)

GtkWidget         *rapport_board_column_new             (RapportStore       *store,
                                                         RapportStage       *stage,
                                                         GListModel         *stages,
                                                         RapportScoring     *scoring);
RapportStage      *rapport_board_column_get_stage       (RapportBoardColumn *self);
RapportMemberList *rapport_board_column_get_list        (RapportBoardColumn *self);
GtkListView       *rapport_board_column_get_list_view   (RapportBoardColumn *self);
GtkMenuButton     *rapport_board_column_get_menu_button (RapportBoardColumn *self);
gboolean           rapport_board_column_get_loaded      (RapportBoardColumn *self);
guint              rapport_board_column_get_count       (RapportBoardColumn *self);
gboolean           rapport_board_column_drop_member     (RapportBoardColumn *self,
                                                         RapportMember      *member);
void               rapport_board_column_set_highlight   (RapportBoardColumn *self,
                                                         gboolean            highlight);

G_END_DECLS
