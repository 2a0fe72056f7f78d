/* rapport-rsvp.c
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

#define G_LOG_DOMAIN "rapport-rsvp"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-rsvp.h"

/* One RSVP: a member (with their party) answering one event, with the
 * member details a door list shows. Plain data; rapport-events.h acts on it. */

struct _RapportRsvp
{
  GObject parent_instance;

  gint64 id;
  gint64 event_id;
  gint64 member_id;
  char *name;
  char *email;
  char *organization;
  char *status;
  int party_size;
  char *answers;
  char *source;
  char *external_id;
  gint64 waitlist_position;
  gint64 offered_at;
  gint64 checked_in_at;
  gboolean no_show;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (RapportRsvp, rapport_rsvp, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_MEMBER_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ORGANIZATION,
  PROP_STATUS,
  PROP_PARTY_SIZE,
  PROP_ANSWERS,
  PROP_SOURCE,
  PROP_EXTERNAL_ID,
  PROP_WAITLIST_POSITION,
  PROP_OFFERED_AT,
  PROP_CHECKED_IN_AT,
  PROP_NO_SHOW,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_rsvp_finalize (GObject *object)
{
  RapportRsvp *self = (RapportRsvp *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->answers, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->external_id, g_free);

  G_OBJECT_CLASS (rapport_rsvp_parent_class)->finalize (object);
}

static void
rapport_rsvp_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RapportRsvp *self = RAPPORT_RSVP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
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

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_PARTY_SIZE:
      g_value_set_int (value, self->party_size);
      break;

    case PROP_ANSWERS:
      g_value_set_string (value, self->answers);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    case PROP_WAITLIST_POSITION:
      g_value_set_int64 (value, self->waitlist_position);
      break;

    case PROP_OFFERED_AT:
      g_value_set_int64 (value, self->offered_at);
      break;

    case PROP_CHECKED_IN_AT:
      g_value_set_int64 (value, self->checked_in_at);
      break;

    case PROP_NO_SHOW:
      g_value_set_boolean (value, self->no_show);
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
rapport_rsvp_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RapportRsvp *self = RAPPORT_RSVP (object);

  switch (prop_id)
    {
    case PROP_ID:
      rapport_rsvp_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_EVENT_ID:
      rapport_rsvp_set_event_id (self, g_value_get_int64 (value));
      break;

    case PROP_MEMBER_ID:
      rapport_rsvp_set_member_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rapport_rsvp_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rapport_rsvp_set_email (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      rapport_rsvp_set_organization (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rapport_rsvp_set_status (self, g_value_get_string (value));
      break;

    case PROP_PARTY_SIZE:
      rapport_rsvp_set_party_size (self, g_value_get_int (value));
      break;

    case PROP_ANSWERS:
      rapport_rsvp_set_answers (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      rapport_rsvp_set_source (self, g_value_get_string (value));
      break;

    case PROP_EXTERNAL_ID:
      rapport_rsvp_set_external_id (self, g_value_get_string (value));
      break;

    case PROP_WAITLIST_POSITION:
      rapport_rsvp_set_waitlist_position (self, g_value_get_int64 (value));
      break;

    case PROP_OFFERED_AT:
      rapport_rsvp_set_offered_at (self, g_value_get_int64 (value));
      break;

    case PROP_CHECKED_IN_AT:
      rapport_rsvp_set_checked_in_at (self, g_value_get_int64 (value));
      break;

    case PROP_NO_SHOW:
      rapport_rsvp_set_no_show (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      rapport_rsvp_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rapport_rsvp_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_rsvp_class_init (RapportRsvpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_rsvp_finalize;
  object_class->get_property = rapport_rsvp_get_property;
  object_class->set_property = rapport_rsvp_set_property;

  /* the row id */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the event */
  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the member */
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the member name */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the member primary email */
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the member organization */
  properties [PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* going, maybe, declined, waitlisted or cancelled */
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                             "going",
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the member and their guests */
  properties [PROP_PARTY_SIZE] =
    g_param_spec_int ("party-size", NULL, NULL,
                          G_MININT, G_MAXINT, 1,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* answers to custom questions, a JSON object */
  properties [PROP_ANSWERS] =
    g_param_spec_string ("answers", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* manual, eventbrite, meetup, zoom or ics */
  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                             "manual",
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the record id on the source platform */
  properties [PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* place in the waitlist, or 0 */
  properties [PROP_WAITLIST_POSITION] =
    g_param_spec_int64 ("waitlist-position", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when a freed place was offered, or 0 */
  properties [PROP_OFFERED_AT] =
    g_param_spec_int64 ("offered-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the party was checked in, or 0 */
  properties [PROP_CHECKED_IN_AT] =
    g_param_spec_int64 ("checked-in-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* going, never checked in, event done */
  properties [PROP_NO_SHOW] =
    g_param_spec_boolean ("no-show", NULL, NULL,
                              FALSE,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the RSVP came in */
  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the RSVP last changed */
  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_rsvp_init (RapportRsvp *self)
{
  self->status = g_strdup ("going");
  self->party_size = 1;
  self->source = g_strdup ("manual");
}

RapportRsvp *
rapport_rsvp_new (void)
{
  return g_object_new (RAPPORT_TYPE_RSVP, NULL);
}

gint64
rapport_rsvp_get_id (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->id;
}

void
rapport_rsvp_set_id (RapportRsvp *self,
                     gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
rapport_rsvp_get_event_id (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->event_id;
}

void
rapport_rsvp_set_event_id (RapportRsvp *self,
                           gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->event_id == value)
    return;

  self->event_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
}

gint64
rapport_rsvp_get_member_id (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->member_id;
}

void
rapport_rsvp_set_member_id (RapportRsvp *self,
                            gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->member_id == value)
    return;

  self->member_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}

const char *
rapport_rsvp_get_name (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->name;
}

void
rapport_rsvp_set_name (RapportRsvp *self,
                       const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
rapport_rsvp_get_email (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->email;
}

void
rapport_rsvp_set_email (RapportRsvp *self,
                        const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->email, value) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
rapport_rsvp_get_organization (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->organization;
}

void
rapport_rsvp_set_organization (RapportRsvp *self,
                               const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->organization, value) == 0)
    return;

  g_free (self->organization);
  self->organization = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANIZATION]);
}

const char *
rapport_rsvp_get_status (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->status;
}

void
rapport_rsvp_set_status (RapportRsvp *self,
                         const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->status, value) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

int
rapport_rsvp_get_party_size (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->party_size;
}

void
rapport_rsvp_set_party_size (RapportRsvp *self,
                             int         value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->party_size == value)
    return;

  self->party_size = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTY_SIZE]);
}

const char *
rapport_rsvp_get_answers (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->answers;
}

void
rapport_rsvp_set_answers (RapportRsvp *self,
                          const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->answers, value) == 0)
    return;

  g_free (self->answers);
  self->answers = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANSWERS]);
}

const char *
rapport_rsvp_get_source (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->source;
}

void
rapport_rsvp_set_source (RapportRsvp *self,
                         const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->source, value) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

const char *
rapport_rsvp_get_external_id (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), NULL);

  return self->external_id;
}

void
rapport_rsvp_set_external_id (RapportRsvp *self,
                              const char  *value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (g_strcmp0 (self->external_id, value) == 0)
    return;

  g_free (self->external_id);
  self->external_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXTERNAL_ID]);
}

gint64
rapport_rsvp_get_waitlist_position (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->waitlist_position;
}

void
rapport_rsvp_set_waitlist_position (RapportRsvp *self,
                                    gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->waitlist_position == value)
    return;

  self->waitlist_position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WAITLIST_POSITION]);
}

gint64
rapport_rsvp_get_offered_at (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->offered_at;
}

void
rapport_rsvp_set_offered_at (RapportRsvp *self,
                             gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->offered_at == value)
    return;

  self->offered_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OFFERED_AT]);
}

gint64
rapport_rsvp_get_checked_in_at (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->checked_in_at;
}

void
rapport_rsvp_set_checked_in_at (RapportRsvp *self,
                                gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->checked_in_at == value)
    return;

  self->checked_in_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHECKED_IN_AT]);
}

gboolean
rapport_rsvp_get_no_show (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), FALSE);

  return self->no_show;
}

void
rapport_rsvp_set_no_show (RapportRsvp *self,
                          gboolean    value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->no_show == value)
    return;

  self->no_show = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NO_SHOW]);
}

gint64
rapport_rsvp_get_created_at (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->created_at;
}

void
rapport_rsvp_set_created_at (RapportRsvp *self,
                             gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->created_at == value)
    return;

  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
rapport_rsvp_get_updated_at (RapportRsvp *self)
{
  g_return_val_if_fail (RAPPORT_IS_RSVP (self), 0);

  return self->updated_at;
}

void
rapport_rsvp_set_updated_at (RapportRsvp *self,
                             gint64      value)
{
  g_return_if_fail (RAPPORT_IS_RSVP (self));

  if (self->updated_at == value)
    return;

  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
