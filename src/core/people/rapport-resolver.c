/* rapport-resolver.c
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

#define G_LOG_DOMAIN "rapport-resolver"

#include "config.h"

#include "rapport-duplicates-private.h"
#include "rapport-resolver-private.h"

/* The resolver decides who a person record is, the same way for every
 * source: the CSV import, RSVP imports and walk-ins at the door, HubSpot
 * and every platform connector. In order:
 *
 *   1. the platform's own id for them (an identity with that external id);
 *   2. an email address the source vouches for;
 *   3. the same handle on the same platform.
 *
 * The first that finds someone decides. A value that belongs to someone
 * else is reported (RapportResolution.other_id): the CSV import refuses
 * such a row, a connector takes the stronger match and keeps the address
 * on the identity, where the duplicates engine sees both. Anything weaker
 * (the same name at one organization, the same handle on two platforms, an
 * address that differs by a +tag, …) is not the resolver's to decide: the
 * caller creates the member, and the duplicates engine, run over the
 * batch's members by _rapport_resolver_finish(), suggests the pair.
 *
 * A batch may hold members whose rows are not written yet (the importers
 * write new members in bulk at the end of a batch): _rapport_resolver_claim()
 * tells the resolver whose values they are meanwhile. */

struct _RapportResolver
{
  RapportStore *store;
  /* "i\x1fplatform\x1fid", "e\x1faddress" or "h\x1fplatform\x1fhandle" → member id */
  GHashTable   *pending;
  GHashTable   *touched;
  GString      *key;
};

RapportResolver *
_rapport_resolver_new (RapportStore *store)
{
  RapportResolver *self = g_new0 (RapportResolver, 1);

  g_assert (RAPPORT_IS_STORE (store));

  self->store = g_object_ref (store);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->key = g_string_new (NULL);
  return self;
}

void
_rapport_resolver_free (RapportResolver *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_string_free (self->key, TRUE);
  g_free (self);
}

static const char *
make_key (RapportResolver *self,
          char             kind,
          const char      *platform,
          const char      *value)
{
  g_string_truncate (self->key, 0);
  g_string_append_c (self->key, kind);
  g_string_append_c (self->key, '\x1f');
  if (platform != NULL)
    {
      g_string_append (self->key, platform);
      g_string_append_c (self->key, '\x1f');
    }
  /* Emails and handles compare without case, as their columns do. */
  for (const char *p = value; *p != '\0'; p++)
    g_string_append_c (self->key, kind == 'i' ? *p : g_ascii_tolower (*p));

  return self->key->str;
}

static gint64
lookup (RapportResolver  *self,
        char              kind,
        const char       *platform,
        const char       *value,
        GError          **error)
{
  g_autoptr(RapportStatement) stmt = NULL;
  gpointer owner;

  if (g_hash_table_lookup_extended (self->pending, make_key (self, kind, platform, value), NULL, &owner))
    return (gint64) GPOINTER_TO_SIZE (owner);

  switch (kind)
    {
    case 'i':
      stmt = _rapport_store_prepare (self->store,
                                     "SELECT member_id FROM identities WHERE platform = ?1 AND external_id = ?2",
                                     error);
      break;
    case 'e':
      stmt = _rapport_store_prepare (self->store, "SELECT member_id FROM emails WHERE address = ?2", error);
      break;
    case 'h':
      stmt = _rapport_store_prepare (self->store,
                                     "SELECT member_id FROM identities WHERE platform = ?1 AND handle = ?2",
                                     error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (stmt == NULL)
    return -1;

  if (platform != NULL)
    sqlite3_bind_text (stmt, 1, platform, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return sqlite3_column_int64 (stmt, 0);
    case SQLITE_DONE:
      return 0;
    default:
      _rapport_store_set_error (self->store, error);
      return -1;
    }
}

/* Records that @value (of @by) belongs to @owner: the match when it is the
 * first, else another member the record points at. */
static void
note_owner (RapportResolution *resolution,
            gint64             owner,
            RapportResolvedBy  by,
            const char        *value)
{
  if (owner == 0 || owner == resolution->member_id)
    return;

  if (resolution->member_id == 0)
    {
      resolution->member_id = owner;
      resolution->by = by;
      resolution->value = value;
    }
  else if (resolution->other_id == 0)
    {
      resolution->other_id = owner;
      resolution->other_by = by;
      resolution->other_value = value;
    }
}

/**
 * _rapport_resolver_resolve:
 *
 * Finds the member @record is about: see the rules above. Writes nothing.
 *
 * Returns: %FALSE with @error set when the store failed
 */
gboolean
_rapport_resolver_resolve (RapportResolver            *self,
                           const RapportPersonRecord  *record,
                           RapportResolution          *resolution,
                           GError                    **error)
{
  gint64 owner;

  g_assert (self != NULL);
  g_assert (record != NULL);

  *resolution = (RapportResolution) { 0, RAPPORT_RESOLVED_NEW, NULL, 0, RAPPORT_RESOLVED_NEW, NULL };

  for (guint i = 0; i < record->n_identities; i++)
    {
      const RapportPersonIdentity *identity = &record->identities[i];

      if (identity->external_id == NULL || identity->external_id[0] == '\0')
        continue;
      if ((owner = lookup (self, 'i', identity->platform, identity->external_id, error)) < 0)
        return FALSE;
      note_owner (resolution, owner, RAPPORT_RESOLVED_BY_ID, identity->external_id);
    }

  for (guint i = 0; record->emails != NULL && record->emails[i] != NULL; i++)
    {
      if ((owner = lookup (self, 'e', NULL, record->emails[i], error)) < 0)
        return FALSE;
      /* An address the source does not vouch for proves nothing, but it
       * cannot be given to a second member either. */
      if (record->emails_unverified && resolution->member_id == 0 && owner != 0)
        {
          resolution->other_id = owner;
          resolution->other_by = RAPPORT_RESOLVED_BY_EMAIL;
          resolution->other_value = record->emails[i];
          continue;
        }
      note_owner (resolution, owner, RAPPORT_RESOLVED_BY_EMAIL, record->emails[i]);
    }

  for (guint i = 0; i < record->n_identities; i++)
    {
      const RapportPersonIdentity *identity = &record->identities[i];

      if (identity->handle == NULL || identity->handle[0] == '\0')
        continue;
      if ((owner = lookup (self, 'h', identity->platform, identity->handle, error)) < 0)
        return FALSE;
      note_owner (resolution, owner, RAPPORT_RESOLVED_BY_HANDLE, identity->handle);
    }

  return TRUE;
}

/**
 * _rapport_resolver_claim:
 *
 * The values of @record are @member_id's from now on, though their rows may
 * wait to be written: later records of the batch find them. The member
 * counts as touched.
 */
void
_rapport_resolver_claim (RapportResolver           *self,
                         const RapportPersonRecord *record,
                         gint64                     member_id)
{
  g_assert (self != NULL);
  g_assert (member_id > 0);

  for (guint i = 0; i < record->n_identities; i++)
    {
      const RapportPersonIdentity *identity = &record->identities[i];

      if (identity->external_id != NULL && identity->external_id[0] != '\0')
        g_hash_table_insert (self->pending, g_strdup (make_key (self, 'i', identity->platform, identity->external_id)),
                             GSIZE_TO_POINTER ((gsize) member_id));
      if (identity->handle != NULL && identity->handle[0] != '\0')
        g_hash_table_insert (self->pending, g_strdup (make_key (self, 'h', identity->platform, identity->handle)),
                             GSIZE_TO_POINTER ((gsize) member_id));
    }

  for (guint i = 0; record->emails != NULL && record->emails[i] != NULL; i++)
    if (!g_hash_table_contains (self->pending, make_key (self, 'e', NULL, record->emails[i])))
      g_hash_table_insert (self->pending, g_strdup (self->key->str), GSIZE_TO_POINTER ((gsize) member_id));

  _rapport_resolver_touch (self, member_id);
}

/* The batch's rows are written: the store's lookups find them now. */
void
_rapport_resolver_forget_pending (RapportResolver *self)
{
  g_assert (self != NULL);

  g_hash_table_remove_all (self->pending);
}

/* @member_id changed in a way that may make or unmake a duplicate. */
void
_rapport_resolver_touch (RapportResolver *self,
                         gint64           member_id)
{
  g_assert (self != NULL);

  if (!g_hash_table_contains (self->touched, &member_id))
    g_hash_table_add (self->touched, g_memdup2 (&member_id, sizeof member_id));
}

/**
 * _rapport_resolver_finish:
 *
 * Ends the batch, inside its transaction, once every row is written: the
 * duplicates engine looks at the members it created or changed.
 */
gboolean
_rapport_resolver_finish (RapportResolver  *self,
                          GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  GHashTableIter iter;
  gpointer id;

  g_assert (self != NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->touched));
  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (ids, *(gint64 *) id);

  if (!_rapport_duplicates_update (self->store, (const gint64 *) ids->data, ids->len, error))
    return FALSE;

  g_hash_table_remove_all (self->touched);
  return TRUE;
}
