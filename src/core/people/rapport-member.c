/* rapport-member.c
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

#define G_LOG_DOMAIN "rapport-member"

#include "config.h"

#include <json-glib/json-glib.h>

#include "rapport-member-private.h"

struct _RapportMember
{
  GObject     parent_instance;
  gint64      id;
  char *      name;
  char *      email;
  char *      organization;
  char *      title;
  char *      location;
  char *      phone;
  char *      timezone;
  char *      bio;
  char *      source;
  char *      stage;
  gint64      stage_id;
  double      score;
  int         level;
  gint64      joined_at;
  gint64      last_active_at;
  gint64      activity_count;
  gint64      created_at;
  gint64      updated_at;
  /* Custom CSV columns and other free-form fields, key → value. */
  GHashTable *custom;
};

G_DEFINE_FINAL_TYPE (RapportMember, rapport_member, G_TYPE_OBJECT)

static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ORGANIZATION,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_PHONE,
  PROP_TIMEZONE,
  PROP_BIO,
  PROP_SOURCE,
  PROP_STAGE,
  PROP_STAGE_ID,
  PROP_SCORE,
  PROP_LEVEL,
  PROP_JOINED_AT,
  PROP_LAST_ACTIVE_AT,
  PROP_ACTIVITY_COUNT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_member_finalize (GObject *object)
{
  RapportMember *self = (RapportMember *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->bio, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->custom, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_member_parent_class)->finalize (object);
}

static void
rapport_member_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportMember *self = RAPPORT_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_BIO:
      g_value_set_string (value, self->bio);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_JOINED_AT:
      g_value_set_int64 (value, self->joined_at);
      break;

    case PROP_LAST_ACTIVE_AT:
      g_value_set_int64 (value, self->last_active_at);
      break;

    case PROP_ACTIVITY_COUNT:
      g_value_set_int64 (value, self->activity_count);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportMember *self = RAPPORT_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      _rapport_member_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rapport_member_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rapport_member_set_email (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      rapport_member_set_organization (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      rapport_member_set_title (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      rapport_member_set_location (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      rapport_member_set_phone (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      rapport_member_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_BIO:
      rapport_member_set_bio (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      rapport_member_set_source (self, g_value_get_string (value));
      break;

    case PROP_STAGE:
      rapport_member_set_stage (self, g_value_get_string (value));
      break;

    case PROP_STAGE_ID:
      rapport_member_set_stage_id (self, g_value_get_int64 (value));
      break;

    case PROP_SCORE:
      rapport_member_set_score (self, g_value_get_double (value));
      break;

    case PROP_LEVEL:
      rapport_member_set_level (self, g_value_get_int (value));
      break;

    case PROP_JOINED_AT:
      rapport_member_set_joined_at (self, g_value_get_int64 (value));
      break;

    case PROP_LAST_ACTIVE_AT:
      rapport_member_set_last_active_at (self, g_value_get_int64 (value));
      break;

    case PROP_ACTIVITY_COUNT:
      rapport_member_set_activity_count (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      rapport_member_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rapport_member_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_class_init (RapportMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_member_finalize;
  object_class->get_property = rapport_member_get_property;
  object_class->set_property = rapport_member_set_property;

  /* Row id in the store, 0 until saved. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Full name. */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Primary email address. */
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Organization name. */
  properties [PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Job title. */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Where the member lives. */
  properties [PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Phone number. */
  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* IANA time zone. */
  properties [PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Short biography. */
  properties [PROP_BIO] =
    g_param_spec_string ("bio", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Where the member came from. */
  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Pipeline stage name. */
  properties [PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Pipeline stage id. */
  properties [PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Engagement score. */
  properties [PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Engagement level, 1 (highest) to 4. */
  properties [PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL,
                      1, 4, 4,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* When the member joined, Unix time (UTC), 0 if unknown. */
  properties [PROP_JOINED_AT] =
    g_param_spec_int64 ("joined-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Last activity, Unix time (UTC), 0 if never. */
  properties [PROP_LAST_ACTIVE_AT] =
    g_param_spec_int64 ("last-active-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Number of activities. */
  properties [PROP_ACTIVITY_COUNT] =
    g_param_spec_int64 ("activity-count", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* When the row was created, Unix time (UTC). */
  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* When the row last changed, Unix time (UTC). */
  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_member_init (RapportMember *self)
{
  self->stage_id = 1;
  self->level = 4;
  self->custom = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

RapportMember *
rapport_member_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEMBER, NULL);
}

/**
 * rapport_member_copy:
 *
 * Returns: (transfer full): a detached copy, for editing without touching
 *   the object a list shows.
 */
RapportMember *
rapport_member_copy (RapportMember *self)
{
  RapportMember *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  copy = rapport_member_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->email = g_strdup (self->email);
  copy->organization = g_strdup (self->organization);
  copy->title = g_strdup (self->title);
  copy->location = g_strdup (self->location);
  copy->phone = g_strdup (self->phone);
  copy->timezone = g_strdup (self->timezone);
  copy->bio = g_strdup (self->bio);
  copy->source = g_strdup (self->source);
  copy->stage = g_strdup (self->stage);
  copy->stage_id = self->stage_id;
  copy->score = self->score;
  copy->level = self->level;
  copy->joined_at = self->joined_at;
  copy->last_active_at = self->last_active_at;
  copy->activity_count = self->activity_count;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  g_hash_table_iter_init (&iter, self->custom);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->custom, g_strdup (key), g_strdup (value));

  return copy;
}

void
_rapport_member_set_id (RapportMember *self,
                        gint64         id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
rapport_member_get_id (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->id;
}

const char *
rapport_member_get_name (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->name;
}

void
rapport_member_set_name (RapportMember *self,
                         const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
rapport_member_get_email (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->email;
}

void
rapport_member_set_email (RapportMember *self,
                          const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
rapport_member_get_organization (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->organization;
}

void
rapport_member_set_organization (RapportMember *self,
                                 const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->organization, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANIZATION]);
}

const char *
rapport_member_get_title (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->title;
}

void
rapport_member_set_title (RapportMember *self,
                          const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
rapport_member_get_location (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->location;
}

void
rapport_member_set_location (RapportMember *self,
                             const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->location, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCATION]);
}

const char *
rapport_member_get_phone (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->phone;
}

void
rapport_member_set_phone (RapportMember *self,
                          const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
rapport_member_get_timezone (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->timezone;
}

void
rapport_member_set_timezone (RapportMember *self,
                             const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->timezone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEZONE]);
}

const char *
rapport_member_get_bio (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->bio;
}

void
rapport_member_set_bio (RapportMember *self,
                        const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->bio, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIO]);
}

const char *
rapport_member_get_source (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->source;
}

void
rapport_member_set_source (RapportMember *self,
                           const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->source, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

const char *
rapport_member_get_stage (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  return self->stage;
}

void
rapport_member_set_stage (RapportMember *self,
                          const char * value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  /* Empty and missing are the same for every text field. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (set_str (&self->stage, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE]);
}

gint64
rapport_member_get_stage_id (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->stage_id;
}

void
rapport_member_set_stage_id (RapportMember *self,
                             gint64 value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->stage_id == value)
    return;

  self->stage_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_ID]);
}

double
rapport_member_get_score (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->score;
}

void
rapport_member_set_score (RapportMember *self,
                          double value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->score == value)
    return;

  self->score = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCORE]);
}

int
rapport_member_get_level (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->level;
}

void
rapport_member_set_level (RapportMember *self,
                          int value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->level == value)
    return;

  self->level = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL]);
}

gint64
rapport_member_get_joined_at (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->joined_at;
}

void
rapport_member_set_joined_at (RapportMember *self,
                              gint64 value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->joined_at == value)
    return;

  self->joined_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOINED_AT]);
}

gint64
rapport_member_get_last_active_at (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->last_active_at;
}

void
rapport_member_set_last_active_at (RapportMember *self,
                                   gint64 value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->last_active_at == value)
    return;

  self->last_active_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_ACTIVE_AT]);
}

gint64
rapport_member_get_activity_count (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->activity_count;
}

void
rapport_member_set_activity_count (RapportMember *self,
                                   gint64 value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->activity_count == value)
    return;

  self->activity_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVITY_COUNT]);
}

gint64
rapport_member_get_created_at (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->created_at;
}

void
rapport_member_set_created_at (RapportMember *self,
                               gint64 value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->created_at == value)
    return;

  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
rapport_member_get_updated_at (RapportMember *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), 0);

  return self->updated_at;
}

void
rapport_member_set_updated_at (RapportMember *self,
                               gint64 value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  if (self->updated_at == value)
    return;

  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

/**
 * rapport_member_dup_initials:
 *
 * Up to two letters for an avatar: the first letters of the first and last
 * words of the name.
 */
char *
rapport_member_dup_initials (RapportMember *self)
{
  g_auto(GStrv) words = NULL;
  GString *initials;
  const char *first = NULL;
  const char *last = NULL;

  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  initials = g_string_new (NULL);
  if (self->name == NULL)
    return g_string_free (initials, FALSE);

  words = g_strsplit_set (self->name, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0' || !g_unichar_isalnum (g_utf8_get_char_validated (words[i], -1)))
        continue;
      if (first == NULL)
        first = words[i];
      else
        last = words[i];
    }

  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));

  return g_string_free (initials, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * rapport_member_dup_custom_keys:
 *
 * Returns: (transfer full): the custom field names, sorted
 */
GStrv
rapport_member_dup_custom_keys (RapportMember *self)
{
  GStrv keys;
  guint n = 0;

  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  keys = (GStrv) g_hash_table_get_keys_as_array (self->custom, &n);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof (char *), compare_strings);

  return keys;
}

const char *
rapport_member_get_custom (RapportMember *self,
                           const char    *key)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->custom, key);
}

void
rapport_member_set_custom (RapportMember *self,
                           const char    *key,
                           const char    *value)
{
  g_return_if_fail (RAPPORT_IS_MEMBER (self));
  g_return_if_fail (key != NULL);

  if (value == NULL || value[0] == '\0')
    g_hash_table_remove (self->custom, key);
  else
    g_hash_table_insert (self->custom, g_strdup (key), g_strdup (value));
}

/**
 * rapport_member_dup_custom_json:
 *
 * Returns: (transfer full) (nullable): the custom fields as a JSON object with
 *   sorted keys, or %NULL when there are none
 */
char *
rapport_member_dup_custom_json (RapportMember *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (RAPPORT_IS_MEMBER (self), NULL);

  if (g_hash_table_size (self->custom) == 0)
    return NULL;

  keys = rapport_member_dup_custom_keys (self);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->custom, keys[i]));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

void
rapport_member_set_custom_json (RapportMember *self,
                                const char    *json)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_if_fail (RAPPORT_IS_MEMBER (self));

  g_hash_table_remove_all (self->custom);

  if (json == NULL || json[0] == '\0')
    return;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_warning ("Member %" G_GINT64_FORMAT " has unreadable custom fields", self->id);
      return;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        rapport_member_set_custom (self, key, json_node_get_string (node));
    }
}
