/* rapport-hubspot-private.h
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

#include <json-glib/json-glib.h>

#include "rapport-hubspot.h"
#include "rapport-store-private.h"

G_BEGIN_DECLS

/* Shared by rapport-hubspot.c, rapport-hubspot-pull.c and
 * rapport-hubspot-push.c. */

/* The service's name in messages. */
#define _RAPPORT_HUBSPOT_SERVICE "HubSpot"
/* Records asked for per page, listing, searching or pushing. */
#define _RAPPORT_HUBSPOT_PAGE_SIZE 100

/* A fetched listing: the parsed answer owns the records. For contacts,
 * @companies maps a contact's id to its primary company's id. */
typedef struct
{
  JsonNode   *root;
  JsonArray  *results;
  GHashTable *companies;
  gboolean    full;
  gboolean    needs_full;
} RapportHubspotListing;

/* Where a page of contacts finds each contact's company. */
typedef enum
{
  RAPPORT_HUBSPOT_COMPANIES_NONE,
  RAPPORT_HUBSPOT_COMPANIES_EMBEDDED,
  RAPPORT_HUBSPOT_COMPANIES_BATCH_READ,
} RapportHubspotCompanies;

RapportSyncPage  *_rapport_hubspot_parse_page       (const char               *stream,
                                                     JsonNode                 *answer,
                                                     GError                  **error);

/* rapport-hubspot.c */
JsonArray        *_rapport_hubspot_request_results  (RapportSyncRun           *run,
                                                     const char               *method,
                                                     const char               *path,
                                                     const char               *body,
                                                     JsonNode                **root,
                                                     GError                  **error);
gboolean          _rapport_hubspot_step_done        (RapportStore             *store,
                                                     RapportStatement         *stmt,
                                                     GError                  **error);
RapportStatement *_rapport_hubspot_prepare_push     (RapportSyncRun           *run,
                                                     gint64                    after,
                                                     GError                  **error);

/* rapport-hubspot-pull.c */
JsonArray        *_rapport_hubspot_parse_listing    (JsonNode                 *root,
                                                     gboolean                  need_properties,
                                                     const char              **next_after,
                                                     GError                  **error);
RapportSyncPage  *_rapport_hubspot_listing_page_new (RapportSyncRun           *run,
                                                     JsonNode                 *answer,
                                                     gboolean                  need_properties,
                                                     RapportHubspotCompanies   companies_from,
                                                     GError                  **error);
RapportSyncPage  *_rapport_hubspot_fetch_listing    (RapportSyncRun           *run,
                                                     const char               *method,
                                                     const char               *path,
                                                     const char               *query,
                                                     const char               *body,
                                                     gboolean                  need_properties,
                                                     RapportHubspotCompanies   companies_from,
                                                     GError                  **error);
char             *_rapport_hubspot_listing_query    (const char               *properties,
                                                     const char               *extra,
                                                     const char               *after);
gboolean          _rapport_hubspot_use_search       (RapportSyncRun           *run,
                                                     const char               *stream,
                                                     gint64                    since,
                                                     gboolean                 *search,
                                                     GError                  **error);
RapportSyncPage  *_rapport_hubspot_fetch_search     (RapportSyncRun           *run,
                                                     const char               *path,
                                                     const char               *modified_property,
                                                     const char               *properties,
                                                     gint64                    since,
                                                     const char               *cursor,
                                                     RapportHubspotCompanies   companies_from,
                                                     GError                  **error);
gboolean          _rapport_hubspot_note_full_pull   (RapportSyncRun           *run,
                                                     const char               *stream,
                                                     RapportSyncPage          *page,
                                                     GError                  **error);

/* rapport-hubspot-push.c */
RapportSyncPage  *_rapport_hubspot_fetch_push       (RapportSyncRun           *run,
                                                     const char               *cursor,
                                                     GError                  **error);
gboolean          _rapport_hubspot_apply_push       (RapportSyncRun           *run,
                                                     RapportSyncPage          *page,
                                                     GError                  **error);

G_END_DECLS
