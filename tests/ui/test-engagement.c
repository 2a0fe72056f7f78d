/* test-engagement.c
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

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-demo.h"
#include "rapport-member-engagement.h"
#include "rapport-member-page.h"
#include "rapport-member-util.h"
#include "rapport-member.h"
#include "rapport-pipeline.h"
#include "rapport-preferences-pipeline.h"
#include "rapport-preferences-scoring.h"
#include "rapport-preferences-window.h"
#include "rapport-scoring.h"
#include "rapport-store.h"
#include "rapport-ui-test.h"

#define MONTH_SECONDS ((gint64) (RAPPORT_SCORE_MONTH_DAYS * 86400))

typedef struct
{
  char         *path;
  RapportStore *store;
  gint64        member_id;
  GtkWidget    *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RapportMember) member = rapport_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 now = rapport_now_unix ();

  fixture->path = rapport_ui_test_make_db ();
  fixture->store = rapport_store_new (fixture->path, &error);
  g_assert_no_error (error);

  rapport_member_set_name (member, "Amara Okafor");
  rapport_member_set_organization (member, "Lumen Labs");
  g_assert_true (rapport_store_insert_member (fixture->store, member, &error));
  fixture->member_id = rapport_member_get_id (member);

  /* Two pull requests exactly a month old: 2 × 10 × 0.9 = 18.0. Three
   * replies in the last days, and a reaction long ago. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (rapport_store_add_activity (fixture->store, fixture->member_id, "github",
                                                 "pull-request", now - MONTH_SECONDS, "Retry webhooks",
                                                 NULL, "lumenlabs/sdk", &error), >, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (rapport_store_add_activity (fixture->store, fixture->member_id, "discourse",
                                                 "reply", now - 3600 * (i + 1) * 20, "Re: API keys",
                                                 NULL, "#help", &error), >, 0);
  g_assert_cmpint (rapport_store_add_activity (fixture->store, fixture->member_id, "discourse",
                                               "reaction", now - 86400 * 200, "Show and tell",
                                               NULL, "#show", &error), >, 0);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs the test left open. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (50);
  g_clear_object (&fixture->store);

  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (fixture->path);
}

/* Finding widgets */

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 RapportWidgetMatch  match,
                 gconstpointer data,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, match, data, out);
}

static gboolean
title_has_prefix (GtkWidget     *widget,
                  gconstpointer  data)
{
  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static gboolean
label_has_prefix (GtkWidget     *widget,
                  gconstpointer  data)
{
  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
title_equals (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
subtitle_equals (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) == 0;
}

static gboolean
is_term_row (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), "score-term") == 0;
}

static gboolean
entry_text_equals (GtkWidget     *widget,
                   gconstpointer  data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), data) == 0;
}

static gboolean
label_is_count (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
dialog_shown_cb (gpointer data)
{
  AdwMessageDialog **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *found = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }

  return FALSE;
}

/* The visible message dialog, waiting for it to be shown: a slow build
 * shows it later, never not at all. */
static AdwMessageDialog *
find_dialog (void)
{
  AdwMessageDialog *found = NULL;

  rapport_ui_test_wait_for (dialog_shown_cb, &found, 5000);
  return found;
}

static RapportMemberPage *
show_member_page (Fixture *fixture,
                  gint64   member_id)
{
  g_autoptr(RapportContext) context = rapport_context_new (fixture->store);
  GtkWidget *page = rapport_member_page_new (context);

  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  g_object_set (page, "member-id", member_id, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  rapport_ui_test_spin (100);

  return RAPPORT_MEMBER_PAGE (page);
}

/* The explanation */

static gboolean
first_term_counts_three_cb (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *subtitle;

  collect_widgets (data, ADW_TYPE_ACTION_ROW, is_term_row, NULL, rows);
  if (rows->len == 0)
    return FALSE;
  subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, 0));

  return subtitle != NULL && g_str_has_prefix (subtitle, "3 × ");
}

static void
test_explanation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RapportScoring) scoring = rapport_scoring_new (fixture->store);
  g_autoptr(RapportScoreExplanation) explanation = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *score_title = NULL;
  RapportMemberPage *page = show_member_page (fixture, fixture->member_id);
  GtkWidget *engagement = rapport_ui_test_find_widget (GTK_WIDGET (page), RAPPORT_TYPE_MEMBER_ENGAGEMENT, NULL, NULL);
  GtkWidget *row;
  GListModel *terms;

  g_assert_nonnull (engagement);
  explanation = rapport_scoring_explain (scoring, fixture->member_id, &error);
  g_assert_no_error (error);

  /* The summary: score and level as the core explains them. */
  score_title = g_strdup_printf ("Score %.1f · ", rapport_score_explanation_get_score (explanation));
  row = rapport_ui_test_find_widget (engagement, ADW_TYPE_ACTION_ROW, title_has_prefix, score_title);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "+"));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "in the last 30 days"));

  /* One row per term, biggest first. */
  terms = rapport_score_explanation_get_terms (explanation);
  collect_widgets (engagement, ADW_TYPE_ACTION_ROW, is_term_row, NULL, rows);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (terms));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Pull request");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Reply");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "Reaction");

  /* By hand: two pull requests a month old are 2 × 10 × 0.9 = 18.0, none
   * of them in the last 30 days (30.44 days make the month). */
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "2 × weight 10, decayed → 18.0\nNone in the last 30 days");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)),
                                   "3 × weight 6, decayed → "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)),
                            "+3 in the last 30 days, worth "));

  /* A new activity updates the section through the store's signal. */
  g_assert_cmpint (rapport_store_add_activity (fixture->store, fixture->member_id, "github",
                                               "pull-request", rapport_now_unix (),
                                               "Pagination helpers", NULL, "lumenlabs/sdk", &error), >, 0);
  g_assert_true (rapport_ui_test_wait_for (first_term_counts_three_cb, engagement, 5000));
  g_ptr_array_set_size (rows, 0);
  collect_widgets (engagement, ADW_TYPE_ACTION_ROW, is_term_row, NULL, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)),
                                   "3 × weight 10, decayed → 28.0\n+1 in the last 30 days, worth 10.0"));
}

/* Recognition */

static void
test_recognition (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RapportPipeline) pipeline = rapport_pipeline_new (fixture->store, NULL);
  g_autoptr(GListModel) recognitions = NULL;
  g_autoptr(RapportRecognition) recognition = NULL;
  g_autoptr(GError) error = NULL;
  RapportMemberPage *page = show_member_page (fixture, fixture->member_id);
  GtkWidget *engagement = rapport_ui_test_find_widget (GTK_WIDGET (page), RAPPORT_TYPE_MEMBER_ENGAGEMENT, NULL, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *description;
  GtkWidget *date;
  GtkWidget *given_by;
  GtkWidget *kind;
  GtkWidget *row;
  GtkWidget *empty;

  /* None yet: the list says so (its placeholder survives a refresh). */
  rapport_member_engagement_refresh (RAPPORT_MEMBER_ENGAGEMENT (engagement));
  rapport_ui_test_spin (50);
  empty = rapport_ui_test_find_widget (engagement, GTK_TYPE_LABEL, label_has_prefix, "No recognition yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_is_drawable (empty));

  g_assert_true (gtk_widget_activate_action (engagement, "engagement.log-recognition", NULL));
  rapport_ui_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  kind = rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, title_equals, "Kind");
  description = rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title_equals, "Description");
  date = rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title_equals, "Date");
  given_by = rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title_equals, "Given By");
  g_assert_nonnull (kind);
  g_assert_nonnull (description);
  g_assert_nonnull (date);
  g_assert_nonnull (given_by);

  /* A date that is not one cannot be logged. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-13-45");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "log"));
  g_assert_true (gtk_widget_has_css_class (date, "error"));

  /* Twenty days ago: the member's replies came after it, the pull
   * requests (a month old) before it, whatever the time of day. */
  {
    g_autoptr(GDateTime) today = rapport_now_local ();
    g_autoptr(GDateTime) then = g_date_time_add_days (today, -20);
    g_autofree char *text = g_date_time_format (then, "%Y-%m-%d");

    gtk_editable_set_text (GTK_EDITABLE (date), text);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "log"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 2);
  gtk_editable_set_text (GTK_EDITABLE (description), "Lightning talk at the Lagos meetup");
  gtk_editable_set_text (GTK_EDITABLE (given_by), "Priya Raman");
  adw_message_dialog_response (dialog, "log");
  rapport_ui_test_spin (100);

  recognitions = rapport_pipeline_list_recognitions (pipeline, fixture->member_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (recognitions), ==, 1);
  recognition = g_list_model_get_item (recognitions, 0);
  g_assert_cmpstr (rapport_recognition_get_kind (recognition), ==, RAPPORT_RECOGNITION_SPEAKING_SLOT);
  g_assert_cmpstr (rapport_recognition_get_description (recognition), ==, "Lightning talk at the Lagos meetup");
  g_assert_cmpstr (rapport_recognition_get_given_by (recognition), ==, "Priya Raman");
  /* Before: the two pull requests, nothing else in 60 days; after: the
   * three replies. */
  g_assert_cmpint (rapport_recognition_get_activities_after (recognition), ==, 3);

  row = rapport_ui_test_find_widget (engagement, ADW_TYPE_ACTION_ROW, title_equals, "Lightning talk at the Lagos meetup");
  g_assert_nonnull (row);
  {
    g_autofree char *impact = rapport_recognition_dup_impact_text (recognition);
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

    g_assert_true (g_str_has_prefix (subtitle, "Speaking slot · "));
    g_assert_nonnull (strstr (subtitle, " · by Priya Raman\n"));
    g_assert_nonnull (strstr (subtitle, impact));
    g_test_message ("Recognition row: %s", subtitle);
  }
}

/* Scoring preferences */

static void
seed_demo (Fixture *fixture)
{
  RapportDemoOptions options = { 300, 3000, 1 };
  g_autoptr(RapportScoring) scoring = rapport_scoring_new (fixture->store);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_demo_generate (fixture->store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_scoring_rescore_all (scoring, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
not_busy_cb (gpointer data)
{
  return !rapport_preferences_scoring_get_busy (data);
}

static GtkWidget *
find_weight_spin (GtkWidget  *page,
                  const char *kind)
{
  GtkWidget *row = rapport_ui_test_find_widget (page, ADW_TYPE_ACTION_ROW, subtitle_equals, kind);

  g_assert_nonnull (row);
  return rapport_ui_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
}

static GtkWidget *
show_preferences (Fixture    *fixture,
                  const char *page_name)
{
  g_autoptr(RapportContext) context = rapport_context_new (fixture->store);
  GtkWidget *window = g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                                    "database-path", fixture->path,
                                    "context", context,
                                    NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), page_name);
  gtk_window_present (GTK_WINDOW (window));
  rapport_ui_test_spin (100);

  return window;
}

static void
test_scoring_preview (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RapportScoring) scoring = NULL;
  g_autoptr(RapportScoreWeights) before = NULL;
  g_autoptr(RapportScoreWeights) proposed = NULL;
  g_autoptr(RapportScoreWeights) after = NULL;
  g_autoptr(GError) error = NULL;
  RapportLevelPreview expected;
  RapportLevelCounts counts;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *spin;
  GtkWidget *apply;
  GtkWidget *row;
  double weight;

  seed_demo (fixture);
  scoring = rapport_scoring_new (fixture->store);
  before = rapport_scoring_dup_weights (scoring, &error);
  g_assert_no_error (error);

  window = show_preferences (fixture, "scoring");
  page = rapport_ui_test_find_widget (window, RAPPORT_TYPE_PREFERENCES_SCORING, NULL, NULL);
  g_assert_nonnull (page);
  g_assert_nonnull (rapport_ui_test_find_widget (window, RAPPORT_TYPE_PREFERENCES_PIPELINE, NULL, NULL));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 10000));

  row = rapport_ui_test_find_widget (page, ADW_TYPE_ACTION_ROW, title_equals, "These are the levels today");
  g_assert_nonnull (row);

  /* Messages count for much more: a preview, and nothing written. */
  spin = find_weight_spin (page, "message");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  g_assert_true (rapport_preferences_scoring_get_busy (RAPPORT_PREFERENCES_SCORING (page)));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 10000));

  proposed = rapport_score_weights_copy (before);
  rapport_score_weights_set (proposed, "message", NULL, 20);
  g_assert_true (rapport_scoring_preview_weights (scoring, proposed, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (expected.changed, >, 0);
  {
    g_autofree char *title = g_strdup_printf ("%u members would change level", expected.changed);
    g_autofree char *level1 = NULL;
    g_autoptr(GPtrArray) level_rows = g_ptr_array_new ();
    GtkWidget *label = NULL;

    row = rapport_ui_test_find_widget (page, ADW_TYPE_ACTION_ROW, title_equals, title);
    g_assert_nonnull (row);

    /* The preview's Level 1 row (the other is the threshold's). */
    collect_widgets (page, ADW_TYPE_ACTION_ROW, title_equals, "Level 1", level_rows);
    for (guint i = 0; i < level_rows->len; i++)
      {
        if (rapport_ui_test_find_widget (g_ptr_array_index (level_rows, i), GTK_TYPE_SPIN_BUTTON, NULL, NULL) == NULL)
          label = rapport_ui_test_find_widget (g_ptr_array_index (level_rows, i), GTK_TYPE_LABEL, label_is_count, NULL);
      }
    g_assert_nonnull (label);
    if (expected.current.levels[0] == expected.proposed.levels[0])
      level1 = g_strdup_printf ("%u", expected.proposed.levels[0]);
    else
      level1 = g_strdup_printf ("%u → %u", expected.current.levels[0], expected.proposed.levels[0]);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, level1);
  }

  /* The same what-if with thresholds kept, from the core's own preview. */
  {
    RapportLevelPreview mine;

    g_assert_true (rapport_scoring_preview_levels (scoring, proposed, 10, 25, &mine, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpmem (&mine, sizeof mine, &expected, sizeof expected);
  }

  after = rapport_scoring_dup_weights (scoring, &error);
  g_assert_true (rapport_score_weights_equal (after, before));
  g_clear_pointer (&after, rapport_score_weights_free);

  rapport_ui_test_screenshot (window, "preferences-scoring-preview");

  /* Apply writes the weights and rescores. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect_widgets (page, GTK_TYPE_BUTTON, NULL, NULL, buttons);
    apply = NULL;
    for (guint i = 0; i < buttons->len; i++)
      {
        GtkWidget *button = g_ptr_array_index (buttons, i);

        if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Apply") == 0)
          apply = button;
      }
  }
  g_assert_nonnull (apply);
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_signal_emit_by_name (apply, "clicked");
  g_assert_true (rapport_preferences_scoring_get_busy (RAPPORT_PREFERENCES_SCORING (page)));
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 20000));
  rapport_ui_test_spin (50);

  g_assert_false (gtk_widget_get_sensitive (apply));
  after = rapport_scoring_dup_weights (scoring, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_score_weights_lookup (after, "message", NULL, &weight));
  g_assert_cmpfloat (weight, ==, 20);
  g_assert_true (rapport_scoring_get_level_counts (scoring, &counts, &error));
  g_assert_cmpmem (counts.levels, sizeof counts.levels,
                   expected.proposed.levels, sizeof expected.proposed.levels);

  /* Thresholds: level 1 becomes the top 20%, previewed then applied. */
  {
    g_autoptr(GPtrArray) level_rows = g_ptr_array_new ();

    spin = NULL;
    collect_widgets (page, ADW_TYPE_ACTION_ROW, title_equals, "Level 1", level_rows);
    for (guint i = 0; i < level_rows->len && spin == NULL; i++)
      spin = rapport_ui_test_find_widget (g_ptr_array_index (level_rows, i), GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  }
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 10000));
  g_assert_true (gtk_widget_get_sensitive (apply));
  {
    double level1;

    rapport_scoring_get_level_percents (scoring, &level1, NULL, NULL);
    g_assert_cmpfloat (level1, ==, 10);
  }
  g_signal_emit_by_name (apply, "clicked");
  g_assert_true (rapport_ui_test_wait_for (not_busy_cb, page, 20000));
  {
    double level1;

    rapport_scoring_get_level_percents (scoring, &level1, NULL, NULL);
    g_assert_cmpfloat (level1, ==, 20);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pipeline preferences */

static RapportStageChange *
last_change (RapportPipeline *pipeline,
             gint64           member_id)
{
  g_autoptr(GListModel) history = rapport_pipeline_list_history (pipeline, member_id, NULL);
  guint n;

  g_assert_nonnull (history);
  n = g_list_model_get_n_items (history);
  g_assert_cmpuint (n, >, 0);
  /* Newest first or last: the one with the largest id. */
  {
    RapportStageChange *best = NULL;

    for (guint i = 0; i < n; i++)
      {
        RapportStageChange *change = g_list_model_get_item (history, i);

        if (best == NULL || rapport_stage_change_get_id (change) > rapport_stage_change_get_id (best))
          {
            g_clear_object (&best);
            best = change;
          }
        else
          g_object_unref (change);
      }
    return best;
  }
}

static void
test_pipeline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RapportPipeline) pipeline = rapport_pipeline_new (fixture->store, NULL);
  g_autoptr(RapportStageChange) change = NULL;
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *stages = rapport_pipeline_get_stages (pipeline);
  g_autoptr(RapportStage) second = g_list_model_get_item (stages, 1);
  gint64 second_id = rapport_stage_get_id (second);
  g_autoptr(RapportStage) fourth = g_list_model_get_item (stages, 3);
  gint64 fourth_id = rapport_stage_get_id (fourth);
  AdwMessageDialog *dialog;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *target;
  guint n_before = g_list_model_get_n_items (stages);

  window = show_preferences (fixture, "pipeline");
  page = rapport_ui_test_find_widget (window, RAPPORT_TYPE_PREFERENCES_PIPELINE, NULL, NULL);
  g_assert_nonnull (page);

  /* Rename stage 2 in place. */
  row = rapport_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, entry_text_equals, rapport_stage_get_name (second));
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Regular");
  g_signal_emit_by_name (row, "apply");
  rapport_ui_test_spin (50);
  rapport_pipeline_refresh (pipeline, NULL);
  g_assert_cmpstr (rapport_stage_get_name (rapport_pipeline_find_stage (pipeline, second_id)), ==, "Regular");

  /* A name taken by another stage is refused on the row. */
  gtk_editable_set_text (GTK_EDITABLE (row), rapport_stage_get_name (fourth));
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Regular");

  /* Move it down one. */
  g_assert_true (gtk_widget_activate_action (page, "pipeline.move-down", "x", second_id));
  rapport_ui_test_spin (50);
  rapport_pipeline_refresh (pipeline, NULL);
  g_assert_cmpuint (rapport_stage_get_position (rapport_pipeline_find_stage (pipeline, second_id)), ==, 2);

  /* Add one at the end. */
  row = rapport_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, title_equals, "Add Stage");
  gtk_editable_set_text (GTK_EDITABLE (row), "Alumni");
  g_signal_emit_by_name (row, "apply");
  rapport_ui_test_spin (50);
  rapport_pipeline_refresh (pipeline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_before + 1);
  {
    g_autoptr(RapportStage) last = g_list_model_get_item (stages, n_before);

    g_assert_cmpstr (rapport_stage_get_name (last), ==, "Alumni");
  }
  g_assert_nonnull (rapport_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, entry_text_equals, "Alumni"));

  rapport_ui_test_screenshot (window, "preferences-pipeline");

  /* Remove "Regular" with a member in it: the dialog asks where to. */
  g_assert_true (rapport_pipeline_move_member (pipeline, fixture->member_id, second_id,
                                               RAPPORT_MOVE_MANUAL, NULL, &error));
  g_assert_no_error (error);
  rapport_ui_test_spin (100);
  g_assert_true (gtk_widget_activate_action (page, "pipeline.remove-stage", "x", second_id));
  rapport_ui_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  rapport_ui_test_screenshot (GTK_WIDGET (dialog), "preferences-pipeline-remove");
  target = rapport_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, title_equals, "Move Members To");
  g_assert_nonnull (target);
  {
    GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (target));
    guint n = g_list_model_get_n_items (names);
    guint pick = G_MAXUINT;

    /* Every other stage, and not the one going. */
    g_assert_cmpuint (n, ==, n_before);
    for (guint i = 0; i < n; i++)
      {
        const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

        g_assert_cmpstr (name, !=, "Regular");
        if (g_strcmp0 (name, rapport_stage_get_name (fourth)) == 0)
          pick = i;
      }
    g_assert_cmpuint (pick, !=, G_MAXUINT);
    adw_combo_row_set_selected (ADW_COMBO_ROW (target), pick);
  }
  adw_message_dialog_response (dialog, "remove");
  rapport_ui_test_spin (100);

  rapport_pipeline_refresh (pipeline, NULL);
  g_assert_null (rapport_pipeline_find_stage (pipeline, second_id));
  member = rapport_store_get_member (fixture->store, fixture->member_id, &error);
  g_assert_cmpint (rapport_member_get_stage_id (member), ==, fourth_id);
  change = last_change (pipeline, fixture->member_id);
  /* The stage is gone, so the history keeps no link to it (ON DELETE SET
   * NULL); the move itself and its reason stay. */
  g_assert_cmpint (rapport_stage_change_get_from_stage_id (change), ==, 0);
  g_assert_cmpint (rapport_stage_change_get_to_stage_id (change), ==, fourth_id);
  g_assert_cmpstr (rapport_stage_change_get_reason (change), ==,
                   rapport_move_reason_to_string (RAPPORT_MOVE_STAGE_REMOVED));

  /* The first stage cannot be removed: its button is off. */
  {
    g_autoptr(RapportStage) first = g_list_model_get_item (stages, 0);

    row = rapport_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, entry_text_equals, rapport_stage_get_name (first));
    g_assert_nonnull (row);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screenshots */

static gint64
busiest_member (RapportStore *store)
{
  RapportMemberQuery query = { NULL, RAPPORT_MEMBER_SORT_ACTIVITIES, TRUE, 0, NULL, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rapport_store_query_member_ids (store, &query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  return g_array_index (ids, gint64, 0);
}

static void
scroll_to_engagement (RapportMemberPage *page)
{
  GtkWidget *engagement = rapport_ui_test_find_widget (GTK_WIDGET (page), RAPPORT_TYPE_MEMBER_ENGAGEMENT, NULL, NULL);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (rapport_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL, NULL));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t point;

  rapport_ui_test_spin (300);
  g_assert_true (gtk_widget_compute_point (engagement, gtk_scrolled_window_get_child (scroller),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (vadjustment, MAX (point.y - 12, 0));
  rapport_ui_test_spin (100);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  RapportMemberPage *page;
  gint64 member_id;
  gint64 now = rapport_now_unix ();

  seed_demo (fixture);
  member_id = busiest_member (fixture->store);
  pipeline = rapport_pipeline_new (fixture->store, &error);
  g_assert_cmpint (rapport_pipeline_add_recognition (pipeline, member_id, RAPPORT_RECOGNITION_KUDOS,
                                                     "Thanked in the monthly newsletter", now - 86400 * 75,
                                                     "Priya Raman", &error), >, 0);
  g_assert_cmpint (rapport_pipeline_add_recognition (pipeline, member_id, RAPPORT_RECOGNITION_SPEAKING_SLOT,
                                                     "Lightning talk at the community call", now - 86400 * 12,
                                                     "Priya Raman", &error), >, 0);

  page = show_member_page (fixture, member_id);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 1300);
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (fixture->window, "engagement-wide");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 900);
  scroll_to_engagement (page);
  rapport_ui_test_screenshot (fixture->window, "engagement-narrow");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  scroll_to_engagement (page);
  rapport_ui_test_screenshot (fixture->window, "engagement-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 1300);
  rapport_ui_test_spin (100);
  scroll_to_engagement (page);
  rapport_ui_test_screenshot (fixture->window, "engagement-wide-dark");

  g_assert_true (gtk_widget_activate_action (rapport_ui_test_find_widget (GTK_WIDGET (page), RAPPORT_TYPE_MEMBER_ENGAGEMENT, NULL, NULL),
                                             "engagement.log-recognition", NULL));
  rapport_ui_test_spin (100);
  rapport_ui_test_screenshot (GTK_WIDGET (find_dialog ()), "engagement-log-dialog-dark");
  adw_message_dialog_response (find_dialog (), "cancel");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  rapport_ui_test_spin (100);

  {
    GtkWidget *window = show_preferences (fixture, "scoring");
    GtkWidget *scoring = rapport_ui_test_find_widget (window, RAPPORT_TYPE_PREFERENCES_SCORING, NULL, NULL);

    g_assert_true (rapport_ui_test_wait_for (not_busy_cb, scoring, 10000));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_weight_spin (scoring, "reply")), 12);
    g_assert_true (rapport_ui_test_wait_for (not_busy_cb, scoring, 10000));
    rapport_ui_test_screenshot (window, "preferences-scoring");
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    rapport_ui_test_spin (100);
    rapport_ui_test_screenshot (window, "preferences-scoring-narrow-dark");
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "pipeline");
    rapport_ui_test_spin (100);
    rapport_ui_test_screenshot (window, "preferences-pipeline-narrow-dark");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  rapport_ui_test_init (&argc, &argv);

  g_test_add ("/rapport/ui/engagement/explanation", Fixture, NULL,
              fixture_set_up, test_explanation, fixture_tear_down);
  g_test_add ("/rapport/ui/engagement/recognition", Fixture, NULL,
              fixture_set_up, test_recognition, fixture_tear_down);
  g_test_add ("/rapport/ui/engagement/scoring-preview", Fixture, NULL,
              fixture_set_up, test_scoring_preview, fixture_tear_down);
  g_test_add ("/rapport/ui/engagement/pipeline", Fixture, NULL,
              fixture_set_up, test_pipeline, fixture_tear_down);
  g_test_add ("/rapport/ui/engagement/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
