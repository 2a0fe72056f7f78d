/* rapport-content-item.h
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

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RapportContentStatus:
 * @RAPPORT_CONTENT_STATUS_IDEA: someone had the idea; no date needed
 * @RAPPORT_CONTENT_STATUS_DRAFT: being written
 * @RAPPORT_CONTENT_STATUS_IN_REVIEW: written, waiting for review
 * @RAPPORT_CONTENT_STATUS_SCHEDULED: reviewed and planned for its date
 * @RAPPORT_CONTENT_STATUS_PUBLISHED: out
 * @RAPPORT_CONTENT_STATUS_CANCELLED: dropped
 *
 * Where a content item is on its way to publication.
 */
typedef enum
{
  RAPPORT_CONTENT_STATUS_IDEA,
  RAPPORT_CONTENT_STATUS_DRAFT,
  RAPPORT_CONTENT_STATUS_IN_REVIEW,
  RAPPORT_CONTENT_STATUS_SCHEDULED,
  RAPPORT_CONTENT_STATUS_PUBLISHED,
  RAPPORT_CONTENT_STATUS_CANCELLED,
} RapportContentStatus;

#define RAPPORT_TYPE_CONTENT_STATUS (rapport_content_status_get_type ())
#define RAPPORT_TYPE_CONTENT_ITEM (rapport_content_item_get_type ())

GType                 rapport_content_status_get_type   (void) G_GNUC_CONST;
const char           *rapport_content_status_to_string  (RapportContentStatus  status);
gboolean              rapport_content_status_from_string (const char          *text,
                                                         RapportContentStatus *status);
const char           *rapport_content_status_get_label  (RapportContentStatus  status);
gboolean              rapport_content_status_can_change (RapportContentStatus  from,
                                                         RapportContentStatus  to);

G_DECLARE_FINAL_TYPE (RapportContentItem, rapport_content_item, RAPPORT, CONTENT_ITEM, GObject)

RapportContentItem   *rapport_content_item_new              (const char          *title,
                                                             const char          *kind);
RapportContentItem   *rapport_content_item_copy             (RapportContentItem  *self);
gint64                rapport_content_item_get_id           (RapportContentItem  *self);
const char           *rapport_content_item_get_uid          (RapportContentItem  *self);
void                  rapport_content_item_set_uid          (RapportContentItem  *self,
                                                             const char          *uid);
const char           *rapport_content_item_get_title        (RapportContentItem  *self);
void                  rapport_content_item_set_title        (RapportContentItem  *self,
                                                             const char          *title);
const char           *rapport_content_item_get_kind         (RapportContentItem  *self);
void                  rapport_content_item_set_kind         (RapportContentItem  *self,
                                                             const char          *kind);
RapportContentStatus  rapport_content_item_get_status       (RapportContentItem  *self);
const char           *rapport_content_item_get_owner        (RapportContentItem  *self);
void                  rapport_content_item_set_owner        (RapportContentItem  *self,
                                                             const char          *owner);
gint64                rapport_content_item_get_author_id    (RapportContentItem  *self);
void                  rapport_content_item_set_author_id    (RapportContentItem  *self,
                                                             gint64               member_id);
gint64                rapport_content_item_get_event_id     (RapportContentItem  *self);
void                  rapport_content_item_set_event_id     (RapportContentItem  *self,
                                                             gint64               event_id);
gint64                rapport_content_item_get_publish_at   (RapportContentItem  *self);
const char           *rapport_content_item_get_tzid         (RapportContentItem  *self);
gboolean              rapport_content_item_get_all_day      (RapportContentItem  *self);
void                  rapport_content_item_set_publish_at   (RapportContentItem  *self,
                                                             gint64               publish_at,
                                                             const char          *tzid);
void                  rapport_content_item_set_all_day      (RapportContentItem  *self,
                                                             gboolean             all_day);
void                  rapport_content_item_clear_publish_at (RapportContentItem  *self);
gboolean              rapport_content_item_has_date         (RapportContentItem  *self);
GDateTime            *rapport_content_item_dup_publish_time (RapportContentItem  *self);
const char           *rapport_content_item_get_rrule        (RapportContentItem  *self);
void                  rapport_content_item_set_rrule        (RapportContentItem  *self,
                                                             const char          *rrule);
gint64                rapport_content_item_get_series_id    (RapportContentItem  *self);
gint64                rapport_content_item_get_recurrence_id (RapportContentItem *self);
const char           *rapport_content_item_get_url          (RapportContentItem  *self);
void                  rapport_content_item_set_url          (RapportContentItem  *self,
                                                             const char          *url);
const char           *rapport_content_item_get_notes        (RapportContentItem  *self);
void                  rapport_content_item_set_notes        (RapportContentItem  *self,
                                                             const char          *notes);
gint64                rapport_content_item_get_published_at (RapportContentItem  *self);
const char * const   *rapport_content_item_get_channels     (RapportContentItem  *self);
void                  rapport_content_item_set_channels     (RapportContentItem  *self,
                                                             const char * const  *channels);
const GArray         *rapport_content_item_get_featured_ids (RapportContentItem  *self);
void                  rapport_content_item_set_featured_ids (RapportContentItem  *self,
                                                             const gint64        *ids,
                                                             guint                n_ids);
const GArray         *rapport_content_item_get_exdates      (RapportContentItem  *self);
void                  rapport_content_item_set_exdates      (RapportContentItem  *self,
                                                             const gint64        *times,
                                                             guint                n_times);
const char           *rapport_content_item_get_etag         (RapportContentItem  *self);
const char           *rapport_content_item_get_remote_href  (RapportContentItem  *self);

G_END_DECLS
