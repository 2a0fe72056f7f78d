/* rapport-activity.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ACTIVITY (rapport_activity_get_type ())

G_DECLARE_FINAL_TYPE (RapportActivity, rapport_activity, RAPPORT, ACTIVITY, GObject)

RapportActivity *rapport_activity_new (gint64 id,
                                       gint64 member_id,
                                       const char *platform,
                                       const char *kind,
                                       gint64 occurred_at,
                                       const char *title,
                                       const char *url,
                                       const char *channel);
gint64 rapport_activity_get_id (RapportActivity *self);
gint64 rapport_activity_get_member_id (RapportActivity *self);
const char *rapport_activity_get_platform (RapportActivity *self);
const char *rapport_activity_get_kind (RapportActivity *self);
gint64 rapport_activity_get_occurred_at (RapportActivity *self);
const char *rapport_activity_get_title (RapportActivity *self);
const char *rapport_activity_get_url (RapportActivity *self);
const char *rapport_activity_get_channel (RapportActivity *self);

G_END_DECLS
