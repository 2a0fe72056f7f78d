/* rapport-member-selection.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEMBER_SELECTION (rapport_member_selection_get_type ())

G_DECLARE_FINAL_TYPE (RapportMemberSelection, rapport_member_selection, RAPPORT, MEMBER_SELECTION, GObject)

RapportMemberSelection *rapport_member_selection_new                    (RapportMemberList      *list);
RapportMemberList      *rapport_member_selection_get_list               (RapportMemberSelection *self);
gint64                  rapport_member_selection_get_selected_id        (RapportMemberSelection *self);
void                    rapport_member_selection_set_selected_id        (RapportMemberSelection *self,
                                                                         gint64                  member_id);
guint                   rapport_member_selection_get_selected_position  (RapportMemberSelection *self);

G_END_DECLS
