/* rapport-score-term.c
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

#define G_LOG_DOMAIN "rapport-score-term"

#include "config.h"

#include "rapport-score-term.h"
#include "rapport-scoring-private.h"

/* One line of a score's explanation: the activities of one kind (on one
 * platform, when that platform has a weight of its own), what each counts
 * and what is left of them after decay. */
struct _RapportScoreTerm
{
  GObject  parent_instance;

  char    *kind;
  char    *platform;
  gint64   count;
  double   weight;
  double   decay_sum;
  gint64   recent_count;
  double   recent_decay_sum;
  gint64   last_at;
};

G_DEFINE_FINAL_TYPE (RapportScoreTerm, rapport_score_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PLATFORM,
  PROP_COUNT,
  PROP_WEIGHT,
  PROP_DECAY,
  PROP_CONTRIBUTION,
  PROP_RECENT_COUNT,
  PROP_RECENT_CONTRIBUTION,
  PROP_LAST_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_score_term_finalize (GObject *object)
{
  RapportScoreTerm *self = (RapportScoreTerm *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->platform, g_free);

  G_OBJECT_CLASS (rapport_score_term_parent_class)->finalize (object);
}

static void
rapport_score_term_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportScoreTerm *self = RAPPORT_SCORE_TERM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;

    case PROP_DECAY:
      g_value_set_double (value, rapport_score_term_get_decay (self));
      break;

    case PROP_CONTRIBUTION:
      g_value_set_double (value, rapport_score_term_get_contribution (self));
      break;

    case PROP_RECENT_COUNT:
      g_value_set_int64 (value, self->recent_count);
      break;

    case PROP_RECENT_CONTRIBUTION:
      g_value_set_double (value, rapport_score_term_get_recent_contribution (self));
      break;

    case PROP_LAST_AT:
      g_value_set_int64 (value, self->last_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_score_term_class_init (RapportScoreTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_score_term_finalize;
  object_class->get_property = rapport_score_term_get_property;

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Set only when the platform has a weight of its own for the kind. */
  properties [PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The share of the weight left after decay, averaged over the activities. */
  properties [PROP_DECAY] =
    g_param_spec_double ("decay", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the activities add to the score: weight × the sum of their decays. */
  properties [PROP_CONTRIBUTION] =
    g_param_spec_double ("contribution", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECENT_COUNT] =
    g_param_spec_int64 ("recent-count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECENT_CONTRIBUTION] =
    g_param_spec_double ("recent-contribution", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LAST_AT] =
    g_param_spec_int64 ("last-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_score_term_init (RapportScoreTerm *self)
{
}

RapportScoreTerm *
_rapport_score_term_new (const char *kind,
                         const char *platform,
                         double      weight)
{
  RapportScoreTerm *self = g_object_new (RAPPORT_TYPE_SCORE_TERM, NULL);

  self->kind = g_strdup (kind);
  self->platform = g_strdup (platform);
  self->weight = weight;

  return self;
}

/* Adds one activity, @decay being what is left of it now. */
void
_rapport_score_term_add (RapportScoreTerm *self,
                         gint64            occurred_at,
                         double            decay,
                         gboolean          recent)
{
  g_assert (RAPPORT_IS_SCORE_TERM (self));

  self->count++;
  self->decay_sum += decay;
  if (recent)
    {
      self->recent_count++;
      self->recent_decay_sum += decay;
    }
  if (self->count == 1 || occurred_at > self->last_at)
    self->last_at = occurred_at;
}

/**
 * rapport_score_term_get_kind:
 *
 * Returns: the activity kind ("pull-request")
 */
const char *
rapport_score_term_get_kind (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), NULL);

  return self->kind;
}

/**
 * rapport_score_term_get_platform:
 *
 * Returns: (nullable): the platform, when it has a weight of its own for
 *   the kind; %NULL when the term covers every other platform
 */
const char *
rapport_score_term_get_platform (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), NULL);

  return self->platform;
}

gint64
rapport_score_term_get_count (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->count;
}

double
rapport_score_term_get_weight (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->weight;
}

/**
 * rapport_score_term_get_decay:
 *
 * Returns: the share of the weight left after decay, on average: 1 for
 *   activities of today, 0.9 for a month ago
 */
double
rapport_score_term_get_decay (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->count > 0 ? self->decay_sum / self->count : 0;
}

/**
 * rapport_score_term_get_contribution:
 *
 * Returns: what the term adds to the score
 */
double
rapport_score_term_get_contribution (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->weight * self->decay_sum;
}

/**
 * rapport_score_term_get_recent_count:
 *
 * Returns: how many of the activities happened in the last 30 days
 */
gint64
rapport_score_term_get_recent_count (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->recent_count;
}

/**
 * rapport_score_term_get_recent_contribution:
 *
 * Returns: what the activities of the last 30 days add to the score
 */
double
rapport_score_term_get_recent_contribution (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->weight * self->recent_decay_sum;
}

/**
 * rapport_score_term_get_last_at:
 *
 * Returns: when the latest of the activities happened, Unix time (UTC)
 */
gint64
rapport_score_term_get_last_at (RapportScoreTerm *self)
{
  g_return_val_if_fail (RAPPORT_IS_SCORE_TERM (self), 0);

  return self->last_at;
}
