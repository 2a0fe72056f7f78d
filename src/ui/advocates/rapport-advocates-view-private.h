/* rapport-advocates-view-private.h
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

#include "rapport-advocates-view.h"

G_BEGIN_DECLS

struct _RapportAdvocatesView
{
  GtkWidget        parent_instance;

  RapportPipeline *pipeline;
  RapportScoring  *scoring;
  RapportStore    *store;
  GListStore      *suggestions;
  GCancellable    *suggestions_cancellable;
  guint            suggestions_source;
  guint            reveal_source;
  AdwToast        *last_toast;

  char            *search_text;
  char            *tag;
  char            *organization;
  int              level;
  char            *sort_by;

  guint            built : 1;
  guint            suggestions_loaded : 1;
  guint            suggestions_requested : 1;
  guint            updating_filters : 1;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkMenuButton   *filter_button;
  GtkPopover      *filter_popover;
  GtkDropDown     *tag_dropdown;
  GtkDropDown     *organization_dropdown;
  GtkDropDown     *level_dropdown;
  GtkStringList   *tags_model;
  GtkStringList   *organizations_model;
  GtkButton       *clear_filters_button;
  GtkToggleButton *suggestions_button;
  GtkLabel        *suggestions_label;
  GtkLabel        *suggestions_short_label;
  AdwFlap         *flap;
  GtkBox          *columns_box;
  GtkStack        *suggestions_stack;
  GtkListView     *suggestions_view;
};

void               _rapport_advocates_view_class_init_actions        (RapportAdvocatesViewClass *klass);
void               _rapport_advocates_view_init_suggestions          (RapportAdvocatesView      *self);
void               _rapport_advocates_view_show_toast                (RapportAdvocatesView      *self,
                                                                      AdwToast                  *toast);
void               _rapport_advocates_view_show_error_toast          (RapportAdvocatesView      *self,
                                                                      const char                *message);
void               _rapport_advocates_view_ensure_template           (RapportAdvocatesView      *self);
void               _rapport_advocates_view_show_undo_toast           (RapportAdvocatesView      *self,
                                                                      const char                *title,
                                                                      gint64                     journal_id);
void               _rapport_advocates_view_update_suggestions_button (RapportAdvocatesView      *self);
void               _rapport_advocates_view_schedule_suggestions      (RapportAdvocatesView      *self);
RapportSuggestion *_rapport_advocates_view_find_suggestion           (RapportAdvocatesView      *self,
                                                                      GVariant                  *parameter);

G_END_DECLS
