/* rapport-test-radicale.h
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

#include <glib.h>

G_BEGIN_DECLS

/* A real Radicale CalDAV server on loopback, for tests: its own storage
 * and one user, stopped with the test program even when a test aborts.
 * Requests go through a session of the test's own, as another team
 * member's calendar app would send them. */
typedef struct _RapportTestRadicale RapportTestRadicale;

RapportTestRadicale *rapport_test_radicale_start      (const char           *program,
                                                       const char           *user,
                                                       const char           *password);
void                 rapport_test_radicale_stop       (RapportTestRadicale  *self);
void                 rapport_test_radicale_set_paused (RapportTestRadicale  *self,
                                                       gboolean              paused);
const char          *rapport_test_radicale_get_home   (RapportTestRadicale  *self);
guint                rapport_test_radicale_request    (RapportTestRadicale  *self,
                                                       const char           *method,
                                                       const char           *url,
                                                       const char           *body,
                                                       const char           *if_match,
                                                       char                **response,
                                                       char                **etag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportTestRadicale, rapport_test_radicale_stop)

G_END_DECLS
