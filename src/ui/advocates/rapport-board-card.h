/* rapport-board-card.h
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

#include "rapport-scoring.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_BOARD_CARD (rapport_board_card_get_type ())

G_DECLARE_FINAL_TYPE (RapportBoardCard, rapport_board_card, RAPPORT, BOARD_CARD, GtkWidget)

GtkWidget     *rapport_board_card_new         (void);
RapportMember *rapport_board_card_get_member  (RapportBoardCard *self);
void           rapport_board_card_set_member  (RapportBoardCard *self,
                                               RapportMember    *member);
void           rapport_board_card_set_context (RapportBoardCard *self,
                                               GListModel       *stages,
                                               RapportScoring   *scoring);
GMenuModel    *rapport_board_card_dup_menu    (RapportBoardCard *self);
GtkPopover    *rapport_board_card_get_popover (RapportBoardCard *self);
const char    *rapport_board_card_get_trend   (RapportBoardCard *self);

G_END_DECLS
