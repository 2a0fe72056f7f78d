/* rapport-resolver-private.h
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

#include "rapport-store-private.h"

G_BEGIN_DECLS

/* One way in for every person: see rapport-resolver.c. */

typedef struct
{
  const char *platform;     /* a platform id of the registry */
  const char *external_id;  /* the platform's own id for the person, or NULL */
  const char *handle;       /* the name they go by there, or NULL */
} RapportPersonIdentity;

/* A person as a source describes them. Emails are normalized
 * (rapport_normalize_email()). */
typedef struct
{
  const char                  *name;
  const char * const          *emails;          /* NULL-terminated, or NULL */
  gboolean                     emails_unverified;
  const RapportPersonIdentity *identities;
  guint                        n_identities;
  const char                  *organization;
  const char                  *source;
} RapportPersonRecord;

/* How a record was matched, strongest first. */
typedef enum
{
  RAPPORT_RESOLVED_NEW,
  RAPPORT_RESOLVED_BY_ID,
  RAPPORT_RESOLVED_BY_EMAIL,
  RAPPORT_RESOLVED_BY_HANDLE,
} RapportResolvedBy;

typedef struct
{
  gint64             member_id;       /* 0: nobody yet; the caller creates them */
  RapportResolvedBy  by;
  const char        *value;           /* the record's value that matched, or NULL */
  /* Another member a value of the record belongs to: a person decides. */
  gint64             other_id;
  RapportResolvedBy  other_by;
  const char        *other_value;
} RapportResolution;

typedef struct _RapportResolver RapportResolver;

RapportResolver *_rapport_resolver_new     (RapportStore               *store);
void             _rapport_resolver_free    (RapportResolver            *self);
gboolean         _rapport_resolver_resolve (RapportResolver            *self,
                                            const RapportPersonRecord  *record,
                                            RapportResolution          *resolution,
                                            GError                    **error);
void             _rapport_resolver_claim   (RapportResolver            *self,
                                            const RapportPersonRecord  *record,
                                            gint64                      member_id);
void             _rapport_resolver_forget_pending (RapportResolver     *self);
void             _rapport_resolver_touch   (RapportResolver            *self,
                                            gint64                      member_id);
gboolean         _rapport_resolver_finish  (RapportResolver            *self,
                                            GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportResolver, _rapport_resolver_free)

G_END_DECLS
