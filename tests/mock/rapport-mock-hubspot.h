/* rapport-mock-hubspot.h
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

/* A local HubSpot CRM v3 that answers as HubSpot documents it, running on
 * 127.0.0.1 with a random port in a thread of its own. Every function may
 * be called from any thread. */
typedef struct _RapportMockHubspot RapportMockHubspot;

RapportMockHubspot *rapport_mock_hubspot_new                  (const char          *token,
                                                               guint                n_contacts,
                                                               guint                n_companies);
void                rapport_mock_hubspot_free                 (RapportMockHubspot  *self);
const char         *rapport_mock_hubspot_get_url              (RapportMockHubspot  *self);

void                rapport_mock_hubspot_set_rate_limit       (RapportMockHubspot  *self,
                                                               guint                max_requests,
                                                               guint                window_ms,
                                                               guint                retry_after_seconds);
void                rapport_mock_hubspot_fail_next            (RapportMockHubspot  *self,
                                                               guint                status,
                                                               guint                count);
void                rapport_mock_hubspot_truncate_next        (RapportMockHubspot  *self,
                                                               guint                count);
void                rapport_mock_hubspot_set_delay            (RapportMockHubspot  *self,
                                                               guint                delay_ms);
void                rapport_mock_hubspot_touch_contact        (RapportMockHubspot  *self,
                                                               guint                index,
                                                               const char          *property,
                                                               const char          *value);
void                rapport_mock_hubspot_touch_all            (RapportMockHubspot  *self,
                                                               const char          *property,
                                                               const char          *value);
void                rapport_mock_hubspot_archive_contact      (RapportMockHubspot  *self,
                                                               guint                index);
void                rapport_mock_hubspot_rename_company       (RapportMockHubspot  *self,
                                                               guint                index,
                                                               const char          *name);
void                rapport_mock_hubspot_add_company          (RapportMockHubspot  *self,
                                                               guint                index,
                                                               guint                company_index);
void                rapport_mock_hubspot_set_association_page_size (RapportMockHubspot *self,
                                                                    guint               page_size);
void                rapport_mock_hubspot_move_contact         (RapportMockHubspot  *self,
                                                               guint                index,
                                                               guint                company_index);
char               *rapport_mock_hubspot_dup_contact_property (RapportMockHubspot  *self,
                                                               const char          *email,
                                                               const char          *property);
guint               rapport_mock_hubspot_get_n_contacts       (RapportMockHubspot  *self);
guint               rapport_mock_hubspot_count_requests       (RapportMockHubspot  *self,
                                                               const char          *prefix);
GPtrArray          *rapport_mock_hubspot_dup_requests         (RapportMockHubspot  *self);
guint               rapport_mock_hubspot_get_owned_fields_pushed (RapportMockHubspot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportMockHubspot, rapport_mock_hubspot_free)

G_END_DECLS
