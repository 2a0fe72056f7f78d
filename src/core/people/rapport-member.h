/* rapport-member.h
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

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEMBER (rapport_member_get_type ())

G_DECLARE_FINAL_TYPE (RapportMember, rapport_member, RAPPORT, MEMBER, GObject)

RapportMember *rapport_member_new               (void);
RapportMember *rapport_member_copy              (RapportMember *self);
gint64          rapport_member_get_id               (RapportMember *self);
const char *    rapport_member_get_name             (RapportMember *self);
void            rapport_member_set_name             (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_email            (RapportMember *self);
void            rapport_member_set_email            (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_organization     (RapportMember *self);
void            rapport_member_set_organization     (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_title            (RapportMember *self);
void            rapport_member_set_title            (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_location         (RapportMember *self);
void            rapport_member_set_location         (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_phone            (RapportMember *self);
void            rapport_member_set_phone            (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_timezone         (RapportMember *self);
void            rapport_member_set_timezone         (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_bio              (RapportMember *self);
void            rapport_member_set_bio              (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_source           (RapportMember *self);
void            rapport_member_set_source           (RapportMember *self,
                                                  const char * value);
const char *    rapport_member_get_stage            (RapportMember *self);
void            rapport_member_set_stage            (RapportMember *self,
                                                  const char * value);
gint64          rapport_member_get_stage_id         (RapportMember *self);
void            rapport_member_set_stage_id         (RapportMember *self,
                                                  gint64 value);
double          rapport_member_get_score            (RapportMember *self);
void            rapport_member_set_score            (RapportMember *self,
                                                  double value);
int             rapport_member_get_level            (RapportMember *self);
void            rapport_member_set_level            (RapportMember *self,
                                                  int value);
gint64          rapport_member_get_joined_at        (RapportMember *self);
void            rapport_member_set_joined_at        (RapportMember *self,
                                                  gint64 value);
gint64          rapport_member_get_last_active_at   (RapportMember *self);
void            rapport_member_set_last_active_at   (RapportMember *self,
                                                  gint64 value);
gint64          rapport_member_get_activity_count   (RapportMember *self);
void            rapport_member_set_activity_count   (RapportMember *self,
                                                  gint64 value);
gint64          rapport_member_get_created_at       (RapportMember *self);
void            rapport_member_set_created_at       (RapportMember *self,
                                                  gint64 value);
gint64          rapport_member_get_updated_at       (RapportMember *self);
void            rapport_member_set_updated_at       (RapportMember *self,
                                                  gint64 value);
char          *rapport_member_dup_initials      (RapportMember *self);
GStrv          rapport_member_dup_custom_keys   (RapportMember *self);
const char    *rapport_member_get_custom        (RapportMember *self,
                                                 const char    *key);
void           rapport_member_set_custom        (RapportMember *self,
                                                 const char    *key,
                                                 const char    *value);
char          *rapport_member_dup_custom_json   (RapportMember *self);
void           rapport_member_set_custom_json   (RapportMember *self,
                                                 const char    *json);

G_END_DECLS
