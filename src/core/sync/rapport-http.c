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
/* Silence on a connection this long fails the attempt, which is retried. */
#define ATTEMPT_TIMEOUT_SECONDS 30
#define IDLE_TIMEOUT_SECONDS 60
/* The most one request may take, its retries and the waits between them
 * included, unless #RapportHttp:timeout says otherwise. */
#define DEFAULT_TIMEOUT_SECONDS 120
#define MAX_TIMEOUT_SECONDS (24 * 3600)
#define MAX_REDIRECTS 5
/* Waits for Rapport's own rate limit shorter than this go unannounced. */
#define ANNOUNCE_WAIT_MS 1000

struct _RapportHttp
{
  GObject       parent_instance;

  /* The session's own: a request runs it until its answer, its deadline
   * or a cancel, whichever comes first. */
  GMainContext *context;
  SoupSession  *session;
  char         *service;
  char         *base_url;
  char         *host;
  char         *authorization;
  guint         timeout;

  /* Token bucket: @rate_limit requests per @rate_window seconds, 0 = off. */
  guint         rate_limit;
  guint         rate_window;
  double        tokens;
  gint64        refilled_at;

  guint         backoff_base_ms;
  guint         backoff_cap_ms;
  guint         max_retries;
  guint64       request_count;
};

G_DEFINE_FINAL_TYPE (RapportHttp, rapport_http, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  WAITING,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
rapport_http_finalize (GObject *object)
{
  RapportHttp *self = (RapportHttp *)object;

  if (self->session != NULL)
    {
      /* The session lets go of its connections in its own context. */
      g_main_context_push_thread_default (self->context);
      g_clear_object (&self->session);
      while (g_main_context_iteration (self->context, FALSE))
        ;
      g_main_context_pop_thread_default (self->context);
    }
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->host, g_free);
  /* Scrub the token before the memory goes back to the allocator. */
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_clear_pointer (&self->authorization, g_free);

  G_OBJECT_CLASS (rapport_http_parent_class)->finalize (object);
}

static void
rapport_http_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RapportHttp *self = RAPPORT_HTTP (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_http_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RapportHttp *self = RAPPORT_HTTP (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      rapport_http_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_http_class_init (RapportHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_http_finalize;
  object_class->get_property = rapport_http_get_property;
  object_class->set_property = rapport_http_set_property;

  /**
   * RapportHttp:timeout:
   *
   * The most one request may take, in seconds, its retries and the waits
   * between them included. Tests shorten it, or set RAPPORT_HTTP_TIMEOUT
   * for a program they start.
   */
  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportHttp::waiting:
   * @seconds: how long, rounded up
   * @reason: why, in words for a progress line ("rate limit",
   *   "retry 1 of 5: HTTP 503 Service Unavailable")
   *
   * A request waits before it goes (again). Emitted in the thread that
   * makes the request.
   */
  signals [WAITING] =
    g_signal_new ("waiting",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
rapport_http_init (RapportHttp *self)
{
  const char *timeout = g_getenv ("RAPPORT_HTTP_TIMEOUT");
  guint64 seconds;

  self->backoff_base_ms = 500;
  self->backoff_cap_ms = 30000;
  self->max_retries = 5;
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  /* For tests that start a program: a server that never answers fails it
   * in seconds, not minutes. */
  if (timeout != NULL && g_ascii_string_to_unsigned (timeout, 10, 1, MAX_TIMEOUT_SECONDS, &seconds, NULL))
    self->timeout = seconds;
}

/* "api.hubapi.com", "127.0.0.1:8080", "[::1]:8080" */
static char *
describe_host (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  gboolean ipv6 = strchr (host, ':') != NULL;

  if (g_uri_get_port (uri) != -1)
    return g_strdup_printf (ipv6 ? "[%s]:%d" : "%s:%d", host, g_uri_get_port (uri));
  return g_strdup_printf (ipv6 ? "[%s]" : "%s", host);
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
  {
    g_autoptr(GUri) uri = g_uri_parse (self->base_url, SOUP_HTTP_URI_FLAGS, NULL);

    self->host = uri != NULL && g_uri_get_host (uri) != NULL ? describe_host (uri)
                                                             : g_strdup (self->base_url);
  }
  if (token != NULL)
    self->authorization = g_strconcat ("Bearer ", token, NULL);
  self->rate_limit = rate_limit;
  self->rate_window = MAX (rate_window, 1);
  self->tokens = rate_limit;
  self->refilled_at = g_get_monotonic_time ();

  /* The session belongs to a context of its own, whichever thread uses it. */
  self->context = g_main_context_new ();
  g_main_context_push_thread_default (self->context);
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "timeout", ATTEMPT_TIMEOUT_SECONDS,
                                "idle-timeout", IDLE_TIMEOUT_SECONDS,
                                "user-agent", user_agent,
                                NULL);
  g_main_context_pop_thread_default (self->context);

  return self;
}

const char *
rapport_http_get_service (RapportHttp *self)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), NULL);

  return self->service;
}

/**
 * rapport_http_get_host:
 *
 * Returns: the host of the base URL, with its port when it names one
 *   ("api.hubapi.com", "127.0.0.1:8080")
 */
const char *
rapport_http_get_host (RapportHttp *self)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), NULL);

  return self->host;
}

guint
rapport_http_get_timeout (RapportHttp *self)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), 0);

  return self->timeout;
}

/**
 * rapport_http_set_timeout:
 * @seconds: the most one request may take, retries and waits included
 */
void
rapport_http_set_timeout (RapportHttp *self,
                          guint        seconds)
{
  g_return_if_fail (RAPPORT_IS_HTTP (self));
  g_return_if_fail (seconds > 0);

  seconds = MIN (seconds, MAX_TIMEOUT_SECONDS);
  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
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

/* Watches a stretch of time in the session's context: it ends when @ms
 * pass (fired) or when the caller's cancellable is cancelled, and either
 * cancels its own cancellable, which a request in flight listens to. */
typedef struct
{
  GCancellable *cancellable;
  GSource      *timer;
  GSource      *cancelled;
  gboolean      fired;
} Watch;

static gboolean
on_watch_timer_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->fired = TRUE;
  g_cancellable_cancel (watch->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
on_watch_cancelled_cb (GCancellable *cancellable,
                       gpointer      user_data)
{
  Watch *watch = user_data;

  g_cancellable_cancel (watch->cancellable);
  return G_SOURCE_REMOVE;
}

static void
watch_begin (RapportHttp  *self,
             Watch        *watch,
             GCancellable *cancellable,
             gint64        ms)
{
  watch->cancellable = g_cancellable_new ();
  watch->fired = FALSE;

  watch->timer = g_timeout_source_new ((guint) CLAMP (ms, 0, G_MAXUINT));
  g_source_set_callback (watch->timer, on_watch_timer_cb, watch, NULL);
  g_source_set_static_name (watch->timer, "[rapport] http deadline");
  g_source_attach (watch->timer, self->context);

  /* A cancel from another thread wakes the context at once. */
  watch->cancelled = NULL;
  if (cancellable != NULL)
    {
      watch->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (watch->cancelled, G_SOURCE_FUNC (on_watch_cancelled_cb), watch, NULL);
      g_source_set_static_name (watch->cancelled, "[rapport] http cancel");
      g_source_attach (watch->cancelled, self->context);
    }
}

static void
watch_end (Watch *watch)
{
  g_source_destroy (watch->timer);
  g_clear_pointer (&watch->timer, g_source_unref);
  if (watch->cancelled != NULL)
    g_source_destroy (watch->cancelled);
  g_clear_pointer (&watch->cancelled, g_source_unref);
  g_clear_object (&watch->cancellable);
}

/* Waits @ms, or less when @cancellable is cancelled. */
static gboolean
wait_cancellable (RapportHttp   *self,
                  gint64         ms,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Watch watch;

  watch_begin (self, &watch, cancellable, ms);
  while (!watch.fired && !g_cancellable_is_cancelled (watch.cancellable))
    g_main_context_iteration (self->context, TRUE);
  watch_end (&watch);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
announce_wait (RapportHttp *self,
               gint64       ms,
               const char  *reason)
{
  guint seconds = (guint) MAX (1, (ms + 999) / 1000);

  g_signal_emit (self, signals [WAITING], 0, seconds, reason);
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
      gint64 wait_ms;

      self->tokens = MIN ((double) self->rate_limit, self->tokens + (now - self->refilled_at) * rate);
      self->refilled_at = now;
      if (self->tokens >= 1.0)
        {
          self->tokens -= 1.0;
          return TRUE;
        }

      wait_ms = (gint64) ((1.0 - self->tokens) / rate / 1000.0) + 1;
      if (wait_ms >= ANNOUNCE_WAIT_MS)
        announce_wait (self, wait_ms, _("rate limit"));
      if (!wait_cancellable (self, wait_ms, cancellable, error))
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

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* @text is what the error quotes: the address, or a redirect's origin. */
static gboolean
check_uri (GUri        *uri,
           const char  *text,
           GError     **error)
{
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (scheme == NULL || host == NULL || host[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                   _("“%s” is not an http:// or https:// address"), text);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (host))
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                   _("“%s” is a plain http:// address: the access token would travel unencrypted. "
                     "Use https://; plain http:// is only for a server on this computer "
                     "(localhost, 127.0.0.1, ::1)"),
                   text);
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_http_check_url:
 * @url: an API's address
 *
 * A token travels only over https://, or over plain http:// to this
 * computer (localhost, 127.0.0.0/8, ::1), where local servers and tests
 * listen.
 *
 * Returns: %FALSE with @error set (%RAPPORT_SYNC_ERROR_INVALID) when
 *   @url is not such an address
 */
gboolean
rapport_http_check_url (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  return check_uri (uri, url, error);
}

static int
effective_port (GUri *uri)
{
  if (g_uri_get_port (uri) != -1)
    return g_uri_get_port (uri);
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
    return 443;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0)
    return 80;
  return -1;
}

/* Scheme, host and port, as browsers compare them. */
static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         effective_port (a) == effective_port (b);
}

/* "https://example.org", "http://127.0.0.1:8080": never a path or query,
 * which could hold anything. */
static char *
describe_origin (GUri *uri)
{
  g_autofree char *host = NULL;

  if (g_uri_get_scheme (uri) == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup ("?");
  host = describe_host (uri);
  return g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), host);
}

static gboolean
check_redirect (RapportHttp  *self,
                GUri         *from,
                GUri         *to,
                const char   *method,
                const char   *path,
                GError      **error)
{
  g_autofree char *origin = describe_origin (to);

  /* The token is for the server it was given for, never another one. */
  if (self->authorization != NULL && !same_origin (from, to))
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_HTTP,
                   _("%s redirected %s %s to another server, %s; Rapport does not follow it, "
                     "so that the access token goes to %s only"),
                   self->service, method, path, origin, self->host);
      return FALSE;
    }

  return check_uri (to, origin, error);
}

static void
set_deadline_error (RapportHttp  *self,
                    const char   *method,
                    const char   *path,
                    const char   *last,
                    GError      **error)
{
  if (last == NULL)
    g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s at %s did not answer %s %s in %u second",
                              "%s at %s did not answer %s %s in %u seconds", self->timeout),
                 self->service, self->base_url, method, path, self->timeout);
  else
    g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK,
                 /* Translators: the last %s says what went wrong the last time, "HTTP 503 Service Unavailable" */
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s at %s did not answer %s %s in %u second (the last try: %s)",
                              "%s at %s did not answer %s %s in %u seconds (the last try: %s)", self->timeout),
                 self->service, self->base_url, method, path, self->timeout, last);
}

typedef struct
{
  GBytes   *bytes;
  GError   *error;
  gboolean  done;
} Exchange;

static void
on_send_and_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Exchange *exchange = user_data;

  exchange->bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &exchange->error);
  exchange->done = TRUE;
}

/* Sends @msg and reads its answer in the session's context, until the
 * answer, @deadline (monotonic µs) or a cancel of @cancellable. */
static GBytes *
exchange_message (RapportHttp   *self,
                  SoupMessage   *msg,
                  GCancellable  *cancellable,
                  gint64         deadline,
                  gboolean      *timed_out,
                  GError       **error)
{
  Exchange exchange = { NULL, NULL, FALSE };
  Watch watch;

  watch_begin (self, &watch, cancellable, MAX (0, (deadline - g_get_monotonic_time ()) / 1000));
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, watch.cancellable,
                                    on_send_and_read_cb, &exchange);
  while (!exchange.done)
    g_main_context_iteration (self->context, TRUE);
  *timed_out = watch.fired;
  watch_end (&watch);

  if (exchange.bytes == NULL)
    g_propagate_error (error, exchange.error);
  return exchange.bytes;
}

typedef enum
{
  SENT_ANSWERED,
  SENT_FAILED,  /* no complete answer; worth another try */
  SENT_STOPPED, /* cancelled, out of time or refused: the error is final */
} Sent;

/* One try: the request and the redirects on its origin. @deadline starts
 * once the first request may go, so the wait for Rapport's own rate limit
 * is not counted against the server. */
static Sent
send_once (RapportHttp   *self,
           const char    *method,
           const char    *path,
           GUri          *uri,
           GBytes        *request_body,
           GCancellable  *cancellable,
           gint64        *deadline,
           SoupMessage  **answered,
           GBytes       **answer,
           GError       **error)
{
  g_autoptr(GUri) current = g_uri_ref (uri);
  const char *current_method = method;
  GBytes *current_body = request_body;

  for (guint redirects = 0;; redirects++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (current_method, current);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GUri) next = NULL;
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
      const char *location;
      gboolean timed_out = FALSE;
      guint code;

      /* Redirects are followed here, where their target can be checked. */
      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      if (self->authorization != NULL)
        soup_message_headers_replace (headers, "Authorization", self->authorization);
      soup_message_headers_replace (headers, "Accept", "application/json");
      if (current_body != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/json", current_body);

      if (!take_token (self, cancellable, error))
        return SENT_STOPPED;
      if (*deadline == 0)
        *deadline = g_get_monotonic_time () + (gint64) self->timeout * G_USEC_PER_SEC;

      self->request_count++;
      bytes = exchange_message (self, msg, cancellable, *deadline, &timed_out, &local_error);
      if (bytes == NULL)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return SENT_STOPPED;
          if (timed_out)
            {
              set_deadline_error (self, method, path, NULL, error);
              return SENT_STOPPED;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return SENT_FAILED;
        }

      code = soup_message_get_status (msg);
      location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
      if ((code != 301 && code != 302 && code != 303 && code != 307 && code != 308) || location == NULL)
        {
          *answered = g_steal_pointer (&msg);
          *answer = g_steal_pointer (&bytes);
          return SENT_ANSWERED;
        }

      next = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
      if (next == NULL)
        {
          g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_BAD_RESPONSE,
                       _("%s redirected %s %s to an address that is not valid"), self->service, method, path);
          return SENT_STOPPED;
        }
      if (!check_redirect (self, current, next, method, path, error))
        return SENT_STOPPED;
      if (redirects == MAX_REDIRECTS)
        {
          g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_HTTP,
                       _("%s redirected %s %s more than %u times"), self->service, method, path, MAX_REDIRECTS);
          return SENT_STOPPED;
        }
      g_debug ("%s %s redirected (HTTP %u)", method, path, code);

      /* As browsers do: 303 asks for a GET, and so do 301 and 302 after a POST. */
      if (code == 303 || ((code == 301 || code == 302) && g_str_equal (current_method, "POST")))
        {
          current_method = "GET";
          current_body = NULL;
        }
      g_clear_pointer (&current, g_uri_unref);
      if (g_uri_get_fragment (next) != NULL)
        current = soup_uri_copy (next, SOUP_URI_FRAGMENT, NULL, SOUP_URI_NONE);
      else
        current = g_steal_pointer (&next);
    }
}

/* Waits before try @attempt + 2, unless that would pass @deadline. */
static gboolean
wait_to_retry (RapportHttp   *self,
               const char    *method,
               const char    *path,
               guint          attempt,
               gint64         wait_ms,
               gboolean       rate_limited,
               const char    *failure,
               GCancellable  *cancellable,
               gint64         deadline,
               GError       **error)
{
  g_autofree char *reason = NULL;

  if (g_get_monotonic_time () + wait_ms * 1000 >= deadline)
    {
      set_deadline_error (self, method, path, failure, error);
      return FALSE;
    }

  g_debug ("%s %s: %s; retrying in %" G_GINT64_FORMAT " ms", method, path, failure, wait_ms);
  if (rate_limited)
    reason = g_strdup (_("rate limit"));
  else
    /* Translators: "retry 1 of 5: HTTP 503 Service Unavailable" */
    reason = g_strdup_printf (_("retry %u of %u: %s"), attempt + 1, self->max_retries, failure);
  announce_wait (self, wait_ms, reason);

  return wait_cancellable (self, wait_ms, cancellable, error);
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
 * answers, dropped connections and answers cut short: after Retry-After when
 * the platform sends one, else after a capped exponential backoff with
 * jitter. 401 and 403 fail at once with %RAPPORT_SYNC_ERROR_UNAUTHORIZED. A
 * 2xx answer must be JSON.
 *
 * The request, its retries and the waits between them take at most
 * #RapportHttp:timeout seconds; a cancel of @cancellable stops it at once,
 * in flight or waiting. Redirects are followed on the same origin only
 * when the request carries the token, and a token never goes over plain
 * http:// beyond this computer. Each wait is announced with
 * #RapportHttp::waiting.
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
  g_autoptr(GMainContextPusher) pusher = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) request_body = NULL;
  gint64 deadline = 0;

  g_return_val_if_fail (RAPPORT_IS_HTTP (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  text = g_strconcat (self->base_url, path, query != NULL ? "?" : NULL, query, NULL);
  uri = g_uri_parse (text, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID,
                   _("“%s” is not a valid address for %s"), self->base_url, self->service);
      return NULL;
    }
  /* Accounts are checked when they are added; this is the safety net. */
  if (!check_uri (uri, self->base_url, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (body != NULL)
    request_body = g_bytes_new (body, strlen (body));

  pusher = g_main_context_pusher_new (self->context);

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonParser) parser = NULL;
      g_autofree char *failure = NULL;
      gboolean may_retry = attempt < self->max_retries;
      gboolean rate_limited = FALSE;
      gint64 wait_ms = -1;
      guint code;

      switch (send_once (self, method, path, uri, request_body, cancellable, &deadline,
                         &msg, &bytes, &local_error))
        {
        case SENT_STOPPED:
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;

        case SENT_FAILED:
          {
            /* Fewer bytes than Content-Length, or a chunk cut off. */
            gboolean partial = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);

            /* A certificate that does not verify is never retried or ignored. */
            if (local_error->domain == G_TLS_ERROR || !may_retry)
              {
                if (partial)
                  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s at %s sent an incomplete answer to %s %s (%s); "
                                            "gave up after %u try",
                                            "%s at %s sent an incomplete answer to %s %s (%s); "
                                            "gave up after %u tries", attempt + 1),
                               self->service, self->base_url, method, path, local_error->message,
                               attempt + 1);
                else
                  g_set_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK,
                               _("Could not reach %s at %s: %s"),
                               self->service, self->base_url, local_error->message);
                return NULL;
              }
            if (partial)
              /* Translators: %s is the network's error, "Connection terminated unexpectedly" */
              failure = g_strdup_printf (_("incomplete answer (%s)"), local_error->message);
            else
              failure = g_strdup (local_error->message);
            wait_ms = backoff_ms (self, attempt);
          }
          break;

        case SENT_ANSWERED:
        default:
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
                  failure = g_strdup_printf ("HTTP %u %s", code, soup_message_get_reason_phrase (msg));
                  wait_ms = retry_after >= 0 ? retry_after * 1000 : backoff_ms (self, attempt);
                  rate_limited = code == 429;
                }
            }

          if (failure == NULL)
            {
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
          break;
        }

      if (!wait_to_retry (self, method, path, attempt, wait_ms, rate_limited, failure,
                          cancellable, deadline, error))
        return NULL;
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
