/* rapport-member-export.c
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

/* Member export to CSV: every member in id order, with fixed columns, one
 * column per platform with handles and one per custom field, streamed from
 * one read transaction. rapport-member-import.c reads the file back. */

#define G_LOG_DOMAIN "rapport-member-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-csv.h"
#include "rapport-member-io-private.h"
#include "rapport-member-io.h"
#include "rapport-store-private.h"

/* The export's fixed columns. They are a file format, not interface text:
 * they stay in English so any Rapport reads the file back. */
static const char * const export_columns[] = {
  "Name", "Email", "Other emails", "Organization", "Title", "Location", "Phone", "Stage", "Tags",
};

enum {
  EXPORT_NAME,
  EXPORT_EMAIL,
  EXPORT_OTHER_EMAILS,
  EXPORT_ORGANIZATION,
  EXPORT_TITLE,
  EXPORT_LOCATION,
  EXPORT_PHONE,
  EXPORT_STAGE,
  EXPORT_TAGS,
  N_EXPORT_COLUMNS
};

G_STATIC_ASSERT (G_N_ELEMENTS (export_columns) == N_EXPORT_COLUMNS);

typedef struct
{
  RapportStatement *stmt;
  gboolean          has_row;
} Cursor;

static gboolean
cursor_next (RapportStore  *store,
             Cursor        *cursor,
             GError       **error)
{
  int rc = sqlite3_step (cursor->stmt);

  cursor->has_row = (rc == SQLITE_ROW);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || _rapport_store_set_error (store, error);
}

/* Moves @cursor, ordered by member id in its first column, to @member_id's
 * rows. Reports whether it is on one. */
static gboolean
cursor_at (RapportStore  *store,
           Cursor        *cursor,
           gint64         member_id,
           gboolean      *at,
           GError       **error)
{
  while (cursor->has_row && sqlite3_column_int64 (cursor->stmt, 0) < member_id)
    {
      if (!cursor_next (store, cursor, error))
        return FALSE;
    }

  *at = cursor->has_row && sqlite3_column_int64 (cursor->stmt, 0) == member_id;
  return TRUE;
}

static GPtrArray *
collect_strings (RapportStore  *store,
                 const char    *sql,
                 GError       **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RapportStatement) stmt = _rapport_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (strings, g_strdup (_rapport_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&strings);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
append_joined (GString    *column,
               const char *value)
{
  if (value == NULL)
    return;
  if (column->len > 0)
    g_string_append (column, "; ");
  g_string_append (column, value);
}

static gboolean
write_members (RapportStore             *store,
               RapportCsvWriter         *writer,
               guint64                  *n_members,
               RapportMemberIoProgress  *progress,
               GCancellable             *cancellable,
               GError                  **error)
{
  g_autoptr(GPtrArray) platform_keys = NULL;
  g_autoptr(GPtrArray) custom_keys = NULL;
  g_autoptr(GHashTable) platform_column = NULL;
  g_autoptr(GHashTable) custom_column = NULL;
  g_autoptr(GPtrArray) values = NULL;
  static const guint member_columns[] = {
    EXPORT_NAME, EXPORT_ORGANIZATION, EXPORT_TITLE, EXPORT_LOCATION, EXPORT_PHONE, EXPORT_STAGE,
  };
  g_autoptr(RapportStatement) count = NULL;
  g_autoptr(RapportStatement) members_stmt = NULL;
  g_autoptr(RapportStatement) emails_stmt = NULL;
  g_autoptr(RapportStatement) identities_stmt = NULL;
  g_autoptr(RapportStatement) tags_stmt = NULL;
  g_autoptr(RapportStatement) custom_stmt = NULL;
  Cursor emails, identities, tags, custom;
  GString **cells;
  guint64 total = 0;
  guint64 written = 0;
  guint first_platform;
  guint first_custom;
  guint n_columns;
  int rc;

  count = _rapport_store_prepare (store, "SELECT count(*) FROM members", error);
  if (count == NULL)
    return FALSE;
  if (sqlite3_step (count) == SQLITE_ROW)
    total = sqlite3_column_int64 (count, 0);

  platform_keys = collect_strings (store,
                                   "SELECT DISTINCT platform FROM identities WHERE handle IS NOT "
                                   "NULL "
                                   "ORDER BY platform",
                                   error);
  if (platform_keys == NULL)
    return FALSE;

  custom_keys = collect_strings (store,
                                 "SELECT DISTINCT j.key FROM members m, json_each "
                                 "(m.custom_fields) j "
                                 "WHERE m.custom_fields IS NOT NULL ORDER BY j.key",
                                 error);
  if (custom_keys == NULL)
    return FALSE;

  first_platform = N_EXPORT_COLUMNS;
  first_custom = first_platform + platform_keys->len;
  n_columns = first_custom + custom_keys->len;

  platform_column = g_hash_table_new (g_str_hash, g_str_equal);
  custom_column = g_hash_table_new (g_str_hash, g_str_equal);
  values = g_ptr_array_new_full (n_columns, string_free);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *name;

      if (i < first_platform)
        name = export_columns[i];
      else if (i < first_custom)
        name = g_ptr_array_index (platform_keys, i - first_platform);
      else
        name = g_ptr_array_index (custom_keys, i - first_custom);

      rapport_csv_writer_add_field (writer, name);
      g_ptr_array_add (values, g_string_new (NULL));
      if (i >= first_custom)
        g_hash_table_insert (custom_column, (gpointer) name, GUINT_TO_POINTER (i));
      else if (i >= first_platform)
        g_hash_table_insert (platform_column, (gpointer) name, GUINT_TO_POINTER (i));
    }
  cells = (GString **) values->pdata;
  if (!rapport_csv_writer_end_row (writer, cancellable, error))
    return FALSE;

  members_stmt = _rapport_store_prepare (store,
                                         "SELECT m.id, m.name, o.name, m.title, m.location, "
                                         "m.phone, s.name "
                                         "FROM members m "
                                         "LEFT JOIN organizations o ON o.id = m.organization_id "
                                         "LEFT JOIN pipeline_stages s ON s.id = m.stage_id "
                                         "ORDER BY m.id",
                                         error);
  emails_stmt = _rapport_store_prepare (store,
                                        "SELECT member_id, address FROM emails "
                                        "ORDER BY member_id, is_primary DESC, id",
                                        error);
  identities_stmt = _rapport_store_prepare (store,
                                            "SELECT member_id, platform, handle FROM identities "
                                            "WHERE handle IS NOT NULL ORDER BY member_id, "
                                            "platform, id",
                                            error);
  tags_stmt = _rapport_store_prepare (store,
                                      "SELECT mt.member_id, t.name FROM member_tags mt "
                                      "JOIN tags t ON t.id = mt.tag_id "
                                      "ORDER BY mt.member_id, t.name COLLATE NOCASE",
                                      error);
  custom_stmt = _rapport_store_prepare (store,
                                        "SELECT m.id, j.key, j.value FROM members m, json_each "
                                        "(m.custom_fields) j "
                                        "WHERE m.custom_fields IS NOT NULL ORDER BY m.id",
                                        error);
  if (members_stmt == NULL || emails_stmt == NULL || identities_stmt == NULL ||
      tags_stmt == NULL || custom_stmt == NULL)
    return FALSE;

  /* Each list is read once, in member order, beside the members: the file
   * streams out whatever the database holds. */
  emails = (Cursor) { emails_stmt, FALSE };
  identities = (Cursor) { identities_stmt, FALSE };
  tags = (Cursor) { tags_stmt, FALSE };
  custom = (Cursor) { custom_stmt, FALSE };
  if (!cursor_next (store, &emails, error) || !cursor_next (store, &identities, error) ||
      !cursor_next (store, &tags, error) || !cursor_next (store, &custom, error))
    return FALSE;

  while ((rc = sqlite3_step (members_stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (members_stmt, 0);
      gboolean at;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint i = 0; i < n_columns; i++)
        g_string_truncate (cells[i], 0);

      for (guint i = 0; i < G_N_ELEMENTS (member_columns); i++)
        {
          const char *text = _rapport_column_text (members_stmt, i + 1);

          if (text != NULL)
            g_string_append (cells[member_columns[i]], text);
        }

      for (guint n = 0;; n++)
        {
          if (!cursor_at (store, &emails, id, &at, error))
            return FALSE;
          if (!at)
            break;
          append_joined (cells[n == 0 ? EXPORT_EMAIL : EXPORT_OTHER_EMAILS],
                         _rapport_column_text (emails.stmt, 1));
          if (!cursor_next (store, &emails, error))
            return FALSE;
        }

      for (;;)
        {
          const char *platform;
          guint column;

          if (!cursor_at (store, &identities, id, &at, error))
            return FALSE;
          if (!at)
            break;
          platform = _rapport_column_text (identities.stmt, 1);
          column = GPOINTER_TO_UINT (g_hash_table_lookup (platform_column, platform));
          append_joined (cells[column], _rapport_column_text (identities.stmt, 2));
          if (!cursor_next (store, &identities, error))
            return FALSE;
        }

      for (;;)
        {
          if (!cursor_at (store, &tags, id, &at, error))
            return FALSE;
          if (!at)
            break;
          append_joined (cells[EXPORT_TAGS], _rapport_column_text (tags.stmt, 1));
          if (!cursor_next (store, &tags, error))
            return FALSE;
        }

      for (;;)
        {
          const char *key;
          const char *text;
          guint column;

          if (!cursor_at (store, &custom, id, &at, error))
            return FALSE;
          if (!at)
            break;

          key = _rapport_column_text (custom.stmt, 1);
          column = GPOINTER_TO_UINT (g_hash_table_lookup (custom_column, key));
          text = _rapport_column_text (custom.stmt, 2);
          if (text != NULL)
            g_string_assign (cells[column], text);
          if (!cursor_next (store, &custom, error))
            return FALSE;
        }

      for (guint i = 0; i < n_columns; i++)
        rapport_csv_writer_add_field (writer, cells[i]->str);
      if (!rapport_csv_writer_end_row (writer, cancellable, error))
        return FALSE;

      written++;
      _rapport_member_io_progress_report (progress, written, total, FALSE);
    }

  if (rc != SQLITE_DONE)
    return _rapport_store_set_error (store, error);

  _rapport_member_io_progress_report (progress, written, MAX (total, written), TRUE);
  *n_members = written;
  return TRUE;
}

static gboolean
export_csv (RapportStore             *store,
            GFile                    *file,
            guint64                  *n_members,
            RapportMemberIoProgress  *progress,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(RapportCsvWriter) writer = NULL;
  sqlite3 *db = _rapport_store_get_db (store);
  gboolean own_transaction;
  gboolean existed;
  gboolean ok;

  existed = g_file_query_exists (file, cancellable);

  /* The file is written beside the target and renamed over it on close, so
   * a failed export leaves the old file as it was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  writer = rapport_csv_writer_new (G_OUTPUT_STREAM (stream));

  /* One read transaction: the file is one moment of the database even when
   * another connection writes meanwhile. */
  own_transaction = sqlite3_get_autocommit (db);
  ok = !own_transaction || _rapport_store_exec (store, "BEGIN", error);
  ok = ok && write_members (store, writer, n_members, progress, cancellable, error);
  if (own_transaction && !sqlite3_get_autocommit (db))
    _rapport_store_exec (store, "COMMIT", NULL);

  ok = ok && rapport_csv_writer_flush (writer, cancellable, error);
  ok = ok && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  if (!ok)
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. A file
       * that did not exist before is written in place: remove it. */
      g_cancellable_cancel (abort);
      if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }

  return ok;
}

/**
 * rapport_member_export_csv:
 * @file: where to write; an existing file is replaced only when the export
 *   succeeds
 * @n_members: (out) (optional): how many members were written
 * @progress: (nullable): called with members written and how many there are
 *
 * Writes every member, in id order, as an RFC 4180 CSV file (UTF-8, CRLF)
 * that rapport_member_import_csv() reads back to the same members.
 */
gboolean
rapport_member_export_csv (RapportStore         *store,
                           GFile                *file,
                           guint64              *n_members,
                           RapportProgressFunc   progress,
                           gpointer              progress_data,
                           GCancellable         *cancellable,
                           GError              **error)
{
  RapportMemberIoProgress report = { progress, progress_data, 0 };
  guint64 written = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!export_csv (store, file, &written, &report, cancellable, error))
    return FALSE;

  if (n_members != NULL)
    *n_members = written;
  return TRUE;
}

static gpointer
export_worker (RapportStore  *worker,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  RapportMemberIoAsyncData *async = data;
  RapportMemberIoProgress report = { NULL, &async->progress, 0 };
  guint64 n_members = 0;

  if (async->progress.func != NULL)
    report.func = _rapport_member_io_send_progress_cb;
  if (!export_csv (worker, async->file, &n_members, &report, cancellable, error))
    return NULL;

  return g_memdup2 (&n_members, sizeof n_members);
}

static void
on_export_done (GTask    *task,
                gpointer  n_members,
                gpointer  data)
{
  g_task_set_task_data (task, n_members, g_free);
  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_member_export_csv_async:
 *
 * Like rapport_member_export_csv(), reading in a thread on its own
 * connection. @progress is called on the caller's thread-default main
 * context.
 */
void
rapport_member_export_csv_async (RapportStore        *store,
                                 GFile               *file,
                                 RapportProgressFunc  progress,
                                 gpointer             progress_data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _rapport_member_io_run_csv_task (store, file, progress, progress_data, cancellable, callback,
                                   user_data, rapport_member_export_csv_async, export_worker,
                                   on_export_done);
}

gboolean
rapport_member_export_csv_finish (RapportStore  *store,
                                  GAsyncResult  *result,
                                  guint64       *n_members,
                                  GError       **error)
{
  guint64 *written;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_member_export_csv_async,
                        FALSE);

  written = g_task_get_task_data (G_TASK (result));
  if (n_members != NULL)
    *n_members = written != NULL ? *written : 0;

  return g_task_propagate_boolean (G_TASK (result), error);
}
