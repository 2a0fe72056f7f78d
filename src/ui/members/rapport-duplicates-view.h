/* rapport-duplicates-view.h
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

#include "rapport-merge.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_DUPLICATES_VIEW (rapport_duplicates_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportDuplicatesView, rapport_duplicates_view, RAPPORT, DUPLICATES_VIEW, GtkWidget)

GtkWidget             *rapport_duplicates_view_new              (RapportContext        *context);
RapportDuplicatesView *rapport_duplicates_view_present          (GtkWindow             *parent,
                                                                 RapportContext        *context);
void                   rapport_duplicates_view_attach_button    (GtkButton             *button,
                                                                 RapportContext        *context);
RapportContext        *rapport_duplicates_view_get_context      (RapportDuplicatesView *self);
void                   rapport_duplicates_view_set_context      (RapportDuplicatesView *self,
                                                                 RapportContext        *context);
guint                  rapport_duplicates_view_get_n_pairs      (RapportDuplicatesView *self);
gint64                 rapport_duplicates_view_get_selected_id  (RapportDuplicatesView *self);
void                   rapport_duplicates_view_select_pair      (RapportDuplicatesView *self,
                                                                 gint64                 pair_id);
gint64                 rapport_duplicates_view_get_member_a     (RapportDuplicatesView *self);
gint64                 rapport_duplicates_view_get_member_b     (RapportDuplicatesView *self);
gint64                 rapport_duplicates_view_get_survivor_id  (RapportDuplicatesView *self);
gint64                 rapport_duplicates_view_get_pick         (RapportDuplicatesView *self,
                                                                 RapportMergeField      field);
gboolean               rapport_duplicates_view_set_pick         (RapportDuplicatesView *self,
                                                                 RapportMergeField      field,
                                                                 gint64                 member_id);
gboolean               rapport_duplicates_view_get_by_hand      (RapportDuplicatesView *self);
void                   rapport_duplicates_view_merge_by_hand    (RapportDuplicatesView *self,
                                                                 gint64                 member_a,
                                                                 gint64                 member_b);
void                   rapport_duplicates_view_set_start_member (RapportDuplicatesView *self,
                                                                 gint64                 member_id);
gboolean               rapport_duplicates_view_get_stacked      (RapportDuplicatesView *self);
AdwToast              *rapport_duplicates_view_get_last_toast   (RapportDuplicatesView *self);

G_END_DECLS
