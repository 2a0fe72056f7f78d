/* rapport-http.c
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

#define G_LOG_DOMAIN "rapport-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rapport-connector.h"
#include "rapport-http.h"

/* Longer waits than this are a daily quota, not a burst: give up and say so. */
#define MAX_RETRY_AFTER_SECONDS 120
#define TIMEOUT_SECONDS 60

struct _RapportHttp
{
  GObject      parent_instance;

  SoupSession *session;
  char        *service;
  char        *base_url;
  char        *authorization;

  /* Token bucket: @rate_limit requests per @rate_window seconds, 0 = off. */
  guint        rate_limit;
  guint        rate_window;
  double       tokens;
  gint64       refilled_at;

  guint        backoff_base_ms;
  guint        backoff_cap_ms;
  guint        max_retries;
  guint64      request_count;
};

G_DEFINE_FINAL_TYPE (RapportHttp, rapport_http, G_TYPE_OBJECT)

static void
rapport_http_finalize (GObject *object)
{
  RapportHttp *self = (RapportHttp *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->base_url, g_free);
  /* Scrub the token before the memory goes back to the allocator. */
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_clear_pointer (&self->authorization, g_free);

  G_OBJECT_CLASS (rapport_http_parent_class)->finalize (object);
}

static void
rapport_http_class_init (RapportHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_http_finalize;
}

static void
rapport_http_init (RapportHttp *self)
{
  self->backoff_base_ms = 500;
  self->backoff_cap_ms = 30000;
  self->max_retries = 5;
}

/**
 * rapport_http_new:
 * @service: the platform's name, for error messages ("HubSpot")
 * @base_url: the API's address, without a trailing path
 * @token: (nullable): sent as a bearer token; never logged
 * @rate_limit: requests allowed per @rate_window, or 0 for no limit
 * @rate_window: seconds
 *
 * One session per account: its connections, its rate limit. TLS
 * certificates are verified by GIO's default database; a bad certificate
 * fails the request.
 *
 * Returns: (transfer full): a new session
 */
RapportHttp *
rapport_http_new (const char *service,
                  const char *base_url,
                  const char *token,
                  guint       rate_limit,
                  guint       rate_window)
{
  RapportHttp *self;
  g_autofree char *user_agent = g_strdup_printf ("Rapport/%s", PACKAGE_VERSION);

  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_HTTP, NULL);
  self->service = g_strdup (service);
  self->base_url = g_strdup (base_url);
  g_strchomp (self->base_url);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  if (token != NULL)
    self->authorization = g_strconcat ("Bearer ", token, NULL);
  self->rate_limit = rate_limit;
  self->rate_window = MAX (rate_window, 1);
  self->tokens = rate_limit;
  self->refilled_at = g_get_monotonic_time ();
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "timeout", TIMEOUT_SECONDS,
                                "idle-timeout", TIMEOUT_SECONDS,
                                "user-agent", user_agent,
                                NULL);

  return self;
}

const char *
rapport_http_get_service (RapportHttp *self)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), NULL);

  return self->service;
}

/**
 * rapport_http_get_request_count:
 *
 * Returns: how many requests went out, retries included
 */
guint64
rapport_http_get_request_count (RapportHttp *self)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), 0);

  return self->request_count;
}

/**
 * rapport_http_set_backoff:
 * @base_ms: the first wait after a failure without Retry-After
 * @cap_ms: the longest such wait
 * @max_retries: how often a request is retried before its error is returned
 */
void
rapport_http_set_backoff (RapportHttp *self,
                          guint        base_ms,
                          guint        cap_ms,
                          guint        max_retries)
{
  g_return_if_fail (RAPPORT_IS_HTTP (self));

  self->backoff_base_ms = base_ms;
  self->backoff_cap_ms = MAX (cap_ms, base_ms);
  self->max_retries = max_retries;
}

/* Sleeps in short steps so a cancel is noticed quickly. */
static gboolean
sleep_cancellable (gint64         ms,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  for (;;)
    {
      gint64 left = until - g_get_monotonic_time ();

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (left <= 0)
        return TRUE;
      g_usleep (MIN (left, 20000));
    }
}

static gboolean
take_token (RapportHttp   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  double rate;

  if (self->rate_limit == 0)
    return TRUE;

  rate = (double) self->rate_limit / (self->rate_window * G_USEC_PER_SEC);
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();

      self->tokens = MIN ((double) self->rate_limit, self->tokens + (now - self->refilled_at) * rate);
      self->refilled_at = now;
      if (self->tokens >= 1.0)
        {
          self->tokens -= 1.0;
          return TRUE;
        }

      if (!sleep_cancellable ((gint64) ((1.0 - self->tokens) / rate / 1000.0) + 1, cancellable, error))
        return FALSE;
    }
}

/* Retry-After is seconds or an HTTP date; -1 when absent or unreadable. */
static gint64
parse_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  guint64 seconds;

  if (value == NULL)
    return -1;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;

  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (when == NULL)
      return -1;
    return MAX (0, g_date_time_difference (when, now) / G_USEC_PER_SEC + 1);
  }
}

static gint64
backoff_ms (RapportHttp *self,
            guint        attempt)
{
  gint64 delay = self->backoff_base_ms;

  for (guint i = 0; i < attempt && delay < self->backoff_cap_ms; i++)
    delay *= 2;
  delay = MIN (delay, (gint64) self->backoff_cap_ms);

  /* Equal jitter: half fixed, half random, so clients that failed together
   * do not come back together. */
  return delay / 2 + g_random_int_range (0, (gint32) (delay / 2) + 1);
}

/* The platform's own words about an error, when its body says them. */
static char *
describe_error_body (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return g_strdup (rapport_json_get_optional_string (json_node_get_object (root), "message"));
}

/**
 * rapport_http_request_json:
 * @method: "GET", "POST", …
 * @path: the path below the base URL, starting with "/"
 * @query: (nullable): an encoded query string without "?"
 * @body: (nullable): JSON text to send
 * @status: (out) (optional): the final HTTP status
 *
 * Sends a request, waiting for the rate limit first, and retries 429 and 5xx
 * answers and dropped connections: after Retry-After when the platform sends
 * one, else after a capped exponential backoff with jitter. 401 and 403 fail
 * at once with %RAPPORT_SYNC_ERROR_UNAUTHORIZED. A 2xx answer must be JSON.
 *
 * Returns: (transfer full): the parsed answer, or %NULL with @error set
 */
JsonNode *
rapport_http_request_json (RapportHttp   *self,
                           const char    *method,
                           const char    *path,
                           const char    *query,
                           const char    *body,
                           guint         *status,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) request_body = NULL;

  g_return_val_if_fail (RAPPORT_IS_HTTP (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  uri = g_strconcat (self->base_url, path, query != NULL ? "?" : NULL, query, NULL);
  if (body != NULL)
    request_body = g_bytes_new (body, strlen (body));

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonParser) parser = NULL;
      gboolean may_retry = attempt < self->max_retries;
      gint64 wait_ms = -1;
      guint code;

      msg = soup_message_new (method, uri);
      if (msg == NULL)
        {
          g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                       _("“%s” is not a valid address for %s"), self->base_url, self->service);
          return NULL;
        }
      if (self->authorization != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (msg),
                                      "Authorization", self->authorization);
      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Accept", "application/json");
      if (request_body != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/json", request_body);

      if (!take_token (self, cancellable, error))
        return NULL;

      self->request_count++;
      bytes = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
      if (bytes == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* A certificate that does not verify is never retried or ignored. */
          if (local_error->domain == G_TLS_ERROR || !may_retry)
            {
              g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK,
                           _("Could not reach %s at %s: %s"),
                           self->service, self->base_url, local_error->message);
              return NULL;
            }
          g_debug ("%s %s failed (%s), retrying", method, path, local_error->message);
          if (!sleep_cancellable (backoff_ms (self, attempt), cancellable, error))
            return NULL;
          continue;
        }

      code = soup_message_get_status (msg);
      if (status != NULL)
        *status = code;

      if (code == SOUP_STATUS_UNAUTHORIZED || code == SOUP_STATUS_FORBIDDEN)
        {
          g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_UNAUTHORIZED,
                       _("%s refused the access token (HTTP %u). Add a new private-app token to the account."),
                       self->service, code);
          return NULL;
        }

      if (code == 429 || code >= 500)
        {
          gint64 retry_after = parse_retry_after (msg);

          if (retry_after > MAX_RETRY_AFTER_SECONDS)
            {
              g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_HTTP,
                           _("%s asks to wait %" G_GINT64_FORMAT " seconds before the next request (HTTP %u); sync again later"),
                           self->service, retry_after, code);
              return NULL;
            }
          if (may_retry)
            {
              wait_ms = retry_after >= 0 ? retry_after * 1000 : backoff_ms (self, attempt);
              g_debug ("%s %s answered HTTP %u, retrying in %" G_GINT64_FORMAT " ms",
                       method, path, code, wait_ms);
              if (!sleep_cancellable (wait_ms, cancellable, error))
                return NULL;
              continue;
            }
        }

      if (code >= 400 || code < 200)
        {
          g_autofree char *reason = describe_error_body (bytes);

          g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_HTTP,
                       _("%s answered %s %s with HTTP %u %s%s%s"),
                       self->service, method, path, code,
                       soup_message_get_reason_phrase (msg),
                       reason != NULL ? ": " : "", reason != NULL ? reason : "");
          return NULL;
        }

      if (g_bytes_get_size (bytes) == 0)
        return json_node_new (JSON_NODE_NULL);

      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &local_error))
        {
          g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_BAD_RESPONSE,
                       _("%s response to %s %s is not complete JSON: %s"),
                       self->service, method, path, local_error->message);
          return NULL;
        }

      return json_parser_steal_root (parser);
    }
}

static void
set_field_error (GError     **error,
                 const char  *service,
                 const char  *path,
                 const char  *problem)
{
  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_BAD_RESPONSE,
               /* Translators: "HubSpot response: “paging.next.after” is not a string" */
               _("%s response: “%s” %s"), service, path, problem);
}

/* The last component of "results[3].paging.next" is "next". */
static const char *
member_of_path (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL ? dot + 1 : path;
}

/**
 * rapport_json_require_object:
 * @node: (nullable): a value of a response
 * @path: what the value is called in the response, for the error
 *
 * Returns: (transfer none): @node's object, or %NULL with @error set
 */
JsonObject *
rapport_json_require_object (JsonNode    *node,
                             const char  *service,
                             const char  *path,
                             GError     **error)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_field_error (error, service, path, _("is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_field_error (error, service, path, _("is not an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * rapport_json_require_array:
 * @path: the member's path in the response; its last component is looked up
 *
 * Returns: (transfer none): the array, or %NULL with @error set
 */
JsonArray *
rapport_json_require_array (JsonObject  *object,
                            const char  *service,
                            const char  *path,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member_of_path (path));

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_field_error (error, service, path, _("is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_field_error (error, service, path, _("is not an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * rapport_json_require_string:
 * @path: the member's path in the response; its last component is looked up
 *
 * Returns: (transfer none): the string, or %NULL with @error set
 */
const char *
rapport_json_require_string (JsonObject  *object,
                             const char  *service,
                             const char  *path,
                             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member_of_path (path));

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_field_error (error, service, path, _("is missing"));
      return NULL;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_field_error (error, service, path, _("is not a string"));
      return NULL;
    }

  return json_node_get_string (node);
}

/**
 * rapport_json_lookup_string:
 * @path: a dotted path below @object ("paging.next.after")
 * @value: (out): the string, or %NULL when the path is absent or null
 *
 * Follows an optional path. Absent is fine; present but of the wrong type
 * is an error naming the part that is wrong.
 *
 * Returns: %FALSE with @error set when a part has the wrong type
 */
gboolean
rapport_json_lookup_string (JsonObject   *object,
                            const char   *service,
                            const char   *path,
                            const char  **value,
                            GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  g_autoptr(GString) so_far = g_string_new (NULL);
  JsonObject *current = object;

  *value = NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (current, parts[i]);

      if (i > 0)
        g_string_append_c (so_far, '.');
      g_string_append (so_far, parts[i]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        return TRUE;

      if (parts[i + 1] == NULL)
        {
          if (json_node_get_value_type (node) != G_TYPE_STRING)
            {
              set_field_error (error, service, so_far->str, _("is not a string"));
              return FALSE;
            }
          *value = json_node_get_string (node);
          return TRUE;
        }

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_field_error (error, service, so_far->str, _("is not an object"));
          return FALSE;
        }
      current = json_node_get_object (node);
    }

  return TRUE;
}

/**
 * rapport_json_get_optional_string:
 *
 * Returns: (transfer none) (nullable): @member when it is a non-empty
 *   string, else %NULL
 */
const char *
rapport_json_get_optional_string (JsonObject *object,
                                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);

  return value != NULL && value[0] != '\0' ? value : NULL;
}
