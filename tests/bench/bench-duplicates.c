/* bench-duplicates.c
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

/* The duplicates engine at scale: a full pass over a community of
 * BENCH_DUPLICATES_MEMBERS members (default 1,000,000; target < 10 s), and
 * the incremental pass after a CSV import of 10,000 people into it (target
 * < 200 ms). The community is written by SQL, not by the demo (which would
 * take minutes at this size): names from lists of given and family names,
 * emails, handles on two platforms and organizations, with one member in
 * fifty written twice the ways people turn up twice (an address Gmail reads
 * as the same, the same name at the same organization, the same handle of
 * their own on another platform).
 *
 * Usage: bench-duplicates
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-duplicates.h"
#include "rapport-duplicates-private.h"
#include "rapport-member-io.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

#define TARGET_FULL_S 10.0
#define TARGET_INCREMENTAL_MS 200.0
#define N_IMPORTED 10000

static const char *given[] = {
  "ana", "ben", "chen", "dara", "emeka", "fatima", "goran", "hana", "ines", "jonas", "kofi", "lena",
  "mateo", "nadia", "omar", "priya", "quinn", "rosa", "sven", "tariq", "uma", "viktor", "wen", "ximena",
  "yusuf", "zara", "amara", "bruno", "chidi", "daria", "elif", "femi", "greta", "hugo", "ivana", "jun",
  "kiran", "luca", "mei", "nikolai", "olga", "pedro", "rania", "sofia", "tomas", "ulla", "vera", "wanjiru",
};

static const char *family[] = {
  "silva", "okafor", "nguyen", "kowalski", "haddad", "lindqvist", "moreau", "tanaka", "oduya", "petrov",
  "garcia", "mensah", "kaur", "fischer", "rossi", "yilmaz", "novak", "ibrahim", "larsen", "costa",
  "dubois", "sato", "adeyemi", "horvat", "ali", "jensen", "romero", "kim", "bianchi", "popescu",
  "schmidt", "mwangi", "santos", "hansen", "wojcik", "ahmed", "virtanen", "reyes", "park", "ozturk",
  "murphy", "banda", "chowdhury", "eriksson", "lopez", "zhang", "bauer", "farah", "quispe", "nowak",
};

static void
exec_or_die (RapportStore *store,
             const char   *sql)
{
  g_autoptr(GError) error = NULL;

  if (!_rapport_store_exec (store, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Members 1..n: a given name and two family names drawn by hashing the id, so
 * that names repeat as in a large community, two in three at one of 2,000
 * organizations; every duplicate (i % 50 == 0) comes back as member
 * n + i / 50. */
static void
fill (RapportStore *store,
      guint         n)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new ("WITH RECURSIVE g (k, v) AS (VALUES ");
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    g_string_append_printf (names, "%s(%u, '%s')", i ? ", " : "", i, given[i]);
  g_string_append (names, "), f (k, v) AS (VALUES ");
  for (guint i = 0; i < G_N_ELEMENTS (family); i++)
    g_string_append_printf (names, "%s(%u, '%s')", i ? ", " : "", i, family[i]);
  g_string_append (names, ")");

  exec_or_die (store, "BEGIN IMMEDIATE");
  exec_or_die (store, "INSERT INTO organizations (id, name) "
                      "WITH RECURSIVE o (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM o WHERE i < 2000) "
                      "SELECT i, 'Org ' || i FROM o");
  g_string_printf (sql,
                   "%s, s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %u) "
                   "INSERT INTO members (id, name, sort_name, organization_id, source) "
                   "SELECT i, name, name, CASE WHEN i %% 3 = 0 THEN NULL ELSE 1 + (i * 2246822519 %% 4294967296) / 65536 %% 2000 END, "
                   "       'bench' "
                   "  FROM (SELECT i, g.v || ' ' || f2.v || ' ' || f.v AS name "
                   "          FROM s JOIN g ON g.k = (i * 2654435761 %% 4294967296) / 65536 %% %u "
                   "          JOIN f ON f.k = (i * 3266489917 %% 4294967296) / 65536 %% %u "
                   "          JOIN f AS f2 ON f2.k = (i * 668265263 %% 4294967296) / 65536 %% %u)",
                   names->str, n, (guint) G_N_ELEMENTS (given), (guint) G_N_ELEMENTS (family),
                   (guint) G_N_ELEMENTS (family));
  exec_or_die (store, sql->str);
  exec_or_die (store, "INSERT INTO emails (member_id, address, is_primary) "
                      "SELECT id, replace (sort_name, ' ', '.') || '.' || id || "
                      "       CASE WHEN id % 2 = 0 THEN '@gmail.com' ELSE '@org' || (id % 2000) || '.example' END, 1 "
                      "  FROM members WHERE id % 5 <> 1");
  exec_or_die (store, "INSERT INTO identities (member_id, platform, handle) "
                      "SELECT id, 'github', 'gh' || hex (randomblob (4)) || id FROM members WHERE id % 2 = 0");
  exec_or_die (store, "INSERT INTO identities (member_id, platform, handle) "
                      "SELECT id, 'discourse', replace (sort_name, ' ', '') || id FROM members WHERE id % 3 = 0");
  /* The duplicates: a Gmail address with dots moved, the same name at the
   * same organization, the same handle of their own on Slack. */
  g_string_printf (sql,
                   "INSERT INTO members (id, name, sort_name, organization_id, source) "
                   "SELECT %u + id / 50, name, sort_name, organization_id, 'bench-duplicate' FROM members "
                   " WHERE id %% 50 = 0 AND id <= %u",
                   n, n);
  exec_or_die (store, sql->str);
  g_string_printf (sql,
                   "INSERT INTO emails (member_id, address, is_primary) "
                   "SELECT %u + member_id / 50, replace (address, '.', '') || '', 1 FROM emails "
                   " WHERE member_id %% 50 = 0 AND member_id <= %u AND address LIKE '%%@gmail.com' "
                   "   AND member_id %% 150 = 0",
                   n, n);
  exec_or_die (store, sql->str);
  g_string_printf (sql,
                   "INSERT INTO identities (member_id, platform, handle) "
                   "SELECT %u + member_id / 50, 'slack', handle FROM identities "
                   " WHERE platform = 'github' AND member_id %% 50 = 0 AND member_id %% 150 <> 0 AND member_id <= %u",
                   n, n);
  exec_or_die (store, sql->str);
  exec_or_die (store, "COMMIT");

  g_print ("community: %u members and %u written twice, in %.1f s\n", n, n / 50, seconds_since (start));
}

static char *
write_csv (const char *dir,
           guint       n)
{
  g_autoptr(GString) csv = g_string_new ("name,email,github\n");
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GError) error = NULL;

  /* New people; every tenth is someone already there, by a Gmail address
   * with the dots moved. */
  for (guint i = 0; i < n; i++)
    {
      const char *g = given[(i * 7) % G_N_ELEMENTS (given)];
      const char *f = family[(i * 13) % G_N_ELEMENTS (family)];

      if (i % 10 == 0)
        {
          guint id = 2 * (i + 1);   /* an even member: a Gmail address */
          const char *mg = given[id % G_N_ELEMENTS (given)];
          const char *mf = family[(id / G_N_ELEMENTS (given)) % G_N_ELEMENTS (family)];

          g_string_append_printf (csv, "%s %s,%s%s%u@gmail.com,\n", mg, mf, mg, mf, id);
        }
      else
        g_string_append_printf (csv, "%s %s,%s.%s.new%u@new.example,new%u\n", g, f, g, f, i, i);
    }

  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("BENCH_DUPLICATES_MEMBERS");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *sql = NULL;
  RapportImportResult result = { 0 };
  guint n_open = 0;
  double full_s, import_s, incremental_ms;
  gint64 start, first_new;
  int status = 0;

  setlocale (LC_ALL, "");
  dir = g_dir_make_tmp ("rapport-bench-duplicates-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  fill (store, n);

  start = g_get_monotonic_time ();
  if (!rapport_store_rescan_duplicates (store, &n_open, &error))
    g_error ("%s", error->message);
  full_s = seconds_since (start);
  g_print ("first full pass over %u members (every key written): %.2f s, %u pairs\n", n + n / 50, full_s, n_open);

  /* A rescan: the keys are kept up to date by every ingest. */
  start = g_get_monotonic_time ();
  if (!rapport_store_rescan_duplicates (store, &n_open, &error))
    g_error ("%s", error->message);
  full_s = seconds_since (start);
  g_print ("full pass over %u members: %.2f s, %u pairs (target < %.0f s)\n",
           n + n / 50, full_s, n_open, TARGET_FULL_S);
  g_print ("  of them, confidence >= 0.9: %" G_GINT64_FORMAT "\n", rapport_store_count_duplicates (store, 0.9));
  {
    g_autoptr(GPtrArray) all = rapport_store_list_duplicates (store, 0, 0, &error);
    g_autoptr(GHashTable) by_reason = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer reason, count;

    /* What the pairs rest on, by their strongest reason. */
    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        const RapportDuplicate *pair = g_ptr_array_index (all, i);
        const char *first = rapport_duplicate_get_reasons (pair)[0];
        g_autofree char *kind = g_strndup (first, strcspn (first, "("));

        count = g_hash_table_lookup (by_reason, kind);
        if (count == NULL)
          g_hash_table_insert (by_reason, (gpointer) g_intern_string (kind), GUINT_TO_POINTER (1));
        else
          g_hash_table_insert (by_reason, (gpointer) g_intern_string (kind), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      }
    g_hash_table_iter_init (&iter, by_reason);
    while (g_hash_table_iter_next (&iter, &reason, &count))
      g_print ("  %u pairs: %s\n", GPOINTER_TO_UINT (count), (const char *) reason);
  }

  csv = write_csv (dir, N_IMPORTED);
  file = g_file_new_for_path (csv);
  start = g_get_monotonic_time ();
  if (!rapport_member_import_csv (store, file, &result, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  import_s = seconds_since (start);

  /* The incremental pass an ingest runs, timed on its own: 10,000 more
   * people written by SQL (one in ten someone already there, by the same
   * name at the same organization; the others with given names of their
   * own), then the pass over them. */
  first_new = _rapport_store_query_int64 (store, "SELECT max (id) + 1 FROM members WHERE ?1 = 0", 0);
  sql = g_strdup_printf ("INSERT INTO members (id, name, sort_name, organization_id, source) "
                         "SELECT %" G_GINT64_FORMAT " + id, "
                         "       CASE WHEN id %% 10 = 0 THEN name ELSE 'new' || id || ' ' || name END, "
                         "       CASE WHEN id %% 10 = 0 THEN sort_name ELSE 'new' || id || ' ' || sort_name END, "
                         "       CASE WHEN id %% 10 = 0 THEN organization_id END, 'bench-new' "
                         "  FROM members WHERE id <= %u",
                         first_new, N_IMPORTED);
  exec_or_die (store, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO emails (member_id, address, is_primary) "
                         "SELECT id, 'new' || id || '@new.example', 1 FROM members WHERE id >= %" G_GINT64_FORMAT,
                         first_new);
  exec_or_die (store, sql);
  g_clear_pointer (&sql, g_free);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 id = first_new; id < first_new + N_IMPORTED; id++)
    g_array_append_val (ids, id);

  start = g_get_monotonic_time ();
  if (!_rapport_duplicates_update (store, (const gint64 *) ids->data, ids->len, &error))
    g_error ("%s", error->message);
  incremental_ms = seconds_since (start) * 1000;

  g_print ("CSV import of %u people, its incremental pass included (%" G_GUINT64_FORMAT " added, %" G_GUINT64_FORMAT
           " matched): %.2f s\n", N_IMPORTED, result.added, result.updated, import_s);
  g_print ("incremental pass over %u new members: %.0f ms (target < %.0f ms); pairs now %" G_GINT64_FORMAT "\n",
           ids->len, incremental_ms, TARGET_INCREMENTAL_MS, rapport_store_count_duplicates (store, 0));

  if (full_s >= TARGET_FULL_S || incremental_ms >= TARGET_INCREMENTAL_MS)
    status = 1;

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_remove (csv);
    g_rmdir (dir);
  }

  return status;
}
