/* rapport-test-radicale.c
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

#define G_LOG_DOMAIN "rapport-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "rapport-test-radicale.h"

struct _RapportTestRadicale
{
  char        *dir;
  GSubprocess *process;
  SoupSession *session;
  char        *home;
  char        *authorization;
};

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* A test that fails aborts the program: Radicale goes with it. */
static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * rapport_test_radicale_start:
 * @program: the radicale executable
 *
 * Starts Radicale with @user and @password as its one account, and waits
 * until it answers.
 */
/* A calendar server keeps its own clock, as a real one does: when the suite
 * runs under faketime (build-aux/test --dates), Radicale is started without
 * it, so only the client lives on the faked day. */
static void
keep_own_clock (GSubprocessLauncher *launcher)
{
  const char *preload = g_getenv ("LD_PRELOAD");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) joined = NULL;
  g_autofree char *value = NULL;

  g_subprocess_launcher_unsetenv (launcher, "FAKETIME");
  if (preload == NULL)
    return;

  parts = g_strsplit_set (preload, ": ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && strstr (parts[i], "faketime") == NULL)
      g_strv_builder_add (kept, parts[i]);
  joined = g_strv_builder_end (kept);
  value = g_strjoinv (":", joined);

  if (*value == '\0')
    g_subprocess_launcher_unsetenv (launcher, "LD_PRELOAD");
  else
    g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", value, TRUE);
}

RapportTestRadicale *
rapport_test_radicale_start (const char *program,
                             const char *user,
                             const char *password)
{
  RapportTestRadicale *self = g_new0 (RapportTestRadicale, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *users = NULL;
  g_autofree char *users_text = NULL;
  g_autofree char *storage = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config = NULL;
  g_autofree char *pair = NULL;
  g_autofree char *credentials = NULL;
  guint port = free_port ();
  gboolean up = FALSE;

  self->dir = g_dir_make_tmp ("rapport-radicale-XXXXXX", &error);
  g_assert_no_error (error);
  users = g_build_filename (self->dir, "users", NULL);
  storage = g_build_filename (self->dir, "collections", NULL);
  config_path = g_build_filename (self->dir, "config", NULL);
  users_text = g_strdup_printf ("%s:%s\n", user, password);
  g_file_set_contents (users, users_text, -1, &error);
  g_assert_no_error (error);
  config = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n"
                            "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\n"
                            "[rights]\ntype = owner_only\n"
                            "[storage]\nfilesystem_folder = %s\n"
                            "[logging]\nlevel = warning\n",
                            port, users, storage);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  keep_own_clock (launcher);
  self->process = g_subprocess_launcher_spawn (launcher, &error, program, "--config", config_path, NULL);
  g_assert_no_error (error);

  for (guint i = 0; i < 200 && !up; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port,
                                                                                 NULL, NULL);

      up = connection != NULL;
      if (!up)
        g_usleep (50 * 1000);
    }
  g_assert_true (up);

  self->session = soup_session_new ();
  pair = g_strconcat (user, ":", password, NULL);
  credentials = g_base64_encode ((const guchar *) pair, strlen (pair));
  self->authorization = g_strconcat ("Basic ", credentials, NULL);
  self->home = g_strdup_printf ("http://127.0.0.1:%u/%s/", port, user);
  /* The first authenticated request creates the user's principal. */
  g_assert_cmpuint (rapport_test_radicale_request (self, "PROPFIND", self->home, NULL, NULL, NULL, NULL), ==, 207);

  return self;
}

/**
 * rapport_test_radicale_stop:
 *
 * Stops the server and removes its storage.
 */
void
rapport_test_radicale_stop (RapportTestRadicale *self)
{
  if (self == NULL)
    return;

  g_subprocess_force_exit (self->process);
  g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->process);
  g_clear_object (&self->session);
  remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->home);
  g_free (self->authorization);
  g_free (self);
}

/**
 * rapport_test_radicale_set_paused:
 *
 * Stops the server answering (SIGSTOP), as a server that hangs would, or
 * lets it go on.
 */
void
rapport_test_radicale_set_paused (RapportTestRadicale *self,
                                  gboolean             paused)
{
  g_subprocess_send_signal (self->process, paused ? SIGSTOP : SIGCONT);
}

/**
 * rapport_test_radicale_get_home:
 *
 * Returns: the user's home collection, "http://127.0.0.1:PORT/USER/"
 */
const char *
rapport_test_radicale_get_home (RapportTestRadicale *self)
{
  return self->home;
}

/**
 * rapport_test_radicale_request:
 * @body: (nullable): iCalendar for a PUT, XML otherwise
 * @if_match: (nullable): the ETag the change expects
 * @response: (out) (optional): the answer's body
 * @etag: (out) (optional): the answer's ETag
 *
 * Returns: the HTTP status
 */
guint
rapport_test_radicale_request (RapportTestRadicale  *self,
                               const char           *method,
                               const char           *url,
                               const char           *body,
                               const char           *if_match,
                               char                **response,
                               char                **etag)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_headers_append (headers, "Authorization", self->authorization);
  if (if_match != NULL)
    soup_message_headers_append (headers, "If-Match", if_match);
  if (g_str_equal (method, "PROPFIND"))
    soup_message_headers_append (headers, "Depth", "1");
  if (body != NULL)
    {
      g_autoptr(GBytes) payload = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message,
                                                g_str_equal (method, "PUT") ? "text/calendar" : "application/xml",
                                                payload);
    }

  bytes = soup_session_send_and_read (self->session, message, NULL, &error);
  g_assert_no_error (error);
  if (response != NULL)
    *response = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));
  return soup_message_get_status (message);
}
