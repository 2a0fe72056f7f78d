/* rapport-merge-private.h
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

#include <json-glib/json-glib.h>

#include "rapport-store-private.h"

G_BEGIN_DECLS

/* What rapport-merge.c and rapport-merge-undo.c share. */

#define RAPPORT_MERGE_OPERATION "merge-members"

gboolean _rapport_merge_run_statement  (RapportStore  *store,
                                        const char    *sql,
                                        gint64         first,
                                        gint64         second,
                                        GError       **error);
gboolean _rapport_merge_reindex_member (RapportStore  *store,
                                        gint64         member_id,
                                        GError       **error);
gboolean _rapport_merge_rescore        (RapportStore  *store,
                                        gint64         member_id,
                                        GError       **error);
gint64   _rapport_merge_image_int      (JsonObject    *image,
                                        const char    *column);
void     _rapport_merge_announce_rows  (RapportStore  *store,
                                        GPtrArray     *rows,
                                        gboolean       undone);

G_END_DECLS
