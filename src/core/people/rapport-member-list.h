/* rapport-member-list.h
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

#include <gio/gio.h>

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEMBER_LIST (rapport_member_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportMemberList, rapport_member_list, RAPPORT, MEMBER_LIST, GObject)

RapportMemberList *rapport_member_list_new              (RapportStore       *store);
RapportStore      *rapport_member_list_get_store        (RapportMemberList  *self);
const char        *rapport_member_list_get_search_text  (RapportMemberList  *self);
void               rapport_member_list_set_search_text  (RapportMemberList  *self,
                                                         const char         *text);
RapportMemberSort  rapport_member_list_get_sort         (RapportMemberList  *self);
gboolean           rapport_member_list_get_descending   (RapportMemberList  *self);
void               rapport_member_list_set_sort         (RapportMemberList  *self,
                                                         RapportMemberSort   sort,
                                                         gboolean            descending);
gint64             rapport_member_list_get_stage_id     (RapportMemberList  *self);
void               rapport_member_list_set_stage_id     (RapportMemberList  *self,
                                                         gint64              stage_id);
const char        *rapport_member_list_get_tag          (RapportMemberList  *self);
void               rapport_member_list_set_tag          (RapportMemberList  *self,
                                                         const char         *tag);
const char        *rapport_member_list_get_organization (RapportMemberList  *self);
void               rapport_member_list_set_organization (RapportMemberList  *self,
                                                         const char         *organization);
int                rapport_member_list_get_level        (RapportMemberList  *self);
void               rapport_member_list_set_level        (RapportMemberList  *self,
                                                         int                 level);
gboolean           rapport_member_list_get_loading      (RapportMemberList  *self);
gint64             rapport_member_list_get_id           (RapportMemberList  *self,
                                                         guint               position);
gboolean           rapport_member_list_find             (RapportMemberList  *self,
                                                         gint64              member_id,
                                                         guint              *position);
guint              rapport_member_list_get_n_matches    (RapportMemberList  *self);
guint              rapport_member_list_get_limit        (RapportMemberList  *self);
void               rapport_member_list_set_limit        (RapportMemberList  *self,
                                                         guint               limit);
void               rapport_member_list_reload           (RapportMemberList  *self);
gboolean           rapport_member_list_reload_sync      (RapportMemberList  *self,
                                                         GError            **error);

G_END_DECLS
