/* rapport-score-weights.c
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

#define G_LOG_DOMAIN "rapport-score-weights"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-score-weights.h"

typedef struct
{
  char   *kind;
  char   *platform;   /* NULL: every platform */
  double  weight;
} Entry;

struct _RapportScoreWeights
{
  GArray *entries;    /* Entry, sorted by kind, then platform (NULL first) */
  double  fallback;
};

G_DEFINE_BOXED_TYPE (RapportScoreWeights, rapport_score_weights,
                     rapport_score_weights_copy, rapport_score_weights_free)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->kind, g_free);
  g_clear_pointer (&entry->platform, g_free);
}

static const char *
nonempty (const char *s)
{
  return s != NULL && s[0] != '\0' ? s : NULL;
}

static int
compare_key (const char *kind_a,
             const char *platform_a,
             const char *kind_b,
             const char *platform_b)
{
  int c = strcmp (kind_a, kind_b);

  if (c != 0)
    return c;
  if (platform_a == NULL || platform_b == NULL)
    return (platform_a != NULL) - (platform_b != NULL);
  return strcmp (platform_a, platform_b);
}

/* Where (kind, platform) is, or where it would go: entries are few, and this
 * is only used while editing; scoring resolves each pair once. */
static guint
find (const RapportScoreWeights *self,
      const char                *kind,
      const char                *platform,
      gboolean                  *found)
{
  guint i;

  *found = FALSE;
  for (i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      int c = compare_key (entry->kind, entry->platform, kind, platform);

      if (c == 0)
        *found = TRUE;
      if (c >= 0)
        break;
    }

  return i;
}

/**
 * rapport_score_weights_new:
 *
 * Weights with no entries, where every activity counts 1.
 */
RapportScoreWeights *
rapport_score_weights_new (void)
{
  RapportScoreWeights *self = g_new0 (RapportScoreWeights, 1);

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->fallback = 1.0;

  return self;
}

/**
 * rapport_score_weights_new_default:
 *
 * The weights a new database starts with (resources/sql/0004-scoring.sql
 * inserts the same): building and teaching count most, a reaction least.
 */
RapportScoreWeights *
rapport_score_weights_new_default (void)
{
  static const struct {
    const char *kind;
    double      weight;
  } defaults[] = {
    { "talk-given", 12 },
    { "pull-request", 10 },
    { "issue", 8 },
    { "event-attended", 8 },
    { "reply", 6 },
    { "post", 6 },
    { "message", 3 },
    { "reaction", 2 },
  };
  RapportScoreWeights *self = rapport_score_weights_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    rapport_score_weights_set (self, defaults[i].kind, NULL, defaults[i].weight);
  rapport_score_weights_set_fallback (self, 1.0);

  return self;
}

RapportScoreWeights *
rapport_score_weights_copy (const RapportScoreWeights *self)
{
  RapportScoreWeights *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = rapport_score_weights_new ();
  copy->fallback = self->fallback;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      Entry dup = { g_strdup (entry->kind), g_strdup (entry->platform), entry->weight };

      g_array_append_val (copy->entries, dup);
    }

  return copy;
}

void
rapport_score_weights_free (RapportScoreWeights *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_free (self);
}

gboolean
rapport_score_weights_equal (const RapportScoreWeights *self,
                             const RapportScoreWeights *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (self->fallback != other->fallback || self->entries->len != other->entries->len)
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *a = &g_array_index (self->entries, Entry, i);
      const Entry *b = &g_array_index (other->entries, Entry, i);

      if (compare_key (a->kind, a->platform, b->kind, b->platform) != 0 || a->weight != b->weight)
        return FALSE;
    }

  return TRUE;
}

/**
 * rapport_score_weights_get_fallback:
 *
 * Returns: what an activity of a kind without a weight of its own counts
 */
double
rapport_score_weights_get_fallback (const RapportScoreWeights *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fallback;
}

void
rapport_score_weights_set_fallback (RapportScoreWeights *self,
                                    double               weight)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (weight) && weight >= 0);

  self->fallback = weight;
}

/**
 * rapport_score_weights_set:
 * @kind: an activity kind ("pull-request")
 * @platform: (nullable): a platform ("github"), or %NULL for every platform
 * @weight: what one such activity counts before decay, 0 or more
 */
void
rapport_score_weights_set (RapportScoreWeights *self,
                           const char          *kind,
                           const char          *platform,
                           double               weight)
{
  gboolean found;
  guint i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (nonempty (kind) != NULL);
  g_return_if_fail (isfinite (weight) && weight >= 0);

  platform = nonempty (platform);
  i = find (self, kind, platform, &found);
  if (found)
    {
      g_array_index (self->entries, Entry, i).weight = weight;
    }
  else
    {
      Entry entry = { g_strdup (kind), g_strdup (platform), weight };

      g_array_insert_val (self->entries, i, entry);
    }
}

/**
 * rapport_score_weights_unset:
 *
 * Drops the weight of (@kind, @platform): the kind's weight (or the fallback)
 * applies again.
 *
 * Returns: whether there was one
 */
gboolean
rapport_score_weights_unset (RapportScoreWeights *self,
                             const char          *kind,
                             const char          *platform)
{
  gboolean found;
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  i = find (self, kind, nonempty (platform), &found);
  if (found)
    g_array_remove_index (self->entries, i);

  return found;
}

/**
 * rapport_score_weights_lookup:
 * @weight: (out) (optional): the weight set for exactly (@kind, @platform)
 *
 * Returns: whether a weight is set for exactly (@kind, @platform)
 */
gboolean
rapport_score_weights_lookup (const RapportScoreWeights *self,
                              const char                *kind,
                              const char                *platform,
                              double                    *weight)
{
  gboolean found;
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  i = find (self, kind, nonempty (platform), &found);
  if (found && weight != NULL)
    *weight = g_array_index (self->entries, Entry, i).weight;

  return found;
}

/**
 * rapport_score_weights_resolve:
 *
 * Returns: what one activity of @kind on @platform counts: the platform's
 *   weight for the kind, else the kind's, else the fallback
 */
double
rapport_score_weights_resolve (const RapportScoreWeights *self,
                               const char                *kind,
                               const char                *platform)
{
  double weight;

  g_return_val_if_fail (self != NULL, 0);

  if (kind == NULL)
    return self->fallback;
  if (nonempty (platform) != NULL && rapport_score_weights_lookup (self, kind, platform, &weight))
    return weight;
  if (rapport_score_weights_lookup (self, kind, NULL, &weight))
    return weight;

  return self->fallback;
}

/**
 * rapport_score_weights_has_override:
 *
 * Returns: whether @kind has a weight of its own on @platform, so that its
 *   activities there are weighed (and explained) apart
 */
gboolean
rapport_score_weights_has_override (const RapportScoreWeights *self,
                                    const char                *kind,
                                    const char                *platform)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (kind == NULL || nonempty (platform) == NULL)
    return FALSE;

  return rapport_score_weights_lookup (self, kind, platform, NULL);
}

guint
rapport_score_weights_get_n_entries (const RapportScoreWeights *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * rapport_score_weights_get_entry:
 * @position: less than rapport_score_weights_get_n_entries()
 * @kind: (out) (optional) (transfer none):
 * @platform: (out) (optional) (transfer none) (nullable): %NULL for every platform
 * @weight: (out) (optional):
 *
 * The entries sorted by kind, each kind's own weight before its platforms'.
 */
void
rapport_score_weights_get_entry (const RapportScoreWeights  *self,
                                 guint                       position,
                                 const char                **kind,
                                 const char                **platform,
                                 double                     *weight)
{
  const Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (position < self->entries->len);

  entry = &g_array_index (self->entries, Entry, position);
  if (kind != NULL)
    *kind = entry->kind;
  if (platform != NULL)
    *platform = entry->platform;
  if (weight != NULL)
    *weight = entry->weight;
}
