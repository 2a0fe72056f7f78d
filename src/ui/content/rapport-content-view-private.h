/* rapport-content-view-private.h
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

#include "rapport-content-view.h"

G_BEGIN_DECLS

struct _RapportContentView
{
  GtkWidget             parent_instance;

  RapportContext       *context;
  RapportStore         *store;
  RapportContentRange  *range;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GListStore           *backlog;
  GDateTime            *anchor;
  char                 *mode;
  char                 *period_title;
  char                 *filter_channel;
  char                 *filter_status;
  char                 *filter_owner;
  gboolean              show_backlog;
  guint                 reload_source;
  GCancellable         *sync_cancellable;
  guint                 pulse_source;
  gboolean              first_sync;
  RapportContentEditor *editor;
  GtkNativeDialog      *file_chooser;

  AdwSqueezer          *toolbar_squeezer;
  GtkLabel             *wide_title;
  GtkLabel             *narrow_title;
  GtkMenuButton        *wide_filter_button;
  GtkLabel             *wide_filter_label;
  GtkMenuButton        *narrow_menu_button;
  GMenuModel           *content_menu;
  GtkRevealer          *sync_revealer;
  GtkProgressBar       *sync_progress;
  AdwFlap              *flap;
  GtkStack             *views_stack;
  RapportMonthView     *month_view;
  RapportWeekView      *week_view;
  RapportAgendaView    *agenda_view;
  GtkLabel             *backlog_count;
  GtkStack             *backlog_stack;
  GtkListView          *backlog_view;
};

void              _rapport_content_view_class_init_actions      (RapportContentViewClass *klass);
GtkWindow        *_rapport_content_view_get_window              (RapportContentView      *self);
void              _rapport_content_view_show_toast              (RapportContentView      *self,
                                                                 AdwToast                *toast);
AdwMessageDialog *_rapport_content_view_show_error              (RapportContentView      *self,
                                                                 const char              *heading,
                                                                 const char              *body);
gboolean          _rapport_content_view_filter_func             (gpointer                 object,
                                                                 gpointer                 user_data);
gboolean          _rapport_content_view_filters_active          (RapportContentView      *self);
void              _rapport_content_view_update_actions          (RapportContentView      *self);
void              _rapport_content_view_move_anchor             (RapportContentView      *self,
                                                                 int                      direction);
void              _rapport_content_view_add_backlog_drag_source (GtkWidget               *box,
                                                                 GtkListItem             *list_item);
void              _rapport_content_view_run_file_chooser        (RapportContentView      *self,
                                                                 GtkFileChooserAction     action);

G_END_DECLS
