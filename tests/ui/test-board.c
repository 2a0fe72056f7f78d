/* test-board.c
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

#include "rapport-advocates-view.h"
#include "rapport-application.h"
#include "rapport-board-card.h"
#include "rapport-board-column.h"
#include "rapport-demo.h"
#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-members-view.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

/* The advocates board in the real window: counts per column, moves by
 * drop and by keyboard with their history and Undo, suggestions, live
 * stages, filters, and screenshots. */

static RapportApplication *app;

typedef struct
{
  char          *path;
  RapportStore  *store;
  RapportWindow *window;
  GArray        *ids;
} Fixture;

/* Default stages: 1 Newcomer, 2 Participant, 3 Contributor, 4 Advocate,
 * 5 Champion. */
static const struct
{
  const char *name;
  const char *organization;
  gint64      stage_id;
  guint       activities;
} people[] = {
  { "Amara Okafor", "Lagos Code Collective", 5, 30 },
  { "Björn Lindqvist", "Nordvik Systems", 4, 22 },
  { "Chen Wei", "Harbour Data", 4, 12 },
  { "Daniela Ruiz", "Sendero Labs", 3, 9 },
  { "Élodie Martin", "Atelier Numérique", 3, 6 },
  { "Farid Haddad", "Cedar Cloud", 3, 5 },
  { "Grace Mwangi", "Savannah Analytics", 2, 3 },
  { "Hiroshi Tanaka", "Kumo Works", 2, 2 },
  { "Ingrid Johansson", "Nordvik Systems", 2, 1 },
  { "Jamal Carter", "Brightline Health", 2, 1 },
  { "Katarzyna Nowak", "Wisła Software", 1, 0 },
  { "Liam O’Connor", "Emerald Robotics", 1, 0 },
  { "Maya Patel", "Brightline Health", 1, 0 },
  { "Nikolai Petrov", NULL, 1, 0 },
};

static const char *kinds[] = { "comment", "post", "pull-request", "reaction", "event" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->path = rapport_ui_test_make_db ();
  fixture->store = rapport_store_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  rapport_ui_test_destroy_windows ();

  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->ids, g_array_unref);
  rapport_ui_test_remove_tree (dir);
  g_free (fixture->path);
}

/* Members start in the first stage and move with the pipeline, as a
 * person would move them, so their history is real. */
static void
add_people (Fixture *fixture)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(RapportScoring) scoring = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  pipeline = rapport_pipeline_new (fixture->store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RapportMember) member = rapport_member_new ();
      gint64 id;

      rapport_member_set_name (member, people[i].name);
      rapport_member_set_organization (member, people[i].organization);
      g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
      g_assert_no_error (error);
      id = rapport_member_get_id (member);
      g_array_append_val (fixture->ids, id);

      for (guint k = 0; k < people[i].activities; k++)
        {
          rapport_store_add_activity (fixture->store, id, "github", kinds[k % G_N_ELEMENTS (kinds)],
                                      now - (gint64) (k + 1) * 3 * 86400, "Activity", NULL, NULL, &error);
          g_assert_no_error (error);
        }

      if (people[i].stage_id != 1)
        {
          g_assert_true (rapport_pipeline_move_member (pipeline, id, people[i].stage_id,
                                                       RAPPORT_MOVE_IMPORT, NULL, &error));
          g_assert_no_error (error);
        }
    }

  scoring = rapport_scoring_new (fixture->store);
  g_assert_true (rapport_scoring_rescore_all (scoring, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gint64
person_id (Fixture    *fixture,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      if (g_str_equal (people[i].name, name))
        return g_array_index (fixture->ids, gint64, i);
    }

  g_assert_not_reached ();
}

static gint64
stage_of (Fixture *fixture,
          gint64   member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMember) member = rapport_store_get_member (fixture->store, member_id, &error);

  g_assert_no_error (error);
  return rapport_member_get_stage_id (member);
}

static RapportAdvocatesView *
board (Fixture *fixture)
{
  return rapport_window_get_advocates_view (fixture->window);
}

static gboolean
board_loaded_cb (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (board (fixture))) &&
         rapport_advocates_view_get_loaded (board (fixture));
}

static void
open_board (Fixture *fixture,
            int      width,
            int      height)
{
  fixture->window = rapport_window_new (app, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* Ctrl+2 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "advocates"));
  g_assert_true (rapport_ui_test_wait_for (board_loaded_cb, fixture, 10000));
  rapport_ui_test_spin (100);
}

static guint
column_count (Fixture *fixture,
              gint64   stage_id)
{
  RapportBoardColumn *column = rapport_advocates_view_get_column (board (fixture), stage_id);

  g_assert_nonnull (column);
  return rapport_board_column_get_count (column);
}

static gboolean
is_card_of_cb (GtkWidget     *widget,
               gconstpointer  data)
{
  RapportMember *member = rapport_board_card_get_member (RAPPORT_BOARD_CARD (widget));

  return member != NULL && rapport_member_get_id (member) == *(const gint64 *) data;
}

static RapportBoardCard *
find_card (Fixture *fixture,
           gint64   member_id)
{
  return RAPPORT_BOARD_CARD (rapport_ui_test_find_widget (GTK_WIDGET (board (fixture)), RAPPORT_TYPE_BOARD_CARD,
                                                          is_card_of_cb, &member_id));
}

static GListModel *
history (Fixture *fixture,
         gint64   member_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *changes;

  changes = rapport_pipeline_list_history (rapport_advocates_view_get_pipeline (board (fixture)),
                                           member_id, &error);
  g_assert_no_error (error);
  return changes;
}

static char *
latest_reason (Fixture *fixture,
               gint64   member_id)
{
  g_autoptr(GListModel) changes = history (fixture, member_id);
  g_autoptr(RapportStageChange) latest = g_list_model_get_item (changes, 0);

  g_assert_nonnull (latest);
  return g_strdup (rapport_stage_change_get_reason (latest));
}

typedef struct
{
  Fixture *fixture;
  gint64   stage_id;
  guint    count;
} CountWait;

static gboolean
count_is_cb (gpointer data)
{
  CountWait *wait = data;

  return board_loaded_cb (wait->fixture) &&
         column_count (wait->fixture, wait->stage_id) == wait->count;
}

static void
assert_count_becomes (Fixture *fixture,
                      gint64   stage_id,
                      guint    count)
{
  CountWait wait = { fixture, stage_id, count };

  if (!rapport_ui_test_wait_for (count_is_cb, &wait, 5000))
    g_error ("Column of stage %" G_GINT64_FORMAT " shows %u members, expected %u",
             stage_id, column_count (fixture, stage_id), count);
}

/* Tests */

typedef struct
{
  Fixture *fixture;
  gint64   member_id;
} TrendWait;

static gboolean
card_has_trend_cb (gpointer data)
{
  TrendWait *wait = data;
  RapportBoardCard *card = find_card (wait->fixture, wait->member_id);

  return card != NULL && rapport_board_card_get_trend (card) != NULL;
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  TrendWait wait;
  gint64 amara;
  static const guint expected[] = { 4, 4, 3, 2, 1 };
  static const char *names[] = { "Newcomer", "Participant", "Contributor", "Advocate", "Champion" };
  RapportBoardColumn *column;
  RapportMemberList *list;

  add_people (fixture);
  open_board (fixture, 1400, 900);

  g_assert_cmpuint (rapport_advocates_view_get_n_columns (board (fixture)), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      column = rapport_advocates_view_get_column (board (fixture), i + 1);
      g_assert_nonnull (column);
      g_assert_cmpstr (rapport_stage_get_name (rapport_board_column_get_stage (column)), ==, names[i]);
      g_assert_cmpuint (rapport_board_column_get_count (column), ==, expected[i]);
    }

  /* Highest score first: Björn (22 activities) before Chen (12). */
  list = rapport_board_column_get_list (rapport_advocates_view_get_column (board (fixture), 4));
  g_assert_cmpint (rapport_member_list_get_id (list, 0), ==, person_id (fixture, "Björn Lindqvist"));
  g_assert_cmpint (rapport_member_list_get_id (list, 1), ==, person_id (fixture, "Chen Wei"));

  /* Cards are built for what shows, with a trend from the scoring that
   * arrives after the first frame. */
  g_assert_nonnull (find_card (fixture, person_id (fixture, "Amara Okafor")));
  amara = person_id (fixture, "Amara Okafor");
  wait.fixture = fixture;
  wait.member_id = amara;
  g_assert_true (rapport_ui_test_wait_for (card_has_trend_cb, &wait, 5000));
  g_assert_true (rapport_advocates_view_get_scoring (board (fixture)) ==
                 rapport_window_get_scoring (fixture->window));

  /* Ctrl+1 goes back to the members. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "members"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (board (fixture))));
}

static void
test_live_stages (Fixture       *fixture,
                  gconstpointer  data)
{
  RapportPipeline *pipeline;
  g_autoptr(GError) error = NULL;
  RapportBoardColumn *column;
  gint64 id;

  add_people (fixture);
  open_board (fixture, 1400, 900);
  pipeline = rapport_advocates_view_get_pipeline (board (fixture));

  g_assert_true (rapport_pipeline_rename_stage (pipeline, 4, "Ambassador", &error));
  g_assert_no_error (error);
  column = rapport_advocates_view_get_column (board (fixture), 4);
  g_assert_cmpstr (rapport_stage_get_name (rapport_board_column_get_stage (column)), ==, "Ambassador");

  id = rapport_pipeline_add_stage (pipeline, "Alumni", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_advocates_view_get_n_columns (board (fixture)), ==, 6);
  g_assert_nonnull (rapport_advocates_view_get_column (board (fixture), id));
  g_assert_true (rapport_ui_test_wait_for (board_loaded_cb, fixture, 5000));
  g_assert_cmpuint (column_count (fixture, id), ==, 0);

  /* Its members go to the stage picked for them. */
  g_assert_true (rapport_pipeline_remove_stage (pipeline, 5, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_advocates_view_get_n_columns (board (fixture)), ==, 5);
  g_assert_null (rapport_advocates_view_get_column (board (fixture), 5));
  assert_count_becomes (fixture, id, 1);
}

static void
test_drop_undo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  RapportBoardColumn *advocates;
  AdwToast *toast;
  gint64 daniela;

  add_people (fixture);
  open_board (fixture, 1400, 900);
  daniela = person_id (fixture, "Daniela Ruiz");
  g_assert_cmpint (stage_of (fixture, daniela), ==, 3);

  /* What the column's GtkDropTarget does with the member it receives. */
  member = rapport_store_get_member (fixture->store, daniela, &error);
  g_assert_no_error (error);
  advocates = rapport_advocates_view_get_column (board (fixture), 4);
  g_assert_true (rapport_board_column_drop_member (advocates, member));

  g_assert_cmpint (stage_of (fixture, daniela), ==, 4);
  changes = history (fixture, daniela);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  {
    g_autoptr(RapportStageChange) latest = g_list_model_get_item (changes, 0);

    g_assert_cmpint (rapport_stage_change_get_from_stage_id (latest), ==, 3);
    g_assert_cmpint (rapport_stage_change_get_to_stage_id (latest), ==, 4);
    g_assert_cmpstr (rapport_stage_change_get_reason (latest), ==, "manual");
  }
  assert_count_becomes (fixture, 4, 3);
  assert_count_becomes (fixture, 3, 2);

  toast = rapport_advocates_view_get_last_toast (board (fixture));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Moved “Daniela Ruiz” to Advocate");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "board.undo-move");
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-moved-toast");

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (board (fixture)),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  g_assert_cmpint (stage_of (fixture, daniela), ==, 3);
  reason = latest_reason (fixture, daniela);
  g_assert_cmpstr (reason, ==, "undo");
  assert_count_becomes (fixture, 4, 2);
  assert_count_becomes (fixture, 3, 3);

  /* Dropping on the column a member is in changes nothing. */
  g_clear_object (&member);
  member = rapport_store_get_member (fixture->store, daniela, &error);
  g_assert_true (rapport_board_column_drop_member (rapport_advocates_view_get_column (board (fixture), 3),
                                                   member));
  g_clear_object (&changes);
  changes = history (fixture, daniela);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 3);
}

static void
test_drop_highlight (Fixture       *fixture,
                     gconstpointer  data)
{
  RapportBoardColumn *column;

  add_people (fixture);
  open_board (fixture, 1400, 900);
  column = rapport_advocates_view_get_column (board (fixture), 2);

  rapport_board_column_set_highlight (column, TRUE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (column), "drop-target"));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-drop-highlight");
  rapport_board_column_set_highlight (column, FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (column), "drop-target"));
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *reason = NULL;
  RapportBoardCard *card;
  gint64 grace;
  int n;

  add_people (fixture);
  open_board (fixture, 1400, 900);
  grace = person_id (fixture, "Grace Mwangi");

  card = find_card (fixture, grace);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));
  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));

  /* Menu or Shift+F10 → the card's "Move to stage" menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.move-to-stage", NULL));
  rapport_ui_test_spin (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rapport_board_card_get_popover (card))));
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-move-menu");

  /* Every stage but the card's own, in pipeline order. */
  menu = rapport_board_card_dup_menu (card);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  n = g_menu_model_get_n_items (section);
  g_assert_cmpint (n, ==, 4);
  {
    g_autoptr(GVariant) label = g_menu_model_get_item_attribute_value (section, 2, G_MENU_ATTRIBUTE_LABEL,
                                                                       G_VARIANT_TYPE_STRING);

    g_assert_cmpstr (g_variant_get_string (label, NULL), ==, "Advocate");
  }
  g_assert_true (g_menu_model_get_item_attribute (section, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (section, 2, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_cmpstr (action, ==, "board.move-member");

  /* Choosing the item. */
  gtk_popover_popdown (rapport_board_card_get_popover (card));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (card), action, target));
  g_assert_cmpint (stage_of (fixture, grace), ==, 4);
  reason = latest_reason (fixture, grace);
  g_assert_cmpstr (reason, ==, "manual");
  g_assert_cmpstr (adw_toast_get_title (rapport_advocates_view_get_last_toast (board (fixture))), ==,
                   "Moved “Grace Mwangi” to Advocate");
  assert_count_becomes (fixture, 2, 3);
  assert_count_becomes (fixture, 4, 3);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  RapportMemberList *list;

  add_people (fixture);
  open_board (fixture, 1400, 900);

  rapport_advocates_view_set_filters (board (fixture), NULL, NULL, "Nordvik Systems", 0);
  assert_count_becomes (fixture, 4, 1);
  assert_count_becomes (fixture, 2, 1);
  assert_count_becomes (fixture, 5, 0);

  rapport_advocates_view_set_filters (board (fixture), "amara", NULL, NULL, 0);
  assert_count_becomes (fixture, 5, 1);
  assert_count_becomes (fixture, 4, 0);

  rapport_advocates_view_set_filters (board (fixture), NULL, NULL, NULL, 4);
  assert_count_becomes (fixture, 1, 4);
  assert_count_becomes (fixture, 5, 0);

  rapport_advocates_view_set_filters (board (fixture), NULL, NULL, NULL, 0);
  assert_count_becomes (fixture, 4, 2);

  /* The sort menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board (fixture)), "board.sort-by", "s", "last-active"));
  g_assert_cmpstr (rapport_advocates_view_get_sort_by (board (fixture)), ==, "last-active");
  list = rapport_board_column_get_list (rapport_advocates_view_get_column (board (fixture), 3));
  g_assert_cmpint (rapport_member_list_get_sort (list), ==, RAPPORT_MEMBER_SORT_LAST_ACTIVE);
  g_assert_true (rapport_member_list_get_descending (list));
}

static void
add_sample (Fixture *fixture)
{
  g_autoptr(RapportScoring) scoring = NULL;
  g_autoptr(GError) error = NULL;
  RapportDemoOptions options = { .members = 300, .activities = 3000, .seed = 1 };

  g_assert_true (rapport_demo_generate (fixture->store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  scoring = rapport_scoring_new (fixture->store);
  g_assert_true (rapport_scoring_rescore_all (scoring, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
suggestions_loaded_cb (gpointer data)
{
  return rapport_advocates_view_get_suggestions_loaded (data);
}

static RapportSuggestion *
first_of_kind (GListModel            *suggestions,
               RapportSuggestionKind  kind)
{
  guint n = g_list_model_get_n_items (suggestions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportSuggestion) suggestion = g_list_model_get_item (suggestions, i);

      if (rapport_suggestion_get_kind (suggestion) == kind)
        return g_steal_pointer (&suggestion);
    }

  return NULL;
}

static gboolean
has_member (GListModel *suggestions,
            gint64      member_id,
            int         kind)
{
  guint n = g_list_model_get_n_items (suggestions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportSuggestion) suggestion = g_list_model_get_item (suggestions, i);

      if (rapport_suggestion_get_member_id (suggestion) == member_id &&
          (int) rapport_suggestion_get_kind (suggestion) == kind)
        return TRUE;
    }

  return FALSE;
}

static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RapportSuggestion) promotion = NULL;
  g_autoptr(RapportSuggestion) other = NULL;
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *expected = NULL;
  RapportAdvocatesView *view;
  GListModel *suggestions;
  guint n;
  gint64 member_id;
  gint64 target;

  add_sample (fixture);
  open_board (fixture, 1400, 900);
  view = board (fixture);
  suggestions = rapport_advocates_view_get_suggestions (view);

  g_assert_true (rapport_ui_test_wait_for (suggestions_loaded_cb, view, 10000));
  n = g_list_model_get_n_items (suggestions);
  g_assert_cmpuint (n, >, 1);

  rapport_advocates_view_set_show_suggestions (view, TRUE);
  rapport_ui_test_spin (400);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-suggestions");

  /* Accept, as the row's button does. */
  promotion = first_of_kind (suggestions, RAPPORT_SUGGESTION_PROMOTION);
  g_assert_nonnull (promotion);
  member_id = rapport_suggestion_get_member_id (promotion);
  target = rapport_suggestion_get_target_stage_id (promotion);
  g_assert_cmpint (stage_of (fixture, member_id), !=, target);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "board.accept-suggestion", "(xi)",
                                             member_id, (int) RAPPORT_SUGGESTION_PROMOTION));
  g_assert_cmpint (stage_of (fixture, member_id), ==, target);
  reason = latest_reason (fixture, member_id);
  g_assert_cmpstr (reason, ==, "suggestion");
  g_assert_false (has_member (suggestions, member_id, RAPPORT_SUGGESTION_PROMOTION));
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, n - 1);
  expected = g_strdup_printf ("Moved “%s” to %s", rapport_suggestion_get_member_name (promotion),
                              rapport_suggestion_get_target_stage (promotion));
  g_assert_cmpstr (adw_toast_get_title (rapport_advocates_view_get_last_toast (view)), ==, expected);

  /* Dismiss: off the panel, and it stays off. */
  other = g_list_model_get_item (suggestions, 0);
  member_id = rapport_suggestion_get_member_id (other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "board.dismiss-suggestion", "(xi)",
                                             member_id, (int) rapport_suggestion_get_kind (other)));
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, n - 2);
  g_assert_false (has_member (suggestions, member_id, rapport_suggestion_get_kind (other)));

  fresh = rapport_pipeline_list_suggestions (rapport_advocates_view_get_pipeline (view), &error);
  g_assert_no_error (error);
  g_assert_false (has_member (fresh, member_id, rapport_suggestion_get_kind (other)));
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  add_sample (fixture);
  open_board (fixture, 1400, 900);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-wide");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-wide-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  RapportBoardColumn *column;

  add_sample (fixture);
  open_board (fixture, 360, 800);
  rapport_ui_test_spin (300);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  /* Columns keep their width; the row scrolls. */
  column = rapport_advocates_view_get_column (board (fixture), 1);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (column)), >=, 280);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-narrow");

  rapport_advocates_view_set_show_suggestions (board (fixture), TRUE);
  g_assert_true (rapport_ui_test_wait_for (suggestions_loaded_cb, board (fixture), 10000));
  rapport_ui_test_spin (400);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-narrow-suggestions");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_advocates_view_set_show_suggestions (board (fixture), FALSE);
  rapport_ui_test_spin (400);
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
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

  ADD ("/rapport/ui/board/counts", test_counts);
  ADD ("/rapport/ui/board/live-stages", test_live_stages);
  ADD ("/rapport/ui/board/drop-undo", test_drop_undo);
  ADD ("/rapport/ui/board/drop-highlight", test_drop_highlight);
  ADD ("/rapport/ui/board/keyboard-move", test_keyboard_move);
  ADD ("/rapport/ui/board/filters", test_filters);
  ADD ("/rapport/ui/board/suggestions", test_suggestions);
  ADD ("/rapport/ui/board/screenshots", test_screenshots);
  ADD ("/rapport/ui/board/narrow", test_narrow);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
