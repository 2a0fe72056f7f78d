/* rapport-mock-http.c
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

#define G_LOG_DOMAIN "rapport-mock-http"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "rapport-mock-http.h"

struct _RapportMockHttp
{
  GMutex               mutex;
  GCond                cond;
  GThread             *thread;
  GMainContext        *context;
  GMainLoop           *loop;
  SoupServer          *server;
  char                *url;
  guint                port;

  RapportMockHttpMode  mode;
  guint                mode_count;
  char                *location;
  guint                requests;
  guint                authorized;
  char                *last_path;
};

/* Answers on the connection itself, bypassing SoupServer, to say what no
 * well-behaved server would. */
static void
write_raw (SoupServerMessage *msg,
           const char        *raw)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *output = g_io_stream_get_output_stream (stream);

  g_output_stream_write_all (output, raw, strlen (raw), NULL, NULL, NULL);
  g_output_stream_flush (output, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  RapportMockHttp *self = user_data;
  RapportMockHttpMode mode = RAPPORT_MOCK_HTTP_JSON;
  g_autofree char *location = NULL;

  g_mutex_lock (&self->mutex);
  self->requests++;
  if (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                    "Authorization") != NULL)
    self->authorized++;
  g_free (self->last_path);
  self->last_path = g_strdup (path);
  if (self->mode_count > 0)
    {
      mode = self->mode;
      if (self->mode_count != G_MAXUINT)
        self->mode_count--;
    }
  location = g_strdup (self->location);
  g_mutex_unlock (&self->mutex);

  switch (mode)
    {
    case RAPPORT_MOCK_HTTP_HANG:
      /* Freed with the server. */
      soup_server_message_pause (msg);
      break;

    case RAPPORT_MOCK_HTTP_SHORT_BODY:
      write_raw (msg,
                 "HTTP/1.1 200 OK\r\n"
                 "Content-Type: application/json\r\n"
                 "Content-Length: 400\r\n"
                 "\r\n"
                 "{\"results\":[{\"id\":\"1\"},");
      break;

    case RAPPORT_MOCK_HTTP_CUT_CHUNK:
      write_raw (msg,
                 "HTTP/1.1 200 OK\r\n"
                 "Content-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n"
                 "\r\n"
                 "40\r\n"
                 "{\"results\":[{\"id\":\"1\"},");
      break;

    case RAPPORT_MOCK_HTTP_REDIRECT:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
      break;

    case RAPPORT_MOCK_HTTP_UNAVAILABLE:
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "1");
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"message\":\"down\"}", strlen ("{\"message\":\"down\"}"));
      break;

    case RAPPORT_MOCK_HTTP_ERROR:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"message\":\"oops\"}", strlen ("{\"message\":\"oops\"}"));
      break;

    case RAPPORT_MOCK_HTTP_JSON:
    default:
      {
        g_autofree char *body = g_strdup_printf ("{\"ok\":true,\"path\":\"%s\"}", path);

        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                          body, strlen (body));
      }
      break;
    }
}

static gpointer
server_thread (gpointer data)
{
  RapportMockHttp *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("The mock HTTP server cannot listen on 127.0.0.1: %s", error->message);

  uris = soup_server_get_uris (self->server);
  g_mutex_lock (&self->mutex);
  self->port = g_uri_get_port (uris->data);
  self->url = g_uri_to_string (uris->data);
  while (g_str_has_suffix (self->url, "/"))
    self->url[strlen (self->url) - 1] = '\0';
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let the closed connections finish before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * rapport_mock_http_new:
 *
 * Answers every request with JSON until told otherwise.
 */
RapportMockHttp *
rapport_mock_http_new (void)
{
  RapportMockHttp *self = g_new0 (RapportMockHttp, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("mock-http", server_thread, self);

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
rapport_mock_http_free (RapportMockHttp *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_free (self->url);
  g_free (self->location);
  g_free (self->last_path);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

/**
 * rapport_mock_http_get_url:
 *
 * Returns: "http://127.0.0.1:PORT", without a trailing slash
 */
const char *
rapport_mock_http_get_url (RapportMockHttp *self)
{
  return self->url;
}

guint
rapport_mock_http_get_port (RapportMockHttp *self)
{
  return self->port;
}

/**
 * rapport_mock_http_set_mode:
 * @count: how many of the next requests get @mode, %G_MAXUINT for all;
 *   the others get JSON
 */
void
rapport_mock_http_set_mode (RapportMockHttp     *self,
                            RapportMockHttpMode  mode,
                            guint                count)
{
  g_mutex_lock (&self->mutex);
  self->mode = mode;
  self->mode_count = count;
  g_mutex_unlock (&self->mutex);
}

/* Sets the Location of %RAPPORT_MOCK_HTTP_REDIRECT answers. */
void
rapport_mock_http_set_redirect (RapportMockHttp *self,
                                const char      *location)
{
  g_mutex_lock (&self->mutex);
  g_free (self->location);
  self->location = g_strdup (location);
  g_mutex_unlock (&self->mutex);
}

guint
rapport_mock_http_count_requests (RapportMockHttp *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->requests;
  g_mutex_unlock (&self->mutex);

  return n;
}

/* Requests that carried an Authorization header. */
guint
rapport_mock_http_count_authorized (RapportMockHttp *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->authorized;
  g_mutex_unlock (&self->mutex);

  return n;
}

char *
rapport_mock_http_dup_last_path (RapportMockHttp *self)
{
  char *path;

  g_mutex_lock (&self->mutex);
  path = g_strdup (self->last_path);
  g_mutex_unlock (&self->mutex);

  return path;
}
