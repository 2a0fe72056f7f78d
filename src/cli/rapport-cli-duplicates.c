/* rapport-cli-duplicates.c
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

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rapport-cli.h"
#include "rapport-duplicates.h"
#include "rapport-merge.h"

static const char duplicates_usage[] =
  "Usage: rapport-cli [--db PATH] duplicates [--min-confidence C] [--rescan]\n"
  "       rapport-cli [--db PATH] duplicates accept ID | reject ID\n"
  "\n"
  "Lists the pairs of members who may be one person, the surest first, one a\n"
  "line, tab-separated:\n"
  "\n"
  "  SUGGESTION_ID  CONFIDENCE(0-1)  MEMBER_ID_A  MEMBER_ID_B  NAME_A  NAME_B  REASONS\n"
  "\n"
  "--rescan looks at every member again first. accept merges the pair (the\n"
  "member with the smaller id keeps the other's identities, emails and\n"
  "history; rapport-cli unmerge undoes it); reject says they are different\n"
  "people, and the pair is not suggested again unless they come to share\n"
  "something new.\n";

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

/* Tabs and line breaks would break the columns. */
static char *
one_field (const char *text)
{
  char *field = g_strdup (text != NULL ? text : "");

  g_strdelimit (field, "\t\n\r", ' ');
  return field;
}

static int
list_duplicates (RapportStore *store,
                 double        min_confidence,
                 gboolean      rescan)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  if (rescan)
    {
      guint n_open = 0;

      if (!rapport_store_rescan_duplicates (store, &n_open, &error))
        {
          g_printerr (_("duplicates: %s\n"), error->message);
          return 1;
        }
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u pair waits for a decision\n",
                               "%u pairs wait for a decision\n", n_open), n_open);
    }

  pairs = rapport_store_list_duplicates (store, min_confidence, 0, &error);
  if (pairs == NULL)
    {
      g_printerr (_("duplicates: %s\n"), error->message);
      return 1;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const RapportDuplicate *pair = g_ptr_array_index (pairs, i);
      g_autofree char *reasons = g_strjoinv ("; ", (char **) rapport_duplicate_get_reasons (pair));
      g_autofree char *name_a = one_field (rapport_duplicate_get_name_a (pair));
      g_autofree char *name_b = one_field (rapport_duplicate_get_name_b (pair));
      g_autofree char *why = one_field (reasons);
      char confidence[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (confidence, sizeof confidence, "%.2f", rapport_duplicate_get_confidence (pair));
      g_print ("%lld\t%s\t%lld\t%lld\t%s\t%s\t%s\n",
               (long long) rapport_duplicate_get_id (pair), confidence,
               (long long) rapport_duplicate_get_member_a (pair),
               (long long) rapport_duplicate_get_member_b (pair),
               name_a, name_b, why);
    }

  return 0;
}

static int
accept_duplicate (RapportStore *store,
                  gint64        id)
{
  g_autoptr(RapportDuplicate) pair = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other;
  gint64 journal_id = 0;

  pair = rapport_store_get_duplicate (store, id, &error);
  if (pair == NULL)
    {
      g_printerr (_("duplicates: %s\n"), error->message);
      return 1;
    }

  other = rapport_duplicate_get_member_b (pair);
  if (!rapport_store_merge_members (store, rapport_duplicate_get_member_a (pair), &other, 1, NULL,
                                    &journal_id, &error))
    {
      g_printerr (_("duplicates: %s\n"), error->message);
      return 1;
    }

  g_print (_("Merged %s into %s (operation %lld)\n"),
           rapport_duplicate_get_name_b (pair), rapport_duplicate_get_name_a (pair),
           (long long) journal_id);
  return 0;
}

int
rapport_cli_duplicates (RapportStore  *store,
                        int            argc,
                        char         **argv)
{
  g_autoptr(GError) error = NULL;
  double min_confidence = 0;
  gboolean rescan = FALSE;
  gint64 id;

  if (argc >= 2 && (g_str_equal (argv[1], "accept") || g_str_equal (argv[1], "reject")))
    {
      if (argc != 3 || !parse_id (argv[2], &id))
        {
          g_printerr (_("duplicates %s: give one suggestion id, as rapport-cli duplicates lists them\n"), argv[1]);
          return 2;
        }

      if (g_str_equal (argv[1], "accept"))
        return accept_duplicate (store, id);

      if (!rapport_store_reject_duplicate (store, id, &error))
        {
          g_printerr (_("duplicates: %s\n"), error->message);
          return 1;
        }
      g_print (_("Suggestion %lld rejected: they are different people\n"), (long long) id);
      return 0;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rescan"))
        rescan = TRUE;
      else if (g_str_equal (argv[i], "--min-confidence") && i + 1 < argc)
        {
          char *end = NULL;

          min_confidence = g_ascii_strtod (argv[++i], &end);
          if (end == argv[i] || *end != '\0' || min_confidence < 0 || min_confidence > 1)
            {
              g_printerr (_("duplicates: --min-confidence takes a number from 0 to 1, not “%s”\n"), argv[i]);
              return 2;
            }
        }
      else
        {
          g_printerr ("%s", duplicates_usage);
          return g_str_equal (argv[i], "--help") ? 0 : 2;
        }
    }

  return list_duplicates (store, min_confidence, rescan);
}
