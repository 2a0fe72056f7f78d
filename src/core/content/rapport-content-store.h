/* rapport-content-store.h
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

#include "rapport-content-item.h"
#include "rapport-content-occurrence.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* The content calendar's part of the store. Every change emits the store's
 * "changed" signal for the table "content_items". */

gboolean            rapport_content_add               (RapportStore          *store,
                                                       RapportContentItem    *item,
                                                       GError               **error);
gboolean            rapport_content_update            (RapportStore          *store,
                                                       RapportContentItem    *item,
                                                       GError               **error);
gboolean            rapport_content_delete            (RapportStore          *store,
                                                       gint64                 item_id,
                                                       GError               **error);
RapportContentItem *rapport_content_get               (RapportStore          *store,
                                                       gint64                 item_id,
                                                       GError               **error);
RapportContentItem *rapport_content_get_by_uid        (RapportStore          *store,
                                                       const char            *uid,
                                                       GError               **error);
gboolean            rapport_content_set_status        (RapportStore          *store,
                                                       RapportContentItem    *item,
                                                       RapportContentStatus   status,
                                                       GError               **error);
RapportContentItem *rapport_content_edit_occurrence   (RapportStore          *store,
                                                       gint64                 series_id,
                                                       gint64                 recurrence_id,
                                                       GError               **error);
gboolean            rapport_content_remove_occurrence (RapportStore          *store,
                                                       gint64                 series_id,
                                                       gint64                 recurrence_id,
                                                       GError               **error);
GPtrArray          *rapport_content_list_occurrences  (RapportStore          *store,
                                                       gint64                 start,
                                                       gint64                 end,
                                                       GError               **error);
GPtrArray          *rapport_content_list_unscheduled  (RapportStore          *store,
                                                       GError               **error);
GPtrArray          *rapport_content_list_items        (RapportStore          *store,
                                                       GError               **error);
GStrv               rapport_content_list_channels     (RapportStore          *store);
const char * const *rapport_content_get_kinds         (void);
const char         *rapport_content_kind_get_label    (const char            *kind);

G_END_DECLS
