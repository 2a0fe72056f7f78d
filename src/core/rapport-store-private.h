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

const char * const *_rapport_store_get_migrations (guint *n);
sqlite3          *_rapport_store_get_db      (RapportStore      *self);
RapportStatement *_rapport_store_prepare     (RapportStore      *self,
                                              const char        *sql,
                                              GError           **error);
gboolean          _rapport_store_exec        (RapportStore      *self,
                                              const char        *sql,
                                              GError           **error);
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

G_END_DECLS
