/* rapport-mock-hubspot.c
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

#define G_LOG_DOMAIN "rapport-mock-hubspot"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rapport-mock-hubspot.h"

#define MAX_LIMIT 100
#define MAX_BATCH 100
#define MAX_ASSOCIATION_INPUTS 1000
/* "The search endpoints are limited to 10,000 total results for any given
 * query. Attempting to page beyond 10,000 will result in a 400 error." */
#define MAX_SEARCH_RESULTS 10000

/* HubSpot's contact-to-company association types: the primary company and
 * the plain (unlabeled) link every associated company has. */
#define PRIMARY_TYPE_ID 1
#define UNLABELED_TYPE_ID 279

typedef struct _Company Company;

typedef struct
{
  char       *id;
  guint64     number;
  GHashTable *properties;
  gint64      archived_at;
  Company    *company;
  GPtrArray  *other_companies;
} Contact;

struct _Company
{
  char   *id;
  char   *name;
  char   *domain;
  gint64  modified_ms;
};

struct _RapportMockHubspot
{
  GMutex        mutex;
  GCond         cond;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  char         *authorization;

  GPtrArray    *contacts;
  GHashTable   *by_email;
  GPtrArray    *companies;
  GHashTable   *properties;
  guint64       next_number;

  guint         association_page_size;
  guint         rate_max;
  guint         rate_window_ms;
  guint         retry_after;
  GQueue        recent;
  guint         fail_status;
  guint         fail_count;
  guint         truncate_count;
  guint         delay_ms;
  GPtrArray    *requests;
  guint         owned_fields_pushed;
};

static const char * const default_properties[] = {
  "firstname", "lastname", "email", "company", "jobtitle", "phone", "lifecyclestage",
  "lastmodifieddate", "createdate", "hs_object_id", NULL
};

/* HubSpot-owned fields a push from Rapport must never send. */
static const char * const hubspot_owned[] = {
  "firstname", "lastname", "company", "jobtitle", "phone", "lifecyclestage", NULL
};

static void
contact_free (Contact *contact)
{
  g_free (contact->id);
  g_hash_table_unref (contact->properties);
  g_clear_pointer (&contact->other_companies, g_ptr_array_unref);
  g_free (contact);
}

static void
company_free (Company *company)
{
  g_free (company->id);
  g_free (company->name);
  g_free (company->domain);
  g_free (company);
}

/* HubSpot's clock, not the client's: the mock stamps changes with the wall
 * clock as the real server does, and the sync engine compares its "since"
 * with the same clock (see run_stream in rapport-sync-engine.c). */
static char *
now_ms_text (void)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);
}

static Contact *
add_contact (RapportMockHubspot *self,
             const char         *email)
{
  Contact *contact = g_new0 (Contact, 1);

  contact->number = self->next_number++;
  contact->id = g_strdup_printf ("%" G_GUINT64_FORMAT, contact->number);
  contact->properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (contact->properties, g_strdup ("email"), g_strdup (email));
  g_hash_table_insert (contact->properties, g_strdup ("hs_object_id"), g_strdup (contact->id));
  g_hash_table_insert (contact->properties, g_strdup ("lastmodifieddate"), now_ms_text ());
  g_hash_table_insert (contact->properties, g_strdup ("createdate"), now_ms_text ());
  g_ptr_array_add (self->contacts, contact);
  g_hash_table_insert (self->by_email, g_ascii_strdown (email, -1), contact);

  return contact;
}

static JsonNode *
error_body (const char *category,
            const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "error");
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, category);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Called with the mutex held; takes @body. */
static void
respond (RapportMockHubspot *self,
         SoupServerMessage  *msg,
         guint               status,
         JsonNode           *body)
{
  g_autofree char *text = json_to_string (body, FALSE);
  gsize length = strlen (text);

  if (status < 300 && self->truncate_count > 0)
    {
      self->truncate_count--;
      length /= 2;
    }

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, length);
  json_node_unref (body);
}

/* Datetimes are kept in Unix ms, as filters take them, and answered in ISO
 * 8601 with milliseconds, as HubSpot sends datetime properties. */
static void
add_datetime (JsonBuilder *builder,
              gint64       ms)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *text = g_strdup_printf ("%s.%03dZ", date, (int) (ms % 1000));

  json_builder_add_string_value (builder, text);
}

static void
add_contact_json (JsonBuilder *builder,
                  Contact     *contact,
                  char       **wanted,
                  gboolean     with_companies)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, contact->id);
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (contact->properties, wanted[i]);

      json_builder_set_member_name (builder, wanted[i]);
      if (value == NULL)
        json_builder_add_null_value (builder);
      else if (g_str_equal (wanted[i], "lastmodifieddate") || g_str_equal (wanted[i], "createdate"))
        add_datetime (builder, g_ascii_strtoll (value, NULL, 10));
      else
        json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, contact->archived_at != 0);
  if (contact->archived_at != 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (contact->archived_at);
      g_autofree char *text = g_date_time_format_iso8601 (when);

      json_builder_set_member_name (builder, "archivedAt");
      json_builder_add_string_value (builder, text);
    }
  /* As HubSpot does, "associations" is left out of a contact with none;
   * the primary company is listed under both of its types. */
  if (with_companies && contact->company != NULL)
    {
      const char * const types[] = { "contact_to_company", "contact_to_company_unlabeled" };

      json_builder_set_member_name (builder, "associations");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "companies");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "results");
      json_builder_begin_array (builder);
      for (guint i = 0; contact->other_companies != NULL && i < contact->other_companies->len; i++)
        {
          Company *other = g_ptr_array_index (contact->other_companies, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, other->id);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, types[1]);
          json_builder_end_object (builder);
        }
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, contact->company->id);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, types[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_paging (JsonBuilder *builder,
            guint64      next)
{
  g_autofree char *after = g_strdup_printf ("%" G_GUINT64_FORMAT, next);

  json_builder_set_member_name (builder, "paging");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "next");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "after");
  json_builder_add_string_value (builder, after);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Contacts are kept in id order; "after" is the first id of the next page. */
static JsonNode *
list_contacts (RapportMockHubspot *self,
               guint               limit,
               guint64             after,
               gboolean            archived,
               char              **wanted,
               gboolean            with_companies)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = 0;
  guint64 next = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->contacts->len; i++)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i);

      if (contact->number < after || (contact->archived_at != 0) != archived)
        continue;
      if (n == limit)
        {
          next = contact->number;
          break;
        }
      add_contact_json (builder, contact, wanted, with_companies);
      n++;
    }
  json_builder_end_array (builder);
  if (next != 0)
    add_paging (builder, next);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
parse_limit (GHashTable *query,
             guint      *limit)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  guint64 value = 10;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, MAX_LIMIT, &value, NULL))
    return FALSE;
  *limit = value;
  return TRUE;
}

static void
handle_contacts_list (RapportMockHubspot *self,
                      SoupServerMessage  *msg,
                      GHashTable         *query)
{
  const char *properties = query != NULL ? g_hash_table_lookup (query, "properties") : NULL;
  const char *after = query != NULL ? g_hash_table_lookup (query, "after") : NULL;
  const char *archived = query != NULL ? g_hash_table_lookup (query, "archived") : NULL;
  const char *associations = query != NULL ? g_hash_table_lookup (query, "associations") : NULL;
  g_auto(GStrv) associated = g_strsplit (associations != NULL ? associations : "", ",", -1);
  g_auto(GStrv) wanted = g_strsplit (properties != NULL ? properties : "firstname,lastname,email", ",", -1);
  guint limit;

  if (!parse_limit (query, &limit))
    {
      respond (self, msg, 400, error_body ("VALIDATION_ERROR", "limit must be between 1 and 100"));
      return;
    }

  respond (self, msg, 200,
           list_contacts (self, limit, after != NULL ? g_ascii_strtoull (after, NULL, 10) : 0,
                          g_strcmp0 (archived, "true") == 0, wanted,
                          g_strv_contains ((const char * const *) associated, "companies")));
}

/* What a search request asks: HubSpot's search endpoints take "limit" (at
 * most 100), "after", "properties" and filter groups; only a GTE filter on
 * @modified_property is understood here. Answers 400 and returns FALSE
 * for anything else. */
typedef struct
{
  gint64      limit;
  guint64     after;
  gint64      since;
  GStrv       wanted;
  const char *sort;
} Search;

static gboolean
parse_search (RapportMockHubspot *self,
              SoupServerMessage  *msg,
              JsonObject         *request,
              const char         *modified_property,
              Search             *search)
{
  g_autoptr(GStrvBuilder) wanted_builder = g_strv_builder_new ();
  JsonArray *groups;

  search->limit = 10;
  if (json_object_has_member (request, "limit"))
    search->limit = json_object_get_int_member (request, "limit");
  if (search->limit < 1 || search->limit > MAX_LIMIT)
    {
      respond (self, msg, 400, error_body ("VALIDATION_ERROR", "limit must be between 1 and 100"));
      return FALSE;
    }
  if (json_object_has_member (request, "after"))
    search->after = g_ascii_strtoull (json_object_get_string_member (request, "after"), NULL, 10);
  if (json_object_has_member (request, "properties"))
    {
      JsonArray *properties = json_object_get_array_member (request, "properties");

      for (guint i = 0; i < json_array_get_length (properties); i++)
        g_strv_builder_add (wanted_builder, json_array_get_string_element (properties, i));
    }
  search->wanted = g_strv_builder_end (wanted_builder);
  if (json_object_has_member (request, "sorts"))
    {
      JsonArray *sorts = json_object_get_array_member (request, "sorts");

      if (json_array_get_length (sorts) > 0)
        search->sort = json_object_get_string_member (json_array_get_object_element (sorts, 0), "propertyName");
    }

  groups = json_object_has_member (request, "filterGroups")
           ? json_object_get_array_member (request, "filterGroups") : NULL;
  for (guint g = 0; groups != NULL && g < json_array_get_length (groups); g++)
    {
      JsonArray *filters = json_object_get_array_member (json_array_get_object_element (groups, g),
                                                         "filters");

      for (guint f = 0; f < json_array_get_length (filters); f++)
        {
          JsonObject *filter = json_array_get_object_element (filters, f);

          if (g_strcmp0 (json_object_get_string_member (filter, "propertyName"), modified_property) != 0 ||
              g_strcmp0 (json_object_get_string_member (filter, "operator"), "GTE") != 0)
            {
              g_clear_pointer (&search->wanted, g_strfreev);
              respond (self, msg, 400, error_body ("VALIDATION_ERROR", "unsupported filter"));
              return FALSE;
            }
          search->since = g_ascii_strtoll (json_object_get_string_member (filter, "value"), NULL, 10);
        }
    }
  search->since = MAX (search->since, 1);

  return TRUE;
}

static gint64
modified_ms (Contact *contact)
{
  return g_ascii_strtoll (g_hash_table_lookup (contact->properties, "lastmodifieddate"), NULL, 10);
}

static int
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  Contact *first = *(Contact **) a;
  Contact *second = *(Contact **) b;
  gint64 da = modified_ms (first);
  gint64 db = modified_ms (second);

  if (da != db)
    return da < db ? -1 : 1;
  return first->number < second->number ? -1 : first->number > second->number;
}

/* Search paging is by position in the sorted matches ("after" is an
 * offset), up to 10,000 results a query. */
static void
handle_contacts_search (RapportMockHubspot *self,
                        SoupServerMessage  *msg,
                        JsonObject         *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  Search search = { 0 };
  guint64 end;

  if (!parse_search (self, msg, request, "lastmodifieddate", &search))
    return;
  if (search.after + search.limit > MAX_SEARCH_RESULTS)
    {
      g_strfreev (search.wanted);
      respond (self, msg, 400, error_body ("VALIDATION_ERROR",
                                           "The search endpoints are limited to 10,000 total results"));
      return;
    }

  for (guint i = 0; i < self->contacts->len; i++)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i);

      if (contact->archived_at == 0 && modified_ms (contact) >= search.since)
        g_ptr_array_add (matches, contact);
    }
  if (g_strcmp0 (search.sort, "lastmodifieddate") == 0)
    g_ptr_array_sort (matches, compare_modified);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, matches->len);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  end = MIN (matches->len, search.after + search.limit);
  /* The search endpoint returns no associations. */
  for (guint64 i = search.after; i < end; i++)
    add_contact_json (builder, g_ptr_array_index (matches, i), search.wanted, FALSE);
  json_builder_end_array (builder);
  if (end < matches->len)
    add_paging (builder, end);
  json_builder_end_object (builder);

  g_strfreev (search.wanted);
  respond (self, msg, 200, json_builder_get_root (builder));
}

/* Companies in id order; "after" is the index of the next one. */
static void
list_companies (RapportMockHubspot *self,
                SoupServerMessage  *msg,
                guint               limit,
                guint64             after,
                gint64              modified_since)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = 0;
  guint64 i;

  json_builder_begin_object (builder);
  if (modified_since > 0)
    {
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, 0);
    }
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (i = after; i < self->companies->len && n < limit; i++)
    {
      Company *company = g_ptr_array_index (self->companies, i);

      if (company->modified_ms < modified_since)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, company->id);
      json_builder_set_member_name (builder, "properties");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, company->name);
      json_builder_set_member_name (builder, "domain");
      json_builder_add_string_value (builder, company->domain);
      json_builder_set_member_name (builder, "hs_lastmodifieddate");
      add_datetime (builder, company->modified_ms);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_end_object (builder);
      n++;
    }
  json_builder_end_array (builder);
  if (i < self->companies->len)
    add_paging (builder, i);
  json_builder_end_object (builder);

  respond (self, msg, 200, json_builder_get_root (builder));
}

static void
handle_companies (RapportMockHubspot *self,
                  SoupServerMessage  *msg,
                  GHashTable         *query)
{
  const char *after = query != NULL ? g_hash_table_lookup (query, "after") : NULL;
  guint limit;

  if (!parse_limit (query, &limit))
    {
      respond (self, msg, 400, error_body ("VALIDATION_ERROR", "limit must be between 1 and 100"));
      return;
    }

  list_companies (self, msg, limit, after != NULL ? g_ascii_strtoull (after, NULL, 10) : 0, 0);
}

static void
handle_companies_search (RapportMockHubspot *self,
                         SoupServerMessage  *msg,
                         JsonObject         *request)
{
  Search search = { 0 };

  if (!parse_search (self, msg, request, "hs_lastmodifieddate", &search))
    return;

  list_companies (self, msg, search.limit, search.after, search.since);
  g_strfreev (search.wanted);
}

static Contact *
find_contact (RapportMockHubspot *self,
              const char         *id)
{
  guint64 number = g_ascii_strtoull (id, NULL, 10);

  /* Contacts are created in number order from 1001 and never removed. */
  if (number < 1001 || number - 1001 >= self->contacts->len)
    return NULL;

  return g_ptr_array_index (self->contacts, number - 1001);
}

/* A batch answer's "numErrors" and "errors", when there are any; @errors
 * holds an open array of them. */
static void
add_batch_errors (JsonBuilder *builder,
                  JsonBuilder *errors,
                  guint        n_errors)
{
  json_builder_end_array (errors);
  if (n_errors == 0)
    {
      json_node_unref (json_builder_get_root (errors));
      return;
    }

  json_builder_set_member_name (builder, "numErrors");
  json_builder_add_int_value (builder, n_errors);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_value (builder, json_builder_get_root (errors));
}

static void
add_association_types (JsonBuilder *builder,
                       guint        type_id,
                       const char  *label)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, "HUBSPOT_DEFINED");
  json_builder_set_member_name (builder, "typeId");
  json_builder_add_int_value (builder, type_id);
  json_builder_set_member_name (builder, "label");
  if (label != NULL)
    json_builder_add_string_value (builder, label);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* v4 batch read, contacts to companies: one result per input that has
 * companies, with "toObjectId" a number as in HubSpot's examples; an input
 * with none is an error of a 207 answer. */
static void
handle_association_batch_read (RapportMockHubspot *self,
                               SoupServerMessage  *msg,
                               JsonObject         *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) errors = json_builder_new ();
  g_autofree char *now = NULL;
  JsonArray *inputs = json_object_has_member (request, "inputs")
                      ? json_object_get_array_member (request, "inputs") : NULL;
  guint n_errors = 0;

  if (inputs == NULL || json_array_get_length (inputs) > MAX_ASSOCIATION_INPUTS)
    {
      respond (self, msg, 400, error_body ("VALIDATION_ERROR", "inputs must hold 1 to 1000 ids"));
      return;
    }

  {
    g_autoptr(GDateTime) when = g_date_time_new_now_utc ();
    now = g_date_time_format_iso8601 (when);
  }

  json_builder_begin_array (errors);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "COMPLETE");
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonNode *node = json_array_get_element (inputs, i);
      const char *id = JSON_NODE_HOLDS_OBJECT (node)
                       ? json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL)
                       : NULL;
      Contact *contact = id != NULL ? find_contact (self, id) : NULL;

      if (id == NULL)
        {
          respond (self, msg, 400, error_body ("VALIDATION_ERROR", "every input needs an id"));
          json_node_unref (json_builder_get_root (errors));
          return;
        }
      if (contact == NULL || contact->company == NULL)
        {
          g_autofree char *message = g_strdup_printf ("No company is associated with contact %s.", id);

          json_builder_begin_object (errors);
          json_builder_set_member_name (errors, "status");
          json_builder_add_string_value (errors, "error");
          json_builder_set_member_name (errors, "category");
          json_builder_add_string_value (errors, "OBJECT_NOT_FOUND");
          json_builder_set_member_name (errors, "message");
          json_builder_add_string_value (errors, message);
          json_builder_set_member_name (errors, "context");
          json_builder_begin_object (errors);
          json_builder_set_member_name (errors, "fromObjectId");
          json_builder_begin_array (errors);
          json_builder_add_string_value (errors, id);
          json_builder_end_array (errors);
          json_builder_end_object (errors);
          json_builder_end_object (errors);
          n_errors++;
          continue;
        }

      {
        g_autoptr(GPtrArray) all = g_ptr_array_new ();
        const char *after = json_object_get_string_member_with_default (json_node_get_object (node),
                                                                        "after", NULL);
        guint64 start = after != NULL ? g_ascii_strtoull (after, NULL, 10) : 0;
        guint64 end;

        /* Unlabeled companies first, the primary last; a page holds
         * association_page_size of them, "after" is where the next starts. */
        if (contact->other_companies != NULL)
          g_ptr_array_extend (all, contact->other_companies, NULL, NULL);
        g_ptr_array_add (all, contact->company);
        end = MIN (all->len, start + self->association_page_size);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "from");
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_string_value (builder, contact->id);
        json_builder_end_object (builder);
        json_builder_set_member_name (builder, "to");
        json_builder_begin_array (builder);
        for (guint64 k = start; k < end; k++)
          {
            Company *company = g_ptr_array_index (all, k);

            json_builder_begin_object (builder);
            json_builder_set_member_name (builder, "toObjectId");
            json_builder_add_int_value (builder, g_ascii_strtoll (company->id, NULL, 10));
            json_builder_set_member_name (builder, "associationTypes");
            json_builder_begin_array (builder);
            if (company == contact->company)
              add_association_types (builder, PRIMARY_TYPE_ID, "Primary");
            add_association_types (builder, UNLABELED_TYPE_ID, NULL);
            json_builder_end_array (builder);
            json_builder_end_object (builder);
          }
        json_builder_end_array (builder);
        if (end < all->len)
          add_paging (builder, end);
        json_builder_end_object (builder);
      }
    }
  json_builder_end_array (builder);
  add_batch_errors (builder, errors, n_errors);
  json_builder_set_member_name (builder, "startedAt");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "completedAt");
  json_builder_add_string_value (builder, now);
  json_builder_end_object (builder);

  respond (self, msg, n_errors > 0 ? 207 : 200, json_builder_get_root (builder));
}

static void
handle_properties_list (RapportMockHubspot *self,
                        SoupServerMessage  *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GHashTableIter iter;
  gpointer name;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->properties);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  respond (self, msg, 200, json_builder_get_root (builder));
}

static void
handle_properties_create (RapportMockHubspot *self,
                          SoupServerMessage  *msg,
                          JsonNode           *request_node)
{
  JsonObject *request = json_node_get_object (request_node);
  const char *name = json_object_has_member (request, "name")
                     ? json_object_get_string_member (request, "name") : NULL;

  if (name == NULL || !json_object_has_member (request, "label") ||
      !json_object_has_member (request, "type") || !json_object_has_member (request, "fieldType") ||
      !json_object_has_member (request, "groupName"))
    {
      respond (self, msg, 400, error_body ("VALIDATION_ERROR",
                                           "name, label, type, fieldType and groupName are required"));
      return;
    }
  if (g_hash_table_contains (self->properties, name))
    {
      respond (self, msg, 409, error_body ("OBJECT_ALREADY_EXISTS", "Property already exists"));
      return;
    }

  g_hash_table_add (self->properties, g_strdup (name));
  respond (self, msg, 201, json_node_copy (request_node));
}

static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '.') != NULL &&
         strchr (email, ' ') == NULL && strchr (at + 1, '@') == NULL;
}

/* Batch upsert by email: 200 when every input was written, 207 with the
 * written ones in "results" and the refused ones in "errors" otherwise. A
 * property that does not exist refuses the whole batch, as HubSpot does. */
static void
handle_batch_upsert (RapportMockHubspot *self,
                     SoupServerMessage  *msg,
                     JsonObject         *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) errors = json_builder_new ();
  JsonArray *inputs = json_object_has_member (request, "inputs")
                      ? json_object_get_array_member (request, "inputs") : NULL;
  guint n_errors = 0;

  if (inputs == NULL || json_array_get_length (inputs) == 0 || json_array_get_length (inputs) > MAX_BATCH)
    {
      respond (self, msg, 400, error_body ("VALIDATION_ERROR", "inputs must hold 1 to 100 objects"));
      return;
    }

  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonObject *input = json_array_get_object_element (inputs, i);
      JsonObject *properties = json_object_get_object_member (input, "properties");
      GList *names = properties != NULL ? json_object_get_members (properties) : NULL;

      if (g_strcmp0 (json_object_get_string_member (input, "idProperty"), "email") != 0)
        {
          g_list_free (names);
          respond (self, msg, 400, error_body ("VALIDATION_ERROR", "idProperty must be email"));
          return;
        }
      for (GList *l = names; l != NULL; l = l->next)
        {
          if (!g_hash_table_contains (self->properties, l->data))
            {
              g_autofree char *message = g_strdup_printf ("Property \"%s\" does not exist",
                                                          (const char *) l->data);

              g_list_free (names);
              respond (self, msg, 400, error_body ("VALIDATION_ERROR", message));
              return;
            }
          if (g_strv_contains (hubspot_owned, l->data))
            self->owned_fields_pushed++;
        }
      g_list_free (names);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "COMPLETE");
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  json_builder_begin_array (errors);

  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonObject *input = json_array_get_object_element (inputs, i);
      const char *email = json_object_get_string_member (input, "id");
      JsonObject *properties = json_object_get_object_member (input, "properties");
      g_autofree char *key = NULL;
      GList *names;
      Contact *contact;
      gboolean is_new = FALSE;

      if (email == NULL || !email_is_valid (email))
        {
          g_autofree char *message = g_strdup_printf ("Email address %s is invalid", email);

          json_builder_begin_object (errors);
          json_builder_set_member_name (errors, "status");
          json_builder_add_string_value (errors, "error");
          json_builder_set_member_name (errors, "category");
          json_builder_add_string_value (errors, "VALIDATION_ERROR");
          json_builder_set_member_name (errors, "message");
          json_builder_add_string_value (errors, message);
          json_builder_set_member_name (errors, "context");
          json_builder_begin_object (errors);
          json_builder_set_member_name (errors, "ids");
          json_builder_begin_array (errors);
          json_builder_add_string_value (errors, email != NULL ? email : "");
          json_builder_end_array (errors);
          json_builder_end_object (errors);
          json_builder_end_object (errors);
          n_errors++;
          continue;
        }

      key = g_ascii_strdown (email, -1);
      contact = g_hash_table_lookup (self->by_email, key);
      if (contact == NULL)
        {
          contact = add_contact (self, key);
          is_new = TRUE;
        }
      names = properties != NULL ? json_object_get_members (properties) : NULL;
      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (properties, l->data);
          char *text;

          if (JSON_NODE_HOLDS_NULL (value))
            text = g_strdup ("");
          else if (json_node_get_value_type (value) == G_TYPE_STRING)
            text = g_strdup (json_node_get_string (value));
          else if (json_node_get_value_type (value) == G_TYPE_INT64)
            text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
          else
            text = g_strdup_printf ("%g", json_node_get_double (value));
          g_hash_table_insert (contact->properties, g_strdup (l->data), text);
        }
      g_list_free (names);
      g_hash_table_insert (contact->properties, g_strdup ("lastmodifieddate"), now_ms_text ());

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, contact->id);
      json_builder_set_member_name (builder, "new");
      json_builder_add_boolean_value (builder, is_new);
      json_builder_set_member_name (builder, "properties");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "email");
      json_builder_add_string_value (builder, g_hash_table_lookup (contact->properties, "email"));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  add_batch_errors (builder, errors, n_errors);
  json_builder_end_object (builder);

  respond (self, msg, n_errors > 0 ? 207 : 200, json_builder_get_root (builder));
}

static gboolean
on_delay_done_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static gboolean
rate_limited (RapportMockHubspot *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->rate_max == 0)
    return FALSE;

  while (!g_queue_is_empty (&self->recent) &&
         now - GPOINTER_TO_SIZE (g_queue_peek_head (&self->recent)) * (gint64) 1000 >
         (gint64) self->rate_window_ms * 1000)
    g_queue_pop_head (&self->recent);

  if (g_queue_get_length (&self->recent) >= self->rate_max)
    return TRUE;

  g_queue_push_tail (&self->recent, GSIZE_TO_POINTER ((gsize) (now / 1000)));
  return FALSE;
}

static void
handle (RapportMockHubspot *self,
        SoupServerMessage  *msg,
        const char         *path,
        GHashTable         *query)
{
  const char *method = soup_server_message_get_method (msg);
  const char *authorization;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *request = NULL;
  GUri *uri = soup_server_message_get_uri (msg);

  g_ptr_array_add (self->requests,
                   g_strdup_printf ("%s %s%s%s", method, path,
                                    g_uri_get_query (uri) != NULL ? "?" : "",
                                    g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : ""));

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "Authorization");
  if (g_strcmp0 (authorization, self->authorization) != 0)
    {
      respond (self, msg, 401,
               error_body ("INVALID_AUTHENTICATION",
                           "Authentication credentials not found. This API supports OAuth 2.0 "
                           "authentication and private app access tokens."));
      return;
    }

  if (rate_limited (self))
    {
      g_autofree char *seconds = g_strdup_printf ("%u", self->retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      respond (self, msg, 429, error_body ("RATE_LIMITS",
                                           "You have reached your ten_secondly_rolling limit."));
      return;
    }

  if (self->fail_count > 0)
    {
      self->fail_count--;
      respond (self, msg, self->fail_status, error_body ("INTERNAL_ERROR", "An internal error occurred"));
      return;
    }

  if (g_str_equal (method, "POST"))
    {
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      if (body->data == NULL ||
          !json_parser_load_from_data (parser, body->data, body->length, &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          respond (self, msg, 400, error_body ("VALIDATION_ERROR", "Invalid input JSON"));
          return;
        }
      request = json_parser_get_root (parser);
    }

  if (g_str_equal (method, "GET") && g_str_equal (path, "/crm/v3/objects/contacts"))
    handle_contacts_list (self, msg, query);
  else if (g_str_equal (method, "POST") && g_str_equal (path, "/crm/v3/objects/contacts/search"))
    handle_contacts_search (self, msg, json_node_get_object (request));
  else if (g_str_equal (method, "POST") && g_str_equal (path, "/crm/v3/objects/contacts/batch/upsert"))
    handle_batch_upsert (self, msg, json_node_get_object (request));
  else if (g_str_equal (method, "GET") && g_str_equal (path, "/crm/v3/objects/companies"))
    handle_companies (self, msg, query);
  else if (g_str_equal (method, "POST") && g_str_equal (path, "/crm/v3/objects/companies/search"))
    handle_companies_search (self, msg, json_node_get_object (request));
  else if (g_str_equal (method, "POST") &&
           (g_str_equal (path, "/crm/v4/associations/contacts/companies/batch/read") ||
            g_str_equal (path, "/crm/v4/associations/contact/company/batch/read")))
    handle_association_batch_read (self, msg, json_node_get_object (request));
  else if (g_str_equal (method, "GET") && g_str_equal (path, "/crm/v3/properties/contacts"))
    handle_properties_list (self, msg);
  else if (g_str_equal (method, "POST") && g_str_equal (path, "/crm/v3/properties/contacts"))
    handle_properties_create (self, msg, request);
  else
    respond (self, msg, 404, error_body ("OBJECT_NOT_FOUND", "Resource not found"));
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  RapportMockHubspot *self = user_data;
  guint delay;

  g_mutex_lock (&self->mutex);
  handle (self, msg, path, query);
  delay = self->delay_ms;
  g_mutex_unlock (&self->mutex);

  if (delay > 0)
    {
      g_autoptr(GSource) source = g_timeout_source_new (delay);

      soup_server_message_pause (msg);
      g_source_set_callback (source, on_delay_done_cb, msg, NULL);
      g_source_attach (source, self->context);
    }
}

static gpointer
server_thread (gpointer data)
{
  RapportMockHubspot *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("The mock HubSpot cannot listen on 127.0.0.1: %s", error->message);

  uris = soup_server_get_uris (self->server);
  g_mutex_lock (&self->mutex);
  self->url = g_uri_to_string (uris->data);
  while (g_str_has_suffix (self->url, "/"))
    self->url[strlen (self->url) - 1] = '\0';
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  /* Closes the connections still open, which the server would lose. */
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * rapport_mock_hubspot_new:
 * @token: the private-app token it accepts
 * @n_contacts: contacts to start with (ids from 1001, person<i>@example.org)
 * @n_companies: companies to start with; contact i belongs to company i % n
 */
RapportMockHubspot *
rapport_mock_hubspot_new (const char *token,
                          guint       n_contacts,
                          guint       n_companies)
{
  RapportMockHubspot *self = g_new0 (RapportMockHubspot, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->authorization = g_strconcat ("Bearer ", token, NULL);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) contact_free);
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->companies = g_ptr_array_new_with_free_func ((GDestroyNotify) company_free);
  self->properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->next_number = 1001;
  self->association_page_size = 500;
  g_queue_init (&self->recent);

  for (guint i = 0; default_properties[i] != NULL; i++)
    g_hash_table_add (self->properties, g_strdup (default_properties[i]));

  for (guint k = 0; k < n_companies; k++)
    {
      Company *company = g_new0 (Company, 1);

      company->id = g_strdup_printf ("%u", 5001 + k);
      company->name = g_strdup_printf ("Company %u", k);
      company->domain = g_strdup_printf ("company%u.example.com", k);
      company->modified_ms = g_get_real_time () / 1000;
      g_ptr_array_add (self->companies, company);
    }

  for (guint i = 0; i < n_contacts; i++)
    {
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);
      Contact *contact = add_contact (self, email);
      GHashTable *p = contact->properties;

      g_hash_table_insert (p, g_strdup ("firstname"), g_strdup_printf ("Ada%u", i));
      g_hash_table_insert (p, g_strdup ("lastname"), g_strdup ("Lovelace"));
      g_hash_table_insert (p, g_strdup ("jobtitle"), g_strdup ("Engineer"));
      g_hash_table_insert (p, g_strdup ("phone"), g_strdup_printf ("+1 555 %04u", i));
      g_hash_table_insert (p, g_strdup ("lifecyclestage"), g_strdup ("lead"));
      if (n_companies > 0)
        {
          Company *company = g_ptr_array_index (self->companies, i % n_companies);

          /* The free-text "company" property is what the person typed in a
           * form; the association is the company record. */
          g_hash_table_insert (p, g_strdup ("company"), g_strdup_printf ("%s Inc.", company->name));
          contact->company = company;
        }
    }

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("mock-hubspot", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (self->url == NULL)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
rapport_mock_hubspot_free (RapportMockHubspot *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->companies);
  g_ptr_array_unref (self->contacts);
  g_hash_table_unref (self->by_email);
  g_hash_table_unref (self->properties);
  g_ptr_array_unref (self->requests);
  g_queue_clear (&self->recent);
  g_free (self->url);
  g_free (self->authorization);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
rapport_mock_hubspot_get_url (RapportMockHubspot *self)
{
  return self->url;
}

/* 429 with Retry-After once @max_requests came within @window_ms. */
void
rapport_mock_hubspot_set_rate_limit (RapportMockHubspot *self,
                                     guint               max_requests,
                                     guint               window_ms,
                                     guint               retry_after_seconds)
{
  g_mutex_lock (&self->mutex);
  self->rate_max = max_requests;
  self->rate_window_ms = window_ms;
  self->retry_after = retry_after_seconds;
  g_queue_clear (&self->recent);
  g_mutex_unlock (&self->mutex);
}

void
rapport_mock_hubspot_fail_next (RapportMockHubspot *self,
                                guint               status,
                                guint               count)
{
  g_mutex_lock (&self->mutex);
  self->fail_status = status;
  self->fail_count = count;
  g_mutex_unlock (&self->mutex);
}

/* The next @count successful answers stop halfway through their JSON. */
void
rapport_mock_hubspot_truncate_next (RapportMockHubspot *self,
                                    guint               count)
{
  g_mutex_lock (&self->mutex);
  self->truncate_count = count;
  g_mutex_unlock (&self->mutex);
}

void
rapport_mock_hubspot_set_delay (RapportMockHubspot *self,
                                guint               delay_ms)
{
  g_mutex_lock (&self->mutex);
  self->delay_ms = delay_ms;
  g_mutex_unlock (&self->mutex);
}

/* Changes a property as a HubSpot user would, which moves lastmodifieddate. */
void
rapport_mock_hubspot_touch_contact (RapportMockHubspot *self,
                                    guint               index,
                                    const char         *property,
                                    const char         *value)
{
  Contact *contact;

  g_mutex_lock (&self->mutex);
  contact = g_ptr_array_index (self->contacts, index);
  g_hash_table_insert (contact->properties, g_strdup (property), g_strdup (value));
  g_hash_table_insert (contact->properties, g_strdup ("lastmodifieddate"), now_ms_text ());
  g_mutex_unlock (&self->mutex);
}

/* Changes a property of every contact, as a bulk edit or a workflow in
 * HubSpot does: their lastmodifieddate moves, one after the other. */
void
rapport_mock_hubspot_touch_all (RapportMockHubspot *self,
                                const char         *property,
                                const char         *value)
{
  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->contacts->len; i++)
    {
      Contact *contact = g_ptr_array_index (self->contacts, i);

      g_hash_table_insert (contact->properties, g_strdup (property), g_strdup (value));
      g_hash_table_insert (contact->properties, g_strdup ("lastmodifieddate"), now_ms_text ());
    }
  g_mutex_unlock (&self->mutex);
}

/* Associates the contact with one more company, without a label. */
void
rapport_mock_hubspot_add_company (RapportMockHubspot *self,
                                  guint               index,
                                  guint               company_index)
{
  Contact *contact;

  g_mutex_lock (&self->mutex);
  contact = g_ptr_array_index (self->contacts, index);
  if (contact->other_companies == NULL)
    contact->other_companies = g_ptr_array_new ();
  g_ptr_array_add (contact->other_companies, g_ptr_array_index (self->companies, company_index));
  g_mutex_unlock (&self->mutex);
}

/* How many associations one result of a v4 batch read holds (HubSpot
 * pages them, and says only that "paging" comes when there are more). */
void
rapport_mock_hubspot_set_association_page_size (RapportMockHubspot *self,
                                                guint               page_size)
{
  g_mutex_lock (&self->mutex);
  self->association_page_size = MAX (page_size, 1);
  g_mutex_unlock (&self->mutex);
}

/* Renames a company as a HubSpot user would, which moves
 * hs_lastmodifieddate. */
void
rapport_mock_hubspot_rename_company (RapportMockHubspot *self,
                                     guint               index,
                                     const char         *name)
{
  Company *company;

  g_mutex_lock (&self->mutex);
  company = g_ptr_array_index (self->companies, index);
  g_free (company->name);
  company->name = g_strdup (name);
  company->modified_ms = g_get_real_time () / 1000;
  g_mutex_unlock (&self->mutex);
}

/* Makes company @company_index the contact's primary company. Like
 * HubSpot, this leaves the contact's lastmodifieddate alone. */
void
rapport_mock_hubspot_move_contact (RapportMockHubspot *self,
                                   guint               index,
                                   guint               company_index)
{
  Contact *contact;

  g_mutex_lock (&self->mutex);
  contact = g_ptr_array_index (self->contacts, index);
  contact->company = g_ptr_array_index (self->companies, company_index);
  g_mutex_unlock (&self->mutex);
}

void
rapport_mock_hubspot_archive_contact (RapportMockHubspot *self,
                                      guint               index)
{
  Contact *contact;

  g_mutex_lock (&self->mutex);
  contact = g_ptr_array_index (self->contacts, index);
  contact->archived_at = g_get_real_time () / G_USEC_PER_SEC;
  g_mutex_unlock (&self->mutex);
}

char *
rapport_mock_hubspot_dup_contact_property (RapportMockHubspot *self,
                                           const char         *email,
                                           const char         *property)
{
  g_autofree char *key = g_ascii_strdown (email, -1);
  Contact *contact;
  char *value = NULL;

  g_mutex_lock (&self->mutex);
  contact = g_hash_table_lookup (self->by_email, key);
  if (contact != NULL)
    value = g_strdup (g_hash_table_lookup (contact->properties, property));
  g_mutex_unlock (&self->mutex);

  return value;
}

guint
rapport_mock_hubspot_get_n_contacts (RapportMockHubspot *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->contacts->len;
  g_mutex_unlock (&self->mutex);

  return n;
}

/* Requests so far whose "METHOD /path?query" starts with @prefix. */
guint
rapport_mock_hubspot_count_requests (RapportMockHubspot *self,
                                     const char         *prefix)
{
  guint n = 0;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->requests->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (self->requests, i), prefix))
        n++;
    }
  g_mutex_unlock (&self->mutex);

  return n;
}

GPtrArray *
rapport_mock_hubspot_dup_requests (RapportMockHubspot *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->requests->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (self->requests, i)));
  g_mutex_unlock (&self->mutex);

  return copy;
}

/* How many HubSpot-owned properties pushes have tried to write. */
guint
rapport_mock_hubspot_get_owned_fields_pushed (RapportMockHubspot *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->owned_fields_pushed;
  g_mutex_unlock (&self->mutex);

  return n;
}
