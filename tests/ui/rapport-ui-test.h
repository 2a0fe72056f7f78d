/* rapport-ui-test.h
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

/* The moment UI tests run at (see rapport_ui_test_init()). */
#define RAPPORT_UI_TEST_NOW "2026-08-12T12:00:00"

void     rapport_ui_test_init        (int          *argc,
                                      char       ***argv);
void     rapport_ui_test_spin        (guint         ms);
gboolean rapport_ui_test_wait_for    (gboolean    (*condition) (gpointer data),
                                      gpointer      data,
                                      guint         timeout_ms);
void     rapport_ui_test_screenshot  (GtkWidget    *widget,
                                      const char   *name);
char    *rapport_ui_test_make_db     (void);
void     rapport_ui_test_reset_settings (void);
void     rapport_ui_test_remove_tree (const char   *path);
void     rapport_ui_test_destroy_windows (void);

typedef gboolean (*RapportWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

GtkWidget *rapport_ui_test_find_widget   (GtkWidget          *root,
                                          GType               type,
                                          RapportWidgetMatch  match,
                                          gconstpointer       data);
GtkWindow *rapport_ui_test_find_toplevel (GType               type);

gboolean    rapport_ui_test_wait_visible (GtkWidget     *widget);
void        rapport_ui_test_hold_open    (GtkPopover    *popover);
GtkPopover *rapport_ui_test_popup        (GtkMenuButton *button);

G_END_DECLS
