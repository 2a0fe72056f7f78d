/* rapport-stage-change.c
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

#define G_LOG_DOMAIN "rapport-stage-change"

#include "config.h"

#include "rapport-pipeline-private.h"
#include "rapport-stage-change.h"

/* One row of a member's stage history. */
struct _RapportStageChange
{
  GObject  parent_instance;

  gint64   id;
  gint64   member_id;
  gint64   from_stage_id;
  char    *from_stage;
  gint64   to_stage_id;
  char    *to_stage;
  gint64   changed_at;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (RapportStageChange, rapport_stage_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_FROM_STAGE_ID,
  PROP_FROM_STAGE,
  PROP_TO_STAGE_ID,
  PROP_TO_STAGE,
  PROP_CHANGED_AT,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_stage_change_finalize (GObject *object)
{
  RapportStageChange *self = (RapportStageChange *)object;

  g_clear_pointer (&self->from_stage, g_free);
  g_clear_pointer (&self->to_stage, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (rapport_stage_change_parent_class)->finalize (object);
}

static void
rapport_stage_change_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportStageChange *self = RAPPORT_STAGE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    case PROP_FROM_STAGE_ID:
      g_value_set_int64 (value, self->from_stage_id);
      break;

    case PROP_FROM_STAGE:
      g_value_set_string (value, self->from_stage);
      break;

    case PROP_TO_STAGE_ID:
      g_value_set_int64 (value, self->to_stage_id);
      break;

    case PROP_TO_STAGE:
      g_value_set_string (value, self->to_stage);
      break;

    case PROP_CHANGED_AT:
      g_value_set_int64 (value, self->changed_at);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_stage_change_class_init (RapportStageChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_stage_change_finalize;
  object_class->get_property = rapport_stage_change_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 0 when the stage has since been removed. */
  properties [PROP_FROM_STAGE_ID] =
    g_param_spec_int64 ("from-stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FROM_STAGE] =
    g_param_spec_string ("from-stage", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TO_STAGE_ID] =
    g_param_spec_int64 ("to-stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TO_STAGE] =
    g_param_spec_string ("to-stage", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHANGED_AT] =
    g_param_spec_int64 ("changed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "manual", "suggestion", "import", "undo" or "stage-removed". */
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_stage_change_init (RapportStageChange *self)
{
}

RapportStageChange *
_rapport_stage_change_new (gint64      id,
                           gint64      member_id,
                           gint64      from_stage_id,
                           const char *from_stage,
                           gint64      to_stage_id,
                           const char *to_stage,
                           gint64      changed_at,
                           const char *reason)
{
  RapportStageChange *self = g_object_new (RAPPORT_TYPE_STAGE_CHANGE, NULL);

  self->id = id;
  self->member_id = member_id;
  self->from_stage_id = from_stage_id;
  self->from_stage = g_strdup (from_stage);
  self->to_stage_id = to_stage_id;
  self->to_stage = g_strdup (to_stage);
  self->changed_at = changed_at;
  self->reason = g_strdup (reason);

  return self;
}

gint64
rapport_stage_change_get_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return self->id;
}

gint64
rapport_stage_change_get_member_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return self->member_id;
}

/**
 * rapport_stage_change_get_from_stage_id:
 *
 * Returns: the stage the member left, or 0 when it has since been removed
 */
gint64
rapport_stage_change_get_from_stage_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return self->from_stage_id;
}

/**
 * rapport_stage_change_get_from_stage:
 *
 * Returns: (nullable): the name of the stage the member left, or %NULL when
 *   it has since been removed
 */
const char *
rapport_stage_change_get_from_stage (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), NULL);

  return self->from_stage;
}

gint64
rapport_stage_change_get_to_stage_id (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return self->to_stage_id;
}

/**
 * rapport_stage_change_get_to_stage:
 *
 * Returns: (nullable): the name of the stage the member joined, or %NULL
 *   when it has since been removed
 */
const char *
rapport_stage_change_get_to_stage (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), NULL);

  return self->to_stage;
}

gint64
rapport_stage_change_get_changed_at (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), 0);

  return self->changed_at;
}

/**
 * rapport_stage_change_get_reason:
 *
 * Returns: why: "manual", "suggestion", "import", "undo" or "stage-removed"
 */
const char *
rapport_stage_change_get_reason (RapportStageChange *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE_CHANGE (self), NULL);

  return self->reason;
}
