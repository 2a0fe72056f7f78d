/* fuzz-hubspot.c
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


#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-connector.h"
#include "rapport-fuzz.h"
#include "rapport-hubspot-private.h"
#include "rapport-store-private.h"

/* The HubSpot connector's mapping of a page of JSON to members and
 * organizations. Each input is taken as the answer of every listing
 * stream, in the order a pull runs them, and contacts twice (the second
 * time onto the members the first made). Each page is applied in a
 * savepoint as the sync engine's transaction would, and the input's
 * transaction is rolled back at the end. */

#define ACCOUNT_ID 1

static const char * const streams[] = {
  "companies",
  "contacts",
  "contacts",
  "contacts-archived",
};

static RapportConnector *
get_connector (RapportStore *store)
{
  static RapportConnector *connector;
  g_autoptr(GError) error = NULL;

  if (connector != NULL)
    return connector;

  /* Sync state belongs to an account. */
  if (!_rapport_store_exec (store,
                            "INSERT OR IGNORE INTO accounts (id, connector, name) "
                            "VALUES (1, 'hubspot', 'Fuzzing')",
                            &error))
    g_error ("Could not add the account: %s", error->message);
  connector = rapport_connector_new_for_id ("hubspot");
  g_assert_nonnull (connector);

  return connector;
}

/* Whether @data holds one JSON value and nothing after it but spaces.
 * json-glib 1.6 takes "{} {}" and keeps the last value, leaking the ones
 * before it; that leak is not Rapport's, so such input is left out. So is
 * input with a comment ("/"), which would need a real scanner to skip. */
static gboolean
is_single_value (const uint8_t *data,
                 size_t         size)
{
  size_t i = 0;
  guint depth = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;

  while (i < size)
    {
      uint8_t c = data[i++];

      if (c == '/')
        return FALSE;
      if (c == '"')
        {
          while (i < size && data[i] != '"')
            i += data[i] == '\\' ? 2 : 1;
          i++;
        }
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        {
          /* A value that is not an object, array or string. */
          while (i < size && !g_ascii_isspace (data[i]) && strchr ("{}[]\",/", data[i]) == NULL)
            i++;
        }

      if (depth == 0)
        break;
    }

  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return i >= size;
}

/* What RapportHttp makes of an answer's body. */
static JsonNode *
parse_answer (const uint8_t *data,
              size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;

  if (size == 0)
    return json_node_new (JSON_NODE_NULL);
  if (!is_single_value (data, size))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

static void
apply (RapportConnector *connector,
       RapportSyncRun   *run,
       const char       *stream,
       JsonNode         *answer)
{
  g_autoptr(RapportSyncPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = _rapport_hubspot_parse_page (stream, json_node_copy (answer), &error);
  if (page == NULL)
    {
      g_assert_nonnull (error);
      g_debug ("%s: %s", stream, error->message);
      return;
    }
  g_assert_no_error (error);

  rapport_fuzz_begin (run->store);
  if (rapport_connector_apply_page (connector, run, stream, page, &error))
    {
      g_assert_no_error (error);
      if (!rapport_store_commit (run->store, &error))
        g_error ("Could not release the savepoint: %s", error->message);
    }
  else
    {
      g_assert_nonnull (error);
      g_debug ("%s: %s", stream, error->message);
      rapport_fuzz_rollback (run->store);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportStore *store = rapport_fuzz_get_store ();
  RapportConnector *connector = get_connector (store);
  g_autoptr(JsonNode) answer = parse_answer (data, size);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  RapportSyncRun run = { 0 };

  if (answer == NULL)
    return 0;

  run.store = store;
  run.account_id = ACCOUNT_ID;
  run.failures = failures;

  rapport_fuzz_begin (store);
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    apply (connector, &run, streams[i], answer);
  rapport_fuzz_rollback (store);

  return 0;
}
