/* rapport-event-page-private.h
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

#include "rapport-event-page.h"
#include "rapport-events.h"
#include "rapport-rsvp-list.h"

G_BEGIN_DECLS

/* The RSVP table's columns */
typedef enum
{
  COLUMN_NAME,
  COLUMN_STATUS,
  COLUMN_PARTY,
  COLUMN_CHECKED_IN,
  COLUMN_SOURCE,
  COLUMN_CREATED,
  COLUMN_MENU,
  N_COLUMNS
} Column;

struct _RapportEventPage
{
  GtkWidget          parent_instance;

  RapportContext    *context;
  RapportStore      *store;
  gint64             event_id;
  RapportEvent      *event;
  RapportEventCounts counts;
  RapportRsvpList   *rsvps;
  RapportRsvpList   *waitlist;
  gulong             changed_id;
  GtkColumnViewColumn *columns[N_COLUMNS];

  GCancellable      *cancellable;
  GtkNativeDialog   *file_chooser;
  GtkWindow         *mapping_dialog;
  AdwToast          *last_toast;
  GHashTable        *removals;

  AdwToastOverlay   *toast_overlay;
  GtkWidget         *content_box;
  GtkRevealer       *job_revealer;
  GtkSpinner        *job_spinner;
  GtkLabel          *job_label;
  GtkLabel          *kind_label;
  GtkLabel          *title_label;
  GtkLabel          *when_label;
  GtkLabel          *zone_label;
  GtkWidget         *venue_box;
  GtkLabel          *venue_label;
  GtkWidget         *url_box;
  GtkLabel          *url_label;
  GtkLabel          *going_label;
  GtkLabel          *waitlist_label;
  GtkLevelBar       *level_bar;
  GtkLabel          *stats_label;
  GtkLabel          *show_up_label;
  GtkFlowBox        *actions_box;
  GtkWidget         *done_button;
  GtkDropDown       *status_dropdown;
  GtkStack          *rsvp_stack;
  GtkColumnView     *column_view;
  GtkLabel          *empty_label;
  GtkWidget         *waitlist_box;
  GtkListBox        *waitlist_list;
};

void           _rapport_event_page_class_init_actions       (RapportEventPageClass *klass);
void           _rapport_event_page_init_rsvps               (RapportEventPage      *self);
GtkWidget     *_rapport_event_page_create_waitlist_row_cb   (gpointer               item,
                                                             gpointer               user_data);
GtkMenuButton *_rapport_event_page_find_focused_menu_button (RapportEventPage      *self);
void           _rapport_event_page_add_toast                (RapportEventPage      *self,
                                                             AdwToast              *toast);
void           _rapport_event_page_show_toast               (RapportEventPage      *self,
                                                             const char            *title);
void           _rapport_event_page_show_error               (RapportEventPage      *self,
                                                             const char            *heading,
                                                             const char            *body);
void           _rapport_event_page_notify_busy              (RapportEventPage      *self);

G_END_DECLS
