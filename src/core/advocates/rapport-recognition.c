/* rapport-recognition.c
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

#define G_LOG_DOMAIN "rapport-recognition"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rapport-pipeline-private.h"
#include "rapport-recognition.h"

/* Kudos, swag, a speaking slot or a spotlight given to a member, with its
 * impact: the member's activities in the 60 days after it against the 60
 * days before. */
struct _RapportRecognition
{
  GObject   parent_instance;

  gint64    id;
  gint64    member_id;
  char     *kind;
  char     *description;
  gint64    given_at;
  char     *given_by;
  gint64    activities_before;
  gint64    activities_after;
  gboolean  impact_complete;
};

G_DEFINE_FINAL_TYPE (RapportRecognition, rapport_recognition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_GIVEN_AT,
  PROP_GIVEN_BY,
  PROP_ACTIVITIES_BEFORE,
  PROP_ACTIVITIES_AFTER,
  PROP_IMPACT_COMPLETE,
  PROP_IMPACT_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_recognition_finalize (GObject *object)
{
  RapportRecognition *self = (RapportRecognition *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->given_by, g_free);

  G_OBJECT_CLASS (rapport_recognition_parent_class)->finalize (object);
}

static void
rapport_recognition_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportRecognition *self = RAPPORT_RECOGNITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_GIVEN_AT:
      g_value_set_int64 (value, self->given_at);
      break;

    case PROP_GIVEN_BY:
      g_value_set_string (value, self->given_by);
      break;

    case PROP_ACTIVITIES_BEFORE:
      g_value_set_int64 (value, self->activities_before);
      break;

    case PROP_ACTIVITIES_AFTER:
      g_value_set_int64 (value, self->activities_after);
      break;

    case PROP_IMPACT_COMPLETE:
      g_value_set_boolean (value, self->impact_complete);
      break;

    case PROP_IMPACT_TEXT:
      g_value_take_string (value, rapport_recognition_dup_impact_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_recognition_class_init (RapportRecognitionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_recognition_finalize;
  object_class->get_property = rapport_recognition_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "kudos", "swag", "speaking-slot", "spotlight" or another word. */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GIVEN_AT] =
    g_param_spec_int64 ("given-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GIVEN_BY] =
    g_param_spec_string ("given-by", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Activities in the 60 days before it was given. */
  properties [PROP_ACTIVITIES_BEFORE] =
    g_param_spec_int64 ("activities-before", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Activities in the 60 days from when it was given. */
  properties [PROP_ACTIVITIES_AFTER] =
    g_param_spec_int64 ("activities-after", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the 60 days after have passed; until then the impact is partial. */
  properties [PROP_IMPACT_COMPLETE] =
    g_param_spec_boolean ("impact-complete", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "+35%", "−20%", "new" or "none". */
  properties [PROP_IMPACT_TEXT] =
    g_param_spec_string ("impact-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_recognition_init (RapportRecognition *self)
{
}

RapportRecognition *
_rapport_recognition_new (gint64      id,
                          gint64      member_id,
                          const char *kind,
                          const char *description,
                          gint64      given_at,
                          const char *given_by,
                          gint64      activities_before,
                          gint64      activities_after,
                          gboolean    impact_complete)
{
  RapportRecognition *self = g_object_new (RAPPORT_TYPE_RECOGNITION, NULL);

  self->id = id;
  self->member_id = member_id;
  self->kind = g_strdup (kind);
  self->description = g_strdup (description);
  self->given_at = given_at;
  self->given_by = g_strdup (given_by);
  self->activities_before = activities_before;
  self->activities_after = activities_after;
  self->impact_complete = impact_complete;

  return self;
}

gint64
rapport_recognition_get_id (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), 0);

  return self->id;
}

gint64
rapport_recognition_get_member_id (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), 0);

  return self->member_id;
}

const char *
rapport_recognition_get_kind (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), NULL);

  return self->kind;
}

const char *
rapport_recognition_get_description (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), NULL);

  return self->description;
}

gint64
rapport_recognition_get_given_at (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), 0);

  return self->given_at;
}

const char *
rapport_recognition_get_given_by (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), NULL);

  return self->given_by;
}

gint64
rapport_recognition_get_activities_before (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), 0);

  return self->activities_before;
}

gint64
rapport_recognition_get_activities_after (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), 0);

  return self->activities_after;
}

gboolean
rapport_recognition_get_impact_complete (RapportRecognition *self)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), FALSE);

  return self->impact_complete;
}

/**
 * rapport_recognition_get_impact_percent:
 * @percent: (out) (optional): the change in activity, in percent
 *
 * Returns: %FALSE when there was no activity before, so no percentage
 */
gboolean
rapport_recognition_get_impact_percent (RapportRecognition *self,
                                        double             *percent)
{
  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), FALSE);

  if (self->activities_before == 0)
    return FALSE;

  if (percent != NULL)
    *percent = 100.0 * (self->activities_after - self->activities_before) / self->activities_before;
  return TRUE;
}

/**
 * rapport_recognition_dup_impact_text:
 *
 * Returns: (transfer full): "+35%", "−20%", "0%", "new" (nothing before,
 *   something after) or "none" (nothing either side)
 */
char *
rapport_recognition_dup_impact_text (RapportRecognition *self)
{
  double percent;
  long rounded;

  g_return_val_if_fail (RAPPORT_IS_RECOGNITION (self), NULL);

  if (!rapport_recognition_get_impact_percent (self, &percent))
    {
      /* Translators: the impact of a recognition on a member who had no
       * activity before it and some after */
      if (self->activities_after > 0)
        return g_strdup (C_("impact", "new"));
      /* Translators: the impact of a recognition on a member who had no
       * activity before it nor after */
      return g_strdup (C_("impact", "none"));
    }

  rounded = lround (percent);
  if (rounded > 0)
    return g_strdup_printf ("+%ld%%", rounded);
  if (rounded < 0)
    return g_strdup_printf ("−%ld%%", -rounded);
  return g_strdup ("0%");
}

/**
 * rapport_recognition_kind_get_label:
 * @kind: a recognition kind
 *
 * Returns: (transfer none): how to show @kind: "Kudos", "Speaking slot"… or
 *   @kind itself for a kind without a label
 */
const char *
rapport_recognition_kind_get_label (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  if (g_str_equal (kind, RAPPORT_RECOGNITION_KUDOS))
    return C_("recognition", "Kudos");
  if (g_str_equal (kind, RAPPORT_RECOGNITION_SWAG))
    return C_("recognition", "Swag");
  if (g_str_equal (kind, RAPPORT_RECOGNITION_SPEAKING_SLOT))
    return C_("recognition", "Speaking slot");
  if (g_str_equal (kind, RAPPORT_RECOGNITION_SPOTLIGHT))
    return C_("recognition", "Spotlight");

  return kind;
}
