/* rapport-person-keys-private.h
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

#include <glib.h>

G_BEGIN_DECLS

/* The keys a member can be found by as a possible duplicate; see
 * rapport-person-keys.c for what each kind means. */
typedef enum
{
  RAPPORT_PERSON_KEY_NAME      = 'n',
  RAPPORT_PERSON_KEY_VARIANT   = 'v',
  RAPPORT_PERSON_KEY_INITIAL   = 'l',
  RAPPORT_PERSON_KEY_ORG_NAME  = 'o',
  RAPPORT_PERSON_KEY_EMAIL     = 'e',
  RAPPORT_PERSON_KEY_DOMAIN    = 'd',
  RAPPORT_PERSON_KEY_HANDLE    = 'h',
  RAPPORT_PERSON_KEY_NAME_HANDLE = 'j',
  RAPPORT_PERSON_KEY_GIVEN     = 'g',
  RAPPORT_PERSON_KEY_FAMILY    = 'f',
} RapportPersonKeyKind;

/* What keys are made of: one member as the store holds it. */
typedef struct
{
  const char  *sort_name;        /* rapport_sort_key() of the name */
  gint64       organization_id;  /* 0: none */
  const char **emails;           /* NULL-terminated, or NULL */
  const char **handles;          /* NULL-terminated, or NULL */
  /* The organizations' domains (lower case): only an address there is at
   * a workplace. NULL: any domain but a mail provider's. */
  GHashTable  *work_domains;
} RapportPersonFacts;

void      _rapport_person_keys_add       (const RapportPersonFacts *facts,
                                          GPtrArray                *keys);
gint64    _rapport_person_key_hash       (const char               *key);
char     *_rapport_person_canonical_email (const char              *address);
gboolean  _rapport_person_is_free_mail   (const char               *domain);

/* The kind of a key as member_keys keeps it. */
static inline char
_rapport_person_key_kind (gint64 hash)
{
  return (char) (hash & 0xff);
}

G_END_DECLS
