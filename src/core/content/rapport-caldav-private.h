/* rapport-caldav-private.h
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

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Shared by rapport-caldav.c and rapport-caldav-async.c. */
gboolean _rapport_caldav_connect_account    (RapportStore  *store,
                                             const char    *url,
                                             const char    *username,
                                             const char    *password,
                                             gboolean      *moved,
                                             GCancellable  *cancellable,
                                             GError       **error);
void     _rapport_caldav_announce_connected (RapportStore  *store,
                                             gboolean       moved);

G_END_DECLS
