/* rapport-suggestion.c
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

#define G_LOG_DOMAIN "rapport-suggestion"

#include "config.h"

#include "rapport-pipeline-private.h"
#include "rapport-suggestion.h"

/* Something the advocate-program lead may want to do about a member, with
 * the reason in one line. The fingerprint names the facts behind it: a
 * dismissal holds until they change. */
struct _RapportSuggestion
{
  GObject                parent_instance;

  RapportSuggestionKind  kind;
  gint64                 member_id;
  char                  *member_name;
  gint64                 stage_id;
  char                  *stage;
  gint64                 target_stage_id;
  char                  *target_stage;
  int                    level;
  double                 score;
  gint64                 activity_count;
  gint64                 last_active_at;
  char                  *reason;
  char                  *fingerprint;
};

G_DEFINE_FINAL_TYPE (RapportSuggestion, rapport_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  PROP_STAGE_ID,
  PROP_STAGE,
  PROP_TARGET_STAGE_ID,
  PROP_TARGET_STAGE,
  PROP_LEVEL,
  PROP_SCORE,
  PROP_ACTIVITY_COUNT,
  PROP_LAST_ACTIVE_AT,
  PROP_REASON,
  PROP_FINGERPRINT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GType
rapport_suggestion_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { RAPPORT_SUGGESTION_PROMOTION, "RAPPORT_SUGGESTION_PROMOTION", "promotion" },
        { RAPPORT_SUGGESTION_COOLING, "RAPPORT_SUGGESTION_COOLING", "cooling" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("RapportSuggestionKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void
rapport_suggestion_finalize (GObject *object)
{
  RapportSuggestion *self = (RapportSuggestion *)object;

  g_clear_pointer (&self->member_name, g_free);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->target_stage, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->fingerprint, g_free);

  G_OBJECT_CLASS (rapport_suggestion_parent_class)->finalize (object);
}

static void
rapport_suggestion_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportSuggestion *self = RAPPORT_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;

    case PROP_TARGET_STAGE_ID:
      g_value_set_int64 (value, self->target_stage_id);
      break;

    case PROP_TARGET_STAGE:
      g_value_set_string (value, self->target_stage);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_ACTIVITY_COUNT:
      g_value_set_int64 (value, self->activity_count);
      break;

    case PROP_LAST_ACTIVE_AT:
      g_value_set_int64 (value, self->last_active_at);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_suggestion_class_init (RapportSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_suggestion_finalize;
  object_class->get_property = rapport_suggestion_get_property;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_SUGGESTION_KIND, RAPPORT_SUGGESTION_PROMOTION,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEMBER_NAME] =
    g_param_spec_string ("member-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Where accepting a promotion moves the member; 0 for cooling off. */
  properties [PROP_TARGET_STAGE_ID] =
    g_param_spec_int64 ("target-stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TARGET_STAGE] =
    g_param_spec_string ("target-stage", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 1, 4, 4,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTIVITY_COUNT] =
    g_param_spec_int64 ("activity-count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LAST_ACTIVE_AT] =
    g_param_spec_int64 ("last-active-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* One line: "Top 10% by engagement (score 142.5) — ready for Champion". */
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINGERPRINT] =
    g_param_spec_string ("fingerprint", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_suggestion_init (RapportSuggestion *self)
{
}

RapportSuggestion *
_rapport_suggestion_new (RapportSuggestionKind  kind,
                         gint64                 member_id,
                         const char            *member_name,
                         gint64                 stage_id,
                         const char            *stage,
                         gint64                 target_stage_id,
                         const char            *target_stage,
                         int                    level,
                         double                 score,
                         gint64                 activity_count,
                         gint64                 last_active_at,
                         const char            *reason,
                         const char            *fingerprint)
{
  RapportSuggestion *self = g_object_new (RAPPORT_TYPE_SUGGESTION, NULL);

  self->kind = kind;
  self->member_id = member_id;
  self->member_name = g_strdup (member_name);
  self->stage_id = stage_id;
  self->stage = g_strdup (stage);
  self->target_stage_id = target_stage_id;
  self->target_stage = g_strdup (target_stage);
  self->level = CLAMP (level, 1, 4);
  self->score = score;
  self->activity_count = activity_count;
  self->last_active_at = last_active_at;
  self->reason = g_strdup (reason);
  self->fingerprint = g_strdup (fingerprint);

  return self;
}

RapportSuggestionKind
rapport_suggestion_get_kind (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), RAPPORT_SUGGESTION_PROMOTION);

  return self->kind;
}

gint64
rapport_suggestion_get_member_id (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 0);

  return self->member_id;
}

const char *
rapport_suggestion_get_member_name (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), NULL);

  return self->member_name;
}

gint64
rapport_suggestion_get_stage_id (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 0);

  return self->stage_id;
}

const char *
rapport_suggestion_get_stage (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), NULL);

  return self->stage;
}

/**
 * rapport_suggestion_get_target_stage_id:
 *
 * Returns: where accepting a promotion moves the member, or 0 for cooling off
 */
gint64
rapport_suggestion_get_target_stage_id (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 0);

  return self->target_stage_id;
}

/**
 * rapport_suggestion_get_target_stage:
 *
 * Returns: (nullable): the name of the stage a promotion leads to
 */
const char *
rapport_suggestion_get_target_stage (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), NULL);

  return self->target_stage;
}

int
rapport_suggestion_get_level (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 4);

  return self->level;
}

double
rapport_suggestion_get_score (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 0);

  return self->score;
}

gint64
rapport_suggestion_get_activity_count (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 0);

  return self->activity_count;
}

gint64
rapport_suggestion_get_last_active_at (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), 0);

  return self->last_active_at;
}

/**
 * rapport_suggestion_get_reason:
 *
 * Returns: why, in one line
 */
const char *
rapport_suggestion_get_reason (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), NULL);

  return self->reason;
}

/**
 * rapport_suggestion_get_fingerprint:
 *
 * Returns: the facts the suggestion rests on, as a string that changes
 *   when they do
 */
const char *
rapport_suggestion_get_fingerprint (RapportSuggestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (self), NULL);

  return self->fingerprint;
}
