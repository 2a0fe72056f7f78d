/* rapport-duplicates-view-private.h
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

#include "rapport-duplicates-view.h"

G_BEGIN_DECLS

/* One member of the pair on show: what the compare pane reads of them. */
typedef struct
{
  gint64          id;
  RapportMember  *member;
  GStrv           emails;
  GPtrArray      *identities;
  guint           n_notes;

  /* By hand, while nobody is chosen: the search for them. */
  GtkSearchEntry *search_entry;
  GtkListBox     *results;
} RapportDuplicatesSide;

struct _RapportDuplicatesView
{
  GtkWidget              parent_instance;

  RapportContext        *context;
  RapportStore          *store;

  /* The open pairs, the surest first (RapportDuplicate). */
  GPtrArray             *pairs;
  /* The pair on show, or NULL by hand. */
  RapportDuplicate      *pair;
  RapportDuplicatesSide  sides[2];
  /* For each field that differs, the check button of each side. */
  GtkCheckButton        *picks[RAPPORT_MERGE_N_FIELDS][2];
  GtkWidget             *pick_rows[RAPPORT_MERGE_N_FIELDS][2];
  /* The members the compare pane was built for. */
  gint64                 shown_ids[2];

  /* Who "Merge by Hand" starts with: the member selected in Members. */
  gint64                 start_member_id;
  /* The pair a merge took away, to show again when it is undone. */
  gint64                 undo_journal_id;
  gint64                 undo_pair_id;
  /* After a decision: the pair to show next, if it is still open. */
  gint64                 next_pair_id;
  guint                  reload_source;

  AdwToastOverlay       *toast_overlay;
  AdwToastOverlay       *compare_overlay;
  AdwToast              *last_toast;
  GtkStack              *stack;
  AdwLeaflet            *leaflet;
  GtkWidget             *sidebar;
  AdwWindowTitle        *sidebar_title;
  GtkListBox            *pairs_list;
  GtkWidget             *by_hand_button;
  GtkWidget             *compare_pane;
  AdwWindowTitle        *compare_title;
  GtkStack              *compare_stack;
  GtkWidget             *compare_scroller;
  GtkLabel              *confidence_label;
  GtkLabel              *verdict_label;
  GtkLabel              *hint_label;
  GtkListBox            *reasons_list;
  GtkBox                *columns_box;
  GtkWidget             *footnote_label;
  GtkWidget             *reject_button;
  GtkWidget             *cancel_button;
  GtkWidget             *skip_button;
  GtkWidget             *merge_button;

  int                    width;
  guint                  by_hand : 1;
  guint                  stacked : 1;
  guint                  reloading : 1;
  guint                  rescanning : 1;
};

void     _rapport_duplicates_view_class_init_actions (GtkWidgetClass        *widget_class);
void     _rapport_duplicates_view_init_shortcuts     (RapportDuplicatesView *self);
void     _rapport_duplicates_view_update_actions     (RapportDuplicatesView *self);
void     _rapport_duplicates_view_reload             (RapportDuplicatesView *self);
void     _rapport_duplicates_view_queue_reload       (RapportDuplicatesView *self);
void     _rapport_duplicates_view_show_compare       (RapportDuplicatesView *self);
void     _rapport_duplicates_view_select_index       (RapportDuplicatesView *self,
                                                      guint                  index,
                                                      gboolean               focus);
guint    _rapport_duplicates_view_get_index          (RapportDuplicatesView *self);
void     _rapport_duplicates_view_build_picker       (RapportDuplicatesView *self,
                                                      guint                  side,
                                                      GtkBox                *column);
void     _rapport_duplicates_view_add_toast          (RapportDuplicatesView *self,
                                                      AdwToast              *toast);
void     _rapport_duplicates_view_show_error         (RapportDuplicatesView *self,
                                                      const char            *message);
void     _rapport_duplicates_ensure_style            (void);

G_END_DECLS
