/* rapport-events-private.h
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

#include "rapport-events.h"

G_BEGIN_DECLS

/* What the importers share with the rules in rapport-events.c. Callers hold
 * a transaction. */

gint64   _rapport_events_ensure_member (RapportStore  *store,
                                        const char    *name,
                                        const char    *email,
                                        const char    *organization,
                                        const char    *platform,
                                        const char    *external_id,
                                        GError       **error);
gboolean _rapport_events_import_rsvp   (RapportStore  *store,
                                        gint64         event_id,
                                        gint64         member_id,
                                        const char    *status,
                                        int            party_size,
                                        const char    *source,
                                        const char    *external_id,
                                        const char    *answers,
                                        gint64         responded_at,
                                        gint64         checked_in_at,
                                        gboolean      *changed,
                                        GError       **error);
char    *_rapport_events_last_name_key (const char    *name);

G_END_DECLS
