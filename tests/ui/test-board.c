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
#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-stage-dialogs.h"
#include "rapport-demo.h"
#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-member-page.h"
#include "rapport-members-view.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"
#include "rapport-window.h"

/* The advocates board in the real window: counts per column, moves by
 * drop and by keyboard with their history and Undo, suggestions, live
 * stages, the stage menu (rename, move, delete), opening a card, filters,
 * and screenshots. */

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
  gint64 now = rapport_now_unix ();

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
  g_autoptr(RapportContext) context = rapport_context_new (fixture->store);

  fixture->window = rapport_window_new_for_context (app, context);
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
  /* The undone move is gone from her history. */
  g_clear_object (&changes);
  changes = history (fixture, daniela);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  reason = latest_reason (fixture, daniela);
  g_assert_cmpstr (reason, !=, "undo");
  assert_count_becomes (fixture, 4, 2);
  assert_count_becomes (fixture, 3, 3);

  /* Dropping on the column a member is in changes nothing. */
  g_clear_object (&member);
  member = rapport_store_get_member (fixture->store, daniela, &error);
  g_assert_true (rapport_board_column_drop_member (rapport_advocates_view_get_column (board (fixture), 3),
                                                   member));
  g_clear_object (&changes);
  changes = history (fixture, daniela);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
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

/* Stage menu */

/* The header's menu items are GtkModelButtons: a private type, reached by
 * its name and its "text" property, so the test presses what a person
 * would. */
static gboolean
is_menu_item_cb (GtkWidget     *widget,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) parts = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;

  g_object_get (widget, "text", &text, NULL);
  parts = g_strsplit (text != NULL ? text : "", "_", -1);
  plain = g_strjoinv ("", parts);
  return g_str_equal (plain, data);
}

static GtkWidget *
open_stage_menu (Fixture *fixture,
                 gint64   stage_id)
{
  RapportBoardColumn *column = rapport_advocates_view_get_column (board (fixture), stage_id);
  GtkMenuButton *button;
  GtkPopover *popover;

  g_assert_nonnull (column);
  button = rapport_board_column_get_menu_button (column);
  /* Focus scrolls the board to the column, as Tab would: GTK 4.8 cannot
   * place a popover for a button off every monitor. */
  gtk_widget_grab_focus (GTK_WIDGET (button));
  rapport_ui_test_spin (100);
  popover = rapport_ui_test_popup (button);

  return GTK_WIDGET (popover);
}

static GtkWidget *
find_menu_item (GtkWidget  *popover,
                const char *label)
{
  GtkWidget *item = rapport_ui_test_find_widget (popover, GTK_TYPE_WIDGET, is_menu_item_cb, label);

  if (item == NULL)
    g_error ("No menu item “%s” in the stage menu", label);
  return item;
}

static void
press_menu_item (Fixture    *fixture,
                 gint64      stage_id,
                 const char *label)
{
  GtkWidget *popover = open_stage_menu (fixture, stage_id);
  GtkWidget *item = find_menu_item (popover, label);

  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
  rapport_ui_test_spin (100);
}

static gboolean
menu_item_sensitive (Fixture    *fixture,
                     gint64      stage_id,
                     const char *label)
{
  GtkWidget *popover = open_stage_menu (fixture, stage_id);
  gboolean sensitive = gtk_widget_is_sensitive (find_menu_item (popover, label));

  gtk_popover_popdown (GTK_POPOVER (popover));
  rapport_ui_test_spin (50);
  return sensitive;
}

static gboolean
is_button_labelled_cb (GtkWidget     *widget,
                       gconstpointer  data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static AdwMessageDialog *
find_dialog (void)
{
  GtkWindow *dialog = rapport_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static gboolean
no_dialog_cb (gpointer data)
{
  return rapport_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Presses a dialog's button, which answers and closes it. */
static void
press_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = rapport_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                   is_button_labelled_cb, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  g_assert_true (rapport_ui_test_wait_for (no_dialog_cb, NULL, 5000));
}

static const char *
header_name (Fixture *fixture,
             gint64   stage_id)
{
  RapportBoardColumn *column = rapport_advocates_view_get_column (board (fixture), stage_id);
  GtkWidget *label;

  g_assert_nonnull (column);
  label = rapport_ui_test_find_widget (GTK_WIDGET (column), GTK_TYPE_LABEL, NULL, NULL);
  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

/* What another part of the app (Preferences) reads from the database. */
static char *
stored_stage_names (Fixture *fixture)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GListModel *stages;

  pipeline = rapport_pipeline_new (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_pipeline_refresh (pipeline, &error));
  g_assert_no_error (error);
  stages = rapport_pipeline_get_stages (pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);

      g_strv_builder_add (builder, rapport_stage_get_name (stage));
    }
  names = g_strv_builder_end (builder);
  return g_strjoinv (",", names);
}

static char *
column_names (Fixture *fixture)
{
  RapportBoardColumn *first = rapport_advocates_view_get_column (board (fixture), 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (first)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_strv_builder_add (builder, rapport_stage_get_name (rapport_board_column_get_stage (RAPPORT_BOARD_COLUMN (child))));
  names = g_strv_builder_end (builder);
  return g_strjoinv (",", names);
}

static void
test_stage_rename (Fixture       *fixture,
                   gconstpointer  data)
{
  RapportBoardColumn *column;
  GtkMenuButton *button;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkWidget *popover;
  g_autofree char *stored = NULL;

  add_people (fixture);
  open_board (fixture, 1280, 900);

  /* The header's button. */
  column = rapport_advocates_view_get_column (board (fixture), 4);
  button = rapport_board_column_get_menu_button (column);
  g_assert_cmpstr (gtk_menu_button_get_icon_name (button), ==, "view-more-symbolic");
  g_assert_false (gtk_menu_button_get_has_frame (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Stage Menu");

  popover = open_stage_menu (fixture, 4);
  find_menu_item (popover, "Rename…");
  find_menu_item (popover, "Move Left");
  find_menu_item (popover, "Move Right");
  find_menu_item (popover, "Delete…");
  /* The popover is a surface of its own: the window's picture lacks it. */
  rapport_ui_test_screenshot (popover, "board-stage-menu");
  rapport_ui_test_screenshot (GTK_WIDGET (fixture->window), "board-stage-menu-header");
  gtk_popover_popdown (GTK_POPOVER (popover));
  rapport_ui_test_spin (50);

  press_menu_item (fixture, 4, "Rename…");
  dialog = find_dialog ();
  entry = rapport_rename_stage_dialog_get_entry (dialog);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Advocate");
  /* Nothing to rename yet. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  g_assert_null (rapport_rename_stage_dialog_get_message (dialog));
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "board-rename-dialog");

  /* Blank, and a name another stage has (without regard to case), are
   * refused where they are typed. */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  g_assert_cmpstr (rapport_rename_stage_dialog_get_message (dialog), ==, "A stage needs a name");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  gtk_editable_set_text (entry, "contributor");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  g_assert_cmpstr (rapport_rename_stage_dialog_get_message (dialog), ==,
                   "There is already a stage named “Contributor”");
  rapport_ui_test_spin (300);
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "board-rename-dialog-error");

  gtk_editable_set_text (entry, " Ambassador ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  g_assert_null (rapport_rename_stage_dialog_get_message (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  press_response (dialog, "_Rename");

  g_assert_cmpstr (header_name (fixture, 4), ==, "Ambassador");
  stored = stored_stage_names (fixture);
  g_assert_cmpstr (stored, ==, "Newcomer,Participant,Contributor,Ambassador,Champion");

  /* Cancel changes nothing. */
  press_menu_item (fixture, 4, "Rename…");
  dialog = find_dialog ();
  gtk_editable_set_text (rapport_rename_stage_dialog_get_entry (dialog), "Envoy");
  press_response (dialog, "_Cancel");
  g_assert_cmpstr (header_name (fixture, 4), ==, "Ambassador");
}

static void
test_stage_move (Fixture       *fixture,
                 gconstpointer  data)
{
  RapportBoardColumn *participant;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *back = NULL;

  add_people (fixture);
  open_board (fixture, 1280, 900);
  participant = rapport_advocates_view_get_column (board (fixture), 2);

  /* The ends cannot go further. */
  g_assert_false (menu_item_sensitive (fixture, 1, "Move Left"));
  g_assert_true (menu_item_sensitive (fixture, 1, "Move Right"));
  g_assert_true (menu_item_sensitive (fixture, 5, "Move Left"));
  g_assert_false (menu_item_sensitive (fixture, 5, "Move Right"));

  before = column_names (fixture);
  g_assert_cmpstr (before, ==, "Newcomer,Participant,Contributor,Advocate,Champion");

  press_menu_item (fixture, 2, "Move Right");
  after = column_names (fixture);
  g_assert_cmpstr (after, ==, "Newcomer,Contributor,Participant,Advocate,Champion");
  stored = stored_stage_names (fixture);
  g_assert_cmpstr (stored, ==, after);
  /* The column moved with its cards; it was not made again. */
  g_assert_true (rapport_advocates_view_get_column (board (fixture), 2) == participant);
  g_assert_cmpuint (column_count (fixture, 2), ==, 4);

  press_menu_item (fixture, 2, "Move Left");
  back = column_names (fixture);
  g_assert_cmpstr (back, ==, before);
}

static void
test_stage_delete (Fixture       *fixture,
                   gconstpointer  data)
{
  RapportPipeline *pipeline;
  AdwMessageDialog *dialog;
  AdwComboRow *target_row;
  AdwToast *toast;
  GListModel *targets;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *restored = NULL;
  gint64 daniela;
  gint64 alumni;
  guint advocate = G_MAXUINT;

  add_people (fixture);
  open_board (fixture, 1280, 900);
  pipeline = rapport_advocates_view_get_pipeline (board (fixture));
  daniela = person_id (fixture, "Daniela Ruiz");

  /* Contributor's three go where the dialog says: the stage before unless
   * changed, here to Advocate. */
  press_menu_item (fixture, 3, "Delete…");
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Contributor”?");
  target_row = ADW_COMBO_ROW (rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL, NULL));
  g_assert_nonnull (target_row);
  targets = adw_combo_row_get_model (target_row);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (targets), adw_combo_row_get_selected (target_row)),
                   ==, "Participant");
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (targets), i), "Advocate"))
      advocate = i;
  g_assert_cmpuint (advocate, !=, G_MAXUINT);
  adw_combo_row_set_selected (target_row, advocate);
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "board-delete-dialog");
  press_response (dialog, "_Delete Stage");

  g_assert_cmpuint (rapport_advocates_view_get_n_columns (board (fixture)), ==, 4);
  g_assert_null (rapport_advocates_view_get_column (board (fixture), 3));
  assert_count_becomes (fixture, 4, 5);
  assert_count_becomes (fixture, 2, 4);
  g_assert_cmpint (stage_of (fixture, daniela), ==, 4);
  reason = latest_reason (fixture, daniela);
  g_assert_cmpstr (reason, ==, "stage-removed");
  stored = stored_stage_names (fixture);
  g_assert_cmpstr (stored, ==, "Newcomer,Participant,Advocate,Champion");
  toast = rapport_advocates_view_get_last_toast (board (fixture));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted “Contributor” · 3 members moved to “Advocate”");

  /* An empty stage only asks, and comes back with Undo where it was. */
  alumni = rapport_pipeline_add_stage (pipeline, "Alumni", 1, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_ui_test_wait_for (board_loaded_cb, fixture, 5000));
  press_menu_item (fixture, alumni, "Delete…");
  dialog = find_dialog ();
  g_assert_null (rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL, NULL));
  press_response (dialog, "_Delete Stage");
  g_assert_null (rapport_advocates_view_get_column (board (fixture), alumni));
  toast = rapport_advocates_view_get_last_toast (board (fixture));
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted “Alumni”");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (board (fixture)),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  restored = column_names (fixture);
  g_assert_cmpstr (restored, ==, "Newcomer,Alumni,Participant,Advocate,Champion");

  /* The stage new members join, and so the last one left, cannot go. */
  g_assert_true (menu_item_sensitive (fixture, 2, "Delete…"));
  g_assert_false (menu_item_sensitive (fixture, 1, "Delete…"));
  g_assert_true (rapport_pipeline_remove_stage (pipeline, 2, 1, &error));
  g_assert_true (rapport_pipeline_remove_stage (pipeline, 4, 1, &error));
  g_assert_true (rapport_pipeline_remove_stage (pipeline, 5, 1, &error));
  {
    /* Undo made Alumni again, under a new id. */
    g_autoptr(RapportStage) restored_stage = g_list_model_get_item (rapport_pipeline_get_stages (pipeline), 1);

    g_assert_cmpstr (rapport_stage_get_name (restored_stage), ==, "Alumni");
    g_assert_true (rapport_pipeline_remove_stage (pipeline, rapport_stage_get_id (restored_stage), 1, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_advocates_view_get_n_columns (board (fixture)), ==, 1);
  g_assert_false (menu_item_sensitive (fixture, 1, "Delete…"));
  g_assert_false (menu_item_sensitive (fixture, 1, "Move Left"));
  g_assert_false (menu_item_sensitive (fixture, 1, "Move Right"));
  assert_count_becomes (fixture, 1, G_N_ELEMENTS (people));
}

/* Opening a card */

static gboolean
has_selected_cb (gpointer data)
{
  Fixture *fixture = data;
  RapportMembersView *members = rapport_window_get_members_view (fixture->window);
  RapportMemberPage *page;

  page = RAPPORT_MEMBER_PAGE (rapport_ui_test_find_widget (GTK_WIDGET (members), RAPPORT_TYPE_MEMBER_PAGE,
                                                           NULL, NULL));
  return rapport_members_view_get_selected_id (members) == person_id (fixture, "Grace Mwangi") &&
         page != NULL && rapport_member_page_get_member_id (page) == person_id (fixture, "Grace Mwangi");
}

static void
test_open_card (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) controllers = NULL;
  RapportBoardCard *card;
  AdwViewStack *stack;
  gboolean pressed = FALSE;

  add_people (fixture);
  open_board (fixture, 1400, 900);

  card = find_card (fixture, person_id (fixture, "Grace Mwangi"));
  g_assert_nonnull (card);
  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));

  /* Enter, through the card's own key bindings. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));
  for (guint i = 0; !pressed && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; !pressed && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Return &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                    GTK_WIDGET (card), gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (pressed);

  stack = ADW_VIEW_STACK (rapport_ui_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "members");
  g_assert_true (rapport_ui_test_wait_for (has_selected_cb, fixture, 5000));
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
  ADD ("/rapport/ui/board/stage-rename", test_stage_rename);
  ADD ("/rapport/ui/board/stage-move", test_stage_move);
  ADD ("/rapport/ui/board/stage-delete", test_stage_delete);
  ADD ("/rapport/ui/board/open-card", test_open_card);
  ADD ("/rapport/ui/board/filters", test_filters);
  ADD ("/rapport/ui/board/suggestions", test_suggestions);
  ADD ("/rapport/ui/board/screenshots", test_screenshots);
  ADD ("/rapport/ui/board/narrow", test_narrow);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
