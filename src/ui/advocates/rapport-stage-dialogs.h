/* rapport-stage-dialogs.h
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

#include "rapport-stage.h"

G_BEGIN_DECLS

gboolean     rapport_stage_dialogs_can_remove          (GListModel        *stages,
                                                        RapportStage      *stage);
gboolean     rapport_stage_dialogs_check_name          (GListModel        *stages,
                                                        RapportStage      *stage,
                                                        const char        *name,
                                                        char             **message);
GtkWidget   *rapport_rename_stage_dialog_new           (GtkWindow         *parent,
                                                        GListModel        *stages,
                                                        RapportStage      *stage);
GtkEditable *rapport_rename_stage_dialog_get_entry     (AdwMessageDialog  *dialog);
const char  *rapport_rename_stage_dialog_get_message   (AdwMessageDialog  *dialog);
GtkWidget   *rapport_remove_stage_dialog_new           (GtkWindow         *parent,
                                                        GListModel        *stages,
                                                        RapportStage      *stage);
gint64       rapport_remove_stage_dialog_get_target_id (AdwMessageDialog  *dialog);

G_END_DECLS
