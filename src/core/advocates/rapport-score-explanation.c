/* rapport-score-explanation.c
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

#define G_LOG_DOMAIN "rapport-score-explanation"

#include "config.h"

#include "rapport-score-explanation.h"
#include "rapport-score-term.h"
#include "rapport-scoring-private.h"

/* A member's score as the sum of its terms, with what changed in the last
 * 30 days. */
struct _RapportScoreExplanation
{
  GObject     parent_instance;

  gint64      member_id;
  gint64      computed_at;
  double      score;
  int         level;
  gint64      activity_count;
  double      recent_score;
  double      previous_score;
  GListStore *terms;
};

G_DEFINE_FINAL_TYPE (RapportScoreExplanation, rapport_score_explanation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_COMPUTED_AT,
  PROP_SCORE,
  PROP_LEVEL,
  PROP_ACTIVITY_COUNT,
  PROP_RECENT_SCORE,
  PROP_PREVIOUS_SCORE,
  PROP_TREND,
  PROP_TERMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_score_explanation_dispose (GObject *object)
{
  RapportScoreExplanation *self = (RapportScoreExplanation *)object;

  g_clear_object (&self->terms);

  G_OBJECT_CLASS (rapport_score_explanation_parent_class)->dispose (object);
}

static void
rapport_score_explanation_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RapportScoreExplanation *self = RAPPORT_SCORE_EXPLANATION (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    case PROP_COMPUTED_AT:
      g_value_set_int64 (value, self->computed_at);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_ACTIVITY_COUNT:
      g_value_set_int64 (value, self->activity_count);
      break;

    case PROP_RECENT_SCORE:
      g_value_set_double (value, self->recent_score);
      break;

    case PROP_PREVIOUS_SCORE:
      g_value_set_double (value, self->previous_score);
      break;

    case PROP_TREND:
      g_value_set_double (value, rapport_score_explanation_get_trend (self));
      break;

    case PROP_TERMS:
      g_value_set_object (value, self->terms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_score_explanation_class_init (RapportScoreExplanationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_score_explanation_dispose;
  object_class->get_property = rapport_score_explanation_get_property;

  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The moment the score is computed for, Unix time (UTC). */
  properties [PROP_COMPUTED_AT] =
    g_param_spec_int64 ("computed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 1 (top) to 4 (no weighted activity), against the last ranking's cutoffs. */
  properties [PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 1, 4, 4,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTIVITY_COUNT] =
    g_param_spec_int64 ("activity-count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the activities of the last 30 days add to the score. */
  properties [PROP_RECENT_SCORE] =
    g_param_spec_double ("recent-score", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The score 30 days ago, by the same formula as of then. */
  properties [PROP_PREVIOUS_SCORE] =
    g_param_spec_double ("previous-score", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* score − previous-score: positive when the member is warming up. */
  properties [PROP_TREND] =
    g_param_spec_double ("trend", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The RapportScoreTerms, the largest contribution first. */
  properties [PROP_TERMS] =
    g_param_spec_object ("terms", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_score_explanation_init (RapportScoreExplanation *self)
{
  self->terms = g_list_store_new (RAPPORT_TYPE_SCORE_TERM);
  self->level = 4;
}

static int
compare_terms (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RapportScoreTerm *ta = (RapportScoreTerm *) a;
  RapportScoreTerm *tb = (RapportScoreTerm *) b;
  double ca = rapport_score_term_get_contribution (ta);
  double cb = rapport_score_term_get_contribution (tb);
  const char *pa = rapport_score_term_get_platform (ta);
  const char *pb = rapport_score_term_get_platform (tb);
  int c;

  if (ca != cb)
    return ca > cb ? -1 : 1;

  c = g_strcmp0 (rapport_score_term_get_kind (ta), rapport_score_term_get_kind (tb));
  return c != 0 ? c : g_strcmp0 (pa, pb);
}

/* Takes the terms of @terms (RapportScoreTerm), in any order. */
RapportScoreExplanation *
_rapport_score_explanation_new (gint64     member_id,
                                gint64     computed_at,
                                double     score,
                                int        level,
                                double     recent_score,
                                double     previous_score,
                                GPtrArray *terms)
{
  RapportScoreExplanation *self = g_object_new (RAPPORT_TYPE_SCORE_EXPLANATION, NULL);

  self->member_id = member_id;
  self->computed_at = computed_at;
  self->score = score;
  self->level = level;
  self->recent_score = recent_score;
  self->previous_score = previous_score;

  for (guint i = 0; i < terms->len; i++)
    self->activity_count += rapport_score_term_get_count (g_ptr_array_index (terms, i));

  g_list_store_splice (self->terms, 0, 0, terms->pdata, terms->len);
  g_list_store_sort (self->terms, compare_terms, NULL);

  return self;
}

gint64
rapport_score_explanation_get_member_id (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->member_id;
}

/**
 * rapport_score_explanation_get_computed_at:
 *
 * Returns: the moment the score was computed for, Unix time (UTC)
 */
gint64
rapport_score_explanation_get_computed_at (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->computed_at;
}

double
rapport_score_explanation_get_score (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->score;
}

int
rapport_score_explanation_get_level (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 4);

  return self->level;
}

gint64
rapport_score_explanation_get_activity_count (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->activity_count;
}

/**
 * rapport_score_explanation_get_recent_score:
 *
 * Returns: what the activities of the last 30 days add to the score
 */
double
rapport_score_explanation_get_recent_score (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->recent_score;
}

/**
 * rapport_score_explanation_get_previous_score:
 *
 * Returns: the score 30 days ago, by the same formula as of then
 */
double
rapport_score_explanation_get_previous_score (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->previous_score;
}

/**
 * rapport_score_explanation_get_trend:
 *
 * Returns: the change over the last 30 days: positive when the member is
 *   more engaged than a month ago
 */
double
rapport_score_explanation_get_trend (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), 0);

  return self->score - self->previous_score;
}

/**
 * rapport_score_explanation_get_terms:
 *
 * Returns: (transfer none): a list of #RapportScoreTerm, the largest
 *   contribution first
 */
GListModel *
rapport_score_explanation_get_terms (RapportScoreExplanation *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_EXPLANATION (self), NULL);

  return G_LIST_MODEL (self->terms);
}
