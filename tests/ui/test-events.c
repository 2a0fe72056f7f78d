/* test-events.c
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

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rapport-application.h"
#include "rapport-checkin-window.h"
#include "rapport-clock.h"
#include "rapport-column-mapping-dialog.h"
#include "rapport-context.h"
#include "rapport-demo.h"
#include "rapport-event-editor.h"
#include "rapport-event-page.h"
#include "rapport-event-row.h"
#include "rapport-events-view.h"
#include "rapport-events.h"
#include "rapport-member.h"
#include "rapport-rsvp-dialog.h"
#include "rapport-rsvp.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

/* The Events view in the real window: upcoming and past events, the event
 * page, check-in mode with Undo and walk-ins, the column-mapping dialog,
 * the editor, and screenshots. */

#define DAY ((gint64) 86400)

static RapportApplication *app;

typedef struct
{
  char          *path;
  RapportStore  *store;
  RapportWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rapport_ui_test_reset_settings ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->path = rapport_ui_test_make_db ();
  fixture->store = rapport_store_new (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  rapport_ui_test_destroy_windows ();

  g_clear_object (&fixture->store);
  rapport_ui_test_remove_tree (dir);
  g_free (fixture->path);
}

static gint64
now (void)
{
  return rapport_now_unix ();
}

static gint64
add_member (Fixture    *fixture,
            const char *name,
            const char *email,
            const char *organization)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (member, name);
  rapport_member_set_email (member, email);
  rapport_member_set_organization (member, organization);
  g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
  g_assert_no_error (error);

  return rapport_member_get_id (member);
}

static gint64
add_event (Fixture    *fixture,
           const char *title,
           const char *kind,
           gint64      starts_at,
           int         capacity,
           const char *venue,
           const char *url)
{
  g_autoptr(RapportEvent) event = rapport_event_new ();
  g_autoptr(GError) error = NULL;

  rapport_event_set_title (event, title);
  rapport_event_set_kind (event, kind);
  rapport_event_set_starts_at (event, starts_at);
  rapport_event_set_ends_at (event, starts_at + 3 * 3600);
  rapport_event_set_tzid (event, "Europe/Berlin");
  rapport_event_set_capacity (event, capacity);
  rapport_event_set_venue (event, venue);
  rapport_event_set_online_url (event, url);
  rapport_event_set_status (event, RAPPORT_EVENT_ANNOUNCED);
  g_assert_true (rapport_events_insert (fixture->store, event, &error));
  g_assert_no_error (error);

  return rapport_event_get_id (event);
}

static gint64
add_rsvp (Fixture    *fixture,
          gint64      event_id,
          gint64      member_id,
          const char *status,
          int         party,
          const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *external = g_strdup_printf ("%s-%" G_GINT64_FORMAT, source, member_id);
  gint64 id;

  id = rapport_events_add_rsvp (fixture->store, event_id, member_id, status, party, source,
                                g_str_equal (source, "manual") ? NULL : external, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static RapportRsvp *
get_rsvp (Fixture *fixture,
          gint64   rsvp_id)
{
  g_autoptr(GError) error = NULL;
  RapportRsvp *rsvp = rapport_events_get_rsvp (fixture->store, rsvp_id, &error);

  g_assert_no_error (error);
  return rsvp;
}

static gboolean
window_ready_cb (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RapportEventsView *
events_view (Fixture *fixture)
{
  GtkWidget *view = find_type (GTK_WIDGET (fixture->window), RAPPORT_TYPE_EVENTS_VIEW);

  g_assert_nonnull (view);
  return RAPPORT_EVENTS_VIEW (view);
}

static RapportEventPage *
event_page (Fixture *fixture)
{
  return rapport_events_view_get_page (events_view (fixture));
}

static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  g_autoptr(RapportContext) context = rapport_context_new (fixture->store);

  fixture->window = rapport_window_new_for_context (app, context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (rapport_ui_test_wait_for (window_ready_cb, fixture, 10000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "events"));
  rapport_ui_test_spin (150);
}

static GtkWindow *
find_dialog (GtkWindow  *parent,
             const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == parent &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }

  return NULL;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return rapport_event_get_title (rapport_event_row_get_event (RAPPORT_EVENT_ROW (row)));
}

/* Upcoming earliest first, past latest first, each with its counters. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 t = now ();
  gint64 soon, later, recent, old;
  GtkListBox *upcoming, *past;
  GtkListBoxRow *row;

  later = add_event (fixture, "Rust and GNOME Webinar", "webinar", t + 20 * DAY, -1, NULL,
                     "https://meet.example.org/rust-gnome");
  soon = add_event (fixture, "Berlin Community Meetup", "meetup", t + 5 * DAY, 3,
                    "c-base, Rungestraße 20, Berlin", NULL);
  old = add_event (fixture, "Lisbon Hack Night", "meetup", t - 60 * DAY, 30, "Lisbon", NULL);
  recent = add_event (fixture, "Paris Contributor Workshop", "workshop", t - 10 * DAY, 20, "Paris", NULL);

  add_rsvp (fixture, soon, add_member (fixture, "Ana Gomez", "ana@example.org", NULL), RAPPORT_RSVP_GOING, 2, "manual");
  add_rsvp (fixture, soon, add_member (fixture, "Bram Visser", "bram@example.org", NULL), RAPPORT_RSVP_GOING, 1, "manual");
  add_rsvp (fixture, soon, add_member (fixture, "Chen Wei", "chen@example.org", NULL), RAPPORT_RSVP_GOING, 2, "manual");

  open_window (fixture, 1200, 800);

  upcoming = rapport_events_view_get_list (events_view (fixture), RAPPORT_EVENT_RANGE_UPCOMING);
  past = rapport_events_view_get_list (events_view (fixture), RAPPORT_EVENT_RANGE_PAST);

  g_assert_cmpstr (row_title (upcoming, 0), ==, "Berlin Community Meetup");
  g_assert_cmpstr (row_title (upcoming, 1), ==, "Rust and GNOME Webinar");
  g_assert_null (gtk_list_box_get_row_at_index (upcoming, 2));
  g_assert_cmpstr (row_title (past, 0), ==, "Paris Contributor Workshop");
  g_assert_cmpstr (row_title (past, 1), ==, "Lisbon Hack Night");
  g_assert_null (gtk_list_box_get_row_at_index (past, 2));

  /* 3 places: Ana's party of 2 and Bram fit, Chen's party of 2 waits. */
  row = gtk_list_box_get_row_at_index (upcoming, 0);
  g_assert_cmpstr (rapport_event_row_get_counts (RAPPORT_EVENT_ROW (row)), ==, "3 going · 2 waitlisted");

  /* Choosing a row shows its page; the counters follow the store. */
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpint (rapport_events_view_get_event_id (events_view (fixture)), ==, soon);
  g_assert_cmpint (rapport_event_page_get_event_id (event_page (fixture)), ==, soon);
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "3 of 3 going");
  g_assert_true (gtk_list_box_get_selected_row (upcoming) == row);

  add_rsvp (fixture, soon, add_member (fixture, "Dana Scully", "dana@example.org", NULL), RAPPORT_RSVP_GOING, 1, "manual");
  g_assert_cmpstr (rapport_event_row_get_counts (RAPPORT_EVENT_ROW (row)), ==, "3 going · 3 waitlisted");

  /* Choosing a past event moves the selection there. */
  g_assert_true (rapport_events_view_select_event (events_view (fixture), recent));
  g_assert_null (gtk_list_box_get_selected_row (upcoming));
  g_assert_nonnull (gtk_list_box_get_selected_row (past));
  g_assert_cmpint (rapport_event_page_get_event_id (event_page (fixture)), ==, recent);

  /* A deleted event takes its page away. */
  g_assert_true (rapport_events_delete (fixture->store, recent, NULL));
  g_assert_cmpint (rapport_events_view_get_event_id (events_view (fixture)), ==, 0);
  g_assert_cmpstr (row_title (past, 0), ==, "Lisbon Hack Night");
  (void) later;
  (void) old;
}

static gboolean
not_busy_cb (gpointer data)
{
  return !rapport_event_page_get_busy (RAPPORT_EVENT_PAGE (data));
}

/* Check-in by typing and Enter, the counters, the store, and Undo. */
static void
test_checkin (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 event_id = add_event (fixture, "Berlin Community Meetup", "meetup", now () - 3600, 10,
                               "c-base, Berlin", NULL);
  gint64 ana = add_rsvp (fixture, event_id, add_member (fixture, "Ana Gomez", "ana@example.org", "Sendero Labs"),
                         RAPPORT_RSVP_GOING, 2, "eventbrite");
  gint64 bram = add_rsvp (fixture, event_id, add_member (fixture, "Bram Visser", "bram@example.org", NULL),
                          RAPPORT_RSVP_GOING, 1, "meetup");
  g_autoptr(RapportRsvp) after = NULL;
  g_autoptr(RapportRsvp) undone = NULL;
  g_autoptr(GError) error = NULL;
  RapportCheckinWindow *checkin;
  GtkEditable *entry;
  AdwToast *toast;

  open_window (fixture, 1200, 800);
  g_assert_true (rapport_events_view_select_event (events_view (fixture), event_id));

  checkin = RAPPORT_CHECKIN_WINDOW (rapport_event_page_open_checkin (event_page (fixture)));
  rapport_ui_test_spin (100);
  entry = rapport_checkin_window_get_search_entry (checkin);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_focus (GTK_WIDGET (entry)) ||
                 gtk_window_get_focus (GTK_WINDOW (checkin)) != NULL);
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CHECKED_IN), ==, "0");
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_GOING), ==, "3");
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CAPACITY), ==, "10");

  /* Type and press Enter at once: the search must not lag behind. */
  gtk_editable_set_text (entry, "ana");
  g_signal_emit_by_name (entry, "activate");

  after = get_rsvp (fixture, ana);
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (after), >, 0);
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CHECKED_IN), ==, "2");
  g_assert_cmpstr (rapport_checkin_window_get_confirmation (checkin), ==, "Ana Gomez is checked in");
  /* Ready for the next person. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  toast = rapport_checkin_window_get_last_toast (checkin);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "checkin.undo");

  /* Enter again for the same person says so and changes nothing. */
  gtk_editable_set_text (entry, "ana gom");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (rapport_checkin_window_get_confirmation (checkin), ==, "Ana Gomez is already in");
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CHECKED_IN), ==, "2");

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (checkin), adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  undone = get_rsvp (fixture, ana);
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (undone), ==, 0);
  g_assert_cmpstr (rapport_rsvp_get_status (undone), ==, RAPPORT_RSVP_GOING);
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CHECKED_IN), ==, "0");

  /* Arrows move the highlight while typing: "a" finds both, Down picks
   * the second (Bram, by name order). */
  gtk_editable_set_text (entry, "example");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_checkin_window_get_results (checkin)), ==, 2);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rapport_checkin_window_get_results (checkin)), 1);
  g_signal_emit_by_name (entry, "activate");
  g_clear_object (&after);
  after = get_rsvp (fixture, bram);
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (after), >, 0);
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CHECKED_IN), ==, "1");

  /* The event page follows, and marking the event done twice records
   * attendance once. */
  gtk_window_close (GTK_WINDOW (checkin));
  rapport_ui_test_spin (50);
  g_assert_true (rapport_event_page_mark_done (event_page (fixture), &error));
  g_assert_no_error (error);
  g_assert_true (rapport_event_page_mark_done (event_page (fixture), &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_event_page_get_last_toast (event_page (fixture)));
  g_assert_cmpstr (adw_toast_get_title (rapport_event_page_get_last_toast (event_page (fixture))), ==,
                   "Attendance recorded · show-up rate 33%");
}

/* A walk-in who does not fit is refused with a clear message, unless the
 * event allows going over capacity. */
static void
test_walk_in_full (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 event_id = add_event (fixture, "Small Workshop", "workshop", now () + 3600, 2, "Room 1", NULL);
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GError) error = NULL;
  RapportCheckinWindow *checkin;
  GtkWindow *refusal;
  gint64 walk_in;

  add_rsvp (fixture, event_id, add_member (fixture, "Ana Gomez", "ana@example.org", NULL), RAPPORT_RSVP_GOING, 2, "manual");

  open_window (fixture, 1200, 800);
  g_assert_true (rapport_events_view_select_event (events_view (fixture), event_id));
  checkin = RAPPORT_CHECKIN_WINDOW (rapport_event_page_open_checkin (event_page (fixture)));

  walk_in = rapport_checkin_window_add_walk_in (checkin, "Chris Doe", "chris@example.org", 1);
  g_assert_cmpint (walk_in, ==, 0);
  refusal = find_dialog (GTK_WINDOW (checkin), "The Event Is Full");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)),
                            "a party of 1 does not fit in 0 free places"));
  rapport_ui_test_screenshot (GTK_WIDGET (refusal), "checkin-walk-in-refused");
  gtk_window_destroy (refusal);

  rsvps = rapport_events_list_rsvps (fixture->store, event_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rsvps->len, ==, 1);
  g_assert_cmpint (rapport_store_find_member_by_email (fixture->store, "chris@example.org"), ==, 0);
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_GOING), ==, "2");

  /* Allowed over capacity, the same walk-in is let in and counted. */
  event = rapport_events_get (fixture->store, event_id, &error);
  rapport_event_set_allow_over_capacity (event, TRUE);
  g_assert_true (rapport_events_update (fixture->store, event, &error));
  walk_in = rapport_checkin_window_add_walk_in (checkin, "Chris Doe", "chris@example.org", 1);
  g_assert_cmpint (walk_in, >, 0);
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_GOING), ==, "3");
  g_assert_cmpstr (rapport_checkin_window_get_counter (checkin, RAPPORT_CHECKIN_COUNTER_CHECKED_IN), ==, "1");
  g_assert_cmpstr (rapport_checkin_window_get_confirmation (checkin), ==, "Chris Doe is checked in");
}

static gboolean
mapping_dialog_cb (gpointer data)
{
  return rapport_event_page_get_mapping_dialog (RAPPORT_EVENT_PAGE (data)) != NULL;
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* A CSV with headers Rapport does not know opens the mapping dialog; the
 * chosen columns import it. */
static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 event_id = add_event (fixture, "Berlin Community Meetup", "meetup", now () + 5 * DAY, 40, "c-base", NULL);
  g_autoptr(GFile) file = write_file (fixture, "anmeldungen.csv",
                                      "Wer,Kontakt,Zusage,Personen\n"
                                      "Jonas Becker,jonas@example.de,yes,2\n"
                                      "Lena Vogel,lena@example.de,maybe,1\n"
                                      "Mehmet Yilmaz,mehmet@example.de,no,1\n");
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GError) error = NULL;
  RapportColumnMappingDialog *dialog;
  RapportEventPage *page;
  AdwToast *toast;

  open_window (fixture, 1200, 800);
  g_assert_true (rapport_events_view_select_event (events_view (fixture), event_id));
  page = event_page (fixture);

  rapport_event_page_import_file (page, file);
  g_assert_true (rapport_ui_test_wait_for (mapping_dialog_cb, page, 10000));
  dialog = RAPPORT_COLUMN_MAPPING_DIALOG (rapport_event_page_get_mapping_dialog (page));

  /* Nothing was guessed, nothing imported yet, and Import waits for an
   * email or id column. */
  g_assert_null (rapport_column_mapping_dialog_get_column (dialog, RAPPORT_EVENT_FIELD_EMAIL));
  g_assert_false (rapport_column_mapping_dialog_get_can_import (dialog));
  rsvps = rapport_events_list_rsvps (fixture->store, event_id, NULL, &error);
  g_assert_cmpuint (rsvps->len, ==, 0);
  g_clear_pointer (&rsvps, g_ptr_array_unref);

  g_assert_true (rapport_column_mapping_dialog_set_column (dialog, RAPPORT_EVENT_FIELD_NAME, "Wer"));
  g_assert_true (rapport_column_mapping_dialog_set_column (dialog, RAPPORT_EVENT_FIELD_EMAIL, "Kontakt"));
  g_assert_true (rapport_column_mapping_dialog_set_column (dialog, RAPPORT_EVENT_FIELD_STATUS, "Zusage"));
  g_assert_true (rapport_column_mapping_dialog_set_column (dialog, RAPPORT_EVENT_FIELD_PARTY_SIZE, "Personen"));
  g_assert_false (rapport_column_mapping_dialog_set_column (dialog, RAPPORT_EVENT_FIELD_GUESTS, "Gäste"));
  g_assert_true (rapport_column_mapping_dialog_get_can_import (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 10000));
  g_assert_null (rapport_event_page_get_mapping_dialog (page));

  rsvps = rapport_events_list_rsvps (fixture->store, event_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rsvps->len, ==, 3);
  g_assert_cmpstr (rapport_event_page_get_going_text (page), ==, "2 of 40 going");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_event_page_get_rsvps (page)), ==, 3);

  toast = rapport_event_page_get_last_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Imported 3 RSVPs · 0 updated · 3 new members");

  /* The status filter cuts the table. */
  rapport_event_page_set_status_filter (page, RAPPORT_RSVP_MAYBE);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_event_page_get_rsvps (page)), ==, 1);
  rapport_event_page_set_status_filter (page, NULL);
}

/* A known layout imports at once; a bad file says which line and imports
 * nothing. */
static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 event_id = add_event (fixture, "Berlin Community Meetup", "meetup", now () + 5 * DAY, 40, "c-base", NULL);
  g_autoptr(GFile) bad = write_file (fixture, "bad.csv",
                                     "Full name,Email,Status\n"
                                     "Jonas Becker,jonas@example.de,yes\n"
                                     "Lena Vogel,not-an-address,yes\n");
  g_autoptr(GPtrArray) rsvps = NULL;
  RapportColumnMappingDialog *dialog;
  RapportEventPage *page;
  GtkWindow *error_dialog;

  open_window (fixture, 1200, 800);
  g_assert_true (rapport_events_view_select_event (events_view (fixture), event_id));
  page = event_page (fixture);

  rapport_event_page_import_file (page, bad);
  g_assert_true (rapport_ui_test_wait_for (mapping_dialog_cb, page, 10000));
  dialog = RAPPORT_COLUMN_MAPPING_DIALOG (rapport_event_page_get_mapping_dialog (page));

  /* Plain English headers are guessed. */
  g_assert_cmpstr (rapport_column_mapping_dialog_get_column (dialog, RAPPORT_EVENT_FIELD_NAME), ==, "Full name");
  g_assert_cmpstr (rapport_column_mapping_dialog_get_column (dialog, RAPPORT_EVENT_FIELD_EMAIL), ==, "Email");
  g_assert_cmpstr (rapport_column_mapping_dialog_get_column (dialog, RAPPORT_EVENT_FIELD_STATUS), ==, "Status");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 10000));

  error_dialog = find_dialog (GTK_WINDOW (fixture->window), "Could Not Import “bad.csv”");
  g_assert_nonnull (error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)),
                            "Line 3, column 2 (“Email”)"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), "Nothing was imported"));

  rsvps = rapport_events_list_rsvps (fixture->store, event_id, NULL, NULL);
  g_assert_cmpuint (rsvps->len, ==, 0);
}

/* Add RSVP by member search, and an export written in the background. */
static void
test_add_rsvp_export (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 event_id = add_event (fixture, "Berlin Community Meetup", "meetup", now () + 5 * DAY, 2, "c-base", NULL);
  gint64 ana = add_member (fixture, "Ana Gomez", "ana@example.org", "Sendero Labs");
  gint64 bram = add_member (fixture, "Bram Visser", "bram@example.org", NULL);
  g_autoptr(GFile) file = write_file (fixture, "attendees.csv", "");
  g_autoptr(RapportRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  RapportRsvpDialog *dialog;
  gint64 rsvp_id;

  open_window (fixture, 1200, 800);
  g_assert_true (rapport_events_view_select_event (events_view (fixture), event_id));

  dialog = RAPPORT_RSVP_DIALOG (rapport_rsvp_dialog_new (GTK_WINDOW (fixture->window), fixture->store, event_id));
  gtk_window_present (GTK_WINDOW (dialog));
  rapport_rsvp_dialog_set_search (dialog, "ana");
  g_assert_true (rapport_rsvp_dialog_select (dialog, ana));
  g_assert_false (rapport_rsvp_dialog_select (dialog, bram));
  rsvp_id = rapport_rsvp_dialog_add (dialog, RAPPORT_RSVP_GOING, 2, &error);
  g_assert_no_error (error);
  rsvp = get_rsvp (fixture, rsvp_id);
  g_assert_cmpint (rapport_rsvp_get_member_id (rsvp), ==, ana);
  g_assert_cmpint (rapport_rsvp_get_party_size (rsvp), ==, 2);
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "2 of 2 going");

  /* The same member twice is refused with a message. */
  g_assert_cmpint (rapport_rsvp_dialog_add (dialog, RAPPORT_RSVP_GOING, 1, &error), ==, 0);
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_clear_error (&error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  rapport_event_page_export_file (event_page (fixture), RAPPORT_EVENT_EXPORT_CSV, file);
  g_assert_true (rapport_event_page_get_busy (event_page (fixture)));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, event_page (fixture), 10000));
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "Name,Email"));
  g_assert_nonnull (strstr (contents, "Ana Gomez,ana@example.org,Sendero Labs,going,2"));
  g_assert_cmpstr (adw_toast_get_title (rapport_event_page_get_last_toast (event_page (fixture))), ==,
                   "Saved “attendees.csv”");
}

/* A new event from the editor lands in the store and opens its page. */
static void
test_editor (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportEvent) event = NULL;
  RapportEventEditor *editor;
  gint64 event_id;
  GtkWidget *title_row;

  open_window (fixture, 1200, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (events_view (fixture)), "events.new", NULL));

  editor = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (RAPPORT_IS_EVENT_EDITOR (window))
          editor = RAPPORT_EVENT_EDITOR (window);
      }
  }
  g_assert_nonnull (editor);
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (GTK_WIDGET (editor), "event-editor");

  /* No title, no event. */
  g_assert_cmpint (rapport_event_editor_save (editor, &error), ==, 0);
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_clear_error (&error);

  title_row = find_type (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Hamburg Meetup");
  event_id = rapport_event_editor_save (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (event_id, >, 0);

  event = rapport_events_get (fixture->store, event_id, &error);
  g_assert_cmpstr (rapport_event_get_title (event), ==, "Hamburg Meetup");
  g_assert_cmpint (rapport_event_get_capacity (event), ==, -1);
  g_assert_cmpint (rapport_event_get_ends_at (event) - rapport_event_get_starts_at (event), ==, 2 * 3600);
  g_assert_cmpint (rapport_events_view_get_event_id (events_view (fixture)), ==, event_id);
}

/* Editing RSVPs from the table: each row's menu */

static gboolean
match_rsvp_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  RapportRsvp *rsvp = g_object_get_data (G_OBJECT (widget), "rapport-rsvp");

  return rsvp != NULL && rapport_rsvp_get_id (rsvp) == *(const gint64 *) data;
}

static GtkMenuButton *
row_menu_button (Fixture *fixture,
                 gint64   rsvp_id)
{
  GtkWidget *button;

  rapport_ui_test_spin (50);
  button = rapport_ui_test_find_widget (GTK_WIDGET (event_page (fixture)), GTK_TYPE_MENU_BUTTON,
                                        match_rsvp_menu, &rsvp_id);
  g_assert_nonnull (button);

  return GTK_MENU_BUTTON (button);
}

/* Whether the row's menu has an item labelled @label; its action and
 * target when it does. */
static gboolean
find_menu_item (GMenuModel  *menu,
                const char  *label,
                char       **action,
                GVariant   **target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_label = NULL;

      if (section != NULL && find_menu_item (section, label, action, target))
        return TRUE;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        {
          if (action != NULL)
            g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", action);
          if (target != NULL)
            *target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
row_menu_has (Fixture    *fixture,
              gint64      rsvp_id,
              const char *label)
{
  return find_menu_item (gtk_menu_button_get_menu_model (row_menu_button (fixture, rsvp_id)), label, NULL, NULL);
}

/* Opens the row's menu and chooses @label, as a click on the item does. */
static void
choose_from_row_menu (Fixture    *fixture,
                      gint64      rsvp_id,
                      const char *label)
{
  GtkMenuButton *button = row_menu_button (fixture, rsvp_id);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;

  rapport_ui_test_popup (button);
  g_assert_true (find_menu_item (gtk_menu_button_get_menu_model (button), label, &action, &target));
  gtk_menu_button_popdown (button);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (button), action, target));
  rapport_ui_test_spin (50);
}

static const char *
last_toast_title (Fixture *fixture)
{
  AdwToast *toast = rapport_event_page_get_last_toast (event_page (fixture));

  g_assert_nonnull (toast);
  return adw_toast_get_title (toast);
}

static double
level_value (Fixture *fixture)
{
  GtkWidget *bar = rapport_ui_test_find_widget (GTK_WIDGET (event_page (fixture)), GTK_TYPE_LEVEL_BAR, NULL, NULL);

  g_assert_nonnull (bar);
  return gtk_level_bar_get_value (GTK_LEVEL_BAR (bar));
}

static void
set_party_in_dialog (Fixture *fixture,
                     int      party)
{
  GtkWindow *dialog = find_dialog (GTK_WINDOW (fixture->window), "Edit Party Size");
  GtkWidget *spin;

  g_assert_nonnull (dialog);
  spin = rapport_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), party);
  /* What the Save button does: answer, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  rapport_ui_test_spin (50);
}

/* Status, party size, check-in and removal with Undo, each through the
 * row menu, with the capacity rules and the counters following. */
static void
test_edit_rsvps (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 event_id = add_event (fixture, "Berlin Community Meetup", "meetup", now () + 5 * DAY, 4,
                               "c-base, Berlin", NULL);
  gint64 ana = add_rsvp (fixture, event_id, add_member (fixture, "Ana Gomez", "ana@example.org", NULL),
                         RAPPORT_RSVP_GOING, 2, "eventbrite");
  gint64 bram = add_rsvp (fixture, event_id, add_member (fixture, "Bram Visser", "bram@example.org", NULL),
                          RAPPORT_RSVP_GOING, 2, "manual");
  gint64 chen = add_rsvp (fixture, event_id, add_member (fixture, "Chen Wei", "chen@example.org", NULL),
                          RAPPORT_RSVP_GOING, 1, "manual");
  gint64 dana = add_rsvp (fixture, event_id, add_member (fixture, "Dana Scully", "dana@example.org", NULL),
                          RAPPORT_RSVP_MAYBE, 1, "manual");
  g_autoptr(RapportRsvp) r = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *upcoming;
  GtkListBoxRow *event_row;
  GtkWindow *refusal;
  GtkMenuButton *button;
  AdwToast *toast;

  open_window (fixture, 1200, 800);
  g_assert_true (rapport_events_view_select_event (events_view (fixture), event_id));
  upcoming = rapport_events_view_get_list (events_view (fixture), RAPPORT_EVENT_RANGE_UPCOMING);
  event_row = gtk_list_box_get_row_at_index (upcoming, 0);
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "4 of 4 going");
  g_assert_cmpstr (rapport_event_row_get_counts (RAPPORT_EVENT_ROW (event_row)), ==, "4 going · 1 waitlisted");

  /* A going row offers the other statuses, not Going again. */
  g_assert_false (row_menu_has (fixture, ana, "Mark as _Going"));
  g_assert_true (row_menu_has (fixture, ana, "Mark as _Not Going"));
  g_assert_true (row_menu_has (fixture, ana, "_Check In"));

  /* Ana is not going: her places go to Chen, first in line, as an offer. */
  choose_from_row_menu (fixture, ana, "Mark as _Not Going");
  r = get_rsvp (fixture, ana);
  g_assert_cmpstr (rapport_rsvp_get_status (r), ==, RAPPORT_RSVP_DECLINED);
  g_clear_object (&r);
  r = get_rsvp (fixture, chen);
  g_assert_cmpint (rapport_rsvp_get_offered_at (r), >, 0);
  g_clear_object (&r);
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "2 of 4 going");
  g_assert_cmpfloat_with_epsilon (level_value (fixture), 0.5, 1e-9);
  g_assert_cmpstr (last_toast_title (fixture), ==, "Ana Gomez is not going · 1 place offered to the waitlist");
  g_assert_cmpstr (rapport_event_row_get_counts (RAPPORT_EVENT_ROW (event_row)), ==, "2 going · 1 waitlisted");

  /* Dana's single fits in the one place left. */
  choose_from_row_menu (fixture, dana, "Mark as _Going");
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "3 of 4 going");

  /* Ana changes her mind, but the event is full now: she waits, and the
   * page says so. */
  choose_from_row_menu (fixture, ana, "Mark as _Going");
  r = get_rsvp (fixture, ana);
  g_assert_cmpstr (rapport_rsvp_get_status (r), ==, RAPPORT_RSVP_WAITLISTED);
  g_clear_object (&r);
  g_assert_cmpstr (last_toast_title (fixture), ==, "The event is full: Ana Gomez is on the waitlist");
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "3 of 4 going");
  g_assert_false (row_menu_has (fixture, ana, "Move to _Waitlist"));

  /* Bram's party cannot grow past what is free… */
  choose_from_row_menu (fixture, bram, "Edit _Party Size…");
  set_party_in_dialog (fixture, 3);
  refusal = find_dialog (GTK_WINDOW (fixture->window), "Could Not Change the Party Size");
  g_assert_nonnull (refusal);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)), ==,
                   "A party of 3 does not fit: 0 more places are free");
  gtk_window_destroy (refusal);
  r = get_rsvp (fixture, bram);
  g_assert_cmpint (rapport_rsvp_get_party_size (r), ==, 2);
  g_clear_object (&r);

  /* …but may shrink. */
  choose_from_row_menu (fixture, bram, "Edit _Party Size…");
  rapport_ui_test_screenshot (GTK_WIDGET (find_dialog (GTK_WINDOW (fixture->window), "Edit Party Size")),
                              "event-party-size-dialog");
  set_party_in_dialog (fixture, 1);
  r = get_rsvp (fixture, bram);
  g_assert_cmpint (rapport_rsvp_get_party_size (r), ==, 1);
  g_clear_object (&r);
  g_assert_null (find_dialog (GTK_WINDOW (fixture->window), "Edit Party Size"));
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "2 of 4 going");
  g_assert_cmpstr (last_toast_title (fixture), ==, "Bram Visser: party of 1");

  /* Check in and out; the menu follows. */
  choose_from_row_menu (fixture, dana, "_Check In");
  r = get_rsvp (fixture, dana);
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (r), >, 0);
  g_clear_object (&r);
  g_assert_true (row_menu_has (fixture, dana, "_Undo Check-In"));
  choose_from_row_menu (fixture, dana, "_Undo Check-In");
  r = get_rsvp (fixture, dana);
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (r), ==, 0);
  g_clear_object (&r);
  g_assert_true (row_menu_has (fixture, dana, "_Check In"));

  /* Remove Bram: two places free up (his one and the one left), and
   * Ana's party of 2 is offered them. */
  choose_from_row_menu (fixture, bram, "_Remove");
  g_assert_null (rapport_events_get_rsvp (fixture->store, bram, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  r = get_rsvp (fixture, ana);
  g_assert_cmpint (rapport_rsvp_get_offered_at (r), >, 0);
  g_clear_object (&r);
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "1 of 4 going");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_event_page_get_rsvps (event_page (fixture))), ==, 3);

  toast = rapport_event_page_get_last_toast (event_page (fixture));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "RSVP of Bram Visser removed · 2 places offered to the waitlist");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "event.rsvp-restore");

  /* Undo, as the toast's button does: Bram is back and Ana's offer is
   * withdrawn. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (event_page (fixture)),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  rapport_ui_test_spin (50);
  r = get_rsvp (fixture, bram);
  g_assert_cmpstr (rapport_rsvp_get_status (r), ==, RAPPORT_RSVP_GOING);
  g_assert_cmpint (rapport_rsvp_get_party_size (r), ==, 1);
  g_clear_object (&r);
  r = get_rsvp (fixture, ana);
  g_assert_cmpint (rapport_rsvp_get_offered_at (r), ==, 0);
  g_clear_object (&r);
  g_assert_cmpstr (rapport_event_page_get_going_text (event_page (fixture)), ==, "2 of 4 going");
  g_assert_cmpuint (g_list_model_get_n_items (rapport_event_page_get_rsvps (event_page (fixture))), ==, 4);
  g_assert_cmpstr (rapport_event_row_get_counts (RAPPORT_EVENT_ROW (event_row)), ==, "2 going · 3 waitlisted");

  /* Menu (or Shift+F10) on a focused row opens its menu. */
  button = row_menu_button (fixture, chen);
  gtk_widget_grab_focus (GTK_WIDGET (button));
  rapport_ui_test_hold_open (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (event_page (fixture)), "event.rsvp-menu", NULL));
  g_assert_true (rapport_ui_test_wait_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);

  /* Delete on a focused row removes it, with the same Undo. */
  gtk_widget_grab_focus (GTK_WIDGET (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (event_page (fixture)), "event.rsvp-remove-focused", NULL));
  rapport_ui_test_spin (50);
  g_assert_null (rapport_events_get_rsvp (fixture->store, chen, NULL));
  toast = rapport_event_page_get_last_toast (event_page (fixture));
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "RSVP of Chen Wei removed · 2 places offered to the waitlist");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (event_page (fixture)),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  r = get_rsvp (fixture, chen);
  g_assert_cmpstr (rapport_rsvp_get_status (r), ==, RAPPORT_RSVP_WAITLISTED);
  g_assert_cmpint (rapport_rsvp_get_offered_at (r), >, 0);
}

/* Screenshots: a demo community and a Berlin meetup with ~40 RSVPs */

static void
add_demo (Fixture *fixture,
          gint64  *berlin_out)
{
  RapportDemoOptions options = { .members = 300, .activities = 3000, .seed = 20260101 };
  RapportMemberQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  static const char *sources[] = { "eventbrite", "meetup", "eventbrite", "manual" };
  gint64 t = now ();
  gint64 berlin, webinar, paris, lisbon;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) evening = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");

  g_assert_true (rapport_demo_generate (fixture->store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  query.sort = RAPPORT_MEMBER_SORT_NAME;
  ids = rapport_store_query_member_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 120);

  /* Next week, 18:30 in Berlin. */
  next = g_date_time_new_from_unix_utc (t + 6 * DAY);
  evening = g_date_time_new (zone, g_date_time_get_year (next), g_date_time_get_month (next),
                             g_date_time_get_day_of_month (next), 18, 30, 0);

  berlin = add_event (fixture, "Berlin Community Meetup", "meetup", g_date_time_to_unix (evening), 40,
                      "c-base, Rungestraße 20, 10179 Berlin", NULL);
  webinar = add_event (fixture, "Contributing to GNOME: a Webinar", "webinar", t + 20 * DAY, -1, NULL,
                       "https://meet.example.org/contributing");
  paris = add_event (fixture, "Paris Contributor Workshop", "workshop", t - 12 * DAY, 24,
                     "Station F, Paris", NULL);
  lisbon = add_event (fixture, "Lisbon Hack Night", "meetup", t - 45 * DAY, 30, "Lisbon", NULL);

  /* ~40 answers: mostly going (some with guests), a few maybe and
   * declined, and the last going ones on the waitlist. */
  for (guint i = 0; i < 46; i++)
    {
      gint64 member = g_array_index (ids, gint64, i * 2 + 1);
      const char *status = i % 11 == 5 ? RAPPORT_RSVP_MAYBE : i % 13 == 7 ? RAPPORT_RSVP_DECLINED : RAPPORT_RSVP_GOING;
      int party = i % 6 == 2 ? 2 : 1;

      add_rsvp (fixture, berlin, member, status, party, sources[i % G_N_ELEMENTS (sources)]);
    }

  for (guint i = 0; i < 18; i++)
    add_rsvp (fixture, webinar, g_array_index (ids, gint64, 100 + i), RAPPORT_RSVP_GOING, 1, "zoom");

  for (guint i = 0; i < 20; i++)
    {
      gint64 rsvp = add_rsvp (fixture, paris, g_array_index (ids, gint64, 60 + i), RAPPORT_RSVP_GOING, 1, "meetup");

      if (i % 4 != 3)
        g_assert_true (rapport_events_check_in (fixture->store, rsvp, NULL));
    }
  g_assert_true (rapport_events_mark_done (fixture->store, paris, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 12; i++)
    add_rsvp (fixture, lisbon, g_array_index (ids, gint64, 140 + i), RAPPORT_RSVP_GOING, 1, "meetup");

  *berlin_out = berlin;
}

static void
shoot (Fixture    *fixture,
       GtkWidget  *widget,
       const char *name,
       gboolean    dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark_name = g_strconcat (name, "-dark", NULL);

  rapport_ui_test_spin (150);
  rapport_ui_test_screenshot (widget, name);
  if (dark)
    {
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      rapport_ui_test_spin (250);
      rapport_ui_test_screenshot (widget, dark_name);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      rapport_ui_test_spin (100);
    }
}

static void
shoot_checkin (Fixture    *fixture,
               const char *suffix)
{
  RapportCheckinWindow *checkin;
  GtkEditable *entry;
  g_autofree char *name = NULL;

  checkin = RAPPORT_CHECKIN_WINDOW (rapport_event_page_open_checkin (event_page (fixture)));
  rapport_ui_test_spin (200);
  entry = rapport_checkin_window_get_search_entry (checkin);

  /* Someone checked in a moment ago, and the next name half typed. */
  gtk_editable_set_text (entry, "andrew mar");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (entry, "ma");
  g_signal_emit_by_name (entry, "search-changed");

  name = g_strconcat ("checkin", suffix, NULL);
  shoot (fixture, GTK_WIDGET (checkin), name, TRUE);
  gtk_window_destroy (GTK_WINDOW (checkin));
  rapport_ui_test_spin (50);
}

static void
shoot_mapping (Fixture    *fixture,
               const char *suffix,
               int         width,
               int         height)
{
  g_autoptr(GFile) file = write_file (fixture, "meetup-signups.csv",
                                      "Full name,E-mail address,Coming?,People,Signed up,Ticket number\n"
                                      "Xavier Blanc,xavier@example.fr,yes,2,2026-05-01,T-1001\n");
  RapportEventPage *page = event_page (fixture);
  GtkWindow *dialog;
  g_autofree char *name = NULL;

  rapport_event_page_import_file (page, file);
  g_assert_true (rapport_ui_test_wait_for (mapping_dialog_cb, page, 10000));
  dialog = rapport_event_page_get_mapping_dialog (page);
  gtk_window_set_default_size (dialog, width, height);
  gtk_window_present (dialog);
  rapport_ui_test_spin (200);

  name = g_strconcat ("mapping-dialog", suffix, NULL);
  shoot (fixture, GTK_WIDGET (dialog), name, TRUE);
  gtk_window_destroy (dialog);
  rapport_ui_test_spin (50);
}

static gboolean
match_any_rsvp_menu (GtkWidget     *widget,
                     gconstpointer  data)
{
  return g_object_get_data (G_OBJECT (widget), "rapport-rsvp") != NULL;
}

/* The window with an open popover on top: a popover is a surface of its
 * own, so it is drawn where the popup surface sits over the window. */
static void
screenshot_with_popover (GtkWidget  *window,
                         GtkPopover *popover,
                         const char *name)
{
  const char *dir = g_getenv ("RAPPORT_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) window_paintable = NULL;
  g_autoptr(GdkPaintable) popover_paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GdkSurface *surface;
  double wx, wy, px, py;
  int width, height;

  if (dir == NULL || dir[0] == '\0')
    return;

  rapport_ui_test_spin (300);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
  px += gdk_popup_get_position_x (GDK_POPUP (surface)) - wx;
  py += gdk_popup_get_position_y (GDK_POPUP (surface)) - wy;

  window_paintable = gtk_widget_paintable_new (window);
  popover_paintable = gtk_widget_paintable_new (GTK_WIDGET (popover));
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        rapport_ui_test_spin (100);
      gdk_paintable_snapshot (window_paintable, GDK_SNAPSHOT (snapshot), width, height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (px, py));
      gdk_paintable_snapshot (popover_paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (GTK_WIDGET (popover)),
                              gtk_widget_get_height (GTK_WIDGET (popover)));
      gtk_snapshot_restore (snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* The RSVP table scrolled into view with the first row's menu open. */
static void
shoot_row_menu (Fixture    *fixture,
                const char *name)
{
  RapportEventPage *page = event_page (fixture);
  GtkWidget *column_view = rapport_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_type (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GtkWidget *button;
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (column_view, gtk_scrolled_window_get_child (scrolled),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 60);
  rapport_ui_test_spin (150);

  button = rapport_ui_test_find_widget (column_view, GTK_TYPE_MENU_BUTTON, match_any_rsvp_menu, NULL);
  g_assert_nonnull (button);
  rapport_ui_test_popup (GTK_MENU_BUTTON (button));
  screenshot_with_popover (GTK_WIDGET (fixture->window), gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)),
                           name);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_adjustment_set_value (adjustment, 0);
  rapport_ui_test_spin (50);
}

static void
test_screenshots_wide (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  gint64 berlin = 0;

  add_demo (fixture, &berlin);
  open_window (fixture, 1200, 800);

  g_assert_true (rapport_events_view_select_event (events_view (fixture), berlin));
  shoot (fixture, GTK_WIDGET (fixture->window), "events-wide", TRUE);

  /* Further down the page: the RSVP table and the waitlist. */
  scrolled = GTK_SCROLLED_WINDOW (find_type (GTK_WIDGET (event_page (fixture)), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  shoot (fixture, GTK_WIDGET (fixture->window), "event-page-wide", TRUE);
  gtk_adjustment_set_value (adjustment, 0);

  shoot_row_menu (fixture, "event-page-rsvp-menu-wide");
  shoot_checkin (fixture, "-wide");
  shoot_mapping (fixture, "-wide", 520, 680);
}

static void
test_screenshots_narrow (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 berlin = 0;

  add_demo (fixture, &berlin);
  open_window (fixture, 360, 780);

  shoot (fixture, GTK_WIDGET (fixture->window), "events-list-narrow", TRUE);

  g_assert_true (rapport_events_view_select_event (events_view (fixture), berlin));
  shoot (fixture, GTK_WIDGET (fixture->window), "event-page-narrow", TRUE);
  shoot_row_menu (fixture, "event-page-rsvp-menu-narrow");

  shoot_checkin (fixture, "-narrow");
  shoot_mapping (fixture, "-narrow", 360, 780);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  rapport_ui_test_init (&argc, &argv);

  app = rapport_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/ui/events/list", test_list);
  ADD ("/rapport/ui/events/checkin", test_checkin);
  ADD ("/rapport/ui/events/walk-in-full", test_walk_in_full);
  ADD ("/rapport/ui/events/mapping", test_mapping);
  ADD ("/rapport/ui/events/import-errors", test_import_errors);
  ADD ("/rapport/ui/events/add-rsvp-export", test_add_rsvp_export);
  ADD ("/rapport/ui/events/editor", test_editor);
  ADD ("/rapport/ui/events/edit-rsvps", test_edit_rsvps);
  ADD ("/rapport/ui/events/screenshots-wide", test_screenshots_wide);
  ADD ("/rapport/ui/events/screenshots-narrow", test_screenshots_narrow);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
