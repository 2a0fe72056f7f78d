/* rapport-store-private.h
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

#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* A statement from the store's cache. g_autoptr() resets it and clears its
 * bindings when it goes out of scope; the cache keeps owning it. */
typedef sqlite3_stmt RapportStatement;

void              _rapport_statement_release (RapportStatement  *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStatement, _rapport_statement_release)

/* A transaction that rolls back when it goes out of scope uncommitted:
 *
 *   g_autoptr(RapportTransaction) tx = _rapport_transaction_begin (store, FALSE, error);
 *
 *   if (tx == NULL || !step_one (store, error) || !step_two (store, error))
 *     return FALSE;
 *   return _rapport_transaction_commit (tx, error);
 *
 * @durable asks for synchronous=FULL (deletes, merges, undo). */
typedef struct _RapportTransaction RapportTransaction;

RapportTransaction *_rapport_transaction_begin  (RapportStore        *store,
                                                 gboolean             durable,
                                                 GError             **error);
gboolean            _rapport_transaction_commit (RapportTransaction  *self,
                                                 GError             **error);
void                _rapport_transaction_free   (RapportTransaction  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportTransaction, _rapport_transaction_free)

/* What the check at open found about a file; see rapport-store-health.c. */
typedef struct _RapportStoreHealth RapportStoreHealth;

/* The store's own files (rapport-store-*.c) share its instance. */
struct _RapportStore
{
  GObject             parent_instance;

  char               *path;
  char               *uuid;
  sqlite3            *db;
  GHashTable         *statements;
  guint               depth;
  GArray             *pending;
  int                 version;

  /* Read-only and damaged files */
  char               *uri;
  char               *read_only_reason;
  char               *damage;
  RapportStoreHealth *health;
  gboolean            health_owner;
  gboolean            health_settled;
  GThread            *check_thread;
  GMainContext       *context;

  /* Waiting for another writer */
  char               *job;
  guint               wait_limit;
  GCancellable       *cancellable;
  gint64              busy_started;
  gint64              busy_next_look;
  gint64              busy_next_notice;
  gint64              busy_unknown_since;
  char               *busy_job;
  int                 busy_pid;
  guint               busy_waited;
  gboolean            busy_cancelled;
  gboolean            busy_gave_up;
  int                 record_fd;
  gboolean            recorded;

  gboolean            durable;
};

const char * const *_rapport_store_get_migrations (guint *n);
sqlite3          *_rapport_store_get_db      (RapportStore      *self);
RapportStatement *_rapport_store_prepare     (RapportStore      *self,
                                              const char        *sql,
                                              GError           **error);
gboolean          _rapport_store_exec        (RapportStore      *self,
                                              const char        *sql,
                                              GError           **error);
gboolean          _rapport_store_begin_durable (RapportStore    *self,
                                                GError         **error);
gboolean          _rapport_store_set_error   (RapportStore      *self,
                                              GError           **error);
GArray           *_rapport_store_collect_ids (RapportStore      *self,
                                              RapportStatement  *stmt,
                                              GError           **error);
gint64            _rapport_store_ensure_organization (RapportStore *self,
                                                      const char   *name,
                                                      GError      **error);
gint64            _rapport_store_ensure_tag  (RapportStore      *self,
                                              const char        *name,
                                              GError           **error);
void              _rapport_bind_text         (RapportStatement  *stmt,
                                              int                index,
                                              const char        *value);
const char       *_rapport_column_text       (RapportStatement  *stmt,
                                              int                index);

/* Work for a worker thread; see _rapport_store_run_worker(). */
typedef gpointer (*RapportWorkerFunc)     (RapportStore   *worker,
                                           gpointer        data,
                                           GCancellable   *cancellable,
                                           GError        **error);
typedef void     (*RapportWorkerDoneFunc) (GTask          *task,
                                           gpointer        result,
                                           gpointer        data);

void              _rapport_store_run_worker  (RapportStore          *store,
                                              GTask                 *task,
                                              RapportWorkerFunc      func,
                                              gpointer               data,
                                              GDestroyNotify         data_free,
                                              RapportWorkerDoneFunc  done,
                                              GDestroyNotify         result_free);

/* rapport-store.c */
gboolean          _rapport_store_set_sqlite_error (RapportStore  *self,
                                                   int            code,
                                                   const char    *message,
                                                   GError       **error);
gint64            _rapport_store_query_int64 (RapportStore      *self,
                                              const char        *sql,
                                              gint64             arg);
void              _rapport_store_emit_waiting (RapportStore     *self,
                                               const char       *job,
                                               int               pid,
                                               guint             seconds);
void              _rapport_store_emit_damaged (RapportStore     *self,
                                               const char       *message);

/* rapport-store-health.c: the check at open, damage, backups */
void              _rapport_store_start_check (RapportStore      *self,
                                              gboolean           checked,
                                              gboolean           held);
gboolean          _rapport_store_check_before_upgrade (RapportStore  *self,
                                                       GError       **error);
void              _rapport_store_join_health (RapportStore      *self);
void              _rapport_store_release_health (RapportStore   *self);
void              _rapport_store_settle_health (RapportStore    *self);
void              _rapport_store_mark_damaged (RapportStore     *self,
                                               const char       *problem);
char             *_rapport_store_describe_damage (const char    *path,
                                                  const char    *problem);

/* rapport-store-writer.c: the writer record and waiting for another writer */
void              _rapport_store_init_writer (RapportStore      *self);
void              _rapport_store_set_busy_handler (RapportStore *self);
void              _rapport_store_record_writer (RapportStore    *self,
                                                const char      *job);
void              _rapport_store_unrecord_writer (RapportStore  *self);
void              _rapport_store_close_writer_record (RapportStore *self);
void              _rapport_store_set_busy_error (RapportStore   *self,
                                                 int             code,
                                                 const char     *message,
                                                 GError        **error);

G_END_DECLS
