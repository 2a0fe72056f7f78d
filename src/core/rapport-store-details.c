/* rapport-store-details.c
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

/* What hangs off a member: emails, identities, tags, notes and activities. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-activity.h"
#include "rapport-identity.h"
#include "rapport-journal-private.h"
#include "rapport-note.h"
#include "rapport-duplicates-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

static GStrv
collect_strings (RapportStore *self,
                 const char   *sql,
                 gint64        arg)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (self, sql, NULL);

  if (stmt != NULL)
    {
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, arg);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, _rapport_column_text (stmt, 0));
    }

  return g_strv_builder_end (builder);
}

static gboolean
run (RapportStore      *self,
     RapportStatement  *stmt,
     GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (self, error);
  return TRUE;
}

static void
member_touched (RapportStore         *self,
                gint64                member_id,
                RapportMemberChanges  changes)
{
  rapport_store_emit_member_changed (self, member_id, changes);
}

/**
 * rapport_store_list_emails:
 *
 * Returns: (transfer full): the member's addresses, the primary one first
 */
GStrv
rapport_store_list_emails (RapportStore *self,
                           gint64        member_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return collect_strings (self,
                          "SELECT address FROM emails WHERE member_id = ? "
                          "ORDER BY is_primary DESC, id",
                          member_id);
}

gboolean
rapport_store_add_email (RapportStore  *self,
                         gint64         member_id,
                         const char    *address,
                         GError       **error)
{
  g_autofree char *normalized = rapport_normalize_email (address);
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 owner;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!rapport_email_is_valid (normalized))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not an email address"), address ? address : "");
      return FALSE;
    }

  owner = rapport_store_find_member_by_email (self, normalized);
  if (owner == member_id)
    return TRUE;
  if (owner != 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("The email address “%s” already belongs to another member"), normalized);
      return FALSE;
    }

  /* With the keys the duplicates engine finds the member by. */
  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return FALSE;
  stmt = _rapport_store_prepare (self,
                                 "INSERT INTO emails (member_id, address, is_primary) VALUES (?1, ?2, "
                                 "NOT EXISTS (SELECT 1 FROM emails WHERE member_id = ?1))",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, normalized);
  if (!run (self, stmt, error) ||
      !_rapport_duplicates_update (self, &member_id, 1, error) ||
      !_rapport_transaction_commit (tx, error))
    return FALSE;

  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_CONTACT);
  return TRUE;
}

gboolean
rapport_store_remove_email (RapportStore  *self,
                            gint64         member_id,
                            const char    *address,
                            GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return FALSE;
  stmt = _rapport_store_prepare (self, "DELETE FROM emails WHERE member_id = ? AND address = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, address);
  if (!run (self, stmt, error) ||
      !_rapport_duplicates_update (self, &member_id, 1, error) ||
      !_rapport_transaction_commit (tx, error))
    return FALSE;

  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_CONTACT);
  return TRUE;
}

/**
 * rapport_store_list_identities:
 *
 * Returns: (transfer full) (element-type RapportIdentity): the member's
 *   identities, by platform
 */
GPtrArray *
rapport_store_list_identities (RapportStore *self,
                               gint64        member_id)
{
  g_autoptr(GPtrArray) identities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = _rapport_store_prepare (self,
                                 "SELECT id, member_id, platform, external_id, handle, url, email "
                                 "FROM identities WHERE member_id = ? ORDER BY platform, handle",
                                 NULL);
  if (stmt == NULL)
    return g_steal_pointer (&identities);

  sqlite3_bind_int64 (stmt, 1, member_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (identities,
                     rapport_identity_new (sqlite3_column_int64 (stmt, 0),
                                           sqlite3_column_int64 (stmt, 1),
                                           _rapport_column_text (stmt, 2),
                                           _rapport_column_text (stmt, 3),
                                           _rapport_column_text (stmt, 4),
                                           _rapport_column_text (stmt, 5),
                                           _rapport_column_text (stmt, 6)));

  return g_steal_pointer (&identities);
}

/**
 * rapport_store_add_identity:
 * @platform: a platform key ("github", "discourse", …)
 * @handle: the member's user name there
 *
 * Returns: the new identity's id, or 0 with @error set (the handle already
 *   belongs to someone else on that platform)
 */
gint64
rapport_store_add_identity (RapportStore  *self,
                            gint64         member_id,
                            const char    *platform,
                            const char    *handle,
                            const char    *url,
                            const char    *external_id,
                            GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *key = NULL;
  gint64 owner;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (platform == NULL || platform[0] == '\0' || handle == NULL || handle[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("An identity needs a platform and a handle"));
      return 0;
    }

  key = g_ascii_strdown (platform, -1);
  owner = rapport_store_find_member_by_identity (self, key, handle);
  if (owner != 0 && owner != member_id)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("“%s” on %s already belongs to another member"), handle, platform);
      return 0;
    }

  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return 0;
  stmt = _rapport_store_prepare (self,
                                 "INSERT INTO identities (member_id, platform, handle, url, external_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5) "
                                 "ON CONFLICT (platform, handle) DO UPDATE SET "
                                 "url = coalesce (excluded.url, url), "
                                 "external_id = coalesce (excluded.external_id, external_id) "
                                 "RETURNING id",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, key);
  _rapport_bind_text (stmt, 3, handle);
  _rapport_bind_text (stmt, 4, url);
  _rapport_bind_text (stmt, 5, external_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rapport_store_set_error (self, error);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  g_clear_pointer (&stmt, _rapport_statement_release);
  if (!_rapport_duplicates_update (self, &member_id, 1, error) ||
      !_rapport_transaction_commit (tx, error))
    return 0;

  rapport_store_emit_changed (self, "identities", id, RAPPORT_CHANGE_INSERTED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_IDENTITIES);
  return id;
}

gboolean
rapport_store_remove_identity (RapportStore  *self,
                               gint64         identity_id,
                               GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 member_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return FALSE;
  stmt = _rapport_store_prepare (self, "DELETE FROM identities WHERE id = ? RETURNING member_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, identity_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No identity with id %lld"), (long long) identity_id);
      return FALSE;
    }
  member_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  g_clear_pointer (&stmt, _rapport_statement_release);
  if (!_rapport_duplicates_update (self, &member_id, 1, error) ||
      !_rapport_transaction_commit (tx, error))
    return FALSE;

  rapport_store_emit_changed (self, "identities", identity_id, RAPPORT_CHANGE_DELETED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_IDENTITIES);
  return TRUE;
}

/**
 * rapport_store_list_tags:
 *
 * Returns: (transfer full): every tag in use, by name
 */
GStrv
rapport_store_list_tags (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return collect_strings (self,
                          "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM member_tags) "
                          "ORDER BY name COLLATE NOCASE",
                          0);
}

/**
 * rapport_store_list_member_tags:
 *
 * Returns: (transfer full): the member's tags, by name
 */
GStrv
rapport_store_list_member_tags (RapportStore *self,
                                gint64        member_id)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return collect_strings (self,
                          "SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id "
                          "WHERE mt.member_id = ? ORDER BY t.name COLLATE NOCASE",
                          member_id);
}

gboolean
rapport_store_add_member_tag (RapportStore  *self,
                              gint64         member_id,
                              const char    *tag,
                              GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 tag_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  name = g_strstrip (g_strdup (tag ? tag : ""));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A tag needs a name"));
      return FALSE;
    }

  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return FALSE;

  tag_id = _rapport_store_ensure_tag (self, name, error);
  if (tag_id <= 0)
    return FALSE;

  stmt = _rapport_store_prepare (self, "INSERT OR IGNORE INTO member_tags (member_id, tag_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!run (self, stmt, error))
    return FALSE;

  rapport_store_emit_changed (self, "tags", tag_id, RAPPORT_CHANGE_UPDATED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_TAGS);
  return _rapport_transaction_commit (tx, error);
}

gboolean
rapport_store_remove_member_tag (RapportStore  *self,
                                 gint64         member_id,
                                 const char    *tag,
                                 GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  stmt = _rapport_store_prepare (self,
                                 "DELETE FROM member_tags WHERE member_id = ? "
                                 "AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, tag);
  if (!run (self, stmt, error))
    return FALSE;

  rapport_store_emit_changed (self, "tags", 0, RAPPORT_CHANGE_UPDATED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_TAGS);
  return TRUE;
}

/**
 * rapport_store_list_organizations:
 *
 * Returns: (transfer full): every organization, by name
 */
GStrv
rapport_store_list_organizations (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return collect_strings (self, "SELECT name FROM organizations ORDER BY name", 0);
}

/**
 * rapport_store_list_notes:
 *
 * Returns: (transfer full) (element-type RapportNote): the member's notes,
 *   newest first
 */
GPtrArray *
rapport_store_list_notes (RapportStore *self,
                          gint64        member_id)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = _rapport_store_prepare (self,
                                 "SELECT id, member_id, body, author, created_at, updated_at "
                                 "FROM notes WHERE member_id = ? ORDER BY created_at DESC, id DESC",
                                 NULL);
  if (stmt == NULL)
    return g_steal_pointer (&notes);

  sqlite3_bind_int64 (stmt, 1, member_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (notes,
                     rapport_note_new (sqlite3_column_int64 (stmt, 0),
                                       sqlite3_column_int64 (stmt, 1),
                                       _rapport_column_text (stmt, 2),
                                       _rapport_column_text (stmt, 3),
                                       sqlite3_column_int64 (stmt, 4),
                                       sqlite3_column_int64 (stmt, 5)));

  return g_steal_pointer (&notes);
}

static char *
checked_note_body (const char  *body,
                   GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (body ? body : ""));

  if (text[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A note cannot be empty"));
      return NULL;
    }

  return g_steal_pointer (&text);
}

gint64
rapport_store_add_note (RapportStore  *self,
                        gint64         member_id,
                        const char    *body,
                        const char    *author,
                        GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (!(text = checked_note_body (body, error)))
    return 0;

  stmt = _rapport_store_prepare (self, "INSERT INTO notes (member_id, body, author) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, text);
  _rapport_bind_text (stmt, 3, author);
  if (!run (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_rapport_store_get_db (self));
  rapport_store_emit_changed (self, "notes", id, RAPPORT_CHANGE_INSERTED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_NOTES);
  return id;
}

gboolean
rapport_store_update_note (RapportStore  *self,
                           gint64         note_id,
                           const char    *body,
                           GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *text = NULL;
  gint64 member_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!(text = checked_note_body (body, error)))
    return FALSE;

  stmt = _rapport_store_prepare (self,
                                 "UPDATE notes SET body = ?, updated_at = unixepoch () WHERE id = ? "
                                 "RETURNING member_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _rapport_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, note_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No note with id %lld"), (long long) note_id);
      return FALSE;
    }
  member_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);

  rapport_store_emit_changed (self, "notes", note_id, RAPPORT_CHANGE_UPDATED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_NOTES);
  return TRUE;
}

/**
 * rapport_store_delete_note:
 * @journal_id: (out) (optional): for rapport_store_undo()
 */
gboolean
rapport_store_delete_note (RapportStore  *self,
                           gint64         note_id,
                           gint64        *journal_id,
                           GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(RapportStatement) select = NULL;
  g_autoptr(RapportStatement) drop = NULL;
  gint64 member_id;
  gint64 entry;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  tx = _rapport_transaction_begin (self, TRUE, error);
  if (tx == NULL)
    return FALSE;

  select = _rapport_store_prepare (self,
                                   "SELECT n.member_id, m.name FROM notes n "
                                   "JOIN members m ON m.id = n.member_id WHERE n.id = ?",
                                   error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, note_id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No note with id %lld"), (long long) note_id);
      return FALSE;
    }
  member_id = sqlite3_column_int64 (select, 0);

  {
    /* TRANSLATORS: an operation in the undo list; %s is a member's name */
    g_autofree char *label = g_strdup_printf (_("Delete a note on %s"), _rapport_column_text (select, 1));

    journal = _rapport_journal_new (self, "delete-note", label, "notes", note_id);
  }
  if (!_rapport_journal_save (journal, "notes", "id = ?1", note_id, error))
    return FALSE;

  drop = _rapport_store_prepare (self, "DELETE FROM notes WHERE id = ?", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, note_id);
  if (!run (self, drop, error))
    return FALSE;

  entry = _rapport_journal_write (journal, error);
  if (entry == 0)
    return FALSE;

  rapport_store_emit_changed (self, "notes", note_id, RAPPORT_CHANGE_DELETED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_NOTES);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  if (journal_id != NULL)
    *journal_id = entry;
  return TRUE;

}

/**
 * rapport_store_list_activities:
 * @before_time: only activities before this time (with @before_id), or 0
 *   for the newest
 * @before_id: the id of the last activity of the previous page, or 0
 * @limit: the page size
 *
 * A page of the member's timeline, newest first. Pass the time and id of
 * the last activity shown to get the next page.
 *
 * Returns: (transfer full) (element-type RapportActivity): the page
 */
GPtrArray *
rapport_store_list_activities (RapportStore  *self,
                               gint64         member_id,
                               gint64         before_time,
                               gint64         before_id,
                               guint          limit,
                               GError       **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = _rapport_store_prepare (self,
                                 "SELECT id, member_id, platform, kind, occurred_at, title, url, channel "
                                 "FROM activities WHERE member_id = ?1 "
                                 "AND (?2 = 0 OR occurred_at < ?2 OR (occurred_at = ?2 AND id < ?3)) "
                                 "ORDER BY occurred_at DESC, id DESC LIMIT ?4",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, before_time);
  sqlite3_bind_int64 (stmt, 3, before_id);
  sqlite3_bind_int (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (activities,
                     rapport_activity_new (sqlite3_column_int64 (stmt, 0),
                                           sqlite3_column_int64 (stmt, 1),
                                           _rapport_column_text (stmt, 2),
                                           _rapport_column_text (stmt, 3),
                                           sqlite3_column_int64 (stmt, 4),
                                           _rapport_column_text (stmt, 5),
                                           _rapport_column_text (stmt, 6),
                                           _rapport_column_text (stmt, 7)));

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&activities);
}

gint64
rapport_store_add_activity (RapportStore  *self,
                            gint64         member_id,
                            const char    *platform,
                            const char    *kind,
                            gint64         occurred_at,
                            const char    *title,
                            const char    *url,
                            const char    *channel,
                            GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  g_return_val_if_fail (platform != NULL && kind != NULL, 0);

  stmt = _rapport_store_prepare (self,
                                 "INSERT INTO activities (member_id, platform, kind, occurred_at, title, url, channel) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _rapport_bind_text (stmt, 2, platform);
  _rapport_bind_text (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, occurred_at);
  _rapport_bind_text (stmt, 5, title);
  _rapport_bind_text (stmt, 6, url);
  _rapport_bind_text (stmt, 7, channel);
  if (!run (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_rapport_store_get_db (self));
  rapport_store_emit_changed (self, "activities", id, RAPPORT_CHANGE_INSERTED);
  member_touched (self, member_id, RAPPORT_MEMBER_CHANGED_ACTIVITY);
  return id;
}
