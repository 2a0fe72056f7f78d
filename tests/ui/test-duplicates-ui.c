/* test-duplicates-ui.c
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

/* The Duplicates page: the queue of pairs, side by side, the M / N / S
 * keys and the arrows, picking which value stays, Undo of a merge, merging
 * by hand, the count badge on the Members page, and how it looks wide,
 * narrow and dark. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-application.h"
#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-demo.h"
#include "rapport-duplicates.h"
#include "rapport-duplicates-view.h"
#include "rapport-member.h"
#include "rapport-members-view.h"
#include "rapport-merge.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

static RapportApplication *app;

typedef struct
{
  char                  *path;
  RapportStore          *store;
  RapportWindow         *window;
  RapportDuplicatesView *view;
  GtkWindow             *dialog;

  gint64                 ana;
  gint64                 ana2;
  gint64                 jose;
  gint64                 jose2;
  gint64                 kim;
  gint64                 kim2;
  gint64                 grace;
  gint64                 chen;
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
add_member (Fixture    *fixture,
            const char *name,
            const char *email,
            const char *organization,
            const char *title,
            const char *location,
            guint       activities)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 now = rapport_now_unix ();
  gint64 id;

  rapport_member_set_name (member, name);
  rapport_member_set_email (member, email);
  rapport_member_set_organization (member, organization);
  rapport_member_set_title (member, title);
  rapport_member_set_location (member, location);
  g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
  g_assert_no_error (error);
  id = rapport_member_get_id (member);

  for (guint k = 0; k < activities; k++)
    {
      rapport_store_add_activity (fixture->store, id, "github", "comment",
                                  now - (gint64) (k + 1) * 2 * 86400, "A comment", NULL, "general", &error);
      g_assert_no_error (error);
    }

  return id;
}

/* Three pairs the engine finds as they arrive (an email the same but for
 * dots and a +tag, one work domain and name, one handle and name), and
 * people with nobody like them. */
static void
add_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->ana = add_member (fixture, "Ana Silva", "ana.silva@gmail.com", "Acme", "Engineer", "Lisbon", 2);
  fixture->ana2 = add_member (fixture, "Ana Silva Costa", "anasilva+meetup@gmail.com", "Acme Corporation",
                              "Staff Engineer", "Lisbon", 12);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->ana2, "github", "anasilvacosta",
                                               NULL, NULL, &error), >, 0);
  g_assert_cmpint (rapport_store_add_note (fixture->store, fixture->ana2, "Met at the Lisbon meetup.",
                                           "Rapport", &error), >, 0);
  g_assert_no_error (error);

  fixture->jose = add_member (fixture, "José Núñez", "jose.nunez@acme.example", "Acme", NULL, NULL, 5);
  fixture->jose2 = add_member (fixture, "Jose Nunez", "jnunez@acme.example", NULL, "Developer", NULL, 1);

  fixture->kim = add_member (fixture, "Kim Lee", NULL, NULL, NULL, "Seoul", 3);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->kim, "github", "stardust42",
                                               NULL, NULL, &error), >, 0);
  fixture->kim2 = add_member (fixture, "Kim Lee", NULL, NULL, NULL, "Busan", 3);
  g_assert_cmpint (rapport_store_add_identity (fixture->store, fixture->kim2, "slack", "StarDust42",
                                               NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  fixture->grace = add_member (fixture, "Grace Mwangi", "grace@savannah-analytics.ke", "Savannah Analytics",
                               "Data Scientist", "Nairobi", 8);
  fixture->chen = add_member (fixture, "Chen Wei", "chen.wei@harbourdata.io", "Harbour Data",
                              "Data Engineer", "Singapore", 4);
  add_member (fixture, "Olivia Bennett", "olivia@thistle.co.uk", "Thistle & Co", "Community Lead", "Edinburgh", 6);

  g_assert_cmpint (rapport_store_count_duplicates (fixture->store, 0), ==, 3);
}

static gint64
n_members (Fixture *fixture)
{
  RapportStoreCounts counts = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_get_counts (fixture->store, &counts, &error));
  g_assert_no_error (error);
  return counts.members;
}

static gboolean
window_ready_cb (gpointer data)
{
  Fixture *fixture = data;
  RapportMembersView *view = rapport_window_get_members_view (fixture->window);

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) && rapport_members_view_get_loaded (view);
}

static gboolean
dialog_mapped_cb (gpointer data)
{
  Fixture *fixture = data;

  fixture->dialog = rapport_ui_test_find_toplevel (ADW_TYPE_WINDOW);
  return fixture->dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->dialog));
}

static void
open_window (Fixture *fixture)
{
  g_autoptr(RapportContext) context = rapport_context_new (fixture->store);

  fixture->window = rapport_window_new_for_context (app, context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (rapport_ui_test_wait_for (window_ready_cb, fixture, 10000));
}

/* Opens the page as the Duplicates button on the Members page does. */
static void
open_duplicates (Fixture *fixture)
{
  open_window (fixture);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "show-duplicates"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-duplicates", NULL);
  g_assert_true (rapport_ui_test_wait_for (dialog_mapped_cb, fixture, 5000));

  fixture->view = RAPPORT_DUPLICATES_VIEW (adw_window_get_content (ADW_WINDOW (fixture->dialog)));
  g_assert_true (RAPPORT_IS_DUPLICATES_VIEW (fixture->view));
  g_assert_true (gtk_window_get_transient_for (fixture->dialog) == GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (200);
}

static GtkShortcut *
find_key (GtkWidget  *widget,
          const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *alternative = g_strconcat (key, "|", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), "rapport-duplicates-keys") != 0)
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, key) || g_str_has_prefix (text, alternative))
            return shortcut;
        }
    }

  return NULL;
}

/* What pressing @key on the page runs. */
static gboolean
press (Fixture    *fixture,
       const char *key)
{
  GtkShortcut *shortcut = find_key (GTK_WIDGET (fixture->view), key);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       GTK_WIDGET (fixture->view), gtk_shortcut_get_arguments (shortcut));
}

static gboolean
is_mapped_label_cb (GtkWidget     *widget,
                    gconstpointer  data)
{
  const char *text = gtk_label_get_label (GTK_LABEL (widget));

  return gtk_widget_get_mapped (widget) && text != NULL && strstr (text, data) != NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return rapport_ui_test_find_widget (root, GTK_TYPE_LABEL, is_mapped_label_cb, text);
}

typedef struct
{
  const char *title;
  gboolean    differs;
} RowMatch;

static gboolean
is_row_cb (GtkWidget     *widget,
           gconstpointer  data)
{
  const RowMatch *match = data;

  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), match->title) == 0 &&
         gtk_widget_has_css_class (widget, "duplicate-differs") == match->differs;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title,
          gboolean    differs)
{
  RowMatch match = { title, differs };

  return rapport_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, is_row_cb, &match);
}

static gint64
pair_of (Fixture *fixture,
         gint64   a,
         gint64   b)
{
  g_autoptr(GPtrArray) pairs = rapport_store_list_duplicates (fixture->store, 0, 0, NULL);

  for (guint i = 0; pairs != NULL && i < pairs->len; i++)
    {
      RapportDuplicate *pair = g_ptr_array_index (pairs, i);

      if (rapport_duplicate_get_member_a (pair) == MIN (a, b) && rapport_duplicate_get_member_b (pair) == MAX (a, b))
        return rapport_duplicate_get_id (pair);
    }

  return 0;
}

/* The nth pair of the queue, surest first. */
static gint64
nth_pair (Fixture *fixture,
          guint    n)
{
  g_autoptr(GPtrArray) pairs = rapport_store_list_duplicates (fixture->store, 0, 0, NULL);

  g_assert_nonnull (pairs);
  g_assert_cmpuint (n, <, pairs->len);
  return rapport_duplicate_get_id (g_ptr_array_index (pairs, n));
}

/* Tests */

static void
test_queue_and_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 first, second, third;

  add_people (fixture);
  first = nth_pair (fixture, 0);
  second = nth_pair (fixture, 1);
  third = nth_pair (fixture, 2);

  open_duplicates (fixture);
  g_assert_cmpuint (rapport_duplicates_view_get_n_pairs (fixture->view), ==, 3);
  /* The surest pair shows first, with its reasons in words. */
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, first);
  rapport_duplicates_view_select_pair (fixture->view, pair_of (fixture, fixture->ana, fixture->ana2));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view),
                                "Their email addresses are the same once dots and +tags are set aside"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "97%"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "Ana Silva ↔ Ana Silva Costa"));
  /* Side by side, what differs is marked; what both have is not. */
  g_assert_nonnull (find_row (fixture, "Ana Silva", TRUE));
  g_assert_nonnull (find_row (fixture, "Acme Corporation", TRUE));
  g_assert_nonnull (find_row (fixture, "Lisbon", FALSE));
  g_assert_nonnull (find_row (fixture, "GitHub · anasilvacosta", FALSE));
  g_assert_nonnull (find_row (fixture, "1 note", FALSE));
  g_assert_nonnull (find_row (fixture, "12 activities", FALSE));
  g_assert_false (rapport_duplicates_view_get_stacked (fixture->view));
  rapport_duplicates_view_select_pair (fixture->view, first);

  /* Arrows and S move along the queue; S wraps around at the end. */
  g_assert_true (press (fixture, "Down"));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, second);
  g_assert_true (press (fixture, "Down"));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, third);
  g_assert_true (press (fixture, "Up"));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, second);
  g_assert_true (press (fixture, "s"));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, third);
  g_assert_true (press (fixture, "s"));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, first);
  g_assert_cmpint (rapport_store_count_duplicates (fixture->store, 0), ==, 3);

  /* N: not the same person; the next pair shows. */
  g_assert_true (press (fixture, "n"));
  g_assert_cmpint (rapport_store_count_duplicates (fixture->store, 0), ==, 2);
  g_assert_cmpuint (rapport_duplicates_view_get_n_pairs (fixture->view), ==, 2);
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, second);
  {
    g_autoptr(RapportDuplicate) rejected = rapport_store_get_duplicate (fixture->store, first, NULL);

    g_assert_nonnull (rejected);
    g_assert_true (rapport_duplicate_is_rejected (rejected));
  }
}

static gboolean
n_pairs_is_cb (gpointer data)
{
  Fixture *fixture = data;

  return rapport_duplicates_view_get_n_pairs (fixture->view) ==
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->view), "expected"));
}

static void
test_merge_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RapportMember) survivor = NULL;
  g_autoptr(RapportMember) gone = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  AdwToast *toast;
  GVariant *target;
  gint64 members, pair;

  add_people (fixture);
  members = n_members (fixture);
  pair = pair_of (fixture, fixture->ana, fixture->ana2);
  open_duplicates (fixture);

  rapport_duplicates_view_select_pair (fixture->view, pair);
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, pair);
  /* The survivor is the one with the more activity; their values stay
   * unless the user picks the other's. */
  g_assert_cmpint (rapport_duplicates_view_get_survivor_id (fixture->view), ==, fixture->ana2);
  g_assert_cmpint (rapport_duplicates_view_get_pick (fixture->view, RAPPORT_MERGE_FIELD_NAME), ==, fixture->ana2);
  g_assert_cmpint (rapport_duplicates_view_get_pick (fixture->view, RAPPORT_MERGE_FIELD_TITLE), ==, fixture->ana2);
  g_assert_cmpint (rapport_duplicates_view_get_pick (fixture->view, RAPPORT_MERGE_FIELD_LOCATION), ==, 0);

  /* A click on the other side's name row picks it. */
  row = find_row (fixture, "Ana Silva", TRUE);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpint (rapport_duplicates_view_get_pick (fixture->view, RAPPORT_MERGE_FIELD_NAME), ==, fixture->ana);
  g_assert_true (gtk_widget_has_css_class (find_row (fixture, "Ana Silva Costa", TRUE), "duplicate-loses"));
  g_assert_false (gtk_widget_has_css_class (row, "duplicate-loses"));

  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-picked");

  /* M merges them. */
  g_assert_true (press (fixture, "m"));
  g_assert_cmpint (n_members (fixture), ==, members - 1);
  survivor = rapport_store_get_member (fixture->store, fixture->ana2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (survivor), ==, "Ana Silva");
  g_assert_cmpstr (rapport_member_get_title (survivor), ==, "Staff Engineer");
  gone = rapport_store_get_member (fixture->store, fixture->ana, &error);
  g_assert_null (gone);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (rapport_duplicates_view_get_n_pairs (fixture->view), ==, 2);
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), !=, 0);
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), !=, pair);

  /* An Undo toast that names them. */
  toast = rapport_duplicates_view_get_last_toast (fixture->view);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Merged Ana Silva Costa into Ana Silva");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "duplicates.undo");
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (target);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-merged-toast");

  /* Undo: both are back, as they were, and so is their pair. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->view), "duplicates.undo", target));
  g_assert_cmpint (n_members (fixture), ==, members);
  g_clear_object (&survivor);
  survivor = rapport_store_get_member (fixture->store, fixture->ana2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (survivor), ==, "Ana Silva Costa");
  gone = rapport_store_get_member (fixture->store, fixture->ana, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (gone), ==, "Ana Silva");
  g_object_set_data (G_OBJECT (fixture->view), "expected", GUINT_TO_POINTER (3));
  g_assert_true (rapport_ui_test_wait_for (n_pairs_is_cb, fixture, 5000));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, pair_of (fixture, fixture->ana, fixture->ana2));
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwLeaflet *leaflet;
  GtkListBoxRow *row;

  add_people (fixture);
  open_duplicates (fixture);
  rapport_duplicates_view_select_pair (fixture->view, pair_of (fixture, fixture->ana, fixture->ana2));

  gtk_window_set_default_size (fixture->dialog, 1000, 700);
  rapport_ui_test_spin (300);
  g_assert_false (rapport_duplicates_view_get_stacked (fixture->view));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-wide");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Narrow: the list, then a pair with one member above the other. */
  gtk_window_set_default_size (fixture->dialog, 360, 720);
  rapport_ui_test_spin (400);
  leaflet = ADW_LEAFLET (rapport_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_LEAFLET, NULL, NULL));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (rapport_duplicates_view_get_stacked (fixture->view));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-narrow-list");

  row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (find_label (GTK_WIDGET (fixture->view), "Ana Silva ↔"),
                                                   GTK_TYPE_LIST_BOX_ROW));
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  rapport_ui_test_spin (400);
  g_assert_true (gtk_widget_get_mapped (find_row (fixture, "Ana Silva", TRUE)));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-narrow");
}

static gboolean
is_badge_cb (GtkWidget     *widget,
             gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "duplicates-badge");
}

static gboolean
badge_is_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *members = GTK_WIDGET (rapport_window_get_members_view (fixture->window));
  const char *expected = g_object_get_data (G_OBJECT (fixture->window), "expected");
  GtkWidget *badge = rapport_ui_test_find_widget (members, GTK_TYPE_LABEL, is_badge_cb, NULL);

  if (badge == NULL)
    return FALSE;
  if (expected == NULL)
    return !gtk_widget_get_visible (badge);

  return gtk_widget_get_mapped (badge) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (badge)), expected) == 0;
}

static void
test_badge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  add_people (fixture);
  open_window (fixture);

  /* On the Members page, beside the count: how many pairs wait. */
  g_object_set_data (G_OBJECT (fixture->window), "expected", (gpointer) "3");
  g_assert_true (rapport_ui_test_wait_for (badge_is_cb, fixture, 5000));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "duplicates-badge");

  /* It follows the queue. */
  g_assert_true (rapport_store_reject_duplicate (fixture->store, nth_pair (fixture, 0), &error));
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (fixture->window), "expected", (gpointer) "2");
  g_assert_true (rapport_ui_test_wait_for (badge_is_cb, fixture, 5000));

  /* It opens the page. */
  button = gtk_widget_get_ancestor (rapport_ui_test_find_widget (GTK_WIDGET (rapport_window_get_members_view (fixture->window)),
                                                                 GTK_TYPE_LABEL, is_badge_cb, NULL),
                                    GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-duplicates");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rapport_ui_test_wait_for (dialog_mapped_cb, fixture, 5000));
  fixture->view = RAPPORT_DUPLICATES_VIEW (adw_window_get_content (ADW_WINDOW (fixture->dialog)));
  g_assert_cmpuint (rapport_duplicates_view_get_n_pairs (fixture->view), ==, 2);

  /* Once nothing waits, no badge. */
  g_assert_true (press (fixture, "n"));
  g_assert_true (press (fixture, "n"));
  g_object_set_data (G_OBJECT (fixture->window), "expected", NULL);
  g_assert_true (rapport_ui_test_wait_for (badge_is_cb, fixture, 5000));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  AdwToast *toast;
  GtkStack *stack;

  add_member (fixture, "Grace Mwangi", "grace@savannah-analytics.ke", "Savannah Analytics", NULL, NULL, 1);
  add_member (fixture, "Chen Wei", "chen.wei@harbourdata.io", "Harbour Data", NULL, NULL, 1);
  open_duplicates (fixture);

  g_assert_cmpuint (rapport_duplicates_view_get_n_pairs (fixture->view), ==, 0);
  stack = GTK_STACK (rapport_ui_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, NULL, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "No Duplicates"));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-empty");

  /* Rescan looks at everyone again, and says what it found. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "duplicates.rescan", NULL));
  g_assert_true (rapport_ui_test_wait_for ((gboolean (*) (gpointer)) rapport_duplicates_view_get_last_toast,
                                           fixture->view, 5000));
  toast = rapport_duplicates_view_get_last_toast (fixture->view);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "No possible duplicates found");
}

static gboolean
both_chosen_cb (gpointer data)
{
  Fixture *fixture = data;

  return rapport_duplicates_view_get_member_a (fixture->view) != 0 &&
         rapport_duplicates_view_get_member_b (fixture->view) != 0;
}

static gboolean
is_search_entry_cb (GtkWidget     *widget,
                    gconstpointer  data)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_result_cb (gpointer data)
{
  Fixture *fixture = data;

  return find_row (fixture, "Chen Wei", FALSE) != NULL;
}

static void
test_by_hand (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RapportMember) survivor = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry;
  GtkWidget *result;
  gint64 members;

  add_people (fixture);
  members = n_members (fixture);
  open_window (fixture);

  /* From a member: "Merge With…" picks the other by search. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "merge-member",
                                  g_variant_new_int64 (fixture->grace));
  g_assert_true (rapport_ui_test_wait_for (dialog_mapped_cb, fixture, 5000));
  fixture->view = RAPPORT_DUPLICATES_VIEW (adw_window_get_content (ADW_WINDOW (fixture->dialog)));
  rapport_ui_test_spin (200);
  g_assert_true (rapport_duplicates_view_get_by_hand (fixture->view));
  g_assert_cmpint (rapport_duplicates_view_get_member_a (fixture->view), ==, fixture->grace);
  g_assert_cmpint (rapport_duplicates_view_get_member_b (fixture->view), ==, 0);

  entry = rapport_ui_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, is_search_entry_cb, NULL);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Chen");
  g_assert_true (rapport_ui_test_wait_for (has_result_cb, fixture, 5000));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-by-hand-search");

  /* In the search, the letters and arrows are the entry's. */
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (fixture->dialog))));
  g_assert_false (press (fixture, "m"));
  g_assert_false (press (fixture, "n"));
  g_assert_false (press (fixture, "s"));
  g_assert_false (press (fixture, "Down"));
  g_assert_cmpint (n_members (fixture), ==, members);

  result = find_row (fixture, "Chen Wei", FALSE);
  g_signal_emit_by_name (gtk_widget_get_parent (result), "row-activated", result);
  g_assert_true (rapport_ui_test_wait_for (both_chosen_cb, fixture, 5000));
  g_assert_cmpint (rapport_duplicates_view_get_member_b (fixture->view), ==, fixture->chen);
  /* Grace has the more activity: she stays, with her name. */
  g_assert_cmpint (rapport_duplicates_view_get_survivor_id (fixture->view), ==, fixture->grace);
  g_assert_cmpint (rapport_duplicates_view_get_pick (fixture->view, RAPPORT_MERGE_FIELD_NAME), ==, fixture->grace);
  g_assert_true (rapport_duplicates_view_set_pick (fixture->view, RAPPORT_MERGE_FIELD_ORGANIZATION, fixture->chen));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-by-hand");

  g_assert_true (press (fixture, "m"));
  g_assert_cmpint (n_members (fixture), ==, members - 1);
  survivor = rapport_store_get_member (fixture->store, fixture->grace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (survivor), ==, "Grace Mwangi");
  g_assert_cmpstr (rapport_member_get_organization (survivor), ==, "Harbour Data");
  g_assert_false (rapport_duplicates_view_get_by_hand (fixture->view));
  g_assert_cmpstr (adw_toast_get_title (rapport_duplicates_view_get_last_toast (fixture->view)), ==,
                   "Merged Chen Wei into Grace Mwangi");
}

/* The sample community: a hundred-odd pairs of every kind. */
static void
test_sample (Fixture       *fixture,
             gconstpointer  data)
{
  RapportDemoOptions options = { .members = 2000, .activities = 20000, .seed = 20260101 };
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_assert_true (rapport_demo_generate (fixture->store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  n = rapport_store_count_duplicates (fixture->store, 0);
  g_assert_cmpint (n, >, 10);

  open_duplicates (fixture);
  g_assert_cmpuint (rapport_duplicates_view_get_n_pairs (fixture->view), ==, (guint) MIN (n, 500));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, nth_pair (fixture, 0));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->dialog), "duplicates-sample");

  /* Folded on the list, M and N do not decide a pair out of sight. */
  gtk_window_set_default_size (fixture->dialog, 360, 700);
  rapport_ui_test_spin (400);
  g_assert_false (press (fixture, "m"));
  g_assert_false (press (fixture, "n"));
  g_assert_cmpint (rapport_store_count_duplicates (fixture->store, 0), ==, n);
  g_assert_true (press (fixture, "Down"));
  g_assert_cmpint (rapport_duplicates_view_get_selected_id (fixture->view), ==, nth_pair (fixture, 1));
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

  ADD ("/rapport/ui/duplicates/queue-and-keys", test_queue_and_keys);
  ADD ("/rapport/ui/duplicates/merge-and-undo", test_merge_and_undo);
  ADD ("/rapport/ui/duplicates/by-hand", test_by_hand);
  ADD ("/rapport/ui/duplicates/badge", test_badge);
  ADD ("/rapport/ui/duplicates/empty", test_empty);
  ADD ("/rapport/ui/duplicates/screenshots", test_screenshots);
  ADD ("/rapport/ui/duplicates/sample", test_sample);

#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
