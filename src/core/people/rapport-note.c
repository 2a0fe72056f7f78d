/* rapport-note.c
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

#define G_LOG_DOMAIN "rapport-note"

#include "config.h"

#include "rapport-note.h"

/* A note a community manager wrote about a member. */
struct _RapportNote
{
  GObject parent_instance;
  gint64 id;
  gint64 member_id;
  char * body;
  char * author;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (RapportNote, rapport_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_BODY,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_note_finalize (GObject *object)
{
  RapportNote *self = (RapportNote *)object;

  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (rapport_note_parent_class)->finalize (object);
}

static void
rapport_note_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RapportNote *self = RAPPORT_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
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
rapport_note_class_init (RapportNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_note_finalize;
  object_class->get_property = rapport_note_get_property;

  /* Row id. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* The member it is about. */
  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Text of the note. */
  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Who wrote it. */
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* When it was written, Unix time (UTC). */
  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* When it was last edited, Unix time (UTC). */
  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_note_init (RapportNote *self)
{
}

RapportNote *
rapport_note_new (gint64 id,
                  gint64 member_id,
                  const char *body,
                  const char *author,
                  gint64 created_at,
                  gint64 updated_at)
{
  RapportNote *self = g_object_new (RAPPORT_TYPE_NOTE, NULL);

  self->id = id;
  self->member_id = member_id;
  self->body = g_strdup (body);
  self->author = g_strdup (author);
  self->created_at = created_at;
  self->updated_at = updated_at;

  return self;
}

gint64
rapport_note_get_id (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return self->id;
}

gint64
rapport_note_get_member_id (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return self->member_id;
}

const char *
rapport_note_get_body (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), NULL);

  return self->body;
}

const char *
rapport_note_get_author (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), NULL);

  return self->author;
}

gint64
rapport_note_get_created_at (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return self->created_at;
}

gint64
rapport_note_get_updated_at (RapportNote *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTE (self), 0);

  return self->updated_at;
}
