/* rapport-identity.h
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

#define RAPPORT_TYPE_IDENTITY (rapport_identity_get_type ())

G_DECLARE_FINAL_TYPE (RapportIdentity, rapport_identity, RAPPORT, IDENTITY, GObject)

RapportIdentity *rapport_identity_new (gint64 id,
                                       gint64 member_id,
                                       const char *platform,
                                       const char *external_id,
                                       const char *handle,
                                       const char *url,
                                       const char *email);
gint64 rapport_identity_get_id (RapportIdentity *self);
gint64 rapport_identity_get_member_id (RapportIdentity *self);
const char *rapport_identity_get_platform (RapportIdentity *self);
const char *rapport_identity_get_external_id (RapportIdentity *self);
const char *rapport_identity_get_handle (RapportIdentity *self);
const char *rapport_identity_get_url (RapportIdentity *self);
const char *rapport_identity_get_email (RapportIdentity *self);

G_END_DECLS
