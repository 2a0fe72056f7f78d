/* rapport-content-view.h
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

#include "rapport-agenda-view.h"
#include "rapport-content-editor.h"
#include "rapport-content-range.h"
#include "rapport-month-view.h"
#include "rapport-store.h"
#include "rapport-week-view.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTENT_VIEW (rapport_content_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportContentView, rapport_content_view, RAPPORT, CONTENT_VIEW, GtkWidget)

GtkWidget            *rapport_content_view_new              (void);
RapportContext       *rapport_content_view_get_context      (RapportContentView *self);
void                  rapport_content_view_set_context      (RapportContentView *self,
                                                             RapportContext     *context);
const char           *rapport_content_view_get_mode         (RapportContentView *self);
void                  rapport_content_view_set_mode         (RapportContentView *self,
                                                             const char         *mode);
void                  rapport_content_view_set_date         (RapportContentView *self,
                                                             GDateTime          *date);
const char           *rapport_content_view_get_period_title (RapportContentView *self);
RapportContentRange  *rapport_content_view_get_range        (RapportContentView *self);
GListModel           *rapport_content_view_get_backlog      (RapportContentView *self);
RapportMonthView     *rapport_content_view_get_month_view   (RapportContentView *self);
RapportWeekView      *rapport_content_view_get_week_view    (RapportContentView *self);
RapportAgendaView    *rapport_content_view_get_agenda_view  (RapportContentView *self);
RapportContentEditor *rapport_content_view_get_editor       (RapportContentView *self);
void                  rapport_content_view_set_filters      (RapportContentView *self,
                                                             const char         *channel,
                                                             const char         *status,
                                                             const char         *owner);
gboolean              rapport_content_view_drop             (RapportContentView *self,
                                                             GObject            *object,
                                                             GDateTime          *day);
gboolean              rapport_content_view_export_ics       (RapportContentView *self,
                                                             GFile              *file);
gboolean              rapport_content_view_import_ics       (RapportContentView *self,
                                                             GFile              *file);

G_END_DECLS
