/* rapport-member-timeline.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEMBER_TIMELINE (rapport_member_timeline_get_type ())

G_DECLARE_FINAL_TYPE (RapportMemberTimeline, rapport_member_timeline, RAPPORT, MEMBER_TIMELINE, GtkWidget)

RapportContext *rapport_member_timeline_get_context   (RapportMemberTimeline *self);
void            rapport_member_timeline_set_context   (RapportMemberTimeline *self,
                                                       RapportContext        *context);
gint64          rapport_member_timeline_get_member_id (RapportMemberTimeline *self);
void            rapport_member_timeline_set_member_id (RapportMemberTimeline *self,
                                                       gint64                 member_id);
void            rapport_member_timeline_refresh       (RapportMemberTimeline *self);
void            rapport_member_timeline_load_more     (RapportMemberTimeline *self);

G_END_DECLS
