/* rapport-cli-score.c
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

#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rapport-activity.h"
#include "rapport-cli.h"
#include "rapport-member.h"
#include "rapport-pipeline.h"
#include "rapport-scoring.h"

/* 1204 → "1,204", with the locale's separator where it has one. */
static char *
format_count (guint64 n)
{
  const struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0'
                          ? conv->thousands_sep : ",";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize length = strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* Prints @text in a column @width characters wide (not bytes: names and
 * translations are UTF-8). */
static void
print_cell (const char *text,
            int         width,
            gboolean    right)
{
  int length = g_utf8_strlen (text, -1);

  if (right)
    g_print ("%*s%s", MAX (0, width - length), "", text);
  else
    g_print ("%s%*s", text, MAX (0, width - length), "");
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (unix_time);

  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("?");
}

static gboolean
is_number (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* MEMBER is an id, an email address, or search text that names exactly
 * one member (or exactly one by their full name). */
static gint64
resolve_member (RapportStore  *store,
                const char    *text,
                GError       **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GString) names = NULL;
  gint64 exact = 0;
  guint n_exact = 0;

  if (is_number (text))
    {
      g_autoptr(RapportMember) member = NULL;
      guint64 id;

      if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, error))
        return 0;
      member = rapport_store_get_member (store, (gint64) id, error);
      return member != NULL ? rapport_member_get_id (member) : 0;
    }

  if (strchr (text, '@') != NULL)
    {
      gint64 id = rapport_store_find_member_by_email (store, text);

      if (id > 0)
        return id;
    }

  matches = rapport_store_search (store, text, 6, error);
  if (matches == NULL)
    return 0;

  if (matches->len == 1)
    return rapport_member_get_id (g_ptr_array_index (matches, 0));

  if (matches->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No member matches “%s”"), text);
      return 0;
    }

  for (guint i = 0; i < matches->len; i++)
    {
      RapportMember *member = g_ptr_array_index (matches, i);
      g_autofree char *a = g_utf8_casefold (rapport_member_get_name (member), -1);
      g_autofree char *b = g_utf8_casefold (text, -1);

      if (g_str_equal (a, b))
        {
          exact = rapport_member_get_id (member);
          n_exact++;
        }
    }
  if (n_exact == 1)
    return exact;

  names = g_string_new (NULL);
  for (guint i = 0; i < MIN (matches->len, 5); i++)
    {
      RapportMember *member = g_ptr_array_index (matches, i);

      g_string_append_printf (names, "\n  %" G_GINT64_FORMAT "\t%s",
                              rapport_member_get_id (member), rapport_member_get_name (member));
    }
  if (matches->len > 5)
    g_string_append (names, "\n  …");

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” matches more than one member; give an id or an email address:%s"),
               text, names->str);
  return 0;
}

static void
print_level_counts (const RapportLevelCounts *counts)
{
  for (int level = 1; level <= 4; level++)
    {
      g_autofree char *label = g_strdup_printf (_("Level %d"), level);
      g_autofree char *n = format_count (counts->levels[level - 1]);
      double share = counts->n_members > 0 ? 100.0 * counts->levels[level - 1] / counts->n_members : 0;

      print_cell (label, 10, FALSE);
      print_cell (n, 12, TRUE);
      g_print ("  %5.1f%%", share);
      if (level == 1 && counts->has_level1_cutoff)
        g_print (_("   score ≥ %.2f"), counts->level1_cutoff);
      else if (level == 2 && counts->has_level2_cutoff)
        g_print (_("   score ≥ %.2f"), counts->level2_cutoff);
      else if (level == 4)
        g_print (_("   no weighted activity"));
      g_print ("\n");
    }
}

static void
print_weights (const RapportScoreWeights *weights)
{
  g_print ("\n%s\n", _("Weights (before decay of 0.9 a month):"));
  for (guint i = 0; i < rapport_score_weights_get_n_entries (weights); i++)
    {
      const char *kind;
      const char *platform;
      double weight;
      g_autofree char *text = NULL;

      rapport_score_weights_get_entry (weights, i, &kind, &platform, &weight);
      text = g_strdup_printf ("%g", weight);
      g_print ("  ");
      print_cell (kind, 18, FALSE);
      print_cell (platform != NULL ? platform : _("every platform"), 16, FALSE);
      print_cell (text, 6, TRUE);
      g_print ("\n");
    }
  {
    g_autofree char *text = g_strdup_printf ("%g", rapport_score_weights_get_fallback (weights));

    g_print ("  ");
    print_cell (_("any other kind"), 34, FALSE);
    print_cell (text, 6, TRUE);
    g_print ("\n");
  }
}

static int
run_rescore (RapportScoring *scoring,
             gboolean        full)
{
  g_autoptr(GError) error = NULL;
  RapportStoreCounts store_counts;
  RapportLevelCounts counts;
  g_autofree char *members = NULL;
  g_autofree char *activities = NULL;
  gint64 start;
  double seconds;

  start = g_get_monotonic_time ();
  if (!rapport_scoring_rescore_all (scoring, &counts, NULL, &error))
    {
      g_printerr (_("score: %s\n"), error->message);
      return 1;
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (!rapport_store_get_counts (rapport_scoring_get_store (scoring), &store_counts, &error))
    {
      g_printerr (_("score: %s\n"), error->message);
      return 1;
    }

  members = format_count (counts.n_members);
  activities = format_count (store_counts.activities);
  g_print (_("Scored %s members from %s activities in %.2f s\n\n"), members, activities, seconds);
  print_level_counts (&counts);

  if (full)
    {
      g_autoptr(RapportScoreWeights) weights = rapport_scoring_dup_weights (scoring, &error);
      double level1_percent;
      double level2_percent;

      if (weights == NULL)
        {
          g_printerr (_("score: %s\n"), error->message);
          return 1;
        }
      print_weights (weights);

      rapport_scoring_get_level_percents (scoring, &level1_percent, &level2_percent, NULL);
      g_print ("\n");
      g_print (_("Level 1 is the top %g%% of the members with a score, level 2 the next %g%%.\n"),
               level1_percent, level2_percent);
    }

  return 0;
}

static void
print_activities (RapportScoring *scoring,
                  gint64          member_id,
                  gint64          now)
{
  g_autoptr(RapportScoreWeights) weights = rapport_scoring_dup_weights (scoring, NULL);
  RapportStore *store = rapport_scoring_get_store (scoring);
  gint64 before_time = 0;
  gint64 before_id = 0;

  if (weights == NULL)
    return;

  g_print ("\n");
  print_cell (_("Date"), 12, FALSE);
  print_cell (_("Kind"), 18, FALSE);
  print_cell (_("Platform"), 12, FALSE);
  print_cell (_("Weight"), 8, TRUE);
  print_cell (_("Decay"), 8, TRUE);
  print_cell (_("Adds"), 10, TRUE);
  g_print ("\n");

  for (;;)
    {
      g_autoptr(GPtrArray) page = rapport_store_list_activities (store, member_id, before_time,
                                                                 before_id, 500, NULL);

      if (page == NULL || page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          RapportActivity *activity = g_ptr_array_index (page, i);
          gint64 at = rapport_activity_get_occurred_at (activity);
          const char *kind = rapport_activity_get_kind (activity);
          const char *platform = rapport_activity_get_platform (activity);
          double weight = rapport_score_weights_resolve (weights, kind, platform);
          double decay = rapport_score_decay (now - at);
          g_autofree char *date = format_date (at);
          g_autofree char *weight_text = g_strdup_printf ("%g", weight);
          g_autofree char *decay_text = g_strdup_printf ("%.3f", decay);
          g_autofree char *adds_text = g_strdup_printf ("%.2f", weight * decay);

          print_cell (date, 12, FALSE);
          print_cell (kind, 18, FALSE);
          print_cell (platform, 12, FALSE);
          print_cell (weight_text, 8, TRUE);
          print_cell (decay_text, 8, TRUE);
          print_cell (adds_text, 10, TRUE);
          g_print ("\n");

          before_time = at;
          before_id = rapport_activity_get_id (activity);
        }
    }
}

static int
run_explain (RapportScoring *scoring,
             const char     *text,
             gboolean        full)
{
  RapportStore *store = rapport_scoring_get_store (scoring);
  g_autoptr(RapportScoreExplanation) explanation = NULL;
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *terms;
  gint64 member_id;
  double trend;

  member_id = resolve_member (store, text, &error);
  if (member_id == 0)
    {
      g_printerr (_("score --explain: %s\n"), error->message);
      return 1;
    }

  member = rapport_store_get_member (store, member_id, &error);
  explanation = member != NULL ? rapport_scoring_explain (scoring, member_id, &error) : NULL;
  if (explanation == NULL)
    {
      g_printerr (_("score --explain: %s\n"), error->message);
      return 1;
    }

  g_print (_("%s (id %lld): score %.2f, level %d\n\n"),
           rapport_member_get_name (member), (long long) member_id,
           rapport_score_explanation_get_score (explanation),
           rapport_score_explanation_get_level (explanation));

  print_cell (_("Kind"), 18, FALSE);
  print_cell (_("Platform"), 12, FALSE);
  print_cell (_("Count"), 7, TRUE);
  print_cell (_("Weight"), 8, TRUE);
  print_cell (_("Decay"), 8, TRUE);
  print_cell (_("Adds"), 10, TRUE);
  print_cell (_("Last 30 days"), 16, TRUE);
  g_print ("\n");

  terms = rapport_score_explanation_get_terms (explanation);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RapportScoreTerm) term = g_list_model_get_item (terms, i);
      const char *platform = rapport_score_term_get_platform (term);
      g_autofree char *count = format_count (rapport_score_term_get_count (term));
      g_autofree char *weight = g_strdup_printf ("%g", rapport_score_term_get_weight (term));
      g_autofree char *decay = g_strdup_printf ("%.3f", rapport_score_term_get_decay (term));
      g_autofree char *adds = g_strdup_printf ("%.2f", rapport_score_term_get_contribution (term));
      g_autofree char *recent = g_strdup_printf ("+%.2f (%lld)",
                                                 rapport_score_term_get_recent_contribution (term),
                                                 (long long) rapport_score_term_get_recent_count (term));

      print_cell (rapport_score_term_get_kind (term), 18, FALSE);
      print_cell (platform != NULL ? platform : _("all"), 12, FALSE);
      print_cell (count, 7, TRUE);
      print_cell (weight, 8, TRUE);
      print_cell (decay, 8, TRUE);
      print_cell (adds, 10, TRUE);
      print_cell (recent, 16, TRUE);
      g_print ("\n");
    }

  {
    g_autofree char *count = format_count (rapport_score_explanation_get_activity_count (explanation));
    g_autofree char *total = g_strdup_printf ("%.2f", rapport_score_explanation_get_score (explanation));
    g_autofree char *recent = g_strdup_printf ("+%.2f", rapport_score_explanation_get_recent_score (explanation));

    print_cell (_("Total"), 30, FALSE);
    print_cell (count, 7, TRUE);
    print_cell ("", 16, FALSE);
    print_cell (total, 10, TRUE);
    print_cell (recent, 16, TRUE);
    g_print ("\n\n");
  }

  trend = rapport_score_explanation_get_trend (explanation);
  g_print (_("30 days ago the score was %.2f; the trend is %s%.2f.\n"),
           rapport_score_explanation_get_previous_score (explanation),
           trend >= 0 ? "+" : "−", fabs (trend));

  if (full)
    print_activities (scoring, member_id, rapport_score_explanation_get_computed_at (explanation));

  return 0;
}

static void
print_score_usage (void)
{
  g_printerr (_("Usage: rapport-cli [--db PATH] score [--explain MEMBER] [--full]\n"
                "  (no option)        rescore every member, then show how they spread over the levels\n"
                "  --explain MEMBER   show a member's score term by term; MEMBER is an id, an email\n"
                "                     address or text that names one member\n"
                "  --full             also show the weights (with --explain: every activity)\n"));
}

int
rapport_cli_score (RapportStore  *store,
                   int            argc,
                   char         **argv)
{
  g_autoptr(RapportScoring) scoring = NULL;
  const char *explain = NULL;
  gboolean full = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--explain"))
        {
          if (i + 1 >= argc)
            {
              g_printerr (_("score: --explain needs a MEMBER (an id, an email address or a name)\n"));
              return 2;
            }
          explain = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--explain="))
        {
          explain = argv[i] + strlen ("--explain=");
        }
      else if (g_str_equal (argv[i], "--full"))
        {
          full = TRUE;
        }
      else
        {
          g_printerr (_("score: unknown argument “%s”\n"), argv[i]);
          print_score_usage ();
          return 2;
        }
    }

  scoring = rapport_scoring_new (store);
  if (explain != NULL)
    return run_explain (scoring, explain, full);

  return run_rescore (scoring, full);
}

/* Pipeline */

static int
print_stages (RapportPipeline *pipeline)
{
  GListModel *stages = rapport_pipeline_get_stages (pipeline);
  gint64 total = 0;

  print_cell (_("Stage"), 24, FALSE);
  print_cell (_("Members"), 12, TRUE);
  g_print ("\n");

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(RapportStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *count = format_count (rapport_stage_get_member_count (stage));

      print_cell (rapport_stage_get_name (stage), 24, FALSE);
      print_cell (count, 12, TRUE);
      g_print ("\n");
      total += rapport_stage_get_member_count (stage);
    }

  {
    g_autofree char *count = format_count (total);

    print_cell (_("All"), 24, FALSE);
    print_cell (count, 12, TRUE);
    g_print ("\n");
  }

  return 0;
}

static int
print_suggestions (RapportPipeline *pipeline,
                   guint64          limit)
{
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  guint promotions = 0;
  guint cooling = 0;
  guint n;

  suggestions = rapport_pipeline_list_suggestions (pipeline, &error);
  if (suggestions == NULL)
    {
      g_printerr (_("pipeline: %s\n"), error->message);
      return 1;
    }

  n = g_list_model_get_n_items (suggestions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportSuggestion) suggestion = g_list_model_get_item (suggestions, i);
      gboolean promotion = rapport_suggestion_get_kind (suggestion) == RAPPORT_SUGGESTION_PROMOTION;
      g_autofree char *who = NULL;
      g_autofree char *move = NULL;

      if (promotion)
        promotions++;
      else
        cooling++;

      if (limit > 0 && i >= limit)
        continue;

      who = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")",
                             rapport_suggestion_get_member_name (suggestion),
                             rapport_suggestion_get_member_id (suggestion));
      if (promotion)
        move = g_strdup_printf ("%s → %s", rapport_suggestion_get_stage (suggestion),
                                rapport_suggestion_get_target_stage (suggestion));
      else
        move = g_strdup (rapport_suggestion_get_stage (suggestion));

      print_cell (promotion ? _("Promote") : _("Cooling"), 10, FALSE);
      print_cell (who, 32, FALSE);
      print_cell (move, 28, FALSE);
      g_print ("%s\n", rapport_suggestion_get_reason (suggestion));
    }

  if (n > 0)
    g_print ("\n");
  if (limit > 0 && n > limit)
    {
      g_autofree char *shown = format_count (limit);
      g_autofree char *all = format_count (n);

      g_print (_("Showing %s of %s suggestions. "), shown, all);
    }
  {
    g_autofree char *ready = format_count (promotions);
    g_autofree char *cold = format_count (cooling);

    g_print (g_dngettext (GETTEXT_PACKAGE, "%s member ready for promotion, ",
                          "%s members ready for promotion, ", promotions),
             ready);
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s cooling off\n", "%s cooling off\n", cooling),
             cold);
  }

  return 0;
}

static void
print_pipeline_usage (void)
{
  g_printerr (_("Usage: rapport-cli [--db PATH] pipeline [--suggestions [--limit N]]\n"
                "  (no option)     the stages with how many members each has\n"
                "  --suggestions   members ready for promotion and members cooling off, with reasons\n"
                "  --limit N       show at most N suggestions (default: all)\n"));
}

int
rapport_cli_pipeline (RapportStore  *store,
                      int            argc,
                      char         **argv)
{
  g_autoptr(RapportPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  gboolean suggestions = FALSE;
  guint64 limit = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--suggestions"))
        {
          suggestions = TRUE;
        }
      else if (g_str_equal (argv[i], "--limit"))
        {
          if (i + 1 >= argc ||
              !g_ascii_string_to_unsigned (argv[i + 1], 10, 1, G_MAXUINT, &limit, &error))
            {
              g_printerr (_("pipeline: --limit needs a number of 1 or more%s%s\n"),
                          error ? ": " : "", error ? error->message : "");
              return 2;
            }
          i++;
        }
      else
        {
          g_printerr (_("pipeline: unknown argument “%s”\n"), argv[i]);
          print_pipeline_usage ();
          return 2;
        }
    }

  pipeline = rapport_pipeline_new (store, &error);
  if (pipeline == NULL)
    {
      g_printerr (_("pipeline: %s\n"), error->message);
      return 1;
    }

  if (suggestions)
    return print_suggestions (pipeline, limit);

  return print_stages (pipeline);
}
