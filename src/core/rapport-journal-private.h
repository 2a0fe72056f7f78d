/* rapport-journal-private.h
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

#include <json-glib/json-glib.h>

#include "rapport-store-private.h"

G_BEGIN_DECLS

/* One operation being recorded for undo; see rapport-journal.c. Call it
 * inside the operation's transaction: save the rows before changing them,
 * note the rows it creates after inserting them, then write it before the
 * commit. */
typedef struct _RapportJournal RapportJournal;

RapportJournal *_rapport_journal_new     (RapportStore    *store,
                                          const char      *operation,
                                          const char      *label,
                                          const char      *table,
                                          gint64           row_id);
gboolean        _rapport_journal_save    (RapportJournal  *self,
                                          const char      *table,
                                          const char      *where,
                                          gint64           arg,
                                          GError         **error);
gboolean        _rapport_journal_created (RapportJournal  *self,
                                          const char      *table,
                                          const char      *where,
                                          gint64           arg,
                                          GError         **error);
gint64          _rapport_journal_write   (RapportJournal  *self,
                                          GError         **error);
void            _rapport_journal_free    (RapportJournal  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportJournal, _rapport_journal_free)

/* One row an operation touched, as the journal keeps it. */
typedef struct
{
  char        *table;
  char       **columns;   /* the columns of its key */
  JsonObject  *key;
  JsonObject  *before;    /* NULL: the operation created it */
  JsonObject  *after;     /* NULL: the operation deleted it */
} RapportJournalRow;

GPtrArray      *_rapport_journal_load    (RapportStore    *store,
                                          gint64           journal_id,
                                          GError         **error);

/* Reading and binding journaled rows by their key, for the domain undos
 * below. Identifiers are quoted: they come from the journal, which a
 * tampered file could fill. */
char           *_rapport_journal_quote_identifier (const char          *name);
char           *_rapport_journal_key_condition    (const char * const  *columns);
void            _rapport_journal_bind_node        (sqlite3_stmt        *stmt,
                                                   int                  index,
                                                   JsonNode            *node);
void            _rapport_journal_bind_key         (sqlite3_stmt        *stmt,
                                                   const char * const  *columns,
                                                   JsonObject          *key);
JsonObject     *_rapport_journal_read_row         (RapportStore        *store,
                                                   const char          *table,
                                                   const char * const  *columns,
                                                   JsonObject          *key,
                                                   gboolean            *found,
                                                   GError             **error);

/* Operations whose undo is a rule of their own rather than putting the rows
 * back (called inside rapport_store_undo()'s transaction, with the rows
 * _rapport_journal_load() gives). */
gboolean        _rapport_events_undo_removal (RapportStore  *store,
                                              GPtrArray     *rows,
                                              GError       **error);
gboolean        _rapport_people_undo_merge   (RapportStore  *store,
                                              GPtrArray     *rows,
                                              const char    *label,
                                              GError       **error);

G_END_DECLS
