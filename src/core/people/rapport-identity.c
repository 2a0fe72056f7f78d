/* rapport-identity.c
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

#define G_LOG_DOMAIN "rapport-identity"

#include "config.h"

#include "rapport-identity.h"

/* One account of a member on one platform. */
struct _RapportIdentity
{
  GObject parent_instance;
  gint64 id;
  gint64 member_id;
  char * platform;
  char * external_id;
  char * handle;
  char * url;
  char * email;
};

G_DEFINE_FINAL_TYPE (RapportIdentity, rapport_identity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_PLATFORM,
  PROP_EXTERNAL_ID,
  PROP_HANDLE,
  PROP_URL,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_identity_finalize (GObject *object)
{
  RapportIdentity *self = (RapportIdentity *)object;

  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->external_id, g_free);
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (rapport_identity_parent_class)->finalize (object);
}

static void
rapport_identity_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportIdentity *self = RAPPORT_IDENTITY (object);

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

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    case PROP_HANDLE:
      g_value_set_string (value, self->handle);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_identity_class_init (RapportIdentityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_identity_finalize;
  object_class->get_property = rapport_identity_get_property;

  /* Row id. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* The member it belongs to. */
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Platform key: github, discourse, slack, …. */
  properties [PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* The platform's own id, if known. */
  properties [PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* User name on the platform. */
  properties [PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Profile address. */
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Email the platform knows the member by. */
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_identity_init (RapportIdentity *self)
{
}

RapportIdentity *
rapport_identity_new (gint64 id,
                      gint64 member_id,
                      const char *platform,
                      const char *external_id,
                      const char *handle,
                      const char *url,
                      const char *email)
{
  RapportIdentity *self = g_object_new (RAPPORT_TYPE_IDENTITY, NULL);

  self->id = id;
  self->member_id = member_id;
  self->platform = g_strdup (platform);
  self->external_id = g_strdup (external_id);
  self->handle = g_strdup (handle);
  self->url = g_strdup (url);
  self->email = g_strdup (email);

  return self;
}

gint64
rapport_identity_get_id (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), 0);

  return self->id;
}

gint64
rapport_identity_get_member_id (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), 0);

  return self->member_id;
}

const char *
rapport_identity_get_platform (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), NULL);

  return self->platform;
}

const char *
rapport_identity_get_external_id (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), NULL);

  return self->external_id;
}

const char *
rapport_identity_get_handle (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), NULL);

  return self->handle;
}

const char *
rapport_identity_get_url (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), NULL);

  return self->url;
}

const char *
rapport_identity_get_email (RapportIdentity *self)
{
  g_return_val_if_fail (RAPPORT_IS_IDENTITY (self), NULL);

  return self->email;
}
