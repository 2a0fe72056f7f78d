/* rapport-hubspot-push.c
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

#include "rapport-hubspot-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

/* The HubSpot push: the members whose community properties changed since
 * they were last pushed, sent a page at a time by batch upsert on email
 * (v3), and HubSpot's answer (200, or 207 with errors) turned into what
 * was accepted, what was refused and why, and which contacts to link.
 * Which properties a push sends, and for which members, is decided in
 * rapport-hubspot.c with the rest of the field ownership. */

/* One page of a push: the members sent, each as one batch input, with
 * their emails and the values sent, and HubSpot's answer. */
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

/* Sends the next page of members (after member @cursor) in one batch
 * upsert; the page keeps HubSpot's answer for
 * _rapport_hubspot_apply_push(). */
RapportSyncPage *
_rapport_hubspot_fetch_push (RapportSyncRun  *run,
                             const char      *cursor,
                             GError         **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GString) body = g_string_new ("{\"inputs\":[");
  g_autofree char *next = NULL;
  PushBatch *batch;
  gint64 after = cursor != NULL ? g_ascii_strtoll (cursor, NULL, 10) : 0;
  int rc;

  stmt = _rapport_hubspot_prepare_push (run, after, error);
  if (stmt == NULL)
    return NULL;

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
  if (rapport_json_require_object (batch->root, _RAPPORT_HUBSPOT_SERVICE, _("response body"),
                                   error) == NULL)
    {
      push_batch_free (batch);
      return NULL;
    }

  next = g_strdup_printf ("%" G_GINT64_FORMAT,
                          g_array_index (batch->member_ids, gint64, batch->member_ids->len - 1));
  return rapport_sync_page_new (batch->member_ids->len, next, batch, (GDestroyNotify) push_batch_free);
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

/* Records what HubSpot's answer says of each member sent: accepted (the
 * values are remembered, and a contact HubSpot names is linked) or refused
 * with its reason. */
gboolean
_rapport_hubspot_apply_push (RapportSyncRun   *run,
                             RapportSyncPage  *page,
                             GError          **error)
{
  PushBatch *batch = page->data;
  JsonObject *answer;
  JsonArray *results;
  /* Lowercased email (owned) → HubSpot id (the answer's). */
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) errors = NULL;
  guint anonymous_results = 0;

  if (batch->member_ids->len == 0)
    return TRUE;

  answer = json_node_get_object (batch->root);
  results = rapport_json_require_array (answer, _RAPPORT_HUBSPOT_SERVICE, "results", error);
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
      if (!_rapport_hubspot_step_done (run->store, stmt, error))
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
      if (!_rapport_hubspot_step_done (run->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}
