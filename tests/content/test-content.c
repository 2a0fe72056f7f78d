/* test-content.c
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

#include "rapport-content-ical.h"
#include "rapport-content-range.h"
#include "rapport-content-store.h"
#include "rapport-member.h"
#include "rapport-store.h"

typedef struct
{
  char         *dir;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-content-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = rapport_store_new (path, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
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

static gint64
unix_in (const char *tzid,
         int         year,
         int         month,
         int         day,
         int         hour,
         int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) when = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (when);
}

static RapportContentItem *
add_item (Fixture    *f,
          const char *title,
          gint64      when,
          const char *tzid,
          const char *rrule)
{
  g_autoptr(GError) error = NULL;
  RapportContentItem *item = rapport_content_item_new (title, "newsletter");

  rapport_content_item_set_publish_at (item, when, tzid);
  rapport_content_item_set_rrule (item, rrule);
  rapport_content_add (f->store, item, &error);
  g_assert_no_error (error);
  return item;
}

static GPtrArray *
occurrences (Fixture *f,
             gint64   start,
             gint64   end)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = rapport_content_list_occurrences (f->store, start, end, &error);

  g_assert_no_error (error);
  return list;
}

static char *
local_text (gint64      when,
            const char *tzid)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
test_recurrence_dst (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(GPtrArray) list = NULL;
  static const char * const expected[] = {
    "2024-03-20 10:00", "2024-03-27 10:00", "2024-04-03 10:00", "2024-04-10 10:00",
  };

  /* Berlin moves to summer time on 31 March 2024: the UTC hour changes,
   * the wall-clock hour must not. */
  item = add_item (f, "Weekly newsletter", unix_in ("Europe/Berlin", 2024, 3, 20, 10, 0),
                   "Europe/Berlin", "FREQ=WEEKLY");
  list = occurrences (f, unix_in ("UTC", 2024, 3, 18, 0, 0), unix_in ("UTC", 2024, 4, 15, 0, 0));

  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      RapportContentOccurrence *occurrence = g_ptr_array_index (list, i);
      g_autofree char *text = local_text (rapport_content_occurrence_get_start (occurrence), "Europe/Berlin");

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_true (rapport_content_occurrence_get_item (occurrence) == NULL
                     || rapport_content_item_get_id (rapport_content_occurrence_get_item (occurrence))
                        == rapport_content_item_get_id (item));
    }
  /* 09:00 UTC before the change, 08:00 UTC after. */
  g_assert_cmpint (rapport_content_occurrence_get_start (g_ptr_array_index (list, 1)) % 86400, ==, 9 * 3600);
  g_assert_cmpint (rapport_content_occurrence_get_start (g_ptr_array_index (list, 2)) % 86400, ==, 8 * 3600);

  /* A range far in the future jumps there and still keeps 10:00. */
  {
    g_autoptr(GPtrArray) later = occurrences (f, unix_in ("UTC", 2030, 10, 21, 0, 0),
                                              unix_in ("UTC", 2030, 11, 4, 0, 0));

    g_assert_cmpuint (later->len, ==, 2);
    for (guint i = 0; i < later->len; i++)
      {
        g_autofree char *text = local_text (rapport_content_occurrence_get_start (g_ptr_array_index (later, i)),
                                            "Europe/Berlin");

        g_assert_true (g_str_has_suffix (text, " 10:00"));
      }
  }
}

static void
test_recurrence_month_ends (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RapportContentItem) last = NULL;
  g_autoptr(RapportContentItem) thirty_first = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) days_last = g_string_new (NULL);
  g_autoptr(GString) days_31 = g_string_new (NULL);

  last = add_item (f, "Monthly AMA", unix_in ("UTC", 2024, 1, 31, 17, 0), NULL, "FREQ=MONTHLY;BYMONTHDAY=-1");
  thirty_first = add_item (f, "Month-end report", unix_in ("UTC", 2024, 1, 31, 9, 0), NULL,
                           "FREQ=MONTHLY;BYMONTHDAY=31");

  list = occurrences (f, unix_in ("UTC", 2024, 1, 1, 0, 0), unix_in ("UTC", 2024, 7, 1, 0, 0));
  for (guint i = 0; i < list->len; i++)
    {
      RapportContentOccurrence *occurrence = g_ptr_array_index (list, i);
      g_autofree char *text = local_text (rapport_content_occurrence_get_start (occurrence), "UTC");
      RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);

      g_string_append_printf (rapport_content_item_get_id (item) == rapport_content_item_get_id (last) ? days_last : days_31,
                              "%.10s ", text);
    }

  /* Leap February's last day; months without a 31st are skipped. */
  g_assert_cmpstr (days_last->str, ==,
                   "2024-01-31 2024-02-29 2024-03-31 2024-04-30 2024-05-31 2024-06-30 ");
  g_assert_cmpstr (days_31->str, ==, "2024-01-31 2024-03-31 2024-05-31 ");
}

static void
test_recurrence_exceptions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RapportContentItem) series = NULL;
  g_autoptr(RapportContentItem) moved = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second = unix_in ("Europe/Berlin", 2024, 5, 8, 10, 0);
  gint64 third = unix_in ("Europe/Berlin", 2024, 5, 15, 10, 0);
  gint64 range_start = unix_in ("UTC", 2024, 5, 1, 0, 0);
  gint64 range_end = unix_in ("UTC", 2024, 6, 1, 0, 0);

  series = add_item (f, "Weekly tips", unix_in ("Europe/Berlin", 2024, 5, 1, 10, 0), "Europe/Berlin",
                     "FREQ=WEEKLY;COUNT=5");

  /* Edit one occurrence: it moves and gets its own title. */
  moved = rapport_content_edit_occurrence (f->store, rapport_content_item_get_id (series), second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_content_item_get_series_id (moved), ==, rapport_content_item_get_id (series));
  g_assert_cmpint (rapport_content_item_get_recurrence_id (moved), ==, second);
  rapport_content_item_set_title (moved, "Weekly tips: release special");
  rapport_content_item_set_publish_at (moved, unix_in ("Europe/Berlin", 2024, 5, 9, 16, 0), "Europe/Berlin");
  rapport_content_update (f->store, moved, &error);
  g_assert_no_error (error);

  /* Remove another (EXDATE). */
  rapport_content_remove_occurrence (f->store, rapport_content_item_get_id (series), third, &error);
  g_assert_no_error (error);

  /* An occurrence that the rule does not produce cannot be edited. */
  g_assert_null (rapport_content_edit_occurrence (f->store, rapport_content_item_get_id (series),
                                                  second + 3600, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = occurrences (f, range_start, range_end);
  g_assert_cmpuint (list->len, ==, 4);
  {
    static const char * const expected[] = {
      "2024-05-01 10:00 Weekly tips",
      "2024-05-09 16:00 Weekly tips: release special",
      "2024-05-22 10:00 Weekly tips",
      "2024-05-29 10:00 Weekly tips",
    };

    for (guint i = 0; i < list->len; i++)
      {
        RapportContentOccurrence *occurrence = g_ptr_array_index (list, i);
        g_autofree char *when = local_text (rapport_content_occurrence_get_start (occurrence), "Europe/Berlin");
        g_autofree char *text = g_strdup_printf ("%s %s", when,
                                                 rapport_content_item_get_title (rapport_content_occurrence_get_item (occurrence)));

        g_assert_cmpstr (text, ==, expected[i]);
      }
  }

  /* Editing the whole series changes the master; the exception stays. */
  rapport_content_item_set_title (series, "Weekly community tips");
  rapport_content_update (f->store, series, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = occurrences (f, range_start, range_end);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (rapport_content_item_get_title (rapport_content_occurrence_get_item (g_ptr_array_index (list, 0))),
                   ==, "Weekly community tips");
  g_assert_cmpstr (rapport_content_item_get_title (rapport_content_occurrence_get_item (g_ptr_array_index (list, 1))),
                   ==, "Weekly tips: release special");

  /* Deleting the exception removes that occurrence from the series. */
  rapport_content_delete (f->store, rapport_content_item_get_id (moved), &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = occurrences (f, range_start, range_end);
  g_assert_cmpuint (list->len, ==, 3);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_range_model (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) start = g_date_time_new (berlin, 2024, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (berlin, 2024, 4, 1, 0, 0, 0);
  g_autoptr(RapportContentRange) range = NULL;
  g_autoptr(RapportContentItem) item = NULL;
  g_autoptr(RapportContentOccurrence) first = NULL;
  guint changes = 0;

  item = add_item (f, "Weekly newsletter", unix_in ("Europe/Berlin", 2024, 3, 6, 10, 0), "Europe/Berlin",
                   "FREQ=WEEKLY");
  range = rapport_content_range_new (f->store, start, end);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (range)) == RAPPORT_TYPE_CONTENT_OCCURRENCE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 4);

  g_signal_connect (range, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_clear_object (&item);
  item = add_item (f, "Launch post", unix_in ("Europe/Berlin", 2024, 3, 31, 23, 30), "Europe/Berlin", NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 5);

  first = g_list_model_get_item (G_LIST_MODEL (range), 0);
  g_assert_cmpstr (rapport_content_item_get_title (rapport_content_occurrence_get_item (first)), ==,
                   "Weekly newsletter");
}

static void
test_status_transitions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContentItem) item = rapport_content_item_new ("Tutorial: tests", "tutorial");
  g_autoptr(RapportMember) author = rapport_member_new ();
  g_autoptr(RapportMember) featured = rapport_member_new ();
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  gint64 featured_id;
  const char * const channels[] = { "Blog", "Mastodon", NULL };

  rapport_member_set_name (author, "Ana Lima");
  rapport_member_set_name (featured, "Ben Okafor");
  rapport_store_insert_member (f->store, author, &error);
  g_assert_no_error (error);
  rapport_store_insert_member (f->store, featured, &error);
  g_assert_no_error (error);
  featured_id = rapport_member_get_id (featured);

  rapport_content_item_set_author_id (item, rapport_member_get_id (author));
  rapport_content_item_set_featured_ids (item, &featured_id, 1);
  rapport_content_item_set_channels (item, channels);
  rapport_content_add (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_content_item_get_status (item), ==, RAPPORT_CONTENT_STATUS_IDEA);

  /* Skipping steps is refused with a message naming both. */
  g_assert_false (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_PUBLISHED, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Idea"));
  g_assert_nonnull (strstr (error->message, "Published"));
  g_clear_error (&error);

  g_assert_true (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_DRAFT, &error));
  g_assert_true (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_IN_REVIEW, &error));
  g_assert_no_error (error);

  /* Scheduled needs a date. */
  g_assert_false (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_SCHEDULED, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  g_assert_cmpint (rapport_content_item_get_status (item), ==, RAPPORT_CONTENT_STATUS_IN_REVIEW);

  rapport_content_item_set_publish_at (item, unix_in ("UTC", 2024, 6, 3, 8, 0), NULL);
  rapport_content_item_set_url (item, "https://example.org/blog/tests");
  rapport_content_update (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_SCHEDULED, &error));
  g_assert_no_error (error);

  /* A scheduled item cannot lose its date. */
  rapport_content_item_clear_publish_at (item);
  g_assert_false (rapport_content_update (f->store, item, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rapport_content_item_set_publish_at (item, unix_in ("UTC", 2024, 6, 3, 8, 0), NULL);

  g_assert_true (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_PUBLISHED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_content_item_get_published_at (item), >, 0);

  /* Published is final: no second publication, no second activity. */
  g_assert_false (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_PUBLISHED, &error));
  g_clear_error (&error);
  g_assert_false (rapport_content_set_status (f->store, item, RAPPORT_CONTENT_STATUS_DRAFT, &error));
  g_clear_error (&error);

  activities = rapport_store_list_activities (f->store, rapport_member_get_id (author), G_MAXINT64, G_MAXINT64,
                                              10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  g_clear_pointer (&activities, g_ptr_array_unref);
  activities = rapport_store_list_activities (f->store, featured_id, G_MAXINT64, G_MAXINT64, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);

  /* Channels were stored, the new one created as data. */
  {
    g_autoptr(RapportContentItem) stored = rapport_content_get (f->store, rapport_content_item_get_id (item), &error);
    g_auto(GStrv) all = rapport_content_list_channels (f->store);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length ((char **) rapport_content_item_get_channels (stored)), ==, 2);
    g_assert_true (g_strv_contains ((const char * const *) all, "Mastodon"));
    g_assert_cmpint (rapport_content_item_get_author_id (stored), ==, rapport_member_get_id (author));
  }

  /* Cancelled, and back to Idea. */
  {
    g_autoptr(RapportContentItem) other = rapport_content_item_new ("Dropped idea", "video");

    rapport_content_add (f->store, other, &error);
    g_assert_no_error (error);
    g_assert_true (rapport_content_set_status (f->store, other, RAPPORT_CONTENT_STATUS_CANCELLED, &error));
    g_assert_false (rapport_content_set_status (f->store, other, RAPPORT_CONTENT_STATUS_DRAFT, &error));
    g_clear_error (&error);
    g_assert_true (rapport_content_set_status (f->store, other, RAPPORT_CONTENT_STATUS_IDEA, &error));
    g_assert_no_error (error);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Everything that makes an item, as text, to compare two databases. */
static char *
describe_all (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = rapport_content_list_items (store, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (items, i);
      g_autofree char *channels = g_strjoinv (",", (char **) rapport_content_item_get_channels (item));
      g_autoptr(GString) exdates = g_string_new (NULL);
      g_autofree char *series = NULL;

      for (guint j = 0; j < rapport_content_item_get_exdates (item)->len; j++)
        g_string_append_printf (exdates, "%" G_GINT64_FORMAT " ",
                                g_array_index (rapport_content_item_get_exdates (item), gint64, j));
      if (rapport_content_item_get_series_id (item) > 0)
        {
          g_autoptr(RapportContentItem) master = rapport_content_get (store, rapport_content_item_get_series_id (item), NULL);

          series = g_strdup_printf ("%s@%" G_GINT64_FORMAT, rapport_content_item_get_uid (master),
                                    rapport_content_item_get_recurrence_id (item));
        }

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%d|%" G_GINT64_FORMAT "|%s|%d|%s|%s|%s|%s|%s|%s|%s|%s",
                                               series != NULL ? "" : rapport_content_item_get_uid (item),
                                               rapport_content_item_get_title (item),
                                               rapport_content_item_get_kind (item),
                                               rapport_content_status_to_string (rapport_content_item_get_status (item)),
                                               rapport_content_item_has_date (item),
                                               rapport_content_item_get_publish_at (item),
                                               rapport_content_item_get_tzid (item),
                                               rapport_content_item_get_all_day (item),
                                               rapport_content_item_get_rrule (item),
                                               exdates->str,
                                               series,
                                               channels,
                                               rapport_content_item_get_url (item),
                                               rapport_content_item_get_notes (item),
                                               rapport_content_item_get_owner (item),
                                               rapport_content_item_get_published_at (item) > 0 ? "published" : ""));
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", *(char **) &g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fill_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContentItem) series = NULL;
  g_autoptr(RapportContentItem) exception = NULL;
  g_autoptr(RapportContentItem) post = rapport_content_item_new ("Release 2.0 announcement, with commas; and “quotes”", "announcement");
  g_autoptr(RapportContentItem) idea = rapport_content_item_new ("Idea: contributor spotlight", "blog-post");
  g_autoptr(RapportContentItem) day = rapport_content_item_new ("Meetup recap", "event-recap");
  const char * const channels[] = { "Blog", "LinkedIn", NULL };
  const char * const newsletter_channel[] = { "Newsletter", NULL };

  series = add_item (f, "Weekly newsletter", unix_in ("Europe/Berlin", 2024, 3, 20, 10, 0), "Europe/Berlin",
                     "FREQ=WEEKLY;BYDAY=WE");
  /* A channel with the same name as the item's kind. */
  rapport_content_item_set_channels (series, newsletter_channel);
  rapport_content_update (f->store, series, &error);
  g_assert_no_error (error);
  rapport_content_remove_occurrence (f->store, rapport_content_item_get_id (series),
                                     unix_in ("Europe/Berlin", 2024, 4, 3, 10, 0), &error);
  g_assert_no_error (error);
  exception = rapport_content_edit_occurrence (f->store, rapport_content_item_get_id (series),
                                               unix_in ("Europe/Berlin", 2024, 4, 10, 10, 0), &error);
  g_assert_no_error (error);
  rapport_content_item_set_title (exception, "Newsletter: release edition");
  rapport_content_item_set_publish_at (exception, unix_in ("Europe/Berlin", 2024, 4, 11, 14, 0), "Europe/Berlin");
  rapport_content_update (f->store, exception, &error);
  g_assert_no_error (error);

  rapport_content_item_set_publish_at (post, unix_in ("America/New_York", 2024, 4, 18, 9, 30), "America/New_York");
  rapport_content_item_set_channels (post, channels);
  rapport_content_item_set_url (post, "https://example.org/2.0");
  rapport_content_item_set_notes (post, "Line one\nLine two, with a comma; and a semicolon\\ and a backslash. "
                                  "A long line that certainly needs folding because it is longer than seventy-five octets.");
  rapport_content_item_set_owner (post, "Ana");
  rapport_content_add (f->store, post, &error);
  g_assert_no_error (error);
  rapport_content_set_status (f->store, post, RAPPORT_CONTENT_STATUS_DRAFT, &error);
  rapport_content_set_status (f->store, post, RAPPORT_CONTENT_STATUS_IN_REVIEW, &error);
  rapport_content_set_status (f->store, post, RAPPORT_CONTENT_STATUS_SCHEDULED, &error);
  rapport_content_set_status (f->store, post, RAPPORT_CONTENT_STATUS_PUBLISHED, &error);
  g_assert_no_error (error);

  rapport_content_add (f->store, idea, &error);
  g_assert_no_error (error);

  rapport_content_item_set_publish_at (day, unix_in ("UTC", 2024, 4, 15, 0, 0), NULL);
  rapport_content_item_set_all_day (day, TRUE);
  rapport_content_add (f->store, day, &error);
  g_assert_no_error (error);
  rapport_content_set_status (f->store, day, RAPPORT_CONTENT_STATUS_CANCELLED, &error);
  g_assert_no_error (error);
}

static RapportStore *
open_other (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  RapportStore *store = rapport_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_ics_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) other = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *twice = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  fill_sample (f);
  text = rapport_content_export_ics (f->store, NULL, &error);
  g_assert_no_error (error);

  /* RFC 5545: CRLF everywhere, no line over 75 octets, the parts calendar
   * programs need. */
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
    }
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:20240320T100000\r\n"));
  g_assert_nonnull (strstr (text, "RRULE:FREQ=WEEKLY;BYDAY=WE\r\n"));
  g_assert_nonnull (strstr (text, "EXDATE;TZID=Europe/Berlin:20240403T100000\r\n"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Europe/Berlin:20240410T100000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20240415\r\n"));
  g_assert_nonnull (strstr (text, "STATUS:CONFIRMED\r\nX-RAPPORT-STATUS:published\r\n"));
  g_assert_nonnull (strstr (text, "STATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (text, "CATEGORIES:LinkedIn\r\n"));
  g_assert_nonnull (strstr (text, "CATEGORIES:Announcement\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTODO\r\n"));
  g_assert_nonnull (strstr (text, "DTSTAMP:"));

  other = open_other (f, "other.db");
  rapport_content_import_ics (other, text, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);

  before = describe_all (f->store);
  after = describe_all (other);
  g_assert_cmpstr (after, ==, before);

  /* Importing again matches by UID and changes nothing. */
  rapport_content_import_ics (other, text, NULL, &error);
  g_assert_no_error (error);
  twice = describe_all (other);
  g_assert_cmpstr (twice, ==, before);

  /* And the copy writes the same calendar (less the time stamps). */
  again = rapport_content_export_ics (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (again), ==, strlen (text));
}

static void
import_fixture (Fixture    *f,
                const char *name,
                guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (FIXTURES_DIR, name, NULL);
  guint n = 0;

  rapport_content_import_file (f->store, path, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

static void
test_ics_other_programs (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContentItem) newsletter = NULL;
  g_autoptr(RapportContentItem) recap = NULL;
  g_autoptr(RapportContentItem) live = NULL;
  g_autoptr(RapportContentItem) ama = NULL;
  g_autoptr(RapportContentItem) tutorial = NULL;
  g_autoptr(GPtrArray) april = NULL;
  g_autoptr(GPtrArray) ama_days = NULL;
  guint newsletters = 0;

  import_fixture (f, "content-evolution.ics", 2);
  import_fixture (f, "content-google.ics", 3);
  import_fixture (f, "content-thunderbird.ics", 1);

  /* Evolution: prefixed TZID, an exception, an EXDATE, alarms and
   * attendees ignored. */
  newsletter = rapport_content_get_by_uid (f->store, "20240301T101010Z-1234-1000-1-1@evolution.example", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_content_item_get_tzid (newsletter), ==, "Europe/Berlin");
  g_assert_cmpstr (rapport_content_item_get_rrule (newsletter), ==, "FREQ=WEEKLY;BYDAY=WE");
  g_assert_cmpuint (rapport_content_item_get_exdates (newsletter)->len, ==, 1);
  g_assert_cmpstr (rapport_content_item_get_kind (newsletter), ==, "newsletter");
  g_assert_cmpint (rapport_content_item_get_status (newsletter), ==, RAPPORT_CONTENT_STATUS_SCHEDULED);

  april = occurrences (f, unix_in ("Europe/Berlin", 2024, 4, 1, 0, 0), unix_in ("Europe/Berlin", 2024, 4, 15, 0, 0));
  for (guint i = 0; i < april->len; i++)
    {
      RapportContentOccurrence *occurrence = g_ptr_array_index (april, i);
      RapportContentItem *item = rapport_content_occurrence_get_item (occurrence);
      g_autofree char *when = local_text (rapport_content_occurrence_get_start (occurrence), "Europe/Berlin");

      if (!g_str_has_prefix (rapport_content_item_get_title (item), "Weekly community newsletter"))
        continue;
      newsletters++;
      /* 3 April removed, 10 April moved to the 11th at 14:00. */
      g_assert_false (g_str_equal (when, "2024-04-03 10:00"));
      if (rapport_content_item_get_series_id (item) > 0)
        g_assert_cmpstr (when, ==, "2024-04-11 14:00");
    }
  g_assert_cmpuint (newsletters, ==, 1);

  /* Google: an all-day event, a UTC one with a URL, a month-end series. */
  recap = rapport_content_get_by_uid (f->store, "7kukuqrdq6c8n5qk0bcd5ktrsn@google.com", &error);
  g_assert_no_error (error);
  g_assert_true (rapport_content_item_get_all_day (recap));
  g_assert_cmpint (rapport_content_item_get_publish_at (recap), ==, unix_in ("UTC", 2024, 4, 15, 0, 0));
  g_assert_cmpint (rapport_content_item_get_status (recap), ==, RAPPORT_CONTENT_STATUS_DRAFT);

  live = rapport_content_get_by_uid (f->store, "1p3ga0l2hfq9m2h6m4cn8t1h2k@google.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_content_item_get_url (live), ==, "https://example.org/live");
  g_assert_null (rapport_content_item_get_tzid (live));

  ama = rapport_content_get_by_uid (f->store, "monthly-ama-0001@google.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_content_item_get_kind (ama), ==, "video");
  g_assert_cmpstr (rapport_content_item_get_channels (ama)[0], ==, "YouTube");
  ama_days = occurrences (f, unix_in ("UTC", 2024, 2, 1, 0, 0), unix_in ("UTC", 2024, 3, 1, 0, 0));
  {
    gboolean found = FALSE;

    for (guint i = 0; i < ama_days->len; i++)
      {
        RapportContentOccurrence *occurrence = g_ptr_array_index (ama_days, i);
        g_autofree char *when = local_text (rapport_content_occurrence_get_start (occurrence), "America/New_York");

        if (rapport_content_occurrence_get_item (occurrence) != NULL
            && g_str_equal (rapport_content_item_get_title (rapport_content_occurrence_get_item (occurrence)), "Monthly AMA"))
          {
            g_assert_cmpstr (when, ==, "2024-02-29 09:00");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Thunderbird: plain TZID, escaped text, kind from CATEGORIES. */
  tutorial = rapport_content_get_by_uid (f->store, "6b1f0c5e-3a43-4b1e-9f4e-2b8cf7b0e1aa", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_content_item_get_kind (tutorial), ==, "tutorial");
  g_assert_cmpstr (rapport_content_item_get_channels (tutorial)[0], ==, "Blog");
  g_assert_cmpstr (rapport_content_item_get_notes (tutorial), ==,
                   "Walk through forking, building and the first pull request.");
  g_assert_cmpint (rapport_content_item_get_publish_at (tutorial), ==,
                   unix_in ("Europe/Paris", 2024, 4, 2, 9, 30));

  /* Idempotent: the same files again add nothing. */
  {
    g_autoptr(GPtrArray) all_before = rapport_content_list_items (f->store, &error);
    g_autoptr(GPtrArray) all_after = NULL;

    import_fixture (f, "content-evolution.ics", 2);
    import_fixture (f, "content-google.ics", 3);
    all_after = rapport_content_list_items (f->store, &error);
    g_assert_cmpuint (all_after->len, ==, all_before->len);
  }
}

static void
test_ics_bad (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *message;
  } cases[] = {
    { "content-unterminated.ics", "Line 15: END:VCALENDAR, but the open component is VEVENT (begun on line 10)" },
    { "content-bad-date.ics", "Line 14: the DTSTART “20241345T100000Z” of “Impossible date” is not a valid date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autofree char *path = g_build_filename (FIXTURES_DIR, cases[i].name, NULL);

      g_assert_false (rapport_content_import_file (f->store, path, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);

      /* Nothing at all, not even the good event before the bad one. */
      items = rapport_content_list_items (f->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, 0);
    }

  /* A file that simply stops. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_content_import_ics (f->store,
                                                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                                "DTSTART:20240101T100000Z\r\nSUMMARY:cut\r\n",
                                                NULL, &error));
    g_assert_nonnull (strstr (error->message, "Line 3: BEGIN:VEVENT is never closed"));
  }

  /* An unknown time zone. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_content_import_ics (f->store,
                                                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:y\r\n"
                                                "DTSTART;TZID=Mars/Olympus:20240101T100000\r\nSUMMARY:far\r\n"
                                                "END:VEVENT\r\nEND:VCALENDAR\r\n",
                                                NULL, &error));
    g_assert_nonnull (strstr (error->message, "Line 5"));
    g_assert_nonnull (strstr (error->message, "Mars/Olympus"));
  }
}

static void
test_ics_nul (Fixture       *f,
              gconstpointer  data)
{
  static const char first[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:first@example.org\r\n"
    "DTSTART:20240101T100000Z\r\nSUMMARY:First\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  static const char second[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:second@example.org\r\n"
    "DTSTART:20240102T100000Z\r\nSUMMARY:Second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autofree char *path = g_build_filename (f->dir, "two.ics", NULL);
  g_autoptr(GString) text = g_string_new (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *expected = NULL;
  guint n = 0;

  /* The two calendars one after the other are two items... */
  g_string_append (text, second);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  {
    g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
    g_autoptr(RapportStore) other = rapport_store_new (other_path, &error);

    g_assert_no_error (error);
    rapport_content_import_file (other, path, &n, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
  }

  /* ...and with a NUL byte between them the file is refused, not read up
   * to the NUL. */
  g_string_insert_c (text, strlen (first), '\0');
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  n = 42;
  g_assert_false (rapport_content_import_file (f->store, path, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  expected = g_strdup_printf ("two.ics: Line 10: a NUL byte at byte offset %" G_GSIZE_FORMAT
                              "; a text file never holds one, so the file is damaged or is not text",
                              strlen (first));
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (n, ==, 42);
  g_clear_error (&error);
  items = rapport_content_list_items (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);

  /* Bytes that are not UTF-8 are named the same way. */
  g_string_assign (text, first);
  g_string_insert_c (text, strstr (first, "First") - first, '\xE9');
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_content_import_file (f->store, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("two.ics: Line 7: the text is not UTF-8 (byte 0xE9 at byte offset %"
                              G_GSIZE_FORMAT "); save the file as UTF-8 and try again",
                              (gsize) (strstr (first, "First") - first));
  g_assert_cmpstr (error->message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rapport/content/recurrence/dst", test_recurrence_dst);
  ADD ("/rapport/content/recurrence/month-ends", test_recurrence_month_ends);
  ADD ("/rapport/content/recurrence/exceptions", test_recurrence_exceptions);
  ADD ("/rapport/content/range-model", test_range_model);
  ADD ("/rapport/content/status/transitions", test_status_transitions);
  ADD ("/rapport/content/ics/round-trip", test_ics_round_trip);
  ADD ("/rapport/content/ics/other-programs", test_ics_other_programs);
  ADD ("/rapport/content/ics/bad", test_ics_bad);
  ADD ("/rapport/content/ics/nul", test_ics_nul);
#undef ADD

  return g_test_run ();
}
