/* rapport-stage-change.h
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

#define RAPPORT_TYPE_STAGE_CHANGE (rapport_stage_change_get_type ())

G_DECLARE_FINAL_TYPE (RapportStageChange, rapport_stage_change, RAPPORT, STAGE_CHANGE, GObject)

gint64      rapport_stage_change_get_id            (RapportStageChange *self);
gint64      rapport_stage_change_get_member_id     (RapportStageChange *self);
gint64      rapport_stage_change_get_from_stage_id (RapportStageChange *self);
const char *rapport_stage_change_get_from_stage    (RapportStageChange *self);
gint64      rapport_stage_change_get_to_stage_id   (RapportStageChange *self);
const char *rapport_stage_change_get_to_stage      (RapportStageChange *self);
gint64      rapport_stage_change_get_changed_at    (RapportStageChange *self);
const char *rapport_stage_change_get_reason        (RapportStageChange *self);

G_END_DECLS
