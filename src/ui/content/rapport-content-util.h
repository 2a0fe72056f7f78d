/* rapport-content-util.h
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
#include "rapport-content-schedule.h"
#include "rapport-store.h"

G_BEGIN_DECLS

const char         *rapport_content_channel_color          (const char                *channel);
void                rapport_content_add_channel_class      (GtkWidget                 *widget,
                                                            RapportContentItem        *item);
const char         *rapport_content_status_icon_name       (RapportContentStatus       status);
int                 rapport_content_first_weekday          (void);
GDateTime          *rapport_content_local_day              (int                        year,
                                                            int                        month,
                                                            int                        day);

G_END_DECLS
