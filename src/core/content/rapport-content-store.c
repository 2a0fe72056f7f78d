/* rapport-content-store.c
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

#define G_LOG_DOMAIN "rapport-content"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-content-private.h"

#define CHANGED_TABLE "content_items"
#define MAX_OCCURRENCES_SCANNED 100000

/* Lists inside one column are joined with the unit separator, which no
 * channel name contains. */
#define SEPARATOR "\x1f"

static const char select_items[] =
  "SELECT i.id, i.uid, i.title, i.kind, i.status, i.owner, i.event_id, i.publish_at, "
  "       i.tzid, i.rrule, i.series_id, i.recurrence_id, i.url, i.notes, i.etag, "
  "       i.remote_href, i.all_day, i.published_at, "
  "       (SELECT group_concat (c.name, char (31)) FROM content_item_channels ic "
  "          JOIN content_channels c ON c.id = ic.channel_id WHERE ic.item_id = i.id), "
  "       (SELECT min (m.member_id) FROM content_item_members m "
  "          WHERE m.item_id = i.id AND m.role = 'author'), "
  "       (SELECT group_concat (m.member_id, ' ') FROM content_item_members m "
  "          WHERE m.item_id = i.id AND m.role = 'featured'), "
  "       (SELECT group_concat (x.occurrence_at, ' ') FROM content_exdates x "
  "          WHERE x.item_id = i.id) "
  "FROM content_items i ";

static const char * const kinds[] = {
  "blog-post", "tutorial", "announcement", "newsletter", "social-post",
  "video", "event-recap", NULL,
};

/**
 * rapport_content_get_kinds:
 *
 * Returns: (transfer none): the kinds Rapport knows; items may use others
 */
const char * const *
rapport_content_get_kinds (void)
{
  return kinds;
}

const char *
rapport_content_kind_get_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "blog-post", N_("Blog post") },
    { "tutorial", N_("Tutorial") },
    { "announcement", N_("Announcement") },
    { "newsletter", N_("Newsletter") },
    { "social-post", N_("Social post") },
    { "video", N_("Video") },
    { "event-recap", N_("Event recap") },
  };

  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (labels[i].kind, kind))
        return _(labels[i].label);
    }

  return kind;
}

char *
_rapport_content_new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (uuid, "@rapport", NULL);
}

/* An edited occurrence is stored under "<series UID>/<start in UTC>", so
 * importing or pulling the same exception again finds it. */
char *
_rapport_content_exception_uid (const char *series_uid,
                                gint64      recurrence_id)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (recurrence_id);
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%dT%H%M%SZ");

  return g_strconcat (series_uid, "/", stamp, NULL);
}

/**
 * _rapport_content_get_zone:
 * @tzid: (nullable): an IANA zone name
 *
 * Returns: (transfer none) (nullable): libical's zone, UTC for %NULL, or
 *   %NULL when the name is unknown
 */
icaltimezone *
_rapport_content_get_zone (const char *tzid)
{
  if (tzid == NULL || g_str_equal (tzid, "UTC"))
    return icaltimezone_get_utc_timezone ();

  return icaltimezone_get_builtin_timezone (tzid);
}

gboolean
_rapport_content_validate (RapportContentItem  *item,
                           GError             **error)
{
  const char *title = rapport_content_item_get_title (item);
  const char *rrule = rapport_content_item_get_rrule (item);
  const char *tzid = rapport_content_item_get_tzid (item);
  RapportContentStatus status = rapport_content_item_get_status (item);

  g_autofree char *trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A content item needs a title"));
      return FALSE;
    }

  if ((status == RAPPORT_CONTENT_STATUS_SCHEDULED || status == RAPPORT_CONTENT_STATUS_PUBLISHED)
      && !rapport_content_item_has_date (item))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is %s but has no publish date; give it a date first"),
                   title, rapport_content_status_get_label (status));
      return FALSE;
    }

  if (tzid != NULL && _rapport_content_get_zone (tzid) == NULL)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone (use a name like “Europe/Berlin”)"), tzid);
      return FALSE;
    }

  if (rrule != NULL)
    {
      struct icalrecurrencetype recur;

      if (rapport_content_item_get_series_id (item) > 0)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("“%s” is one occurrence of a series and cannot repeat itself"), title);
          return FALSE;
        }
      if (!rapport_content_item_has_date (item))
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("“%s” repeats but has no first date"), title);
          return FALSE;
        }

      icalerror_clear_errno ();
      recur = icalrecurrencetype_from_string (rrule);
      if (recur.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
        {
          icalerror_clear_errno ();
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("The repeat rule “%s” of “%s” is not a valid RRULE"), rrule, title);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
step_done (RapportStore      *store,
           RapportStatement  *stmt,
           GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);
  return TRUE;
}

static void
split_ids (const char *text,
           GArray     *out)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return;

  parts = g_strsplit (text, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 value = g_ascii_strtoll (parts[i], NULL, 10);

      g_array_append_val (out, value);
    }
}

static RapportContentItem *
item_from_row (RapportStatement *stmt)
{
  RapportContentItem *item;
  RapportContentStatus status = RAPPORT_CONTENT_STATUS_IDEA;
  g_autoptr(GArray) featured = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *channels;

  item = rapport_content_item_new (_rapport_column_text (stmt, 2), _rapport_column_text (stmt, 3));
  g_object_freeze_notify (G_OBJECT (item));
  _rapport_content_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  rapport_content_item_set_uid (item, _rapport_column_text (stmt, 1));
  rapport_content_status_from_string (_rapport_column_text (stmt, 4), &status);
  _rapport_content_item_set_status (item, status);
  rapport_content_item_set_owner (item, _rapport_column_text (stmt, 5));
  rapport_content_item_set_event_id (item, sqlite3_column_int64 (stmt, 6));
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    rapport_content_item_set_publish_at (item, sqlite3_column_int64 (stmt, 7),
                                         _rapport_column_text (stmt, 8));
  rapport_content_item_set_rrule (item, _rapport_column_text (stmt, 9));
  _rapport_content_item_set_series (item, sqlite3_column_int64 (stmt, 10),
                                    sqlite3_column_int64 (stmt, 11));
  rapport_content_item_set_url (item, _rapport_column_text (stmt, 12));
  rapport_content_item_set_notes (item, _rapport_column_text (stmt, 13));
  _rapport_content_item_set_remote (item, _rapport_column_text (stmt, 15),
                                    _rapport_column_text (stmt, 14));
  rapport_content_item_set_all_day (item, sqlite3_column_int (stmt, 16));
  _rapport_content_item_set_published_at (item, sqlite3_column_int64 (stmt, 17));

  channels = _rapport_column_text (stmt, 18);
  if (channels != NULL)
    {
      g_auto(GStrv) names = g_strsplit (channels, SEPARATOR, -1);

      rapport_content_item_set_channels (item, (const char * const *) names);
    }
  rapport_content_item_set_author_id (item, sqlite3_column_int64 (stmt, 19));
  split_ids (_rapport_column_text (stmt, 20), featured);
  rapport_content_item_set_featured_ids (item, (gint64 *) (gpointer) featured->data, featured->len);
  split_ids (_rapport_column_text (stmt, 21), exdates);
  rapport_content_item_set_exdates (item, (gint64 *) (gpointer) exdates->data, exdates->len);
  g_object_thaw_notify (G_OBJECT (item));

  return item;
}

/**
 * _rapport_content_load:
 * @where: a constant SQL tail ("WHERE i.id = ?"), with up to two parameters
 *
 * Returns: (transfer container) (element-type RapportContentItem):
 */
GPtrArray *
_rapport_content_load (RapportStore  *store,
                       const char    *where,
                       gint64         arg1,
                       gint64         arg2,
                       GError       **error)
{
  g_autofree char *sql = g_strconcat (select_items, where, NULL);
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int n_params;
  int rc;

  if (stmt == NULL)
    return NULL;

  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= 1)
    sqlite3_bind_int64 (stmt, 1, arg1);
  if (n_params >= 2)
    sqlite3_bind_int64 (stmt, 2, arg2);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

GPtrArray *
_rapport_content_load_exceptions (RapportStore  *store,
                                  gint64         series_id,
                                  GError       **error)
{
  return _rapport_content_load (store, "WHERE i.series_id = ? ORDER BY i.recurrence_id",
                                series_id, 0, error);
}

static RapportContentItem *
load_one (RapportStore  *store,
          const char    *where,
          gint64         arg,
          const char    *what,
          GError       **error)
{
  g_autoptr(GPtrArray) items = _rapport_content_load (store, where, arg, 0, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no content item %s"), what);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (items, 0));
}

RapportContentItem *
rapport_content_get (RapportStore  *store,
                     gint64         item_id,
                     GError       **error)
{
  g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return load_one (store, "WHERE i.id = ?", item_id, what, error);
}

RapportContentItem *
rapport_content_get_by_uid (RapportStore  *store,
                            const char    *uid,
                            GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *what = NULL;
  gint64 id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  stmt = _rapport_store_prepare (store, "SELECT id FROM content_items WHERE uid = ?", error);
  if (stmt == NULL)
    return NULL;
  _rapport_bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);

  what = g_strdup_printf ("“%s”", uid);
  return load_one (store, "WHERE i.id = ?", id, what, error);
}

static gint64
ensure_channel (RapportStore  *store,
                const char    *name,
                GError       **error)
{
  g_autoptr(RapportStatement) insert = NULL;
  g_autoptr(RapportStatement) find = NULL;

  insert = _rapport_store_prepare (store, "INSERT OR IGNORE INTO content_channels (name) VALUES (?)", error);
  if (insert == NULL)
    return 0;
  _rapport_bind_text (insert, 1, name);
  if (!step_done (store, insert, error))
    return 0;

  find = _rapport_store_prepare (store, "SELECT id FROM content_channels WHERE name = ?", error);
  if (find == NULL)
    return 0;
  _rapport_bind_text (find, 1, name);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      _rapport_store_set_error (store, error);
      return 0;
    }

  return sqlite3_column_int64 (find, 0);
}

static gboolean
clear_links (RapportStore  *store,
             gint64         id,
             GError       **error)
{
  static const char * const statements[] = {
    "DELETE FROM content_item_channels WHERE item_id = ?",
    "DELETE FROM content_item_members WHERE item_id = ?",
    "DELETE FROM content_exdates WHERE item_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_member_link (RapportStore  *store,
                 gint64         item_id,
                 gint64         member_id,
                 const char    *role,
                 GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "INSERT OR IGNORE INTO content_item_members (item_id, member_id, role) "
                                 "SELECT ?1, id, ?3 FROM members WHERE id = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _rapport_bind_text (stmt, 3, role);
  return step_done (store, stmt, error);
}

static gboolean
write_links (RapportStore        *store,
             RapportContentItem  *item,
             GError             **error)
{
  gint64 id = rapport_content_item_get_id (item);
  const char * const *channels = rapport_content_item_get_channels (item);
  const GArray *featured = rapport_content_item_get_featured_ids (item);
  const GArray *exdates = rapport_content_item_get_exdates (item);
  gint64 author = rapport_content_item_get_author_id (item);

  if (!clear_links (store, id, error))
    return FALSE;

  for (guint i = 0; channels[i] != NULL; i++)
    {
      g_autoptr(RapportStatement) stmt = NULL;
      gint64 channel_id = ensure_channel (store, channels[i], error);

      if (channel_id == 0)
        return FALSE;
      stmt = _rapport_store_prepare (store,
                                     "INSERT OR IGNORE INTO content_item_channels (item_id, channel_id) VALUES (?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, channel_id);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  if (author > 0 && !add_member_link (store, id, author, "author", error))
    return FALSE;
  for (guint i = 0; i < featured->len; i++)
    {
      if (!add_member_link (store, id, g_array_index (featured, gint64, i), "featured", error))
        return FALSE;
    }

  for (guint i = 0; i < exdates->len; i++)
    {
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (store,
                                     "INSERT OR IGNORE INTO content_exdates (item_id, occurrence_at) VALUES (?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (exdates, gint64, i));
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
mark_series_dirty (RapportStore  *store,
                   gint64         series_id,
                   GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  stmt = _rapport_store_prepare (store,
                                 "UPDATE content_items SET sync_dirty = 1, updated_at = unixepoch () WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  return step_done (store, stmt, error);
}

/**
 * _rapport_content_write:
 * @dirty: whether the CalDAV server has yet to see this version
 *
 * Inserts @item (id 0) or writes every field of it, its channels, people and
 * exceptions dates, in one transaction. Emits no signal.
 */
gboolean
_rapport_content_write (RapportStore        *store,
                        RapportContentItem  *item,
                        gboolean             dirty,
                        GError             **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 id = rapport_content_item_get_id (item);
  gint64 series_id = rapport_content_item_get_series_id (item);
  gint64 event_id = rapport_content_item_get_event_id (item);

  if (rapport_content_item_get_uid (item) == NULL)
    {
      g_autofree char *uid = _rapport_content_new_uid ();

      rapport_content_item_set_uid (item, uid);
    }

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (id == 0)
    stmt = _rapport_store_prepare (store,
                                   "INSERT INTO content_items (uid, title, kind, status, owner, event_id, "
                                   "  publish_at, tzid, rrule, series_id, recurrence_id, url, notes, etag, "
                                   "  remote_href, all_day, published_at, sync_dirty) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                                   "  ?16, ?17, ?18)",
                                   error);
  else
    stmt = _rapport_store_prepare (store,
                                   "UPDATE content_items SET uid = ?1, title = ?2, kind = ?3, status = ?4, "
                                   "  owner = ?5, event_id = ?6, publish_at = ?7, tzid = ?8, rrule = ?9, "
                                   "  series_id = ?10, recurrence_id = ?11, url = ?12, notes = ?13, etag = ?14, "
                                   "  remote_href = ?15, all_day = ?16, published_at = ?17, sync_dirty = ?18, "
                                   "  updated_at = unixepoch () "
                                   "WHERE id = ?19",
                                   error);
  if (stmt == NULL)
    return FALSE;

  _rapport_bind_text (stmt, 1, rapport_content_item_get_uid (item));
  _rapport_bind_text (stmt, 2, rapport_content_item_get_title (item));
  _rapport_bind_text (stmt, 3, rapport_content_item_get_kind (item));
  _rapport_bind_text (stmt, 4, rapport_content_status_to_string (rapport_content_item_get_status (item)));
  _rapport_bind_text (stmt, 5, rapport_content_item_get_owner (item));
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 6, event_id);
  if (rapport_content_item_has_date (item))
    sqlite3_bind_int64 (stmt, 7, rapport_content_item_get_publish_at (item));
  _rapport_bind_text (stmt, 8, rapport_content_item_get_tzid (item));
  _rapport_bind_text (stmt, 9, rapport_content_item_get_rrule (item));
  if (series_id > 0)
    {
      sqlite3_bind_int64 (stmt, 10, series_id);
      sqlite3_bind_int64 (stmt, 11, rapport_content_item_get_recurrence_id (item));
    }
  _rapport_bind_text (stmt, 12, rapport_content_item_get_url (item));
  _rapport_bind_text (stmt, 13, rapport_content_item_get_notes (item));
  _rapport_bind_text (stmt, 14, rapport_content_item_get_etag (item));
  _rapport_bind_text (stmt, 15, rapport_content_item_get_remote_href (item));
  sqlite3_bind_int (stmt, 16, rapport_content_item_get_all_day (item));
  if (rapport_content_item_get_published_at (item) > 0)
    sqlite3_bind_int64 (stmt, 17, rapport_content_item_get_published_at (item));
  sqlite3_bind_int (stmt, 18, dirty);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 19, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_rapport_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                     _("Another content item already has the UID “%s” or replaces the same occurrence"),
                     rapport_content_item_get_uid (item));
      else
        _rapport_store_set_error (store, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, _rapport_statement_release);

  if (id == 0)
    _rapport_content_item_set_id (item, sqlite3_last_insert_rowid (_rapport_store_get_db (store)));

  if (!write_links (store, item, error))
    return FALSE;
  if (dirty && series_id > 0 && !mark_series_dirty (store, series_id, error))
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}

/**
 * rapport_content_add:
 * @item: a new item (id 0); its status is the status it starts in
 *
 * Stores @item and sets its id (and a UID when it has none).
 */
gboolean
rapport_content_add (RapportStore        *store,
                     RapportContentItem  *item,
                     GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (item), FALSE);
  g_return_val_if_fail (rapport_content_item_get_id (item) == 0, FALSE);

  if (!_rapport_content_validate (item, error))
    return FALSE;
  if (!_rapport_content_write (store, item, TRUE, error))
    return FALSE;

  rapport_store_emit_changed (store, CHANGED_TABLE, rapport_content_item_get_id (item),
                              RAPPORT_CHANGE_INSERTED);
  return TRUE;
}

/**
 * rapport_content_update:
 *
 * Saves every field of a stored item but its status (which changes only
 * through rapport_content_set_status()) and its removed occurrences. Saving a series' master changes
 * the whole series; an exception changes its one occurrence.
 */
gboolean
rapport_content_update (RapportStore        *store,
                        RapportContentItem  *item,
                        GError             **error)
{
  g_autoptr(RapportContentItem) stored = NULL;
  RapportContentStatus status;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (item), FALSE);
  g_return_val_if_fail (rapport_content_item_get_id (item) > 0, FALSE);

  stored = rapport_content_get (store, rapport_content_item_get_id (item), error);
  if (stored == NULL)
    return FALSE;

  /* The status and the sync bookkeeping follow the database, whatever the
   * caller's copy says. */
  status = rapport_content_item_get_status (item);
  _rapport_content_item_set_status (item, rapport_content_item_get_status (stored));
  _rapport_content_item_set_published_at (item, rapport_content_item_get_published_at (stored));
  _rapport_content_item_set_remote (item, rapport_content_item_get_remote_href (stored),
                                    rapport_content_item_get_etag (stored));
  _rapport_content_item_set_series (item, rapport_content_item_get_series_id (stored),
                                    rapport_content_item_get_recurrence_id (stored));
  /* Removed occurrences change only through
   * rapport_content_remove_occurrence(): a copy read before a removal must
   * not bring the occurrence back. */
  rapport_content_item_set_exdates (item,
                                    (const gint64 *) (gconstpointer) rapport_content_item_get_exdates (stored)->data,
                                    rapport_content_item_get_exdates (stored)->len);

  if (!_rapport_content_validate (item, error) || !_rapport_content_write (store, item, TRUE, error))
    {
      _rapport_content_item_set_status (item, status);
      return FALSE;
    }

  rapport_store_emit_changed (store, CHANGED_TABLE, rapport_content_item_get_id (item),
                              RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

gboolean
_rapport_content_delete_row (RapportStore  *store,
                             gint64         item_id,
                             gboolean       keep_tombstone,
                             GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (keep_tombstone)
    {
      stmt = _rapport_store_prepare (store,
                                     "INSERT OR REPLACE INTO content_tombstones (uid, remote_href, etag) "
                                     "SELECT uid, remote_href, etag FROM content_items "
                                     "WHERE id = ? AND remote_href IS NOT NULL AND series_id IS NULL",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      if (!step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _rapport_statement_release);
    }

  stmt = _rapport_store_prepare (store, "DELETE FROM content_items WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!step_done (store, stmt, error))
    return FALSE;

  return _rapport_transaction_commit (tx, error);
}

/**
 * rapport_content_delete:
 *
 * Deletes an item; a series goes with all its occurrences. Deleting an
 * exception removes that one occurrence from its series. A shared item is
 * deleted from the CalDAV server at the next sync.
 */
gboolean
rapport_content_delete (RapportStore  *store,
                        gint64         item_id,
                        GError       **error)
{
  g_autoptr(RapportContentItem) item = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  item = rapport_content_get (store, item_id, error);
  if (item == NULL)
    return FALSE;

  if (rapport_content_item_get_series_id (item) > 0)
    return rapport_content_remove_occurrence (store, rapport_content_item_get_series_id (item),
                                              rapport_content_item_get_recurrence_id (item), error);

  if (!_rapport_content_delete_row (store, item_id, TRUE, error))
    return FALSE;

  rapport_store_emit_changed (store, CHANGED_TABLE, item_id, RAPPORT_CHANGE_DELETED);
  return TRUE;
}

gboolean
_rapport_content_write_status (RapportStore        *store,
                               RapportContentItem  *item,
                               GError             **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 published_at = rapport_content_item_get_published_at (item);
  gint64 series_id = rapport_content_item_get_series_id (item);

  stmt = _rapport_store_prepare (store,
                                 "UPDATE content_items SET status = ?, published_at = ?, sync_dirty = 1, "
                                 "  updated_at = unixepoch () WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, rapport_content_status_to_string (rapport_content_item_get_status (item)));
  if (published_at > 0)
    sqlite3_bind_int64 (stmt, 2, published_at);
  sqlite3_bind_int64 (stmt, 3, rapport_content_item_get_id (item));
  if (!step_done (store, stmt, error))
    return FALSE;

  return series_id == 0 || mark_series_dirty (store, series_id, error);
}

static gboolean
record_published (RapportStore        *store,
                  RapportContentItem  *item,
                  gint64               now,
                  GError             **error)
{
  const char * const *channels = rapport_content_item_get_channels (item);
  const GArray *featured = rapport_content_item_get_featured_ids (item);
  gint64 author = rapport_content_item_get_author_id (item);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (author > 0)
    g_array_append_val (people, author);
  g_array_append_vals (people, featured->data, featured->len);

  for (guint i = 0; i < people->len; i++)
    {
      gint64 member_id = g_array_index (people, gint64, i);
      g_autoptr(GError) local_error = NULL;

      if (rapport_store_add_activity (store, member_id, "rapport", "content-published", now,
                                      rapport_content_item_get_title (item),
                                      rapport_content_item_get_url (item),
                                      channels[0], &local_error) == 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rapport_content_set_status:
 * @item: a stored item; updated in place on success
 *
 * Moves @item along the workflow (see rapport_content_status_can_change()).
 * Scheduled and Published need a date. The first time an item is
 * published, its author and featured members each get a
 * "content-published" activity.
 */
gboolean
rapport_content_set_status (RapportStore          *store,
                            RapportContentItem    *item,
                            RapportContentStatus   status,
                            GError               **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportContentItem) stored = NULL;
  RapportContentStatus from;
  gboolean first_publication;
  gint64 now = rapport_now_unix ();

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTENT_ITEM (item), FALSE);
  g_return_val_if_fail (status <= RAPPORT_CONTENT_STATUS_CANCELLED, FALSE);

  stored = rapport_content_get (store, rapport_content_item_get_id (item), error);
  if (stored == NULL)
    return FALSE;

  from = rapport_content_item_get_status (stored);
  if (!rapport_content_status_can_change (from, status))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” cannot go from %s to %s"),
                   rapport_content_item_get_title (stored),
                   rapport_content_status_get_label (from),
                   rapport_content_status_get_label (status));
      return FALSE;
    }

  _rapport_content_item_set_status (stored, status);
  if (!_rapport_content_validate (stored, error))
    return FALSE;

  first_publication = status == RAPPORT_CONTENT_STATUS_PUBLISHED
                      && rapport_content_item_get_published_at (stored) == 0;
  if (first_publication)
    _rapport_content_item_set_published_at (stored, now);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  if (!_rapport_content_write_status (store, stored, error)
      || (first_publication && !record_published (store, stored, now, error))
      || !_rapport_transaction_commit (tx, error))
    return FALSE;

  _rapport_content_item_set_status (item, status);
  _rapport_content_item_set_published_at (item, rapport_content_item_get_published_at (stored));
  rapport_store_emit_changed (store, CHANGED_TABLE, rapport_content_item_get_id (item),
                              RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

static RapportContentItem *
load_series (RapportStore  *store,
             gint64         series_id,
             GError       **error)
{
  g_autoptr(RapportContentItem) master = rapport_content_get (store, series_id, error);

  if (master == NULL)
    return NULL;
  if (rapport_content_item_get_rrule (master) == NULL)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” does not repeat"), rapport_content_item_get_title (master));
      return NULL;
    }

  return g_steal_pointer (&master);
}

static gboolean
is_occurrence (RapportContentItem *master,
               gint64              recurrence_id)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));

  _rapport_content_expand (master, recurrence_id, recurrence_id + 1, starts);
  return starts->len == 1;
}

/**
 * rapport_content_edit_occurrence:
 * @series_id: the id of the series' master item
 * @recurrence_id: the occurrence's start as the series gives it
 *
 * Returns the exception item for one occurrence, creating it (a copy of
 * the series at that date) the first time. Change it and save it with
 * rapport_content_update(); the rest of the series stays as it is.
 *
 * Returns: (transfer full): the exception item
 */
RapportContentItem *
rapport_content_edit_occurrence (RapportStore  *store,
                                 gint64         series_id,
                                 gint64         recurrence_id,
                                 GError       **error)
{
  g_autoptr(RapportContentItem) master = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(RapportContentItem) exception = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  master = load_series (store, series_id, error);
  if (master == NULL)
    return NULL;

  existing = _rapport_content_load (store, "WHERE i.series_id = ? AND i.recurrence_id = ?",
                                    series_id, recurrence_id, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    return g_object_ref (g_ptr_array_index (existing, 0));

  when = g_date_time_new_from_unix_utc (recurrence_id);
  if (!is_occurrence (master, recurrence_id))
    {
      g_autofree char *text = g_date_time_format_iso8601 (when);

      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” has no occurrence at %s"), rapport_content_item_get_title (master), text);
      return NULL;
    }

  exception = rapport_content_item_copy (master);
  _rapport_content_item_set_id (exception, 0);
  {
    g_autofree char *uid = _rapport_content_exception_uid (rapport_content_item_get_uid (master), recurrence_id);

    rapport_content_item_set_uid (exception, uid);
  }
  _rapport_content_item_set_series (exception, series_id, recurrence_id);
  _rapport_content_item_set_remote (exception, NULL, NULL);
  _rapport_content_item_set_published_at (exception, 0);
  rapport_content_item_set_rrule (exception, NULL);
  rapport_content_item_set_exdates (exception, NULL, 0);
  rapport_content_item_set_publish_at (exception, recurrence_id, rapport_content_item_get_tzid (master));

  if (!_rapport_content_write (store, exception, TRUE, error))
    return NULL;

  rapport_store_emit_changed (store, CHANGED_TABLE, rapport_content_item_get_id (exception),
                              RAPPORT_CHANGE_INSERTED);
  return g_steal_pointer (&exception);
}

/**
 * rapport_content_remove_occurrence:
 *
 * Removes one occurrence from a series (an EXDATE), with its exception
 * item if it had one.
 */
gboolean
rapport_content_remove_occurrence (RapportStore  *store,
                                   gint64         series_id,
                                   gint64         recurrence_id,
                                   GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportContentItem) master = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GArray) exdates = NULL;
  const GArray *current;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  master = load_series (store, series_id, error);
  if (master == NULL)
    return FALSE;

  current = rapport_content_item_get_exdates (master);
  exdates = g_array_sized_new (FALSE, FALSE, sizeof (gint64), current->len + 1);
  g_array_append_vals (exdates, current->data, current->len);
  g_array_append_val (exdates, recurrence_id);
  rapport_content_item_set_exdates (master, (gint64 *) (gpointer) exdates->data, exdates->len);

  tx = _rapport_transaction_begin (store, FALSE, error);
  if (tx == NULL)
    return FALSE;

  stmt = _rapport_store_prepare (store,
                                 "DELETE FROM content_items WHERE series_id = ? AND recurrence_id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, recurrence_id);
  if (!step_done (store, stmt, error) || !_rapport_content_write (store, master, TRUE, error))
    return FALSE;
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  rapport_store_emit_changed (store, CHANGED_TABLE, series_id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}

static gboolean
is_exdate (const GArray *exdates,
           gint64        when)
{
  guint lo = 0, hi = exdates->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      gint64 value = g_array_index (exdates, gint64, mid);

      if (value == when)
        return TRUE;
      if (value < when)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

/**
 * _rapport_content_expand:
 * @starts: (element-type gint64): receives the occurrence starts
 *
 * Appends the starts (UTC) of @item's occurrences in [@start, @end), less
 * its EXDATEs. A series repeats at the same wall-clock time in its own
 * time zone, so a weekly 10:00 Europe/Berlin item stays at 10:00 there
 * across daylight-saving changes.
 */
void
_rapport_content_expand (RapportContentItem *item,
                         gint64              start,
                         gint64              end,
                         GArray             *starts)
{
  const char *rrule = rapport_content_item_get_rrule (item);
  gint64 first = rapport_content_item_get_publish_at (item);
  const GArray *exdates = rapport_content_item_get_exdates (item);
  gboolean all_day = rapport_content_item_get_all_day (item);
  struct icalrecurrencetype recur;
  icaltimezone *zone;
  struct icaltimetype dtstart;
  icalrecur_iterator *iter;

  if (!rapport_content_item_has_date (item))
    return;

  if (rrule == NULL)
    {
      if (first >= start && first < end)
        g_array_append_val (starts, first);
      return;
    }
  if (first >= end)
    return;

  recur = icalrecurrencetype_from_string (rrule);
  if (recur.freq == ICAL_NO_RECURRENCE)
    {
      icalerror_clear_errno ();
      if (first >= start && first < end)
        g_array_append_val (starts, first);
      return;
    }

  zone = all_day ? NULL : _rapport_content_get_zone (rapport_content_item_get_tzid (item));
  if (zone == NULL)
    zone = icaltimezone_get_utc_timezone ();
  dtstart = icaltime_from_timet_with_zone ((time_t) first, all_day, zone);

  iter = icalrecur_iterator_new (recur, dtstart);
  if (iter == NULL)
    {
      icalerror_clear_errno ();
      return;
    }

  /* Jump close to the range instead of walking a long series from its
   * start; a day early covers any offset between UTC and wall time. Rules
   * with COUNT cannot jump and are walked. */
  if (start - 86400 > first && recur.count == 0)
    {
      struct icaltimetype from = icaltime_from_timet_with_zone ((time_t) (start - 86400), all_day, zone);

      if (!all_day)
        {
          from.hour = dtstart.hour;
          from.minute = dtstart.minute;
          from.second = dtstart.second;
        }
      if (!icalrecur_iterator_set_start (iter, from))
        {
          icalerror_clear_errno ();
          icalrecur_iterator_free (iter);
          iter = icalrecur_iterator_new (recur, dtstart);
        }
    }

  for (guint n = 0; n < MAX_OCCURRENCES_SCANNED; n++)
    {
      struct icaltimetype next = icalrecur_iterator_next (iter);
      gint64 when;

      if (icaltime_is_null_time (next))
        break;

      when = all_day ? (gint64) icaltime_as_timet_with_zone (next, icaltimezone_get_utc_timezone ())
                     : (gint64) icaltime_as_timet_with_zone (next, zone);
      if (when >= end)
        break;
      if (when >= start && when >= first && !is_exdate (exdates, when))
        g_array_append_val (starts, when);
    }

  icalrecur_iterator_free (iter);
  icalerror_clear_errno ();
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  RapportContentOccurrence *x = *(RapportContentOccurrence **) a;
  RapportContentOccurrence *y = *(RapportContentOccurrence **) b;
  gint64 sx = rapport_content_occurrence_get_start (x);
  gint64 sy = rapport_content_occurrence_get_start (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return g_utf8_collate (rapport_content_item_get_title (rapport_content_occurrence_get_item (x)),
                         rapport_content_item_get_title (rapport_content_occurrence_get_item (y)));
}

/* Adds the occurrences of @series between @start and @end to @result. */
static gboolean
add_series_occurrences (RapportStore  *store,
                        GPtrArray     *series,
                        gint64         start,
                        gint64         end,
                        GPtrArray     *result,
                        GError       **error)
{
  g_autoptr(GHashTable) replaced = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GArray) starts = NULL;
  int rc;

  if (series->len == 0)
    return TRUE;

  /* Occurrences that have an exception item show that item instead. The
   * key is "series id, recurrence id" packed in a string. */
  replaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = _rapport_store_prepare (store,
                                 "SELECT series_id, recurrence_id FROM content_items "
                                 "WHERE series_id IS NOT NULL AND recurrence_id >= ? AND recurrence_id < ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (replaced, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                 (gint64) sqlite3_column_int64 (stmt, 0),
                                                 (gint64) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < series->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (series, i);
      gint64 id = rapport_content_item_get_id (item);

      g_array_set_size (starts, 0);
      _rapport_content_expand (item, start, end, starts);
      for (guint j = 0; j < starts->len; j++)
        {
          gint64 when = g_array_index (starts, gint64, j);
          char key[48];

          g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, id, when);
          if (g_hash_table_contains (replaced, key))
            continue;
          g_ptr_array_add (result, rapport_content_occurrence_new (item, when, when));
        }
    }

  return TRUE;
}

/**
 * rapport_content_list_occurrences:
 * @start: Unix time (UTC), included
 * @end: Unix time (UTC), excluded
 *
 * Everything on the calendar in [@start, @end): plain items, each
 * occurrence of every series (less removed ones) and edited occurrences,
 * sorted by start. A month view passes its first and last visible local
 * midnights converted to Unix time.
 *
 * Returns: (transfer container) (element-type RapportContentOccurrence):
 */
GPtrArray *
rapport_content_list_occurrences (RapportStore  *store,
                                  gint64         start,
                                  gint64         end,
                                  GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) single = NULL;
  g_autoptr(GPtrArray) series = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  single = _rapport_content_load (store,
                                  "WHERE i.publish_at >= ? AND i.publish_at < ? AND i.rrule IS NULL",
                                  start, end, error);
  if (single == NULL)
    return NULL;
  for (guint i = 0; i < single->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (single, i);

      g_ptr_array_add (result, rapport_content_occurrence_new (item, rapport_content_item_get_publish_at (item),
                                                               rapport_content_item_get_recurrence_id (item)));
    }

  series = _rapport_content_load (store, "WHERE i.rrule IS NOT NULL AND i.publish_at < ?", end, 0, error);
  if (series == NULL || !add_series_occurrences (store, series, start, end, result, error))
    return NULL;

  g_ptr_array_sort (result, compare_occurrences);
  return g_steal_pointer (&result);
}

/**
 * rapport_content_list_unscheduled:
 *
 * Returns: (transfer container) (element-type RapportContentItem): the
 *   backlog: items without a date, newest first
 */
GPtrArray *
rapport_content_list_unscheduled (RapportStore  *store,
                                  GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return _rapport_content_load (store, "WHERE i.publish_at IS NULL ORDER BY i.created_at DESC, i.id DESC",
                                0, 0, error);
}

/**
 * rapport_content_list_items:
 *
 * Returns: (transfer container) (element-type RapportContentItem): every
 *   item, series masters before their exceptions
 */
GPtrArray *
rapport_content_list_items (RapportStore  *store,
                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return _rapport_content_load (store, "ORDER BY i.series_id IS NOT NULL, i.publish_at, i.id", 0, 0, error);
}

/**
 * rapport_content_list_channels:
 *
 * Returns: (transfer full): the channel names, sorted
 */
GStrv
rapport_content_list_channels (RapportStore *store)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store, "SELECT name FROM content_channels ORDER BY name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, _rapport_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}
