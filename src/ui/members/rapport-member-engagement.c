/* rapport-member-engagement.c
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

#define G_LOG_DOMAIN "rapport-member-engagement"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-member-engagement.h"
#include "rapport-member-util.h"
#include "rapport-member.h"
#include "rapport-pipeline.h"
#include "rapport-recognition.h"
#include "rapport-scoring.h"
#include "rapport-store.h"

/* The member page's Engagement and Recognition groups: the score as its
 * terms (so the number explains itself), the trend over 30 days, and the
 * recognitions the member received with what followed each. */

#define RECENT_DAYS 30

struct _RapportMemberEngagement
{
  GtkWidget        parent_instance;

  /* The context's store and scoring, kept while it is set; its pipeline
   * is asked for when recognitions are read, since the first ask counts
   * the members of every stage. */
  RapportContext  *context;
  RapportStore    *store;
  RapportScoring  *scoring;
  gint64           member_id;
  guint            refresh_source;

  AdwActionRow    *score_row;
  GtkImage        *trend_icon;
  GtkListBox      *terms_list;
  GtkLabel        *formula_label;
  GtkLabel        *error_label;
  GtkListBox      *recognitions_list;
  GtkLabel        *recognition_error;
};

G_DEFINE_FINAL_TYPE (RapportMemberEngagement, rapport_member_engagement, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The recognition kinds offered in the dialog, in its order. */
static const char *recognition_kinds[] = {
  RAPPORT_RECOGNITION_KUDOS,
  RAPPORT_RECOGNITION_SWAG,
  RAPPORT_RECOGNITION_SPEAKING_SLOT,
  RAPPORT_RECOGNITION_SPOTLIGHT,
};

/* Shared with the board and Preferences: read from, added to, never
 * reconfigured here. */
static RapportPipeline *
get_pipeline (RapportMemberEngagement *self)
{
  return self->context != NULL ? rapport_context_get_pipeline (self->context) : NULL;
}

/* Score */

static char *
dup_level_text (RapportMemberEngagement *self,
                int                      level)
{
  double level1 = 10;
  double level2 = 25;

  rapport_scoring_get_level_percents (self->scoring, &level1, &level2, NULL);

  switch (level)
    {
    case 1:
      /* Translators: a member's level; %g is a percentage, "Level 1 — top 10%" */
      return g_strdup_printf (_("Level 1 — top %g%%"), level1);
    case 2:
      /* Translators: a member's level; %g is a percentage, "Level 2 — next 25%" */
      return g_strdup_printf (_("Level 2 — next %g%%"), level2);
    case 3:
      return g_strdup (_("Level 3 — active"));
    default:
      return g_strdup (_("Level 4 — no weighted activity"));
    }
}

static void
update_score (RapportMemberEngagement *self,
              RapportScoreExplanation *explanation)
{
  double score = rapport_score_explanation_get_score (explanation);
  double trend = rapport_score_explanation_get_trend (explanation);
  g_autofree char *level = dup_level_text (self, rapport_score_explanation_get_level (explanation));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *change = NULL;
  const char *icon_name;

  /* Translators: "Score 142.5 · Level 1 — top 10%" */
  title = g_strdup_printf (_("Score %.1f · %s"), score, level);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->score_row), title);

  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_icon), "warning");

  /* A tenth of a point is the precision shown: less is no change. */
  if (trend >= 0.05)
    {
      icon_name = "go-up-symbolic";
      change = g_strdup_printf ("+%.1f", trend);
      gtk_widget_add_css_class (GTK_WIDGET (self->trend_icon), "success");
    }
  else if (trend <= -0.05)
    {
      icon_name = "go-down-symbolic";
      change = g_strdup_printf ("−%.1f", -trend);
      gtk_widget_add_css_class (GTK_WIDGET (self->trend_icon), "warning");
    }
  else
    {
      icon_name = "go-next-symbolic";
    }

  if (change != NULL)
    /* Translators: the change of the score, "+12.3 in the last 30 days" */
    subtitle = g_strdup_printf (_("%s in the last 30 days"), change);
  else
    subtitle = g_strdup (_("No change in the last 30 days"));

  adw_action_row_set_subtitle (self->score_row, subtitle);
  rapport_member_set_icon (self->trend_icon, icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  RapportScoreTerm *ta = *(RapportScoreTerm **) a;
  RapportScoreTerm *tb = *(RapportScoreTerm **) b;
  double ca = rapport_score_term_get_contribution (ta);
  double cb = rapport_score_term_get_contribution (tb);

  if (ca != cb)
    return ca < cb ? 1 : -1;

  return g_strcmp0 (rapport_score_term_get_kind (ta), rapport_score_term_get_kind (tb));
}

static GtkWidget *
create_term_row (RapportScoreTerm *term)
{
  const char *kind = rapport_score_term_get_kind (term);
  const char *platform = rapport_score_term_get_platform (term);
  gint64 count = rapport_score_term_get_count (term);
  gint64 recent = rapport_score_term_get_recent_count (term);
  g_autofree char *label = rapport_member_activity_dup_kind_label (kind);
  g_autofree char *title = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *change = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  if (platform != NULL && platform[0] != '\0')
    /* Translators: an activity kind with a weight of its own on one platform, "Reply on Discourse" */
    title = g_strdup_printf (_("%s on %s"), label, rapport_member_platform_get_name (platform));
  else
    title = g_strdup (label);

  /* Translators: how a term of the score adds up: count × weight, then what
   * is left after decay, "14 × weight 10, decayed → 96.2" */
  terms = g_strdup_printf (_("%'" G_GINT64_FORMAT " × weight %g, decayed → %.1f"),
                           count, rapport_score_term_get_weight (term),
                           rapport_score_term_get_contribution (term));

  if (recent > 0)
    change = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: "+3 in the last 30 days, worth 25.1" */
                                           "+%'" G_GINT64_FORMAT " in the last 30 days, worth %.1f",
                                           "+%'" G_GINT64_FORMAT " in the last 30 days, worth %.1f",
                                           recent),
                              recent, rapport_score_term_get_recent_contribution (term));
  else
    change = g_strdup (_("None in the last 30 days"));

  subtitle = g_strconcat (terms, "\n", change, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  rapport_member_set_icon (GTK_IMAGE (icon), rapport_member_activity_get_icon_name (kind));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_name (row, "score-term");

  return row;
}

static void
update_terms (RapportMemberEngagement *self,
              RapportScoreExplanation *explanation)
{
  GListModel *model = rapport_score_explanation_get_terms (explanation);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (terms, g_list_model_get_item (model, i));
  g_ptr_array_sort (terms, compare_terms);

  rapport_list_box_remove_rows (self->terms_list);
  for (guint i = 0; i < terms->len; i++)
    gtk_list_box_append (self->terms_list, create_term_row (g_ptr_array_index (terms, i)));
}

/* Recognition */

static char *
dup_impact_text (RapportRecognition *recognition)
{
  g_autofree char *impact = rapport_recognition_dup_impact_text (recognition);
  gboolean complete = rapport_recognition_get_impact_complete (recognition);

  if (rapport_recognition_get_impact_percent (recognition, NULL))
    {
      if (complete)
        /* Translators: a recognition's impact, "+35% activity in the 60 days after" */
        return g_strdup_printf (_("%s activity in the 60 days after"), impact);
      /* Translators: a recognition's impact while its 60 days are not over, "+35% activity so far" */
      return g_strdup_printf (_("%s activity so far, against the 60 days before"), impact);
    }

  if (rapport_recognition_get_activities_after (recognition) > 0)
    return g_strdup (_("New: active after it, after 60 quiet days"));

  if (complete)
    return g_strdup (_("No activity in the 60 days before or after"));

  return g_strdup (_("No activity since, and none in the 60 days before"));
}

static GtkWidget *
create_recognition_row (RapportRecognition *recognition)
{
  const char *kind = rapport_recognition_get_kind (recognition);
  const char *description = rapport_recognition_get_description (recognition);
  const char *given_by = rapport_recognition_get_given_by (recognition);
  const char *kind_label = rapport_recognition_kind_get_label (kind);
  g_autofree char *date = rapport_member_format_date (rapport_recognition_get_given_at (recognition));
  g_autofree char *impact = dup_impact_text (recognition);
  g_autofree char *details = NULL;
  g_autofree char *subtitle = NULL;
  gboolean has_description = description != NULL && description[0] != '\0';
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  if (given_by != NULL && given_by[0] != '\0')
    /* Translators: "Kudos · 12 March 2026 · by Priya Raman" */
    details = g_strdup_printf (_("%s · %s · by %s"), kind_label, date, given_by);
  else
    details = g_strdup_printf ("%s · %s", kind_label, date);
  subtitle = g_strconcat (details, "\n", impact, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), has_description ? description : kind_label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  rapport_member_set_icon (GTK_IMAGE (icon), "starred-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
update_recognitions (RapportMemberEngagement *self)
{
  g_autoptr(GListModel) recognitions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  rapport_list_box_remove_rows (self->recognitions_list);

  recognitions = rapport_pipeline_list_recognitions (get_pipeline (self), self->member_id, &error);
  if (recognitions == NULL)
    {
      rapport_member_show_error (self->recognition_error, NULL, error);
      return;
    }

  n = g_list_model_get_n_items (recognitions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportRecognition) recognition = g_list_model_get_item (recognitions, i);

      gtk_list_box_append (self->recognitions_list, create_recognition_row (recognition));
    }
}

/**
 * rapport_member_engagement_refresh:
 *
 * Explains the member's score again and reads their recognitions.
 */
void
rapport_member_engagement_refresh (RapportMemberEngagement *self)
{
  g_autoptr(RapportScoreExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ready;

  g_return_if_fail (RAPPORT_IS_MEMBER_ENGAGEMENT (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  ready = self->store != NULL && self->member_id > 0 && self->scoring != NULL && get_pipeline (self) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.log-recognition", ready);
  if (!ready)
    {
      rapport_list_box_remove_rows (self->terms_list);
      rapport_list_box_remove_rows (self->recognitions_list);
      if (self->context != NULL && self->member_id > 0 && get_pipeline (self) == NULL)
        {
          g_set_error_literal (&error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                               _("The stages of the pipeline could not be read."));
          rapport_member_show_error (self->recognition_error, NULL, error);
        }
      return;
    }

  explanation = rapport_scoring_explain (self->scoring, self->member_id, &error);
  if (explanation == NULL)
    {
      /* A deleted member: the page shows its empty state. */
      if (!g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
        rapport_member_show_error (self->error_label, NULL, error);
      rapport_list_box_remove_rows (self->terms_list);
      rapport_list_box_remove_rows (self->recognitions_list);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  rapport_member_clear_error (self->recognition_error, NULL);
  update_score (self, explanation);
  update_terms (self, explanation);
  update_recognitions (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RapportMemberEngagement *self = data;

  self->refresh_source = 0;
  rapport_member_engagement_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (RapportMemberEngagement *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
on_store_changed_cb (RapportStore            *store,
                     const char              *table,
                     gint64                   row_id,
                     RapportChangeKind        kind,
                     RapportMemberEngagement *self)
{
  if (self->member_id <= 0)
    return;

  /* Connected for members: new activities and score updates announce the
   * member; weights, thresholds and bulk work a reload. */
  if (kind == RAPPORT_CHANGE_RELOAD || row_id == self->member_id)
    queue_refresh (self);
}

/* Recognitions are rare: any of them is worth a look. */
static void
on_recognitions_changed_cb (RapportStore            *store,
                            const char              *table,
                            gint64                   row_id,
                            RapportChangeKind        kind,
                            RapportMemberEngagement *self)
{
  if (self->member_id > 0)
    queue_refresh (self);
}

/* Log Recognition */

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;
  char extra;

  g_date_clear (date, 1);

  if (text == NULL)
    return FALSE;

  /* ISO first, as the field is filled in; then whatever the locale writes. */
  if (sscanf (text, "%d-%d-%d%c", &year, &month, &day, &extra) == 3)
    {
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }

  g_date_set_parse (date, text);
  return g_date_valid (date);
}

/* Today counts from now, so the "after" window starts with the
 * recognition; an earlier day counts from its noon. */
static gint64
date_to_time (const GDate *date)
{
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autoptr(GDateTime) noon = NULL;

  if (g_date_get_year (date) == g_date_time_get_year (now) &&
      g_date_get_month (date) == (GDateMonth) g_date_time_get_month (now) &&
      g_date_get_day (date) == g_date_time_get_day_of_month (now))
    return g_date_time_to_unix (now);

  noon = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  return g_date_time_to_unix (noon);
}

static gboolean
check_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  g_autoptr(GDateTime) now = rapport_now_local ();
  GDate today;

  if (!parse_date (text, date))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it like %04d-%02d-%02d"),
                   text, g_date_time_get_year (now), g_date_time_get_month (now),
                   g_date_time_get_day_of_month (now));
      return FALSE;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (date, &today) > 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("%s is in the future: log a recognition once it is given"), text);
      return FALSE;
    }

  return TRUE;
}

static void
on_date_row_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  gboolean valid = check_date (gtk_editable_get_text (editable), &date, &error);
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "rapport-error");

  adw_message_dialog_set_response_enabled (dialog, "log", valid);
  if (valid)
    rapport_member_clear_error (error_label, GTK_WIDGET (editable));
  else
    rapport_member_show_error (error_label, GTK_WIDGET (editable), error);
}

static void
on_log_dialog_response_cb (AdwMessageDialog        *dialog,
                           const char              *response,
                           RapportMemberEngagement *self)
{
  AdwComboRow *kind_row = g_object_get_data (G_OBJECT (dialog), "rapport-kind");
  GtkEditable *description_row = g_object_get_data (G_OBJECT (dialog), "rapport-description");
  GtkEditable *date_row = g_object_get_data (G_OBJECT (dialog), "rapport-date");
  GtkEditable *by_row = g_object_get_data (G_OBJECT (dialog), "rapport-given-by");
  g_autofree char *description = NULL;
  g_autofree char *given_by = NULL;
  g_autoptr(GError) error = NULL;
  guint selected;
  GDate date;

  if (!g_str_equal (response, "log") || get_pipeline (self) == NULL || self->member_id <= 0)
    return;

  if (!check_date (gtk_editable_get_text (date_row), &date, &error))
    {
      rapport_member_show_error (self->recognition_error, NULL, error);
      return;
    }

  selected = adw_combo_row_get_selected (kind_row);
  if (selected >= G_N_ELEMENTS (recognition_kinds))
    selected = 0;

  description = g_strstrip (g_strdup (gtk_editable_get_text (description_row)));
  given_by = g_strstrip (g_strdup (gtk_editable_get_text (by_row)));

  if (rapport_pipeline_add_recognition (get_pipeline (self), self->member_id,
                                        recognition_kinds[selected],
                                        description[0] != '\0' ? description : NULL,
                                        date_to_time (&date),
                                        given_by[0] != '\0' ? given_by : NULL,
                                        &error) == 0)
    {
      rapport_member_show_error (self->recognition_error, NULL, error);
      return;
    }

  rapport_member_clear_error (self->recognition_error, NULL);
  rapport_member_engagement_refresh (self);
}

static GtkWidget *
create_entry_row (const char *title,
                  const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");

  return row;
}

static void
log_recognition_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RapportMemberEngagement *self = RAPPORT_MEMBER_ENGAGEMENT (widget);
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = rapport_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *author = rapport_member_dup_author_name ();
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *kind_row;
  GtkWidget *description_row;
  GtkWidget *date_row;
  GtkWidget *by_row;
  GtkWidget *error_label;

  if (self->store == NULL || self->member_id <= 0)
    return;

  member = rapport_store_get_member (self->store, self->member_id, NULL);
  if (member == NULL)
    return;

  /* Translators: %s is the member's name */
  body = g_strdup_printf (_("What did %s receive, and when?"), rapport_member_get_name (member));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Log Recognition"), body);

  for (guint i = 0; i < G_N_ELEMENTS (recognition_kinds); i++)
    gtk_string_list_append (kinds, rapport_recognition_kind_get_label (recognition_kinds[i]));

  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));

  description_row = create_entry_row (_("Description"), NULL);
  date_row = create_entry_row (_("Date"), today);
  gtk_editable_set_alignment (GTK_EDITABLE (date_row), 0);
  by_row = create_entry_row (_("Given By"), author);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), kind_row);
  gtk_list_box_append (GTK_LIST_BOX (list), description_row);
  gtk_list_box_append (GTK_LIST_BOX (list), date_row);
  gtk_list_box_append (GTK_LIST_BOX (list), by_row);

  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "log", _("_Log"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "log");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "rapport-kind", kind_row);
  g_object_set_data (G_OBJECT (dialog), "rapport-description", description_row);
  g_object_set_data (G_OBJECT (dialog), "rapport-date", date_row);
  g_object_set_data (G_OBJECT (dialog), "rapport-given-by", by_row);
  g_object_set_data (G_OBJECT (dialog), "rapport-error", error_label);
  g_signal_connect_object (date_row, "changed", G_CALLBACK (on_date_row_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_log_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (description_row);
}

/* GObject */

static void
rapport_member_engagement_dispose (GObject *object)
{
  RapportMemberEngagement *self = (RapportMemberEngagement *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBER_ENGAGEMENT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->scoring);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_member_engagement_parent_class)->dispose (object);
}

static void
rapport_member_engagement_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RapportMemberEngagement *self = RAPPORT_MEMBER_ENGAGEMENT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_engagement_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RapportMemberEngagement *self = RAPPORT_MEMBER_ENGAGEMENT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_member_engagement_set_context (self, g_value_get_object (value));
      break;

    case PROP_MEMBER_ID:
      rapport_member_engagement_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_engagement_class_init (RapportMemberEngagementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_engagement_dispose;
  object_class->get_property = rapport_member_engagement_get_property;
  object_class->set_property = rapport_member_engagement_set_property;

  /* The open community, whose scoring and pipeline explain the member. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "engagement.log-recognition", NULL, log_recognition_action);

  rapport_member_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-member-engagement.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, score_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, trend_icon);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, terms_list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, formula_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, recognitions_list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberEngagement, recognition_error);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_engagement_init (RapportMemberEngagement *self)
{
  g_autofree char *formula = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: how the engagement score is computed, in plain words; %.0f%% is "10%" */
  formula = g_strdup_printf (_("Each activity counts its weight, and loses %.0f%% of its value every "
                               "month. Weights and levels are set in Preferences → Scoring."),
                             (1.0 - RAPPORT_SCORE_DECAY) * 100.0);
  gtk_label_set_text (self->formula_label, formula);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.log-recognition", FALSE);
}

/**
 * rapport_member_engagement_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_member_engagement_get_context (RapportMemberEngagement *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_ENGAGEMENT (self), NULL);

  return self->context;
}

/**
 * rapport_member_engagement_set_context:
 * @context: (nullable): the open community
 *
 * Explains scores with @context's scoring and lists recognitions with its
 * pipeline, the ones the rest of the window shares.
 */
void
rapport_member_engagement_set_context (RapportMemberEngagement *self,
                                       RapportContext          *context)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_ENGAGEMENT (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->scoring);
  g_clear_object (&self->store);

  g_set_object (&self->context, context);

  if (context != NULL)
    {
      self->store = g_object_ref (rapport_context_get_store (context));
      self->scoring = g_object_ref (rapport_context_get_scoring (context));
      g_signal_connect_object (self->store, "changed::members",
                               G_CALLBACK (on_store_changed_cb), self, 0);
      g_signal_connect_object (self->store, "changed::recognitions",
                               G_CALLBACK (on_recognitions_changed_cb), self, 0);
    }

  rapport_member_engagement_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_member_engagement_get_member_id (RapportMemberEngagement *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_ENGAGEMENT (self), 0);

  return self->member_id;
}

void
rapport_member_engagement_set_member_id (RapportMemberEngagement *self,
                                         gint64                   member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_ENGAGEMENT (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;
  rapport_member_engagement_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
