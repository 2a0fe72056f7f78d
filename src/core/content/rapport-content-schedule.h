/* rapport-content-schedule.h
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

#include "rapport-content-item.h"
#include "rapport-content-occurrence.h"
#include "rapport-store.h"

G_BEGIN_DECLS

int       rapport_content_days_between     (GDateTime                 *from,
                                            GDateTime                 *to);
char     *rapport_content_local_tzid       (void);
gboolean  rapport_content_move_occurrence  (RapportStore              *store,
                                            RapportContentOccurrence  *occurrence,
                                            GDateTime                 *day,
                                            gboolean                   whole_series,
                                            gint64                    *journal_id,
                                            GError                   **error);
gboolean  rapport_content_schedule         (RapportStore              *store,
                                            gint64                     item_id,
                                            GDateTime                 *day,
                                            gint64                    *journal_id,
                                            GError                   **error);

G_END_DECLS
