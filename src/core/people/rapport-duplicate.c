/* rapport-duplicate.c
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

#define G_LOG_DOMAIN "rapport-duplicates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-clock.h"
#include "rapport-duplicates.h"
#include "rapport-store-private.h"

/* A pair of members who may be one person, as the duplicates queue lists
 * it, and the queue's reads and the user's "not the same person". The
 * engine that makes the pairs is rapport-duplicates.c. */

struct _RapportDuplicate
{
  gint64    id;
  gint64    member_a;
  gint64    member_b;
  char     *name_a;
  char     *name_b;
  double    confidence;
  char    **reasons;
  gboolean  rejected;
};

G_DEFINE_BOXED_TYPE (RapportDuplicate, rapport_duplicate, rapport_duplicate_copy, rapport_duplicate_free)

RapportDuplicate *
rapport_duplicate_copy (const RapportDuplicate *self)
{
  RapportDuplicate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name_a = g_strdup (self->name_a);
  copy->name_b = g_strdup (self->name_b);
  copy->reasons = g_strdupv (self->reasons);
  return copy;
}

void
rapport_duplicate_free (RapportDuplicate *self)
{
  if (self == NULL)
    return;

  g_free (self->name_a);
  g_free (self->name_b);
  g_strfreev (self->reasons);
  g_free (self);
}

gint64
rapport_duplicate_get_id (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->id;
}

/**
 * rapport_duplicate_get_member_a:
 *
 * Returns: the member of the pair with the smaller id
 */
gint64
rapport_duplicate_get_member_a (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->member_a;
}

gint64
rapport_duplicate_get_member_b (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->member_b;
}

const char *
rapport_duplicate_get_name_a (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_a;
}

const char *
rapport_duplicate_get_name_b (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_b;
}

double
rapport_duplicate_get_confidence (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->confidence;
}

/**
 * rapport_duplicate_get_reasons:
 *
 * Returns: (transfer none): why the two may be one person, in words
 */
const char * const *
rapport_duplicate_get_reasons (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->reasons;
}

/* Whether the user said the two are different people. */
gboolean
rapport_duplicate_is_rejected (const RapportDuplicate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rejected;
}

static RapportDuplicate *
duplicate_from_row (RapportStatement *stmt)
{
  RapportDuplicate *self = g_new0 (RapportDuplicate, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  self->member_a = sqlite3_column_int64 (stmt, 1);
  self->member_b = sqlite3_column_int64 (stmt, 2);
  self->name_a = g_strdup (_rapport_column_text (stmt, 3));
  self->name_b = g_strdup (_rapport_column_text (stmt, 4));
  self->confidence = sqlite3_column_double (stmt, 5);
  self->rejected = g_strcmp0 (_rapport_column_text (stmt, 7), "rejected") == 0;

  if (json_parser_load_from_data (parser, _rapport_column_text (stmt, 6), -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      JsonArray *array = json_node_get_array (json_parser_get_root (parser));

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *reason = json_array_get_string_element (array, i);

          if (reason != NULL)
            g_strv_builder_add (reasons, reason);
        }
    }
  self->reasons = g_strv_builder_end (reasons);

  return self;
}

#define DUPLICATE_COLUMNS \
  "s.id, s.member_a, s.member_b, a.name, b.name, s.confidence, s.reasons, s.status " \
  "FROM merge_suggestions s JOIN members a ON a.id = s.member_a JOIN members b ON b.id = s.member_b "

/**
 * rapport_store_list_duplicates:
 * @min_confidence: leave out pairs below this
 * @limit: at most this many, or 0 for all
 *
 * The pairs waiting for a decision, the surest first.
 *
 * Returns: (transfer container) (element-type RapportDuplicate): the pairs, or %NULL with @error set
 */
GPtrArray *
rapport_store_list_duplicates (RapportStore  *store,
                               double         min_confidence,
                               guint          limit,
                               GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_duplicate_free);
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store,
                                 "SELECT " DUPLICATE_COLUMNS
                                 "WHERE s.status = 'open' AND s.confidence >= ?1 "
                                 "ORDER BY s.confidence DESC, s.id LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 1, min_confidence);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, duplicate_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _rapport_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * rapport_store_get_duplicate:
 *
 * Returns: (transfer full): the suggestion @id, open or rejected, or %NULL
 *   with @error set (%RAPPORT_STORE_ERROR_NOT_FOUND)
 */
RapportDuplicate *
rapport_store_get_duplicate (RapportStore  *store,
                             gint64         id,
                             GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = _rapport_store_prepare (store, "SELECT " DUPLICATE_COLUMNS "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no duplicate suggestion %lld"), (long long) id);
      return NULL;
    }

  return duplicate_from_row (stmt);
}

/**
 * rapport_store_count_duplicates:
 *
 * Returns: how many pairs at @min_confidence or more wait for a decision
 */
gint64
rapport_store_count_duplicates (RapportStore *store,
                                double        min_confidence)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);

  stmt = _rapport_store_prepare (store,
                                 "SELECT count(*) FROM merge_suggestions WHERE status = 'open' AND confidence >= ?",
                                 NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_double (stmt, 1, min_confidence);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * rapport_store_reject_duplicate:
 *
 * The user says the pair are different people: it is not suggested again
 * unless they come to share something new.
 */
gboolean
rapport_store_reject_duplicate (RapportStore  *store,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(RapportStatement) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  stmt = _rapport_store_prepare (store,
                                 "UPDATE merge_suggestions SET status = 'rejected', decided_at = ?2 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rapport_now_unix ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _rapport_store_set_error (store, error);
  if (sqlite3_changes (_rapport_store_get_db (store)) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("There is no duplicate suggestion %lld"), (long long) id);
      return FALSE;
    }

  rapport_store_emit_changed (store, "merge_suggestions", id, RAPPORT_CHANGE_UPDATED);
  return TRUE;
}
