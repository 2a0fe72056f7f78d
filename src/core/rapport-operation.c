/* rapport-operation.c
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

/* One operation of the undo journal, as `rapport-cli undo --list` and the
 * Undo toast show it. */

#include "config.h"

#include "rapport-operation.h"

struct _RapportOperation
{
  gint64  id;
  gint64  created_at;
  char   *kind;
  char   *label;
};

G_DEFINE_BOXED_TYPE (RapportOperation, rapport_operation, rapport_operation_copy, rapport_operation_free)

/**
 * rapport_operation_new:
 * @kind: what kind of operation ("delete-member", "move-stage", …)
 * @label: (nullable): what the person did, in words
 */
RapportOperation *
rapport_operation_new (gint64      id,
                       gint64      created_at,
                       const char *kind,
                       const char *label)
{
  RapportOperation *self = g_new0 (RapportOperation, 1);

  self->id = id;
  self->created_at = created_at;
  self->kind = g_strdup (kind);
  self->label = g_strdup (label);

  return self;
}

RapportOperation *
rapport_operation_copy (const RapportOperation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return rapport_operation_new (self->id, self->created_at, self->kind, self->label);
}

void
rapport_operation_free (RapportOperation *self)
{
  if (self == NULL)
    return;

  g_free (self->kind);
  g_free (self->label);
  g_free (self);
}

gint64
rapport_operation_get_id (const RapportOperation *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->id;
}

/**
 * rapport_operation_get_created_at:
 *
 * Returns: when the operation was made, in seconds since the epoch (UTC)
 */
gint64
rapport_operation_get_created_at (const RapportOperation *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->created_at;
}

const char *
rapport_operation_get_kind (const RapportOperation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind;
}

/**
 * rapport_operation_get_label:
 *
 * Returns: (nullable): what the person did, in words; %NULL for operations
 *   journaled before labels were kept
 */
const char *
rapport_operation_get_label (const RapportOperation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}
