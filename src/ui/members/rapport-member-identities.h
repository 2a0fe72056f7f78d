/* rapport-member-identities.h
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

#define RAPPORT_TYPE_MEMBER_IDENTITIES (rapport_member_identities_get_type ())

G_DECLARE_FINAL_TYPE (RapportMemberIdentities, rapport_member_identities, RAPPORT, MEMBER_IDENTITIES, GtkWidget)

RapportContext *rapport_member_identities_get_context   (RapportMemberIdentities *self);
void            rapport_member_identities_set_context   (RapportMemberIdentities *self,
                                                         RapportContext          *context);
gint64          rapport_member_identities_get_member_id (RapportMemberIdentities *self);
void            rapport_member_identities_set_member_id (RapportMemberIdentities *self,
                                                         gint64                   member_id);
void            rapport_member_identities_refresh       (RapportMemberIdentities *self);

G_END_DECLS
