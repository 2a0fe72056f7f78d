/* rapport-content-item-private.h
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

G_BEGIN_DECLS

/* Fields only the store and the sync code set: they follow the database. */
void _rapport_content_item_set_id            (RapportContentItem   *self,
                                              gint64                id);
void _rapport_content_item_set_status        (RapportContentItem   *self,
                                              RapportContentStatus  status);
void _rapport_content_item_set_series        (RapportContentItem   *self,
                                              gint64                series_id,
                                              gint64                recurrence_id);
void _rapport_content_item_set_published_at  (RapportContentItem   *self,
                                              gint64                published_at);
void _rapport_content_item_set_remote        (RapportContentItem   *self,
                                              const char           *remote_href,
                                              const char           *etag);

G_END_DECLS
