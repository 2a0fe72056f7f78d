/* rapport-clock.h
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

#define RAPPORT_TYPE_CLOCK (rapport_clock_get_type ())

G_DECLARE_FINAL_TYPE (RapportClock, rapport_clock, RAPPORT, CLOCK, GObject)

RapportClock *rapport_clock_get_default    (void);
RapportClock *rapport_clock_new            (void);
gint64        rapport_clock_get_unix       (RapportClock  *self);
GDateTime    *rapport_clock_dup_local      (RapportClock  *self);
GDateTime    *rapport_clock_dup_utc        (RapportClock  *self);
gboolean      rapport_clock_is_fixed       (RapportClock  *self);
void          rapport_clock_set_fixed      (RapportClock  *self,
                                            gint64         unix_time);
gboolean      rapport_clock_set_fixed_iso8601 (RapportClock  *self,
                                            const char    *text,
                                            GError       **error);
void          rapport_clock_advance        (RapportClock  *self,
                                            gint64         seconds);
void          rapport_clock_follow_system  (RapportClock  *self);

gint64        rapport_now_unix             (void);
GDateTime    *rapport_now_local            (void);
GDateTime    *rapport_now_utc              (void);

G_END_DECLS
