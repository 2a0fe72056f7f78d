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

#include "rapport-clock.h"
#include "rapport-hubspot-private.h"
#include "rapport-resolver-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

/* HubSpot CRM v3. HubSpot owns name, email, company, job title, phone and
 * lifecycle stage: a pull writes them, a push never sends them. Rapport
 * owns the community properties: a push writes them, a pull never reads
 * them into the member.
 *
 * This file is the connector and those rules: the properties a pull asks
 * for and what a page of contacts or companies writes into members and
 * organizations, the properties a push creates and sends and for which
 * members. How pages are fetched (listing, searching past 10,000 results,
 * reading contacts' companies) is in rapport-hubspot-pull.c; the batch
 * upsert and its answer are in rapport-hubspot-push.c. */

#define PLATFORM "hubspot"

#define STREAM_CONTACTS "contacts"
#define STREAM_ARCHIVED "contacts-archived"
#define STREAM_COMPANIES "companies"
#define STREAM_PUSH "contacts-push"

static const char contact_properties[] =
  "firstname,lastname,email,company,jobtitle,phone,lifecyclestage,lastmodifieddate";
static const char company_properties[] = "name,domain,hs_lastmodifieddate";

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
  return _RAPPORT_HUBSPOT_SERVICE;
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

      if (!_rapport_hubspot_use_search (run, stream, since, &search, error))
        return NULL;
      if (search)
        return _rapport_hubspot_fetch_search (run, "/crm/v3/objects/contacts/search",
                                              "lastmodifieddate", contact_properties, since, cursor,
                                              RAPPORT_HUBSPOT_COMPANIES_BATCH_READ, error);
      query = _rapport_hubspot_listing_query (contact_properties, "associations=companies", cursor);
      page = _rapport_hubspot_fetch_listing (run, "GET", "/crm/v3/objects/contacts", query, NULL, TRUE,
                                             RAPPORT_HUBSPOT_COMPANIES_EMBEDDED, error);
      if (page != NULL)
        ((RapportHubspotListing *) page->data)->full = TRUE;
      return page;
    }

  if (g_str_equal (stream, STREAM_ARCHIVED))
    {
      query = _rapport_hubspot_listing_query ("email", "archived=true", cursor);
      return _rapport_hubspot_fetch_listing (run, "GET", "/crm/v3/objects/contacts", query, NULL, FALSE,
                                             RAPPORT_HUBSPOT_COMPANIES_NONE, error);
    }

  if (g_str_equal (stream, STREAM_COMPANIES))
    {
      RapportSyncPage *page;
      gboolean search;

      if (!_rapport_hubspot_use_search (run, stream, since, &search, error))
        return NULL;
      if (search)
        return _rapport_hubspot_fetch_search (run, "/crm/v3/objects/companies/search",
                                              "hs_lastmodifieddate", company_properties, since, cursor,
                                              RAPPORT_HUBSPOT_COMPANIES_NONE, error);
      query = _rapport_hubspot_listing_query (company_properties, NULL, cursor);
      page = _rapport_hubspot_fetch_listing (run, "GET", "/crm/v3/objects/companies", query, NULL, TRUE,
                                             RAPPORT_HUBSPOT_COMPANIES_NONE, error);
      if (page != NULL)
        ((RapportHubspotListing *) page->data)->full = TRUE;
      return page;
    }

  if (g_str_equal (stream, STREAM_PUSH))
    return _rapport_hubspot_fetch_push (run, cursor, error);

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
    return _rapport_hubspot_listing_page_new (NULL, answer, FALSE,
                                              RAPPORT_HUBSPOT_COMPANIES_NONE, error);

  if (g_str_equal (stream, STREAM_CONTACTS))
    page = _rapport_hubspot_listing_page_new (NULL, answer, TRUE,
                                              RAPPORT_HUBSPOT_COMPANIES_EMBEDDED, error);
  else if (g_str_equal (stream, STREAM_COMPANIES))
    page = _rapport_hubspot_listing_page_new (NULL, answer, TRUE,
                                              RAPPORT_HUBSPOT_COMPANIES_NONE, error);
  else
    {
      json_node_unref (answer);
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                   _("HubSpot has no stream “%s” to list"), stream);
      return NULL;
    }

  if (page != NULL)
    ((RapportHubspotListing *) page->data)->full = TRUE;
  return page;
}

/* Sends a request whose answer is an object with a "results" array, and
 * returns that array; @root receives the answer, which owns it. */
JsonArray *
_rapport_hubspot_request_results (RapportSyncRun  *run,
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
  answer = rapport_json_require_object (*root, _RAPPORT_HUBSPOT_SERVICE, _("response body"), error);
  if (answer == NULL)
    return NULL;

  return rapport_json_require_array (answer, _RAPPORT_HUBSPOT_SERVICE, "results", error);
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

gboolean
_rapport_hubspot_step_done (RapportStore      *store,
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
  RapportHubspotListing *listing;
  gint64                 next_member_id;
  GHashTable            *organizations;
  RapportResolver       *resolver;
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

  /* Who the contact is: by its HubSpot id, then by its address. */
  {
    const char *emails[] = { email, NULL };
    RapportPersonIdentity identity = { "hubspot", hubspot_id, NULL };
    RapportPersonRecord person = {
      .name = name, .emails = emails, .identities = &identity, .n_identities = 1,
      .organization = company, .source = "hubspot",
    };
    RapportResolution resolution;

    if (!_rapport_resolver_resolve (page->resolver, &person, &resolution, error))
      return FALSE;
    member_id = resolution.member_id;
    has_identity = resolution.by == RAPPORT_RESOLVED_BY_ID;
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);

      /* An address another member has stays on the contact's identity,
       * where the duplicates engine finds the pair. */
      if (sqlite3_changes (_rapport_store_get_db (store)) > 0)
        changed = TRUE;
    }

  _rapport_resolver_touch (page->resolver, member_id);

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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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

  return _rapport_hubspot_step_done (store, stmt, error);
}

static gboolean
apply_contacts (RapportSyncRun         *run,
                RapportHubspotListing  *listing,
                GError                **error)
{
  /* SQLite 3.40's FTS5 writes its pending index out at every statement,
   * so a member inserted alone costs a search index segment of its own.
   * New members wait in a temporary table and reach members in one
   * statement per page; their emails and identities went in first, so the
   * insert indexes each member once. */
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) organization_free);
  g_autoptr(RapportStatement) next = NULL;
  g_autoptr(RapportResolver) resolver = _rapport_resolver_new (run->store);
  ContactPage page = { listing, 0, organizations, resolver };

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

  /* Then the duplicates engine looks at the page's members. */
  return _rapport_store_exec (run->store,
                              "INSERT INTO members (id, name, sort_name, organization_id, title, phone, source) "
                              "  SELECT id, name, sort_name, organization_id, title, phone, 'hubspot' "
                              "    FROM temp.rapport_hubspot_new_members ORDER BY id;"
                              "DELETE FROM temp.rapport_hubspot_new_members;",
                              error) &&
         _rapport_resolver_finish (resolver, error);
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
apply_archived (RapportSyncRun         *run,
                RapportHubspotListing  *listing,
                GError                **error)
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
      if (!_rapport_hubspot_step_done (run->store, stmt, error))
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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
          if (!_rapport_hubspot_step_done (store, stmt, error))
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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
      if (!_rapport_hubspot_step_done (store, stmt, error))
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

  return _rapport_hubspot_step_done (store, stmt, error);
}

static gboolean
apply_companies (RapportSyncRun         *run,
                 RapportHubspotListing  *listing,
                 GError                **error)
{
  for (guint i = 0; i < json_array_get_length (listing->results); i++)
    {
      if (!apply_company (run, json_array_get_object_element (listing->results, i), error))
        return FALSE;
    }

  return TRUE;
}

/* The members a push sends (see rapport-hubspot-push.c), a page of them
 * after member @after: those whose community properties differ from what
 * was last pushed, and have an email. Each row is the member's id, the
 * email, the properties Rapport owns as one JSON object (all a push
 * sends), and the batch input that names the contact by email. Members
 * whose HubSpot record was archived are left out so a push does not bring
 * them back. */
RapportStatement *
_rapport_hubspot_prepare_push (RapportSyncRun  *run,
                               gint64           after,
                               GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

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
  sqlite3_bind_int (stmt, 3, _RAPPORT_HUBSPOT_PAGE_SIZE);

  return g_steal_pointer (&stmt);
}

static gboolean
rapport_hubspot_apply_page (RapportConnector  *connector,
                            RapportSyncRun    *run,
                            const char        *stream,
                            RapportSyncPage   *page,
                            GError           **error)
{
  if (g_str_equal (stream, STREAM_CONTACTS))
    return apply_contacts (run, page->data, error) &&
           _rapport_hubspot_note_full_pull (run, stream, page, error);
  if (g_str_equal (stream, STREAM_ARCHIVED))
    return apply_archived (run, page->data, error);
  if (g_str_equal (stream, STREAM_COMPANIES))
    return apply_companies (run, page->data, error) &&
           _rapport_hubspot_note_full_pull (run, stream, page, error);
  if (g_str_equal (stream, STREAM_PUSH))
    return _rapport_hubspot_apply_push (run, page, error);

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

  results = _rapport_hubspot_request_results (run, "GET", "/crm/v3/properties/contacts", NULL,
                                              &root, error);
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

  return _rapport_hubspot_parse_listing (root, TRUE, &next_after, error) != NULL;
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
