/* rapport-merge.h
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

/**
 * RapportMergeField:
 * @RAPPORT_MERGE_FIELD_NAME: the name (and how it sorts)
 * @RAPPORT_MERGE_FIELD_ORGANIZATION: the organization
 * @RAPPORT_MERGE_FIELD_TITLE: the job title
 * @RAPPORT_MERGE_FIELD_LOCATION: the location
 * @RAPPORT_MERGE_FIELD_TIMEZONE: the time zone
 * @RAPPORT_MERGE_FIELD_PHONE: the phone number
 * @RAPPORT_MERGE_FIELD_BIO: the bio
 * @RAPPORT_MERGE_FIELD_EMAIL: which address is the primary one (every
 *   address of every member is kept)
 * @RAPPORT_MERGE_FIELD_STAGE: the pipeline stage
 * @RAPPORT_MERGE_N_FIELDS: the number of fields
 *
 * The fields of a member whose value a merge takes from one member.
 */
typedef enum
{
  RAPPORT_MERGE_FIELD_NAME,
  RAPPORT_MERGE_FIELD_ORGANIZATION,
  RAPPORT_MERGE_FIELD_TITLE,
  RAPPORT_MERGE_FIELD_LOCATION,
  RAPPORT_MERGE_FIELD_TIMEZONE,
  RAPPORT_MERGE_FIELD_PHONE,
  RAPPORT_MERGE_FIELD_BIO,
  RAPPORT_MERGE_FIELD_EMAIL,
  RAPPORT_MERGE_FIELD_STAGE,
  RAPPORT_MERGE_N_FIELDS
} RapportMergeField;

/**
 * RapportMergeChoices:
 * @from: for each #RapportMergeField, the id of the member whose value the
 *   survivor keeps (the survivor or one of the others), or 0 for the
 *   default: the survivor's value where it has one, else the first of the
 *   others that has one
 *
 * Which member's value wins, field by field. Fields HubSpot owns (name,
 * email, organization, title, phone of a member linked to a HubSpot
 * contact) follow HubSpot whatever the choice: a pull would overwrite
 * them anyway. Zero-initialise it (`RapportMergeChoices c = { 0 };`) or
 * use rapport_merge_choices_init().
 */
typedef struct
{
  gint64 from[RAPPORT_MERGE_N_FIELDS];
} RapportMergeChoices;

void        rapport_merge_choices_init        (RapportMergeChoices        *choices);
void        rapport_merge_choices_set         (RapportMergeChoices        *choices,
                                               RapportMergeField           field,
                                               gint64                      member_id);
const char *rapport_merge_field_to_string     (RapportMergeField           field);
gboolean    rapport_merge_field_from_string   (const char                 *name,
                                               RapportMergeField          *field);

gboolean    rapport_store_merge_members       (RapportStore               *store,
                                               gint64                      survivor_id,
                                               const gint64               *other_ids,
                                               guint                       n_others,
                                               const RapportMergeChoices  *choices,
                                               gint64                     *journal_id,
                                               GError                    **error);
gboolean    rapport_store_unmerge             (RapportStore               *store,
                                               gint64                      journal_id,
                                               GError                    **error);
gboolean    rapport_store_get_merge           (RapportStore               *store,
                                               gint64                      journal_id,
                                               gint64                     *survivor_id,
                                               GArray                    **other_ids,
                                               GError                    **error);
GPtrArray  *rapport_store_list_merges         (RapportStore               *store,
                                               gint64                      member_id,
                                               GError                    **error);

G_END_DECLS
