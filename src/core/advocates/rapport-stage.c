/* rapport-stage.c
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

#define G_LOG_DOMAIN "rapport-stage"

#include "config.h"

#include "rapport-pipeline-private.h"
#include "rapport-stage.h"

/* A column of the advocate pipeline. The pipeline keeps one object per
 * stage and updates it in place, so a view bound to it follows renames,
 * reorders and member counts. */
struct _RapportStage
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  guint    position;
  gint64   member_count;
};

G_DEFINE_FINAL_TYPE (RapportStage, rapport_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_POSITION,
  PROP_MEMBER_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_stage_finalize (GObject *object)
{
  RapportStage *self = (RapportStage *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (rapport_stage_parent_class)->finalize (object);
}

static void
rapport_stage_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportStage *self = RAPPORT_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_MEMBER_COUNT:
      g_value_set_int64 (value, self->member_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_stage_class_init (RapportStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_stage_finalize;
  object_class->get_property = rapport_stage_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 0 for the first column. */
  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEMBER_COUNT] =
    g_param_spec_int64 ("member-count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_stage_init (RapportStage *self)
{
}

RapportStage *
_rapport_stage_new (gint64 id)
{
  RapportStage *self = g_object_new (RAPPORT_TYPE_STAGE, NULL);

  self->id = id;
  return self;
}

void
_rapport_stage_set_name (RapportStage *self,
                         const char   *name)
{
  g_assert (RAPPORT_IS_STAGE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

void
_rapport_stage_set_position (RapportStage *self,
                             guint         position)
{
  g_assert (RAPPORT_IS_STAGE (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
}

void
_rapport_stage_set_member_count (RapportStage *self,
                                 gint64        member_count)
{
  g_assert (RAPPORT_IS_STAGE (self));

  member_count = MAX (0, member_count);
  if (self->member_count == member_count)
    return;

  self->member_count = member_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_COUNT]);
}

gint64
rapport_stage_get_id (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return self->id;
}

const char *
rapport_stage_get_name (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), NULL);

  return self->name;
}

/**
 * rapport_stage_get_position:
 *
 * Returns: where the stage stands in the pipeline, 0 for the first
 */
guint
rapport_stage_get_position (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return self->position;
}

gint64
rapport_stage_get_member_count (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), 0);

  return self->member_count;
}

/**
 * rapport_stage_get_is_entry:
 *
 * Returns: whether new members join this stage; it can be renamed and
 *   moved, never removed
 */
gboolean
rapport_stage_get_is_entry (RapportStage *self)
{
  g_return_val_if_fail (RAPPORT_IS_STAGE (self), FALSE);

  return self->id == _RAPPORT_ENTRY_STAGE_ID;
}
