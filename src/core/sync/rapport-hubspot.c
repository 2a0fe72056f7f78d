/* rapport-hubspot.c
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
#include "rapport-store-private.h"
#include "rapport-util.h"

/* HubSpot CRM v3. HubSpot owns name, email, company, job title, phone and
 * lifecycle stage: a pull writes them, a push never sends them. Rapport
 * owns the community properties: a push writes them, a pull never reads
 * them into the member. */

#define SERVICE "HubSpot"
#define PLATFORM "hubspot"
#define PAGE_SIZE 100

#define STREAM_CONTACTS "contacts"
#define STREAM_ARCHIVED "contacts-archived"
#define STREAM_COMPANIES "companies"
#define STREAM_PUSH "contacts-push"

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

static const char contact_properties[] =
  "firstname,lastname,email,company,jobtitle,phone,lifecyclestage,lastmodifieddate";
static const char company_properties[] = "name,domain,hs_lastmodifieddate";

/* HubSpot's association type of a contact's primary company. */
#define PRIMARY_COMPANY_TYPE_ID 1
#define PRIMARY_COMPANY_TYPE "contact_to_company"

const char * const rapport_hubspot_community_properties[] = {
  "rapport_stage",
  "rapport_engagement_score",
  "rapport_last_activity",
  "rapport_activity_count",
  "rapport_link",
  NULL
};

/* How each community property is created: label, type, field type. */
static const struct {
  const char *name;
  const char *label;
  const char *type;
  const char *field_type;
} property_definitions[] = {
  { "rapport_stage", N_("Community stage"), "string", "text" },
  { "rapport_engagement_score", N_("Community engagement score"), "number", "number" },
  { "rapport_last_activity", N_("Last community activity"), "datetime", "date" },
  { "rapport_activity_count", N_("Community activities"), "number", "number" },
  { "rapport_link", N_("Rapport link"), "string", "text" },
};

struct _RapportHubspot
{
  GObject parent_instance;
};

static void rapport_hubspot_connector_init (RapportConnectorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportHubspot, rapport_hubspot, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (RAPPORT_TYPE_CONNECTOR,
                                                      rapport_hubspot_connector_init))

static void
rapport_hubspot_class_init (RapportHubspotClass *klass)
{
}

static void
rapport_hubspot_init (RapportHubspot *self)
{
}

static const char *
rapport_hubspot_get_id (RapportConnector *connector)
{
  return PLATFORM;
}

static const char *
rapport_hubspot_get_display_name (RapportConnector *connector)
{
  return SERVICE;
}

static const char *
rapport_hubspot_get_icon_name (RapportConnector *connector)
{
  return "contact-new-symbolic";
}

static RapportConnectorNeeds
rapport_hubspot_get_needs (RapportConnector *connector)
{
  return RAPPORT_CONNECTOR_NEEDS_TOKEN;
}

static const char *
rapport_hubspot_get_default_base_url (RapportConnector *connector)
{
  return "https://api.hubapi.com";
}

static guint
rapport_hubspot_get_default_rate_limit (RapportConnector *connector)
{
  return RAPPORT_HUBSPOT_RATE_LIMIT_STARTER;
}

static guint
rapport_hubspot_get_rate_window (RapportConnector *connector)
{
  return 10;
}

static const char * const *
rapport_hubspot_get_streams (RapportConnector     *connector,
                             RapportSyncDirection  direction)
{
  /* Companies before contacts, so a contact's company association finds
   * its organization. Associations are read from the contact's side: a
   * page of contacts names few companies, while one company can have
   * thousands of contacts, which a page of companies would carry. */
  static const char * const pull[] = { STREAM_COMPANIES, STREAM_CONTACTS, STREAM_ARCHIVED, NULL };
  static const char * const push[] = { STREAM_PUSH, NULL };

  return direction == RAPPORT_SYNC_PUSH ? push : pull;
}

static const char *
rapport_hubspot_describe_stream (RapportConnector *connector,
                                 const char       *stream)
{
  if (g_str_equal (stream, STREAM_COMPANIES))
    return _("Receiving companies");
  if (g_str_equal (stream, STREAM_CONTACTS))
    return _("Receiving contacts");
  if (g_str_equal (stream, STREAM_ARCHIVED))
    return _("Checking for archived contacts");
  if (g_str_equal (stream, STREAM_PUSH))
    return _("Sending members");

  return stream;
}

/* Checks one list/search answer: "results" an array of objects, each with a
 * string "id" (and a "properties" object when @need_properties), and an
 * optional string "paging.next.after". */
static JsonArray *
parse_listing (JsonNode     *root,
               gboolean      need_properties,
               const char  **next_after,
               GError      **error)
{
  JsonObject *object;
  JsonArray *results;

  object = rapport_json_require_object (root, SERVICE, _("response body"), error);
  if (object == NULL)
    return NULL;
  results = rapport_json_require_array (object, SERVICE, "results", error);
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
          rapport_json_require_object (node, SERVICE, path, error);
          return NULL;
        }
      record = json_node_get_object (node);

      member = json_object_get_member (record, "id");
      if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          path = g_strdup_printf ("results[%u].id", i);
          rapport_json_require_string (record, SERVICE, path, error);
          return NULL;
        }

      member = json_object_get_member (record, "properties");
      if (need_properties && (member == NULL || !JSON_NODE_HOLDS_OBJECT (member)))
        {
          path = g_strdup_printf ("results[%u].properties", i);
          rapport_json_require_object (member, SERVICE, path, error);
          return NULL;
        }
    }

  if (!rapport_json_lookup_string (object, SERVICE, "paging.next.after", next_after, error))
    return NULL;

  return results;
}

/* A fetched listing: the parsed answer owns the records. For contacts,
 * @companies maps a contact's id to its primary company's id. */
typedef struct
{
  JsonNode   *root;
  JsonArray  *results;
  GHashTable *companies;
  gboolean    full;
  gboolean    needs_full;
} Listing;

static void
listing_free (Listing *listing)
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
               _("%s response: “%s” is missing or of the wrong type"), SERVICE, path);
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

/* Sends a request whose answer is an object with a "results" array, and
 * returns that array; @root receives the answer, which owns it. */
static JsonArray *
request_results (RapportSyncRun  *run,
                 const char      *method,
                 const char      *path,
                 const char      *body,
                 JsonNode       **root,
                 GError         **error)
{
  JsonObject *answer;

  *root = rapport_http_request_json (run->http, method, path, NULL, body, NULL, run->cancellable, error);
  if (*root == NULL)
    return NULL;
  answer = rapport_json_require_object (*root, SERVICE, _("response body"), error);
  if (answer == NULL)
    return NULL;

  return rapport_json_require_array (answer, SERVICE, "results", error);
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
read_companies (RapportSyncRun  *run,
                Listing         *listing,
                GError         **error)
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

      results = request_results (run, "POST", "/crm/v4/associations/contacts/companies/batch/read",
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
          if (!rapport_json_lookup_string (result, SERVICE, "paging.next.after", &next_after, error))
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

typedef enum
{
  COMPANIES_NONE,
  COMPANIES_EMBEDDED,
  COMPANIES_BATCH_READ,
} CompaniesFrom;

/* Turns a listing's answer into a page; takes @answer. @run is needed
 * only for COMPANIES_BATCH_READ. */
static RapportSyncPage *
listing_page_new (RapportSyncRun  *run,
                  JsonNode        *answer,
                  gboolean         need_properties,
                  CompaniesFrom    companies_from,
                  GError         **error)
{
  g_autoptr(JsonNode) root = answer;
  g_autoptr(GHashTable) companies = NULL;
  const char *next_after = NULL;
  JsonArray *results;
  Listing *listing;

  g_assert (run != NULL || companies_from != COMPANIES_BATCH_READ);

  results = parse_listing (root, need_properties, &next_after, error);
  if (results == NULL)
    return NULL;

  if (companies_from != COMPANIES_NONE)
    companies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (companies_from == COMPANIES_EMBEDDED &&
      !collect_embedded_companies (results, companies, error))
    return NULL;

  listing = g_new0 (Listing, 1);
  listing->results = results;
  listing->root = g_steal_pointer (&root);
  listing->companies = g_steal_pointer (&companies);

  if (companies_from == COMPANIES_BATCH_READ && !read_companies (run, listing, error))
    {
      listing_free (listing);
      return NULL;
    }

  return rapport_sync_page_new (json_array_get_length (results), next_after,
                                listing, (GDestroyNotify) listing_free);
}

static RapportSyncPage *
fetch_listing (RapportSyncRun  *run,
               const char      *method,
               const char      *path,
               const char      *query,
               const char      *body,
               gboolean         need_properties,
               CompaniesFrom    companies_from,
               GError         **error)
{
  JsonNode *root;

  root = rapport_http_request_json (run->http, method, path, query, body, NULL,
                                    run->cancellable, error);
  if (root == NULL)
    return NULL;

  return listing_page_new (run, root, need_properties, companies_from, error);
}

static char *
listing_query (const char *properties,
               const char *extra,
               const char *after)
{
  g_autoptr(GString) query = g_string_new (NULL);

  g_string_append_printf (query, "limit=%d", PAGE_SIZE);
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
  json_builder_add_int_value (builder, PAGE_SIZE);
  if (after != NULL)
    {
      json_builder_set_member_name (builder, "after");
      json_builder_add_string_value (builder, after);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Push: the members whose community facts differ from what was last
 * pushed, after member @cursor, each as one batch input. Members whose
 * HubSpot record was archived are left out so a push does not bring them
 * back. */
typedef struct
{
  GArray    *member_ids;
  GPtrArray *emails;
  GPtrArray *values;
  JsonNode  *root;
  guint      status;
} PushBatch;

static void
push_batch_free (PushBatch *batch)
{
  g_clear_pointer (&batch->member_ids, g_array_unref);
  g_clear_pointer (&batch->emails, g_ptr_array_unref);
  g_clear_pointer (&batch->values, g_ptr_array_unref);
  g_clear_pointer (&batch->root, json_node_unref);
  g_free (batch);
}

static RapportSyncPage *
fetch_push (RapportSyncRun  *run,
            const char      *cursor,
            GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GString) body = g_string_new ("{\"inputs\":[");
  g_autofree char *next = NULL;
  PushBatch *batch;
  gint64 after = cursor != NULL ? g_ascii_strtoll (cursor, NULL, 10) : 0;
  int rc;

  stmt = _rapport_store_prepare (run->store,
    "SELECT m.id, e.address, "
    "       json_object ('rapport_stage', (SELECT name FROM pipeline_stages WHERE id = m.stage_id), "
    "                    'rapport_engagement_score', round (m.score, 2), "
    "                    'rapport_last_activity', "
    "                      CASE WHEN m.last_active_at IS NULL THEN '' "
    "                      ELSE strftime ('%Y-%m-%dT%H:%M:%SZ', m.last_active_at, 'unixepoch') END, "
    "                    'rapport_activity_count', m.activity_count, "
    "                    'rapport_link', 'rapport://member/' || m.id) AS pushed, "
    "       json_object ('idProperty', 'email', 'id', e.address) AS input "
    "  FROM members m "
    "  CROSS JOIN emails e ON e.id = (SELECT id FROM emails WHERE member_id = m.id "
    "                            ORDER BY is_primary DESC, id LIMIT 1) "
    "  LEFT JOIN sync_push_state p ON p.account_id = ?1 AND p.member_id = m.id "
    " WHERE m.id > ?2 "
    "   AND p.pushed_values IS NOT pushed "
    "   AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.member_id = m.id "
    "                      AND i.platform = 'hubspot' AND i.archived_at IS NOT NULL) "
    " ORDER BY m.id LIMIT ?3",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run->account_id);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_int (stmt, 3, PAGE_SIZE);

  batch = g_new0 (PushBatch, 1);
  batch->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  batch->emails = g_ptr_array_new_with_free_func (g_free);
  batch->values = g_ptr_array_new_with_free_func (g_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member_id = sqlite3_column_int64 (stmt, 0);
      const char *input = _rapport_column_text (stmt, 3);
      const char *values = _rapport_column_text (stmt, 2);

      g_array_append_val (batch->member_ids, member_id);
      g_ptr_array_add (batch->emails, g_utf8_strdown (_rapport_column_text (stmt, 1), -1));
      g_ptr_array_add (batch->values, g_strdup (values));

      /* {"idProperty":"email","id":"…","properties":{…}} */
      if (batch->member_ids->len > 1)
        g_string_append_c (body, ',');
      g_string_append_len (body, input, strlen (input) - 1);
      g_string_append (body, ",\"properties\":");
      g_string_append (body, values);
      g_string_append_c (body, '}');
    }
  if (rc != SQLITE_DONE)
    {
      push_batch_free (batch);
      _rapport_store_set_error (run->store, error);
      return NULL;
    }
  g_string_append (body, "]}");

  if (batch->member_ids->len == 0)
    return rapport_sync_page_new (0, NULL, batch, (GDestroyNotify) push_batch_free);

  batch->root = rapport_http_request_json (run->http, "POST", "/crm/v3/objects/contacts/batch/upsert",
                                           NULL, body->str, &batch->status, run->cancellable, error);
  if (batch->root == NULL)
    {
      push_batch_free (batch);
      return NULL;
    }
  if (rapport_json_require_object (batch->root, SERVICE, _("response body"), error) == NULL)
    {
      push_batch_free (batch);
      return NULL;
    }

  next = g_strdup_printf ("%" G_GINT64_FORMAT,
                          g_array_index (batch->member_ids, gint64, batch->member_ids->len - 1));
  return rapport_sync_page_new (batch->member_ids->len, next, batch, (GDestroyNotify) push_batch_free);
}

/* Whether @stream searches for changes since the last pass, or lists
 * everything: the first time, and once a week. */
static gboolean
use_search (RapportSyncRun  *run,
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
static RapportSyncPage *
fetch_search (RapportSyncRun  *run,
              const char      *path,
              const char      *modified_property,
              const char      *properties,
              gint64           since,
              const char      *cursor,
              CompaniesFrom    companies_from,
              GError         **error)
{
  g_autofree char *body = NULL;
  g_autofree char *after = NULL;
  RapportSyncPage *page;
  Listing *listing;
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
  page = fetch_listing (run, "POST", path, NULL, body, TRUE, companies_from, error);
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
  if (next + PAGE_SIZE <= MAX_SEARCH_RESULTS)
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

static RapportSyncPage *
rapport_hubspot_fetch_page (RapportConnector  *connector,
                            RapportSyncRun    *run,
                            const char        *stream,
                            const char        *cursor,
                            gint64             since,
                            GError           **error)
{
  g_autofree char *query = NULL;
  g_autofree char *body = NULL;

  if (g_str_equal (stream, STREAM_CONTACTS))
    {
      RapportSyncPage *page;
      gboolean search;

      if (!use_search (run, stream, since, &search, error))
        return NULL;
      if (search)
        return fetch_search (run, "/crm/v3/objects/contacts/search", "lastmodifieddate", contact_properties,
                             since, cursor, COMPANIES_BATCH_READ, error);
      query = listing_query (contact_properties, "associations=companies", cursor);
      page = fetch_listing (run, "GET", "/crm/v3/objects/contacts", query, NULL, TRUE,
                            COMPANIES_EMBEDDED, error);
      if (page != NULL)
        ((Listing *) page->data)->full = TRUE;
      return page;
    }

  if (g_str_equal (stream, STREAM_ARCHIVED))
    {
      query = listing_query ("email", "archived=true", cursor);
      return fetch_listing (run, "GET", "/crm/v3/objects/contacts", query, NULL, FALSE,
                            COMPANIES_NONE, error);
    }

  if (g_str_equal (stream, STREAM_COMPANIES))
    {
      RapportSyncPage *page;
      gboolean search;

      if (!use_search (run, stream, since, &search, error))
        return NULL;
      if (search)
        return fetch_search (run, "/crm/v3/objects/companies/search", "hs_lastmodifieddate", company_properties,
                             since, cursor, COMPANIES_NONE, error);
      query = listing_query (company_properties, NULL, cursor);
      page = fetch_listing (run, "GET", "/crm/v3/objects/companies", query, NULL, TRUE,
                            COMPANIES_NONE, error);
      if (page != NULL)
        ((Listing *) page->data)->full = TRUE;
      return page;
    }

  if (g_str_equal (stream, STREAM_PUSH))
    return fetch_push (run, cursor, error);

  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
               _("HubSpot has no stream “%s”"), stream);
  return NULL;
}

/**
 * _rapport_hubspot_parse_page:
 * @stream: "contacts", "contacts-archived" or "companies"
 * @answer: (transfer full): the answer to a list request of @stream
 *
 * The page rapport_hubspot_fetch_page() makes of @answer when it lists
 * (not searches) @stream, for tests that have no server.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
RapportSyncPage *
_rapport_hubspot_parse_page (const char  *stream,
                             JsonNode    *answer,
                             GError     **error)
{
  RapportSyncPage *page;

  g_return_val_if_fail (stream != NULL, NULL);
  g_return_val_if_fail (answer != NULL, NULL);

  if (g_str_equal (stream, STREAM_ARCHIVED))
    return listing_page_new (NULL, answer, FALSE, COMPANIES_NONE, error);

  if (g_str_equal (stream, STREAM_CONTACTS))
    page = listing_page_new (NULL, answer, TRUE, COMPANIES_EMBEDDED, error);
  else if (g_str_equal (stream, STREAM_COMPANIES))
    page = listing_page_new (NULL, answer, TRUE, COMPANIES_NONE, error);
  else
    {
      json_node_unref (answer);
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                   _("HubSpot has no stream “%s” to list"), stream);
      return NULL;
    }

  if (page != NULL)
    ((Listing *) page->data)->full = TRUE;
  return page;
}

static gint64
lookup_id (RapportStore  *store,
           const char    *sql,
           const char    *value,
           GError       **error)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  _rapport_bind_text (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

static gboolean
step_done (RapportStore      *store,
           RapportStatement  *stmt,
           GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  return TRUE;
}

static char *
trimmed (JsonObject *properties,
         const char *name)
{
  const char *value = rapport_json_get_optional_string (properties, name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

/* One contact: found by its HubSpot id, else by email, else created. Only
 * HubSpot-owned fields are written; a value HubSpot leaves empty keeps the
 * member's own. */
/* What the contacts of one page share: the id the next new member gets,
 * and each associated company's organization (id and name) once looked
 * up. */
typedef struct
{
  Listing    *listing;
  gint64      next_member_id;
  GHashTable *organizations;
} ContactPage;

typedef struct
{
  gint64  id;
  char   *name;
} Organization;

static void
organization_free (Organization *organization)
{
  /* A company not known is remembered as NULL. */
  if (organization == NULL)
    return;

  g_free (organization->name);
  g_free (organization);
}

/* The organization of HubSpot company @company_id, or %NULL when the
 * company is not known (yet). */
static const Organization *
lookup_organization (RapportStore  *store,
                     ContactPage   *page,
                     const char    *company_id,
                     GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  Organization *organization = NULL;

  if (g_hash_table_lookup_extended (page->organizations, company_id, NULL, (gpointer *) &organization))
    return organization;

  stmt = _rapport_store_prepare (store,
                                 "SELECT o.id, o.name FROM organization_identities oi "
                                 "  JOIN organizations o ON o.id = oi.organization_id "
                                 " WHERE oi.platform = 'hubspot' AND oi.external_id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  _rapport_bind_text (stmt, 1, company_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      organization = g_new0 (Organization, 1);
      organization->id = sqlite3_column_int64 (stmt, 0);
      organization->name = g_strdup (_rapport_column_text (stmt, 1));
    }
  g_hash_table_insert (page->organizations, g_strdup (company_id), organization);

  return organization;
}

static gboolean
apply_contact (RapportSyncRun  *run,
               ContactPage     *page,
               JsonObject      *record,
               GError         **error)
{
  RapportStore *store = run->store;
  JsonObject *properties = json_object_get_object_member (record, "properties");
  const char *hubspot_id = json_object_get_string_member (record, "id");
  g_autofree char *first = trimmed (properties, "firstname");
  g_autofree char *last = trimmed (properties, "lastname");
  g_autofree char *raw_email = trimmed (properties, "email");
  g_autofree char *email = rapport_normalize_email (raw_email);
  g_autofree char *company = trimmed (properties, "company");
  g_autofree char *title = trimmed (properties, "jobtitle");
  g_autofree char *phone = trimmed (properties, "phone");
  g_autofree char *lifecycle = trimmed (properties, "lifecyclestage");
  g_autofree char *name = NULL;
  g_autofree char *sort_name = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 member_id;
  gint64 organization_id = 0;
  const char *company_id;
  gboolean has_identity;
  gboolean created = FALSE;
  gboolean changed = FALSE;

  if (first != NULL && last != NULL)
    name = g_strconcat (first, " ", last, NULL);
  else if (first != NULL || last != NULL)
    name = g_strdup (first != NULL ? first : last);
  if (name != NULL)
    sort_name = rapport_sort_key (name);

  /* The associated company names the organization; the free-text
   * "company" property only when there is none HubSpot links. */
  company_id = page->listing->companies != NULL
               ? g_hash_table_lookup (page->listing->companies, hubspot_id) : NULL;
  if (company_id != NULL)
    {
      const Organization *organization = NULL;
      g_autoptr(GError) local_error = NULL;

      organization = lookup_organization (store, page, company_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (organization != NULL)
        {
          organization_id = organization->id;
          g_free (company);
          company = g_strdup (organization->name);
        }
    }
  if (organization_id == 0 && company != NULL)
    {
      organization_id = _rapport_store_ensure_organization (store, company, error);
      if (organization_id < 0)
        return FALSE;
    }

  member_id = lookup_id (store,
                         "SELECT member_id FROM identities WHERE platform = 'hubspot' AND external_id = ?",
                         hubspot_id, error);
  if (member_id < 0)
    return FALSE;
  has_identity = member_id > 0;
  if (member_id == 0 && email != NULL)
    {
      member_id = lookup_id (store, "SELECT member_id FROM emails WHERE address = ?", email, error);
      if (member_id < 0)
        return FALSE;
    }

  if (member_id == 0)
    {
      /* The member's id is known before its row exists: its identity and
       * email go in first, and the member's insert indexes all of it for
       * search at once (foreign keys are checked at commit). */
      member_id = page->next_member_id++;
      created = TRUE;

      if (name == NULL)
        {
          name = email != NULL ? g_strdup (email) : g_strdup_printf (_("HubSpot contact %s"), hubspot_id);
          sort_name = rapport_sort_key (name);
        }
    }

  if (has_identity)
    {
      stmt = _rapport_store_prepare (store,
                                     "UPDATE identities SET archived_at = NULL "
                                     " WHERE platform = 'hubspot' AND external_id = ? "
                                     "   AND archived_at IS NOT NULL",
                                     error);
      if (stmt == NULL)
        return FALSE;
      _rapport_bind_text (stmt, 1, hubspot_id);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
    }
  else
    {
      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO identities (member_id, platform, external_id, email) "
                                     "VALUES (?, 'hubspot', ?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      _rapport_bind_text (stmt, 2, hubspot_id);
      _rapport_bind_text (stmt, 3, email);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
      changed = TRUE;
    }

  if (email != NULL)
    {
      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO emails (member_id, address, is_primary) "
                                     "VALUES (?1, ?2, NOT EXISTS (SELECT 1 FROM emails WHERE member_id = ?1)) "
                                     "ON CONFLICT (address) DO NOTHING",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      _rapport_bind_text (stmt, 2, email);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);

      if (sqlite3_changes (_rapport_store_get_db (store)) > 0)
        changed = TRUE;
      else if (!created)
        {
          gint64 owner = lookup_id (store, "SELECT member_id FROM emails WHERE address = ?", email, error);

          /* Another member has this contact's email: a person decides. */
          if (owner > 0 && owner != member_id)
            {
              stmt = _rapport_store_prepare (store,
                                             "INSERT OR IGNORE INTO merge_suggestions (member_a, member_b, reason) "
                                             "VALUES (min (?1, ?2), max (?1, ?2), 'hubspot-email')",
                                             error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, member_id);
              sqlite3_bind_int64 (stmt, 2, owner);
              if (!step_done (store, stmt, error))
                return FALSE;
              g_clear_pointer (&stmt, _rapport_statement_release);
            }
        }
    }

  if (created)
    {
      /* The page's new members go in together at its end (see
       * apply_contacts()). */
      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO temp.rapport_hubspot_new_members "
                                     "  (id, name, sort_name, organization_id, title, phone) "
                                     "VALUES (?, ?, ?, ?, ?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      _rapport_bind_text (stmt, 2, name);
      _rapport_bind_text (stmt, 3, sort_name);
      if (organization_id > 0)
        sqlite3_bind_int64 (stmt, 4, organization_id);
      _rapport_bind_text (stmt, 5, title);
      _rapport_bind_text (stmt, 6, phone);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
      run->created++;
    }
  else
    {
      /* Only rows that really change are written, so unchanged members
       * are not re-indexed for search. */
      stmt = _rapport_store_prepare (store,
                                     "UPDATE members SET name = coalesce (?2, name), "
                                     "       sort_name = coalesce (?3, sort_name), "
                                     "       organization_id = coalesce (?4, organization_id), "
                                     "       title = coalesce (?5, title), "
                                     "       phone = coalesce (?6, phone), "
                                     "       updated_at = unixepoch () "
                                     " WHERE id = ?1 "
                                     "   AND ((?2 IS NOT NULL AND name IS NOT ?2) "
                                     "     OR (?4 IS NOT NULL AND organization_id IS NOT ?4) "
                                     "     OR (?5 IS NOT NULL AND title IS NOT ?5) "
                                     "     OR (?6 IS NOT NULL AND phone IS NOT ?6))",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      _rapport_bind_text (stmt, 2, name);
      _rapport_bind_text (stmt, 3, sort_name);
      if (organization_id > 0)
        sqlite3_bind_int64 (stmt, 4, organization_id);
      _rapport_bind_text (stmt, 5, title);
      _rapport_bind_text (stmt, 6, phone);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
      if (sqlite3_changes (_rapport_store_get_db (store)) > 0)
        changed = TRUE;
      if (changed)
        run->updated++;
    }

  /* The fields HubSpot gave a value, as one JSON object: a merge patch
   * onto {} drops the members that are null. */
  stmt = _rapport_store_prepare (store,
                                 "INSERT INTO member_remote_fields (member_id, platform, fields) "
                                 "VALUES (?1, 'hubspot', json_patch ('{}', json_object ('name', ?2, 'email', ?3, "
                                 "  'organization', ?4, 'title', ?5, 'phone', ?6, 'lifecycle_stage', ?7))) "
                                 "ON CONFLICT (member_id, platform) DO UPDATE SET fields = excluded.fields "
                                 " WHERE fields IS NOT excluded.fields",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, name);
  _rapport_bind_text (stmt, 3, email);
  _rapport_bind_text (stmt, 4, company);
  _rapport_bind_text (stmt, 5, title);
  _rapport_bind_text (stmt, 6, phone);
  _rapport_bind_text (stmt, 7, lifecycle);

  return step_done (store, stmt, error);
}

static gboolean
apply_contacts (RapportSyncRun   *run,
                Listing          *listing,
                GError          **error)
{
  /* SQLite 3.40's FTS5 writes its pending index out at every statement,
   * so a member inserted alone costs a search index segment of its own.
   * New members wait in a temporary table and reach members in one
   * statement per page; their emails and identities went in first, so the
   * insert indexes each member once. */
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) organization_free);
  g_autoptr(RapportStatement) next = NULL;
  ContactPage page = { listing, 0, organizations };

  if (!_rapport_store_exec (run->store,
                            "PRAGMA defer_foreign_keys = ON;"
                            "CREATE TEMP TABLE IF NOT EXISTS rapport_hubspot_new_members ("
                            "  id INTEGER PRIMARY KEY, name TEXT, sort_name TEXT,"
                            "  organization_id INTEGER, title TEXT, phone TEXT);"
                            "DELETE FROM temp.rapport_hubspot_new_members;",
                            error))
    return FALSE;

  next = _rapport_store_prepare (run->store, "SELECT coalesce (max (id), 0) + 1 FROM members", error);
  if (next == NULL)
    return FALSE;
  if (sqlite3_step (next) != SQLITE_ROW)
    return _rapport_store_set_error (run->store, error);
  page.next_member_id = sqlite3_column_int64 (next, 0);
  g_clear_pointer (&next, _rapport_statement_release);

  for (guint i = 0; i < json_array_get_length (listing->results); i++)
    {
      if (!apply_contact (run, &page, json_array_get_object_element (listing->results, i), error))
        return FALSE;
    }

  return _rapport_store_exec (run->store,
                              "INSERT INTO members (id, name, sort_name, organization_id, title, phone, source) "
                              "  SELECT id, name, sort_name, organization_id, title, phone, 'hubspot' "
                              "    FROM temp.rapport_hubspot_new_members ORDER BY id;"
                              "DELETE FROM temp.rapport_hubspot_new_members;",
                              error);
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) when = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return when != NULL ? g_date_time_to_unix (when) : rapport_now_unix ();
}

/* Archived contacts keep their members; only the link is marked. Contacts
 * never seen are not created. */
static gboolean
apply_archived (RapportSyncRun  *run,
                Listing         *listing,
                GError         **error)
{
  for (guint i = 0; i < json_array_get_length (listing->results); i++)
    {
      JsonObject *record = json_array_get_object_element (listing->results, i);
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (run->store,
                                     "UPDATE identities SET archived_at = ?2 "
                                     " WHERE platform = 'hubspot' AND external_id = ?1 "
                                     "   AND archived_at IS NULL",
                                     error);
      if (stmt == NULL)
        return FALSE;
      _rapport_bind_text (stmt, 1, json_object_get_string_member (record, "id"));
      sqlite3_bind_int64 (stmt, 2, parse_time (rapport_json_get_optional_string (record, "archivedAt")));
      if (!step_done (run->store, stmt, error))
        return FALSE;
      run->archived += sqlite3_changes (_rapport_store_get_db (run->store));
    }

  return TRUE;
}

/* One company: its organization is found by the company's HubSpot id, else
 * by name, else created, and remembered by that id. A company renamed in
 * HubSpot renames its organization, or joins the one that has the name. */
static gboolean
apply_company (RapportSyncRun  *run,
               JsonObject      *record,
               GError         **error)
{
  RapportStore *store = run->store;
  JsonObject *properties = json_object_get_object_member (record, "properties");
  const char *company_id = json_object_get_string_member (record, "id");
  g_autofree char *name = trimmed (properties, "name");
  g_autofree char *domain = trimmed (properties, "domain");
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 organization_id;
  gint64 named;

  if (name == NULL)
    name = g_strdup (domain);
  if (name == NULL)
    return TRUE;

  organization_id = lookup_id (store,
                               "SELECT organization_id FROM organization_identities "
                               " WHERE platform = 'hubspot' AND external_id = ?",
                               company_id, error);
  if (organization_id < 0)
    return FALSE;
  named = lookup_id (store, "SELECT id FROM organizations WHERE name = ?", name, error);
  if (named < 0)
    return FALSE;

  if (organization_id == 0 || (named > 0 && named != organization_id))
    {
      gint64 previous = organization_id;

      organization_id = named > 0 ? named : _rapport_store_ensure_organization (store, name, error);
      if (organization_id <= 0)
        return FALSE;

      stmt = _rapport_store_prepare (store,
                                     "INSERT INTO organization_identities (platform, external_id, organization_id) "
                                     "VALUES ('hubspot', ?1, ?2) "
                                     "ON CONFLICT (platform, external_id) DO UPDATE "
                                     "SET organization_id = excluded.organization_id",
                                     error);
      if (stmt == NULL)
        return FALSE;
      _rapport_bind_text (stmt, 1, company_id);
      sqlite3_bind_int64 (stmt, 2, organization_id);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);

      /* Renamed onto another organization's name: its HubSpot contacts go
       * along. */
      if (previous > 0)
        {
          stmt = _rapport_store_prepare (store,
                                         "UPDATE members SET organization_id = ?2, updated_at = unixepoch () "
                                         " WHERE organization_id = ?1 "
                                         "   AND id IN (SELECT member_id FROM identities WHERE platform = 'hubspot')",
                                         error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, previous);
          sqlite3_bind_int64 (stmt, 2, organization_id);
          if (!step_done (store, stmt, error))
            return FALSE;
          run->updated += sqlite3_changes (_rapport_store_get_db (store));
          g_clear_pointer (&stmt, _rapport_statement_release);
        }
    }
  else
    {
      /* The same organization, perhaps renamed (a change of case too). */
      stmt = _rapport_store_prepare (store,
                                     "UPDATE organizations SET name = ?2 "
                                     " WHERE id = ?1 AND name <> ?2 COLLATE BINARY",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, organization_id);
      _rapport_bind_text (stmt, 2, name);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
    }

  if (domain != NULL)
    {
      stmt = _rapport_store_prepare (store,
                                     "UPDATE organizations SET domain = ?2 WHERE id = ?1 AND domain IS NOT ?2",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, organization_id);
      _rapport_bind_text (stmt, 2, domain);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
    }

  /* The member page shows HubSpot's name of the organization. */
  stmt = _rapport_store_prepare (store,
                                 "UPDATE member_remote_fields "
                                 "   SET fields = json_set (fields, '$.organization', ?2) "
                                 " WHERE platform = 'hubspot' "
                                 "   AND member_id IN (SELECT id FROM members WHERE organization_id = ?1) "
                                 "   AND fields ->> '$.organization' IS NOT ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  _rapport_bind_text (stmt, 2, name);

  return step_done (store, stmt, error);
}

static gboolean
apply_companies (RapportSyncRun  *run,
                 Listing         *listing,
                 GError         **error)
{
  for (guint i = 0; i < json_array_get_length (listing->results); i++)
    {
      if (!apply_company (run, json_array_get_object_element (listing->results, i), error))
        return FALSE;
    }

  return TRUE;
}

/* The email of every input a 207 answer's errors name in their context. */
static GHashTable *
collect_errors (JsonObject *answer)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *node = json_object_get_member (answer, "errors");
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return errors;
  list = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *item;
      JsonNode *context;
      const char *message;
      GList *members;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      item = json_node_get_object (element);
      message = rapport_json_get_optional_string (item, "message");
      if (message == NULL)
        message = _("HubSpot refused it");
      if (!g_hash_table_contains (errors, ""))
        g_hash_table_insert (errors, g_strdup (""), g_strdup (message));

      context = json_object_get_member (item, "context");
      if (context == NULL || !JSON_NODE_HOLDS_OBJECT (context))
        continue;

      members = json_object_get_values (json_node_get_object (context));
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = l->data;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            continue;
          for (guint j = 0; j < json_array_get_length (json_node_get_array (value)); j++)
            {
              JsonNode *id = json_array_get_element (json_node_get_array (value), j);

              if (json_node_get_value_type (id) == G_TYPE_STRING)
                g_hash_table_insert (errors, g_utf8_strdown (json_node_get_string (id), -1),
                                     g_strdup (message));
            }
        }
      g_list_free (members);
    }

  return errors;
}

static gboolean
apply_push (RapportSyncRun  *run,
            PushBatch       *batch,
            GError         **error)
{
  JsonObject *answer;
  JsonArray *results;
  /* Lowercased email (owned) → HubSpot id (the answer's). */
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) errors = NULL;
  guint anonymous_results = 0;

  if (batch->member_ids->len == 0)
    return TRUE;

  answer = json_node_get_object (batch->root);
  results = rapport_json_require_array (answer, SERVICE, "results", error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result;
      JsonNode *properties;
      const char *id;
      const char *email = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      result = json_node_get_object (node);
      id = rapport_json_get_optional_string (result, "id");
      properties = json_object_get_member (result, "properties");
      if (properties != NULL && JSON_NODE_HOLDS_OBJECT (properties))
        email = rapport_json_get_optional_string (json_node_get_object (properties), "email");
      if (email != NULL && id != NULL)
        g_hash_table_insert (ids, g_utf8_strdown (email, -1), (gpointer) id);
      else
        anonymous_results++;
    }
  errors = collect_errors (answer);

  for (guint i = 0; i < batch->member_ids->len; i++)
    {
      gint64 member_id = g_array_index (batch->member_ids, gint64, i);
      const char *email = g_ptr_array_index (batch->emails, i);
      const char *reason = g_hash_table_lookup (errors, email);
      const char *hubspot_id = g_hash_table_lookup (ids, email);
      g_autoptr(RapportStatement) stmt = NULL;
      gboolean ok;

      /* 200 is all accepted; in a 207 an input is accepted when a result
       * names it, or when results do not name emails and no error does. */
      if (reason != NULL)
        ok = FALSE;
      else if (batch->status == 200 || hubspot_id != NULL)
        ok = TRUE;
      else if (anonymous_results > 0)
        ok = TRUE;
      else
        {
          ok = FALSE;
          reason = g_hash_table_lookup (errors, "");
          if (reason == NULL)
            reason = _("HubSpot did not confirm it");
        }

      stmt = _rapport_store_prepare (run->store,
                                     "INSERT INTO sync_push_state (account_id, member_id, pushed_values, "
                                     "                             pushed_at, error) "
                                     "VALUES (?1, ?2, ?3, CASE WHEN ?3 IS NULL THEN NULL ELSE unixepoch () END, ?4) "
                                     "ON CONFLICT (account_id, member_id) DO UPDATE "
                                     "SET pushed_values = excluded.pushed_values, "
                                     "    pushed_at = coalesce (excluded.pushed_at, pushed_at), "
                                     "    error = excluded.error",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, run->account_id);
      sqlite3_bind_int64 (stmt, 2, member_id);
      _rapport_bind_text (stmt, 3, ok ? g_ptr_array_index (batch->values, i) : NULL);
      _rapport_bind_text (stmt, 4, ok ? NULL : reason);
      if (!step_done (run->store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);

      if (!ok)
        {
          rapport_sync_run_add_failure (run, email, reason);
          continue;
        }
      run->pushed++;

      if (hubspot_id == NULL)
        continue;

      /* A member HubSpot now knows gets linked to its contact. */
      stmt = _rapport_store_prepare (run->store,
                                     "INSERT INTO identities (member_id, platform, external_id, email) "
                                     "SELECT ?1, 'hubspot', ?2, ?3 "
                                     " WHERE NOT EXISTS (SELECT 1 FROM identities "
                                     "                    WHERE member_id = ?1 AND platform = 'hubspot') "
                                     "   AND NOT EXISTS (SELECT 1 FROM identities "
                                     "                    WHERE platform = 'hubspot' AND external_id = ?2)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      _rapport_bind_text (stmt, 2, hubspot_id);
      _rapport_bind_text (stmt, 3, email);
      if (!step_done (run->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* At the end of a pass: a full list is remembered, and a search that could
 * not page on forgets the last one, so the next pass lists everything. */
static gboolean
note_full_pull (RapportSyncRun   *run,
                const char       *stream,
                RapportSyncPage  *page,
                GError          **error)
{
  Listing *listing = page->data;
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

static gboolean
rapport_hubspot_apply_page (RapportConnector  *connector,
                            RapportSyncRun    *run,
                            const char        *stream,
                            RapportSyncPage   *page,
                            GError           **error)
{
  if (g_str_equal (stream, STREAM_CONTACTS))
    return apply_contacts (run, page->data, error) && note_full_pull (run, stream, page, error);
  if (g_str_equal (stream, STREAM_ARCHIVED))
    return apply_archived (run, page->data, error);
  if (g_str_equal (stream, STREAM_COMPANIES))
    return apply_companies (run, page->data, error) && note_full_pull (run, stream, page, error);
  if (g_str_equal (stream, STREAM_PUSH))
    return apply_push (run, page->data, error);

  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
               _("HubSpot has no stream “%s”"), stream);
  return FALSE;
}

/* Before a push: the community properties must exist on contacts. */
static gboolean
ensure_properties (RapportSyncRun  *run,
                   GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *results;

  results = request_results (run, "GET", "/crm/v3/properties/contacts", NULL, &root, error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      name = rapport_json_get_optional_string (json_node_get_object (node), "name");
      if (name != NULL)
        g_hash_table_add (existing, (gpointer) name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (property_definitions); i++)
    {
      g_autoptr(JsonBuilder) builder = NULL;
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(JsonNode) created = NULL;
      g_autofree char *text = NULL;

      if (g_hash_table_contains (existing, property_definitions[i].name))
        continue;

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, property_definitions[i].name);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, _(property_definitions[i].label));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, property_definitions[i].type);
      json_builder_set_member_name (builder, "fieldType");
      json_builder_add_string_value (builder, property_definitions[i].field_type);
      json_builder_set_member_name (builder, "groupName");
      json_builder_add_string_value (builder, "contactinformation");
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, _("Set by Rapport, the community CRM"));
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      text = json_to_string (body, FALSE);

      created = rapport_http_request_json (run->http, "POST", "/crm/v3/properties/contacts", NULL,
                                           text, NULL, run->cancellable, error);
      if (created == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
rapport_hubspot_prepare (RapportConnector      *connector,
                         RapportSyncRun        *run,
                         RapportSyncDirection   direction,
                         GError               **error)
{
  if (direction == RAPPORT_SYNC_PUSH)
    return ensure_properties (run, error);

  return TRUE;
}

static gboolean
rapport_hubspot_test (RapportConnector  *connector,
                      RapportSyncRun    *run,
                      GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *next_after;

  root = rapport_http_request_json (run->http, "GET", "/crm/v3/objects/contacts", "limit=1",
                                    NULL, NULL, run->cancellable, error);
  if (root == NULL)
    return FALSE;

  return parse_listing (root, TRUE, &next_after, error) != NULL;
}

static void
rapport_hubspot_connector_init (RapportConnectorInterface *iface)
{
  iface->get_id = rapport_hubspot_get_id;
  iface->get_display_name = rapport_hubspot_get_display_name;
  iface->get_icon_name = rapport_hubspot_get_icon_name;
  iface->get_needs = rapport_hubspot_get_needs;
  iface->get_default_base_url = rapport_hubspot_get_default_base_url;
  iface->get_default_rate_limit = rapport_hubspot_get_default_rate_limit;
  iface->get_rate_window = rapport_hubspot_get_rate_window;
  iface->get_streams = rapport_hubspot_get_streams;
  iface->describe_stream = rapport_hubspot_describe_stream;
  iface->prepare = rapport_hubspot_prepare;
  iface->fetch_page = rapport_hubspot_fetch_page;
  iface->apply_page = rapport_hubspot_apply_page;
  iface->test = rapport_hubspot_test;
}
