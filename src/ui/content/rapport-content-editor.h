/* rapport-content-editor.h
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

#include <adwaita.h>

#include "rapport-content-item.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTENT_EDITOR (rapport_content_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportContentEditor, rapport_content_editor, RAPPORT, CONTENT_EDITOR, AdwWindow)

RapportContentEditor *rapport_content_editor_new             (RapportStore          *store,
                                                              RapportContentItem    *item,
                                                              gint64                 recurrence_id,
                                                              GDateTime             *day);
RapportContentItem   *rapport_content_editor_get_item        (RapportContentEditor  *self);
gboolean              rapport_content_editor_save            (RapportContentEditor  *self,
                                                              GError               **error);
gboolean              rapport_content_editor_move_status     (RapportContentEditor  *self,
                                                              RapportContentStatus   status);
RapportContentStatus  rapport_content_editor_get_next_status (RapportContentEditor  *self);
GtkButton            *rapport_content_editor_get_next_button (RapportContentEditor  *self);
const char           *rapport_content_editor_get_error       (RapportContentEditor  *self);
void                  rapport_content_editor_set_title_text  (RapportContentEditor  *self,
                                                              const char            *title);
void                  rapport_content_editor_set_has_date    (RapportContentEditor  *self,
                                                              gboolean               has_date);

G_END_DECLS
