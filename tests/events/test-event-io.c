/* test-event-io.c
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

#include "rapport-clock.h"
#include "rapport-event-io.h"
#include "rapport-events.h"
#include "rapport-member.h"
#include "rapport-store.h"

#define NOW ((gint64) 1747500000)

typedef struct
{
  char         *dir;
  RapportStore *store;
  gint64        event_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportEvent) event = rapport_event_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-event-io-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  rapport_clock_set_fixed (rapport_clock_get_default (), NOW);

  rapport_event_set_title (event, "GNOME Paris meetup: GTK 4 in practice");
  rapport_event_set_starts_at (event, 1747758600);   /* 2025-05-20 18:30 Paris */
  rapport_event_set_ends_at (event, 1747767600);
  rapport_event_set_tzid (event, "Europe/Paris");
  rapport_event_set_venue (event, "Rue de Rivoli 1, Paris");
  rapport_event_set_capacity (event, 50);
  rapport_event_set_uid (event, "gnome-paris-2025-05@rapport");
  rapport_events_insert (f->store, event, &error);
  g_assert_no_error (error);
  f->event_id = rapport_event_get_id (event);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_build_filename (FIXTURES_DIR, name, NULL);

  return g_file_new_for_path (path);
}

static gint64
count (Fixture    *f,
       const char *table)
{
  RapportStoreCounts counts;

  rapport_store_get_counts (f->store, &counts, NULL);
  if (g_str_equal (table, "members"))
    return counts.members;
  if (g_str_equal (table, "activities"))
    return counts.activities;

  g_assert_not_reached ();
}

static gint64
history_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rsvps = rapport_events_list_rsvps (f->store, f->event_id, NULL, NULL);
  gint64 n = 0;

  for (guint i = 0; i < rsvps->len; i++)
    {
      g_autoptr(GPtrArray) h = rapport_events_list_history (f->store, rapport_rsvp_get_id (g_ptr_array_index (rsvps, i)),
                                                            NULL);
      n += h->len;
    }

  return n;
}

static RapportRsvp *
find (Fixture    *f,
      const char *email)
{
  gint64 member = rapport_store_find_member_by_email (f->store, email);
  gint64 id = rapport_events_find_rsvp (f->store, f->event_id, member);

  g_assert_cmpint (id, >, 0);
  return rapport_events_get_rsvp (f->store, id, NULL);
}

/* Imports @name twice: the second time must change nothing at all. */
static void
import_twice (Fixture                   *f,
              const char                *name,
              const char                *source,
              RapportEventImportResult  *first)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  RapportEventImportResult again = { 0 };
  gint64 members, history;

  rapport_event_import_file (f->store, f->event_id, file, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->source, ==, source);
  g_assert_cmpuint (first->added, >, 0);

  members = count (f, "members");
  history = history_rows (f);
  rapport_event_import_file (f->store, f->event_id, file, &again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.updated, ==, 0);
  g_assert_cmpuint (again.unchanged, ==, first->added + first->updated + first->unchanged);
  g_assert_cmpuint (again.members_added, ==, 0);
  g_assert_cmpint (count (f, "members"), ==, members);
  g_assert_cmpint (history_rows (f), ==, history);
  rapport_event_import_result_clear (&again);
}

static void
test_import_eventbrite (Fixture       *f,
                        gconstpointer  data)
{
  RapportEventImportResult result = { 0 };
  g_autoptr(RapportRsvp) chen = NULL;
  g_autoptr(RapportRsvp) dana = NULL;
  g_autoptr(RapportRsvp) emile = NULL;
  g_autoptr(RapportMember) ana = NULL;

  import_twice (f, "events-eventbrite.csv", "eventbrite", &result);
  g_assert_cmpuint (result.rows, ==, 6);
  g_assert_cmpuint (result.added, ==, 5);
  g_assert_cmpuint (result.members_added, ==, 5);

  /* Two tickets on one order make a party of two. */
  chen = find (f, "chen.wei@example.com");
  g_assert_cmpint (rapport_rsvp_get_party_size (chen), ==, 2);
  g_assert_cmpstr (rapport_rsvp_get_source (chen), ==, "eventbrite");
  g_assert_cmpstr (rapport_rsvp_get_external_id (chen), ==, "8812345673");
  g_assert_cmpstr (rapport_rsvp_get_organization (chen), ==, "Blue Fox");
  g_assert_cmpint (rapport_rsvp_get_created_at (chen), ==, 1746259315);   /* Order Date */

  dana = find (f, "dana.okafor@example.org");
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (dana), >, 0);
  emile = find (f, "emile@example.fr");
  g_assert_cmpstr (rapport_rsvp_get_status (emile), ==, "declined");

  ana = rapport_store_get_member (f->store, rapport_store_find_member_by_email (f->store, "ana.gonzalez@example.org"),
                                  NULL);
  g_assert_cmpstr (rapport_member_get_name (ana), ==, "Ana González");
  rapport_event_import_result_clear (&result);
}

static void
test_import_meetup (Fixture       *f,
                    gconstpointer  data)
{
  RapportEventImportResult result = { 0 };
  g_autoptr(GPtrArray) waitlist = NULL;
  g_autoptr(GPtrArray) going = NULL;

  import_twice (f, "events-meetup.csv", "meetup", &result);
  g_assert_cmpuint (result.added, ==, 4);

  going = rapport_events_list_rsvps (f->store, f->event_id, RAPPORT_RSVP_GOING, NULL);
  g_assert_cmpuint (going->len, ==, 2);
  /* "Guests" are besides the member. */
  g_assert_cmpstr (rapport_rsvp_get_name (g_ptr_array_index (going, 0)), ==, "Farah Haddad");
  g_assert_cmpint (rapport_rsvp_get_party_size (g_ptr_array_index (going, 0)), ==, 2);
  waitlist = rapport_events_list_rsvps (f->store, f->event_id, RAPPORT_RSVP_WAITLISTED, NULL);
  g_assert_cmpuint (waitlist->len, ==, 1);
  g_assert_cmpint (rapport_rsvp_get_party_size (g_ptr_array_index (waitlist, 0)), ==, 3);
  g_assert_cmpint (rapport_rsvp_get_waitlist_position (g_ptr_array_index (waitlist, 0)), ==, 1);
  rapport_event_import_result_clear (&result);
}

static void
test_import_zoom (Fixture       *f,
                  gconstpointer  data)
{
  RapportEventImportResult result = { 0 };
  RapportEventImportResult attendees = { 0 };
  g_autoptr(RapportRsvp) lena = NULL;
  g_autoptr(RapportRsvp) jada = NULL;
  g_autoptr(RapportRsvp) nora = NULL;

  import_twice (f, "events-zoom-registrants.csv", "zoom", &result);
  g_assert_cmpuint (result.added, ==, 4);
  lena = find (f, "lena.fischer@example.de");
  g_assert_cmpstr (rapport_rsvp_get_status (lena), ==, "waitlisted");

  /* The attendee report: join times are check-ins, the earliest counts. */
  import_twice (f, "events-zoom-attendees.csv", "zoom", &attendees);
  g_assert_cmpuint (attendees.added, ==, 1);
  g_assert_cmpuint (attendees.updated, ==, 2);
  jada = find (f, "jada.brooks@example.com");
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (jada), ==, 1747763920);   /* 05/20/2025 05:58:40 PM */
  g_assert_cmpint (rapport_rsvp_get_party_size (jada), ==, 1);
  nora = find (f, "nora.quinn@example.ie");
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (nora), ==, 0);
  rapport_event_import_result_clear (&result);
  rapport_event_import_result_clear (&attendees);
}

static void
test_import_ics (Fixture       *f,
                 gconstpointer  data)
{
  RapportEventImportResult result = { 0 };
  g_autoptr(RapportRsvp) olga = NULL;
  g_autoptr(RapportRsvp) pierre = NULL;
  g_autoptr(RapportRsvp) quinn = NULL;

  import_twice (f, "events-invite.ics", "ics", &result);
  /* NEEDS-ACTION is not an answer. */
  g_assert_cmpuint (result.rows, ==, 4);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpint (rapport_store_find_member_by_email (f->store, "rosa@example.com"), ==, 0);

  olga = find (f, "olga@example.pl");
  pierre = find (f, "pierre.martin@example.fr");
  quinn = find (f, "quinn@example.com");
  g_assert_cmpstr (rapport_rsvp_get_status (olga), ==, "going");
  g_assert_cmpstr (rapport_rsvp_get_name (olga), ==, "Olga Kowalska");
  g_assert_cmpstr (rapport_rsvp_get_status (pierre), ==, "maybe");
  g_assert_cmpstr (rapport_rsvp_get_status (quinn), ==, "declined");
  rapport_event_import_result_clear (&result);
}

static void
test_import_bad_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("events-eventbrite-bad.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;
  RapportEventImportResult result = { 0 };
  gint64 members = count (f, "members");

  g_assert_false (rapport_event_import_file (f->store, f->event_id, file, &result, NULL, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 3, column 5 (“Email”)"));
  g_assert_nonnull (strstr (error->message, "tess-at-example.org"));
  g_assert_nonnull (strstr (error->message, "Line 4, column 6 (“Quantity”)"));
  g_assert_nonnull (strstr (error->message, "Line 5, column 2 (“Order Date”)"));
  g_assert_nonnull (strstr (error->message, "Line 6, column 9 (“Attendee Status”)"));
  g_assert_null (strstr (error->message, "Line 2"));

  /* Sam's good line was not written either. */
  g_assert_cmpint (count (f, "members"), ==, members);
  rsvps = rapport_events_list_rsvps (f->store, f->event_id, NULL, NULL);
  g_assert_cmpuint (rsvps->len, ==, 0);
  g_clear_error (&error);

  /* Not a calendar at all. */
  {
    g_autofree char *path = g_build_filename (f->dir, "broken.ics", NULL);
    g_autoptr(GFile) broken = g_file_new_for_path (path);

    g_file_set_contents (path, "this is not a calendar\n", -1, NULL);
    g_assert_false (rapport_event_import_file (f->store, f->event_id, broken, &result, NULL, &error));
    g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_PARSE);
  }
}

static void
test_import_unknown_and_mapping (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("events-custom.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  RapportEventImportResult result = { 0 };
  RapportEventMapping mapping = { "manual", { NULL } };
  g_autoptr(RapportRsvp) xavier = NULL;
  g_autoptr(RapportRsvp) yara = NULL;

  g_assert_false (rapport_event_import_file (f->store, f->event_id, file, &result, NULL, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_UNKNOWN_LAYOUT);
  g_assert_nonnull (strstr (error->message, "“Full name”, “E-mail address”, “Coming?”, “People”, “Signed up”"));
  g_clear_error (&error);

  header = rapport_event_read_csv_header (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (header), ==, 5);

  /* What the mapping dialog hands back. */
  mapping.columns[RAPPORT_EVENT_FIELD_NAME] = header[0];
  mapping.columns[RAPPORT_EVENT_FIELD_EMAIL] = header[1];
  mapping.columns[RAPPORT_EVENT_FIELD_STATUS] = header[2];
  mapping.columns[RAPPORT_EVENT_FIELD_PARTY_SIZE] = header[3];
  mapping.columns[RAPPORT_EVENT_FIELD_RESPONDED_AT] = header[4];
  rapport_event_import_csv (f->store, f->event_id, file, &mapping, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  rapport_event_import_result_clear (&result);

  rapport_event_import_csv (f->store, f->event_id, file, &mapping, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.unchanged, ==, 3);
  rapport_event_import_result_clear (&result);

  xavier = find (f, "xavier@example.fr");
  g_assert_cmpint (rapport_rsvp_get_party_size (xavier), ==, 2);
  g_assert_cmpstr (rapport_rsvp_get_source (xavier), ==, "manual");
  yara = find (f, "yara@example.org");
  g_assert_cmpstr (rapport_rsvp_get_status (yara), ==, "maybe");

  /* A mapping naming a column the file lacks is refused by name. */
  mapping.columns[RAPPORT_EVENT_FIELD_ORGANIZATION] = "Company";
  g_assert_false (rapport_event_import_csv (f->store, f->event_id, file, &mapping, &result, NULL, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Company"));
}

static void
test_export_csv_ics (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) in = fixture_file ("events-eventbrite.csv");
  g_autofree char *csv_path = g_build_filename (f->dir, "attendees.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *ics_path = g_build_filename (f->dir, "event.ics", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  RapportEventImportResult result = { 0 };

  rapport_event_import_file (f->store, f->event_id, in, &result, NULL, &error);
  g_assert_no_error (error);
  rapport_event_import_result_clear (&result);

  rapport_event_export_csv (f->store, f->event_id, csv, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "Name,Email,Organization,Status,Party size,Checked in,"));
  g_assert_nonnull (strstr (text, "Chen Wei,chen.wei@example.com,Blue Fox,going,2,"));
  g_assert_nonnull (strstr (text, "Dana Okafor,dana.okafor@example.org,Okafor & Co,going,1,2025-05-20T16:30:00Z"));
  g_clear_pointer (&text, g_free);

  rapport_event_export_ics (f->store, f->event_id, ics, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (ics_path, &text, NULL, &error);
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (text, "UID:gnome-paris-2025-05@rapport"));
  g_assert_nonnull (strstr (text, "DTSTAMP:"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Paris:20250520T183000"));
  g_assert_nonnull (strstr (text, "DTEND;TZID=Europe/Paris:20250520T210000"));
  g_assert_nonnull (strstr (text, "TZID:Europe/Paris"));
  g_assert_nonnull (strstr (text, "SUMMARY:GNOME Paris meetup: GTK 4 in practice"));
  g_assert_nonnull (strstr (text, "LOCATION:Rue de Rivoli 1\\, Paris"));
  g_assert_nonnull (strstr (text, "PARTSTAT=DECLINED"));

  /* What we write, we read back: the same answers, nothing changes. */
  rapport_event_import_file (f->store, f->event_id, ics, &result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.members_added, ==, 0);
  rapport_event_import_result_clear (&result);
}

/* Names and organizations come from imports and HubSpot: a spreadsheet
 * must not run them. */
static void
test_export_csv_formulas (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "attendees.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(RapportMember) m = rapport_member_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (m, "=HYPERLINK(\"http://example.org\",\"x\")");
  rapport_member_set_email (m, "formula@example.org");
  rapport_member_set_organization (m, "+49 30 1234");
  rapport_store_insert_member (f->store, m, &error);
  g_assert_no_error (error);
  rapport_events_add_rsvp (f->store, f->event_id, rapport_member_get_id (m), RAPPORT_RSVP_GOING, 1,
                           "manual", NULL, NULL, &error);
  g_assert_no_error (error);

  rapport_event_export_csv (f->store, f->event_id, csv, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\r\n\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\","
                                  "formula@example.org,\"'+49 30 1234\",going,1,"));
}

/* PDF streams hold NUL bytes, so no str* search will do. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf_path = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *png_prefix = g_build_filename (f->dir, "page", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *keep = g_getenv ("RAPPORT_SCREENSHOT_DIR");
  gsize length;
  int status;

  /* Enough people for three pages, with long names and organizations. */
  for (int i = 0; i < 75; i++)
    {
      g_autoptr(RapportMember) m = rapport_member_new ();
      g_autofree char *name = g_strdup_printf ("Person%02d %s", i,
                                               i % 7 == 0 ? "Papadopoulou-Vasilakopoulou de la Cruz y Montoya"
                                                          : (i % 2 ? "Zimmermann" : "Ábrahám"));
      g_autofree char *email = g_strdup_printf ("p%d@example.org", i);
      gint64 id;

      rapport_member_set_name (m, name);
      rapport_member_set_email (m, email);
      rapport_member_set_organization (m, i % 3 == 0 ? "International Federation of Desktop Environment Enthusiasts" : "GNOME Foundation");
      rapport_store_insert_member (f->store, m, &error);
      g_assert_no_error (error);
      id = rapport_events_add_rsvp (f->store, f->event_id, rapport_member_get_id (m),
                                    i < 50 ? RAPPORT_RSVP_GOING : RAPPORT_RSVP_MAYBE, 1, "manual", NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }

  rapport_event_export_pdf (f->store, f->event_id, pdf, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (pdf_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_true (contains_bytes (contents, length, "/Count 2"));

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }

  {
    const char *argv[] = { pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", pdf_path, png_prefix, NULL };
    g_autofree char *png = NULL;
    g_autofree char *png_data = NULL;
    gsize png_length;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));

    png = g_strconcat (png_prefix, "-1.png", NULL);
    g_file_get_contents (png, &png_data, &png_length, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (png_data, 8, "\x89PNG\r\n\x1a\n", 8);

    if (keep != NULL)
      {
        g_autofree char *dest = g_build_filename (keep, "events-attendee-sheet.png", NULL);

        g_file_set_contents (dest, png_data, png_length, &error);
        g_assert_no_error (error);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rapport/io/events/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("import/eventbrite", test_import_eventbrite);
  ADD ("import/meetup", test_import_meetup);
  ADD ("import/zoom", test_import_zoom);
  ADD ("import/ics", test_import_ics);
  ADD ("import/bad-file", test_import_bad_file);
  ADD ("import/unknown-layout-mapping", test_import_unknown_and_mapping);
  ADD ("export/csv-ics", test_export_csv_ics);
  ADD ("export/csv-formulas", test_export_csv_formulas);
  ADD ("export/pdf", test_export_pdf);

#undef ADD

  return g_test_run ();
}
