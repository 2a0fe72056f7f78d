/* bench-events.c
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

/* Events at the door and around it, with an event of 5,000 RSVPs in a
 * community of 20,000 members: check-in search latency (target p95 < 5 ms),
 * importing a 5,000-row Eventbrite attendee CSV (target < 1 s) and the door
 * sheet PDF of 5,000 attendees (target < 2 s). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rapport-event-io.h"
#include "rapport-events.h"
#include "rapport-member.h"
#include "rapport-store.h"

#define N_MEMBERS  20000
#define N_RSVPS    5000
#define N_QUERIES  1000

static const char * const first_names[] = {
  "Ana", "Bram", "Chen", "Dana", "Émile", "Farah", "Gus", "Hana", "Ivo", "Jada", "Kofi", "Lena",
  "Mateo", "Nora", "Olga", "Pierre", "Quinn", "Rosa", "Sam", "Tess", "Uma", "Vic", "Wes", "Xavier",
  "Yara", "Zoe", "Aiko", "Björn", "Carmen", "Dmitri", "Esther", "Fatima", "Giulia", "Hiro",
};

static const char * const last_names[] = {
  "González", "de Vries", "Wei", "Okafor", "Laurent", "Haddad", "Lindqvist", "Sato", "Petrov",
  "Brooks", "Mensah", "Fischer", "Rossi", "Quinn", "Kowalska", "Martin", "Taylor", "Diaz", "Nakamura",
  "Svensson", "Novak", "Horvat", "Kaya", "Silva", "Nguyen", "Kim", "Müller", "Dubois", "Jensen",
  "Costa", "Ivanova", "Popescu", "Murphy", "Schmidt", "Moreau", "Fernández", "Larsen", "Kovač",
};

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, index);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static char *
make_name (GRand *rand,
           guint  i)
{
  return g_strdup_printf ("%s %s%s",
                          first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                          last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))],
                          i % 3 == 0 ? "" : (i % 3 == 1 ? "son" : "berg"));
}

static gint64
add_event (RapportStore *store,
           const char   *title)
{
  g_autoptr(RapportEvent) event = rapport_event_new ();
  g_autoptr(GError) error = NULL;

  rapport_event_set_title (event, title);
  rapport_event_set_starts_at (event, 1747758600);
  rapport_event_set_ends_at (event, 1747767600);
  rapport_event_set_tzid (event, "Europe/Paris");
  rapport_event_set_venue (event, "Station F, Paris");
  if (!rapport_events_insert (store, event, &error))
    g_error ("%s", error->message);

  return rapport_event_get_id (event);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250520);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) csv = g_string_new ("Order #,Order Date,First Name,Last Name,Email,Quantity,"
                                         "Ticket Type,Attendee #,Attendee Status,Company\n");
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *pdf_path = NULL;
  RapportEventImportResult result = { 0 };
  gint64 event_id;
  gint64 import_event;
  gint64 start;
  double import_ms;
  double pdf_ms;
  double p50, p95, p99;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("rapport-bench-events-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  store = rapport_store_new (path, &error);
  g_assert_no_error (error);

  /* The community, and an event 5,000 of them answered. */
  start = g_get_monotonic_time ();
  event_id = add_event (store, "GUADEC 2025 social");
  rapport_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(RapportMember) m = rapport_member_new ();
      g_autofree char *name = make_name (rand, i);
      g_autofree char *email = g_strdup_printf ("member%u@example.org", i);

      rapport_member_set_name (m, name);
      rapport_member_set_email (m, email);
      rapport_member_set_organization (m, last_names[i % G_N_ELEMENTS (last_names)]);
      if (!rapport_store_insert_member (store, m, &error))
        g_error ("%s", error->message);

      if (i % (N_MEMBERS / N_RSVPS) == 0)
        {
          if (rapport_events_add_rsvp (store, event_id, rapport_member_get_id (m), RAPPORT_RSVP_GOING,
                                       1 + i % 3, "manual", NULL, NULL, &error) == 0)
            g_error ("%s", error->message);
          g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }
  rapport_store_commit (store, &error);
  g_assert_no_error (error);
  g_print ("events: %u members, %u RSVPs made in %.1f s\n", N_MEMBERS, names->len,
           (g_get_monotonic_time () - start) / 1e6);

  /* Check-in search: what a person types at the door, two to eight
   * letters of a first or last name, or a whole name. */
  for (guint q = 0; q < N_QUERIES; q++)
    {
      const char *name = g_ptr_array_index (names, g_rand_int_range (rand, 0, names->len));
      g_autofree char *query = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      gint64 t0;
      double ms;

      if (q % 3 == 0)
        query = g_strdup (name);
      else
        {
          const char *word = q % 3 == 1 ? name : strrchr (name, ' ') + 1;

          query = g_utf8_substring (word, 0, 2 + q % 7);
        }

      t0 = g_get_monotonic_time ();
      hits = rapport_events_search_rsvps (store, event_id, query, 20, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, >, 0);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  p50 = percentile (times, 0.50);
  p95 = percentile (times, 0.95);
  p99 = percentile (times, 0.99);
  g_print ("events check-in search (%u queries, %u RSVPs): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
           N_QUERIES, names->len, p50, p95, p99);
  g_print ("events check-in search p95: %.2f ms (target < 5 ms)%s\n", p95, p95 < 5.0 ? "" : " MISSED");
  ok &= p95 < 5.0;

  /* A 5,000-row Eventbrite attendee report: half known members, half new. */
  for (guint i = 0; i < N_RSVPS; i++)
    {
      g_autofree char *name = make_name (rand, i);
      const char *space = strchr (name, ' ');
      g_autofree char *first = g_strndup (name, space - name);

      g_string_append_printf (csv, "%u,2025-05-%02u %02u:%02u:00,%s,%s,%s%u@example.org,1,General Admission,%u,%s,%s\n",
                              880000000 + i, 1 + i % 28, i % 24, i % 60, first, space + 1,
                              i % 2 ? "member" : "guest", i % 2 ? i * 2 : i, 110000000 + i,
                              i % 10 == 0 ? "Not Attending" : "Attending",
                              last_names[i % G_N_ELEMENTS (last_names)]);
    }
  csv_path = g_build_filename (dir, "eventbrite.csv", NULL);
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  csv_file = g_file_new_for_path (csv_path);

  import_event = add_event (store, "GUADEC 2025 talks");
  start = g_get_monotonic_time ();
  if (!rapport_event_import_csv (store, import_event, csv_file, NULL, &result, NULL, &error))
    g_error ("%s", error->message);
  import_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("events import of a %u-row Eventbrite CSV: %.0f ms (%" G_GUINT64_FORMAT " RSVPs, %"
           G_GUINT64_FORMAT " new members) (target < 1000 ms)%s\n",
           N_RSVPS, import_ms, result.added, result.members_added, import_ms < 1000 ? "" : " MISSED");
  ok &= import_ms < 1000;
  rapport_event_import_result_clear (&result);

  start = g_get_monotonic_time ();
  if (!rapport_event_import_csv (store, import_event, csv_file, NULL, &result, NULL, &error))
    g_error ("%s", error->message);
  g_print ("events import of the same file again: %.0f ms (%" G_GUINT64_FORMAT " unchanged)\n",
           (g_get_monotonic_time () - start) / 1000.0, result.unchanged);
  rapport_event_import_result_clear (&result);

  /* The door sheet of the 5,000-RSVP event. */
  pdf_path = g_build_filename (dir, "sheet.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf_path);
  start = g_get_monotonic_time ();
  if (!rapport_event_export_pdf (store, event_id, pdf_file, NULL, &error))
    g_error ("%s", error->message);
  pdf_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("events attendee sheet PDF of %u attendees: %.0f ms (target < 2000 ms)%s\n",
           names->len, pdf_ms, pdf_ms < 2000 ? "" : " MISSED");
  ok &= pdf_ms < 2000;

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return ok ? 0 : 1;
}
