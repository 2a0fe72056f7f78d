/* rapport-operation.h
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

#pragma once

#include <glib-object.h>

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_OPERATION (rapport_operation_get_type ())

GType             rapport_operation_get_type       (void) G_GNUC_CONST;
RapportOperation *rapport_operation_new            (gint64                  id,
                                                    gint64                  created_at,
                                                    const char             *kind,
                                                    const char             *label);
RapportOperation *rapport_operation_copy           (const RapportOperation *self);
void              rapport_operation_free           (RapportOperation       *self);
gint64            rapport_operation_get_id         (const RapportOperation *self);
gint64            rapport_operation_get_created_at (const RapportOperation *self);
const char       *rapport_operation_get_kind       (const RapportOperation *self);
const char       *rapport_operation_get_label      (const RapportOperation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportOperation, rapport_operation_free)

G_END_DECLS
