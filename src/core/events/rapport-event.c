/* rapport-event.c
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

#define G_LOG_DOMAIN "rapport-event"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-event.h"

/* An event: a meetup, webinar, workshop, talk… Plain data; the store
 * functions in rapport-events.h read and write it. */

struct _RapportEvent
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *title;
  char *kind;
  gint64 starts_at;
  gint64 ends_at;
  char *tzid;
  char *venue;
  char *online_url;
  int capacity;
  gint64 rsvp_deadline;
  char *description;
  char *status;
  gint64 claim_window;
  gboolean allow_over_capacity;
  gint64 attendance_recorded_at;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (RapportEvent, rapport_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_KIND,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_TZID,
  PROP_VENUE,
  PROP_ONLINE_URL,
  PROP_CAPACITY,
  PROP_RSVP_DEADLINE,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_CLAIM_WINDOW,
  PROP_ALLOW_OVER_CAPACITY,
  PROP_ATTENDANCE_RECORDED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_event_finalize (GObject *object)
{
  RapportEvent *self = (RapportEvent *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->online_url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (rapport_event_parent_class)->finalize (object);
}

static void
rapport_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportEvent *self = RAPPORT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;

    case PROP_ENDS_AT:
      g_value_set_int64 (value, self->ends_at);
      break;

    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_ONLINE_URL:
      g_value_set_string (value, self->online_url);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_RSVP_DEADLINE:
      g_value_set_int64 (value, self->rsvp_deadline);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_CLAIM_WINDOW:
      g_value_set_int64 (value, self->claim_window);
      break;

    case PROP_ALLOW_OVER_CAPACITY:
      g_value_set_boolean (value, self->allow_over_capacity);
      break;

    case PROP_ATTENDANCE_RECORDED_AT:
      g_value_set_int64 (value, self->attendance_recorded_at);
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
rapport_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RapportEvent *self = RAPPORT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rapport_event_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      rapport_event_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      rapport_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      rapport_event_set_kind (self, g_value_get_string (value));
      break;

    case PROP_STARTS_AT:
      rapport_event_set_starts_at (self, g_value_get_int64 (value));
      break;

    case PROP_ENDS_AT:
      rapport_event_set_ends_at (self, g_value_get_int64 (value));
      break;

    case PROP_TZID:
      rapport_event_set_tzid (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      rapport_event_set_venue (self, g_value_get_string (value));
      break;

    case PROP_ONLINE_URL:
      rapport_event_set_online_url (self, g_value_get_string (value));
      break;

    case PROP_CAPACITY:
      rapport_event_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_RSVP_DEADLINE:
      rapport_event_set_rsvp_deadline (self, g_value_get_int64 (value));
      break;

    case PROP_DESCRIPTION:
      rapport_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rapport_event_set_status (self, g_value_get_string (value));
      break;

    case PROP_CLAIM_WINDOW:
      rapport_event_set_claim_window (self, g_value_get_int64 (value));
      break;

    case PROP_ALLOW_OVER_CAPACITY:
      rapport_event_set_allow_over_capacity (self, g_value_get_boolean (value));
      break;

    case PROP_ATTENDANCE_RECORDED_AT:
      rapport_event_set_attendance_recorded_at (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      rapport_event_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      rapport_event_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_event_class_init (RapportEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_event_finalize;
  object_class->get_property = rapport_event_get_property;
  object_class->set_property = rapport_event_set_property;

  /* the row id, or 0 before it is stored */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the iCalendar UID, stable across exports */
  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* what the event is called */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* meetup, webinar, workshop, conference-talk, ama, … */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                             "meetup",
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* start, UTC seconds */
  properties [PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* end, UTC seconds, or 0 */
  properties [PROP_ENDS_AT] =
    g_param_spec_int64 ("ends-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the IANA time zone the event is held in */
  properties [PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the venue address */
  properties [PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* where to join online */
  properties [PROP_ONLINE_URL] =
    g_param_spec_string ("online-url", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* how many people fit, or -1 for no limit */
  properties [PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL,
                          G_MININT, G_MAXINT, -1,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the last moment to RSVP, UTC seconds, or 0 */
  properties [PROP_RSVP_DEADLINE] =
    g_param_spec_int64 ("rsvp-deadline", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* what the event is about */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* draft, announced, done or cancelled */
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                             "draft",
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* seconds a waitlisted party has to claim an offered place */
  properties [PROP_CLAIM_WINDOW] =
    g_param_spec_int64 ("claim-window", NULL, NULL,
                            G_MININT64, G_MAXINT64, 86400,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* whether walk-ins may go past capacity */
  properties [PROP_ALLOW_OVER_CAPACITY] =
    g_param_spec_boolean ("allow-over-capacity", NULL, NULL,
                              FALSE,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the event was marked done, or 0 */
  properties [PROP_ATTENDANCE_RECORDED_AT] =
    g_param_spec_int64 ("attendance-recorded-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the row was created */
  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the row last changed */
  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                            G_MININT64, G_MAXINT64, 0,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_event_init (RapportEvent *self)
{
  self->kind = g_strdup ("meetup");
  self->capacity = -1;
  self->status = g_strdup ("draft");
  self->claim_window = 86400;
}

RapportEvent *
rapport_event_new (void)
{
  return g_object_new (RAPPORT_TYPE_EVENT, NULL);
}

gint64
rapport_event_get_id (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->id;
}

void
rapport_event_set_id (RapportEvent *self,
                      gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
rapport_event_get_uid (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->uid;
}

void
rapport_event_set_uid (RapportEvent *self,
                       const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->uid, value) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UID]);
}

const char *
rapport_event_get_title (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->title;
}

void
rapport_event_set_title (RapportEvent *self,
                         const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->title, value) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
rapport_event_get_kind (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->kind;
}

void
rapport_event_set_kind (RapportEvent *self,
                        const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->kind, value) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gint64
rapport_event_get_starts_at (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->starts_at;
}

void
rapport_event_set_starts_at (RapportEvent *self,
                             gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->starts_at == value)
    return;

  self->starts_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STARTS_AT]);
}

gint64
rapport_event_get_ends_at (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->ends_at;
}

void
rapport_event_set_ends_at (RapportEvent *self,
                           gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->ends_at == value)
    return;

  self->ends_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDS_AT]);
}

const char *
rapport_event_get_tzid (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->tzid;
}

void
rapport_event_set_tzid (RapportEvent *self,
                        const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->tzid, value) == 0)
    return;

  g_free (self->tzid);
  self->tzid = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TZID]);
}

const char *
rapport_event_get_venue (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->venue;
}

void
rapport_event_set_venue (RapportEvent *self,
                         const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->venue, value) == 0)
    return;

  g_free (self->venue);
  self->venue = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VENUE]);
}

const char *
rapport_event_get_online_url (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->online_url;
}

void
rapport_event_set_online_url (RapportEvent *self,
                              const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->online_url, value) == 0)
    return;

  g_free (self->online_url);
  self->online_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE_URL]);
}

int
rapport_event_get_capacity (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->capacity;
}

void
rapport_event_set_capacity (RapportEvent *self,
                            int          value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->capacity == value)
    return;

  self->capacity = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAPACITY]);
}

gint64
rapport_event_get_rsvp_deadline (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->rsvp_deadline;
}

void
rapport_event_set_rsvp_deadline (RapportEvent *self,
                                 gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->rsvp_deadline == value)
    return;

  self->rsvp_deadline = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RSVP_DEADLINE]);
}

const char *
rapport_event_get_description (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->description;
}

void
rapport_event_set_description (RapportEvent *self,
                               const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->description, value) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

const char *
rapport_event_get_status (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), NULL);

  return self->status;
}

void
rapport_event_set_status (RapportEvent *self,
                          const char   *value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (g_strcmp0 (self->status, value) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

gint64
rapport_event_get_claim_window (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->claim_window;
}

void
rapport_event_set_claim_window (RapportEvent *self,
                                gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->claim_window == value)
    return;

  self->claim_window = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM_WINDOW]);
}

gboolean
rapport_event_get_allow_over_capacity (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), FALSE);

  return self->allow_over_capacity;
}

void
rapport_event_set_allow_over_capacity (RapportEvent *self,
                                       gboolean     value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->allow_over_capacity == value)
    return;

  self->allow_over_capacity = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALLOW_OVER_CAPACITY]);
}

gint64
rapport_event_get_attendance_recorded_at (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->attendance_recorded_at;
}

void
rapport_event_set_attendance_recorded_at (RapportEvent *self,
                                          gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->attendance_recorded_at == value)
    return;

  self->attendance_recorded_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTENDANCE_RECORDED_AT]);
}

gint64
rapport_event_get_created_at (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->created_at;
}

void
rapport_event_set_created_at (RapportEvent *self,
                              gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->created_at == value)
    return;

  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
rapport_event_get_updated_at (RapportEvent *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVENT (self), 0);

  return self->updated_at;
}

void
rapport_event_set_updated_at (RapportEvent *self,
                              gint64       value)
{
  g_return_if_fail (RAPPORT_IS_EVENT (self));

  if (self->updated_at == value)
    return;

  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
