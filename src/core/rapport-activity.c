/* rapport-activity.c
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

#define G_LOG_DOMAIN "rapport-activity"

#include "config.h"

#include "rapport-activity.h"

/* One thing a member did somewhere: a post, a reply, a pull request… */
struct _RapportActivity
{
  GObject parent_instance;
  gint64 id;
  gint64 member_id;
  char * platform;
  char * kind;
  gint64 occurred_at;
  char * title;
  char * url;
  char * channel;
};

G_DEFINE_FINAL_TYPE (RapportActivity, rapport_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_PLATFORM,
  PROP_KIND,
  PROP_OCCURRED_AT,
  PROP_TITLE,
  PROP_URL,
  PROP_CHANNEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_activity_finalize (GObject *object)
{
  RapportActivity *self = (RapportActivity *)object;

  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->channel, g_free);

  G_OBJECT_CLASS (rapport_activity_parent_class)->finalize (object);
}

static void
rapport_activity_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportActivity *self = RAPPORT_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_int64 (value, self->occurred_at);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_activity_class_init (RapportActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_activity_finalize;
  object_class->get_property = rapport_activity_get_property;

  /* Row id. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Who did it. */
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Where: github, discourse, slack, …. */
  properties [PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* What: post, reply, reaction, pull-request, …. */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* When, Unix time (UTC). */
  properties [PROP_OCCURRED_AT] =
    g_param_spec_int64 ("occurred-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Title or excerpt. */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Where to see it. */
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Channel, category or repository. */
  properties [PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_activity_init (RapportActivity *self)
{
}

RapportActivity *
rapport_activity_new (gint64 id,
                      gint64 member_id,
                      const char *platform,
                      const char *kind,
                      gint64 occurred_at,
                      const char *title,
                      const char *url,
                      const char *channel)
{
  RapportActivity *self = g_object_new (RAPPORT_TYPE_ACTIVITY, NULL);

  self->id = id;
  self->member_id = member_id;
  self->platform = g_strdup (platform);
  self->kind = g_strdup (kind);
  self->occurred_at = occurred_at;
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->channel = g_strdup (channel);

  return self;
}

gint64
rapport_activity_get_id (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return self->id;
}

gint64
rapport_activity_get_member_id (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return self->member_id;
}

const char *
rapport_activity_get_platform (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return self->platform;
}

const char *
rapport_activity_get_kind (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return self->kind;
}

gint64
rapport_activity_get_occurred_at (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), 0);

  return self->occurred_at;
}

const char *
rapport_activity_get_title (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return self->title;
}

const char *
rapport_activity_get_url (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return self->url;
}

const char *
rapport_activity_get_channel (RapportActivity *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTIVITY (self), NULL);

  return self->channel;
}
