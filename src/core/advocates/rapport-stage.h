/* rapport-stage.h
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

#define RAPPORT_TYPE_STAGE (rapport_stage_get_type ())

G_DECLARE_FINAL_TYPE (RapportStage, rapport_stage, RAPPORT, STAGE, GObject)

gint64      rapport_stage_get_id           (RapportStage *self);
const char *rapport_stage_get_name         (RapportStage *self);
guint       rapport_stage_get_position     (RapportStage *self);
gint64      rapport_stage_get_member_count (RapportStage *self);
gboolean    rapport_stage_get_is_entry     (RapportStage *self);

G_END_DECLS
