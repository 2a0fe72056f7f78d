/* rapport-content-range.h
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

#include "rapport-content-occurrence.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTENT_RANGE (rapport_content_range_get_type ())

G_DECLARE_FINAL_TYPE (RapportContentRange, rapport_content_range, RAPPORT, CONTENT_RANGE, GObject)

RapportContentRange *rapport_content_range_new       (RapportStore        *store,
                                                      GDateTime           *start,
                                                      GDateTime           *end);
void                 rapport_content_range_set_range (RapportContentRange *self,
                                                      GDateTime           *start,
                                                      GDateTime           *end);
GDateTime           *rapport_content_range_get_start (RapportContentRange *self);
GDateTime           *rapport_content_range_get_end   (RapportContentRange *self);
RapportStore        *rapport_content_range_get_store (RapportContentRange *self);

G_END_DECLS
