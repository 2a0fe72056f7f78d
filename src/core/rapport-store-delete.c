/* rapport-store-delete.c
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

/* Deleting a member, with every row that belongs to them in the undo
 * journal (rapport-journal.c). */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "rapport-journal-private.h"

/* Every table whose rows belong to a member, in the order an Undo puts them
 * back, with the condition that selects one member's rows. Rows that only
 * point at a member (a conduct report) keep existing; undo sets their
 * member back. */
static const struct {
  const char *table;
  const char *where;
} member_rows[] = {
  { "members", "id = ?1" },
  { "emails", "member_id = ?1" },
  { "identities", "member_id = ?1" },
  { "member_tags", "member_id = ?1" },
  { "notes", "member_id = ?1" },
  { "interactions", "member_id = ?1" },
  { "tasks", "member_id = ?1" },
  { "activities", "member_id = ?1" },
  { "stage_history", "member_id = ?1" },
  { "recognitions", "member_id = ?1" },
  { "merge_suggestions", "member_a = ?1 OR member_b = ?1" },
  { "member_keys", "member_id = ?1" },
  { "event_people", "member_id = ?1" },
  { "rsvps", "member_id = ?1" },
  { "rsvp_history", "rsvp_id IN (SELECT id FROM rsvps WHERE member_id = ?1)" },
  { "content_item_members", "member_id = ?1" },
  { "coc_reports", "reporter_member_id = ?1 OR subject_member_id = ?1" },
  { "suggestion_decisions", "member_id = ?1" },
  { "member_remote_fields", "member_id = ?1" },
  { "sync_push_state", "member_id = ?1" },
};

/**
 * rapport_store_delete_member:
 * @journal_id: (out) (optional): the operation, for rapport_store_undo()
 *
 * Deletes a member and everything that belongs to them, journaled for
 * undo in one durable transaction.
 */
gboolean
rapport_store_delete_member (RapportStore  *self,
                             gint64         member_id,
                             gint64        *journal_id,
                             GError       **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportJournal) journal = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) name = NULL;
  g_autofree char *label = NULL;
  gint64 entry;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  tx = _rapport_transaction_begin (self, TRUE, error);
  if (tx == NULL)
    return FALSE;

  name = _rapport_store_prepare (self, "SELECT name FROM members WHERE id = ?", error);
  if (name == NULL)
    return FALSE;
  sqlite3_bind_int64 (name, 1, member_id);
  if (sqlite3_step (name) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No member with id %lld"), (long long) member_id);
      return FALSE;
    }
  /* TRANSLATORS: an operation in the undo list; %s is a member's name */
  label = g_strdup_printf (_("Delete %s"), _rapport_column_text (name, 0));

  journal = _rapport_journal_new (self, "delete-member", label, "members", member_id);
  for (guint i = 0; i < G_N_ELEMENTS (member_rows); i++)
    {
      if (!_rapport_journal_save (journal, member_rows[i].table, member_rows[i].where, member_id, error))
        return FALSE;
    }

  stmt = _rapport_store_prepare (self, "DELETE FROM members WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      return FALSE;
    }

  entry = _rapport_journal_write (journal, error);
  if (entry == 0)
    return FALSE;

  rapport_store_emit_changed (self, "members", member_id, RAPPORT_CHANGE_DELETED);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  if (journal_id != NULL)
    *journal_id = entry;
  return TRUE;

}
