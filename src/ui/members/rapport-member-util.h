/* rapport-member-util.h
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

#include <adwaita.h>

G_BEGIN_DECLS

/* Helpers shared by the parts of the member page: platform names, icons and
 * profile links, activity kinds, and small widget chores. */

const char * const *rapport_member_platform_list_known     (void);
const char         *rapport_member_platform_get_name       (const char *platform);
const char         *rapport_member_platform_get_icon_name  (const char *platform);
char               *rapport_member_platform_dup_profile_url (const char *platform,
                                                             const char *handle,
                                                             const char *url);
const char         *rapport_member_activity_get_icon_name  (const char *kind);
char               *rapport_member_activity_dup_kind_label (const char *kind);
char               *rapport_member_format_day              (gint64      time,
                                                            gint64      now);
char               *rapport_member_format_date             (gint64      time);
char               *rapport_member_format_time_of_day      (gint64      time);
char               *rapport_format_clock                   (GDateTime  *dt);
char               *rapport_member_dup_author_name         (void);
void                rapport_member_ensure_resources        (void);
void                rapport_member_ensure_style            (void);
void                rapport_member_set_icon                (GtkImage   *image,
                                                            const char *icon_name);
void                rapport_member_label_button            (GtkWidget  *button,
                                                            const char *label);
void                rapport_member_show_error              (GtkLabel   *label,
                                                            GtkWidget  *field,
                                                            const GError *error);
void                rapport_member_clear_error             (GtkLabel   *label,
                                                            GtkWidget  *field);
void                rapport_member_open_uri                (GtkWidget  *widget,
                                                            const char *uri);
void                rapport_list_box_remove_rows           (GtkListBox *list);

G_END_DECLS
