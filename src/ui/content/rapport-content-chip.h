/* rapport-content-chip.h
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

#include "rapport-content-occurrence.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTENT_CHIP (rapport_content_chip_get_type ())

G_DECLARE_FINAL_TYPE (RapportContentChip, rapport_content_chip, RAPPORT, CONTENT_CHIP, GtkWidget)

GtkWidget                *rapport_content_chip_new            (RapportContentOccurrence *occurrence,
                                                               gboolean                  show_time);
RapportContentOccurrence *rapport_content_chip_get_occurrence (RapportContentChip       *self);
const char               *rapport_content_chip_get_title      (RapportContentChip       *self);

G_END_DECLS
