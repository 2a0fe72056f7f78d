/* rapport-store.c
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

/* The store itself: its connection and statement cache, SQLite's errors in
 * words, transactions and their ::changed notices, and members. Opening a
 * file is in rapport-store-open.c, the check at open, damage and backups in
 * rapport-store-health.c, waiting for another writer in
 * rapport-store-writer.c, deleting a member in rapport-store-delete.c, the
 * undo journal in rapport-journal.c, what hangs off a member in
 * rapport-store-details.c. */

#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rapport-enums.h"
#include "rapport-member-private.h"
#include "rapport-duplicates-private.h"
#include "rapport-store-private.h"
#include "rapport-util.h"

typedef struct
{
  char                 *table;
  gint64                row_id;
  RapportChangeKind     kind;
  RapportMemberChanges  changes;
} PendingChange;

enum {
  CHANGED,
  MEMBER_CHANGED,
  WAITING,
  DAMAGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void announce (RapportStore         *self,
                      const char           *table,
                      gint64                row_id,
                      RapportChangeKind     kind,
                      RapportMemberChanges  changes);

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rapport-store-error-quark, rapport_store_error)

void
_rapport_statement_release (RapportStatement *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

void
_rapport_bind_text (RapportStatement *stmt,
                    int               index,
                    const char       *value)
{
  if (value == NULL || value[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

const char *
_rapport_column_text (RapportStatement *stmt,
                      int               index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* The first column of every row @stmt gives, as ids. */
GArray *
_rapport_store_collect_ids (RapportStore      *self,
                            RapportStatement  *stmt,
                            GError           **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 64);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static void
set_read_only_error (RapportStore  *self,
                     GError       **error)
{
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
               _("Cannot save changes: “%s” is open read-only because %s."),
               self->path, self->read_only_reason);
}

/* Turns what SQLite said into a message that says what happened and what
 * to do about it. */
gboolean
_rapport_store_set_sqlite_error (RapportStore  *self,
                                 int            code,
                                 const char    *message,
                                 GError       **error)
{
  g_autofree char *text = g_strdup (message);

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT, text);
      break;

    case SQLITE_READONLY:
      if (self->damage != NULL)
        g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED, self->damage);
      else if (self->read_only_reason != NULL)
        set_read_only_error (self, error);
      else
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                     _("Cannot save changes to “%s”: %s"), self->path, text);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      _rapport_store_mark_damaged (self, text);
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED, self->damage);
      break;

    case SQLITE_BUSY:
      _rapport_store_set_busy_error (self, code, text, error);
      break;

    default:
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQLITE, text);
      break;
    }

  return FALSE;
}

gboolean
_rapport_store_set_error (RapportStore  *self,
                          GError       **error)
{
  return _rapport_store_set_sqlite_error (self, sqlite3_extended_errcode (self->db),
                                          sqlite3_errmsg (self->db), error);
}

sqlite3 *
_rapport_store_get_db (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->db;
}

/**
 * _rapport_store_prepare:
 * @sql: a statement; the same text is prepared once per connection
 *
 * Returns: (transfer none) (nullable): the cached statement, reset and ready
 *   for binding
 */
RapportStatement *
_rapport_store_prepare (RapportStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          _rapport_store_set_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  /* A write outside rapport_store_begin() waits for the check at open too. */
  if (G_UNLIKELY (!self->health_settled) && !sqlite3_stmt_readonly (stmt))
    _rapport_store_settle_health (self);

  return stmt;
}

gboolean
_rapport_store_exec (RapportStore  *self,
                     const char    *sql,
                     GError       **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      _rapport_store_set_sqlite_error (self, rc, message ? message : sqlite3_errstr (rc), error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gint64
_rapport_store_query_int64 (RapportStore *self,
                            const char   *sql,
                            gint64        arg)
{
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

static void
pending_change_clear (gpointer data)
{
  PendingChange *change = data;

  g_free (change->table);
}

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = (RapportStore *)object;

  _rapport_store_release_health (self);

  _rapport_store_unrecord_writer (self);
  _rapport_store_close_writer_record (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  if (self->db != NULL)
    {
      /* Leave the WAL folded into the main file so a copy of it is whole. */
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->damage, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->job, g_free);
  g_clear_pointer (&self->busy_job, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_store_finalize;

  /**
   * RapportStore::changed:
   * @table: the table that changed ("members", "notes", …)
   * @row_id: the row, or 0 with %RAPPORT_CHANGE_RELOAD
   * @kind: a #RapportChangeKind
   *
   * Emitted after a change is committed, on the thread that made it, with
   * the table as its detail: connect to "changed::events" to hear only of
   * events.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT);

  /**
   * RapportStore::member-changed:
   * @member_id: the member
   * @changes: what changed about them, a #RapportMemberChanges
   *
   * Emitted right after "changed::members" for an updated member, saying
   * which of their parts changed: an RSVP list that shows names reloads
   * for a new name, not for a new score.
   */
  signals [MEMBER_CHANGED] =
    g_signal_new ("member-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, RAPPORT_TYPE_MEMBER_CHANGES);

  /**
   * RapportStore::waiting:
   * @job: (nullable): what the other Rapport job does ("import"; empty when
   *   it did not say), or %NULL when whoever holds the lock is not a
   *   running Rapport job
   * @pid: the other job's process, or 0
   * @seconds: how long this writer has waited so far
   *
   * Emitted about once a second while a write waits for another writer to
   * finish, on the thread that waits, from inside SQLite: a handler must
   * not use the store. rapport_store_set_cancellable() stops the wait.
   */
  signals [WAITING] =
    g_signal_new ("waiting",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_UINT);

  /**
   * RapportStore::damaged:
   * @message: what is damaged and how to restore the latest backup
   *
   * Emitted once when the store finds the file damaged: by the check at
   * open (on the main context of the thread that opened the store) or by
   * a statement. From then on the store refuses every change.
   */
  signals [DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_store_init (RapportStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->health_settled = TRUE;
  _rapport_store_init_writer (self);
}

/* For the other files of the store, which have no access to the signals. */
void
_rapport_store_emit_waiting (RapportStore *self,
                             const char   *job,
                             int           pid,
                             guint         seconds)
{
  g_signal_emit (self, signals [WAITING], 0, job, pid, seconds);
}

void
_rapport_store_emit_damaged (RapportStore *self,
                             const char   *message)
{
  g_signal_emit (self, signals [DAMAGED], 0, message);
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->path;
}

/**
 * rapport_store_get_uuid:
 *
 * Returns: the database's own random identity, which tells its accounts'
 *   tokens in the keyring apart from another database's
 */
const char *
rapport_store_get_uuid (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (self->uuid == NULL)
    {
      g_autoptr(RapportStatement) stmt = NULL;

      stmt = _rapport_store_prepare (self, "SELECT uuid FROM database_identity WHERE id = 1", NULL);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        self->uuid = g_strdup (_rapport_column_text (stmt, 0));
    }

  return self->uuid;
}

int
rapport_store_get_version (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  return self->version;
}

/**
 * rapport_store_begin:
 *
 * Starts a transaction, or a savepoint inside the current one. Changes made
 * inside are announced by ::changed only when the outermost one commits.
 */
gboolean
rapport_store_begin (RapportStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      _rapport_store_settle_health (self);
      if (self->damage != NULL)
        {
          g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DAMAGED, self->damage);
          return FALSE;
        }
      if (self->read_only_reason != NULL)
        {
          set_read_only_error (self, error);
          return FALSE;
        }
      sql = g_strdup ("BEGIN IMMEDIATE");
    }
  else
    sql = g_strdup_printf ("SAVEPOINT rapport_%u", self->depth);

  if (!_rapport_store_exec (self, sql, error))
    return FALSE;

  if (self->depth == 0)
    _rapport_store_record_writer (self, self->job);

  self->depth++;
  return TRUE;
}

static void
end_durable (RapportStore *self)
{
  if (!self->durable)
    return;

  self->durable = FALSE;
  _rapport_store_exec (self, "PRAGMA synchronous = NORMAL", NULL);
}

/**
 * _rapport_store_begin_durable:
 *
 * Like rapport_store_begin(), for a change that must survive a power cut
 * once it is committed (a delete, an undo, a merge: what the undo journal
 * records). In WAL mode `synchronous=NORMAL` does not sync the WAL at each
 * commit, so the last commits before a power cut can be lost (never the
 * file's consistency); this transaction commits with `synchronous=FULL`,
 * which syncs the WAL before COMMIT returns. SQLite does not change the
 * level inside a transaction: called inside one, the outermost transaction's
 * commit decides.
 */
gboolean
_rapport_store_begin_durable (RapportStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (self->depth == 0 && sqlite3_get_autocommit (self->db) &&
      self->read_only_reason == NULL && self->damage == NULL)
    {
      if (!_rapport_store_exec (self, "PRAGMA synchronous = FULL", error))
        return FALSE;
      self->durable = TRUE;
    }

  if (!rapport_store_begin (self, error))
    {
      if (self->depth == 0)
        end_durable (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
rapport_store_commit (RapportStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      /* Before COMMIT: once the lock is free, the next holder writes its own. */
      _rapport_store_unrecord_writer (self);
      sql = g_strdup ("COMMIT");
    }
  else
    sql = g_strdup_printf ("RELEASE rapport_%u", self->depth - 1);

  if (!_rapport_store_exec (self, sql, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  if (self->depth > 0)
    return TRUE;

  end_durable (self);

  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);

      announce (self, change->table, change->row_id, change->kind, change->changes);
    }

  return TRUE;
}

void
rapport_store_rollback (RapportStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      _rapport_store_unrecord_writer (self);
      sql = g_strdup ("ROLLBACK");
    }
  else
    sql = g_strdup_printf ("ROLLBACK TO rapport_%u; RELEASE rapport_%u",
                           self->depth - 1, self->depth - 1);

  _rapport_store_exec (self, sql, NULL);
  self->depth--;

  /* Savepoint rollbacks keep the notices of the outer transaction: a
   * notice for a row that then did not change only costs a refresh. */
  if (self->depth == 0)
    {
      g_array_set_size (self->pending, 0);
      end_durable (self);
    }
}

static void
announce (RapportStore         *self,
          const char           *table,
          gint64                row_id,
          RapportChangeKind     kind,
          RapportMemberChanges  changes)
{
  g_signal_emit (self, signals [CHANGED], g_quark_from_string (table), table, row_id, kind);
  if (kind == RAPPORT_CHANGE_UPDATED && g_str_equal (table, "members"))
    g_signal_emit (self, signals [MEMBER_CHANGED], 0, row_id, changes);
}

static void
queue_change (RapportStore         *self,
              const char           *table,
              gint64                row_id,
              RapportChangeKind     kind,
              RapportMemberChanges  changes)
{
  PendingChange change;

  if (self->depth == 0)
    {
      announce (self, table, row_id, kind, changes);
      return;
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *p = &g_array_index (self->pending, PendingChange, i);

      if (p->row_id == row_id && p->kind == kind && g_str_equal (p->table, table))
        {
          p->changes |= changes;
          return;
        }
    }

  change.table = g_strdup (table);
  change.row_id = row_id;
  change.kind = kind;
  change.changes = changes;
  g_array_append_val (self->pending, change);
}

/* Transactions that roll back unless committed */

struct _RapportTransaction
{
  RapportStore *store;
  gboolean      open;
};

RapportTransaction *
_rapport_transaction_begin (RapportStore  *store,
                            gboolean       durable,
                            GError       **error)
{
  RapportTransaction *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!(durable ? _rapport_store_begin_durable (store, error) : rapport_store_begin (store, error)))
    return NULL;

  self = g_new0 (RapportTransaction, 1);
  self->store = g_object_ref (store);
  self->open = TRUE;

  return self;
}

/* A failed commit has rolled back already. */
gboolean
_rapport_transaction_commit (RapportTransaction  *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open, FALSE);

  self->open = FALSE;
  return rapport_store_commit (self->store, error);
}

void
_rapport_transaction_free (RapportTransaction *self)
{
  if (self == NULL)
    return;

  if (self->open)
    rapport_store_rollback (self->store);
  g_object_unref (self->store);
  g_free (self);
}

/**
 * rapport_store_emit_changed:
 *
 * Announces a change: now, or when the current transaction commits. An
 * updated member announced this way changed in ways not told apart
 * (%RAPPORT_MEMBER_CHANGED_ALL); rapport_store_emit_member_changed() says
 * which.
 */
void
rapport_store_emit_changed (RapportStore      *self,
                            const char        *table,
                            gint64             row_id,
                            RapportChangeKind  kind)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (table != NULL);

  queue_change (self, table, row_id, kind, RAPPORT_MEMBER_CHANGED_ALL);
}

/**
 * rapport_store_emit_member_changed:
 * @changes: what changed about the member
 *
 * Announces an updated member ("changed::members", then ::member-changed
 * with @changes), now or when the current transaction commits.
 */
void
rapport_store_emit_member_changed (RapportStore         *self,
                                   gint64                member_id,
                                   RapportMemberChanges  changes)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  queue_change (self, "members", member_id, RAPPORT_CHANGE_UPDATED, changes);
}

gboolean
rapport_store_get_counts (RapportStore        *self,
                          RapportStoreCounts  *counts,
                          GError             **error)
{
  GStatBuf st;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  counts->members = _rapport_store_query_int64 (self, "SELECT count(*) FROM members", 0);
  counts->organizations = _rapport_store_query_int64 (self, "SELECT count(*) FROM organizations", 0);
  counts->identities = _rapport_store_query_int64 (self, "SELECT count(*) FROM identities", 0);
  counts->emails = _rapport_store_query_int64 (self, "SELECT count(*) FROM emails", 0);
  counts->activities = _rapport_store_query_int64 (self, "SELECT count(*) FROM activities", 0);
  counts->tags = _rapport_store_query_int64 (self, "SELECT count(*) FROM tags", 0);
  counts->notes = _rapport_store_query_int64 (self, "SELECT count(*) FROM notes", 0);
  counts->file_size = g_stat (self->path, &st) == 0 ? st.st_size : 0;

  return TRUE;
}

gint64
_rapport_store_ensure_organization (RapportStore  *self,
                                    const char    *name,
                                    GError       **error)
{
  g_autoptr(RapportStatement) select = NULL;
  g_autoptr(RapportStatement) insert = NULL;

  if (name == NULL || name[0] == '\0')
    return 0;

  select = _rapport_store_prepare (self, "SELECT id FROM organizations WHERE name = ?", error);
  if (select == NULL)
    return -1;
  _rapport_bind_text (select, 1, name);
  if (sqlite3_step (select) == SQLITE_ROW)
    return sqlite3_column_int64 (select, 0);

  insert = _rapport_store_prepare (self, "INSERT INTO organizations (name) VALUES (?)", error);
  if (insert == NULL)
    return -1;
  _rapport_bind_text (insert, 1, name);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return _rapport_store_set_error (self, error) ? 0 : -1;

  rapport_store_emit_changed (self, "organizations", sqlite3_last_insert_rowid (self->db),
                              RAPPORT_CHANGE_INSERTED);
  return sqlite3_last_insert_rowid (self->db);
}

gint64
_rapport_store_ensure_tag (RapportStore  *self,
                           const char    *name,
                           GError       **error)
{
  g_autoptr(RapportStatement) select = NULL;
  g_autoptr(RapportStatement) insert = NULL;

  select = _rapport_store_prepare (self, "SELECT id FROM tags WHERE name = ?", error);
  if (select == NULL)
    return -1;
  _rapport_bind_text (select, 1, name);
  if (sqlite3_step (select) == SQLITE_ROW)
    return sqlite3_column_int64 (select, 0);

  insert = _rapport_store_prepare (self, "INSERT INTO tags (name) VALUES (?)", error);
  if (insert == NULL)
    return -1;
  _rapport_bind_text (insert, 1, name);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return _rapport_store_set_error (self, error) ? 0 : -1;

  return sqlite3_last_insert_rowid (self->db);
}

/* Members */

#define MEMBER_COLUMNS \
  "m.id, m.name, (SELECT address FROM emails WHERE member_id = m.id " \
  "ORDER BY is_primary DESC, id LIMIT 1), o.name, m.title, m.location, m.phone, " \
  "m.timezone, m.bio, m.source, s.name, m.stage_id, m.score, m.level, " \
  "m.joined_at, m.last_active_at, m.activity_count, m.created_at, m.updated_at, " \
  "m.custom_fields"

#define MEMBER_FROM \
  " FROM members m LEFT JOIN organizations o ON o.id = m.organization_id " \
  "LEFT JOIN pipeline_stages s ON s.id = m.stage_id "

static RapportMember *
member_from_row (RapportStatement *stmt)
{
  RapportMember *member = rapport_member_new ();

  _rapport_member_set_id (member, sqlite3_column_int64 (stmt, 0));
  rapport_member_set_name (member, _rapport_column_text (stmt, 1));
  rapport_member_set_email (member, _rapport_column_text (stmt, 2));
  rapport_member_set_organization (member, _rapport_column_text (stmt, 3));
  rapport_member_set_title (member, _rapport_column_text (stmt, 4));
  rapport_member_set_location (member, _rapport_column_text (stmt, 5));
  rapport_member_set_phone (member, _rapport_column_text (stmt, 6));
  rapport_member_set_timezone (member, _rapport_column_text (stmt, 7));
  rapport_member_set_bio (member, _rapport_column_text (stmt, 8));
  rapport_member_set_source (member, _rapport_column_text (stmt, 9));
  rapport_member_set_stage (member, _rapport_column_text (stmt, 10));
  rapport_member_set_stage_id (member, sqlite3_column_int64 (stmt, 11));
  rapport_member_set_score (member, sqlite3_column_double (stmt, 12));
  rapport_member_set_level (member, CLAMP (sqlite3_column_int (stmt, 13), 1, 4));
  rapport_member_set_joined_at (member, sqlite3_column_int64 (stmt, 14));
  rapport_member_set_last_active_at (member, sqlite3_column_int64 (stmt, 15));
  rapport_member_set_activity_count (member, sqlite3_column_int64 (stmt, 16));
  rapport_member_set_created_at (member, sqlite3_column_int64 (stmt, 17));
  rapport_member_set_updated_at (member, sqlite3_column_int64 (stmt, 18));
  rapport_member_set_custom_json (member, _rapport_column_text (stmt, 19));

  return member;
}

/**
 * rapport_store_get_member:
 *
 * Returns: (transfer full) (nullable): the member, or %NULL with @error set
 */
RapportMember *
rapport_store_get_member (RapportStore  *self,
                          gint64         member_id,
                          GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = _rapport_store_prepare (self, "SELECT " MEMBER_COLUMNS MEMBER_FROM "WHERE m.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, member_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return member_from_row (stmt);

    case SQLITE_DONE:
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No member with id %lld"), (long long) member_id);
      return NULL;

    default:
      _rapport_store_set_error (self, error);
      return NULL;
    }
}

static gboolean
check_member (RapportMember  *member,
              GError        **error)
{
  const char *name = rapport_member_get_name (member);
  const char *email = rapport_member_get_email (member);
  const char *zone_name = rapport_member_get_timezone (member);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A member needs a name"));
      return FALSE;
    }

  if (email != NULL && !rapport_email_is_valid (email))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not an email address"), email);
      return FALSE;
    }

  /* Local times on the member page are shown in it. */
  if (zone_name != NULL && zone_name[0] != '\0')
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);

      if (zone == NULL)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("“%s” is not a time zone; use a name like Europe/Berlin"), zone_name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
set_primary_email (RapportStore  *self,
                   gint64         member_id,
                   const char    *email,
                   GError       **error)
{
  g_autofree char *address = rapport_normalize_email (email);
  g_autoptr(RapportStatement) unset = NULL;
  g_autoptr(RapportStatement) upsert = NULL;
  gint64 owner;

  if (address == NULL)
    {
      g_autoptr(RapportStatement) drop =
        _rapport_store_prepare (self, "DELETE FROM emails WHERE member_id = ? AND is_primary", error);
      if (drop == NULL)
        return FALSE;
      sqlite3_bind_int64 (drop, 1, member_id);
      return sqlite3_step (drop) == SQLITE_DONE || _rapport_store_set_error (self, error);
    }

  owner = rapport_store_find_member_by_email (self, address);
  if (owner != 0 && owner != member_id)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT,
                   _("The email address “%s” already belongs to another member"), address);
      return FALSE;
    }

  /* The old primary address is replaced, not kept: editing the field means
   * the person changed address. Other addresses stay. */
  unset = _rapport_store_prepare (self,
                                  "DELETE FROM emails WHERE member_id = ?1 AND is_primary "
                                  "AND address <> ?2",
                                  error);
  if (unset == NULL)
    return FALSE;
  sqlite3_bind_int64 (unset, 1, member_id);
  _rapport_bind_text (unset, 2, address);
  if (sqlite3_step (unset) != SQLITE_DONE)
    return _rapport_store_set_error (self, error);

  upsert = _rapport_store_prepare (self,
                                   "INSERT INTO emails (member_id, address, is_primary) VALUES (?1, ?2, 1) "
                                   "ON CONFLICT (address) DO UPDATE SET is_primary = 1",
                                   error);
  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_int64 (upsert, 1, member_id);
  _rapport_bind_text (upsert, 2, address);
  if (sqlite3_step (upsert) != SQLITE_DONE)
    return _rapport_store_set_error (self, error);

  return TRUE;
}

static void
bind_member (RapportStatement *stmt,
             RapportMember    *member,
             gint64            organization_id)
{
  g_autofree char *sort_key = rapport_sort_key (rapport_member_get_name (member));
  g_autofree char *custom = rapport_member_dup_custom_json (member);
  g_autofree char *name = g_strstrip (g_strdup (rapport_member_get_name (member)));

  _rapport_bind_text (stmt, 1, name);
  _rapport_bind_text (stmt, 2, sort_key);
  if (organization_id > 0)
    sqlite3_bind_int64 (stmt, 3, organization_id);
  else
    sqlite3_bind_null (stmt, 3);
  _rapport_bind_text (stmt, 4, rapport_member_get_title (member));
  _rapport_bind_text (stmt, 5, rapport_member_get_location (member));
  _rapport_bind_text (stmt, 6, rapport_member_get_phone (member));
  _rapport_bind_text (stmt, 7, rapport_member_get_timezone (member));
  _rapport_bind_text (stmt, 8, rapport_member_get_bio (member));
  _rapport_bind_text (stmt, 9, rapport_member_get_source (member));
  sqlite3_bind_int64 (stmt, 10, MAX (1, rapport_member_get_stage_id (member)));
  if (rapport_member_get_joined_at (member) > 0)
    sqlite3_bind_int64 (stmt, 11, rapport_member_get_joined_at (member));
  else
    sqlite3_bind_null (stmt, 11);
  _rapport_bind_text (stmt, 12, custom);
}

/**
 * rapport_store_insert_member:
 * @member: a new member; its id is set on success
 *
 * Adds a member with their organization and primary email in one transaction.
 */
gboolean
rapport_store_insert_member (RapportStore   *self,
                             RapportMember  *member,
                             GError        **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  gint64 organization_id;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_MEMBER (member), FALSE);

  if (!check_member (member, error))
    return FALSE;

  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return FALSE;

  organization_id = _rapport_store_ensure_organization (self, rapport_member_get_organization (member), error);
  if (organization_id < 0)
    return FALSE;

  stmt = _rapport_store_prepare (self,
                                 "INSERT INTO members (name, sort_name, organization_id, title, location, "
                                 "phone, timezone, bio, source, stage_id, joined_at, custom_fields) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce (?11, unixepoch ()), ?12)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_member (stmt, member, organization_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (self, error);

  id = sqlite3_last_insert_rowid (self->db);
  if (!set_primary_email (self, id, rapport_member_get_email (member), error) ||
      !_rapport_duplicates_update (self, &id, 1, error))
    return FALSE;

  rapport_store_emit_changed (self, "members", id, RAPPORT_CHANGE_INSERTED);
  if (!_rapport_transaction_commit (tx, error))
    return FALSE;

  _rapport_member_set_id (member, id);
  return TRUE;
}

/**
 * rapport_store_update_member:
 *
 * Writes every editable field of @member back: name, email, organization,
 * title, location, phone, time zone, bio, source and custom fields. The
 * stage is not one of them: moves go through rapport_pipeline_move_member(),
 * which records them in the stage history.
 */
gboolean
rapport_store_update_member (RapportStore   *self,
                             RapportMember  *member,
                             GError        **error)
{
  g_autoptr(RapportTransaction) tx = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(RapportStatement) old = NULL;
  RapportMemberChanges changes = RAPPORT_MEMBER_CHANGED_CONTACT;
  gint64 organization_id;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_MEMBER (member), FALSE);

  id = rapport_member_get_id (member);
  if (!check_member (member, error))
    return FALSE;

  tx = _rapport_transaction_begin (self, FALSE, error);
  if (tx == NULL)
    return FALSE;

  /* A new name reaches lists that show names; the rest is contact detail. */
  old = _rapport_store_prepare (self, "SELECT name FROM members WHERE id = ?", error);
  if (old == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, id);
  if (sqlite3_step (old) == SQLITE_ROW &&
      g_strcmp0 (_rapport_column_text (old, 0), rapport_member_get_name (member)) != 0)
    changes |= RAPPORT_MEMBER_CHANGED_NAME;

  organization_id = _rapport_store_ensure_organization (self, rapport_member_get_organization (member), error);
  if (organization_id < 0)
    return FALSE;

  stmt = _rapport_store_prepare (self,
                                 "UPDATE members SET name = ?1, sort_name = ?2, organization_id = ?3, "
                                 "title = ?4, location = ?5, phone = ?6, timezone = ?7, bio = ?8, "
                                 "source = ?9, joined_at = coalesce (?11, joined_at), "
                                 "custom_fields = ?12, updated_at = unixepoch () WHERE id = ?13",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_member (stmt, member, organization_id);
  sqlite3_bind_int64 (stmt, 13, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (self, error);

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("No member with id %lld"), (long long) id);
      return FALSE;
    }

  if (!set_primary_email (self, id, rapport_member_get_email (member), error) ||
      !_rapport_duplicates_update (self, &id, 1, error))
    return FALSE;

  rapport_store_emit_member_changed (self, id, changes);
  return _rapport_transaction_commit (tx, error);
}

gint64
rapport_store_find_member_by_email (RapportStore *self,
                                    const char   *email)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *address = rapport_normalize_email (email);

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (address == NULL)
    return 0;

  stmt = _rapport_store_prepare (self, "SELECT member_id FROM emails WHERE address = ?", NULL);
  if (stmt == NULL)
    return 0;
  _rapport_bind_text (stmt, 1, address);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

gint64
rapport_store_find_member_by_identity (RapportStore *self,
                                       const char   *platform,
                                       const char   *handle)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (platform == NULL || handle == NULL || handle[0] == '\0')
    return 0;

  stmt = _rapport_store_prepare (self,
                                 "SELECT member_id FROM identities WHERE platform = ? AND handle = ?",
                                 NULL);
  if (stmt == NULL)
    return 0;
  _rapport_bind_text (stmt, 1, platform);
  _rapport_bind_text (stmt, 2, handle);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

static const char *
order_by_clause (RapportMemberSort sort,
                 gboolean          descending)
{
  /* Ties break on the name, then the id, so the order is total and stable. */
  switch (sort)
    {
    case RAPPORT_MEMBER_SORT_ORGANIZATION:
      return descending ? " ORDER BY (SELECT name FROM organizations WHERE id = m.organization_id) IS NULL, "
                          "(SELECT name FROM organizations WHERE id = m.organization_id) COLLATE NOCASE DESC, m.sort_name, m.id"
                        : " ORDER BY (SELECT name FROM organizations WHERE id = m.organization_id) IS NULL, "
                          "(SELECT name FROM organizations WHERE id = m.organization_id) COLLATE NOCASE, m.sort_name, m.id";

    case RAPPORT_MEMBER_SORT_STAGE:
      return descending ? " ORDER BY m.stage_id DESC, m.sort_name, m.id"
                        : " ORDER BY m.stage_id, m.sort_name, m.id";

    case RAPPORT_MEMBER_SORT_LAST_ACTIVE:
      return descending ? " ORDER BY m.last_active_at DESC, m.id DESC"
                        : " ORDER BY m.last_active_at, m.id";

    case RAPPORT_MEMBER_SORT_ACTIVITIES:
      return descending ? " ORDER BY m.activity_count DESC, m.id DESC"
                        : " ORDER BY m.activity_count, m.id";

    case RAPPORT_MEMBER_SORT_SCORE:
      /* Highest first reads naturally on a board; "descending" flips it. */
      return descending ? " ORDER BY m.score, m.id DESC"
                        : " ORDER BY m.score DESC, m.id";

    case RAPPORT_MEMBER_SORT_NAME:
    default:
      return descending ? " ORDER BY m.sort_name DESC, m.id DESC"
                        : " ORDER BY m.sort_name, m.id";
    }
}

/**
 * rapport_store_query_member_ids:
 *
 * The ids of every member that @query selects, in its order. This is what a
 * lazy list holds: 8 bytes a member.
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL with
 *   @error set
 */
GArray *
rapport_store_query_member_ids (RapportStore              *self,
                                const RapportMemberQuery  *query,
                                GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT m.id FROM members m WHERE 1");
  g_autofree char *fts = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  int param = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* Only fixed fragments go into the SQL; every value is bound. */
  fts = rapport_fts_query_from_text (query->text);
  if (fts != NULL)
    g_string_append (sql, " AND m.id IN (SELECT rowid FROM member_search WHERE member_search MATCH ?)");
  if (query->stage_id > 0)
    g_string_append (sql, " AND m.stage_id = ?");
  if (query->tag != NULL)
    g_string_append (sql, " AND m.id IN (SELECT mt.member_id FROM member_tags mt "
                          "JOIN tags t ON t.id = mt.tag_id WHERE t.name = ?)");
  if (query->organization != NULL)
    g_string_append (sql, " AND m.organization_id = (SELECT id FROM organizations WHERE name = ?)");
  if (query->level > 0)
    g_string_append (sql, " AND m.level = ?");
  g_string_append (sql, order_by_clause (query->sort, query->descending));

  stmt = _rapport_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (fts != NULL)
    _rapport_bind_text (stmt, ++param, fts);
  if (query->stage_id > 0)
    sqlite3_bind_int64 (stmt, ++param, query->stage_id);
  if (query->tag != NULL)
    _rapport_bind_text (stmt, ++param, query->tag);
  if (query->organization != NULL)
    _rapport_bind_text (stmt, ++param, query->organization);
  if (query->level > 0)
    sqlite3_bind_int (stmt, ++param, query->level);

  return _rapport_store_collect_ids (self, stmt, error);
}

static gboolean
append_members (RapportStore      *self,
                RapportStatement  *stmt,
                GPtrArray         *members,
                GHashTable        *seen,
                guint              limit,
                GError           **error)
{
  int rc;

  while (members->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (members, member_from_row (stmt));
    }

  if (members->len < limit && rc != SQLITE_DONE)
    return _rapport_store_set_error (self, error);

  return TRUE;
}

/**
 * rapport_store_search:
 * @text: what a person typed
 * @limit: how many members at most
 *
 * The best matches for @text, best first, in three tiers: members whose
 * name begins with @text (alphabetically, through the sort index), then
 * members with a word of the name beginning with each word of @text, then
 * members matched by a handle, an email, the organization, a tag or a note.
 * Each tier reads only as many rows as it can show, so a keystroke costs
 * the same among a hundred members or a million; nothing ranks every match.
 *
 * Returns: (transfer full) (element-type RapportMember): the members
 */
GPtrArray *
rapport_store_search (RapportStore  *self,
                      const char    *text,
                      guint          limit,
                      GError       **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(RapportStatement) stmt = NULL;
  g_autofree char *fts = NULL;
  g_autofree char *name_fts = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  fts = rapport_fts_query_from_text (text);
  if (fts == NULL || limit == 0)
    return g_steal_pointer (&members);

  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Names that begin with the text, through the sort index. */
  key = rapport_sort_key (text);
  stmt = _rapport_store_prepare (self,
                                 "SELECT " MEMBER_COLUMNS MEMBER_FROM
                                 "WHERE m.sort_name >= ?1 AND m.sort_name < ?1 || char (1114111) "
                                 "ORDER BY m.sort_name, m.id LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;
  _rapport_bind_text (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, limit);
  if (!append_members (self, stmt, members, seen, limit, error))
    return NULL;
  sqlite3_reset (stmt);

  /* Then a word of the name, then anything else. */
  name_fts = g_strdup_printf ("{name} : (%s)", fts);
  for (guint pass = 0; pass < 2 && members->len < limit; pass++)
    {
      g_autoptr(RapportStatement) more = NULL;

      more = _rapport_store_prepare (self,
                                     "SELECT " MEMBER_COLUMNS MEMBER_FROM
                                     "JOIN (SELECT rowid AS hit FROM member_search "
                                     "      WHERE member_search MATCH ?1 LIMIT ?2) ON hit = m.id",
                                     error);
      if (more == NULL)
        return NULL;
      _rapport_bind_text (more, 1, pass == 0 ? name_fts : fts);
      /* Enough rows to fill the page even if all that were shown recur. */
      sqlite3_bind_int (more, 2, limit + members->len);
      if (!append_members (self, more, members, seen, limit, error))
        return NULL;
    }

  return g_steal_pointer (&members);
}
