/* rapport-store.h
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

#include <gio/gio.h>

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_STORE_ERROR (rapport_store_error_quark ())

/**
 * RapportStoreError:
 * @RAPPORT_STORE_ERROR_NEWER_SCHEMA: the file was written by a newer Rapport
 * @RAPPORT_STORE_ERROR_NOT_A_DATABASE: the file is not a Rapport database
 * @RAPPORT_STORE_ERROR_SQLITE: SQLite reported an error
 * @RAPPORT_STORE_ERROR_NOT_FOUND: no such row
 * @RAPPORT_STORE_ERROR_CONFLICT: the change clashes with another row (a duplicate email or handle)
 * @RAPPORT_STORE_ERROR_INVALID: a value is not acceptable (an empty name)
 * @RAPPORT_STORE_ERROR_READ_ONLY: the database was opened read-only (the file
 *   or its folder is not writable), so changes cannot be saved
 * @RAPPORT_STORE_ERROR_DAMAGED: SQLite found the file damaged; changes are
 *   refused, reads may still work
 * @RAPPORT_STORE_ERROR_BUSY: another job kept the database locked for longer
 *   than the store waits
 */
typedef enum
{
  RAPPORT_STORE_ERROR_NEWER_SCHEMA,
  RAPPORT_STORE_ERROR_NOT_A_DATABASE,
  RAPPORT_STORE_ERROR_SQLITE,
  RAPPORT_STORE_ERROR_NOT_FOUND,
  RAPPORT_STORE_ERROR_CONFLICT,
  RAPPORT_STORE_ERROR_INVALID,
  RAPPORT_STORE_ERROR_READ_ONLY,
  RAPPORT_STORE_ERROR_DAMAGED,
  RAPPORT_STORE_ERROR_BUSY,
} RapportStoreError;

/**
 * RapportMemberQuery:
 * @text: (nullable): search text, matched as word prefixes
 * @sort: the order
 * @descending: reverse the order
 * @stage_id: only members in this stage, or 0
 * @tag: (nullable): only members with this tag
 * @organization: (nullable): only members of this organization
 * @level: only members at this engagement level (1–4), or 0
 *
 * What a member list shows.
 */
typedef struct
{
  const char        *text;
  RapportMemberSort  sort;
  gboolean           descending;
  gint64             stage_id;
  const char        *tag;
  const char        *organization;
  int                level;
} RapportMemberQuery;

/**
 * RapportStoreCounts:
 *
 * How much the database holds.
 */
typedef struct
{
  gint64 members;
  gint64 organizations;
  gint64 identities;
  gint64 emails;
  gint64 activities;
  gint64 tags;
  gint64 notes;
  gint64 file_size;
} RapportStoreCounts;

/**
 * RapportStoreOpenFlags:
 * @RAPPORT_STORE_OPEN_DEFAULT: the quick check at open starts at once
 * @RAPPORT_STORE_OPEN_CHECK_LATER: the quick check waits for
 *   rapport_store_start_check(), or for the first write, whichever comes
 *   first: a window opens without it reading the whole file meanwhile
 *
 * How rapport_store_new_full() opens a database.
 */
typedef enum
{
  RAPPORT_STORE_OPEN_DEFAULT     = 0,
  RAPPORT_STORE_OPEN_CHECK_LATER = 1 << 0,
} RapportStoreOpenFlags;

#define RAPPORT_TYPE_STORE (rapport_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

GQuark         rapport_store_error_quark             (void);
char          *rapport_store_dup_default_path        (void);
int            rapport_store_get_latest_version      (void);
RapportStore  *rapport_store_new                     (const char           *path,
                                                      GError              **error);
RapportStore  *rapport_store_new_full                (const char           *path,
                                                      RapportStoreOpenFlags flags,
                                                      GError              **error);
void           rapport_store_start_check             (RapportStore         *self);
RapportStore  *rapport_store_new_for_thread          (RapportStore         *self,
                                                      GError              **error);
RapportStore  *rapport_store_new_worker              (const char           *path,
                                                      GError              **error);
const char    *rapport_store_get_path                (RapportStore         *self);
const char    *rapport_store_get_uuid                (RapportStore         *self);
int            rapport_store_get_version             (RapportStore         *self);
char          *rapport_store_dup_backup_path         (RapportStore         *self);
char          *rapport_store_find_latest_backup      (const char           *path);
gboolean       rapport_store_restore_backup          (const char           *path,
                                                      const char           *backup_path,
                                                      char                **damaged_copy,
                                                      GError              **error);
gboolean       rapport_store_is_read_only            (RapportStore         *self);
const char    *rapport_store_get_read_only_reason    (RapportStore         *self);
gboolean       rapport_store_is_damaged              (RapportStore         *self);
const char    *rapport_store_get_damage              (RapportStore         *self);
gboolean       rapport_store_check_integrity         (RapportStore         *self,
                                                      GStrv                *problems,
                                                      GError              **error);
void           rapport_store_set_job                 (RapportStore         *self,
                                                      const char           *job);
void           rapport_store_set_wait_limit          (RapportStore         *self,
                                                      guint                 seconds);
void           rapport_store_set_cancellable         (RapportStore         *self,
                                                      GCancellable         *cancellable);
gboolean       rapport_store_begin                   (RapportStore         *self,
                                                      GError              **error);
gboolean       rapport_store_commit                  (RapportStore         *self,
                                                      GError              **error);
void           rapport_store_rollback                (RapportStore         *self);
void           rapport_store_emit_changed            (RapportStore         *self,
                                                      const char           *table,
                                                      gint64                row_id,
                                                      RapportChangeKind     kind);
void           rapport_store_emit_member_changed     (RapportStore         *self,
                                                      gint64                member_id,
                                                      RapportMemberChanges  changes);
gboolean       rapport_store_get_counts              (RapportStore         *self,
                                                      RapportStoreCounts   *counts,
                                                      GError              **error);

/* Members */
RapportMember *rapport_store_get_member              (RapportStore         *self,
                                                      gint64                member_id,
                                                      GError              **error);
gboolean       rapport_store_insert_member           (RapportStore         *self,
                                                      RapportMember        *member,
                                                      GError              **error);
gboolean       rapport_store_update_member           (RapportStore         *self,
                                                      RapportMember        *member,
                                                      GError              **error);
gboolean       rapport_store_delete_member           (RapportStore         *self,
                                                      gint64                member_id,
                                                      gint64               *journal_id,
                                                      GError              **error);
gboolean       rapport_store_undo                    (RapportStore         *self,
                                                      gint64                journal_id,
                                                      GError              **error);
GPtrArray     *rapport_store_list_operations         (RapportStore         *self,
                                                      guint                 limit,
                                                      GError              **error);
gint64         rapport_store_find_member_by_email    (RapportStore         *self,
                                                      const char           *email);
gint64         rapport_store_find_member_by_identity (RapportStore         *self,
                                                      const char           *platform,
                                                      const char           *handle);
GArray        *rapport_store_query_member_ids        (RapportStore         *self,
                                                      const RapportMemberQuery *query,
                                                      GError              **error);
GPtrArray     *rapport_store_search                  (RapportStore         *self,
                                                      const char           *text,
                                                      guint                 limit,
                                                      GError              **error);

/* Emails, identities, tags */
GStrv          rapport_store_list_emails             (RapportStore         *self,
                                                      gint64                member_id);
gboolean       rapport_store_add_email               (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *address,
                                                      GError              **error);
gboolean       rapport_store_remove_email            (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *address,
                                                      GError              **error);
GPtrArray     *rapport_store_list_identities         (RapportStore         *self,
                                                      gint64                member_id);
gint64         rapport_store_add_identity            (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *platform,
                                                      const char           *handle,
                                                      const char           *url,
                                                      const char           *external_id,
                                                      GError              **error);
gboolean       rapport_store_remove_identity         (RapportStore         *self,
                                                      gint64                identity_id,
                                                      GError              **error);
GStrv          rapport_store_list_tags               (RapportStore         *self);
GStrv          rapport_store_list_member_tags        (RapportStore         *self,
                                                      gint64                member_id);
gboolean       rapport_store_add_member_tag          (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *tag,
                                                      GError              **error);
gboolean       rapport_store_remove_member_tag       (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *tag,
                                                      GError              **error);
GStrv          rapport_store_list_organizations      (RapportStore         *self);

/* Notes and activities */
GPtrArray     *rapport_store_list_notes              (RapportStore         *self,
                                                      gint64                member_id);
gint64         rapport_store_add_note                (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *body,
                                                      const char           *author,
                                                      GError              **error);
gboolean       rapport_store_update_note             (RapportStore         *self,
                                                      gint64                note_id,
                                                      const char           *body,
                                                      GError              **error);
gboolean       rapport_store_delete_note             (RapportStore         *self,
                                                      gint64                note_id,
                                                      gint64               *journal_id,
                                                      GError              **error);
GPtrArray     *rapport_store_list_activities         (RapportStore         *self,
                                                      gint64                member_id,
                                                      gint64                before_time,
                                                      gint64                before_id,
                                                      guint                 limit,
                                                      GError              **error);
gint64         rapport_store_add_activity            (RapportStore         *self,
                                                      gint64                member_id,
                                                      const char           *platform,
                                                      const char           *kind,
                                                      gint64                occurred_at,
                                                      const char           *title,
                                                      const char           *url,
                                                      const char           *channel,
                                                      GError              **error);

G_END_DECLS
