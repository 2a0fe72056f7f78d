/* rapport-caldav.c
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

#define G_LOG_DOMAIN "rapport-caldav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rapport-caldav-private.h"
#include "rapport-caldav.h"
#include "rapport-content-private.h"

/* Two-way sync of the content calendar with one CalDAV collection
 * (RFC 4791). Each series (with its edited occurrences) or plain item is
 * one resource. Local changes go up with If-Match / If-None-Match so a
 * concurrent edit comes back as 412 and becomes a conflict; the server's
 * changes come down by comparing ETags from a Depth 1 PROPFIND. */

typedef struct
{
  SoupSession  *session;
  GUri         *base;
  char         *authorization;
  GCancellable *cancellable;
} Dav;

typedef struct
{
  char     *href;
  char     *etag;
  gboolean  collection;
} Resource;

static void
resource_free (gpointer data)
{
  Resource *resource = data;

  g_free (resource->href);
  g_free (resource->etag);
  g_free (resource);
}

static const SecretSchema *
get_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rapport_crm.Rapport.CalDAV", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
dav_clear (Dav *dav)
{
  g_clear_object (&dav->session);
  g_clear_pointer (&dav->base, g_uri_unref);
  if (dav->authorization != NULL)
    memset (dav->authorization, 0, strlen (dav->authorization));
  g_clear_pointer (&dav->authorization, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dav, dav_clear)

/* A collection URL always ends with "/", so relative names resolve in it. */
static char *
normalize_url (const char *url)
{
  return g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
}

static gboolean
dav_init (Dav           *dav,
          const char    *url,
          const char    *username,
          const char    *password,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *normalized = normalize_url (url);
  g_autofree char *credentials = g_strconcat (username, ":", password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));

  memset (credentials, 0, strlen (credentials));
  dav->base = g_uri_parse (normalized, G_URI_FLAGS_ENCODED, NULL);
  if (dav->base == NULL
      || (g_strcmp0 (g_uri_get_scheme (dav->base), "http") != 0
          && g_strcmp0 (g_uri_get_scheme (dav->base), "https") != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address (it should start with https://)"), url);
      return FALSE;
    }

  dav->session = soup_session_new_with_options ("user-agent", "Rapport/" PACKAGE_VERSION,
                                                "timeout", 60,
                                                NULL);
  dav->authorization = g_strconcat ("Basic ", encoded, NULL);
  dav->cancellable = cancellable;
  return TRUE;
}

static char *
href_key (const char *href)
{
  char *unescaped = g_uri_unescape_string (href, NULL);

  return unescaped != NULL ? unescaped : g_strdup (href);
}

/* Sends one request. Returns the body, with the status in @status; a
 * transport failure is an error in plain words. */
static GBytes *
dav_send (Dav          *dav,
          const char   *method,
          const char   *href,
          const char   *body,
          const char   *content_type,
          const char   *depth,
          const char   *if_match,
          gboolean      if_none_match,
          guint        *status,
          char        **etag,
          GError      **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  GBytes *response;

  uri = href != NULL ? g_uri_parse_relative (dav->base, href, G_URI_FLAGS_ENCODED, NULL)
                     : g_uri_ref (dav->base);
  if (uri == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server named a resource “%s” that is not a valid address"), href);
      return NULL;
    }

  message = soup_message_new_from_uri (method, uri);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_append (headers, "Authorization", dav->authorization);
  if (depth != NULL)
    soup_message_headers_append (headers, "Depth", depth);
  if (if_match != NULL)
    soup_message_headers_append (headers, "If-Match", if_match);
  if (if_none_match)
    soup_message_headers_append (headers, "If-None-Match", "*");
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }

  response = soup_session_send_and_read (dav->session, message, dav->cancellable, &local_error);
  if (response == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE,
                     _("Could not reach the calendar server %s: %s"),
                     g_uri_get_host (dav->base), local_error->message);
      return NULL;
    }

  *status = soup_message_get_status (message);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));

  if (*status == SOUP_STATUS_UNAUTHORIZED || *status == SOUP_STATUS_FORBIDDEN)
    {
      g_bytes_unref (response);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The calendar server %s refused the user name or password (HTTP %u)"),
                   g_uri_get_host (dav->base), *status);
      return NULL;
    }

  return response;
}

static GError *
http_error (const char *what,
            const char *href,
            guint       status)
{
  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                      _("The calendar server could not %s %s: HTTP %u %s"),
                      what, href, status, soup_status_get_phrase (status));
}

/* ---- PROPFIND --------------------------------------------------------- */

typedef struct
{
  GPtrArray *resources;
  Resource  *current;
  GString   *text;
  gboolean   in_resourcetype;
} Multistatus;

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static void
on_start_element_cb (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  Multistatus *state = user_data;
  const char *name = local_name (element_name);

  g_string_truncate (state->text, 0);
  if (g_str_equal (name, "response"))
    {
      state->current = g_new0 (Resource, 1);
      g_ptr_array_add (state->resources, state->current);
    }
  else if (g_str_equal (name, "resourcetype"))
    state->in_resourcetype = TRUE;
  else if (state->in_resourcetype && state->current != NULL
           && (g_str_equal (name, "collection") || g_str_equal (name, "calendar")))
    state->current->collection = TRUE;
}

static void
on_end_element_cb (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  Multistatus *state = user_data;
  const char *name = local_name (element_name);

  if (state->current == NULL)
    return;

  if (g_str_equal (name, "href") && state->current->href == NULL)
    state->current->href = g_strstrip (g_strdup (state->text->str));
  else if (g_str_equal (name, "getetag"))
    state->current->etag = g_strstrip (g_strdup (state->text->str));
  else if (g_str_equal (name, "resourcetype"))
    state->in_resourcetype = FALSE;
  else if (g_str_equal (name, "response"))
    state->current = NULL;
}

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  Multistatus *state = user_data;

  g_string_append_len (state->text, text, text_len);
}

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>\n";

/* The members of the collection (Depth 1), or the collection itself. */
static GPtrArray *
dav_propfind (Dav         *dav,
              const char  *depth,
              GError     **error)
{
  static const GMarkupParser parser = {
    on_start_element_cb, on_end_element_cb, on_text_cb, NULL, NULL,
  };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func (resource_free);
  Multistatus state = { resources, NULL, text, FALSE };
  guint status = 0;
  gsize length;
  const char *data;

  body = dav_send (dav, "PROPFIND", NULL, propfind_body, "application/xml; charset=utf-8",
                   depth, NULL, FALSE, &status, NULL, error);
  if (body == NULL)
    return NULL;

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_autofree char *url = g_uri_to_string (dav->base);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no calendar at %s"), url);
      return NULL;
    }
  if (status != SOUP_STATUS_MULTI_STATUS)
    {
      g_autofree char *url = g_uri_to_string (dav->base);

      g_propagate_error (error, http_error (_("list the calendar"), url, status));
      return NULL;
    }

  data = g_bytes_get_data (body, &length);
  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, length, error)
      || !g_markup_parse_context_end_parse (context, error))
    {
      g_prefix_error (error, _("The calendar server’s answer is not valid XML: "));
      return NULL;
    }

  return g_steal_pointer (&resources);
}

/* ---- Account ---------------------------------------------------------- */

/**
 * rapport_caldav_get_account:
 * @url: (out) (optional): the collection
 * @username: (out) (optional):
 *
 * Returns: whether the content calendar is connected to a CalDAV server
 */
gboolean
rapport_caldav_get_account (RapportStore  *store,
                            char         **url,
                            char         **username)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = _rapport_store_prepare (store, "SELECT url, username FROM content_caldav WHERE id = 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  if (url != NULL)
    *url = g_strdup (_rapport_column_text (stmt, 0));
  if (username != NULL)
    *username = g_strdup (_rapport_column_text (stmt, 1));
  return TRUE;
}

static gboolean
exec_bound (RapportStore  *store,
            const char    *sql,
            const char    *text1,
            const char    *text2,
            GError       **error)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    _rapport_bind_text (stmt, 1, text1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _rapport_bind_text (stmt, 2, text2);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);
  return TRUE;
}

/* Connects @store; @moved says whether the collection is another one than
 * before, so that every item's sync state was reset. */
gboolean
_rapport_caldav_connect_account (RapportStore  *store,
                                 const char    *url,
                                 const char    *username,
                                 const char    *password,
                                 gboolean      *moved,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_auto(Dav) dav = { 0 };
  g_autoptr(GPtrArray) self_props = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *old_url = NULL;
  gboolean is_calendar = FALSE;

  *moved = FALSE;

  if (!dav_init (&dav, url, username, password, cancellable, error))
    return FALSE;
  normalized = g_uri_to_string (dav.base);

  self_props = dav_propfind (&dav, "0", error);
  if (self_props == NULL)
    return FALSE;
  for (guint i = 0; i < self_props->len; i++)
    is_calendar |= ((Resource *) g_ptr_array_index (self_props, i))->collection;
  if (!is_calendar)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a calendar collection"), normalized);
      return FALSE;
    }

  if (!secret_password_store_sync (get_secret_schema (), SECRET_COLLECTION_DEFAULT,
                                   _("Rapport content calendar"), password, cancellable, error,
                                   "url", normalized, "user", username, NULL))
    {
      g_prefix_error (error, _("Could not keep the password in the keyring: "));
      return FALSE;
    }

  rapport_caldav_get_account (store, &old_url, NULL);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;
  if (g_strcmp0 (old_url, normalized) != 0
      && (!exec_bound (store, "UPDATE content_items SET remote_href = NULL, etag = NULL, sync_dirty = 1",
                       NULL, NULL, error)
          || !exec_bound (store, "DELETE FROM content_tombstones", NULL, NULL, error)
          || !exec_bound (store, "DELETE FROM content_conflicts", NULL, NULL, error)))
    return FALSE;
  if (!exec_bound (store, "INSERT OR REPLACE INTO content_caldav (id, url, username) VALUES (1, ?, ?)",
                   normalized, username, error))
    return FALSE;
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  *moved = g_strcmp0 (old_url, normalized) != 0;
  return TRUE;
}

/* The account row changed; on another collection every item's sync state
 * did too. */
void
_rapport_caldav_announce_connected (RapportStore *store,
                                    gboolean      moved)
{
  rapport_store_emit_changed (store, "content_caldav", 1, RAPPORT_CHANGE_UPDATED);
  if (moved)
    rapport_store_emit_changed (store, "content_items", 0, RAPPORT_CHANGE_RELOAD);
}

/**
 * rapport_caldav_connect:
 * @url: the calendar collection ("https://cloud.example.org/remote.php/dav/calendars/ana/content/")
 * @password: stored in the Secret Service only
 *
 * Checks that @url is a calendar the user can read, keeps the password in
 * the Secret Service and remembers the collection. Connecting to another
 * collection than before shares every item there at the next sync.
 * Blocks on the network: an interface calls rapport_caldav_connect_async().
 */
gboolean
rapport_caldav_connect (RapportStore  *store,
                        const char    *url,
                        const char    *username,
                        const char    *password,
                        GCancellable  *cancellable,
                        GError       **error)
{
  gboolean moved;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (url != NULL && username != NULL && password != NULL, FALSE);

  if (!_rapport_caldav_connect_account (store, url, username, password, &moved, cancellable, error))
    return FALSE;

  _rapport_caldav_announce_connected (store, moved);
  return TRUE;
}

/**
 * rapport_caldav_create_calendar:
 * @url: where the new calendar collection goes; it must not exist yet
 * @display_name: the calendar's name as calendar apps show it
 *
 * Creates a calendar collection for content (events and to-dos) with
 * MKCALENDAR (RFC 4791), for when the team has none yet. Blocks on the
 * network: call it from a thread in an interface.
 */
gboolean
rapport_caldav_create_calendar (const char    *url,
                                const char    *username,
                                const char    *password,
                                const char    *display_name,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_auto(Dav) dav = { 0 };
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *normalized = NULL;
  guint status = 0;

  g_return_val_if_fail (url != NULL && username != NULL && password != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (!dav_init (&dav, url, username, password, cancellable, error))
    return FALSE;
  normalized = g_uri_to_string (dav.base);

  escaped = g_markup_escape_text (display_name, -1);
  g_string_append_printf (body,
                          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                          "<d:set><d:prop>"
                          "<d:displayname>%s</d:displayname>"
                          "<c:supported-calendar-component-set>"
                          "<c:comp name=\"VEVENT\"/><c:comp name=\"VTODO\"/>"
                          "</c:supported-calendar-component-set>"
                          "</d:prop></d:set>"
                          "</c:mkcalendar>\n",
                          escaped);

  answer = dav_send (&dav, "MKCALENDAR", NULL, body->str, "application/xml; charset=utf-8",
                     NULL, NULL, FALSE, &status, NULL, error);
  if (answer == NULL)
    return FALSE;

  /* RFC 4791 answers 405 when something is there already; some servers
   * (Radicale) answer 409, which also means a missing parent folder. */
  if (status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_CONFLICT)
    {
      g_autoptr(GPtrArray) existing = dav_propfind (&dav, "0", NULL);

      if (existing != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("There is already something at %s, so no calendar can be created there"), normalized);
          return FALSE;
        }
    }
  if (status != SOUP_STATUS_CREATED)
    {
      g_propagate_error (error, http_error (_("create a calendar at"), normalized, status));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_caldav_disconnect:
 *
 * Forgets the collection and its password. Items stay.
 */
gboolean
rapport_caldav_disconnect (RapportStore  *store,
                           GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_caldav_get_account (store, &url, &username))
    return TRUE;

  secret_password_clear_sync (get_secret_schema (), NULL, NULL,
                              "url", url, "user", username, NULL);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;
  if (!exec_bound (store, "DELETE FROM content_caldav", NULL, NULL, error)
      || !exec_bound (store, "DELETE FROM content_tombstones", NULL, NULL, error)
      || !exec_bound (store, "DELETE FROM content_conflicts", NULL, NULL, error)
      || !exec_bound (store, "UPDATE content_items SET remote_href = NULL, etag = NULL, sync_dirty = 1",
                      NULL, NULL, error))
    return FALSE;
  return _rapport_transaction_commit (tx, error);
}

/* ---- Sync ------------------------------------------------------------- */

typedef struct
{
  gint64    id;
  char     *uid;
  char     *href;
  char     *etag;
  gboolean  dirty;
} Local;

static void
local_clear (gpointer data)
{
  Local *local = data;

  g_free (local->uid);
  g_free (local->href);
  g_free (local->etag);
}

/* The resource name of a UID: the UID itself when it is plain, a digest
 * otherwise, so the href the server lists back is the one we wrote. */
static char *
resource_name (const char *uid)
{
  for (const char *p = uid; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("-_.@", *p) == NULL)
        {
          g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);

          return g_strconcat (digest, ".ics", NULL);
        }
    }

  return g_strconcat (uid, ".ics", NULL);
}

static gboolean
record_conflict (RapportStore  *store,
                 const char    *uid,
                 const char    *href,
                 const char    *remote_etag,
                 const char    *remote_ics,
                 gboolean       local_deleted,
                 GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT OR REPLACE INTO content_conflicts "
                                 "  (uid, remote_href, remote_etag, remote_ics, local_deleted) "
                                 "VALUES (?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, uid);
  _rapport_bind_text (stmt, 2, href);
  _rapport_bind_text (stmt, 3, remote_etag);
  _rapport_bind_text (stmt, 4, remote_ics);
  sqlite3_bind_int (stmt, 5, local_deleted);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);
  return TRUE;
}

static gboolean
mark_synced (RapportStore  *store,
             gint64         id,
             const char    *href,
             const char    *etag,
             GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "UPDATE content_items SET remote_href = ?1, etag = ?2, sync_dirty = 0 "
                                 "WHERE id = ?3 OR series_id = ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, href);
  _rapport_bind_text (stmt, 2, etag);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);
  return TRUE;
}

/* GET one resource. Returns its text, or NULL with @status 404 when gone. */
static char *
dav_get (Dav         *dav,
         const char  *href,
         char       **etag,
         guint       *status,
         GError     **error)
{
  g_autoptr(GBytes) body = NULL;

  body = dav_send (dav, "GET", href, NULL, NULL, NULL, NULL, FALSE, status, etag, error);
  if (body == NULL)
    return NULL;
  if (*status == SOUP_STATUS_NOT_FOUND || *status == SOUP_STATUS_GONE)
    return NULL;
  if (!SOUP_STATUS_IS_SUCCESSFUL (*status))
    {
      g_propagate_error (error, http_error (_("send"), href, *status));
      return NULL;
    }

  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* After a refused write: keep the server's current version beside ours. */
static gboolean
conflict_from_server (Dav           *dav,
                      RapportStore  *store,
                      const char    *uid,
                      const char    *href,
                      gboolean       local_deleted,
                      GError       **error)
{
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status = 0;

  text = dav_get (dav, href, &etag, &status, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return record_conflict (store, uid, href, etag, text, local_deleted, error);
}

typedef enum {
  PUT_DONE,
  PUT_CONFLICT,
  PUT_FAILED,
} PutResult;

static PutResult
push_item (Dav           *dav,
           RapportStore  *store,
           Local         *local,
           GError       **error)
{
  g_autoptr(RapportContentItem) master = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *href = NULL;
  gboolean is_new = local->href == NULL;
  guint status = 0;

  master = rapport_content_get (store, local->id, error);
  if (master == NULL)
    return PUT_FAILED;
  ics = _rapport_content_series_to_ics (store, master, error);
  if (ics == NULL)
    return PUT_FAILED;

  if (is_new)
    {
      g_autoptr(GUri) uri = NULL;

      name = resource_name (local->uid);
      uri = g_uri_parse_relative (dav->base, name, G_URI_FLAGS_ENCODED, NULL);
      href = g_strdup (g_uri_get_path (uri));
    }
  else
    href = g_strdup (local->href);

  body = dav_send (dav, "PUT", href, ics, "text/calendar; charset=utf-8", NULL,
                   is_new ? NULL : local->etag, is_new, &status, &etag, error);
  if (body == NULL)
    return PUT_FAILED;

  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      if (!conflict_from_server (dav, store, local->uid, href, FALSE, error))
        return PUT_FAILED;
      return PUT_CONFLICT;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_propagate_error (error, http_error (_("save"), href, status));
      return PUT_FAILED;
    }

  return mark_synced (store, local->id, href, etag, error) ? PUT_DONE : PUT_FAILED;
}

static GHashTable *
load_conflict_uids (RapportStore  *store,
                    GHashTable    *conflict_hrefs,
                    GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  GHashTable *uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _rapport_store_prepare (store, "SELECT uid, remote_href FROM content_conflicts", error);
  if (stmt == NULL)
    {
      g_hash_table_unref (uids);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_hash_table_add (uids, g_strdup (_rapport_column_text (stmt, 0)));
      g_hash_table_add (conflict_hrefs, href_key (_rapport_column_text (stmt, 1)));
    }

  return uids;
}

typedef struct
{
  RapportProgressFunc func;
  gpointer            data;
  guint64             done;
  guint64             total;
} Progress;

static void
progress_step (Progress *progress)
{
  progress->done++;
  if (progress->func != NULL)
    progress->func (progress->done, progress->total, progress->data);
}

static gboolean
sync_tombstones (Dav                *dav,
                 RapportStore       *store,
                 GHashTable         *remote,
                 GHashTable         *conflict_uids,
                 RapportCaldavStats *stats,
                 GError            **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GPtrArray) tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  stmt = _rapport_store_prepare (store, "SELECT uid, remote_href, etag FROM content_tombstones", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (_rapport_column_text (stmt, 0));
      row[1] = g_strdup (_rapport_column_text (stmt, 1));
      row[2] = g_strdup (_rapport_column_text (stmt, 2));
      g_ptr_array_add (tombstones, row);
    }
  g_clear_pointer (&stmt, _rapport_statement_release);

  for (guint i = 0; i < tombstones->len; i++)
    {
      char **row = g_ptr_array_index (tombstones, i);
      g_autofree char *key = href_key (row[1]);
      g_autoptr(GBytes) body = NULL;
      guint status = 0;

      if (g_hash_table_contains (conflict_uids, row[0]))
        continue;

      if (g_hash_table_contains (remote, key))
        {
          body = dav_send (dav, "DELETE", row[1], NULL, NULL, NULL, row[2], FALSE, &status, NULL, error);
          if (body == NULL)
            return FALSE;
          if (status == SOUP_STATUS_PRECONDITION_FAILED)
            {
              if (!conflict_from_server (dav, store, row[0], row[1], TRUE, error))
                return FALSE;
              stats->conflicts++;
            }
          else if (!SOUP_STATUS_IS_SUCCESSFUL (status) && status != SOUP_STATUS_NOT_FOUND)
            {
              g_propagate_error (error, http_error (_("delete"), row[1], status));
              return FALSE;
            }
          else
            stats->deleted_remote++;
          g_hash_table_remove (remote, key);
        }

      if (!exec_bound (store, "DELETE FROM content_tombstones WHERE uid = ?", row[0], NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rapport_caldav_sync:
 * @store: a connection this thread owns
 * @progress: (nullable): called in this thread after each resource
 *
 * One two-way sync, blocking. Most callers want rapport_caldav_sync_async().
 */
gboolean
rapport_caldav_sync (RapportStore        *store,
                     GCancellable        *cancellable,
                     RapportProgressFunc  progress_func,
                     gpointer             progress_data,
                     RapportCaldavStats  *stats_out,
                     GError             **error)
{
  g_auto(Dav) dav = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GPtrArray) listing = NULL;
  g_autoptr(GHashTable) remote = NULL;
  g_autoptr(GHashTable) conflict_uids = NULL;
  g_autoptr(GHashTable) conflict_hrefs = NULL;
  g_autoptr(GArray) locals = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autofree char *collection_key = NULL;
  RapportCaldavStats stats = { 0 };
  Progress progress = { progress_func, progress_data, 0, 0 };
  g_autoptr(GError) secret_error = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_caldav_get_account (store, &url, &username))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The content calendar is not connected to a CalDAV server yet"));
      return FALSE;
    }

  password = secret_password_lookup_sync (get_secret_schema (), cancellable, &secret_error,
                                          "url", url, "user", username, NULL);
  if (password == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The password for %s at %s is not in the keyring; connect again"),
                   username, url);
      return FALSE;
    }

  if (!dav_init (&dav, url, username, password, cancellable, error))
    return FALSE;
  memset (password, 0, strlen (password));

  listing = dav_propfind (&dav, "1", error);
  if (listing == NULL)
    return FALSE;

  collection_key = href_key (g_uri_get_path (dav.base));
  /* The table owns its keys; the resources stay the listing's. */
  remote = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < listing->len; i++)
    {
      Resource *resource = g_ptr_array_index (listing, i);
      g_autofree char *key = NULL;

      if (resource->href == NULL || resource->collection)
        continue;
      /* Keys are unescaped paths; a server may answer with full URLs. */
      if (strstr (resource->href, "://") != NULL)
        {
          g_autoptr(GUri) uri = g_uri_parse (resource->href, G_URI_FLAGS_ENCODED, NULL);

          if (uri == NULL)
            continue;
          g_free (resource->href);
          resource->href = g_strdup (g_uri_get_path (uri));
        }
      key = href_key (resource->href);
      if (g_str_equal (key, collection_key))
        continue;
      g_hash_table_insert (remote, g_steal_pointer (&key), resource);
    }

  conflict_hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  conflict_uids = load_conflict_uids (store, conflict_hrefs, error);
  if (conflict_uids == NULL)
    return FALSE;

  /* Deletions made here first, so their resources are not pulled back. */
  if (!sync_tombstones (&dav, store, remote, conflict_uids, &stats, error))
    return FALSE;

  locals = g_array_new (FALSE, TRUE, sizeof (Local));
  g_array_set_clear_func (locals, local_clear);
  stmt = _rapport_store_prepare (store,
                                 "SELECT i.id, i.uid, i.remote_href, i.etag, "
                                 "  i.sync_dirty OR EXISTS (SELECT 1 FROM content_items e "
                                 "                          WHERE e.series_id = i.id AND e.sync_dirty) "
                                 "FROM content_items i WHERE i.series_id IS NULL ORDER BY i.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Local local = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup (_rapport_column_text (stmt, 1)),
        g_strdup (_rapport_column_text (stmt, 2)),
        g_strdup (_rapport_column_text (stmt, 3)),
        sqlite3_column_int (stmt, 4),
      };

      g_array_append_val (locals, local);
    }
  g_clear_pointer (&stmt, _rapport_statement_release);

  progress.total = locals->len + g_hash_table_size (remote);

  for (guint i = 0; i < locals->len; i++)
    {
      Local *local = &g_array_index (locals, Local, i);
      g_autofree char *key = local->href != NULL ? href_key (local->href) : NULL;
      Resource *resource = key != NULL ? g_hash_table_lookup (remote, key) : NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (key != NULL)
        g_hash_table_remove (remote, key);
      progress_step (&progress);

      if (g_hash_table_contains (conflict_uids, local->uid))
        continue;

      if (local->href == NULL || (resource != NULL && local->dirty))
        {
          PutResult result = push_item (&dav, store, local, error);

          if (result == PUT_FAILED)
            return FALSE;
          if (result == PUT_CONFLICT)
            stats.conflicts++;
          else
            stats.pushed++;
        }
      else if (resource == NULL)
        {
          /* Gone from the server: follow, unless it changed here too. */
          if (local->dirty)
            {
              if (!record_conflict (store, local->uid, local->href, NULL, NULL, FALSE, error))
                return FALSE;
              stats.conflicts++;
            }
          else
            {
              if (!_rapport_content_delete_row (store, local->id, FALSE, error))
                return FALSE;
              stats.deleted_local++;
            }
        }
      else if (g_strcmp0 (resource->etag, local->etag) != 0)
        {
          g_autofree char *etag = NULL;
          g_autofree char *text = NULL;
          guint status = 0;

          text = dav_get (&dav, local->href, &etag, &status, error);
          if (text == NULL && status != SOUP_STATUS_NOT_FOUND)
            return FALSE;
          if (text != NULL)
            {
              if (!_rapport_content_apply_remote (store, text, local->href,
                                                  etag != NULL ? etag : resource->etag, error))
                {
                  g_prefix_error (error, _("The server’s copy of %s cannot be read: "), local->href);
                  return FALSE;
                }
              stats.pulled++;
            }
        }
    }

  /* What is left on the server is new to us. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, remote);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        if (!g_hash_table_contains (conflict_hrefs, key))
          g_ptr_array_add (unknown, value);
      }
  }

  for (guint i = 0; i < unknown->len; i++)
    {
      Resource *resource = g_ptr_array_index (unknown, i);
      g_autofree char *etag = NULL;
      g_autofree char *text = NULL;
      guint status = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      progress_step (&progress);

      text = dav_get (&dav, resource->href, &etag, &status, error);
      if (text == NULL)
        {
          if (status == SOUP_STATUS_NOT_FOUND)
            continue;
          return FALSE;
        }
      if (!_rapport_content_apply_remote (store, text, resource->href,
                                          etag != NULL ? etag : resource->etag, error))
        {
          g_prefix_error (error, _("The server’s copy of %s cannot be read: "), resource->href);
          return FALSE;
        }
      stats.pulled++;
    }

  if (!exec_bound (store, "UPDATE content_caldav SET last_sync = unixepoch ()", NULL, NULL, error))
    return FALSE;

  if (stats_out != NULL)
    *stats_out = stats;
  return TRUE;
}

/* ---- Conflicts -------------------------------------------------------- */

static char *
summary_of (const char *ics)
{
  icalcomponent *root;
  icalcomponent *comp;
  char *summary = NULL;

  if (ics == NULL)
    return NULL;

  root = icalparser_parse_string (ics);
  icalerror_clear_errno ();
  if (root == NULL)
    return NULL;
  comp = icalcomponent_get_first_real_component (root);
  if (comp != NULL && icalcomponent_get_summary (comp) != NULL)
    summary = g_strdup (icalcomponent_get_summary (comp));
  icalcomponent_free (root);

  return summary;
}

/**
 * rapport_caldav_list_conflicts:
 *
 * Returns: (transfer container) (element-type RapportCaldavConflict):
 *   the items waiting for a decision; sync leaves them alone until then
 */
GPtrArray *
rapport_caldav_list_conflicts (RapportStore  *store,
                               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT c.uid, i.title, c.remote_ics, c.local_deleted "
                                 "FROM content_conflicts c "
                                 "LEFT JOIN content_items i ON i.uid = c.uid "
                                 "ORDER BY c.detected_at, c.uid",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *remote_ics = _rapport_column_text (stmt, 2);
      g_autofree char *remote_title = summary_of (remote_ics);

      g_ptr_array_add (conflicts,
                       rapport_caldav_conflict_new (_rapport_column_text (stmt, 0),
                                                    _rapport_column_text (stmt, 1),
                                                    remote_title,
                                                    sqlite3_column_int (stmt, 3),
                                                    remote_ics == NULL));
    }
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/**
 * rapport_caldav_resolve_conflict:
 *
 * Decides one conflict. Taking theirs changes the item here at once;
 * keeping mine makes the next sync write this version over the server's
 * (a PUT with the server's new ETag, or a DELETE).
 */
gboolean
rapport_caldav_resolve_conflict (RapportStore             *store,
                                 const char               *uid,
                                 RapportCaldavResolution   resolution,
                                 GError                  **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *href = NULL;
  g_autofree char *remote_etag = NULL;
  g_autofree char *remote_ics = NULL;
  g_autoptr(RapportContentItem) item = NULL;
  gboolean local_deleted;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  stmt = _rapport_store_prepare (store,
                                 "SELECT remote_href, remote_etag, remote_ics, local_deleted "
                                 "FROM content_conflicts WHERE uid = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no sync conflict for “%s”"), uid);
      return FALSE;
    }
  href = g_strdup (_rapport_column_text (stmt, 0));
  remote_etag = g_strdup (_rapport_column_text (stmt, 1));
  remote_ics = g_strdup (_rapport_column_text (stmt, 2));
  local_deleted = sqlite3_column_int (stmt, 3);
  g_clear_pointer (&stmt, _rapport_statement_release);

  item = rapport_content_get_by_uid (store, uid, NULL);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (resolution == RAPPORT_CALDAV_KEEP_MINE)
    {
      if (local_deleted || item == NULL)
        ok = exec_bound (store, "INSERT OR REPLACE INTO content_tombstones (uid, remote_href, etag) "
                         "VALUES (?1, ?2, NULL)", uid, href, error)
             && exec_bound (store, "UPDATE content_tombstones SET etag = ?2 WHERE uid = ?1",
                            uid, remote_etag, error);
      else if (remote_ics == NULL)
        ok = exec_bound (store, "UPDATE content_items SET remote_href = NULL, etag = NULL, sync_dirty = 1 "
                         "WHERE uid = ?", uid, NULL, error);
      else
        ok = exec_bound (store, "UPDATE content_items SET remote_href = ?2, sync_dirty = 1 WHERE uid = ?1",
                         uid, href, error)
             && exec_bound (store, "UPDATE content_items SET etag = ?2 WHERE uid = ?1",
                            uid, remote_etag, error);
    }
  else
    {
      if (remote_ics == NULL)
        ok = item == NULL || _rapport_content_delete_row (store, rapport_content_item_get_id (item), FALSE, error);
      else
        ok = _rapport_content_apply_remote (store, remote_ics, href, remote_etag, error);
    }

  if (!ok
      || !exec_bound (store, "DELETE FROM content_conflicts WHERE uid = ?", uid, NULL, error)
      || !_rapport_transaction_commit (tx, error))
    return FALSE;

  rapport_store_emit_changed (store, "content_items", 0, RAPPORT_CHANGE_RELOAD);
  return TRUE;
}
