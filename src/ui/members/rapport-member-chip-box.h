/* rapport-member-chip-box.h
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

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEMBER_CHIP_BOX (rapport_member_chip_box_get_type ())

G_DECLARE_FINAL_TYPE (RapportMemberChipBox, rapport_member_chip_box, RAPPORT, MEMBER_CHIP_BOX, GtkWidget)

GtkWidget *rapport_member_chip_box_new        (void);
void       rapport_member_chip_box_append     (RapportMemberChipBox *self,
                                               GtkWidget            *child);
void       rapport_member_chip_box_remove_all (RapportMemberChipBox *self);

G_END_DECLS
