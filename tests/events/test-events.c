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

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-event-list.h"
#include "rapport-events.h"
#include "rapport-member.h"
#include "rapport-operation.h"
#include "rapport-rsvp-list.h"
#include "rapport-store-private.h"
#include "rapport-store.h"

#define NOW   ((gint64) 1750000000)
#define HOUR  ((gint64) 3600)

typedef struct
{
  char         *dir;
  RapportStore *store;
  gint64        event_id;
} Fixture;

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *email)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;

  rapport_member_set_name (member, name);
  rapport_member_set_email (member, email);
  rapport_store_insert_member (f->store, member, &error);
  g_assert_no_error (error);

  return rapport_member_get_id (member);
}

static gint64
add_event (Fixture *f,
           int      capacity)
{
  g_autoptr(RapportEvent) event = rapport_event_new ();
  g_autoptr(GError) error = NULL;

  rapport_event_set_title (event, "GNOME Paris meetup");
  rapport_event_set_starts_at (event, NOW + 48 * HOUR);
  rapport_event_set_ends_at (event, NOW + 50 * HOUR);
  rapport_event_set_tzid (event, "Europe/Paris");
  rapport_event_set_capacity (event, capacity);
  rapport_events_insert (f->store, event, &error);
  g_assert_no_error (error);

  return rapport_event_get_id (event);
}

static gint64
rsvp (Fixture    *f,
      const char *name,
      int         party,
      const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("%s@example.org", name);
  gint64 id;

  id = rapport_events_add_rsvp (f->store, f->event_id, add_member (f, name, email),
                                status, party, "manual", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static char *
status_of (Fixture *f,
           gint64   rsvp_id)
{
  g_autoptr(RapportRsvp) r = rapport_events_get_rsvp (f->store, rsvp_id, NULL);

  g_assert_nonnull (r);
  if (g_str_equal (rapport_rsvp_get_status (r), RAPPORT_RSVP_WAITLISTED) && rapport_rsvp_get_offered_at (r) != 0)
    return g_strdup ("offered");

  return g_strdup (rapport_rsvp_get_status (r));
}

#define assert_status(f, id, expected) \
  G_STMT_START { \
    g_autofree char *s_ = status_of ((f), (id)); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-events-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);
  rapport_clock_set_fixed (rapport_clock_get_default (), NOW);
  f->event_id = add_event (f, GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "rapport.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_event_crud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(RapportEvent) bad = rapport_event_new ();
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GArray) hosts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 host = add_member (f, "Gus Lindqvist", "gus@example.org");

  event = rapport_events_get (f->store, f->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_event_get_title (event), ==, "GNOME Paris meetup");
  g_assert_cmpstr (rapport_event_get_tzid (event), ==, "Europe/Paris");
  g_assert_cmpstr (rapport_event_get_status (event), ==, "draft");
  g_assert_cmpint (rapport_event_get_claim_window (event), ==, 24 * HOUR);
  g_assert_true (g_str_has_suffix (rapport_event_get_uid (event), "@rapport"));

  rapport_event_set_status (event, RAPPORT_EVENT_ANNOUNCED);
  rapport_event_set_kind (event, "workshop");
  rapport_event_set_online_url (event, "https://meet.example.org/gnome");
  rapport_events_update (f->store, event, &error);
  g_assert_no_error (error);
  g_clear_object (&event);
  event = rapport_events_get (f->store, f->event_id, &error);
  g_assert_cmpstr (rapport_event_get_status (event), ==, "announced");
  g_assert_cmpstr (rapport_event_get_kind (event), ==, "workshop");

  rapport_events_add_person (f->store, f->event_id, host, RAPPORT_EVENT_ROLE_HOST, &error);
  g_assert_no_error (error);
  hosts = rapport_events_list_people (f->store, f->event_id, RAPPORT_EVENT_ROLE_HOST, &error);
  g_assert_cmpuint (hosts->len, ==, 1);
  g_assert_cmpint (g_array_index (hosts, gint64, 0), ==, host);

  upcoming = rapport_events_list (f->store, RAPPORT_EVENT_RANGE_UPCOMING, &error);
  g_assert_cmpuint (upcoming->len, ==, 1);
  rapport_clock_set_fixed (rapport_clock_get_default (), NOW + 60 * HOUR);
  past = rapport_events_list (f->store, RAPPORT_EVENT_RANGE_PAST, &error);
  g_assert_cmpuint (past->len, ==, 1);

  /* Bad values are refused with a message that names them. */
  rapport_event_set_title (bad, "Broken");
  rapport_event_set_starts_at (bad, NOW);
  rapport_event_set_tzid (bad, "Mars/Olympus_Mons");
  g_assert_false (rapport_events_insert (f->store, bad, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
}

static void
test_capacity_parties (Fixture       *f,
                       gconstpointer  data)
{
  RapportEventCounts counts;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d;

  /* Capacity 10: 4 + 5 fit, a party of 2 waits whole, a single fits. */
  a = rsvp (f, "ana", 4, RAPPORT_RSVP_GOING);
  b = rsvp (f, "bram", 5, RAPPORT_RSVP_GOING);
  c = rsvp (f, "chen", 2, RAPPORT_RSVP_GOING);
  d = rsvp (f, "dana", 1, RAPPORT_RSVP_GOING);

  assert_status (f, a, "going");
  assert_status (f, b, "going");
  assert_status (f, c, "waitlisted");
  assert_status (f, d, "going");

  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts.capacity, ==, 10);
  g_assert_cmpint (counts.going, ==, 10);
  g_assert_cmpint (counts.going_parties, ==, 3);
  g_assert_cmpint (counts.waitlisted, ==, 2);

  /* Growing a going party past capacity is refused. */
  g_assert_false (rapport_events_set_party_size (f->store, a, 5, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL);
}

static void
test_waitlist_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) waitlist = NULL;
  g_autoptr(GError) error = NULL;
  gint64 big, w1, w2, w3;

  big = rsvp (f, "big", 10, RAPPORT_RSVP_GOING);
  w1 = rsvp (f, "first", 3, RAPPORT_RSVP_GOING);
  w2 = rsvp (f, "second", 1, RAPPORT_RSVP_GOING);
  w3 = rsvp (f, "third", 2, RAPPORT_RSVP_GOING);

  waitlist = rapport_events_list_rsvps (f->store, f->event_id, RAPPORT_RSVP_WAITLISTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waitlist->len, ==, 3);
  g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (waitlist, 0)), ==, w1);
  g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (waitlist, 1)), ==, w2);
  g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (waitlist, 2)), ==, w3);
  g_assert_cmpint (rapport_rsvp_get_waitlist_position (g_ptr_array_index (waitlist, 0)), <,
                   rapport_rsvp_get_waitlist_position (g_ptr_array_index (waitlist, 1)));

  /* Two places free: the first party (3) does not fit, the second (1)
   * does, and so does the third (2) with what is left… only 1 is left. */
  rapport_events_set_party_size (f->store, big, 8, &error);
  g_assert_no_error (error);
  assert_status (f, w1, "waitlisted");
  assert_status (f, w2, "offered");
  assert_status (f, w3, "waitlisted");
}

static void
test_promotion_and_expiry (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  RapportEventCounts counts;
  gint64 a, w1, w2;

  a = rsvp (f, "ana", 10, RAPPORT_RSVP_GOING);
  w1 = rsvp (f, "first", 2, RAPPORT_RSVP_GOING);
  w2 = rsvp (f, "second", 2, RAPPORT_RSVP_GOING);
  assert_status (f, w1, "waitlisted");

  /* Ana shrinks her party: two places free and go to the first in line. */
  rapport_events_set_party_size (f->store, a, 8, &error);
  g_assert_no_error (error);
  assert_status (f, w1, "offered");
  assert_status (f, w2, "waitlisted");

  /* The offer holds the places: a new party cannot take them. */
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.offered, ==, 2);
  assert_status (f, rsvp (f, "late", 1, RAPPORT_RSVP_GOING), "waitlisted");

  /* The claim window passes: the offer lapses and passes to the next. */
  rapport_clock_advance (rapport_clock_get_default (), 24 * HOUR);
  rapport_events_process_offers (f->store, f->event_id, &error);
  g_assert_no_error (error);
  assert_status (f, w1, "cancelled");
  assert_status (f, w2, "offered");

  g_assert_false (rapport_events_claim_offer (f->store, w1, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NO_OFFER);
  g_clear_error (&error);

  /* Within its window the second party claims. */
  rapport_clock_advance (rapport_clock_get_default (), 23 * HOUR);
  rapport_events_claim_offer (f->store, w2, &error);
  g_assert_no_error (error);
  assert_status (f, w2, "going");
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 10);

  /* Everything is in the history. */
  history = rapport_events_list_history (f->store, w1, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, 0))->note, ==, "created-full");
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, 1))->note, ==, "offered");
  g_assert_cmpint (((RapportRsvpChange *) g_ptr_array_index (history, 1))->at, ==, NOW);
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, 2))->note, ==, "offer-expired");
  g_assert_cmpint (((RapportRsvpChange *) g_ptr_array_index (history, 2))->at, ==, NOW + 24 * HOUR);

  /* Cancelling a going party frees its place for the waitlist. */
  g_clear_pointer (&history, g_ptr_array_unref);
  rapport_events_set_rsvp_status (f->store, w2, RAPPORT_RSVP_CANCELLED, &error);
  g_assert_no_error (error);
  history = rapport_events_list_history (f->store, w2, &error);
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, history->len - 1))->to_status, ==,
                   "cancelled");
}

static void
test_walk_ins (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  RapportEventCounts counts;
  gint64 walk;

  rsvp (f, "ana", 1, RAPPORT_RSVP_GOING);
  walk = rapport_events_walk_in (f->store, f->event_id, "Ivo Petrov", "ivo@example.org", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (walk, >, 0);
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 2);
  g_assert_cmpint (counts.checked_in, ==, 1);
  g_assert_cmpint (rapport_store_find_member_by_email (f->store, "ivo@example.org"), >, 0);

  /* Full: a walk-in is refused… */
  g_assert_cmpint (rapport_events_walk_in (f->store, f->event_id, "Jo", "jo@example.org", 1, &error), ==, 0);
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpint (rapport_store_find_member_by_email (f->store, "jo@example.org"), ==, 0);

  /* …unless the event allows going over capacity. */
  event = rapport_events_get (f->store, f->event_id, &error);
  rapport_event_set_allow_over_capacity (event, TRUE);
  rapport_events_update (f->store, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_events_walk_in (f->store, f->event_id, "Jo", "jo@example.org", 1, &error), >, 0);
  g_assert_no_error (error);
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 3);
  g_assert_cmpint (counts.checked_in, ==, 2);

  /* Undoing a walk-in removes it. */
  rapport_events_undo_check_in (f->store, walk, &error);
  g_assert_no_error (error);
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 2);
  g_assert_cmpint (counts.checked_in, ==, 1);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_check_in_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportRsvpList) list = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(RapportMember) other = rapport_member_new ();
  gint64 ana_member = add_member (f, "Ana González", "ana.gonzalez@example.org");
  gint64 ana;
  guint notified = 0;

  ana = rapport_events_add_rsvp (f->store, f->event_id, ana_member, RAPPORT_RSVP_GOING, 1, "manual",
                                 NULL, NULL, &error);
  rapport_store_add_identity (f->store, ana_member, "github", "anagon", NULL, NULL, &error);
  g_assert_no_error (error);
  rsvp (f, "bram", 1, RAPPORT_RSVP_GOING);

  /* Someone with the same name who did not answer is not found. */
  rapport_member_set_name (other, "Ana Gomez");
  rapport_store_insert_member (f->store, other, &error);

#define FINDS(text, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) r_ = rapport_events_search_rsvps (f->store, f->event_id, (text), 10, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (r_->len, ==, (expected)); \
    if ((expected) > 0) \
      g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (r_, 0)), ==, ana); \
  } G_STMT_END

  FINDS ("ana gon", 1);
  FINDS ("gonz", 1);
  FINDS ("ana.gonzalez@exa", 1);
  FINDS ("anagon", 1);
  FINDS ("gomez", 0);

#undef FINDS

  list = rapport_rsvp_list_new (f->store, f->event_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_signal_connect (list, "notify::checked-in", G_CALLBACK (on_notify_cb), &notified);

  rapport_events_check_in (f->store, ana, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_rsvp_list_get_checked_in (list), ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  hits = rapport_events_list_rsvps (f->store, f->event_id, NULL, &error);
  g_assert_cmpint (rapport_rsvp_get_checked_in_at (g_ptr_array_index (hits, 0)), ==, NOW);

  rapport_events_undo_check_in (f->store, ana, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_rsvp_list_get_checked_in (list), ==, 0);

  /* The status filter cuts the list. */
  rapport_events_set_rsvp_status (f->store, ana, RAPPORT_RSVP_MAYBE, &error);
  rapport_rsvp_list_set_status_filter (list, RAPPORT_RSVP_MAYBE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (rapport_rsvp_list_get_going (list), ==, 1);
}

static void
test_done_attendance (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportEvent) event = NULL;
  g_autoptr(RapportEventList) past = NULL;
  RapportEventCounts counts;
  gint64 speaker = add_member (f, "Dana Okafor", "dana@example.org");
  gint64 a, b, c, d;
  gint64 attended = -1, no_shows = -1;
  gint64 activities_before;
  gint64 activities_after;

  a = rsvp (f, "ana", 1, RAPPORT_RSVP_GOING);
  b = rsvp (f, "bram", 2, RAPPORT_RSVP_GOING);
  c = rsvp (f, "chen", 1, RAPPORT_RSVP_GOING);
  d = rsvp (f, "emile", 1, RAPPORT_RSVP_MAYBE);
  rapport_events_add_person (f->store, f->event_id, speaker, RAPPORT_EVENT_ROLE_SPEAKER, &error);
  rapport_events_check_in (f->store, a, &error);
  rapport_events_check_in (f->store, b, &error);
  g_assert_no_error (error);

  {
    RapportStoreCounts sc;

    rapport_store_get_counts (f->store, &sc, NULL);
    activities_before = sc.activities;
  }

  rapport_events_mark_done (f->store, f->event_id, &error);
  g_assert_no_error (error);
  rapport_events_mark_done (f->store, f->event_id, &error);
  g_assert_no_error (error);

  {
    RapportStoreCounts sc;

    rapport_store_get_counts (f->store, &sc, NULL);
    activities_after = sc.activities;
  }
  /* Two attendees and one speaker, once. */
  g_assert_cmpint (activities_after - activities_before, ==, 3);

  {
    g_autoptr(GPtrArray) list = rapport_store_list_activities (f->store, speaker, G_MAXINT64, G_MAXINT64, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }

  event = rapport_events_get (f->store, f->event_id, &error);
  g_assert_cmpstr (rapport_event_get_status (event), ==, "done");
  g_assert_cmpint (rapport_event_get_attendance_recorded_at (event), ==, NOW);

  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 4);
  g_assert_cmpint (counts.checked_in, ==, 3);
  g_assert_cmpint (counts.no_shows, ==, 1);
  g_assert_cmpfloat_with_epsilon (rapport_event_counts_get_show_up_rate (&counts), 0.75, 1e-9);

  {
    g_autoptr(RapportRsvp) r = rapport_events_get_rsvp (f->store, c, &error);

    rapport_events_get_member_attendance (f->store, rapport_rsvp_get_member_id (r), &attended, &no_shows, &error);
    g_assert_cmpint (attended, ==, 0);
    g_assert_cmpint (no_shows, ==, 1);
  }
  {
    g_autoptr(RapportRsvp) r = rapport_events_get_rsvp (f->store, a, &error);

    rapport_events_get_member_attendance (f->store, rapport_rsvp_get_member_id (r), &attended, &no_shows, &error);
    g_assert_cmpint (attended, ==, 1);
    g_assert_cmpint (no_shows, ==, 0);
  }
  {
    g_autoptr(RapportRsvp) r = rapport_events_get_rsvp (f->store, d, &error);

    g_assert_false (rapport_rsvp_get_no_show (r));
  }

  rapport_clock_set_fixed (rapport_clock_get_default (), NOW + 100 * HOUR);
  past = rapport_event_list_new (f->store, RAPPORT_EVENT_RANGE_PAST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (past)), ==, 1);
}

/* Changing an RSVP's status from the event page keeps the capacity rules:
 * going when full waits, leaving going offers the places to the line. */
static void
test_edit_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  RapportRsvpChange *last;
  RapportEventCounts counts;
  gint64 a, b, c, d;

  /* Capacity 4: two parties of 2 fill it. */
  a = rsvp (f, "ana", 2, RAPPORT_RSVP_GOING);
  b = rsvp (f, "bram", 2, RAPPORT_RSVP_GOING);
  c = rsvp (f, "chen", 1, RAPPORT_RSVP_MAYBE);
  d = rsvp (f, "dana", 2, RAPPORT_RSVP_MAYBE);

  /* Going when full does not overbook: Chen waits. */
  g_assert_true (rapport_events_set_rsvp_status (f->store, c, RAPPORT_RSVP_GOING, &error));
  g_assert_no_error (error);
  assert_status (f, c, "waitlisted");
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 4);
  g_assert_cmpint (counts.waitlisted, ==, 1);

  /* Ana is not going after all: her places go to Chen as an offer. */
  g_assert_true (rapport_events_set_rsvp_status (f->store, a, RAPPORT_RSVP_DECLINED, &error));
  g_assert_no_error (error);
  assert_status (f, a, "declined");
  assert_status (f, c, "offered");
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 2);
  g_assert_cmpint (counts.declined, ==, 2);
  g_assert_cmpint (counts.offered, ==, 1);

  history = rapport_events_list_history (f->store, a, &error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->from_status, ==, "going");
  g_assert_cmpstr (last->to_status, ==, "declined");
  g_assert_cmpstr (last->note, ==, "changed");

  /* Marking Chen going takes the offered place; Dana's party of 2 does
   * not fit in the one left and waits. */
  g_assert_true (rapport_events_set_rsvp_status (f->store, c, RAPPORT_RSVP_GOING, &error));
  assert_status (f, c, "going");
  g_assert_true (rapport_events_set_rsvp_status (f->store, d, RAPPORT_RSVP_GOING, &error));
  g_assert_no_error (error);
  assert_status (f, d, "waitlisted");

  /* Moving Bram to the waitlist frees 2 places: Dana, first in line,
   * is offered them; Bram waits behind her. */
  g_assert_true (rapport_events_set_rsvp_status (f->store, b, RAPPORT_RSVP_WAITLISTED, &error));
  g_assert_no_error (error);
  assert_status (f, d, "offered");
  assert_status (f, b, "waitlisted");
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 1);
  g_assert_cmpint (counts.offered, ==, 2);

  /* Unknown statuses are refused by name. */
  g_assert_false (rapport_events_set_rsvp_status (f->store, b, "attending", &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“attending”"));
}

/* Party sizes are 1 to 1000 and must fit when going; the message says
 * what was wrong. */
static void
test_edit_party_size (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportRsvp) after = NULL;
  gint64 a, w;

  a = rsvp (f, "ana", 3, RAPPORT_RSVP_GOING);
  rsvp (f, "bram", 6, RAPPORT_RSVP_GOING);
  w = rsvp (f, "wait", 2, RAPPORT_RSVP_GOING);
  assert_status (f, w, "waitlisted");

  g_assert_false (rapport_events_set_party_size (f->store, a, 0, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A party is 1 to 1000 people; 0 is not");
  g_clear_error (&error);

  g_assert_false (rapport_events_set_party_size (f->store, a, 1001, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1001"));
  g_clear_error (&error);

  /* One place is free: 4 fits, 5 does not and says how many are free. */
  g_assert_true (rapport_events_set_party_size (f->store, a, 4, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_events_set_party_size (f->store, a, 5, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "A party of 5 does not fit: 0 more places are free");
  g_clear_error (&error);

  after = rapport_events_get_rsvp (f->store, a, &error);
  g_assert_cmpint (rapport_rsvp_get_party_size (after), ==, 4);

  /* A waitlisted party may grow: it takes no place yet. Shrinking a going
   * one frees places for the line. */
  g_assert_true (rapport_events_set_party_size (f->store, w, 3, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_events_set_party_size (f->store, a, 1, &error));
  assert_status (f, w, "offered");
}

static void
count_changes_cb (RapportStore      *store,
                  const char        *table,
                  gint64             row_id,
                  RapportChangeKind  kind,
                  GString           *log)
{
  g_string_append_printf (log, "%s:%s;", table,
                          kind == RAPPORT_CHANGE_DELETED ? "deleted" :
                          kind == RAPPORT_CHANGE_INSERTED ? "inserted" : "updated");
}

/* Removing an RSVP offers its places to the line; Undo withdraws the
 * offer and puts it back as it was, unless its places are gone. */
static void
test_remove_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportRsvp) third = NULL;
  gint64 removal = 0;
  g_autoptr(RapportRsvp) back = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) waitlist = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RapportEventCounts counts;
  gint64 a, b, w1, w2, w3, again;
  guint history_len;

  /* Capacity 4 */
  a = rsvp (f, "ana", 2, RAPPORT_RSVP_GOING);
  b = rsvp (f, "bram", 2, RAPPORT_RSVP_GOING);
  w1 = rsvp (f, "first", 2, RAPPORT_RSVP_GOING);
  w2 = rsvp (f, "second", 1, RAPPORT_RSVP_GOING);
  w3 = rsvp (f, "third", 1, RAPPORT_RSVP_GOING);
  g_assert_true (rapport_events_set_answers (f->store, a, "{\"diet\": \"vegan\"}", &error));
  g_assert_true (rapport_events_check_in (f->store, b, &error));
  g_assert_no_error (error);
  history = rapport_events_list_history (f->store, a, &error);
  history_len = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  /* One transaction, announced to the event's listeners. */
  g_signal_connect (f->store, "changed", G_CALLBACK (count_changes_cb), log);
  g_assert_true (rapport_events_remove_rsvp (f->store, a, &removal, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->store, count_changes_cb, log);
  g_assert_nonnull (strstr (log->str, "rsvps:deleted;"));
  g_assert_nonnull (strstr (log->str, "events:updated;"));
  {
    g_autoptr(GPtrArray) operations = rapport_store_list_operations (f->store, 1, &error);

    g_assert_cmpint (rapport_operation_get_id (g_ptr_array_index (operations, 0)), ==, removal);
    g_assert_cmpstr (rapport_operation_get_label (g_ptr_array_index (operations, 0)), ==, "Remove the RSVP of ana");
  }

  g_assert_null (rapport_events_get_rsvp (f->store, a, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_status (f, w1, "offered");
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 2);
  g_assert_cmpint (counts.offered, ==, 2);

  /* Undo: the offer is withdrawn and Ana is back, same id, answers and
   * history, plus a line that says so. */
  rapport_clock_advance (rapport_clock_get_default (), HOUR);
  g_assert_true (rapport_store_undo (f->store, removal, &error));
  g_assert_no_error (error);
  assert_status (f, a, "going");
  assert_status (f, w1, "waitlisted");
  back = rapport_events_get_rsvp (f->store, a, &error);
  g_assert_cmpstr (rapport_rsvp_get_answers (back), ==, "{\"diet\": \"vegan\"}");
  g_assert_cmpint (rapport_rsvp_get_created_at (back), ==, NOW);
  history = rapport_events_list_history (f->store, a, &error);
  g_assert_cmpuint (history->len, ==, history_len + 1);
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, history->len - 1))->note, ==, "restored");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = rapport_events_list_history (f->store, w1, &error);
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, history->len - 1))->note, ==,
                   "offer-withdrawn");
  g_clear_pointer (&history, g_ptr_array_unref);
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 4);
  g_assert_cmpint (counts.offered, ==, 0);

  /* Removed again, and this time the first in line claims the places
   * before Undo: Ana waits at the end of the line, nobody is overbooked. */
  g_assert_true (rapport_events_remove_rsvp (f->store, a, &removal, &error));
  g_assert_true (rapport_events_claim_offer (f->store, w1, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_undo (f->store, removal, &error));
  g_assert_no_error (error);
  assert_status (f, a, "waitlisted");
  rapport_events_get_counts (f->store, f->event_id, &counts, &error);
  g_assert_cmpint (counts.going, ==, 4);
  history = rapport_events_list_history (f->store, a, &error);
  g_assert_cmpstr (((RapportRsvpChange *) g_ptr_array_index (history, history->len - 1))->note, ==,
                   "restored-full");

  /* A waitlisted party comes back to its place in line. */
  g_assert_true (rapport_events_remove_rsvp (f->store, w2, &removal, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_undo (f->store, removal, &error));
  waitlist = rapport_events_list_rsvps (f->store, f->event_id, RAPPORT_RSVP_WAITLISTED, &error);
  g_assert_cmpuint (waitlist->len, ==, 3);
  g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (waitlist, 0)), ==, w2);
  g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (waitlist, 1)), ==, w3);
  g_assert_cmpint (rapport_rsvp_get_id (g_ptr_array_index (waitlist, 2)), ==, a);

  /* The member answered again meanwhile: Undo says so and changes nothing. */
  third = rapport_events_get_rsvp (f->store, w3, &error);
  g_assert_true (rapport_events_remove_rsvp (f->store, w3, &removal, &error));
  again = rapport_events_add_rsvp (f->store, f->event_id,
                                   rapport_rsvp_get_member_id (third),
                                   RAPPORT_RSVP_MAYBE, 1, "manual", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_store_undo (f->store, removal, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "third"));
  g_clear_error (&error);
  assert_status (f, again, "maybe");

  /* Removing what is not there names it. */
  g_assert_false (rapport_events_remove_rsvp (f->store, 9999, NULL, &error));
  g_assert_error (error, RAPPORT_EVENTS_ERROR, RAPPORT_EVENTS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
}

static char *
first_name_in (RapportRsvpList *list)
{
  g_autoptr(RapportRsvp) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

  return g_strdup (rapport_rsvp_get_name (first));
}

/* The RSVP list reloads for what its rows show (a member's name), not for
 * every member edit (a new score). A name changed behind the store's back
 * shows only once a notice calls for a reload. */
static void
test_list_notices (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportRsvpList) list = NULL;
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id = rsvp (f, "ana", 1, RAPPORT_RSVP_GOING);
  g_autoptr(RapportRsvp) r = rapport_events_get_rsvp (f->store, id, &error);
  gint64 member_id = rapport_rsvp_get_member_id (r);
  sqlite3 *db = _rapport_store_get_db (f->store);
  g_autofree char *rename = g_strdup_printf ("UPDATE members SET name = 'Ana Quiet' WHERE id = %lld",
                                             (long long) member_id);

  list = rapport_rsvp_list_new (f->store, f->event_id);
  name = first_name_in (list);
  g_assert_cmpstr (name, ==, "ana");

  g_assert_cmpint (sqlite3_exec (db, rename, NULL, NULL, NULL), ==, SQLITE_OK);
  rapport_store_emit_member_changed (f->store, member_id, RAPPORT_MEMBER_CHANGED_SCORE);
  rapport_store_emit_member_changed (f->store, member_id, RAPPORT_MEMBER_CHANGED_NOTES | RAPPORT_MEMBER_CHANGED_STAGE);
  rapport_store_emit_changed (f->store, "content_items", 0, RAPPORT_CHANGE_RELOAD);
  g_clear_pointer (&name, g_free);
  name = first_name_in (list);
  g_assert_cmpstr (name, ==, "ana");

  /* A real rename, through the store, is announced as one. */
  member = rapport_store_get_member (f->store, member_id, &error);
  rapport_member_set_name (member, "Ana Lima");
  g_assert_true (rapport_store_update_member (f->store, member, &error));
  g_assert_no_error (error);
  g_clear_pointer (&name, g_free);
  name = first_name_in (list);
  g_assert_cmpstr (name, ==, "Ana Lima");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, capacity) \
  g_test_add ("/rapport/events/" path, Fixture, GINT_TO_POINTER (capacity), fixture_set_up, func, fixture_tear_down)

  ADD ("crud", test_event_crud, 10);
  ADD ("rsvp/capacity-parties", test_capacity_parties, 10);
  ADD ("rsvp/waitlist-order", test_waitlist_order, 10);
  ADD ("rsvp/promotion-expiry", test_promotion_and_expiry, 10);
  ADD ("rsvp/edit-status", test_edit_status, 4);
  ADD ("rsvp/edit-party-size", test_edit_party_size, 10);
  ADD ("rsvp/remove-restore", test_remove_restore, 4);
  ADD ("door/walk-ins", test_walk_ins, 2);
  ADD ("door/search-check-in", test_check_in_search, 10);
  ADD ("done/attendance", test_done_attendance, 10);
  ADD ("rsvp/list-notices", test_list_notices, 10);

#undef ADD

  return g_test_run ();
}
