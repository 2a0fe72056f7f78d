/* rapport-cli.c
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
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "rapport-cli.h"
#include "rapport-member.h"
#include "rapport-store.h"
#include "rapport-util.h"

static const char usage[] =
  "Usage: rapport-cli [--db PATH] COMMAND [ARGS…]\n"
  "\n"
  "Commands:\n"
  "  demo --members N --activities M [--seed S]   fill the database with a sample community\n"
  "  import members FILE.csv                      import or update members from a CSV file\n"
  "  export members FILE.csv                      write every member to a CSV file\n"
  "  score [--explain MEMBER] [--full]            rescore every member, or explain one member's score\n"
  "  pipeline [--suggestions] [--limit N]         stages with member counts, or promotion and cooling-off suggestions\n"
  "  accounts add hubspot --token-stdin [--name NAME] [--base-url URL] [--rate-limit N]\n"
  "                                               add a HubSpot account; its token goes to the keyring\n"
  "  accounts list | remove ID | test ID          list, remove or check sync accounts\n"
  "  sync hubspot [--pull|--push] [--account ID]  pull contacts and companies, push community facts\n"
  "  search QUERY [--limit N]                     find members by name, handle, email, …\n"
  "  stats                                        count what the database holds\n"
  "  check                                        check the whole file for damage: prints “ok” or the problems\n"
  "  restore BACKUP [--force]                     put a backup (rapport.db.vN.bak) back over a damaged database\n"
  "  events list|add|import|export|checkin|done   events, RSVPs and the door (rapport-cli events for help)\n"
  "  content list|add|export|import|caldav       the content calendar (rapport-cli content for help)\n"
  "  undo [OPERATION] | undo --list               undo the newest (or a given) operation; list what can be undone\n"
  "  duplicates [--min-confidence C] [--rescan]   pairs of members who may be one person, the surest first\n"
  "  duplicates accept ID | reject ID             merge a pair, or say they are different people\n"
  "  merge SURVIVOR_ID OTHER_ID… [--FIELD ID]     merge duplicate members into the survivor\n"
  "  unmerge OPERATION                            undo a merge: the members come back as they were\n"
  "\n"
  "Options:\n"
  "  --db PATH     the database (default: $XDG_DATA_HOME/rapport/rapport.db)\n"
  "  --help        show this help\n"
  "  --version     show the version\n";

/* "Waiting for another Rapport job…", while a write waits for the lock. */
static RapportCliProgress wait_line;

static void
end_wait_line (void)
{
  /* The wait stays on screen as a line of its own. */
  if (wait_line.width > 0)
    g_printerr ("\n");
  wait_line.width = 0;
}

void
rapport_cli_progress_show (RapportCliProgress *line,
                           const char         *text)
{
  guint width = g_utf8_strlen (text, -1);

  if (line != &wait_line)
    end_wait_line ();

  g_printerr ("\r%s", text);
  for (guint i = width; i < line->width; i++)
    g_printerr (" ");
  line->width = MAX (line->width, width);
}

void
rapport_cli_progress_clear (RapportCliProgress *line)
{
  if (line->width == 0)
    return;

  g_printerr ("\r%*s\r", (int) line->width, "");
  line->width = 0;
}

static int
cmd_search (RapportStore  *store,
            int            argc,
            char         **argv)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  guint64 limit = 20;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--limit") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 100000, &limit, &error))
            {
              g_printerr (_("--limit: %s\n"), error->message);
              return 2;
            }
        }
      else
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append (query, argv[i]);
        }
    }

  if (query->len == 0)
    {
      g_printerr (_("search: give a QUERY, for example: rapport-cli search ana\n"));
      return 2;
    }

  members = rapport_store_search (store, query->str, limit, &error);
  if (members == NULL)
    {
      g_printerr (_("search: %s\n"), error->message);
      return 1;
    }

  for (guint i = 0; i < members->len; i++)
    {
      RapportMember *m = g_ptr_array_index (members, i);
      const char *org = rapport_member_get_organization (m);
      const char *email = rapport_member_get_email (m);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
               rapport_member_get_id (m),
               rapport_member_get_name (m),
               email ? email : "",
               org ? org : "");
    }

  if (members->len == 0)
    g_printerr (_("No members match “%s”\n"), query->str);

  return 0;
}

static int
cmd_stats (RapportStore  *store,
           int            argc,
           char         **argv)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;
  g_autofree char *size = NULL;

  if (!rapport_store_get_counts (store, &counts, &error))
    {
      g_printerr (_("stats: %s\n"), error->message);
      return 1;
    }

  size = g_format_size (counts.file_size);
  g_print ("%-15s %s\n", _("Database:"), rapport_store_get_path (store));
  g_print ("%-15s %d\n", _("Schema:"), rapport_store_get_version (store));
  g_print ("%-15s %s\n", _("Size:"), size);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Members:"), counts.members);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Organizations:"), counts.organizations);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Emails:"), counts.emails);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Identities:"), counts.identities);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Activities:"), counts.activities);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Tags:"), counts.tags);
  g_print ("%-15s %" G_GINT64_FORMAT "\n", _("Notes:"), counts.notes);
  if (rapport_store_is_read_only (store))
    g_print ("%-15s %s (%s)\n", _("Access:"), _("read-only"), rapport_store_get_read_only_reason (store));
  else
    g_print ("%-15s %s\n", _("Access:"), _("read-write"));
  /* Waits for the quick check that opening started. */
  g_print ("%-15s %s\n", _("Integrity:"),
           rapport_store_is_damaged (store) ? _("damaged (rapport-cli check tells more)") : _("no damage found"));

  return 0;
}

static int
cmd_check (RapportStore  *store,
           int            argc,
           char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;

  if (argc > 1)
    {
      g_printerr (_("Usage: rapport-cli [--db PATH] check\n"));
      return 2;
    }

  if (!rapport_store_check_integrity (store, &problems, &error))
    {
      g_printerr (_("check: %s\n"), error->message);
      return 1;
    }

  if (problems == NULL)
    {
      g_print ("ok\n");
      return 0;
    }

  for (guint i = 0; problems[i] != NULL; i++)
    g_print ("%s\n", problems[i]);
  g_printerr ("%s\n", rapport_store_get_damage (store));

  return 1;
}

/* Before the store opens: the file to restore may not open at all. */
static int
cmd_restore (const char  *db,
             int          argc,
             char       **argv)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  const char *backup = NULL;
  gboolean force = FALSE;
  guint n_files = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--force"))
        force = TRUE;
      else
        {
          backup = argv[i];
          n_files++;
        }
    }

  if (n_files != 1)
    {
      g_autofree char *latest = rapport_store_find_latest_backup (db);

      g_printerr (_("Usage: rapport-cli [--db PATH] restore BACKUP [--force]\n"));
      if (latest != NULL)
        g_printerr (_("The latest backup of “%s” is “%s”.\n"), db, latest);
      return 2;
    }

  /* A sound file would lose every change made since the backup. */
  store = rapport_store_new (db, &error);
  if (store != NULL && !rapport_store_is_damaged (store) && !force)
    {
      g_printerr (_("restore: “%s” is not damaged; restoring “%s” over it would lose every change "
                    "made since that backup. Add --force to do it anyway.\n"),
                  db, backup);
      return 1;
    }
  g_clear_object (&store);
  g_clear_error (&error);

  if (!rapport_store_restore_backup (db, backup, &copy, &error))
    {
      g_printerr (_("restore: %s\n"), error->message);
      return 1;
    }

  if (copy != NULL)
    g_print (_("Kept the file it replaced as “%s”.\n"), copy);
  g_print (_("Restored “%s” from “%s”; changes made after that backup are not in it.\n"), db, backup);

  /* Opening upgrades an older backup and checks the result. */
  store = rapport_store_new (db, &error);
  if (store == NULL)
    {
      g_printerr ("restore: %s\n", error->message);
      return 1;
    }
  if (rapport_store_is_damaged (store))
    {
      g_printerr ("restore: %s\n", rapport_store_get_damage (store));
      return 1;
    }

  return 0;
}

static void
on_store_waiting_cb (RapportStore *store,
                     const char   *job,
                     int           pid,
                     guint         seconds,
                     gpointer      user_data)
{
  static int announced_pid = -1;
  g_autofree char *text = NULL;
  g_autofree char *elapsed = NULL;

  if (job == NULL)
    text = g_strdup (_("Waiting for another program to release the database…"));
  else if (job[0] == '\0')
    text = g_strdup_printf (_("Waiting for another Rapport job (process %d) to finish…"), pid);
  else
    /* Translators: the job ("import") and its process id */
    text = g_strdup_printf (_("Waiting for another Rapport job (%s, process %d) to finish…"), job, pid);

  /* On a terminal the line counts the seconds; in a log it is said once. */
  if (isatty (STDERR_FILENO))
    {
      elapsed = g_strdup_printf ("%s %u s", text, seconds);
      rapport_cli_progress_show (&wait_line, elapsed);
    }
  else if (pid != announced_pid)
    g_printerr ("%s\n", text);

  announced_pid = pid;
}

/* What a second writer is told this one is doing: "import", "events import". */
static char *
describe_job (int    argc,
              char **argv)
{
  static const char * const with_subcommand[] = { "accounts", "content", "events", "sync", NULL };

  if (argc > 1 && g_strv_contains (with_subcommand, argv[0]) && argv[1][0] != '-')
    return g_strdup_printf ("%s %s", argv[0], argv[1]);

  return g_strdup (argv[0]);
}

static const struct {
  const char *name;
  int (*run) (RapportStore *store, int argc, char **argv);
} commands[] = {
  { "demo", rapport_cli_demo },
  { "import", rapport_cli_import },
  { "export", rapport_cli_export },
  { "score", rapport_cli_score },
  { "pipeline", rapport_cli_pipeline },
  { "accounts", rapport_cli_accounts },
  { "sync", rapport_cli_sync },
  { "search", cmd_search },
  { "stats", cmd_stats },
  { "check", cmd_check },
  { "events", rapport_cli_events },
  { "content", rapport_cli_content },
  { "undo", rapport_cli_undo },
  { "duplicates", rapport_cli_duplicates },
  { "merge", rapport_cli_merge },
  { "unmerge", rapport_cli_unmerge },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *db = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --db may stand before or after the command. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= argc)
            {
              g_printerr (_("--db needs a PATH\n"));
              return 2;
            }
          g_free (db);
          db = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db);
          db = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
               g_str_equal (argv[i], "help"))
        {
          g_print ("%s", usage);
          return 0;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("rapport-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        g_ptr_array_add (args, argv[i]);
    }
  g_ptr_array_add (args, NULL);

  if (args->len == 1)
    {
      g_printerr ("%s", usage);
      return 2;
    }

  if (g_str_equal (g_ptr_array_index (args, 0), "restore"))
    {
      if (db == NULL)
        db = rapport_store_dup_default_path ();
      return cmd_restore (db, args->len - 1, (char **) args->pdata);
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *job = NULL;
      int status;

      if (!g_str_equal (commands[i].name, g_ptr_array_index (args, 0)))
        continue;

      if (db == NULL)
        db = rapport_store_dup_default_path ();

      store = rapport_store_new (db, &error);
      if (store == NULL)
        {
          g_printerr ("rapport-cli: %s\n", error->message);
          return 1;
        }

      if (rapport_store_is_read_only (store))
        g_printerr (_("rapport-cli: “%s” is open read-only because %s: reading works, changes are "
                      "refused.\n"),
                    db, rapport_store_get_read_only_reason (store));

      job = describe_job (args->len - 1, (char **) args->pdata);
      rapport_store_set_job (store, job);
      g_signal_connect (store, "waiting", G_CALLBACK (on_store_waiting_cb), NULL);

      status = commands[i].run (store, args->len - 1, (char **) args->pdata);
      end_wait_line ();
      return status;
    }

  g_printerr (_("rapport-cli: unknown command “%s”\n\n%s"),
              (const char *) g_ptr_array_index (args, 0), usage);
  return 2;
}
