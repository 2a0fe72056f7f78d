/* rapport-hubspot-pull.c
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

#define G_LOG_DOMAIN "rapport-hubspot"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-hubspot-private.h"
#include "rapport-util.h"

/* The HubSpot pull, how pages of contacts and companies are fetched: a
 * full listing, or a search for what changed since the last pass, which
 * pages past HubSpot's 10,000 results by starting again from the last
 * change seen; the companies of a page of contacts, embedded in a listing
 * or read in association batch reads (v4); and an answer checked and made
 * into a page. What a page writes into members and organizations is in
 * rapport-hubspot.c. */

/* Moving a contact to another company does not change its
 * lastmodifieddate, so incremental pulls miss it: every week a pull lists
 * all contacts (and companies) again. "<stream>.full-pull" keeps when that
 * last finished. */
#define FULL_PULL_SUFFIX ".full-pull"
#define FULL_PULL_EVERY (7 * 24 * 3600)

/* HubSpot: "The search endpoints are limited to 10,000 total results for
 * any given query. Attempting to page beyond 10,000 will result in a 400
 * error." */
#define MAX_SEARCH_RESULTS 10000

/* HubSpot's association type of a contact's primary company. */
#define PRIMARY_COMPANY_TYPE_ID 1
#define PRIMARY_COMPANY_TYPE "contact_to_company"

/* Checks one list/search answer: "results" an array of objects, each with a
 * string "id" (and a "properties" object when @need_properties), and an
 * optional string "paging.next.after". */
JsonArray *
_rapport_hubspot_parse_listing (JsonNode     *root,
                                gboolean      need_properties,
                                const char  **next_after,
                                GError      **error)
{
  JsonObject *object;
  JsonArray *results;

  object = rapport_json_require_object (root, _RAPPORT_HUBSPOT_SERVICE, _("response body"), error);
  if (object == NULL)
    return NULL;
  results = rapport_json_require_array (object, _RAPPORT_HUBSPOT_SERVICE, "results", error);
  if (results == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      g_autofree char *path = NULL;
      JsonObject *record;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          path = g_strdup_printf ("results[%u]", i);
          rapport_json_require_object (node, _RAPPORT_HUBSPOT_SERVICE, path, error);
          return NULL;
        }
      record = json_node_get_object (node);

      member = json_object_get_member (record, "id");
      if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          path = g_strdup_printf ("results[%u].id", i);
          rapport_json_require_string (record, _RAPPORT_HUBSPOT_SERVICE, path, error);
          return NULL;
        }

      member = json_object_get_member (record, "properties");
      if (need_properties && (member == NULL || !JSON_NODE_HOLDS_OBJECT (member)))
        {
          path = g_strdup_printf ("results[%u].properties", i);
          rapport_json_require_object (member, _RAPPORT_HUBSPOT_SERVICE, path, error);
          return NULL;
        }
    }

  if (!rapport_json_lookup_string (object, _RAPPORT_HUBSPOT_SERVICE, "paging.next.after",
                                   next_after, error))
    return NULL;

  return results;
}

static void
listing_free (RapportHubspotListing *listing)
{
  g_clear_pointer (&listing->root, json_node_unref);
  g_clear_pointer (&listing->companies, g_hash_table_unref);
  g_free (listing);
}

static gboolean
bad_field (GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

/* Names a field of the answer that is not what HubSpot documents. */
static gboolean
bad_field (GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_BAD_RESPONSE,
               _("%s response: “%s” is missing or of the wrong type"),
               _RAPPORT_HUBSPOT_SERVICE, path);
  return FALSE;
}

/* A contact listing asked with associations=companies carries each
 * contact's companies as "associations.companies.results", items of
 * {"id", "type"}; the primary company is the one of type
 * "contact_to_company". HubSpot leaves "associations" out of a contact
 * with none. */
static gboolean
collect_embedded_companies (JsonArray   *results,
                            GHashTable  *companies,
                            GError     **error)
{
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *record = json_array_get_object_element (results, i);
      JsonNode *node = json_object_get_member (record, "associations");
      JsonArray *items;
      const char *chosen = NULL;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_field (error, "results[%u].associations", i);
      node = json_object_get_member (json_node_get_object (node), "companies");
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_field (error, "results[%u].associations.companies", i);
      node = json_object_get_member (json_node_get_object (node), "results");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return bad_field (error, "results[%u].associations.companies.results", i);
      items = json_node_get_array (node);

      for (guint j = 0; j < json_array_get_length (items); j++)
        {
          JsonNode *item = json_array_get_element (items, j);
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (item) ||
              (id = rapport_json_get_optional_string (json_node_get_object (item), "id")) == NULL)
            return bad_field (error, "results[%u].associations.companies.results[%u].id", i, j);
          if (chosen == NULL ||
              g_strcmp0 (rapport_json_get_optional_string (json_node_get_object (item), "type"),
                         PRIMARY_COMPANY_TYPE) == 0)
            chosen = id;
        }

      if (chosen != NULL)
        g_hash_table_insert (companies,
                             g_strdup (json_object_get_string_member (record, "id")),
                             g_strdup (chosen));
    }

  return TRUE;
}

/* An id HubSpot's v4 API sends as a number (older answers) or a string. */
static char *
dup_object_id (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

/* Appends {"id": @id, "after": @after} to a batch read's inputs. */
static void
append_input (GString    *body,
              gboolean    first,
              const char *id,
              const char *after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) input = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  if (after != NULL)
    {
      json_builder_set_member_name (builder, "after");
      json_builder_add_string_value (builder, after);
    }
  json_builder_end_object (builder);
  input = json_builder_get_root (builder);
  text = json_to_string (input, FALSE);
  g_string_append_printf (body, "%s%s", first ? "" : ",", text);
}

/* The search endpoint returns no associations, so a page of changed
 * contacts asks for their companies in a batch read (v4). Contacts with no
 * company come back as errors of a 207 answer and are left out. A contact
 * with many companies gets them in pages; its primary company may be on a
 * later one, which is asked for in the next read. */
#define MAX_ASSOCIATION_ROUNDS 20

static gboolean
read_companies (RapportSyncRun         *run,
                RapportHubspotListing  *listing,
                GError                **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) afters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) primary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (listing->results); i++)
    {
      JsonObject *record = json_array_get_object_element (listing->results, i);

      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (record, "id")));
      g_ptr_array_add (afters, NULL);
    }

  for (guint round = 0; ids->len > 0 && round < MAX_ASSOCIATION_ROUNDS; round++)
    {
      g_autoptr(GString) body = g_string_new ("{\"inputs\":[");
      g_autoptr(GPtrArray) next_ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) next_afters = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonNode) root = NULL;
      JsonArray *results;

      for (guint i = 0; i < ids->len; i++)
        append_input (body, i == 0, g_ptr_array_index (ids, i), g_ptr_array_index (afters, i));
      g_string_append (body, "]}");

      results = _rapport_hubspot_request_results (run, "POST",
                                                  "/crm/v4/associations/contacts/companies/batch/read",
                                                  body->str, &root, error);
      if (results == NULL)
        return FALSE;

      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonNode *node = json_array_get_element (results, i);
          JsonObject *result;
          JsonObject *from;
          JsonArray *to;
          const char *next_after = NULL;
          g_autofree char *contact_id = NULL;
          g_autofree char *first = NULL;
          g_autofree char *chosen = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return bad_field (error, "results[%u]", i);
          result = json_node_get_object (node);
          node = json_object_get_member (result, "from");
          if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
            return bad_field (error, "results[%u].from", i);
          from = json_node_get_object (node);
          contact_id = dup_object_id (json_object_get_member (from, "id"));
          if (contact_id == NULL)
            return bad_field (error, "results[%u].from.id", i);
          node = json_object_get_member (result, "to");
          if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
            return bad_field (error, "results[%u].to", i);
          to = json_node_get_array (node);
          if (!rapport_json_lookup_string (result, _RAPPORT_HUBSPOT_SERVICE, "paging.next.after",
                                           &next_after, error))
            return FALSE;

          for (guint j = 0; j < json_array_get_length (to) && chosen == NULL; j++)
            {
              JsonNode *item = json_array_get_element (to, j);
              JsonNode *types;
              g_autofree char *company_id = NULL;

              if (!JSON_NODE_HOLDS_OBJECT (item) ||
                  (company_id = dup_object_id (json_object_get_member (json_node_get_object (item),
                                                                       "toObjectId"))) == NULL)
                return bad_field (error, "results[%u].to[%u].toObjectId", i, j);

              types = json_object_get_member (json_node_get_object (item), "associationTypes");
              if (types != NULL && JSON_NODE_HOLDS_ARRAY (types))
                {
                  JsonArray *list = json_node_get_array (types);

                  for (guint k = 0; k < json_array_get_length (list); k++)
                    {
                      JsonNode *type = json_array_get_element (list, k);

                      if (JSON_NODE_HOLDS_OBJECT (type) &&
                          json_object_get_int_member_with_default (json_node_get_object (type), "typeId", 0)
                          == PRIMARY_COMPANY_TYPE_ID)
                        chosen = g_strdup (company_id);
                    }
                }
              if (first == NULL)
                first = g_steal_pointer (&company_id);
            }

          if (chosen != NULL)
            {
              g_hash_table_insert (listing->companies, g_strdup (contact_id), g_steal_pointer (&chosen));
              g_hash_table_add (primary, g_steal_pointer (&contact_id));
              continue;
            }

          /* No primary on this page: the first company stands in until a
           * later page names the primary one. */
          if (first != NULL && !g_hash_table_contains (listing->companies, contact_id))
            g_hash_table_insert (listing->companies, g_strdup (contact_id), g_steal_pointer (&first));
          if (next_after != NULL && !g_hash_table_contains (primary, contact_id))
            {
              g_ptr_array_add (next_ids, g_steal_pointer (&contact_id));
              g_ptr_array_add (next_afters, g_strdup (next_after));
            }
        }

      g_ptr_array_unref (ids);
      g_ptr_array_unref (afters);
      ids = g_steal_pointer (&next_ids);
      afters = g_steal_pointer (&next_afters);
    }

  return TRUE;
}

/* Turns a listing's answer into a page; takes @answer. @run is needed
 * only for RAPPORT_HUBSPOT_COMPANIES_BATCH_READ. */
RapportSyncPage *
_rapport_hubspot_listing_page_new (RapportSyncRun           *run,
                                   JsonNode                 *answer,
                                   gboolean                  need_properties,
                                   RapportHubspotCompanies   companies_from,
                                   GError                  **error)
{
  g_autoptr(JsonNode) root = answer;
  g_autoptr(GHashTable) companies = NULL;
  const char *next_after = NULL;
  JsonArray *results;
  RapportHubspotListing *listing;

  g_assert (run != NULL || companies_from != RAPPORT_HUBSPOT_COMPANIES_BATCH_READ);

  results = _rapport_hubspot_parse_listing (root, need_properties, &next_after, error);
  if (results == NULL)
    return NULL;

  if (companies_from != RAPPORT_HUBSPOT_COMPANIES_NONE)
    companies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (companies_from == RAPPORT_HUBSPOT_COMPANIES_EMBEDDED &&
      !collect_embedded_companies (results, companies, error))
    return NULL;

  listing = g_new0 (RapportHubspotListing, 1);
  listing->results = results;
  listing->root = g_steal_pointer (&root);
  listing->companies = g_steal_pointer (&companies);

  if (companies_from == RAPPORT_HUBSPOT_COMPANIES_BATCH_READ && !read_companies (run, listing, error))
    {
      listing_free (listing);
      return NULL;
    }

  return rapport_sync_page_new (json_array_get_length (results), next_after,
                                listing, (GDestroyNotify) listing_free);
}

RapportSyncPage *
_rapport_hubspot_fetch_listing (RapportSyncRun           *run,
                                const char               *method,
                                const char               *path,
                                const char               *query,
                                const char               *body,
                                gboolean                  need_properties,
                                RapportHubspotCompanies   companies_from,
                                GError                  **error)
{
  JsonNode *root;

  root = rapport_http_request_json (run->http, method, path, query, body, NULL,
                                    run->cancellable, error);
  if (root == NULL)
    return NULL;

  return _rapport_hubspot_listing_page_new (run, root, need_properties, companies_from, error);
}

char *
_rapport_hubspot_listing_query (const char *properties,
                                const char *extra,
                                const char *after)
{
  g_autoptr(GString) query = g_string_new (NULL);

  g_string_append_printf (query, "limit=%d", _RAPPORT_HUBSPOT_PAGE_SIZE);
  if (properties != NULL)
    {
      g_string_append (query, "&properties=");
      g_string_append_uri_escaped (query, properties, ",", FALSE);
    }
  if (extra != NULL)
    g_string_append_printf (query, "&%s", extra);
  if (after != NULL)
    {
      g_string_append (query, "&after=");
      g_string_append_uri_escaped (query, after, NULL, FALSE);
    }

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Records whose @modified_property is @since (Unix ms) or later, through
 * the search endpoint, with @wanted properties. */
static char *
search_body (const char *modified_property,
             const char *wanted,
             gint64      since,
             const char *after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) properties = g_strsplit (wanted, ",", -1);
  g_autofree char *since_text = g_strdup_printf ("%" G_GINT64_FORMAT, since);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "filterGroups");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "filters");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "propertyName");
  json_builder_add_string_value (builder, modified_property);
  json_builder_set_member_name (builder, "operator");
  json_builder_add_string_value (builder, "GTE");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, since_text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sorts");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "propertyName");
  json_builder_add_string_value (builder, modified_property);
  json_builder_set_member_name (builder, "direction");
  json_builder_add_string_value (builder, "ASCENDING");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_array (builder);
  for (guint i = 0; properties[i] != NULL; i++)
    json_builder_add_string_value (builder, properties[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, _RAPPORT_HUBSPOT_PAGE_SIZE);
  if (after != NULL)
    {
      json_builder_set_member_name (builder, "after");
      json_builder_add_string_value (builder, after);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Whether @stream searches for changes since the last pass, or lists
 * everything: the first time, and once a week. */
gboolean
_rapport_hubspot_use_search (RapportSyncRun  *run,
                             const char      *stream,
                             gint64           since,
                             gboolean        *search,
                             GError         **error)
{
  g_autofree char *key = g_strconcat (stream, FULL_PULL_SUFFIX, NULL);
  g_autofree char *last = NULL;
  GError *local_error = NULL;

  last = rapport_sync_run_get_state (run, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *search = since > 0 && last != NULL &&
            rapport_now_unix () - g_ascii_strtoll (last, NULL, 10) < FULL_PULL_EVERY;
  return TRUE;
}

/* A datetime property as HubSpot sends it (ISO 8601, or Unix ms), in Unix
 * ms; 0 when it is neither. */
static gint64
parse_ms (const char *text)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 ms;

  if (text == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &ms, NULL))
    return (gint64) ms;
  when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    return 0;

  return g_date_time_to_unix (when) * 1000 + g_date_time_get_microsecond (when) / 1000;
}

/* Records changed since @since through a search endpoint, oldest change
 * first. A search answers at most 10,000 results, so before paging past
 * them the search starts again from the last change seen; the cursor is
 * "WINDOW/AFTER", the window's start in Unix ms and HubSpot's paging token
 * in it. Records changed in that very millisecond come again, and applying
 * them twice changes nothing. */
RapportSyncPage *
_rapport_hubspot_fetch_search (RapportSyncRun           *run,
                               const char               *path,
                               const char               *modified_property,
                               const char               *properties,
                               gint64                    since,
                               const char               *cursor,
                               RapportHubspotCompanies   companies_from,
                               GError                  **error)
{
  g_autofree char *body = NULL;
  g_autofree char *after = NULL;
  RapportSyncPage *page;
  RapportHubspotListing *listing;
  gint64 window = since;
  guint64 next;

  if (cursor != NULL && strchr (cursor, '/') != NULL)
    {
      window = g_ascii_strtoll (cursor, NULL, 10);
      after = g_strdup (strchr (cursor, '/') + 1);
      if (after[0] == '\0')
        g_clear_pointer (&after, g_free);
    }
  else
    after = g_strdup (cursor);

  body = search_body (modified_property, properties, window, after);
  page = _rapport_hubspot_fetch_listing (run, "POST", path, NULL, body, TRUE, companies_from, error);
  if (page == NULL || page->next_cursor == NULL)
    return page;

  listing = page->data;
  if (json_array_get_length (listing->results) == 0)
    {
      g_clear_pointer (&page->next_cursor, g_free);
      return page;
    }
  next = g_ascii_strtoull (page->next_cursor, NULL, 10);
  g_free (page->next_cursor);
  if (next + _RAPPORT_HUBSPOT_PAGE_SIZE <= MAX_SEARCH_RESULTS)
    {
      page->next_cursor = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GUINT64_FORMAT, window, next);
    }
  else
    {
      guint n = json_array_get_length (listing->results);
      JsonObject *last = json_array_get_object_element (listing->results, n - 1);
      gint64 last_ms = parse_ms (rapport_json_get_optional_string (json_object_get_object_member (last, "properties"),
                                                                   modified_property));

      if (last_ms > window)
        page->next_cursor = g_strdup_printf ("%" G_GINT64_FORMAT "/", last_ms);
      else
        {
          /* Ten thousand changes in one millisecond: no window can split
           * them. This pass ends, and the next lists everything. */
          g_warning ("%s: more than %d records changed in one millisecond; the next sync lists all of them",
                     path, MAX_SEARCH_RESULTS);
          page->next_cursor = NULL;
          listing->needs_full = TRUE;
        }
    }

  return page;
}

/* At the end of a pass: a full list is remembered, and a search that could
 * not page on forgets the last one, so the next pass lists everything. */
gboolean
_rapport_hubspot_note_full_pull (RapportSyncRun   *run,
                                 const char       *stream,
                                 RapportSyncPage  *page,
                                 GError          **error)
{
  RapportHubspotListing *listing = page->data;
  g_autofree char *key = g_strconcat (stream, FULL_PULL_SUFFIX, NULL);
  g_autofree char *now = NULL;

  if (page->next_cursor != NULL)
    return TRUE;
  if (listing->needs_full)
    return rapport_sync_run_set_state (run, key, NULL, error);
  if (!listing->full)
    return TRUE;

  now = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_now_unix ());
  return rapport_sync_run_set_state (run, key, now, error);
}
