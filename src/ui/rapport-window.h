/* rapport-window.h
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

#include "rapport-advocates-view.h"
#include "rapport-application.h"
#include "rapport-members-view.h"
#include "rapport-sync-button.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow      *rapport_window_new_for_context  (RapportApplication  *application,
                                                     RapportContext      *context);
RapportContext     *rapport_window_get_context      (RapportWindow       *self);
RapportMembersView *rapport_window_get_members_view (RapportWindow       *self);
RapportAdvocatesView *rapport_window_get_advocates_view (RapportWindow     *self);
RapportScoring     *rapport_window_get_scoring      (RapportWindow       *self);
gboolean            rapport_window_get_busy         (RapportWindow       *self);
gboolean            rapport_window_get_has_members  (RapportWindow       *self);
void                rapport_window_add_toast        (RapportWindow       *self,
                                                     AdwToast            *toast);
AdwToast           *rapport_window_get_last_toast   (RapportWindow       *self);
gint64              rapport_window_create_member    (RapportWindow       *self,
                                                     const char          *name,
                                                     GError             **error);
void                rapport_window_import           (RapportWindow       *self);
void                rapport_window_import_file      (RapportWindow       *self,
                                                     GFile               *file);
void                rapport_window_export           (RapportWindow       *self);
void                rapport_window_export_file      (RapportWindow       *self,
                                                     GFile               *file);
void                rapport_window_load_sample      (RapportWindow       *self);
void                rapport_window_cancel           (RapportWindow       *self);
RapportSyncButton  *rapport_window_get_sync_button  (RapportWindow       *self);
void                rapport_window_sync             (RapportWindow       *self);

G_END_DECLS
