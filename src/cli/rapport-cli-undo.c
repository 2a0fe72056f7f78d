/* rapport-cli-undo.c
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

/* rapport-cli undo: the undo journal from the command line. */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-cli.h"
#include "rapport-operation.h"

static const char undo_usage[] =
  "Usage: rapport-cli [--db PATH] undo [OPERATION]\n"
  "       rapport-cli [--db PATH] undo --list [--limit N]\n"
  "\n"
  "Undoes the newest operation still in the undo journal (deleting a member\n"
  "or a note, a stage move, removing an RSVP, rescheduling content), or the\n"
  "one with the id --list shows. Operations stay undoable for half a year.\n";

static void
print_operation (const RapportOperation *operation)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (rapport_operation_get_created_at (operation));
  g_autofree char *time = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("?");
  const char *label = rapport_operation_get_label (operation);

  g_print ("%6lld  %s  %s\n",
           (long long) rapport_operation_get_id (operation), time,
           label ? label : rapport_operation_get_kind (operation));
}

static int
list_operations (RapportStore *store,
                 guint         limit)
{
  g_autoptr(GPtrArray) operations = NULL;
  g_autoptr(GError) error = NULL;

  operations = rapport_store_list_operations (store, limit, &error);
  if (operations == NULL)
    {
      g_printerr (_("undo: %s\n"), error->message);
      return 1;
    }

  if (operations->len == 0)
    {
      g_print (_("There is nothing to undo.\n"));
      return 0;
    }

  for (guint i = 0; i < operations->len; i++)
    print_operation (g_ptr_array_index (operations, i));

  return 0;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}

int
rapport_cli_undo (RapportStore  *store,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean list = FALSE;
  guint64 limit = 20;
  gint64 id = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--list"))
        list = TRUE;
      else if (g_str_equal (argv[i], "--limit") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 10000, &limit, NULL))
            {
              g_printerr (_("undo: --limit takes a number from 1 to 10000, not “%s”\n"), argv[i]);
              return 2;
            }
        }
      else if (id == 0 && argv[i][0] != '-')
        {
          if (!parse_id (argv[i], &id))
            {
              g_printerr (_("undo: “%s” is not an operation id (rapport-cli undo --list shows them)\n"), argv[i]);
              return 2;
            }
        }
      else
        {
          g_printerr ("%s", undo_usage);
          return 2;
        }
    }

  if (list)
    return list_operations (store, (guint) limit);

  newest = rapport_store_list_operations (store, 1, &error);
  if (newest == NULL)
    {
      g_printerr (_("undo: %s\n"), error->message);
      return 1;
    }

  if (id == 0)
    {
      if (newest->len == 0)
        {
          g_printerr (_("undo: there is nothing to undo\n"));
          return 1;
        }
      id = rapport_operation_get_id (g_ptr_array_index (newest, 0));
      label = g_strdup (rapport_operation_get_label (g_ptr_array_index (newest, 0)));
    }

  if (!rapport_store_undo (store, id, &error))
    {
      g_printerr (_("undo: %s\n"), error->message);
      return 1;
    }

  if (label != NULL)
    g_print (_("Undone: %s (operation %lld)\n"), label, (long long) id);
  else
    g_print (_("Undone: operation %lld\n"), (long long) id);

  return 0;
}
