/* rapport-duplicates.h
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

#define RAPPORT_TYPE_DUPLICATE (rapport_duplicate_get_type ())

GType                     rapport_duplicate_get_type       (void) G_GNUC_CONST;
RapportDuplicate         *rapport_duplicate_copy           (const RapportDuplicate *self);
void                      rapport_duplicate_free           (RapportDuplicate       *self);
gint64                    rapport_duplicate_get_id         (const RapportDuplicate *self);
gint64                    rapport_duplicate_get_member_a   (const RapportDuplicate *self);
gint64                    rapport_duplicate_get_member_b   (const RapportDuplicate *self);
const char               *rapport_duplicate_get_name_a     (const RapportDuplicate *self);
const char               *rapport_duplicate_get_name_b     (const RapportDuplicate *self);
double                    rapport_duplicate_get_confidence (const RapportDuplicate *self);
const char * const       *rapport_duplicate_get_reasons    (const RapportDuplicate *self);
gboolean                  rapport_duplicate_is_rejected    (const RapportDuplicate *self);

GPtrArray                *rapport_store_list_duplicates    (RapportStore           *store,
                                                            double                  min_confidence,
                                                            guint                   limit,
                                                            GError                **error);
RapportDuplicate         *rapport_store_get_duplicate      (RapportStore           *store,
                                                            gint64                  id,
                                                            GError                **error);
gint64                    rapport_store_count_duplicates   (RapportStore           *store,
                                                            double                  min_confidence);
gboolean                  rapport_store_rescan_duplicates  (RapportStore           *store,
                                                            guint                  *n_open,
                                                            GError                **error);
void                      rapport_store_rescan_duplicates_async  (RapportStore        *store,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean                  rapport_store_rescan_duplicates_finish (RapportStore        *store,
                                                                  GAsyncResult        *result,
                                                                  guint               *n_open,
                                                                  GError             **error);
gboolean                  rapport_store_reject_duplicate   (RapportStore           *store,
                                                            gint64                  id,
                                                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDuplicate, rapport_duplicate_free)

G_END_DECLS
