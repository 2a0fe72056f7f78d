/* rapport-caldav-conflict.c
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

#define G_LOG_DOMAIN "rapport-caldav-conflict"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-caldav-conflict.h"

/* An item both this computer and the CalDAV server changed (or one changed
 * and the other deleted) since the last sync. Resolved with
 * rapport_caldav_resolve_conflict(). */
struct _RapportCaldavConflict
{
  GObject   parent_instance;

  char     *uid;
  char     *local_title;
  char     *remote_title;
  gboolean  local_deleted;
  gboolean  remote_deleted;
};

G_DEFINE_FINAL_TYPE (RapportCaldavConflict, rapport_caldav_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UID,
  PROP_LOCAL_TITLE,
  PROP_REMOTE_TITLE,
  PROP_LOCAL_DELETED,
  PROP_REMOTE_DELETED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_caldav_conflict_finalize (GObject *object)
{
  RapportCaldavConflict *self = (RapportCaldavConflict *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->local_title, g_free);
  g_clear_pointer (&self->remote_title, g_free);

  G_OBJECT_CLASS (rapport_caldav_conflict_parent_class)->finalize (object);
}

static void
rapport_caldav_conflict_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportCaldavConflict *self = RAPPORT_CALDAV_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_LOCAL_TITLE:
      g_value_set_string (value, self->local_title);
      break;
    case PROP_REMOTE_TITLE:
      g_value_set_string (value, self->remote_title);
      break;
    case PROP_LOCAL_DELETED:
      g_value_set_boolean (value, self->local_deleted);
      break;
    case PROP_REMOTE_DELETED:
      g_value_set_boolean (value, self->remote_deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_caldav_conflict_class_init (RapportCaldavConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_caldav_conflict_finalize;
  object_class->get_property = rapport_caldav_conflict_get_property;

  properties [PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties [PROP_LOCAL_TITLE] = g_param_spec_string ("local-title", NULL, NULL, NULL, flags);
  properties [PROP_REMOTE_TITLE] = g_param_spec_string ("remote-title", NULL, NULL, NULL, flags);
  properties [PROP_LOCAL_DELETED] = g_param_spec_boolean ("local-deleted", NULL, NULL, FALSE, flags);
  properties [PROP_REMOTE_DELETED] = g_param_spec_boolean ("remote-deleted", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_caldav_conflict_init (RapportCaldavConflict *self)
{
}

RapportCaldavConflict *
rapport_caldav_conflict_new (const char *uid,
                             const char *local_title,
                             const char *remote_title,
                             gboolean    local_deleted,
                             gboolean    remote_deleted)
{
  RapportCaldavConflict *self = g_object_new (RAPPORT_TYPE_CALDAV_CONFLICT, NULL);

  self->uid = g_strdup (uid);
  self->local_title = g_strdup (local_title);
  self->remote_title = g_strdup (remote_title);
  self->local_deleted = local_deleted;
  self->remote_deleted = remote_deleted;
  return self;
}

const char *
rapport_caldav_conflict_get_uid (RapportCaldavConflict *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALDAV_CONFLICT (self), NULL);

  return self->uid;
}

/**
 * rapport_caldav_conflict_get_local_title:
 *
 * Returns: (nullable): the title here; %NULL when deleted here
 */
const char *
rapport_caldav_conflict_get_local_title (RapportCaldavConflict *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALDAV_CONFLICT (self), NULL);

  return self->local_title;
}

/**
 * rapport_caldav_conflict_get_remote_title:
 *
 * Returns: (nullable): the title on the server; %NULL when deleted there
 */
const char *
rapport_caldav_conflict_get_remote_title (RapportCaldavConflict *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALDAV_CONFLICT (self), NULL);

  return self->remote_title;
}

gboolean
rapport_caldav_conflict_get_local_deleted (RapportCaldavConflict *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALDAV_CONFLICT (self), FALSE);

  return self->local_deleted;
}

gboolean
rapport_caldav_conflict_get_remote_deleted (RapportCaldavConflict *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALDAV_CONFLICT (self), FALSE);

  return self->remote_deleted;
}
