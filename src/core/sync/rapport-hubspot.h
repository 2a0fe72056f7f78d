/* rapport-hubspot.h
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

#include "rapport-connector.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_HUBSPOT (rapport_hubspot_get_type ())

G_DECLARE_FINAL_TYPE (RapportHubspot, rapport_hubspot, RAPPORT, HUBSPOT, GObject)

/* HubSpot's documented burst limits for private apps, per 10 seconds. */
#define RAPPORT_HUBSPOT_RATE_LIMIT_STARTER 100
#define RAPPORT_HUBSPOT_RATE_LIMIT_PRO     190

/* The contact properties Rapport owns and pushes. */
extern const char * const rapport_hubspot_community_properties[];

G_END_DECLS
