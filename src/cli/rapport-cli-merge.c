/* rapport-cli-merge.c
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

/* rapport-cli merge and unmerge: duplicate members from the command line. */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-cli.h"
#include "rapport-member.h"
#include "rapport-merge.h"
#include "rapport-operation.h"


static const char merge_usage[] =
  "Usage: rapport-cli [--db PATH] merge SURVIVOR_ID OTHER_ID… [--FIELD MEMBER_ID]…\n"
  "\n"
  "Merges the other members into the survivor: every identity, email,\n"
  "activity, note, tag, RSVP, recognition and follow-up of each is kept.\n"
  "Each field keeps the survivor's value, or the first other's where the\n"
  "survivor has none; --name, --organization, --title, --location,\n"
  "--timezone, --phone, --bio, --email (the primary address) and --stage\n"
  "take it from the member given. Fields HubSpot owns follow HubSpot.\n"
  "rapport-cli unmerge OPERATION undoes it.\n";

static const char unmerge_usage[] =
  "Usage: rapport-cli [--db PATH] unmerge OPERATION\n"
  "\n"
  "Undoes a merge (the operation rapport-cli merge printed, or that\n"
  "rapport-cli undo --list shows): the merged members come back as they\n"
  "were; what the survivor gained since stays with it.\n";

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

static char *
dup_member_name (RapportStore *store,
                 gint64        member_id)
{
  g_autoptr(RapportMember) member = rapport_store_get_member (store, member_id, NULL);

  return g_strdup (member != NULL ? rapport_member_get_name (member) : "?");
}

int
rapport_cli_merge (RapportStore  *store,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  RapportMergeChoices choices;
  gint64 journal_id = 0;

  rapport_merge_choices_init (&choices);

  for (int i = 1; i < argc; i++)
    {
      RapportMergeField field;
      gint64 id;

      if (g_str_has_prefix (argv[i], "--") && rapport_merge_field_from_string (argv[i] + 2, &field))
        {
          if (i + 1 >= argc)
            {
              g_printerr ("%s", merge_usage);
              return 2;
            }
          if (!parse_id (argv[++i], &id))
            {
              g_printerr (_("merge: “%s” is not a member id\n"), argv[i]);
              return 1;
            }
          rapport_merge_choices_set (&choices, field, id);
        }
      else if (argv[i][0] == '-')
        {
          g_printerr ("%s", merge_usage);
          return 2;
        }
      else if (!parse_id (argv[i], &id))
        {
          g_printerr (_("merge: “%s” is not a member id\n"), argv[i]);
          return 1;
        }
      else
        g_array_append_val (ids, id);
    }

  if (ids->len < 2)
    {
      g_printerr ("%s", merge_usage);
      return 2;
    }

  if (!rapport_store_merge_members (store, g_array_index (ids, gint64, 0),
                                    &g_array_index (ids, gint64, 1), ids->len - 1,
                                    &choices, &journal_id, &error))
    {
      g_printerr (_("merge: %s\n"), error->message);
      return 1;
    }

  name = dup_member_name (store, g_array_index (ids, gint64, 0));
  g_print (_("Merged %u members into %s (operation %lld)\n"),
           ids->len, name, (long long) journal_id);

  return 0;
}

int
rapport_cli_unmerge (RapportStore  *store,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GPtrArray) merges = NULL;
  g_autoptr(GArray) others = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *survivor_name = NULL;
  const char *label = NULL;
  gint64 survivor_id = 0;
  gint64 id = 0;

  if (argc != 2 || argv[1][0] == '-')
    {
      g_printerr ("%s", unmerge_usage);
      return 2;
    }
  if (!parse_id (argv[1], &id))
    {
      g_printerr (_("unmerge: “%s” is not an operation id (rapport-cli undo --list shows them)\n"), argv[1]);
      return 1;
    }

  if (!rapport_store_get_merge (store, id, &survivor_id, &others, &error))
    {
      g_printerr (_("unmerge: %s\n"), error->message);
      return 1;
    }

  /* The label, while the merge is still in the member's history. */
  merges = rapport_store_list_merges (store, survivor_id, NULL);
  for (guint i = 0; merges != NULL && i < merges->len; i++)
    {
      if (rapport_operation_get_id (g_ptr_array_index (merges, i)) == id)
        label = rapport_operation_get_label (g_ptr_array_index (merges, i));
    }

  if (!rapport_store_unmerge (store, id, &error))
    {
      g_printerr (_("unmerge: %s\n"), error->message);
      return 1;
    }

  g_print (_("Unmerged: %s (operation %lld)\n"), label != NULL ? label : _("a merge"), (long long) id);
  for (guint i = 0; i < others->len; i++)
    {
      gint64 other_id = g_array_index (others, gint64, i);
      g_autofree char *name = dup_member_name (store, other_id);

      g_print (_("Restored %s (member %lld)\n"), name, (long long) other_id);
    }
  survivor_name = dup_member_name (store, survivor_id);
  g_print (_("Restored %s (member %lld)\n"), survivor_name, (long long) survivor_id);

  return 0;
}
