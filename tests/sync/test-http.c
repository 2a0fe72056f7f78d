/* test-http.c
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

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-account.h"
#include "rapport-connector.h"
#include "rapport-http.h"
#include "rapport-mock-http.h"
#include "rapport-store.h"

#define TOKEN "pat-na1-5a1e-rapport-http-test-token"

/* One request in a thread of its own, so a client that hangs fails the
 * test at once instead of blocking it. */
typedef struct
{
  RapportHttp  *http;
  const char   *path;
  GCancellable *cancellable;
  GThread      *thread;
  JsonNode     *root;
  GError       *error;
  gint64        started;
  gint64        finished;
  gint          done;
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;

  call->root = rapport_http_request_json (call->http, "GET", call->path, NULL, NULL, NULL,
                                          call->cancellable, &call->error);
  call->finished = g_get_monotonic_time ();
  g_atomic_int_set (&call->done, TRUE);
  return NULL;
}

static void
call_start (Call         *call,
            RapportHttp  *http,
            const char   *path,
            GCancellable *cancellable)
{
  memset (call, 0, sizeof *call);
  call->http = http;
  call->path = path;
  call->cancellable = cancellable;
  call->started = g_get_monotonic_time ();
  call->thread = g_thread_new ("test-http-call", call_thread, call);
}

/* Waits at most @max_seconds for the request to return. */
static void
call_wait (Call  *call,
           guint  max_seconds)
{
  gint64 deadline = call->started + max_seconds * G_USEC_PER_SEC;

  while (!g_atomic_int_get (&call->done))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("GET %s has not returned after %u s", call->path, max_seconds);
      g_usleep (10000);
    }
  g_thread_join (call->thread);
}

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->root, json_node_unref);
  g_clear_error (&call->error);
}

static double
call_seconds (Call *call)
{
  return (call->finished - call->started) / (double) G_USEC_PER_SEC;
}

static RapportHttp *
new_http (const char *url,
          const char *token)
{
  RapportHttp *http = rapport_http_new ("HubSpot", url, token, 0, 10);

  rapport_http_set_backoff (http, 10, 10, 5);
  return http;
}

/* A server that takes the request and never answers is cut off at the
 * deadline, and the error says who did not answer and for how long. */
static void
test_deadline (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), TOKEN);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", rapport_mock_http_get_port (server));
  guint timeout = 0;
  Call call;

  g_object_get (http, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, >=, 30);
  g_assert_cmpuint (timeout, <=, 300);

  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_HANG, G_MAXUINT);
  g_object_set (http, "timeout", 2, NULL);
  call_start (&call, http, "/crm/v3/objects/contacts", NULL);
  call_wait (&call, 20);

  g_assert_null (call.root);
  g_assert_error (call.error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK);
  g_test_message ("%s", call.error->message);
  g_assert_nonnull (strstr (call.error->message, host));
  g_assert_nonnull (strstr (call.error->message, "did not answer"));
  g_assert_nonnull (strstr (call.error->message, "in 2 seconds"));
  g_assert_cmpfloat (call_seconds (&call), >=, 1.9);
  g_assert_cmpfloat (call_seconds (&call), <, 5.0);
  call_clear (&call);
}

/* The deadline covers the retries and their waits, not each attempt. */
static void
test_deadline_retries (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), TOKEN);
  Call call;

  /* 503 with Retry-After: 1, five retries: 5 s without a deadline. */
  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_UNAVAILABLE, G_MAXUINT);
  g_object_set (http, "timeout", 2, NULL);
  call_start (&call, http, "/crm/v3/objects/companies", NULL);
  call_wait (&call, 20);

  g_assert_error (call.error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK);
  g_test_message ("%s", call.error->message);
  g_assert_nonnull (strstr (call.error->message, "in 2 seconds"));
  g_assert_nonnull (strstr (call.error->message, "HTTP 503"));
  g_assert_cmpfloat (call_seconds (&call), <, 3.5);
  g_assert_cmpuint (rapport_mock_http_count_requests (server), >=, 1);
  g_assert_cmpuint (rapport_mock_http_count_requests (server), <=, 3);
  call_clear (&call);
}

/* A cancel reaches a request the server is sitting on. */
static void
test_cancel_in_flight (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), TOKEN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 cancelled_at;
  Call call;

  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_HANG, G_MAXUINT);
  call_start (&call, http, "/crm/v3/objects/contacts", cancellable);
  while (rapport_mock_http_count_requests (server) == 0)
    g_usleep (1000);
  g_usleep (200000);
  g_assert_false (g_atomic_int_get (&call.done));

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  call_wait (&call, 20);

  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (call.finished - cancelled_at, <, G_USEC_PER_SEC / 2);
  call_clear (&call);
}

/* A cancel wakes the wait before a retry at once. */
static void
test_cancel_wait (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), TOKEN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 cancelled_at;
  Call call;

  /* 500 without Retry-After: the backoff waits 20 to 40 s. */
  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_ERROR, G_MAXUINT);
  rapport_http_set_backoff (http, 40000, 40000, 5);
  call_start (&call, http, "/crm/v3/objects/contacts", cancellable);
  while (rapport_mock_http_count_requests (server) == 0)
    g_usleep (1000);

  g_usleep (300000);
  g_assert_false (g_atomic_int_get (&call.done));

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  call_wait (&call, 20);

  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (call.finished - cancelled_at, <, G_USEC_PER_SEC / 5);
  g_assert_cmpuint (rapport_mock_http_count_requests (server), ==, 1);
  call_clear (&call);
}

/* A body that stops short of its Content-Length, or a connection closed in
 * the middle of a chunk, is retried like a 5xx; when it keeps happening the
 * error says so. */
static void
test_short_body (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), TOKEN);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", rapport_mock_http_get_port (server));
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_SHORT_BODY, 2);
  root = rapport_http_request_json (http, "GET", "/short", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "ok"));
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpuint (rapport_mock_http_count_requests (server), ==, 3);
  g_assert_cmpuint (rapport_http_get_request_count (http), ==, 3);

  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_CUT_CHUNK, 1);
  root = rapport_http_request_json (http, "GET", "/chunked", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpuint (rapport_mock_http_count_requests (server), ==, 5);

  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_SHORT_BODY, G_MAXUINT);
  rapport_http_set_backoff (http, 10, 10, 2);
  root = rapport_http_request_json (http, "GET", "/always-short", NULL, NULL, NULL, NULL, &error);
  g_assert_null (root);
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, host));
  g_assert_nonnull (strstr (error->message, "GET /always-short"));
  g_assert_nonnull (strstr (error->message, "incomplete"));
  g_assert_nonnull (strstr (error->message, "3 tries"));
  g_assert_cmpuint (rapport_mock_http_count_requests (server), ==, 5 + 3);
}

/* The token never follows a redirect to another origin. */
static void
test_redirect_other_origin (void)
{
  g_autoptr(RapportMockHttp) first = rapport_mock_http_new ();
  g_autoptr(RapportMockHttp) second = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (first), TOKEN);
  g_autoptr(RapportHttp) anonymous = new_http (rapport_mock_http_get_url (first), NULL);
  g_autofree char *location = g_strconcat (rapport_mock_http_get_url (second), "/elsewhere", NULL);
  g_autofree char *by_name = g_strdup_printf ("http://localhost:%u/elsewhere",
                                              rapport_mock_http_get_port (first));
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  rapport_mock_http_set_redirect (first, location);
  rapport_mock_http_set_mode (first, RAPPORT_MOCK_HTTP_REDIRECT, G_MAXUINT);

  root = rapport_http_request_json (http, "GET", "/crm/v3/objects/contacts", NULL, NULL, NULL, NULL, &error);
  g_assert_null (root);
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_HTTP);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "redirect"));
  g_assert_nonnull (strstr (error->message, rapport_mock_http_get_url (second)));
  g_assert_null (strstr (error->message, TOKEN));
  g_assert_cmpuint (rapport_mock_http_count_authorized (first), ==, 1);
  g_assert_cmpuint (rapport_mock_http_count_requests (second), ==, 0);
  g_assert_cmpuint (rapport_mock_http_count_authorized (second), ==, 0);
  g_clear_error (&error);

  /* The same server by another name is another origin too. */
  rapport_mock_http_set_redirect (first, by_name);
  root = rapport_http_request_json (http, "GET", "/crm/v3/objects/contacts", NULL, NULL, NULL, NULL, &error);
  g_assert_null (root);
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_HTTP);
  g_assert_cmpuint (rapport_mock_http_count_requests (first), ==, 2);
  g_clear_error (&error);

  /* Without a token there is nothing to give away. */
  rapport_mock_http_set_redirect (first, location);
  root = rapport_http_request_json (anonymous, "GET", "/public", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpuint (rapport_mock_http_count_requests (second), ==, 1);
  g_assert_cmpuint (rapport_mock_http_count_authorized (second), ==, 0);
}

/* A redirect on the same origin is followed, token and all. */
static void
test_redirect_same_origin (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), TOKEN);
  g_autofree char *location = g_strconcat (rapport_mock_http_get_url (server), "/moved", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  rapport_mock_http_set_redirect (server, location);
  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_REDIRECT, 1);

  root = rapport_http_request_json (http, "GET", "/crm/v3/objects/contacts", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "path"), ==, "/moved");
  g_assert_cmpuint (rapport_mock_http_count_requests (server), ==, 2);
  g_assert_cmpuint (rapport_mock_http_count_authorized (server), ==, 2);
}

static void
assert_refused (const char *url,
                const char *token)
{
  g_autoptr(RapportHttp) http = new_http (url, token);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = rapport_http_request_json (http, "GET", "/crm/v3/objects/contacts", NULL, NULL, NULL, NULL, &error);
  g_assert_null (root);
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "http://"));
  g_assert_nonnull (strstr (error->message, "unencrypted"));
  g_assert_cmpuint (rapport_http_get_request_count (http), ==, 0);
}

static void
assert_allowed (const char *url)
{
  g_autoptr(RapportHttp) http = new_http (url, TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  rapport_http_set_backoff (http, 1, 1, 0);
  root = rapport_http_request_json (http, "GET", "/crm/v3/objects/contacts", NULL, NULL, NULL, NULL, &error);
  /* Nothing listens there: the request went out and was refused. */
  g_assert_null (root);
  g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_NETWORK);
}

/* A token never travels over plain http:// beyond this computer. */
static void
test_plain_http (void)
{
  g_autoptr(RapportMockHttp) server = rapport_mock_http_new ();
  g_autofree char *by_name = g_strdup_printf ("http://localhost:%u", rapport_mock_http_get_port (server));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused ("http://example.invalid", TOKEN);
  assert_refused ("http://example.invalid:8080/api", NULL);
  assert_refused ("http://10.0.0.1", TOKEN);
  assert_refused ("http://127.0.0.1.example.invalid", TOKEN);
  assert_refused ("HTTP://Example.Invalid", TOKEN);

  assert_allowed ("http://127.0.0.1:1");
  assert_allowed ("http://127.45.6.7:1");
  assert_allowed ("http://[::1]:1");
  assert_allowed ("http://localhost:1");

  {
    g_autoptr(RapportHttp) http = new_http (by_name, TOKEN);
    g_autoptr(JsonNode) root = rapport_http_request_json (http, "GET", "/ok", NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (root);
  }

  /* A redirect from a loopback server to plain http elsewhere is refused
   * too, with or without a token. */
  rapport_mock_http_set_redirect (server, "http://example.invalid/next");
  rapport_mock_http_set_mode (server, RAPPORT_MOCK_HTTP_REDIRECT, G_MAXUINT);
  {
    g_autoptr(RapportHttp) http = new_http (rapport_mock_http_get_url (server), NULL);
    g_autoptr(JsonNode) root = rapport_http_request_json (http, "GET", "/x", NULL, NULL, NULL, NULL, &error);

    g_assert_null (root);
    g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "unencrypted"));
    g_clear_error (&error);
  }

  /* An account is refused such an address when it is added, before the
   * token reaches the keyring. */
  dir = g_dir_make_tmp ("rapport-http-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportAccount) account = rapport_account_add (store, "hubspot", "Plain", "http://crm.example.org",
                                                             0, TOKEN, &error);

    g_assert_null (account);
    g_assert_error (error, RAPPORT_SYNC_ERROR, RAPPORT_SYNC_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "http://crm.example.org"));
    g_assert_nonnull (strstr (error->message, "unencrypted"));
    g_assert_nonnull (strstr (error->message, "https://"));
    g_clear_error (&error);
  }
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/sync/http/deadline", test_deadline);
  g_test_add_func ("/rapport/sync/http/deadline-retries", test_deadline_retries);
  g_test_add_func ("/rapport/sync/http/cancel-in-flight", test_cancel_in_flight);
  g_test_add_func ("/rapport/sync/http/cancel-wait", test_cancel_wait);
  g_test_add_func ("/rapport/sync/http/short-body", test_short_body);
  g_test_add_func ("/rapport/sync/http/redirect-other-origin", test_redirect_other_origin);
  g_test_add_func ("/rapport/sync/http/redirect-same-origin", test_redirect_same_origin);
  g_test_add_func ("/rapport/sync/http/plain-http", test_plain_http);

  return g_test_run ();
}
