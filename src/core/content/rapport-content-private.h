/* rapport-content-private.h
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

#include <libical/ical.h>

#include "rapport-content-item-private.h"
#include "rapport-content-store.h"
#include "rapport-store-private.h"

G_BEGIN_DECLS

icaltimezone       *_rapport_content_get_zone       (const char          *tzid);
gboolean            _rapport_content_validate       (RapportContentItem  *item,
                                                     GError             **error);
gboolean            _rapport_content_write          (RapportStore        *store,
                                                     RapportContentItem  *item,
                                                     gboolean             dirty,
                                                     GError             **error);
gboolean            _rapport_content_write_status   (RapportStore        *store,
                                                     RapportContentItem  *item,
                                                     GError             **error);
GPtrArray          *_rapport_content_load           (RapportStore        *store,
                                                     const char          *where,
                                                     gint64               arg1,
                                                     gint64               arg2,
                                                     GError             **error);
GPtrArray          *_rapport_content_load_exceptions (RapportStore       *store,
                                                      gint64              series_id,
                                                      GError            **error);
void                _rapport_content_expand         (RapportContentItem  *item,
                                                     gint64               start,
                                                     gint64               end,
                                                     GArray              *starts);
gboolean            _rapport_content_delete_row     (RapportStore        *store,
                                                     gint64               item_id,
                                                     gboolean             keep_tombstone,
                                                     GError             **error);
char               *_rapport_content_new_uid        (void);
char               *_rapport_content_exception_uid  (const char          *series_uid,
                                                     gint64               recurrence_id);

G_END_DECLS

G_BEGIN_DECLS

char     *_rapport_content_series_to_ics (RapportStore        *store,
                                          RapportContentItem  *master,
                                          GError             **error);
gboolean  _rapport_content_apply_remote  (RapportStore        *store,
                                          const char          *text,
                                          const char          *href,
                                          const char          *etag,
                                          GError             **error);
char     *_rapport_content_ics_uid       (const char          *text);

G_END_DECLS
