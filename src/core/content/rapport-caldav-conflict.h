/* rapport-caldav-conflict.h
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

#include <glib-object.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALDAV_CONFLICT (rapport_caldav_conflict_get_type ())

G_DECLARE_FINAL_TYPE (RapportCaldavConflict, rapport_caldav_conflict, RAPPORT, CALDAV_CONFLICT, GObject)

RapportCaldavConflict *rapport_caldav_conflict_new                (const char            *uid,
                                                                   const char            *local_title,
                                                                   const char            *remote_title,
                                                                   gboolean               local_deleted,
                                                                   gboolean               remote_deleted);
const char            *rapport_caldav_conflict_get_uid            (RapportCaldavConflict *self);
const char            *rapport_caldav_conflict_get_local_title    (RapportCaldavConflict *self);
const char            *rapport_caldav_conflict_get_remote_title   (RapportCaldavConflict *self);
gboolean               rapport_caldav_conflict_get_local_deleted  (RapportCaldavConflict *self);
gboolean               rapport_caldav_conflict_get_remote_deleted (RapportCaldavConflict *self);

G_END_DECLS
