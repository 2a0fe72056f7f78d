/* test-window.c
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
#include <sqlite3.h>
#include <string.h>

#include "rapport-application.h"
#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-members-view.h"
#include "rapport-preferences-window.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

static RapportApplication *app;

typedef struct
{
  char          *path;
  RapportStore  *store;
  RapportWindow *window;
  GPtrArray     *ids;
} Fixture;

/* A small community that looks like one: names from many places, a few
 * shared employers, one freelancer, and varied activity. */
static const struct
{
  const char *name;
  const char *email;
  const char *organization;
  const char *title;
  gint64      stage_id;
  guint       activities;
  guint       days_ago;
} people[] = {
  { "Amara Okafor", "amara@lagoscode.ng", "Lagos Code Collective", "Developer Advocate", 5, 42, 0 },
  { "Björn Lindqvist", "bjorn@nordvik.se", "Nordvik Systems", "Platform Engineer", 3, 27, 2 },
  { "Chen Wei", "chen.wei@harbourdata.io", "Harbour Data", "Data Engineer", 2, 9, 12 },
  { "Daniela Ruiz", "druiz@senderolabs.mx", "Sendero Labs", "Engineering Manager", 4, 31, 1 },
  { "Élodie Martin", "elodie@atelier-numerique.fr", "Atelier Numérique", "Front-end Developer", 2, 6, 20 },
  { "Farid Haddad", "farid@cedarcloud.lb", "Cedar Cloud", "SRE", 3, 18, 4 },
  { "Grace Mwangi", "grace@savannah-analytics.ke", "Savannah Analytics", "Data Scientist", 4, 25, 3 },
  { "Hiroshi Tanaka", "hiroshi@kumoworks.jp", "Kumo Works", "CTO", 1, 2, 45 },
  { "Ingrid Johansson", "ingrid@nordvik.se", "Nordvik Systems", "Technical Writer", 2, 11, 8 },
  { "Jamal Carter", "jamal.carter@brightline.health", "Brightline Health", "Security Engineer", 1, 1, 90 },
  { "Katarzyna Nowak", "k.nowak@wisla.pl", "Wisła Software", "Backend Developer", 3, 16, 5 },
  { "Liam O’Connor", "liam@emerald-robotics.ie", "Emerald Robotics", "Firmware Engineer", 2, 7, 15 },
  { "Maya Patel", "maya.patel@brightline.health", "Brightline Health", "Product Manager", 3, 14, 6 },
  { "Nikolai Petrov", "nikolai@volgacompute.ru", "Volga Compute", "Compiler Engineer", 4, 29, 1 },
  { "Olivia Bennett", "olivia@thistle.co.uk", "Thistle & Co", "Community Lead", 5, 38, 0 },
  { "Pedro Alves", "pedro@ipe.com.br", "Ipê Tecnologia", "Mobile Developer", 1, 3, 30 },
  { "Qian Li", "qian.li@harbourdata.io", "Harbour Data", "ML Engineer", 2, 8, 10 },
  { "Rosa Jiménez", "rosa@senderolabs.mx", "Sendero Labs", "QA Lead", 2, 5, 25 },
  { "Samuel Osei", "samuel@accradevs.gh", "Accra Devs", "Organizer", 4, 22, 2 },
  { "Tamar Cohen", "tamar@carmel.ai", "Carmel AI", "Research Engineer", 3, 13, 7 },
  { "Uma Krishnan", "uma@kaveri.net", "Kaveri Networks", "Network Architect", 1, 0, 0 },
  { "Victor Dubois", "victor@atelier-numerique.fr", "Atelier Numérique", "Designer", 2, 4, 18 },
  { "Wanjiru Kamau", "wanjiru@savannah-analytics.ke", "Savannah Analytics", "Analyst", 1, 2, 40 },
  { "Xavier Moreau", "xavier.moreau@proton.me", NULL, "Independent Consultant", 3, 12, 9 },
  { "Yara Haddad", "yara@cedarcloud.lb", "Cedar Cloud", "Support Engineer", 2, 10, 11 },
  { "Zoë van der Berg", "zoe@polder.nl", "Polder Open Source", "Maintainer", 5, 47, 0 },
  { "Aiko Suzuki", "aiko@kumoworks.jp", "Kumo Works", "Developer Relations", 4, 20, 3 },
  { "Benedikt Wagner", "benedikt@isar-mobility.de", "Isar Mobility", "Staff Engineer", 3, 15, 4 },
  { "Camila Rocha", "camila@ipe.com.br", "Ipê Tecnologia", "Student Ambassador", 1, 1, 60 },
  { "Dmitri Sokolov", "dmitri@volgacompute.ru", "Volga Compute", "Release Manager", 2, 6, 14 },
};

static const char *kinds[] = { "comment", "post", "pull-request", "reaction", "event" };
static const char *platforms[] = { "github", "discourse", "slack", "discord" };

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
  g_assert_nonnull (fixture->store);
  fixture->ids = g_ptr_array_new_with_free_func (g_free);
}

static void
add_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 now = rapport_now_unix ();

  g_assert_true (rapport_store_begin (fixture->store, &error));

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RapportMember) member = rapport_member_new ();
      gint64 id;

      rapport_member_set_name (member, people[i].name);
      rapport_member_set_email (member, people[i].email);
      rapport_member_set_organization (member, people[i].organization);
      rapport_member_set_title (member, people[i].title);
      rapport_member_set_stage_id (member, people[i].stage_id);
      g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
      g_assert_no_error (error);

      id = rapport_member_get_id (member);
      g_ptr_array_add (fixture->ids, g_memdup2 (&id, sizeof id));

      /* The newest activity is days_ago old; the others spread back a
       * few hours each. */
      for (guint k = 0; k < people[i].activities; k++)
        {
          gint64 when = now - (gint64) people[i].days_ago * 86400 - (gint64) k * 5 * 3600 - 600;
          g_autofree char *title = g_strdup_printf ("%s #%u", kinds[k % G_N_ELEMENTS (kinds)], k + 1);

          rapport_store_add_activity (fixture->store, id,
                                      platforms[(i + k) % G_N_ELEMENTS (platforms)],
                                      kinds[k % G_N_ELEMENTS (kinds)],
                                      when, title, NULL, "general", &error);
          g_assert_no_error (error);
        }
    }

  g_assert_true (rapport_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

static gint64
person_id (Fixture    *fixture,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      if (g_str_equal (people[i].name, name))
        return *(gint64 *) g_ptr_array_index (fixture->ids, i);
    }

  g_assert_not_reached ();
}

static gboolean
window_ready_cb (gpointer data)
{
  Fixture *fixture = data;
  RapportMembersView *view = rapport_window_get_members_view (fixture->window);

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         rapport_members_view_get_loaded (view) &&
         !rapport_member_list_get_loading (rapport_members_view_get_list (view));
}

static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  g_autoptr(RapportContext) context = rapport_context_new (fixture->store);

  fixture->window = rapport_window_new_for_context (app, context);
  /* 0 × 0: the saved size, by default 1100 × 720. */
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (rapport_ui_test_wait_for (window_ready_cb, fixture, 10000));
  rapport_ui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  GList *toplevels;

  /* Dialogs and preferences first, then the main window. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  rapport_ui_test_spin (50);

  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->ids, g_ptr_array_unref);
  rapport_ui_test_remove_tree (dir);
  g_free (fixture->path);
}

static gboolean
is_mapped_status_page_cb (GtkWidget     *widget,
                          gconstpointer  data)
{
  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static gboolean
action_enabled (const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (app), name);
}

/* Tests */

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  RapportMembersView *view;

  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);

  g_assert_false (rapport_window_get_has_members (fixture->window));
  g_assert_cmpuint (rapport_members_view_get_n_total (view), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_nonnull (rapport_ui_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE, is_mapped_status_page_cb,
                                 (gpointer) "Welcome to Rapport"));

  /* Bring people in; nothing to export or search yet. */
  g_assert_true (action_enabled ("import"));
  g_assert_true (action_enabled ("load-sample"));
  g_assert_false (action_enabled ("export"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "search"));

  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "empty-state");
}

static gboolean
member_listed_cb (gpointer data)
{
  Fixture *fixture = data;
  RapportMembersView *view = rapport_window_get_members_view (fixture->window);

  return rapport_window_get_has_members (fixture->window) &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

static void
test_leaves_empty_state (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_window (fixture, 1200, 800);
  g_assert_false (rapport_window_get_has_members (fixture->window));

  /* The first member, made from the window as "+" does. */
  id = rapport_window_create_member (fixture->window, "  Ada Lovelace ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (rapport_ui_test_wait_for (member_listed_cb, fixture, 5000));
  g_assert_cmpint (rapport_members_view_get_selected_id (rapport_window_get_members_view (fixture->window)), ==, id);
  g_assert_true (action_enabled ("export"));
  g_assert_false (action_enabled ("load-sample"));

  {
    g_autoptr(RapportMember) member = rapport_store_get_member (fixture->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rapport_member_get_name (member), ==, "Ada Lovelace");
  }
}

static gboolean
find_message_dialog_cb (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
        {
          *(AdwMessageDialog **) data = l->data;
          found = TRUE;
        }
    }
  g_list_free (toplevels);
  return found;
}

static gboolean
selected_is_not_cb (gpointer data)
{
  RapportMembersView *view = data;
  gint64 id = rapport_members_view_get_selected_id (view);

  return id != 0 && id != GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (view), "before"));
}

static void
test_new_member_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  RapportMembersView *view;
  AdwMessageDialog *dialog = NULL;
  GtkEditable *entry;
  gint64 id;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);

  g_object_set_data (G_OBJECT (view), "before",
                     GSIZE_TO_POINTER ((gsize) rapport_members_view_get_selected_id (view)));

  /* "+" and Ctrl+N. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-member", NULL);
  g_assert_true (rapport_ui_test_wait_for (find_message_dialog_cb, &dialog, 5000));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Member");

  /* No name, no member. */
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "Grace Hopper");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "new-member-dialog");

  adw_message_dialog_response (dialog, "create");

  /* Created, listed and selected. */
  g_assert_true (rapport_ui_test_wait_for (selected_is_not_cb, view, 5000));
  id = rapport_members_view_get_selected_id (view);
  member = rapport_store_get_member (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (member), ==, "Grace Hopper");
  g_assert_true (rapport_member_list_find (rapport_members_view_get_list (view), id, NULL));
}

typedef struct
{
  GApplication *app;
  char         *heading;
  char         *body;
  guint         tries;
} OpenError;

static gboolean
answer_open_error_cb (gpointer data)
{
  OpenError *answer = data;
  AdwMessageDialog *dialog = NULL;

  if (!find_message_dialog_cb (&dialog))
    {
      /* Never hang the test: after ten seconds, give up. */
      if (++answer->tries > 200)
        {
          g_application_quit (answer->app);
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  answer->heading = g_strdup (adw_message_dialog_get_heading (dialog));
  answer->body = g_strdup (adw_message_dialog_get_body (dialog));
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "open-error");
  /* What its Quit button does. */
  adw_message_dialog_response (dialog, "quit");
  gtk_window_close (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
test_open_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RapportApplication) other = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *argv[] = { (char *) "rapport", (char *) "--db", newer, NULL };
  OpenError answer = { NULL };
  sqlite3 *db = NULL;
  gsize before_len, after_len;

  /* A database from a later Rapport. */
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (newer, &before, &before_len, NULL));

  /* The program's own start: the message shows, and closing it quits. */
  /* Another id: the first application holds this one's D-Bus path. */
  other = rapport_application_new (APP_ID ".OpenErrorTest",
                                   G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  answer.app = G_APPLICATION (other);
  g_timeout_add (50, answer_open_error_cb, &answer);
  g_application_run (G_APPLICATION (other), G_N_ELEMENTS (argv) - 1, argv);

  /* It ran until the message was answered, then quit. */
  g_assert_cmpstr (answer.heading, ==, "Could not open the database");
  g_assert_nonnull (strstr (answer.body, "newer version of Rapport"));

  /* Refused, never touched. */
  g_assert_true (g_file_get_contents (newer, &after, &after_len, NULL));
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);

  g_free (answer.heading);
  g_free (answer.body);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  RapportMembersView *view;
  RapportMemberList *list;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);
  list = rapport_members_view_get_list (view);

  g_assert_true (rapport_window_get_has_members (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (rapport_members_view_get_folded (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (people));
  g_assert_cmpuint (rapport_members_view_get_n_total (view), ==, G_N_ELEMENTS (people));
  g_assert_cmpstr (rapport_members_view_get_count_text (view), ==, "30 members");

  /* By name, and the first one selected on a wide window. */
  g_assert_cmpint (rapport_member_list_get_id (list, 0), ==, person_id (fixture, "Aiko Suzuki"));
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, person_id (fixture, "Aiko Suzuki"));

  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-wide");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-wide-dark");
}

static void
test_default_size (Fixture       *fixture,
                   gconstpointer  data)
{
  RapportMembersView *view;

  add_people (fixture);
  open_window (fixture, 0, 0);
  view = rapport_window_get_members_view (fixture->window);

  /* The list and the page side by side at the size a first start gets. */
  g_assert_false (rapport_members_view_get_folded (view));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-default-size");
}

typedef struct
{
  RapportMembersView *view;
  const char         *text;
} CountWait;

static gboolean
count_is_cb (gpointer data)
{
  CountWait *wait = data;

  return !rapport_member_list_get_loading (rapport_members_view_get_list (wait->view)) &&
         g_strcmp0 (rapport_members_view_get_count_text (wait->view), wait->text) == 0;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  RapportMembersView *view;
  RapportMemberList *list;
  CountWait wait;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);
  list = rapport_members_view_get_list (view);

  /* Ctrl+F's action opens the search. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "search"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "search", NULL);
  g_assert_true (rapport_members_view_get_search_mode (view));

  /* Search as you type: an organization… */
  gtk_editable_set_text (rapport_members_view_get_search_entry (view), "Nordvik");
  wait = (CountWait) { view, "2 of 30 members" };
  g_assert_true (rapport_ui_test_wait_for (count_is_cb, &wait, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* …a name prefix… */
  gtk_editable_set_text (rapport_members_view_get_search_entry (view), "zoë");
  wait = (CountWait) { view, "1 of 30 members" };
  g_assert_true (rapport_ui_test_wait_for (count_is_cb, &wait, 5000));
  g_assert_cmpint (rapport_member_list_get_id (list, 0), ==, person_id (fixture, "Zoë van der Berg"));
  /* The selection follows the best match on a wide window. */
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, person_id (fixture, "Zoë van der Berg"));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-search");

  /* …nothing… */
  gtk_editable_set_text (rapport_members_view_get_search_entry (view), "xylophone");
  wait = (CountWait) { view, "0 of 30 members" };
  g_assert_true (rapport_ui_test_wait_for (count_is_cb, &wait, 5000));
  g_assert_true (rapport_ui_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE, is_mapped_status_page_cb,
                              (gpointer) "No Results Found") != NULL);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-no-results");

  /* …and closing the search shows everyone again. */
  rapport_members_view_set_search_mode (view, FALSE);
  wait = (CountWait) { view, "30 members" };
  g_assert_true (rapport_ui_test_wait_for (count_is_cb, &wait, 5000));
  g_assert_cmpstr (gtk_editable_get_text (rapport_members_view_get_search_entry (view)), ==, "");
}

typedef struct
{
  RapportMemberList *list;
  gint64             id;
  gboolean           present;
} ListedWait;

static gboolean
listed_is_cb (gpointer data)
{
  ListedWait *wait = data;

  return !rapport_member_list_get_loading (wait->list) &&
         rapport_member_list_find (wait->list, wait->id, NULL) == wait->present;
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RapportMember) gone = NULL;
  g_autoptr(RapportMember) back = NULL;
  g_autoptr(GError) error = NULL;
  RapportMembersView *view;
  RapportMemberList *list;
  AdwToast *toast;
  GVariant *target;
  ListedWait wait;
  gint64 olivia = 0;
  gint64 journal_id;
  guint position;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);
  list = rapport_members_view_get_list (view);

  olivia = person_id (fixture, "Olivia Bennett");
  rapport_members_view_select_member (view, olivia, FALSE);
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, olivia);
  g_assert_true (rapport_member_list_find (list, olivia, &position));

  /* What the member page's Delete button and the Delete key do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "win.delete-member", "x", olivia));

  gone = rapport_store_get_member (fixture->store, olivia, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  wait = (ListedWait) { list, olivia, FALSE };
  g_assert_true (rapport_ui_test_wait_for (listed_is_cb, &wait, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (people) - 1);
  /* The row that took her place is selected. */
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, rapport_member_list_get_id (list, position));

  /* The toast names her (the "&" escaped for markup) and offers Undo. */
  toast = rapport_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Olivia Bennett” deleted");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  target = adw_toast_get_action_target_value (toast);
  g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_INT64));
  journal_id = g_variant_get_int64 (target);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-deleted-toast");

  /* The Undo button activates its action with its target. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", g_variant_new_int64 (journal_id));

  back = rapport_store_get_member (fixture->store, olivia, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_member_get_name (back), ==, "Olivia Bennett");
  g_assert_cmpstr (rapport_member_get_organization (back), ==, "Thistle & Co");
  g_assert_cmpint (rapport_member_get_activity_count (back), ==, 38);

  wait = (ListedWait) { list, olivia, TRUE };
  g_assert_true (rapport_ui_test_wait_for (listed_is_cb, &wait, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (people));
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, olivia);
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (text, trigger) != NULL)
            return shortcut;
        }
    }

  return NULL;
}

static void
test_delete_key (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RapportMember) gone = NULL;
  g_autoptr(GError) error = NULL;
  RapportMembersView *view;
  GtkWidget *column_view;
  GtkShortcut *shortcut;
  ListedWait wait;
  gint64 chen;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);

  chen = person_id (fixture, "Chen Wei");
  rapport_members_view_select_member (view, chen, FALSE);

  /* Delete on the list: what its key shortcut runs. */
  column_view = rapport_ui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (column_view);
  shortcut = find_shortcut (column_view, "Delete");
  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, column_view, NULL));

  gone = rapport_store_get_member (fixture->store, chen, &error);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  wait = (ListedWait) { rapport_members_view_get_list (view), chen, FALSE };
  g_assert_true (rapport_ui_test_wait_for (listed_is_cb, &wait, 5000));
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (fixture->window)), ==, "“Chen Wei” deleted");
}

typedef struct
{
  RapportMemberList *list;
  gint64             first;
} FirstWait;

static gboolean
first_is_cb (gpointer data)
{
  FirstWait *wait = data;

  return !rapport_member_list_get_loading (wait->list) &&
         rapport_member_list_get_id (wait->list, 0) == wait->first;
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *sort_name = NULL;
  RapportMembersView *view;
  RapportMemberList *list;
  gint64 selected;
  FirstWait wait;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  view = rapport_window_get_members_view (fixture->window);
  list = rapport_members_view_get_list (view);
  selected = rapport_members_view_get_selected_id (view);

  /* Most active first: Zoë, 47 activities. */
  rapport_members_view_sort_by (view, RAPPORT_MEMBER_SORT_ACTIVITIES, TRUE);
  wait = (FirstWait) { list, person_id (fixture, "Zoë van der Berg") };
  g_assert_true (rapport_ui_test_wait_for (first_is_cb, &wait, 5000));
  g_assert_cmpint (rapport_member_list_get_sort (list), ==, RAPPORT_MEMBER_SORT_ACTIVITIES);
  g_assert_true (rapport_member_list_get_descending (list));
  sort_name = g_settings_get_string (settings, "members-sort");
  g_assert_cmpstr (sort_name, ==, "activities");
  g_assert_true (g_settings_get_boolean (settings, "members-sort-descending"));
  /* The order changed, the selection did not. */
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, selected);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-sorted");

  /* By organization: "Accra Devs" comes first. */
  rapport_members_view_sort_by (view, RAPPORT_MEMBER_SORT_ORGANIZATION, FALSE);
  wait = (FirstWait) { list, person_id (fixture, "Samuel Osei") };
  g_assert_true (rapport_ui_test_wait_for (first_is_cb, &wait, 5000));
  g_free (sort_name);
  sort_name = g_settings_get_string (settings, "members-sort");
  g_assert_cmpstr (sort_name, ==, "organization");
  g_assert_false (g_settings_get_boolean (settings, "members-sort-descending"));

  /* Least recently active first: Uma has never been active. */
  rapport_members_view_sort_by (view, RAPPORT_MEMBER_SORT_LAST_ACTIVE, FALSE);
  wait = (FirstWait) { list, person_id (fixture, "Uma Krishnan") };
  g_assert_true (rapport_ui_test_wait_for (first_is_cb, &wait, 5000));
}

static void
test_sort_restored (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *sort_name = NULL;
  RapportMemberList *list;

  add_people (fixture);

  /* Sorted in one window… */
  open_window (fixture, 1200, 800);
  rapport_members_view_sort_by (rapport_window_get_members_view (fixture->window),
                                RAPPORT_MEMBER_SORT_ACTIVITIES, TRUE);
  gtk_window_close (GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (100);
  sort_name = g_settings_get_string (settings, "members-sort");
  g_assert_cmpstr (sort_name, ==, "activities");
  g_assert_true (g_settings_get_boolean (settings, "members-sort-descending"));

  /* …and so in the next. */
  open_window (fixture, 1200, 800);
  list = rapport_members_view_get_list (rapport_window_get_members_view (fixture->window));

  g_assert_cmpint (rapport_member_list_get_sort (list), ==, RAPPORT_MEMBER_SORT_ACTIVITIES);
  g_assert_true (rapport_member_list_get_descending (list));
  g_assert_cmpint (rapport_member_list_get_id (list, 0), ==, person_id (fixture, "Zoë van der Berg"));
}

static gboolean
not_busy_cb (gpointer data)
{
  return !rapport_window_get_busy (data);
}

static GFile *
write_csv (Fixture    *fixture,
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

static gboolean
is_message_dialog_cb (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
        {
          *(AdwMessageDialog **) data = l->data;
          found = TRUE;
        }
    }
  g_list_free (toplevels);
  return found;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) good = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;
  AdwMessageDialog *dialog = NULL;
  ListedWait wait;
  AdwToast *toast;
  gint64 id;

  open_window (fixture, 1200, 800);

  good = write_csv (fixture, "community.csv",
                    "Name,Email,Organization,Title\n"
                    "Ngozi Eze,ngozi@lagoscode.ng,Lagos Code Collective,Mentor\n"
                    "Mateo Fernández,mateo@senderolabs.mx,Sendero Labs,Developer\n"
                    "Hannah Schmidt,hannah@isar-mobility.de,Isar Mobility,Product Designer\n");

  /* What the file chooser's response does. */
  rapport_window_import_file (fixture->window, good);
  g_assert_true (rapport_window_get_busy (fixture->window));
  g_assert_false (action_enabled ("import"));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, fixture->window, 10000));
  g_assert_true (action_enabled ("import"));

  g_assert_true (rapport_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpint (counts.members, ==, 3);
  id = rapport_store_find_member_by_email (fixture->store, "mateo@senderolabs.mx");
  g_assert_cmpint (id, >, 0);

  toast = rapport_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Imported 3 members");

  /* The empty state gives way to the list. */
  wait = (ListedWait) { rapport_members_view_get_list (rapport_window_get_members_view (fixture->window)), id, TRUE };
  g_assert_true (rapport_ui_test_wait_for (listed_is_cb, &wait, 5000));
  g_assert_true (rapport_ui_test_wait_for (member_listed_cb, fixture, 5000));

  /* A broken file: a dialog says where, and nothing is written. */
  bad = write_csv (fixture, "broken.csv",
                   "Name,Email\n"
                   "Rui Costa,rui@ipe.com.br\n"
                   "\"Unclosed quote,nobody@example.com\n");
  rapport_window_import_file (fixture->window, bad);
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, fixture->window, 10000));
  g_assert_true (rapport_ui_test_wait_for (is_message_dialog_cb, &dialog, 5000));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not import “broken.csv”");
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), "Nothing was imported."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "ine"));
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "import-error");

  g_assert_true (rapport_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpint (counts.members, ==, 3);
  g_assert_cmpint (rapport_store_find_member_by_email (fixture->store, "rui@ipe.com.br"), ==, 0);
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Name,Email\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;
  AdwToast *toast;

  open_window (fixture, 1200, 800);

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Member %u,member%u@example.org\n", i, i);
  file = write_csv (fixture, "large.csv", csv->str);

  /* Cancel as the banner's button does, right away. */
  rapport_window_import_file (fixture->window, file);
  rapport_window_cancel (fixture->window);
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, fixture->window, 20000));

  g_assert_true (rapport_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpint (counts.members, ==, 0);
  toast = rapport_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Import cancelled. Nothing was imported.");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  add_people (fixture);
  open_window (fixture, 1200, 800);
  g_assert_true (action_enabled ("export"));

  dir = g_path_get_dirname (fixture->path);
  path = g_build_filename (dir, "members.csv", NULL);
  file = g_file_new_for_path (path);

  rapport_window_export_file (fixture->window, file);
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, fixture->window, 10000));

  toast = rapport_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported 30 members");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Zoë van der Berg"));
  g_assert_nonnull (strstr (contents, "Thistle & Co"));
}

static void
test_load_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts counts;
  AdwToast *toast;

  open_window (fixture, 1200, 800);
  g_assert_true (action_enabled ("load-sample"));

  /* The empty state's "Load Sample Community" button. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "load-sample", NULL);
  g_assert_true (rapport_window_get_busy (fixture->window));
  g_assert_false (action_enabled ("load-sample"));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "load-sample-progress");
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, fixture->window, 60000));

  g_assert_true (rapport_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpint (counts.members, ==, 2000);
  toast = rapport_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Added a sample community of 2,000 members");

  g_assert_true (rapport_ui_test_wait_for (member_listed_cb, fixture, 5000));
  g_assert_cmpuint (rapport_members_view_get_n_total (rapport_window_get_members_view (fixture->window)), ==, 2000);
  /* Offered to empty databases only. */
  g_assert_false (action_enabled ("load-sample"));
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "sample-community");
}

static gboolean
folded_cb (gpointer data)
{
  return rapport_members_view_get_folded (data);
}

static void
test_narrow_navigation (Fixture       *fixture,
                        gconstpointer  data)
{
  RapportMembersView *view;
  RapportMemberList *list;
  GtkWidget *column_view;
  gint64 amara;
  guint position;

  add_people (fixture);
  open_window (fixture, 360, 720);
  view = rapport_window_get_members_view (fixture->window);
  list = rapport_members_view_get_list (view);

  g_assert_true (rapport_ui_test_wait_for (folded_cb, view, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  g_assert_false (rapport_members_view_get_showing_member (view));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-narrow");

  /* Activating a row (a tap, Enter) opens the member; Back returns. */
  amara = person_id (fixture, "Amara Okafor");
  g_assert_true (rapport_member_list_find (list, amara, &position));
  column_view = rapport_ui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (column_view);
  g_signal_emit_by_name (column_view, "activate", position);

  g_assert_true (rapport_members_view_get_showing_member (view));
  g_assert_cmpint (rapport_members_view_get_selected_id (view), ==, amara);
  rapport_ui_test_spin (600);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "member-narrow");

  rapport_members_view_show_list (view);
  g_assert_false (rapport_members_view_get_showing_member (view));
  rapport_ui_test_spin (600);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "members-narrow-dark");
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWidget *preferences;

  open_window (fixture, 1200, 800);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = NULL;
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (RAPPORT_IS_PREFERENCES_WINDOW (l->data))
        preferences = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (preferences);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (preferences, "preferences");

  /* The style applies at once. */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (preferences, "preferences-dark");
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_shortcuts_and_about (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *accels[][2] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.import", "<Control>i" },
    { "app.export", "<Control>e" },
    { "win.new-member", "<Control>n" },
    { "win.search", "<Control>f" },
    { "win.show-help-overlay", "<Control>question" },
  };
  GtkWindow *shortcuts;
  AdwAboutWindow *about;

  open_window (fixture, 1200, 800);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accels[i][0]);

      g_assert_nonnull (set);
      g_assert_true (g_strv_contains ((const char * const *) set, accels[i][1]));
    }

  /* The window builds its Keyboard Shortcuts window the first time. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  rapport_ui_test_spin (300);
  shortcuts = rapport_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  rapport_ui_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts");
  gtk_window_close (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  rapport_ui_test_spin (300);
  about = ADW_ABOUT_WINDOW (rapport_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Rapport authors");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/rapport-crm/Rapport");
  rapport_ui_test_screenshot (GTK_WIDGET (about), "about");
}

static void
test_window_size_saved (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(RapportContext) context = NULL;
  int width, height;

  open_window (fixture, 900, 640);
  gtk_window_close (GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  context = rapport_context_new (fixture->store);
  fixture->window = rapport_window_new_for_context (app, context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (rapport_ui_test_wait_for (window_ready_cb, fixture, 10000));
  rapport_ui_test_spin (100);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
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

  ADD ("/rapport/ui/window/empty-state", test_empty_state);
  ADD ("/rapport/ui/window/leaves-empty-state", test_leaves_empty_state);
  ADD ("/rapport/ui/window/new-member-dialog", test_new_member_dialog);
  ADD ("/rapport/ui/window/open-error", test_open_error);
  ADD ("/rapport/ui/window/list", test_list);
  ADD ("/rapport/ui/window/default-size", test_default_size);
  ADD ("/rapport/ui/window/search", test_search);
  ADD ("/rapport/ui/window/delete-undo", test_delete_undo);
  ADD ("/rapport/ui/window/delete-key", test_delete_key);
  ADD ("/rapport/ui/window/sort", test_sort);
  ADD ("/rapport/ui/window/sort-restored", test_sort_restored);
  ADD ("/rapport/ui/window/import", test_import);
  ADD ("/rapport/ui/window/import-cancel", test_import_cancel);
  ADD ("/rapport/ui/window/export", test_export);
  ADD ("/rapport/ui/window/load-sample", test_load_sample);
  ADD ("/rapport/ui/window/narrow", test_narrow_navigation);
  ADD ("/rapport/ui/window/preferences", test_preferences);
  ADD ("/rapport/ui/window/shortcuts-and-about", test_shortcuts_and_about);
  ADD ("/rapport/ui/window/size-saved", test_window_size_saved);

#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
