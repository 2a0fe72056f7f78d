/* rapport-content-item.c
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

#define G_LOG_DOMAIN "rapport-content-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-content-item-private.h"

/* One planned piece of content: a blog post, a newsletter issue, a video…
 * A series (weekly newsletter) is one item with an RRULE; an edited
 * occurrence is an item of its own with series_id and recurrence_id. */
struct _RapportContentItem
{
  GObject               parent_instance;

  gint64                id;
  char                 *uid;
  char                 *title;
  char                 *kind;
  RapportContentStatus  status;
  char                 *owner;
  gint64                author_id;
  gint64                event_id;
  gint64                publish_at;
  char                 *tzid;
  gboolean              all_day;
  gboolean              has_date;
  char                 *rrule;
  gint64                series_id;
  gint64                recurrence_id;
  char                 *url;
  char                 *notes;
  gint64                published_at;
  GStrv                 channels;
  GArray               *featured_ids;
  GArray               *exdates;
  char                 *etag;
  char                 *remote_href;
};

G_DEFINE_FINAL_TYPE (RapportContentItem, rapport_content_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RapportContentStatus, rapport_content_status,
  G_DEFINE_ENUM_VALUE (RAPPORT_CONTENT_STATUS_IDEA, "idea"),
  G_DEFINE_ENUM_VALUE (RAPPORT_CONTENT_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (RAPPORT_CONTENT_STATUS_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (RAPPORT_CONTENT_STATUS_SCHEDULED, "scheduled"),
  G_DEFINE_ENUM_VALUE (RAPPORT_CONTENT_STATUS_PUBLISHED, "published"),
  G_DEFINE_ENUM_VALUE (RAPPORT_CONTENT_STATUS_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_OWNER,
  PROP_AUTHOR_ID,
  PROP_EVENT_ID,
  PROP_PUBLISH_AT,
  PROP_TZID,
  PROP_ALL_DAY,
  PROP_HAS_DATE,
  PROP_RRULE,
  PROP_SERIES_ID,
  PROP_RECURRENCE_ID,
  PROP_URL,
  PROP_NOTES,
  PROP_PUBLISHED_AT,
  PROP_CHANNELS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const status_names[] = {
  "idea", "draft", "in-review", "scheduled", "published", "cancelled",
};

/**
 * rapport_content_status_to_string:
 *
 * Returns: the status as stored and exported ("in-review")
 */
const char *
rapport_content_status_to_string (RapportContentStatus status)
{
  g_return_val_if_fail (status <= RAPPORT_CONTENT_STATUS_CANCELLED, "idea");

  return status_names[status];
}

gboolean
rapport_content_status_from_string (const char           *text,
                                    RapportContentStatus *status)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_ascii_strcasecmp (text, status_names[i]) == 0)
        {
          *status = (RapportContentStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rapport_content_status_get_label:
 *
 * Returns: the status as shown to people ("In review")
 */
const char *
rapport_content_status_get_label (RapportContentStatus status)
{
  switch (status)
    {
    case RAPPORT_CONTENT_STATUS_IDEA:
      return _("Idea");
    case RAPPORT_CONTENT_STATUS_DRAFT:
      return _("Draft");
    case RAPPORT_CONTENT_STATUS_IN_REVIEW:
      return _("In review");
    case RAPPORT_CONTENT_STATUS_SCHEDULED:
      return _("Scheduled");
    case RAPPORT_CONTENT_STATUS_PUBLISHED:
      return _("Published");
    case RAPPORT_CONTENT_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return "";
    }
}

/**
 * rapport_content_status_can_change:
 *
 * Whether the workflow allows moving from @from to @to: forward one step,
 * back to any earlier working step, Cancelled from anywhere but Published,
 * and a cancelled item back to Idea. Published is final.
 */
gboolean
rapport_content_status_can_change (RapportContentStatus from,
                                   RapportContentStatus to)
{
  if (from == to)
    return FALSE;

  switch (from)
    {
    case RAPPORT_CONTENT_STATUS_PUBLISHED:
      return FALSE;
    case RAPPORT_CONTENT_STATUS_CANCELLED:
      return to == RAPPORT_CONTENT_STATUS_IDEA;
    case RAPPORT_CONTENT_STATUS_IDEA:
    case RAPPORT_CONTENT_STATUS_DRAFT:
    case RAPPORT_CONTENT_STATUS_IN_REVIEW:
    case RAPPORT_CONTENT_STATUS_SCHEDULED:
      if (to == RAPPORT_CONTENT_STATUS_CANCELLED)
        return TRUE;
      if (to == RAPPORT_CONTENT_STATUS_PUBLISHED)
        return from == RAPPORT_CONTENT_STATUS_SCHEDULED;
      return to == from + 1 || to < from;
    default:
      return FALSE;
    }
}

/* GLib 2.74 has no g_set_str. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
rapport_content_item_finalize (GObject *object)
{
  RapportContentItem *self = (RapportContentItem *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->channels, g_strfreev);
  g_clear_pointer (&self->featured_ids, g_array_unref);
  g_clear_pointer (&self->exdates, g_array_unref);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->remote_href, g_free);

  G_OBJECT_CLASS (rapport_content_item_parent_class)->finalize (object);
}

static void
rapport_content_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportContentItem *self = RAPPORT_CONTENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_PUBLISH_AT:
      g_value_set_int64 (value, self->publish_at);
      break;
    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;
    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;
    case PROP_HAS_DATE:
      g_value_set_boolean (value, self->has_date);
      break;
    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;
    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;
    case PROP_RECURRENCE_ID:
      g_value_set_int64 (value, self->recurrence_id);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_PUBLISHED_AT:
      g_value_set_int64 (value, self->published_at);
      break;
    case PROP_CHANNELS:
      g_value_set_boxed (value, self->channels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportContentItem *self = RAPPORT_CONTENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_UID:
      rapport_content_item_set_uid (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      rapport_content_item_set_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      rapport_content_item_set_kind (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      rapport_content_item_set_owner (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR_ID:
      rapport_content_item_set_author_id (self, g_value_get_int64 (value));
      break;
    case PROP_EVENT_ID:
      rapport_content_item_set_event_id (self, g_value_get_int64 (value));
      break;
    case PROP_ALL_DAY:
      rapport_content_item_set_all_day (self, g_value_get_boolean (value));
      break;
    case PROP_RRULE:
      rapport_content_item_set_rrule (self, g_value_get_string (value));
      break;
    case PROP_URL:
      rapport_content_item_set_url (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      rapport_content_item_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CHANNELS:
      rapport_content_item_set_channels (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_content_item_class_init (RapportContentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_content_item_finalize;
  object_class->get_property = rapport_content_item_get_property;
  object_class->set_property = rapport_content_item_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties [PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, rw);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties [PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "blog-post", rw);
  properties [PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, RAPPORT_TYPE_CONTENT_STATUS,
                                                RAPPORT_CONTENT_STATUS_IDEA, ro);
  properties [PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, rw);
  properties [PROP_AUTHOR_ID] = g_param_spec_int64 ("author-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties [PROP_EVENT_ID] = g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties [PROP_PUBLISH_AT] = g_param_spec_int64 ("publish-at", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, ro);
  properties [PROP_TZID] = g_param_spec_string ("tzid", NULL, NULL, NULL, ro);
  properties [PROP_ALL_DAY] = g_param_spec_boolean ("all-day", NULL, NULL, FALSE, rw);
  properties [PROP_HAS_DATE] = g_param_spec_boolean ("has-date", NULL, NULL, FALSE, ro);
  properties [PROP_RRULE] = g_param_spec_string ("rrule", NULL, NULL, NULL, rw);
  properties [PROP_SERIES_ID] = g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties [PROP_RECURRENCE_ID] = g_param_spec_int64 ("recurrence-id", NULL, NULL,
                                                        G_MININT64, G_MAXINT64, 0, ro);
  properties [PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties [PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties [PROP_PUBLISHED_AT] = g_param_spec_int64 ("published-at", NULL, NULL,
                                                       0, G_MAXINT64, 0, ro);
  properties [PROP_CHANNELS] = g_param_spec_boxed ("channels", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_content_item_init (RapportContentItem *self)
{
  self->kind = g_strdup ("blog-post");
  self->channels = g_new0 (char *, 1);
  self->featured_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RapportContentItem *
rapport_content_item_new (const char *title,
                          const char *kind)
{
  RapportContentItem *self = g_object_new (RAPPORT_TYPE_CONTENT_ITEM, NULL);

  self->title = g_strdup (title);
  if (kind != NULL)
    replace_string (&self->kind, kind);
  return self;
}

/**
 * rapport_content_item_copy:
 *
 * Returns: (transfer full): a copy with every field, id included
 */
RapportContentItem *
rapport_content_item_copy (RapportContentItem *self)
{
  RapportContentItem *copy;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  copy = rapport_content_item_new (self->title, self->kind);
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->status = self->status;
  copy->owner = g_strdup (self->owner);
  copy->author_id = self->author_id;
  copy->event_id = self->event_id;
  copy->publish_at = self->publish_at;
  copy->tzid = g_strdup (self->tzid);
  copy->all_day = self->all_day;
  copy->has_date = self->has_date;
  copy->rrule = g_strdup (self->rrule);
  copy->series_id = self->series_id;
  copy->recurrence_id = self->recurrence_id;
  copy->url = g_strdup (self->url);
  copy->notes = g_strdup (self->notes);
  copy->published_at = self->published_at;
  g_strfreev (copy->channels);
  copy->channels = g_strdupv (self->channels);
  g_array_append_vals (copy->featured_ids, self->featured_ids->data, self->featured_ids->len);
  g_array_append_vals (copy->exdates, self->exdates->data, self->exdates->len);
  copy->etag = g_strdup (self->etag);
  copy->remote_href = g_strdup (self->remote_href);

  return copy;
}

#define STRING_ACCESSORS(name, PROP) \
const char * \
rapport_content_item_get_##name (RapportContentItem *self) \
{ \
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL); \
  return self->name; \
} \
\
void \
rapport_content_item_set_##name (RapportContentItem *self, \
                                 const char         *name) \
{ \
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self)); \
  if (replace_string (&self->name, name)) \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]); \
}

STRING_ACCESSORS (uid, PROP_UID)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (owner, PROP_OWNER)
STRING_ACCESSORS (rrule, PROP_RRULE)
STRING_ACCESSORS (url, PROP_URL)
STRING_ACCESSORS (notes, PROP_NOTES)

const char *
rapport_content_item_get_kind (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return self->kind;
}

/**
 * rapport_content_item_set_kind:
 * @kind: "blog-post", "tutorial", "announcement", "newsletter",
 *   "social-post", "video", "event-recap" or any other word
 */
void
rapport_content_item_set_kind (RapportContentItem *self,
                               const char         *kind)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));
  g_return_if_fail (kind != NULL && kind[0] != '\0');

  if (replace_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

#define INT_ACCESSORS(name, PROP) \
gint64 \
rapport_content_item_get_##name (RapportContentItem *self) \
{ \
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), 0); \
  return self->name; \
} \
\
void \
rapport_content_item_set_##name (RapportContentItem *self, \
                                 gint64              name) \
{ \
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self)); \
  if (self->name == name) \
    return; \
  self->name = name; \
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]); \
}

INT_ACCESSORS (author_id, PROP_AUTHOR_ID)
INT_ACCESSORS (event_id, PROP_EVENT_ID)

gint64
rapport_content_item_get_id (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), 0);

  return self->id;
}

RapportContentStatus
rapport_content_item_get_status (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), RAPPORT_CONTENT_STATUS_IDEA);

  return self->status;
}

/**
 * rapport_content_item_get_publish_at:
 *
 * Returns: the planned publication time, Unix time (UTC); for a series the
 *   first occurrence; meaningless unless rapport_content_item_has_date()
 */
gint64
rapport_content_item_get_publish_at (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), 0);

  return self->publish_at;
}

/**
 * rapport_content_item_get_tzid:
 *
 * Returns: (nullable): the IANA time zone the time was planned in
 *   ("Europe/Berlin"); %NULL for UTC and for all-day items
 */
const char *
rapport_content_item_get_tzid (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return self->tzid;
}

gboolean
rapport_content_item_get_all_day (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), FALSE);

  return self->all_day;
}

gboolean
rapport_content_item_has_date (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), FALSE);

  return self->has_date;
}

/**
 * rapport_content_item_set_publish_at:
 * @publish_at: Unix time (UTC)
 * @tzid: (nullable): the time zone the item is planned in; a series
 *   repeats at the same wall-clock time there
 */
void
rapport_content_item_set_publish_at (RapportContentItem *self,
                                     gint64              publish_at,
                                     const char         *tzid)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));

  if (tzid != NULL && (tzid[0] == '\0' || g_str_equal (tzid, "UTC")))
    tzid = NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->publish_at != publish_at)
    {
      self->publish_at = publish_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISH_AT]);
    }
  if (replace_string (&self->tzid, tzid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TZID]);
  if (!self->has_date)
    {
      self->has_date = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
rapport_content_item_clear_publish_at (RapportContentItem *self)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));

  if (!self->has_date)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->has_date = FALSE;
  self->publish_at = 0;
  g_clear_pointer (&self->tzid, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISH_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TZID]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rapport_content_item_set_all_day:
 *
 * An all-day item has a date and no time: publish-at is that date at
 * 00:00 UTC and the time zone is dropped.
 */
void
rapport_content_item_set_all_day (RapportContentItem *self,
                                  gboolean            all_day)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));

  all_day = !!all_day;
  if (self->all_day == all_day)
    return;

  self->all_day = all_day;
  if (all_day && self->tzid != NULL)
    {
      g_clear_pointer (&self->tzid, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TZID]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_DAY]);
}

/**
 * rapport_content_item_dup_publish_time:
 *
 * Returns: (transfer full) (nullable): the planned time in the item's own
 *   time zone, or %NULL without a date
 */
GDateTime *
rapport_content_item_dup_publish_time (RapportContentItem *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  if (!self->has_date)
    return NULL;

  utc = g_date_time_new_from_unix_utc (self->publish_at);
  if (self->tzid == NULL)
    return g_steal_pointer (&utc);

  zone = g_time_zone_new_identifier (self->tzid);
  if (zone == NULL)
    return g_steal_pointer (&utc);
  return g_date_time_to_timezone (utc, zone);
}

gint64
rapport_content_item_get_series_id (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), 0);

  return self->series_id;
}

/**
 * rapport_content_item_get_recurrence_id:
 *
 * Returns: for an exception, the start (UTC) of the occurrence of its
 *   series that it replaces; otherwise 0
 */
gint64
rapport_content_item_get_recurrence_id (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), 0);

  return self->recurrence_id;
}

gint64
rapport_content_item_get_published_at (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), 0);

  return self->published_at;
}

/**
 * rapport_content_item_get_channels:
 *
 * Returns: (transfer none): the channel names ("Blog", "Newsletter"…)
 */
const char * const *
rapport_content_item_get_channels (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return (const char * const *) self->channels;
}

void
rapport_content_item_set_channels (RapportContentItem *self,
                                   const char * const *channels)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));

  if (channels == NULL)
    channels = none;
  if (g_strv_equal ((const char * const *) self->channels, channels))
    return;

  g_strfreev (self->channels);
  self->channels = g_strdupv ((char **) channels);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANNELS]);
}

/**
 * rapport_content_item_get_featured_ids:
 *
 * Returns: (transfer none): the ids (gint64) of the members the item
 *   features, besides its author
 */
const GArray *
rapport_content_item_get_featured_ids (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return self->featured_ids;
}

void
rapport_content_item_set_featured_ids (RapportContentItem *self,
                                       const gint64       *ids,
                                       guint               n_ids)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));

  g_array_set_size (self->featured_ids, 0);
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean seen = ids[i] == self->author_id;

      for (guint j = 0; j < self->featured_ids->len && !seen; j++)
        seen = g_array_index (self->featured_ids, gint64, j) == ids[i];
      if (!seen && ids[i] > 0)
        g_array_append_val (self->featured_ids, ids[i]);
    }
}

/**
 * rapport_content_item_get_exdates:
 *
 * Returns: (transfer none): the starts (Unix time, gint64) of the
 *   occurrences removed from a series, sorted
 */
const GArray *
rapport_content_item_get_exdates (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return self->exdates;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

void
rapport_content_item_set_exdates (RapportContentItem *self,
                                  const gint64       *times,
                                  guint               n_times)
{
  g_return_if_fail (RAPPORT_IS_CONTENT_ITEM (self));

  g_array_set_size (self->exdates, 0);
  g_array_append_vals (self->exdates, times, n_times);
  g_array_sort (self->exdates, compare_int64);
}

/**
 * rapport_content_item_get_etag:
 *
 * Returns: (nullable): the CalDAV server's ETag of the item's resource
 *   when it was last synced
 */
const char *
rapport_content_item_get_etag (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return self->etag;
}

const char *
rapport_content_item_get_remote_href (RapportContentItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (self), NULL);

  return self->remote_href;
}

void
_rapport_content_item_set_id (RapportContentItem *self,
                              gint64              id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

void
_rapport_content_item_set_status (RapportContentItem   *self,
                                  RapportContentStatus  status)
{
  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

void
_rapport_content_item_set_series (RapportContentItem *self,
                                  gint64              series_id,
                                  gint64              recurrence_id)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->series_id != series_id)
    {
      self->series_id = series_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SERIES_ID]);
    }
  if (self->recurrence_id != recurrence_id)
    {
      self->recurrence_id = recurrence_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_rapport_content_item_set_published_at (RapportContentItem *self,
                                        gint64              published_at)
{
  if (self->published_at == published_at)
    return;

  self->published_at = published_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISHED_AT]);
}

void
_rapport_content_item_set_remote (RapportContentItem *self,
                                  const char         *remote_href,
                                  const char         *etag)
{
  replace_string (&self->remote_href, remote_href);
  replace_string (&self->etag, etag);
}
