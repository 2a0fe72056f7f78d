/* rapport-note.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NOTE (rapport_note_get_type ())

G_DECLARE_FINAL_TYPE (RapportNote, rapport_note, RAPPORT, NOTE, GObject)

RapportNote *rapport_note_new (gint64 id,
                               gint64 member_id,
                               const char *body,
                               const char *author,
                               gint64 created_at,
                               gint64 updated_at);
gint64 rapport_note_get_id (RapportNote *self);
gint64 rapport_note_get_member_id (RapportNote *self);
const char *rapport_note_get_body (RapportNote *self);
const char *rapport_note_get_author (RapportNote *self);
gint64 rapport_note_get_created_at (RapportNote *self);
gint64 rapport_note_get_updated_at (RapportNote *self);

G_END_DECLS
