/* rapport-remote-fields.c
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

#define G_LOG_DOMAIN "rapport-remote-fields"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-remote-fields.h"
#include "rapport-store-private.h"

/**
 * rapport_remote_fields_load:
 * @member_id: the member
 * @platform: the platform that owns the fields ("hubspot")
 *
 * Reads which of a member's fields @platform owns, as its last sync
 * recorded them: "name", "email", "organization", "title", "phone",
 * "lifecycle_stage". A member the platform never synced owns none.
 *
 * Returns: (transfer full) (element-type utf8 utf8): field → value as the
 *   platform holds it, or %NULL with @error set
 */
GHashTable *
rapport_remote_fields_load (RapportStore  *store,
                            gint64         member_id,
                            const char    *platform,
                            GError       **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  const char *text;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (platform != NULL, NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT fields FROM member_remote_fields "
                                 " WHERE member_id = ? AND platform = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, platform);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&fields);
  if (rc != SQLITE_ROW)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  text = _rapport_column_text (stmt, 0);
  parser = json_parser_new ();
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, &parse_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The %s fields of member %" G_GINT64_FORMAT " are not a JSON object"),
                   platform, member_id);
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      /* Only fields the platform filled in are recorded. */
      g_hash_table_insert (fields, g_strdup (l->data),
                           g_strdup (JSON_NODE_HOLDS_VALUE (node) &&
                                     json_node_get_value_type (node) == G_TYPE_STRING
                                     ? json_node_get_string (node) : ""));
    }

  return g_steal_pointer (&fields);
}
