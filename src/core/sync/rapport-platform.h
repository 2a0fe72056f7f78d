/* rapport-platform.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PLATFORM (rapport_platform_get_type ())

GType                          rapport_platform_get_type            (void) G_GNUC_CONST;

const RapportPlatform * const *rapport_platforms_get_all            (void);
const RapportPlatform         *rapport_platform_lookup              (const char            *id);
const RapportPlatform         *rapport_platform_lookup_by_name      (const char            *name);

const char                    *rapport_platform_get_id              (const RapportPlatform *self);
const char                    *rapport_platform_get_display_name    (const RapportPlatform *self);
const char                    *rapport_platform_get_icon_name       (const RapportPlatform *self);
const char                    *rapport_platform_get_profile_pattern (const RapportPlatform *self);
gboolean                       rapport_platform_has_connector       (const RapportPlatform *self);
gboolean                       rapport_platform_is_offered          (const RapportPlatform *self);
gboolean                       rapport_platform_is_csv_column       (const RapportPlatform *self);
guint                          rapport_platform_get_rate_limit      (const RapportPlatform *self);
char                          *rapport_platform_dup_profile_url     (const RapportPlatform *self,
                                                                     const char            *handle);

G_END_DECLS
