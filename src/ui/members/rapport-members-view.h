/* rapport-members-view.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEMBERS_VIEW (rapport_members_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportMembersView, rapport_members_view, RAPPORT, MEMBERS_VIEW, GtkWidget)

GtkWidget         *rapport_members_view_new                (void);
RapportContext    *rapport_members_view_get_context        (RapportMembersView *self);
void               rapport_members_view_set_context        (RapportMembersView *self,
                                                            RapportContext     *context);
RapportMemberList *rapport_members_view_get_list           (RapportMembersView *self);
gboolean           rapport_members_view_get_loaded         (RapportMembersView *self);
guint              rapport_members_view_get_n_total        (RapportMembersView *self);
gboolean           rapport_members_view_get_folded         (RapportMembersView *self);
gboolean           rapport_members_view_get_showing_member (RapportMembersView *self);
void               rapport_members_view_show_list          (RapportMembersView *self);
gint64             rapport_members_view_get_selected_id    (RapportMembersView *self);
void               rapport_members_view_select_member      (RapportMembersView *self,
                                                            gint64              member_id,
                                                            gboolean            show);
gboolean           rapport_members_view_get_search_mode    (RapportMembersView *self);
void               rapport_members_view_set_search_mode    (RapportMembersView *self,
                                                            gboolean            search_mode);
void               rapport_members_view_focus_search       (RapportMembersView *self);
void               rapport_members_view_sort_by            (RapportMembersView *self,
                                                            RapportMemberSort   sort,
                                                            gboolean            descending);
GtkEditable       *rapport_members_view_get_search_entry   (RapportMembersView *self);
const char        *rapport_members_view_get_count_text     (RapportMembersView *self);

G_END_DECLS
