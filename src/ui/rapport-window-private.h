/* rapport-window-private.h
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

#include "rapport-window.h"

G_BEGIN_DECLS

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  /* The application's; the store is its store. */
  RapportContext       *context;
  RapportStore         *store;
  GSettings            *settings;
  RapportPipeline      *pipeline;
  GCancellable         *rescore_cancellable;
  /* Built the first time it is asked for. */
  GtkWindow            *shortcuts_window;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *back_button;
  GtkWidget            *new_button;
  GtkToggleButton      *search_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *view_stack;
  GtkStack             *members_stack;
  RapportMembersView   *members_view;
  RapportAdvocatesView *advocates_view;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  RapportSyncButton    *sync_button;

  /* The import, export or sample community under way, or NULL. */
  GCancellable         *cancellable;
  guint                 pulse_source;

  GtkNativeDialog      *file_chooser;
  /* Journal entry → member, to select them again on Undo. */
  GHashTable           *deleted_members;
};

void _rapport_window_install_actions (RapportWindow *self);
void _rapport_window_update_actions  (RapportWindow *self);
void _rapport_window_begin_task      (RapportWindow *self,
                                      const char    *label);
void _rapport_window_end_task        (RapportWindow *self);
void _rapport_window_progress_cb     (guint64        done,
                                      guint64        total,
                                      gpointer       user_data);
void _rapport_window_show_error      (RapportWindow *self,
                                      const char    *heading,
                                      const char    *body);
void _rapport_window_rescore         (RapportWindow *self);

G_END_DECLS
