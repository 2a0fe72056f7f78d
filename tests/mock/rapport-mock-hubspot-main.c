/* rapport-mock-hubspot-main.c
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

#define G_LOG_DOMAIN "rapport-mock-hubspot"

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "rapport-mock-hubspot.h"

/* rapport-mock-hubspot [--contacts N] [--companies N] [--token T]
 * Prints its base URL on the first line of stdout and serves until
 * SIGTERM or SIGINT. */

static gboolean
on_signal_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- a local HubSpot CRM v3 for tests");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMockHubspot) mock = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *token = NULL;
  int contacts = 1000;
  int companies = 50;
  GOptionEntry entries[] = {
    { "contacts", 0, 0, G_OPTION_ARG_INT, &contacts, "Contacts to serve", "N" },
    { "companies", 0, 0, G_OPTION_ARG_INT, &companies, "Companies to serve", "N" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "The token to accept", "TOKEN" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("rapport-mock-hubspot: %s\n", error->message);
      return 2;
    }
  if (contacts < 0 || companies < 0)
    {
      g_printerr ("rapport-mock-hubspot: --contacts and --companies must not be negative\n");
      return 2;
    }

  mock = rapport_mock_hubspot_new (token != NULL ? token : "mock-token", contacts, companies);
  g_print ("%s\n", rapport_mock_hubspot_get_url (mock));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
