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

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-application.h"
#include "rapport-content-chip.h"
#include "rapport-content-editor.h"
#include "rapport-content-range.h"
#include "rapport-content-store.h"
#include "rapport-content-view.h"
#include "rapport-member.h"
#include "rapport-month-cell.h"
#include "rapport-month-view.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-week-view.h"
#include "rapport-window.h"

/* The Content page in the real window, in Europe/Berlin: items on the
 * right local day across a DST change, rescheduling by drop (with Undo,
 * from the backlog, one occurrence of a series), keyboard moves between
 * days, the editor's status buttons, and screenshots. */

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
berlin (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) when = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (when);
}

static RapportContentItem *
add_item (Fixture              *fixture,
          const char           *title,
          const char           *kind,
          const char           *channel,
          gint64                when,
          const char           *tzid,
          const char           *rrule,
          RapportContentStatus  status,
          const char           *owner)
{
  g_autoptr(GError) error = NULL;
  RapportContentItem *item = rapport_content_item_new (title, kind);
  const char *channels[] = { channel, NULL };

  if (when != 0)
    rapport_content_item_set_publish_at (item, when, tzid);
  rapport_content_item_set_rrule (item, rrule);
  if (channel != NULL)
    rapport_content_item_set_channels (item, channels);
  rapport_content_item_set_owner (item, owner);
  g_assert_true (rapport_content_add (fixture->store, item, &error));
  g_assert_no_error (error);

  /* Through the workflow, one step at a time, as people would. */
  for (RapportContentStatus next = RAPPORT_CONTENT_STATUS_DRAFT; next <= status && status != RAPPORT_CONTENT_STATUS_CANCELLED; next++)
    {
      g_assert_true (rapport_content_set_status (fixture->store, item, next, &error));
      g_assert_no_error (error);
    }

  return item;
}

static RapportContentView *
content_view (Fixture *fixture)
{
  AdwViewStack *stack = NULL;
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  /* The page is the view stack's "content" child. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; )
    {
      if (ADW_IS_VIEW_STACK (child))
        {
          stack = ADW_VIEW_STACK (child);
          break;
        }
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }

  g_assert_nonnull (stack);
  return RAPPORT_CONTENT_VIEW (adw_view_stack_get_child_by_name (stack, "content"));
}

static gboolean
content_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (content_view (data)));
}

static void
open_content (Fixture *fixture,
              int      width,
              int      height)
{
  fixture->window = rapport_window_new (app, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "content"));
  g_assert_true (rapport_ui_test_wait_for (content_mapped_cb, fixture, 10000));
  rapport_ui_test_spin (100);
}

static void
show_month (Fixture *fixture,
            int      year,
            int      month)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (year, month, 15, 12, 0, 0);

  rapport_content_view_set_mode (content_view (fixture), "month");
  rapport_content_view_set_date (content_view (fixture), day);
  rapport_ui_test_spin (50);
}

static RapportMonthCell *
cell (Fixture *fixture,
      int      year,
      int      month,
      int      day)
{
  RapportMonthView *view = rapport_content_view_get_month_view (content_view (fixture));
  RapportMonthCell *result = rapport_month_view_get_cell (view, year, month, day);

  g_assert_nonnull (result);
  return result;
}

static gboolean
cell_has (Fixture    *fixture,
          int         year,
          int         month,
          int         day,
          const char *title)
{
  g_auto(GStrv) titles = rapport_month_cell_dup_titles (cell (fixture, year, month, day));

  return g_strv_contains ((const char * const *) titles, title);
}

static RapportContentOccurrence *
find_occurrence (Fixture    *fixture,
                 int         year,
                 int         month,
                 int         day,
                 const char *title)
{
  RapportContentRange *range = rapport_content_view_get_range (content_view (fixture));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (range));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportContentOccurrence) occurrence = g_list_model_get_item (G_LIST_MODEL (range), i);
      g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);

      if (g_str_equal (rapport_content_item_get_title (rapport_content_occurrence_get_item (occurrence)), title)
          && g_date_time_get_year (start) == year && g_date_time_get_month (start) == month
          && g_date_time_get_day_of_month (start) == day)
        return g_steal_pointer (&occurrence);
    }

  return NULL;
}

static char *
stored_time (Fixture *fixture,
             gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContentItem) item = rapport_content_get (fixture->store, item_id, &error);
  g_autoptr(GDateTime) when = NULL;

  g_assert_no_error (error);
  when = rapport_content_item_dup_publish_time (item);
  g_assert_nonnull (when);
  return g_date_time_format (when, "%Y-%m-%d %H:%M %Z");
}

static void
test_month_dst (Fixture       *fixture,
                gconstpointer  data)
{
  RapportMonthView *view;
  RapportContentRange *range;
  g_autoptr(RapportContentItem) before = NULL;
  g_autoptr(RapportContentItem) night = NULL;
  g_autoptr(RapportContentItem) after = NULL;
  g_autoptr(RapportContentItem) new_york = NULL;
  g_autoptr(RapportContentItem) weekly = NULL;
  g_autoptr(GDateTime) first = NULL;

  /* Berlin moves its clocks from 2:00 to 3:00 on Sunday 29 March 2026. */
  before = add_item (fixture, "Saturday late post", "blog-post", "blog",
                     berlin (2026, 3, 28, 23, 30), "Europe/Berlin", NULL, RAPPORT_CONTENT_STATUS_DRAFT, "Ana");
  /* 23:30 UTC on the 28th: the 29th in Berlin. */
  night = add_item (fixture, "Night before the switch", "social-post", "mastodon",
                    berlin (2026, 3, 29, 0, 30), "Europe/Berlin", NULL, RAPPORT_CONTENT_STATUS_DRAFT, "Ana");
  /* 22:15 UTC on the 29th: the 30th in Berlin (summer time). */
  after = add_item (fixture, "Monday after midnight", "newsletter", "newsletter",
                    berlin (2026, 3, 30, 0, 15), "Europe/Berlin", NULL, RAPPORT_CONTENT_STATUS_DRAFT, "Ben");
  /* 20:00 in New York is 02:00 the next day in Berlin. */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
    g_autoptr(GDateTime) when = g_date_time_new (zone, 2026, 3, 29, 20, 0, 0);

    new_york = add_item (fixture, "New York launch", "announcement", "blog",
                         g_date_time_to_unix (when), "America/New_York", NULL, RAPPORT_CONTENT_STATUS_DRAFT, "Chen");
  }
  weekly = add_item (fixture, "Community Office Hours", "video", "youtube",
                     berlin (2026, 3, 5, 17, 0), "Europe/Berlin", "FREQ=WEEKLY", RAPPORT_CONTENT_STATUS_SCHEDULED, "Ben");

  open_content (fixture, 1280, 860);
  show_month (fixture, 2026, 3);

  view = rapport_content_view_get_month_view (content_view (fixture));
  range = rapport_content_view_get_range (content_view (fixture));
  g_assert_cmpstr (rapport_content_view_get_period_title (content_view (fixture)), ==, "March 2026");

  /* The model is cut to the grid: its first visible local midnight. */
  first = g_date_time_new_local (2026, 3, 1, 0, 0, 0);
  g_assert_true (g_date_time_compare (rapport_content_range_get_start (range),
                                      rapport_month_view_get_range_start (view)) == 0);
  g_assert_true (g_date_time_compare (rapport_month_view_get_range_start (view), first) <= 0);
  g_assert_cmpint (g_date_time_get_hour (rapport_month_view_get_range_start (view)), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (rapport_month_view_get_range_end (view)), ==, 0);

  g_assert_true (cell_has (fixture, 2026, 3, 28, "Saturday late post"));
  g_assert_true (cell_has (fixture, 2026, 3, 29, "Night before the switch"));
  g_assert_false (cell_has (fixture, 2026, 3, 28, "Night before the switch"));
  g_assert_true (cell_has (fixture, 2026, 3, 30, "Monday after midnight"));
  g_assert_false (cell_has (fixture, 2026, 3, 29, "Monday after midnight"));
  g_assert_true (cell_has (fixture, 2026, 3, 30, "New York launch"));

  /* 17:00 every Thursday, on both sides of the change. */
  for (guint day = 5; day <= 26; day += 7)
    g_assert_true (cell_has (fixture, 2026, 3, day, "Community Office Hours"));
  g_assert_true (cell_has (fixture, 2026, 4, 2, "Community Office Hours"));
  g_assert_false (cell_has (fixture, 2026, 3, 27, "Community Office Hours"));
  {
    g_autoptr(RapportContentOccurrence) occurrence = find_occurrence (fixture, 2026, 4, 2, "Community Office Hours");
    g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (occurrence);

    g_assert_cmpint (g_date_time_get_hour (start), ==, 17);
  }

  /* October: back to winter time on the 25th. */
  show_month (fixture, 2026, 10);
  g_assert_true (cell_has (fixture, 2026, 10, 22, "Community Office Hours"));
  g_assert_true (cell_has (fixture, 2026, 10, 29, "Community Office Hours"));
  g_assert_cmpuint (rapport_month_cell_get_n_items (cell (fixture, 2026, 10, 28)), ==, 0);

  /* A filter reaches the grid; the range itself is unchanged. */
  show_month (fixture, 2026, 3);
  rapport_content_view_set_filters (content_view (fixture), "blog", "", "");
  rapport_ui_test_spin (50);
  g_assert_true (cell_has (fixture, 2026, 3, 28, "Saturday late post"));
  g_assert_false (cell_has (fixture, 2026, 3, 29, "Night before the switch"));
  g_assert_false (cell_has (fixture, 2026, 3, 5, "Community Office Hours"));
  rapport_content_view_set_filters (content_view (fixture), "", "", "");
  rapport_ui_test_spin (50);
  g_assert_true (cell_has (fixture, 2026, 3, 5, "Community Office Hours"));
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
drop (Fixture  *fixture,
      GObject  *object,
      int       year,
      int       month,
      int       day)
{
  RapportMonthView *view = rapport_content_view_get_month_view (content_view (fixture));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GDateTime) target = g_date_time_new_local (year, month, day, 0, 0, 0);

  g_value_init (&value, G_OBJECT_TYPE (object));
  g_value_set_object (&value, object);
  return rapport_month_view_drop_on_day (view, &value, target);
}

static gboolean
backlog_empty_cb (gpointer data)
{
  return g_list_model_get_n_items (rapport_content_view_get_backlog (content_view (data))) == 0;
}

static void
test_drag_reschedule (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RapportContentItem) post = NULL;
  g_autoptr(RapportContentItem) idea = NULL;
  g_autoptr(RapportContentItem) weekly = NULL;
  g_autoptr(RapportContentOccurrence) occurrence = NULL;
  g_autoptr(RapportContentItem) scheduled = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  AdwMessageDialog *dialog;

  post = add_item (fixture, "Release notes", "blog-post", "blog",
                   berlin (2026, 3, 10, 14, 30), "Europe/Berlin", NULL, RAPPORT_CONTENT_STATUS_IN_REVIEW, "Ana");
  idea = add_item (fixture, "Maintainer interviews", "blog-post", "blog",
                   0, NULL, NULL, RAPPORT_CONTENT_STATUS_IDEA, "Chen");
  weekly = add_item (fixture, "Community Office Hours", "video", "youtube",
                     berlin (2026, 3, 5, 17, 0), "Europe/Berlin", "FREQ=WEEKLY", RAPPORT_CONTENT_STATUS_SCHEDULED, "Ben");

  open_content (fixture, 1280, 860);
  show_month (fixture, 2026, 3);

  /* Across the DST change, keeping 14:30 Berlin time. */
  occurrence = find_occurrence (fixture, 2026, 3, 10, "Release notes");
  g_assert_nonnull (occurrence);
  g_assert_true (drop (fixture, G_OBJECT (occurrence), 2026, 3, 31));
  text = stored_time (fixture, rapport_content_item_get_id (post));
  g_assert_cmpstr (text, ==, "2026-03-31 14:30 CEST");
  g_clear_pointer (&text, g_free);
  rapport_ui_test_spin (50);
  g_assert_true (cell_has (fixture, 2026, 3, 31, "Release notes"));
  g_assert_false (cell_has (fixture, 2026, 3, 10, "Release notes"));

  /* Undo puts it back. */
  toast = rapport_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Release notes"));
  g_signal_emit_by_name (toast, "button-clicked");
  text = stored_time (fixture, rapport_content_item_get_id (post));
  g_assert_cmpstr (text, ==, "2026-03-10 14:30 CET");
  g_clear_pointer (&text, g_free);
  rapport_ui_test_spin (50);
  g_assert_true (cell_has (fixture, 2026, 3, 10, "Release notes"));

  /* From the backlog: Scheduled, 10:00 that day. */
  g_assert_cmpuint (g_list_model_get_n_items (rapport_content_view_get_backlog (content_view (fixture))), ==, 1);
  g_assert_true (drop (fixture, G_OBJECT (idea), 2026, 3, 20));
  scheduled = rapport_content_get (fixture->store, rapport_content_item_get_id (idea), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_content_item_get_status (scheduled), ==, RAPPORT_CONTENT_STATUS_SCHEDULED);
  text = stored_time (fixture, rapport_content_item_get_id (idea));
  g_assert_cmpstr (text, ==, "2026-03-20 10:00 CET");
  g_clear_pointer (&text, g_free);
  g_assert_true (rapport_ui_test_wait_for (backlog_empty_cb, fixture, 5000));
  g_assert_true (cell_has (fixture, 2026, 3, 20, "Maintainer interviews"));

  /* One occurrence of a series: the dialog asks, "This Occurrence" moves
   * only that one. */
  g_clear_object (&occurrence);
  occurrence = find_occurrence (fixture, 2026, 3, 19, "Community Office Hours");
  g_assert_nonnull (occurrence);
  g_assert_true (drop (fixture, G_OBJECT (occurrence), 2026, 3, 20));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "occurrence");
  rapport_ui_test_spin (50);
  g_assert_false (cell_has (fixture, 2026, 3, 19, "Community Office Hours"));
  g_assert_true (cell_has (fixture, 2026, 3, 20, "Community Office Hours"));
  g_assert_true (cell_has (fixture, 2026, 3, 12, "Community Office Hours"));
  g_assert_true (cell_has (fixture, 2026, 3, 26, "Community Office Hours"));
  {
    g_autoptr(RapportContentOccurrence) moved = find_occurrence (fixture, 2026, 3, 20, "Community Office Hours");
    g_autoptr(GDateTime) start = rapport_content_occurrence_dup_local_start (moved);

    g_assert_cmpint (g_date_time_get_hour (start), ==, 17);
    g_assert_cmpint (rapport_content_item_get_series_id (rapport_content_occurrence_get_item (moved)), ==,
                     rapport_content_item_get_id (weekly));
  }

  /* "All Occurrences" moves the series by the same days. */
  g_clear_object (&occurrence);
  occurrence = find_occurrence (fixture, 2026, 3, 26, "Community Office Hours");
  g_assert_true (drop (fixture, G_OBJECT (occurrence), 2026, 3, 27));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "series");
  rapport_ui_test_spin (50);
  g_assert_true (cell_has (fixture, 2026, 3, 27, "Community Office Hours"));
  g_assert_true (cell_has (fixture, 2026, 3, 6, "Community Office Hours"));
  g_assert_false (cell_has (fixture, 2026, 3, 26, "Community Office Hours"));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  RapportMonthView *view;
  GtkWidget *focus;

  open_content (fixture, 1280, 860);
  show_month (fixture, 2026, 3);
  view = rapport_content_view_get_month_view (content_view (fixture));

  rapport_month_view_focus_day (view, 2026, 3, 10);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cell (fixture, 2026, 3, 10))));
  g_signal_emit_by_name (cell (fixture, 2026, 3, 10), "step-focus", 7);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cell (fixture, 2026, 3, 17))));
  g_signal_emit_by_name (cell (fixture, 2026, 3, 17), "step-focus", 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cell (fixture, 2026, 3, 18))));

  /* Past the grid's edge the month turns. */
  show_month (fixture, 2026, 3);
  rapport_month_view_focus_day (view, 2026, 4, 2);
  g_signal_emit_by_name (cell (fixture, 2026, 4, 2), "step-focus", 7);
  g_assert_cmpstr (rapport_content_view_get_period_title (content_view (fixture)), ==, "April 2026");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (cell (fixture, 2026, 4, 9)));

  /* Enter opens the day (whether the popover stays up depends on the
   * window keeping the focus, which tests running side by side share). */
  g_assert_null (rapport_month_cell_get_popover (cell (fixture, 2026, 4, 9)));
  rapport_month_cell_show_day (cell (fixture, 2026, 4, 9));
  rapport_ui_test_spin (50);
  g_assert_nonnull (rapport_month_cell_get_popover (cell (fixture, 2026, 4, 9)));
  rapport_month_cell_hide_day (cell (fixture, 2026, 4, 9));

  /* Next and Previous follow the mode. */
  gtk_widget_activate_action (GTK_WIDGET (content_view (fixture)), "content.next", NULL);
  g_assert_cmpstr (rapport_content_view_get_period_title (content_view (fixture)), ==, "May 2026");
  rapport_content_view_set_mode (content_view (fixture), "week");
  g_assert_nonnull (strstr (rapport_content_view_get_period_title (content_view (fixture)), "May 2026"));
}

static RapportContentStatus
stored_status (Fixture *fixture,
               gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContentItem) item = rapport_content_get (fixture->store, item_id, &error);

  g_assert_no_error (error);
  return rapport_content_item_get_status (item);
}

static void
test_editor_status (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RapportContentItem) idea = NULL;
  RapportContentEditor *editor;
  GtkButton *next;
  gint64 id;

  idea = add_item (fixture, "Launch post", "blog-post", "blog", 0, NULL, NULL, RAPPORT_CONTENT_STATUS_IDEA, "Ana");
  id = rapport_content_item_get_id (idea);

  open_content (fixture, 1280, 860);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (content_view (fixture)), "content.open", "(xx)", id, (gint64) 0));
  editor = rapport_content_view_get_editor (content_view (fixture));
  g_assert_nonnull (editor);
  rapport_ui_test_spin (50);
  next = rapport_content_editor_get_next_button (editor);

  g_assert_cmpstr (gtk_button_get_label (next), ==, "Start Draft");
  g_signal_emit_by_name (next, "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, RAPPORT_CONTENT_STATUS_DRAFT);
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Send to Review");
  g_signal_emit_by_name (next, "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, RAPPORT_CONTENT_STATUS_IN_REVIEW);

  /* Scheduled needs a date: the core's words show under the steps. */
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Schedule");
  rapport_content_editor_set_has_date (editor, FALSE);
  g_signal_emit_by_name (next, "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, RAPPORT_CONTENT_STATUS_IN_REVIEW);
  g_assert_nonnull (rapport_content_editor_get_error (editor));
  g_assert_nonnull (strstr (rapport_content_editor_get_error (editor), "no publish date"));
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Schedule");
  rapport_ui_test_screenshot (GTK_WIDGET (editor), "content-editor-refused");

  /* With a date it goes. */
  rapport_content_editor_set_has_date (editor, TRUE);
  g_signal_emit_by_name (next, "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, RAPPORT_CONTENT_STATUS_SCHEDULED);
  g_assert_null (rapport_content_editor_get_error (editor));
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Mark as Published");
  gtk_window_destroy (GTK_WINDOW (editor));
  rapport_ui_test_spin (50);

  /* A new item on a day, saved from the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (content_view (fixture)), "content.new-on-day", "s", "2026-03-12"));
  editor = rapport_content_view_get_editor (content_view (fixture));
  g_assert_nonnull (editor);
  rapport_content_editor_set_title_text (editor, "Spring meetup recap");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  rapport_ui_test_spin (50);
  g_assert_null (rapport_content_view_get_editor (content_view (fixture)));
  {
    g_autoptr(GPtrArray) items = rapport_content_list_items (fixture->store, NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < items->len; i++)
      {
        RapportContentItem *item = g_ptr_array_index (items, i);

        if (g_str_equal (rapport_content_item_get_title (item), "Spring meetup recap"))
          {
            g_autofree char *text = stored_time (fixture, rapport_content_item_get_id (item));

            g_assert_cmpstr (text, ==, "2026-03-12 10:00 CET");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

/* A month of a real community's content around today. */
static void
add_month_of_content (Fixture *fixture,
                      int      year,
                      int      month)
{
  static const struct
  {
    const char           *title;
    const char           *kind;
    const char           *channel;
    int                   day;
    int                   hour;
    int                   minute;
    RapportContentStatus  status;
    const char           *owner;
  } plan[] = {
    { "Monthly Community Newsletter", "newsletter", "newsletter", 2, 9, 0, RAPPORT_CONTENT_STATUS_PUBLISHED, "Ana" },
    { "Meetup Recap: Berlin", "event-recap", "blog", 3, 11, 0, RAPPORT_CONTENT_STATUS_PUBLISHED, "Chen" },
    { "Contributor Spotlight: Amara Okafor", "blog-post", "blog", 5, 10, 0, RAPPORT_CONTENT_STATUS_PUBLISHED, "Ana" },
    { "Weekly tip: review etiquette", "social-post", "mastodon", 6, 15, 0, RAPPORT_CONTENT_STATUS_PUBLISHED, "Ben" },
    { "Docs sprint call for helpers", "announcement", "forum", 9, 9, 30, RAPPORT_CONTENT_STATUS_PUBLISHED, "Chen" },
    { "Tutorial: Your First Plugin", "tutorial", "blog", 10, 10, 0, RAPPORT_CONTENT_STATUS_PUBLISHED, "Ben" },
    { "Release 4.2 Announcement", "announcement", "blog", 12, 16, 0, RAPPORT_CONTENT_STATUS_SCHEDULED, "Ana" },
    { "Release 4.2 on LinkedIn", "social-post", "linkedin", 12, 16, 30, RAPPORT_CONTENT_STATUS_SCHEDULED, "Ana" },
    { "Release 4.2 thread on X", "social-post", "x", 12, 17, 0, RAPPORT_CONTENT_STATUS_SCHEDULED, "Ben" },
    { "Release 4.2 on Reddit", "social-post", "reddit", 12, 18, 0, RAPPORT_CONTENT_STATUS_IN_REVIEW, "Ben" },
    { "Weekly tip: good first issues", "social-post", "mastodon", 13, 15, 0, RAPPORT_CONTENT_STATUS_SCHEDULED, "Ben" },
    { "Mid-month Newsletter", "newsletter", "newsletter", 16, 9, 0, RAPPORT_CONTENT_STATUS_SCHEDULED, "Ana" },
    { "Hackathon Announcement", "announcement", "forum", 17, 12, 0, RAPPORT_CONTENT_STATUS_IN_REVIEW, "Chen" },
    { "Video: Plugin Walkthrough", "video", "youtube", 19, 18, 0, RAPPORT_CONTENT_STATUS_DRAFT, "Ben" },
    { "Weekly tip: writing release notes", "social-post", "mastodon", 20, 15, 0, RAPPORT_CONTENT_STATUS_DRAFT, "Ben" },
    { "AMA with the Core Team", "announcement", "reddit", 24, 17, 0, RAPPORT_CONTENT_STATUS_DRAFT, "Chen" },
    { "Docs Sprint Recap", "event-recap", "blog", 25, 11, 0, RAPPORT_CONTENT_STATUS_DRAFT, "Chen" },
    { "Community Survey Results", "blog-post", "blog", 26, 10, 0, RAPPORT_CONTENT_STATUS_IDEA, "Ana" },
    { "Year in Review Teaser", "video", "youtube", 27, 19, 0, RAPPORT_CONTENT_STATUS_CANCELLED, "Ben" },
    { "Month in Review Newsletter", "newsletter", "newsletter", 30, 9, 0, RAPPORT_CONTENT_STATUS_IDEA, "Ana" },
  };
  static const char * const ideas[] = {
    "Interview series with maintainers",
    "Case study: Harbour Data",
    "Contributing without code",
    "Holiday hack week",
  };
  int days_in_month = g_date_get_days_in_month (month, year);
  g_autoptr(GDateTime) first = g_date_time_new_local (year, month, 1, 17, 0, 0);
  int to_thursday = (4 - g_date_time_get_day_of_week (first) + 7) % 7;

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(RapportContentItem) item = NULL;

      item = add_item (fixture, plan[i].title, plan[i].kind, plan[i].channel,
                       berlin (year, month, MIN (plan[i].day, days_in_month), plan[i].hour, plan[i].minute),
                       "Europe/Berlin", NULL, plan[i].status, plan[i].owner);
      if (plan[i].status == RAPPORT_CONTENT_STATUS_CANCELLED)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (rapport_content_set_status (fixture->store, item, RAPPORT_CONTENT_STATUS_CANCELLED, &error));
          g_assert_no_error (error);
        }
    }

  {
    g_autoptr(RapportContentItem) weekly = add_item (fixture, "Community Office Hours", "video", "youtube",
                                                     berlin (year, month, 1 + to_thursday, 17, 0), "Europe/Berlin",
                                                     "FREQ=WEEKLY", RAPPORT_CONTENT_STATUS_SCHEDULED, "Ben");
  }

  for (guint i = 0; i < G_N_ELEMENTS (ideas); i++)
    {
      g_autoptr(RapportContentItem) item = add_item (fixture, ideas[i], i % 2 ? "blog-post" : "video",
                                                     i % 2 ? "blog" : "youtube", 0, NULL, NULL,
                                                     RAPPORT_CONTENT_STATUS_IDEA, "Chen");
    }
}

static GArray *
add_members (Fixture *fixture)
{
  static const char * const names[] = { "Amara Okafor", "Björn Lindqvist", "Chen Wei" };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RapportMember) member = rapport_member_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      rapport_member_set_name (member, names[i]);
      rapport_member_set_organization (member, "Lagos Code Collective");
      g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
      g_assert_no_error (error);
      id = rapport_member_get_id (member);
      g_array_append_val (ids, id);
    }

  return ids;
}

static void
shoot_views (Fixture    *fixture,
             const char *suffix)
{
  static const char * const modes[] = { "month", "week", "agenda" };
  RapportContentView *view = content_view (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  rapport_content_view_set_date (view, now);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("content-%s-%s", modes[i], suffix);

      rapport_content_view_set_mode (view, modes[i]);
      rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), name);
    }
  rapport_content_view_set_mode (view, "month");
}

static void
shoot_editor (Fixture    *fixture,
              const char *title,
              int         width,
              int         height,
              const char *name)
{
  RapportContentView *view = content_view (fixture);
  g_autoptr(GPtrArray) items = rapport_content_list_items (fixture->store, NULL);
  RapportContentEditor *editor;

  for (guint i = 0; i < items->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (rapport_content_item_get_title (item), title))
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "content.open", "(xx)",
                                                   rapport_content_item_get_id (item), (gint64) 0));
    }

  editor = rapport_content_view_get_editor (view);
  g_assert_nonnull (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), width, height);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (editor), name);
  gtk_window_destroy (GTK_WINDOW (editor));
  rapport_ui_test_spin (50);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  RapportMonthCell *busy;
  g_autoptr(GArray) members = NULL;

  members = add_members (fixture);
  add_month_of_content (fixture, g_date_time_get_year (now), g_date_time_get_month (now));
  {
    /* Feature two members in the spotlight post. */
    g_autoptr(GPtrArray) items = rapport_content_list_items (fixture->store, NULL);

    for (guint i = 0; i < items->len; i++)
      {
        RapportContentItem *item = g_ptr_array_index (items, i);

        if (g_str_equal (rapport_content_item_get_title (item), "Contributor Spotlight: Amara Okafor"))
          {
            rapport_content_item_set_featured_ids (item, (const gint64 *) (gpointer) members->data, 2);
            g_assert_true (rapport_content_update (fixture->store, item, NULL));
          }
      }
  }

  open_content (fixture, 1280, 860);
  rapport_ui_test_spin (200);

  /* The busy release day does not fit: "+N more". */
  busy = rapport_month_view_get_cell (rapport_content_view_get_month_view (content_view (fixture)),
                                      g_date_time_get_year (now), g_date_time_get_month (now), 12);
  g_assert_cmpuint (rapport_month_cell_get_n_items (busy), >=, 4);
  g_assert_cmpuint (rapport_month_cell_get_n_chips_shown (busy), <, rapport_month_cell_get_n_items (busy));
  g_assert_cmpuint (rapport_month_cell_get_n_chips_shown (busy), >, 0);

  shoot_views (fixture, "wide");
  g_object_set (content_view (fixture), "show-backlog", TRUE, NULL);
  rapport_ui_test_spin (400);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "content-month-backlog-wide");
  g_object_set (content_view (fixture), "show-backlog", FALSE, NULL);
  rapport_ui_test_spin (400);
  rapport_month_cell_show_day (busy);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "content-month-day-popover");
  rapport_month_cell_hide_day (busy);
  shoot_editor (fixture, "Contributor Spotlight: Amara Okafor", 600, 860, "content-editor-wide");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_ui_test_spin (300);
  shoot_views (fixture, "dark");
  shoot_editor (fixture, "Release 4.2 Announcement", 600, 860, "content-editor-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 780);
  rapport_ui_test_spin (500);
  /* At 360 px the chips give way to dots and the grid still fits. */
  g_assert_cmpuint (rapport_month_cell_get_n_chips_shown (busy), ==, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (rapport_content_view_get_month_view (content_view (fixture)))), <=, 360);
  shoot_views (fixture, "narrow");
  shoot_editor (fixture, "Contributor Spotlight: Amara Okafor", 360, 780, "content-editor-narrow");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the local time zone. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  rapport_ui_test_init (&argc, &argv);

  app = rapport_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rapport/ui/content/month-dst", test_month_dst);
  ADD ("/rapport/ui/content/drag-reschedule", test_drag_reschedule);
  ADD ("/rapport/ui/content/keyboard", test_keyboard);
  ADD ("/rapport/ui/content/editor-status", test_editor_status);
  ADD ("/rapport/ui/content/screenshots", test_screenshots);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
